"""RSS and Atom feeds: one article per entry that carries text."""

from __future__ import annotations

from pathlib import Path

from sayso.errors import IngestError
from sayso.ingest.feed import parse_feed
from sayso.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_rss_entries() -> None:
    ferry, library, gallery = parse_feed((FIXTURES / "ledger.rss").read_bytes(), "ledger.rss")
    assert isinstance(ferry, Article) and isinstance(library, Article)
    assert ferry.title == "Ferry timetable cut as diesel costs climb"
    assert ferry.published == "2023-04-18"  # the day as written, not shifted to UTC
    assert ferry.byline == "Jonas Whitlock"
    assert ferry.outlet == "The Millbrook Ledger"
    assert ferry.url == "https://ledger.example/news/2023/04/ferry-timetable"
    assert ferry.dateline == "MILLBROOK"
    assert ferry.source == "ledger.rss"
    # content:encoded beats the shorter description; <p> and <br> end paragraphs
    assert ferry.text.split("\n") == [
        "The Millbrook–Tarrow ferry will sail four times a day instead of six from May,"
        " the operator said on Tuesday.",
        "“Fuel now costs us twice what it did in 2021,” said operations manager Keri Santos.",
        "Passengers were told to book ahead.",
    ]
    assert library.text == (
        "The town library will open on Sundays from next month, librarian Ada Moorcroft said."
    )
    assert library.published == "2023-04-19"
    assert isinstance(gallery, IngestError)
    assert str(gallery) == "ledger.rss: https://ledger.example/gallery/spring-fair: feed entry has no text"


def test_atom_entries() -> None:
    wells, roof = parse_feed((FIXTURES / "courier.atom").read_bytes(), "courier.atom")
    assert wells.title == "Wells run dry in Oskarby"
    assert (wells.byline, wells.outlet) == ("Lena Marsh", "Oskarby Courier")
    assert (wells.dateline, wells.agency, wells.published) == ("OSKARBY", "Reuters", "2019-03-13")
    assert wells.text.startswith("Three village wells ran dry this week")
    assert wells.url == "https://courier.example/2019/03/wells"
    assert roof.published == "2019-03-14"  # published beats updated
    assert roof.text.split("\n") == [
        "Builders finished repairing the school roof on Thursday, two weeks ahead of schedule,"
        " headteacher Mira Osei said.",
        "Classes return to the main hall on Monday.",
    ]


def test_broken_and_empty_feeds() -> None:
    (broken,) = parse_feed(b"<rss><channel><item><title>Half a", "cut.rss")
    assert broken.reason.startswith("not a readable feed")
    quiet = b'<rss version="2.0"><channel><title>Quiet Times</title></channel></rss>'
    (empty,) = parse_feed(quiet, "quiet.rss")
    assert str(empty) == "quiet.rss: feed has no entries"
