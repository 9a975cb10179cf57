"""Datelines and agency credits that frame a wire story's body.

"New Delhi: ...", "MILLBROOK (AP) — ..." and a closing "(UNI)" say where a story
was filed and which agency supplied it. They are metadata, so they come off the
body and into the article's ``dateline`` and ``agency`` fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACE = r"[A-Z][\w.'’\-]+(?:,? [A-Z][\w.'’\-]*){0,4}"
_DAY = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})"
_AGENCY = r"[A-Z][A-Za-z]{1,14}(?:[/ ][A-Z][A-Za-z]{1,14}){0,2}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})(?:, (?P<day>{_DAY}))?(?: ?\((?P<agency>{_AGENCY})\))?"
    r"(?:\s*(?P<sep>:|—|–|--|-)\s+|(?<=\))\s+)(?=\S)"
)
_TRAILING_AGENCY = re.compile(rf"(?:(?<=[.!?\"'”’])\s*|^)\((?P<agency>{_AGENCY})\)\s*$")
# Lead-ins that look like "Place:" but are labels.
_NOT_PLACES = frozenset(
    {
        "also read", "breaking", "correction", "editor's note", "note", "photo",
        "read", "update", "updated", "video", "watch",
    }
)


@dataclass
class Wire:
    paragraphs: list[str]
    dateline: str | None = None
    agency: str | None = None


def split_wire(paragraphs: list[str]) -> Wire:
    """Strip a leading dateline and a closing agency tag from a story's paragraphs."""
    wire = Wire(list(paragraphs))
    if not wire.paragraphs:
        return wire
    match = _DATELINE.match(wire.paragraphs[0])
    if match and _is_dateline(match):
        wire.dateline = match["place"]
        wire.agency = match["agency"]
        wire.paragraphs[0] = wire.paragraphs[0][match.end() :]
    tag = _TRAILING_AGENCY.search(wire.paragraphs[-1])
    if tag:
        wire.agency = wire.agency or tag["agency"]
        last = wire.paragraphs[-1][: tag.start()].rstrip()
        wire.paragraphs[-1:] = [last] if last else []
    return wire


def _is_dateline(match: re.Match[str]) -> bool:
    """Dash datelines need a wire mark (agency, date or CAPS place) to be told from prose."""
    if match["place"].lower() in _NOT_PLACES:
        return False
    if match["agency"] or match["day"] or match["sep"] == ":":
        return True
    return match["place"].isupper()
