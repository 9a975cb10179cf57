"""The cross-article linking corpora (benchmarks/link_corpus and its held-out stories in
benchmarks/link_corpus_heldout, …_heldout_2 to …_heldout_6) are well formed and their gold labels are consistent.

Pure JSON and string checks: no spaCy, no sayso pipeline, well under a second.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
CORPUS = BENCHMARKS / "link_corpus"
HELD_OUT = BENCHMARKS / "link_corpus_heldout"
HELD_OUT_2 = BENCHMARKS / "link_corpus_heldout_2"
HELD_OUT_3 = BENCHMARKS / "link_corpus_heldout_3"
HELD_OUT_4 = BENCHMARKS / "link_corpus_heldout_4"
HELD_OUT_5 = BENCHMARKS / "link_corpus_heldout_5"
HELD_OUT_6 = BENCHMARKS / "link_corpus_heldout_6"
# What each corpus must at least hold: stories, each verdict's propositions, wire copies.
MINIMUMS = {CORPUS: (3, 2, 3), HELD_OUT: (1, 2, 2), HELD_OUT_2: (1, 2, 2), HELD_OUT_3: (1, 2, 2), HELD_OUT_4: (1, 2, 2), HELD_OUT_5: (1, 2, 2), HELD_OUT_6: (1, 2, 2)}

VERDICTS = {"corroborated", "single_source", "contested", "retracted", "unverified"}
STANCES = {"agree", "contradict", "partial", "retracted"}
QUALIFIERS = {"exact", "about", "at_least", "more_than", "at_most"}
# How far "about" reaches when the gold is checked for compatible numbers.
ABOUT = 0.2

_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+, [A-Z][a-z]+ \d{1,2} \((?P<agency>[A-Z]{2,5})\) - ")
_TRAILING_AGENCY = re.compile(r"\s*\((?P<agency>[A-Z]{2,5})\)$")


@pytest.fixture(params=[CORPUS, HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, HELD_OUT_6], ids=["tuned", "held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5", "held_out_6"])
def corpus(request: pytest.FixtureRequest) -> Path:
    return request.param


@cache
def gold(corpus: Path) -> dict:
    return json.loads((corpus / "gold.json").read_text(encoding="utf-8"))


@cache
def manifest(corpus: Path) -> dict:
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))


@cache
def article(corpus: Path, name: str) -> dict:
    """Header fields and body of one article, read the way the corpus lays them out."""
    raw = (corpus / "articles" / name).read_text(encoding="utf-8")
    lines = raw.split("\n")
    title, published = lines[0], lines[1]
    byline = lines[2][3:] if lines[2].startswith("By ") else None
    start = lines.index("")
    paragraphs = [line for line in lines[start:] if line.strip()]
    agency = None
    if match := _DATELINE.match(paragraphs[0]):
        agency = match["agency"]
        paragraphs[0] = paragraphs[0][match.end() :]
    if match := _TRAILING_AGENCY.search(paragraphs[-1]):
        agency = agency or match["agency"]
        paragraphs[-1] = paragraphs[-1][: match.start()]
    return {
        "raw": raw,
        "title": title,
        "published": published.removeprefix("Published: "),
        "byline": byline,
        "agency": agency,
        "body": "\n".join(paragraphs),
    }


def members(corpus: Path) -> list[tuple[dict, dict]]:
    return [(p, m) for p in gold(corpus)["propositions"] for m in p["members"]]


def story_articles(corpus: Path) -> list[str]:
    return [name for story in gold(corpus)["stories"] for name in story["articles"]]


def test_every_article_is_in_one_story_and_on_disk(corpus: Path) -> None:
    named = story_articles(corpus)
    articles = corpus / "articles"
    on_disk = sorted(str(p.relative_to(articles)) for p in articles.rglob("*.txt"))
    assert len(named) == len(set(named))
    assert sorted(named) == on_disk
    assert sorted(manifest(corpus)["articles"]) == on_disk


def test_each_story_has_at_least_eight_articles(corpus: Path) -> None:
    assert len(gold(corpus)["stories"]) >= MINIMUMS[corpus][0]
    for story in gold(corpus)["stories"]:
        assert len(story["articles"]) >= 8, story["name"]
        assert all(name.startswith(story["name"] + "/") for name in story["articles"])


def test_manifest_agrees_with_the_article_headers(corpus: Path) -> None:
    agencies = manifest(corpus)["agencies"]
    for name, meta in manifest(corpus)["articles"].items():
        text = article(corpus, name)
        assert text["published"] == meta["published"], name
        assert text["byline"] == meta["byline"], name
        assert text["agency"] == meta["agency"], name
        assert meta["agency"] is None or meta["agency"] in agencies
        assert meta["story"] == name.split("/")[0]
        assert meta["outlet"]


def test_articles_are_short_news_stories(corpus: Path) -> None:
    for name in story_articles(corpus):
        words = len(article(corpus, name)["body"].split())
        assert 120 <= words <= 350, f"{name}: {words} words"


def test_proposition_ids_are_unique(corpus: Path) -> None:
    ids = [p["id"] for p in gold(corpus)["propositions"]]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_every_verdict_occurs_at_least_twice(corpus: Path) -> None:
    counts = Counter(p["verdict"] for p in gold(corpus)["propositions"])
    assert set(counts) == VERDICTS
    assert all(n >= MINIMUMS[corpus][1] for n in counts.values()), counts
    assert counts["unverified"] >= 10


def test_every_quote_occurs_exactly_once_in_its_article(corpus: Path) -> None:
    stories = {s["name"]: set(s["articles"]) for s in gold(corpus)["stories"]}
    for prop, member in members(corpus):
        assert member["article"] in stories[prop["story"]], (prop["id"], member["article"])
        quote = member["quote"]
        assert 3 <= len(quote.split()) <= 12, (prop["id"], quote)
        count = article(corpus, member["article"])["body"].count(quote)
        assert count == 1, f"{prop['id']}: {quote!r} occurs {count} times in {member['article']}"


def test_no_claim_is_labelled_twice(corpus: Path) -> None:
    keys = [(m["article"], m["quote"]) for _, m in members(corpus)]
    assert len(keys) == len(set(keys)), [k for k, n in Counter(keys).items() if n > 1]


def test_member_fields(corpus: Path) -> None:
    for prop, member in members(corpus):
        assert prop["verdict"] in VERDICTS
        assert prop["label"] and prop["why"]
        assert member["stance"] in STANCES, prop["id"]
        assert member["speaker"] and member["origin"]
        assert isinstance(member["via"], list)
        value = member["value"]
        assert value is None or isinstance(value, (int, float)), prop["id"]
        assert (value is None) == ("qualifier" not in member), prop["id"]
        assert value is None or member["qualifier"] in QUALIFIERS


def _origin(corpus: Path, name: str) -> str:
    """One origin per source: a person who speaks for an organisation counts as that organisation."""
    speaks_for = {e["name"]: e["speaks_for"] for e in gold(corpus)["entities"] if "speaks_for" in e}
    return speaks_for.get(name, name)


def _interval(member: dict) -> tuple[float, float]:
    value, qualifier = member["value"], member["qualifier"]
    return {
        "exact": (value, value),
        "about": (value * (1 - ABOUT), value * (1 + ABOUT)),
        "at_least": (value, math.inf),
        "more_than": (value, math.inf),
        "at_most": (-math.inf, value),
    }[qualifier]


def _compatible(a: dict, b: dict) -> bool:
    (low_a, high_a), (low_b, high_b) = _interval(a), _interval(b)
    return max(low_a, low_b) <= min(high_a, high_b)


def test_verdicts_follow_from_members(corpus: Path) -> None:
    for prop in gold(corpus)["propositions"]:
        verdict, group = prop["verdict"], prop["members"]
        origins = {_origin(corpus, m["origin"]) for m in group}
        stances = {m["stance"] for m in group}
        if verdict == "unverified":
            assert len(group) == 1 and stances == {"agree"}, prop["id"]
            continue
        assert len(group) >= 2, prop["id"]
        if verdict == "retracted":
            assert "retracted" in stances, prop["id"]
            continue
        assert "retracted" not in stances, prop["id"]
        if verdict == "single_source":
            assert len(origins) == 1 and stances == {"agree"}, prop["id"]
        elif verdict == "corroborated":
            assert len(origins) >= 2 and stances <= {"agree", "partial"}, prop["id"]
        elif verdict == "contested":
            assert len(origins) >= 2 and "contradict" in stances and "agree" in stances, prop["id"]
        numbers = [m for m in group if m["value"] is not None]
        agree = [m for m in numbers if m["stance"] == "agree"]
        against = [m for m in numbers if m["stance"] == "contradict"]
        assert all(_compatible(a, b) for a in agree for b in agree), prop["id"]
        assert all(not _compatible(a, b) for a in agree for b in against), prop["id"]


def test_corpus_exercises_every_case(corpus: Path) -> None:
    props = gold(corpus)["propositions"]
    links = Counter(link["kind"] for link in gold(corpus)["article_links"])
    assert links["wire_copy"] >= MINIMUMS[corpus][2] and links["cites"] >= 3
    chains = [m for _, m in members(corpus) if m["via"]]
    assert chains, "no quote-of-a-quote chain"
    circular = [p for p in props if p["verdict"] == "single_source" and len({m["speaker"] for m in p["members"]}) >= 3]
    assert circular, "no circular-reporting group"
    bounded = {"at_least", "more_than", "at_most"}

    def qualifiers(p: dict) -> set[str]:
        return {m.get("qualifier") for m in p["members"]}

    assert any(p["verdict"] == "contested" and qualifiers(p) & bounded for p in props)
    assert any(p["verdict"] == "corroborated" and qualifiers(p) & bounded and "about" in qualifiers(p) for p in props)  # "at least 40" and "about 45"
    assert any(p["verdict"] == "retracted" for p in props)


def test_entities_aliases_and_distinct_pairs(corpus: Path) -> None:
    entities = {e["name"]: e for e in gold(corpus)["entities"]}
    assert len(entities) == len(gold(corpus)["entities"])
    text = "\n".join(article(corpus, name)["raw"] for name in story_articles(corpus)).casefold()
    for entity in entities.values():
        assert entity["type"] in {"person", "organisation", "outlet", "document"}
        for alias in entity["aliases"]:
            assert alias.casefold() in text, (entity["name"], alias)
        assert entity.get("speaks_for") in (None, *entities)
    for pair in gold(corpus)["distinct"]:
        assert len(pair) == 2 and pair[0] != pair[1]
        assert all(name in entities for name in pair), pair
    outlets = {meta["outlet"] for meta in manifest(corpus)["articles"].values()}
    assert outlets <= {name for name, e in entities.items() if e["type"] == "outlet"}


@pytest.mark.parametrize(
    "corpus, name",
    [(CORPUS, "Ines Varga"), (CORPUS, "Lidia Kross"), (CORPUS, "Marek Dahl"), (HELD_OUT, "Ivo Renwick"), (HELD_OUT_2, "Sigrid Ferren"), (HELD_OUT_3, "Kaj Solberg"), (HELD_OUT_5, "Carl Vennick"), (HELD_OUT_6, "Oswin Tarrant")],
)
def test_namesakes_are_kept_apart(corpus: Path, name: str) -> None:
    surname = name.split()[-1]
    namesakes = [e["name"] for e in gold(corpus)["entities"] if e["type"] == "person" and e["name"].endswith(" " + surname)]
    assert len(namesakes) == 2
    assert sorted(namesakes) in [sorted(pair) for pair in gold(corpus)["distinct"]]
