"""An index on proposition members by proposition and date (``published``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

Linking compares each claim with the latest members of its candidate propositions; with this
index the database reads just those, not every member of a proposition that has grown to
hundreds. Nothing stored changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_proposition_members_proposition_published"


def upgrade() -> None:
    op.create_index(NAME, "proposition_members", ["proposition_id", "published"], unique=False)


def downgrade() -> None:
    op.drop_index(NAME, table_name="proposition_members")
