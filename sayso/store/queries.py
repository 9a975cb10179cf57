"""Read queries a browser or REST client needs: claims by any filter, outlets, entities, pages.

Every listing is ordered on a total order (ties broken by ids), so offset pages over the
same data are stable: a page asked for twice holds the same rows in the same order. The
``Store`` methods of the same names open the session and call these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..model import Article, Proposition
from .convert import article_from
from .proposition_views import (
    LinkedEntity,
    entity_ids_named,
    member_from,
    proposition_from,
    proposition_query,
)
from .schema import (
    ArticleRow,
    AttributionRow,
    EntityArticleRow,
    EntityFormRow,
    LinkedEntityRow,
    MemberRow,
    PropositionRow,
)

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: its items, how many there are in all, and where it starts."""

    items: list[T]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts, None on the last page."""
        following = self.offset + self.limit
        return following if following < self.total else None

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        return Page([convert(item) for item in self.items], self.total, self.offset, self.limit)


@dataclass(frozen=True)
class ClaimFilter:
    """What to look for among stored attributions; every field given must hold.

    ``speaker`` matches any part of the speaker's resolved name or words; ``entity`` is a
    linked entity's id or a part of one of its names and finds the claims whose innermost
    source it is; ``outlet`` is an outlet's name (any case); ``since`` and ``until`` are ISO
    dates, inclusive, on the article's publication date; ``verdict`` that of the proposition
    the claim belongs to; ``text`` words that must all occur in the content (any case);
    ``article`` a full article id.
    """

    speaker: str | None = None
    entity: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    verdict: str | None = None
    text: str | None = None
    article: str | None = None


@dataclass(frozen=True)
class PropositionRef:
    """Which proposition a claim was linked into, and the linked entity it comes from."""

    id: str
    label: str
    verdict: str
    origin_entity: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "verdict": self.verdict, "origin_entity": self.origin_entity}


@dataclass(frozen=True)
class OutletSummary:
    """An outlet as the store knows it: how much of it is stored and when it last published."""

    name: str
    articles: int
    claims: int
    latest: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "articles": self.articles, "claims": self.claims, "latest": self.latest}


@dataclass(frozen=True)
class ArticleSummary:
    """A stored article's details with the number of claims found in it."""

    article: Article
    claims: int

    def to_dict(self) -> dict[str, Any]:
        return {**self.article.to_dict(), "claim_count": self.claims}


@dataclass
class EntitySummary:
    """A linked entity in a listing: ``LinkedEntity`` without its claims, with their number."""

    entity: LinkedEntity
    claims: int

    def to_dict(self) -> dict[str, Any]:
        shown = self.entity.to_dict()
        del shown["claims"]
        return {**shown, "claim_count": self.claims}


ClaimRow = tuple[AttributionRow, str | None, str | None, str | None]


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _day(column: Any) -> Any:
    """The date part of an ISO date or date-time column ("2020-10-20T10:00" → "2020-10-20")."""
    return func.substr(column, 1, 10)


def _entity_ids(session: Session, entity: str) -> list[int]:
    if entity.strip().isdigit():
        return [int(entity)]
    return entity_ids_named(session, entity)


def claim_query(session: Session, where: ClaimFilter) -> Select[Any]:
    """Attributions matching ``where`` beside their article's title, outlet and date, newest first."""
    query = (
        select(AttributionRow, ArticleRow.title, ArticleRow.outlet, ArticleRow.published)
        .join(ArticleRow, AttributionRow.article_id == ArticleRow.id)
        .order_by(
            ArticleRow.published.desc().nulls_last(),
            ArticleRow.ingested_at.desc(),
            ArticleRow.id,
            AttributionRow.position,
        )
    )
    if where.speaker:
        term = where.speaker.lower()
        query = query.where(
            func.lower(AttributionRow.speaker_name).contains(term, autoescape=True)
            | func.lower(AttributionRow.speaker_text).contains(term, autoescape=True)
        )
    if where.entity:
        ids = _entity_ids(session, where.entity)
        said = select(MemberRow.claim_id).where(MemberRow.origin_entity.in_(ids))
        query = query.where(AttributionRow.id.in_(said))
    if where.outlet:
        query = query.where(func.lower(ArticleRow.outlet) == where.outlet.lower())
    if where.since:
        query = query.where(_day(ArticleRow.published) >= where.since)
    if where.until:
        query = query.where(_day(ArticleRow.published) <= where.until)
    if where.verdict:
        judged = (
            select(MemberRow.claim_id)
            .join(PropositionRow, PropositionRow.id == MemberRow.proposition_id)
            .where(PropositionRow.verdict == where.verdict)
        )
        query = query.where(AttributionRow.id.in_(judged))
    for word in (where.text or "").lower().split():
        query = query.where(func.lower(AttributionRow.content_text).contains(word, autoescape=True))
    if where.article:
        query = query.where(AttributionRow.article_id == where.article)
    return query


def claim_page(session: Session, where: ClaimFilter, offset: int, limit: int) -> Page[ClaimRow]:
    query = claim_query(session, where)
    rows = [(row, title, outlet, published) for row, title, outlet, published in session.execute(query.offset(offset).limit(limit))]
    return Page(rows, _count(session, query), offset, limit)


def proposition_refs(session: Session, claim_ids: Sequence[str]) -> dict[str, PropositionRef]:
    """The proposition each of these claims belongs to (claims linking has not seen are left out)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    query = (
        select(MemberRow.claim_id, PropositionRow.id, PropositionRow.label, PropositionRow.verdict, MemberRow.origin_entity)
        .join(PropositionRow, PropositionRow.id == MemberRow.proposition_id)
        .where(MemberRow.claim_id.in_(ids))
    )
    return {claim: PropositionRef(pid, label, verdict, entity) for claim, pid, label, verdict, entity in session.execute(query)}


def article_page(session: Session, outlet: str | None, offset: int, limit: int) -> Page[ArticleSummary]:
    """Articles, the latest published first, with the number of claims of each."""
    claims = (
        select(AttributionRow.article_id, func.count().label("n"))
        .group_by(AttributionRow.article_id)
        .subquery()
    )
    query = (
        select(ArticleRow, func.coalesce(claims.c.n, 0))
        .outerjoin(claims, claims.c.article_id == ArticleRow.id)
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.ingested_at.desc(), ArticleRow.id)
    )
    if outlet:
        query = query.where(func.lower(ArticleRow.outlet) == outlet.lower())
    items = [ArticleSummary(article_from(row), n) for row, n in session.execute(query.offset(offset).limit(limit))]
    return Page(items, _count(session, query), offset, limit)


def outlets(session: Session) -> list[OutletSummary]:
    """Every outlet with stored articles, the one with most articles first."""
    counted = (
        select(ArticleRow.outlet, func.count(AttributionRow.id))
        .join(AttributionRow, AttributionRow.article_id == ArticleRow.id)
        .where(ArticleRow.outlet.is_not(None))
        .group_by(ArticleRow.outlet)
    )
    claims = {name: n for name, n in session.execute(counted)}
    articles = func.count(ArticleRow.id)
    query = (
        select(ArticleRow.outlet, articles, func.max(ArticleRow.published))
        .where(ArticleRow.outlet.is_not(None))
        .group_by(ArticleRow.outlet)
        .order_by(articles.desc(), ArticleRow.outlet)
    )
    return [OutletSummary(name, n, claims.get(name, 0), latest) for name, n, latest in session.execute(query)]


def _forms(session: Session, entity_ids: Sequence[int]) -> dict[int, list[str]]:
    query = select(EntityFormRow.entity_id, EntityFormRow.form).where(
        EntityFormRow.entity_id.in_(list(entity_ids)), EntityFormRow.kind != "derived"
    )
    found: dict[int, set[str]] = {}
    for entity_id, form in session.execute(query):
        found.setdefault(entity_id, set()).add(form)
    return {entity_id: sorted(forms) for entity_id, forms in found.items()}


def _article_counts(session: Session, entity_ids: Sequence[int]) -> dict[int, int]:
    query = (
        select(EntityArticleRow.entity_id, func.count())
        .where(EntityArticleRow.entity_id.in_(list(entity_ids)))
        .group_by(EntityArticleRow.entity_id)
    )
    return {entity_id: n for entity_id, n in session.execute(query)}


def entity_page(session: Session, name: str | None, offset: int, limit: int) -> Page[EntitySummary]:
    """Linked entities (merged ones left out), the one with most claims first, with their aliases."""
    said = (
        select(MemberRow.origin_entity.label("entity_id"), func.count().label("n"))
        .where(MemberRow.origin_entity.is_not(None))
        .group_by(MemberRow.origin_entity)
        .subquery()
    )
    claims = func.coalesce(said.c.n, 0)
    query = (
        select(LinkedEntityRow, claims)
        .outerjoin(said, said.c.entity_id == LinkedEntityRow.id)
        .where(LinkedEntityRow.merged_into.is_(None))
        .order_by(claims.desc(), LinkedEntityRow.name, LinkedEntityRow.id)
    )
    if name:
        query = query.where(LinkedEntityRow.id.in_(entity_ids_named(session, name)))
    rows = list(session.execute(query.offset(offset).limit(limit)))
    ids = [row.id for row, _ in rows]
    forms, articles = _forms(session, ids), _article_counts(session, ids)
    items = [
        EntitySummary(LinkedEntity(row.id, row.name, row.type, forms.get(row.id, []), articles.get(row.id, 0)), n)
        for row, n in rows
    ]
    return Page(items, _count(session, query), offset, limit)


def entity_claims(session: Session, entity_id: int, offset: int, limit: int) -> tuple[LinkedEntity, int] | None:
    """One entity (followed to the one it was merged into) with a page of what it said, newest first.

    The entity's ``claims`` are that page; the number is how many claims it has in all.
    None when there is no such entity.
    """
    row = session.get(LinkedEntityRow, entity_id)
    seen: set[int] = set()
    while row is not None and row.merged_into is not None and row.id not in seen:
        seen.add(row.id)
        row = session.get(LinkedEntityRow, row.merged_into)
    if row is None:
        return None
    query = (
        select(MemberRow)
        .where(MemberRow.origin_entity == row.id)
        .order_by(MemberRow.published.desc().nulls_last(), MemberRow.article_id, MemberRow.position, MemberRow.claim_id)
    )
    members = [member_from(m) for m in session.scalars(query.offset(offset).limit(limit))]
    forms, articles = _forms(session, [row.id]), _article_counts(session, [row.id])
    entity = LinkedEntity(row.id, row.name, row.type, forms.get(row.id, []), articles.get(row.id, 0), members)
    return entity, _count(session, query)


def proposition_page(
    session: Session, verdict: str | None, entity: str | None, members_at_least: int, offset: int, limit: int
) -> Page[Proposition]:
    """Propositions as ``Store.propositions`` lists them, one page at a time."""
    query = proposition_query(session, verdict, entity, members_at_least)
    items = [proposition_from(session, row) for row in session.scalars(query.offset(offset).limit(limit))]
    return Page(items, _count(session, query), offset, limit)
