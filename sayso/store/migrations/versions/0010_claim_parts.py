"""Claims keep their parts: the clauses of a content that states two or more things.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

``attributions.parts`` and ``assertions.parts`` hold the clauses of a content that states two or
more things ("One passenger died and at least 30 people were injured"); ``proposition_members.part``
says which of them a member is (1, 2, …), each part being linked as a claim of its own. Nullable
with no default: articles analysed before this revision were not split, and NULL reads as no
parts, so they keep linking as one claim each. Plain ADD COLUMNs; batch mode to drop them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADDED = (("attributions", "parts", sa.JSON()), ("assertions", "parts", sa.JSON()), ("proposition_members", "part", sa.Integer()))


def upgrade() -> None:
    for table, column, kind in ADDED:
        op.add_column(table, sa.Column(column, kind, nullable=True))


def downgrade() -> None:
    for table, column, _ in reversed(ADDED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
