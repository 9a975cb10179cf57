"""Link again: a claim's words no longer hold the names in it.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

In a store of many stories, two claims that shared a name and a word ("Donald Trump" and
"Trump's comments"; "to help him do so" and "to help pay for it") were grouped as one matter, and
then judged corroborated or contested. The words linking stores of a claim (members' words,
propositions' blocking keys and kept summaries) now leave the names out — the entities stand for
them — and a quantity word before a figure ("Some 72 percent") is no longer read as a numbered
thing ("Gate 7"), so stored words would not meet new claims'. Like revisions 0009 and 0011, this revision
forgets the link results, keeping every article, claim and alias decision; the next
``sayso link`` or ``sayso ingest`` links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
