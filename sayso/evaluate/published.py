"""Published PolNeAR results, shown beside our own rows as fixed anchors.

They are exact-match F1 as the papers report them, on PolNeAR's test split, which this project
never reads: our rows are on dev, the nearest split we may use, so the comparison is indicative.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedResult:
    name: str
    split: str
    exact_f1: dict[str, float]  # role → F1 as a fraction

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "split": self.split, "criterion": "exact", "f1": dict(self.exact_f1)}


PUBLISHED = (
    PublishedResult("BiLSTM-CRF", "test", {"source": 0.696, "cue": 0.667, "content": 0.590}),
    PublishedResult("BERT-based tagger", "test", {"source": 0.832, "cue": 0.753, "content": 0.729}),
)
