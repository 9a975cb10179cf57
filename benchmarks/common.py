"""What every benchmark module shares: the row it reports, timers, and a description of the machine.

A benchmark module ``bench_NAME.py`` exposes ``run(quick: bool = False) -> list[dict]``; each dict
is one ``row``: a figure, the baseline it is read against (measured in the same run), their
ratio, and a note that says what was measured and the goal. ``run.py`` gathers and prints them.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import math
import os
import platform
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def row(
    benchmark: str,
    measure: str,
    value: float | None,
    unit: str = "",
    baseline: float | None = None,
    ratio: float | None = None,
    note: str = "",
) -> dict[str, Any]:
    """One line of the results table."""
    return {"benchmark": benchmark, "measure": measure, "value": value, "unit": unit, "baseline": baseline, "ratio": ratio, "note": note}


def skipped(benchmark: str, measure: str, reason: str) -> dict[str, Any]:
    """A row saying why a figure could not be measured on this machine."""
    return row(benchmark, measure, None, note=f"skipped: {reason}")


def goal(ratio: float | None, limit: float, at_most: bool = True) -> str:
    """"goal ≤ 1.5: met" or "… missed" for a ratio."""
    if ratio is None:
        return f"goal {'≤' if at_most else '≥'} {limit:g}"
    met = ratio <= limit if at_most else ratio >= limit
    return f"goal {'≤' if at_most else '≥'} {limit:g}: {'met' if met else 'missed'}"


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeats`` wall-clock timings of ``work()``, in seconds."""
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_each(repeats: int, **works: Callable[[], object]) -> dict[str, float]:
    """The fastest wall-clock time of each of several works, run in turn ``repeats`` times, so that
    a machine whose load changes during the run slows each of them alike."""
    best: dict[str, float] = {}
    for _ in range(max(1, repeats)):
        for name, work in works.items():
            start = time.perf_counter()
            work()
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    return best


def timed(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result) of one call.

    The CPU time tells what the wall time would be on an idle machine when others share it.
    """
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return time.perf_counter() - start, time.process_time() - cpu, result


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log(y) against log(x): the growth exponent of y in x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def _commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True, timeout=10)
        return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine() -> dict[str, Any]:
    """What the figures were measured on, for the table's heading."""
    memory = _memory_gib()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory": f"{memory:.0f} GiB" if memory else "unknown",
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": _dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "load": f"{load[0]:.1f}" if load else "unknown",
        "commit": _commit(),
    }


def numbers(text: str) -> tuple[int, ...]:
    """A comma-separated list of counts: "1000,10000"."""
    return tuple(int(part) for part in text.split(",") if part.strip())


def command_line(doc: str, run: Callable[..., list[dict[str, Any]]], **options: Callable[[str], Any]) -> None:
    """A benchmark module run as a script: ``--quick``, its own ``--OPTION``s (passed to ``run`` by
    name), and its rows printed one a line."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes")
    for name, kind in options.items():
        parser.add_argument(f"--{name}", type=kind)
    args = vars(parser.parse_args())
    for item in run(**{k: v for k, v in args.items() if v is not None}):
        print(item)
