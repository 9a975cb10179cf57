"""Reading and writing what linking knows: entities across articles, copies, propositions.

All of it goes through one SQLAlchemy session that the caller commits, so linking one
article is one transaction. Every lookup is by indexed key (entity forms, band hashes,
blocking keys), never a scan of the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .schema import (
    AliasDecisionRow,
    ArticleBandRow,
    Base,
    EntityArticleRow,
    EntityFormRow,
    LinkedArticleRow,
    LinkedEntityRow,
    MemberRow,
    PropositionKeyRow,
    PropositionRow,
)

CANDIDATES_PER_CLAIM = 40
MEMBERS_COMPARED = 25


def _now() -> datetime:
    return datetime.now(timezone.utc)


class LinkState:
    """The link tables seen through one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _insert_new(self, table: type[Base], rows: list[dict[str, Any]]) -> None:
        """Insert rows, skipping those whose primary key is already there (both backends)."""
        if not rows:
            return
        dialect = self.session.get_bind().dialect.name
        maker = pg_insert if dialect == "postgresql" else sqlite_insert
        self.session.execute(maker(table).on_conflict_do_nothing(), rows)

    # Entities

    def canonical(self, entity_id: int) -> int:
        seen = set()
        while entity_id not in seen:
            seen.add(entity_id)
            row = self.session.get(LinkedEntityRow, entity_id)
            if row is None or row.merged_into is None:
                return entity_id
            entity_id = row.merged_into
        return entity_id

    def entity(self, entity_id: int) -> LinkedEntityRow | None:
        return self.session.get(LinkedEntityRow, self.canonical(entity_id))

    def forms_matching(self, keys: Iterable[str]) -> list[tuple[int, EntityFormRow]]:
        """(canonical entity id, form row) for every stored form with one of ``keys``."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        rows = self.session.scalars(select(EntityFormRow).where(EntityFormRow.key.in_(wanted))).all()
        return [(self.canonical(row.entity_id), row) for row in rows]

    def forms_of(self, entity_id: int) -> list[EntityFormRow]:
        query = select(EntityFormRow).where(EntityFormRow.entity_id == entity_id).order_by(EntityFormRow.key)
        return list(self.session.scalars(query))

    def new_entity(self, name: str, type_: str) -> int:
        row = LinkedEntityRow(name=name, type=type_)
        self.session.add(row)
        self.session.flush()
        return row.id

    def rename(self, entity_id: int, name: str) -> None:
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.id == entity_id).values(name=name))

    def add_forms(self, entity_id: int, forms: Sequence[tuple[str, str, str, str | None]]) -> None:
        """Forms as (key, form, kind, seen_on)."""
        rows = [{"key": k, "entity_id": entity_id, "form": f, "kind": kind, "seen_on": on} for k, f, kind, on in forms]
        self._insert_new(EntityFormRow, rows)

    def merge(self, source: int, target: int) -> None:
        """Make ``source`` a name of ``target``: its forms and articles move over."""
        if source == target:
            return
        self.add_forms(target, [(r.key, r.form, r.kind, r.seen_on) for r in self.forms_of(source)])
        self.session.execute(delete(EntityFormRow).where(EntityFormRow.entity_id == source))
        moved = self.session.scalars(select(EntityArticleRow).where(EntityArticleRow.entity_id == source)).all()
        for row in moved:
            self.count_mentions(target, row.article_id, row.mentions)
        self.session.execute(delete(EntityArticleRow).where(EntityArticleRow.entity_id == source))
        for column in (MemberRow.origin_entity, MemberRow.outlet_entity):
            self.session.execute(update(MemberRow).where(column == source).values({column: target}))
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.id == source).values(merged_into=target))
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.merged_into == source).values(merged_into=target))

    def count_mentions(self, entity_id: int, article_id: str, mentions: int) -> None:
        row = self.session.get(EntityArticleRow, (entity_id, article_id))
        if row is None:
            self.session.add(EntityArticleRow(entity_id=entity_id, article_id=article_id, mentions=mentions))
        else:
            row.mentions += mentions
        self.session.flush()

    def articles_of(self, entity_ids: Iterable[int]) -> set[str]:
        ids = sorted(set(entity_ids))
        if not ids:
            return set()
        query = select(EntityArticleRow.article_id).where(EntityArticleRow.entity_id.in_(ids))
        return set(self.session.scalars(query))

    def decisions(self) -> list[AliasDecisionRow]:
        return list(self.session.scalars(select(AliasDecisionRow).order_by(AliasDecisionRow.id)))

    def decide(self, action: str, first: str, second: str) -> None:
        self.session.add(AliasDecisionRow(action=action, first=first, second=second, decided_at=_now()))
        self.session.flush()

    # Articles and near-copies

    def is_linked(self, article_id: str) -> bool:
        return self.session.get(LinkedArticleRow, article_id) is not None

    def sharing_bands(self, bands: Sequence[str]) -> list[LinkedArticleRow]:
        # DISTINCT on the article ids only: PostgreSQL cannot compare the JSON signature column.
        sharing = select(ArticleBandRow.article_id).where(ArticleBandRow.band.in_(list(bands))).distinct()
        query = select(LinkedArticleRow).where(LinkedArticleRow.article_id.in_(sharing)).order_by(LinkedArticleRow.article_id)
        return list(self.session.scalars(query))

    def add_linked_article(self, article_id: str, copy_of: str, signature: list[int], bands: Sequence[str]) -> None:
        self.session.add(LinkedArticleRow(article_id=article_id, copy_of=copy_of, signature=signature, linked_at=_now()))
        self._insert_new(ArticleBandRow, [{"band": b, "article_id": article_id} for b in dict.fromkeys(bands)])
        self.session.flush()

    # Propositions

    def candidates(self, keys: Sequence[str]) -> list[str]:
        """Propositions sharing the most blocking keys with a claim, best first."""
        if not keys:
            return []
        shared = func.count(PropositionKeyRow.key)
        query = (
            select(PropositionKeyRow.proposition_id, shared)
            .where(PropositionKeyRow.key.in_(list(keys)))
            .group_by(PropositionKeyRow.proposition_id)
            .order_by(shared.desc(), PropositionKeyRow.proposition_id)
            .limit(CANDIDATES_PER_CLAIM)
        )
        return [row[0] for row in self.session.execute(query)]

    def members(self, propositions: Sequence[str], limit: int | None = MEMBERS_COMPARED) -> dict[str, list[tuple[MemberRow, str]]]:
        """Members of each proposition with their article's copy group (the latest ``limit`` of each when given)."""
        if not propositions:
            return {}
        query = (
            select(MemberRow, LinkedArticleRow.copy_of)
            .join(LinkedArticleRow, LinkedArticleRow.article_id == MemberRow.article_id)
            .where(MemberRow.proposition_id.in_(list(propositions)))
            .order_by(MemberRow.proposition_id, MemberRow.published.desc(), MemberRow.claim_id)
        )
        found: dict[str, list[tuple[MemberRow, str]]] = defaultdict(list)
        for row, copy_of in self.session.execute(query):
            if limit is None or len(found[row.proposition_id]) < limit:
                found[row.proposition_id].append((row, copy_of))
        return dict(found)

    def has_member(self, claim_id: str) -> bool:
        return self.session.get(MemberRow, claim_id) is not None

    def add_keys(self, proposition: str, keys: Iterable[str]) -> None:
        self._insert_new(PropositionKeyRow, [{"key": k, "proposition_id": proposition} for k in dict.fromkeys(keys)])

    def save(self, proposition: str, label: str, verdict: str, explanation: str, counted: str | None, members: list[dict[str, Any]]) -> None:
        """Write a proposition and all its members, replacing what was there."""
        row = self.session.get(PropositionRow, proposition)
        if row is None:
            row = PropositionRow(id=proposition)
            self.session.add(row)
        row.label, row.verdict, row.explanation, row.counted, row.updated_at = label, verdict, explanation, counted, _now()
        self.session.flush()
        self.session.execute(delete(MemberRow).where(MemberRow.proposition_id == proposition))
        self.session.execute(insert(MemberRow), [{**m, "proposition_id": proposition} for m in members])

    def propositions_with_articles(self, articles: Iterable[str]) -> list[str]:
        ids = sorted(set(articles))
        if not ids:
            return []
        query = select(MemberRow.proposition_id).where(MemberRow.article_id.in_(ids)).distinct()
        return sorted(self.session.scalars(query))

    def clear(self) -> None:
        """Forget every link result (not the alias decisions), before linking again from scratch."""
        for table in (PropositionKeyRow, MemberRow, PropositionRow, ArticleBandRow, LinkedArticleRow, EntityArticleRow, EntityFormRow):
            self.session.execute(delete(table))
        self.session.execute(update(LinkedEntityRow).values(merged_into=None))
        self.session.execute(delete(LinkedEntityRow))
