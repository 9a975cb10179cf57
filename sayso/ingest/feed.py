"""RSS and Atom feeds: every entry that carries text is an article."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml.etree import ParserError

from sayso.errors import IngestError
from sayso.ingest.dates import parse_date
from sayso.ingest.plaintext import paragraphs
from sayso.ingest.wire import split_wire
from sayso.model import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # lxml refuses them in text
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "br")


def parse_feed(data: bytes, source: str) -> Iterator[Article | IngestError]:
    """The articles of a feed in document order, and an error for each entry without text."""
    try:
        parsed = feedparser.parse(data)
    except ValueError as exc:  # feedparser's encoding sniffing can trip over damaged bytes
        yield IngestError(source, f"not a readable feed ({exc})")
        return
    wires = [split_wire(_entry_paragraphs(entry)) for entry in parsed.entries]
    if parsed.bozo and not any(wire.paragraphs for wire in wires):
        yield IngestError(source, f"not a readable feed ({parsed.bozo_exception})")
        return
    if not wires:
        yield IngestError(source, "feed has no entries")
        return
    outlet = parsed.feed.get("title") or None
    for number, (entry, wire) in enumerate(zip(parsed.entries, wires), start=1):
        if not wire.paragraphs:
            name = " ".join((entry.get("link") or entry.get("title") or f"entry {number}").split())
            yield IngestError(source, f"{name}: feed entry has no text")
            continue
        yield Article(
            text="\n".join(wire.paragraphs),
            title=entry.get("title") or None,
            published=_entry_date(entry),
            byline=entry.get("author") or None,
            dateline=wire.dateline,
            outlet=outlet,
            agency=wire.agency,
            source=source,
            url=entry.get("link") or None,
        )


def _entry_paragraphs(entry: Any) -> list[str]:
    """The fullest text an entry has: its content, else its summary."""
    parts = entry.get("content") or ([entry.summary_detail] if entry.get("summary_detail") else [])
    if not parts:
        return []
    part = max(parts, key=lambda p: len(p.get("value", "")))
    value = part.get("value", "")
    if part.get("type") in _HTML_TYPES:
        return _fragment_paragraphs(value)
    return paragraphs(value.splitlines())


def _fragment_paragraphs(fragment: str) -> list[str]:
    """Paragraphs of an HTML snippet: block elements and <br> end a paragraph."""
    try:
        root = lxml.html.fragment_fromstring(_CONTROL_CHARS.sub("", fragment), create_parent="div")
    except ParserError:
        return []
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return [line for line in lines if line]


def _entry_date(entry: Any) -> str | None:
    """The entry's date as written (feedparser's parsed form is shifted to UTC, which can change the day)."""
    for key in ("published", "updated", "created"):
        if entry.get(key) and (iso := parse_date(entry[key])):
            return iso
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
