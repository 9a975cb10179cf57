"""Numbers inside a claim, with the value they state.

A first pass on spaCy's CARDINAL, MONEY, QUANTITY and PERCENT mentions: digits with thousands
separators, number words and scale words ("10 million") become a value; the wording of bounds
("at least", "more than") is kept in the text for later stages to read.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Quantity, Span

_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_CURRENCIES = {"$": "USD", "us dollars": "USD", "dollars": "USD", "€": "EUR", "euros": "EUR", "£": "GBP", "pounds": "GBP"}


def number_value(text: str) -> float | None:
    """The number a phrase states: "4,000" → 4000, "ten" → 10, "10 million" → 10000000."""
    lowered = text.lower()
    value: float | None = None
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group(0).replace(",", ""))
    else:
        words = [w for w in re.findall(r"[a-z]+", lowered) if w in _WORDS]
        if words:
            value = float(_WORDS[words[0]])
    scale = next((s for w, s in _SCALES.items() if re.search(rf"\b{w}\b", lowered)), None)
    if scale is not None:
        value = (value or 1.0) * scale
    return value


def _unit(text: str, label: str) -> str | None:
    lowered = text.lower()
    if label == "PERCENT" or "%" in text or "percent" in lowered:
        return "percent"
    return next((code for sign, code in _CURRENCIES.items() if sign in lowered), None)


def quantities_in(doc: Doc, span: Span) -> list[Quantity]:
    found = []
    for ent in doc.ents:
        if ent.label_ in _LABELS and span.start <= ent.start_char and ent.end_char <= span.end:
            found.append(
                Quantity(ent.text, ent.start_char, ent.end_char, number_value(ent.text), _unit(ent.text, ent.label_))
            )
    return found
