"""One input (a file or a URL) to its articles, whatever format its bytes turn out to be."""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator

from sayso.errors import IngestError
from sayso.ingest.decode import decode_text
from sayso.ingest.detect import HEAD_SIZE, sniff
from sayso.ingest.feed import parse_feed
from sayso.ingest.fetch import MAX_BYTES, TIMEOUT, fetch
from sayso.ingest.html import parse_html
from sayso.ingest.limits import MAX_DOCUMENT_BYTES, checked, too_large
from sayso.ingest.plaintext import parse_text
from sayso.ingest.warc import read_warc
from sayso.model import Article

# Gzipped documents other than WARCs are read whole; this bounds a decompression bomb.
MAX_GUNZIPPED = MAX_DOCUMENT_BYTES


def load_path(path: str) -> Iterator[Article | IngestError]:
    """Articles of a local file; a WARC is streamed from disk, anything else is read whole
    (up to ``MAX_DOCUMENT_BYTES``)."""
    try:
        with open(path, "rb") as file:
            if sniff(file.read(HEAD_SIZE)) == "warc":
                yield from _within_limits(read_warc(file, path))
                return
            size = os.fstat(file.fileno()).st_size
            if size > MAX_DOCUMENT_BYTES:
                yield IngestError(path, too_large(size))
                return
            file.seek(0)
            data = file.read(MAX_DOCUMENT_BYTES + 1)  # a file still growing is cut off, then refused
    except OSError as exc:
        yield IngestError(path, (exc.strerror or str(exc)).lower())
        return
    yield from load_bytes(data, path)


def load_url(
    url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES
) -> Iterator[Article | IngestError]:
    """Articles of the document at an http(s) URL."""
    try:
        download = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except IngestError as exc:
        yield exc
        return
    if not download.body:
        yield IngestError(url, "empty response")
        return
    yield from load_bytes(download.body, url, download.url)


def load_bytes(data: bytes, source: str, url: str | None = None) -> Iterator[Article | IngestError]:
    """Articles of a document held in memory, its format sniffed from its content; an article
    longer than ``MAX_ARTICLE_CHARS`` is an error in its place."""
    yield from _within_limits(_load_bytes(data, source, url))


def _within_limits(items: Iterable[Article | IngestError]) -> Iterator[Article | IngestError]:
    for item in items:
        yield checked(item) if isinstance(item, Article) else item


def _load_bytes(data: bytes, source: str, url: str | None = None) -> Iterator[Article | IngestError]:
    if not data.strip():
        yield IngestError(source, "file is empty")
        return
    kind = sniff(data[:HEAD_SIZE])
    if kind != "warc" and len(data) > MAX_DOCUMENT_BYTES:  # a WARC is read a page at a time
        yield IngestError(source, too_large(len(data)))
        return
    try:
        if kind == "warc":
            yield from read_warc(io.BytesIO(data), source)
        elif kind == "gzip":
            yield from _load_bytes(_gunzip(data, source), source, url)
        elif kind == "feed":
            yield from parse_feed(data, source)
        elif kind == "html":
            yield parse_html(data, source, url)
        elif kind == "xml":
            yield IngestError(source, "XML document that is neither a feed nor a web page")
        elif kind == "text":
            yield parse_text(decode_text(data, source), source, url)
        else:
            yield IngestError(source, "binary file, not text")
    except IngestError as exc:
        yield exc


def _gunzip(data: bytes, source: str) -> bytes:
    try:
        content = gzip.GzipFile(fileobj=io.BytesIO(data)).read(MAX_GUNZIPPED + 1)
    except EOFError:
        raise IngestError(source, "truncated gzip archive") from None
    except (gzip.BadGzipFile, zlib.error):
        raise IngestError(source, "corrupt gzip archive") from None
    if len(content) > MAX_GUNZIPPED:
        raise IngestError(source, f"gzip content larger than {MAX_GUNZIPPED:,} bytes")
    return content
