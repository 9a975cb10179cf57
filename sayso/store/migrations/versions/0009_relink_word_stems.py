"""Link again: claims are compared by word stems that now also join a verb and its noun.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

"injured" and "injuries", "inspected" and "inspection" now give one stem, so the stems that
linking stored (members' words, propositions' blocking keys and kept summaries) no longer meet
those of new claims. Link results are derived from the stored analyses: this revision forgets
them, as ``sayso link --rebuild`` does, and keeps every article, claim and alias decision. The
next ``sayso link`` (or ``sayso ingest``) links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
