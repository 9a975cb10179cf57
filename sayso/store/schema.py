"""The tables an analysis is stored in, as typed SQLAlchemy ORM classes.

Only portable column types are used (String, Text, Integer, Boolean, DateTime, JSON) so
the same schema runs on SQLite and PostgreSQL. Offsets stay character offsets
into ``articles.text``; ``position`` keeps each list in the order the analysis
gave it. Any change here needs a new revision in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, MetaData, String, Text, false
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


TABLES = (ArticleRow, AttributionRow, AssertionRow, EntityRow)
