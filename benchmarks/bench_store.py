"""Storing claims: ``Store.add`` against a plain DBAPI ``executemany`` of the same rows.

The same invented analyses (``generate.analyses``) go in one article per transaction, as
``sayso ingest`` stores them: through ``Store.add`` (the conversion of the dataclasses to
rows, SQLAlchemy's inserts, a stored article refused by its key), and, as the baseline, through the driver
alone (``sqlite3`` or ``psycopg``): one ``executemany`` per table of rows converted before
the clock starts, one commit per article. Both write into a fresh database with sayso's
schema and the same settings, timed a round of 100 articles each in turn so that a shared
machine's changing load falls on both alike. Goal: sayso within 2× of the baseline.

PostgreSQL is measured when ``$SAYSO_BENCH_POSTGRES_URL`` or ``$SAYSO_TEST_POSTGRES_URL``
names a server that may create databases, or else on a throw-away server started from the
PostgreSQL binaries on this machine (as the tests do: ``tests/pg_server.py``, fsync off);
with neither, its rows say "skipped".

    python benchmarks/bench_store.py [--quick]
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import ROOT, command_line, goal, row, skipped  # noqa: E402

import generate  # noqa: E402
from sayso.model import Analysis  # noqa: E402
from sayso.store import Store  # noqa: E402
from sayso.store.convert import rows_for  # noqa: E402

FULL, QUICK = 2000, 200  # articles
GOAL = 2.0
ENV_URLS = ("SAYSO_BENCH_POSTGRES_URL", "SAYSO_TEST_POSTGRES_URL")


def claims_in(analyses: list[Analysis]) -> int:
    return sum(len(a.attributions) + len(a.unattributed) for a in analyses)


ROUND = 100  # articles timed for sayso, then the same for the baseline, in turn


def _in_turn(analyses: list[Analysis], sayso: Callable[[list[Analysis]], None], baseline: Callable[[list[Any]], None],
             statements: list[Any]) -> tuple[float, float]:
    """Seconds for sayso and for the baseline, timed a round of articles each in turn, so that a
    change in the machine's load falls on both alike."""
    spent = [0.0, 0.0]
    for at in range(0, len(analyses), ROUND):
        start = time.perf_counter()
        sayso(analyses[at : at + ROUND])
        middle = time.perf_counter()
        baseline(statements[at : at + ROUND])
        spent[0] += middle - start
        spent[1] += time.perf_counter() - middle
    return spent[0], spent[1]


def _store_all(store: Store) -> Callable[[list[Analysis]], None]:
    def add(analyses: list[Analysis]) -> None:
        for analysis in analyses:
            store.add(analysis)

    return add


def _statements(analyses: list[Analysis], placeholder: str, adapt: Callable[[Any], Any]) -> list[list[tuple[str, list[tuple[Any, ...]]]]]:
    """Per article, (INSERT statement, parameter tuples) per table, made before timing starts."""
    now = datetime.now(timezone.utc)
    articles = []
    for analysis in analyses:
        batches = []
        for table, rows in rows_for(analysis, now):
            if not rows:
                continue
            columns = list(rows[0])
            sql = f"INSERT INTO {table.__tablename__} ({', '.join(columns)}) VALUES ({', '.join([placeholder] * len(columns))})"
            batches.append((sql, [tuple(adapt(r[c]) for c in columns) for r in rows]))
        articles.append(batches)
    return articles


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(" ")  # how SQLAlchemy stores it
    return value


def time_sqlite(folder: Path, analyses: list[Analysis]) -> tuple[float, float]:
    """(sayso, baseline) seconds on two fresh SQLite files with sayso's schema and settings."""
    Store(str(folder / "baseline.db")).close()  # sayso's schema, made by its migrations
    statements = _statements(analyses, "?", _sqlite_value)
    connection = sqlite3.connect(folder / "baseline.db")
    connection.execute("PRAGMA foreign_keys = ON")  # the settings sayso's engine uses
    connection.execute("PRAGMA journal_mode = WAL")

    def executemany(articles: list[Any]) -> None:
        for batches in articles:
            with connection:  # one transaction per article
                for sql, params in batches:
                    connection.executemany(sql, params)

    try:
        with Store(str(folder / "sayso.db")) as store:
            return _in_turn(analyses, _store_all(store), executemany, statements)
    finally:
        connection.close()


def time_postgres(urls: list[str], analyses: list[Analysis]) -> tuple[float, float]:
    """(sayso, baseline) seconds on two fresh PostgreSQL databases with sayso's schema."""
    import psycopg
    from psycopg.types.json import Json
    from sqlalchemy import make_url

    Store(urls[1]).close()
    statements = _statements(analyses, "%s", lambda v: Json(v) if isinstance(v, (list, dict)) else v)
    parts = make_url(urls[1])
    with psycopg.connect(host=parts.host, port=parts.port, user=parts.username, password=parts.password, dbname=parts.database) as connection:

        def executemany(articles: list[Any]) -> None:
            for batches in articles:
                with connection.transaction(), connection.cursor() as cursor:
                    for sql, params in batches:
                        cursor.executemany(sql, params)

        with Store(urls[0]) as store:
            return _in_turn(analyses, _store_all(store), executemany, statements)


def _rows(backend: str, analyses: list[Analysis], sayso: float, baseline: float, extra: str = "") -> list[dict[str, Any]]:
    claims = claims_in(analyses)
    ratio = sayso / baseline
    return [
        row("store", f"{backend}: claims stored", claims / sayso, "claims/s", claims / baseline, ratio,
            f"{1000 * sayso / len(analyses):.1f} vs {1000 * baseline / len(analyses):.1f} ms/article; {len(analyses):,} articles, "
            f"{claims:,} claims, one transaction each; baseline: DBAPI executemany of the same rows{extra}; {goal(ratio, GOAL)}"),
    ]


@contextmanager
def postgres_server() -> Iterator[tuple[Any, str] | None]:
    """(server, how it was found) from ``tests/pg_server.py``, or None when there is none to be had."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import pg_server
    except ImportError:
        yield None
        return
    from sqlalchemy import make_url

    for variable in ENV_URLS:
        if os.environ.get(variable):
            yield pg_server.Server(make_url(os.environ[variable]), started=False), f"the server ${variable} names"
            return
    bindir = pg_server.find_bindir()
    if bindir is None:
        yield None
        return
    local = pg_server.LocalServer(bindir)
    try:
        local.start()
        pg_server._wait_until_up(local.admin_url)
        yield pg_server.Server(local.admin_url, started=True), "a throw-away server (fsync off, as the tests run it)"
    finally:
        local.stop()


def run(quick: bool = False, articles: int | None = None) -> list[dict[str, Any]]:
    count = articles or (QUICK if quick else FULL)
    analyses = generate.analyses(10 * count)[:count]
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="sayso-bench-store-"))
    try:
        sayso, baseline = time_sqlite(folder, analyses)
        rows += _rows("SQLite", analyses, sayso, baseline, " (WAL, as sayso sets it); timed in turn, 100 articles each")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    try:
        with postgres_server() as found:
            if found is None:
                rows.append(skipped("store", "PostgreSQL: claims stored", "no PostgreSQL server or binaries (set SAYSO_BENCH_POSTGRES_URL)"))
                return rows
            import pg_server

            server, how = found
            urls = [pg_server.new_database(server, "sayso_bench") for _ in range(2)]
            try:
                sayso, baseline = time_postgres(urls, analyses)
                rows += _rows("PostgreSQL", analyses, sayso, baseline, f"; timed in turn, 100 articles each; on {how}")
            finally:
                for url in urls:
                    pg_server.drop_database(server, url)
    except Exception as err:  # noqa: BLE001 - a server that fails to start is a skipped row
        rows.append(skipped("store", "PostgreSQL: claims stored", f"{type(err).__name__}: {str(err).splitlines()[0][:120]}"))
    return rows


if __name__ == "__main__":
    command_line(__doc__, run, articles=int)
