"""Memory: peak RSS of ``sayso ingest`` over a WARC of 5,000 generated pages against one of 500.

Each run is a fresh ``sayso ingest --no-link`` process over a generated gzipped WARC
(``generate.write_warc``) into a new SQLite file; its peak resident set size comes from the
kernel when it exits (``os.wait4``). Streaming means the larger archive should need no more
memory than the smaller: the goal is at most 1.2 times as much. ``--quick`` uses 50 and 500.

    python benchmarks/bench_memory.py [--quick]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import command_line, goal, numbers, row  # noqa: E402

import generate  # noqa: E402

FULL = (500, 5000)
QUICK = (50, 500)
GOAL = 1.2
COMMAND = "from sayso.cli import main; main()"


def peak_rss(archive: Path, database: Path) -> tuple[float, float, str]:
    """(peak RSS in MiB, seconds, closing line) of one ``sayso ingest --no-link`` process."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "ingest", "--no-link", "--db", str(database), str(archive)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    out, err = child.stdout.read(), child.stderr.read()  # small: a summary line and any errors
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"sayso ingest failed ({child.returncode}): {(err or out).strip().splitlines()[-1:]}")
    return usage.ru_maxrss / 1024, seconds, out.strip().splitlines()[-1] if out.strip() else ""


def run(quick: bool = False, sizes: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    small, large = sizes or (QUICK if quick else FULL)
    folder = Path(tempfile.mkdtemp(prefix="sayso-bench-memory-"))
    try:
        results = {}
        for pages in (small, large):
            archive = folder / f"crawl-{pages}.warc.gz"
            counts = generate.write_warc(archive, pages)
            mib, seconds, summary = peak_rss(archive, folder / f"ingest-{pages}.db")
            results[pages] = (mib, seconds, summary, counts, archive.stat().st_size / 1e6)
            archive.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    rows = []
    base = results[small][0]
    for pages in (small, large):
        mib, seconds, summary, counts, size = results[pages]
        bigger = pages == large
        rows.append(row(
            "memory", f"peak RSS, {pages:,}-page WARC", mib, "MiB", base if bigger else None, mib / base if bigger else None,
            f"sayso ingest --no-link: {1000 * seconds / pages:.0f} ms/page, {size:.1f} MB archive, {counts.records:,} records; "
            f"“{summary}”" + (f"; baseline: the {small:,}-page run; {goal(mib / base, GOAL)}" if bigger else ""),
        ))
    return rows


if __name__ == "__main__":
    command_line(__doc__, run, sizes=numbers)
