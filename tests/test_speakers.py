"""Speaker resolution and entities: invented articles (invented people, bodies and outlets) and the seed."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from conftest import find
from sayso.analyze import analyze_article
from sayso.analyze.entities import find_entities
from sayso.analyze.entity_clusters import add_unmarked_repeats, cluster_mentions, join_surnames_read_as_places
from sayso.analyze.entity_types import entity_type
from sayso.analyze.language import load_pipeline
from sayso.analyze.name_mentions import Cluster, Mention
from sayso.analyze.speakers import SpeakerResolver
from sayso.model import Analysis, Article, Entity, Span


def analyse(text: str) -> Analysis:
    return analyze_article(Article(text=text))


def resolved(text: str, mention: str, within: str = "") -> tuple[str | None, str]:
    """The resolver given a mention as a source span (its first occurrence, or its first inside
    ``within``), as `eval speakers` does."""
    doc = load_pipeline()(text)
    start = text.index(mention, text.index(within) if within else 0)
    speaker = SpeakerResolver(doc, find_entities(doc), set()).resolve(None, Span(mention, start, start + len(mention)))
    assert speaker is not None
    return speaker.name, speaker.type


def speaker_of(analysis: Analysis, content_start: str) -> tuple[str | None, str]:
    a = find(analysis, content_start)
    assert a.speaker is not None
    return a.speaker.name, a.speaker.type


def entity(analysis: Analysis, name: str) -> Entity:
    found = [e for e in analysis.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.forms) for e in analysis.entities]
    return found[0]


# --- titles and roles ---------------------------------------------------------------------------


def test_title_resolves_to_the_person_introduced_with_it() -> None:
    result = analyse(
        "Valdorian Prime Minister Ilse Karvonen said on Monday that the border would stay open. "
        '"We will not build walls," the Prime Minister told reporters.'
    )
    assert speaker_of(result, 'We will not build walls') == ("Ilse Karvonen", "person")


def test_a_role_naming_a_place_is_not_a_person_tied_to_another_place() -> None:
    text = (
        "Candidates crowd into Marlow before the vote.\n\n"
        "Anton Brisk, the senator from Kelvania, spoke first. "
        "Tomas Verrell, who trails in many Marlow polls, spoke about farm subsidies during an appearance with Sen. Gregor Halvorsen, R-Marlow. "
        "The Delmont senator told reporters he feels good about his campaign in Marlow."
    )
    assert resolved(text, "The Delmont senator") == ("Tomas Verrell", "person")


def test_this_reporter_is_the_writer_never_a_person_named() -> None:
    text = (
        "Underdog Ada Voss surges in Marlow race.\n\n"
        "Ada Voss, a state assemblywoman, is running against Piet Kramer. Kramer's ally Hugo Lenz led the campaign to rename the Marlow Hawks. "
        "As this reporter revealed, Lenz is not even a member of the club he leads."
    )
    assert resolved(text, "this reporter") == (None, "vague")


def test_a_role_in_the_lead_is_the_person_the_headline_opens_with() -> None:
    headline = "Lorna Vesely Goes After Piet Kramer As The New Villain."
    lead = "BRELL ― If it worked against Hugo Lenz, it might just work against Piet Kramer. At least that is what the Vesely campaign hopes."
    text = f"{headline}\n\n{lead}\nThe Democratic nominee attacked her opponent as a fraud during the first debate on Monday night."
    assert resolved(text, "The Democratic nominee") == ("Lorna Vesely", "person")


def test_a_delayed_lede_is_the_person_named_just_after_it() -> None:
    """A lede whose subject is described at length and named only in the next sentences: the
    first person then named as a subject who is not named in the lede itself; the pronouns after
    the description follow it."""
    speechwriter = (
        "Harbour rescue speechwriter says he may back Vesely.\n\n"
        "The lifelong Republican who wrote the moving speech delivered by the widow of one of the Harbour victims says he "
        "will not vote for Piet Kramer this spring and could end up voting for Lorna Vesely.\n\n"
        "Anton Brecht, a former aide to Republican members such as former Gov. Ilse Morn, wrote in the Osk Courier that he "
        "penned the remarks."
    )
    description = "The lifelong Republican who wrote the moving speech delivered by the widow of one of the Harbour victims"
    assert resolved(speechwriter, description) == ("Anton Brecht", "person")
    assert resolved(speechwriter, "he", "says he will") == ("Anton Brecht", "person")
    hacker = (
        "Hacker who exposed Vesely's private account admits to other break-ins.\n\n"
        "The Valdorian hacker whose mischief first showed that Lorna Vesely used a private email account "
        "pleaded guilty Wednesday to identity theft, admitting that he was behind a series of break-ins.\n\n"
        "As part of his plea, Tomas Rennick, 44, said that he hit nearly 100 accounts."
    )
    described = "The Valdorian hacker whose mischief first showed that Lorna Vesely used a private email account"
    assert resolved(hacker, described) == ("Tomas Rennick", "person")


def test_a_journalists_title_is_the_journalist_introduced_under_another() -> None:
    """"The anchor for Telenorte" after "reporter Marco Ferrante": one trade under another title fits
    him better than the more salient politician; "the real estate tycoon" is still the politician,
    never one introduced as a reporter."""
    text = (
        "Valdorian anchor crosses swords with Hugo Brandt.\n\n"
        "Osk City (AFP) – It had drama fit for a soap opera: a loud billionaire-turned-politician clashing with a famous TV "
        "journalist intent on getting answers.\n\n"
        "The scene played out on live television in August, when party hopeful Hugo Brandt threw famous Valdorian-born "
        "reporter Marco Ferrante out of a news conference.\n\n"
        "The anchor for Telenorte, a Valdorian-language channel, was trying to ask a question about migrants when Brandt "
        "shot back that the journalist had not been called on.\n\n"
        "“Go back to Telenorte,” Brandt barked and a guard walked Ferrante out.\n\n"
        "The fight broke out two months after the real estate tycoon entered the race with harsh words about migrants."
    )
    assert resolved(text, "The anchor for Telenorte") == ("Marco Ferrante", "person")
    assert resolved(text, "the real estate tycoon") == ("Hugo Brandt", "person")


def test_a_description_is_of_the_gender_its_own_sentence_gives_it() -> None:
    """"the candidate discusses …, including lessons from her mother": with no one named between,
    "her" looks back to the candidate, so she is Ada Voss, not the man more in view."""
    text = (
        "Ada Voss courts voters online.\n\n"
        "Ada Voss has put short videos at the heart of her bid for mayor.\n\n"
        "Her rival Piet Kramer mocked the videos on Tuesday. Kramer said they were silly, and Kramer told a rally in Osk "
        "that he would never make one. Kramer has millions of followers.\n\n"
        'There is also a weekly series called "Two Minutes" in which the candidate discusses light topics, including '
        "lessons from her mother and what it is like to watch football."
    )
    assert resolved(text, "the candidate") == ("Ada Voss", "person")


def test_the_spokesman_is_the_named_spokesman() -> None:
    result = analyse(
        "The ministry spokesman, Piet Oosterhuis, declined to comment on Tuesday. "
        "Later the spokesman said the minister would travel to Brell."
    )
    assert speaker_of(result, "the minister would travel") == ("Piet Oosterhuis", "person")


def test_the_diplomat_is_the_diplomat_introduced_not_a_vague_source() -> None:
    text = (
        "The Kelvanian envoy has a fan in Marlow.\n\n"
        "Mayor Ivo Sandel has an admirer in Kelvanian diplomat Orla Brennick. "
        "Brennick, who will retire in the spring, praised the mayor's record in an interview on Sunday.\n\n"
        "The diplomat also said the harbour deal would hold."
    )
    assert resolved(text, "The diplomat") == ("Orla Brennick", "person")


def test_the_president_is_not_the_vice_president() -> None:
    result = analyse('President Nora Falk met Vice President Karl Ebner on Monday. "We are ready," the president said.')
    assert speaker_of(result, 'We are ready') == ("Nora Falk", "person")


def test_party_title_finds_the_nominee() -> None:
    result = analyse("Green Party nominee Alma Reyes said taxes would rise. The Green nominee added that schools needed money.")
    assert speaker_of(result, "that schools needed money") == ("Alma Reyes", "person")


def test_headline_role_names_the_person_introduced_just_after() -> None:
    result = analyse(
        "Judge blocks Corvel dam project.\n\n"
        "A district judge on Monday halted work on the dam. Judge Amira Castell said the permits were flawed."
    )
    assert find(result, "Corvel dam project").speaker.name == "Amira Castell"


def test_a_description_is_the_person_just_talked_about_rather_than_an_earlier_speaker() -> None:
    text = (
        "Senator Ruth Calder said on Thursday that the bill would pass. The vote is set for May. Few expect surprises.\n\n"
        "Independent presidential candidate Victor Hale's doctor is calling the candidate “extremely fit.”\n\n"
        "The former Oregon governor is a cyclist and has climbed the highest peaks in Europe."
    )
    assert resolved(text, "The former Oregon governor") == ("Victor Hale", "person")


def test_a_role_of_someone_named_in_the_lead_is_the_person_introduced_just_after() -> None:
    text = (
        "Hale Hid Past Injury From Voters, Former Team Doctor Says.\n\n"
        "Secrecy is not new when it comes to Victor Hale's health, the independent candidate's former doctor maintains.\n\n"
        "Dr. Miriam Okonjo, who as an Army captain was the team physician of the Portland Rovers, wrote a book about those years."
    )
    assert resolved(text, "the independent candidate's former doctor") == ("Miriam Okonjo", "person")


def test_his_ex_wife_is_the_other_person_with_his_surname() -> None:
    result = analyse(
        "Lawyers for both Walter and Joan Prescott filed papers opposing the request.\n\n"
        "Walter Prescott argued that the files should stay sealed.\n\n"
        "His ex-wife agreed, but also contended that she should not have to give up her privacy."
    )
    assert speaker_of(result, "that she should not have to give up") == ("Joan Prescott", "person")


def test_someone_elses_spokesman_stays_unnamed() -> None:
    result = analyse("Mayor Dora Lindqvist defended the budget. Her spokesman said the cuts were temporary.")
    assert speaker_of(result, "the cuts were temporary") == (None, "vague")


def test_the_spokesman_no_one_was_introduced_as_is_not_whom_he_speaks_for() -> None:
    text = (
        "Piet Kramer defended the budget on Monday. Kramer's spokesman said the cuts were temporary.\n\n"
        '"He has made his views very clear," the spokesman said.'
    )
    assert resolved(text, "the spokesman") == (None, "person")


def test_a_description_naming_a_body_is_the_person_in_view_introduced_with_it() -> None:
    """"The BHF legend" names the federation, not a title Varga was introduced with: still Varga,
    the person in view who was introduced with the BHF ("former BHF star Emil Varga")."""
    text = (
        "Not everyone is on the mayor's side. Just ask former BHF star Emil Varga.\n\n"
        "Varga now says he is being turned away from some rinks due to his open support for Mayor Ines Kohl. "
        "Their friendship began in 1994, when Kohl signed Varga to a rich contract. "
        "The BHF legend said people misunderstand Kohl."
    )
    assert resolved(text, "The BHF legend") == ("Emil Varga", "person")


def test_his_lawyer_is_the_one_the_article_introduces_later_as_his() -> None:
    text = (
        "The council voted to fine Arvid Lund on Tuesday despite warnings from his lawyer that the fine was unlawful.\n\n"
        "A lawyer for Lund, Petra Holmqvist, said her client would appeal."
    )
    assert resolved(text, "his lawyer") == ("Petra Holmqvist", "person")


def test_his_lawyer_is_not_the_lawyer_introduced_as_someone_elses() -> None:
    result = analyse(
        "The council voted to fine Arvid Lund on Tuesday. Mayor Maria Roth's lawyer Carla Wessel was at the meeting.\n\n"
        "His lawyer said he would appeal."
    )
    assert speaker_of(result, "he would appeal") == (None, "vague")


# --- names -------------------------------------------------------------------------------------


def test_surname_resolves_to_full_name_even_when_ner_reads_an_organisation() -> None:
    result = analyse("Marta Quillon, the mayor of Estford, said the bridge would close. Quillon added that repairs would take a year.")
    assert speaker_of(result, "that repairs would take a year") == ("Marta Quillon", "person")
    assert entity(result, "Marta Quillon").type == "person"


def test_title_words_are_not_part_of_the_name() -> None:
    result = analyse("Councillor Rudi Szabo said the library would close in May.")
    assert speaker_of(result, "the library would close") == ("Rudi Szabo", "person")


def test_mr_is_not_the_woman_with_the_same_surname() -> None:
    result = analyse(
        "Nora Falk and her husband, Erik Falk, opened the bakery in 1990. Mr. Falk said the business had never been better."
    )
    assert speaker_of(result, "the business had never been better") == ("Erik Falk", "person")


def test_surname_alone_is_the_one_not_called_by_first_name() -> None:
    result = analyse(
        "Lisa Brandt and her brother Tom Brandt run the farm together. Lisa said the harvest was late this year. "
        "Brandt said prices had fallen."
    )
    assert speaker_of(result, "the harvest was late") == ("Lisa Brandt", "person")
    assert speaker_of(result, "prices had fallen") == ("Tom Brandt", "person")


def test_a_first_name_ending_like_an_adjective_is_not_dropped_from_the_name() -> None:
    result = analyse("He summoned his senior adviser, Brian Tolley, to the office. Mr. Tolley said the plan was ready.")
    assert speaker_of(result, "the plan was ready") == ("Brian Tolley", "person")


def test_a_name_after_a_role_is_a_person_whatever_ner_labelled_it() -> None:
    text = "The debate was led by moderator Thorvald Pruitt, who asked about trade."
    doc = load_pipeline()(text)
    start = text.index("Thorvald Pruitt")
    cluster = Cluster([Mention(Span("Thorvald Pruitt", start, start + len("Thorvald Pruitt")), "ORG", 7)])
    assert entity_type(doc, cluster, text) == "person"


def test_a_city_named_again_stays_the_city_after_a_team_named_after_it() -> None:
    text = "Charlotte reopens.\n\nThe Charlotte Pirates won on Sunday.\n\nThe storm left Charlotte without power."
    read = [("Charlotte", "GPE"), ("Charlotte Pirates", "PERSON"), ("Charlotte", "GPE")]  # the team read as a person
    mentions: list[Mention] = []
    for name, label in read:
        start = text.index(name, mentions[-1].span.start + 1 if mentions else 0)
        mentions.append(Mention(Span(name, start, start + len(name)), label, 0))
    clusters = cluster_mentions(mentions, text)
    assert sorted([m.span.text for m in c.mentions] for c in clusters) == [["Charlotte", "Charlotte"], ["Charlotte Pirates"]]


def test_a_full_name_read_as_an_organisation_joins_its_surname_used_for_a_person() -> None:
    text = "Voters like Tavish Orrum came early. Orrum said the queue was long."
    read = [("Tavish Orrum", "ORG"), ("Orrum", "PERSON")]  # a first name NER does not know
    mentions = [Mention(Span(name, text.index(name), text.index(name) + len(name)), label, 0) for name, label in read]
    clusters = cluster_mentions(mentions, text)
    assert [[m.span.text for m in c.mentions] for c in clusters] == [["Tavish Orrum", "Orrum"]]
    assert clusters[0].full_person == ["tavish", "orrum"]


def test_a_full_name_read_as_a_building_joins_its_surname_read_as_a_place() -> None:
    text = "A suit was filed by a staffer named Bradley Vostrik. Vostrik also claims he was fired. Vostrik said so."
    read = [("Bradley Vostrik", "FAC"), ("Vostrik", "GPE"), ("Vostrik", "GPE")]  # NER saw no person at all
    mentions: list[Mention] = []
    for name, label in read:
        start = text.index(name, mentions[-1].span.end if mentions else 0)
        mentions.append(Mention(Span(name, start, start + len(name)), label, 0))
    clusters = cluster_mentions(mentions, text)
    assert [[m.span.text for m in c.mentions] for c in clusters] == [["Bradley Vostrik", "Vostrik", "Vostrik"]]
    assert clusters[0].full_person == ["bradley", "vostrik"]


def read_as(doc: Doc, read: list[tuple[str, str]]) -> list[Mention]:
    """Mentions as NER might have read them: each name's next occurrence, with its label and head."""
    mentions: list[Mention] = []
    for name, label in read:
        start = doc.text.index(name, mentions[-1].span.end if mentions else 0)
        words = doc.char_span(start, start + len(name))
        assert words is not None
        mentions.append(Mention(Span(name, start, start + len(name)), label, words.root.i))
    return mentions


def test_a_surname_read_as_a_place_from_the_headline_on_is_the_person_who_speaks() -> None:
    text = (
        "Hadley Vows To Stay In The Race.\n\n"
        "Maine Gov. Mark Hadley received a warm welcome on Friday.\n\n"
        "Radio host Dana Pruitt asked Hadley about the convention. Hadley said he would win it."
    )
    doc = load_pipeline()(text)
    read = [("Hadley", "GPE"), ("Mark Hadley", "PERSON"), ("Hadley", "GPE"), ("Hadley", "GPE")]  # as NER reads some surnames
    mentions = read_as(doc, read)
    clusters = join_surnames_read_as_places(doc, cluster_mentions(mentions, text))
    assert [[m.span.start for m in c.mentions] for c in clusters] == [[m.span.start for m in mentions]]


def test_a_place_that_is_also_a_surname_stays_the_place_where_things_happen() -> None:
    text = "Dorset Counts The Cost.\n\nSenator Ruth Dorset spoke on Monday.\n\nDorset said the storm had passed. Floods hit homes in Dorset overnight."
    doc = load_pipeline()(text)
    read = [("Dorset", "GPE"), ("Ruth Dorset", "PERSON"), ("Dorset", "GPE"), ("Dorset", "GPE")]
    clusters = join_surnames_read_as_places(doc, cluster_mentions(read_as(doc, read), text))
    assert sorted([m.span.text for m in c.mentions] for c in clusters) == [["Dorset", "Dorset", "Dorset"], ["Ruth Dorset"]]


@pytest.mark.parametrize(
    "as_a_body",
    ["For years, Chirpa has positioned itself as an open square.", "Pressure is growing on Chirpa and other technology companies."],
)
def test_a_one_word_name_read_as_a_persons_is_a_body_when_the_article_treats_it_as_one(as_a_body: str) -> None:
    text = (
        "Chirpa takes bigger steps to curb spam.\n\n"
        "The company said it had closed 40,000 accounts since March.\n\n"
        f"{as_a_body} Lena Moss said Chirpa had struggled since 2013.\n\n"
        '"We will keep at it," the company said.'
    )
    assert entity(analyse(text), "Chirpa").type == "organisation"
    assert resolved(text, "the company", "keep at it") == ("Chirpa", "organisation")


@pytest.mark.parametrize("elsewhere, added", [("Tweedle said so.", True), ("Tweedle said a tweedle is a bird.", False)])
def test_a_name_the_tagger_reads_as_a_noun_opening_a_headline_is_a_mention(elsewhere: str, added: bool) -> None:
    text = f"Tweedle takes bigger steps to curb spam.\n\nThe firm closed accounts. {elsewhere}"
    doc = load_pipeline()(text)
    assert doc[0].pos_ == "NOUN"  # as the tagger reads it
    start = text.index("Tweedle", 1)
    clusters = [Cluster([Mention(Span("Tweedle", start, start + 7), "PERSON", doc.char_span(start, start + 7).root.i)])]
    add_unmarked_repeats(doc, clusters)
    assert (clusters[0].mentions[0].span.start == 0) is added


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person_named_later() -> None:
    text = "Mathers: the harbour deal is a trap\n\nSenator Ilse Mathers said on Tuesday that the harbour deal would cost the town its ferries."
    assert resolved(text, "Mathers") == ("Ilse Mathers", "person")


def test_an_acronym_in_dots_is_the_body_a_describing_word_was_read_into() -> None:
    text = "A complaint was filed by the federal Inland Waterways and Ports Commission.\n\nThe I.W.P.C. said it would increase oversight."
    doc = load_pipeline()(text)
    start = text.index("federal")
    doc.ents = [doc.char_span(start, text.index(".", start), label="ORG")]  # NER's span, with "federal" in it
    speaker = SpeakerResolver(doc, find_entities(doc), set()).resolve(None, Span("The I.W.P.C.", text.index("The I."), text.index("The I.") + 12))
    assert speaker is not None and (speaker.name, speaker.type) == ("Inland Waterways and Ports Commission", "government")


def test_a_misspelt_surname_is_the_person_it_misspells() -> None:
    result = analyse(
        "“The clinic is in crisis,” said Marguerite Dallaire, who chairs the Lowmoor Patients Council.\n\n"
        "Dallaires believes the board ignored the warnings for a year.\n\n"
        "Nurse Tobias Verhoeven agreed. Verhoefen said the night shifts had been cut in half."
    )
    assert speaker_of(result, "the board ignored") == ("Marguerite Dallaire", "person")
    assert speaker_of(result, "the night shifts") == ("Tobias Verhoeven", "person")
    assert entity(result, "Tobias Verhoeven").forms == ["Tobias Verhoeven", "Verhoefen"]


def test_a_family_name_written_first_names_the_person_in_full() -> None:
    result = analyse(
        "Lowmoor Secretary General Pak Sung-ho said on Monday that the treaty would hold. "
        "Mr. Pak added that the inspectors would return in May. Mr. Pak did not say who would pay."
    )
    assert speaker_of(result, "that the inspectors") == ("Pak Sung-ho", "person")


def test_a_surname_with_a_thing_after_it_is_not_a_family_name_first() -> None:
    result = analyse(
        "FULL TEXT: President Obama Speech at the Lowmoor Forum\n\n"
        "Mr. Obama said the speech was about work. Mr. Obama spoke for an hour, and Mr. Obama left at noon."
    )
    assert speaker_of(result, "the speech was about work") == ("Obama", "person")


def test_which_after_a_name_is_that_body_however_the_parse_hangs_its_clause() -> None:
    text = "To solve this quandary, they turned to the Lowmoor Harbour Police which reported “2,521 theft incidents” in the port between January and June."
    assert resolved(text, "which") == ("Lowmoor Harbour Police", "government")


def test_a_description_is_not_a_body_named_in_its_relative_clause() -> None:
    text = (
        "Parents rallied on Tuesday with the Coalition for Open Libraries, a group of readers and unions.\n\n"
        "The coalition, which includes the Lowmoor Teachers Union and the Brandt Reading Trust, said the cuts would close six branches."
    )
    described = "The coalition, which includes the Lowmoor Teachers Union and the Brandt Reading Trust,"
    assert resolved(text, described) == ("Coalition for Open Libraries", "organisation")


def test_an_account_handle_is_the_name_of_who_posted() -> None:
    result = analyse("The mayor defended the fares. Earlier, one Twitter user @lowmoor_rider said the buses were always late.")
    assert speaker_of(result, "the buses were always late") == ("@lowmoor_rider", "person")


@pytest.mark.parametrize(
    "described, expected",
    [
        ("The 70-year-old Oregon native", ("Ottilie Brandt", "person")),
        ("The Stanford medieval-history graduate", ("Ottilie Brandt", "person")),
        ("The Ohio inquiry", (None, "unknown")),  # a place that qualifies a noun does not speak
        ("The Harvard study", ("Harvard", "organisation")),  # a body may speak through its study
    ],
)
def test_a_name_that_qualifies_a_noun_is_not_what_the_phrase_names(described: str, expected: tuple[str | None, str]) -> None:
    text = f"Ottilie Brandt parked her bike by the square in Ohio.\n\n{described} said the plan had come too late."
    assert resolved(text, described) == expected


# --- pronouns ----------------------------------------------------------------------------------


def test_pronoun_across_paragraphs_prefers_the_speaker_to_a_person_merely_mentioned() -> None:
    result = analyse(
        "Councillor Rudi Szabo said the library would close in May.\n\n"
        "The building was designed by the architect Hugo Lenz in 1910 and restored in 1985.\n\n"
        "He said the council had no choice."
    )
    assert speaker_of(result, "the council had no choice") == ("Rudi Szabo", "person")


def test_she_said_after_a_quotation_is_who_spoke_just_before_not_whom_she_spoke_about() -> None:
    result = analyse(
        "Governor Alma Reyes toured the flooded valley on Monday. Reyes promised new levees, and Reyes said the state would pay for them. "
        "Reyes has made the floods the centre of her campaign.\n\n"
        "Voters were less sure. Odile Marchetti said Reyes doesn't follow through on her promises.\n\n"
        "“It’s not something that she keeps up, it’s only when the cameras come,” she said.\n\n"
        "She continued, “When the water goes down, she goes home.”"
    )
    assert speaker_of(result, "It’s not something") == ("Odile Marchetti", "person")
    assert speaker_of(result, "When the water") == ("Odile Marchetti", "person")


def test_she_is_the_woman_of_the_two() -> None:
    result = analyse("Senator Paolo Denti met the mayor, Greta Holm, on Friday. She said the talks had been useful.")
    assert speaker_of(result, "the talks had been useful") == ("Greta Holm", "person")


def test_a_first_name_given_to_women_and_men_fits_she() -> None:
    text = (
        "Greta Holm, the mayor, opened the fair on Sunday.\n\n"
        'Former governor Jan Ostrova, a longtime ally of the council, spoke on Monday. "It will resonate with every family," she said.'
    )
    assert resolved(text, "she") == ("Jan Ostrova", "person")


def test_a_name_in_what_he_says_is_someone_else() -> None:
    result = analyse(
        "Oskar Lind, the union leader, spoke after the vote. He said Mara Vogt, the factory owner, had refused to meet."
    )
    assert speaker_of(result, "Mara Vogt, the factory owner") == ("Oskar Lind", "person")


def test_a_span_cut_inside_a_name_is_that_person_not_one_named_in_a_clause_on_it() -> None:
    """A source span that starts inside "Tomas" and runs on through a relative clause naming Mr.
    Varga names the word it starts in: Tomas Halvard, whose name holds the phrase's head."""
    text = (
        "Candidates who have bet everything on the north gleefully sought to exploit Mr. Varga's stumble in the debate.\n\n"
        "Tomas Halvard, the former harbour minister, who has resented Mr. Varga's easy rise as he has struggled, "
        "called his rival ''stiff and rehearsed.''"
    )
    doc = load_pipeline()(text)
    start, end = text.index("Tomas") + 1, text.index("struggled,") + len("struggled,")
    speaker = SpeakerResolver(doc, find_entities(doc), set()).resolve(None, Span(text[start:end], start, end))
    assert speaker is not None and (speaker.name, speaker.type) == ("Tomas Halvard", "person")


def test_a_name_inside_the_quotation_a_pronoun_closes_is_someone_else() -> None:
    """"'… Brennan would never,' he wrote": the subject of a clause inside the quotation is whom the
    writer speaks of, not the writer, so "he" and the "He" after it are Peter Varga."""
    text = (
        "Governor Lena Halden's old aides have mostly backed her bid. Peter Varga's name comes up often. "
        "Her former speechwriter Ana Pol wrote a column in praise of her. The president himself has said kind things.\n\n"
        "Then there's Varga.\n\n"
        "“Odd that the Halden people lay out their debate plan a week early. Brennan would never,” he wrote last October "
        "after the Courier ran a story about it.\n\n"
        "“Too much?” He tweeted when Halden closed a debate with a joke."
    )
    assert resolved(text, "he", "he wrote") == ("Peter Varga", "person")
    assert resolved(text, "He", "He tweeted") == ("Peter Varga", "person")


def test_it_is_the_outlet_or_company_that_spoke() -> None:
    outlet = analyse("The Harrow Gazette reported that the mill would close. It said 300 jobs would be lost.")
    assert speaker_of(outlet, "300 jobs would be lost") == ("Harrow Gazette", "outlet")
    company = analyse("Tarnwell Motors said it would cut 200 jobs. It said demand had fallen.")
    assert speaker_of(company, "demand had fallen") == ("Tarnwell Motors", "organisation")


def test_they_after_an_unnamed_group_is_vague() -> None:
    result = analyse("Local farmers say the drought is the worst in decades. They said the harvest would be half of last year's.")
    assert speaker_of(result, "the harvest would be half") == (None, "vague")


# --- organisations -----------------------------------------------------------------------------


def test_acronym_variant_and_short_form_are_one_organisation() -> None:
    result = analyse(
        "The Halden Water Trust (HWT) said the river was unsafe for swimming. The HWT said testing would continue all summer. "
        "Later the Trust said the results were clear."
    )
    trust = entity(result, "Halden Water Trust")
    assert {"HWT", "Halden Water Trust", "Trust"} <= set(trust.forms)
    for content in ("testing would continue", "the results were clear"):
        assert speaker_of(result, content) == ("Halden Water Trust", "organisation")


def test_the_company_is_the_company_in_view() -> None:
    result = analyse("Tarnwell Motors reported a loss for the third quarter. The company said sales in Europe had fallen by a third.")
    assert speaker_of(result, "sales in Europe had fallen") == ("Tarnwell Motors", "organisation")


def test_the_company_is_the_company_in_view_not_an_earlier_bank() -> None:
    text = (
        "Stocks edged up on Friday after the Bank of Kelvania left its rates alone.\n\n"
        "The main index rose 24 points, or 0.1 percent, to 18,432.\n\n"
        "The index was held back partly by a drop in the oil giant Halvard Petroleum. "
        "The company reported its smallest quarterly profit in 17 years."
    )
    assert resolved(text, "The company") == ("Halvard Petroleum", "organisation")


def test_campaign_is_named_after_its_candidate() -> None:
    result = analyse(
        "Governor Lena Marsh is running again. Her campaign said she had raised $2 million. "
        "The Marsh campaign said the money came from small donors."
    )
    assert speaker_of(result, "she had raised") == ("Lena Marsh campaign", "organisation")
    assert speaker_of(result, "the money came from small donors") == ("Lena Marsh campaign", "organisation")


def test_commissions_bureaus_and_departments_are_government() -> None:
    result = analyse(
        "The Coastal Shipping Commission said on Tuesday that two ferries would be inspected. "
        "The Commission on Fair Debates said the next debate would be held in Dunmore. "
        "The Harbor Department said the port would stay open."
    )
    assert speaker_of(result, "that two ferries would be inspected") == ("Coastal Shipping Commission", "government")
    assert speaker_of(result, "the next debate would be held") == ("Commission on Fair Debates", "organisation")
    assert speaker_of(result, "the port would stay open") == ("Harbor Department", "government")


def test_a_description_of_no_particular_kind_may_be_a_company() -> None:
    result = analyse("Halvard Holdings reported a loss for the year. The group said its shipping arm would be sold.")
    assert speaker_of(result, "its shipping arm would be sold") == ("Halvard Holdings", "organisation")


def test_the_fund_is_the_fund_in_view() -> None:
    result = analyse("The Ostland Development Fund said on Monday that growth would slow. Overall, the fund predicted that exports would fall.")
    assert speaker_of(result, "that exports would fall") == ("Ostland Development Fund", "organisation")


def test_the_agency_is_a_department_or_office_not_the_company_in_view() -> None:
    result = analyse(
        "The Department of Maritime Services fined Brell Shipping Inc. last week. Brell Shipping Inc. said it would appeal. "
        "The agency said it would hire 200 more staff."
    )
    assert speaker_of(result, "it would hire 200 more staff") == ("Department of Maritime Services", "government")


@pytest.mark.parametrize("first, surname", [("Walter", "Keller"), ("Frank", "Hartley")])  # NER marks "Team Keller", not "Team Hartley"
def test_team_and_a_surname_is_the_campaign_not_a_person_named_team(first: str, surname: str) -> None:
    text = (
        f"Convention is {surname}'s chance to win over farmers.\n\n"
        f"Team {surname} sees the convention as a second chance for {first} {surname} to reach rural voters.\n\n"
        "Farmers make up a third of the state's voters, and many of them say prices are too low.\n\n"
        "The convention opens on Monday in Dayton.\n\n"
        f"{surname} spoke in Ohio on Saturday. He offered his support to the flooded villages."
    )
    assert resolved(text, "He", "He offered") == (f"{first} {surname}", "person")


def test_the_team_of_a_candidate_is_the_campaign_the_article_names() -> None:
    result = analyse(
        "Governor Lena Marsh is running again. The Marsh campaign said the money came from small donors. "
        "The Marsh team has said the race would be close."
    )
    assert speaker_of(result, "the race would be close") == ("Lena Marsh campaign", "organisation")


def test_the_union_is_a_body_named_as_one_even_when_named_later() -> None:
    result = analyse(
        "Brannock Mining said it would close two pits in Orlow. The company blamed falling prices.\n\n"
        "A few weeks before it closed the pits, the company moved its pension fund to a new trust, according to the union.\n\n"
        "Ada Kress, a spokeswoman for the Allied Quarry Workers Union, said the union expected the pits to reopen."
    )
    assert speaker_of(result, "A few weeks before it closed the pits") == ("Allied Quarry Workers Union", "organisation")
    assert speaker_of(result, "falling prices") == ("Brannock Mining", "organisation")


def test_a_journal_described_before_it_is_named() -> None:
    result = analyse(
        "Dr. Pell has many critics.\n\n"
        "Half of his advice is unfounded, according to the top British herbal journal.\n\n"
        "Pell did not reply. A 2015 study in the Herbal Medicine Journal found that most of the cures he sold did not work."
    )
    assert speaker_of(result, "Half of his advice is unfounded") == ("Herbal Medicine Journal", "outlet")


def test_the_city_is_the_city_the_article_is_about_named_as_written() -> None:
    result = analyse(
        "Dunmore braces for the storm.\n\n"
        "DUNMORE, Ore. - Shops in Dunmore closed early on Friday as the storm neared the coast. "
        "Families in the Riverside area filled sandbags, and volunteers gathered in Fenwick Park.\n\n"
        '"We have done this before," said Paul Brandt, 54, who runs a bakery near the park.\n\n'
        "Late on Friday, the city said the schools would stay closed on Monday."
    )
    assert speaker_of(result, "the schools would stay closed") == ("Dunmore", "government")


def test_the_state_and_the_country_are_places_of_that_kind() -> None:
    text = (
        "Floods hit Oregon.\n\n"
        "Rivers in Oregon rose on Monday, and the town of Dunmore was cut off. Canada sent rescue boats across the border.\n\n"
        "The state said 40 roads were closed. The country said more boats would follow."
    )
    assert resolved(text, "The state") == ("Oregon", "government")
    assert resolved(text, "The country") == ("Canada", "government")


def test_transcript_labels_in_capitals_are_the_person_named_so() -> None:
    result = analyse(
        "Moderator Karen Whitfield pressed both candidates on taxes during Sunday's debate. Part of the exchange:\n\n"
        "WHITFIELD: Will you raise taxes on the middle class?\n\n"
        "DORSEY: No. We will cut them for every family that earns less than $100,000."
    )
    assert speaker_of(result, "Will you raise taxes") == ("Karen Whitfield", "person")
    assert speaker_of(result, "No. We will cut them") == ("Dorsey", "person")


def test_a_transcript_label_by_surname_is_the_fuller_label_of_an_earlier_turn() -> None:
    text = (
        "Governor Lise Amundsen said on Sunday that the state would rebuild the bridge.\n\n"
        "Partial transcript as follows:\n\n"
        "MARTA KESSLER: The governor toured the flooded towns on Friday. Take a listen.\n\n"
        "(END VIDEO CLIP.)\n\n"
        "KESSLER: And obviously, you are backing the bridge plan?\n\n"
        "AMUNDSEN: I am, and so are the mayors."
    )
    assert resolved(text, "KESSLER", "(END") == ("Marta Kessler", "person")


def test_vague_sources_are_never_forced_onto_a_name() -> None:
    result = analyse(
        "Mayor Ellen Varga opened the plant. Several regional leaders and reports have warned that prices will rise. "
        "Officials said the shortage would last a month. A source said the plant had closed."
    )
    for content in ("that prices will rise", "the shortage would last", "the plant had closed"):
        assert speaker_of(result, content) == (None, "vague")


# --- the seed ----------------------------------------------------------------------------------


def test_a_surname_is_the_namesake_just_named_in_full() -> None:
    """Two people share a surname: the bare surname is the one the article is about, unless the
    other was named in full just before."""
    text = (
        "Governor candidate Ray Tolland held a rally in Osk on Friday. Tolland said taxes would fall.\n\n"
        "Harbour Minister Edda Tolland says the new pier will open in May.\n\n"
        "Tolland tells Radio Brenn that the pier cost less than planned."
    )
    assert resolved(text, "Tolland", "Tolland tells") == ("Edda Tolland", "person")
    assert resolved(text, "Tolland", "Tolland said") == ("Ray Tolland", "person")


def test_some_of_a_group_is_vague_never_the_group() -> None:
    """Also one of a party's members named with a place ("another Varndale County Democrat", not a
    person of that name) and a share of a group ("21 percent who chose …", not whom they voted for)."""
    text = ("The Greens won three seats in Velm. Yet some Greens privately express doubts about the deal, "
            "and most of whom spoke said nothing in public.")
    assert resolved(text, "some Greens") == (None, "vague")
    assert resolved(text, "most of whom") == (None, "vague")
    polled = ("Brask leads in Tarrow. “Voters like him,” added a Varndale County Democrat. “It is Brask's to lose,” added "
              "another Varndale County Democrat. “He will win,” said one Tarrow Republican.\n\nVoters were asked about "
              "Ada Voss as they left the polls. Only 23 percent of those who wanted change voted for Voss, while only 21 "
              "percent who chose “honest” cast a vote for her. A majority of voters said the economy mattered most.")
    assert resolved(polled, "another Varndale County Democrat") == (None, "vague")
    assert resolved(polled, "one Tarrow Republican") == (None, "vague")
    assert resolved(polled, "only 21 percent who chose “honest”") == (None, "vague")
    assert resolved(polled, "A majority of voters") == (None, "vague")


def test_people_around_a_named_person_are_vague_not_that_person() -> None:
    text = "Mayor Ines Varga visited Osk. Advisers to Ms. Varga said the trip went well, and aides of the mayor agreed."
    assert resolved(text, "Advisers to Ms. Varga") == (None, "vague")
    assert resolved(text, "Ms. Varga") == ("Ines Varga", "person")


def test_who_after_a_description_beside_a_name_is_that_person() -> None:
    text = ("Also cleared was Inga Marrow, a Velm campaign staffer-turned-legal assistant who sorted the letters, "
            "and the crowd outside was a focal point for marchers here, who have taken to the streets.")
    assert resolved(text, "who", "who sorted") == ("Inga Marrow", "person")
    assert resolved(text, "who", "who have taken") == (None, "vague")


@pytest.mark.parametrize(
    "clause",
    ["who declined to be identified", "who asked not to be named", "who spoke on condition of anonymity"],
)
def test_who_asking_to_stay_unnamed_is_not_the_name_it_follows(clause: str) -> None:
    """"an adviser to Mayor Ines Kohl, who declined to be identified": the adviser, unnamed, even
    when the parse hangs the clause on the mayor's name."""
    text = f"“Her plan is twenty years old,” said a longtime adviser to Mayor Ines Kohl, {clause}."
    assert resolved(text, "who") == (None, "vague")


def test_who_named_to_a_post_is_the_name_it_follows() -> None:
    text = "“Her plan is old,” said Mayor Ines Kohl, who was named chairwoman of the board in May."
    assert resolved(text, "who") == ("Ines Kohl", "person")


@pytest.mark.parametrize(
    "text, mention, expected",
    [
        pytest.param(
            "Harold Brenner unveiled a child-care plan on Tuesday. Brenner said families would save. Economist Rhea "
            "Quist, who studies tax policy at the Osk Institute, said the outline left too much unsaid. The GOP candidate "
            "proposes a deduction for the average cost of care.",
            "The GOP candidate", ("Harold Brenner", "person"), id="an office is not the economist quoted before it",
        ),
        pytest.param(
            "Mara Lindqvist and Oren Tash met veterans on Wednesday.\n\nLindqvist, the former secretary of state, "
            "spoke of the raid she had backed.\n\nThe former first lady and U.S. senator said her use of private email was a mistake.",
            "The former first lady and U.S. senator", ("Mara Lindqvist", "person"), id="a former first lady is the woman in view",
        ),
        pytest.param(
            "The fund gave away less than it raised. Its books were thin. Its board met twice. Its office is in Osk.\n\n"
            "The fund was not registered in Vermont. The Vermont state attorney general is confirming that the fund "
            "never applied. But Attorney General Lena Orsk isn't saying whether she will act.",
            "The Vermont state attorney general", ("Lena Orsk", "person"), id="an office no one held before is the holder named next",
        ),
        pytest.param(
            "Mara Lindqvist said her server was secure. She said it again on Monday. "
            "The FBI director chastised Lindqvist for using the server but did not charge her.",
            "The FBI director", (None, "person"), id="an office of a body is not the person in view",
        ),
        pytest.param(
            "Adm. Corwin T. Halloway Jr., who leads the Southern Fleet, met the minister on Monday. "
            "The talks were long, the admiral said. “I told them what I think,” he said.",
            "the admiral", ("Corwin T. Halloway Jr.", "person"), id="a military rank is a title",
        ),
        pytest.param(
            "Presidential hopeful Aldo Brenner took an opportunity on Tuesday to answer his critics. "
            "Asked about his past, the front-runner acknowledged that he expected scrutiny.",
            "the front-runner", ("Aldo Brenner", "person"), id="a hyphenated person noun",
        ),
        pytest.param(
            "Presidential hopeful Aldo Brenner took an opportunity on Tuesday to answer his critics. "
            "Asked about his past, the retired neurosurgeon acknowledged that he expected scrutiny.",
            "the retired neurosurgeon", ("Aldo Brenner", "person"), id="an occupation no introduction fits",
        ),
        pytest.param(
            "Harbor News’ Bret Okafor noticed that none of the networks cut away for Lund. "
            "But Harbor did not replay the speech, its producers said.",
            "Harbor", ("Harbor News", "outlet"), id="an outlet before a possessive",
        ),
        pytest.param(
            "The blizzard of posts he sent in 2013 denouncing the bill as it sailed through the Senate, "
            "backed by every other candidate this year, including, for a while, Tobias Krenn (whose job "
            "was to know about bills being voted on in the Senate);.",
            "whose", ("Tobias Krenn", "person"), id="whose after a name the parse passed over",
        ),
        pytest.param(
            "Marlow Post Assembles ‘A Sizable Army’ Of Reporters To Take Down Lund.\n\n"
            "The Marlow Post has put together a rather sizable army of reporters to investigate every "
            "facet of Lund’s life.\n\nBack in April, the Post announced its intention to do a full investigation.",
            "the Post", ("Marlow Post", "outlet"), id="a name run on in a title-case headline",
        ),
        pytest.param(
            "A ransomware attack hit the Harlow Hospitals Trust on Tuesday. The trust said no patient data had been taken. "
            "The Northern Water Authority said supplies were safe, and the authority said it would test again.",
            "The trust", ("Harlow Hospitals Trust", "organisation"), id="a body named by its name's last word",
        ),
        pytest.param(
            "The government would give the Ostmere Hospitals Trust 4 million crowns. Yara Quennell, deputy director of "
            "the National Cyber Defence Centre, said the attackers got in through a supplier. The centre's specialists "
            "had found tools used by Crowbane on the trust's servers, she said.\n"
            "Ostmere Online reported on Wednesday that the attackers had asked for 2.5 million crowns.",
            "Ostmere Online", ("Ostmere Online", "organisation"), id="a name NER cut short is not the body sharing its first word",
        ),
        pytest.param(
            "Presidential hopeful Aldo Brenner took an opportunity on Tuesday to answer his critics. "
            "Asked about his past, the 46-year-old acknowledged that he expected scrutiny.",
            "the 46-year-old", ("Aldo Brenner", "person"), id="an age for a person in view",
        ),
        pytest.param(
            "Vera Lund spoke at the convention on Monday.\n\nAides said Lund will make a familiar case for what has been done.",
            "Aides", (None, "vague"), id="people a sentence opens with, unnamed",
        ),
        pytest.param(
            "Donald Brask spoke in Iowa on Monday. “They are sending people that have lots of problems,” he said.\n\n"
            "In his assessment of the real estate magnate, Felix Calden intimated disappointment that the voters backed Brask.",
            "his", ("Felix Calden", "person"), id="a pronoun set before the subject it stands for",
        ),
        pytest.param(
            "One passenger died when the ferry Grey Tern ran aground on Sunday evening, the coastguard said on Monday. "
            "The Harwick Coastguard said the ferry struck the rocks at about 6.50 p.m.",
            "the coastguard", ("Harwick Coastguard", "organisation"), id="a body named only after its description",
        ),
        pytest.param(
            "Talk show host Orrin Vale said on Tuesday night that he could not back Lund. "
            "The radioman pointed out that Lund had once backed the bailouts.",
            "The radioman", ("Orrin Vale", "person"), id="a man of a trade in one word",
        ),
        pytest.param(
            "Woman Says Lund Paid Her Rent After The Flood.\n\n"
            "A widow who lost her home in the Tarrow floods said on Sunday that a candidate had helped her. "
            "She also recalled a meeting with Mara Lindqvist at the time.\n\n"
            "Delia Okafor, who runs a bakery in Tarrow, told the Marlow Post that Lund had paid a year of rent.",
            "Woman", ("Delia Okafor", "person"), id="a headline's woman is the one the lead names as its subject",
        ),
        pytest.param(
            "Lund's delegates fell short in Tarrow. The website harborwatch noted that the rules work against Lund.",
            "The website harborwatch", ("harborwatch", "outlet"), id="a name NER missed right after a kind of outlet",
        ),
        pytest.param(
            "Enter the Marlow Post. “He is selling his own brand of fiction,” the paper's editorial board wrote.",
            "the paper's editorial board", ("Marlow Post", "outlet"), id="an outlet's editorial board is the outlet",
        ),
        pytest.param(
            "Lund unveiled an ad on Friday in which five Hispanic-Americans say they fear for their families.",
            "five Hispanic-Americans", (None, "vague"), id="a number of people of a kind",
        ),
        pytest.param(
            "Lund won Tarrow, but many of those Democrats said they would stay home in November.",
            "those Democrats", (None, "vague"), id="some of a party picked out",
        ),
        pytest.param(
            "In fact, Ada Voss is not even in Tarrow. Instead, the political novice who wants to unseat Rep. Lund "
            "is raising money from a week of stories about him.",
            "who", ("Ada Voss", "person"), id="a noun a who-clause describes is a person",
        ),
        pytest.param(
            "In May, billionaire Orrin Vale changed the race for the Tarrow seat. "
            "The hedge fund manager wrote a $500,000 check to a group backing Lund.",
            "The hedge fund manager", ("Orrin Vale", "person"), id="a manager of a trade",
        ),
        pytest.param(
            "Popular Christian and corporate speaker Lance Walby believes he has a word for the mayor.\n\n"
            "Mayor Tomas Reyl said on Monday that the town would host a prayer day, and Reyl said the council agreed. "
            "Reyl added that the crowd was large.\n\nThe Christian speaker told the crowd that the gates would open.",
            "The Christian speaker", ("Lance Walby", "person"), id="a title in a run of words joined by and",
        ),
        pytest.param(
            "For months, mainstream Republicans have hoped that Lund's support was a mirage.",
            "mainstream Republicans", (None, "vague"), id="some of a party a lower-case noun picks out",
        ),
        pytest.param(
            "Delia Okafor spoke at the rally in Tarrow on Monday. Later her Twitter account posted that the toll would go.",
            "her Twitter account", ("Delia Okafor", "person"), id="a person's account speaks for her",
        ),
    ],
)
def test_offices_titles_and_names_resolve_to_whom_the_article_means(text: str, mention: str, expected: tuple[str | None, str]) -> None:
    assert resolved(text, mention) == expected


def test_police_and_a_countrys_government_are_the_bodies_the_article_names() -> None:
    """"Police say" is the force the article names, before or after ("the Varndale-Osk police
    chief"); "the Chilean government" is Chile's once the article names Chile, as is "the Chile
    government"; a government no country is given for stays unnamed."""
    text = ("Police say the man did not drop the gun. Dan Roe, the Varndale-Osk police chief, said the video would be released.\n\n"
            "Talks with Chile stalled in May. The Chilean government, which denied any role, said it would protest, and the "
            "Chile government said so again on Friday. The government said little else.")
    assert resolved(text, "Police") == ("Varndale-Osk police", "government")
    assert resolved(text, "The Chilean government") == ("Chile", "government")
    assert resolved(text, "the Chile government") == ("Chile", "government")
    assert resolved(text, "The government") == (None, "government")


def test_the_head_of_a_named_body_is_no_person_named_like_the_body() -> None:
    """"The head of the Kestown Dock Workers Union" ends in the union's name, not a person's: the
    head is a person the phrase does not name, never the union typed as a person; opening the
    lede, it is the person the next sentence names as a subject (a delayed lede)."""
    text = (
        "Union chief says the port plan can pass.\n\nThe head of the Kestown Dock Workers Union is worried about what the "
        "port plan is stirring up among her 9,000 members, because she thinks it can pass.\n\n"
        "In an interview on Thursday, Edda Strom said her members would fight the plan."
    )
    assert resolved(text, "The head of the Kestown Dock Workers Union") == ("Edda Strom", "person")


def test_a_people_with_the_is_its_countrys_government() -> None:
    """"the Hungarians announce …" in an article naming Hungary: the country acting as one, its
    government, not people of a kind left unnamed."""
    text = (
        "Hungary pledges to grow its navy.\n\n"
        "After years of cuts, Hungary has pledged to rebuild its fleet, ending a long habit of caution.\n\n"
        "Times have changed when the Hungarians announce they are adding ships for the first time in 30 years "
        "and no neighbour objects."
    )
    assert resolved(text, "the Hungarians") == ("Hungary", "government")


def test_a_peoples_leadership_is_its_countrys_government() -> None:
    """"the Norwegian leadership, which is watching …" in an article naming Norway: who rules the
    country, so the country as its government, and "which" too."""
    text = (
        "Tug of war in the Arctic.\n\n"
        "Norway has long kept watch over the north, but the Osk Shipping Line has begun to run cargo past its coast.\n\n"
        "It is a shift that has shaken up the Norwegian leadership, which is watching the traffic with apprehension."
    )
    assert resolved(text, "the Norwegian leadership") == ("Norway", "government")
    assert resolved(text, "which", "which is watching") == ("Norway", "government")


def test_one_of_many_and_a_group_with_examples_are_vague() -> None:
    """"one of Mr. Tash's advisers" and "mining companies, including Palter Coal," pick from a
    group; "one of the family's lawyers, Owen Pratt," is named; "The city of Tucson" is Tucson."""
    text = ("Oren Tash met the miners. One of Mr. Tash's climate advisers said the plan was fair. Mining companies, "
            "including Palter Coal, said they would fight it. One of the family's lawyers, Owen Pratt, said they would sue. "
            "New York officials said the ads could run there. The city of Tucson is demanding that the ads stop.")
    assert resolved(text, "One of Mr. Tash's climate advisers") == (None, "vague")
    assert resolved(text, "Mining companies, including Palter Coal,") == (None, "vague")
    assert resolved(text, "One of the family's lawyers, Owen Pratt,") == ("Owen Pratt", "person")
    assert resolved(text, "The city of Tucson") == ("Tucson", "government")


def test_a_places_acronym_met_first_is_one_entity_with_its_full_name() -> None:
    """"E.U." in the headline and "U.S." in the lead, then "European Union" and "United States":
    one entity each, so "American commitments" is the United States."""
    text = ("E.U. leaders weigh a joint force\n\nBRUSSELS - Leaders met on Friday as doubts grew about U.S. support. "
            "Britain is leaving the European Union, and the United States has asked Europe to spend more. "
            "The talks turned on American commitments, said Petra Holm, a diplomat.")
    result = analyse(text)
    assert {"E.U.", "European Union"} <= set(entity(result, "European Union").forms)
    assert {"U.S.", "United States"} <= set(entity(result, "United States").forms)
    assert resolved(text, "American") == ("United States", "government")


def test_a_party_picked_out_by_an_adjective_is_vague() -> None:
    text = "Mara Lindqvist fell ill on Sunday, and the scare has skittish Democrats weighing what comes next."
    assert resolved(text, "skittish Democrats") == (None, "vague")


def test_they_for_the_police_is_the_force_the_article_names() -> None:
    """"The police said …" then "…, they said" and "…, they added": the police force named
    before, found through the unnamed phrase "they" stands for ("police" takes "they")."""
    text = ("Two men died in a crush at Osk Park, Varndale Police said on Sunday. The police said the crush began at "
            "7.30 p.m. The referee stopped the game after 11 minutes, they said. Both men came from Brell, the police "
            "said. Six people were still in hospital, they added.")
    assert resolved(text, "they", "they said") == ("Varndale Police", "government")
    assert resolved(text, "they", "they added") == ("Varndale Police", "government")


LETTER = (
    "My father would have hated the new bridge.\n\n"
    "I grew up in Osk in the 1970s. My parents, Tomas and Greta Vey, ran the ferry there for thirty years, "
    "and my father often said the river was the town's only road. When my mother mentioned the bridge to me, "
    "I told her it would never be built.\n\n"
    "Marit Vey is a teacher and writer in Brenn."
)


def test_a_writers_i_and_family_are_the_people_the_piece_names() -> None:
    """A first-person piece: "I"/"me" outside any quotation is the writer its closing line names,
    "my father" and "my mother" the parents it names (the father by his first name, the mother
    as the other one)."""
    assert resolved(LETTER, "me", "me,") == ("Marit Vey", "person")
    assert resolved(LETTER, "my father", "my father often") == ("Tomas Vey", "person")
    assert resolved(LETTER, "my mother") == ("Greta Vey", "person")


def test_seed_observatory_is_one_entity_under_all_its_names(seed_analysis: Analysis) -> None:
    sohr = entity(seed_analysis, "Syrian Observatory or Human Rights")
    assert {"SOHR", "Syrian Observatory or Human Rights", "Observatory for Human Rights"} <= set(sohr.forms)
    relayed = find(seed_analysis, "that Turkey had hired them for 1800 US Dollars a month")
    assert relayed.speaker.name == sohr.name


@pytest.mark.parametrize(
    "name, type_, forms",
    [
        ("Islamic State", "organisation", {"ISIS", "Islamic State"}),
        ("Nagorno Karabakh", "place", {"Nagorno Karabakh"}),
        ("Armenia", "place", {"Armenia"}),
        ("Republic of Karabakh", "place", {"Republic of Karabakh"}),
        ("Arayik Harutyunyan", "person", {"Arayik Harutyunyan"}),
        ("AsiaNews", "outlet", {"AsiaNews"}),
        ("Guardian", "outlet", {"Guardian"}),
        ("Emmanuel Macron", "person", {"Emmanuel Macron"}),
    ],
)
def test_seed_entities(seed_analysis: Analysis, name: str, type_: str, forms: set[str]) -> None:
    found = entity(seed_analysis, name)
    assert found.type == type_
    assert forms <= set(found.forms)


def test_seed_has_no_entity_mixing_a_place_and_a_person(seed_analysis: Analysis) -> None:
    names = [e.name for e in seed_analysis.entities]
    assert "Republic of Karabakh Arayik Harutyunyan" not in names
    assert names.count("Armenia") == 1 and names.count("Islamic State") == 1
    assert not any(e.name == "ISIS" for e in seed_analysis.entities)


def test_a_pronoun_in_a_clause_set_before_the_subject_is_that_subject() -> None:
    text = (
        "Mr. Brask spoke in Ohio on Monday. “My brother kept the country safe,” Jeb Lund said on Tuesday.\n\n"
        "Growing sharper as he spoke, Mr. Brask continued: “The worst attack ever? It was during his presidency.”"
    )
    assert resolved(text, "he", "as he spoke") == ("Brask", "person")


def test_a_first_name_ending_like_an_adjective_stays_part_of_the_name() -> None:
    result = analyse(
        "Editor Dr. Sebastian Volkar and Ambassador Ruth Leeming both spoke on Thursday.\n\n"
        "Volkar said the plan was weak. “We should not be fooled,” Volkar declared."
    )
    assert speaker_of(result, "We should not be fooled") == ("Sebastian Volkar", "person")


def test_a_name_with_a_role_in_apposition_is_a_person_named_in_full() -> None:
    """NER leaves out "Ambrose" of "Ambrose Gaddis, the party chairman": a person's role in
    apposition makes the name a person's, with the first name before it."""
    text = (
        "Party officials are preparing for a contested convention in Tarrow.\n\n"
        "Ambrose Gaddis, the GOP chairman, this past week announced the creation of a website to explain the process.\n\n"
        "“The website is a tool for voters to learn about delegates and rules,” he said.\n"
    )
    analysis = analyse(text)
    assert speaker_of(analysis, "The website is a tool") == ("Ambrose Gaddis", "person")
    assert entity(analysis, "Ambrose Gaddis").type == "person"


def test_a_surname_in_the_plural_is_the_family_not_the_person() -> None:
    """"the Tollands" is Edda Tolland's family: a group of its own, which neither takes her name
    nor lends her its own."""
    text = "Mayor Edda Tolland is worried. The Tollands have lived in Osk for decades. Tolland said the pier will open."
    read = [("Edda Tolland", "PERSON"), ("Tollands", "PERSON"), ("Tolland", "PERSON")]
    mentions = [Mention(Span(name, text.index(name), text.index(name) + len(name)), label, 0) for name, label in read]
    clusters = cluster_mentions(mentions, text)
    assert sorted(([m.span.text for m in c.mentions], c.labels("NORP")) for c in clusters) == [
        (["Edda Tolland", "Tolland"], 0), (["Tollands"], 1)
    ]


def test_who_after_where_someone_is_from_is_the_person() -> None:
    text = (
        "Voters in Osk are split.\n\n"
        "“I have never voted in a primary, but I'm going to vote for Brask,” said Nellie Dorrance, 24, from Harrison, "
        "who said Brask is best suited to fix the pier."
    )
    assert resolved(text, "who") == ("Nellie Dorrance", "person")


def test_a_first_name_alone_is_the_one_person_the_article_names_so() -> None:
    """A numbered list of what people said, an item headed by a first name NER does not mark."""
    text = (
        "What Latino stars said in 2031.\n\n"
        "5\n\nZoe Marquez Spoke Up For Immigrants.\n\n"
        "In an interview, Zoe Marquez said the country was built by people who came from far away.\n\n"
        "6\n\nZoe Questioned Why White Actors Play Characters Of Color.\n\n"
        "Critics should look at all the times white actors played characters of color, Zoe Marquez said."
    )
    assert resolved(text, "Zoe", "Zoe Questioned") == ("Zoe Marquez", "person")


def test_people_of_a_kind_beside_a_named_body_are_vague() -> None:
    """"fellow GOP presidential hopefuls", "The guests at the Marlow Post's party" (and "They"
    after them): a plural noun for people is some people, whatever body a word beside it names."""
    text = (
        "Ada Voss proposed a toll on the Tarrow bridge on Monday. The proposal has drawn harsh criticism from fellow "
        "GOP presidential hopefuls. Delia Okafor called it \"a tax on work.\"\n\n"
        "The Marlow Post is hosting a debate party in Osk. The guests at the Marlow Post's party are skeptical. "
        "They have booed Voss all night."
    )
    assert resolved(text, "fellow GOP presidential hopefuls") == (None, "vague")
    assert resolved(text, "They") == (None, "vague")


def test_people_about_a_body_or_a_lower_case_noun_are_vague() -> None:
    """"outside GOP groups", "both inside and outside the Halden Bank": people about a body, not
    it; "politicos" tagged as a name is a common noun, never a body named "politicos"."""
    text = (
        "Candidates fan out in Osk as caucuses near;  Races tighten on both sides, so politicos push planks, challenge polling.\n\n"
        "One week before Osk opens the nomination process, Ada Voss chairs the Halden Bank. After a year spent on her travel budget, outside GOP groups are pivoting to "
        "her record at the bank. Her rate plan has drawn criticism both inside and outside the Halden Bank."
    )
    assert resolved(text, "politicos") == (None, "vague")
    assert resolved(text, "outside GOP groups") == (None, "vague")
    assert resolved(text, "both inside and outside the Halden Bank") == (None, "vague")


def test_the_bureau_is_a_body_no_other_kind_of_name_says() -> None:
    """"the bureau" is the KBI named before, not the Harbor Department named last, whose name says department."""
    text = (
        "The KBI opens a new line of inquiry into Mayor Ada Voss.\n\n"
        "The KBI was already investigating Voss over her emails. Now the KBI is looking into whether she favoured donors, "
        "according to two sources who spoke to the Marlow Courier. The Harbor Department declined to comment.\n\n"
        "Specifically, the bureau is looking into whether harbor business intersected with the Voss Foundation."
    )
    assert resolved(text, "the bureau") == ("KBI", "organisation")


def test_a_span_cut_inside_a_word_names_the_word() -> None:
    text = ("Ada Voss calls for a new bridge.\n\n"
            "Former mayor Ada Voss is calling for a new bridge over the Tarrow. Voss suggested the city should borrow to build it.")
    assert resolved(text, "os", "Voss suggested") == ("Ada Voss", "person")


def test_the_campaign_after_her_campaign_is_hers() -> None:
    text = ("Osk lays off campaign staff.\n\n"
            "The results of Tuesday's primaries will force Sen. Ada Voss to face a hard reality.\n\n"
            "Voss hasn't said whether she will change the focus of her campaign, and she insisted at a rally in Tarrow "
            "that she is still in the race. But she laid off more than 200 staffers.\n\n"
            "The campaign hasn't decided what it would raise at the convention.")
    assert resolved(text, "The campaign") == ("Ada Voss campaign", "organisation")


def test_the_administration_is_the_presidents() -> None:
    """"the administration" when no one's was named: the person introduced as president, not a former one."""
    text = ("Tarrow weighs a steel tariff.\n\n"
            "All signs point to President Lena Orsk going along with the proposal. Orsk has proposed many ways of helping "
            "workers, including free college.\n\n"
            "Former President Hugo Brandt, who left office in 2019, called the plan reckless. Economists said the tariff "
            "would raise prices. Importers said they would fight it in court.\n\n"
            "In 2021, the administration slapped a 35% duty on cheap tires.")
    assert resolved(text, "the administration") == ("Lena Orsk administration", "government")


def test_a_word_capitalised_to_open_a_line_is_no_part_of_a_name() -> None:
    """NER reads "Young Halvorsen" in the headline as a name: "young" is a word the article writes in
    lower case, capitalised there only to open the line, so "Halvorsen" later is Mara Halvorsen."""
    text = (
        "Students don't get socialism;\nYoung Halvorsen supporters never had to live through the war.\n\n"
        "Mara Halvorsen's lead with young people has been huge. Why are students so fond of Halvorsen? "
        "Most answers point to her plans.\n\nBrask has said that Halvorsen's ideas cost too much.\n\n"
        "Halvorsen calls herself a democratic socialist."
    )
    assert resolved(text, "Halvorsen", "Halvorsen calls") == ("Mara Halvorsen", "person")


def test_a_person_span_glued_from_a_headline_or_lede_is_the_names_written_alone() -> None:
    """"Lorna Vesely Slams Piet Kramer" (a title-case headline) and "Billionaire Piet Kramer" (a
    lede) are no names: the full names the article writes alone are, and "Kramer" is Piet Kramer."""
    headline = (
        "Lorna Vesely Slams Piet Kramer On Pensions After Court Ruling.\n\n"
        "Presumptive Liberal nominee Lorna Vesely attacked her Conservative rival Piet Kramer on Monday over his shifting "
        "stance on pensions, minutes after the High Court struck down a Brell pension law."
    )
    result = analyse(headline)
    assert entity(result, "Lorna Vesely").forms == ["Lorna Vesely"]
    assert entity(result, "Piet Kramer").forms == ["Piet Kramer"]
    lede = (
        "Piet Kramer Praises Brell Herald's Political Editor Tomas Lind: 'Very Good Reporter.'\n\n"
        "Billionaire Piet Kramer praised Brell Herald political editor Tomas Lind at a press conference in Osk on Monday.\n\n"
        "\"Very good reporter, this guy,\" Kramer, the Conservative frontrunner, said when Lind asked him a question."
    )
    assert resolved(lede, "Kramer", "Kramer, the") == ("Piet Kramer", "person")


def test_a_longer_name_holding_a_name_written_alone_stays_whole() -> None:
    """"Piet Kramer Jr." and "Anna Maria Kramer" hold "Piet Kramer" and "Maria Kramer" but add a
    suffix and a first name, never glue."""
    result = analyse(
        "Piet Kramer and his son Piet Kramer Jr. toured Osk on Monday with Maria Kramer.\n\n"
        "Anna Maria Kramer, his niece, said the tour went well."
    )
    assert {e.name for e in result.entities if e.type == "person"} >= {"Piet Kramer", "Piet Kramer Jr.", "Anna Maria Kramer"}


def test_a_word_capitalised_to_open_a_headline_is_no_part_of_a_name_ner_missed() -> None:
    """"Absent Weever" opening the headline is no NER name but a run of capitalised words ending in
    a surname: "absent" is written in lower case elsewhere, so it is no first name of Carl Weever's."""
    text = (
        "Absent Weever derides debate;\nVoss fields most attacks from rivals in Osk forum.\n\n"
        "Carl Weever threatened to run away from the field on Thursday night in the last debate before the vote.\n\n"
        "Nine candidates squared off, but a grumpy Weever -- angry at how the Osk Courier has treated him -- stood by "
        "his plan to skip the debate. He was absent by choice, his aides said.\n\n"
        "Mr. Weever told reporters the debate was rigged against him, and Weever said he would hold his own event."
    )
    assert resolved(text, "Weever", "Weever said") == ("Carl Weever", "person")


def test_a_word_capitalised_by_a_title_case_headline_is_no_part_of_a_name() -> None:
    """"… Mayor Endorsed Brask, …" in a title-case headline: "endorsed" inflects "endorse", written in
    lower case in the body, so the name is Brask's, and Brask is Pieter Brask."""
    text = (
        "Right After This Famous Mayor Endorsed Brask, The Council Did Something Odd.\n\n"
        "Mayor Ilse Tarrow caused a stir when she went on record endorsing Pieter Brask.\n\n"
        "Tarrow is a popular figure in the party. Many members now endorse Brask as well.\n\n"
        "Brask said he was glad of the support."
    )
    assert resolved(text, "Brask", "Brask said") == ("Pieter Brask", "person")


def test_a_dateline_before_a_dash_is_no_part_of_a_name() -> None:
    """NER reads "LUCERNE - Tomas Halvard" as one name: a dash between spaces parts two phrases, and
    the dateline before it names no one, so the candidate and "He" are Tomas Halvard."""
    text = (
        "Halvard says his visit to the monastery was private.\n\n"
        "LUCERNE - Tomas Halvard met quietly with the abbot on Sunday, the end of a long tour of the north.\n\n"
        "The Liberal candidate said the visit was personal and no endorsement.\n\n"
        '"He is a man of peace," Halvard said of the abbot. He said the two spoke about the harvest.'
    )
    assert resolved(text, "The Liberal candidate") == ("Tomas Halvard", "person")
    assert resolved(text, "Halvard", "Halvard said") == ("Tomas Halvard", "person")


def test_he_opening_a_sentence_goes_on_with_the_last_sentences_subject() -> None:
    """The mayor fills the article, but "He lost …" right after "Daniel Marrow, …, later ran for
    the council" is Marrow: the subject of the last sentence counts more for the next one's."""
    text = (
        "Mayor blocks Tarrow's bridge toll.\n\n"
        "Mayor Carl W. Weever said on Thursday that the toll would not take effect. Weever wrote that the toll hurt "
        "the town's poorest drivers.\n\n"
        "Weever grew up in Osk and went to school a few blocks from the bridge. His decisions have angered the "
        "state's leaders, who grew up here, as he did, in hard times.\n\n"
        "Daniel Marrow, a former engineer for the Osk Bridge Company, later ran for the council. He lost in Tarrow "
        "last year and now teaches at a college."
    )
    assert resolved(text, "He", "He lost") == ("Daniel Marrow", "person")


def test_he_opening_a_sentence_is_the_person_the_last_sentence_introduced_as_its_subject() -> None:
    """Kramer fills the article, but "He called him …" right after "Senator Olaf Berg questioned Mr.
    Kramer's honesty", where Berg is first named, is Berg: the article has turned to him."""
    text = (
        "Kramer says praise from abroad helps Valdoria.\n\n"
        "Piet Kramer took to the Sunday shows to defend his praise of a foreign leader. Mr. Kramer said the praise was an "
        "honour. Mr. Kramer also said his rivals were jealous.\n\n"
        "''It's nonsense,'' Mr. Kramer said of the criticism.\n\n"
        "Later on ''Osk Today,'' Senator Olaf Berg questioned Mr. Kramer's honesty. He called him a ''reckless showman'' for "
        "repeating the claim."
    )
    assert resolved(text, "He", "He called") == ("Olaf Berg", "person")


def test_the_doer_of_a_passive_counts_as_its_subject() -> None:
    """"The page … was set up … by … Mirela Doss. She …": the one the page was set up by is the
    subject in all but form, more in view than the man the poster merely quoted."""
    text = (
        "Gorvan Telleck, the old harbour master, is no friend of the council. The poster in question quoted Telleck. "
        "The page that shared it was set up in May by Kestown Courier writer Mirela Doss. "
        "She set the page up to mock the council."
    )
    assert resolved(text, "She") == ("Mirela Doss", "person")


def test_a_known_first_name_and_a_capitalised_word_ner_missed_are_a_person() -> None:
    text = ("Oren Tash is the guest who never goes home. He is dull, though he will surely land a radio show. Last, "
            "Nina Salvatori: what has she ever run? A losing bid for mayor? She did score once, when she said the city "
            "needed “fewer plans and more roads.”")
    assert resolved(text, "she", "she said") == ("Nina Salvatori", "person")


def test_a_verb_ner_took_into_a_name_it_governs_is_no_part_of_it() -> None:
    """"Entrusting Walter Brennick with …" opens a sentence: were the verb read into his name, "He"
    after it would be "Entrusting Walter Brennick"."""
    text = (
        "I would certainly agree. Entrusting Walter Brennick with our economic future, and certainly our ferries, is a "
        "risky proposition. Brennick's record has shown it many ways. He has openly mocked the port workers."
    )
    doc = load_pipeline()(text)
    start = text.index("Entrusting")
    doc.ents = [doc.char_span(start, text.index(" with"), label="PERSON")]  # NER's span, with the verb in it
    assert [e.name for e in find_entities(doc).entities] == ["Walter Brennick"]


def test_a_first_name_in_the_headline_is_the_one_person_it_starts_named_later() -> None:
    """"Edgar is back" heads the story before "Edgar Holm" is named: one man, so "He" is Edgar Holm."""
    text = (
        "Edgar is back: Marta's husband on the road in Lindmark.\n\n"
        "He's back.\n\n"
        "Edgar Holm's hair was whiter and his voice hoarser than when he ran for mayor himself in 1992.\n\n"
        "In his first rally for the race, the former mayor gave a crowd of 700 a warm endorsement of Marta Holm. "
        "He didn't mention his own record."
    )
    assert resolved(text, "He", "He didn't") == ("Edgar Holm", "person")


def test_a_trade_ner_read_into_a_name_is_no_part_of_it() -> None:
    """"Actress Liesl Varga was also honoured" opens a line: her name is Liesl Varga, whatever
    label NER gave the span with the trade in it."""
    text = "The gala honoured three women.\n\nActress Liesl Varga was also honoured. “Art is how I speak,” Varga said."
    doc = load_pipeline()(text)
    start = text.index("Actress")
    doc.ents = [doc.char_span(start, text.index(" was"), label="ORG"), doc.char_span(text.index("Varga said"), text.index(" said"), label="PERSON")]
    assert [e.name for e in find_entities(doc).entities] == ["Liesl Varga"]


def test_a_name_the_parse_made_the_root_is_the_subject_a_later_pronoun_goes_on_with() -> None:
    """"Rep. Ingrid Solberg …, didn't second-guess …, but she did call …": the parse read
    "second-guess" as a noun and hung the sentence from Solberg; she is still its subject, not
    the woman quoted just before."""
    text = (
        "“People who work for the ministry might face new hurdles in future employment,” said Marit Hovland, an analyst. "
        "“The rules are strict,” Hovland said.\n\n"
        "Rep. Ingrid Solberg (D-Ore.), chairwoman of the House Harbour Committee, didn’t second-guess Berg’s "
        "recommendation on prosecution, but she did call for more accountability down the road."
    )
    assert resolved(text, "she", "she did") == ("Ingrid Solberg", "person")


def test_a_name_made_an_adjective_of_likeness_is_no_one_a_pronoun_can_stand_for() -> None:
    """"Why She Sees Kessler-like Grit In Moss" heads the story of Greta Halloran: "Kessler-like"
    describes a quality, so "She" is the woman the story opens with."""
    text = (
        "Halloran’s Final Column Explains Why She Sees Kessler-like Grit In Moss.\n\n"
        "Conservative icon Greta Halloran, who died Monday at 92, wrote that Moss had the grit of Kessler. "
        "Kessler was her hero for decades."
    )
    assert resolved(text, "She") == ("Greta Halloran", "person")


def test_a_veteran_of_a_body_is_the_person_in_view_not_one_introduced_with_it() -> None:
    """"The Air Force veteran" names a past, not an office of the Air Force someone must have been
    introduced with: it goes on with the man who just spoke."""
    text = (
        "Former governor Anton Kerr said Tuesday he will back Senator Lars Obi. “They know he means what he says,” Kerr said.\n\n"
        "The Air Force veteran also believes that Obi passes the commander-in-chief test."
    )
    assert resolved(text, "The Air Force veteran") == ("Anton Kerr", "person")


def test_the_magazine_is_the_name_written_before_the_word_magazine_ner_missed() -> None:
    """"… for Mossbank Weekly magazine's cookie poll. The magazine said …": NER did not mark the
    name, but the article wrote it just before the word for its kind."""
    text = (
        "Old roles collided again on Friday when Oskar Lund and Vera Lund submitted cookie recipes for Mossbank Weekly "
        "magazine’s Mayoral Cookie Poll. Oskar Lund sent oatmeal cookies.\n\n"
        "The magazine said the poll winner has correctly predicted the mayor in five of the past six races."
    )
    assert resolved(text, "The magazine") == ("Mossbank Weekly", "outlet")


@pytest.mark.parametrize("surname", ["Le Gall", "Le Floch"])  # NER misses the first; reads the second as a place
def test_a_surname_of_two_words_alone_is_the_person_it_ends(surname: str) -> None:
    """"Le Gall is a candidate …" after "Solange Le Gall": her, whom "she" then goes on with."""
    text = (
        f"LYON, Aug 31 (Reuters) - Valmont’s far-right Union party leader, Solange {surname}, voiced support for "
        f"candidate Anton Kerr on Wednesday, saying his rival Lisa Obi would bring war to the world.\n"
        f"{surname} is a candidate in Valmont’s April election. While her increasingly popular party thrives on anger, "
        "she has been more careful in her speeches than Kerr has been."
    )
    assert resolved(text, "she", "she has") == (f"Solange {surname}", "person")


def test_a_present_office_is_not_a_former_holder_named_in_the_next_sentence() -> None:
    """"The Lindmark senator aimed …" right after "Adam Brook won …": he, not "former senator Ray
    Tull", whom the next sentence names only as a former holder of the office."""
    text = (
        "Insurgent tops institution in Brook success.\n\n"
        "Adam Brook won Varnia's primary Tuesday, defeating Lisa Obi in the state that helped revive her campaign years earlier.\n\n"
        "The Lindmark senator aimed to win by a large enough margin to buffer his campaign before contests more friendly to Obi.\n\n"
        "Despite polls showing her behind, Obi campaigned in the state that made her husband, Max, the comeback kid in 1992 after "
        "he battled back to finish second to former senator Ray Tull from neighboring Osterland."
    )
    assert resolved(text, "The Lindmark senator") == ("Adam Brook", "person")


def test_a_chair_says_nothing_of_gender() -> None:
    """"Robin Teller, chair of the parents' council" may be a woman: "chair" reduces to "chairman"
    for matching titles, but as written it is no man's word, so "She" goes on with Teller rather
    than the woman her sentence names later."""
    text = (
        "Parents argued over the school plan on Monday.\n\n"
        "“We talk a lot,” said Robin Teller, chair of the Harwick parents’ council. “We don’t always agree.”\n\n"
        "Teller sees it more calmly. She said she would rather see money go to Mayor Ilse Varga’s reading scheme."
    )
    assert resolved(text, "She") == ("Robin Teller", "person")


def test_a_place_subject_of_the_nearer_clause_leaves_he_to_the_man_above_it() -> None:
    """"Oskar Lund went with the odds, pointing out that Lindmark would win – even though he picked
    Harwick": the parse hangs "he picked" on the clause whose subject is a place, which no "he"
    stands for; the subject above it, Lund, is."""
    text = (
        "The moderator asked the candidates who would win the cup final, Harwick or Lindmark.\n\n"
        "Anton Brisk said that since the Harwick coach backed his campaign, he would support Harwick.\n\n"
        "Tomas Verrell flipped his choice on the spot, saying he would now root for Lindmark.\n\n"
        "Oskar Lund went with the odds, pointing out that Lindmark would win – even though he picked Harwick in an interview last week."
    )
    assert resolved(text, "he", "he picked") == ("Oskar Lund", "person")


def test_a_second_relative_clause_joined_by_and_shares_the_first_ones_noun() -> None:
    """"said Raymond Dunn, whom Governor Lisa Obi appointed …, and who is now supporting …": the
    "who" after "and" opens a second clause on Dunn, though the parse hung it on "said"."""
    text = (
        "Old families still matter in Harwick politics.\n\n"
        "“I would call it old-fashioned,” said Raymond Dunn, whom Governor Lisa Obi appointed envoy to Valdoria, "
        "and who is now supporting Senator Anton Brisk. “Modesty is something I admire.”"
    )
    assert resolved(text, "who", "who is now") == ("Raymond Dunn", "person")


def test_some_on_a_platform_are_some_people_not_the_platform() -> None:
    """"According to some on Facegram": a quantifier standing alone picks some people from where
    its phrase says, so the source is vague, not the site (which NER even read as a person)."""
    text = (
        "Talk-show host Dora Pell was seen entering Brisk Tower in Harwick on Wednesday. "
        "According to some on Facegram, Pell was “in disguise,” sparking speculation about the visit."
    )
    assert resolved(text, "some on Facegram") == (None, "vague")


def test_a_description_of_a_body_keeps_it_in_view_for_the_next_one() -> None:
    """"the drug company is facing an investigation … On Tuesday, the company said": the first
    description is Corvane Therapeutics, named sentences back, and keeps it in view for the
    second, as "the senator" does a person."""
    text = (
        "Investor Anton Brisk lives or dies by his big bets. His biggest bet yet, Corvane Therapeutics, has cost him "
        "a fortune on paper.\n\n"
        "The losses have shrunk his fund, Brisk Harbor Partners, by a third since last year. Other investors lost money too.\n\n"
        "With a 40 percent fall in Corvane's share price on Tuesday, the pressure is only growing on Mr. Brisk and his partners.\n\n"
        "For one, the drug company is facing an investigation into its pricing, and is facing lawsuits in Varnia and Osterland. "
        "On Tuesday, the company said it would not file its annual report in time."
    )
    assert resolved(text, "the company") == ("Corvane Therapeutics", "organisation")
