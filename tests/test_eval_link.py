"""`sayso eval link`: linking measured on the invented multi-article corpus, with a floor."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sayso.cli import app
from sayso.evaluate.linking import evaluate_linking

# Measured 2026-11-25 (docs/linking.md): grouping F1 79.3, verdicts 78.9 %. A drop of more
# than a few points fails the run.
FLOOR_GROUPING_F1 = 0.75
FLOOR_VERDICTS = 0.75


def test_linking_keeps_its_measured_quality() -> None:
    result = evaluate_linking()
    assert result.articles == 30 and result.gold_propositions >= 60
    assert result.found_claims >= 0.9 * result.gold_claims
    assert result.pairs.f1 >= FLOOR_GROUPING_F1, result.errors
    assert result.verdict_accuracy >= FLOOR_VERDICTS, result.errors
    assert result.distinct_kept == result.distinct_pairs  # namesakes are never merged
    every = {verdict for row in result.confusion.values() for verdict, n in row.items() if n}
    assert {"corroborated", "single_source", "contested", "retracted", "unverified"} <= every


def test_eval_link_command_prints_json(tmp_path) -> None:
    result = CliRunner().invoke(app, ["eval", "link", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"grouping", "verdict_accuracy", "stance_accuracy", "origin_accuracy", "confusion"}
    missing = CliRunner().invoke(app, ["eval", "link", "--corpus", str(tmp_path)])
    assert missing.exit_code == 1 and "not a link corpus" in missing.stderr
