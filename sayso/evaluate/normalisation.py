"""How well quantities and time expressions are normalised, on hand-written test sets.

Each line of ``gold/quantities.jsonl`` and ``gold/times.jsonl`` is a short invented news
sentence, the exact text of one expression in it, and the fields a fact-checker expects for
that expression (quantities: value, bounds, approximate, unit, per, counted; times: value,
kind, approximate; ``times`` lines also carry the publication date). A line marked
``"none": true`` names wording that must *not* be read as a quantity or a time ("the first
convoy", "1800 US Dollars a month" as a date).

The whole sentence is the span handed to ``quantities_in`` / ``times_in``; the prediction
for a gold expression is the one with the same extent or, failing that, the one overlapping
it most. Every field is scored on its own, and an expression counts as normalised when all
its fields are right; a gold expression with no overlapping prediction has every field wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib.resources import files
from typing import Any

from rich import box
from rich.table import Table

from .report import _figure_column, _percent, _table
from .scoring import overlap

QUANTITY_FIELDS = ("value", "low", "high", "approximate", "unit", "per", "counted")
TIME_FIELDS = ("value", "kind", "approximate")


@dataclass(frozen=True)
class GoldItem:
    """One expression of a test set, where it sits in its sentence and what it should read as."""

    id: str
    category: str
    sentence: str
    text: str
    start: int
    expected: dict[str, Any] | None  # None: the wording must yield no expression
    published: str | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class ItemResult:
    """What the analysis made of one gold expression."""

    id: str
    category: str
    sentence: str
    text: str
    found: str | None  # the overlapping prediction's text, None when nothing overlaps
    exact_span: bool
    fields: dict[str, bool]
    expected: dict[str, Any] | None
    predicted: dict[str, Any] | None

    @property
    def correct(self) -> bool:
        return all(self.fields.values())


@dataclass
class Accuracy:
    """How many of some items were right."""

    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class NormalisationEvaluation:
    """Scores of one test set: per field, per expression ("all fields right"), per category."""

    name: str  # "quantities" or "times"
    fields: tuple[str, ...]
    items: list[ItemResult] = field(default_factory=list)

    def tally(self, category: str | None = None, field_name: str | None = None) -> Accuracy:
        """Right/total over the items (of one category), for one field or for all fields at once."""
        tally = Accuracy()
        for item in self.items:
            if category is None or item.category == category:
                tally.add(item.correct if field_name is None else item.fields[field_name])
        return tally

    @property
    def accuracy(self) -> float:
        return self.tally().accuracy or 0.0

    @property
    def categories(self) -> list[str]:
        return list(dict.fromkeys(item.category for item in self.items))

    @property
    def errors(self) -> list[ItemResult]:
        return [item for item in self.items if not item.correct]

    def span_tally(self) -> Accuracy:
        """How often the predicted extent is exactly the gold one (expressions that should be found)."""
        tally = Accuracy()
        for item in self.items:
            if item.expected is not None:
                tally.add(item.exact_span)
        return tally

    def to_dict(self) -> dict[str, Any]:
        def summary(category: str | None) -> dict[str, Any]:
            whole = self.tally(category)
            return {
                "expressions": whole.total,
                "correct": whole.right,
                "accuracy": whole.accuracy,
                "fields": {name: self.tally(category, name).accuracy for name in self.fields},
            }

        return {
            "name": self.name,
            "fields": list(self.fields),
            "overall": summary(None) | {"exact_span": self.span_tally().accuracy},
            "categories": {category: summary(category) for category in self.categories},
            "errors": [asdict(item) for item in self.errors],
        }


# --- the test sets ----------------------------------------------------------------------


def _locate(sentence: str, text: str) -> int:
    """Where the expression starts: its first occurrence not inside a longer word."""
    match = re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence)
    if match is None:
        raise ValueError(f"{text!r} is not in {sentence!r}")
    return match.start()


def load_gold(name: str) -> list[GoldItem]:
    """The test set ``name`` ("quantities" or "times") shipped with the package."""
    fields = QUANTITY_FIELDS if name == "quantities" else TIME_FIELDS
    lines = files("sayso.evaluate").joinpath(f"gold/{name}.jsonl").read_text(encoding="utf-8").splitlines()
    items = []
    for line in lines:
        if not line.strip():
            continue
        raw = json.loads(line)
        expected = None if raw.get("none") else {name: raw[name] for name in fields}
        items.append(
            GoldItem(
                raw["id"],
                raw["category"],
                raw["sentence"],
                raw["text"],
                _locate(raw["sentence"], raw["text"]),
                expected,
                raw.get("published"),
            )
        )
    return items


# --- scoring ----------------------------------------------------------------------------


def _same(expected: Any, predicted: Any) -> bool:
    """Numbers agree to four decimals ("two-thirds" is 0.6667), texts up to spacing, the rest exactly."""
    if isinstance(expected, bool) or isinstance(predicted, bool):
        return expected is predicted
    if isinstance(expected, (int, float)) and isinstance(predicted, (int, float)):
        return round(float(expected), 4) == round(float(predicted), 4)
    if isinstance(expected, str) and isinstance(predicted, str):
        return " ".join(expected.split()) == " ".join(predicted.split())
    return expected == predicted


def _matching(item: GoldItem, predictions: Sequence[Any]) -> Any | None:
    """The prediction with the gold extent, else the one overlapping it most."""
    best, best_overlap = None, 0
    for prediction in predictions:
        if (prediction.start, prediction.end) == (item.start, item.end):
            return prediction
        shared = overlap(prediction.start, prediction.end, item.start, item.end)
        if shared > best_overlap:
            best, best_overlap = prediction, shared
    return best


def _score(item: GoldItem, predictions: Sequence[Any], fields: tuple[str, ...]) -> ItemResult:
    found = _matching(item, predictions)
    predicted = None if found is None else {name: getattr(found, name) for name in fields}
    if item.expected is None:
        scores = {name: found is None for name in fields}
    elif predicted is None:
        scores = {name: False for name in fields}
    else:
        scores = {name: _same(item.expected[name], predicted[name]) for name in fields}
    exact = found is not None and (found.start, found.end) == (item.start, item.end)
    return ItemResult(
        item.id,
        item.category,
        item.sentence,
        item.text,
        None if found is None else found.text,
        exact,
        scores,
        item.expected,
        predicted,
    )


def _evaluate(
    name: str,
    fields: tuple[str, ...],
    read: Callable[[Any, Any, GoldItem], Sequence[Any]],
    items: Iterable[GoldItem] | None,
) -> NormalisationEvaluation:
    """Parse every sentence and score what ``read(doc, whole_sentence_span, item)`` finds."""
    from ..analyze.language import load_pipeline
    from ..model import Span

    gold = list(items) if items is not None else load_gold(name)
    evaluation = NormalisationEvaluation(name, fields)
    for item, doc in zip(gold, load_pipeline().pipe(i.sentence for i in gold)):
        span = Span(item.sentence, 0, len(item.sentence))
        evaluation.items.append(_score(item, read(doc, span, item), fields))
    return evaluation


def evaluate_quantities(items: Iterable[GoldItem] | None = None) -> NormalisationEvaluation:
    """Quantity normalisation accuracy on ``gold/quantities.jsonl`` (or on ``items``)."""
    from ..analyze.quantities import quantities_in

    return _evaluate("quantities", QUANTITY_FIELDS, lambda doc, span, item: quantities_in(doc, span), items)


def evaluate_times(items: Iterable[GoldItem] | None = None) -> NormalisationEvaluation:
    """Date and time normalisation accuracy on ``gold/times.jsonl`` (or on ``items``), each
    sentence resolved against its own publication date."""
    from ..analyze.times import times_in

    return _evaluate("times", TIME_FIELDS, lambda doc, span, item: times_in(doc, span, item.published), items)


# --- tables -----------------------------------------------------------------------------


def normalisation_table(evaluation: NormalisationEvaluation) -> Table:
    """One row per category and one for the whole set: expressions, % with all fields right, % per field."""
    table = _table(f"{evaluation.name} normalisation — % of expressions right", "category")
    for header in ("n", "all fields", *evaluation.fields):
        _figure_column(table, header)

    def row(category: str | None) -> list[str]:
        whole = evaluation.tally(category)
        fields = [_percent(evaluation.tally(category, name).accuracy) for name in evaluation.fields]
        return [str(whole.total), _percent(whole.accuracy), *fields]

    for category in evaluation.categories:
        table.add_row(category, *row(category))
    table.add_section()
    table.add_row("overall", *row(None), style="bold")
    table.caption = f"predicted extent exactly the gold one: {_percent(evaluation.span_tally().accuracy)} %"
    table.caption_justify = "left"
    return table


def _shown(values: dict[str, Any] | None, names: Iterable[str]) -> str:
    if values is None:
        return "(none)"
    return ", ".join(f"{name}={values[name]!r}" for name in names)


def errors_table(evaluation: NormalisationEvaluation) -> Table:
    """Every expression with a wrong field: what was expected and what was read."""
    table = Table(title=f"{evaluation.name} normalisation — errors", title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1))
    for header in ("id", "expression", "found", "expected", "predicted"):
        table.add_column(header, overflow="fold")
    for item in evaluation.errors:
        wrong = [name for name, right in item.fields.items() if not right]
        table.add_row(item.id, item.text, item.found or "–", _shown(item.expected, wrong), _shown(item.predicted, wrong))
    return table
