"""The web pages, read as HTML: what each shows, the links between them, and that article text stays text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from serve_corpus import HOSTILE, HOSTILE_TEXT, corpus_store  # noqa: F401 - the fixture 'store'
from sayso.model import Analysis, Proposition, Quantity
from sayso.serve import create_app
from sayso.serve.highlight import pieces
from sayso.serve.pages import SPEECH_ACTS, bounds_words, quantity_words
from sayso.serve.svg import chain_svg
from sayso.store import Store


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store=store, token="", read_token=""))


@pytest.fixture(scope="module")
def seed(store: Store) -> Analysis:
    article = next(a for a in store.articles() if a.title and "Nagorno" in a.title)
    found = store.get(article.id)
    assert found is not None
    return found


class _Text(HTMLParser):
    """The text a reader sees inside the element with class ``wanted``, leaving out claim numbers."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.skip, self.parts, self.classes = wanted, 0, 0, [], []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
            if "ref" in classes:
                self.skip = self.depth
            self.classes.extend(classes)
        elif self.wanted in classes:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            if self.skip == self.depth:
                self.skip = 0
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def shown_text(html: str, wanted: str) -> tuple[str, list[str]]:
    parser = _Text(wanted)
    parser.feed(html)
    return "".join(parser.parts), parser.classes


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def test_highlight_pieces_cover_the_text_exactly(seed: Analysis) -> None:
    found = pieces(seed)
    assert "".join(p.text for p in found) == seed.article.text
    roles = {p.role for p in found}
    assert {"speaker", "cue", "content", "assertion", "background"} <= roles
    number = next(n for n, a in enumerate(seed.attributions, 1) if a.speaker and a.speaker.text == "French President Emmanuel Macron")
    macron = [p for p in found if p.role == "speaker" and p.text == "French President Emmanuel Macron"]
    assert len(macron) == 1 and macron[0].label == f"claim {number}: speaker"
    anchors = {a for p in found for a in p.anchors}
    assert anchors == {f"t-{n}" for n in range(1, len(seed.attributions) + len(seed.unattributed) + 1)}
    assert any(p.nested for p in found)  # the chain: France's claim inside Macron's


def test_article_page_shows_the_text_with_every_attribution_highlighted(client: TestClient, seed: Analysis, store: Store) -> None:
    page = client.get(f"/articles/{seed.article.id}")
    assert page.status_code == 200
    text, classes = shown_text(page.text, "article-text")
    assert text == seed.article.text  # the whole body, exactly, as a reader sees it
    for role in ("hl-speaker", "hl-cue", "hl-content", "hl-assertion", "hl-background"):
        assert role in classes, role
    for number, attribution in enumerate(seed.attributions, 1):
        if attribution.speaker and attribution.speaker.text == "French President Emmanuel Macron":
            assert f'<span class="hl-speaker" title="claim {number}: speaker">French President Emmanuel Macron</span>' in page.text
    background = [n for n, u in enumerate(seed.unattributed, len(seed.attributions) + 1) if u.background]
    assert background
    for number in background:
        assert f'<span class="hl-background" title="claim {number}: no source given (background)">' in page.text
    refs = store.proposition_refs([a.id for a in seed.attributions])
    for number, attribution in enumerate(seed.attributions, 1):
        assert f'id="claim-{attribution.id}"' in page.text
        assert f'href="#claim-{attribution.id}" aria-label="claim {number}"' in page.text
        assert f'id="t-{number}"' in page.text
    links_on_page = links(page.text)
    assert {f"/propositions/{r.id}" for r in refs.values()} <= links_on_page
    assert any(link.startswith("/entities/") for link in links_on_page)
    # the chain, the numbers, the cues, the speech acts and the dates of every claim are spelled out
    shown = html.unescape(page.text)
    chains = [a for a in seed.attributions if a.via]
    assert chains and all(f"{v.name} ({v.cue})" in shown for a in chains for v in a.via)
    figures = [q for a in seed.attributions for q in a.quantities]
    assert figures and all(quantity_words(q) in shown for q in figures)
    assert all(a.cue.text in shown for a in seed.attributions if a.cue)
    assert all(SPEECH_ACTS[a.speech_act] in shown for a in seed.attributions)
    dates = [t for a in seed.attributions for t in a.times if t.value]
    assert dates and all(t.value in shown for t in dates)
    assert 'class="verdict verdict-contested"' in page.text


def test_proposition_page_shows_the_verdict_members_timeline_and_drawing(client: TestClient, store: Store) -> None:
    homes = max(store.propositions(verdict="corroborated"), key=lambda p: len(p.members))
    page = client.get(f"/propositions/{homes.id}")
    assert page.status_code == 200
    assert "Corroborated: two or more independent sources say so." in page.text
    assert homes.explanation in page.text.replace("&#39;", "'")
    assert page.text.count('<article class="member') == len(homes.members)
    for member in homes.members:
        assert f'href="/articles/{member.article}#claim-{member.claim}"' in page.text
        assert member.shared and f"<dd>{', '.join(member.shared)}</dd>" in html.unescape(page.text)  # the words it was grouped on
    days = re.findall(r'<time datetime="([\d-]+)">', page.text)
    assert days == sorted(set(m.published for m in homes.members if m.published))
    svg = page.text[page.text.index("<svg"): page.text.index("</svg>") + 6]
    drawing = ElementTree.fromstring(svg)  # well-formed XML
    words = " ".join(drawing.itertext())
    assert "source 1" in words and "origin" in words and all(m.origin[:20] in words for m in homes.members)
    alone = client.get(f"/propositions/{homes.id}/chain.svg")
    assert alone.headers["content-type"] == "image/svg+xml" and alone.text == svg


def test_the_drawing_converges_echoes_on_their_origin() -> None:
    from sayso.model import Member

    def member(claim: str, outlet: str, via: list[str], origin: str, group: int) -> Member:
        return Member(claim=claim, article="0" * 16, content="c", speaker=None, origin=origin, via=via, outlet=outlet, published="2031-01-01", source_group=group)

    drawing = chain_svg(Proposition("p1", "label", "single_source", "why", [
        member("a1", "Wire", [], "Mayor <Ann>", 1),
        member("a2", "Herald", ["Wire"], "Mayor <Ann>", 1),
        member("a3", "Star", ["Herald", "Wire"], "Mayor <Ann>", 1),
        member("a4", "Radio", [], "Engineer", 2),
    ]))
    root = ElementTree.fromstring(drawing)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts.count("Mayor <Ann>") == 1  # one origin node for the group, escaped in the XML
    assert "source 1" in texts and "source 2" in texts and texts.count("Wire") == 2  # a publisher, and one hop
    assert len(list(root.iter("{http://www.w3.org/2000/svg}path"))) == 1 + 7  # the arrow head, then 7 edges
    assert "origin and via" not in texts and texts.count("via") == 2  # Herald and Wire
    assert "style=" not in drawing and "<script" not in drawing


def test_entity_page_lists_what_a_speaker_said_newest_first(client: TestClient, store: Store) -> None:
    lind = store.entity_page("Oskar Lind").items[0].entity
    page = client.get(f"/entities/{lind.id}")
    assert page.status_code == 200
    assert "<h1>Oskar Lind</h1>" in page.text and '<span class="alias">Lind</span>' in page.text
    dates = re.findall(r"</a> · (\d{4}-\d{2}-\d{2}) · ", page.text)
    assert dates and dates == sorted(dates, reverse=True)
    assert len({*re.findall(r'href="/outlets/([^"]+)"', page.text)}) >= 2  # across outlets
    assert client.get("/entities/999999").status_code == 404
    listing = client.get("/entities?name=varga")
    assert f'href="/entities/{store.entity_page("Ines Varga").items[0].entity.id}"' in listing.text


def test_outlet_page(client: TestClient) -> None:
    page = client.get("/outlets/" + quote("Port Avel Herald"))
    assert page.status_code == 200 and "<h1>Port Avel Herald</h1>" in page.text
    assert "2 articles" in page.text and page.text.count('class="claim-card"') >= 5
    assert client.get("/outlets/Nowhere%20Times").status_code == 404
    assert 'href="/outlets/Port%20Avel%20Herald"' in client.get("/outlets").text


def test_search_page(client: TestClient) -> None:
    page = client.get("/search", params={"q": "weir", "outlet": "", "since": "", "until": "", "verdict": ""})
    assert page.status_code == 200
    assert re.search(r"<h2>\d+ claims containing “weir”</h2>", page.text)
    narrowed = client.get("/search", params={"q": "weir", "verdict": "contested"})
    assert narrowed.text.count('class="claim-card"') < page.text.count('class="claim-card"')
    bad = client.get("/search", params={"since": "yesterday"})
    assert bad.status_code == 422 and "since: &#39;yesterday&#39; is not a date" in bad.text
    assert client.get("/search").status_code == 200  # the empty form


def test_start_page_shows_contested_and_single_source_propositions(client: TestClient, store: Store) -> None:
    page = client.get("/")
    assert page.status_code == 200
    contested = store.propositions(verdict="contested")
    assert contested and all(f'href="/propositions/{p.id}"' in page.text for p in contested[:10])
    single = store.propositions(verdict="single_source", members_at_least=2)
    assert single and f'href="/propositions/{single[0].id}"' in page.text
    assert 'action="/search"' in page.text


def test_every_link_on_the_pages_leads_somewhere(client: TestClient, seed: Analysis) -> None:
    seen: set[str] = set()
    for start in ("/", f"/articles/{seed.article.id}", "/propositions", "/entities", "/outlets", "/articles"):
        for link in links(client.get(start).text):
            target = link.split("#")[0].replace("&amp;", "&")
            if target and target not in seen and target.startswith("/"):
                seen.add(target)
                assert client.get(target).status_code == 200, f"{start} → {target}"
    assert len(seen) > 40


def test_pages_send_a_strict_content_security_policy(client: TestClient, seed: Analysis) -> None:
    for url in ("/", f"/articles/{seed.article.id}", "/search?q=x", "/nowhere"):
        response = client.get(url)
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "script-src" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in response.text and " style=" not in response.text
        assert re.search(r"<[^>]+\son\w+=", response.text) is None  # no event handler attributes


HOSTILE_MARKUP = ("<script", "<img", "<a href='javascript", "<b>", "<i>", "<u>")


def _no_markup_from_the_article(html: str) -> None:
    lowered = html.lower()
    for markup in HOSTILE_MARKUP:
        assert markup not in lowered, markup
    assert re.search(r"<a\s[^>]*href=[\"']?javascript", lowered) is None


def test_hostile_article_is_text_everywhere(client: TestClient, store: Store) -> None:
    analysis = store.get(HOSTILE.id)
    assert analysis is not None and analysis.attributions
    page = client.get(f"/articles/{HOSTILE.id}")
    assert page.status_code == 200
    _no_markup_from_the_article(page.text)
    text, _ = shown_text(page.text, "article-text")
    assert text == HOSTILE_TEXT  # every character shown as itself, quote marks of every kind included
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page.text
    assert "<title>Council &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; vote &amp; the &#34;&lt;i&gt;minutes&lt;/i&gt;&#34; · sayso</title>" in page.text
    outlet_link = "/outlets/" + quote(HOSTILE.outlet or "", safe="")
    assert f'href="{outlet_link}"' in page.text
    for url in (outlet_link, "/search?q=script", "/search?q=%3Cb%3Emembers", "/", "/articles", "/outlets",
                *(f"/propositions/{r.id}" for r in store.proposition_refs([a.id for a in analysis.attributions]).values())):
        shown = client.get(url)
        assert shown.status_code == 200, url
        _no_markup_from_the_article(shown.text)
    found = client.get("/search", params={"q": "<script>"})
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in found.text
    api = client.get(f"/api/articles/{HOSTILE.id}")
    assert api.headers["content-type"] == "application/json" and api.json()["text"] == HOSTILE_TEXT


@pytest.mark.parametrize(
    ("quantity", "words"),
    [
        (Quantity("at least 300", 0, 12, 300, None, 300, None), "at least 300"),
        (Quantity("hundreds of people", 0, 18, None, None, 100, 999, True, None, "people"), "about 100–999 people"),
        (Quantity("1800 US Dollars a month", 0, 23, 1800, "USD", 1800, 1800, per="month"), "1,800 USD per month"),
        (Quantity("up to 5,000", 0, 11, 5000, None, None, 5000), "at most 5,000"),
    ],
)
def test_quantities_in_words(quantity: Quantity, words: str) -> None:
    assert quantity_words(quantity) == words
    assert bounds_words(None, None, None) == "no figure"


def test_a_carried_on_quote_points_at_the_statement_it_continues(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sayso

    analysis = sayso.analyze(
        'Officials said the river was falling. "The levee held," said Marta Quell, the county engineer. '
        '"We will still inspect it."'
    )
    _, first, second = analysis.attributions
    with Store(str(tmp_path / "quell.db")) as store:
        store.add(analysis)
        page = TestClient(create_app(store=store, token="", read_token="")).get(f"/articles/{analysis.article.id}").text
    card = page[page.index(f'id="claim-{second.id}"') :]
    assert f'<dt>continues</dt><dd><a href="#claim-{first.id}">statement 2</a>' in card[: card.index("</li>")]
    assert "after “said”" in card[: card.index("</li>")]


def test_a_claim_stating_two_things_shows_each_part_and_its_proposition(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sayso
    from sayso.link import link_store

    analysis = sayso.analyze("One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said.")
    (claim,) = analysis.attributions
    with Store(str(tmp_path / "velm.db")) as store:
        store.add(analysis)
        link_store(store)
        refs = store.proposition_refs([claim.id, f"{claim.id}:2"])
        page = TestClient(create_app(store=store, token="", read_token="")).get(f"/articles/{analysis.article.id}").text
    start = page.index(f'id="claim-{claim.id}"')
    card = html.unescape(page[start : page.index('<p class="small">', start)])  # the claim's card, up to its last line
    assert "<dt>2 claims</dt>" in card and "“One passenger died” — " in card and "“at least 30 people were injured" in card
    assert len({r.id for r in refs.values()}) == 2 and all(f"/propositions/{r.id}" in card for r in refs.values())
