"""Web archives (WARC, plain or gzipped): every archived HTML page is an article.

Archives can be gigabytes, so records are streamed one at a time. A damaged
archive ends the read with one error, after the articles that came before the
damage: those are intact and worth keeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from sayso.errors import IngestError
from sayso.ingest.detect import GZIP_MAGIC
from sayso.ingest.html import parse_html
from sayso.ingest.limits import MAX_DOCUMENT_BYTES, too_large
from sayso.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# In an uncompressed archive each record is followed by two CRLFs that warcio leaves out of its length.
_SEPARATOR = len(b"\r\n\r\n")
_CHUNK = 64 * 1024


class _Truncated(Exception):
    """The archive ends inside a record."""


@dataclass
class _Progress:
    separator: int  # bytes between records that warcio does not count
    records: int = 0
    end: int = 0  # offset where the record after the last complete one starts


def read_warc(stream: BinaryIO, source: str) -> Iterator[Article | IngestError]:
    """Articles of the HTML pages (200 responses) in a seekable WARC stream, read from its start."""
    stream.seek(0)
    compressed = stream.read(2) == GZIP_MAGIC
    stream.seek(0)
    progress = _Progress(separator=0 if compressed else _SEPARATOR)
    pages = _pages(ArchiveIterator(stream), progress)
    while True:
        try:
            page = next(pages, None)
            if page is None:
                if _has_leftover(stream, progress.end):
                    raise _Truncated
                return
        except _Truncated:
            yield IngestError(source, _truncated(compressed, progress))
            return
        except Exception as exc:  # noqa: BLE001 - warcio's parser fails in many ways on damaged bytes
            at = f"at offset {progress.end} after {_count(progress)}"
            yield IngestError(source, f"corrupt WARC record {at} ({_detail(exc)})")
            return
        uri, payload = page
        if len(payload) > MAX_DOCUMENT_BYTES:
            yield IngestError(source, f"{uri}: {too_large(len(payload))}")
            continue
        try:
            yield parse_html(payload, source, uri)
        except IngestError as exc:
            yield IngestError(source, f"{uri}: {exc.reason}")


def _pages(records: ArchiveIterator, progress: _Progress) -> Iterator[tuple[str, bytes]]:
    """(target URI, HTML payload) of each page record; checks that every record is complete."""
    for record in records:
        # One byte over the limit is enough to refuse the page; the rest is skipped below.
        payload = record.content_stream().read(MAX_DOCUMENT_BYTES + 1) if _is_page(record) else None
        for _ in iter(lambda: record.raw_stream.read(_CHUNK), b""):
            pass
        if getattr(record.raw_stream, "limit", 0) > 0:
            raise _Truncated
        progress.records += 1
        progress.end = records.get_record_offset() + records.get_record_length() + progress.separator
        if payload is not None:
            yield record.rec_headers.get_header("WARC-Target-URI"), payload


def _has_leftover(stream: BinaryIO, end: int) -> bool:
    """True when something other than blank lines follows the last complete record: a cut-off one."""
    stream.seek(end)
    return bool(stream.read(_CHUNK).strip())


def _is_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return record.http_headers.get_statuscode() == "200" and content_type in _HTML_TYPES


def _truncated(compressed: bool, progress: _Progress) -> str:
    if compressed:
        return f"truncated gzip archive after {_count(progress)}"
    return f"truncated WARC record at offset {progress.end} after {_count(progress)}"


def _count(progress: _Progress) -> str:
    return f"{progress.records} record{'' if progress.records == 1 else 's'}"


def _detail(exc: Exception) -> str:
    """warcio's message on one short line, without the (often binary) bytes it quotes."""
    text = " ".join(str(exc).split("first line:")[0].split()).rstrip(" ,:") or type(exc).__name__
    return text.encode("ascii", errors="replace").decode()[:80]
