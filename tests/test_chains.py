"""Chains of who relays whom: the speaker is the innermost origin, ``via`` the intermediaries."""

from __future__ import annotations

import pytest

from sayso.api import analyze
from sayso.model import Article, Attribution


def claim(text: str, words: str) -> Attribution:
    found = [a for a in analyze(Article(text=text)).attributions if words in a.content.text]
    assert len(found) == 1, [(a.speaker, a.content.text) for a in analyze(Article(text=text)).attributions]
    return found[0]


@pytest.mark.parametrize(
    ("text", "words", "speaker", "via"),
    [
        (
            "Harbor Gazette reported on Monday, citing the port authority, that 40 ships were stuck outside the bay.",
            "40 ships were stuck",
            "the port authority",
            [("Harbor Gazette", "reported")],
        ),
        (
            "Coast Daily, quoting officials at the harbour, said the dock had been closed since Friday.",
            "the dock had been closed",
            "officials at the harbour",
            [("Coast Daily", "said")],
        ),
        (
            "According to the coast guard, cited by the Valley Courier, three crew members were missing.",
            "three crew members were missing",
            "the coast guard",
            [("Valley Courier", "cited by")],
        ),
        (
            "Mayor Ines Varga told the Valley Courier that the bridge would reopen in May.",
            "the bridge would reopen",
            "Mayor Ines Varga",
            [("Valley Courier", "told")],
        ),
        (
            "The Valley Courier quoted fire chief Oren Malik as saying that the blaze was under control.",
            "the blaze was under control",
            "fire chief Oren Malik",
            [("Valley Courier", "quoted")],
        ),
    ],
)
def test_relayed_claims_name_their_origin_and_chain(text: str, words: str, speaker: str, via: list[tuple[str, str]]) -> None:
    found = claim(text, words)
    assert found.speaker is not None and found.speaker.text == speaker
    assert [(v.name, v.cue) for v in found.via] == via
    assert "citing" not in found.content.text and "cited by" not in found.content.text


def test_the_relaying_participle_is_not_a_claim_of_its_own() -> None:
    attributions = analyze(Article(text="Coast Daily, quoting officials at the harbour, said the dock had been closed since Friday.")).attributions
    assert len(attributions) == 1


def test_telling_a_person_is_not_a_chain() -> None:
    found = claim("Mayor Ines Varga told reporters that the bridge would reopen in May.", "the bridge would reopen")
    assert found.via == []


def test_a_quote_inside_a_quote_is_the_inner_speakers_through_the_outer() -> None:
    text = (
        "Ferries were cancelled again on Tuesday.\n\n"
        "\"The minister told me 'we will not raise taxes this year',\" Tomas Brandt said.\n"
    )
    found = analyze(Article(text=text)).attributions
    assert len(found) == 2
    outer, inner = found
    assert inner.kind == "direct" and inner.content.text == "'we will not raise taxes this year'"
    assert inner.speaker is not None and inner.speaker.text == "The minister"
    assert [(v.name, v.cue) for v in inner.via] == [("Tomas Brandt", "said")]
    assert outer.speaker is not None and outer.speaker.name == "Tomas Brandt" and outer.via == []
