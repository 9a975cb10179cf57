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

from ..model import TimeKind
from .number_values import number_value

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
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
_DURATION_RANGE = re.compile(rf"^(?:for\s+)?{_COUNT}\s*(?:to|or|-|–)\s*{_COUNT}[\s-]+{_UNIT}$")
_SINCE = re.compile(r"^since\s+(.+)$")
_RANGE = re.compile(r"^(?:from\s+|between\s+)?(.+?)\s*(?:-|–|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*(.+)$")
_DAY_RANGE = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})\s*(?:-|–|to)\s*(\d{{1,2}})(?:,?\s+(\d{{4}}))?$")
_PART_OF_MONTH = re.compile(r"\b(early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\b")

# Month and weekday names as written, capitalised: "they may 5" or "march 5 miles" are no dates.
_MONTH_NAME = r"(?-i:" + "|".join(
    [m.capitalize() for m in _MONTHS] + [rf"{m.capitalize()}\.?" for m in sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)]
) + r")"
_WEEKDAY_NAME = r"(?-i:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")"
_FINDERS = [
    re.compile(rf"\b(?:since\s+)?(?:(?:midnight|noon)\s+)?{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME}(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b(?:last|next|this)?\s*{_WEEKDAY_NAME}(?:\s+(?:morning|afternoon|evening|night))?\b", re.I),
    re.compile(r"\b(?:today|yesterday|tomorrow|tonight|last\s+night)\b", re.I),
    re.compile(r"\b(?:last|this|next)\s+(?:week|weekend|month|year)\b", re.I),
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b", re.I),
    re.compile(rf"\bsince\s+(?:{_MONTH_NAME}\s+)?\d{{4}}\b", re.I),
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


def time_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of date expressions the NER often misses: weekdays, "3 days ago", "since 1991"."""
    for finder in _FINDERS:
        for match in finder.finditer(text):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
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
    """``count`` units before the anchor (a negative count goes forward)."""
    count *= _UNIT_FACTOR.get(unit, 1)
    if unit in ("day", "week"):
        return anchor - timedelta(days=count * (7 if unit == "week" else 1))
    if unit == "month":
        return _shift_months(anchor, -count)
    if unit in ("year", "decade", "century"):
        return _shift_months(anchor, -12 * count)
    return anchor


def _at_precision(day: date, unit: str) -> str:
    """A date written only as precisely as the unit it was counted in: "two months ago" is a month."""
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit in ("year", "decade", "century"):
        return f"{day.year:04d}"
    return day.isoformat()


def _unit(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _count(word: str) -> int | None:
    if word in ("a", "an"):
        return 1
    value = number_value(word)
    return int(value) if value is not None and float(value).is_integer() else None


def nearest_year(month: int, day: int, anchor: date, future: bool = False) -> int:
    """The year that puts a month and day nearest the anchor; the unhinted side counts double."""

    def cost(year: int) -> float:
        try:
            gap = (date(year, month, day) - anchor).days
        except ValueError:
            return float("inf")
        ahead = gap > 0
        return abs(gap) * (2 if ahead != future else 1)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=cost)


def _weekday(name: str, modifier: str | None, anchor: date, future: bool) -> date:
    target = WEEKDAYS[name]
    if modifier in ("next", "coming") or (future and modifier != "last"):
        return anchor + timedelta(days=(target - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - target) % 7
    if modifier in ("last", "past") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBREVIATIONS[word]


def _clock(text: str) -> tuple[str | None, str]:
    """The time of day a phrase names ("midnight" → 00:00, "3 pm" → 15:00) and the phrase without it."""
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


def _calendar_date(text: str, anchor: date | None, future: bool) -> TimeReading | None:
    """Dates named on the calendar: "October 10", "10 October 2019", "October 2019", "1991"."""
    if m := _ISO_DATE.search(text):
        return TimeReading(m.group(0), "date")
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if m := pattern.search(text):
            month, day = _month_number(m.group(month_group)), int(m.group(day_group))
            year = int(m.group(3)) if m.group(3) else None
            if year is None:
                if anchor is None:
                    return TimeReading(None, "date")
                year = nearest_year(month, day, anchor, future)
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
        if m.group(2):
            return TimeReading(f"{m.group(2)}-{month:02d}", "date", rough)
        if anchor is None:
            return TimeReading(None, "date", rough)
        return TimeReading(f"{nearest_year(month, 15, anchor, future)}-{month:02d}", "date", rough)
    if m := _YEAR.search(text):
        return TimeReading(m.group(1), "date", _PART_OF_MONTH.search(text) is not None)
    return None


def _relative_date(text: str, anchor: date, future: bool) -> TimeReading | None:
    """Dates counted from the anchor: "yesterday", "on Monday", "last year", "three days ago"."""
    for word, days in (("day before yesterday", -2), ("yesterday", -1), ("last night", -1), ("tomorrow", 1), ("today", 0), ("tonight", 0)):
        if re.search(rf"\b{word}\b", text):
            return TimeReading((anchor + timedelta(days=days)).isoformat(), "date")
    if m := _WEEKDAY_WORD.search(text):
        return TimeReading(_weekday(m.group(2), m.group(1), anchor, future).isoformat(), "date")
    if m := _AGO.search(text):
        unit = _unit(m.group(2) or m.group(4) or m.group(5))
        count = _count(m.group(1)) if m.group(1) else None
        if count is not None:
            return TimeReading(_at_precision(_back(anchor, count, unit), unit), "date")
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
            which = "this" if future or anchor.weekday() >= 5 else "last"
        return _period(which, m.group(3), anchor, rough=m.group(1) is not None)
    return None


def _period(which: str, unit: str, anchor: date, rough: bool) -> TimeReading:
    """"last week" is the ISO week before the anchor's, "this year" its year, "last weekend" a Saturday–Sunday."""
    step = {"last": 1, "past": 1, "previous": 1, "this": 0, "next": -1, "coming": -1}[which]
    if unit == "weekend":
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
        in_weekend = anchor.weekday() >= 5
        saturday += timedelta(days=7 * ((step == 0 and not in_weekend) - (step == 1 and in_weekend) + (step == -1)))
        return TimeReading(f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "interval", rough)
    day = _back(anchor, step, unit)
    if unit == "week":
        year, week, _ = day.isocalendar()
        return TimeReading(f"{year}-W{week:02d}", "date", rough)
    return TimeReading(_at_precision(day, unit), "date", rough)


def _duration(text: str) -> TimeReading | None:
    """Lengths of time: "three months" → P3M, "48 hours" → PT48H; "for years" has no value."""
    bound = _DURATION_BOUND.match(text)
    body = text[bound.end() :] if bound else text
    if m := _DURATION.match(body):
        count = _count(m.group(1))
        if count is not None:
            unit = _unit(m.group(2))
            prefix = "PT" if unit in _CLOCK_UNITS else "P"
            return TimeReading(f"{prefix}{count * _UNIT_FACTOR.get(unit, 1)}{_UNITS[unit]}", "duration", bound is not None)
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


def _point(text: str, anchor: date | None, future: bool) -> TimeReading | None:
    """One date, date-time or time of day (not an interval)."""
    clock, rest = _clock(text)
    rest = " ".join(rest.split())
    day = _calendar_date(rest, anchor, future)
    if day is None and anchor is not None:
        day = _relative_date(rest, anchor, future)
    if clock is None:
        return day
    if day is None or day.value is None or day.kind != "date" or len(day.value) != 10:
        return TimeReading(clock, "time") if day is None else day
    return TimeReading(f"{day.value}T{clock}", "datetime", day.approximate)


def _interval(text: str, anchor: date | None, future: bool) -> TimeReading | None:
    """"since 1991", "from 2015 to 2018", "October 10-12": two ends joined by a slash."""
    if m := _SINCE.match(text):
        start = _point(m.group(1), anchor, False)
        if start is None:
            return None
        if start.value is None or anchor is None:
            return TimeReading(None, "interval", start.approximate)
        return TimeReading(f"{start.value.split('/')[0]}/{anchor.isoformat()}", "interval", start.approximate)
    if m := _DAY_RANGE.match(text):
        month = _month_number(m.group(1))
        first, last = int(m.group(2)), int(m.group(3))
        year = int(m.group(4)) if m.group(4) else (nearest_year(month, first, anchor, future) if anchor else None)
        if year is None:
            return TimeReading(None, "interval")
        try:
            return TimeReading(f"{date(year, month, first).isoformat()}/{date(year, month, last).isoformat()}", "interval")
        except ValueError:
            return TimeReading(None, "interval")
    if m := _RANGE.match(text):
        first, last = _point(m.group(1), anchor, future), _point(m.group(2), anchor, future)
        if first is not None and last is not None and first.value and last.value:
            return TimeReading(f"{first.value}/{last.value}", "interval", first.approximate or last.approximate)
    return None


def resolve_time(text: str, anchor: date | None, future: bool = False) -> TimeReading:
    """ISO 8601 for a date or time expression, read from ``anchor`` (the publication date).

    ``future`` says the sentence looks ahead ("will meet on Friday"), so an ambiguous weekday
    or month-day falls after the anchor rather than before it.
    """
    lowered = " ".join(text.lower().replace("’", "'").split())
    lowered = re.sub(r"^(?:on|in|by|during|of|from|at(?!\s+(?:least|most)\b))\s+", "", lowered)
    for step in (_recurring, _duration):
        if (reading := step(lowered)) is not None:
            return reading
    reading = _interval(lowered, anchor, future) or _point(lowered, anchor, future)
    return reading or TimeReading(None, None)
