"""Ingest: files, pages, feeds, web archives, directories, globs and URLs in, ``Article``s out.

    >>> from sayso.ingest import read
    >>> for item in read("news/", "https://example.org/feed.xml"):
    ...     print(item)  # an Article, or an IngestError saying "PATH: reason"

Bad input never raises: each problem is yielded as an ``IngestError`` in the
place where its articles would have been, so one broken file can't stop a batch.
Text must be UTF-8 (or carry a Unicode byte-order mark): other encodings are
reported, not guessed, because a wrong guess garbles the names and quotes sayso
extracts.
"""

from __future__ import annotations

from collections.abc import Iterator

from sayso.errors import IngestError
from sayso.ingest import limits
from sayso.ingest.detect import HEAD_SIZE, sniff
from sayso.ingest.fetch import MAX_BYTES, TIMEOUT
from sayso.ingest.html import parse_html
from sayso.ingest.load import load_path, load_url
from sayso.ingest.plaintext import parse_text
from sayso.ingest.sources import expand, is_url
from sayso.model import Article

__all__ = ["read", "read_text"]


def read(
    *inputs: str, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES
) -> Iterator[Article | IngestError]:
    """Every article the inputs hold, in order, with an IngestError for each that can't be read.

    ``timeout`` (seconds) and ``max_bytes`` bound each URL download.
    """
    for item in expand(inputs):
        if isinstance(item, IngestError):
            yield item
        elif is_url(item):
            yield from load_url(item, timeout=timeout, max_bytes=max_bytes)
        else:
            yield from load_path(item)


def read_text(text: str, source: str | None = None) -> Article:
    """The article in a string of plain text or HTML; raises IngestError if it has no body text
    or more than ``MAX_ARTICLE_CHARS`` of it."""
    if len(text) > limits.MAX_DOCUMENT_BYTES:  # characters: at least as many bytes
        raise IngestError(source or "<text>", limits.too_large(len(text.encode("utf-8"))))
    if sniff(text[:HEAD_SIZE].encode("utf-8", errors="replace")) == "html":
        article = parse_html(text, source)
    else:
        article = parse_text(text, source)
    checked = limits.checked(article)
    if isinstance(checked, IngestError):
        raise checked
    return checked
