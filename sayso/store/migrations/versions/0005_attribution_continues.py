"""Attributions say which earlier quote they carry on (``continues``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Nullable with no default: rows stored before this revision were not linked, and NULL
(carries on nothing) is what they then said. Re-analysing an article fills it in.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("continues", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("continues")
