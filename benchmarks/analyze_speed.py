"""How much sayso's analysis costs on top of spaCy's own parse.

Times, in the same run and on the same texts, the bare ``en_core_web_sm`` pipeline and
sayso's full ``analyze`` (parse + quotes, cues, chains, speakers, entities, quantities,
times, unattributed statements), and prints the ratio and per-article figures.

    python benchmarks/analyze_speed.py                 # the 84 PolNeAR dev texts
    python benchmarks/analyze_speed.py --limit 20      # a quicker look
    python benchmarks/analyze_speed.py PATH...         # any articles sayso can read
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import spacy

from sayso.analyze import analyze_articles
from sayso.analyze.language import installed_model, load_pipeline
from sayso.ingest import read
from sayso.model import Article

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev" / "text"


def _articles(paths: list[str], limit: int | None) -> list[Article]:
    inputs = paths or [str(p) for p in sorted(DEV.glob("*.txt"))]
    articles = [a for a in read(*inputs) if isinstance(a, Article)]
    return articles[:limit] if limit else articles


def _best_of(repeats: int, run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="articles to time (default: PolNeAR dev texts)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the fastest counts")
    args = parser.parse_args()

    articles = _articles(args.paths, args.limit)
    if not articles:
        raise SystemExit("no articles to time")
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    baseline_nlp = spacy.load(installed_model())
    sayso_nlp = load_pipeline()
    baseline_nlp(texts[0]), sayso_nlp(texts[0])  # warm up both pipelines

    baseline = _best_of(args.repeats, lambda: list(baseline_nlp.pipe(texts, batch_size=16)))
    full = _best_of(args.repeats, lambda: list(analyze_articles(articles, sayso_nlp)))
    per_article = [len(t) for t in texts]

    print(f"articles: {len(articles)}  words: {words}  median chars/article: {statistics.median(per_article):.0f}")
    print(f"{'run':<28}{'seconds':>10}{'articles/s':>12}{'ms/article':>12}{'words/s':>10}")
    for name, seconds in (("en_core_web_sm (baseline)", baseline), ("sayso analyze", full)):
        print(f"{name:<28}{seconds:>10.2f}{len(articles) / seconds:>12.2f}{1000 * seconds / len(articles):>12.1f}{words / seconds:>10.0f}")
    print(f"ratio sayso / baseline: {full / baseline:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
