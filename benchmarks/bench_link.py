"""Linking at scale: time to link 1k, 10k and 100k stored claims, its growth, and one more article.

The claims are invented (``generate.analyses``: a stream of stories, ~9 claims an article, with
entities, speakers, chains and counted figures), stored with ``Store.add`` in a fresh SQLite
file and linked with ``link_store`` from nothing, as ``sayso ingest`` would. Each size's
baseline is the smallest size's time scaled linearly, so the ratio shows how far from linear
linking grows; the growth exponent is the slope of log(time) against log(claims).

Incrementality: the same few new articles (about early stories, so there is something to
join) are then linked into the smallest and the largest store; with blocking, one article
costs about the same whatever the store holds.

    python benchmarks/bench_link.py [--quick]
"""

from __future__ import annotations

import gc
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import command_line, goal, numbers, row, slope, timed  # noqa: E402

import generate  # noqa: E402
from sayso.link import link_store  # noqa: E402
from sayso.store import Store  # noqa: E402

FULL = (1_000, 10_000, 100_000)
QUICK = (500, 2_000, 5_000)
EXTRA = 5  # new articles timed against the smallest and the largest store
GROWTH_GOAL = 1.2


def _label(claims: int) -> str:
    return f"{claims // 1000}k" if claims >= 1000 and claims % 1000 == 0 else str(claims)


def measure(claims: int, folder: Path, extra: list[Any]) -> dict[str, Any]:
    """Store ``claims`` claims, link them all, then link ``extra`` articles more; times in seconds."""
    path = folder / f"link-{claims}.db"
    with Store(str(path)) as store:
        for analysis in generate.analyses(claims):
            store.add(analysis)
        # The generated stream is this benchmark's own heap, not sayso's: collected before each
        # timing, so that a collection of it is not counted as linking.
        gc.collect()
        seconds, cpu, summary = timed(lambda: link_store(store))
        # Only the sizes are kept: the propositions read back are this benchmark's heap too.
        sizes = sorted((len(p.members) for p in store.propositions(limit=None, members_at_least=1)), reverse=True)
        for analysis in extra:
            store.add(analysis)
        gc.collect()
        extra_seconds, extra_cpu, extra_summary = timed(lambda: link_store(store))
    for leftover in folder.glob(f"link-{claims}.db*"):
        leftover.unlink()
    return {
        "claims": summary.claims,
        "articles": summary.articles,
        "seconds": seconds,
        "cpu": cpu,
        "propositions": len(sizes),
        "largest": sizes[0] if sizes else 0,
        "extra_seconds": extra_seconds,
        "extra_cpu": extra_cpu,
        "extra_articles": extra_summary.articles,
        "extra_claims": extra_summary.claims,
    }


def run(quick: bool = False, sizes: tuple[int, ...] | None = None) -> list[dict[str, Any]]:
    sizes = tuple(sorted(sizes or (QUICK if quick else FULL)))
    extra = generate.extra_articles(EXTRA)
    folder = Path(tempfile.mkdtemp(prefix="sayso-bench-link-"))
    try:
        results = [measure(n, folder, extra) for n in sizes]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    first = results[0]
    rows = []
    for size, result in zip(sizes, results):
        linear = first["seconds"] * result["claims"] / first["claims"]
        per_claim = 1e6 * result["seconds"] / result["claims"]
        rows.append(row(
            "link", f"link {_label(size)} claims", result["seconds"], "s",
            linear if result is not first else None, result["seconds"] / linear if result is not first else None,
            f"{per_claim:,.0f} µs/claim (CPU {result['cpu']:.1f} s); {result['claims']:,} claims in {result['articles']:,} articles → "
            f"{result['propositions']:,} propositions (largest {result['largest']}); baseline: {_label(sizes[0])} time × claims",
        ))
    claims = [r["claims"] for r in results]
    exponent = slope(claims, [r["seconds"] for r in results]) if len(results) > 1 else None
    cpu_exponent = slope(claims, [r["cpu"] for r in results]) if len(results) > 1 else None
    rows.append(row(
        "link", "growth exponent", exponent, "", 1.0, exponent,
        f"slope of log(wall time) on log(claims) (of CPU time: {cpu_exponent or 0:.2f}); {goal(exponent, GROWTH_GOAL)}",
    ))
    small, large = results[0], results[-1]
    per_article_small = 1000 * small["extra_seconds"] / max(1, small["extra_articles"])
    per_article_large = 1000 * large["extra_seconds"] / max(1, large["extra_articles"])
    rows.append(row(
        "link", f"one new article into {_label(sizes[-1])}", per_article_large, "ms/article",
        per_article_small, per_article_large / per_article_small if per_article_small else None,
        f"{large['extra_claims'] / max(1, large['extra_articles']):.0f} claims each, mean of {large['extra_articles']} "
        f"(CPU {1000 * large['extra_cpu'] / max(1, large['extra_articles']):.0f} vs {1000 * small['extra_cpu'] / max(1, small['extra_articles']):.0f} ms); "
        f"baseline: into {_label(sizes[0])}; incremental: ≈ 1 means the store's size does not matter",
    ))
    return rows


if __name__ == "__main__":
    command_line(__doc__, run, sizes=numbers)
