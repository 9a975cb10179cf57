"""Attribution patterns on short articles written for these tests (invented people and outlets)."""

from __future__ import annotations

import sayso
from conftest import find


def test_speaker_before_colon_quote() -> None:
    result = sayso.analyze('Harbor mayor Ellen Varga said: "The bridge will reopen in May."')
    a = find(result, "The bridge will reopen in May")
    assert a.kind == "direct"
    assert a.speaker.name == "Ellen Varga" and a.speaker.type == "person"
    assert a.cue.text == "said"


def test_inverted_said_after_quote_and_continuation() -> None:
    text = (
        '"We are on schedule," said Tomas Brecht, the project director. '
        '"Nothing will stop us now."'
    )
    result = sayso.analyze(text)
    first = find(result, "We are on schedule")
    assert first.speaker.name == "Tomas Brecht"
    second = find(result, "Nothing will stop us now.")
    assert second.kind == "direct" and second.speaker.name == "Tomas Brecht"
    # One statement in two parts: the second quote has no cue of its own and carries on the first.
    assert second.cue is None and second.continues == first.id and first.continues is None
    assert result.to_dict()["attributions"][1]["continues"] == first.id


def test_according_to_at_the_end() -> None:
    result = sayso.analyze("The river rose by two metres overnight, according to the Millbrook Ledger.")
    a = find(result, "The river rose by two metres overnight")
    assert a.kind == "according_to"
    assert a.speaker.text == "the Millbrook Ledger" and a.speaker.type == "outlet"
    assert a.cue.text == "according to"


def test_denial_is_negative() -> None:
    result = sayso.analyze("Councillor Ada Moss denied that the budget had been cut.")
    a = find(result, "that the budget had been cut")
    assert a.polarity == "negative"
    assert a.speaker.name == "Ada Moss"


def test_told_outlet_and_vague_source() -> None:
    result = sayso.analyze(
        "A senior official told the Ridgefield Courier that the plant would close. "
        "Officials said the workers would be paid."
    )
    plant = find(result, "that the plant would close")
    assert plant.speaker.type == "vague" and plant.speaker.name is None
    paid = find(result, "the workers would be paid")
    assert paid.speaker.text == "Officials" and paid.speaker.type == "vague"


def test_she_resolves_to_the_last_person_who_spoke() -> None:
    text = (
        "Governor Lina Okafor said taxes would fall. The Harbor Gazette reported the plan last week.\n"
        "She said the cuts would start in March."
    )
    result = sayso.analyze(text)
    a = find(result, "the cuts would start in March")
    assert a.speaker.text == "She" and a.speaker.name == "Lina Okafor"


def test_surname_resolves_to_full_name() -> None:
    text = "Mayor Ellen Varga opened the bridge on Friday. Varga said the tolls would end."
    a = find(sayso.analyze(text), "the tolls would end")
    assert a.speaker.name == "Ellen Varga"


def test_plain_text_without_header_has_no_title() -> None:
    result = sayso.analyze("The union said the strike would continue.")
    assert result.article.title is None
    assert result.attributions[0].speaker.text == "The union"


def test_a_participle_cue_takes_the_subject_of_the_clause_it_hangs_from() -> None:
    result = sayso.analyze(
        "The Delmar Tenants Union filed a complaint on Monday, claiming that the landlord had ignored repairs."
    )
    claim = find(result, "that the landlord had ignored repairs")
    assert claim.cue.text == "claiming"
    assert claim.speaker is not None and claim.speaker.name == "Delmar Tenants Union"
