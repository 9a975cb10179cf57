"""Quantities: every number in a claim with its value, bounds, unit, rate and what it counts.

The seed is read as a fact-checker would; short invented texts (invented people and outlets)
cover each wording; the pure reading functions are tested on phrases alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import sayso
from conftest import find
from sayso.analyze.number_values import number_value, quantity_phrases, read_quantity
from sayso.model import Analysis, Article, Quantity

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "sayso" / "schema" / "analysis.schema.json").read_text())


def quantity(analysis: Analysis, text: str, context: str | None = None) -> Quantity:
    """The quantity with this text among all claims, attributed or not; ``context``, a stretch of
    the article around it, tells apart two with the same text. Claims may nest or be cut
    differently: the quantity is found by its place, not by the claim that holds it."""
    start = None
    if context is not None:
        start = analysis.article.text.index(context) + context.index(text)
    claims = [*analysis.attributions, *analysis.unattributed]
    found = {(q.start, q.end): q for c in claims for q in c.quantities if q.text == text and start in (None, q.start)}
    assert len(found) == 1, f"{text!r}: {[q.text for c in claims for q in c.quantities]}"
    return next(iter(found.values()))


def analyze(text: str) -> Analysis:
    return sayso.analyze(Article(text=text, published="2021-03-10"))


# --- the founding article ---------------------------------------------------------------


def test_seed_counts_with_what_they_count(seed_analysis: Analysis) -> None:
    sent = find(seed_analysis, "the 4,000 Syrian ISIS mercenaries")
    assert [(q.text, q.value, q.counted) for q in sent.quantities] == [("4,000", 4000, "Syrian ISIS mercenaries")]
    according = quantity(seed_analysis, "4000", "Turkey has sent 4000 ISIS mercenaries")
    assert (according.value, according.low, according.high, according.counted) == (4000, 4000, 4000, "ISIS mercenaries")
    assert quantity(seed_analysis, "4000", "spoke of 4000 fundamentalist").counted == "fundamentalist mercenaries"


def test_seed_bounds(seed_analysis: Analysis) -> None:
    at_least = quantity(seed_analysis, "at least 300")
    assert (at_least.value, at_least.low, at_least.high, at_least.counted) == (300, 300, None, "ISIS fighters")
    more = quantity(seed_analysis, "more than 300")
    assert (more.value, more.low, more.high, more.counted) == (300, 301, None, "Syrian Islamist militants")
    thousands = quantity(seed_analysis, "thousands")
    assert (thousands.value, thousands.low, thousands.high, thousands.approximate, thousands.counted) == (
        None,
        1000,
        9999,
        True,
        "mercenaries",
    )


def test_seed_money_per_month(seed_analysis: Analysis) -> None:
    hired = quantity(seed_analysis, "1800 US Dollars a month")
    assert (hired.value, hired.unit, hired.per, hired.counted) == (1800, "USD", "month", None)


def test_seed_millions(seed_analysis: Analysis) -> None:
    azeris, armenians = quantity(seed_analysis, "10 million"), quantity(seed_analysis, "3 million")
    assert (azeris.value, azeris.counted) == (10_000_000, "Azeris")
    assert (armenians.value, armenians.counted) == (3_000_000, "Armenians")


def test_seed_unattributed_hundreds(seed_analysis: Analysis) -> None:
    q = quantity(seed_analysis, "Hundreds")
    assert (q.value, q.low, q.high, q.approximate, q.counted) == (None, 100, 999, True, "people")


def test_seed_years_and_dates_are_not_quantities(seed_analysis: Analysis) -> None:
    texts = {q.text for c in [*seed_analysis.attributions, *seed_analysis.unattributed] for q in c.quantities}
    assert not texts & {"1991", "27", "10", "18", "three", "three months"}


# --- invented articles ------------------------------------------------------------------


def test_bounds_and_estimates_in_reported_speech() -> None:
    result = analyze(
        "Harbour chief Tomas Vell said about 40 boats, nearly 300 nets, fewer than 20 cranes "
        "and up to 5,000 crates had been lost."
    )
    about = quantity(result, "about 40")
    assert (about.value, about.low, about.high, about.approximate, about.counted) == (40, None, None, True, "boats")
    nearly = quantity(result, "nearly 300")
    assert (nearly.high, nearly.approximate) == (299, True)
    assert (quantity(result, "fewer than 20").high, quantity(result, "fewer than 20").counted) == (19, "cranes")
    up_to = quantity(result, "up to 5,000")
    assert (up_to.value, up_to.low, up_to.high, up_to.counted) == (5000, None, 5000, "crates")


def test_ranges_in_words_and_with_a_hyphen() -> None:
    result = analyze("Tomas Vell said that between 300 and 400 sailors had left. He said 300-400 homes burned.")
    between = quantity(result, "between 300 and 400")
    assert (between.value, between.low, between.high, between.counted) == (None, 300, 400, "sailors")
    hyphen = quantity(result, "300-400")
    assert (hyphen.low, hyphen.high, hyphen.counted) == (300, 400, "homes")


def test_money_rates_and_percentages() -> None:
    result = analyze(
        "The Eldham Courier reported that fuel cost $80 a barrel. "
        "Minister Ida Rask said wages rose 12 percent. "
        "Ida Rask said 3% of farms had closed."
    )
    barrel = quantity(result, "$80 a barrel")
    assert (barrel.value, barrel.unit, barrel.per) == (80, "USD", "barrel")
    assert (quantity(result, "12 percent").value, quantity(result, "12 percent").unit) == (12, "percent")
    share = quantity(result, "3%")
    assert (share.value, share.unit, share.counted) == (3, "percent", "farms")


def test_number_words_scales_and_vague_plurals() -> None:
    result = analyze(
        "Minister Ida Rask said 10 million people and ten villages would get 3.5 billion euros. "
        "She said two hundred and fifty schools and a dozen clinics would close. "
        "The Eldham Courier reported that dozens of families and tens of thousands of tourists left."
    )
    assert (quantity(result, "10 million").value, quantity(result, "10 million").counted) == (10_000_000, "people")
    assert (quantity(result, "ten").value, quantity(result, "ten").counted) == (10, "villages")
    euros = quantity(result, "3.5 billion euros")
    assert (euros.value, euros.unit, euros.counted) == (3_500_000_000, "EUR", None)
    assert quantity(result, "two hundred and fifty").value == 250
    assert quantity(result, "a dozen").value == 12
    dozens = quantity(result, "dozens")
    assert (dozens.low, dozens.high, dozens.counted) == (24, 99, "families")
    tens = quantity(result, "tens of thousands")
    assert (tens.low, tens.high, tens.counted) == (10_000, 99_999, "tourists")


def test_rate_after_the_counted_noun() -> None:
    result = analyze("Mayor Lena Ortiz said 5,000 cars a day would cross the bridge.")
    cars = quantity(result, "5,000")
    assert (cars.counted, cars.per) == ("cars", "day")


def test_years_times_ordinals_and_pronoun_one_are_not_quantities() -> None:
    result = analyze(
        "Ida Rask said the first convoy left in 1998 at 3 pm, that no one was hurt, "
        "and that the one who stayed was paid."
    )
    assert [q.text for c in [*result.attributions, *result.unattributed] for q in c.quantities] == []


def test_years_inside_names_and_codes_are_not_counts() -> None:
    result = analyze(
        "Ida Rask said a 2014 study of Fortune 500 firms, Vell's 1995 filings and the 2016 election "
        "were cited by 2000 people who called 800-273-8255 from 2011 to 2016."
    )
    texts = [q.text for c in [*result.attributions, *result.unattributed] for q in c.quantities]
    assert texts == ["2000"]


def test_scores_set_against_each_other_are_two_figures() -> None:
    result = analyze("The Eldham Courier reported that Moss leads Vell by 49 percent to 47 percent after a 5-4 vote.")
    texts = [(q.text, q.value) for c in [*result.attributions, *result.unattributed] for q in c.quantities]
    assert texts == [("49 percent", 49), ("47 percent", 47), ("5", 5), ("4", 4)]
    tied = analyze("A 4-4 ruling by the Osk high court would leave the lower court's decision in place, lawyer Edda Sorn said.")
    assert [(q.text, q.value) for c in tied.attributions for q in c.quantities] == [("4", 4), ("4", 4)]


def test_new_fields_validate_against_the_schema_and_round_trip() -> None:
    result = analyze("Tomas Vell said on Monday that at least 300 boats sank for $5 million in recent days.")
    data = result.to_dict()
    jsonschema.validate(data, SCHEMA)
    again = Analysis.from_dict(json.loads(json.dumps(data)))
    assert again.attributions == result.attributions


# --- the pure reading functions ---------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, value, low, high, approximate, unit, per",
    [
        ("4,000", 4000, 4000, 4000, False, None, None),
        ("ten", 10, 10, 10, False, None, None),
        ("twenty-five", 25, 25, 25, False, None, None),
        ("10 million", 10_000_000, 10_000_000, 10_000_000, False, None, None),
        ("1.5 million", 1_500_000, 1_500_000, 1_500_000, False, None, None),
        ("a million", 1_000_000, 1_000_000, 1_000_000, False, None, None),
        ("3bn dollars", 3_000_000_000, 3_000_000_000, 3_000_000_000, False, "USD", None),
        ("1800 US Dollars a month", 1800, 1800, 1800, False, "USD", "month"),
        ("€20 per person", 20, 20, 20, False, "EUR", "person"),
        ("Rs 500", 500, 500, 500, False, "INR", None),
        ("at least 300", 300, 300, None, False, None, None),
        ("more than 300", 300, 301, None, False, None, None),
        ("over 300", 300, 301, None, False, None, None),
        ("more than 12 percent", 12, 12, None, False, "percent", None),
        ("no more than 50", 50, None, 50, False, None, None),
        ("less than 20", 20, None, 19, False, None, None),
        ("up to 5,000", 5000, None, 5000, False, None, None),
        ("about 40", 40, None, None, True, None, None),
        ("some 40", 40, None, None, True, None, None),
        ("almost 300", 300, None, 299, True, None, None),
        ("hundreds", None, 100, 999, True, None, None),
        ("thousands", None, 1000, 9999, True, None, None),
        ("tens of thousands", None, 10_000, 99_999, True, None, None),
        ("hundreds of thousands", None, 100_000, 999_999, True, None, None),
        ("several hundred", None, 100, 999, True, None, None),
        ("dozens", None, 24, 99, True, None, None),
        ("between 300 and 400", None, 300, 400, False, None, None),
        ("300-400", None, 300, 400, False, None, None),
        ("3 to 4 million", None, 3_000_000, 4_000_000, False, None, None),
        ("three or four", None, 3, 4, False, None, None),
        ("12%", 12, 12, 12, False, "percent", None),
        ("12 per cent", 12, 12, 12, False, "percent", None),
        ("2 percentage points", 2, 2, 2, False, "percentage point", None),
        ("20 kilometres", 20, 20, 20, False, "km", None),
        ("4 tonnes", 4, 4, 4, False, "t", None),
        ("half a dozen", 6, 6, 6, False, None, None),
        ("half a million", 500_000, 500_000, 500_000, False, None, None),
        ("two and a half million", 2_500_000, 2_500_000, 2_500_000, False, None, None),
        ("£2m", 2_000_000, 2_000_000, 2_000_000, False, "GBP", None),
        ("$50k a year", 50_000, 50_000, 50_000, False, "USD", "year"),
        ("€4.5bn", 4_500_000_000, 4_500_000_000, 4_500_000_000, False, "EUR", None),
        ("from 5 to 10", None, 5, 10, False, None, None),
        ("half", 0.5, 0.5, 0.5, False, "fraction", None),
        ("three quarters", 0.75, 0.75, 0.75, False, "fraction", None),
        ("one in five", 0.2, 0.2, 0.2, False, "fraction", None),
        ("more than half", 0.5, 0.5, None, False, "fraction", None),
        ("nearly a third", 1 / 3, None, 1 / 3, True, "fraction", None),
        ("about a third", 1 / 3, None, None, True, "fraction", None),
    ],
)
def test_read_quantity(phrase, value, low, high, approximate, unit, per) -> None:
    reading = read_quantity(phrase)
    assert (reading.value, reading.low, reading.high, reading.approximate, reading.unit, reading.per) == (
        value,
        low,
        high,
        approximate,
        unit,
        per,
    )


@pytest.mark.parametrize(
    "text, phrases",
    [
        ("the 4,000 Syrian ISIS mercenaries", ["4,000"]),
        ("hired them for 1800 US Dollars a month for three months", ["1800 US Dollars a month", "three"]),
        ("inflation rose from 5% to 7%", ["5%", "7%"]),
        ("each family gets from 5 to 10 sacks", ["from 5 to 10"]),
        ("rates range from 5% to 7%", ["from 5% to 7%"]),
        ("half of the voters and two-thirds of the wells", ["half", "two-thirds"]),
        ("one in five adults, two out of three voters", ["one in five", "two out of three"]),
        ("the first half of 2022, half an hour, the third quarter of 2020", ["2022", "2020"]),
        ("sold for £2m and €4.5bn, a $50k salary", ["£2m", "€4.5bn", "$50k"]),
        ("half a dozen shops and two and a half million tourists", ["half a dozen", "two and a half million"]),
        ("between 300 and 400 people", ["between 300 and 400"]),
        ("COVID-19 and version 2.0.1", []),
    ],
)
def test_quantity_phrases_find_the_whole_wording(text, phrases) -> None:
    assert [text[s:e] for s, e in quantity_phrases(text)] == phrases


def test_and_joins_only_after_a_scale_word() -> None:
    text = "two hundred and fifty, a thousand and one, between three and five years"
    assert [(text[s:e], read_quantity(text[s:e]).low) for s, e in quantity_phrases(text)] == [
        ("two hundred and fifty", 250),
        ("a thousand and one", 1001),
        ("between three and five", 3),
    ]


def test_a_share_needs_a_whole_below_one() -> None:
    assert [p for p in quantity_phrases("5 in 3 cases")] == [(0, 1), (5, 6)]


def test_fractions_with_what_they_count() -> None:
    result = analyze(
        "Pollster Nina Graf said half of the voters, two-thirds of the wells, a quarter of the staff "
        "and one in five adults had left."
    )
    for text, value, counted in (("half", 0.5, "voters"), ("two-thirds", 2 / 3, "wells"), ("a quarter", 0.25, "staff"), ("one in five", 0.2, "adults")):
        share = quantity(result, text)
        assert (share.value, share.unit, share.counted) == (pytest.approx(value), "fraction", counted)


def test_tokens_the_tokenizer_keeps_whole() -> None:
    result = analyze("The Eldham Courier reported that 2bn messages were sent and that 20–25 species were at risk.")
    assert (quantity(result, "2bn").value, quantity(result, "2bn").counted) == (2_000_000_000, "messages")
    assert (quantity(result, "20–25").low, quantity(result, "20–25").high) == (20, 25)


def test_a_number_after_the_name_it_labels_is_no_count() -> None:
    result = analyze("Ida Rask said she flew on a Boeing 737 and was promised USD 300 on arrival.")
    texts = [(q.text, q.unit) for c in [*result.attributions, *result.unattributed] for q in c.quantities]
    assert texts == [("USD 300", "USD")]


def test_counted_after_of_on_a_word_of_the_phrase_and_before_in() -> None:
    result = analyze(
        "Ida Rask said the drought could destroy between 40 and 50 percent of the harvest "
        "and that the company hired mercenaries in thousands."
    )
    assert quantity(result, "between 40 and 50 percent").counted == "harvest"
    assert quantity(result, "thousands").counted == "mercenaries"


def test_a_bare_number_counts_what_the_conjoined_clause_counts_in_the_same_role() -> None:
    result = analyze(
        "Four people died and more than 20 were injured when the Lowmoor footbridge fell, police said. "
        "The fund said it housed 300 families in May and moved 40 in June. "
        "The council said it repaired 12 roads, and 5 remain closed."
    )
    injured = quantity(result, "more than 20")
    assert (injured.low, injured.counted) == (21, "people")
    assert quantity(result, "40").counted == "families"  # object and object
    assert quantity(result, "5").counted is None  # a subject is not what the other clause's object counts


def test_a_count_carries_the_verb_its_clause_says_of_it() -> None:
    result = analyze(
        "One passenger died and at least 30 people were injured, the coastguard said. "
        "Dr Ann Lee said her staff had treated some 35 people. "
        "The union said at least four of the ferry's twelve life rafts failed to inflate, "
        "the company said only one of the rafts had failed, and police said six cars had been on the pier."
    )
    assert [quantity(result, t).predicate for t in ("One", "at least 30", "some 35")] == ["die", "injure", "treat"]
    assert quantity(result, "at least four").predicate == "fail inflate"
    assert quantity(result, "twelve").predicate is None  # the whole of the share: the four failed
    assert (quantity(result, "one").value, quantity(result, "one").counted) == (1, "rafts")  # "only one of the rafts": a count
    assert quantity(result, "six").predicate is None  # a copula, and past it only the reporting verb


def test_a_number_the_ner_calls_a_date_but_reads_as_none_is_counted() -> None:
    result = analyze("Planner Ida Rask said two and a half million tourists came.")
    assert (quantity(result, "two and a half million").value, quantity(result, "two and a half million").counted) == (2_500_000, "tourists")


def test_numbers_in_date_forms_the_ner_missed_are_not_counts() -> None:
    result = analyze("Ida Rask said the strike was called on 18 Oct and the bridge closed three days ago.")
    assert [q.text for c in [*result.attributions, *result.unattributed] for q in c.quantities] == []


def test_an_ner_amount_widens_over_unit_words_only() -> None:
    result = analyze("The Orlan Gazette reported that the river rose 3.5 metres overnight and that billions of dollars were lost.")
    assert quantity(result, "3.5 metres").unit == "m"
    dollars = quantity(result, "billions of dollars")
    assert (dollars.unit, dollars.counted) == ("USD", None)


def test_number_value() -> None:
    assert (number_value("4,000"), number_value("ten"), number_value("10 million"), number_value("hundreds")) == (
        4000,
        10,
        10_000_000,
        None,
    )
