"""Bring a database's schema up to date with the migrations shipped in this package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text

MIGRATIONS = Path(__file__).with_name("migrations")

# PostgreSQL advisory lock keys: one process at a time migrates, one at a time links.
MIGRATION_LOCK = 0x5A750001
LINK_LOCK = 0x5A750002


def serialise(connection: Connection, key: int) -> None:
    """Wait until no other session holds ``key``, then hold it to the end of this transaction.

    On PostgreSQL this makes concurrent writers (two ``sayso ingest`` processes) take turns
    where they must; SQLite locks the whole database for a writer anyway.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run ``alembic upgrade`` on ``connection``: no alembic.ini, any URL, even :memory:.

    ``revision`` stops short of head, so a test can build a database as an older sayso left it.
    """
    serialise(connection, MIGRATION_LOCK)  # two processes opening a new database create it once
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)
