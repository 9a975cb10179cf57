"""The benchmark suite: its generators make valid inputs, and every benchmark runs on tiny sizes.

No timing is asserted here: speed and memory goals live in ``benchmarks/`` and its results.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402
import run as runner  # noqa: E402
from sayso.ingest import read, read_text  # noqa: E402
from sayso.model import Analysis, Article  # noqa: E402

KEYS = {"benchmark", "measure", "value", "unit", "baseline", "ratio", "note"}


def spans_hold(analysis: Analysis) -> None:
    text = analysis.article.text
    for a in analysis.attributions:
        for span in (a.content, a.cue, a.speaker, *a.quantities):
            assert span is not None and text[span.start : span.end] == span.text
    for u in analysis.unattributed:
        for span in (u.content, *u.quantities):
            assert text[span.start : span.end] == span.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def check_rows(rows: list[dict], benchmark: str) -> None:
    assert rows
    for item in rows:
        assert set(item) == KEYS and item["benchmark"] == benchmark
        assert item["value"] is not None or item["note"].startswith("skipped"), item
        if item["measure"] == "growth exponent":
            # A slope between two tiny runs is noise (the smaller may run slower on a busy machine).
            assert item["value"] is None or math.isfinite(item["value"]), item
        else:
            assert item["value"] is None or item["value"] > 0, item


def test_generated_analyses_are_consistent_and_a_stream() -> None:
    analyses = generate.analyses(300)
    assert sum(generate.claims_of(a) for a in analyses) >= 300
    ids = [a.article.id for a in analyses]
    assert len(set(ids)) == len(ids)
    for analysis in analyses:
        spans_hold(analysis)
        claim_ids = [c.id for c in [*analysis.attributions, *analysis.unattributed]]
        assert all(claim_ids) and len(set(claim_ids)) == len(claim_ids)
    assert [a.article.id for a in generate.analyses(100)] == ids[: len(generate.analyses(100))]  # a prefix
    assert any(a.article.agency for a in analyses) and any(q for a in analyses for c in a.attributions for q in c.quantities)
    assert any(c.via for a in analyses for c in a.attributions)
    extra = generate.extra_articles(3)
    assert len(extra) == 3 and not {a.article.id for a in extra} & set(ids)
    for analysis in extra:
        spans_hold(analysis)


def test_generated_pages_and_archives_read_as_their_articles(tmp_path: Path) -> None:
    texts = generate.article_texts(3)
    page = read_text(generate.html_page(texts[0]))
    assert page.title == texts[0].title
    assert texts[0].paragraphs[1] in page.text
    archive = tmp_path / "crawl.warc.gz"
    counts = generate.write_warc(archive, 12)
    assert counts.pages == 12 and counts.records > 2 * counts.pages
    articles = [a for a in read(str(archive)) if isinstance(a, Article)]
    assert len(articles) == 12 and all(a.text for a in articles)
    paths = generate.write_pages(tmp_path / "pages", 4)
    assert sum(isinstance(a, Article) for a in read(*map(str, paths))) == 4


def test_link_benchmark_runs() -> None:
    import bench_link

    rows = bench_link.run(sizes=(40, 90))
    check_rows(rows, "link")
    assert [r["measure"] for r in rows][-2:] == ["growth exponent", "one new article into 90"]


def test_store_benchmark_runs(postgres_server, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import bench_store

    monkeypatch.setenv("SAYSO_BENCH_POSTGRES_URL", postgres_server.admin_url.render_as_string(hide_password=False))
    rows = bench_store.run(articles=4)
    check_rows(rows, "store")
    assert [r["measure"] for r in rows] == ["SQLite: claims stored", "PostgreSQL: claims stored"]
    assert rows[1]["value"] is not None


def test_ingest_benchmark_runs() -> None:
    import bench_ingest

    check_rows(bench_ingest.run(pages=3, repeats=1), "ingest")


def test_analyze_benchmark_runs(tmp_path: Path) -> None:
    import bench_analyze

    paths = []
    for i, text in enumerate(generate.article_texts(2)):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text.text)
        paths.append(str(path))
    rows = bench_analyze.run(paths=paths, repeats=1)
    check_rows(rows, "analyze")
    assert [r["measure"] for r in rows] == ["1 process", "2 worker processes", "2 processes over 1"]


def test_memory_benchmark_runs() -> None:
    import bench_memory

    rows = bench_memory.run(sizes=(2, 3))
    check_rows(rows, "memory")
    assert rows[1]["baseline"] == rows[0]["value"]


def test_runner_reports_a_missing_benchmark_and_writes_markdown(tmp_path: Path) -> None:
    assert runner.available()[: len(runner.ORDER)] == list(runner.ORDER)
    rows = runner.run_module("nothing_here", quick=True)
    assert rows[0]["note"].startswith("skipped") and rows[0]["value"] is None
    results = {
        "machine": {"cpu": "CPU", "cores": 2, "memory": "24 GiB", "python": "3.11", "system": "Linux", "date": "today", "load": "0.1", "commit": "abc"},
        "runs": {"link": {"date": "today", "seconds": 1.0, "rows": [runner.row("link", "a | b", 1234.5, "s", 1000.0, 1.2345, "note")]}},
    }
    text = runner.markdown(results, quick=False)
    assert "| link | a \\| b | 1,234 | s | 1,000 | 1.23 | note |" in text and "2 cores" in text
    json.dumps(results)
