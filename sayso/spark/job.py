"""The Spark batch job: inputs → articles → analyses → Parquet tables (driver side).

    sayso spark analyze news/ archive.warc.gz --output out/ --master local[2]

Local paths (files, directories, globs) are expanded as ``sayso analyze`` expands them and
read on the executors by the same readers, under the names given, so a local run gives
exactly what ``sayso analyze --json`` gives. URIs with a scheme Hadoop knows (``s3a://``,
``hdfs://``, ``gs://``, ``file://``) are listed and read by Spark itself, directories
recursively (Spark skips names starting with ``_`` or ``.``), and carry their URI as source.

The articles are keyed by id and reduced to one copy each (the first read, as ``sayso ingest``
keeps the first), which also spreads them evenly over ``partitions``; each partition is then
analysed by ``worker.analyze_partition`` with the model loaded once per Python worker.
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..errors import IngestError, SaysoError
from ..ingest.sources import expand, is_url
from . import contract

TABLES = tuple(contract.TABLES)
SHOWN_ERRORS = 20
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


@dataclass
class JobSummary:
    """What one run of the job wrote, and how the model was loaded on the workers."""

    output: str
    partitions: int
    counts: dict[str, int] = field(default_factory=dict)
    workers: dict[int, int] = field(default_factory=dict)  # Python worker pid → model loads in it
    seconds: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)  # the first few of the errors table

    def describe(self) -> str:
        c = self.counts
        loads = sorted(set(self.workers.values()))
        return (
            f"{c.get('articles', 0)} articles analysed into {self.output} "
            f"({c.get('attributions', 0)} attributions, {c.get('unattributed', 0)} unattributed assertions, "
            f"{c.get('entities', 0)} entities; {c.get('errors', 0)} input{'s' if c.get('errors', 0) != 1 else ''} failed) "
            f"in {self.seconds:.1f}s on {self.partitions} partitions; "
            f"model loaded {'/'.join(map(str, loads)) or 0}× in each of {len(self.workers)} Python workers"
        )


def session(master: str | None = None, app_name: str = "sayso", config: dict[str, str] | None = None) -> Any:
    """A SparkSession: ``master`` when given, else whatever spark-submit or the defaults say."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SaysoError("the Spark batch mode needs pyspark: pip install 'sayso[spark]'") from error
    # Local workers run the driver's own interpreter (and so its sayso), not whatever python3 is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    settings = dict(config or {})
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # nothing to reach beyond this machine
        # The analysis is Python's; the JVM mostly starts up. Its quick compiler and one-thread
        # collector halve the CPU it takes from the workers on a small machine (docs/spark.md).
        settings.setdefault("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # no Java, a bad master URL …: one line, not a JVM trace
        raise SaysoError(f"cannot start Spark: {str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__}") from error
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def split_inputs(inputs: list[str]) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """(local files in order, URIs for Spark to list, errors) from what the user named."""
    local: list[str] = []
    uris: list[str] = []
    errors: list[dict[str, str]] = []
    for name in inputs:
        if is_url(name):
            errors.append({"source": name, "reason": "http(s) URLs are not read in Spark mode: download them first"})
        elif "://" in name:
            uris.append(name)
        else:
            for item in expand([name]):
                if isinstance(item, IngestError):
                    errors.append({"source": item.source, "reason": item.reason})
                else:
                    local.append(item)
    return local, uris, errors


def run(
    spark: Any,
    inputs: list[str],
    output: str,
    partitions: int | None = None,
    extractor: str | None = None,
) -> JobSummary:
    """Analyse every article of ``inputs`` on the cluster and write the tables under ``output``."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from . import worker

    started = time.perf_counter()
    sc = spark.sparkContext
    local, uris, input_errors = split_inputs(inputs)
    if not local and not uris:
        raise SaysoError("no article could be read" if input_errors else "no input given")

    parts: list[Any] = []
    if local:
        slices = max(1, min(len(local), sc.defaultParallelism * 4))
        parts.append(sc.parallelize(list(enumerate(local)), slices).flatMap(worker.read_local))
    if uris:
        try:
            files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uris)
        except Exception as error:  # a path that does not exist, a scheme without its connector
            raise SaysoError(f"cannot list {', '.join(uris)}: {_first_line(error)}") from error
        parts.append(files.select("path", "content").rdd.map(tuple).flatMap(worker.read_content))
    records = parts[0] if len(parts) == 1 else sc.union(parts)
    records = records.persist(StorageLevel.MEMORY_AND_DISK)  # read once: articles and errors both come from it

    partition_count = partitions or max(2 * sc.defaultParallelism, records.getNumPartitions())
    articles = (
        records.filter(lambda r: r[0] == "article")
        .map(lambda r: r[1])
        .reduceByKey(worker.first_read, numPartitions=partition_count)
        .map(lambda kv: kv[1][1])
    )
    chosen = extractor
    report = sc.accumulator({"errors": [], "workers": {}}, worker.Report())
    lines = articles.mapPartitions(lambda part: worker.table_lines(part, chosen, report))
    # Each row travels from Python as its JSON (cheap to make, cheap to keep) and is parsed into
    # typed, nested columns inside the JVM; the lines are kept (spilling to disk) so that the
    # five tables are written from one analysis of each article.
    frame = spark.createDataFrame(lines, "table string, line string", verifySchema=False)
    frame = frame.persist(StorageLevel.MEMORY_AND_DISK)

    def write(name: str, table: Any) -> None:
        table.write.mode("overwrite").parquet(_join(output, name))

    def write_table(name: str) -> None:
        parsed = F.from_json("line", contract.spark_schema(name), {"mode": "FAILFAST"})
        write(name, frame.where(F.col("table") == name).select(parsed.alias("row")).select("row.*"))

    write_table("articles")  # analyses every article
    with ThreadPoolExecutor(len(contract.CHILD_TABLES)) as pool:  # Spark runs jobs from several threads at once
        list(pool.map(write_table, contract.CHILD_TABLES))
    counts = dict.fromkeys(TABLES, 0) | {row["table"]: row["count"] for row in frame.groupBy("table").count().collect()}

    errors = input_errors + records.filter(lambda r: r[0] == "error").map(lambda r: r[1]).collect()
    seen = {(e["source"], e["reason"]) for e in errors}
    for error in report.value["errors"]:  # a partition computed twice reports twice
        if (error["source"], error["reason"]) not in seen:
            seen.add((error["source"], error["reason"]))
            errors.append(error)
    counts["errors"] = len(errors)
    errors_table = spark.createDataFrame([contract.conform(e, ("struct", contract.ERRORS)) for e in errors], contract.spark_schema("errors"))
    write("errors", errors_table.coalesce(1))
    frame.unpersist()
    records.unpersist()
    return JobSummary(output, partition_count, counts, dict(report.value["workers"]), time.perf_counter() - started, errors[:SHOWN_ERRORS])


def _join(root: str, name: str) -> str:
    return root.rstrip("/") + "/" + name


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
