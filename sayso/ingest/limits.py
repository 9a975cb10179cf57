"""How much one input may hold: the limits that keep a hostile or broken file from exhausting a machine.

A document read whole (a text file, a web page, a feed, a gzipped file once unpacked, one page
of a WARC, a download) may be at most ``MAX_DOCUMENT_BYTES``; an article's text at most
``MAX_ARTICLE_CHARS`` characters — several times the longest news story, and small enough that
analysing it takes bounded time and memory (docs/reliability.md gives the figures). Anything
larger is refused with a one-line reason naming the limit; the inputs around it still go in.
"""

from __future__ import annotations

from sayso.errors import IngestError
from sayso.model import Article

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_ARTICLE_CHARS = 100_000


def too_large(size: int, limit: int = MAX_DOCUMENT_BYTES) -> str:
    """The reason given for a document over ``limit`` bytes."""
    return f"document is {size:,} bytes, over the limit of {limit:,} bytes for one document"


def checked(article: Article) -> Article | IngestError:
    """The article, or an error when its text is longer than an article may be."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return article
    where = article.source or "<text>"
    if article.url and article.url != article.source:
        where = f"{where}: {article.url}"
    return IngestError(where, f"article text is {len(article.text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}")
