"""Spark batch mode on local[2]: the Parquet tables say what `sayso analyze --json` says.

One job runs for the whole module (through `sayso spark analyze`, on invented articles in
four formats plus the seed); the tests then read its tables, load them into SQLite and
PostgreSQL, and export the store back out. They skip, saying why, only when Java is missing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import SEED
from sayso.cli import app
from sayso.model import Analysis
from sayso.spark import contract
from sayso.store import Store

pytestmark = [
    pytest.mark.skipif(
        shutil.which("java") is None and not os.environ.get("JAVA_HOME"),
        reason="Spark needs a Java runtime and none was found (Debian: apt-get install default-jre-headless)",
    ),
]
pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

runner = CliRunner()

STORIES = {
    "harbour.txt": (
        "Harbour dredging to start in June\nPublished: 2031-05-02\nBy Lena Moor\n\n"
        "PORT AVEL, May 2 - Harbour master Idris Kell said on Friday that dredging of the inner basin "
        "would start in June and cost about 4 million euros.\n\n"
        '"We cannot let the channel silt up again," Kell told reporters. Fishermen said the work was '
        "overdue. The harbour handles 1,200 ships a year.\n"
    ),
    "strike.txt": (
        "Bus drivers vote to strike\nPublished: 2031-05-03\n\n"
        "Bus drivers in Cressby voted to strike for three days next week, according to the drivers' union. "
        "The transport authority denied that wages had been frozen. "
        "A spokeswoman for the authority, Mara Lind, said talks would resume on Monday.\n"
    ),
    "clinic.html": (
        "<!doctype html><html><head><title>Clinic reopens</title>"
        '<meta property="og:site_name" content="Valley Courier"></head><body><article><h1>Clinic reopens</h1>'
        "<p>The Lunden clinic reopened on Tuesday after the flood, the regional health office said.</p>"
        "<p>Director Paul Orrin said 12 patients had been moved back to the ground floor.</p>"
        "<p>The clinic serves about 9,000 people in the valley.</p></article></body></html>"
    ),
}
WARC_PAGES = [
    ("https://courier.example/2031/bridge", "Bridge inspection finds cracks",
     "Engineers found cracks in the Tarn bridge, county engineer Ola Brandt said on Wednesday. "
     "The bridge will stay shut for six weeks, she said."),
    ("https://courier.example/2031/orchard", "Frost threatens orchards",
     "Apple growers said a late frost could halve this year's harvest. Officials said aid was possible."),
]


def _page(title: str, text: str) -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>").encode()


def _warc(path: Path) -> None:
    with path.open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for url, title, text in WARC_PAGES:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(_page(title, text)), http_headers=headers))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("news")
    for name, text in STORIES.items():
        (folder / name).write_text(text, encoding="utf-8")
    _warc(folder / "pages.warc.gz")
    (folder / "copy.txt").write_text(STORIES["harbour.txt"], encoding="utf-8")  # the same story twice
    (folder / "empty.txt").write_text("")
    return [str(folder), str(SEED)]


@pytest.fixture(scope="module")
def expected(inputs: list[str]) -> list[dict[str, Any]]:
    """What `sayso analyze --json` prints for the inputs, each story once (the first copy read)."""
    result = runner.invoke(app, ["analyze", "--json", *inputs])
    assert result.exit_code == 0, result.output
    assert "empty.txt: file is empty" in result.stderr
    first: dict[str, dict[str, Any]] = {}
    for line in result.stdout.splitlines():
        data = json.loads(line)
        first.setdefault(data["article"]["id"], data)
    return list(first.values())


@pytest.fixture(scope="module")
def job(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The Spark job, run once through the command line on local[2]: (output directory, its report)."""
    output = tmp_path_factory.mktemp("spark") / "out"
    result = runner.invoke(app, ["spark", "analyze", *inputs, "--output", str(output), "--master", "local[2]", "--partitions", "5"])
    assert result.exit_code == 0, result.output
    return output, result.stdout + result.stderr


def tables(output: Path) -> dict[str, list[dict[str, Any]]]:
    return {name: pq.read_table(output / name).to_pylist() for name in contract.TABLES}


def test_spark_output_equals_analyze_json_record_for_record(
    job: tuple[Path, str], expected: list[dict[str, Any]], inputs: list[str]
) -> None:
    output, _ = job
    read = tables(output)
    assert len(expected) == 6  # 3 stories + 2 WARC pages + the seed; the copy and the empty file give none
    assert sorted(r["id"] for r in read["articles"]) == sorted(e["article"]["id"] for e in expected)
    for table in contract.CHILD_TABLES:
        assert len(read[table]) == sum(len(e[table]) for e in expected)
    for data in expected:
        article_id = data["article"]["id"]
        (row,) = [r for r in read["articles"] if r["id"] == article_id]
        children = {t: [r for r in read[t] if r["article_id"] == article_id] for t in contract.CHILD_TABLES}
        assert contract.analysis_dict(row, children) == data
    assert read["errors"] == [{"source": os.path.join(inputs[0], "empty.txt"), "reason": "file is empty"}]


def test_columns_are_typed_and_nested_not_json_text(job: tuple[Path, str]) -> None:
    output, _ = job
    schema = pq.read_schema(next((output / "attributions").glob("*.parquet")))
    assert pa.types.is_struct(schema.field("speaker").type)
    assert pa.types.is_list(schema.field("quantities").type)
    assert schema.field("quantities").type.value_type.field("value").type == pa.float64()
    assert schema.field("content").type.field("start").type == pa.int64()


def test_model_loaded_once_per_python_worker(job: tuple[Path, str]) -> None:
    _, report = job
    found = re.search(r"on (\d+) partitions; model loaded ([\d/]+)× in each of (\d+) Python workers", report)
    assert found, report
    partitions, loads, workers = int(found.group(1)), found.group(2), int(found.group(3))
    assert loads == "1" and 1 <= workers <= 2 < partitions
    assert "error: " in report and "empty.txt: file is empty" in report


def test_load_is_idempotent_and_links(job: tuple[Path, str], expected: list[dict[str, Any]], tmp_path: Path, postgres_url: str) -> None:
    output, _ = job
    for db in (str(tmp_path / "loaded.db"), postgres_url):
        first = runner.invoke(app, ["load", str(output), "--db", db])
        assert first.exit_code == 0, first.output
        assert "6 new articles, 0 already known" in first.stdout and "6 articles linked" in first.stdout
        with Store(db) as store:
            before = store.counts(link=True)
            for data in expected:
                assert store.get(data["article"]["id"]) == Analysis.from_dict(data)
        again = runner.invoke(app, ["load", str(output), "--db", db])
        assert again.exit_code == 0 and "0 new articles, 6 already known" in again.stdout
        assert "0 articles linked" in again.stdout
        with Store(db) as store:
            assert store.counts(link=True) == before
        exported = tmp_path / "claims.jsonl"
        assert runner.invoke(app, ["export", "--output", str(exported), "--db", db]).exit_code == 0
        assert len(exported.read_text().splitlines()) == before["attributions"]


def test_load_reads_tables_whose_files_do_not_line_up(job: tuple[Path, str], expected: list[dict[str, Any]], tmp_path: Path) -> None:
    from sayso.spark.load import Output

    copy = tmp_path / "copy"
    shutil.copytree(job[0], copy)
    for number, path in enumerate(sorted((copy / "entities").glob("*.parquet"))):
        path.rename(path.with_name(f"part-{90 + number:05d}-moved.parquet"))  # no longer beside its articles
    output = Output(str(copy))
    assert len(output.groups()) == 1
    assert sorted(a.to_dict()["article"]["id"] for a in output.analyses()) == sorted(e["article"]["id"] for e in expected)
    assert {a.article.id: a.to_dict() for a in output.analyses()} == {e["article"]["id"]: e for e in expected}


def test_load_refuses_what_is_not_spark_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "not the output of 'sayso spark analyze'" in result.stderr


def test_export_writes_claims_and_propositions_in_three_formats(job: tuple[Path, str], tmp_path: Path) -> None:
    db = str(tmp_path / "export.db")
    assert runner.invoke(app, ["load", str(job[0]), "--db", db]).exit_code == 0
    claims = json.loads(runner.invoke(app, ["claims", "--json", "--db", db]).stdout)
    propositions = json.loads(runner.invoke(app, ["propositions", "--json", "--db", db]).stdout)
    assert claims and propositions

    def export(what: str, fmt: str) -> Path:
        path = tmp_path / f"{what}.{fmt}"
        result = runner.invoke(app, ["export", "--what", what, "--format", fmt, "--output", str(path), "--db", db])
        assert result.exit_code == 0, result.output
        return path

    key = lambda c: (c["article_id"], c["attribution"]["id"])  # noqa: E731
    lines = [json.loads(line) for line in export("claims", "jsonl").read_text().splitlines()]
    assert sorted(lines, key=key) == sorted(claims, key=key)
    by_id = lambda p: p["id"]  # noqa: E731
    lines = [json.loads(line) for line in export("propositions", "jsonl").read_text().splitlines()]
    assert sorted(lines, key=by_id) == sorted(propositions, key=by_id)

    table = pq.read_table(export("claims", "parquet")).to_pylist()
    assert sorted(r["id"] for r in table) == sorted(c["attribution"]["id"] for c in claims)
    row = next(r for r in table if r["speaker"] and r["speaker"]["name"])
    claim = next(c for c in claims if c["attribution"]["id"] == row["id"])
    assert {k: row[k] for k in claim["attribution"]} == json.loads(json.dumps(claim["attribution"]))
    nested = pq.read_table(export("propositions", "parquet")).to_pylist()
    assert sorted(nested, key=by_id) == json.loads(json.dumps(sorted(propositions, key=by_id)))

    with export("claims", "csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == len(claims)
    assert {"speaker_name", "content_text", "content_start", "said_on_value", "quantities"} <= set(rows[0])
    with export("propositions", "csv").open(encoding="utf-8", newline="") as file:
        flat = list(csv.DictReader(file))
    assert len(flat) == sum(len(p["claims"]) for p in propositions)
    assert {r["proposition_id"] for r in flat} == {p["id"] for p in propositions}


def test_export_refuses_bad_options(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    for args, words in (
        (["--format", "xml", "--output", "x"], "choose jsonl, csv, parquet"),
        (["--what", "articles", "--output", "x"], "choose claims or propositions"),
        (["--format", "parquet", "--output", "-"], "needs a file"),
    ):
        result = runner.invoke(app, ["export", *args, "--db", db])
        assert result.exit_code == 1 and words in result.stderr, result.output
