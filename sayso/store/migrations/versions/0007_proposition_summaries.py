"""A summary of each proposition as last judged (``proposition_summaries``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

Claims that join a proposition are judged against its summary instead of every member, so one
more article costs its own claims, not the size of the propositions it joins. A new table;
nothing stored changes. Propositions judged before have no summary: each gets one the next time
a claim joins it (it is then judged whole, as before), so a store of any size upgrades at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "proposition_summaries",
        sa.Column(
            "proposition_id",
            sa.String(32),
            sa.ForeignKey("propositions.id", ondelete="CASCADE", name="fk_proposition_summaries_proposition_id_propositions"),
            nullable=False,
        ),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("proposition_id", name="pk_proposition_summaries"),
    )


def downgrade() -> None:
    op.drop_table("proposition_summaries")
