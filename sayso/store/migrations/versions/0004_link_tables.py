"""Tables for linking across articles: entities and their forms, near-copies, propositions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

All new tables; nothing stored before is touched. ``sayso link`` fills them from the
articles already stored.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(32)
LABEL = sa.String(32)


def _fk(table: str, column: str, target: str, type_: sa.types.TypeEngine) -> sa.Column:
    name = f"fk_{table}_{column}_{target.split('.')[0]}"
    return sa.Column(column, type_, sa.ForeignKey(target, ondelete="CASCADE", name=name), nullable=False)


def _index(table: str, column: str) -> None:
    op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "linked_entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", LABEL, nullable=False),
        sa.Column("merged_into", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_linked_entities"),
    )
    _index("linked_entities", "name")
    _index("linked_entities", "merged_into")
    op.create_table(
        "entity_forms",
        sa.Column("key", sa.Text(), nullable=False),
        _fk("entity_forms", "entity_id", "linked_entities.id", sa.Integer()),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("kind", LABEL, nullable=False),
        sa.Column("seen_on", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", "entity_id", name="pk_entity_forms"),
    )
    _index("entity_forms", "entity_id")
    op.create_table(
        "entity_articles",
        _fk("entity_articles", "entity_id", "linked_entities.id", sa.Integer()),
        _fk("entity_articles", "article_id", "articles.id", ID),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "article_id", name="pk_entity_articles"),
    )
    _index("entity_articles", "article_id")
    op.create_table(
        "alias_decisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action", LABEL, nullable=False),
        sa.Column("first", sa.Text(), nullable=False),
        sa.Column("second", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alias_decisions"),
    )
    op.create_table(
        "linked_articles",
        _fk("linked_articles", "article_id", "articles.id", ID),
        sa.Column("copy_of", ID, nullable=False),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_linked_articles"),
    )
    _index("linked_articles", "copy_of")
    op.create_table(
        "article_bands",
        sa.Column("band", sa.String(40), nullable=False),
        _fk("article_bands", "article_id", "articles.id", ID),
        sa.PrimaryKeyConstraint("band", "article_id", name="pk_article_bands"),
    )
    op.create_table(
        "propositions",
        sa.Column("id", ID, nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("verdict", LABEL, nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("counted", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_propositions"),
    )
    _index("propositions", "verdict")
    _index("propositions", "updated_at")
    op.create_table(
        "proposition_members",
        sa.Column("claim_id", ID, nullable=False),
        _fk("proposition_members", "proposition_id", "propositions.id", ID),
        _fk("proposition_members", "article_id", "articles.id", ID),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("origin_entity", sa.Integer(), nullable=True),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("via_entities", sa.JSON(), nullable=False),
        sa.Column("speech_act", LABEL, nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("entities", sa.JSON(), nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("outlet_entity", sa.Integer(), nullable=True),
        sa.Column("agency", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("stance", LABEL, nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("source_group", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_proposition_members"),
    )
    for column in ("proposition_id", "article_id", "origin_entity"):
        _index("proposition_members", column)
    op.create_table(
        "proposition_keys",
        sa.Column("key", sa.Text(), nullable=False),
        _fk("proposition_keys", "proposition_id", "propositions.id", ID),
        sa.PrimaryKeyConstraint("key", "proposition_id", name="pk_proposition_keys"),
    )
    _index("proposition_keys", "proposition_id")


def downgrade() -> None:
    for table in (
        "proposition_keys", "proposition_members", "propositions", "article_bands", "linked_articles",
        "alias_decisions", "entity_articles", "entity_forms", "linked_entities",
    ):
        op.drop_table(table)
