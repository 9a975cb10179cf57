"""Shared fixtures: the founding article and its analysis, computed once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

import sayso
from sayso.model import Analysis, Attribution

from pg_server import postgres_server, postgres_url  # noqa: F401  (fixtures: a throw-away PostgreSQL)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_a1619b3733209f9b.txt"
POLNEAR = SHARED / "data" / "polnear"


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    return sayso.analyze(SEED)


def find(analysis: Analysis, content_start: str) -> Attribution:
    """The one attribution whose content begins with these words (after any opening quotation mark)."""
    matches = [a for a in analysis.attributions if a.content.text.lstrip("'\"“‘").startswith(content_start)]
    assert len(matches) == 1, f"{len(matches)} attributions start with {content_start!r}: {[a.content.text[:40] for a in analysis.attributions]}"
    return matches[0]
