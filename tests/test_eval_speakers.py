"""The hand-annotated speaker gold file and the speaker-resolution scorer (fast: no analysis is run)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rich.console import Console

from conftest import POLNEAR
from sayso.errors import SaysoError
from sayso.evaluate.polnear import load_split
from sayso.evaluate.speakers import (
    CATEGORIES,
    GOLD_FILES,
    GOLD_PATH,
    GoldSpeaker,
    errors_table,
    load_gold,
    name_matches,
    name_tokens,
    predicted_speaker,
    score,
    speakers_table,
)
from sayso.model import Analysis, Article, Attribution, Span, Speaker


@pytest.fixture(scope="module")
def dev_texts() -> dict[str, str]:
    return {d.name: d.text for d in load_split("dev", POLNEAR)}


def test_gold_items_match_the_dev_text_at_their_offsets(dev_texts: dict[str, str]) -> None:
    items = load_gold(texts=dev_texts)
    assert len(items) >= 150
    for item in items:
        assert dev_texts[item.document][item.start : item.end] == item.text


def test_gold_covers_every_publisher_and_category(dev_texts: dict[str, str]) -> None:
    items = load_gold(texts=dev_texts)
    publishers = Counter(i.document.split("_", 1)[0] for i in items)
    assert len(publishers) == 7 and min(publishers.values()) >= 15
    categories = Counter(i.category for i in items)
    assert set(categories) == set(CATEGORIES) and min(categories.values()) >= 40
    assert len({i.document for i in items}) >= 40
    assert {i.part for i in items} == {"tuning", "held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5", "held_out_6", "held_out_7", "held_out_8"}  # held_out_9 is in the train file


def test_the_train_batch_matches_the_train_text_and_is_held_out() -> None:
    texts = {d.name: d.text for d in load_split("train", POLNEAR)}
    items = load_gold(GOLD_FILES["train"], texts, "train")
    assert len(items) >= 300 and {i.part for i in items} == {"held_out_9", "held_out_10", "held_out_11", "held_out_12", "held_out_13", "held_out_14", "held_out_15", "held_out_16", "held_out_17", "held_out_18", "held_out_19", "held_out_20", "held_out_21", "held_out_22"}
    assert not {i.document for i in items} & {d.name for d in load_split("dev", POLNEAR)}
    with pytest.raises(SaysoError, match="no PolNeAR train document"):
        load_gold(GOLD_FILES["dev"], texts, "train")


def _write(tmp_path: Path, *rows: dict) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


ROW = {"document": "d1", "start": 4, "end": 6, "text": "He", "category": "pronoun", "name": "Ana Ruiz", "type": "person"}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"text": "She"}, "not 'She'"),
        ({"start": 6}, "0 <= start < end"),
        ({"category": "noun"}, "category 'noun'"),
        ({"type": "spy"}, "type 'spy'"),
        ({"document": "d2"}, "no PolNeAR dev document"),
        ({"name": None, "aliases": ["X"]}, "aliases given"),
        ({"part": "test"}, "part 'test'"),
    ],
)
def test_loader_refuses_bad_items(tmp_path: Path, change: dict, message: str) -> None:
    path = _write(tmp_path, {**ROW, **change})
    with pytest.raises(SaysoError, match=message):
        load_gold(path, {"d1": "Yes He said so."})


def test_loader_refuses_a_span_annotated_twice_and_broken_lines(tmp_path: Path) -> None:
    with pytest.raises(SaysoError, match="annotated twice"):
        load_gold(_write(tmp_path, ROW, ROW), {"d1": "Yes He said so."})
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"document": \n', encoding="utf-8")
    with pytest.raises(SaysoError, match="broken.jsonl:1: not JSON"):
        load_gold(broken)


def test_the_shipped_gold_file_is_where_the_evaluator_looks() -> None:
    assert GOLD_PATH.is_file() and GOLD_PATH.parent.joinpath("README.md").is_file()


@pytest.mark.parametrize(
    "predicted, gold, aliases, right",
    [
        ("Donald Trump", "Donald J. Trump", (), True),  # a middle initial
        ("Mr. Obama", "Obama", (), True),  # an honorific
        ("the Trump campaign", "Trump campaign", (), True),
        ("Hillary Clinton's", "Hillary Clinton", (), True),  # a possessive
        ('Robert C. "Bobby" Scott', "Robert C. Scott", (), True),  # a nickname
        ("Clinton", "Hillary Clinton", (), False),  # a surname alone is not resolved
        ("Bill Clinton", "Hillary Clinton", (), False),
        ("Hillary Clinton campaign", "Clinton campaign", ("Hillary Clinton campaign",), True),
        (None, None, (), True),
        ("Officials", None, (), False),
        (None, "Ana Ruiz", (), False),
    ],
)
def test_name_rule(predicted: str | None, gold: str | None, aliases: tuple[str, ...], right: bool) -> None:
    assert name_matches(predicted, gold, aliases) is right


def test_name_tokens_drop_case_titles_and_punctuation() -> None:
    assert name_tokens("The Sen. O’Neill’s") == ["o'neill"]
    assert name_tokens("U.S. Court of Appeals") == ["u", "s", "court", "of", "appeals"]


def _analysis(text: str, *speakers: tuple[str, str | None, str]) -> Analysis:
    attributions = []
    for words, name, type_ in speakers:
        start = text.index(words)
        attributions.append(
            Attribution(
                kind="indirect",
                content=Span(text[-5:], len(text) - 5, len(text)),
                cue=None,
                speaker=Speaker(words, start, start + len(words), name, type_),  # type: ignore[arg-type]
            )
        )
    return Analysis(article=Article(text=text), attributions=attributions)


def test_scorer_matches_by_overlap_and_counts_misses() -> None:
    text = "Mayor Ana Ruiz spoke. The mayor said no. She said yes. Officials said maybe. Ed said so."
    analysis = _analysis(
        text,
        ("The mayor said", "Ana Ruiz", "person"),  # wider than the gold span: still the match
        ("She", "Lena Ruiz", "person"),  # wrong name, right type
        ("Officials", None, "vague"),
    )

    def gold(words: str, category: str, name: str | None, type_: str | None) -> GoldSpeaker:
        start = text.index(words)
        return GoldSpeaker("d", start, start + len(words), words, category, name, type_)

    items = [
        gold("The mayor", "title", "Ana Ruiz", "person"),
        gold("She", "pronoun", "Ana Ruiz", "person"),
        gold("Officials", "title", None, "vague"),
        gold("Ed", "partial_name", "Ed Moss", "person"),  # no attribution: missed
    ]
    assert predicted_speaker(items[0], analysis).text == "The mayor said"
    evaluation = score(items, {"d": analysis})
    overall = evaluation.overall
    assert (overall.items, overall.missed, overall.names_right, overall.types_right, overall.typed) == (4, 1, 2, 3, 4)
    assert evaluation.by_category["title"].name_accuracy == 1.0
    assert evaluation.by_category["pronoun"].name_accuracy == 0.0
    assert evaluation.by_category["partial_name"].missed == 1
    assert overall.name_accuracy_matched == pytest.approx(2 / 3)
    assert [e.gold.text for e in evaluation.errors] == ["She", "Ed"]
    data = evaluation.to_dict()
    assert data["overall"]["name_accuracy"] == 0.5 and len(data["errors"]) == 2
    console = Console(width=120, record=True)
    console.print(speakers_table(evaluation))
    console.print(errors_table(evaluation))
    shown = console.export_text()
    assert "pronoun" in shown and "missed" in shown
