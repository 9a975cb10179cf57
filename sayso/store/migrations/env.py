"""Alembic environment: migrations run on the connection ``sayso.store.migrate`` hands over."""

from __future__ import annotations

from alembic import context

from sayso.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("sayso migrations run through sayso.store.migrate.upgrade(connection)")

# Batch mode lets later revisions alter tables on SQLite, which has little ALTER TABLE.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
