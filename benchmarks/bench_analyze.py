"""What sayso's analysis costs on top of spaCy's own parse, in one process and in two.

On the same texts and in the same run: the bare ``en_core_web_sm`` pipeline (``nlp.pipe``)
and sayso's full ``analyze`` (parse + quotes, cues, chains, speakers, entities, quantities,
times, the tagger, unattributed statements); the ratio of their times is the goal's figure
(≤ 1.5). Then both again with two worker processes (``multiprocessing``, each loading its
model once, before the clock starts), fed small batches so both stay busy.

The texts are PolNeAR's 84 dev articles when ``../shared/data/polnear`` is there, else
invented ones (``generate.article_texts``).

    python benchmarks/bench_analyze.py                 # every text, best of 3
    python benchmarks/bench_analyze.py --quick         # 12 texts, one run each
    python benchmarks/bench_analyze.py PATH...         # any articles sayso can read
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED, best_of_each, goal, row  # noqa: E402

GOAL = 1.5
DEV = SHARED / "data" / "polnear" / "dev" / "text"
QUICK_TEXTS = 12
BATCH = 4  # articles per task handed to a worker

_worker: dict[str, Any] = {}


def load_articles(paths: list[str] | None = None, limit: int | None = None) -> tuple[list[Any], str]:
    """(articles, where they came from)."""
    from sayso.ingest import read
    from sayso.model import Article

    inputs = paths or [str(p) for p in sorted(DEV.glob("*.txt"))]
    if inputs:
        articles = [a for a in read(*inputs) if isinstance(a, Article)]
        where = "the given articles" if paths else "PolNeAR dev texts"
    else:
        import generate

        articles = [Article(text="\n".join(t.paragraphs), title=t.title) for t in generate.article_texts(limit or 84)]
        where = "invented articles"
    return (articles[:limit] if limit else articles), where


def _start(kind: str) -> None:
    """Worker initialiser: load the pipeline once, and parse one text so its lazy parts are loaded."""
    import spacy

    from sayso.analyze.language import installed_model, load_pipeline

    _worker["kind"] = kind
    _worker["nlp"] = spacy.load(installed_model()) if kind == "spacy" else load_pipeline()
    _worker["nlp"]("Warm up. The mayor said so.")


def _work(articles: list[Any]) -> int:
    """One batch in a worker; returns how many were done (the results stay in the worker)."""
    return _process(_worker["kind"], _worker["nlp"], articles)


def _process(kind: str, nlp: Any, articles: list[Any]) -> int:
    if kind == "spacy":
        return sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=16))
    from sayso.analyze import analyze_articles

    return sum(1 for _ in analyze_articles(articles, nlp))


def _pool_times(articles: list[Any], repeats: int) -> dict[str, float]:
    """Best wall time of each kind on two worker processes; both pools are up before the clock
    starts, and they take turns, so a change in the machine's load slows both alike."""
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=_start, initargs=("spacy",)) as bare, context.Pool(2, initializer=_start, initargs=("sayso",)) as full:
        for pool in (bare, full):
            pool.map(_work, [articles[:1], articles[1:2]], chunksize=1)  # both workers up and warm
        return best_of_each(
            repeats,
            spacy=lambda: sum(bare.imap_unordered(_work, batches, chunksize=1)),
            sayso=lambda: sum(full.imap_unordered(_work, batches, chunksize=1)),
        )


def run(quick: bool = False, paths: list[str] | None = None, limit: int | None = None, repeats: int | None = None) -> list[dict[str, Any]]:
    import spacy

    from sayso.analyze.language import installed_model, load_pipeline

    articles, where = load_articles(paths, limit or (QUICK_TEXTS if quick else None))
    if not articles:
        raise SystemExit("no articles to time")
    repeats = repeats or (1 if quick else 3)
    words = sum(len(a.text.split()) for a in articles)
    bare, full = spacy.load(installed_model()), load_pipeline()
    _process("spacy", bare, articles[:1]), _process("sayso", full, articles[:1])  # warm up both, the tagger's model too
    one = best_of_each(repeats, spacy=lambda: _process("spacy", bare, articles), sayso=lambda: _process("sayso", full, articles))
    two = _pool_times(articles, max(1, repeats - 1))
    n = len(articles)
    described = f"{n} {where}, {words:,} words (median {statistics.median(len(a.text) for a in articles):,.0f} characters)"
    rows = []
    for label, times in (("1 process", one), ("2 worker processes", two)):
        ratio = times["sayso"] / times["spacy"]
        rows.append(row(
            "analyze", label, n / times["sayso"], "articles/s", n / times["spacy"], ratio,
            f"{1000 * times['sayso'] / n:.0f} vs {1000 * times['spacy'] / n:.0f} ms/article; baseline: bare en_core_web_sm "
            f"on the same texts; {goal(ratio, GOAL)}" + ("; " + described if label == "1 process" else ""),
        ))
    speedup, spacy_speedup = one["sayso"] / two["sayso"], one["spacy"] / two["spacy"]
    rows.append(row(
        "analyze", "2 processes over 1", speedup, "× faster", spacy_speedup, speedup / spacy_speedup,
        "sayso's speed-up from a second worker; baseline: bare spaCy's",
    ))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="articles to time (default: PolNeAR dev texts)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeats", type=int, help="runs of each; the fastest counts")
    args = parser.parse_args()
    for item in run(args.quick, args.paths or None, args.limit, args.repeats):
        print(item)


if __name__ == "__main__":
    main()
