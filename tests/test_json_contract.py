"""`sayso analyze --json` is a public contract: it must validate against the published schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from conftest import SEED
from sayso.cli import app

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "sayso" / "schema" / "analysis.schema.json").read_text())


def test_seed_json_validates_and_offsets_hold() -> None:
    result = CliRunner().invoke(app, ["analyze", "--json", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    jsonschema.validate(data, SCHEMA)
    text = data["text"]
    for a in data["attributions"]:
        for role in ("speaker", "cue", "content"):
            span = a[role]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
    assert data["article"]["published"] == "2020-10-20"
    assert data["article"]["agency"] == "UNI"
    assert len(data["attributions"]) >= 20


def test_several_articles_print_json_lines(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("The harbour master said the port would close at noon.\n")
    (tmp_path / "two.txt").write_text("Farmers in Eldham said the rain came too late for the wheat.\n")
    result = CliRunner().invoke(app, ["analyze", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(objects) == 2
    for data in objects:
        jsonschema.validate(data, SCHEMA)
