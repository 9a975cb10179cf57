"""The `sayso eval` commands for claim details print tables and JSON a script can read."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from sayso.cli import app

runner = CliRunner()


def test_eval_quantities_and_times_print_json_and_tables() -> None:
    for name in ("quantities", "times"):
        result = runner.invoke(app, ["eval", name, "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["name"] == name and data["overall"]["expressions"] >= 100
        table = runner.invoke(app, ["eval", name, "--errors"])
        assert table.exit_code == 0 and "overall" in table.stdout.lower()
