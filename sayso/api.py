"""The Python API that notebooks, scripts, the CLI and the web app share.

    >>> import sayso
    >>> result = sayso.analyze("The mayor said the bridge would reopen in May.")
    >>> [(a.speaker.text, a.content.text) for a in result.attributions]
    [('The mayor', 'the bridge would reopen in May')]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .analyze import analyze_articles
from .analyze.pipeline import Extractor
from .deadline import TimeLimitExceeded, time_limit
from .errors import IngestError, SaysoError
from .ingest import read, read_text
from .ingest.limits import checked
from .model import Analysis, Article
from .store import Store

# The analysis of one article stops with an error after this many seconds. An article within
# the size limit (sayso.ingest.limits) takes a few seconds at most; only pathological text gets
# near this, and it must not hold up the articles after it.
MAX_ANALYSIS_SECONDS = 60.0
BATCH = 16  # articles parsed together (spaCy's nlp.pipe)
BATCH_CHARS = 100_000  # ... and at most this much text, so one batch's parse stays short


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
        return analyze_one(source, extractor)
    if isinstance(source, Path) or _looks_like_input(source):
        results = list(analyze_many(str(source), extractor=extractor))
        errors = [r for r in results if isinstance(r, IngestError)]
        analyses = [r for r in results if isinstance(r, Analysis)]
        if len(analyses) == 1:
            return analyses[0]
        if errors and not analyses:
            raise errors[0]
        raise SaysoError(f"{source}: holds {len(analyses)} articles; use sayso.analyze_many")
    return analyze_one(read_text(source), extractor)


def analyze_one(article: Article, extractor: Extractor | None = None) -> Analysis:
    """Analyse one article within the limits of size and time; raises IngestError beyond them."""
    result = next(_analysed([checked(article)], extractor))
    if isinstance(result, IngestError):
        raise result
    return result  # type: ignore[return-value]


def analyze_many(*inputs: str, extractor: Extractor | None = None) -> Iterator[Analysis | IngestError]:
    """Analyse every article the inputs hold, in order; unreadable inputs come back as errors,
    and so does an article whose analysis fails or runs past ``MAX_ANALYSIS_SECONDS``."""
    return _analysed(read(*inputs), extractor)


def _analysed(
    items: Iterable[Article | IngestError],
    extractor: Extractor | None,
    stored: Callable[[Article], Analysis | None] | None = None,
) -> Iterator[Analysis | IngestError]:
    """Each item analysed, in order, in batches; ``stored`` gives the analysis already kept for an
    article, which is then not analysed again."""
    pending: list[Article] = []
    for item in items:
        known = stored(item) if stored is not None and isinstance(item, Article) else None
        if isinstance(item, IngestError) or known is not None:
            yield from _batch(pending, extractor)
            pending = []
            yield item if known is None else known
            continue
        pending.append(item)
        if len(pending) >= BATCH or sum(len(a.text) for a in pending) >= BATCH_CHARS:
            yield from _batch(pending, extractor)
            pending = []
    yield from _batch(pending, extractor)


def _batch(articles: list[Article], extractor: Extractor | None) -> Iterator[Analysis | IngestError]:
    """Analyse a batch, each article within the time limit. One that fails or runs over becomes
    an error in its place, and the articles after it are analysed all the same."""
    while articles:
        results = analyze_articles(articles, extractor=extractor)
        done = 0
        try:
            while done < len(articles):
                with time_limit(MAX_ANALYSIS_SECONDS):
                    analysis = next(results)
                done += 1
                yield analysis
            return
        except TimeLimitExceeded:
            reason = f"analysis stopped after {MAX_ANALYSIS_SECONDS:g} s, the limit for one article"
        except Exception as error:  # noqa: BLE001 - a bug met by one article must not stop the others
            detail = " ".join(str(error).split())[:200]
            reason = f"analysis failed ({type(error).__name__}{': ' + detail if detail else ''}); please report this article"
        failed = articles[done]
        label = "".join(c if c.isprintable() else " " for c in failed.url or failed.title or f"article {failed.id[:8]}")
        yield IngestError(failed.source or "<text>", f"{' '.join(label.split())[:80]}: {reason}")
        articles = articles[done + 1 :]


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
    """Analyse and store every article of the inputs; yields (analysis, was_new) or an error.

    An article already stored is not analysed again: its stored analysis comes back, with
    False, so running an interrupted ingest again only analyses what is missing.
    """
    stored: set[str] = set()

    def known(article: Article) -> Analysis | None:
        found = store.get(article.id)
        if found is not None:
            stored.add(article.id)
        return found

    for item in _analysed(read(*inputs), None, known):
        if isinstance(item, IngestError):
            yield item
        elif item.article.id in stored:
            yield item, False
        else:
            yield item, store.add(item)
