"""The founding article read as a fact-checker would: for every one of its 23 attributions,
who (resolved), through whom, which figures with which bounds, and which dates; then what the
author asserts with no source, news apart from background."""

from __future__ import annotations

import pytest

from sayso.model import Analysis

Q = tuple  # (value, low, high, unit, per, counted)

# content starts with → speaker name, speaker type, via, quantities, times (text, ISO value)
EXPECTED: list[tuple[str, str | None, str, list[str], list[Q], list[tuple[str, str]]]] = [
    ("that mercenaries in thousands", None, "vague", [], [(None, 1000, 9999, None, None, "mercenaries")], []),
    ("that France had confirmed reports", "Emmanuel Macron", "person", [], [(300, 300, None, None, None, "ISIS fighters")], []),
    ("reports at least 300 ISIS fighters", "France", "government", ["Emmanuel Macron"], [(300, 300, None, None, None, "ISIS fighters")], []),
    ("His statement", "Syrian Observatory or Human Rights", "organisation", [], [], []),
    ("even Russia has such information", "Emmanuel Macron", "person", [], [], []),
    ("why Turkey had transferred ISIS terrorists", "Emmanuel Macron", "person", [], [], []),
    ("''I can announce that more than 300", "Emmanuel Macron", "person", [], [(300, 301, None, None, None, "Syrian Islamist militants")], []),
    ("that Russia also possesses this information", "Vladimir Putin", "person", ["Emmanuel Macron"], [], []),
    ("these fighters are known, tracked and identified", "Emmanuel Macron", "person", [], [], []),
    ("''A red line has been crossed", "Emmanuel Macron", "person", [], [], []),
    ("all NATO members to ''face upto", "Emmanuel Macron", "person", [], [], []),
    ("Turkey has sent 4000 ISIS mercenaries", "AsiaNews", "outlet", [], [(4000, 4000, 4000, None, None, "ISIS mercenaries")], []),
    ("that Turkey had hired them for 1800", "Syrian Observatory or Human Rights", "organisation", ["AsiaNews"], [(1800, 1800, 1800, "USD", "month", None)], [("three months", "P3M")]),
    ('"It is a holy war of Muslims against Christians"', "Nikol Pashinyan", "person", [], [], []),
    ("that If the war in the Caucasus does not stop soon", "Nikol Pashinyan", "person", [], [], []),
    ("the 4,000 Syrian ISIS mercenaries", "AsiaNews", "outlet", [], [(4000, 4000, 4000, None, None, "Syrian ISIS mercenaries")], []),
    ("4000 fundamentalist mercenaries", "Arayik Harutyunyan", "person", [], [(4000, 4000, 4000, None, None, "fundamentalist mercenaries")], [("recent days", "2020-10-11/2020-10-20")]),
    ("'This is not a war between Karabakh", "Arayik Harutyunyan", "person", ["AsiaNews"], [(10_000_000, 10_000_000, 10_000_000, None, None, "Azeris"), (3_000_000, 3_000_000, 3_000_000, None, None, "Armenians")], []),
    ("Syrian ISIS leader Abu Amsha", "AsiaNews", "outlet", [], [], []),
    ("Syrian rebel fighters had signed up", "Guardian", "outlet", [], [], []),
    ("arrival of foreign fighters", "Guardian", "outlet", [], [], []),
    ("yet another attempt for ceasefire", None, "government", [], [], [("midnight October 18", "2020-10-18T00:00")]),
    ("The new agreement", None, "government", [], [], []),
]


def test_every_attribution_is_read_as_a_fact_checker_would(seed_analysis: Analysis) -> None:
    found = seed_analysis.attributions
    assert len(found) == len(EXPECTED)
    for attribution, (start, name, type_, via, quantities, times) in zip(found, EXPECTED):
        where = attribution.content.text[:50]
        assert attribution.content.text.startswith(start), where
        assert attribution.speaker is not None, where
        assert (attribution.speaker.name, attribution.speaker.type) == (name, type_), where
        assert [v.name for v in attribution.via] == via, where
        assert [(q.value, q.low, q.high, q.unit, q.per, q.counted) for q in attribution.quantities] == quantities, where
        assert [(t.text, t.value) for t in attribution.times] == times, where
        assert attribution.speech_act == "assert" and attribution.polarity == "positive", where


@pytest.mark.parametrize(
    ("start", "background"),
    [
        ("Energy rich Nagorno Karabakh", False),  # "is fast turning into a new stronghold of Islamic State"
        ("Turkey is also a NATO member.", True),
        ("Nagorno Karabakh is an enclave", True),
        ("The area is a major oil and gas pipeline corridor.", True),
        ("The latest fighting that began on September 27", False),
        ("Hundreds of people including civilians have died in the fighting.", False),
        ("Both countries agreed to a Russia brokered truce on October 10.", False),
    ],
)
def test_what_the_author_asserts_news_apart_from_background(seed_analysis: Analysis, start: str, background: bool) -> None:
    found = [u for u in seed_analysis.unattributed if u.content.text.startswith(start)]
    assert len(found) == 1
    assert found[0].background is background
    assert found[0].origin == "Ramesh Bhan"


def test_assertions_hold_their_figures_and_dates_and_no_attributed_content(seed_analysis: Analysis) -> None:
    by_start = {u.content.text[:20]: u for u in seed_analysis.unattributed}
    died = by_start["Hundreds of people i"]
    assert [(q.low, q.high, q.counted) for q in died.quantities] == [(100, 999, "people")]
    assert [(t.text, t.value) for t in by_start["The latest fighting "].times] == [("September 27", "2020-09-27")]
    assert [(t.text, t.value) for t in by_start["Both countries agree"].times] == [("October 10", "2020-10-10")]
    for assertion in seed_analysis.unattributed:
        for attribution in seed_analysis.attributions:
            content = attribution.content
            assert not (content.start < assertion.content.end and assertion.content.start < content.end)
