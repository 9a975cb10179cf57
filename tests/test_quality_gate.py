"""A change that makes extraction worse on PolNeAR dev fails here (floors in quality_floors.json)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import POLNEAR
from sayso.evaluate import evaluate, load_split
from sayso.evaluate.polnear import GoldDocument

BASELINE = json.loads((Path(__file__).with_name("quality_floors.json")).read_text())


def digest(documents: list[GoldDocument]) -> str:
    """Fingerprint of the gold data the floors were measured on."""
    h = hashlib.sha256()
    for d in documents:
        h.update(d.name.encode())
        h.update(d.text.encode())
        for attribution in d.attributions:
            for role in ("source", "cue", "content"):
                for fragment in attribution.role(role):
                    h.update(f"{role}{fragment.start}:{fragment.end}".encode())
    return h.hexdigest()[:16]


@pytest.fixture(scope="module")
def evaluation():  # type: ignore[no-untyped-def]
    documents = load_split("dev", POLNEAR)[: BASELINE["documents"]]
    assert digest(documents) == BASELINE["data_digest"], "the dev data changed: re-measure the floors"
    return evaluate(documents, list(BASELINE["floors"]))


@pytest.mark.parametrize("system", sorted(BASELINE["floors"]))
def test_scores_stay_above_their_floors(evaluation, system: str) -> None:  # type: ignore[no-untyped-def]
    floors = BASELINE["floors"][system]
    scores = evaluation.result(system).overall
    for role, floor in floors["exact"].items():
        assert 100 * scores.roles["exact"][role].f1 >= floor, f"{system} exact {role} F1 below {floor}"
    assert 100 * scores.roles["overlap"]["content"].f1 >= floors["overlap_content"]
    assert 100 * scores.attribution["overlap"].f1 >= floors["attribution_overlap"]
