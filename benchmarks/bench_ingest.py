"""Reading inputs: HTML pages against trafilatura alone, WARC records against warcio alone.

Invented news pages (``generate.html_page``: head metadata, menus, a cookie notice, teasers,
inline script and style around the story) are written as files, then read

- by ``sayso.ingest.read`` (sniffing, trafilatura, header/dateline/agency framing), and, as the
  baseline, by reading each file and calling ``trafilatura.bare_extraction`` with the options
  sayso passes it;
- from a generated gzipped WARC (a request and a response per page, images, stylesheets and
  404s between them): sayso's record walk (``read_warc`` with the HTML step stubbed out, so
  only the archive reading counts) against warcio's ``ArchiveIterator`` reading every record's
  content; and the whole archive to articles against warcio + trafilatura per page.

    python benchmarks/bench_ingest.py [--quick]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import best_of_each, command_line, row  # noqa: E402

import generate  # noqa: E402

FULL, QUICK = 500, 50  # pages
TRAFILATURA_OPTIONS = dict(
    with_metadata=True,
    include_comments=False,
    favor_precision=True,
    date_extraction_params={"extensive_search": False, "original_date": True},
)


def _extract(page: bytes, url: str | None = None) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(page, url=url, **TRAFILATURA_OPTIONS)


def _sayso_read(*inputs: str) -> int:
    from sayso.ingest import read
    from sayso.model import Article

    return sum(isinstance(item, Article) for item in read(*inputs))


def _warcio_records(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            record.content_stream().read()
            count += 1
    return count


def _warcio_pages(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = record.http_headers.get_header("Content-Type") or ""
            if record.http_headers.get_statuscode() == "200" and kind.startswith("text/html"):
                if _extract(record.content_stream().read(), record.rec_headers.get_header("WARC-Target-URI")) is not None:
                    count += 1
    return count


def _sayso_records(path: Path) -> int:
    """sayso's WARC reader with the HTML step replaced by nothing: the archive walk alone."""
    from sayso.ingest import warc
    from sayso.model import Article

    with mock.patch.object(warc, "parse_html", lambda payload, source, uri: Article(text="", source=source)):
        with open(path, "rb") as stream:
            return sum(1 for _ in warc.read_warc(stream, str(path)))


def run(quick: bool = False, pages: int | None = None, repeats: int | None = None) -> list[dict[str, Any]]:
    count = pages or (QUICK if quick else FULL)
    repeats = repeats or (1 if quick else 3)
    folder = Path(tempfile.mkdtemp(prefix="sayso-bench-ingest-"))
    try:
        paths = generate.write_pages(folder / "pages", count)
        files = [str(p) for p in paths]
        raw = [p.read_bytes() for p in paths]
        mean_kb = sum(len(b) for b in raw) / len(raw) / 1024
        html = best_of_each(repeats, sayso=lambda: _sayso_read(*files), bare=lambda: [_extract(p.read_bytes()) for p in paths])
        archive = folder / "crawl.warc.gz"
        counts = generate.write_warc(archive, count)
        size_mb = archive.stat().st_size / 1e6
        walk = best_of_each(repeats, sayso=lambda: _sayso_records(archive), bare=lambda: _warcio_records(archive))
        to_articles = best_of_each(repeats, sayso=lambda: _sayso_read(str(archive)), bare=lambda: _warcio_pages(archive))
        sayso_html, bare_html = html["sayso"], html["bare"]
        sayso_walk, bare_walk = walk["sayso"], walk["bare"]
        sayso_warc, bare_warc = to_articles["sayso"], to_articles["bare"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return [
        row("ingest", "HTML pages → articles", count / sayso_html, "pages/s", count / bare_html, sayso_html / bare_html,
            f"{1000 * sayso_html / count:.1f} vs {1000 * bare_html / count:.1f} ms/page; {count} pages of {mean_kb:.0f} KB; "
            "baseline: trafilatura.bare_extraction alone, sayso's options"),
        row("ingest", "WARC records read", counts.records / sayso_walk, "records/s", counts.records / bare_walk, sayso_walk / bare_walk,
            f"{counts.records:,} records ({counts.pages} pages, {size_mb:.1f} MB gzipped); HTML step stubbed out; "
            "baseline: warcio ArchiveIterator reading every record"),
        row("ingest", "WARC pages → articles", counts.pages / sayso_warc, "pages/s", counts.pages / bare_warc, sayso_warc / bare_warc,
            f"{1000 * sayso_warc / counts.pages:.1f} vs {1000 * bare_warc / counts.pages:.1f} ms/page; baseline: warcio + trafilatura per page"),
    ]


if __name__ == "__main__":
    command_line(__doc__, run, pages=int, repeats=int)
