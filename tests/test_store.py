"""The store keeps analyses exactly, once, atomically, and opens any database it is pointed at."""

from __future__ import annotations

import itertools
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, delete, event, inspect, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from pg_server import BACKENDS, database_url
from sayso.errors import StoreError
from sayso.model import (
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
    attribution_from_dict,
)
from sayso.store import Store, StoredClaim
from sayso.store.migrate import MIGRATIONS, upgrade
from sayso.store.schema import ArticleRow, Base

VARGA = (
    'Mayor Ellen Varga said on Monday the bridge would reopen in May. "We are on schedule," '
    "she told the Harbor Gazette."
)
PORT = (
    "According to the port authority, about 1,200 ships did not dock last year. "
    "AsiaNews quoted the Observatory as saying on Tuesday that rents rose 5%, "
    "to at least 1,800 dollars a month. "
    "The claim that the delays were over was disputed. The harbour closed in early March."
)
OZTURK = "Ayşe Öztürk said the vote was fair."


def span(
    text: str, fragment: str, kind: type = Span, *extra: Any, after: int = 0, **fields: Any
) -> Any:
    """A ``kind`` of span over the first ``fragment`` in ``text`` at or after ``after``."""
    start = text.index(fragment, after)
    assert text[start : start + len(fragment)] == fragment
    return kind(fragment, start, start + len(fragment), *extra, **fields)


def with_ids(analysis: Analysis) -> Analysis:
    for claim in [*analysis.attributions, *analysis.unattributed]:
        claim.assign_id(analysis.article.id)
    return analysis


def varga() -> Analysis:
    t = VARGA
    article = Article(
        text=t,
        title="Bridge to reopen in May",
        published="2024-03-02",
        byline="Tom Reed",
        dateline="PORT ELLEN",
        outlet="Harbor Gazette",
        source="tests/varga.html",
        url="https://example.org/varga",
    )
    return with_ids(
        Analysis(
            article=article,
            attributions=[
                Attribution(
                    kind="indirect",
                    content=span(t, "the bridge would reopen in May"),
                    cue=span(t, "said"),
                    speaker=span(t, "Mayor Ellen Varga", Speaker, "Ellen Varga", "person"),
                    times=[
                        span(t, "May", TimeExpression, "2024-05", "date", after=t.index("in May"))
                    ],
                    said_on=span(t, "Monday", TimeExpression, "2024-02-26", "date"),
                ),
                Attribution(
                    kind="direct",
                    content=span(t, "We are on schedule,"),
                    cue=span(t, "told"),
                    speaker=span(t, "she", Speaker, "Ellen Varga", "person"),
                ),
            ],
            entities=[
                Entity("Ellen Varga", "PERSON", [span(t, "Ellen Varga"), span(t, "she")]),
                Entity("Harbor Gazette", "ORG", [span(t, "Harbor Gazette")]),
            ],
        )
    )


def port(tail: str = "") -> Analysis:
    t = PORT + tail
    article = Article(text=t, title="Port traffic falls", outlet="Wire Weekly", agency="UNI")
    return with_ids(
        Analysis(
            article=article,
            attributions=[
                Attribution(
                    kind="according_to",
                    content=span(t, "about 1,200 ships did not dock last year"),
                    cue=span(t, "According to"),
                    speaker=span(t, "the port authority", Speaker, None, "organisation"),
                    polarity="negative",
                    speech_act="deny",
                    quantities=[
                        span(t, "about 1,200", Quantity, 1200.0, approximate=True, counted="ships")
                    ],
                    times=[span(t, "last year", TimeExpression, None)],
                ),
                Attribution(
                    kind="indirect",
                    content=span(t, "rents rose 5%, to at least 1,800 dollars a month"),
                    cue=span(t, "as saying"),
                    speaker=span(
                        t, "the Observatory", Speaker, "Syrian Observatory", "organisation"
                    ),
                    via=[Via("AsiaNews", "quoted")],
                    quantities=[
                        span(t, "5%", Quantity, 5.0, "percent", low=5.0, high=5.0),
                        span(
                            t,
                            "at least 1,800 dollars a month",
                            Quantity,
                            1800.0,
                            "USD",
                            low=1800.0,
                            per="month",
                            counted="rents",
                        ),
                    ],
                    # Undated article: the weekday is found but cannot be resolved.
                    said_on=span(t, "Tuesday", TimeExpression),
                ),
                Attribution(
                    kind="nominal",
                    content=span(t, "the delays were over"),
                    cue=None,
                    speaker=None,
                ),
            ],
            unattributed=[
                Assertion(
                    content=span(t, "The harbour closed in early March."),
                    origin="Wire Weekly",
                    times=[span(t, "early March", TimeExpression, None, "date", approximate=True)],
                    background=True,
                )
            ],
            entities=[Entity("AsiaNews", "ORG", [span(t, "AsiaNews")])],
        )
    )


def ozturk() -> Analysis:
    t = OZTURK
    return with_ids(
        Analysis(
            article=Article(text=t, title="Vote was fair"),
            attributions=[
                Attribution(
                    kind="indirect",
                    content=span(t, "the vote was fair"),
                    cue=span(t, "said"),
                    speaker=span(t, "Ayşe Öztürk", Speaker, "Ayşe Öztürk", "person"),
                )
            ],
        )
    )


def snapshot(store: Store) -> dict[str, list[Any]]:
    """Every row of every table, to show that an operation changed nothing at all."""
    with store.engine.connect() as conn:
        return {
            table.name: conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            for table in Base.metadata.sorted_tables
        }


def assert_round_trips(store: Store, analysis: Analysis) -> None:
    assert store.add(analysis) is True
    stored = store.get(analysis.article.id)
    assert stored == analysis
    assert stored is not None and stored.to_dict() == analysis.to_dict()
    assert Analysis.from_dict(stored.to_dict()) == Analysis.from_dict(analysis.to_dict())


def assert_schema_matches_orm(store: Store) -> None:
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A fresh store on each backend: a SQLite file and a database on a throw-away PostgreSQL."""
    with Store(database_url(request, tmp_path, request.param)) as opened:
        yield opened


# Adding and reading back


def test_add_then_get_round_trips(store: Store) -> None:
    for analysis in (varga(), port(), ozturk()):
        assert_round_trips(store, analysis)
    assert store.counts() == {"articles": 3, "attributions": 6, "assertions": 1, "entities": 3}


def test_statement_dates_and_quantity_readings_round_trip(store: Store) -> None:
    analysis = port()
    plain, dated, _ = analysis.attributions
    # The fixture must keep exercising what revision 0002 and the new readings added.
    assert dated.said_on is not None and plain.said_on is None
    assert {q.per for q in dated.quantities} == {None, "month"} and plain.quantities[0].approximate
    # ... and what revision 0003 added: a denial and a background assertion.
    assert plain.speech_act == "deny" and analysis.unattributed[0].background
    assert_round_trips(store, analysis)
    with store.engine.connect() as conn:
        query = text("SELECT id FROM attributions WHERE said_on IS NULL ORDER BY id")
        no_date = conn.execute(query).scalars().all()
    # SQL NULL, not JSON null: undated claims look the same as rows stored before said_on.
    assert no_date == sorted(a.id for a in analysis.attributions if a.said_on is None)


def test_a_carried_on_quote_keeps_what_it_continues(store: Store) -> None:
    text = '"The levee held," said Marta Quell. "We will inspect it."'
    quell = Speaker("Marta Quell", 23, 34, name="Marta Quell", type="person")
    first = Attribution("direct", Span(text[0:17], 0, 17), Span("said", 18, 22), quell)
    second = Attribution("direct", Span(text[36:57], 36, 57), None, quell)
    analysis = Analysis(Article(text=text), [first, second])
    for attribution in analysis.attributions:
        attribution.assign_id(analysis.article.id)
    second.continues = first.id  # what revision 0005 added
    assert_round_trips(store, analysis)


def test_unknown_article_is_absent(store: Store) -> None:
    assert store.get("0" * 16) is None
    assert store.has("0" * 16) is False
    store.add(varga())
    assert store.has(varga().article.id) is True


def test_adding_again_changes_nothing(store: Store) -> None:
    for analysis in (varga(), port(), ozturk()):
        store.add(analysis)
    before, counts = snapshot(store), store.counts()

    assert store.add(varga()) is False
    assert store.add(port()) is False
    # The same story from another source is the same article: its first record stays.
    again = varga()
    again.article.title, again.article.source = "Another headline", "feed.xml"
    assert store.add(again) is False

    assert store.counts() == counts
    assert snapshot(store) == before
    stored = store.get(varga().article.id)
    assert stored is not None and stored.article.title == "Bridge to reopen in May"


def test_claims_need_ids(store: Store) -> None:
    analysis = varga()
    analysis.attributions[1].id = ""
    with pytest.raises(ValueError, match="has no id"):
        store.add(analysis)
    assert store.counts()["articles"] == 0


def test_articles_newest_first(store: Store) -> None:
    for analysis in (varga(), port(), ozturk()):
        store.add(analysis)
    titles = [a.title for a in store.articles()]
    assert titles == ["Vote was fair", "Port traffic falls", "Bridge to reopen in May"]
    assert store.articles(limit=1) == [ozturk().article]


# Listing claims


def test_claims_carry_their_article(store: Store) -> None:
    store.add(varga())
    article = varga().article
    assert store.claims() == [
        StoredClaim(article.id, article.title, article.outlet, article.published, a)
        for a in varga().attributions
    ]


def test_claim_json_holds_the_attribution_as_in_an_analysis(store: Store) -> None:
    store.add(port())
    (claim, *_) = store.claims(speaker="observatory")
    data = json.loads(json.dumps(claim.to_dict()))
    assert data["article_id"] == port().article.id
    article = (data["title"], data["outlet"], data["published"])
    assert article == ("Port traffic falls", "Wire Weekly", None)
    assert data["attribution"] == port().to_dict()["attributions"][1]
    assert attribution_from_dict(data["attribution"]) == claim.attribution


def test_claims_by_speaker_match_name_or_words_in_any_case(store: Store) -> None:
    for analysis in (varga(), port(), ozturk()):
        store.add(analysis)

    def speakers(term: str) -> list[str | None]:
        said = [c.attribution.speaker for c in store.claims(speaker=term)]
        return [s.text for s in said if s]

    assert speakers("VARGA") == ["Mayor Ellen Varga", "she"]  # name, then words
    assert speakers("She") == ["she"]
    assert speakers("port auth") == ["the port authority"]  # words only: no name resolved
    assert speakers("syrian") == ["the Observatory"]  # name only
    assert speakers("ÖZTÜRK") == ["Ayşe Öztürk"]  # case folded beyond ASCII
    assert speakers("%") == []  # wildcards in the term are literal
    assert len(store.claims()) == 6
    assert len(store.claims(limit=4)) == 4


def test_claims_by_article_id_or_prefix(store: Store) -> None:
    for analysis in (varga(), port(), ozturk()):
        store.add(analysis)
    port_id = port().article.id

    by_prefix = store.claims(article=port_id[:4])
    assert [c.attribution for c in by_prefix] == port().attributions
    assert store.claims(article=port_id) == by_prefix
    assert store.claims(article=port_id[:6].upper()) == by_prefix
    assert [c.attribution.kind for c in store.claims(article=port_id, speaker="observatory")] == [
        "indirect"
    ]


def test_article_prefix_must_name_one_article(store: Store) -> None:
    first, second = twin_articles()
    store.add(Analysis(first))
    store.add(Analysis(second))
    shared = first.id[:4]

    with pytest.raises(StoreError, match="ambiguous"):
        store.resolve_article_id(shared)
    with pytest.raises(StoreError, match="too short"):
        store.resolve_article_id(shared[:3])
    with pytest.raises(StoreError, match="no stored article"):
        store.claims(article="ffff" if shared != "ffff" else "eeee")
    assert store.resolve_article_id(first.id[:12]) == first.id
    assert store.resolve_article_id(second.id) == second.id


def twin_articles() -> tuple[Article, Article]:
    """Two articles whose ids share their first four characters."""
    seen: dict[str, Article] = {}
    for i in itertools.count():
        article = Article(text=f"Story number {i}.")
        other = seen.setdefault(article.id[:4], article)
        if other is not article:
            return other, article
    raise AssertionError("unreachable")


# Atomicity


def test_failure_mid_article_rolls_it_back(store: Store) -> None:
    store.add(varga())
    before = snapshot(store)
    statements: list[str] = []

    def fail_on_entities(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split("(")[0].strip())
        if statement.startswith("INSERT INTO entities"):
            raise OperationalError(statement, None, sqlite3.OperationalError("disk I/O error"))

    event.listen(store.engine, "before_cursor_execute", fail_on_entities)
    with pytest.raises(StoreError, match="disk I/O error") as failure:
        store.add(port())
    event.remove(store.engine, "before_cursor_execute", fail_on_entities)

    assert "INSERT INTO attributions" in statements  # the failure came mid-way
    assert "\n" not in str(failure.value)
    assert snapshot(store) == before
    assert not store.has(port().article.id)
    assert store.get(varga().article.id) == varga()
    assert store.add(port()) is True



def test_duplicate_claim_ids_store_nothing(store: Store) -> None:
    analysis = port()
    analysis.attributions[1].id = analysis.attributions[0].id
    with pytest.raises(StoreError, match="cannot store article"):
        store.add(analysis)
    assert store.counts() == {"articles": 0, "attributions": 0, "assertions": 0, "entities": 0}


@pytest.mark.parametrize("backend", BACKENDS)
def test_article_stored_meanwhile_by_another_writer_is_not_new(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    path = database_url(request, tmp_path, backend)
    with Store(path) as ours, Store(path) as theirs:

        def other_writer_first(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            # On SQLite a writer holds the write lock from BEGIN IMMEDIATE on, so the other goes just before.
            if statement.startswith(("INSERT INTO articles", "BEGIN IMMEDIATE")) and not theirs.has(varga().article.id):
                assert theirs.add(varga()) is True

        event.listen(ours.engine, "before_cursor_execute", other_writer_first)
        assert ours.add(varga()) is False
        assert ours.get(varga().article.id) == varga()
        assert ours.counts()["attributions"] == 2


# Opening databases


def test_plain_path_makes_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    with Store(str(path)) as store:
        store.add(varga())
    assert path.is_file()
    with Store(f"sqlite:///{path}") as store:
        assert store.get(varga().article.id) == varga()


def test_default_url_comes_from_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "from-env.db"
    monkeypatch.setenv("SAYSO_DB", str(path))
    with Store() as store:
        store.add(varga())
    assert path.is_file()


def test_default_url_is_sayso_db_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAYSO_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    with Store() as store:
        store.add(varga())
    assert (tmp_path / "sayso.db").is_file()


def test_in_memory_database_works() -> None:
    with Store("sqlite://") as store:
        assert_round_trips(store, port())


@pytest.mark.parametrize(
    "url, message",
    [
        ("nosuchdb://somewhere/db", "cannot use database"),
        ("mssql+pyodbc://user:secret@host/db", "cannot use database"),
        ("postgresql://", "cannot"),
        ("postgresql://user:secret@host:port/db", "not a database URL"),
    ],
)
def test_unusable_url_is_a_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as failure:
        Store(url)
    assert "\n" not in str(failure.value)
    assert "secret" not in str(failure.value)


def test_unopenable_path_is_a_store_error(tmp_path: Path) -> None:
    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("These are not the tables you are looking for.\n" * 100)
    for path in (tmp_path / "missing" / "sayso.db", tmp_path, not_a_database):
        with pytest.raises(StoreError, match="cannot open database") as failure:
            Store(str(path))
        assert "\n" not in str(failure.value)


def test_sqlite_enforces_foreign_keys_in_wal_mode(store: Store) -> None:
    with store.engine.connect() as conn:
        if store.engine.dialect.name == "sqlite":  # PostgreSQL always enforces them
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(IntegrityError):
            conn.execute(
                text(
                    "INSERT INTO entities (article_id, position, name, type, mentions)"
                    " VALUES ('nope', 0, 'x', 'y', '[]')"
                )
            )


# Migrations


def test_migrated_schema_matches_orm(store: Store) -> None:
    assert_schema_matches_orm(store)


def test_proposition_members_are_indexed_by_proposition_and_date(store: Store) -> None:
    # Revision 0006: linking reads a proposition's latest members by this index.
    indexes = inspect(store.engine).get_indexes("proposition_members")
    assert {"name": "ix_proposition_members_proposition_published", "column_names": ["proposition_id", "published"]} in [
        {"name": i["name"], "column_names": i["column_names"]} for i in indexes
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_database_at_revision_0001_upgrades_with_its_claims(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    t = "Officials said prices rose 5% in May."
    # JSON as revision 0001 wrote it: quantities and times had fewer fields then.
    old_quantity = {"text": "5%", "start": 27, "end": 29, "value": 5.0, "unit": "%"}
    old_time = {"text": "May", "start": 33, "end": 36, "value": "2024-05"}
    expected = with_ids(
        Analysis(
            article=Article(text=t, title="Prices rise"),
            attributions=[
                Attribution(
                    kind="indirect",
                    content=span(t, "prices rose 5% in May"),
                    cue=span(t, "said"),
                    speaker=span(t, "Officials", Speaker, None, "vague"),
                    quantities=[Quantity(**old_quantity)],
                    times=[TimeExpression(**old_time)],
                )
            ],
        )
    )
    path = database_url(request, tmp_path, backend)
    engine = create_engine(path if "://" in path else f"sqlite:///{path}")
    with engine.begin() as conn:
        upgrade(conn, "0001")
        conn.execute(
            text(
                "INSERT INTO articles (id, title, text, ingested_at)"
                " VALUES (:article_id, 'Prices rise', :text, '2024-03-02 10:00:00.000000')"
            ),
            {"article_id": expected.article.id, "text": t},
        )
        conn.execute(
            text(
                "INSERT INTO attributions (id, article_id, position, kind,"
                " speaker_text, speaker_start, speaker_end, speaker_name, speaker_type,"
                " cue_text, cue_start, cue_end, content_text, content_start, content_end,"
                " polarity, via, quantities, times)"
                " VALUES (:id, :article_id, 0, 'indirect', 'Officials', 0, 9, NULL, 'vague',"
                " 'said', 10, 14, 'prices rose 5% in May', 15, 36,"
                " 'positive', '[]', :quantities, :times)"
            ),
            {
                "id": expected.attributions[0].id,
                "article_id": expected.article.id,
                "quantities": json.dumps([old_quantity]),
                "times": json.dumps([old_time]),
            },
        )
    engine.dispose()

    with Store(path) as store:
        assert_schema_matches_orm(store)
        with store.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == (
                ScriptDirectory(str(MIGRATIONS)).get_current_head()
            )
            assert conn.execute(text("SELECT said_on IS NULL FROM attributions")).all() == [(1,)]
            # Rows from before 0003 read as asserted claims.
            assert conn.execute(text("SELECT speech_act FROM attributions")).all() == [("assert",)]
        assert store.get(expected.article.id) == expected
        assert_round_trips(store, varga())  # new claims go in beside the old ones


@pytest.mark.parametrize("backend", BACKENDS)
def test_reopening_runs_no_migration_twice(request: pytest.FixtureRequest, tmp_path: Path, backend: str) -> None:
    path = database_url(request, tmp_path, backend)
    with Store(path) as store:
        store.add(varga())
    for _ in range(2):
        with Store(path) as store:
            assert store.get(varga().article.id) == varga()
            with store.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_revision()
                versions = conn.execute(text("SELECT count(*) FROM alembic_version")).scalar()
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert (current, versions) == (head, 1)


# PostgreSQL, when one is at hand


def test_round_trip_on_postgres(postgres_url: str) -> None:
    # The throw-away server the tests start, or the one SAYSO_TEST_POSTGRES_URL names.
    analysis = port(tail=f" Run {uuid.uuid4()}.")  # a new article each run, should the database persist
    with Store(postgres_url) as store:
        try:
            assert_schema_matches_orm(store)
            assert_round_trips(store, analysis)
            assert store.add(analysis) is False
            assert [c.attribution for c in store.claims(article=analysis.article.id)] == (
                analysis.attributions
            )
        finally:
            with store.engine.begin() as conn:  # claims go with it: foreign keys cascade
                conn.execute(delete(ArticleRow).where(ArticleRow.id == analysis.article.id))
        assert not store.has(analysis.article.id)
