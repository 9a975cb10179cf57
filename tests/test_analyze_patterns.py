"""Attribution patterns on short articles written for these tests (invented people and outlets)."""

from __future__ import annotations

import sayso
from conftest import find
from sayso.model import Article


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


def test_a_parenthetical_cue_reports_the_clause_it_interrupts_in_two_parts() -> None:
    result = sayso.analyze("Flood barriers, Mayor Ellen Varga said, will protect the harbor district until 2030.")
    first = find(result, "Flood barriers")
    second = find(result, "will protect the harbor district until 2030")
    assert first.speaker.name == second.speaker.name == "Ellen Varga"
    assert first.cue.text == second.cue.text == "said"
    # One statement around the cue: the second part carries on the first.
    assert second.continues == first.id and first.continues is None
    assert "Varga" not in first.content.text + second.content.text


def test_parenthetical_cues_the_parse_hangs_elsewhere_still_report_their_clause() -> None:
    text = (
        "The difference now, Marta Ovell told reporters, is that drivers have lost patience. "
        "The new bridge, as the mayor noted, would cost more than the old ferry. "
        "The trouble, Ovell writes, began with the night shifts."
    )
    result = sayso.analyze(text)
    # "told" hung on the subject noun, not on the clause's verb
    first = find(result, "The difference now")
    second = find(result, "is that drivers have lost patience")
    assert first.speaker.name == second.speaker.name == "Marta Ovell" and second.continues == first.id
    # "as the mayor noted", set off by commas
    bridge = find(result, "would cost more than the old ferry")
    assert bridge.speaker.text == "the mayor" and find(result, "The new bridge").id == bridge.continues
    # a verb that needs a complement ("writes") interrupting a clause has one: the clause
    trouble = find(result, "began with the night shifts")
    assert trouble.cue.text == "writes" and trouble.speaker.name == "Marta Ovell"
    # the clause's own subject, hung on the cue beside the speaker, is the claim's, not the speaker
    commuters = find(sayso.analyze("Commuters, Ovell suggested, do not have to worry about fares."), "Commuters")
    assert commuters.speaker.text == "Ovell" and commuters.cue.text == "suggested"
    assert not [u for u in result.unattributed if "patience" in u.text or "ferry" in u.text]


def test_what_follows_a_parenthetical_cue_is_its_clause_unless_it_is_a_saying_of_its_own() -> None:
    # The parse joins "had passed" to "added": it carries on the clause, which has no other subject.
    result = sayso.analyze("The pilot had no debts, the Orlan Air spokesman added, and had passed every medical check.")
    second = find(result, "had passed every medical check")
    assert second.cue.text == "added" and second.continues == find(result, "The pilot had no debts").id
    # "and added that …" is a second cue, not the rest of what "said" reports.
    result = sayso.analyze("The ferry was late, the captain said, and added that the engine had failed.")
    assert [a.content.text for a in result.attributions if a.cue is not None and a.cue.text == "said"] == ["The ferry was late"]
    assert find(result, "that the engine had failed").cue.text == "added"


def test_an_as_clause_that_runs_on_is_no_parenthetical_cue() -> None:
    result = sayso.analyze(
        "But some note that Dana Reyl — as she says her experience in tax law makes her uniquely qualified to rewrite"
        " the tax code — has proposed little in the way of detail."
    )
    assert not [a for a in result.attributions if a.cue is not None and a.cue.text == "says" and a.content.text.startswith("that Dana")]


def test_a_speaker_label_opens_a_transcript_line_but_not_a_dateline() -> None:
    text = (
        "Millbrook: The county debate ran late on Tuesday.\n\n"
        "HOLLIS: Will the new bridge be finished before the winter storms arrive?\n\n"
        "Read more: Bridge works fall behind schedule again."
    )
    result = sayso.analyze(text)
    line = find(result, "Will the new bridge be finished before the winter storms arrive?")
    assert line.speaker.text == "HOLLIS" and line.cue.text == ":" and line.kind == "direct"
    assert not [a for a in result.attributions if "county debate" in a.content.text or "fall behind" in a.content.text]


def test_a_quote_signed_with_a_dash_is_the_signers() -> None:
    text = "Readers wrote in after the vote.\n\n“The council ignored every tenant in this town.” ― Marta Quell\n"
    a = find(sayso.analyze(text), "The council ignored every tenant in this town.")
    assert a.speaker.text == "Marta Quell" and a.cue.text == "―" and a.kind == "direct"


def test_a_lead_in_ending_with_a_colon_gives_the_next_line() -> None:
    text = (
        "Councillor Ada Moss spoke after the vote.\n\n"
        "Moss added:\n\n"
        "The budget leaves the harbor without a single new ferry for five years.\n\n"
        "Moss also said:\n\n"
        "“We will appeal the decision before the end of the month.”"
    )
    result = sayso.analyze(text)
    plain = find(result, "The budget leaves the harbor without a single new ferry for five years.")
    assert plain.speaker.name == "Ada Moss" and plain.cue.text == "added"
    quoted = find(result, "We will appeal the decision before the end of the month.")
    assert quoted.speaker.name == "Ada Moss" and quoted.cue.text == "also said" and quoted.continues is None


def test_a_cue_the_lexicon_does_not_know_takes_whoever_does_it() -> None:
    result = sayso.analyze(
        "Councillor Rhea Doss has used the phrase “ferry crisis” often in her campaign, "
        "and criticized the mayor for doing nothing."
    )
    a = find(result, "the mayor for doing nothing")
    assert a.cue.text == "criticized"
    # "criticized" hangs from "used": its subject is the speaker.
    assert a.speaker is not None and a.speaker.name == "Rhea Doss"


def test_a_noun_of_saying_with_a_that_clause_reports_its_possessors_claim() -> None:
    text = (
        "Governor Ivo Lark's claim that the ferry lost money every year since 2019 was false. "
        "The fact that the bridge closed surprised nobody."
    )
    result = sayso.analyze(text, extractor="rules")
    a = find(result, "that the ferry lost money every year since 2019")
    assert a.cue.text == "claim" and a.speaker.name == "Ivo Lark"
    assert not [x for x in result.attributions if "bridge closed" in x.content.text]


def test_a_one_word_headline_label_and_a_signature_after_a_no_break_space() -> None:
    text = (
        "Holloway: Council must fix the ferry before winter\n\n"
        "Readers wrote in.\n\n"
        "“The ferry has been late every single day this month.”\u00a0―\u00a0Dora Finch\u00a0\n"
    )
    result = sayso.analyze(Article(text=text))  # as given: plain-text reading would take line one as the title
    headline = find(result, "Council must fix the ferry before winter")
    assert headline.speaker.text == "Holloway" and headline.cue.text == ":"
    signed = find(result, "The ferry has been late every single day this month.")
    assert signed.speaker.text == "Dora Finch" and signed.cue.text == "―"


def test_whoever_seems_is_the_source_only_when_seeming_to_think() -> None:
    from sayso.analyze.cues import doer
    from sayso.analyze.language import load_pipeline

    nlp = load_pipeline()
    plan = nlp("The ferry plan seems to fail.")
    assert doer(plan[3]) is None  # the plan is what seems, nobody says so
    moss = nlp("Ada Moss seemed to think the plan was phony.")
    assert doer(moss[2]) is not None and doer(moss[2]).text == "Moss"


def test_a_gerund_after_a_preposition_is_done_by_the_subject_of_the_verb_it_hangs_from() -> None:
    from sayso.analyze.cues import doer
    from sayso.analyze.language import load_pipeline

    doc = load_pipeline()("Dara Quell won the council over by telling members that the levy would fall.")
    telling = next(t for t in doc if t.text == "telling")
    assert doer(telling) is not None and doer(telling).text == "Quell"


def test_who_says_is_whoever_the_relative_clause_hangs_from() -> None:
    result = sayso.analyze("The mayor met Tomas Reyl, who said the ferry budget was short by $4 million.")
    claim = find(result, "the ferry budget was short by $4 million")
    # The source is the word that says it, as PolNeAR marks it; the name is the one it stands for.
    assert claim.speaker.text == "who"
    assert (claim.speaker.name, claim.speaker.type) == ("Tomas Reyl", "person")


def test_whoever_is_asked_is_not_the_one_asking() -> None:
    text = "Asked about the ferry fares, Mayor Ivo Lark said the council would vote in May."
    for extractor in ("rules", "hybrid"):
        result = sayso.analyze(text, extractor=extractor)
        asked = find(result, "the ferry fares")
        assert asked.cue.text == "Asked about" and asked.speaker is None  # the asker goes unnamed
        assert find(result, "the council would vote in May").speaker.name == "Ivo Lark"


def test_a_finding_or_a_ruling_is_a_claim_only_with_a_tensed_clause() -> None:
    text = (
        "The Harbor Audit Office found that the ferry lost $2 million last year. "
        "The appeals court ruled the ferry levy was unlawful. "
        "A lower court had ruled the levy fair. "
        "Police found the van abandoned near the pier. "
        "Voters found themselves waiting for hours."
    )
    result = sayso.analyze(text, extractor="rules")
    found = find(result, "that the ferry lost $2 million last year")
    assert (found.speaker.text, found.cue.text) == ("The Harbor Audit Office", "found")
    ruling = find(result, "the ferry levy was unlawful")
    assert (ruling.speaker.text, ruling.cue.text) == ("The appeals court", "ruled")
    assert len(result.attributions) == 2
