"""How rare a word is in news: what two claims share is evidence in proportion to its rarity.

In a store of many stories two claims sharing "think" and "time", or "private" and "server" in
the season everyone wrote about one server, are rarely one matter; sharing "ransom" and
"hackers", or "sacrifices" and a soldier's name, they usually are. A word's rarity is its inverse
document frequency, ln(N / (1 + n)), over the N PolNeAR train articles published before August
2016 — the months the real-news pairs (``sayso eval link --polnear``) come from are left out —
with n the articles using its stem (as ``words.terms`` makes it). A word none of them uses is as
rare as can be. ``sayso train --word-rarity`` rebuilds ``word_rarity.txt`` from that data.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .words import COUNTED_CLASSES, VERB_CLASSES, terms

PATH = Path(__file__).resolve().parent / "word_rarity.txt"
BEFORE = "2016-08"  # articles from this month on are where the real-news pairs were drawn
# A class stands for several nouns or verbs reporters use for one thing ("fighters", "militants";
# "sent", "transferred"), so its count of articles is the sum of theirs and overstates how common
# it is; it weighs as a word found in about one article in twenty (e³ ≈ 20).
CLASS_RARITY = 3.0
_CLASSES = frozenset(COUNTED_CLASSES) | frozenset(VERB_CLASSES)


def article_counts(texts: Iterable[str]) -> tuple[int, Counter[str]]:
    """How many of ``texts`` there are, and how many use each stem."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        counts.update(terms(text))
        total += 1
    return total, counts


def write_word_rarity(articles: int, counts: Counter[str], path: Path = PATH) -> None:
    header = f"# {articles} PolNeAR train articles published before {BEFORE}, and how many use each stem; rebuilt by `sayso train --word-rarity`.\n"
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    path.write_text(header + f"articles\t{articles}\n" + "".join(f"{stem}\t{n}\n" for stem, n in rows), encoding="utf-8")


def _load(path: Path) -> tuple[int, dict[str, int]]:
    counts: dict[str, int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, n = line.rsplit("\t", 1)
            counts[stem] = int(n)
    return counts.pop("articles", 0), counts


ARTICLES, _COUNTS = _load(PATH)


def rarity(term: str) -> float:
    """How much sharing ``term`` says two claims are about one thing, in nats."""
    if term in _CLASSES:
        return CLASS_RARITY
    return math.log(ARTICLES / (1 + _COUNTS.get(term, 0))) if ARTICLES else 0.0


def name_rarity(name: str) -> float:
    """A name is as telling as its rarest word: "Matt Lauer" is rare, "Donald Trump" is not."""
    return max((rarity(t) for t in terms(name)), default=0.0)
