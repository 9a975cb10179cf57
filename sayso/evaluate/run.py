"""One evaluation run: every system on the same gold documents, scored by the same scorer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import SaysoError
from .polnear import GoldDocument
from .published import PUBLISHED
from .roles import ROLES, scored
from .scoring import CRITERIA, Scores, score_document
from .systems import get_system


# The ratio a reader looks for: our extractor's F1 over a public peer's.
RATIO = ("sayso", "textacy")


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


@dataclass
class SystemResult:
    """How one system did: overall, per publisher, and how long it took."""

    name: str
    seconds: float
    overall: Scores
    by_publisher: dict[str, Scores] = field(default_factory=dict)

    def to_dict(self, per_publisher: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "seconds": self.seconds, "scores": self.overall.to_dict()}
        if per_publisher:
            data["by_publisher"] = {p: s.to_dict() for p, s in sorted(self.by_publisher.items())}
        return data


@dataclass
class Evaluation:
    """The figures of one run, ready to print or to serialise."""

    corpus: str
    split: str
    documents: int
    results: list[SystemResult]

    def result(self, name: str) -> SystemResult | None:
        return next((r for r in self.results if r.name == name), None)

    def ratio(self, name: str, peer: str) -> dict[str, Any] | None:
        """F1 of ``name`` over F1 of ``peer``, per criterion and role and for whole attributions.

        None for the whole when either system was not run, and for a figure where the peer's F1 is 0.
        """
        mine, theirs = self.result(name), self.result(peer)
        if mine is None or theirs is None:
            return None
        return {
            "roles": {
                criterion: {role: _ratio(mine.overall.roles[criterion][role].f1, theirs.overall.roles[criterion][role].f1) for role in ROLES}
                for criterion in CRITERIA
            },
            "attribution": {
                criterion: _ratio(tally.f1, theirs.overall.attribution[criterion].f1)
                for criterion, tally in mine.overall.attribution.items()
            },
        }

    def to_dict(self, per_publisher: bool = True) -> dict[str, Any]:
        """The JSON form: fractions in [0, 1], with the counts behind every figure."""
        return {
            "corpus": self.corpus,
            "split": self.split,
            "documents": self.documents,
            "systems": [r.to_dict(per_publisher) for r in self.results],
            "published": [p.to_dict() for p in PUBLISHED],
            "ratio": {"system": RATIO[0], "peer": RATIO[1], "f1": self.ratio(*RATIO)},
        }


def evaluate(
    documents: Sequence[GoldDocument],
    systems: Sequence[str],
    on_system: Callable[[str], None] | None = None,
) -> Evaluation:
    """Run each named system over ``documents`` and score it; ``on_system`` hears each start."""
    if not documents:
        raise SaysoError("no documents to evaluate")
    runners = [(name, get_system(name)) for name in systems]
    results = []
    for name, system in runners:
        if on_system is not None:
            on_system(name)
        started = time.perf_counter()
        predictions = list(system([d.article() for d in documents]))
        seconds = time.perf_counter() - started
        result = SystemResult(name=name, seconds=seconds, overall=Scores())
        for document, predicted in zip(documents, predictions, strict=True):
            scores = score_document(document.attributions, scored(predicted, document.text), document.text)
            result.overall.add(scores)
            result.by_publisher.setdefault(document.publisher, Scores()).add(scores)
        results.append(result)
    split = documents[0].split
    return Evaluation(corpus="polnear", split=split, documents=len(documents), results=results)
