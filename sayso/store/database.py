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
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import StoreError

DEFAULT_URL = "sqlite:///sayso.db"
ENV_VAR = "SAYSO_DB"


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
    """An engine for ``url``; SQLite gets foreign keys, WAL and Unicode-aware lower()."""
    try:
        engine = create_engine(url)
    except ArgumentError as err:  # includes an unknown dialect
        raise StoreError(f"cannot use database {shown(url)}: {one_line(err)}") from err
    except ImportError as err:
        raise StoreError(f"cannot use database {shown(url)}: driver missing ({err})") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # SQLite's own lower() folds ASCII only; Python's, like PostgreSQL's under a
    # UTF-8 locale, folds all of Unicode, so "ÖZTÜRK" finds "Öztürk".
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def one_line(err: Exception) -> str:
    """The driver's own words for ``err``, without SQLAlchemy's SQL echo and help link."""
    lines = str(getattr(err, "orig", None) or err).strip().splitlines()
    return lines[0] if lines else type(err).__name__
