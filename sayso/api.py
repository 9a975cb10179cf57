"""The Python API that notebooks, scripts, the CLI and the web app share.

    >>> import sayso
    >>> result = sayso.analyze("The mayor said the bridge would reopen in May.")
    >>> [(a.speaker.text, a.content.text) for a in result.attributions]
    [('The mayor', 'the bridge would reopen in May')]
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .analyze import analyze_article, analyze_articles
from .analyze.pipeline import Extractor
from .errors import IngestError, SaysoError
from .ingest import read, read_text
from .model import Analysis, Article
from .store import Store


def _looks_like_input(source: str) -> bool:
    if source.startswith(("http://", "https://")):
        return True
    if "\n" in source or len(source) > 4096:
        return False
    return os.path.exists(source) or any(ch in source for ch in "*?[")


def analyze(source: str | Path | Article, extractor: Extractor | None = None) -> Analysis:
    """Analyse one article given as text, a path, a URL or an ``Article``.

    A path or URL holding several articles (a feed, an archive, a directory) is an error
    here: use ``analyze_many`` for those. ``extractor`` picks "hybrid" (the default when the
    trained model is installed), "tagger" or "rules".
    """
    if isinstance(source, Article):
        return analyze_article(source, extractor=extractor)
    if isinstance(source, Path) or _looks_like_input(source):
        results = list(analyze_many(str(source), extractor=extractor))
        errors = [r for r in results if isinstance(r, IngestError)]
        analyses = [r for r in results if isinstance(r, Analysis)]
        if len(analyses) == 1:
            return analyses[0]
        if errors and not analyses:
            raise errors[0]
        raise SaysoError(f"{source}: holds {len(analyses)} articles; use sayso.analyze_many")
    return analyze_article(read_text(source), extractor=extractor)


def analyze_many(*inputs: str, extractor: Extractor | None = None) -> Iterator[Analysis | IngestError]:
    """Analyse every article the inputs hold, in order; unreadable inputs come back as errors."""
    pending: list[Article] = []
    for item in read(*inputs):
        if isinstance(item, IngestError):
            yield from analyze_articles(pending, extractor=extractor)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= 16:
            yield from analyze_articles(pending, extractor=extractor)
            pending = []
    yield from analyze_articles(pending, extractor=extractor)


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (a SQLAlchemy URL or a file path); default $SAYSO_DB or ./sayso.db."""
    return Store(url)


@dataclass
class IngestSummary:
    """What an ingest run did, for the closing line a user reads."""

    new: int = 0
    known: int = 0
    failed: int = 0
    claims: int = 0

    def count(self, analysis: Analysis, new: bool) -> None:
        if new:
            self.new += 1
            self.claims += len(analysis.attributions) + len(analysis.unattributed)
        else:
            self.known += 1

    def describe(self) -> str:
        return (
            f"{self.new} new article{'s' if self.new != 1 else ''}, {self.known} already known, "
            f"{self.failed} failed; {self.claims} claims stored"
        )


def ingest(store: Store, *inputs: str) -> Iterator[tuple[Analysis, bool] | IngestError]:
    """Analyse and store every article of the inputs; yields (analysis, was_new) or an error."""
    for item in analyze_many(*inputs):
        if isinstance(item, IngestError):
            yield item
        else:
            yield item, store.add(item)
