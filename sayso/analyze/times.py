"""Dates and times inside a claim, and the date a statement itself was made.

Expressions come from spaCy's DATE and TIME mentions joined with the forms it tends to miss
(weekdays, "three days ago", "since 1991"); ``time_values`` resolves each against the
article's publication date. A sentence that looks ahead ("will meet on Friday") moves an
ambiguous weekday or month-day after that date. "Said on Monday" is not part of what was
said: ``statement_date`` reads it off the cue verb, outside the content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span, TimeExpression
from .ner_mentions import ner_mentions
from .spans import doc_text
from .time_values import WEEKDAYS, anchor_date, resolve_time, time_phrases

_LABELS = frozenset({"DATE", "TIME"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "would"})
# "1800 US Dollars a month": a rate belongs to its quantity, it is not a date.
_RATE = re.compile(r"^(?:a|an|per)\s+(?:day|week|month|year|hour|minute)$", re.I)
_STATEMENT_LINKS = frozenset({"prep", "npadvmod", "advmod", "tmod", "nmod", "pobj"})


def _joins(previous: str, gap: str) -> bool:
    """"yesterday at 3 pm", "noon on Monday", "Sunday, March 7" are one expression; "2019, 2020" two."""
    return gap.lower() in (" ", " at ", " on ") or (gap == ", " and previous.lower().split()[-1] in WEEKDAYS)


def _extents(doc: Doc, span: Span) -> list[tuple[int, int]]:
    """NER date mentions and missed forms inside ``span``; overlapping or adjacent ones joined, "since" kept in front."""
    text = doc_text(doc)
    found = [(e.start_char, e.end_char) for e in ner_mentions(doc) if e.label_ in _LABELS]
    found += [(span.start + s, span.start + e) for s, e in time_phrases(text[span.start : span.end])]
    found = sorted((s, e) for s, e in found if span.start <= s and e <= span.end)
    joined: list[tuple[int, int]] = []
    for start, end in found:
        if joined and (start < joined[-1][1] or _joins(text[joined[-1][0] : joined[-1][1]], text[joined[-1][1] : start])):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    extents = []
    for start, end in joined:
        before = text[span.start : start]
        if before.lower().endswith("since "):
            start -= len("since ")
        if not _RATE.match(text[start:end]):
            extents.append((start, end))
    return extents


def _looks_ahead(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb governing the expression is future ("will", "would" in reported speech)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token: Token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in token.children)


def _expression(doc: Doc, start: int, end: int, published: str | None, future: bool) -> TimeExpression:
    text = doc_text(doc)[start:end]
    reading = resolve_time(text, anchor_date(published), future)
    return TimeExpression(text, start, end, reading.value, reading.kind, reading.approximate)


def times_in(doc: Doc, span: Span, published: str | None) -> list[TimeExpression]:
    """Every date or time expression in ``span``, resolved against the publication date."""
    return [
        _expression(doc, start, end, published, _looks_ahead(doc, start, end))
        for start, end in _extents(doc, span)
    ]


def _date_mention(token: Token) -> tuple[int, int] | None:
    """The DATE or TIME mention a token stands in, or a weekday the NER missed."""
    if token.ent_type_ in _LABELS:
        ent = next(e for e in ner_mentions(token.doc) if e.start <= token.i < e.end)
        return ent.start_char, ent.end_char
    whole = any(e - s == len(token.text) for s, e in time_phrases(token.text))
    return (token.idx, token.idx + len(token.text)) if whole else None


def statement_date(doc: Doc, verb: Token, content: Span, published: str | None) -> TimeExpression | None:
    """When a statement was made ("said on Monday", "told reporters Tuesday"), read off its cue verb.

    Only the verb's own time modifiers count, and only outside the content: a date inside
    what was said belongs to the claim.
    """
    frontier = [c for c in verb.children if c.dep_ in _STATEMENT_LINKS]
    while frontier:
        token = frontier.pop(0)
        if content.start <= token.idx < content.end:
            continue
        extent = _date_mention(token)
        if extent is not None:
            return _expression(doc, extent[0], extent[1], published, future=False)
        frontier += [c for c in token.children if c.dep_ in _STATEMENT_LINKS]
    return None
