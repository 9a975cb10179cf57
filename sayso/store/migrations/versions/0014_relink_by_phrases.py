"""Link again: a phrase two claims share is one thing named, not several words of evidence.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

In a store of real news, claims that named one thing in the same words ("her use of a private
email server") but said different things of it ("extremely careless", "a special prosecutor to
investigate") were grouped as one matter, and so were counts of delegates in different
contests. Linking now weighs a phrase both claims write as its rarest word and half of the rest,
takes a long quotation one article prints whole and another in part as one claim, and counts a
count with something said of it in common as evidence only for counts of people, so
propositions made before would not be made now. Like revision 0013, this
revision forgets the link results, keeping every article, claim and alias decision; the next
``sayso link`` or ``sayso ingest`` links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
