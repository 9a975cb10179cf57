"""Translation between the shared dataclasses and table rows, in both directions.

Rows are plain dicts keyed by column name so that one article's rows can be
inserted in a few bulk statements; reading turns ORM rows back into the exact
dataclasses that were stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..model import (
    Analysis,
    Article,
    Assertion,
    Attribution,
    Entity,
    Quantity,
    Span,
    Speaker,
    TimeExpression,
    Via,
)
from .schema import ArticleRow, AssertionRow, AttributionRow, Base, EntityRow

Row = dict[str, Any]


def rows_for(analysis: Analysis, ingested_at: datetime) -> list[tuple[type[Base], list[Row]]]:
    """Every row of one analysis, grouped per table in an order foreign keys allow."""
    article = analysis.article
    article_id = article.id
    for claim in [*analysis.attributions, *analysis.unattributed]:
        if not claim.id:
            # Ids are the claims' primary keys; an empty one would collide across articles.
            raise ValueError(f"article {article_id}: claim {claim.content.text!r} has no id")
    attributions = enumerate(analysis.attributions)
    assertions = enumerate(analysis.unattributed)
    entities = enumerate(analysis.entities)
    return [
        (ArticleRow, [{**article.to_dict(), "text": article.text, "ingested_at": ingested_at}]),
        (AttributionRow, [_attribution_row(article_id, i, a) for i, a in attributions]),
        (AssertionRow, [_assertion_row(article_id, i, u) for i, u in assertions]),
        (EntityRow, [_entity_row(article_id, i, e) for i, e in entities]),
    ]


def _fields(part: Span | Via | Quantity | TimeExpression) -> Row:
    """A flat dataclass as a dict: ``asdict``'s recursive deep copy cost more than the inserts."""
    return dict(vars(part))


def _span_columns(prefix: str, span: Span | None) -> Row:
    return {
        f"{prefix}_text": span.text if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }


def _attribution_row(article_id: str, position: int, attribution: Attribution) -> Row:
    speaker = attribution.speaker
    return {
        "id": attribution.id,
        "article_id": article_id,
        "position": position,
        "kind": attribution.kind,
        **_span_columns("speaker", speaker),
        "speaker_name": speaker.name if speaker else None,
        "speaker_type": speaker.type if speaker else None,
        **_span_columns("cue", attribution.cue),
        **_span_columns("content", attribution.content),
        "polarity": attribution.polarity,
        "via": [_fields(v) for v in attribution.via],
        "quantities": [_fields(q) for q in attribution.quantities],
        "times": [_fields(t) for t in attribution.times],
        "said_on": _fields(attribution.said_on) if attribution.said_on is not None else None,
        "speech_act": attribution.speech_act,
        "continues": attribution.continues,
        "parts": [_fields(p) for p in attribution.parts] or None,
    }


def _assertion_row(article_id: str, position: int, assertion: Assertion) -> Row:
    return {
        "id": assertion.id,
        "article_id": article_id,
        "position": position,
        **_span_columns("content", assertion.content),
        "origin": assertion.origin,
        "quantities": [_fields(q) for q in assertion.quantities],
        "times": [_fields(t) for t in assertion.times],
        "background": assertion.background,
        "parts": [_fields(p) for p in assertion.parts] or None,
    }


def _entity_row(article_id: str, position: int, entity: Entity) -> Row:
    return {
        "article_id": article_id,
        "position": position,
        "name": entity.name,
        "type": entity.type,
        "mentions": [_fields(m) for m in entity.mentions],
        "speaks_for": entity.speaks_for,
    }


def article_from(row: ArticleRow) -> Article:
    return Article(
        text=row.text,
        title=row.title,
        published=row.published,
        byline=row.byline,
        dateline=row.dateline,
        outlet=row.outlet,
        agency=row.agency,
        source=row.source,
        url=row.url,
    )


def attribution_from(row: AttributionRow) -> Attribution:
    speaker = None
    if row.speaker_text is not None:
        speaker = Speaker(
            row.speaker_text, row.speaker_start, row.speaker_end, row.speaker_name, row.speaker_type
        )
    cue = Span(row.cue_text, row.cue_start, row.cue_end) if row.cue_text is not None else None
    return Attribution(
        kind=row.kind,
        content=Span(row.content_text, row.content_start, row.content_end),
        cue=cue,
        speaker=speaker,
        via=[Via(**v) for v in row.via],
        polarity=row.polarity,
        quantities=[Quantity(**q) for q in row.quantities],
        times=[TimeExpression(**t) for t in row.times],
        id=row.id,
        said_on=TimeExpression(**row.said_on) if row.said_on is not None else None,
        speech_act=row.speech_act,
        continues=row.continues,
        parts=[Span(**p) for p in row.parts or ()],
    )


def assertion_from(row: AssertionRow) -> Assertion:
    return Assertion(
        content=Span(row.content_text, row.content_start, row.content_end),
        origin=row.origin,
        quantities=[Quantity(**q) for q in row.quantities],
        times=[TimeExpression(**t) for t in row.times],
        id=row.id,
        background=row.background,
        parts=[Span(**p) for p in row.parts or ()],
    )


def entity_from(row: EntityRow) -> Entity:
    return Entity(row.name, row.type, [Span(**m) for m in row.mentions], row.speaks_for)
