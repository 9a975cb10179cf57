"""Precision, recall and F1 of predicted attributions against gold, in the literature's metrics.

Scoring is per document on the full article text; corpus figures are micro-averages (the
counts of all documents are summed before dividing), so long articles weigh more.

**Role spans** (source, cue, content) are compared as contiguous chunks, as in BIO
sequence-tagging evaluation: each fragment of a discontinuous gold span is its own chunk,
whitespace at either end of a chunk is trimmed, and a role's chunks in one document form a set
(a span shared by two attributions counts once). Four criteria:

- ``exact``: a chunk matches when a chunk of the other side has the same boundaries;
- ``begin``: a chunk matches when a chunk of the other side starts at the same character;
- ``jaccard``: soft — each predicted chunk scores its best token-set Jaccard with a gold chunk
  (precision is the mean over predictions), each gold chunk its best Jaccard with a predicted
  one (recall is the mean over gold); tokens are runs of word characters and single
  punctuation marks, identified by their offsets;
- ``overlap``: a predicted chunk counts when it shares a character with any gold chunk, and
  recall is the fraction of gold chunks some prediction overlaps.

**Whole attributions** match when all three roles match: under ``overlap`` each role's chunks
must overlap, under ``exact`` each role must have the same set of chunks; a role missing on
both sides (typically the source) matches. Each gold attribution is matched at most once (a
maximum one-to-one matching), so precision and recall share one count.

With nothing predicted precision is 0; with no gold recall is 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Span
from .roles import ROLES, AttributionSpans

CRITERIA = ("exact", "begin", "jaccard", "overlap")
ATTRIBUTION_CRITERIA = ("overlap", "exact")

Chunk = tuple[int, int]

_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Tally:
    """The counts behind one precision/recall pair; matches are fractional under Jaccard."""

    predicted: int = 0
    gold: int = 0
    matched_predicted: float = 0.0
    matched_gold: float = 0.0

    def add(self, other: Tally) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched_predicted += other.matched_predicted
        self.matched_gold += other.matched_gold

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted": self.predicted,
            "gold": self.gold,
            "matched_predicted": self.matched_predicted,
            "matched_gold": self.matched_gold,
        }


@dataclass
class Counts:
    """True and false positives and false negatives of one yes/no question, and their ratios.

    The ratios are a ``Tally``'s: a true positive is a prediction and a gold item matched together.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def tally(self) -> Tally:
        return Tally(predicted=self.tp + self.fp, gold=self.tp + self.fn, matched_predicted=self.tp, matched_gold=self.tp)

    @property
    def precision(self) -> float:
        return self.tally.precision

    @property
    def recall(self) -> float:
        return self.tally.recall

    @property
    def f1(self) -> float:
        return self.tally.f1

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _role_tallies() -> dict[str, dict[str, Tally]]:
    return {criterion: {role: Tally() for role in ROLES} for criterion in CRITERIA}


@dataclass
class Scores:
    """Every figure for a set of documents: ``roles[criterion][role]`` and ``attribution[criterion]``."""

    documents: int = 0
    roles: dict[str, dict[str, Tally]] = field(default_factory=_role_tallies)
    attribution: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in ATTRIBUTION_CRITERIA})

    def add(self, other: Scores) -> None:
        self.documents += other.documents
        for criterion in CRITERIA:
            for role in ROLES:
                self.roles[criterion][role].add(other.roles[criterion][role])
        for criterion in ATTRIBUTION_CRITERIA:
            self.attribution[criterion].add(other.attribution[criterion])

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "roles": {c: {r: t.to_dict() for r, t in by_role.items()} for c, by_role in self.roles.items()},
            "attribution": {c: t.to_dict() for c, t in self.attribution.items()},
        }


def score_document(gold: Sequence[AttributionSpans], predicted: Sequence[AttributionSpans], text: str) -> Scores:
    """The scores of one document's predictions against its gold attributions."""
    scores = Scores(documents=1)
    for role in ROLES:
        gold_chunks = {c for a in gold for c in chunks(a.role(role), text)}
        predicted_chunks = {c for a in predicted for c in chunks(a.role(role), text)}
        for criterion in CRITERIA:
            scores.roles[criterion][role] = _compare(predicted_chunks, gold_chunks, criterion, text)
    for criterion in ATTRIBUTION_CRITERIA:
        scores.attribution[criterion] = _attribution_tally(predicted, gold, criterion, text)
    return scores


def score_documents(documents: Iterable[tuple[Sequence[AttributionSpans], Sequence[AttributionSpans], str]]) -> Scores:
    """Micro-averaged scores over (gold, predicted, text) triples."""
    total = Scores()
    for gold, predicted, text in documents:
        total.add(score_document(gold, predicted, text))
    return total


def chunks(fragments: Sequence[Span], text: str) -> list[Chunk]:
    """The fragments as (start, end) chunks with surrounding whitespace trimmed; blank ones dropped."""
    found = []
    for fragment in fragments:
        piece = text[fragment.start : fragment.end]
        start = fragment.start + len(piece) - len(piece.lstrip())
        end = fragment.end - (len(piece) - len(piece.rstrip()))
        if start < end:
            found.append((start, end))
    return found


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """How many characters two spans share (0 when they are apart)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _overlaps(a: Chunk, b: Chunk) -> bool:
    return overlap(*a, *b) > 0


def _tokens(chunk: Chunk, text: str) -> frozenset[Chunk]:
    return frozenset(m.span() for m in _TOKEN.finditer(text, chunk[0], chunk[1]))


_HARD_MATCH: dict[str, Callable[[Chunk, Chunk], bool]] = {
    "exact": lambda a, b: a == b,
    "begin": lambda a, b: a[0] == b[0],
    "overlap": _overlaps,
}


def _compare(predicted: set[Chunk], gold: set[Chunk], criterion: str, text: str) -> Tally:
    tally = Tally(predicted=len(predicted), gold=len(gold))
    if criterion == "jaccard":
        tokens = {c: _tokens(c, text) for c in predicted | gold}
        tally.matched_predicted = sum(max((_jaccard(tokens[p], tokens[g]) for g in gold), default=0.0) for p in predicted)
        tally.matched_gold = sum(max((_jaccard(tokens[g], tokens[p]) for p in predicted), default=0.0) for g in gold)
    else:
        match = _HARD_MATCH[criterion]
        tally.matched_predicted = sum(any(match(p, g) for g in gold) for p in predicted)
        tally.matched_gold = sum(any(match(g, p) for p in predicted) for g in gold)
    return tally


def _jaccard(a: frozenset[Chunk], b: frozenset[Chunk]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _roles_match(predicted: AttributionSpans, gold: AttributionSpans, criterion: str, text: str) -> bool:
    for role in ROLES:
        p, g = chunks(predicted.role(role), text), chunks(gold.role(role), text)
        if not p and not g:
            continue
        if criterion == "exact":
            matched = set(p) == set(g)
        else:
            matched = any(_overlaps(a, b) for a in p for b in g)
        if not matched:
            return False
    return True


def _attribution_tally(predicted: Sequence[AttributionSpans], gold: Sequence[AttributionSpans], criterion: str, text: str) -> Tally:
    candidates = [[j for j, g in enumerate(gold) if _roles_match(p, g, criterion, text)] for p in predicted]
    matched = _maximum_matching(candidates, len(gold))
    return Tally(predicted=len(predicted), gold=len(gold), matched_predicted=matched, matched_gold=matched)


def _maximum_matching(candidates: list[list[int]], gold_count: int) -> int:
    """Size of a maximum one-to-one matching of predictions to gold (augmenting paths)."""
    owner = [-1] * gold_count

    def augment(prediction: int, seen: set[int]) -> bool:
        for g in candidates[prediction]:
            if g in seen:
                continue
            seen.add(g)
            if owner[g] == -1 or augment(owner[g], seen):
                owner[g] = prediction
                return True
        return False

    return sum(augment(p, set()) for p in range(len(candidates)))
