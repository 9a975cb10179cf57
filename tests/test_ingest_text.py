"""Plain-text articles: header lines, datelines, agency tags and paragraphs."""

from __future__ import annotations

import pytest

from sayso.errors import IngestError
from sayso.ingest.dates import parse_date
from sayso.ingest.decode import decode_text
from sayso.ingest.header import byline_line, date_line
from sayso.ingest.plaintext import paragraphs, parse_text
from sayso.ingest.wire import split_wire


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Last Modified Tuesday, 20 October 2020 (16:12 IST)", "2020-10-20"),
        ("Published: 2020-10-20", "2020-10-20"),
        ("Updated on March 3, 2021 at 9:15 a.m. ET", "2021-03-03"),
        ("Posted 3rd March 2021, 14:02 GMT", "2021-03-03"),
        ("Sept. 9, 2019", "2019-09-09"),
        ("2022-01-31T08:00:00+05:30", "2022-01-31"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Published: 31 June 2020",  # no such day
        "On 20 October 2020 the council met to discuss the bridge.",
        "Officials said the talks would resume.",
    ],
)
def test_lines_that_are_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_dates_in_feed_strings_keep_the_day_as_written() -> None:
    assert parse_date("Tue, 18 Apr 2023 23:30:00 -0500") == "2023-04-18"
    assert parse_date("no date here") is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        (":-Ramesh Bhan", "Ramesh Bhan"),
        ("By Jane Doe", "Jane Doe"),
        ("BY KOFI MENSAH-ADJEI", "KOFI MENSAH-ADJEI"),
        ("By Lotte van der Berg and Sam Okafor", "Lotte van der Berg and Sam Okafor"),
        ("Author: Inés Carvalho", "Inés Carvalho"),
        ("By Tuesday, officials said the talks had failed", None),
        ("By the end of the year, the plant will close.", None),
    ],
)
def test_bylines(line: str, name: str | None) -> None:
    assert byline_line(line) == name


@pytest.mark.parametrize(
    ("first", "dateline", "agency", "rest"),
    [
        ("New Delhi: Energy rich regions", "New Delhi", None, "Energy rich regions"),
        ("MILLBROOK (AP) — The board voted", "MILLBROOK", "AP", "The board voted"),
        ("NEW DELHI, Oct 20 (Reuters) - Prices rose", "NEW DELHI", "Reuters", "Prices rose"),
        ("SPRINGFIELD, Ill. (AP) -- A judge ruled", "SPRINGFIELD, Ill.", "AP", "A judge ruled"),
        ("Chennai, 4 March (PTI) Farmers marched", "Chennai", "PTI", "Farmers marched"),
        ("LONDON — Rain fell", "LONDON", None, "Rain fell"),
        ("The board — which met on Monday — voted", None, None, "The board — which met on Monday — voted"),
        ("Update: the road has reopened", None, None, "Update: the road has reopened"),
        ("However, according to officials, it rose", None, None, "However, according to officials, it rose"),
    ],
)
def test_datelines(first: str, dateline: str | None, agency: str | None, rest: str) -> None:
    wire = split_wire([first, "Last paragraph."])
    assert (wire.dateline, wire.agency, wire.paragraphs[0]) == (dateline, agency, rest)


def test_closing_agency_tag_comes_off_the_body() -> None:
    assert split_wire(["First.", "He said so. (UNI)"]).paragraphs == ["First.", "He said so."]
    assert split_wire(["First.", "(IANS)"]).agency == "IANS"
    assert split_wire(["First.", "(IANS)"]).paragraphs == ["First."]
    kept = ["It was run by the Syrian Observatory for Human Rights (SOHR)"]
    assert split_wire(kept).paragraphs == kept


def test_a_dateline_agency_wins_over_a_closing_tag() -> None:
    wire = split_wire(["PARIS (AFP) - It rained.", "It stopped. (UNI)"])
    assert (wire.agency, wire.paragraphs) == ("AFP", ["It rained.", "It stopped."])


def test_full_header() -> None:
    article = parse_text(
        "Council approves Ferncastle ring road\n"
        "\n"
        "Updated: 4 May 2021\n"
        "By Hana Ueda\n"
        "\n"
        "FERNCASTLE (AP) — The county council approved the ring road on Tuesday.\n"
        "\n"
        "Opponents said they would go to court. (AP)\n",
        source="ring-road.txt",
    )
    assert article.title == "Council approves Ferncastle ring road"
    assert article.published == "2021-05-04"
    assert article.byline == "Hana Ueda"
    assert (article.dateline, article.agency) == ("FERNCASTLE", "AP")
    assert article.text == (
        "The county council approved the ring road on Tuesday.\nOpponents said they would go to court."
    )
    assert article.source == "ring-road.txt"


def test_text_without_header_is_all_body() -> None:
    text = (
        "The mayor said on Monday that the market would move to the old station.\n"
        "\n"
        "Traders said they had not been consulted.\n"
    )
    article = parse_text(text)
    assert article.title is None
    assert article.text == (
        "The mayor said on Monday that the market would move to the old station.\n"
        "Traders said they had not been consulted."
    )


def test_a_short_first_sentence_is_not_a_headline() -> None:
    article = parse_text("Traders were furious.\n\nThe mayor said the market would move.")
    assert article.title is None
    assert article.text.startswith("Traders were furious.")


def test_a_long_first_line_is_not_a_headline() -> None:
    first = " ".join(["word"] * 25)
    assert parse_text(f"{first}\n\nMore text follows here.").title is None


def test_hard_wrapped_paragraphs_are_rejoined_and_line_paragraphs_kept() -> None:
    wrapped = [
        "The water board said on Wednesday that three of the village wells had",
        "run dry after the driest winter in forty years, and that tankers would",
        "supply the village.",
        "",
        "Short line one.",
        "A much longer second line that is clearly its own paragraph in the source text as given.",
    ]
    assert paragraphs(wrapped) == [
        "The water board said on Wednesday that three of the village wells had run dry after the driest"
        " winter in forty years, and that tankers would supply the village.",
        "Short line one.",
        "A much longer second line that is clearly its own paragraph in the source text as given.",
    ]


def test_windows_line_endings_and_trailing_spaces() -> None:
    article = parse_text(
        "Bridge closes\r\n\r\nBy Ola Brandt\r\nThe bridge closed today.   \r\nIt reopens in May.  \r\n"
    )
    assert (article.title, article.byline) == ("Bridge closes", "Ola Brandt")
    assert article.text == "The bridge closed today.\nIt reopens in May."


def test_header_without_body_is_an_error() -> None:
    with pytest.raises(IngestError, match="^notes.txt: no article text found$"):
        parse_text("Bridge closes\n\nPublished: 2021-05-04\n", source="notes.txt")


def test_utf8_bom_and_utf16_are_decoded() -> None:
    text = "Café owner Zoë Lund said prices would rise."
    assert decode_text(b"\xef\xbb\xbf" + text.encode(), "a.txt") == text
    assert decode_text(text.encode("utf-16"), "a.txt") == text


def test_other_encodings_are_refused_with_the_offending_byte() -> None:
    with pytest.raises(IngestError) as caught:
        decode_text("Le maire a déclaré".encode("latin-1"), "latin1.txt")
    assert str(caught.value) == "latin1.txt: not UTF-8 text (byte 0xe9 at offset 12)"
