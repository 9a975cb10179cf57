"""Run sayso's benchmarks, print one table, and write it to a file with the machine it ran on.

    python benchmarks/run.py                      # every benchmark, full size (about an hour on 2 cores)
    python benchmarks/run.py --quick              # small sizes, a few minutes
    python benchmarks/run.py --only link,store    # some of them
    python benchmarks/run.py --output results.md  # elsewhere than benchmarks/results.md

Each ``benchmarks/bench_NAME.py`` exposes ``run(quick: bool = False) -> list[dict]`` (rows:
benchmark, measure, value, unit, baseline, ratio, note; see ``common.row``); every figure is
read against a baseline measured in the same run. Each module runs in a process of its own,
so one's memory or loaded models cannot change another's figures, and a module that is
missing, or that cannot run here (no pyspark, no Java), gives a row saying "skipped: why".

The Markdown file holds the machine (CPU, cores, memory, Python, date, load, commit) and the
table; a JSON file beside it holds the same rows. With ``--only``, the rows of the other
benchmarks already in that JSON file are kept, each with the date it was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import machine, row  # noqa: E402

ORDER = ("analyze", "ingest", "store", "link", "spark", "memory")
COLUMNS = ("benchmark", "measure", "value", "unit", "baseline", "ratio", "note")


def available() -> list[str]:
    """Benchmark names: the expected ones in their order, then any other bench_*.py."""
    found = sorted(p.stem[len("bench_") :] for p in HERE.glob("bench_*.py"))
    return list(ORDER) + [name for name in found if name not in ORDER]


def run_module(name: str, quick: bool) -> list[dict[str, Any]]:
    """Import ``bench_NAME`` and run it here; a module that cannot run gives a "skipped" row."""
    if not (HERE / f"bench_{name}.py").exists():
        return [row(name, "all", None, note=f"skipped: benchmarks/bench_{name}.py is not there")]
    try:
        module = __import__(f"bench_{name}")
        return list(module.run(quick=quick))
    except ImportError as err:
        return [row(name, "all", None, note=f"skipped: {err}")]
    except Exception as err:  # noqa: BLE001 - one benchmark's failure is a row, not the end of the run
        last = traceback.format_exception_only(type(err), err)[-1].strip()
        return [row(name, "all", None, note=f"failed: {last}")]


def run_isolated(name: str, quick: bool) -> tuple[list[dict[str, Any]], float]:
    """``run_module`` in a child process; (rows, seconds)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, "--rows-to", str(out)]
    if quick:
        command.append("--quick")
    start = time.perf_counter()
    done = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    try:
        rows = json.loads(out.read_text()) if out.stat().st_size else []
    except (OSError, ValueError):
        rows = []
    finally:
        out.unlink(missing_ok=True)
    if done.returncode != 0 and not rows:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        rows = [row(name, "all", None, note=f"failed: {lines[-1] if lines else f'exit code {done.returncode}'}")]
    return rows, seconds


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value == 0:
        return "0"
    size = abs(value)
    if size >= 1000:
        return f"{value:,.0f}"
    if size >= 100:
        return f"{value:.0f}"
    if size >= 10:
        return f"{value:.1f}"
    if size >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def _cells(item: dict[str, Any]) -> list[str]:
    return [
        item["benchmark"], item["measure"], _number(item["value"]), item.get("unit") or "",
        _number(item.get("baseline")), _number(item.get("ratio")), item.get("note") or "",
    ]


def describe(box: dict[str, Any]) -> str:
    return (
        f"{box['cpu']}, {box['cores']} cores, {box['memory']} memory, Python {box['python']}, {box['system']}; "
        f"{box['date']}; load average {box['load']} at the start; sayso {box['commit']}"
    )


def markdown(results: dict[str, Any], quick: bool) -> str:
    lines = [
        "# sayso benchmarks" + (" (quick sizes)" if quick else ""),
        "",
        f"Machine: {describe(results['machine'])}.",
        "",
        "`python benchmarks/run.py" + (" --quick" if quick else "") + "` — each figure beside a baseline measured in the "
        "same run; ratio is sayso's cost over the baseline's unless the note says otherwise.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join(["---", "---", "--:", "---", "--:", "--:", "---"]) + "|",
    ]
    for name, run in results["runs"].items():
        for item in run["rows"]:
            lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(item)) + " |")
    lines += ["", "Measured: " + "; ".join(_when(name, run) for name, run in results["runs"].items()) + "."]
    return "\n".join(lines) + "\n"


def _when(name: str, run: dict[str, Any]) -> str:
    load = f", load average {run['load']:.1f} at its start" if run.get("load") is not None else ""
    return f"{name} {run['date']} ({run['seconds']:.0f} s{load})"


def print_table(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="sayso benchmarks", caption=describe(results["machine"]))
    for column in COLUMNS:
        table.add_column(column, justify="right" if column in ("value", "baseline", "ratio") else "left", overflow="fold")
    for run in results["runs"].values():
        for item in run["rows"]:
            table.add_row(*_cells(item))
    console = Console()
    if not console.is_terminal:  # a log file: wide enough for the notes
        console = Console(width=220)
    console.print(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes: minutes, not an hour")
    parser.add_argument("--only", default="", help="comma-separated benchmark names (default: all)")
    parser.add_argument("--output", default=None, help="Markdown file (default benchmarks/results.md, or results-quick.md with --quick)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--rows-to", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:  # one benchmark, in this (child) process
        rows = run_module(args.child, args.quick)
        Path(args.rows_to).write_text(json.dumps(rows))
        return

    names = available()
    wanted = [n.strip() for n in args.only.split(",") if n.strip()] or names
    unknown = [n for n in wanted if n not in names]
    if unknown:
        raise SystemExit(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(names)}")
    output = Path(args.output) if args.output else HERE / ("results-quick.md" if args.quick else "results.md")
    stored = output.with_suffix(".json")
    results: dict[str, Any] = {"machine": machine(), "runs": {}}
    if args.only and stored.exists():  # keep what other benchmarks measured before
        try:
            results["runs"] = {k: v for k, v in json.loads(stored.read_text())["runs"].items() if k not in wanted}
        except (OSError, ValueError, KeyError):
            pass
    for name in wanted:
        print(f"running {name} …", file=sys.stderr, flush=True)
        started, load = time.strftime("%Y-%m-%d %H:%M"), os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        rows, seconds = run_isolated(name, args.quick)
        results["runs"][name] = {"date": started, "load": load, "seconds": seconds, "rows": rows}
    results["runs"] = {name: results["runs"][name] for name in names if name in results["runs"]}
    print_table(results)
    output.write_text(markdown(results, args.quick), encoding="utf-8")
    stored.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {output} and {stored.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
