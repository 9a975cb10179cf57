"""Attributions the page's layout marks rather than its grammar.

Three shapes the parser cannot see, common on news pages and annotated as attributions in
PolNeAR:

- a speaker label opening a line — a transcript's "PENCE: Gennifer Flowers will not …" or a
  headline's "Poll: Wealthy voters abandon …": the label is the source, the colon the cue;
- a signed quote — "“…” ― Carla Sanchez": the dash is the cue, the name after it the source;
- a lead-in — "Limbaugh added:" ending a line, the next line holding what he said.

A dateline ("New Delhi: …"), a page label ("Read more: …") or an interview's "Q:" is not a
speaker, and neither is a label holding a verb ("What it means: …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from ..model import Span
from .quotes import Quote
from .spans import char_span, doc_text

_LABEL = re.compile(r"^[ \t\"“'‘]*(?P<label>[^\n:\"“”]{1,40}?)[ \t]*(?P<colon>:)[ \t]+(?P<content>\S[^\n]*)$", re.M)
_SIGNATURE = re.compile(r"[^\S\n]*(?P<dash>[―—–]|--?)[^\S\n]*(?P<name>[^\n,.;()]{2,60}?)[^\S\n]*[,.;(\n]")
_PAGE_LABELS = frozenset(
    """
    update updated note editor read more related photo photos video watch listen correction
    clarification advertisement sponsored click warning breaking exclusive opinion analysis
    review interview podcast live quiz chart map graphic timeline factbox explainer background
    context why what how who when where q a question answer transcript disclaimer caption credit
    image file see contact email tags topics share follow via posted published date subject from
    to cc sent source sources filed location tweet spoiler
    """.split()
)
# Common nouns a headline or chart credits as the teller: "Poll: …", "Report: …".
_SOURCE_NOUNS = frozenset({"poll", "polls", "survey", "study", "report", "audit", "officials", "police", "sources", "experts", "witnesses"})
_NOT_SPEAKERS = frozenset({"GPE", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "FAC"})
_MIN_CONTENT_WORDS = 3
_LEAD_IN = r"[ \t]*:[ \t]*\n\s*"  # a colon ending the line, then the line break(s)


@dataclass(frozen=True)
class LaidOut:
    """One attribution the layout shows: who (tokens of the name), the mark, and the words."""

    speaker: DocSpan
    cue: Span
    content: Span
    verbatim: bool  # a transcript line or a quotation: the speaker's own words


def _speaker(doc: Doc, start: int, end: int) -> DocSpan | None:
    """The tokens of a short name or source noun, or None when the words are not a speaker's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not 1 <= len(span) <= 4:
        return None
    words = [t for t in span if not t.is_punct]
    if not words or words[0].lower_ in _PAGE_LABELS or any(t.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP", "SCONJ") for t in words):
        return None
    if any(t.ent_type_ in _NOT_SPEAKERS for t in words):
        return None
    if span.root.lower_ in _SOURCE_NOUNS:
        return span
    if not all(t.text[:1].isupper() for t in words if t.is_alpha):
        return None
    # A name, or one capitalised word: the parser tags a lone "Sanders" in a headline as a noun.
    return span if len(words) == 1 or any(t.pos_ == "PROPN" or t.text.isupper() for t in words) else None


def speaker_labels(doc: Doc) -> list[LaidOut]:
    """Lines that open with a speaker's label and a colon."""
    text = doc_text(doc)
    found = []
    for line in _LABEL.finditer(text):
        content_text = line["content"].rstrip().rstrip("\"”")
        if len(content_text.split()) < _MIN_CONTENT_WORDS:
            continue
        speaker = _speaker(doc, line.start("label"), line.end("label"))
        content = char_span(text, line.start("content"), line.start("content") + len(content_text))
        if speaker is None or content is None:
            continue
        cue = Span(":", line.start("colon"), line.end("colon"))
        label = line["label"].strip()
        found.append(LaidOut(speaker, cue, content, verbatim=label.isupper() or content_text[:1] in "\"“"))
    return found


def signature(doc: Doc, quote: Quote) -> LaidOut | None:
    """"“…” ― Carla Sanchez": a quotation signed with a dash and a name, the end of its line."""
    text = doc_text(doc)
    signed = _SIGNATURE.match(text + "\n", quote.outer_end)
    if signed is None or "\n" in text[quote.outer_end : signed.start("dash")]:
        return None
    speaker = _speaker(doc, signed.start("name"), signed.end("name"))
    if speaker is None:
        return None
    content = Span(text[quote.outer_start : quote.outer_end], quote.outer_start, quote.outer_end)
    return LaidOut(speaker, Span(signed["dash"], signed.start("dash"), signed.end("dash")), content, verbatim=True)


def lead_in(text: str, end: int) -> Span | None:
    """The line after a cue that ends its own line with a colon ("Limbaugh added:"), if any."""
    after = re.match(_LEAD_IN + r"(?P<line>\S[^\n]*)", text[end:])
    if after is None:
        return None
    start = end + after.start("line")
    return char_span(text, start, start + len(after["line"].rstrip()))


def is_lead_in(gap: str) -> bool:
    """Whether the text between a cue and what follows is a colon and a line break."""
    return re.fullmatch(_LEAD_IN, gap) is not None
