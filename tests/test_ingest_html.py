"""Web pages: the story, not the menus, with the page's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from sayso.errors import IngestError
from sayso.ingest.html import parse_html
from sayso.ingest.plaintext import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_story_and_metadata_come_out_without_boilerplate() -> None:
    article = parse_html((FIXTURES / "harbour.html").read_bytes(), "harbour.html")
    assert article.title == "Millbrook harbour board raises mooring fees for third year"
    assert article.published == "2023-04-11"
    assert article.byline == "Priya Okonkwo-Hale"
    assert article.outlet == "The Millbrook Ledger"
    assert article.url == "https://ledger.example/news/2023/04/harbour-fees"
    assert (article.dateline, article.agency) == ("MILLBROOK", "AP")
    assert article.text.startswith("The Millbrook harbour board voted 5-2 on Monday")
    assert article.text.endswith("The new fees take effect on June 1.")
    assert len(article.text.split("\n")) == 5
    for boilerplate in ("Most read", "Bakery", "All rights reserved", "Sport"):
        assert boilerplate not in article.text


def test_page_and_text_file_of_one_story_share_an_id() -> None:
    page = parse_html((FIXTURES / "harbour.html").read_bytes(), "harbour.html")
    text = parse_text((FIXTURES / "harbour.txt").read_text(encoding="utf-8"), "harbour.txt")
    assert page.text != text.text  # curly quotes on the page, straight ones in the file
    assert page.id == text.id


def test_byline_and_date_paragraphs_in_the_body_become_metadata() -> None:
    page = """<html><head><title>Wells run dry in Oskarby</title></head><body>
      <article><h1>Wells run dry in Oskarby</h1>
      <p>By Lena Marsh</p><p>Published: 13 March 2019</p>
      <p>OSKARBY — Three village wells ran dry this week, the regional water board said on Wednesday.</p>
      <p>"We are trucking water in," engineer Dev Raman said.</p></article></body></html>"""
    article = parse_html(page, "wells.html", "https://courier.example/wells")
    assert (article.byline, article.published, article.dateline) == ("Lena Marsh", "2019-03-13", "OSKARBY")
    assert article.outlet == "courier.example"
    assert article.text.startswith("Three village wells ran dry")


def test_page_without_a_story_is_an_error() -> None:
    with pytest.raises(IngestError) as caught:
        parse_html((FIXTURES / "nothing.html").read_bytes(), "nothing.html")
    assert str(caught.value) == "nothing.html: no article text found in HTML page"
