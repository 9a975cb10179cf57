"""Spark batch mode: how much a second core buys (local[2] against local[1]).

The same N invented articles (N = 8000, or 200 with ``quick``), written as plain-text files,
go through ``sayso spark analyze``'s job once on local[1] and once on local[2], each in a
fresh interpreter (so a fresh JVM); the wall time of the job is measured (reading, the
shuffle, loading the model in each Python worker, analysing, writing the five Parquet
tables), not the session's start. The goal is local[2] at least 1.7 times as fast as
local[1]. Wall time needs the cores free: the rows note the load average, and also give the
job's CPU time (JVM and Python workers, read from /proc), which other work on the machine
hardly changes.

    python benchmarks/bench_spark.py [--quick]

``run(quick)`` returns the rows benchmarks/run.py collects:
{"benchmark", "measure", "value", "unit", "baseline", "ratio", "note"}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

GOAL = 1.7
# A job long enough that a second worker's start (its JVM side, its own spaCy model) is small
# beside it: at 2,000 articles a faster machine finished in under a minute and showed 1.28x.
FULL, QUICK = 8000, 200

_TOWNS = ["Cressby", "Lunden", "Port Avel", "Tamm Ford", "Kesslow", "Orrwick", "Balder", "Hallin", "Mistvale", "Ebbon"]
_PEOPLE = [
    ("Mayor", "Ines Varga"), ("Fire chief", "Oren Malik"), ("Health minister", "Asha Lind"), ("Police chief", "Pavel Dorn"),
    ("Union leader", "Mira Sollen"), ("Governor", "Rafael Ost"), ("Judge", "Edda Krall"), ("Council leader", "Teo Brandt"),
]
_BODIES = ["the Northern Water Authority", "the regional health office", "the rail workers' union", "the district council",
           "the port authority", "the environment agency", "the teachers' association", "the chamber of commerce"]
_OUTLETS = ["Harbor Gazette", "Valley Courier", "Evening Star", "Meridian Post", "Radio Askel"]
_TOPICS = [
    ("homes were damaged by the flood", "homes"), ("workers would strike next week", "workers"),
    ("patients had been moved to the school", "patients"), ("ships could not dock", "ships"),
    ("families had left the valley", "families"), ("jobs would be cut at the plant", "jobs"),
]
_CUES = ["said", "told reporters", "announced", "confirmed", "warned"]


def article(number: int) -> str:
    """One invented news story, the same for the same number in every run."""
    rng = random.Random(number)
    town, outlet = rng.choice(_TOWNS), rng.choice(_OUTLETS)
    (role, person), body = rng.choice(_PEOPLE), rng.choice(_BODIES)
    (topic, counted), figure = rng.choice(_TOPICS), rng.randint(12, 4000)
    day = rng.randint(1, 28)
    surname = person.split()[-1]
    paragraphs = [
        f"{role} {person} {rng.choice(_CUES)} on Monday that about {figure:,} {topic} in {town}.",
        f'"We are doing everything we can, and we will keep doing it," {surname} told the {outlet}.',
        f"According to {body}, at least {figure // 2:,} {counted} were affected by March {day}.",
        f"{body[0].upper() + body[1:]} denied that the warnings had come too late.",
        f"Residents said the roads out of {town} were still closed on Tuesday. The town has {rng.randint(2, 90)},000 inhabitants.",
        f"{surname} said a full report would be published in {rng.choice(['April', 'May', 'June'])}.",
    ]
    tail = paragraphs[2:]
    rng.shuffle(tail)
    paragraphs[2:] = tail
    title = f"{town}: {counted} count rises to {figure:,}"
    return f"{title}\nPublished: 2031-03-{day:02d}\nBy Staff Reporter {number}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:05d}.txt"
        path.write_text(article(number), encoding="utf-8")
        paths.append(str(path))
    return paths


def _cpu_of_tree(root: int) -> dict[int, tuple[str, float]]:
    """(command, CPU seconds incl. reaped children) of every process under ``root``, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[tuple[int, str, float]]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        cpu = sum(int(f) for f in fields[11:15]) / tick  # utime, stime, cutime, cstime
        children.setdefault(int(fields[1]), []).append((int(name), stat[stat.index("(") + 1 : stat.rindex(")")], cpu))
    found: dict[int, tuple[str, float]] = {}
    pending = [root]
    while pending:
        for pid, command, cpu in children.get(pending.pop(), []):
            found[pid] = (command, cpu)
            pending.append(pid)
    return found


def timed_job(master: str, inputs: list[str], output: str) -> dict[str, Any]:
    """Run the job once in this process: wall time, CPU seconds (JVM, Python workers; None without /proc), counts."""
    from sayso.spark import job

    spark = job.session(master, "sayso-bench", {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"})
    try:
        proc = Path("/proc/self/stat").exists()
        before = _cpu_of_tree(os.getpid()) if proc else {}
        started = time.perf_counter()
        summary = job.run(spark, inputs, output)
        wall = time.perf_counter() - started
        cpu = None
        if proc:
            cpu = {"jvm": 0.0, "python": 0.0}
            for pid, (command, seconds) in _cpu_of_tree(os.getpid()).items():
                cpu["jvm" if command == "java" else "python"] += seconds - before.get(pid, (command, 0.0))[1]
        return {"wall": wall, "cpu": cpu, "counts": summary.counts, "partitions": summary.partitions}
    finally:
        spark.stop()


def _job_in_new_process(master: str, inputs: list[str], output: Path) -> dict[str, Any]:
    """``timed_job`` in a fresh interpreter, so that each master starts its own JVM, cold."""
    command = [sys.executable, __file__, "--job", master, str(output), *inputs]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{master} job failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[dict[str, Any]]:
    count = QUICK if quick else FULL
    root = Path(tempfile.mkdtemp(prefix="sayso-bench-spark-"))
    load = os.getloadavg()[0]  # other work on the machine takes cores from local[2] first
    try:
        inputs = [str(root / "articles")]
        write_articles(root / "articles", count)
        first = _job_in_new_process("local[1]", inputs, root / "out1")
        second = _job_in_new_process("local[2]", inputs, root / "out2")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if first["counts"] != second["counts"]:
        raise RuntimeError(f"local[1] and local[2] disagree: {first['counts']} against {second['counts']}")
    one, two, cpu_one, cpu_two = first["wall"], second["wall"], first["cpu"], second["cpu"]
    machine = f"{os.cpu_count()} cores, load average {load:.1f} before"
    made = f"{count} invented articles, {first['counts']['attributions']} attributions"
    ratio = one / two
    rows = [
        {"benchmark": "spark", "measure": "local[1] job wall time", "value": round(one, 2), "unit": "s",
         "baseline": None, "ratio": None, "note": f"{made}; {first['partitions']} partitions; {machine}"},
        {"benchmark": "spark", "measure": "local[2] job wall time", "value": round(two, 2), "unit": "s",
         "baseline": round(one, 2), "ratio": round(ratio, 2),
         "note": f"speed-up over local[1] (goal ≥ {GOAL}: {'met' if ratio >= GOAL else 'not met'}); {second['partitions']} partitions; {machine}"},
        {"benchmark": "spark", "measure": "local[2] throughput", "value": round(count / two, 1), "unit": "articles/s",
         "baseline": round(count / one, 1), "ratio": round(ratio, 2), "note": made},
    ]
    if cpu_one and cpu_two:  # what the job costs whatever else runs: local[2] should cost little more
        total_one, total_two = sum(cpu_one.values()), sum(cpu_two.values())
        for master, cpu, total, base in (("local[1]", cpu_one, total_one, None), ("local[2]", cpu_two, total_two, total_one)):
            rows.append({
                "benchmark": "spark", "measure": f"{master} job CPU time", "value": round(total, 1), "unit": "s",
                "baseline": round(base, 1) if base else None, "ratio": round(total / base, 2) if base else None,
                "note": f"JVM {cpu['jvm']:.1f} s, Python workers {cpu['python']:.1f} s; {made}",
            })
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} articles instead of {FULL}")
    parser.add_argument("--job", nargs="+", metavar="ARG", help=argparse.SUPPRESS)  # MASTER OUTPUT INPUT…: one timed job
    args = parser.parse_args()
    if args.job:
        master, output, *inputs = args.job
        print(json.dumps(timed_job(master, inputs, output)))
        return
    for row in run(args.quick):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
