"""Times: every date or time expression in a claim, in ISO 8601 from the publication date,
and the date a statement itself was made kept apart from the dates inside it.

The seed (published 2020-10-20, a Tuesday) is read as a fact-checker would; short invented
texts (invented people and outlets, published 2021-03-10, a Wednesday) cover each form; the
pure resolver is tested on phrases alone.
"""

from __future__ import annotations

from datetime import date

import pytest

import sayso
from conftest import find
from sayso.analyze.time_values import iso_duration, nearest_year, resolve_time, time_phrases
from sayso.model import Analysis, Article, TimeExpression


def time(analysis: Analysis, text: str) -> TimeExpression:
    """The one time expression with this text among all claims, attributed or not."""
    claims = [*analysis.attributions, *analysis.unattributed]
    found = {(t.start, t.end): t for c in claims for t in c.times if t.text == text}
    assert len(found) == 1, f"{text!r}: {[t.text for c in claims for t in c.times]}"
    return next(iter(found.values()))


def analyze(text: str, published: str | None = "2021-03-10") -> Analysis:
    return sayso.analyze(Article(text=text, published=published))


# --- the founding article ---------------------------------------------------------------


def test_seed_month_days(seed_analysis: Analysis) -> None:
    assert (time(seed_analysis, "October 10").value, time(seed_analysis, "October 10").kind) == ("2020-10-10", "date")
    assert time(seed_analysis, "September 27").value == "2020-09-27"


def test_seed_midnight_is_a_datetime(seed_analysis: Analysis) -> None:
    ceasefire = find(seed_analysis, "yet another attempt for ceasefire")
    assert [(t.text, t.value, t.kind) for t in ceasefire.times] == [("midnight October 18", "2020-10-18T00:00", "datetime")]


def test_seed_year_on_the_unattributed_assertion(seed_analysis: Analysis) -> None:
    enclave = [u for u in seed_analysis.unattributed if "since it declared independence" in u.content.text]
    assert len(enclave) == 1
    assert [(t.text, t.value, t.kind) for t in enclave[0].times] == [("1991", "1991", "date")]


def test_seed_duration_and_fuzzy_days(seed_analysis: Analysis) -> None:
    months = time(seed_analysis, "three months")
    assert (months.value, months.kind) == ("P3M", "duration")
    recent = time(seed_analysis, "recent days")
    assert (recent.value, recent.kind, recent.approximate) == ("2020-10-11/2020-10-20", "interval", True)
    ago = time(seed_analysis, "A few days ago")
    assert (ago.value, ago.approximate) == ("2020-10-11/2020-10-18", True)


def test_seed_has_no_statement_dates_inside_contents(seed_analysis: Analysis) -> None:
    for a in seed_analysis.attributions:
        assert a.said_on is None or not (a.content.start <= a.said_on.start < a.content.end)


# --- invented articles ------------------------------------------------------------------


def said_on(analysis: Analysis) -> list[tuple[str, str | None]]:
    return [(a.said_on.text, a.said_on.value) for a in analysis.attributions if a.said_on is not None]


def test_statement_date_is_kept_apart_from_dates_in_the_content() -> None:
    result = analyze("Mayor Lena Ortiz said on Monday that the bridge would reopen in May.")
    a = find(result, "that the bridge would reopen in May")
    assert a.said_on is not None
    assert (a.said_on.text, a.said_on.value, a.said_on.kind) == ("Monday", "2021-03-08", "date")
    assert [(t.text, t.value) for t in a.times] == [("May", "2021-05")]


def test_told_reporters_with_a_bare_weekday() -> None:
    result = analyze("Harbour chief Tomas Vell told reporters Tuesday that the ferry sank last year.")
    assert said_on(result) == [("Tuesday", "2021-03-09")]
    assert (time(result, "last year").value, time(result, "last year").kind) == ("2020", "date")


def test_no_statement_date_when_none_is_given() -> None:
    result = analyze("Ida Rask said the talks had failed on Monday.")
    assert said_on(result) == []
    assert time(result, "Monday").value == "2021-03-08"


def test_future_weekday_falls_after_the_publication_date() -> None:
    result = analyze("Ida Rask said on Monday that the talks will resume on Friday.")
    assert time(result, "Friday").value == "2021-03-12"
    assert said_on(result) == [("Monday", "2021-03-08")]


def test_relative_dates_intervals_and_durations() -> None:
    result = analyze(
        "Tomas Vell said the ferry sank two days ago. He said boats had left in recent days, "
        "a few days ago and since 2015. He said the strike lasted three months."
    )
    assert (time(result, "two days ago").value, time(result, "two days ago").kind) == ("2021-03-08", "date")
    recent = time(result, "recent days")
    assert (recent.value, recent.kind, recent.approximate) == ("2021-03-01/2021-03-10", "interval", True)
    assert time(result, "a few days ago").approximate is True
    since = time(result, "since 2015")
    assert (since.value, since.kind) == ("2015/2021-03-10", "interval")
    assert (time(result, "three months").value, time(result, "three months").kind) == ("P3M", "duration")


def test_date_and_clock_time_join() -> None:
    result = analyze("Ida Rask said ten people died yesterday at 3 pm and that the gates shut at noon on Friday.")
    assert (time(result, "yesterday at 3 pm").value, time(result, "yesterday at 3 pm").kind) == ("2021-03-09T15:00", "datetime")
    assert time(result, "noon on Friday").value == "2021-03-05T12:00"


def test_a_time_of_day_in_words_is_a_time_and_its_numbers_no_quantity() -> None:
    result = analyze("Ferry captain Ola Brun said the engine stopped at ten past eight and the tugs came at a quarter to ten, "
                     "and that five to ten boats were out.")
    assert time(result, "ten past eight").value == "08:10" and time(result, "a quarter to ten").value == "09:45"
    (claim,) = result.attributions
    assert [(q.text, q.low, q.high) for q in claim.quantities] == [("five to ten", 5, 10)]  # a range, not 09:55


def test_a_rate_is_not_a_time() -> None:
    result = analyze("Mayor Lena Ortiz said 5,000 cars a day would cross the bridge.")
    assert [t.text for c in result.attributions for t in c.times] == []


def test_without_publication_date_relative_expressions_stay_unresolved() -> None:
    result = analyze("Ida Rask said the ferry sank on October 10 in 1998.", published=None)
    assert (time(result, "October 10").value, time(result, "October 10").kind) == (None, "date")
    assert time(result, "1998").value == "1998"


# --- the pure resolver ------------------------------------------------------------------

SEED_DAY = date(2020, 10, 20)  # a Tuesday


@pytest.mark.parametrize(
    "text, value, kind, approximate",
    [
        ("October 10", "2020-10-10", "date", False),
        ("on October 10", "2020-10-10", "date", False),
        ("10 October 2019", "2019-10-10", "date", False),
        ("Oct. 10", "2020-10-10", "date", False),
        ("Sept 3", "2020-09-03", "date", False),
        ("October 2019", "2019-10", "date", False),
        ("early October", "2020-10", "date", True),
        ("1991", "1991", "date", False),
        ("2020-10-18", "2020-10-18", "date", False),
        ("on Monday", "2020-10-19", "date", False),
        ("Tuesday", "2020-10-20", "date", False),
        ("last Tuesday", "2020-10-13", "date", False),
        ("next Friday", "2020-10-23", "date", False),
        ("Monday night", "2020-10-19", "date", False),
        ("yesterday", "2020-10-19", "date", False),
        ("today", "2020-10-20", "date", False),
        ("tomorrow", "2020-10-21", "date", False),
        ("last year", "2019", "date", False),
        ("this year", "2020", "date", False),
        ("earlier this year", "2020", "date", True),
        ("next year", "2021", "date", False),
        ("last month", "2020-09", "date", False),
        ("last week", "2020-W42", "date", False),
        ("three days ago", "2020-10-17", "date", False),
        ("two months ago", "2020-08", "date", False),
        ("two years ago", "2018", "date", False),
        ("midnight October 18", "2020-10-18T00:00", "datetime", False),
        ("October 18 at 3 pm", "2020-10-18T15:00", "datetime", False),
        ("3 pm", "15:00", "time", False),
        ("15:00 GMT", "15:00Z", "time", False),
        ("since 1991", "1991/2020-10-20", "interval", False),
        ("since Monday", "2020-10-19/2020-10-20", "interval", False),
        ("from 2015 to 2018", "2015/2018", "interval", False),
        ("between May and July", "2020-05/2020-07", "interval", False),
        ("October 10-12", "2020-10-10/2020-10-12", "interval", False),
        ("the 1990s", "1990/1999", "interval", False),
        ("the past three months", "2020-07-20/2020-10-20", "interval", False),
        ("last weekend", "2020-10-17/2020-10-18", "interval", False),
        ("recent days", "2020-10-11/2020-10-20", "interval", True),
        ("a few days ago", "2020-10-11/2020-10-18", "interval", True),
        ("three months", "P3M", "duration", False),
        ("48 hours", "PT48H", "duration", False),
        ("a decade", "P10Y", "duration", False),
        ("more than 20 years", "P20Y", "duration", True),
        ("at least five years", "P5Y", "duration", True),
        ("one to two years", None, "duration", True),
        ("over the weekend", "2020-10-17/2020-10-18", "interval", False),
        ("the coming weeks", "2020-10-20/2020-12-22", "interval", True),
        ("every day", "R/P1D", "recurring", False),
        ("quarterly", "R/P3M", "recurring", False),
        ("years", None, "fuzzy", True),
        ("this morning", "2020-10-20", "date", False),
        ("late last month", "2020-09", "date", True),
        ("early next year", "2021", "date", True),
        ("the end of last year", "2019", "date", True),
        ("two weeks ago", "2020-W41", "date", False),
        ("48 hours ago", "2020-10-18", "date", False),
        ("from March to June 2019", "2019-03/2019-06", "interval", False),
        ("between December 20 and January 2", "2020-12-20/2021-01-02", "interval", False),
        ("two and a half years", "P2Y6M", "duration", False),
        ("half an hour", "PT30M", "duration", False),
        ("a year and a half", "P1Y6M", "duration", False),
        ("1.5 hours", "PT1H30M", "duration", False),
        ("between three and five years", None, "duration", True),
        ("every year", "R/P1Y", "recurring", False),
        ("last summer", "2020-06/2020-08", "interval", True),
        ("last fall", "2019-09/2019-11", "interval", True),
        ("this winter", "2020-12/2021-02", "interval", True),
        ("the spring of 2020", "2020-03/2020-05", "interval", True),
        ("the second quarter of 2020", "2020-04/2020-06", "interval", False),
        ("the third quarter", "2020-07/2020-09", "interval", False),
        ("Q4 2019", "2019-10/2019-12", "interval", False),
        ("the first half of 2022", "2022-01/2022-06", "interval", False),
        ("the second half of last year", "2019-07/2019-12", "interval", False),
        ("the fall of Kabul", None, None, False),
    ],
)
def test_resolve_time(text, value, kind, approximate) -> None:
    reading = resolve_time(text, SEED_DAY)
    assert (reading.value, reading.kind, reading.approximate) == (value, kind, approximate)


@pytest.mark.parametrize(
    "amount, unit, value",
    [(3, "month", "P3M"), (48, "hour", "PT48H"), (2, "decade", "P20Y"), (2.5, "year", "P2Y6M"), (0.5, "hour", "PT30M"), (1.5, "day", "P1DT12H"), (1.5, "week", "P10DT12H"), (1.5, "month", "P1.5M")],
)
def test_iso_duration(amount, unit, value) -> None:
    assert iso_duration(amount, unit) == value


def test_last_and_next_winter_around_the_turn_of_the_year() -> None:
    """A winter runs from December to February: in January, the last one to have ended began
    two Decembers before, and the next to begin starts in December."""
    assert resolve_time("last winter", date(2016, 1, 20)).value == "2014-12/2015-02"
    assert resolve_time("next winter", date(2016, 1, 20)).value == "2016-12/2017-02"
    assert resolve_time("last winter", date(2016, 12, 20)).value == "2015-12/2016-02"


def test_past_hint_keeps_month_days_and_months_on_or_before_the_anchor() -> None:
    anchor = date(2022, 1, 3)
    assert resolve_time("Jan. 6", anchor).value == "2022-01-06"
    assert resolve_time("Jan. 6", anchor, past=True).value == "2021-01-06"
    assert resolve_time("January", anchor, past=True).value == "2022-01"  # the month has begun
    assert resolve_time("March", date(2021, 3, 10), past=True).value == "2021-03"
    assert nearest_year(1, 6, anchor, past=True) == 2021


def test_past_tense_sentences_put_month_days_before_publication() -> None:
    result = analyze("Ida Rask said rioters stormed the hall on March 12 and that the vote was due on March 14.")
    assert time(result, "March 12").value == "2020-03-12"
    assert time(result, "March 14").value == "2021-03-14"  # "was due" says nothing of when


def test_year_ranges_the_ner_splits_are_one_interval() -> None:
    result = analyze("Ida Rask said the trial ran from 2009 to 2011.")
    assert [(t.text, t.value, t.kind) for c in result.attributions for t in c.times] == [
        ("from 2009 to 2011", "2009/2011", "interval")
    ]


def test_lengths_after_for_and_every_are_found() -> None:
    result = analyze("Ida Rask said the ceasefire held for a year and that the ferry sails every day.")
    assert (time(result, "a year").value, time(result, "a year").kind) == ("P1Y", "duration")
    assert time(result, "every day").value == "R/P1D"


def test_counts_and_verbs_are_not_times() -> None:
    result = analyze("Ida Rask said a quarter of the staff may leave and two and a half million tourists came.")
    assert [t.text for c in result.attributions for t in c.times] == []


def test_future_hint_moves_weekdays_and_month_days_ahead() -> None:
    assert resolve_time("Monday", SEED_DAY, future=True).value == "2020-10-26"
    assert resolve_time("May 1", SEED_DAY).value == "2020-05-01"
    assert resolve_time("May 1", SEED_DAY, future=True).value == "2021-05-01"


@pytest.mark.parametrize(
    "month, day, anchor, year",
    [
        (10, 10, date(2020, 10, 20), 2020),
        (12, 25, date(2021, 3, 10), 2020),
        (3, 15, date(2021, 3, 10), 2021),
        (1, 5, date(2020, 12, 20), 2021),
        (6, 20, date(2020, 12, 20), 2020),
    ],
)
def test_nearest_year_prefers_the_recent_past(month, day, anchor, year) -> None:
    assert nearest_year(month, day, anchor) == year


def test_time_phrases_find_what_the_ner_misses() -> None:
    text = "He said on Monday, three days ago, since 1991 and last week that May 5 and 5 May 2019 were today."
    assert [text[s:e] for s, e in time_phrases(text)] == [
        "May 5",
        "5 May 2019",
        "Monday",
        "today",
        "last week",
        "three days ago",
        "since 1991",
    ]


def test_a_day_word_inside_a_name_is_no_date() -> None:
    from sayso.analyze.time_values import time_phrases

    text = "Harbor Today said the ferry sails today. Today it sailed."
    found = [text[a:b] for a, b in time_phrases(text)]
    assert found == ["today", "Today"]
