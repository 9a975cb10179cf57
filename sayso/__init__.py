"""sayso — who says so? Attributed claims from news articles.

The public API is imported lazily, so ``import sayso.model`` (in a Spark worker, say) does
not load spaCy or SQLAlchemy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "api",
    "analyze_many": "api",
    "ingest": "api",
    "open_store": "api",
    "Store": "store",
    "Analysis": "model",
    "Article": "model",
    "Assertion": "model",
    "Attribution": "model",
    "Entity": "model",
    "Speaker": "model",
    "Span": "model",
    "Via": "model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'sayso' has no attribute {name!r}")
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
