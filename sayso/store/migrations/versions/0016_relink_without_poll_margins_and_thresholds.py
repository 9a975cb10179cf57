"""Link again: a poll's margin of error and a rule's threshold are no evidence of one matter.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

Every poll states its margin of error in the same words ("a margin of sampling error of plus or
minus 3 percentage points"), and every story of a race restates its threshold ("the 1,237
delegates needed to clinch the nomination"), so in a store of several months of news the
margins of different polls, and claims that only mention the threshold, were grouped as one
matter. Those words no longer count among the words two claims share, nor such a threshold as a
figure in common, so propositions made before would not be made now; and a share and a count
("35 percent of jobs", "6,000 jobs") no longer contest each other (a stance of ``partial``),
which summaries of layout 5 did not record. Like revision 0015, this
revision forgets the link results, keeping every article, claim and alias decision; the next
``sayso link`` or ``sayso ingest`` links every article again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
