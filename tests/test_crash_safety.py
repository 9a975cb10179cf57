"""Crash safety: `sayso ingest` killed outright in the middle of a 1,000-article run, then run
again, leaves every article exactly once with all its claims, linked — on SQLite and on
PostgreSQL. Ctrl-C stops it cleanly with a summary that matches what is stored.

These are among the heaviest tests of the suite (about two minutes in all on two cores): they are
marked ``slow`` and run in CI all the same.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

import sayso
from consistency import check_store, count_rows, sayso_process, wait_for, write_articles
from pg_server import BACKENDS, database_url
from sayso.model import Analysis
from sayso.store import Store
from sayso.store.schema import ArticleRow, LinkedArticleRow

ARTICLES = 1000

pytestmark = pytest.mark.slow


Corpus = tuple[Path, Future[list[Analysis]]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """1,000 invented articles in a folder, and what analysing them gives: worked out in a thread
    while the first test's `sayso ingest` runs, on the core it leaves free."""
    folder = tmp_path_factory.mktemp("crash") / "articles"
    write_articles(folder, ARTICLES)
    with ThreadPoolExecutor(1) as worker:
        yield folder, worker.submit(_analysed, folder)


def _analysed(folder: Path) -> list[Analysis]:
    expected = [a for a in sayso.analyze_many(str(folder)) if isinstance(a, Analysis)]
    assert len(expected) == ARTICLES
    return expected


def finish(process_args: list[str]) -> str:
    process = sayso_process(*process_args)
    out, err = process.communicate(timeout=900)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "error" not in err, err
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_killed_mid_run_then_run_again_loses_and_doubles_nothing(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str, corpus: Corpus
) -> None:
    folder, analysed = corpus
    url = database_url(request, tmp_path, backend)
    args = ["ingest", str(folder), "--db", url, "--no-link"]  # linking 1,000 articles takes minutes: see the next test

    first = sayso_process(*args)
    wait_for(lambda: count_rows(url, ArticleRow) >= 300, first)
    first.send_signal(signal.SIGKILL)  # no clean-up of any kind: the power went out
    first.communicate(timeout=60)
    stored = count_rows(url, ArticleRow)
    assert 300 <= stored < ARTICLES

    summary = finish(args).splitlines()[0]
    assert summary.startswith(f"{ARTICLES - stored} new articles, {stored} already known, 0 failed"), summary
    check_store(url, analysed.result(), linked=False)


def test_killed_while_linking_then_run_again_links_everything_once(tmp_path: Path, corpus: Corpus) -> None:
    folder, analysed = corpus
    some = sorted(folder.glob("*.txt"))[:60]
    url = str(tmp_path / "linking.db")
    args = ["ingest", *map(str, some), "--db", url]
    first = sayso_process(*args)
    wait_for(lambda: count_rows(url, LinkedArticleRow) >= 10, first)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=60)
    assert count_rows(url, ArticleRow) == 60 and count_rows(url, LinkedArticleRow) < 60

    out = finish(args)  # nothing new to store, but the links an earlier run left undone are made
    assert out.startswith("0 new articles, 60 already known") and " articles linked" in out, out
    check_store(url, [a for a in analysed.result() if a.article.source in set(map(str, some))])


def interrupted(folder: Path, url: str, stored_first: int, presses: int) -> tuple[str, str]:
    """Output and errors of an ingest sent Ctrl-C ``presses`` times once ``stored_first`` articles are in."""
    process = sayso_process("ingest", str(folder), "--db", url)
    wait_for(lambda: count_rows(url, ArticleRow) >= stored_first, process)
    for _ in range(presses):
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "Traceback" not in err, err
    return out, err


def assert_each_article_whole(url: str, analysed: list[Analysis]) -> None:
    by_id = {a.article.id: a for a in analysed}
    with Store(url) as store:
        assert all(store.get(a.id) == by_id[a.id] for a in store.articles())


def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path: Path, corpus: Corpus) -> None:
    folder, analysed = corpus
    url = str(tmp_path / "interrupted.db")
    out, err = interrupted(folder, url, stored_first=50, presses=1)
    assert "stopping after the article in progress" in err
    assert "interrupted: the articles counted above are stored; run the same command again for the rest" in err
    new = int(out.splitlines()[0].split(" new article")[0])
    assert count_rows(url, ArticleRow) == new  # the summary tells the truth
    assert_each_article_whole(url, analysed.result())


def test_a_second_ctrl_c_stops_at_once_and_leaves_nothing_half_written(tmp_path: Path, corpus: Corpus) -> None:
    folder, analysed = corpus
    url = str(tmp_path / "forced.db")
    interrupted(folder, url, stored_first=10, presses=2)
    assert_each_article_whole(url, analysed.result())
