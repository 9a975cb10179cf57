"""Attributions keep their ``speech_act``; assertions say whether they are ``background``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Both columns get a server default ("assert", false) so rows stored before this revision
read as what the analysis then implied: every claim asserted, every assertion news.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("speech_act", sa.String(32), nullable=False, server_default="assert"))
    op.add_column("assertions", sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("assertions") as batch:
        batch.drop_column("background")
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("speech_act")
