"""How well sayso reads the speech act of an attribution, against hand-labelled PolNeAR dev items.

The gold file (``gold/speech_acts_dev.jsonl``, see ``gold/README.md``) holds PolNeAR dev
attributions, each with its cue and content offsets and the speech act a reader gave it. The
sample oversamples the rare acts, so it is not exhaustive: predicted attributions that match no
labelled item are ignored.

A labelled item is matched to the predicted attribution of its article whose cue overlaps the
gold cue (the largest overlap wins), else whose content overlaps the gold content. Per class:

- precision and recall over the matched items: how well the act is read once the
  attribution is found (``tp``, ``fp``, ``fn`` count matched items only);
- ``end-to-end recall``: the same true positives over every gold item of the class, found or
  not — what a user of sayso sees.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from ..model import Analysis, Attribution, SpeechAct
from .polnear import GoldDocument, load_split
from .report import _figure_column, _percent, _table
from .scoring import Counts, overlap

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SPEECH_ACTS: tuple[SpeechAct, ...] = ("assert", "deny", "retract", "revise", "hedge", "concede", "no_comment")


@dataclass
class SpeechActItem:
    """One hand-labelled attribution: where its cue and content are, and its speech act."""

    document: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    text: str
    speech_act: str
    stratum: str = "random"  # how it was drawn: "keyword", "random", "content_modal", "heldout" (gold/README.md)


def load_speech_act_gold(path: Path | None = None) -> list[SpeechActItem]:
    """The labelled items, in file order."""
    path = path or GOLD_DIR / "speech_acts_dev.jsonl"
    with open(path, encoding="utf-8") as handle:
        return [SpeechActItem(**json.loads(line)) for line in handle if line.strip()]


def gold_analyses(
    names: Iterable[str], documents: Sequence[GoldDocument] | None = None, extractor: str | None = None
) -> dict[str, Analysis]:
    """sayso's analysis of each named PolNeAR dev article, keyed by article name."""
    from ..analyze import analyze_articles

    wanted = set(names)
    chosen = [d for d in (documents if documents is not None else load_split("dev")) if d.name in wanted]
    analyses = analyze_articles([d.article() for d in chosen], extractor=extractor)  # type: ignore[arg-type]
    return {d.name: a for d, a in zip(chosen, analyses, strict=True)}


def match_attribution(item: SpeechActItem, predicted: Sequence[Attribution]) -> Attribution | None:
    """The predicted attribution this gold item stands for: overlapping cue first, then content."""
    by_cue = [
        (overlap(item.cue_start, item.cue_end, a.cue.start, a.cue.end), a)
        for a in predicted
        if a.cue is not None
    ]
    best = max(by_cue, key=lambda pair: pair[0], default=(0, None))
    if best[0] > 0:
        return best[1]
    by_content = [(overlap(item.content_start, item.content_end, a.content.start, a.content.end), a) for a in predicted]
    best = max(by_content, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


@dataclass
class ClassScore(Counts):
    """The counts of one speech act; ``fn`` counts matched items of this act read as another."""

    gold: int = 0  # labelled items of this act, found or not

    @property
    def end_to_end_recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "end_to_end_recall": self.end_to_end_recall, "gold": self.gold}


@dataclass
class SpeechActEvaluation:
    """Per-class figures, the confusion of matched items and what no attribution matched."""

    items: int
    matched: int
    classes: dict[str, ClassScore] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted) → count
    errors: list[dict[str, Any]] = field(default_factory=list)  # matched items read wrongly

    @property
    def accuracy(self) -> float:
        correct = sum(n for (g, p), n in self.confusion.items() if g == p)
        return correct / self.matched if self.matched else 0.0

    def macro_f1(self, classes: Sequence[str] = SPEECH_ACTS) -> float:
        present = [c for c in classes if self.classes[c].gold]
        return sum(self.classes[c].f1 for c in present) / len(present) if present else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "matched": self.matched,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1(),
            "classes": {name: score.to_dict() for name, score in self.classes.items()},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items())],
            "errors": self.errors,
        }


def score_speech_acts(items: Sequence[SpeechActItem], analyses: dict[str, Analysis]) -> SpeechActEvaluation:
    """Compare each labelled item with the speech act of the attribution sayso found for it."""
    result = SpeechActEvaluation(items=len(items), matched=0, classes={c: ClassScore() for c in SPEECH_ACTS})
    for item in items:
        gold = item.speech_act
        result.classes[gold].gold += 1
        analysis = analyses.get(item.document)
        found = match_attribution(item, analysis.attributions) if analysis is not None else None
        if found is None:
            continue
        result.matched += 1
        predicted = found.speech_act
        result.confusion[(gold, predicted)] += 1
        if predicted == gold:
            result.classes[gold].tp += 1
        else:
            result.classes[gold].fn += 1
            result.classes[predicted].fp += 1
            result.errors.append(
                {"document": item.document, "cue": item.text, "gold": gold, "predicted": predicted, "at": item.cue_start}
            )
    return result


def evaluate_speech_acts(
    documents: Sequence[GoldDocument] | None = None,
    extractor: str | None = None,
    gold: Sequence[SpeechActItem] | None = None,
    analyses: dict[str, Analysis] | None = None,
) -> SpeechActEvaluation:
    """Analyse the labelled PolNeAR dev articles (unless ``analyses`` are given) and score their speech acts."""
    items = list(gold) if gold is not None else load_speech_act_gold()
    return score_speech_acts(items, analyses if analyses is not None else gold_analyses({i.document for i in items}, documents, extractor))


def speech_act_table(evaluation: SpeechActEvaluation) -> Table:
    """One row per speech act: P/R/F1 on matched items, end-to-end recall, counts."""
    table = _table(
        f"speech acts — PolNeAR dev, {evaluation.items} labelled attributions, {evaluation.matched} found",
        "speech act",
    )
    for header in ("P", "R", "F1", "R end\nto end", "gold", "tp", "fp", "fn"):
        _figure_column(table, header)
    for name, score in evaluation.classes.items():
        table.add_row(
            name,
            _percent(score.precision),
            _percent(score.recall),
            _percent(score.f1),
            _percent(score.end_to_end_recall),
            str(score.gold),
            str(score.tp),
            str(score.fp),
            str(score.fn),
        )
    table.add_row("accuracy", "", "", _percent(evaluation.accuracy), "", str(evaluation.matched), "", "", "", style="bold")
    table.add_row("macro F1", "", "", _percent(evaluation.macro_f1()), "", "", "", "", "", style="bold")
    return table


def confusion_table(evaluation: SpeechActEvaluation) -> Table:
    """Rows: the gold act; columns: the act sayso read, over matched items."""
    table = _table("speech acts — confusion (rows gold, columns predicted)", "gold")
    for name in SPEECH_ACTS:
        _figure_column(table, name.replace("_", "\n"))
    for gold in SPEECH_ACTS:
        table.add_row(gold, *(str(evaluation.confusion.get((gold, p), 0) or "") for p in SPEECH_ACTS))
    return table
