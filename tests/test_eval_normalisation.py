"""The quantity and time normalisation test sets: well formed, big enough, and read well enough."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from sayso.evaluate.normalisation import (
    QUANTITY_FIELDS,
    TIME_FIELDS,
    GoldItem,
    evaluate_quantities,
    evaluate_times,
    load_gold,
    normalisation_table,
)

# The accuracy reached when these sets were written, less a small margin for model drift.
FLOORS = {"quantities": 0.97, "times": 0.97}


def raw_lines(name: str) -> list[dict]:
    text = files("sayso.evaluate").joinpath(f"gold/{name}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name, fields", [("quantities", QUANTITY_FIELDS), ("times", TIME_FIELDS)])
def test_gold_files_load_with_every_field(name, fields) -> None:
    lines = raw_lines(name)
    items = load_gold(name)
    assert len(items) == len(lines) >= 110
    assert len({line["id"] for line in lines}) == len(lines)
    for line in lines:
        assert line["category"]
        if not line.get("none"):
            assert set(fields) <= set(line), line["id"]
        if name == "times":
            assert len(line["published"]) == 10


@pytest.mark.parametrize("name", ["quantities", "times"])
def test_every_expression_is_in_its_sentence(name) -> None:
    for item in load_gold(name):
        assert item.sentence[item.start : item.end] == item.text, item.id


@pytest.mark.parametrize("name", ["quantities", "times"])
def test_categories_are_covered(name) -> None:
    counts: dict[str, int] = {}
    for item in load_gold(name):
        counts[item.category] = counts.get(item.category, 0) + 1
    assert len(counts) >= 12
    assert min(counts.values()) >= 3


def test_scoring_by_field_overlap_and_absence() -> None:
    items = [
        GoldItem("a", "bounds", "Harbour chief Tomas Vell said at least 300 boats sank.", "at least 300", 30, {
            "value": 300, "low": 300, "high": None, "approximate": False, "unit": None, "per": None, "counted": "boats"}),
        GoldItem("b", "bounds", "Harbour chief Tomas Vell said about 40 boats sank.", "40", 36, {
            "value": 40, "low": 40, "high": 40, "approximate": False, "unit": None, "per": None, "counted": "boats"}),
        GoldItem("c", "none", "Harbour chief Tomas Vell said the first boat sank.", "first", 34, None),
    ]
    evaluation = evaluate_quantities(items)
    a, b, c = evaluation.items
    assert a.correct and a.exact_span
    assert b.found == "about 40" and not b.exact_span  # matched by overlap, bounds wrong
    assert (b.fields["value"], b.fields["low"], b.fields["approximate"]) == (True, False, False)
    assert c.correct and c.found is None
    data = evaluation.to_dict()
    assert data["overall"]["expressions"] == 3 and data["overall"]["correct"] == 2
    assert [e["id"] for e in data["errors"]] == ["b"]


@pytest.fixture(scope="module")
def evaluations():
    return {"quantities": evaluate_quantities(), "times": evaluate_times()}


@pytest.mark.parametrize("name", ["quantities", "times"])
def test_accuracy_stays_above_its_floor(evaluations, name) -> None:
    evaluation = evaluations[name]
    wrong = [(e.id, e.text, e.predicted) for e in evaluation.errors]
    assert evaluation.accuracy >= FLOORS[name], wrong


def test_table_has_a_row_per_category_and_overall(evaluations) -> None:
    evaluation = evaluations["times"]
    table = normalisation_table(evaluation)
    assert table.row_count == len(evaluation.categories) + 1
    assert [c.header for c in table.columns] == ["category", "n", "all fields", *TIME_FIELDS]
