"""Words nearly every news article uses, which say nothing of what two claims are about.

In a store of many stories two claims sharing "think" and "time", or "people" and "win", are
rarely one matter; sharing "ransom" and "hackers" they usually are. The list is the content-word
stems (as ``words.terms`` makes them) found in at least ``SHARE`` of the PolNeAR train articles
published before August 2016 — the months the real-news pairs (``sayso eval link --polnear``)
come from are left out — less the class names linking maps words to on purpose ("homes",
"casualties"). ``sayso train --common-words`` rebuilds ``common_words.txt`` from that data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .words import COUNTED_CLASSES, VERB_CLASSES, terms

PATH = Path(__file__).resolve().parent / "common_words.txt"
SHARE = 0.3
BEFORE = "2016-08"  # articles from this month on are where the real-news pairs were drawn


def _load(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


COMMON_WORDS = _load(PATH)


def common_words(texts: Iterable[str], share: float = SHARE) -> list[str]:
    """The stems found in at least ``share`` of ``texts``, most widespread first; class names left out."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        counts.update(terms(text))
        total += 1
    classes = set(COUNTED_CLASSES) | set(VERB_CLASSES)
    found = [w for w, n in counts.items() if total and n / total >= share and w not in classes]
    return sorted(found, key=lambda w: (-counts[w], w))


def write_common_words(words: list[str], articles: int, path: Path = PATH) -> None:
    header = f"# Stems found in at least {SHARE:.0%} of {articles} PolNeAR train articles published before {BEFORE}; rebuilt by `sayso train --common-words`.\n"
    path.write_text(header + "".join(f"{w}\n" for w in words), encoding="utf-8")
