"""Concurrency on one SQLite file: two `sayso ingest` processes and a running `sayso serve`
(read by a client all along, and written to through POST /api/articles) share it. Nobody sees
"database is locked", no request fails, and the store ends exactly as one writer would leave it.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

import sayso
from consistency import check_store, invented_article, sayso_process
from sayso.model import Analysis, Article
from sayso.store import Store
from sayso.store.database import BUSY_TIMEOUT_MS
from sayso.store.schema import ArticleRow
from test_load import load
from test_postgres import CORPUS

TOKEN = "concurrency-token"
READS = ["/api/articles", "/api/claims?limit=50", "/api/propositions", "/api/outlets", "/", "/articles", "/search?q=said"]


@pytest.mark.slow
def test_two_ingests_and_a_server_share_one_sqlite_file(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    statuses: Counter[int] = Counter()
    posted: list[Analysis] = []
    stop = threading.Event()

    def client(base: str) -> None:
        with httpx.Client(base_url=base, timeout=120) as http:
            number = 0
            while not stop.is_set():
                for url in READS:
                    statuses[http.get(url).status_code] += 1
                if number < 6:  # a third writer: the server itself
                    answer = http.post("/api/articles", json={"text": invented_article(5000 + number)},
                                       headers={"Authorization": f"Bearer {TOKEN}"})
                    statuses[answer.status_code] += 1
                    if answer.status_code in (200, 201):
                        posted.append(Analysis.from_dict(answer.json()["analysis"]))
                    number += 1

    flood, leak, strike = (sorted(map(str, (CORPUS / story).glob("*.txt"))) for story in ("flood", "leak", "strike"))
    with load.Server(db, token=TOKEN) as server:  # stopped at the end of the block, its log kept
        reader = threading.Thread(target=client, args=(server.base,), daemon=True)
        reader.start()
        first = sayso_process("ingest", *leak, *flood, "--db", db)
        second = sayso_process("ingest", *reversed(leak), *strike, "--db", db)
        outputs = [process.communicate(timeout=600) for process in (first, second)]
        stop.set()
        reader.join(timeout=300)

    for process, (out, err) in zip((first, second), outputs):
        assert process.returncode == 0, err
        assert "locked" not in err and "error" not in err, err
    assert "Traceback" not in server.stderr and "locked" not in server.stderr, server.stderr
    assert statuses and all(status < 500 for status in statuses), statuses
    assert statuses[201] == 6, statuses
    summaries = [out.splitlines()[0] for out, _ in outputs]
    new = sum(int(line.split(" new article")[0]) for line in summaries)
    assert new == 30, summaries

    expected = [a for a in sayso.analyze_many(*leak, *flood, *strike) if isinstance(a, Analysis)]
    check_store(db, expected + posted)


@pytest.mark.parametrize("holder", ["linking", "adding"])
def test_a_writer_waits_its_turn_instead_of_failing(tmp_path: Path, holder: str) -> None:
    path = str(tmp_path / "turns.db")
    results: list[object] = []
    with Store(path) as first, Store(path) as second:
        waiting = threading.Thread(target=lambda: results.append(second.add(Analysis(Article(text="The mayor said so.")))))
        with first.linking() if holder == "linking" else first._writing.begin() as held:  # holds the write lock
            (held.session if holder == "linking" else held).execute(select(ArticleRow.id))  # and reads
            waiting.start()
            time.sleep(1.0)
            assert waiting.is_alive() and not results  # waiting, not failed
        waiting.join(timeout=BUSY_TIMEOUT_MS / 1000)
        assert results == [True]
        assert second.has(Article(text="The mayor said so.").id)


def test_opening_a_new_file_from_several_places_at_once_creates_it_once(tmp_path: Path) -> None:
    # Before writers took the lock up front this failed every time; before the switch to WAL waited
    # for its lock, about one trial in ten failed (so 30 trials catch it almost surely).
    for trial in range(30):
        path = str(tmp_path / f"new-{trial}.db")
        errors: list[str] = []

        def open_it() -> None:
            try:
                Store(path).close()
            except Exception as error:  # noqa: BLE001 - collected for the assertion
                errors.append(str(error))

        openers = [threading.Thread(target=open_it) for _ in range(4)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=120)
        assert errors == []
