"""Dates as news sources write them, turned into ISO dates.

Only the calendar date is kept: a time with a zone such as "IST" or "ET"
cannot be mapped to UTC reliably, and the date as printed is what a reader saw.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_DATE = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>[a-z]{3,9})\.?,?\s+(?P<y2>\d{4})"
    r"|(?P<mon3>[a-z]{3,9})\.?\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{4}))"
    r"(?!\d)",
    re.IGNORECASE,
)


def _iso(match: re.Match[str]) -> str | None:
    """The ISO form of one match, or None when it names no real day (e.g. "Monday 31 June 2020")."""
    g = match.groupdict()
    try:
        if g["y1"]:
            day = date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        else:
            month_name = (g["mon2"] or g["mon3"]).lower()
            if month_name not in _MONTHS:
                return None
            day = date(int(g["y2"] or g["y3"]), _MONTHS[month_name], int(g["d2"] or g["d3"]))
    except ValueError:
        return None
    return day.isoformat()


def parse_date(text: str) -> str | None:
    """The first real date written anywhere in ``text``, as "YYYY-MM-DD"."""
    for match in _DATE.finditer(text):
        if iso := _iso(match):
            return iso
    return None


def leading_date(text: str) -> tuple[str, str] | None:
    """The date ``text`` starts with and the rest of the text after it, or None."""
    match = _DATE.match(text)
    if match is None or (iso := _iso(match)) is None:
        return None
    return iso, text[match.end() :]
