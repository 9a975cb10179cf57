"""The ingest API: any mix of inputs in, articles and one-line errors out, in order."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from sayso.errors import IngestError
from sayso.ingest import read, read_text
from sayso.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_a1619b3733209f9b.txt"


def describe(items: list[Article | IngestError]) -> list[str]:
    return [str(item) if isinstance(item, IngestError) else f"{item.source} | {item.title}" for item in items]


@pytest.mark.skipif(not SEED.exists(), reason="the founding article lives in shared/seeds")
def test_founding_article() -> None:
    (article,) = read(str(SEED))
    assert article.title == "Marginalized in Syria & Iraq, ISIS finds Nagorno Karabakh as its new locus"
    assert article.published == "2020-10-20"
    assert article.byline == "Ramesh Bhan"
    assert article.dateline == "New Delhi"
    assert article.agency == "UNI"
    assert article.text.startswith("Energy rich Nagorno Karabakh")
    assert article.text.endswith("Sergey Lavrov.")
    assert "Last Modified" not in article.text and ":-Ramesh" not in article.text
    assert all(line == line.strip() and line for line in article.text.split("\n"))
    assert article.source == str(SEED)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A folder of mixed formats, several under misleading names, plus hidden files to skip."""
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(FIXTURES / "ledger.rss", root / "a-feed.txt")
    shutil.copy(FIXTURES / "harbour.html", root / "b-page.dat")
    shutil.copy(FIXTURES / "harbour.txt", root / "c-story.txt")
    shutil.copy(FIXTURES / "courier.atom", root / "sub" / "d-atom.xml")
    (root / ".draft.txt").write_text("A hidden draft that must not be read.\n")
    (root / ".git" / "notes.txt").write_text("Version control notes, not news.\n")
    return root


def test_directory_is_read_recursively_in_order_by_content_not_extension(inbox: Path) -> None:
    items = list(read(str(inbox)))
    assert describe(items) == [
        f"{inbox}/a-feed.txt | Ferry timetable cut as diesel costs climb",
        f"{inbox}/a-feed.txt | Library extends weekend hours",
        f"{inbox}/a-feed.txt: https://ledger.example/gallery/spring-fair: feed entry has no text",
        f"{inbox}/b-page.dat | Millbrook harbour board raises mooring fees for third year",
        f"{inbox}/c-story.txt | Millbrook harbour board raises mooring fees for third year",
        f"{inbox}/sub/d-atom.xml | Wells run dry in Oskarby",
        f"{inbox}/sub/d-atom.xml | School roof repaired ahead of schedule",
    ]
    page, story = items[3], items[4]
    assert page.outlet == "The Millbrook Ledger" and story.outlet is None
    assert page.id == story.id


def test_globs_expand_in_sorted_order(inbox: Path) -> None:
    assert [a.source for a in read(f"{inbox}/*.txt") if isinstance(a, Article)] == [
        f"{inbox}/a-feed.txt",
        f"{inbox}/a-feed.txt",
        f"{inbox}/c-story.txt",
    ]
    assert [a.outlet for a in read(f"{inbox}/**/*.xml")] == ["Oskarby Courier", "Oskarby Courier"]


def test_inputs_are_read_in_the_order_given(inbox: Path) -> None:
    items = list(read(str(inbox / "c-story.txt"), str(inbox / "nope.txt"), str(inbox / "b-page.dat")))
    assert describe(items) == [
        f"{inbox}/c-story.txt | Millbrook harbour board raises mooring fees for third year",
        f"{inbox}/nope.txt: no such file or directory",
        f"{inbox}/b-page.dat | Millbrook harbour board raises mooring fees for third year",
    ]


def test_gzipped_and_utf16_text_files(tmp_path: Path) -> None:
    story = (FIXTURES / "harbour.txt").read_text(encoding="utf-8")
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(story.encode()))
    (tmp_path / "story-utf16.txt").write_text(story, encoding="utf-16")
    zipped, wide = read(str(tmp_path / "story.txt.gz"), str(tmp_path / "story-utf16.txt"))
    assert zipped.id == wide.id == read_text(story).id
    assert wide.byline == "Priya Okonkwo-Hale"


BAD_INPUTS: list[tuple[str, bytes | None, str]] = [
    ("empty.txt", b"", "empty.txt: file is empty"),
    ("blank.txt", b"  \n\n \n", "blank.txt: file is empty"),
    ("blob.bin", bytes(range(256)) * 8, "blob.bin: binary file, not text"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(500), "photo.jpg: binary file, not text"),
    (
        "latin1.txt",
        "Le maire a déclaré que le pont rouvrira.".encode("latin-1"),
        "latin1.txt: not UTF-8 text (byte 0xe9 at offset 12)",
    ),
    (
        "notes.txt.gz",
        gzip.compress(b"The ferry will sail four times a day, the operator said." * 50)[:60],
        "notes.txt.gz: truncated gzip archive",
    ),
    ("bad.gz", b"\x1f\x8b\x08\x00" + b"not really deflate data at all" * 3, "bad.gz: corrupt gzip archive"),
    (
        "nothing.html",
        (FIXTURES / "nothing.html").read_bytes(),
        "nothing.html: no article text found in HTML page",
    ),
    (
        "sitemap.xml",
        b'<?xml version="1.0"?><urlset><url><loc>https://ledger.example/</loc></url></urlset>',
        "sitemap.xml: XML document that is neither a feed nor a web page",
    ),
    ("header-only.txt", b"Bridge closes\n\nPublished: 2021-05-04\n", "header-only.txt: no article text found"),
    ("missing.txt", None, "missing.txt: no such file or directory"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes | None, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    if content is not None:
        Path(name).write_bytes(content)
    (error,) = read(name)
    assert isinstance(error, IngestError)
    assert str(error) == message
    assert error.source == name


def test_other_names_that_give_no_input(tmp_path: Path) -> None:
    (tmp_path / "empty-dir").mkdir()
    items = list(read(f"{tmp_path}/*.none", str(tmp_path / "empty-dir"), "ftp://files.example/a.txt"))
    assert [str(e) for e in items] == [
        f"{tmp_path}/*.none: no files match this pattern",
        f"{tmp_path}/empty-dir: no files in directory",
        "ftp://files.example/a.txt: unsupported URL scheme 'ftp' (use http or https)",
    ]


def test_read_text_takes_plain_text_or_html() -> None:
    plain = read_text("The mayor said the bridge would reopen in May.")
    assert plain.text == "The mayor said the bridge would reopen in May."
    assert (plain.title, plain.source) == (None, None)
    page = read_text((FIXTURES / "harbour.html").read_text(encoding="utf-8"), source="clipboard")
    assert page.title == "Millbrook harbour board raises mooring fees for third year"
    assert page.source == "clipboard"
    with pytest.raises(IngestError, match="^<text>: no article text found$"):
        read_text("   ")
