"""The lines above a story's body: headline, date line and byline.

Plain-text articles (and the first paragraphs of some web pages) carry their
metadata as free-standing lines such as "Last Modified Tuesday, 20 October 2020
(16:12 IST)" or ":-Ramesh Bhan"; they must not end up in the body, where they
would read as claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sayso.ingest.dates import leading_date

MAX_HEADLINE_WORDS = 20

_DATE_LABEL = re.compile(
    r"(?:(?:last\s+)?(?:modified|updated)|(?:first\s+)?published|posted|dated?)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
# What may follow the date on a date line: a time, a zone, separators.
_TIME_TAIL = re.compile(
    r"(?:T(?=\d))?[\s,|()\d:.+\-–]*(?:(?:at|[AaPp]\.?[Mm]\.?|[A-Z]{2,5})\b[\s,|()\d:.+\-–]*)*"
)
_BYLINE = re.compile(
    r"(?::-\s*|(?:written\s+)?by\s+|(?:author|byline)\s*:\s*)(?P<name>\S.*)", re.IGNORECASE
)
# Lower-case words allowed inside a name ("Lotte van der Berg and Sam Okafor").
_NAME_PARTICLES = frozenset(
    {"and", "&", "al", "bin", "da", "de", "del", "der", "di", "el", "la", "le", "of", "van", "von"}
)


@dataclass
class Header:
    title: str | None = None
    published: str | None = None
    byline: str | None = None


def split_header(lines: list[str], *, find_title: bool = True) -> tuple[Header, list[str]]:
    """Take the header lines off the top of ``lines``; return what they say and the rest.

    With ``find_title`` the first line is taken as the headline when it looks like one.
    """
    header = Header()
    i = _skip_blank(lines, 0)
    if find_title and _is_headline(lines, i):
        header.title = lines[i].strip()
        i += 1
    while i < len(lines):
        line = lines[i].strip()
        if line and header.published is None and (published := date_line(line)):
            header.published = published
        elif line and header.byline is None and (byline := byline_line(line)):
            header.byline = byline
        elif line:
            break
        i += 1
    return header, lines[i:]


def date_line(line: str) -> str | None:
    """The ISO date of a line that holds nothing but a (labelled) date and time."""
    label = _DATE_LABEL.match(line)
    found = leading_date(line[label.end() :] if label else line)
    if found is None or not _TIME_TAIL.fullmatch(found[1]):
        return None
    return found[0]


def byline_line(line: str) -> str | None:
    """The author named by a byline such as "By Jane Doe" or ":-Ramesh Bhan"."""
    match = _BYLINE.fullmatch(line)
    if match is None:
        return None
    name = match["name"].strip()
    words = name.replace(",", " ").split()
    if len(words) > 8 or (name.endswith(".") and len(words[-1]) > 2):
        return None
    if not all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return None
    return name


def _is_headline(lines: list[str], i: int) -> bool:
    """A short first line without a final period, set off by a blank line or a date line or byline."""
    if i + 1 >= len(lines) or not any(line.strip() for line in lines[i + 1 :]):
        return False
    line, after = lines[i].strip(), lines[i + 1].strip()
    if len(line.split()) > MAX_HEADLINE_WORDS or line.endswith((".", ",", ";", ":")):
        return False
    if date_line(line) or byline_line(line):
        return False
    return not after or bool(date_line(after) or byline_line(after))


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i
