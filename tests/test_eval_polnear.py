"""The PolNeAR reader on the real train and dev files, and on tiny corpora written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import POLNEAR
from sayso.errors import SaysoError
from sayso.evaluate.polnear import GoldDocument, load_split, parse_ann
from sayso.model import Span

ROLES = ("source", "cue", "content")


@pytest.fixture(scope="module")
def dev() -> dict[str, GoldDocument]:
    return {d.name: d for d in load_split("dev", POLNEAR)}


def test_document_counts_per_split(dev: dict[str, GoldDocument]) -> None:
    assert len(dev) == 84
    train = load_split("train", POLNEAR)
    assert len(train) == 840
    assert len({d.name for d in train}) == 840
    assert {d.publisher for d in train} == {d.publisher for d in dev.values()} == {
        "breitbart", "huff-post", "nyt", "politico", "usa-today", "wash-post", "west-journal",
    }


def test_every_fragment_points_into_its_article(dev: dict[str, GoldDocument]) -> None:
    for document in dev.values():
        for attribution in document.attributions:
            for role in ROLES:
                for fragment in attribution.role(role):
                    assert document.text[fragment.start : fragment.end] == fragment.text


def test_a_known_dev_attribution(dev: dict[str, GoldDocument]) -> None:
    # dev/attributions/breitbart_2016-09-12_stealth-over-health-hillary-clin_ef2d.ann, lines T1-T4 and E1
    document = dev["breitbart_2016-09-12_stealth-over-health-hillary-clin"]
    assert (document.publisher, document.published, document.annotator) == ("breitbart", "2016-09-12", "ef2d")
    first = document.attributions[0]
    assert first.source == [Span("The New York Post", 89, 106)]
    assert first.cue == [Span("reports", 107, 114)]
    assert len(first.content) == 1
    assert (first.content[0].start, first.content[0].end) == (115, 290)
    assert first.content[0].text.startswith("that Hillary Clinton’s team avoided")
    assert first.content[0].text.endswith("“keep the details of her medical treatment under wraps.”")
    assert document.article().outlet == "breitbart"


def test_discontinuous_spans_are_kept_as_fragments(dev: dict[str, GoldDocument]) -> None:
    # T9 Content 315 448;463 553, tied by E3 to Cue T10 "said" and Source T11 "Caddell"
    document = dev["breitbart_2016-09-15_pat-caddell-democrat-voters-worr"]
    (quote,) = [a for a in document.attributions if a.cue and a.cue[0].start == 449]
    assert [(f.start, f.end) for f in quote.content] == [(315, 448), (463, 553)]
    assert quote.content[0].text.startswith("“One of the things I am surprised about")
    assert quote.content[1].text.startswith("“Yesterday, there were two polls.")
    assert quote.source == [Span("Caddell", 454, 461)]


def test_a_second_content_joins_the_first(dev: dict[str, GoldDocument]) -> None:
    # E5 Attribution:T21 Cue:T20 Source:T19 Content:T18 Content2:T22
    document = dev["politico_2016-09-22_house-panel-votes-to-hold-clinto"]
    (chaffetz,) = [a for a in document.attributions if a.source and a.source[0].start == 688]
    assert [(f.start, f.end) for f in chaffetz.content] == [(658, 687), (851, 1027)]


def test_attribution_without_source(dev: dict[str, GoldDocument]) -> None:
    # E5 Attribution-no-source:T18 Content:T17 Cue:T16 — "The clip has faced ridicule online"
    document = dev["breitbart_2016-09-28_mary-j-blige-sings-to-hillary-cl"]
    (ridicule,) = [a for a in document.attributions if a.cue and a.cue[0].start == 573]
    assert ridicule.source == []
    assert ridicule.cue == [Span("has faced ridicule online", 573, 598)]
    assert ridicule.content == [Span("The clip", 564, 572)]
    no_source = sum(not a.source for d in dev.values() for a in d.attributions)
    assert 0 < no_source < sum(len(d.attributions) for d in dev.values())


def test_first_sorting_annotator_is_used(dev: dict[str, GoldDocument]) -> None:
    name = "politico_2016-09-08_flynn-says-trump-absolutely-righ"
    annotators = sorted(p.stem.rpartition("_")[2] for p in (POLNEAR / "dev" / "attributions").glob(f"{name}_*.ann"))
    assert len(annotators) == 6
    document = dev[name]
    assert document.annotator == annotators[0] == "4b22"
    ann = (POLNEAR / "dev" / "attributions" / f"{name}_4b22.ann").read_text(encoding="utf-8")
    assert document.attributions == parse_ann(ann, document.text)[0]


def write_corpus(root: Path, text: str, annotations: dict[str, str]) -> None:
    """A one-article dev split: text/NAME.txt and one NAME_ANNOTATOR.ann per annotator."""
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "nyt_2016-01-01_x.txt").write_text(text, encoding="utf-8")
    for annotator, ann in annotations.items():
        (root / "dev" / "attributions" / f"nyt_2016-01-01_x_{annotator}.ann").write_text(ann, encoding="utf-8")


TEXT = "Smith said taxes rise. Jones wrote more."
SMITH = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 21\ttaxes rise\nT4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"


def test_the_rule_ignores_which_file_says_more(tmp_path: Path) -> None:
    jones = "T11\tSource 23 28\tJones\nT12\tCue 29 34\twrote\nT13\tContent 35 39\tmore\nT14\tAttribution 29 34\twrote\nE2\tAttribution:T14 Content:T13 Cue:T12 Source:T11\n"
    write_corpus(tmp_path, TEXT, {"ffff": SMITH + jones, "0abc": SMITH})
    (document,) = load_split("dev", tmp_path)
    assert document.annotator == "0abc"
    assert len(document.attributions) == 1
    assert document.publisher == "nyt"  # no metadata.tsv: taken from the file name


def test_stray_lines_are_counted_and_skipped(tmp_path: Path) -> None:
    ann = (
        "T1\tSource 0 5\tSmith\n"
        "#1\tAnnotatorNotes T1\tis this right?\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 21\ttaxes\n"
        "\n"
        "rise\n"  # the rest of a broken line: no tab
        "T5\tContent 30 999\tpast the end of the text\n"
        "T6\tDiscuss 0 10\tSmith said\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "E2\tAttribution:T4 Content:T5\n"  # T5 was skipped, so this refers to nothing
        "E3\tbroken\n"
    )
    write_corpus(tmp_path, TEXT, {"4b22": ann})
    (document,) = load_split("dev", tmp_path)
    assert document.skipped_lines == 5
    assert len(document.attributions) == 2
    smith, dangling = document.attributions
    assert smith.content == [Span("taxes rise", 11, 21)]
    assert (dangling.source, dangling.cue, dangling.content) == ([], [], [])


@pytest.mark.parametrize("split", ["test", "TEST", "../dev", ""])
def test_only_train_and_dev_are_read(split: str, tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="only train and dev"):
        load_split(split, tmp_path)


def test_missing_corpus_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="no PolNeAR dev data"):
        load_split("dev", tmp_path)
