"""The labelled pairs of real PolNeAR claims (sayso/evaluate/gold/link_pairs_polnear.jsonl) and
how `sayso eval link --polnear` scores a linked store against them.

Reading and scoring only: no spaCy; the articles come from ../shared/data/polnear.
"""

from __future__ import annotations

import json
from collections import Counter

from sayso.evaluate.link_pairs import PAIRS_PATH, SEASONS, ClaimSpan, LabelledPair, _score, load_pairs
from sayso.evaluate.polnear import load_split


def test_pairs_are_two_articles_of_one_season_with_spans_inside_their_text() -> None:
    pairs = load_pairs()
    assert len(pairs) == 1393 and {p.label for p in pairs} == {"same", "different"}
    assert [sum(p.label == "same" for p in pairs if p.batch == b) for b in (1, 2, 3, 4, 5, 6, 7)] == [13, 37, 77, 68, 83, 53, 103]
    assert {p.drawn for p in pairs} == {"linked", "near"} and len({frozenset((p.a, p.b)) for p in pairs}) == 1393
    documents = {d.name: d for split in ("dev", "train") for d in load_split(split)}
    for pair in pairs:
        assert pair.a.document != pair.b.document
        seasons = {next(s for s, months in SEASONS.items() if (documents[span.document].published or "").startswith(months)) for span in (pair.a, pair.b)}
        assert len(seasons) == 1  # the two claims were linked in one store
        for span in (pair.a, pair.b):
            document = documents[span.document]
            assert 0 <= span.start < span.end <= len(document.text)
            assert document.text[span.start : span.end].strip()


def test_a_pair_counts_as_together_when_the_claims_overlapping_its_spans_share_a_proposition() -> None:
    """Each span is the stored claim of its article overlapping it most (of two, the closer in
    length); pairs whose claims share a proposition are together."""
    pairs = [
        LabelledPair(1, ClaimSpan("x", 10, 40), ClaimSpan("y", 0, 20), "same", "linked"),
        LabelledPair(2, ClaimSpan("x", 100, 130), ClaimSpan("y", 50, 80), "different", "linked"),
        LabelledPair(3, ClaimSpan("x", 200, 230), ClaimSpan("y", 50, 80), "same", "near", batch=2),
        LabelledPair(4, ClaimSpan("x", 500, 530), ClaimSpan("y", 0, 20), "different", "near"),
    ]
    # (claim, proposition, article, position, content): the stored members of two articles.
    members = [
        ("c1", "p1", "A", 10, "x" * 30), ("c2", "p1", "B", 0, "y" * 20),
        ("c0", "p0", "A", 5, "x" * 60),  # a content around c1's: overlaps pair 1's span as much, but is longer
        ("c3", "p2", "A", 100, "x" * 30), ("c4", "p2", "B", 50, "y" * 30),
        ("c5", "p3", "A", 200, "x" * 30),
    ]
    result = _score(pairs, 2, members, {"A": "polnear/dev/x", "B": "polnear/dev/y"}, {"p1": "corroborated", "p2": "contested", "p3": "unverified"})
    assert (result.together, result.together_same, result.same, result.unmatched) == (2, 1, 2, 1)
    assert result.precision == 0.5 and result.kept == 0.5
    assert (result.cross_propositions, result.cross_pairs) == (2, 2)
    assert result.verdicts == {"corroborated": 1, "contested": 1}
    assert result.by_batch == {1: (2, 1, 1), 2: (0, 0, 1)}  # batch: together, of them one matter, labelled one matter


def test_the_labelled_verdicts_hold_what_the_gold_readme_reports() -> None:
    """gold/verdicts_polnear.jsonl: 15 contested and 40 corroborated propositions of real news,
    each claim a span of its PolNeAR article; none of the contested is a dispute between its
    claims, 25 of the corroborated are one matter whose claims agree."""
    path = PAIRS_PATH.with_name("verdicts_polnear.jsonl")
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    documents = {d.name: d for split in ("dev", "train") for d in load_split(split)}
    for item in items:
        assert len({c["document"] for c in item["claims"]}) >= 2 and (item["relation"] is None) == (not item["one_matter"])
        for claim in item["claims"]:
            assert documents[claim["document"]].text[claim["start"] : claim["end"]].strip()
    right = Counter(
        (item["verdict"], item["one_matter"] and item["relation"] == ("disagree" if item["verdict"] == "contested" else "agree")) for item in items
    )
    assert right == {("contested", False): 15, ("corroborated", True): 25, ("corroborated", False): 15}
