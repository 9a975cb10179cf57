"""Where the database is and how to connect to it.

A store is named by a SQLAlchemy URL, or by a plain file path for the common
SQLite case. Every failure to make sense of the name becomes a ``StoreError``
with one line a terminal can show.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import StoreError

DEFAULT_URL = "sqlite:///sayso.db"
ENV_VAR = "SAYSO_DB"
# How long a SQLite writer waits for another process's write to finish before giving up. Writes
# are one article (or one article's linking) at a time, so a turn takes well under a second;
# the margin covers a slow disk and a busy machine.
BUSY_TIMEOUT_MS = 60_000
WRITING = "sayso_writing"  # execution option: this transaction will write


def resolve_url(name: str | None = None) -> URL:
    """The URL meant by ``name``: a URL, a file path, or (when None) ``$SAYSO_DB`` or ./sayso.db."""
    name = name or os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in name:
        return URL.create("sqlite", database=str(Path(name).expanduser()))
    try:
        url = make_url(name)
    except (ArgumentError, ValueError) as err:  # ValueError: a port that is not a number
        hidden = re.sub(r"//[^/@]*@", "//***@", name)  # the URL's user and password
        raise StoreError(f"not a database URL: {hidden}") from err
    if url.drivername == "postgresql" and importlib.util.find_spec("psycopg2") is None:
        url = url.set(drivername="postgresql+psycopg")  # the driver sayso installs (psycopg 3)
    return url


def shown(url: URL) -> str:
    """The URL as it may appear in a message: never with its password."""
    return url.render_as_string(hide_password=True)


def open_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL, a busy timeout, transactions begun
    by sayso (see ``_begin_sqlite``) and Unicode-aware lower()."""
    sqlite = url.get_backend_name() == "sqlite"
    try:
        # The driver's timeout is SQLite's busy timeout: how long to wait for the write lock.
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if sqlite else {})
    except ArgumentError as err:  # includes an unknown dialect
        raise StoreError(f"cannot use database {shown(url)}: {one_line(err)}") from err
    except ImportError as err:
        raise StoreError(f"cannot use database {shown(url)}: driver missing ({err})") from err
    if sqlite:
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    return engine


def for_writing(engine: Engine) -> Engine:
    """The same engine (same connections) for transactions that write: on SQLite they take the
    write lock when they begin, so two writers take turns instead of one failing."""
    return engine.execution_options(**{WRITING: True})


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # SQLite's own lower() folds ASCII only; Python's, like PostgreSQL's under a
    # UTF-8 locale, folds all of Unicode, so "ÖZTÜRK" finds "Öztürk".
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    # The driver would begin a transaction only before the first write, leaving the reads before
    # it outside; _begin_sqlite begins every transaction instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    _enter_wal(cursor)
    cursor.close()


def _enter_wal(cursor: sqlite3.Cursor) -> None:
    # Switching a file to WAL needs an exclusive lock for a moment, and SQLite asks for it without
    # consulting the busy timeout: when several processes open a new file at once, all but one
    # are told "database is locked" at once. So wait here, as the busy timeout would have.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _begin_sqlite(connection: Connection) -> None:
    # A transaction that reads, then writes, fails at once with "database is locked" when another
    # process wrote in between (its snapshot is stale, so waiting cannot help). A writer therefore
    # takes the write lock up front (BEGIN IMMEDIATE), waiting up to the busy timeout for its turn;
    # readers never wait in WAL mode.
    writing = connection.get_execution_options().get(WRITING, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def one_line(err: Exception) -> str:
    """The driver's own words for ``err``, without SQLAlchemy's SQL echo and help link."""
    lines = str(getattr(err, "orig", None) or err).strip().splitlines()
    return lines[0] if lines else type(err).__name__
