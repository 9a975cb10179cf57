"""What "nothing lost, nothing doubled" means for a store, checked row by row; invented articles to fill one.

``check_store(url, expected)`` holds when every expected article is stored exactly once with all
of its claims and entities (none half-written), every article is linked once, every linkable
claim sits in exactly one proposition and every proposition has members and a verdict.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select

from sayso.model import Analysis, claim_ids
from sayso.store.database import resolve_url
from sayso.store.schema import (
    ArticleRow,
    AssertionRow,
    AttributionRow,
    EntityRow,
    LinkedArticleRow,
    LinkedEntityRow,
    MemberRow,
    PropositionRow,
)

TOWNS = ["Arden", "Belmora", "Calder", "Dunmore", "Eskby", "Farrow", "Glenholt", "Harwick", "Islay", "Jorvale"]
PEOPLE = ["Mara Quill", "Tobias Venn", "Ines Okafor", "Ravi Solberg", "Lena Marsh", "Otto Brandvik", "Aiyana Cole", "Piet Haldane"]
ROLES = ["mayor", "harbour master", "council leader", "fire chief", "school governor", "police spokesman"]
THINGS = ["bridge", "library", "ferry service", "north road", "swimming pool", "tram line", "market hall"]
ACTIONS = ["reopen", "close for repairs", "be rebuilt", "cost more than planned", "open late"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def invented_article(number: int) -> str:
    """A short invented news story, different for every number, with a quote and reported speech."""
    town = TOWNS[number % len(TOWNS)]
    person = PEOPLE[number // len(TOWNS) % len(PEOPLE)]
    role = ROLES[number % len(ROLES)]
    thing = THINGS[number // 3 % len(THINGS)]
    action = ACTIONS[number % len(ACTIONS)]
    month = MONTHS[number // 7 % len(MONTHS)]
    return (
        f"{town} {thing} update {number}\n\n"
        f"The {role} of {town}, {person}, said on Monday that the {thing} would {action} by {month}. "
        f"\"We have {number % 90 + 10} workers on it,\" {person.split()[-1]} told reporters.\n"
        f"According to the council, {number * 7 % 500 + 20} residents signed a petition about the {thing}.\n"
    )


def write_articles(folder: Path, count: int) -> None:
    """``count`` invented articles, one file each, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(invented_article(number), encoding="utf-8")


def sayso_process(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``sayso ARGS`` in a process of its own."""
    command = [sys.executable, "-c", "from sayso.cli import main; main()", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def count_rows(url: str, table: type) -> int:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table)).scalar() or 0
    except Exception:  # noqa: BLE001 - not created yet
        return 0
    finally:
        engine.dispose()


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str], seconds: float = 300) -> None:
    """Poll ``condition`` until it holds; fail if the process ends first or time runs out."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"ended before the moment came: {process.communicate()}"
        assert time.monotonic() < deadline, "the moment never came"
        time.sleep(0.05)


def linkable(analysis: Analysis) -> set[str]:
    """The claims linking puts in propositions: what is asserted, attributed or not, a claim for
    each part of a content that states several things."""
    said = [a for a in analysis.attributions if a.speech_act != "no_comment"] + [u for u in analysis.unattributed if not u.background]
    return {i for c in said for i in claim_ids(c)}


def check_store(url: str, expected: list[Analysis], linked: bool = True) -> None:
    """Every expected article once, with all its claims and entities; links consistent."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:

            def ids(column: object) -> Counter[str]:
                return Counter(conn.execute(select(column)).scalars())

            assert ids(ArticleRow.id) == Counter(a.article.id for a in expected)
            assert ids(AttributionRow.id) == Counter(x.id for a in expected for x in a.attributions)
            assert ids(AssertionRow.id) == Counter(x.id for a in expected for x in a.unattributed)
            entities = dict(conn.execute(select(EntityRow.article_id, func.count()).group_by(EntityRow.article_id)).all())
            assert entities == {a.article.id: len(a.entities) for a in expected if a.entities}
            if not linked:
                return
            assert ids(LinkedArticleRow.article_id) == ids(ArticleRow.id)
            members = conn.execute(select(MemberRow.claim_id, MemberRow.article_id)).all()
            claim_article = {c: a.article.id for a in expected for c in linkable(a)}
            linked_claims, linkable_claims = Counter(c for c, _ in members), Counter(claim_article.keys())
            assert linked_claims == linkable_claims, {"linked twice or not linkable": linked_claims - linkable_claims,
                                                      "not linked": linkable_claims - linked_claims}
            assert all(claim_article[c] == article for c, article in members)
            empty = select(PropositionRow.id).where(~PropositionRow.id.in_(select(MemberRow.proposition_id)))
            assert conn.execute(empty).all() == []
            assert conn.execute(select(func.count()).where(PropositionRow.verdict.is_(None))).scalar() == 0
            # No entity was made twice by two linkers racing: each name (and type) is one live entity.
            live = conn.execute(select(LinkedEntityRow.name, LinkedEntityRow.type).where(LinkedEntityRow.merged_into.is_(None))).all()
            assert [k for k, n in Counter(live).items() if n > 1] == []
    finally:
        engine.dispose()
