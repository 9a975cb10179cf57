"""The scorer on tiny hand-made cases; each expected figure is worked out by hand in a comment."""

from __future__ import annotations

import pytest

from sayso.evaluate.roles import AttributionSpans, spans_of
from sayso.evaluate.scoring import Tally, chunks, score_document, score_documents
from sayso.model import Attribution, Span, Speaker

#       0         1         2         3         4
#       0123456789012345678901234567890123456789012
TEXT = "Ann said, cats are great and dogs are fine."


def span(start: int, end: int, text: str = TEXT) -> Span:
    return Span(text[start:end], start, end)


def attribution(source: list[tuple[int, int]], cue: list[tuple[int, int]], content: list[tuple[int, int]], text: str = TEXT) -> AttributionSpans:
    return AttributionSpans(
        source=[span(s, e, text) for s, e in source],
        cue=[span(s, e, text) for s, e in cue],
        content=[span(s, e, text) for s, e in content],
    )


# Gold: "Ann" (0,3) said (4,8) a discontinuous content "cats are great" (10,24) + "dogs are fine" (29,42).
GOLD = attribution([(0, 3)], [(4, 8)], [(10, 24), (29, 42)])


def figures(tally: Tally) -> tuple[float, float, float]:
    return tally.precision, tally.recall, tally.f1


def test_perfect_prediction_scores_one_everywhere() -> None:
    scores = score_document([GOLD], [GOLD], TEXT)
    for by_role in scores.roles.values():
        for tally in by_role.values():
            assert figures(tally) == (1.0, 1.0, 1.0)
    assert figures(scores.attribution["overlap"]) == figures(scores.attribution["exact"]) == (1.0, 1.0, 1.0)


def test_whitespace_at_the_edges_is_trimmed_for_exact_match() -> None:
    # " cats are great " (9,25) trims to (10,24), the first gold chunk: 1 of 1 predicted, 1 of 2 gold.
    predicted = attribution([], [], [(9, 25)])
    tally = score_document([GOLD], [predicted], TEXT).roles["exact"]["content"]
    assert (tally.predicted, tally.gold, tally.matched_predicted, tally.matched_gold) == (1, 2, 1, 1)
    assert chunks([span(8, 10)], TEXT) == [(8, 9)]  # ": " keeps its colon: only whitespace goes
    assert chunks([span(9, 10)], TEXT) == []  # a lone space is no chunk at all


def test_each_criterion_on_one_content() -> None:
    # Predicted content chunks: p1 = "cats are great and dogs are fine" (10,42), p2 = "and" (25,28).
    # Gold content chunks: g1 = "cats are great" (10,24), g2 = "dogs are fine" (29,42).
    predicted = [attribution([], [], [(10, 42)]), attribution([], [], [(25, 28)])]
    roles = score_document([GOLD], predicted, TEXT).roles
    # exact: no chunk has the same boundaries → P 0/2, R 0/2, F1 0.
    assert figures(roles["exact"]["content"]) == (0.0, 0.0, 0.0)
    # begin: p1 starts at 10 like g1; p2 at 25 like none → P 1/2; g1 found, g2 (29) not → R 1/2; F1 1/2.
    assert figures(roles["begin"]["content"]) == (0.5, 0.5, 0.5)
    # overlap: p1 overlaps g1 and g2, p2 lies in the gap (24..29) → P 1/2; both gold overlapped → R 1;
    # F1 = 2·½·1 / (½+1) = 2/3.
    assert figures(roles["overlap"]["content"]) == pytest.approx((0.5, 1.0, 2 / 3))
    # jaccard: tokens p1 = {cats are great and dogs are fine} (7), g1 = 3, g2 = 3, p2 = {and}.
    # best(p1) = 3/7, best(p2) = 0 → P = (3/7 + 0)/2 = 3/14; best(g1) = best(g2) = 3/7 → R = 3/7;
    # F1 = 2·(3/14)(3/7) / (3/14 + 3/7) = (9/49) / (9/14) = 2/7.
    assert figures(roles["jaccard"]["content"]) == pytest.approx((3 / 14, 3 / 7, 2 / 7))


def test_jaccard_counts_tokens_not_characters() -> None:
    # Predicted source "Ann said" (0,8) against gold "Ann" (0,3): tokens {Ann, said} vs {Ann} → 1/2 both ways.
    tally = score_document([GOLD], [attribution([(0, 8)], [], [])], TEXT).roles["jaccard"]["source"]
    assert figures(tally) == pytest.approx((0.5, 0.5, 0.5))


def test_a_span_shared_by_two_attributions_counts_once() -> None:
    # Both predictions name "Ann" (0,3): one predicted source chunk, which is right → P 1/1, R 1/1.
    predicted = [attribution([(0, 3)], [(4, 8)], [(10, 24)]), attribution([(0, 3)], [(4, 8)], [(29, 42)])]
    tally = score_document([GOLD], predicted, TEXT).roles["exact"]["source"]
    assert (tally.predicted, tally.gold) == (1, 1)
    assert figures(tally) == (1.0, 1.0, 1.0)


def test_whole_attribution_overlap_and_exact() -> None:
    # p1: same source and cue, content (10,42) overlaps both gold chunks → matches under overlap;
    # under exact its chunks {(10,42)} differ from {(10,24),(29,42)} → no match.
    # p2 is a copy of p1: the gold attribution can be matched only once.
    p1 = attribution([(0, 3)], [(4, 8)], [(10, 42)])
    scores = score_document([GOLD], [p1, p1], TEXT)
    overlap = scores.attribution["overlap"]
    assert (overlap.predicted, overlap.gold, overlap.matched_predicted) == (2, 1, 1)
    assert figures(overlap) == pytest.approx((0.5, 1.0, 2 / 3))  # P 1/2, R 1/1, F1 2/3
    assert figures(scores.attribution["exact"]) == (0.0, 0.0, 0.0)


def test_whole_attribution_needs_every_role() -> None:
    # Right source and content but the cue "are" (15,18) is not "said" (4,8) → no match.
    wrong_cue = attribution([(0, 3)], [(15, 18)], [(10, 24)])
    assert score_document([GOLD], [wrong_cue], TEXT).attribution["overlap"].matched_gold == 0


#            0         1         2
#            0123456789012345678901234567
NO_SOURCE = "Taxes will rise, it is said."


def test_missing_source_on_both_sides_matches() -> None:
    # Gold: no source, cue "is said" (20,27), content "Taxes will rise" (0,15).
    gold = attribution([], [(20, 27)], [(0, 15)], NO_SOURCE)
    same = attribution([], [(20, 27)], [(0, 15)], NO_SOURCE)
    with_source = attribution([(17, 19)], [(20, 27)], [(0, 15)], NO_SOURCE)  # "it" named as the source
    assert figures(score_document([gold], [same], NO_SOURCE).attribution["exact"]) == (1.0, 1.0, 1.0)
    # A source on one side only is a mismatch: 0 of 1.
    assert score_document([gold], [with_source], NO_SOURCE).attribution["overlap"].matched_gold == 0
    # And the source role itself: 1 predicted chunk, 0 gold → P 0, R 0 (nothing to find).
    assert figures(score_document([gold], [with_source], NO_SOURCE).roles["exact"]["source"]) == (0.0, 0.0, 0.0)


def test_matching_is_one_to_one_and_maximal() -> None:
    # Gold contents g1 (0,10) and g2 (20,30); predictions p1 (5,25) overlaps both, p2 (0,4) only g1.
    # Taking p1 → g1 first would leave p2 unmatched; the best matching is p1 → g2, p2 → g1: 2 of 2.
    text = "x" * 40
    gold = [attribution([], [], [(0, 10)], text), attribution([], [], [(20, 30)], text)]
    predicted = [attribution([], [], [(5, 25)], text), attribution([], [], [(0, 4)], text)]
    assert figures(score_document(gold, predicted, text).attribution["overlap"]) == (1.0, 1.0, 1.0)


def test_documents_are_micro_averaged() -> None:
    # Doc 1: gold source "Ann", predicted "Ann" → 1 right of 1 predicted, 1 gold.
    # Doc 2: three gold sources, one wrong prediction → 0 right of 1 predicted, 3 gold.
    # Micro: P = 1/2, R = 1/4, F1 = 2·(1/2)(1/4)/(3/4) = 1/3 (a macro average would give R = 1/2).
    text2 = "A and B and C met D."
    gold2 = [attribution([(0, 1)], [], [], text2), attribution([(6, 7)], [], [], text2), attribution([(12, 13)], [], [], text2)]
    wrong = [attribution([(18, 19)], [], [], text2)]
    total = score_documents([([GOLD], [attribution([(0, 3)], [], [])], TEXT), (gold2, wrong, text2)])
    assert total.documents == 2
    assert figures(total.roles["exact"]["source"]) == pytest.approx((0.5, 0.25, 1 / 3))


def test_nothing_predicted_or_nothing_to_find_scores_zero() -> None:
    assert figures(score_document([GOLD], [], TEXT).roles["overlap"]["cue"]) == (0.0, 0.0, 0.0)
    assert figures(score_document([], [GOLD], TEXT).attribution["overlap"]) == (0.0, 0.0, 0.0)


def test_a_predicted_attribution_in_the_scorers_shape() -> None:
    # sayso's speaker mention is the source; a missing speaker or cue is an empty role.
    with_speaker = Attribution(kind="indirect", content=span(10, 42), cue=span(4, 8), speaker=Speaker("Ann", 0, 3, name="Ann Lee", type="person"))
    assert spans_of(with_speaker) == attribution([(0, 3)], [(4, 8)], [(10, 42)])
    bare = Attribution(kind="according_to", content=span(10, 24), cue=None, speaker=None)
    assert spans_of(bare) == attribution([], [], [(10, 24)])


def test_claims_nested_in_another_are_set_aside_as_polnear_cannot_annotate_them() -> None:
    from sayso.evaluate.roles import univocal
    from sayso.model import Attribution, Span

    text = '"Putin confirmed that Russia knows," Macron said.'
    outer = Attribution("direct", Span(text[0:36], 0, 36), Span("said", 44, 48), None)
    inner = Attribution("indirect", Span("that Russia knows", 16, 33), Span("confirmed", 6, 15), None)
    other = Attribution("indirect", Span("x", 40, 41), None, None)
    assert univocal([outer, inner, other]) == [outer, other]


def test_a_carried_on_content_is_scored_as_a_fragment_of_the_one_it_continues() -> None:
    from sayso.evaluate.roles import scored

    ann = Speaker("Ann", 0, 3, name="Ann", type="person")
    first = Attribution("indirect", span(10, 24), span(4, 8), ann, id="a1")
    second = Attribution("indirect", span(29, 42), span(4, 8), ann, id="a2", continues="a1")
    # Read as one statement, the pair is GOLD exactly: one source, one cue, two content fragments.
    assert scored([first, second], TEXT) == [GOLD]
    whole = score_document([GOLD], scored([first, second], TEXT), TEXT).attribution["exact"]
    assert figures(whole) == (1.0, 1.0, 1.0)
    # Read as two statements, the second is an attribution too many and neither is exact:
    # overlap P 1/2 (one of two predictions matched, one-to-one), exact P 0.
    apart = score_document([GOLD], [spans_of(first), spans_of(second)], TEXT).attribution
    assert figures(apart["overlap"])[0] == 0.5 and figures(apart["exact"]) == (0.0, 0.0, 0.0)
    # A continuation whose first part was not kept (or a system without ids) stands alone.
    assert scored([second], TEXT) == [spans_of(second)]


def test_the_punctuation_polnear_takes_into_a_source_and_a_cue() -> None:
    from sayso.evaluate.roles import polnear_bounds

    text = "Brian Fallon, the campaign's press secretary, said: Ann, a nurse, told us it was fine."
    fallon = Span("Brian Fallon, the campaign's press secretary", 0, 44)
    ann = Span("Ann", 52, 55)
    shape = AttributionSpans(source=[fallon], cue=[Span("said", 46, 50)], content=[Span("Ann", 52, 55)])
    bounded = polnear_bounds(shape, text)
    assert [s.text for s in bounded.source] == ["Brian Fallon, the campaign's press secretary,"]
    assert [s.text for s in bounded.cue] == ["said:"]
    assert bounded.content == shape.content
    # A source with no comma inside keeps its bounds, comma after it or not.
    assert polnear_bounds(AttributionSpans(source=[ann]), text).source == [ann]
