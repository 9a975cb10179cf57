"""Batch commands: ``sayso spark analyze``, ``sayso load`` and ``sayso export``.

They are registered on the ``sayso`` command by ``sayso.cli`` (which imports this module);
pyspark and pyarrow are imported only when a command needs them.
"""

from __future__ import annotations

from typing import Optional

import typer

from . import api
from .cli import DB_OPTION, _reports_errors, app, err, out
from .errors import SaysoError
from .link import link_store

spark_app = typer.Typer(
    help="Batch analysis on Apache Spark: many articles analysed in parallel, written as Parquet.",
    no_args_is_help=True,
)
app.add_typer(spark_app, name="spark")


@spark_app.command("analyze")
@_reports_errors
def spark_analyze(
    paths: list[str] = typer.Argument(
        ..., help="Local files, directories or globs (plain text, HTML, feeds, WARC), or URIs Spark reads: s3a://, hdfs://, file://."
    ),
    output: str = typer.Option(..., "--output", help="Directory (or URI) to write the Parquet tables into; tables already there are replaced."),
    master: Optional[str] = typer.Option(
        None, "--master", help="Spark master: local[2], spark://host:7077, yarn … Default: what spark-submit sets, else local[*]."
    ),
    partitions: Optional[int] = typer.Option(
        None, "--partitions", min=1, help="Partitions to analyse the articles in. Default: twice the cores, or more for many input splits."
    ),
    extractor: Optional[str] = typer.Option(None, "--extractor", help="hybrid (default), tagger or rules, as for sayso analyze."),
) -> None:
    """Analyse articles on Spark and write Parquet: articles, attributions, unattributed, entities, errors.

    Each executor's Python workers load the spaCy model once and analyse whole partitions.
    The tables hold the JSON contract's fields as typed, nested columns (see docs/spark.md);
    `sayso load OUTPUT` brings them into a store.
    """
    from .spark import job

    if extractor not in (None, "hybrid", "tagger", "rules"):
        raise SaysoError(f"--extractor {extractor}: choose hybrid, tagger or rules")
    spark = job.session(master, config={"spark.ui.showConsoleProgress": "true" if err.is_terminal else "false"})
    try:
        summary = job.run(spark, paths, output, partitions, extractor)
    finally:
        spark.stop()
    for error in summary.errors:
        err.print(f"error: {error['source']}: {error['reason']}", markup=False)
    failed = summary.counts.get("errors", 0)
    if failed > len(summary.errors):
        err.print(f"… and {failed - len(summary.errors)} more in {output}/errors", markup=False)
    out.print(summary.describe(), markup=False)
    if summary.counts.get("articles", 0) == 0:
        raise SaysoError("no article could be read")


@app.command()
@_reports_errors
def load(
    directory: str = typer.Argument(..., help="What `sayso spark analyze --output` wrote: a local directory, or s3://, gs://, hdfs:// for pyarrow."),
    db: Optional[str] = DB_OPTION,
    link: bool = typer.Option(True, "--link/--no-link", help="Link the stored articles across articles afterwards (default)."),
) -> None:
    """Store the Spark job's output, then link it. Loading the same output again changes nothing.

    Each article goes in as one transaction, exactly as the job analysed it; articles the
    store already holds (from any earlier ingest or load) are left as they are.
    """
    from .spark.load import load as load_output

    with api.open_store(db) as store:
        summary = load_output(store, directory)
        out.print(summary.describe(), markup=False)
        if link:
            out.print(link_store(store).describe(), markup=False)
        if summary.new + summary.known == 0:
            raise SaysoError(f"{directory}: holds no article")


@app.command()
@_reports_errors
def export(
    output: str = typer.Option(..., "--output", help="File to write; - for standard output (jsonl and csv)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv or parquet."),
    what: str = typer.Option("claims", "--what", help="claims (stored attributions) or propositions (linked, with their claims)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Write the stored claims or propositions to a file for research: JSON Lines, CSV or Parquet.

    jsonl gives the same objects as `sayso claims --json` / `sayso propositions --json`;
    parquet the same fields as typed, nested columns; csv one flat row per claim
    (docs/spark.md lists the columns).
    """
    from .export import export as write

    with api.open_store(db) as store:
        summary = write(store, what, fmt, output)
    if output != "-":
        out.print(summary.describe(), markup=False)
