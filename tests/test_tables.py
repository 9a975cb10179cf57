"""The JSON contract as tables (sayso.spark.contract): every field, typed, and back again."""

from __future__ import annotations

import json

from sayso.model import Analysis
from sayso.spark import contract


def test_tables_hold_every_field_of_the_contract(seed_analysis: Analysis) -> None:
    data = seed_analysis.to_dict()
    assert [name for name, _ in contract.ARTICLES] == [*data["article"], "text"]
    for table in contract.CHILD_TABLES:
        columns = {name for name, _ in contract.TABLES[table]}
        assert data[table], table
        for item in data[table]:
            assert columns == {*item, "article_id", "position"}, table


def test_rows_and_back_give_the_contract_object(seed_analysis: Analysis) -> None:
    data = json.loads(json.dumps(seed_analysis.to_dict()))
    rows: dict[str, list[dict]] = {}
    for table, row in contract.rows(data):
        rows.setdefault(table, []).append(row)
    (article,) = rows.pop("articles")
    assert contract.analysis_dict(article, rows) == data
    # Figures become floats for their double columns; JSON compares them equal.
    values = [q["value"] for r in rows["attributions"] for q in r["quantities"] if q["value"] is not None]
    assert values and all(isinstance(v, float) for v in values)


def test_column_types_follow_the_dataclasses() -> None:
    columns = dict(contract.ATTRIBUTIONS)
    assert columns["id"] == "string" and columns["position"] == "long"
    assert columns["speaker"][0] == "struct" and dict(columns["speaker"][1])["start"] == "long"
    assert columns["quantities"] == ("list", columns["quantities"][1])
    assert dict(columns["quantities"][1][1])["value"] == "double"
    assert dict(columns["said_on"][1])["approximate"] == "boolean"
