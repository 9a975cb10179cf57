"""A throw-away PostgreSQL server for the tests, started from the binaries on this machine.

``postgres_server`` (session-scoped) runs ``initdb`` on a temporary directory and starts
``postgres`` on a free port of 127.0.0.1 with fsync off; it is stopped and deleted when the
session ends. Each test that wants PostgreSQL asks ``new_database(server)`` for a database of
its own. When ``SAYSO_TEST_POSTGRES_URL`` names a server (a role allowed to create databases),
that server is used instead and nothing is started. With neither, the PostgreSQL tests skip,
saying why.

The binaries are looked for in ``$SAYSO_TEST_PG_BINDIR``, then on ``PATH`` (``pg_ctl``), then
in Debian's ``/usr/lib/postgresql/<version>/bin``. PostgreSQL refuses to run as root, so under
root the server runs as the ``postgres`` user (Debian's package makes it), else ``nobody``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text

ENV_URL = "SAYSO_TEST_POSTGRES_URL"
ENV_BINDIR = "SAYSO_TEST_PG_BINDIR"
SUPERUSER = "sayso"


@dataclass
class Server:
    """A PostgreSQL server the tests may create databases on."""

    admin_url: URL  # a database to connect to for CREATE DATABASE
    started: bool  # True when this session started it (and will stop it)

    def url_for(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)


def find_bindir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None when this machine has none."""
    candidates: list[Path] = []
    if os.environ.get(ENV_BINDIR):
        candidates.append(Path(os.environ[ENV_BINDIR]))
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    debian = Path("/usr/lib/postgresql")
    if debian.is_dir():
        versions = sorted(
            (p for p in debian.iterdir() if p.name.split(".")[0].isdigit()),
            key=lambda p: float(p.name) if p.name.replace(".", "", 1).isdigit() else 0,
            reverse=True,
        )
        candidates += [v / "bin" for v in versions]
    for folder in candidates:
        if all((folder / tool).is_file() for tool in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as() -> str | None:
    """The user to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return None


class LocalServer:
    """initdb + pg_ctl on a temporary directory; ``stop`` removes every trace."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.user = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="sayso-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        if self.user is not None:
            record = pwd.getpwnam(self.user)
            os.chown(self.root, record.pw_uid, record.pw_gid)
        os.chmod(self.root, 0o700)

    def _tool(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            user=self.user,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,  # a directory the server's user may enter
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
        )

    def start(self) -> None:
        init = self._tool(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--no-sync"
        )
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {(init.stderr or init.stdout).strip()}")
        for _ in range(5):  # another process may take the port between our probe and the server's bind
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
            )
            started = self._tool("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
            if started.returncode == 0:
                return
        log = self.log.read_text(errors="replace")[-500:] if self.log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {(started.stderr or started.stdout).strip()} {log}")

    def stop(self) -> None:
        if self.data.exists():
            self._tool("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=30)
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def admin_url(self) -> URL:
        return URL.create("postgresql+psycopg", username=SUPERUSER, host="127.0.0.1", port=self.port, database="postgres")


def _wait_until_up(url: URL, seconds: float = 20) -> None:
    engine = create_engine(url)
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                with engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
                return
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    """A PostgreSQL server for this test session (skips, saying why, when none can be had)."""
    if os.environ.get(ENV_URL):
        yield Server(make_url(os.environ[ENV_URL]), started=False)
        return
    bindir = find_bindir()
    if bindir is None:
        pytest.skip(
            f"no PostgreSQL binaries (initdb, pg_ctl, postgres) found: install Debian's postgresql "
            f"package, or set {ENV_BINDIR} or {ENV_URL}"
        )
    server = LocalServer(bindir)
    try:
        server.start()
        _wait_until_up(server.admin_url)
        yield Server(server.admin_url, started=True)
    finally:
        server.stop()


def _admin(server: Server, statement: str) -> None:
    """Run one statement that may not run in a transaction (CREATE/DROP DATABASE)."""
    engine = create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(statement))
    finally:
        engine.dispose()


def new_database(server: Server, prefix: str = "sayso_test") -> str:
    """A new empty database on ``server``; returns its SQLAlchemy URL (psycopg driver)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    return server.url_for(name)


def drop_database(server: Server, url: str) -> None:
    """Drop a database ``new_database`` made, ending any connection still open to it."""
    _admin(server, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_server: Server) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database for one test, dropped afterwards."""
    url = new_database(postgres_server)
    try:
        yield url
    finally:
        drop_database(postgres_server, url)


BACKENDS = ("sqlite", "postgresql")


def database_url(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> str:
    """A fresh database of ``backend`` for one test: a SQLite file, or a new PostgreSQL database."""
    if backend == "sqlite":
        return str(tmp_path / "sayso.db")
    server: Server = request.getfixturevalue("postgres_server")
    url = new_database(server)
    request.addfinalizer(lambda: drop_database(server, url))
    return url
