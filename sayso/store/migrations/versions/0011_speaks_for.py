"""Whom a person speaks for, and link again with the day's new word stems and counted classes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

``entities.speaks_for`` names the body a person holds a post in ("Erland Moss, chief executive
of Tessholm Sound Ferries"), and ``proposition_members.speaks_for_entity`` the linked entity of
that body for a member's origin: a claim of the person and one of the body are one voice, not
two independent sources. Nullable with no default: articles analysed before this revision have
no posts read (``sayso ingest`` of them again does not re-analyse; analysing them afresh does).

Linking also changed what it stores of a claim: irregular past forms now meet their verb
("took" → take), a count of patients or fans is a count of people, a figure in metres counts
metres. Stored link results would no longer meet new claims' words and classes, so this
revision forgets them, as ``sayso link --rebuild`` does (articles, claims and alias decisions
are kept) and as revision 0009 did; the next ``sayso link`` or ``sayso ingest`` links every
article again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sayso.store.migrations.relink import forget_link_results

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ADDED = (("entities", "speaks_for", sa.Text()), ("proposition_members", "speaks_for_entity", sa.Integer()))


def upgrade() -> None:
    for table, column, kind in ADDED:
        op.add_column(table, sa.Column(column, kind, nullable=True))
    forget_link_results()


def downgrade() -> None:
    for table, column, _ in reversed(ADDED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
