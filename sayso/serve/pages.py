"""The web pages: server-rendered with Jinja2, no script, readable on a phone.

One function per page; each gathers what its template shows from the ``Store`` and nothing
else. Templates autoescape everything, and the only markup not written in a template is the
chain drawing, which ``svg.py`` escapes itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..model import VERDICTS, Member, Proposition, Quantity, TimeExpression, claim_ids, part_id
from ..store import Store
from ..store.queries import ClaimFilter, Page
from .api import article_id, resolve
from .app import DEFAULT_PAGE, MAX_PAGE, require_read
from .highlight import pieces
from .svg import chain_svg

HERE = Path(__file__).resolve().parent

VERDICT_WORDS = {
    "corroborated": ("Corroborated", "two or more independent sources say so"),
    "single_source": ("Single source", "it was reported more than once, but every report goes back to one source"),
    "contested": ("Contested", "independent sources say incompatible things"),
    "retracted": ("Retracted", "the source withdrew or revised it"),
    "unverified": ("Unverified", "one source said it, once"),
}
SPEECH_ACTS = {
    "assert": "asserts", "deny": "denies", "retract": "retracts", "revise": "revises",
    "hedge": "hedges", "concede": "concedes", "no_comment": "declines to comment",
}

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.3g}"


def bounds_words(value: float | None, low: float | None, high: float | None) -> str:
    """A figure with the interval its wording allows: "300", "at least 300", "100–999", "about 40"."""
    if value is not None:
        if low == value and high is None:
            return f"at least {_number(value)}"
        if high == value and low is None:
            return f"at most {_number(value)}"
        if low is not None and high is not None and (low, high) != (value, value):
            return f"{_number(value)} ({_number(low)}–{_number(high)})"
        return _number(value)
    if low is not None and high is not None:
        return f"{_number(low)}–{_number(high)}"
    if low is not None:
        return f"at least {_number(low)}"
    if high is not None:
        return f"at most {_number(high)}"
    return "no figure"


def quantity_words(q: Quantity) -> str:
    """A quantity's reading in a few words: "at least 300 ISIS fighters", "1,800 USD per month"."""
    parts = [bounds_words(q.value, q.low, q.high)]
    if q.approximate:
        parts.insert(0, "about")
    if q.unit:
        parts.append(q.unit)
    if q.per:
        parts.append(f"per {q.per}")
    if q.counted:
        parts.append(q.counted)
    return " ".join(parts)


def time_words(t: TimeExpression) -> str:
    value = t.value or "unresolved"
    return f"{value} ({t.kind or 'time'}{', approx.' if t.approximate else ''})"


def outlet_href(name: str | None) -> str:
    return "/outlets/" + quote(name or "", safe="")


def member_href(member: Member) -> str:
    return f"/articles/{member.article}#claim-{member.attribution}"


def _timeline(proposition: Proposition) -> list[tuple[str, list[Member]]]:
    days: dict[str, list[Member]] = {}
    for member in sorted(proposition.members, key=lambda m: (m.published or "9999", m.outlet or "")):
        days.setdefault(member.published or "date unknown", []).append(member)
    return list(days.items())


def templates() -> Jinja2Templates:
    found = Jinja2Templates(directory=str(HERE / "templates"))
    found.env.globals.update(
        verdict_words=VERDICT_WORDS, verdicts=VERDICTS, speech_acts=SPEECH_ACTS, quantity_words=quantity_words,
        time_words=time_words, bounds_words=bounds_words, outlet_href=outlet_href, member_href=member_href, number=_number, max_page=MAX_PAGE,
        part_id=part_id,
    )
    return found


def _render(request: Request, name: str, context: Mapping[str, Any], status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    engine: Jinja2Templates = request.app.state.templates
    return engine.TemplateResponse(request, name, dict(context), status_code=status, headers=dict(headers or {}))


def error_page(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return _render(request, "error.html", {"status": status, "message": message, "title": f"{status}"}, status, headers)


def _store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _offset(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _pager(request: Request, page: Page[Any]) -> dict[str, str | None]:
    """Links to the previous and next pages, keeping every other parameter."""
    previous = max(page.offset - page.limit, 0) if page.offset > 0 else None
    following = page.next_offset

    def at(offset: int | None) -> str | None:
        if offset is None:
            return None
        params = {**request.query_params, "offset": str(offset)}
        return quote(request.url.path) + "?" + urlencode(params)

    return {"previous": at(previous), "next": at(following), "shown": f"{page.offset + 1}–{page.offset + len(page.items)} of {page.total}" if page.items else "none"}


@router.get("/", response_class=HTMLResponse)
def start(request: Request) -> Response:
    store = _store(request)
    context = {
        "title": "Who says so?",
        "contested": store.proposition_page("contested", limit=10).items,
        "single": store.proposition_page("single_source", members_at_least=2, limit=10).items,
        "articles": store.article_page(limit=8).items,
        "outlets": store.outlets()[:12],
        "counts": store.counts(),
    }
    return _render(request, "start.html", context)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, offset: str | None = None) -> Response:
    page = _store(request).article_page(None, _offset(offset), DEFAULT_PAGE)
    return _render(request, "articles.html", {"title": "Articles", "page": page, "pager": _pager(request, page)})


@router.get("/articles/{article}", response_class=HTMLResponse)
def article(request: Request, article: str) -> Response:
    store = _store(request)
    analysis = store.get(article_id(store, article))
    if analysis is None:
        raise HTTPException(404, f"no stored article has an id starting {article!r}")
    ids = [i for c in [*analysis.attributions, *analysis.unattributed] for i in claim_ids(c)]
    context = {
        "title": analysis.article.title or "Untitled article",
        "analysis": analysis,
        "meta": analysis.article,
        "pieces": pieces(analysis),
        "refs": store.proposition_refs(ids),
        "first_assertion": len(analysis.attributions) + 1,
    }
    return _render(request, "article.html", context)


@router.get("/propositions", response_class=HTMLResponse)
def propositions(request: Request, verdict: str | None = None, offset: str | None = None) -> Response:
    chosen = verdict if verdict in VERDICTS else None
    page = _store(request).proposition_page(chosen, None, 1, _offset(offset), DEFAULT_PAGE)
    context = {"title": "Propositions", "page": page, "pager": _pager(request, page), "verdict": chosen}
    return _render(request, "propositions.html", context)


@router.get("/propositions/{proposition}", response_class=HTMLResponse)
def proposition(request: Request, proposition: str) -> Response:
    found: Proposition = resolve(_store(request).proposition, proposition)
    context = {
        "title": found.label,
        "p": found,
        "timeline": _timeline(found),
        "chain": Markup(chain_svg(found, member_href)),  # noqa: S704 - svg.py escapes every word itself
        "groups": len({m.source_group for m in found.members}),
    }
    return _render(request, "proposition.html", context)


@router.get("/propositions/{proposition}/chain.svg")
def proposition_chain(request: Request, proposition: str) -> Response:
    found: Proposition = resolve(_store(request).proposition, proposition)
    return Response(chain_svg(found, member_href), media_type="image/svg+xml")


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, name: str | None = None, offset: str | None = None) -> Response:
    page = _store(request).entity_page(name or None, _offset(offset), DEFAULT_PAGE)
    return _render(request, "entities.html", {"title": "Who speaks", "page": page, "pager": _pager(request, page), "name": name or ""})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: int, offset: str | None = None) -> Response:
    store = _store(request)
    found = store.entity_claims(entity_id, _offset(offset), DEFAULT_PAGE)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    linked, total = found
    page = Page(linked.claims, total, _offset(offset), DEFAULT_PAGE)
    context = {
        "title": linked.name,
        "entity": linked,
        "page": page,
        "pager": _pager(request, page),
        "refs": store.proposition_refs([m.claim for m in linked.claims]),
        "outlets": sorted({m.outlet for m in linked.claims if m.outlet}),
    }
    return _render(request, "entity.html", context)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request) -> Response:
    return _render(request, "outlets.html", {"title": "Outlets", "outlets": _store(request).outlets()})


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str, offset: str | None = None) -> Response:
    store = _store(request)
    summary = next((o for o in store.outlets() if o.name.casefold() == name.casefold()), None)
    if summary is None:
        raise HTTPException(404, f"no stored article comes from an outlet called {name!r}")
    page = store.article_page(summary.name, _offset(offset), DEFAULT_PAGE)
    claims = store.find_claims(ClaimFilter(outlet=summary.name), 0, 10)
    context = {
        "title": summary.name,
        "outlet": summary,
        "page": page,
        "pager": _pager(request, page),
        "claims": claims.items,
        "refs": store.proposition_refs([c.attribution.id for c in claims.items]),
    }
    return _render(request, "outlet.html", context)


def _day(value: str | None, field: str, problems: list[str]) -> str | None:
    if not value:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        problems.append(f"{field}: {value!r} is not a date like 2031-03-12")
        return None
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str | None = None,
    speaker: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    verdict: str | None = None,
    since: str | None = None,
    until: str | None = None,
    offset: str | None = None,
) -> Response:
    store = _store(request)
    problems: list[str] = []
    if verdict and verdict not in VERDICTS:
        problems.append(f"verdict: choose one of {', '.join(VERDICTS)}")
    where = ClaimFilter(
        speaker=speaker or None, entity=entity or None, outlet=outlet or None,
        since=_day(since, "since", problems), until=_day(until, "until", problems),
        verdict=verdict if verdict in VERDICTS else None, text=(q or "")[:200] or None,
    )
    asked = any(v for v in (q, speaker, outlet, entity, verdict, since, until))
    page = store.find_claims(where, _offset(offset), DEFAULT_PAGE) if asked and not problems else None
    context = {
        "title": f"Search: {q}" if q else "Search claims",
        "form": {"q": q or "", "speaker": speaker or "", "outlet": outlet or "", "entity": entity or "", "verdict": verdict or "", "since": since or "", "until": until or ""},
        "problems": problems,
        "page": page,
        "pager": _pager(request, page) if page else None,
        "refs": store.proposition_refs([c.attribution.id for c in page.items]) if page else {},
        "outlets": store.outlets(),
    }
    return _render(request, "search.html", context, status=422 if problems else 200)
