"""What kind of document some bytes are, judged by their content.

Extensions lie (feeds saved as .txt, pages saved as .dat), so only the first
bytes decide.
"""

from __future__ import annotations

import re
import zlib
from typing import Literal

from sayso.ingest.decode import bom_codec

Kind = Literal["warc", "gzip", "feed", "html", "xml", "text", "binary"]

HEAD_SIZE = 4096
GZIP_MAGIC = b"\x1f\x8b"

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|main|article|div|p)[\s/>]")
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def sniff(head: bytes) -> Kind:
    """Classify a document by its first bytes (``HEAD_SIZE`` of them are enough)."""
    if head.startswith(GZIP_MAGIC):
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "gzip"
    if head.startswith(b"WARC/"):
        return "warc"
    text = _head_text(head)
    if text is None:
        return "binary"
    start = text.lstrip("\ufeff \t\r\n").lower()
    if not start.startswith("<"):
        return "text"
    if _FEED_ROOT.search(start):
        return "feed"
    if _HTML_TAG.search(start):
        return "html"
    return "xml" if start.startswith("<?xml") else "text"


def _gunzip_head(head: bytes) -> bytes:
    """The first decompressed bytes of a gzip stream, or nothing if they cannot be read."""
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


def _head_text(head: bytes) -> str | None:
    """The head as text for sniffing, or None when it looks like binary data."""
    codec = bom_codec(head)
    if codec:
        return head.decode(codec, errors="ignore")
    if b"\x00" in head or sum(byte in _CONTROL for byte in head) > len(head) // 20:
        return None
    return head.decode("utf-8", errors="replace")
