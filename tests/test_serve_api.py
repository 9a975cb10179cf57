"""The REST API: the CLI's JSON shapes, filters, pages, errors, tokens and limits."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from serve_corpus import HOSTILE, HOSTILE_TEXT, fresh_copy, corpus_store  # noqa: F401 - the fixture 'store'
from sayso.cli import app as cli_app
from sayso.serve import create_app
from sayso.store import Store

SCHEMAS = Path(__file__).resolve().parents[1] / "sayso" / "schema"
ANALYSIS_SCHEMA = json.loads((SCHEMAS / "analysis.schema.json").read_text())
PROPOSITIONS_SCHEMA = json.loads((SCHEMAS / "propositions.schema.json").read_text())
TOKEN = "write-token-for-tests"


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store, token=TOKEN, read_token=""))


def every(client: TestClient, url: str) -> list[dict[str, Any]]:
    """All items of a listing, following ``next`` links."""
    items: list[dict[str, Any]] = []
    while url:
        body = client.get(url).json()
        items.extend(body["items"])
        url = body["next"]
    return items


def test_articles_come_in_stable_pages_that_add_up(client: TestClient, store: Store) -> None:
    first = client.get("/api/articles?limit=5")
    assert first.status_code == 200
    body = first.json()
    assert body["total"] == 12 and body["offset"] == 0 and body["limit"] == 5 and len(body["items"]) == 5
    assert body["next"].endswith("offset=5&limit=5") or "offset=5" in body["next"]
    assert client.get("/api/articles?limit=5").json() == body  # the same page twice is the same page
    ids = [a["id"] for a in every(client, "/api/articles?limit=5")]
    assert len(ids) == len(set(ids)) == 12
    assert set(ids) == {a.id for a in store.articles()}
    published = [a["published"] for a in body["items"]]
    assert published == sorted(published, reverse=True)
    assert all(set(a) >= {"id", "title", "published", "outlet", "claim_count"} for a in body["items"])


def test_articles_of_one_outlet(client: TestClient) -> None:
    items = client.get("/api/articles", params={"outlet": "port avel herald"}).json()["items"]
    assert len(items) == 2 and {a["outlet"] for a in items} == {"Port Avel Herald"}


def test_one_article_is_the_analysis_contract(client: TestClient, store: Store) -> None:
    seed = next(a for a in store.articles() if a.title and "Nagorno" in a.title)
    body = client.get(f"/api/articles/{seed.id[:8]}").json()
    jsonschema.validate(body, ANALYSIS_SCHEMA)
    assert body == store.get(seed.id).to_dict()  # type: ignore[union-attr]
    assert len(body["attributions"]) > 15


def test_unknown_and_malformed_ids_are_clear_json_errors(client: TestClient) -> None:
    missing = client.get("/api/articles/0123456789abcdef")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"status": 404, "message": "no stored article has an id starting '0123456789abcdef'"}}
    bad = client.get("/api/articles/zz")
    assert bad.status_code == 422 and "hex digits" in bad.json()["error"]["message"]
    assert client.get("/api/propositions/pzzzzzzzz").status_code == 404
    assert client.get("/api/propositions/p1").status_code == 422
    assert client.get("/api/entities/999999").status_code == 404
    assert client.get("/api/entities/abc").status_code == 422
    nowhere = client.get("/api/nowhere")
    assert nowhere.status_code == 404 and nowhere.json()["error"]["status"] == 404


def test_page_size_has_a_hard_limit(client: TestClient) -> None:
    for url in ("/api/claims?limit=101", "/api/articles?limit=0", "/api/propositions?offset=-1", "/api/entities?limit=5000"):
        response = client.get(url)
        assert response.status_code == 422, url
        error = response.json()["error"]
        assert error["status"] == 422 and error["details"][0]["where"].startswith("query.")
    assert client.get("/api/claims?limit=100").json()["limit"] == 100


def test_claims_filters(client: TestClient, store: Store) -> None:
    macron = every(client, "/api/claims?speaker=macron&limit=3")
    assert len(macron) >= 5 and all("Macron" in (c["attribution"]["speaker"]["name"] or "") for c in macron)
    assert set(macron[0]) == {"article_id", "title", "outlet", "published", "attribution"}

    herald = every(client, "/api/claims?outlet=Port%20Avel%20Herald")
    assert herald and {c["outlet"] for c in herald} == {"Port Avel Herald"}

    on_13th = every(client, "/api/claims?since=2031-03-13&until=2031-03-13")
    assert on_13th and {c["published"] for c in on_13th} == {"2031-03-13"}
    later = every(client, "/api/claims?since=2031-03-17")
    assert later and all(c["published"] >= "2031-03-17" for c in later)

    weir = every(client, "/api/claims?q=Kesslow%20WEIR")
    assert weir and all("kesslow" in c["attribution"]["content"]["text"].lower() and "weir" in c["attribution"]["content"]["text"].lower() for c in weir)

    contested = every(client, "/api/claims?verdict=contested")
    refs = store.proposition_refs([c["attribution"]["id"] for c in contested])
    assert contested and {r.verdict for r in refs.values()} == {"contested"} and len(refs) == len(contested)

    varga = client.get("/api/entities", params={"name": "Ines Varga"}).json()["items"][0]
    by_entity = every(client, f"/api/claims?entity={varga['id']}")
    said = client.get(f"/api/entities/{varga['id']}?limit=100").json()["claims"]
    # An entity's claims are linked claims: a content stating two things (its ``parts``) is two.
    assert varga["claim_count"] == len(said) and len(by_entity) == len({m["attribution"] for m in said}) < len(said)
    assert {c["attribution"]["id"] for c in by_entity} == {m["attribution"] for m in said}
    by_name = every(client, "/api/claims?entity=Ines%20Varga")  # every entity with that name: one more than the id
    assert {c["attribution"]["id"] for c in by_entity} <= {c["attribution"]["id"] for c in by_name}

    combined = every(client, "/api/claims?speaker=varga&outlet=northern%20wire%20report&q=families")
    assert len(combined) == 1

    assert client.get("/api/claims?since=March").status_code == 422
    assert client.get("/api/claims?verdict=maybe").status_code == 422


def test_entities_have_aliases_and_claim_counts(client: TestClient) -> None:
    body = client.get("/api/entities?limit=5").json()
    first = body["items"][0]
    assert set(first) == {"id", "name", "type", "aliases", "articles", "claim_count"}
    counts = [e["claim_count"] for e in body["items"]]
    assert counts == sorted(counts, reverse=True)
    lind = client.get("/api/entities", params={"name": "lind"}).json()["items"][0]
    assert lind["name"] == "Oskar Lind" and {"Lind", "Oskar Lind"} <= set(lind["aliases"])
    one = client.get(f"/api/entities/{lind['id']}?limit=2").json()
    assert one["name"] == "Oskar Lind" and one["claim_count"] == lind["claim_count"] and len(one["claims"]) == 2
    assert set(one["claims"][0]) >= {"article", "attribution", "content", "speaker", "origin", "via", "stance", "published", "outlet"}
    dates = [c["published"] for c in one["claims"]]
    assert dates == sorted(dates, reverse=True) and one["next"]


def test_propositions_follow_the_propositions_contract(client: TestClient, store: Store) -> None:
    contested = every(client, "/api/propositions?verdict=contested&limit=2")
    assert contested and {p["verdict"] for p in contested} == {"contested"}
    jsonschema.validate(contested, PROPOSITIONS_SCHEMA)
    one = client.get(f"/api/propositions/{contested[0]['id'][:8]}").json()
    assert one == store.proposition(contested[0]["id"]).to_dict()
    assert one["explanation"] and len(one["claims"]) >= 2
    several = client.get("/api/propositions?min_claims=3").json()["items"]
    assert several and all(len(p["claims"]) >= 3 for p in several)


def test_outlets(client: TestClient) -> None:
    outlets = client.get("/api/outlets").json()
    names = {o["name"] for o in outlets}
    assert {"Port Avel Herald", "Northern Wire Report", HOSTILE.outlet} <= names
    assert all(set(o) == {"name", "articles", "claims", "latest"} for o in outlets)


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/articles", "/api/articles/{article}", "/api/claims", "/api/entities", "/api/entities/{entity_id}",
                 "/api/propositions", "/api/propositions/{proposition}", "/api/outlets"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/articles"]
    claim_params = {p["name"] for p in paths["/api/claims"]["get"]["parameters"]}
    assert claim_params >= {"speaker", "entity", "outlet", "since", "until", "verdict", "q", "offset", "limit"}
    assert not any(path.startswith("/articles") for path in paths)  # pages are not API
    analysis = paths["/api/articles/{article}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert analysis["$id"] == ANALYSIS_SCHEMA["$id"] and analysis["properties"] == ANALYSIS_SCHEMA["properties"]
    one = paths["/api/propositions/{proposition}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert one["$ref"] == "#/$defs/proposition" and one["$defs"] == PROPOSITIONS_SCHEMA["$defs"]
    jsonschema.validate(client.get("/api/propositions?limit=1").json()["items"][0], one)
    for path in paths.values():
        for operation in path.values():
            assert {"404", "422"} <= set(operation["responses"]), operation["summary"]


def test_responses_carry_security_headers(client: TestClient) -> None:
    for url in ("/api/articles", "/", "/static/sayso.css"):
        response = client.get(url)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "script-src" not in response.headers["content-security-policy"]
        assert "default-src 'none'" in response.headers["content-security-policy"]


def test_hostile_text_comes_back_exactly(client: TestClient) -> None:
    body = client.get(f"/api/articles/{HOSTILE.id}").json()
    assert body["text"] == HOSTILE_TEXT and body["article"]["title"] == HOSTILE.title
    found = client.get("/api/claims", params={"q": "<script>"}).json()["items"]
    assert found and "<script>alert('pwned')</script>" in found[0]["attribution"]["content"]["text"]


ARTICLE = (
    "Harbour reopens after storm\n"
    "Published: 2031-05-02\n\n"
    "Harbour master Lio Tenn said on Friday that 14 boats had been damaged by the storm. "
    "\"We will reopen the north quay on Monday,\" Tenn told reporters.\n"
)


@pytest.fixture
def writable(tmp_path: Path) -> Store:
    return Store(str(fresh_copy(tmp_path)))


def test_posting_an_article_needs_the_token(writable: Store) -> None:
    closed = TestClient(create_app(store=writable, token="", read_token=""))
    refused = closed.post("/api/articles", json={"text": ARTICLE})
    assert refused.status_code == 403 and "SAYSO_TOKEN" in refused.json()["error"]["message"]
    client = TestClient(create_app(store=writable, token=TOKEN, read_token=""))
    assert client.post("/api/articles", json={"text": ARTICLE}).status_code == 401
    wrong = client.post("/api/articles", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert writable.counts()["articles"] == 12


def test_posting_an_article_stores_links_and_returns_its_claims(writable: Store) -> None:
    client = TestClient(create_app(store=writable, token=TOKEN, read_token=""))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = client.post("/api/articles", json={"text": ARTICLE, "outlet": "Harbour Bell"}, headers=auth)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["created"] is True
    jsonschema.validate(body["analysis"], ANALYSIS_SCHEMA)
    assert body["analysis"]["article"]["outlet"] == "Harbour Bell" and body["analysis"]["article"]["published"] == "2031-05-02"
    speakers = {a["speaker"]["name"] for a in body["analysis"]["attributions"]}
    assert "Lio Tenn" in speakers
    assert set(body["propositions"]) >= {a["id"] for a in body["analysis"]["attributions"]}  # linked at once
    article_id = body["analysis"]["article"]["id"]
    assert client.get(f"/api/articles/{article_id}").json() == body["analysis"]
    again = client.post("/api/articles", json={"text": ARTICLE, "outlet": "Harbour Bell"}, headers=auth)
    assert again.status_code == 200 and again.json()["created"] is False
    html = client.post(
        "/api/articles", headers=auth,
        json={"text": "<html><head><title>Quay</title></head><body><article><p>The port authority said that the quay would stay shut until June, after divers found cracked piles under the north berth.</p></article></body></html>", "format": "html"},
    )
    assert html.status_code == 201 and html.json()["analysis"]["attributions"]


def test_bad_bodies_are_refused_clearly(writable: Store) -> None:
    client = TestClient(create_app(store=writable, token=TOKEN, read_token="", max_body=10_000))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    too_big = client.post("/api/articles", json={"text": "word " * 5000}, headers=auth)
    assert too_big.status_code == 413 and too_big.json()["error"]["status"] == 413
    assert too_big.headers["x-content-type-options"] == "nosniff"
    streamed = client.post("/api/articles", content=iter([b'{"text": "', b"w" * 6000, b"w" * 6000, b'"}']),
                           headers={**auth, "Content-Type": "application/json"})  # no Content-Length: counted as it comes
    assert streamed.status_code == 413 and "bytes" in streamed.json()["error"]["message"]
    missing = client.post("/api/articles", json={"title": "no text"}, headers=auth)
    assert missing.status_code == 422 and missing.json()["error"]["details"][0]["where"] == "body.text"
    broken = client.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert broken.status_code == 422
    bad_date = client.post("/api/articles", json={"text": ARTICLE, "published": "May 2"}, headers=auth)
    assert bad_date.status_code == 422
    empty = client.post("/api/articles", json={"text": "   \n  "}, headers=auth)
    assert empty.status_code == 422 and empty.json()["error"]["message"]


def test_reads_can_be_closed_with_a_read_token(store: Store) -> None:
    client = TestClient(create_app(store=store, token=TOKEN, read_token="reader"))
    refused = client.get("/api/articles")
    assert refused.status_code == 401 and refused.json()["error"]["message"] == "reading needs a token"
    assert client.get("/api/articles", headers={"Authorization": "Bearer reader"}).status_code == 200
    assert client.get("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    page = client.get("/")
    assert page.status_code == 401 and page.headers["www-authenticate"].startswith("Basic")
    assert client.get("/", auth=("anyone", "reader")).status_code == 200
    assert client.get("/", auth=("anyone", "wrong")).status_code == 401


def test_serve_command_starts_uvicorn_on_the_given_address(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("SAYSO_TOKEN", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "x.db"), "--host", "127.0.0.1", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123 and seen["app"].state.settings.token is None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(arguments: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """``sayso serve`` in a subprocess on a free loopback port (``env``: its whole environment), once it answers."""
    port = free_port()
    command = [sys.executable, "-c", "from sayso.cli import main; main()", "serve", "--port", str(port), *arguments]
    environment = dict(os.environ) if env is None else env
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"sayso serve ended: {process.stdout.read().decode() if process.stdout else ''}")
        try:
            httpx.get(base + "/api/outlets", timeout=2)
            return process, base
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise AssertionError("sayso serve did not answer within 90 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_sayso_serve_runs_on_the_default_sqlite_with_no_set_up(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAYSO_")}
    process, base = start_server([], tmp_path, env=env)
    try:
        assert httpx.get(base + "/api/articles").json()["total"] == 0
        assert "Who says so?" in httpx.get(base + "/").text
        assert (tmp_path / "sayso.db").exists()
    finally:
        stop_server(process)


def test_store_pages_directly(store: Store) -> None:
    from sayso.store.queries import ClaimFilter

    everything = store.find_claims(limit=1000)
    assert everything.total == len(everything.items) == store.counts()["attributions"] and everything.next_offset is None
    pages = [store.find_claims(offset=o, limit=7) for o in range(0, everything.total, 7)]
    assert [c.attribution.id for p in pages for c in p.items] == [c.attribution.id for c in everything.items]
    assert pages[0].next_offset == 7 and pages[-1].next_offset is None
    nothing = store.find_claims(ClaimFilter(text="no such words anywhere"))
    assert nothing.items == [] and nothing.total == 0
    assert store.find_claims(ClaimFilter(outlet="DAILY CORRAN")).total == store.find_claims(ClaimFilter(outlet="daily corran")).total > 0
    outlets = store.outlets()
    assert sum(o.articles for o in outlets) == store.article_page(limit=100).total - 1  # the seed names no outlet
    herald = store.article_page("Port Avel Herald")
    assert herald.total == 2 and all(s.article.outlet == "Port Avel Herald" for s in herald.items)
    assert store.entity_claims(10**9) is None
    lind = store.entity_page("Oskar Lind").items[0]
    entity, total = store.entity_claims(lind.entity.id, limit=3) or (None, 0)
    assert entity is not None and len(entity.claims) == 3 and total == lind.claims > 3
    contested = store.proposition_page("contested", limit=2)
    assert contested.total == len(store.propositions(verdict="contested")) and len(contested.items) == 2
    refs = store.proposition_refs([m.claim for m in contested.items[0].members])
    assert {r.id for r in refs.values()} == {contested.items[0].id}
    assert store.proposition_refs([]) == {}


def test_the_api_reads_the_same_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    """The page queries use only portable SQL: the same articles give the same answers on both backends."""
    import sayso
    from conftest import SEED
    from sayso.link import link_store
    from serve_corpus import CORPUS

    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["articles"]
    analyses = [sayso.analyze(SEED), sayso.analyze(HOSTILE)]
    for name in sorted(manifest)[:4]:
        analyses.append(sayso.analyze(CORPUS / "articles" / name))
        analyses[-1].article.outlet = manifest[name]["outlet"]
    answers = []
    for url in (postgres_url, str(tmp_path / "twin.db")):
        with Store(url) as backend:
            for analysis in analyses:
                backend.add(analysis)
            link_store(backend)
            client = TestClient(create_app(store=backend, token="", read_token=""))
            answers.append({
                path: client.get(path).json()
                for path in (
                    "/api/articles?limit=3", "/api/articles?outlet=port%20avel%20HERALD", f"/api/articles/{analyses[0].article.id}",
                    "/api/claims?limit=100", "/api/claims?speaker=VARGA&since=2031-03-12&until=2031-03-12",
                    "/api/claims?q=%3Cscript%3E", "/api/claims?verdict=single_source&limit=100", "/api/claims?entity=varga&limit=100",
                    "/api/outlets", "/api/propositions?min_claims=2&limit=100",
                )
            })
            names = client.get("/api/entities?limit=100").json()["items"]
            answers[-1]["entities"] = sorted((e["name"], e["claim_count"], tuple(e["aliases"])) for e in names)
            for page in ("/", f"/articles/{analyses[0].article.id}", "/search?q=weir", "/entities", "/outlets/Daily%20Corran"):
                assert client.get(page).status_code in (200, 404), page
    on_postgres, on_sqlite = answers
    for path in on_sqlite:
        assert on_postgres[path] == on_sqlite[path], path
    assert on_sqlite["/api/claims?q=%3Cscript%3E"]["total"] == 1
