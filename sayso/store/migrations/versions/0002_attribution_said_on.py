"""Attributions keep ``said_on``, the date the statement itself was made.

Revision ID: 0002
Revises: 0001
Create Date: 2025-06-01

Nullable with no default: claims stored before this revision did not record
the date, and NULL says exactly that. A plain ADD COLUMN needs no table copy,
even on SQLite; dropping it does, hence batch mode on the way down.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("said_on", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("said_on")
