"""The tables an analysis is stored in, as typed SQLAlchemy ORM classes.

Only portable column types are used (String, Text, Integer, Float, Boolean, DateTime, JSON) so
the same schema runs on SQLite and PostgreSQL. Offsets stay character offsets
into ``articles.text``; ``position`` keeps each list in the order the analysis
gave it. Any change here needs a new revision in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so later migrations can drop or alter them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(32)
LABEL = String(32)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AttributionRow(Base):
    __tablename__ = "attributions"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(LABEL)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_name: Mapped[str | None] = mapped_column(Text, index=True)
    speaker_type: Mapped[str | None] = mapped_column(LABEL)
    cue_text: Mapped[str | None] = mapped_column(Text)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    polarity: Mapped[str] = mapped_column(LABEL)
    via: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    times: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # SQL NULL, not JSON null, for "no date given": the same as rows from before revision 0002.
    said_on: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    speech_act: Mapped[str] = mapped_column(LABEL, server_default="assert")
    continues: Mapped[str | None] = mapped_column(ID)
    # The clauses of a content that states two or more things (revision 0010); NULL for none.
    parts: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))


class AssertionRow(Base):
    __tablename__ = "assertions"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str | None] = mapped_column(Text)
    quantities: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    times: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    background: Mapped[bool] = mapped_column(Boolean, server_default=false())
    parts: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))  # as attributions.parts


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(Text)
    mentions: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    speaks_for: Mapped[str | None] = mapped_column(Text)  # revision 0011; NULL: no post in a body found


class LinkedEntityRow(Base):
    """One entity across all articles: a person, organisation, outlet or place."""

    __tablename__ = "linked_entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(LABEL)
    merged_into: Mapped[int | None] = mapped_column(Integer, index=True)  # set when found to be another


class EntityFormRow(Base):
    """A way an entity is written ("SOHR", "Macron", "the french president"), keyed for lookup."""

    __tablename__ = "entity_forms"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    entity_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("linked_entities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    form: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(LABEL)  # name | surname | acronym | role
    seen_on: Mapped[str | None] = mapped_column(Text)  # for roles: when the entity held it


class EntityArticleRow(Base):
    __tablename__ = "entity_articles"

    entity_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("linked_entities.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    mentions: Mapped[int] = mapped_column(Integer)


class AliasDecisionRow(Base):
    """A person's ruling that two names are (merge) or are not (split) one entity."""

    __tablename__ = "alias_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action: Mapped[str] = mapped_column(LABEL)
    first: Mapped[str] = mapped_column(Text)
    second: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LinkedArticleRow(Base):
    """An article linking has seen, with its near-copy group and MinHash signature."""

    __tablename__ = "linked_articles"

    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    copy_of: Mapped[str] = mapped_column(ID, index=True)  # the earliest article of its copy group
    signature: Mapped[list[int]] = mapped_column(JSON)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ArticleBandRow(Base):
    __tablename__ = "article_bands"

    band: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class PropositionRow(Base):
    __tablename__ = "propositions"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(LABEL, index=True)
    explanation: Mapped[str] = mapped_column(Text)
    counted: Mapped[str | None] = mapped_column(Text)  # the class of what its figures count
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    # What comparing a claim reads of its latest members, in one value: read for every claim it is a
    # candidate for, where the members' own rows cost several times as much (revision 0008).
    latest: Mapped[list[list[Any]] | None] = mapped_column(JSON(none_as_null=True), deferred=True)


class MemberRow(Base):
    """A claim's place in a proposition, with the facts about it that verdicts are made from."""

    __tablename__ = "proposition_members"
    # The latest members of a proposition, read for every claim compared with it (revision 0006).
    __table_args__ = (Index("ix_proposition_members_proposition_published", "proposition_id", "published"),)

    claim_id: Mapped[str] = mapped_column(ID, primary_key=True)
    proposition_id: Mapped[str] = mapped_column(
        ID, ForeignKey("propositions.id", ondelete="CASCADE"), index=True
    )
    article_id: Mapped[str] = mapped_column(
        ID, ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # where the claim's content starts in the article
    content: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(Text)
    origin_entity: Mapped[int | None] = mapped_column(Integer, index=True)
    via: Mapped[list[str]] = mapped_column(JSON)
    via_entities: Mapped[list[int]] = mapped_column(JSON)
    speech_act: Mapped[str] = mapped_column(LABEL)
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    terms: Mapped[list[str]] = mapped_column(JSON)
    entities: Mapped[list[int]] = mapped_column(JSON)
    published: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    outlet_entity: Mapped[int | None] = mapped_column(Integer)
    agency: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(LABEL)
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    source_group: Mapped[int] = mapped_column(Integer)
    part: Mapped[int | None] = mapped_column(Integer)  # which part of its content the claim is (revision 0010); NULL: all of it
    speaks_for_entity: Mapped[int | None] = mapped_column(Integer)  # the body its origin speaks for (revision 0011)


class PropositionSummaryRow(Base):
    """What judging a proposition keeps, so that claims joining it later are judged without
    reading every member (``sayso.link.summaries``; revision 0007)."""

    __tablename__ = "proposition_summaries"

    proposition_id: Mapped[str] = mapped_column(
        ID, ForeignKey("propositions.id", ondelete="CASCADE"), primary_key=True
    )
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)


class PropositionKeyRow(Base):
    """Blocking: a proposition is only compared with claims that share one of its keys."""

    __tablename__ = "proposition_keys"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    proposition_id: Mapped[str] = mapped_column(
        ID, ForeignKey("propositions.id", ondelete="CASCADE"), primary_key=True, index=True
    )


TABLES = (ArticleRow, AttributionRow, AssertionRow, EntityRow)
LINK_TABLES = (
    LinkedEntityRow,
    EntityFormRow,
    EntityArticleRow,
    AliasDecisionRow,
    LinkedArticleRow,
    ArticleBandRow,
    PropositionRow,
    MemberRow,
    PropositionSummaryRow,
    PropositionKeyRow,
)
