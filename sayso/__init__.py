"""sayso — who says so? Attributed claims from news articles.

    >>> import sayso
    >>> result = sayso.analyze("The mayor said the bridge would reopen in May.")
    >>> store = sayso.open_store("sqlite:///news.db")
"""

from __future__ import annotations

# The api import comes first: it loads the ``sayso.analyze`` subpackage, and the function
# imported below must then take the name ``sayso.analyze`` over from it.
from .api import analyze, analyze_many, ingest, open_store
from .model import Analysis, Article, Assertion, Attribution, Entity, Speaker, Span, Via
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Assertion",
    "Attribution",
    "Entity",
    "Speaker",
    "Span",
    "Store",
    "Via",
    "analyze",
    "analyze_many",
    "ingest",
    "open_store",
]
