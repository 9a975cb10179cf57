"""Link again: claims published further apart need more in common to be one matter.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

In a store of several months of real news, the same few words weeks apart were more often
another occasion of the kind (another poll's margin of error, another contest's delegates,
another shooting's toll) than one matter told twice. The evidence two claims must share now
rises with the logarithm of the days between them, from once on the same day to twice at a
year (which was a step from once to twice), and two counts of people far apart ("three people
were killed", "nine people were killed") no longer count the people among their words in
common, so propositions made before would not be made now. Like revision 0014, this revision forgets the link results, keeping every article, claim
and alias decision; the next ``sayso link`` or ``sayso ingest`` links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
