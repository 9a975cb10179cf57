"""The REST API: the CLI's JSON contract over HTTP, one page at a time.

Items are exactly what the CLI prints with ``--json``: ``Analysis.to_dict()`` for an article,
``StoredClaim.to_dict()`` for a claim, ``Proposition.to_dict()`` for a proposition and
``LinkedEntity.to_dict()`` for an entity. Listings wrap them in ``{items, total, offset,
limit, next}``; ``next`` is the address of the following page (null on the last one).
Errors are ``{"error": {"status", "message", "details"?}}``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..errors import IngestError, StoreError
from ..ingest import read_text
from ..ingest.html import parse_html
from ..ingest.plaintext import parse_text
from ..model import Analysis
from ..store import Store
from ..store.queries import ClaimFilter, Page
from .app import DEFAULT_PAGE, MAX_PAGE, require_read, require_write

CONTRACTS = FilePath(__file__).resolve().parents[1] / "schema"


def contract(name: str, definition: str | None = None) -> dict[str, Any]:
    """One of sayso's JSON Schemas, to document a response in the OpenAPI schema (which is 3.1:
    JSON Schema 2020-12, so the file goes in as an embedded resource); ``definition``: one of its $defs."""
    schema: dict[str, Any] = json.loads((CONTRACTS / name).read_text(encoding="utf-8"))
    schema.pop("$schema", None)
    if definition:
        schema = {"$id": schema["$id"].replace(".schema.json", f".{definition}.schema.json"), "$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return {"description": schema.get("description", "See the schema."), "content": {"application/json": {"schema": schema}}}


VerdictName = Literal["corroborated", "single_source", "contested", "retracted", "unverified"]
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: list[dict[str, str]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class PageBody(BaseModel):
    items: list[dict[str, Any]] = Field(description="The page's items, each in the CLI's --json shape.")
    total: int = Field(description="How many items match in all.")
    offset: int
    limit: int
    next: str | None = Field(description="The address of the next page; null on the last one.")


class ArticleIn(BaseModel):
    """An article to analyse, store and link: its text (plain or HTML) and what is known of it."""

    text: str = Field(min_length=1, description="The article: plain text (a headline line, then paragraphs) or an HTML page.")
    format: Literal["auto", "text", "html"] = Field("auto", description="auto: sniffed from the first bytes, as `sayso ingest` does.")
    title: str | None = None
    published: str | None = Field(None, pattern=ISO_DATE, description="ISO 8601 date, YYYY-MM-DD.")
    outlet: str | None = None
    byline: str | None = None
    url: str | None = None


class IngestBody(BaseModel):
    created: bool = Field(description="False when the article was already stored (nothing changed).")
    analysis: dict[str, Any] = Field(description="The analysis: the `sayso analyze --json` contract.")
    propositions: dict[str, dict[str, Any]] = Field(description="Claim id → the proposition it was linked into {id, label, verdict, origin_entity}.")


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "No such item."},
    422: {"model": ErrorBody, "description": "A parameter is invalid: the message names it."},
}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)

Offset = Annotated[int, Query(ge=0, description="How many items to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page, at most {MAX_PAGE}.")]


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _page(request: Request, page: Page[Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    following = page.next_offset
    return {
        "items": items,
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "next": str(request.url.include_query_params(offset=following, limit=page.limit)) if following is not None else None,
    }


def resolve(find: Any, prefix: str) -> Any:
    """Look an id prefix up, turning 'none' into 404 and 'ambiguous' or 'too short' into 422."""
    try:
        return find(prefix)
    except StoreError as err:
        message = str(err)
        status = 422 if ("ambiguous" in message or "too short" in message) else 404
        raise HTTPException(status, message) from None


def article_id(store: Store, prefix: str) -> str:
    if not re.fullmatch(r"[0-9a-fA-F]{4,16}", prefix):
        raise HTTPException(422, f"article id {prefix!r}: give 4 to 16 hex digits")
    return resolve(store.resolve_article_id, prefix)  # type: ignore[no-any-return]


@router.get("/articles", response_model=PageBody, dependencies=[Depends(require_read)], summary="Stored articles, latest published first")
def list_articles(
    request: Request,
    outlet: Annotated[str | None, Query(description="Only this outlet's articles (any case).")] = None,
    offset: Offset = 0,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Each item is an article's details (`article` of the JSON contract) with `claim_count`."""
    page = _store(request).article_page(outlet, offset, limit)
    return _page(request, page, [a.to_dict() for a in page.items])


@router.get(
    "/articles/{article}", dependencies=[Depends(require_read)], summary="One article with all its claims",
    responses={200: contract("analysis.schema.json")},
)
def get_article(request: Request, article: Annotated[str, Path(description="Article id or a unique prefix of 4+ hex digits.")]) -> dict[str, Any]:
    """The analysis exactly as `sayso show ID --json` prints it (sayso/schema/analysis.schema.json)."""
    store = _store(request)
    analysis = store.get(article_id(store, article))
    if analysis is None:
        raise HTTPException(404, f"no stored article has an id starting {article!r}")
    return analysis.to_dict()


@router.post(
    "/articles",
    response_model=IngestBody,
    status_code=201,
    dependencies=[Depends(require_write)],
    summary="Analyse, store and link one article",
    responses={
        200: {"model": IngestBody, "description": "Already stored: nothing changed."},
        401: {"model": ErrorBody, "description": "No token, or the wrong one."},
        403: {"model": ErrorBody, "description": "Writing is turned off (no SAYSO_TOKEN)."},
        413: {"model": ErrorBody, "description": "The body is too large."},
    },
)
def post_article(request: Request, body: ArticleIn) -> Any:
    """Needs `Authorization: Bearer TOKEN`. Returns the analysis and the proposition each claim joined."""
    try:
        if body.format == "html":
            article = parse_html(body.text, "api")
        elif body.format == "text":
            article = parse_text(body.text, "api")
        else:
            article = read_text(body.text, "api")
    except IngestError as err:
        raise HTTPException(422, err.reason) from None
    for name in ("title", "published", "outlet", "byline", "url"):
        if getattr(body, name) is not None:
            setattr(article, name, getattr(body, name))
    created, stored = analyze_and_store(request, article)
    refs = _store(request).proposition_refs([c.id for c in [*stored.attributions, *stored.unattributed]])
    content = {"created": created, "analysis": stored.to_dict(), "propositions": {k: v.to_dict() for k, v in refs.items()}}
    return JSONResponse(content, status_code=201 if created else 200)


def analyze_and_store(request: Request, article: Any) -> tuple[bool, Analysis]:
    """Analyse, store and link one article, one writer at a time."""
    from ..api import analyze_one
    from ..link import link_store

    store = _store(request)
    try:
        analysis = analyze_one(article)  # within the limits of size and time; never reads a path
    except IngestError as err:
        raise HTTPException(422, err.reason) from None
    with request.app.state.settings.write_lock:
        created = store.add(analysis)
        if created:
            link_store(store)
    return created, store.get(analysis.article.id) or analysis


@router.get("/claims", response_model=PageBody, dependencies=[Depends(require_read)], summary="Search claims")
def list_claims(
    request: Request,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name or words (any case).")] = None,
    entity: Annotated[str | None, Query(description="A linked entity's id, or part of one of its names: claims it is the origin of.")] = None,
    outlet: Annotated[str | None, Query(description="The outlet's name (any case).")] = None,
    since: Annotated[str | None, Query(pattern=ISO_DATE, description="Published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE, description="Published on or before this date (YYYY-MM-DD).")] = None,
    verdict: Annotated[VerdictName | None, Query(description="The verdict of the proposition the claim is in.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words that must all occur in the claim's content (any case).")] = None,
    article: Annotated[str | None, Query(description="Only this article's claims (id or unique prefix).")] = None,
    offset: Offset = 0,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Attributions, the latest published article first; each item as `sayso claims --json` prints it."""
    store = _store(request)
    where = ClaimFilter(speaker, entity, outlet, since, until, verdict, q, article_id(store, article) if article else None)
    page = store.find_claims(where, offset, limit)
    return _page(request, page, [c.to_dict() for c in page.items])


@router.get("/entities", response_model=PageBody, dependencies=[Depends(require_read)], summary="Linked entities with aliases and claim counts")
def list_entities(
    request: Request,
    name: Annotated[str | None, Query(description="Part of any of the entity's names (any case).")] = None,
    offset: Offset = 0,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Each item is `sayso entity --json`'s shape without `claims`, with `claim_count`; most claims first."""
    page = _store(request).entity_page(name, offset, limit)
    return _page(request, page, [e.to_dict() for e in page.items])


@router.get("/entities/{entity_id}", dependencies=[Depends(require_read)], summary="One entity and what it said")
def get_entity(request: Request, entity_id: int, offset: Offset = 0, limit: Limit = DEFAULT_PAGE) -> dict[str, Any]:
    """`sayso entity --json`'s item, its `claims` one page of them (newest first), with `claim_count` and `next`."""
    found = _store(request).entity_claims(entity_id, offset, limit)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    entity, total = found
    page = Page(entity.claims, total, offset, limit)
    paged = _page(request, page, [])
    return {**entity.to_dict(), "claim_count": total, "offset": offset, "limit": limit, "next": paged["next"]}


@router.get("/propositions", response_model=PageBody, dependencies=[Depends(require_read)], summary="Propositions with verdicts")
def list_propositions(
    request: Request,
    verdict: Annotated[VerdictName | None, Query(description="Only this verdict.")] = None,
    entity: Annotated[str | None, Query(description="Only propositions whose claims come from or mention this entity (name).")] = None,
    min_claims: Annotated[int, Query(ge=1, description="Only propositions with at least this many claims.")] = 1,
    offset: Offset = 0,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    """Most recently changed first; each item as `sayso propositions --json` prints it."""
    page = _store(request).proposition_page(verdict, entity, min_claims, offset, limit)
    return _page(request, page, [p.to_dict() for p in page.items])


@router.get(
    "/propositions/{proposition}", dependencies=[Depends(require_read)], summary="One proposition with its claims and explanation",
    responses={200: contract("propositions.schema.json", "proposition")},
)
def get_proposition(request: Request, proposition: Annotated[str, Path(description="Proposition id or a unique prefix of 4+ characters.")]) -> dict[str, Any]:
    """As `sayso proposition ID --json` prints it (sayso/schema/propositions.schema.json, one item)."""
    found = resolve(_store(request).proposition, proposition)
    return found.to_dict()  # type: ignore[no-any-return]


@router.get("/outlets", dependencies=[Depends(require_read)], summary="Outlets with their counts of articles and claims")
def list_outlets(request: Request) -> list[dict[str, Any]]:
    """`{name, articles, claims, latest}` for every outlet with stored articles, most articles first."""
    return [o.to_dict() for o in _store(request).outlets()]
