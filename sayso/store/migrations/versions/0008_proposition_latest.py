"""What comparing reads of each proposition's latest members, in one value (``propositions.latest``).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Every claim is compared with the latest members of up to 40 candidate propositions; read as
member rows, with three JSON columns each, those cost most of what one more article costs in a
large store. A new column, empty in the propositions linked before: those are read from their
members, as before, and gain the value the next time they are saved, so a store of any size
upgrades at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("propositions", sa.Column("latest", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("propositions") as batch:
        batch.drop_column("latest")
