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
from .number_values import quantity_phrases
from .time_values import WEEKDAYS, Lean, anchor_date, in_a_name, reads_as_time, resolve_time, time_phrases

_LABELS = frozenset({"DATE", "TIME"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "would"})
_TIMELESS_VERBS = frozenset({"be", "schedule", "set", "plan", "expect", "slate", "due", "intend", "aim", "hope", "agree", "promise", "vow", "pledge", "say"})
# "1800 US Dollars a month": a rate belongs to its quantity, it is not a date.
_RATE = re.compile(r"^(?:a|an|per)\s+(?:day|week|month|year|hour|minute)$", re.I)
# ... unless a preposition makes it a length of time: "held for a year", "within a week"
_LENGTH_BEFORE = re.compile(r"\b(?:for|within|in|over|after|than|least|most|about|nearly|almost|around|lasted|took|spent)\s+$", re.I)
_RANGE_GAPS = frozenset({" to ", "-", "–", " - ", " – ", " until ", " till ", " through "})
_RANGE_INSIDE = re.compile(r"\s(?:to|and|until|till|through)\s|\d\s?[-–]\s?\d", re.I)
_VERB_MONTHS = re.compile(r"(?-i:\b(?:may|march)\b)")
_CAPITAL_WORD = re.compile(r"\b[A-Z]")
_STATEMENT_LINKS = frozenset({"prep", "npadvmod", "advmod", "tmod", "nmod", "pobj"})


def _joins(previous: str, gap: str, before: str) -> bool:
    """"yesterday at 3 pm", "noon on Monday", "Sunday, March 7" are one expression; "2019, 2020" two.
    Two ends of a range are one too: "from 2009 to 2011", "between 2010 and 2014", "2015-2018"."""
    gap = gap.lower()
    if gap in (" ", " at ", " on ") or (gap == ", " and previous.lower().split()[-1] in WEEKDAYS):
        return True
    return gap in _RANGE_GAPS or (gap == " and " and before.lower().endswith("between "))


def _not_a_time(mention: str) -> bool:
    """A DATE mention that is a count, not a time ("two and a half million", "A quarter" of the
    staff), or holds a month only as a lower-case verb ("prices may fall")."""
    if _VERB_MONTHS.search(mention) and not _CAPITAL_WORD.search(mention) and not any(c.isdigit() for c in mention):
        return True
    if reads_as_time(mention):
        return False
    return any(e - s == len(mention) for s, e in quantity_phrases(mention))


def _extents(doc: Doc, span: Span) -> list[tuple[int, int]]:
    """NER date mentions and missed forms inside ``span``; overlapping or adjacent ones joined, "since" kept in front."""
    text = doc_text(doc)
    found = [
        (e.start_char, e.end_char)
        for e in ner_mentions(doc)
        if e.label_ in _LABELS and span.start <= e.start_char and e.end_char <= span.end and not _not_a_time(e.text)
        and not in_a_name(text, e.start_char, e.text)  # "Valdoria Today" names an outlet
    ]
    found += [(span.start + s, span.start + e) for s, e in time_phrases(text[span.start : span.end])]
    found = sorted((s, e) for s, e in found if span.start <= s and e <= span.end)
    joined: list[tuple[int, int]] = []
    for start, end in found:
        previous = joined[-1] if joined else None
        if previous and (start < previous[1] or _joins(text[previous[0] : previous[1]], text[previous[1] : start], text[span.start : previous[0]])):
            joined[-1] = (previous[0], max(end, previous[1]))
        else:
            joined.append((start, end))
    extents = []
    for start, end in joined:
        before = text[span.start : start].lower()
        if before.endswith("since "):
            start -= len("since ")
        elif before.endswith(("from ", "between ")) and _RANGE_INSIDE.search(text, start, end):
            start -= len("from " if before.endswith("from ") else "between ")  # "from 2009 to 2011"
        if not (_RATE.match(text[start:end]) and not _LENGTH_BEFORE.search(text, span.start, start)):
            extents.append((start, end))
    return extents


def _governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token: Token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _tense(doc: Doc, start: int, end: int) -> Lean:
    """Which side of the publication date the verb governing the expression points to: ahead
    ("will", "would" in reported speech), back (a past tense: "stormed", "was passed"), or
    neither. Being, planning and scheduling ("was due", "was set for") say nothing of when."""
    verb = _governing_verb(doc, start, end)
    if verb is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUXILIARIES for a in auxiliaries if a.dep_ == "aux"):
        return "future"
    if verb.lemma_.lower() in _TIMELESS_VERBS:
        return None
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxiliaries))
    return "past" if past else None


def _expression(doc: Doc, start: int, end: int, published: str | None, lean: Lean) -> TimeExpression:
    text = doc_text(doc)[start:end]
    reading = resolve_time(text, anchor_date(published), future=lean == "future", past=lean == "past")
    return TimeExpression(text, start, end, reading.value, reading.kind, reading.approximate)


def times_in(doc: Doc, span: Span, published: str | None) -> list[TimeExpression]:
    """Every date or time expression in ``span``, resolved against the publication date."""
    return [_expression(doc, start, end, published, _tense(doc, start, end)) for start, end in _extents(doc, span)]


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
            return _expression(doc, extent[0], extent[1], published, None)
        frontier += [c for c in token.children if c.dep_ in _STATEMENT_LINKS]
    return None
