"""The command line as a user meets it: tables, stored claims, summaries and one-line errors."""

from __future__ import annotations

import gzip
import sqlite3
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import sayso

from conftest import SEED
from sayso.cli import app

runner = CliRunner()


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "attributions", "assertions", "entities")}


def test_analyze_prints_a_table_of_claims() -> None:
    result = runner.invoke(app, ["analyze", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "Marginalized in Syria & Iraq" in result.stdout
    assert "Emmanuel Macron" in result.stdout
    assert "according_to" in result.stdout


def test_analyze_shows_a_sentence_stating_two_things_claim_by_claim(tmp_path: Path) -> None:
    article = tmp_path / "velm.txt"
    article.write_text("One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said.\n")
    result = runner.invoke(app, ["analyze", str(article)])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())  # as wrapped to any width
    assert "2 claims: One passenger died | at least 30 people were injured when the Velm ferry ran aground" in shown


def test_ingest_then_claims_and_show(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(SEED), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "1 new article, 0 already known, 0 failed" in first.stdout
    before = counts(db)
    assert before["articles"] == 1 and before["attributions"] >= 20

    again = runner.invoke(app, ["ingest", str(SEED), "--db", str(db)])
    assert again.exit_code == 0
    assert "0 new articles, 1 already known" in again.stdout
    assert counts(db) == before

    claims = runner.invoke(app, ["claims", "--speaker", "macron", "--db", str(db)])
    assert claims.exit_code == 0
    assert "A red line has been crossed" in claims.stdout
    assert "AsiaNews said" not in claims.stdout

    as_json = runner.invoke(app, ["claims", "--speaker", "AsiaNews", "--json", "--db", str(db)])
    assert '"4,000 Syrian ISIS mercenaries' not in as_json.stdout
    assert "the 4,000 Syrian ISIS mercenaries" in as_json.stdout

    article_id = sayso.analyze(SEED).article.id
    shown = runner.invoke(app, ["show", article_id[:6], "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "Ramesh Bhan" in shown.stdout


def test_db_from_environment(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("SAYSO_DB", f"sqlite:///{db}")
    result = runner.invoke(app, ["ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_bad_inputs_are_one_line_errors_and_good_ones_still_go_in(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", str(db)]).exit_code == 0
    before = counts(db)

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(gzip.compress(b"The mayor said the road would open. " * 50)[:40])
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The caf\xe9 owner said prices would rise.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("The harbour master said the port would close at noon.\n")

    result = runner.invoke(app, ["ingest", str(empty), str(binary), str(truncated), str(latin), str(good), "--db", str(db)])
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4, result.stderr
    for path in (empty, binary, truncated, latin):
        assert any(str(path.name) in line for line in errors)
    assert "Traceback" not in result.output
    after = counts(db)
    assert after["articles"] == before["articles"] + 1


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["analyze", str(empty)])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["show", "ffff", "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error:")


def test_every_command_has_help() -> None:
    for command in ("analyze", "ingest", "claims", "show"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert len(result.stdout.split()) > 30


def test_python_m_sayso_runs_the_command_line() -> None:
    """Where the ``sayso`` script is not on PATH (a worktree, a bare checkout), ``python -m sayso`` is the same command."""
    done = subprocess.run([sys.executable, "-m", "sayso", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Usage: sayso" in done.stdout and "analyze" in done.stdout
