"""The JSON contract as tables: one row per article, attribution, unattributed assertion, entity.

The columns are derived from the dataclasses of ``sayso.model`` (the same ones
``Analysis.to_dict`` serialises), so a field added to the contract appears in the tables
without a change here. Nested objects stay nested: a span is a struct ``{text, start, end}``,
``via``, ``quantities``, ``times`` and ``mentions`` are arrays of structs, ``said_on`` a struct
or null. Nothing is a JSON string.

This module needs neither Spark nor Arrow; ``spark_type`` and ``arrow_type`` build their
types from the neutral description here when those libraries are at hand.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Literal, Union

from ..model import Article, Assertion, Attribution, Entity, Span

# A type is a scalar name, ("list", item), ("struct", fields) — fields as ((name, type), …).
Type = Any

SCALARS = {str: "string", int: "long", float: "double", bool: "boolean"}


def column_type(hint: Any) -> Type:
    """The column type of a dataclass field's type hint: ``str | None`` → "string", a dataclass → a struct."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        kept = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(kept) != 1:
            raise TypeError(f"cannot map {hint!r} to a column type")
        return column_type(kept[0])
    if origin is Literal:
        values = typing.get_args(hint)
        if all(isinstance(v, str) for v in values):
            return "string"
        raise TypeError(f"cannot map {hint!r} to a column type")
    if origin is list:
        return ("list", column_type(typing.get_args(hint)[0]))
    if hint in SCALARS:
        return SCALARS[hint]
    if dataclasses.is_dataclass(hint):
        return ("struct", _fields(hint))
    raise TypeError(f"cannot map {hint!r} to a column type")


def _fields(cls: type) -> tuple[tuple[str, Type], ...]:
    """(name, type) of a dataclass's fields in declaration order: the order ``asdict`` gives."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, column_type(hints[f.name])) for f in dataclasses.fields(cls))


def _with_id_first(fields: tuple[tuple[str, Type], ...]) -> tuple[tuple[str, Type], ...]:
    return tuple(sorted(fields, key=lambda f: f[0] != "id"))


_KEYS: tuple[tuple[str, Type], ...] = (("article_id", "string"), ("position", "long"))

# Article.to_dict's keys (id first, then the dataclass's fields but its body), then the body.
_article_fields = dict(_fields(Article))
ARTICLE_KEYS = tuple(Article(text="").to_dict())
ARTICLES: tuple[tuple[str, Type], ...] = tuple(
    (name, "string" if name == "id" else _article_fields[name]) for name in ARTICLE_KEYS
) + (("text", "string"),)
ATTRIBUTIONS = _KEYS + _with_id_first(_fields(Attribution))
UNATTRIBUTED = _KEYS + _with_id_first(_fields(Assertion))
_entity_fields = dict(_fields(Entity))
ENTITIES = _KEYS + (
    ("name", _entity_fields["name"]),
    ("type", _entity_fields["type"]),
    ("forms", ("list", "string")),
    ("mentions", ("list", ("struct", _fields(Span)))),
    ("speaks_for", _entity_fields["speaks_for"]),
)
ERRORS: tuple[tuple[str, Type], ...] = (("source", "string"), ("reason", "string"))

# Table name → columns. "unattributed" holds the contract's unattributed assertions.
TABLES: dict[str, tuple[tuple[str, Type], ...]] = {
    "articles": ARTICLES,
    "attributions": ATTRIBUTIONS,
    "unattributed": UNATTRIBUTED,
    "entities": ENTITIES,
    "errors": ERRORS,
}
CHILD_TABLES = ("attributions", "unattributed", "entities")

def conform(value: Any, kind: Type) -> Any:
    """``value`` with the Python type each column wants: a JSON integer in a double column is a float."""
    if value is None:
        return None
    if kind == "double":
        return float(value)
    if isinstance(kind, tuple):
        if kind[0] == "list":
            return [conform(item, kind[1]) for item in value]
        return {name: conform(value.get(name), sub) for name, sub in kind[1]}
    return value


def items(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for every row one analysis (its ``to_dict()``) puts in the tables, as JSON gives them."""
    article_id = data["article"]["id"]
    yield "articles", {**data["article"], "text": data["text"]}
    for table in CHILD_TABLES:
        for position, item in enumerate(data[table]):
            yield table, {"article_id": article_id, "position": position, **item}


def rows(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``items`` with the Python types the columns want (``conform``)."""
    for table, row in items(data):
        yield table, conform(row, ("struct", TABLES[table]))


def analysis_dict(article: dict[str, Any], children: dict[str, Iterable[dict[str, Any]]]) -> dict[str, Any]:
    """The contract object (``Analysis.to_dict()``) back from an article row and its rows in the other tables."""
    result: dict[str, Any] = {
        "article": {name: article.get(name) for name in ARTICLE_KEYS},
        "text": article["text"],
    }
    for table in CHILD_TABLES:
        ordered = sorted(children.get(table, ()), key=lambda row: row["position"])
        result[table] = [{k: v for k, v in row.items() if k not in ("article_id", "position")} for row in ordered]
    return result


def spark_type(kind: Type) -> Any:
    """The Spark SQL type of a column type (imports pyspark)."""
    from pyspark.sql import types as t

    if isinstance(kind, tuple):
        if kind[0] == "list":
            return t.ArrayType(spark_type(kind[1]), containsNull=True)
        return t.StructType([t.StructField(name, spark_type(sub), nullable=True) for name, sub in kind[1]])
    return {"string": t.StringType(), "long": t.LongType(), "double": t.DoubleType(), "boolean": t.BooleanType()}[kind]


def arrow_type(kind: Type) -> Any:
    """The Arrow type of a column type (imports pyarrow)."""
    import pyarrow as pa

    if isinstance(kind, tuple):
        if kind[0] == "list":
            return pa.list_(arrow_type(kind[1]))
        return pa.struct([pa.field(name, arrow_type(sub)) for name, sub in kind[1]])
    return {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_()}[kind]


def spark_schema(table: str) -> Any:
    return spark_type(("struct", TABLES[table]))


def arrow_schema(columns: tuple[tuple[str, Type], ...]) -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(kind)) for name, kind in columns])
