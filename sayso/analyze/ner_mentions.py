"""The NER mentions of a parsed article, built once per document."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan


def ner_mentions(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, kept: spaCy rebuilds the tuple on every access, costly once per claim."""
    ents = doc.user_data.get("sayso_ents")
    if ents is None:
        ents = doc.user_data["sayso_ents"] = tuple(doc.ents)
    return ents
