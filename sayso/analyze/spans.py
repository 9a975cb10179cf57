"""Turning parse-tree pieces into exact character spans of the article."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import Span
from .ner_mentions import ner_mentions

_EDGE_PUNCT = set(" \t\r\n,;:—-")
_PHRASE_CUTS = frozenset({"relcl", "acl", "advcl"})


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds ``Doc.text`` from its tokens on every access."""
    text = doc.user_data.get("sayso_text")
    if text is None:
        text = doc.user_data["sayso_text"] = doc.text
    return text


def lower_case_words(doc: Doc) -> frozenset[str]:
    """The words the article writes in lower case somewhere ("young", "speech"): written
    capitalised too, they are more likely a common word than part of a name."""
    return frozenset(t.text for t in doc if t.is_lower)


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that begin inside [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def char_span(text: str, start: int, end: int, strip_final_period: bool = False) -> Span | None:
    """The span ``text[start:end]`` with edge spaces and separators trimmed; None when empty."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or (strip_final_period and text[end - 1] == ".")):
        end -= 1
    if end <= start:
        return None
    return Span(text[start:end], start, end)


def within(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` lies wholly in ``outer`` (or is the same span)."""
    return outer.start <= inner.start and inner.end <= outer.end


def nested_in(inner: Span, outer: Span) -> bool:
    """Whether ``inner`` lies in ``outer`` and is not the same span: a claim reported inside another."""
    return within(inner, outer) and (inner.start, inner.end) != (outer.start, outer.end)


def token_range_span(doc: Doc, tokens: Iterable[Token], **kwargs: bool) -> Span | None:
    tokens = list(tokens)
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return char_span(doc_text(doc), start, end, **kwargs)


def with_the(token: Token) -> bool:
    """Whether a noun has "the" for determiner ("the Germans", "the senator"): one in view, not any."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def is_definite_description(token: Token) -> bool:
    """A noun with "the", "this" or "that" heading a phrase of its own, no one's ("the senator",
    "the drug company"): one in view, not a modifier of another noun nor "his company"."""
    if token.dep_ in ("compound", "amod") or any(c.dep_ == "poss" for c in token.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def noun_phrase(token: Token) -> Span | None:
    """The phrase a noun heads, without the relative clauses and asides hanging off its right."""
    cache = token.doc.user_data.setdefault("sayso_phrases", {})
    if token.i not in cache:
        cache[token.i] = _noun_phrase(token)
    return cache[token.i]


def _noun_phrase(token: Token) -> Span | None:
    doc = token.doc
    cut = {
        t.i
        for child in token.rights
        if child.dep_ in _PHRASE_CUTS
        for t in child.subtree
    }
    tokens = [t for t in token.subtree if t.i not in cut]
    # Stop at the first gap the cut left, so an aside never drags in what follows it.
    run = [tokens[0]]
    for t in tokens[1:]:
        if t.i != run[-1].i + 1:
            break
        run.append(t)
    for ent in ner_mentions(doc):  # doc.ents would build the tuple anew for every phrase
        if run[0].i <= ent.start <= run[-1].i < ent.end - 1:
            run = list(doc[run[0].i : ent.end])  # a name the parser split stays whole
    if run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].text == ")" and any(t.text == "(" for t in run):
        run.append(doc[run[-1].i + 1])
    while run and run[-1].dep_ == "punct" and run[-1].text not in ")":
        run.pop()
    return token_range_span(doc, run)
