"""PostgreSQL end to end: every command on a real server, and two ingests at once losing nothing.

The server is the throw-away one ``pg_server`` starts (or ``$SAYSO_TEST_POSTGRES_URL``'s);
these tests skip, saying why, only when this machine has no PostgreSQL binaries.
"""

from __future__ import annotations

import json
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from typer.testing import CliRunner

import sayso
from conftest import SEED
from consistency import check_store, sayso_process
from sayso.cli import app
from sayso.model import Analysis
from sayso.store import Store
from sayso.store.schema import Base

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "link_corpus" / "articles"
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def test_one_set_of_migrations_makes_both_schemas(postgres_url: str, tmp_path: Path) -> None:
    for url in (postgres_url, str(tmp_path / "twin.db")):
        with Store(url) as store, store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            assert set(Base.metadata.tables) <= set(store.engine.dialect.get_table_names(conn))


def test_every_command_works_on_postgresql(postgres_url: str) -> None:
    db = ["--db", postgres_url]
    flood = sorted((CORPUS / "flood").glob("*.txt"))[:4]
    assert "5 new articles" in run("ingest", str(SEED), *map(str, flood), *db)
    assert "0 articles linked" in run("link", *db)
    assert "linked" in run("link", "--rebuild", *db)

    claims = json.loads(run("claims", "--speaker", "macron", "--json", *db))
    assert claims and all("Macron" in (c["attribution"]["speaker"]["name"] or "") for c in claims)
    assert "Emmanuel Macron" in run("claims", "--limit", "3", *db) or run("claims", *db)

    seed_id = sayso.analyze(SEED).article.id
    shown = json.loads(run("show", seed_id[:6], "--json", *db))
    assert Analysis.from_dict(shown) == sayso.analyze(SEED)

    listed = json.loads(run("propositions", "--json", *db))
    assert listed and {p["verdict"] for p in listed} <= {"corroborated", "single_source", "contested", "retracted", "unverified"}
    contested = json.loads(run("propositions", "--verdict", "contested", "--json", *db))
    assert contested
    one = json.loads(run("proposition", contested[0]["id"][:8], "--json", *db))
    assert one["id"] == contested[0]["id"]
    assert "Ines Varga" in {e["name"] for e in json.loads(run("entity", "Varga", "--json", *db))}
    assert "recorded" in run("alias", "split", "Ines Varga", "Varga", *db)
    assert {e["name"] for e in json.loads(run("entity", "Varga", "--json", *db))} >= {"Ines Varga", "Varga"}


def test_two_concurrent_ingests_lose_and_duplicate_nothing(postgres_url: str) -> None:
    flood, leak, strike = (sorted(map(str, (CORPUS / story).glob("*.txt"))) for story in ("flood", "leak", "strike"))
    # Both start on the story they share, from opposite ends, so they meet on the same articles.
    first = sayso_process("ingest", *leak, *flood, "--db", postgres_url)
    second = sayso_process("ingest", *reversed(leak), *strike, "--db", postgres_url)
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    for process, (out, err) in zip((first, second), outputs):
        assert process.returncode == 0, err
        assert "error" not in err, err

    # Every article stored once: the two processes' counts of new articles add up to the union.
    summaries = [out.splitlines()[0] for out, _ in outputs]
    new = sum(int(line.split(" new article")[0]) for line in summaries)
    known = sum(int(line.split(", ")[1].split(" already")[0]) for line in summaries)
    assert (new, known) == (30, 10), summaries

    expected = [a for a in sayso.analyze_many(*leak, *flood, *strike) if isinstance(a, Analysis)]
    assert len(expected) == 30
    check_store(postgres_url, expected)  # every article and claim once, links consistent
    assert "0 articles linked" in run("link", "--db", postgres_url)
