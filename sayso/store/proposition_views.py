"""Propositions and linked entities read back for people: listings, one proposition, one entity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..model import Member, Proposition
from .schema import EntityArticleRow, EntityFormRow, LinkedEntityRow, MemberRow, PropositionRow


@dataclass
class LinkedEntity:
    """An entity across articles: its names, how often it speaks, and what it said."""

    id: int
    name: str
    type: str
    forms: list[str]
    articles: int
    claims: list[Member] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": self.forms,
            "articles": self.articles,
            "claims": [Proposition("", "", "unverified", "", [m]).to_dict()["claims"][0] for m in self.claims],
        }


def member_from(row: MemberRow, common: Collection[str] = ()) -> Member:
    """A proposition member row as the shared dataclass; ``common``: the terms (as linking
    compares them) other members of its proposition have too, shown as the content's words."""
    from ..link.words import words_in_common  # linking writes the store: imported when used, not in a cycle

    return Member(
        claim=row.claim_id, article=row.article_id, content=row.content, speaker=row.speaker,
        origin=row.origin, via=list(row.via), stance=row.stance, value=row.value, low=row.low,  # type: ignore[arg-type]
        high=row.high, published=row.published, outlet=row.outlet, title=row.title,
        speech_act=row.speech_act, source_group=row.source_group, part=row.part,  # type: ignore[arg-type]
        shared=words_in_common(row.content, set(common)) if common else [],
    )


def proposition_from(session: Session, row: PropositionRow) -> Proposition:
    """A proposition row with its members, oldest first."""
    members = list(session.scalars(
        select(MemberRow)
        .where(MemberRow.proposition_id == row.id)
        .order_by(MemberRow.published, MemberRow.article_id, MemberRow.position, MemberRow.claim_id)
    ))
    return Proposition(row.id, row.label, row.verdict, row.explanation, members_of(members))  # type: ignore[arg-type]


def members_of(rows: list[MemberRow]) -> list[Member]:
    """One proposition's member rows as members, each with the terms another of them has too."""
    used = Counter(t for row in rows for t in set(row.terms))
    return [member_from(row, [t for t in set(row.terms) if used[t] > 1]) for row in rows]


def entity_ids_named(session: Session, name: str) -> list[int]:
    """Linked entities one of whose forms contains ``name`` (case-insensitive), merged ones followed."""
    term = name.lower()
    query = select(EntityFormRow.entity_id).where(
        func.lower(EntityFormRow.form).contains(term, autoescape=True), EntityFormRow.kind != "derived"
    )
    return sorted(set(session.scalars(query)))


def list_propositions(
    session: Session, verdict: str | None = None, entity: str | None = None, limit: int | None = None, members_at_least: int = 1
) -> list[Proposition]:
    """Propositions, the most recently changed first."""
    query = proposition_query(session, verdict, entity, members_at_least)
    return [proposition_from(session, row) for row in session.scalars(query.limit(limit))]


def proposition_query(
    session: Session, verdict: str | None = None, entity: str | None = None, members_at_least: int = 1
) -> Select[tuple[PropositionRow]]:
    """The propositions ``list_propositions`` lists, as a query to page or count."""
    query = select(PropositionRow).order_by(PropositionRow.updated_at.desc(), PropositionRow.id)
    if verdict:
        query = query.where(PropositionRow.verdict == verdict)
    if members_at_least > 1:
        counts = select(MemberRow.proposition_id).group_by(MemberRow.proposition_id).having(func.count() >= members_at_least)
        query = query.where(PropositionRow.id.in_(counts))
    if entity:
        ids = entity_ids_named(session, entity)
        articles = select(EntityArticleRow.article_id).where(EntityArticleRow.entity_id.in_(ids))
        mentioned = select(MemberRow.proposition_id).where(
            MemberRow.origin_entity.in_(ids) | MemberRow.article_id.in_(articles)
        )
        query = query.where(PropositionRow.id.in_(mentioned))
    return query


def one_proposition(session: Session, prefix: str) -> list[Proposition]:
    """Propositions whose id starts with ``prefix`` (at most two: enough to tell it is ambiguous)."""
    query = select(PropositionRow).where(PropositionRow.id.startswith(prefix.lower(), autoescape=True)).limit(2)
    return [proposition_from(session, row) for row in session.scalars(query)]


def entities_named(session: Session, name: str, claims: int = 50) -> list[LinkedEntity]:
    """Linked entities matching ``name``, with their latest claims as an origin."""
    found = []
    for entity_id in entity_ids_named(session, name):
        row = session.get(LinkedEntityRow, entity_id)
        if row is None or row.merged_into is not None:
            continue
        forms = sorted({f.form for f in session.scalars(select(EntityFormRow).where(EntityFormRow.entity_id == entity_id)) if f.kind != "derived"})
        articles = session.scalar(select(func.count()).select_from(EntityArticleRow).where(EntityArticleRow.entity_id == entity_id)) or 0
        said = session.scalars(
            select(MemberRow).where(MemberRow.origin_entity == entity_id).order_by(MemberRow.published.desc(), MemberRow.claim_id).limit(claims)
        )
        found.append(LinkedEntity(row.id, row.name, row.type, forms, articles, [member_from(m) for m in said]))
    return found
