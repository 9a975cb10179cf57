"""Plain-text articles: a header of headline, date line and byline, then paragraphs.

The body keeps one paragraph per line so that offsets into ``Article.text`` stay
meaningful and the same story read from HTML gets the same text.
"""

from __future__ import annotations

from sayso.errors import IngestError
from sayso.ingest.header import split_header
from sayso.ingest.wire import split_wire
from sayso.model import Article

# Editors wrap text at 60 to 80 columns; lines outside this band are not a wrapped paragraph.
MIN_WRAP_WIDTH, MAX_WRAP_WIDTH = 50, 100
_SENTENCE_END = (".", "!", "?", '"', "'", "”", "’")


def parse_text(text: str, source: str | None = None, url: str | None = None) -> Article:
    """Read one plain-text article; raise IngestError if it holds no body text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, rest = split_header(lines)
    wire = split_wire(paragraphs(rest))
    if not wire.paragraphs:
        raise IngestError(source or "<text>", "no article text found")
    return Article(
        text="\n".join(wire.paragraphs),
        title=header.title,
        published=header.published,
        byline=header.byline,
        dateline=wire.dateline,
        agency=wire.agency,
        source=source,
        url=url,
    )


def paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of a text: one per line, except that hard-wrapped blocks are rejoined."""
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            result.extend([" ".join(block)] if _is_wrapped(block) else block)
            block = []
    return result


def _is_wrapped(block: list[str]) -> bool:
    """True when every line but the last fills most of a fixed width and some break mid-sentence."""
    if len(block) < 2 or all(line.endswith(_SENTENCE_END) for line in block[:-1]):
        return False
    widths = [len(line) for line in block]
    return MIN_WRAP_WIDTH <= max(widths) <= MAX_WRAP_WIDTH and min(widths[:-1]) >= 0.6 * max(widths)
