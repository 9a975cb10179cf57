"""What runs on the executors: read inputs into articles, analyse a partition of them.

Only module-level functions and plain data cross to the executors; the spaCy pipeline (and
the tagger model) are loaded the first time a Python worker process analyses something and
kept in this module for every later partition that process runs — never pickled with a
task or loaded per record. Each partition also reports which process ran it and how many
times that process has loaded the model (the tests check it is once).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from pyspark.accumulators import AccumulatorParam

from ..errors import IngestError
from ..ingest.load import load_bytes, load_path
from ..model import Article
from . import contract

# Records flowing through the job are (tag, payload): tag "article", "analysis", "error" or "worker".
Record = tuple[str, Any]

BATCH = 16  # articles per spaCy nlp.pipe call, as `sayso analyze` does

_pipeline: Any = None
_loads = 0


def pipeline() -> Any:
    """The spaCy pipeline of this worker process, loaded on first use and then kept."""
    global _pipeline, _loads
    if _pipeline is None:
        from ..analyze.language import load_pipeline

        _pipeline = load_pipeline()
        _loads += 1
    return _pipeline


def _articles(items: Iterable[Article | IngestError], rank: tuple[int, str]) -> Iterator[Record]:
    for number, item in enumerate(items):
        if isinstance(item, IngestError):
            yield "error", {"source": item.source, "reason": item.reason}
        else:
            # The order key lets the driver keep, of several copies of one story, the first read.
            yield "article", (item.id, ((*rank, number), item))


def read_local(entry: tuple[int, str]) -> Iterator[Record]:
    """Articles of a local file named as the user gave it (as `sayso analyze` reads it)."""
    rank, path = entry
    yield from _articles(load_path(path), (rank, ""))


def read_content(entry: tuple[str, bytes | bytearray]) -> Iterator[Record]:
    """Articles of a file Spark read from any filesystem it knows (s3a://, hdfs://, file://)."""
    path, content = entry
    yield from _articles(load_bytes(bytes(content), path), (1 << 30, path))


def first_read(a: tuple[Any, Article], b: tuple[Any, Article]) -> tuple[Any, Article]:
    """Of two copies of one article, the one read first (input order, then record order)."""
    return a if a[0] <= b[0] else b


def analyze_partition(articles: Iterable[Article], extractor: str | None = None) -> Iterator[Record]:
    """The JSON contract of every article in a partition, with an error record for any that fails."""
    from ..analyze.pipeline import analyze_articles

    nlp = pipeline()
    iterator = iter(articles)
    while batch := list(islice(iterator, BATCH)):
        try:
            analyses = list(analyze_articles(batch, nlp=nlp, extractor=extractor))  # type: ignore[arg-type]
        except Exception:  # one bad article must not cost the batch: analyse them one by one
            analyses = []
            for article in batch:
                try:
                    analyses += analyze_articles([article], nlp=nlp, extractor=extractor)  # type: ignore[arg-type]
                except Exception as error:  # noqa: BLE001 - reported as data, the job goes on
                    reason = f"analysis failed: {type(error).__name__}: {error}".splitlines()[0]
                    yield "error", {"source": article.source or article.id, "reason": reason}
        for analysis in analyses:
            yield "analysis", analysis.to_dict()
    yield "worker", {"pid": os.getpid(), "loads": _loads}


class Report(AccumulatorParam):  # type: ignore[type-arg]
    """What the partitions tell the driver: their errors, and each worker's model loads (pid → count)."""

    def zero(self, value: dict[str, Any]) -> dict[str, Any]:
        return {"errors": [], "workers": {}}

    def addInPlace(self, total: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:  # noqa: N802 - PySpark's name
        total["errors"] = total["errors"] + more["errors"]
        for pid, loads in more["workers"].items():
            total["workers"][pid] = max(total["workers"].get(pid, 0), loads)
        return total


def table_lines(articles: Iterable[Article], extractor: str | None, report: Any) -> Iterator[tuple[str, str]]:
    """(table, JSON of one row) for every row of a partition's analyses; errors and model loads go to ``report``."""
    said: dict[str, Any] = {"errors": [], "workers": {}}
    for tag, payload in analyze_partition(articles, extractor):
        if tag == "analysis":
            for table, row in contract.items(payload):
                yield table, json.dumps(row, ensure_ascii=False)
        elif tag == "error":
            said["errors"].append(payload)
        else:
            said["workers"][payload["pid"]] = payload["loads"]
    report.add(said)
