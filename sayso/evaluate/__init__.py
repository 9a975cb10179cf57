"""Evaluate: measure extractors against annotated corpora (PolNeAR) with the literature's metrics."""

from .polnear import SPLITS, GoldDocument, load_split
from .roles import AttributionSpans, spans_of
from .run import Evaluation, SystemResult, evaluate
from .scoring import Scores, Tally, score_document, score_documents
from .systems import DEFAULT_SYSTEMS, SYSTEMS, get_system, register

__all__ = [
    "DEFAULT_SYSTEMS",
    "SPLITS",
    "SYSTEMS",
    "AttributionSpans",
    "Evaluation",
    "GoldDocument",
    "Scores",
    "SystemResult",
    "Tally",
    "evaluate",
    "get_system",
    "load_split",
    "register",
    "score_document",
    "score_documents",
    "spans_of",
]
