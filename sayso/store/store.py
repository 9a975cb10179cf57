"""The store: analyses kept in a SQL database and read back as the shared dataclasses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from types import TracebackType
from typing import Any, TypeVar

from alembic.util import CommandError
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import StoreError
from ..model import Analysis, Article, Attribution, Proposition
from .convert import article_from, assertion_from, attribution_from, entity_from, rows_for
from .database import for_writing, one_line, open_engine, resolve_url, shown
from .link_state import LinkState
from .migrate import LINK_LOCK, serialise, upgrade
from .proposition_views import LinkedEntity, entities_named, list_propositions, one_proposition
from .queries import (
    ArticleSummary,
    ClaimFilter,
    EntitySummary,
    OutletSummary,
    Page,
    PropositionRef,
    article_page,
    claim_page,
    entity_claims,
    entity_page,
    outlets,
    proposition_page,
    proposition_refs,
)
from .schema import LINK_TABLES, TABLES, ArticleRow, AssertionRow, AttributionRow, EntityRow, LinkedArticleRow

MIN_PREFIX = 4

ArticlePart = TypeVar("ArticlePart", AttributionRow, AssertionRow, EntityRow)


@dataclass(frozen=True)
class StoredClaim:
    """One attribution with the details of its article that a listing of claims shows."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    attribution: Attribution

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the attribution exactly as in an analysis, beside its article's details."""
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "attribution": asdict(self.attribution),
        }


@contextmanager
def _failing_as(what: str) -> Iterator[None]:
    """Turn a database failure into a one-line ``StoreError`` that says what was being done."""
    try:
        yield
    except SQLAlchemyError as err:
        raise StoreError(f"{what}: {one_line(err)}") from err


class Store:
    """One database of analysed articles; opening it brings its schema up to date."""

    def __init__(self, url: str | None = None) -> None:
        """Open ``url`` (a SQLAlchemy URL or a file path; default ``$SAYSO_DB`` or ./sayso.db)."""
        resolved = resolve_url(url)
        self.engine = open_engine(resolved)
        try:
            with for_writing(self.engine).begin() as connection:
                upgrade(connection)
        except (SQLAlchemyError, CommandError) as err:
            self.engine.dispose()
            raise StoreError(f"cannot open database {shown(resolved)}: {one_line(err)}") from err
        self._session = sessionmaker(self.engine)
        self._writing = sessionmaker(for_writing(self.engine))  # sessions that write: writers take turns

    def close(self) -> None:
        """Release the connections; SQLite then folds its WAL back into the database file."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def add(self, analysis: Analysis) -> bool:
        """Store one article with all its claims in one transaction.

        Returns False, changing nothing, when the article is already stored, so
        that ingesting the same input twice is harmless.
        """
        article_id = analysis.article.id
        batches = rows_for(analysis, datetime.now(timezone.utc))
        try:
            with self._writing.begin() as session:
                # Core statements on the session's connection: the ORM's bulk path and identity
                # map cost more than the inserts themselves, and these rows are never read back here.
                connection = session.connection()
                for table, rows in batches:  # the article's row first: stored already, it fails at once
                    if rows:
                        connection.execute(table.__table__.insert(), rows)
        except IntegrityError as err:
            if self.has(article_id):  # stored already, by an earlier run or another writer
                return False
            raise StoreError(f"cannot store article {article_id}: {one_line(err)}") from err
        except SQLAlchemyError as err:
            raise StoreError(f"cannot store article {article_id}: {one_line(err)}") from err
        return True

    def has(self, article_id: str) -> bool:
        """Whether the article with exactly this id is stored."""
        with _failing_as(f"cannot read article {article_id}"), self._session() as session:
            return session.get(ArticleRow, article_id) is not None

    def get(self, article_id: str) -> Analysis | None:
        """The analysis stored for ``article_id``, exactly as it was added."""
        with _failing_as(f"cannot read article {article_id}"), self._session() as session:
            article = session.get(ArticleRow, article_id)
            if article is None:
                return None
            return Analysis(
                article=article_from(article),
                attributions=[attribution_from(r) for r in _of(session, AttributionRow, article)],
                unattributed=[assertion_from(r) for r in _of(session, AssertionRow, article)],
                entities=[entity_from(r) for r in _of(session, EntityRow, article)],
            )

    def articles(self, limit: int | None = None) -> list[Article]:
        """Stored articles, the most recently ingested first."""
        query = select(ArticleRow).order_by(ArticleRow.ingested_at.desc(), ArticleRow.id)
        with _failing_as("cannot list articles"), self._session() as session:
            return [article_from(row) for row in session.scalars(query.limit(limit))]

    def claims(
        self, speaker: str | None = None, article: str | None = None, limit: int | None = None
    ) -> list[StoredClaim]:
        """Attributions, newest article first and in article order within one.

        ``speaker`` matches any part of the speaker's name or words, ignoring
        case; ``article`` is an article id or a unique prefix of one.
        """
        query = (
            select(AttributionRow, ArticleRow.title, ArticleRow.outlet, ArticleRow.published)
            .join(ArticleRow, AttributionRow.article_id == ArticleRow.id)
            .order_by(ArticleRow.ingested_at.desc(), ArticleRow.id, AttributionRow.position)
            .limit(limit)
        )
        if speaker:
            term = speaker.lower()
            query = query.where(
                or_(
                    func.lower(AttributionRow.speaker_name).contains(term, autoescape=True),
                    func.lower(AttributionRow.speaker_text).contains(term, autoescape=True),
                )
            )
        if article:
            query = query.where(AttributionRow.article_id == self.resolve_article_id(article))
        with _failing_as("cannot list claims"), self._session() as session:
            return [
                StoredClaim(row.article_id, title, outlet, published, attribution_from(row))
                for row, title, outlet, published in session.execute(query)
            ]

    def resolve_article_id(self, prefix: str) -> str:
        """The full id of the one stored article whose id starts with ``prefix``."""
        if len(prefix) < MIN_PREFIX:
            raise StoreError(f"article id {prefix!r} is too short: give {MIN_PREFIX} characters")
        # Ids are lowercase hex; lowering makes SQLite's and PostgreSQL's LIKE agree.
        starts = ArticleRow.id.startswith(prefix.lower(), autoescape=True)
        query = select(ArticleRow.id).where(starts)
        with _failing_as("cannot look up articles"), self._session() as session:
            ids = session.scalars(query.limit(2)).all()
        if not ids:
            raise StoreError(f"no stored article has an id starting {prefix!r}")
        if len(ids) > 1:
            raise StoreError(f"article id {prefix!r} is ambiguous: give more characters")
        return ids[0]

    def counts(self, link: bool = False) -> dict[str, int]:
        """Rows per table: what a status line or a test of idempotence needs (``link``: link tables too)."""
        tables = TABLES + (LINK_TABLES if link else ())
        with _failing_as("cannot count rows"), self._session() as session:
            return {
                table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in tables
            }

    @contextmanager
    def linking(self, what: str = "cannot link") -> Iterator[LinkState]:
        """The link tables in one transaction: committed when the block ends, rolled back on error."""
        with _failing_as(what), self._writing.begin() as session:
            # Linking reads propositions and rewrites them: concurrent linkers take turns.
            serialise(session.connection(), LINK_LOCK)
            yield LinkState(session)

    def unlinked(self) -> list[str]:
        """Ids of stored articles linking has not seen yet, in publication order."""
        query = (
            select(ArticleRow.id)
            .outerjoin(LinkedArticleRow, LinkedArticleRow.article_id == ArticleRow.id)
            .where(LinkedArticleRow.article_id.is_(None))
            .order_by(ArticleRow.published, ArticleRow.ingested_at, ArticleRow.id)
        )
        with _failing_as("cannot list articles to link"), self._session() as session:
            return list(session.scalars(query))

    def propositions(
        self, verdict: str | None = None, entity: str | None = None, limit: int | None = None, members_at_least: int = 1
    ) -> list[Proposition]:
        """Linked propositions, most recently changed first, optionally of one verdict or entity."""
        with _failing_as("cannot list propositions"), self._session() as session:
            return list_propositions(session, verdict, entity, limit, members_at_least)

    def proposition(self, prefix: str) -> Proposition:
        """The one proposition whose id starts with ``prefix``."""
        if len(prefix) < MIN_PREFIX:
            raise StoreError(f"proposition id {prefix!r} is too short: give {MIN_PREFIX} characters")
        with _failing_as("cannot read propositions"), self._session() as session:
            found = one_proposition(session, prefix)
        if not found:
            raise StoreError(f"no proposition has an id starting {prefix!r}")
        if len(found) > 1:
            raise StoreError(f"proposition id {prefix!r} is ambiguous: give more characters")
        return found[0]

    def entities(self, name: str) -> list[LinkedEntity]:
        """Linked entities one of whose names contains ``name``, with what each said."""
        with _failing_as("cannot read entities"), self._session() as session:
            return entities_named(session, name)

    # Pages for the web app and the REST API (see queries.py).

    def find_claims(self, where: ClaimFilter | None = None, offset: int = 0, limit: int = 50) -> Page[StoredClaim]:
        """Attributions matching ``where``, the latest published article first, one page of them."""
        with _failing_as("cannot search claims"), self._session() as session:
            page = claim_page(session, where or ClaimFilter(), offset, limit)
        return page.map(lambda r: StoredClaim(r[0].article_id, r[1], r[2], r[3], attribution_from(r[0])))

    def article_page(self, outlet: str | None = None, offset: int = 0, limit: int = 50) -> Page[ArticleSummary]:
        """Articles (of one outlet), the latest published first, with their claim counts."""
        with _failing_as("cannot list articles"), self._session() as session:
            return article_page(session, outlet, offset, limit)

    def outlets(self) -> list[OutletSummary]:
        """Every outlet with stored articles, with its counts of articles and claims."""
        with _failing_as("cannot list outlets"), self._session() as session:
            return outlets(session)

    def entity_page(self, name: str | None = None, offset: int = 0, limit: int = 50) -> Page[EntitySummary]:
        """Linked entities (whose names contain ``name``), most claims first, with aliases."""
        with _failing_as("cannot list entities"), self._session() as session:
            return entity_page(session, name, offset, limit)

    def entity_claims(self, entity_id: int, offset: int = 0, limit: int = 50) -> tuple[LinkedEntity, int] | None:
        """One linked entity with a page of what it said (newest first) and how much it said in all."""
        with _failing_as(f"cannot read entity {entity_id}"), self._session() as session:
            return entity_claims(session, entity_id, offset, limit)

    def proposition_page(
        self, verdict: str | None = None, entity: str | None = None, members_at_least: int = 1, offset: int = 0, limit: int = 50
    ) -> Page[Proposition]:
        """``propositions`` one page at a time, with the number there are in all."""
        with _failing_as("cannot list propositions"), self._session() as session:
            return proposition_page(session, verdict, entity, members_at_least, offset, limit)

    def proposition_refs(self, claim_ids: list[str]) -> dict[str, PropositionRef]:
        """The proposition each claim was linked into, by claim id."""
        with _failing_as("cannot read propositions"), self._session() as session:
            return proposition_refs(session, claim_ids)


def _of(session: Session, table: type[ArticlePart], article: ArticleRow) -> list[ArticlePart]:
    """The rows of ``table`` that belong to one article, in the order the analysis gave them."""
    query = select(table).where(table.article_id == article.id).order_by(table.position)
    return list(session.scalars(query))
