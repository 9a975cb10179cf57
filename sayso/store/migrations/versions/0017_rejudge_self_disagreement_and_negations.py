"""Link again: one source at odds with itself is no contest, and a negation contradicts only what is stated.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

A proposition whose only disagreement lay inside one source group (one outlet's "Among women,
she is at minus nine" and "Among white women, she is at minus 25") was judged ``contested``,
with an explanation saying independent sources disagree. It is now ``single_source``, its
explanation showing where that source's claims differ. And a negation ("has not released the
reports") no longer contradicts a verb put after "to" ("to release the reports", a call or an aim)
or the words of a clause that supposes ("if no buyer is found"), so stances change; summaries
of layout 6 recorded the words an anchor states without telling these apart. Verdicts are stored with their
propositions, so like revision 0016 this revision forgets the link results, keeping every
article, claim and alias decision; the next ``sayso link`` or ``sayso ingest`` links every article
again.
"""

from __future__ import annotations

from collections.abc import Sequence

from sayso.store.migrations.relink import forget_link_results

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    forget_link_results()


def downgrade() -> None:
    """Nothing to restore: the older linker links the stored articles again on its next run."""
