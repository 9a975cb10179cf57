"""Turning news wording for dates and times into ISO 8601, anchored on the publication date.

Pure text functions, no parse: ``resolve_time("last year", date(2020, 10, 20))`` is "2019".
A story speaks from its publication date, so relative words ("on Monday", "three days ago")
count back from it; a month and day with no year take the year that puts them nearest to it,
the past weighing half as much as the future, since news mostly reports what has happened.
``time_phrases`` finds the expressions the NER tends to miss; ``times`` joins the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..model import TimeKind
from .number_values import number_value

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
Lean = Literal["past", "future"] | None  # which side of the anchor the sentence's tense points to
_MONTH_ABBREVIATIONS = {m[:3]: n for m, n in _MONTHS.items()} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "Y", "century": "Y"}
_UNIT_FACTOR = {"decade": 10, "century": 100}
_CLOCK_UNITS = frozenset({"second", "minute", "hour"})

_MONTH = r"(?:" + "|".join(list(_MONTHS) + [f"{m}\\.?" for m in sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)]) + r")"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_UNIT = r"(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
_COUNT = r"(an?|\d+|[a-z]+(?:-[a-z]+)?)"

_MONTH_DAY = re.compile(rf"\b({_MONTH})\s+{_DAY}(?:,?\s+(\d{{4}}))?(?!\d)")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?({_MONTH})(?:,?\s+(\d{{4}}))?\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})(?:,?\s+(?:of\s+)?(\d{{4}}))?\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
_DECADE = re.compile(r"\b(1\d|20)(\d)0s\b")
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\b\.?|p\.?m\b\.?)|\b(\d{1,2}):(\d{2})\b|\b(midnight|noon|midday)\b")
_HOUR_WORD = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MINUTES_BEFORE = r"(?:(?:a\s+)?quarter|(?:\d{1,2}|five|ten|twenty(?:-five)?)\s+minutes)"
_MINUTES_PAST = rf"(?:{_MINUTES_BEFORE}|half|\d{{1,2}}|five|ten|twenty(?:-five)?)"
# "ten past eight", "a quarter to seven", "half past nine p.m.", "eight o'clock": a time of day in
# words. Before the hour only a quarter or minutes said as such: "five to ten" is a range.
_WORD_CLOCK = re.compile(
    rf"\b(?:({_MINUTES_PAST})\s+(past)\s+({_HOUR_WORD})|({_MINUTES_BEFORE})\s+(to)\s+({_HOUR_WORD})|({_HOUR_WORD})\s+o['’]clock)"
    r"(?:\s+(?:in\s+the\s+)?(a\.?m\b\.?|p\.?m\b\.?|morning|evening|afternoon|night))?",
    re.I,
)
_MINUTES = {"quarter": 15, "half": 30}
_ZONE = re.compile(r"\b(?:gmt|utc)\b")
_WEEKDAY_WORD = re.compile(rf"\b(last|next|this|past|coming)?\s*({_WEEKDAY})\b")
_AGO = re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b|\b(a\s+few|several|some)\s+{_UNIT}\s+ago\b|\b{_UNIT}\s+ago\b")
_RECENT = re.compile(rf"\b(?:recent|the\s+(?:past|last)\s+(?:few|several))\s+{_UNIT}\b")
_PAST_SPAN = re.compile(rf"\b(?:the\s+)?(?:past|last|previous)\s+{_COUNT}\s+{_UNIT}\b")
_NEXT_SPAN = re.compile(rf"\b(?:the\s+)?(?:next|coming)\s+{_COUNT}\s+{_UNIT}\b")
_RELATIVE_PERIOD = re.compile(r"\b(earlier|later)?\s*(last|this|next|past|previous|coming|the)\s+(week|weekend|month|year)\b")
_COMING = re.compile(rf"\b(?:the\s+)?(?:coming|next\s+few|next\s+several)\s+{_UNIT}\b")
_DURATION = re.compile(rf"^(?:for\s+|over\s+|within\s+|the\s+)?{_COUNT}[\s-]+{_UNIT}(?:[\s-]+(?:long|old))?$")
_VAGUE_DURATION = re.compile(rf"^(?:for\s+|over\s+)?(?:(?:a\s+few|several|some|many)\s+)?{_UNIT}$")
_RECURRING = re.compile(r"^(?:every|each)\s+(day|week|month|quarter|year)$|^(daily|weekly|monthly|quarterly|yearly|annually|annual)$")
_PERIODS = {"day": "P1D", "week": "P1W", "month": "P1M", "quarter": "P3M", "year": "P1Y"}
_FREQUENCY_WORDS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year", "annual": "year"}
# Bounds on a length of time make it approximate: "more than 20 years", "nearly two decades".
_DURATION_BOUND = re.compile(
    r"^(?:more|less|fewer|longer|shorter)\s+than\s+|^(?:at\s+least|at\s+most|about|around|almost|nearly|over|under|some|roughly|up\s+to)\s+"
)
_DURATION_RANGE = re.compile(rf"^(?:for\s+|between\s+|from\s+)?{_COUNT}\s*(?:to|or|and|-|–)\s*{_COUNT}[\s-]+{_UNIT}$")
# Halves and decimals: "half an hour", "two and a half years", "a year and a half", "1.5 hours"
_HALF_DURATION = re.compile(
    rf"^(?:for\s+|over\s+|within\s+)?(?:(half)\s+an?\s+{_UNIT}|{_COUNT}\s+and\s+an?\s+(half)\s+{_UNIT}"
    rf"|an?\s+{_UNIT}\s+and\s+an?\s+(half)|(\d+\.\d+)[\s-]+{_UNIT})$"
)
_SMALLER_UNIT = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}
# Parts of a year: seasons (northern meteorological: spring is March to May), quarters, halves
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_RELATIVE_YEAR = r"(?:(\d{4})|(last|this|next)\s+year|the\s+year)"
# "fall" is a season only with a word that makes it one: "last fall", "the fall of 2019"
_FALL = r"(?:(?:(?<=the\s)|(?<=last\s)|(?<=this\s)|(?<=next\s))fall(?!\s+of\s+(?!\d))|fall(?=\s+(?:of\s+)?\d{4}))"
_SEASON = re.compile(
    rf"\b(?:(last|this|next|past|coming)\s+)?(spring|summer|autumn|winter|{_FALL})(?:\s+(?:of\s+)?{_RELATIVE_YEAR})?\b"
)
_QUARTER = re.compile(
    rf"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|q([1-4]))(?:\s+(?:of\s+)?{_RELATIVE_YEAR})?\b"
)
_HALF_YEAR = re.compile(rf"\b(first|second)\s+half(?:\s+of\s+{_RELATIVE_YEAR})?\b")
_QUARTER_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_TIME_OF_DAY = re.compile(r"\bthis\s+(?:morning|afternoon|evening)\b")
_SINCE = re.compile(r"^since\s+(.+)$")
_RANGE = re.compile(r"^(?:from\s+|between\s+)?(.+?)\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*(.+)$")
_DAY_RANGE = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})\s*(?:-|–|to)\s*(\d{{1,2}})(?:,?\s+(\d{{4}}))?$")
_PART_OF_MONTH = re.compile(r"\b(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\b")

# Month and weekday names as written, capitalised: "they may 5" or "march 5 miles" are no dates.
_MONTH_NAME = r"(?-i:" + "|".join(
    [m.capitalize() for m in _MONTHS] + [rf"{m.capitalize()}\.?" for m in sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)]
) + r")"
_WEEKDAY_NAME = r"(?-i:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
_RELATIVE_DAY = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|last\s+night)\b", re.I)
_FINDERS = [
    _WORD_CLOCK,
    re.compile(rf"\b(?:since\s+)?(?:(?:midnight|noon)\s+)?{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b(?:last|next|this)?\s*{_WEEKDAY_NAME}(?:\s+(?:morning|afternoon|evening|night))?\b", re.I),
    _RELATIVE_DAY,
    re.compile(r"\b(?:last|this|next)\s+(?:week|weekend|month|year)\b", re.I),
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.I),
    re.compile(rf"\bsince\s+(?:{_MONTH_NAME}\s+)?\d{{4}}\b", re.I),
    re.compile(r"\b(?:from\s+(?:1[89]|20)\d\d\s+(?:to|until|through)|between\s+(?:1[89]|20)\d\d\s+and)\s+(?:1[89]|20)\d\d\b", re.I),
    re.compile(r"\b(?:every|each)\s+(?:day|week|month|quarter|year)\b", re.I),
    re.compile(
        r"(?<=\bfor\s)(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\s+few|several|many)"
        rf"(?:\s+and\s+a\s+half)?\s+{_UNIT}\b",
        re.I,
    ),
]


@dataclass(frozen=True)
class TimeReading:
    """What a time expression resolves to: an ISO 8601 value (or None), its shape, whether it is rough."""

    value: str | None
    kind: TimeKind | None
    approximate: bool = False


def anchor_date(published: str | None) -> date | None:
    """The publication date as a date, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_NAME_BEFORE = re.compile(r"\b[A-Z][\w.&'-]*[ \t]+$")


def in_a_name(text: str, start: int, word: str) -> bool:
    """"Russia Today", "USA Today": a capitalised day word after a capitalised word names something
    ("In July" does not: only today, tonight, yesterday and tomorrow are read so)."""
    return (
        word[:1].isupper()
        and _RELATIVE_DAY.fullmatch(word) is not None
        and _NAME_BEFORE.search(text[max(0, start - 40) : start]) is not None
    )


def time_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of date expressions the NER often misses: weekdays, "3 days ago", "since 1991"."""
    for finder in _FINDERS:
        for match in finder.finditer(text):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            if in_a_name(text, start, match.group(0).strip()):
                continue
            yield start, match.end()


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _back(anchor: date, count: int, unit: str) -> date:
    """``count`` units before the anchor (a negative count goes forward); hours count in whole days."""
    count *= _UNIT_FACTOR.get(unit, 1)
    if unit in ("day", "week"):
        return anchor - timedelta(days=count * (7 if unit == "week" else 1))
    if unit == "hour":
        return anchor - timedelta(days=int(count / 24))
    if unit == "month":
        return _shift_months(anchor, -count)
    if unit in ("year", "decade", "century"):
        return _shift_months(anchor, -12 * count)
    return anchor


def _at_precision(day: date, unit: str, weeks: bool = False) -> str:
    """A date written only as precisely as the unit it was counted in: "two months ago" is a
    month, and with ``weeks`` "two weeks ago" an ISO week."""
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit in ("year", "decade", "century"):
        return f"{day.year:04d}"
    if unit == "week" and weeks:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _count(word: str) -> int | None:
    if word in ("a", "an"):
        return 1
    value = number_value(word)
    return int(value) if value is not None and float(value).is_integer() else None


def nearest_year(month: int, day: int, anchor: date, future: bool = False, past: bool = False) -> int:
    """The year that puts a month and day nearest the anchor; the unhinted side counts double.

    ``past`` (the sentence is in the past tense: "stormed the hall on Jan. 6") rules out a
    date after the anchor.
    """

    def cost(year: int) -> float:
        try:
            gap = (date(year, month, day) - anchor).days
        except ValueError:
            return float("inf")
        ahead = gap > 0
        if ahead and past:
            return float("inf")
        return abs(gap) * (2 if ahead != future else 1)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def _weekday(name: str, modifier: str | None, anchor: date, lean: Lean) -> date:
    target = WEEKDAYS[name]
    if modifier in ("next", "coming") or (lean == "future" and modifier != "last"):
        return anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - target) % 7
    if modifier in ("last", "past") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBREVIATIONS[word]


def _word_clock(match: re.Match[str]) -> tuple[int, int] | None:
    """Hour and minute of "ten past eight" (08:10), "a quarter to seven" (06:45), "eight o'clock"."""
    past, _, past_hour, before, to, before_hour, whole, part = match.groups()
    minutes, hour_text = (past, past_hour) if past else (before, before_hour)
    hour = number_value(hour_text or whole)
    if hour is None or not 1 <= hour <= 12:
        return None
    minute = 0
    if minutes is not None:
        amount = next(w for w in minutes.lower().split() if w not in ("a", "minutes"))
        minute = _MINUTES.get(amount) or int(number_value(amount) or 0)
        if not 0 < minute < 60:
            return None
        if to:
            hour, minute = hour - 1 or 12, 60 - minute
    part = (part or "").lower()
    later = part.startswith("p") or part in ("afternoon", "evening") or (part == "night" and hour >= 6)
    if later:
        return int(hour) % 12 + 12, minute
    return (12 if hour == 12 and not part else int(hour) % 12), minute  # "12 o'clock" is noon


def _clock(text: str) -> tuple[str | None, str]:
    """The time of day a phrase names ("midnight" → 00:00, "3 pm" → 15:00, "ten past eight" →
    08:10) and the phrase without it."""
    worded = _WORD_CLOCK.search(text)
    if worded is not None and (read := _word_clock(worded)) is not None:
        rest = text[: worded.start()] + text[worded.end() :]
        return f"{read[0]:02d}:{read[1]:02d}", rest
    match = _CLOCK.search(text)
    if match is None:
        return None, text
    if match.group(6):
        hour, minute = {"midnight": 0, "noon": 12, "midday": 12}[match.group(6)], 0
    elif match.group(3):
        hour, minute = int(match.group(1)) % 12, int(match.group(2) or 0)
        if match.group(3).startswith("p"):
            hour += 12
    else:
        hour, minute = int(match.group(4)), int(match.group(5))
    if hour > 23 or minute > 59:
        return None, text
    rest = text[: match.start()] + text[match.end() :]
    zone = "Z" if _ZONE.search(rest) else ""
    return f"{hour:02d}:{minute:02d}{zone}", _ZONE.sub("", rest)


def _year_of(month: int, day: int, anchor: date | None, lean: Lean) -> int | None:
    """The year a month and day without one fall in, given the tense hint."""
    if anchor is None:
        return None
    return nearest_year(month, day, anchor, lean == "future", lean == "past")


def _calendar_date(text: str, anchor: date | None, lean: Lean) -> TimeReading | None:
    """Dates named on the calendar: "October 10", "10 October 2019", "October 2019", "1991"."""
    if m := _ISO_DATE.search(text):
        return TimeReading(m.group(0), "date")
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if m := pattern.search(text):
            month, day = _month_number(m.group(month_group)), int(m.group(day_group))
            year = int(m.group(3)) if m.group(3) else _year_of(month, day, anchor, lean)
            if year is None:
                return TimeReading(None, "date")
            try:
                return TimeReading(date(year, month, day).isoformat(), "date")
            except ValueError:
                return TimeReading(None, "date")
    if m := _DECADE.search(text):
        start = int(m.group(1) + m.group(2) + "0")
        return TimeReading(f"{start}/{start + 9}", "interval")
    if m := _MONTH_YEAR.search(text):
        month = _month_number(m.group(1))
        rough = _PART_OF_MONTH.search(text) is not None
        # a month in the past tense has begun by the anchor; otherwise its middle is weighed
        year = m.group(2) or _year_of(month, 1 if lean == "past" else 15, anchor, lean)
        return TimeReading(None if year is None else f"{year}-{month:02d}", "date", rough)
    if m := _YEAR.search(text):
        return TimeReading(m.group(1), "date", _PART_OF_MONTH.search(text) is not None)
    return None


def _named_year(match: re.Match[str], explicit: int, relative: int, anchor: date | None) -> int | None:
    """The year a part of a year is "of": "2020", "last year", "the year" (the anchor's)."""
    if match.group(explicit):
        return int(match.group(explicit))
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get(match.group(relative) or "this", 0)


def _months_span(year: int, first: int, months: int) -> str:
    """"2020-06/2020-08": ``months`` months from ``first`` of ``year``, across a new year if need be."""
    end = _shift_months(date(year, first, 1), months - 1)
    return f"{year:04d}-{first:02d}/{end.year:04d}-{end.month:02d}"


def _part_of_year(text: str, anchor: date | None, lean: Lean) -> TimeReading | None:
    """Seasons, quarters and halves of a year as month intervals: "the second quarter of 2020"
    → 2020-04/2020-06, "last summer" → the summer most recently over (approximate: a season's
    edges are loose)."""
    for pattern, season in ((_SEASON, True), (_QUARTER, False), (_HALF_YEAR, False)):
        if (m := pattern.search(text)) is None:
            continue
        if season:
            first, months, modifier, groups = _SEASONS[m.group(2)], 3, m.group(1), (3, 4)
        elif pattern is _QUARTER:
            number = _QUARTER_NUMBERS.get(m.group(1) or "") or int(m.group(2))
            first, months, modifier, groups = 3 * number - 2, 3, None, (3, 4)
        else:
            first, months, modifier, groups = (1 if m.group(1) == "first" else 7), 6, None, (2, 3)
        year = _named_year(m, *groups, anchor) if m.group(groups[0]) or m.group(groups[1]) or "the year" in m.group(0) else None
        if year is None and anchor is None:
            return TimeReading(None, "interval", season)
        if year is None:
            year = _season_year(first, months, modifier, anchor, lean)
        return TimeReading(_months_span(year, first, months), "interval", season)
    return None


def _season_year(first: int, months: int, modifier: str | None, anchor: date, lean: Lean) -> int:
    """The year a part of a year named without one begins in: "last" the latest one over by the
    anchor, "next" the first to begin after it, "this" the one whose start is nearest, none the
    nearest by its middle, leaning as the sentence does."""
    years = range(anchor.year - 2, anchor.year + 3)  # "last winter" in January ended the year before last began

    def start(year: int) -> date:
        return date(year, first, 1)

    def end(year: int) -> date:
        return _shift_months(start(year), months) - timedelta(days=1)

    if modifier in ("last", "past"):
        return max(y for y in years if end(y) < anchor)
    if modifier in ("next", "coming"):
        return min(y for y in years if start(y) > anchor)
    if modifier == "this":
        return min(years, key=lambda y: abs((start(y) - anchor).days))
    middle = _shift_months(start(anchor.year), months // 2)
    return nearest_year(middle.month, 15, anchor, lean == "future", lean == "past") - (middle.year - anchor.year)


def _relative_date(text: str, anchor: date, lean: Lean) -> TimeReading | None:
    """Dates counted from the anchor: "yesterday", "on Monday", "last year", "three days ago"."""
    for word, days in (("day before yesterday", -2), ("yesterday", -1), ("last night", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
        if re.search(rf"\b{word}\b", text):
            return TimeReading((anchor + timedelta(days=days)).isoformat(), "date")
    if _TIME_OF_DAY.search(text):
        return TimeReading(anchor.isoformat(), "date")
    if m := _WEEKDAY_WORD.search(text):
        return TimeReading(_weekday(m.group(2), m.group(1), anchor, lean).isoformat(), "date")
    if m := _AGO.search(text):
        unit = _unit(m.group(2) or m.group(4) or m.group(5))
        count = _count(m.group(1)) if m.group(1) else None
        if count is not None:
            return TimeReading(_at_precision(_back(anchor, count, unit), unit, weeks=True), "date")
        return TimeReading(f"{_at_precision(_back(anchor, 9, unit), unit)}/{_at_precision(_back(anchor, 2, unit), unit)}", "interval", True)
    if m := _RECENT.search(text):
        unit = _unit(m.group(1))
        return TimeReading(f"{_at_precision(_back(anchor, 9, unit), unit)}/{anchor.isoformat()}", "interval", True)
    for pattern, sign in ((_PAST_SPAN, 1), (_NEXT_SPAN, -1)):
        if (m := pattern.search(text)) and (count := _count(m.group(1))) is not None:
            unit = _unit(m.group(2))
            ends = sorted((anchor, _back(anchor, sign * count, unit)))
            return TimeReading(f"{ends[0].isoformat()}/{ends[1].isoformat()}", "interval")
    if m := _COMING.search(text):
        unit = _unit(m.group(1))
        return TimeReading(f"{anchor.isoformat()}/{_at_precision(_back(anchor, -9, unit), unit)}", "interval", True)
    if m := _RELATIVE_PERIOD.search(text):
        which = m.group(2)
        if which == "the":  # "over the weekend": the one just past, or ahead when the sentence looks ahead
            if m.group(3) != "weekend":
                return None
            which = "this" if lean == "future" or anchor.weekday() >= 5 else "last"
        rough = m.group(1) is not None or _PART_OF_MONTH.search(text) is not None  # "earlier this year", "late last month"
        return _period(which, m.group(3), anchor, rough)
    return None


def _period(which: str, unit: str, anchor: date, rough: bool) -> TimeReading:
    """"last week" is the ISO week before the anchor's, "this year" its year, "last weekend" a Saturday–Sunday."""
    step = {"last": 1, "past": 1, "previous": 1, "this": 0, "next": -1, "coming": -1}[which]
    if unit == "weekend":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        in_weekend = anchor.weekday() >= 5
        saturday += timedelta(days=7 * ((step == 0 and not in_weekend) - (step == 1 and in_weekend) + (step == -1)))
        return TimeReading(f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "interval", rough)
    return TimeReading(_at_precision(_back(anchor, step, unit), unit, weeks=True), "date", rough)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def iso_duration(amount: float, unit: str) -> str:
    """ISO 8601 for a length of time: (3, "month") → P3M, (48, "hour") → PT48H; a half goes down
    to the next unit when it divides evenly: (2.5, "year") → P2Y6M, (0.5, "hour") → PT30M."""
    amount *= _UNIT_FACTOR.get(unit, 1)
    unit = "year" if unit in _UNIT_FACTOR else unit
    if unit == "week" and not float(amount).is_integer():
        amount, unit = amount * 7, "day"
    parts = {unit: amount}
    smaller = _SMALLER_UNIT.get(unit)
    if smaller and not float(amount).is_integer() and float(rest := (amount % 1) * smaller[1]).is_integer():
        parts = {unit: int(amount), smaller[0]: rest}
    dated = "".join(f"{_number(n)}{_UNITS[u]}" for u, n in parts.items() if n and u not in _CLOCK_UNITS)
    clocked = "".join(f"{_number(n)}{_UNITS[u]}" for u, n in parts.items() if n and u in _CLOCK_UNITS)
    return "P" + dated + (f"T{clocked}" if clocked else "")


def _half_duration(text: str) -> str | None:
    """ISO 8601 for "half an hour", "two and a half years", "a year and a half", "1.5 hours"."""
    m = _HALF_DURATION.match(text)
    if m is None:
        return None
    if m.group(1):  # half an hour
        return iso_duration(0.5, _unit(m.group(2)))
    if m.group(4):  # two and a half years
        count = _count(m.group(3))
        return None if count is None else iso_duration(count + 0.5, _unit(m.group(5)))
    if m.group(7):  # a year and a half
        return iso_duration(1.5, _unit(m.group(6)))
    return iso_duration(float(m.group(8)), _unit(m.group(9)))


def _duration(text: str) -> TimeReading | None:
    """Lengths of time: "three months" → P3M, "48 hours" → PT48H; "for years" has no value."""
    bound = _DURATION_BOUND.match(text)
    body = text[bound.end() :] if bound else text
    if m := _DURATION.match(body):
        count = _count(m.group(1))
        if count is not None:
            return TimeReading(iso_duration(count, _unit(m.group(2))), "duration", bound is not None)
    if (value := _half_duration(body)) is not None:
        return TimeReading(value, "duration", bound is not None)
    if _DURATION_RANGE.match(body):
        return TimeReading(None, "duration", True)
    if _VAGUE_DURATION.match(body):
        return TimeReading(None, "fuzzy", True)
    return None


def _recurring(text: str) -> TimeReading | None:
    if m := _RECURRING.match(text):
        unit = m.group(1) or _FREQUENCY_WORDS[m.group(2)]
        return TimeReading(f"R/{_PERIODS[unit]}", "recurring")
    return None


def _point(text: str, anchor: date | None, lean: Lean) -> TimeReading | None:
    """One date, date-time or time of day (not an interval)."""
    clock, rest = _clock(text)
    rest = " ".join(rest.split())
    day = _part_of_year(rest, anchor, lean) or _calendar_date(rest, anchor, lean)
    if day is None and anchor is not None:
        day = _relative_date(rest, anchor, lean)
    if clock is None:
        return day
    if day is None or day.value is None or day.kind != "date" or len(day.value) != 10:
        return TimeReading(clock, "time") if day is None else day
    return TimeReading(f"{day.value}T{clock}", "datetime", day.approximate)


def _ends(first_text: str, last_text: str, anchor: date | None, lean: Lean) -> tuple[TimeReading | None, TimeReading | None]:
    """Both ends of a range; a year written once at the end serves both ("from March to June
    2019"), and an end without a year that would come before the start moves a year on."""
    year = re.search(r"\b(\d{4})$", last_text)
    if year and not re.search(r"\d{4}", first_text) and re.search(rf"\b{_MONTH}", first_text):
        first_text = f"{first_text} {year.group(1)}"
    first, last = _point(first_text, anchor, lean), _point(last_text, anchor, lean)
    if first and last and first.value and last.value and last.value < first.value and year is None:
        if first.kind == last.kind == "date" and re.match(r"^\d{4}-\d{2}", last.value):
            last = TimeReading(f"{int(last.value[:4]) + 1}{last.value[4:]}", last.kind, last.approximate)
    return first, last


def _interval(text: str, anchor: date | None, lean: Lean) -> TimeReading | None:
    """"since 1991", "from 2015 to 2018", "October 10-12": two ends joined by a slash."""
    if m := _SINCE.match(text):
        start = _point(m.group(1), anchor, "past")
        if start is None:
            return None
        if start.value is None or anchor is None:
            return TimeReading(None, "interval", start.approximate)
        return TimeReading(f"{start.value.split('/')[0]}/{anchor.isoformat()}", "interval", start.approximate)
    if m := _DAY_RANGE.match(text):
        month = _month_number(m.group(1))
        first, last = int(m.group(2)), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else _year_of(month, first, anchor, lean)
        if year is None:
            return TimeReading(None, "interval")
        try:
            return TimeReading(f"{date(year, month, first).isoformat()}/{date(year, month, last).isoformat()}", "interval")
        except ValueError:
            return TimeReading(None, "interval")
    if m := _RANGE.match(text):
        first, last = _ends(m.group(1), m.group(2), anchor, lean)
        if first is not None and last is not None and first.value and last.value:
            return TimeReading(f"{first.value}/{last.value}", "interval", first.approximate or last.approximate)
    return None


def reads_as_time(text: str) -> bool:
    """Whether a phrase reads as a date or time at all (any anchor will do to tell)."""
    return resolve_time(text, date(2000, 1, 1)).kind is not None


def resolve_time(text: str, anchor: date | None, future: bool = False, past: bool = False) -> TimeReading:
    """ISO 8601 for a date or time expression, read from ``anchor`` (the publication date).

    ``future`` says the sentence looks ahead ("will meet on Friday"), so an ambiguous weekday
    or month-day falls after the anchor rather than before it; ``past`` says it is in the past
    tense ("stormed the hall on Jan. 6"), so a month-day or month does not fall after it.
    """
    lean: Lean = "future" if future else "past" if past else None
    lowered = " ".join(text.lower().replace("’", "'").split())
    lowered = re.sub(r"^(?:on|in|by|during|of|from|at(?!\s+(?:least|most)\b))\s+", "", lowered)
    for step in (_recurring, _duration):
        if (reading := step(lowered)) is not None:
            return reading
    reading = _interval(lowered, anchor, lean) or _point(lowered, anchor, lean)
    return reading or TimeReading(None, None)
