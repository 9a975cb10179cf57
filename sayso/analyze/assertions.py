"""What the article states in its own voice: sentences no attribution covers.

Their origin is the author (byline) or, failing that, the outlet or wire agency. Questions,
fragments without a verb and very short lines are not claims.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Assertion, Attribution
from .spans import char_span, doc_text


def _covered(start: int, end: int, attributions: list[Attribution]) -> bool:
    for a in attributions:
        parts = [a.content] + ([a.cue] if a.cue else []) + ([a.speaker] if a.speaker else [])
        if any(p.start < end and start < p.end for p in parts):
            return True
    return False


def unattributed_assertions(doc: Doc, article: Article, attributions: list[Attribution]) -> list[Assertion]:
    origin = article.byline or article.outlet or article.agency
    found = []
    for sent in doc.sents:
        span = char_span(doc_text(doc), sent.start_char, sent.end_char)
        if span is None or span.text.endswith("?") or len([t for t in sent if t.is_alpha]) < 4:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        if _covered(span.start, span.end, attributions):
            continue
        found.append(Assertion(content=span, origin=origin))
    return found
