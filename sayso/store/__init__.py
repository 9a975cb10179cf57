"""Store stage: analyses kept in SQLite or PostgreSQL, schema managed by Alembic."""

from .store import Store, StoredClaim

__all__ = ["Store", "StoredClaim"]
