"""Speech acts: how firmly a source stands behind what the article says it said."""

from __future__ import annotations

import pytest

import sayso
from sayso.model import Analysis


@pytest.mark.parametrize(
    "sentence, cue, act",
    [
        ("Councillor Ada Moss denied that the budget had been cut.", "denied", "deny"),
        ("The minister rejected reports that troops had crossed the border.", "rejected", "deny"),
        ("The union said the figures were false.", "said", "deny"),
        ('"The claim that our stewards opened the north gate during the match is false," the club said.', "said", "deny"),
        ("The agency withdrew its estimate of 300 deaths.", "withdrew", "retract"),
        ("The newspaper retracted the story.", "retracted", "retract"),
        ("The group now says 40 people died.", "now says", "revise"),
        ("Police revised the death toll to 12.", "revised", "revise"),
        ("Officials could not verify the report.", "could not verify", "hedge"),
        ("The mayor said the fire may have been set deliberately.", "said", "hedge"),
        ("Analysts believe the merger will fail.", "believe", "hedge"),
        ("He admitted that the plan had failed.", "admitted", "concede"),
        ("The senator acknowledged that the bill would cost more.", "acknowledged", "concede"),
        ("The ministry declined to comment on the report.", "declined", "no_comment"),
        ("A spokesman for the company did not respond to requests for comment.", "did not respond to", "no_comment"),
        ("She said she had nothing to add.", "said", "no_comment"),
        ("The governor insisted that the roads were safe.", "insisted", "assert"),
        ("The council said the bridge will reopen on Monday.", "said", "assert"),
        ('"We gave the public wrong information, and I apologise for it," the director said.', "said", "retract"),
        ('"We spoke too soon, and we are sorry," the coach company said.', "said", "retract"),
        ('"We were wrong on Monday," a coastguard officer said.', "said", "retract"),
        ('"We were right to close the road," police said.', "said", "assert"),
    ],
)
def test_speech_act_from_cue_and_content(sentence: str, cue: str, act: str) -> None:
    attributions = sayso.analyze(sentence).attributions
    assert [(a.cue.text if a.cue else None, a.speech_act) for a in attributions] == [(cue, act)]


def test_suggesting_a_course_is_not_a_hedge() -> None:
    proposal = sayso.analyze("The auditors suggested that the programme end next year.").attributions
    claim = sayso.analyze("The auditors suggested that the programme is wasting money.").attributions
    assert [a.speech_act for a in proposal] == ["assert"]
    assert [a.speech_act for a in claim] == ["hedge"]


def test_declining_an_action_is_not_declining_to_comment() -> None:
    result = sayso.analyze("The court said the law was valid, and the Supreme Court declined to hear the appeal.")
    assert all(a.speech_act != "no_comment" for a in result.attributions)


def test_a_denial_is_always_negative(seed_analysis: Analysis) -> None:
    result = sayso.analyze("The embassy disputed the account. The minister denied that any troops had been sent.")
    for a in [*result.attributions, *seed_analysis.attributions]:
        assert a.speech_act != "deny" or a.polarity == "negative"
    assert [a.speech_act for a in result.attributions] == ["deny", "deny"]


def test_seed_claims_are_asserted(seed_analysis: Analysis) -> None:
    assert {a.speech_act for a in seed_analysis.attributions} == {"assert"}


def test_speech_act_survives_json(seed_analysis: Analysis) -> None:
    result = sayso.analyze("Officials could not verify the report.")
    again = Analysis.from_dict(result.to_dict())
    assert [a.speech_act for a in again.attributions] == ["hedge"]


def test_withdrawing_a_statement_is_a_retraction_and_the_reason_given_revises_it() -> None:
    from sayso.api import analyze
    from sayso.model import Article

    text = (
        "The Tamm Relief Fund on Tuesday withdrew its estimate that 4,000 people had been forced "
        "from their homes, saying a recount found about 1,200 were displaced."
    )
    acts = {a.cue.text: a.speech_act for a in analyze(Article(text=text)).attributions if a.cue}
    assert acts == {"withdrew": "retract", "saying": "revise"}
    troops = analyze(Article(text="The army withdrew its troops from the border on Monday.")).attributions
    assert troops == []
