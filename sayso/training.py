"""Train the attribution tagger on PolNeAR train (``sayso train``).

The gold annotations become BIO labels over spaCy tokens, the features are the ones the
tagger uses at run time (``sayso/analyze/features.py``, with the rule-based extractor's
labels among them), and CRFsuite fits the model with L-BFGS and elastic-net regularisation;
L1 keeps the model small enough to commit.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from .analyze.attributions import draft_attributions
from .analyze.language import load_pipeline
from .analyze.tagger import MODEL_PATH, role_labels, sequence_features
from .evaluate.polnear import GoldDocument


@dataclass
class TrainingReport:
    articles: int
    sequences: int
    tokens: int
    seconds_parsing: float
    seconds_training: float
    model: Path
    model_bytes: int


def gold_labels(doc: Doc, document: GoldDocument) -> list[str]:
    """BIO labels for the gold fragments; contents first so nested cues and sources show through."""
    spans = [
        (role.upper(), fragment.start, fragment.end)
        for role in ("content", "source", "cue")
        for attribution in document.attributions
        for fragment in attribution.role(role)
    ]
    return role_labels(doc, spans)


def sequences(documents: Sequence[GoldDocument]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Feature and label sequences, one per paragraph of every article."""
    nlp = load_pipeline()
    for document, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=16)):
        labels = gold_labels(doc, document)
        for para, feats in sequence_features(doc, draft_attributions(doc)):
            yield feats, labels[para.start : para.end]


def train_tagger(
    articles: Sequence[GoldDocument],
    output: Path = MODEL_PATH,
    c1: float = 4.0,
    c2: float = 0.01,
    max_iterations: int = 150,
    min_frequency: int = 3,
    progress: Callable[[str], None] | None = None,
) -> TrainingReport:
    say = progress or (lambda message: None)
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.perf_counter()
    count = tokens = 0
    for feats, labels in sequences(articles):
        trainer.append(feats, labels)
        count += 1
        tokens += len(labels)
    parsed = time.perf_counter()
    say(f"{len(articles)} articles, {count} paragraphs, {tokens} tokens parsed in {parsed - started:.0f}s; training")
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": max_iterations, "feature.possible_transitions": True, "feature.minfreq": min_frequency}
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    done = time.perf_counter()
    return TrainingReport(len(articles), count, tokens, parsed - started, done - parsed, output, output.stat().st_size)
