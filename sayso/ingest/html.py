"""Web pages: trafilatura finds the story among menus, teasers and footers.

The body is then framed like a plain-text one (header lines, dateline, agency tag)
so that a story read as a page and as a text file gets the same text and id.
"""

from __future__ import annotations

import trafilatura

from sayso.errors import IngestError
from sayso.ingest.header import split_header
from sayso.ingest.wire import split_wire
from sayso.model import Article, normalise_text

# Menus and cookie notices come out as lists of short lines; a story has at least one sentence.
MIN_PARAGRAPH_WORDS = 6


def parse_html(page: str | bytes, source: str | None = None, url: str | None = None) -> Article:
    """Extract the article of one HTML page; raise IngestError when the page holds none."""
    doc = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    lines = [" ".join(line.split()) for line in (doc.text or "").split("\n")] if doc else []
    lines = [line for line in lines if line]
    if doc and doc.title and lines and normalise_text(lines[0]) == normalise_text(doc.title):
        lines = lines[1:]
    header, rest = split_header(lines, find_title=False)
    wire = split_wire(rest)
    if not any(len(p.split()) >= MIN_PARAGRAPH_WORDS for p in wire.paragraphs):
        raise IngestError(source or "<text>", "no article text found in HTML page")
    return Article(
        text="\n".join(wire.paragraphs),
        title=doc.title,
        published=doc.date or header.published,
        byline=doc.author or header.byline,
        dateline=wire.dateline,
        outlet=doc.sitename or doc.hostname,
        agency=wire.agency,
        source=source,
        url=doc.url or url,
    )
