"""How well sayso finds what an article states in its own voice, against hand-labelled dev sentences.

The gold file (``gold/assertions_dev.jsonl``, see ``gold/README.md``) holds PolNeAR dev
sentences labelled ``attributed``, ``news``, ``background`` or ``other``. A gold sentence is
predicted

- ``news`` when an unattributed assertion with ``background`` false overlaps it,
- else ``background`` when a background assertion overlaps it,
- else nothing (sayso holds it attributed, or no claim).

"Overlaps" means the shared characters are at least half of the shorter of the two spans, so a
clause inside the sentence counts and a neighbouring sentence touching it does not. Three
detections are scored, each with precision and recall over the labelled sentences:

- ``news``: is this an unattributed news assertion;
- ``background``: is this background;
- ``unattributed``: is this either (the author's own voice, whatever its kind).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from ..model import Analysis
from .polnear import GoldDocument
from .report import _figure_column, _percent, _table
from .scoring import Counts, overlap
from .speech_acts import GOLD_DIR, gold_analyses

LABELS = ("attributed", "news", "background", "other")
DETECTIONS = {"news": {"news"}, "background": {"background"}, "unattributed": {"news", "background"}}


@dataclass
class SentenceItem:
    """One hand-labelled sentence of a PolNeAR dev article."""

    document: str
    start: int
    end: int
    text: str
    label: str
    publisher: str = ""
    stratum: str = "random"  # "random": any sentence; "unannotated": one PolNeAR marks no attribution in


def load_assertion_gold(path: Path | None = None) -> list[SentenceItem]:
    path = path or GOLD_DIR / "assertions_dev.jsonl"
    with open(path, encoding="utf-8") as handle:
        return [SentenceItem(**json.loads(line)) for line in handle if line.strip()]


def predicted_label(item: SentenceItem, analysis: Analysis | None) -> str:
    """``news``, ``background`` or ``none``: what sayso says of this sentence."""
    if analysis is None:
        return "none"
    kinds = set()
    for assertion in analysis.unattributed:
        span = assertion.content
        shared = overlap(item.start, item.end, span.start, span.end)
        if shared > 0 and shared * 2 >= min(item.end - item.start, span.end - span.start):
            kinds.add("background" if assertion.background else "news")
    return "news" if "news" in kinds else "background" if kinds else "none"


@dataclass
class AssertionScores:
    """The three detections and the gold-by-predicted counts of one set of sentences."""

    sentences: int = 0
    detections: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in DETECTIONS})
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold label, predicted) → count

    def add(self, gold: str, predicted: str) -> None:
        self.sentences += 1
        self.confusion[(gold, predicted)] += 1
        for name, positives in DETECTIONS.items():
            is_gold, is_predicted = gold in positives, predicted in positives
            tally = self.detections[name]
            tally.tp += is_gold and is_predicted
            tally.fp += is_predicted and not is_gold
            tally.fn += is_gold and not is_predicted

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "detections": {name: d.to_dict() for name, d in self.detections.items()},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items())],
        }


@dataclass
class AssertionEvaluation:
    """Figures over all labelled sentences, per sampling stratum, and the sentences read wrongly."""

    overall: AssertionScores
    by_stratum: dict[str, AssertionScores]
    by_publisher: dict[str, AssertionScores]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_stratum": {k: v.to_dict() for k, v in sorted(self.by_stratum.items())},
            "by_publisher": {k: v.to_dict() for k, v in sorted(self.by_publisher.items())},
            "errors": self.errors,
        }


def _right(gold: str, predicted: str) -> bool:
    return predicted == gold or (predicted == "none" and gold in ("attributed", "other"))


def score_assertions(items: Sequence[SentenceItem], analyses: dict[str, Analysis]) -> AssertionEvaluation:
    """Compare each labelled sentence with what sayso's unattributed assertions say of it."""
    result = AssertionEvaluation(overall=AssertionScores(), by_stratum={}, by_publisher={})
    for item in items:
        predicted = predicted_label(item, analyses.get(item.document))
        result.overall.add(item.label, predicted)
        result.by_stratum.setdefault(item.stratum, AssertionScores()).add(item.label, predicted)
        result.by_publisher.setdefault(item.publisher or item.document.split("_", 1)[0], AssertionScores()).add(
            item.label, predicted
        )
        if not _right(item.label, predicted):
            result.errors.append({"document": item.document, "start": item.start, "text": item.text, "gold": item.label, "predicted": predicted})
    return result


def evaluate_assertions(
    documents: Sequence[GoldDocument] | None = None,
    extractor: str | None = None,
    gold: Sequence[SentenceItem] | None = None,
    analyses: dict[str, Analysis] | None = None,
) -> AssertionEvaluation:
    """Analyse the labelled PolNeAR dev articles (unless ``analyses`` are given) and score the detections."""
    items = list(gold) if gold is not None else load_assertion_gold()
    return score_assertions(items, analyses if analyses is not None else gold_analyses({i.document for i in items}, documents, extractor))


def assertion_table(evaluation: AssertionEvaluation) -> Table:
    """P/R/F1 of each detection, over all sentences and per sampling stratum."""
    groups = [("all", evaluation.overall), *sorted(evaluation.by_stratum.items())]
    table = _table(f"unattributed assertions — PolNeAR dev, {evaluation.overall.sentences} labelled sentences", "sentences", "detection")
    for header in ("P", "R", "F1", "tp", "fp", "fn"):
        _figure_column(table, header)
    for index, (name, scores) in enumerate(groups):
        for row, (detection, tally) in enumerate(scores.detections.items()):
            table.add_row(
                f"{name} ({scores.sentences})" if row == 0 else "",
                detection,
                _percent(tally.precision),
                _percent(tally.recall),
                _percent(tally.f1),
                str(tally.tp),
                str(tally.fp),
                str(tally.fn),
                end_section=row == len(scores.detections) - 1 and index < len(groups) - 1,
            )
    return table


def assertion_confusion_table(evaluation: AssertionEvaluation) -> Table:
    """Rows: the gold label; columns: what sayso predicted, over all labelled sentences."""
    predicted = ("news", "background", "none")
    table = _table("unattributed assertions — confusion (rows gold, columns predicted)", "gold")
    for name in predicted:
        _figure_column(table, name)
    for gold in LABELS:
        table.add_row(gold, *(str(evaluation.overall.confusion.get((gold, p), 0)) for p in predicted))
    return table
