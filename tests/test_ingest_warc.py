"""Web archives: pages come out as articles, streamed; damage ends the read with one error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sayso.errors import IngestError
from sayso.ingest import read
from sayso.ingest.warc import read_warc
from sayso.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

Record = tuple[str, str, str, bytes]  # target URI, HTTP status line, content type, body


def page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Tarrow Valley Gazette"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


PAGES: list[Record] = [
    (
        "https://gazette.example/2022/bridge",
        "200 OK",
        "text/html; charset=utf-8",
        page(
            "Tarrow bridge to reopen in May",
            "The Tarrow bridge will reopen to traffic in May, county engineer Ola Brandt said on Friday.",
            "Repairs to the bridge deck cost less than expected, she said.",
        ),
    ),
    (
        "https://gazette.example/2022/logo.png",
        "200 OK",
        "image/png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ),
    (
        "https://gazette.example/2022/gone",
        "404 Not Found",
        "text/html",
        page("Not found", "The page you were looking for has been moved or deleted by the editors."),
    ),
    (
        "https://gazette.example/2022/orchard",
        "200 OK",
        "text/html",
        page(
            "Orchard owners fear late frost",
            "Apple growers in the Tarrow valley said a late frost could halve this year's harvest.",
            "“We lost a third of the blossom in one night,” grower Hamid Sayer said.",
        ),
    ),
    (
        "https://ledger.example/news/2023/04/harbour-fees",
        "200 OK",
        "text/html",
        (FIXTURES / "harbour.html").read_bytes(),
    ),
]


def write_warc(path: Path, records: list[Record]) -> list[int]:
    """Write ``records`` as a WARC (gzipped when the name ends in .gz); return each record's offset."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for uri, status, content_type, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            offsets.append(out.tell())
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return offsets


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_articles_in_archive_order(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, PAGES)
    items = list(read(str(path)))
    assert all(isinstance(item, Article) for item in items)
    assert [a.url for a in items] == [
        "https://gazette.example/2022/bridge",
        "https://gazette.example/2022/orchard",
        "https://ledger.example/news/2023/04/harbour-fees",
    ]
    bridge = items[0]
    assert bridge.title == "Tarrow bridge to reopen in May"
    assert bridge.outlet == "Tarrow Valley Gazette"
    assert bridge.source == str(path)
    assert bridge.text.startswith("The Tarrow bridge will reopen to traffic in May")
    assert items[2].outlet == "The Millbrook Ledger"


def test_archived_page_has_the_same_id_as_the_text_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES)
    archived = list(read(str(path)))[-1]
    (text_file,) = read(str(FIXTURES / "harbour.txt"))
    assert archived.id == text_file.id


def test_archive_with_a_misleading_name_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "backup.dat"
    write_warc(path, PAGES[:1])
    assert [a.title for a in read(str(path))] == ["Tarrow bridge to reopen in May"]


def test_page_without_article_text_is_reported_with_its_uri(tmp_path: Path) -> None:
    path = tmp_path / "menu.warc"
    empty = ("https://gazette.example/menu", "200 OK", "text/html", (FIXTURES / "nothing.html").read_bytes())
    write_warc(path, [empty, PAGES[0]])
    error, article = read(str(path))
    assert str(error) == f"{path}: https://gazette.example/menu: no article text found in HTML page"
    assert article.title == "Tarrow bridge to reopen in May"


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    pages = [PAGES[0], PAGES[3], PAGES[4]]
    offsets = write_warc(path, pages)
    data = path.read_bytes()
    path.write_bytes(data[: (offsets[2] + len(data)) // 2])
    *articles, error = read(str(path))
    assert [a.url for a in articles] == [pages[0][0], pages[1][0]]
    assert isinstance(error, IngestError)
    assert str(error) == f"{path}: truncated gzip archive after 2 records"


def test_gzip_cut_inside_a_record_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.warc.gz"
    offsets = write_warc(path, [PAGES[0], PAGES[3]])
    path.write_bytes(path.read_bytes()[: offsets[1] + 12])
    article, error = read(str(path))
    assert article.url == PAGES[0][0]
    assert str(error) == f"{path}: truncated gzip archive after 1 record"


def test_truncated_uncompressed_warc_names_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "x.warc"
    offsets = write_warc(path, [PAGES[0], PAGES[3]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    article, error = read(str(path))
    assert article.url == PAGES[0][0]
    assert str(error) == f"{path}: truncated WARC record at offset {offsets[1]} after 1 record"


@pytest.mark.parametrize("name", ["x.warc", "x.warc.gz"])
def test_corrupt_record_stops_the_archive_after_the_good_ones(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = write_warc(path, [PAGES[0], PAGES[3], PAGES[4]])
    data = bytearray(path.read_bytes())
    data[offsets[1] : offsets[1] + 20] = b"GARBAGE GARBAGE!\r\n\r\n"
    path.write_bytes(bytes(data))
    article, error = read(str(path))
    assert article.url == PAGES[0][0]
    assert isinstance(error, IngestError)
    assert str(error) == (
        f"{path}: corrupt WARC record at offset {offsets[1]} after 1 record (Invalid WARC record)"
    )


def test_archive_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    write_warc(path, [PAGES[0]] * 300)
    with path.open("rb") as stream:
        articles = read_warc(stream, str(path))
        assert next(articles).title == "Tarrow bridge to reopen in May"
        assert stream.tell() < path.stat().st_size / 8
        articles.close()
