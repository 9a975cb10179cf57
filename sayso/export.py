"""The store's claims and propositions written out for research: JSON Lines, CSV or Parquet.

    sayso export --what claims --format parquet --output claims.parquet

``claims`` are the stored attributions, one per row, with their article's title, outlet and
publication date; ``propositions`` are the linked propositions with their claims.

- **jsonl**: one object per line, exactly an item of ``sayso claims --json`` or of
  ``sayso propositions --json`` (the documented contracts).
- **parquet**: the same fields as typed columns, nested where the JSON nests: a claim row is
  ``article_id, title, outlet, published, position`` followed by the attribution's own fields
  as in the Spark job's ``attributions`` table; a proposition row has its ``claims`` as an
  array of structs.
- **csv**: flat. A struct becomes one column per field (``speaker_name``, ``content_start``),
  a list becomes a JSON text; propositions are one row per claim, the proposition's
  ``id, label, verdict, explanation`` repeated on each.

Rows are read a page at a time (claims grouped by article, in article id order; propositions
in id order), so a large store is exported in bounded memory.
"""

from __future__ import annotations

import csv
import json
import sys
import typing
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import SaysoError
from .model import Member, Proposition
from .spark import contract
from .spark.contract import column_type
from .store import Store, StoredClaim
from .store.convert import attribution_from
from .store.proposition_views import members_of
from .store.schema import ArticleRow, AttributionRow, MemberRow, PropositionRow

FORMATS = ("jsonl", "csv", "parquet")
WHAT = ("claims", "propositions")
PAGE = 500  # articles or propositions read per query

CLAIM_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("article_id", "string"), ("title", "string"), ("outlet", "string"), ("published", "string"),
) + tuple(c for c in contract.ATTRIBUTIONS if c[0] != "article_id")


def _member_columns() -> tuple[tuple[str, Any], ...]:
    """The fields of a claim in a proposition, as ``Proposition.to_dict`` names them."""
    sample = Proposition("", "", "unverified", "", [Member("", "", "", None, "")]).to_dict()["claims"][0]
    hints = typing.get_type_hints(Member)
    return tuple((key, column_type(hints["claim" if key == "attribution" else key])) for key in sample)


MEMBER_COLUMNS = _member_columns()
PROPOSITION_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("id", "string"), ("label", "string"), ("verdict", "string"), ("explanation", "string"),
    ("claims", ("list", ("struct", MEMBER_COLUMNS))),
)


@dataclass
class ExportSummary:
    noun: str  # what one record is: "claim", "proposition", "proposition claim" (csv)
    format: str
    output: str
    records: int

    def describe(self) -> str:
        return f"{self.records} {self.noun}{'s' if self.records != 1 else ''} written to {self.output} ({self.format})"


def stored_claims(store: Store) -> Iterator[tuple[int, StoredClaim]]:
    """(position, claim) for every stored attribution, a page of articles at a time."""
    last = ""
    with Session(store.engine) as session:
        while True:
            page = list(session.scalars(select(ArticleRow.id).where(ArticleRow.id > last).order_by(ArticleRow.id).limit(PAGE)))
            if not page:
                return
            query = (
                select(AttributionRow, ArticleRow.title, ArticleRow.outlet, ArticleRow.published)
                .join(ArticleRow, AttributionRow.article_id == ArticleRow.id)
                .where(AttributionRow.article_id.in_(page))
                .order_by(AttributionRow.article_id, AttributionRow.position)
            )
            for row, title, outlet, published in session.execute(query):
                yield row.position, StoredClaim(row.article_id, title, outlet, published, attribution_from(row))
            session.expunge_all()
            last = page[-1]


def stored_propositions(store: Store) -> Iterator[Proposition]:
    """Every linked proposition with its claims (oldest first), a page at a time."""
    last = ""
    with Session(store.engine) as session:
        while True:
            rows = list(session.scalars(select(PropositionRow).where(PropositionRow.id > last).order_by(PropositionRow.id).limit(PAGE)))
            if not rows:
                return
            members: dict[str, list[MemberRow]] = defaultdict(list)
            query = (
                select(MemberRow)
                .where(MemberRow.proposition_id.in_([r.id for r in rows]))
                .order_by(MemberRow.published.asc().nulls_first(), MemberRow.article_id, MemberRow.position, MemberRow.claim_id)
            )
            for member in session.scalars(query):
                members[member.proposition_id].append(member)
            for row in rows:
                yield Proposition(row.id, row.label, row.verdict, row.explanation, members_of(members[row.id]))  # type: ignore[arg-type]
            session.expunge_all()
            last = rows[-1].id


def _records(store: Store, what: str, fmt: str) -> tuple[tuple[tuple[str, Any], ...], Iterator[dict[str, Any]]]:
    """The columns and the records of one export, in the form ``fmt`` writes."""
    if what == "claims":
        if fmt == "jsonl":
            return CLAIM_COLUMNS, (claim.to_dict() for _, claim in stored_claims(store))
        return CLAIM_COLUMNS, (
            {"article_id": c.article_id, "title": c.title, "outlet": c.outlet, "published": c.published,
             "position": position, **asdict(c.attribution)}
            for position, c in stored_claims(store)
        )
    if fmt == "csv":  # flat: one row per claim of a proposition
        head = PROPOSITION_COLUMNS[:4]
        columns = tuple((("proposition_" + n) if n == "id" else n, k) for n, k in head) + MEMBER_COLUMNS
        rows = (
            {"proposition_id": p.id, "label": p.label, "verdict": p.verdict, "explanation": p.explanation, **claim}
            for p in stored_propositions(store)
            for claim in p.to_dict()["claims"]
        )
        return columns, rows
    return PROPOSITION_COLUMNS, (p.to_dict() for p in stored_propositions(store))


def flatten(row: dict[str, Any], columns: tuple[tuple[str, Any], ...], prefix: str = "") -> dict[str, Any]:
    """One CSV row: structs spread into ``name_field`` columns, lists as JSON text."""
    flat: dict[str, Any] = {}
    for name, kind in columns:
        value = row.get(name) if row is not None else None
        if isinstance(kind, tuple) and kind[0] == "struct":
            flat.update(flatten(value, kind[1], f"{prefix}{name}_"))
        elif isinstance(kind, tuple):
            flat[prefix + name] = json.dumps(value, ensure_ascii=False) if value is not None else ""
        else:
            flat[prefix + name] = value
    return flat


def _header(columns: tuple[tuple[str, Any], ...], prefix: str = "") -> list[str]:
    names: list[str] = []
    for name, kind in columns:
        if isinstance(kind, tuple) and kind[0] == "struct":
            names += _header(kind[1], f"{prefix}{name}_")
        else:
            names.append(prefix + name)
    return names


@contextmanager
def _text_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield sys.stdout
        return
    try:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8", newline="") as file:
            yield file
    except OSError as error:
        raise SaysoError(f"cannot write {output}: {(error.strerror or str(error)).lower()}") from error


def export(store: Store, what: str, fmt: str, output: str) -> ExportSummary:
    """Write ``what`` (claims or propositions) from ``store`` to ``output`` in format ``fmt``."""
    if what not in WHAT:
        raise SaysoError(f"--what {what}: choose {' or '.join(WHAT)}")
    if fmt not in FORMATS:
        raise SaysoError(f"--format {fmt}: choose {', '.join(FORMATS)}")
    columns, records = _records(store, what, fmt)
    count = 0
    if fmt == "parquet":
        if output == "-":
            raise SaysoError("--format parquet needs a file to write: give --output PATH")
        count = _write_parquet(columns, records, output)
    else:
        with _text_output(output) as file:
            if fmt == "jsonl":
                for record in records:
                    file.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
            else:
                writer = csv.DictWriter(file, fieldnames=_header(columns))
                writer.writeheader()
                for record in records:
                    writer.writerow(flatten(record, columns))
                    count += 1
    noun = "proposition claim" if (what, fmt) == ("propositions", "csv") else what[:-1]
    return ExportSummary(noun, fmt, output, count)


def _write_parquet(columns: tuple[tuple[str, Any], ...], records: Iterator[dict[str, Any]], output: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise SaysoError("--format parquet needs pyarrow: pip install 'sayso[spark]'") from error
    schema = contract.arrow_schema(columns)
    count = 0
    try:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(output, schema) as writer:
            batch: list[dict[str, Any]] = []
            for record in records:
                batch.append(contract.conform(record, ("struct", columns)))
                if len(batch) >= 5000:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count, batch = count + len(batch), []
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    except OSError as error:
        raise SaysoError(f"cannot write {output}: {str(error).splitlines()[0]}") from error
    return count
