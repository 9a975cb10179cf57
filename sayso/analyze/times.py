"""Dates and times inside a claim, normalised to ISO 8601 where the text allows.

Anchored on the article's publication date: "October 10" in a story of 2020-10-20 is
2020-10-10, a bare year is that year. Relative expressions ("last week") keep their text and
no value until a later stage resolves them.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ..model import Span, TimeExpression

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTH_DAY = re.compile(r"\b(" + "|".join(_MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.I)
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")(?:,?\s+(\d{4}))?\b", re.I)
_YEAR = re.compile(r"^(?:in\s+|since\s+)?(\d{4})$", re.I)


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def normalise_date(text: str, published: str | None) -> str | None:
    """ISO date for an absolute or month-day expression; None when it needs more context."""
    anchor = _anchor(published)
    if m := _MONTH_DAY.search(text):
        month, day, year = _MONTHS[m.group(1).lower()], int(m.group(2)), m.group(3)
    elif m := _DAY_MONTH.search(text):
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], m.group(3)
    elif m := _YEAR.match(text.strip()):
        return m.group(1)
    else:
        return None
    if year is None:
        if anchor is None:
            return None
        guess = date(anchor.year, month, 1)
        year = anchor.year - 1 if guess > anchor and (guess.month - anchor.month) > 6 else anchor.year
    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None


def times_in(doc: Doc, span: Span, published: str | None) -> list[TimeExpression]:
    return [
        TimeExpression(ent.text, ent.start_char, ent.end_char, normalise_date(ent.text, published))
        for ent in doc.ents
        if ent.label_ in ("DATE", "TIME") and span.start <= ent.start_char and ent.end_char <= span.end
    ]
