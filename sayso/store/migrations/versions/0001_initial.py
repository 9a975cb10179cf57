"""Initial schema: articles and the attributions, assertions and entities found in them.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(32)
LABEL = sa.String(32)


def _article_fk(table: str) -> sa.Column:
    return sa.Column(
        "article_id",
        ID,
        sa.ForeignKey("articles.id", ondelete="CASCADE", name=f"fk_{table}_article_id_articles"),
        nullable=False,
    )


def _span(prefix: str, nullable: bool) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_text", sa.Text(), nullable=nullable),
        sa.Column(f"{prefix}_start", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer(), nullable=nullable),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("dateline", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("agency", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_table(
        "attributions",
        sa.Column("id", ID, nullable=False),
        _article_fk("attributions"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", LABEL, nullable=False),
        *_span("speaker", nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("speaker_type", LABEL, nullable=True),
        *_span("cue", nullable=True),
        *_span("content", nullable=False),
        sa.Column("polarity", LABEL, nullable=False),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("quantities", sa.JSON(), nullable=False),
        sa.Column("times", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attributions"),
    )
    op.create_index("ix_attributions_article_id", "attributions", ["article_id"])
    op.create_index("ix_attributions_speaker_name", "attributions", ["speaker_name"])
    op.create_table(
        "assertions",
        sa.Column("id", ID, nullable=False),
        _article_fk("assertions"),
        sa.Column("position", sa.Integer(), nullable=False),
        *_span("content", nullable=False),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("quantities", sa.JSON(), nullable=False),
        sa.Column("times", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assertions"),
    )
    op.create_index("ix_assertions_article_id", "assertions", ["article_id"])
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        _article_fk("entities"),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
    )
    op.create_index("ix_entities_article_id", "entities", ["article_id"])
    op.create_index("ix_entities_name", "entities", ["name"])


def downgrade() -> None:
    op.drop_table("entities")
    op.drop_table("assertions")
    op.drop_table("attributions")
    op.drop_table("articles")
