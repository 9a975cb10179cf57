"""Linking across articles: aliases, propositions, independence and verdicts, on invented news."""

from __future__ import annotations

import gc
import json
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import delete, update
from typer.testing import CliRunner

from conftest import SEED
from pg_server import BACKENDS, database_url
from sayso.api import analyze
from sayso.cli import app
from sayso.link import decide_alias, link_store
from sayso.link.aliases import AliasBook
from sayso.link.facts import ClaimFacts, member_row
from sayso.link.grouping import best_match
from sayso.link.linker import ReadMembers, _candidates
from sayso.link.summaries import join, summarise
from sayso.link.verdicts import judge
from sayso.evaluate.polnear import load_split
from sayso.link import word_rarity
from sayso.link.word_rarity import rarity
from sayso.link.words import negated_terms, terms, words_in_common
from sayso.model import Article, Proposition
from sayso.store import Store
from sayso.store.migrate import MIGRATIONS
from sayso.store.link_state import MEMBERS_COMPARED, LinkState, _latest_members
from sayso.store.schema import PropositionRow, PropositionSummaryRow

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "sayso" / "schema" / "propositions.schema.json").read_text())

GAZETTE = Article(
    title="Flood wrecks Cressby homes",
    published="2031-03-03",
    outlet="Harbor Gazette",
    text=(
        "Mayor Ines Varga said on Monday that 40 homes in Cressby were destroyed by the flood. "
        "The Northern Water Authority (NWA) said the dam above Cressby failed after a week of heavy rain.\n\n"
        "Tomas Varga, a farmer from the valley, said his barn was lost."
    ),
)
COURIER = Article(
    title="Cressby counts the cost",
    published="2031-03-04",
    outlet="Valley Courier",
    text=(
        "Fire chief Oren Malik told reporters that about 40 homes in Cressby were destroyed by the flood. "
        "The NWA said the dam failed after a week of heavy rain. "
        "Mayor Varga said the town would rebuild every home."
    ),
)
WIRE = (
    "LUNDEN, March 5 (NWR) - The regional health office said on Thursday that 12 patients had been "
    "moved out of the Lunden clinic before the water rose, and that no one was hurt. Nurses worked "
    "through the night to move beds and medicine to the upper floor of the school on Mill Road, "
    "where a field ward will stay open until the clinic is dry again."
)


def wire(outlet: str, tail: str) -> Article:
    return Article(title="Lunden clinic emptied", published="2031-03-05", outlet=outlet, agency="NWR", text=WIRE + tail)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh store on each backend: a SQLite file and a database on a throw-away PostgreSQL."""
    with Store(database_url(request, tmp_path, request.param)) as opened:
        yield opened


def report(outlet: str, published: str, text: str) -> Article:
    """A one-paragraph article of ``outlet``'s."""
    return Article(title=f"{outlet} report", published=published, outlet=outlet, text=text)


def add(store: Store, *articles: Article) -> None:
    for article in articles:
        assert store.add(analyze(article))


def holding(store: Store, words: str) -> Proposition:
    found = [p for p in store.propositions() if any(words in m.content for m in p.members)]
    assert len(found) == 1, [p.label for p in found]
    return found[0]


def test_seed_shows_the_contested_count_of_fighters(store: Store) -> None:
    store.add(analyze(SEED))
    link_store(store)
    fighters = holding(store, "4000 ISIS mercenaries")
    assert fighters.verdict == "contested"
    values = {m.origin: m.value for m in fighters.members if m.value is not None}
    assert values["Emmanuel Macron"] == 300 and values["AsiaNews"] == 4000 and values["Arayik Harutyunyan"] == 4000
    stance = {m.origin: m.stance for m in fighters.members}
    assert stance["Emmanuel Macron"] == "agree" and stance["AsiaNews"] == stance["Arayik Harutyunyan"] == "contradict"
    groups = {m.origin: m.source_group for m in fighters.members}
    assert len({groups["Emmanuel Macron"], groups["AsiaNews"], groups["Arayik Harutyunyan"]}) == 3
    assert "Emmanuel Macron" in fighters.explanation and "AsiaNews" in fighters.explanation
    # The pay the Observatory reports is another matter, not part of the count.
    assert all("1800" not in m.content for m in fighters.members)
    # Each claim shows the words it shares with the others, as written: the evidence it was grouped on.
    shared = {m.origin: m.shared for m in fighters.members if m.origin != "Emmanuel Macron"}
    assert shared["Arayik Harutyunyan"] == ["mercenaries", "arrived"] and {"mercenaries", "sent"} <= set(shared["AsiaNews"])


def test_independent_sources_corroborate_and_bounds_are_read(store: Store) -> None:
    add(store, GAZETTE, COURIER)
    link_store(store)
    homes = holding(store, "40 homes in Cressby were destroyed")
    assert homes.verdict == "corroborated", homes.explanation
    assert {m.origin for m in homes.members} >= {"Ines Varga", "Oren Malik"}
    assert {m.stance for m in homes.members} == {"agree"}  # "about 40" fits "40"


def test_a_person_speaking_for_a_body_is_one_voice_with_it(store: Store) -> None:
    """The company said it, and so did its chief executive in another paper: one voice, not corroboration."""
    add(store, report("Harbor Gazette", "2031-09-09", "Tessholm Sound Ferries said all crossings to the island would stay suspended until Thursday."),
        report("Valley Courier", "2031-09-10", "Erland Moss, chief executive of Tessholm Sound Ferries, said all crossings to the island would stay suspended until Thursday."))
    link_store(store)
    crossings = holding(store, "all crossings to the island would stay suspended")
    assert len(crossings.members) == 2 and crossings.verdict == "single_source", crossings.explanation
    assert "Erland Moss speaks for Tessholm Sound Ferries" in crossings.explanation


def test_tolls_far_apart_with_nothing_else_in_common_are_two_events(store: Store) -> None:
    """"Three people were killed" and "at least nine people were killed" a week apart say only
    that people were killed: two events of a kind. The same toll told twice is one."""
    add(store, report("Harbor Gazette", "2031-06-02", "Three people were killed, the Osk fire service said."),
        report("Valley Courier", "2031-06-09", "At least nine people were killed, the Lunden police said."),
        report("Coast Daily", "2031-06-10", "Nine people were killed, a Lunden police spokesman said."))
    link_store(store)
    assert holding(store, "Three people were killed") != holding(store, "At least nine people were killed")
    assert holding(store, "At least nine people were killed") == holding(store, "Nine people were killed")


def test_two_polls_margins_of_error_are_two_matters(store: Store) -> None:
    """Every poll states its margin of error in the same words: two polls' margins are two
    polls, while what one poll found, told twice, is one matter."""
    add(store, report("Harbor Gazette", "2031-06-02", "The Lindqvist survey of 900 likely voters has a margin of sampling error of plus or minus 3.5 percentage points, the pollster said."),
        report("Valley Courier", "2031-06-09", "The Marrow College survey of 1,100 adults has a margin of error of plus or minus 3 percentage points, its director said."),
        report("Coast Daily", "2031-06-10", "Tova Brisk leads the race for mayor with 48 percent, the Marrow College poll found."),
        report("North Ledger", "2031-06-10", "Tova Brisk leads the mayoral race with 48 percent, according to the Marrow College poll."))
    link_store(store)
    assert holding(store, "has a margin of sampling error") != holding(store, "adults has a margin of error")
    assert holding(store, "leads the race for mayor") == holding(store, "leads the mayoral race")


def test_a_threshold_two_claims_mention_is_no_evidence_they_are_one_matter(store: Store) -> None:
    """"The 1,151 delegates needed to win the nomination" is the party's rule, restated in every
    story of the race: claims that only share it say different things, while the threshold
    itself stated twice is one matter."""
    add(store, report("Harbor Gazette", "2031-03-02", "Ilse Marrow is on course to reach the 1,151 delegates needed to win the Unity Party nomination, her campaign manager said."),
        report("Valley Courier", "2031-03-09", "Rival campaigns will try to keep Ilse Marrow short of the 1,151 delegates needed to win the Unity Party nomination, a strategist said."),
        report("Coast Daily", "2031-03-03", "A candidate must win 1,151 delegates to secure the Unity Party nomination, the party's rules committee said."),
        report("North Ledger", "2031-03-04", "It takes 1,151 delegates to secure the Unity Party nomination, a party official said."))
    link_store(store)
    assert holding(store, "is on course to reach") != holding(store, "will try to keep")
    assert holding(store, "must win 1,151 delegates") == holding(store, "It takes 1,151 delegates")


def test_a_share_neither_confirms_nor_contradicts_a_count(store: Store) -> None:
    """"35 percent of the shipyard's jobs" and "more than 6,000 jobs" measure different things:
    the share bears on the matter (partial) without contesting the count, whether it joins the
    stored proposition or the store is linked again whole."""
    add(store, report("Harbor Gazette", "2031-06-02", "More than 6,000 jobs at the Tessholm shipyard depend on the ferry contract, the dockworkers' union said."))
    link_store(store)
    add(store, report("Valley Courier", "2031-06-03", "Some 35 percent of jobs at the Tessholm shipyard depend on the ferry contract, Mayor Ines Varga said."))
    for rebuild in (False, True):
        link_store(store, rebuild=rebuild)
        found = holding(store, "More than 6,000 jobs")
        assert found == holding(store, "Some 35 percent of jobs")
        assert found.verdict != "contested"
        assert {m.stance for m in found.members} == {"agree", "partial"}


def test_one_source_at_odds_with_itself_is_no_contest(store: Store) -> None:
    """Two figures from one source are no dispute between sources: the proposition is a single
    source's, and its explanation shows where its claims differ."""
    add(store, report("Harbor Gazette", "2031-06-02", "Tova Brisk leads the race for mayor of Osk. Among voters under 30, Brisk leads Ilse Marrow by 12 points. Among voters over 65, Brisk leads Ilse Marrow by three points."))
    link_store(store)
    lead = holding(store, "Among voters under 30")
    assert lead == holding(store, "Among voters over 65")
    assert lead.verdict == "single_source", lead.explanation
    assert "independent" not in lead.explanation and "[12: Harbor Gazette] against [three: Harbor Gazette]" in lead.explanation


def test_an_increment_or_a_figure_still_needed_is_no_total(store: Store) -> None:
    """"an additional 40 homes" adds to a count, and "240 delegates short of" says what is missing:
    neither confirms nor contradicts a total ("about 300 homes", "has won 900 delegates")."""
    add(store, report("Harbor Gazette", "2031-03-03", "About 300 homes in Cressby were damaged by the flood, the Northern Water Authority said."),
        report("Valley Courier", "2031-03-05", "Inspectors found an additional 40 homes in Cressby damaged by the flood, Mayor Ines Varga said."),
        report("Coast Daily", "2031-03-04", "Ilse Marrow has won 900 delegates in the race for the Unity Party nomination, the party's rules committee said."),
        report("North Ledger", "2031-03-05", "Ilse Marrow is 240 delegates short of winning the race for the Unity Party nomination, her campaign manager said."))
    link_store(store)
    for total, part in (("About 300 homes", "an additional 40 homes"), ("has won 900 delegates", "240 delegates short of")):
        found = holding(store, total)
        assert found == holding(store, part) and found.verdict != "contested", found.explanation
        assert sorted(m.stance for m in found.members) == ["agree", "partial"]


def test_an_exact_figure_is_read_as_reporters_round_it(store: Store) -> None:
    """"6,000 homes" is a rounded figure: it fits "more than 6,000 homes"."""
    add(store, report("Harbor Gazette", "2031-11-02", "More than 6,000 homes in Osk lost power in the storm, the grid operator said."),
        report("Coast Daily", "2031-11-03", "6,000 homes in Osk lost power in the storm, a grid engineer said."))
    link_store(store)
    power = holding(store, "More than 6,000 homes")
    assert len(power.members) == 2 and power.verdict == "corroborated", power.explanation
    assert {m.stance for m in power.members} == {"agree"}


def test_a_claim_with_two_counts_is_read_for_the_one_the_proposition_is_about(store: Store) -> None:
    """"Two people died and more than 30 were hurt" states two counts of people: against "at least
    35 people were hurt" it is read as its 30 hurt (which fit), never as its two dead."""
    add(store, report("Harbor Gazette", "2031-05-02", "At least 35 people were hurt in the fire at the Osk paper mill, fire officer Pia Lund said on Tuesday."),
        report("Valley Courier", "2031-05-03", "Two people died and more than 30 were hurt in the fire at the Osk paper mill, nurse Edda Sorn told reporters."))
    link_store(store)
    hurt = holding(store, "35 people were hurt")
    assert hurt.verdict == "corroborated", hurt.explanation
    assert sorted(m.value for m in hurt.members) == [30, 35]
    assert {m.stance for m in hurt.members} == {"agree"}


def test_counts_of_one_kind_with_different_verbs_are_different_matters(store: Store) -> None:
    """A doctor's 35 people treated and a skipper's 14 people taken off the ferry both count people
    and both name the ferry, but say different things of them: two propositions, no contest."""
    add(store, report("Harbor Gazette", "2031-09-09", "Dr Maud Ensor said her staff had treated some 35 people from the ferry."),
        report("Valley Courier", "2031-09-10", "Skipper Ole Ferren said he had taken 14 people off the ferry in his boat."))
    link_store(store)
    assert holding(store, "treated some 35 people") != holding(store, "taken 14 people off")
    assert {p.verdict for p in store.propositions()} == {"unverified"}


def test_people_counts_are_told_apart_by_what_happened_to_them(store: Store) -> None:
    """"30 people were injured" and "three dozen passengers were treated" both count the hurt;
    "380 passengers" on board are another matter, though all three count people on one ferry."""
    add(store, report("Harbor Gazette", "2031-09-09", "One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said."),
        report("Valley Courier", "2031-09-10", "About three dozen passengers from the Velm ferry were treated at Osk hospital, nurse Ada Rusk said."),
        report("Coast Daily", "2031-09-10", "The Velm ferry was carrying 380 passengers, the operator said."))
    link_store(store)
    hurt = holding(store, "at least 30 people were injured")
    assert hurt == holding(store, "three dozen passengers from the Velm ferry were treated") and hurt.verdict == "corroborated", hurt.explanation
    assert sorted(m.value for m in hurt.members) == [30, 36]
    assert holding(store, "380 passengers") != hurt


def test_a_content_stating_two_things_is_two_claims(store: Store) -> None:
    """"One passenger died and at least 30 people were injured": one attribution, two claims,
    each joining what other articles say of it alone; the JSON names the attribution and the part."""
    add(store, report("Harbor Gazette", "2031-09-09", "One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said."),
        report("Valley Courier", "2031-09-10", "A passenger of the Velm ferry died on Sunday night, nurse Ada Rusk said."),
        report("Coast Daily", "2031-09-10", "At least 30 people from the Velm ferry were injured, the operator said."))
    link_store(store)
    died, hurt = holding(store, "One passenger died"), holding(store, "at least 30 people were injured when")
    assert died != hurt
    assert sorted(m.outlet for m in died.members) == ["Harbor Gazette", "Valley Courier"], died.explanation
    assert sorted(m.outlet for m in hurt.members) == ["Coast Daily", "Harbor Gazette"], hurt.explanation
    claims = {c["content"]: c for p in (died, hurt) for c in p.to_dict()["claims"]}
    first, second = claims["One passenger died"], claims["at least 30 people were injured when the Velm ferry ran aground"]
    assert first["attribution"] == second["attribution"] and (first["part"], second["part"]) == (1, 2)


def test_a_retraction_naming_what_it_withdraws_in_few_words_joins_it(store: Store) -> None:
    """"withdrawing its statement that every barrier there had passed" shares few words with the
    statement, but names it: it joins it (two words in common, a lower bar), and the matter is retracted."""
    add(store, report("Harbor Gazette", "2031-08-17", "Every crush barrier on the Mill Lane terrace had passed a safety inspection in July, Osk Rovers said."),
        report("Valley Courier", "2031-08-22", "Osk Rovers said on Friday that the front barrier had been left out of July's checks, withdrawing its statement that every barrier there had passed."))
    link_store(store)
    barriers = holding(store, "Every crush barrier on the Mill Lane terrace had passed")
    assert barriers.verdict == "retracted" and any(m.speech_act == "retract" for m in barriers.members), barriers.explanation


def test_an_apology_that_names_nothing_joins_the_correction_it_follows(store: Store) -> None:
    """ "We were wrong on Monday, and I apologise" shares no word with what it withdraws; it
    follows the coastguard's correction, and is part of that matter."""
    add(store, report("Harbor Gazette", "2031-09-08", "The coastguard said no fuel had leaked from the Velm ferry."),
        report("Valley Courier", "2031-09-10",
               "The coastguard said on Wednesday that about 2,000 litres of fuel had leaked from the Velm ferry. "
               '"We were wrong on Monday, and I apologise," said coastguard officer Rolf Egede.'))
    link_store(store)
    correction = holding(store, "2,000 litres of fuel had leaked")
    assert holding(store, "We were wrong on Monday") == correction
    assert {m.stance for m in correction.members if "wrong" in m.content} == {"retracted"}


def test_patients_and_people_taken_to_hospital_are_one_count(store: Store) -> None:
    """"took roughly 35 patients to hospital" and "more than 30 people were taken to hospital":
    people named by another noun, with one thing done to them; "9,412 fans attended" is another matter."""
    add(store, report("Harbor Gazette", "2031-08-17", "More than 30 people were taken to hospital after the crush at Osk Park, police said."),
        report("Valley Courier", "2031-08-18", "Paramedics took roughly 35 patients to hospital on Saturday night, the ambulance service said."),
        report("Coast Daily", "2031-08-18", "About 9,400 fans attended the match at Osk Park, the club said."))
    link_store(store)
    hospital = holding(store, "More than 30 people were taken to hospital")
    assert hospital == holding(store, "took roughly 35 patients to hospital") and hospital.verdict == "corroborated"
    assert holding(store, "About 9,400 fans attended") != hospital


def test_a_numbered_thing_is_one_word_and_a_date_is_not() -> None:
    assert terms("stewards pulled Gate 7 open") & terms("Gate 7 was open") == {"gate", "gate#7", "open"}
    assert terms("Flight 370 left on August 16") & {"flight#370", "august#16"} == {"flight#370"}
    assert not {t for t in terms("Some 72 percent agreed. Roughly 40 people came. About 30 left.") if "#" in t}


def test_close_figures_of_one_kind_and_one_distance_tie_claims(store: Store) -> None:
    """"more than 80 firefighters" and "some 90 firefighters" are one count, said with two verbs;
    "within 500 metres of the warehouse" and "within roughly 500 metres of the site" one distance."""
    add(store, report("Harbor Gazette", "2031-08-17", "More than 80 firefighters fought the blaze through the night, the fire service said. "
                      "Police evacuated homes within 500 metres of the warehouse, the council said."),
        report("Valley Courier", "2031-08-18", "Some 90 firefighters tackled the fire at its height, an area manager said. "
               "Everyone living within roughly 500 metres of the site was asked to leave, the mayor said."))
    link_store(store)
    assert holding(store, "More than 80 firefighters") == holding(store, "Some 90 firefighters")
    assert holding(store, "evacuated homes within 500 metres") == holding(store, "within roughly 500 metres of the site")


def test_a_claim_negating_what_another_states_contradicts_it(store: Store) -> None:
    """"has not paid a ransom" against "paid a ransom to the hackers": with no figure to compare,
    one negates what the other states — a contest; two negations of one thing agree."""
    add(store, report("Harbor Gazette", "2031-09-03", "The Harlow trust paid a ransom to the hackers who locked its computers, a senior manager said."),
        report("Valley Courier", "2031-09-04", "The Harlow trust has not paid a ransom to the hackers, its chief executive Ada Rusk said."),
        report("Coast Daily", "2031-09-04", "No ransom has been paid to the hackers by the Harlow trust, a union official said."))
    link_store(store)
    ransom = holding(store, "paid a ransom to the hackers who locked")
    assert ransom.verdict == "contested", ransom.explanation
    assert sorted(m.stance for m in ransom.members) == ["agree", "contradict", "contradict"]
    assert negated_terms("none of the sprinklers above him had come on") == {"sprinkler"}
    assert negated_terms("held the records of no more than 50,000 patients") == set()  # a bound, not a negation


def test_a_negation_contradicts_only_what_is_stated_as_so(store: Store) -> None:
    """"to release the reports" is a call, which "has not released the reports" bears out; "if no
    buyer is found" supposes, and denies nothing a buyer found would state."""
    add(store, report("Harbor Gazette", "2031-06-02", "The tenants' union wants Mayor Ines Varga to release the Osk flood inspection reports, its chair Pia Lund said."),
        report("Valley Courier", "2031-06-03", "Mayor Ines Varga has not released the Osk flood inspection reports, councillor Tomas Brisk said."),
        report("Coast Daily", "2031-06-04", "The Tessholm shipyard will close in June if no buyer is found for its dry dock, the dockworkers' union said."),
        report("North Ledger", "2031-06-05", "A buyer has been found for the dry dock of the Tessholm shipyard, the harbour board said."))
    link_store(store)
    for words in ("to release the Osk flood inspection reports", "if no buyer is found"):
        found = holding(store, words)
        assert len(found.members) == 2 and found.verdict != "contested", found.explanation
        assert "contradict" not in {m.stance for m in found.members}


def test_a_rate_is_not_a_count_of_the_same_thing(store: Store) -> None:
    """"150,000 passengers a year" and "386 passengers" on one crossing count passengers with one
    verb, but a rate is another matter: no contest between them."""
    add(store, report("Harbor Gazette", "2031-09-09", "The operator said the ferry Grey Tern was carrying 386 passengers on Sunday."),
        report("Valley Courier", "2031-09-10", "The ferry Grey Tern carries about 150,000 passengers a year, the harbour board said."))
    link_store(store)
    assert holding(store, "386 passengers") != holding(store, "150,000 passengers a year")


def test_the_words_in_common_are_shown_as_written() -> None:
    """Stems and classes meet ("fighters" and "mercenaries", "sent" and "transferred"), but what
    a reader sees is the claim's own words, each once."""
    common = terms("300 fighters were transferred") & terms("Turkey sent 4,000 mercenaries, and more mercenaries followed")
    assert words_in_common("Turkey sent 4,000 mercenaries, and more mercenaries followed", common) == ["sent", "mercenaries"]


def test_verbs_of_one_class_meet_as_one_word() -> None:
    """Reporters say "shut" or "closed", "sent" or "transferred", "died" or "were killed"."""
    assert terms("the pier was shut to lorries") & terms("the pier will be closed to lorries") >= {"closed", "lorry", "pier"}
    assert "moved" in terms("300 fighters were transferred") & terms("Turkey sent 4,000 mercenaries")
    assert "casualties" in terms("two men died") & terms("the death toll rose") & terms("four were killed")


def test_irregular_past_forms_meet_their_verb() -> None:
    """"took roughly 35 patients to hospital" and "were taken to hospital" say one thing of them."""
    assert terms("paramedics took them to hospital") & terms("they were taken to hospital") == {"take", "hospital"}
    assert terms("the wall fell") & terms("the wall has fallen") == {"wall", "fall"}


@pytest.mark.parametrize(
    "first, second",
    [
        pytest.param(
            ("Harbor Gazette", "A footpath 400 metres upstream was closed as a precaution, the harbour master said.", "400 metres upstream"),
            ("Valley Courier", "A tram stopped less than five metres from the gap, driver Ansel Kro said.", "five metres from the gap"),
            id="two distances that share only their unit",
        ),
        pytest.param(
            ("Harbor Gazette", "Mayor Ines Varga will help the farmers, her aide Tomas Lind said.", "help the farmers"),
            ("Valley Courier", "Ines Varga's plan would help pay for the new dam, councillor Oren Malik said.", "help pay for the new dam"),
            id="a name and one word in common",
        ),
        pytest.param(
            ("Coast Daily", "The Cressby festival raised $2 million in March, its treasurer Juno Brask said.", "raised $2 million"),
            ("Lunden Post", "The new dam would cost $2 million, engineer Tam Ostrow said.", "cost $2 million"),
            id="one sum and no word in common",
        ),
        pytest.param(
            ("Harbor Gazette", "Some 72 percent of voters in the state are bothered by the toll, pollster Petra Holm said.", "72 percent of voters"),
            ("Valley Courier", "The purge of about 12,000 voters from the state's rolls was a mistake, the election board said.", "12,000 voters"),
            id="a count of one kind and one word besides",
        ),
        pytest.param(
            ("Harbor Gazette", "The old bridge between Tarrowby and Ostwick was swept away by the flood on Sunday, the Cressby council said.", "between Tarrowby and Ostwick"),
            ("Valley Courier", "The old bridge between Harlowmere and Lundby was swept away by the flood on Sunday, the Lunden fire service said.", "between Harlowmere and Lundby"),
            id="the same words about other places",
        ),
        pytest.param(
            ("Harbor Gazette", "“I think it is time,” Mayor Ines Varga said of the dam.", "I think it is time"),
            ("Valley Courier", "“We think the time has come,” engineer Tam Ostrow said of the strike.", "the time has come"),
            id="only words every news article uses",
        ),
        pytest.param(
            ("Harbor Gazette", "Ora Brask is still a favorite to win the state, leading Lund by 46 percent to 35 percent, pollster Ada Rusk said.", "leading Lund by 46 percent"),
            ("Valley Courier", "As of Friday, Ora Brask is leading Lund 47.1 percent to 41.7 percent, the Harbor poll found.", "47.1 percent"),
            id="two polls' close shares",
        ),
        pytest.param(
            ("Harbor Gazette", "“It is a real issue,” councillor Oren Malik said of the harbour fee.", "It is a real issue"),
            ("Valley Courier", "Ora Brask said the toll was a real issue.", "the toll was a real issue"),
            id="two words that news uses everywhere",
        ),
        pytest.param(
            ("Harbor Gazette", "Turkey has sent 4,000 mercenaries to fight in the valley, the Osk Monitor said.", "4,000 mercenaries", "2020-10-20"),
            ("Valley Courier", "Colonel Ada Rusk said the army would send 200 soldiers to help clear the streets of mud.", "200 soldiers", "2031-03-14"),
            id="two counts of one kind told years apart",
        ),
        pytest.param(
            ("Harbor Gazette", "The mayor is leading by 15 points among likely voters in the county, 52 percent to 37 percent, the Harbor poll found.", "52 percent to 37 percent"),
            ("Valley Courier", "Among likely voters, the mayor leads by 49 percent to 47 percent, a Valley poll found.", "49 percent to 47 percent"),
            id="two polls' leads in shares",
        ),
        pytest.param(
            ("Harbor Gazette", "The water pipeline leaks, auditor Mira Tolk said.", "pipeline leaks"),
            ("Valley Courier", "The water pipeline was sold, councillor Oskar Hale said.", "pipeline was sold"),
            id="one phrase in common, different things said of it",
        ),
        pytest.param(
            ("Harbor Gazette", "It takes 1,237 delegates to win the Harbor Party nomination for governor.", "1,237 delegates"),
            ("Valley Courier", "It takes 2,383 delegates to win the nomination.", "2,383 delegates"),
            id="counts of a thing every contest has, in two contests",
        ),
    ],
)
def test_claims_about_different_matters_stay_apart(store: Store, first: tuple[str, ...], second: tuple[str, ...]) -> None:
    """In a store of many stories, what two claims have in common must say what they are about:
    not a unit, a name and a word, one sum, a count's noun and a word, the same words about other
    places, words every news article uses, two polls' shares that happen to be close, or one
    phrase naming what two different things are said of, or counts of a thing (not people) with
    something said of it in common, which every event of a kind has; years
    apart, it must say twice as much. Each stays an unverified matter of its own. (A fourth item
    is the report's date, else June 2031.)"""
    add(store, report(first[0], first[3] if len(first) > 3 else "2031-06-01", first[1]),
        report(second[0], second[3] if len(second) > 3 else "2031-06-02", second[1]))
    link_store(store)
    assert holding(store, first[2]) != holding(store, second[2])
    assert {p.verdict for p in store.propositions()} == {"unverified"}


def test_two_rarer_words_in_common_tie_claims(store: Store) -> None:
    """"ransom" and "hackers" in common: one matter, told two ways."""
    add(store, report("Coast Daily", "2031-06-02", "The trust has refused to pay the hackers any ransom, Petra Holm said."),
        report("Lunden Post", "2031-06-03", "No ransom will go to the hackers, the trust's chief Ada Rusk said."))
    link_store(store)
    assert holding(store, "refused to pay the hackers") == holding(store, "No ransom will go to the hackers")


@pytest.mark.parametrize("second_published, together", [("2031-06-09", True), ("2031-08-02", False)])
def test_the_further_apart_two_claims_are_published_the_more_they_must_share(store: Store, second_published: str, together: bool) -> None:
    """"pay", "fuel" and "leaked" in common are one matter a week apart; two months apart, the
    same words are as likely another leak, another bill."""
    add(store, report("Coast Daily", "2031-06-02", "Osk Buses will pay for the fuel that leaked into the stream, its manager Pia Lund said."),
        report("Lunden Post", second_published, "Union leader Ada Rusk said the firm should pay to clean up the leaked fuel."))
    link_store(store)
    assert (holding(store, "pay for the fuel") == holding(store, "pay to clean up the leaked fuel")) is together


def test_a_rare_name_in_common_is_evidence_as_a_rare_word_is(store: Store) -> None:
    """"raise" and "prices" are everyday words of news; with "Tessholm Sound Ferries", a name no
    article of the rarity table uses, they say one thing."""
    add(store, report("Coast Daily", "2031-06-02", "Tessholm Sound Ferries will raise prices in May, its chief Erland Moss said."),
        report("Lunden Post", "2031-06-03", "Tessholm Sound Ferries is to raise its prices, union leader Ada Rusk said."))
    link_store(store)
    assert holding(store, "will raise prices") == holding(store, "is to raise its prices")


def test_nothing_you_can_do_negates_no_word_of_what_follows(store: Store) -> None:
    """A quotation printed with and without a comma before "folks" says one thing, not its opposite."""
    add(store, report("Coast Daily", "2031-06-02", "“If the toll passes, there is nothing you can do, folks,” Ora Brask said on Monday."),
        report("Lunden Post", "2031-06-03", "Ora Brask told a rally: “If the toll passes, there is nothing you can do folks.”"))
    link_store(store)
    toll = holding(store, "nothing you can do")
    assert len(toll.members) == 2 and {m.stance for m in toll.members} == {"agree"}
    assert negated_terms("nothing you can do folks") == frozenset() and negated_terms("Nothing was taken") == {"take"}


def test_one_wording_in_two_articles_is_one_claim(store: Store) -> None:
    """Everyday words, but word for word the same: a quotation repeated or a wire copy."""
    add(store, report("Coast Daily", "2031-06-02", "“We cannot pay money we do not have,” the union's treasurer Juno Brask said on Monday."),
        report("Lunden Post", "2031-06-03", "Juno Brask told reporters: “We cannot pay money we do not have.”"))
    link_store(store)
    assert len(holding(store, "We cannot pay money we do not have").members) == 2


def test_a_quotation_printed_whole_and_in_part_is_one_claim(store: Store) -> None:
    """One outlet prints the whole quotation, another its second half: everyday words, but one claim."""
    add(store, report("Coast Daily", "2031-06-02", "“We have waited long enough. We asked for nothing more than what we were promised in the first place,” the union's treasurer Juno Brask said."),
        report("Lunden Post", "2031-06-03", "Juno Brask told reporters: “We asked for nothing more than what we were promised in the first place.”"))
    link_store(store)
    assert len(holding(store, "what we were promised in the first place").members) == 2


def test_the_word_rarity_is_what_sayso_train_writes() -> None:
    """sayso/link/word_rarity.txt is what `sayso train --word-rarity` counts in PolNeAR train."""
    articles, counts = word_rarity.article_counts(d.text for d in load_split("train") if (d.published or "") < word_rarity.BEFORE)
    assert (articles, counts) == (word_rarity.ARTICLES, Counter(word_rarity._COUNTS))
    assert rarity("think") < 1 < rarity("ransom") and rarity("homes") == word_rarity.CLASS_RARITY
    assert word_rarity.article_counts(["fire at the mill", "fire at the dam", "a quiet day"]) == (3, Counter({"fire": 2, "mill": 1, "dam": 1, "quiet": 1}))


def test_two_wordings_of_one_time_of_day_are_one_proposition(store: Store) -> None:
    """"ten past four" and "4.10 p.m." name one moment: the claims that give it are one matter
    even in different words; "before midnight" marks a day, not a moment, and joins nothing."""
    add(store, report("Harbor Gazette", "2031-07-06", "The sports hall roof fell in at ten past four, caretaker Juno Brask said."),
        report("Valley Courier", "2031-07-07", "Part of the gym gave way at about 4.10 p.m. on Sunday, fire officer Tam Ostrow said."),
        report("Coast Daily", "2031-07-07", "The sports hall had been locked shortly before midnight, a janitor said."))
    link_store(store)
    roof = holding(store, "fell in at ten past four")
    assert len(roof.members) == 2 and roof.verdict == "corroborated", roof.explanation
    assert holding(store, "locked shortly before midnight") != roof


def test_wire_copies_are_one_source(store: Store) -> None:
    add(store, wire("Harbor Gazette", ""), wire("Valley Courier", " The school is closed to pupils."))
    link_store(store)
    moved = holding(store, "12 patients had been moved")
    assert moved.verdict == "single_source", moved.explanation
    assert len({m.article for m in moved.members}) == 2 and len({m.source_group for m in moved.members}) == 1
    assert "one source because" in moved.explanation


def test_relaying_an_outlet_is_not_independent(store: Store) -> None:
    add(store, report("Harbor Gazette", "2031-04-01", "Engineer Lise Ambo said the Tarn bridge would stay shut for six weeks after cracks were found."),
        report("Coast Daily", "2031-04-02", "The Tarn bridge will stay shut for six weeks after cracks were found, according to the Harbor Gazette."))
    link_store(store)
    bridge = holding(store, "stay shut for six weeks")
    assert bridge.verdict == "single_source", bridge.explanation
    assert "relays Harbor Gazette" in bridge.explanation


def test_aliases_join_across_articles_and_namesakes_stay_apart(store: Store) -> None:
    add(store, GAZETTE, COURIER)
    link_store(store)
    vargas = {e.name: e for e in store.entities("Varga")}
    assert set(vargas) == {"Ines Varga", "Tomas Varga"}
    assert "Varga" in vargas["Ines Varga"].forms and vargas["Ines Varga"].articles == 2
    authority = store.entities("NWA")
    assert [e.name for e in authority] == ["Northern Water Authority"]
    assert authority[0].articles == 2


def test_a_bare_first_word_ties_no_two_bodies_together(store: Store) -> None:
    """"Ostmere" cut short from "Ostmere Online" sits beside the Ostmere Hospitals Trust in one
    article and beside Ostmere Constabulary in another: the two bodies stay apart."""
    with store.linking() as state:
        book = AliasBook(state)
        trust = book.resolve("Ostmere Hospitals Trust", "organisation", ["Ostmere", "Ostmere Hospitals Trust", "OHT"]).entity
        police = book.resolve("Ostmere Constabulary", "organisation", ["Ostmere", "Ostmere Constabulary"]).entity
        assert police != trust
        assert book.resolve("Ostmere Hospitals Trust", "organisation", ["Ostmere Hospitals Trust"]).entity == trust
        assert book.resolve("OHT", "organisation", ["OHT"]).entity == trust


def test_a_role_resolves_to_the_person_introduced_with_it(store: Store) -> None:
    later = Article(title="Mayor vows help", published="2031-03-06", outlet="Coast Daily",
                    text="The mayor said the state would pay for new roofs in Cressby.")
    add(store, GAZETTE, later)
    link_store(store)
    roofs = holding(store, "pay for new roofs")
    assert roofs.members[0].origin == "Ines Varga"


def test_alias_decisions_survive_relinking(store: Store) -> None:
    add(store, GAZETTE, COURIER)
    link_store(store)
    decide_alias(store, "split", "Ines Varga", "Varga")
    assert {e.name for e in store.entities("Varga")} == {"Ines Varga", "Tomas Varga", "Varga"}
    link_store(store, rebuild=True)
    assert {e.name for e in store.entities("Varga")} == {"Ines Varga", "Tomas Varga", "Varga"}
    decide_alias(store, "merge", "Oren Malik", "Ines Varga")
    assert [e.name for e in store.entities("Malik")] == [e.name for e in store.entities("Ines")]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_store_linked_before_revision_0009_is_linked_again_keeping_decisions(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    """Revisions 0009, 0011, 0012, 0013 and 0014 changed how linking compares claims: they forget what
    was linked with the old ones (not the articles, nor anyone's alias decisions), and the next run
    links it all again."""
    url = database_url(request, tmp_path, backend)
    with Store(url) as store:
        add(store, GAZETTE, COURIER)
        decide_alias(store, "split", "Ines Varga", "Varga")
        linked = sorted((p.id, p.verdict, p.explanation) for p in store.propositions())
        with store.engine.begin() as conn:  # back to 0008's schema; 0009 only clears link results
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = conn
            command.downgrade(config, "0008")
    with Store(url) as store:
        assert store.propositions() == [] and len(store.unlinked()) == 2
        link_store(store)
        assert sorted((p.id, p.verdict, p.explanation) for p in store.propositions()) == linked
        assert {e.name for e in store.entities("Varga")} == {"Ines Varga", "Tomas Varga", "Varga"}


def test_linking_again_changes_nothing_and_is_incremental(store: Store) -> None:
    add(store, GAZETTE)
    first = link_store(store)
    assert first.articles == 1
    before = store.counts(link=True)
    assert link_store(store).articles == 0 and store.counts(link=True) == before
    add(store, COURIER)
    second = link_store(store)
    assert second.articles == 1 and second.propositions_touched <= second.claims


def test_proposition_ids_are_stable_across_rebuilds(store: Store) -> None:
    add(store, GAZETTE, COURIER)
    link_store(store)
    ids = sorted(p.id for p in store.propositions())
    link_store(store, rebuild=True)
    assert sorted(p.id for p in store.propositions()) == ids


def test_linking_article_by_article_ends_as_a_rebuild_does(store: Store) -> None:
    """Linking writes only the member rows judging changed, and a run keeps what it judged for its
    next articles: article by article (each run reading what the last saved) and all in one run
    (a rebuild) must give the same propositions."""
    for article in (GAZETTE, COURIER, wire("Lunden Post", ""), wire("Coast Daily", " Roads were closed.")):
        add(store, article)
        link_store(store)
    shown = [(p.id, p.verdict, p.label, p.explanation, p.members) for p in store.propositions()]
    link_store(store, rebuild=True)
    assert sorted(shown) == sorted((p.id, p.verdict, p.label, p.explanation, p.members) for p in store.propositions())


def link_as_before(store: Store, forget: Any) -> None:
    """Link the Gazette, ``forget`` (a statement) what a later revision keeps, as a store linked
    before it, then link the Courier, whose claims join the Gazette's."""
    add(store, GAZETTE)
    link_store(store)
    with store.linking("test") as state:
        state.session.execute(forget)
    add(store, COURIER)
    link_store(store)


def test_linking_sets_the_long_lived_heap_aside_and_hands_it_back(tmp_path: Path) -> None:
    """While articles are linked, what the process held before is out of the cycle collector's
    passes (``gc.freeze``); afterwards it is back, and a caller's own frozen objects stay frozen."""
    with Store(str(tmp_path / "heap.db")) as store:
        add(store, GAZETTE)
        frozen: list[int] = []
        link_store(store, on_article=lambda _: frozen.append(gc.get_freeze_count()))
        assert frozen and frozen[0] > 0 and gc.get_freeze_count() == 0
        add(store, COURIER)
        gc.freeze()
        try:
            before = gc.get_freeze_count()
            link_store(store)
            assert 0 < gc.get_freeze_count() <= before  # not handed back (frozen objects may still die)
        finally:
            gc.unfreeze()


def test_a_store_linked_before_summaries_links_on_and_gains_them(store: Store) -> None:
    """A store linked before revision 0007 has no proposition summaries: a proposition without one
    is judged whole when claims join it, as before, and keeps a summary from then on."""
    link_as_before(store, delete(PropositionSummaryRow))
    propositions = store.propositions()
    with store.linking("test") as state:
        kept = set(state.summaries([p.id for p in propositions]))
    courier_id = analyze(COURIER).article.id
    assert kept == {p.id for p in propositions if any(m.article == courier_id for m in p.members)}
    assert any(len({m.article for m in p.members}) == 2 for p in propositions)  # joined, judged whole
    shown = [(p.id, p.verdict, p.label, p.explanation, p.members) for p in propositions]
    link_store(store, rebuild=True)
    assert sorted(shown) == sorted((p.id, p.verdict, p.label, p.explanation, p.members) for p in store.propositions())


def facts(claim: str, origin: int, act: str = "assert", value: float | None = None, published: str = "2031-03-03") -> ClaimFacts:
    figures = [{"text": f"{value:g}", "value": value, "low": None, "high": None, "counted": "homes", "counted_text": "homes"}] if value is not None else []
    return ClaimFacts(
        claim=claim, article=f"{origin:016x}", position=0, content="homes were destroyed", speaker=f"S{origin}",
        origin=f"S{origin}", origin_entity=origin, via=[], via_entities=[], speech_act=act, figures=figures,  # type: ignore[arg-type]
        terms={"home", "destroy"}, entities=set(), published=published, outlet=f"Outlet {origin}",
        outlet_entity=100 + origin, agency=None, title=None, copy_of=f"{origin:016x}",
    )


def test_a_claim_is_compared_with_a_bounded_number_of_members_most_promising_first() -> None:
    claim = facts("new", 9, value=40)
    unrelated = [replace(facts(f"u{i}", i), terms={"budget", "vote"}, figures=[]) for i in range(3)]
    candidates = {"p-unrelated": unrelated, "p-homes": [facts("old", 1, value=40)]}
    assert best_match(claim, candidates) == "p-homes"
    # In a big store the budget is spent on the candidates that share the most keys: those past it are not read.
    assert best_match(claim, candidates, budget=3) is None
    assert best_match(claim, dict(reversed(candidates.items())), budget=3) == "p-homes"


def test_the_latest_members_of_each_proposition_are_read_newest_first(store: Store) -> None:
    """Each proposition's latest ``MEMBERS_COMPARED`` members, by date then claim id, however many
    it has and however many propositions are asked for at once (more than one statement's worth),
    from the row saving keeps of them as from the members' own rows (a store linked before 0008)."""
    dates = ["2031-03-01", "2031-03-02", "2031-03-03"]
    articles = [Article(title=f"Day {d}", published=d, outlet="Gazette", text=f"Report of {d}.") for d in dates]
    add(store, *articles)
    ids = store.unlinked()  # in publication order: one a day
    with store.linking("test") as state:
        for article_id in ids:
            state.add_linked_article(article_id, article_id, [], [])
        sizes = {"p-big": 30, **{f"p-{i:03}": 1 + i % 3 for i in range(120)}}
        members = {p: [replace(facts(f"{p}-c{j:02}", 1), article=ids[j * 7 % 3], published=dates[j * 7 % 3]) for j in range(n)] for p, n in sizes.items()}
        state.save_all([(p, "label", "unverified", "why", None, [member_row(c) for c in its]) for p, its in members.items()])
        read = state.compared_members(list(sizes))
        state.session.execute(update(PropositionRow).values(latest=None))
        assert state.compared_members(list(sizes)) == read
        # However many candidates a claim has, the query has one shape, compiled once per process.
        shapes = _latest_members.cache_info().currsize
        assert set(state.compared_members(["p-big", "p-001", "p-002"])) == {"p-big", "p-001", "p-002"}
        assert _latest_members.cache_info().currsize == shapes
    for proposition, its in members.items():
        newest = sorted(its, key=lambda c: c.claim)
        newest.sort(key=lambda c: c.published or "", reverse=True)
        assert [member[0] for member in read[proposition]] == [c.claim for c in newest[:25]]


def test_a_claim_reads_only_the_candidates_it_can_be_compared_with(store: Store) -> None:
    """A claim's candidates are read only as far as ``best_match`` reaches within its budget of
    compared members: in a large store most of the 40 lie past it."""
    add(store, GAZETTE)
    article = store.unlinked()[0]
    with store.linking("test") as state:
        state.add_linked_article(article, article, [], [])
        sizes = {f"p-{i:02}": 25 if i % 2 else 5 for i in range(40)}
        members = {p: [replace(facts(f"{p}-c{j:02}", 1), article=article) for j in range(n)] for p, n in sizes.items()}
        state.save_all([(p, "label", "unverified", "why", None, [member_row(c) for c in its]) for p, its in members.items()])
        state.add_keys_of({p: ["t:home"] for p in sizes})
        read = _candidates(state, ReadMembers(), ["t:home"], {})
    # Read 16 at a time (one statement): 5 + 25 + 5 + … reaches the 250 compared with p-17, in the
    # second 16; the 8 after those are never read.
    assert list(read) == [f"p-{i:02}" for i in range(32)] and all(len(read[p]) == sizes[p] for p in read)


def test_claims_joining_a_proposition_are_judged_without_reading_its_members(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process linking one more article reads the summaries of the propositions its claims
    join, not their members: what it costs follows its own claims, not the size of those
    propositions."""
    add(store, GAZETTE)
    link_store(store)
    read_whole: list[str] = []
    members = LinkState.members

    def spy(self: LinkState, propositions: list[str], limit: int | None = MEMBERS_COMPARED) -> Any:
        if limit is None:
            read_whole.extend(propositions)
        return members(self, propositions, limit)

    monkeypatch.setattr(LinkState, "members", spy)
    add(store, COURIER)
    done = link_store(store)
    assert done.propositions_touched > done.propositions_founded and read_whole == []


def test_a_claim_is_compared_without_reading_member_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The latest members a claim is compared with are read as one row per candidate, kept as
    claims join (article by article and in a store linked before revision 0008, which gains the
    rows as its propositions are saved): an article that joins propositions reads no member row,
    and what is kept is what the members' rows give."""
    link_as_before(store, update(PropositionRow).values(latest=None))
    read_rows: list[str] = []
    members = LinkState._members

    def spy(self: LinkState, propositions: list[str], limit: int | None, columns: list[Any]) -> Any:
        if limit is not None:
            read_rows.extend(propositions)
        return members(self, propositions, limit, columns)

    monkeypatch.setattr(LinkState, "_members", spy)
    add(store, wire("Lunden Post", ""), wire("Coast Daily", " Roads were closed."))
    done = link_store(store)
    assert done.propositions_touched > done.propositions_founded and read_rows == []
    monkeypatch.undo()
    with store.linking("test") as state:
        ids = [p.id for p in store.propositions()]
        kept = state.compared_members(ids)
        state.session.execute(update(PropositionRow).values(latest=None))
        assert state.compared_members(ids) == kept and len(kept) == len(ids)


def test_verdict_rules() -> None:
    assert judge([facts("a1", 1, value=40)]).verdict == "unverified"
    assert judge([facts("a1", 1, value=40), facts("a2", 2, value=41)]).verdict == "corroborated"
    assert judge([facts("a1", 1, value=40), facts("a2", 2, value=400)]).verdict == "contested"
    assert judge([facts("a1", 1, value=40), facts("a2", 1, value=40, published="2031-03-04")]).verdict == "single_source"
    revised = judge([facts("a1", 1, value=40), facts("a2", 1, act="revise", value=12, published="2031-03-09")])
    assert revised.verdict == "retracted" and "withdrew or revised" in revised.explanation
    denied = [facts("a1", 1), facts("a2", 2, act="deny")]
    assert judge(denied).verdict == "contested" and denied[1].stance == "contradict"


def test_source_groups_follow_every_reason_either_way() -> None:
    """Claims are checked only against earlier claims sharing a key: each reason must still be
    found whichever of the two claims comes first."""
    first, second, third, fourth, fifth = (facts(f"a{i}", i, published=f"2031-03-0{i}") for i in range(1, 6))
    second.via_entities = [5]  # the second reaches us through the fifth's origin, read after it
    third.origin_entity = 104  # the third's origin is the fourth's outlet
    fifth.agency = first.agency = "NWR"
    claims = [first, second, third, fourth, fifth]
    judge(claims)
    assert [c.source_group for c in claims] == [1, 1, 2, 2, 1]
    assert fourth.reasons == ["Outlet 3 relays Outlet 4"] and fifth.reasons == [
        "both articles carry the same wire credit (NWR)", "S2's claim reaches us only through S5"
    ]


def test_a_growing_proposition_is_grouped_on_what_was_grouped_before() -> None:
    """New claims are grouped against the groups already found (not all pairs again) and end as
    grouping everything from scratch does: read after the others, read before some, or joining
    two groups that were apart."""
    def made() -> list[ClaimFacts]:
        claims = [facts(f"a{i}", i, published=f"2031-03-0{i}") for i in (2, 4, 6)]
        later = replace(facts("a7", 2, published="2031-03-07"), via_entities=[6])  # joins the first and third
        return claims + [facts("a5", 4, published="2031-03-05"), facts("a1", 9, published="2031-03-01"), later]

    fresh = made()
    expected = judge(list(fresh))
    claims = made()
    first = judge(claims[:3])
    assert judge(claims[:4], first.groups).groups is first.groups  # one claim more: only it is compared
    grown = judge(list(claims), first.groups)
    assert grown.groups is first.groups and grown.explanation == expected.explanation
    by_claim = {c.claim: c for c in fresh}
    assert [(c.source_group, sorted(c.reasons)) for c in claims] == [(by_claim[c.claim].source_group, sorted(by_claim[c.claim].reasons)) for c in claims]


def random_claims(rng: random.Random, count: int, two_figures: float = 0.0) -> list[ClaimFacts]:
    """Claims about one count of homes from a few origins, outlets, wires and chains, on a few
    days, each figure's clause saying one thing or another of the homes; with the chance
    ``two_figures`` a claim gives two counts of homes ("40 homes destroyed and 400 damaged")."""
    made = []
    for i in range(count):
        origin = rng.randint(1, 6)
        value = rng.choice([None, 40, 41, 400, 4000])
        claim = facts(f"{rng.choice('au')}{i:03}", origin, rng.choice(["assert"] * 6 + ["deny", "hedge", "revise"]), value, f"2031-03-{rng.randint(1, 9):02}")
        for figure in claim.figures:
            figure["about"] = [rng.choice(["destroy", "damag", "flood"])]
        if claim.figures and rng.random() < two_figures:
            claim.figures.append({**claim.figures[0], "text": "400", "value": 400, "about": [rng.choice(["destroy", "damag", "flood"])]})
        made.append(replace(
            claim, article=f"art{rng.randint(1, 12)}", position=rng.randint(0, 500), outlet_entity=100 + rng.randint(1, 8),
            outlet=f"Outlet {rng.randint(1, 8)}", agency=rng.choice([None, None, None, "NWR"]), copy_of=f"copy{rng.randint(1, 10)}",
            via_entities=rng.choice([[], [], [], [rng.randint(1, 6)], [100 + rng.randint(1, 8)]]), origin_entity=rng.choice([origin, origin, None]),
            speaks_for_entity=rng.choice([None, None, None, rng.randint(1, 6)]),  # a spokeswoman for one of the other origins
            content=rng.choice(["homes were destroyed"] * 14 + ["no homes were destroyed", "homes were not destroyed"]),
        ))
    return made


def test_a_proposition_is_judged_from_its_summary_as_from_all_its_members() -> None:
    """Claims joining a proposition are judged from its summary (a fresh process reads no member):
    verdict, label, explanation, the new claims' stances and groups and the old members' group
    numbers and stances (judged again when a new claim becomes the anchor) are what judging every
    member gives, and the summary made that way serves the next join as well as one made from all
    the members; where the new claims change what the proposition counts, change what it says
    of its figure while a member gives two, or join two source groups, ``join`` declines and the
    proposition is judged whole."""
    rng = random.Random(7)
    joined = declined = restanced = said_anew = 0
    for _ in range(300):
        claims = random_claims(rng, rng.randint(2, 14), two_figures=rng.choice([0.0, 0.0, 0.2]))
        cuts = sorted(rng.sample(range(1, len(claims)), min(2, len(claims) - 1)))
        old = claims[: cuts[0]]
        summary = json.loads(json.dumps(summarise(old, judge(old), 0)))  # as stored
        for end in [*cuts[1:], len(claims)]:
            new = [replace(c) for c in claims[len(old) : end]]
            outcome = join(summary, new, 0)
            everything = [replace(c) for c in claims[:end]]
            whole = judge(everything)
            if outcome is None:
                declined += 1
                summary = json.loads(json.dumps(summarise(everything, whole, 0)))
            else:
                joined += 1
                assert (outcome.label, outcome.verdict, outcome.explanation, outcome.counted) == (whole.label, whole.verdict, whole.explanation, whole.counted)
                by_claim = {c.claim: c for c in everything}
                assert [(c.stance, c.source_group, c.value) for c in new] == [(by_claim[c.claim].stance, by_claim[c.claim].source_group, by_claim[c.claim].value) for c in new]
                before = [replace(c) for c in old]
                judge(before)
                numbers = {c.claim: c.source_group for c in before}
                assert {c: outcome.renumbered.get(n, n) for c, n in numbers.items()} == {c: by_claim[c].source_group for c in numbers}
                stances = {c.claim: c.stance for c in before}
                assert stances | outcome.stances == {c: by_claim[c].stance for c in stances}
                restanced += bool(outcome.stances)
                said_anew += outcome.summary["said_of"] != summary["said_of"]
                summary = json.loads(json.dumps(outcome.summary))
            old = claims[:end]
    assert joined > 100 and declined > 20 and restanced > 10 and said_anew > 10  # every way taken often
    assert join(summary, [claims[0]], 1) is None  # an entity merged since: judged whole


def test_propositions_json_follows_the_contract(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(SEED), "--db", db])
    assert result.exit_code == 0, result.output
    assert "linked" in result.stdout
    listed = runner.invoke(app, ["propositions", "--json", "--db", db])
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.stdout)
    jsonschema.validate(data, SCHEMA)
    contested = runner.invoke(app, ["propositions", "--verdict", "contested", "--json", "--db", db])
    ids = [p["id"] for p in json.loads(contested.stdout)]
    assert ids and all(p["verdict"] == "contested" for p in json.loads(contested.stdout))
    one = runner.invoke(app, ["proposition", ids[0][:8], "--db", db])
    assert one.exit_code == 0 and "Emmanuel Macron" in one.stdout
    entity = runner.invoke(app, ["entity", "Macron", "--json", "--db", db])
    assert json.loads(entity.stdout)[0]["name"] == "Emmanuel Macron"


def test_link_commands_refuse_bad_input(tmp_path: Path) -> None:
    db = str(tmp_path / "bad.db")
    runner = CliRunner()
    for args, words in (
        (["propositions", "--verdict", "maybe"], "choose one of"),
        (["proposition", "p00"], "too short"),
        (["proposition", "pffffffff"], "no proposition"),
        (["alias", "join", "A", "B"], "choose merge or split"),
        (["alias", "merge", "Varga", "varga"], "two different names"),
    ):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 1 and words in result.stderr, (args, result.output)


def test_a_speaker_no_one_was_found_for_is_shown_unresolved(store: Store) -> None:
    add(store, report("Harbor Gazette", "2031-05-02", "The storm broke two cables on Sunday. They said the Tarrow bridge would stay shut until the end of June."),
        report("Valley Courier", "2031-05-03", "Engineer Petra Lund said the Tarrow bridge would stay shut until the end of June."))
    link_store(store)
    bridge = holding(store, "the Tarrow bridge would stay shut")
    origins = {m.speaker: m.origin for m in bridge.members}
    assert origins == {"They": "“They”, unresolved (Harbor Gazette)", "Petra Lund": "Petra Lund"}
    assert "“They”, unresolved (Harbor Gazette)" in bridge.explanation


def test_a_clause_its_cue_splits_is_one_claim(store: Store) -> None:
    add(store, report("Harbor Gazette", "2031-05-02", "The new Tarrow bridge, Mayor Ines Varga said, would cost 40 million crowns to finish."),
        report("Valley Courier", "2031-05-03", "Engineer Petra Lund said the new Tarrow bridge would cost 40 million crowns to finish."))
    link_store(store)
    bridge = holding(store, "40 million crowns")
    assert {m.content for m in bridge.members} == {
        "The new Tarrow bridge, Mayor Ines Varga said, would cost 40 million crowns to finish",
        "the new Tarrow bridge would cost 40 million crowns to finish",
    }
    assert bridge.verdict == "corroborated", bridge.explanation
    assert not [p for p in store.propositions() if p.label == "The new Tarrow bridge"]
