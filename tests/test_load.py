"""The load benchmark, short: benchmarks/load.py against a small store, many clients at once,
every answer below 500. No timing is asserted: the figures belong to the benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import load  # noqa: E402


@pytest.mark.slow
def test_many_clients_at_once_get_no_server_error(tmp_path: Path) -> None:
    figures = load.run(str(tmp_path / "load.db"), articles=20, clients=10, seconds=3)
    assert figures["store"]["articles"] == figures["store"]["linked"] == 20 and figures["store"]["propositions"] > 0
    assert figures["requests"] > 0
    assert set(figures["latency_ms"]) == {"all", "article", "claims", "proposition"}
    assert figures["server_errors"] == 0 and figures["failures"] == {}, figures
    assert set(figures["statuses"]) == {"200"}, figures["statuses"]
    assert "Traceback" not in figures["server_log"]
    assert "requests/s" in load.describe(figures)
