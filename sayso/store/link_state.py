"""Reading and writing what linking knows: entities across articles, copies, propositions.

All of it goes through one SQLAlchemy session that the caller commits, so linking one
article is one transaction. Every lookup is by indexed key (entity forms, band hashes,
blocking keys), never a scan of the store.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Row, bindparam, case, delete, event, func, insert, select, union_all, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .schema import (
    AliasDecisionRow,
    ArticleBandRow,
    Base,
    EntityArticleRow,
    EntityFormRow,
    LinkedArticleRow,
    LinkedEntityRow,
    MemberRow,
    PropositionKeyRow,
    PropositionRow,
    PropositionSummaryRow,
)

CANDIDATES_PER_CLAIM = 40
MEMBERS_COMPARED = 25

# A member as comparing reads it, as kept with its proposition (``propositions.latest``).
Compared = list[Any]  # [claim, content, terms, entities, figures, published]
_COMPARED_COLUMNS = ("claim_id", "content", "terms", "entities", "figures", "published")
# What comparing reads of a member's figures (``grouping.similarity``): the rest (bounds, the
# words of a figure's clause) serves judging, which reads the member rows, and would only make
# the kept value longer to read back.
_COMPARED_FIGURE_KEYS = ("text", "value", "counted", "counted_text", "predicate", "people")


def _compared(row: Any) -> Compared:
    """A member row (or mapping) as comparing reads it."""
    member = [row[c] for c in _COMPARED_COLUMNS]
    member[4] = [{k: f.get(k) for k in _COMPARED_FIGURE_KEYS} for f in member[4]]
    return member


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _newest(members: list[Compared]) -> list[Compared]:
    """The latest ``MEMBERS_COMPARED`` members, newest first and by claim id on a date, as the
    members' index gives them (an unknown date last)."""
    ordered = sorted(members, key=lambda m: m[0])
    ordered.sort(key=lambda m: (m[5] is not None, m[5] or ""), reverse=True)  # stable: claim ids stay in order
    return ordered[:MEMBERS_COMPARED]


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[list[Any]]:
    """``items`` in pieces small enough for one IN (…) list on every backend."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


# Propositions read per UNION: one shape, compiled once per process, whatever the number of
# candidates (compiling a UNION of a new size cost more than an article's whole linking).
PROPOSITIONS_PER_READ = 16


@functools.cache
def _latest_members(parts: int, limit: int, columns: tuple[Any, ...]) -> Any:
    """The latest ``limit`` members of each of ``parts`` propositions (bound as ``p0``, ``p1``, …),
    one LIMIT query per proposition joined in a UNION: each reads only its own latest rows by the
    (proposition, date) index, where ranking would number every member of a proposition grown to
    thousands. Built once for each shape: building it costs more than running it."""
    newest_first = (MemberRow.published.desc(), MemberRow.claim_id)
    queries = [
        select(*columns, MemberRow.published.label("newest"))
        .join(LinkedArticleRow, LinkedArticleRow.article_id == MemberRow.article_id)
        .where(MemberRow.proposition_id == bindparam(f"p{i}"))
        .order_by(*newest_first)
        .limit(limit)
        .subquery()
        for i in range(parts)
    ]
    latest = union_all(*[select(query) for query in queries]).subquery()
    wanted = [column for column in latest.c if column.key != "newest"]
    return select(*wanted).order_by(latest.c.proposition_id, latest.c.newest.desc(), latest.c.claim_id)


class LinkState:
    """The link tables seen through one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        # Entity rows read in this transaction, held here: the session's identity map keeps
        # rows only while something refers to them.
        self._entities: dict[int, LinkedEntityRow] = {}
        # Every merged entity -> the one it was merged into, read once: every claim compared asks
        # for its entities' current ids, and merges are few.
        self._merged: dict[int, int] | None = None
        self._mentions: dict[tuple[int, str], int] = {}  # (entity, article) -> mentions not written yet
        event.listen(session, "before_commit", self._write_mentions)

    def _insert_new(self, table: type[Base], rows: list[dict[str, Any]]) -> None:
        """Insert rows, skipping those whose primary key is already there (both backends)."""
        if not rows:
            return
        dialect = self.session.get_bind().dialect.name
        maker = pg_insert if dialect == "postgresql" else sqlite_insert
        self.session.execute(maker(table).on_conflict_do_nothing(), rows)

    # Entities

    def _entity_row(self, entity_id: int) -> LinkedEntityRow | None:
        row = self._entities.get(entity_id)
        if row is None:
            row = self.session.get(LinkedEntityRow, entity_id)
            if row is not None:
                self._entities[entity_id] = row
        return row

    def load_entities(self, entity_ids: Iterable[int]) -> None:
        """Read the rows of many entities in one query, for ``entity`` to use."""
        missing = sorted({e for e in entity_ids if e is not None and e not in self._entities})
        for start in range(0, len(missing), 500):
            query = select(LinkedEntityRow).where(LinkedEntityRow.id.in_(missing[start : start + 500]))
            for row in self.session.scalars(query):
                self._entities[row.id] = row

    def _merges(self) -> dict[int, int]:
        if self._merged is None:
            query = select(LinkedEntityRow.id, LinkedEntityRow.merged_into).where(LinkedEntityRow.merged_into.is_not(None))
            self._merged = {row.id: row.merged_into for row in self.session.execute(query)}
        return self._merged

    def merge_count(self) -> int:
        """How many entities were ever merged into others: a summary made before a merge is stale."""
        return len(self._merges())

    def has_merges(self) -> bool:
        """Whether any entity was ever merged into another: if not, every id is current."""
        return bool(self._merges())

    def canonical(self, entity_id: int) -> int:
        """The id an entity has now: itself, unless it was merged into another."""
        merged = self._merges()
        if entity_id not in merged:
            return entity_id
        seen: set[int] = set()
        while entity_id in merged and entity_id not in seen:
            seen.add(entity_id)
            entity_id = merged[entity_id]
        return entity_id

    def entity(self, entity_id: int) -> LinkedEntityRow | None:
        return self._entity_row(self.canonical(entity_id))

    def forms_matching(self, keys: Iterable[str]) -> list[tuple[int, EntityFormRow]]:
        """(canonical entity id, form row) for every stored form with one of ``keys``."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        rows = self.session.scalars(select(EntityFormRow).where(EntityFormRow.key.in_(wanted))).all()
        self.load_entities(row.entity_id for row in rows)
        return [(self.canonical(row.entity_id), row) for row in rows]

    def forms_of(self, entity_id: int) -> list[EntityFormRow]:
        query = select(EntityFormRow).where(EntityFormRow.entity_id == entity_id).order_by(EntityFormRow.key)
        return list(self.session.scalars(query))

    def new_entity(self, name: str, type_: str) -> int:
        row = LinkedEntityRow(name=name, type=type_)
        self.session.add(row)
        self.session.flush()
        self._entities[row.id] = row
        return row.id

    def rename(self, entity_id: int, name: str) -> None:
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.id == entity_id).values(name=name))

    def add_forms(self, entity_id: int, forms: Sequence[tuple[str, str, str, str | None]]) -> None:
        """Forms as (key, form, kind, seen_on)."""
        rows = [{"key": k, "entity_id": entity_id, "form": f, "kind": kind, "seen_on": on} for k, f, kind, on in forms]
        self._insert_new(EntityFormRow, rows)

    def merge(self, source: int, target: int) -> None:
        """Make ``source`` a name of ``target``: its forms and articles move over."""
        if source == target:
            return
        self.add_forms(target, [(r.key, r.form, r.kind, r.seen_on) for r in self.forms_of(source)])
        self.session.execute(delete(EntityFormRow).where(EntityFormRow.entity_id == source))
        self._write_mentions()
        moved = self.session.execute(
            select(EntityArticleRow.article_id, EntityArticleRow.mentions).where(EntityArticleRow.entity_id == source)
        ).all()
        for row in moved:
            self.count_mentions(target, row.article_id, row.mentions)
        self.session.execute(delete(EntityArticleRow).where(EntityArticleRow.entity_id == source))
        for column in (MemberRow.origin_entity, MemberRow.outlet_entity):
            self.session.execute(update(MemberRow).where(column == source).values({column: target}))
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.id == source).values(merged_into=target))
        self.session.execute(update(LinkedEntityRow).where(LinkedEntityRow.merged_into == source).values(merged_into=target))
        self._entities.clear()  # read them again as they are now
        if self._merged is not None:
            self._merged = {e: target if into == source else into for e, into in self._merged.items()} | {source: target}

    def count_mentions(self, entity_id: int, article_id: str, mentions: int) -> None:
        """Add ``mentions`` to the entity's count in the article.

        Counts are gathered and written in one statement, before anything reads them and
        before the transaction commits (``_write_mentions``).
        """
        key = (entity_id, article_id)
        self._mentions[key] = self._mentions.get(key, 0) + mentions

    def _write_mentions(self, *_: Any) -> None:
        if not self._mentions:
            return
        rows = [{"entity_id": e, "article_id": a, "mentions": n} for (e, a), n in self._mentions.items()]
        self._mentions = {}
        dialect = self.session.get_bind().dialect.name
        maker = pg_insert if dialect == "postgresql" else sqlite_insert
        table = EntityArticleRow.__table__
        statement = maker(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.entity_id, table.c.article_id], set_={"mentions": table.c.mentions + statement.excluded.mentions}
        )
        self.session.execute(statement, rows)

    def articles_of(self, entity_ids: Iterable[int]) -> set[str]:
        ids = sorted(set(entity_ids))
        if not ids:
            return set()
        self._write_mentions()
        query = select(EntityArticleRow.article_id).where(EntityArticleRow.entity_id.in_(ids))
        return set(self.session.scalars(query))

    def decisions(self) -> list[AliasDecisionRow]:
        return list(self.session.scalars(select(AliasDecisionRow).order_by(AliasDecisionRow.id)))

    def decide(self, action: str, first: str, second: str) -> None:
        self.session.add(AliasDecisionRow(action=action, first=first, second=second, decided_at=_now()))
        self.session.flush()

    # Articles and near-copies

    def is_linked(self, article_id: str) -> bool:
        return self.session.get(LinkedArticleRow, article_id) is not None

    def sharing_bands(self, bands: Sequence[str]) -> list[LinkedArticleRow]:
        # DISTINCT on the article ids only: PostgreSQL cannot compare the JSON signature column.
        sharing = select(ArticleBandRow.article_id).where(ArticleBandRow.band.in_(list(bands))).distinct()
        query = select(LinkedArticleRow).where(LinkedArticleRow.article_id.in_(sharing)).order_by(LinkedArticleRow.article_id)
        return list(self.session.scalars(query))

    def add_linked_article(self, article_id: str, copy_of: str, signature: list[int], bands: Sequence[str]) -> None:
        self.session.add(LinkedArticleRow(article_id=article_id, copy_of=copy_of, signature=signature, linked_at=_now()))
        self._insert_new(ArticleBandRow, [{"band": b, "article_id": article_id} for b in dict.fromkeys(bands)])
        self.session.flush()

    # Propositions

    def candidates(self, keys: Sequence[str]) -> list[str]:
        """Propositions sharing the most blocking keys with a claim, best first."""
        return [proposition for proposition, _ in self.candidate_versions(keys)]

    def candidate_versions(self, keys: Sequence[str]) -> list[tuple[str, datetime]]:
        """``candidates`` with when each was last saved, so that members read earlier can be trusted or read again."""
        if not keys:
            return []
        shared = func.count(PropositionKeyRow.key).label("shared")
        best = (
            select(PropositionKeyRow.proposition_id, shared)
            .where(PropositionKeyRow.key.in_(list(keys)))
            .group_by(PropositionKeyRow.proposition_id)
            .order_by(shared.desc(), PropositionKeyRow.proposition_id)
            .limit(CANDIDATES_PER_CLAIM)
            .subquery()
        )
        query = (
            select(best.c.proposition_id, PropositionRow.updated_at)
            .join(PropositionRow, PropositionRow.id == best.c.proposition_id)
            .order_by(best.c.shared.desc(), best.c.proposition_id)
        )
        return [(row[0], row[1]) for row in self.session.execute(query)]

    def versions(self, propositions: Sequence[str]) -> dict[str, datetime]:
        """When each of these propositions was last saved."""
        found: dict[str, datetime] = {}
        for chunk in _chunks(sorted(set(propositions))):
            query = select(PropositionRow.id, PropositionRow.updated_at).where(PropositionRow.id.in_(chunk))
            found.update((row.id, row.updated_at) for row in self.session.execute(query))
        return found

    def members(self, propositions: Sequence[str], limit: int | None = MEMBERS_COMPARED) -> dict[str, list[tuple[Row[Any], str]]]:
        """Members of each proposition with their article's copy group (the latest ``limit`` of each when given).

        Plain rows, with the ``proposition_members`` columns as attributes: linking reads
        hundreds per claim, and mapped objects cost several times as much to build.
        """
        found: dict[str, list[tuple[Row[Any], str]]] = defaultdict(list)
        for row in self._members(propositions, limit, [*MemberRow.__table__.columns, LinkedArticleRow.copy_of]):
            found[row.proposition_id].append((row, row.copy_of))
        return dict(found)

    def compared_members(self, propositions: Sequence[str]) -> dict[str, list[Compared]]:
        """The latest ``MEMBERS_COMPARED`` members of each proposition (those that have any), newest
        first, with only what comparing a claim to them reads: as kept with the proposition, or
        from its members' rows where none are yet (a store linked before revision 0008)."""
        found = self._stored_latest(propositions)
        return found | self._latest_rows([p for p in propositions if p not in found])

    def _latest_rows(self, propositions: Sequence[str]) -> dict[str, list[Compared]]:
        """The latest ``MEMBERS_COMPARED`` members of each proposition read from their own rows."""
        found: dict[str, list[Compared]] = {}
        columns = [MemberRow.proposition_id, *(getattr(MemberRow, c) for c in _COMPARED_COLUMNS)]
        for row in self._members(propositions, MEMBERS_COMPARED, columns):
            found.setdefault(row.proposition_id, []).append(_compared(row._mapping))
        return found

    def _stored_latest(self, propositions: Sequence[str]) -> dict[str, list[Compared]]:
        """The latest members kept with these propositions (those that have them)."""
        found: dict[str, list[Compared]] = {}
        for chunk in _chunks(sorted(set(propositions))):
            query = select(PropositionRow.id, PropositionRow.latest).where(PropositionRow.id.in_(chunk), PropositionRow.latest.is_not(None))
            found.update((row[0], row[1]) for row in self.session.execute(query))
        return found

    def _latest_of(self, members: dict[str, list[dict[str, Any]]], partial: set[str], gone: set[str]) -> dict[str, list[Compared]]:
        """The latest members of each proposition just saved (``members``: the rows written of each,
        all its members unless it is in ``partial``, whose other members stay as stored): those
        kept with it merged with the new ones, read again from the members only when none were
        kept (a store linked before revision 0008) or one of them is gone."""
        stored = self._stored_latest([p for p in members if p in partial])
        latest, unknown = {}, []
        for proposition, rows in members.items():
            old = stored.get(proposition, []) if proposition in partial else []
            if proposition in partial and (proposition not in stored or any(m[0] in gone for m in old)):
                unknown.append(proposition)
                continue
            given = [_compared(row) for row in rows]
            ids = {m[0] for m in given}
            latest[proposition] = _newest(given + [m for m in old if m[0] not in ids])
        return latest | self._latest_rows(unknown)

    def _members(self, propositions: Sequence[str], limit: int | None, columns: list[Any]) -> list[Row[Any]]:
        """Rows of ``columns`` for the members of the propositions, each proposition's newest first."""
        rows: list[Row[Any]] = []
        newest_first = (MemberRow.published.desc(), MemberRow.claim_id)
        for wanted in _chunks(sorted(set(propositions)), PROPOSITIONS_PER_READ):
            if limit is None:
                query = select(*columns).join(LinkedArticleRow, LinkedArticleRow.article_id == MemberRow.article_id)
                query = query.where(MemberRow.proposition_id.in_(wanted)).order_by(MemberRow.proposition_id, *newest_first)
                rows += self.session.execute(query).all()
            else:
                # Always the same shape: the unused parts ask for a proposition id no row has.
                padded = [*wanted, *[""] * (PROPOSITIONS_PER_READ - len(wanted))]
                query = _latest_members(PROPOSITIONS_PER_READ, limit, tuple(columns))
                rows += self.session.execute(query, {f"p{i}": p for i, p in enumerate(padded)}).all()
        return rows

    def summaries(self, propositions: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The summary each of these propositions was last judged with (those that have one)."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(sorted(set(propositions))):
            query = select(PropositionSummaryRow.proposition_id, PropositionSummaryRow.summary)
            found.update((row[0], row[1]) for row in self.session.execute(query.where(PropositionSummaryRow.proposition_id.in_(chunk))))
        return found

    def renumber(self, proposition: str, numbers: dict[int, int]) -> None:
        """Give the members of a proposition their source groups' new numbers (old -> new)."""
        if numbers:
            renumbered = case(numbers, value=MemberRow.source_group, else_=MemberRow.source_group)
            query = update(MemberRow).where(MemberRow.proposition_id == proposition, MemberRow.source_group.in_(list(numbers)))
            self.session.execute(query.values(source_group=renumbered))

    def restance(self, stances: dict[str, str]) -> None:
        """Give members their new stances (claim -> stance), judged against a new anchor."""
        if stances:
            self.session.execute(update(MemberRow), [{"claim_id": claim, "stance": its} for claim, its in stances.items()])

    def has_member(self, claim_id: str) -> bool:
        return self.session.get(MemberRow, claim_id) is not None

    def existing_members(self, claim_ids: Sequence[str]) -> set[str]:
        """Which of these claims are already members of a proposition."""
        found: set[str] = set()
        wanted = sorted(set(claim_ids))
        for start in range(0, len(wanted), 500):
            query = select(MemberRow.claim_id).where(MemberRow.claim_id.in_(wanted[start : start + 500]))
            found.update(self.session.scalars(query))
        return found

    def add_keys(self, proposition: str, keys: Iterable[str]) -> None:
        self.add_keys_of({proposition: keys})

    def add_keys_of(self, keys: dict[str, Iterable[str]]) -> None:
        """File each proposition under its blocking keys, in one statement."""
        rows = [{"key": k, "proposition_id": p} for p, its in keys.items() for k in dict.fromkeys(its)]
        self._insert_new(PropositionKeyRow, rows)

    def save(self, proposition: str, label: str, verdict: str, explanation: str, counted: str | None, members: list[dict[str, Any]]) -> None:
        """Write a proposition and all its members, replacing what was there."""
        self.save_all([(proposition, label, verdict, explanation, counted, members)])

    def save_all(
        self,
        propositions: Sequence[tuple[str, str, str, str, str | None, list[dict[str, Any]]]],
        before: dict[str, dict[str, dict[str, Any]]] | None = None,
        summaries: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        """``save`` for many (id, label, verdict, explanation, counted, members) at once: a few statements in all.

        ``before`` holds, for propositions whose members were read, each member's row as stored
        (by claim id): only the rows that differ are written, so a proposition of hundreds of
        members that gains one costs one insert, not hundreds. The others are replaced whole.
        Each proposition's summary is replaced by the one in ``summaries``, or dropped if none is,
        and its latest members as comparing reads them are kept up to date.
        """
        if not propositions:
            return
        before = before or {}
        ids = [p[0] for p in propositions]
        existing: dict[str, PropositionRow] = {}
        for chunk in _chunks(ids):
            existing.update((row.id, row) for row in self.session.scalars(select(PropositionRow).where(PropositionRow.id.in_(chunk))))
        now = _now()
        for proposition, label, verdict, explanation, counted, _ in propositions:
            row = existing.get(proposition)
            if row is None:
                row = existing[proposition] = PropositionRow(id=proposition)
                self.session.add(row)
            row.label, row.verdict, row.explanation, row.counted, row.updated_at = label, verdict, explanation, counted, now
        self.session.flush()
        whole = [p for p in ids if p not in before]
        for chunk in _chunks(whole):
            self.session.execute(delete(MemberRow).where(MemberRow.proposition_id.in_(chunk)))
        new, changed, gone = [], [], []
        for proposition, *_, members in propositions:
            stored = before.get(proposition, {})
            for member in members:
                if member["claim_id"] not in stored:
                    new.append({**member, "proposition_id": proposition})
                elif stored[member["claim_id"]] != member:
                    changed.append({**member, "proposition_id": proposition})
            kept = {m["claim_id"] for m in members}
            gone += [claim for claim in stored if claim not in kept]
        for chunk in _chunks(gone):
            self.session.execute(delete(MemberRow).where(MemberRow.claim_id.in_(chunk)))
        if changed:
            self.session.execute(update(MemberRow), changed)
        if new:
            self.session.execute(insert(MemberRow), new)
        for chunk in _chunks(ids):
            self.session.execute(delete(PropositionSummaryRow).where(PropositionSummaryRow.proposition_id.in_(chunk)))
        saved = set(ids)
        kept = [{"proposition_id": p, "summary": summary} for p, summary in (summaries or {}).items() if p in saved]
        if kept:
            self.session.execute(insert(PropositionSummaryRow), kept)
        for proposition, latest in self._latest_of({p[0]: p[-1] for p in propositions}, set(before), set(gone)).items():
            existing[proposition].latest = latest or None

    def propositions_with_articles(self, articles: Iterable[str]) -> list[str]:
        ids = sorted(set(articles))
        if not ids:
            return []
        query = select(MemberRow.proposition_id).where(MemberRow.article_id.in_(ids)).distinct()
        return sorted(self.session.scalars(query))

    def clear(self) -> None:
        """Forget every link result (not the alias decisions), before linking again from scratch."""
        self._mentions = {}
        for table in (PropositionKeyRow, MemberRow, PropositionSummaryRow, PropositionRow, ArticleBandRow, LinkedArticleRow, EntityArticleRow, EntityFormRow):
            self.session.execute(delete(table))
        self.session.execute(update(LinkedEntityRow).values(merged_into=None))
        self.session.execute(delete(LinkedEntityRow))
        self._entities.clear()
        self._merged = {}
