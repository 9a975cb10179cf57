"""`sayso eval polnear` as a user runs it: tables, JSON, and the refused test split."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import POLNEAR
from sayso.cli import app
from sayso.evaluate.scoring import ATTRIBUTION_CRITERIA, CRITERIA

runner = CliRunner()
ROLES = ("source", "cue", "content")
FIGURES = {"precision", "recall", "f1", "predicted", "gold", "matched_predicted", "matched_gold"}


def run(*args: str):
    return runner.invoke(app, ["eval", "polnear", "--root", str(POLNEAR), *args])


def test_tables_on_three_dev_documents() -> None:
    result = run("--split", "dev", "--limit", "3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("exact span match", "begin match", "token Jaccard", "overlap match", "whole attribution", "F1 ratio sayso / textacy", "per publisher"):
        assert title in out
    assert "PolNeAR dev, 3 documents" in out
    for system in ("sayso", "rules", "textacy"):
        assert system in out
    assert "BiLSTM-CRF" in out and "BERT-based" in out
    assert out.count("(published,") == 2 and out.count("test split)") == 2
    assert "69.6" in out and "72.9" in out


def test_json_figures_on_three_dev_documents() -> None:
    result = run("--limit", "3", "--systems", "sayso,textacy", "--json", "--no-per-publisher")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["corpus"], data["split"], data["documents"]) == ("polnear", "dev", 3)
    assert [s["name"] for s in data["systems"]] == ["sayso", "textacy"]
    for system in data["systems"]:
        assert "by_publisher" not in system
        scores = system["scores"]
        assert scores["documents"] == 3
        assert set(scores["roles"]) == set(CRITERIA)
        for criterion in CRITERIA:
            assert set(scores["roles"][criterion]) == set(ROLES)
            for figures in scores["roles"][criterion].values():
                assert set(figures) == FIGURES
                assert 0.0 <= figures["f1"] <= 1.0
        assert set(scores["attribution"]) == set(ATTRIBUTION_CRITERIA)
    assert [p["name"] for p in data["published"]] == ["BiLSTM-CRF", "BERT-based tagger"]
    assert data["published"][0]["split"] == "test"
    assert data["published"][1]["f1"] == {"source": 0.832, "cue": 0.753, "content": 0.729}
    ratio = data["ratio"]
    assert (ratio["system"], ratio["peer"]) == ("sayso", "textacy")
    assert set(ratio["f1"]["roles"]) == set(CRITERIA)


def test_json_breaks_down_by_publisher() -> None:
    result = run("--limit", "1", "--systems", "textacy", "--json")
    assert result.exit_code == 0, result.output
    (system,) = json.loads(result.stdout)["systems"]
    assert list(system["by_publisher"]) == ["breitbart"]
    assert system["by_publisher"]["breitbart"]["documents"] == 1


@pytest.mark.parametrize("split", ["test", "validation"])
def test_only_train_and_dev_are_accepted(split: str) -> None:
    result = run("--split", split)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"error: split '{split}' can't be used: only train and dev can be evaluated"]


def test_unknown_system_is_refused_before_running() -> None:
    result = run("--limit", "1", "--systems", "sayso,nope")
    assert result.exit_code == 1
    assert "error: unknown system 'nope'" in result.stderr
    assert "running" not in result.stderr
