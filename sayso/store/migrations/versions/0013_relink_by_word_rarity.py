"""Link again: what two claims share must be rare enough in news to group them.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

In a store of real news, two claims sharing two everyday words of the season ("a real issue",
"private" and "server") were grouped as one matter, then judged corroborated or contested. Linking
now weighs the words and names two claims share by how rare they are in news
(``sayso/link/word_rarity.txt``) and groups them only when that adds up to enough evidence
(twice as much for claims published years apart), so propositions made before would not be made
now. Like revisions 0009, 0011 and 0012, this
revision forgets the link results, keeping every article, claim and alias decision; the next
``sayso link`` or ``sayso ingest`` links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
