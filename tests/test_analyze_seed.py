"""The founding article must come out right: every attribution, its speaker, cue and content."""

from __future__ import annotations

import pytest

from conftest import find
from sayso.model import Analysis


def test_offsets_point_into_the_body(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    for a in seed_analysis.attributions:
        for span in (a.content, a.cue, a.speaker):
            if span is not None:
                assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "content, speaker_text, name, type_, cue, kind",
    [
        ("that mercenaries in thousands", "Several world leaders and reports", None, "vague", "have warned", "indirect"),
        ("that France had confirmed reports at least 300 ISIS fighters", "French President Emmanuel Macron", "Emmanuel Macron", "person", "said", "indirect"),
        ("His statement", "the Syrian Observatory or Human Rights (SOHR)", "Syrian Observatory or Human Rights", "organisation", "was confirmed by", "nominal"),
        ("even Russia has such information", "He", "Emmanuel Macron", "person", "said", "indirect"),
        ("why Turkey had transferred ISIS terrorists", "He", "Emmanuel Macron", "person", "demanded to know", "indirect"),
        ("these fighters are known, tracked and identified", "He", "Emmanuel Macron", "person", "said", "indirect"),
        ("Turkey has sent 4000 ISIS mercenaries to fight the Armenians", "AsiaNews", "AsiaNews", "outlet", "according to", "according_to"),
        ("that If the war in the Caucasus does not stop soon", "Armenian Prime Minister Nikol Pashinyan", "Nikol Pashinyan", "person", "adding", "indirect"),
        ("the 4,000 Syrian ISIS mercenaries had been sent from Afrin", "AsiaNews", "AsiaNews", "outlet", "said", "indirect"),
        ("4000 fundamentalist mercenaries who had arrived", "President of the Republic of Karabakh Arayik Harutyunyan", "Arayik Harutyunyan", "person", "also spoke of", "nominal"),
        ("Syrian ISIS leader Abu Amsha", "It", "AsiaNews", "outlet", "said", "indirect"),
        ("Syrian rebel fighters had signed up", "The Guardian", "Guardian", "outlet", "said", "indirect"),
        ("arrival of foreign fighters would inject", "It", "Guardian", "outlet", "said", "indirect"),
        ("yet another attempt for ceasefire", "Both countries", None, "government", "announced", "nominal"),
        ("The new agreement", "their respective Foreign Ministers", None, "government", "was announced by", "nominal"),
    ],
)
def test_reported_speech(seed_analysis: Analysis, content, speaker_text, name, type_, cue, kind) -> None:
    a = find(seed_analysis, content)
    assert a.speaker is not None
    assert (a.speaker.text, a.speaker.name, a.speaker.type) == (speaker_text, name, type_)
    assert a.cue is not None and a.cue.text == cue
    assert a.kind == kind


def test_doubled_apostrophe_quote_over_several_sentences_with_speaker_after(seed_analysis: Analysis) -> None:
    a = find(seed_analysis, "I can announce that more than 300 Syrian Islamist militants")
    assert a.kind == "direct"
    assert a.content.text.startswith("''I can announce")
    assert a.content.text.endswith("who confirmed that Russia also possesses this information,''")
    assert "This is a confirmed fact. These people are identified." in a.content.text
    assert (a.speaker.text, a.speaker.name) == ("the French President", "Emmanuel Macron")
    assert a.cue.text == "told"


def test_quote_then_said_and_mixed_quote(seed_analysis: Analysis) -> None:
    red_line = find(seed_analysis, "A red line has been crossed which is unacceptable")
    assert red_line.kind == "direct" and red_line.cue.text == "said"
    assert red_line.speaker.name == "Emmanuel Macron"
    call = find(seed_analysis, "all NATO members to ''face upto the behavior of a NATO member")
    assert call.kind == "mixed" and call.cue.text == "called upon"
    assert call.speaker.name == "Emmanuel Macron"


def test_straight_quote_with_speaker_in_the_next_sentence(seed_analysis: Analysis) -> None:
    a = find(seed_analysis, "It is a holy war of Muslims against Christians")
    assert a.kind == "direct"
    assert a.content.text == '"It is a holy war of Muslims against Christians"'
    assert a.speaker.text == "Armenian Prime Minister Nikol Pashinyan"
    assert a.cue.text == "said"


def test_mismatched_quote_marks_and_passive_quoted_by(seed_analysis: Analysis) -> None:
    a = find(seed_analysis, "This is not a war between Karabakh and Azerbaijan")
    assert a.kind == "direct"
    assert a.content.text.startswith("'This is not a war")
    assert a.content.text.endswith("against 3 million Armenians\". It is a war for survival,''")
    assert (a.speaker.text, a.speaker.name, a.speaker.type) == ("he", "Arayik Harutyunyan", "person")
    assert a.cue.text == "was quoted by"
    assert [v.name for v in a.via] == ["AsiaNews"]


def test_chain_quoted_as_saying(seed_analysis: Analysis) -> None:
    a = find(seed_analysis, "that Turkey had hired them for 1800 US Dollars a month")
    assert a.speaker.text == "the Observatory for Human Rights"
    assert a.speaker.type == "organisation"
    assert [(v.name, v.cue) for v in a.via] == [("AsiaNews", "quoted")]


def test_nested_claim_inside_a_quote(seed_analysis: Analysis) -> None:
    a = find(seed_analysis, "that Russia also possesses this information")
    # "… Russian President Vladimir Putin, who confirmed": the relative pronoun says it, for Putin.
    assert (a.speaker.text, a.speaker.name) == ("who", "Vladimir Putin")
    assert a.cue.text == "confirmed"
    assert [v.name for v in a.via] == ["Emmanuel Macron"]


def test_first_person_cue_inside_a_quote_is_not_a_new_claim(seed_analysis: Analysis) -> None:
    assert not any(a.speaker and a.speaker.text == "I" for a in seed_analysis.attributions)


def test_unattributed_statements_are_the_authors(seed_analysis: Analysis) -> None:
    texts = [u.content.text for u in seed_analysis.unattributed]
    assert "Turkey is also a NATO member." in texts
    assert "Hundreds of people including civilians have died in the fighting." in texts
    assert all(u.origin == "Ramesh Bhan" for u in seed_analysis.unattributed)
    assert not any("Macron" in t or "AsiaNews" in t for t in texts)


def test_quantities_and_times_inside_claims(seed_analysis: Analysis) -> None:
    sent = find(seed_analysis, "the 4,000 Syrian ISIS mercenaries")
    assert [q.value for q in sent.quantities] == [4000]
    ceasefire = find(seed_analysis, "yet another attempt for ceasefire")
    assert [(t.text, t.value) for t in ceasefire.times] == [("midnight October 18", "2020-10-18T00:00")]


def test_ids_are_stable_across_runs(seed_analysis: Analysis) -> None:
    import sayso
    from conftest import SEED

    again = sayso.analyze(SEED)
    assert [a.id for a in again.attributions] == [a.id for a in seed_analysis.attributions]
    assert len({a.id for a in again.attributions}) == len(again.attributions)
