"""What a revision does when linking changes what it stores of a claim: forget the link results.

Link results are derived from the stored analyses, so a revision that changes how claims are
compared (word stems, counted classes) empties them, as ``sayso link --rebuild`` does, and keeps
every article, claim and alias decision; the next ``sayso link`` (or ``sayso ingest``) links
every article again. Shared by revisions 0009, 0011, 0012, 0013 and 0014.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Children before parents; linked entities last, once nothing merges into another.
LINK_RESULTS = (
    "proposition_keys", "proposition_members", "proposition_summaries", "propositions",
    "article_bands", "linked_articles", "entity_articles", "entity_forms",
)


def forget_link_results() -> None:
    for table in LINK_RESULTS:
        op.execute(sa.table(table).delete())
    entities = sa.table("linked_entities", sa.column("merged_into"))
    op.execute(entities.update().values(merged_into=None))
    op.execute(entities.delete())
