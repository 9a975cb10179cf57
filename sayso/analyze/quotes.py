"""Find quoted passages by their marks, however the source typed them.

News text mixes curly quotes, straight quotes, doubled apostrophes ('' … '') and single
quotes, and scraping often leaves them unbalanced or mismatched (opened with ' and closed
with "). Working on characters, not tokens, keeps offsets exact and lets a quote run over
several sentences. Quotes never cross a paragraph break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Role = Literal["open", "close", "either"]

_MARK = re.compile(r"''|[\"“”„«»‘’']")
_OPENERS = {"“", "„", "«", "‘"}
_CLOSERS = {"”", "»", "’"}


@dataclass(frozen=True)
class Quote:
    """A quoted passage: ``start``/``end`` bound the words inside the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: Role


def _role(text: str, start: int, end: int) -> Role | None:
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in _OPENERS and mark != "‘":
        return "open"
    if mark in _CLOSERS and mark != "’":
        return "close"
    if mark in {"'", "‘", "’"}:
        # A single mark between letters is an apostrophe (Turkey's, don't); after a letter
        # and before a space it may be a plural possessive, so it only ever closes.
        if before.isalnum() and after.isalnum():
            return None
        if not before.isalnum() and after.isalpha() and (before.isspace() or before in "([—-"):
            return "open"
        if before.isalnum() or before in ".,!?;:":
            return "close"
        return None
    opens = before.isspace() or before in "([{—-:" or start == 0
    closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}—-" or end == len(text))
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _marks(text: str, offset: int) -> list[_Mark]:
    found = []
    for m in _MARK.finditer(text):
        role = _role(text, m.start(), m.end())
        if role is not None:
            found.append(_Mark(m.start() + offset, m.end() + offset, role))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\r\n,":
        end -= 1
    return start, end


def _paragraph_quotes(text: str, p_start: int, p_end: int) -> list[Quote]:
    marks = _marks(text[p_start:p_end], p_start)
    quotes: list[Quote] = []
    opened: _Mark | None = None
    last_end = p_start
    for mark in marks:
        if opened is None:
            if mark.role in ("open", "either"):
                opened = mark
                continue
            if text[mark.start] in "'’" and mark.end - mark.start == 1:
                continue  # a lone closing apostrophe is a possessive, not a quote
            # A closing mark with no opener: the quote began where the last one ended
            # (a scraped quote that lost its opening mark) or at the paragraph start.
            if quotes and quotes[-1].outer_end == last_end:
                prev = quotes.pop()
                start, end = _trim(text, prev.start, mark.start)
                quotes.append(Quote(start, end, prev.outer_start, mark.end))
            else:
                start, end = _trim(text, last_end, mark.start)
                if end > start:
                    quotes.append(Quote(start, end, start, mark.end))
            last_end = mark.end
            continue
        if mark.role in ("close", "either") and _matches(text, opened, mark):
            start, end = _trim(text, opened.end, mark.start)
            if end > start:
                quotes.append(Quote(start, end, opened.start, mark.end))
            last_end = mark.end
            opened = None
    if opened is not None:
        start, end = _trim(text, opened.end, p_end)
        if end - start > 1 and _is_quotation_start(text, opened):
            quotes.append(Quote(start, end, opened.start, p_end))
    return quotes


def _matches(text: str, opener: _Mark, closer: _Mark) -> bool:
    """Any closing mark ends a quote, except that a lone apostrophe can't end a double quote."""
    open_mark = text[opener.start : opener.end]
    close_mark = text[closer.start : closer.end]
    if close_mark in {"'", "’"} and open_mark not in {"'", "‘", "’"}:
        return False
    return True


def _is_quotation_start(text: str, opener: _Mark) -> bool:
    """An opener never closed runs to the paragraph end only if it starts a real quotation."""
    mark = text[opener.start : opener.end]
    return mark not in {"'", "‘"}


def find_quotes(text: str) -> list[Quote]:
    """Every quoted passage in ``text``, in order, with offsets into ``text``."""
    return list(_quotes(text))


# Five analysis steps read the quotes of one article (a pure function of its text): found once.
@lru_cache(maxsize=4)
def _quotes(text: str) -> tuple[Quote, ...]:
    quotes: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        quotes.extend(_paragraph_quotes(text, para.start(), para.end()))
    return tuple(quotes)


_SINGLE = {"'", "‘", "’"}


def inner_quotes(text: str, outer: Quote) -> list[Quote]:
    """Quotes inside a quote, marked the other way: 'single' marks inside "double" ones, or back."""
    outer_single = text[outer.outer_start : outer.outer_start + 1] in _SINGLE and text[outer.outer_start : outer.outer_start + 2] != "''"
    found: list[Quote] = []
    opened: _Mark | None = None
    for mark in _marks(text[outer.start : outer.end], outer.start):
        single = text[mark.start : mark.end] in _SINGLE
        if single == outer_single:
            continue
        if opened is None:
            if mark.role in ("open", "either"):
                opened = mark
        elif mark.role in ("close", "either"):
            start, end = _trim(text, opened.end, mark.start)
            if end > start:
                found.append(Quote(start, end, opened.start, mark.end))
            opened = None
    return found
