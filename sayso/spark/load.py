"""Bring the Spark job's Parquet tables into a store (``sayso load DIR``), without Spark.

The tables are read with pyarrow, one Spark partition at a time: the job writes every table
from the same partitions, so ``part-00003`` of ``attributions`` holds the claims of the
articles in ``part-00003`` of ``articles``. A cheap first pass over the id columns checks that
this holds before anything is stored (it does for the job's own output); when it does not —
tables rewritten by hand, say — everything is read at once instead. Each article becomes an
``Analysis`` again and goes in through ``Store.add``: one transaction each, an article already
stored is left as it is, so loading the same output twice changes nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import SaysoError
from ..model import Analysis
from ..store import Store
from . import contract

_PART = re.compile(r"part-(\d+)")


@dataclass
class LoadSummary:
    new: int = 0
    known: int = 0
    claims: int = 0
    errors: int = 0  # inputs the job could not read or analyse (its errors table)

    def describe(self) -> str:
        return (
            f"{self.new} new article{'s' if self.new != 1 else ''}, {self.known} already known; "
            f"{self.claims} claims stored; {self.errors} input{'s' if self.errors != 1 else ''} the Spark job could not read"
        )


def _pyarrow() -> tuple[Any, Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.fs as pafs
        import pyarrow.parquet as pq
    except ImportError as error:
        raise SaysoError("reading Parquet needs pyarrow: pip install 'sayso[spark]'") from error
    return pa, pafs, pq


class Output:
    """A directory the Spark job wrote: local, or any URI pyarrow reads (s3://, gs://, hdfs://)."""

    def __init__(self, location: str) -> None:
        pa, pafs, pq = _pyarrow()
        self.pa, self.pq = pa, pq
        uri = re.sub(r"^s3a://", "s3://", location)
        try:
            if "://" in uri:
                self.fs, root = pafs.FileSystem.from_uri(uri)
            else:
                self.fs, root = pafs.LocalFileSystem(), location
            self.files = {table: self._list(f"{root.rstrip('/')}/{table}") for table in contract.TABLES}
        except (OSError, ValueError, self.pa.ArrowException) as error:
            raise SaysoError(f"{location}: cannot read: {str(error).splitlines()[0]}") from error
        missing = [t for t in ("articles", *contract.CHILD_TABLES) if self.files[t] is None]
        if missing:
            raise SaysoError(f"{location}: not the output of 'sayso spark analyze' (no {', '.join(missing)} table)")

    def _list(self, folder: str) -> list[str] | None:
        from pyarrow.fs import FileSelector, FileType

        if self.fs.get_file_info(folder).type != FileType.Directory:
            return None
        found = self.fs.get_file_info(FileSelector(folder, recursive=True))
        return sorted(
            f.path for f in found
            if f.type == FileType.File and f.base_name.endswith(".parquet") and not f.base_name.startswith(("_", "."))
        )

    def read(self, files: list[str], columns: list[str] | None = None) -> Any:
        tables = [self.pq.read_table(f, filesystem=self.fs, columns=columns) for f in files]
        if not tables:
            return None
        return self.pa.concat_tables(tables, promote_options="default")

    def ids(self, table: str, files: list[str]) -> set[str]:
        column = "id" if table == "articles" else "article_id"
        read = self.read(files, [column])
        return set(read.column(column).to_pylist()) if read is not None else set()

    def groups(self) -> list[dict[str, list[str]]]:
        """Files to read together: one Spark partition per group when the tables line up, else all."""
        everything = [{t: self.files[t] or [] for t in ("articles", *contract.CHILD_TABLES)}]
        by_part: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for table in ("articles", *contract.CHILD_TABLES):
            for path in self.files[table] or []:
                match = _PART.search(path.rsplit("/", 1)[-1])
                if match is None:
                    return everything
                by_part[int(match.group(1))][table].append(path)
        for group in by_part.values():
            articles = self.ids("articles", group.get("articles", []))
            for table in contract.CHILD_TABLES:
                if not self.ids(table, group.get(table, [])) <= articles:
                    return everything
        return [dict(by_part[k]) for k in sorted(by_part)]

    def analyses(self) -> Iterator[Analysis]:
        """Every article of the output as the ``Analysis`` the job found, in its JSON contract's form."""
        for group in self.groups():
            articles = self.read(group.get("articles", []))
            if articles is None:
                continue
            children: dict[str, dict[str, list[dict[str, Any]]]] = {}
            for table in contract.CHILD_TABLES:
                rows = self.read(group.get(table, []))
                per_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
                for row in rows.to_pylist() if rows is not None else []:
                    per_article[row["article_id"]].append(row)
                children[table] = per_article
            for article in articles.to_pylist():
                mine = {table: children[table].get(article["id"], []) for table in contract.CHILD_TABLES}
                yield Analysis.from_dict(contract.analysis_dict(article, mine))

    def errors(self) -> list[dict[str, Any]]:
        read = self.read(self.files["errors"] or [])
        return read.to_pylist() if read is not None else []


def load(store: Store, location: str, on_article: Callable[[Analysis, bool], None] | None = None) -> LoadSummary:
    """Store every article of a Spark output directory that the store does not hold yet."""
    output = Output(location)
    summary = LoadSummary(errors=len(output.errors()))
    for analysis in output.analyses():
        new = store.add(analysis)
        if new:
            summary.new += 1
            summary.claims += len(analysis.attributions) + len(analysis.unattributed)
        else:
            summary.known += 1
        if on_article is not None:
            on_article(analysis, new)
    return summary
