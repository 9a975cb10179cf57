"""The pages in a real browser: headless Chromium, through Selenium, against `sayso serve`.

The server is `sayso serve` itself, started in a subprocess on a free loopback port over the
test store (the seed, the flood story of the invented link corpus, and a hostile article).
Each page is loaded and checked for what a person sees; screenshots go to a temporary folder,
and also to $SAYSO_SCREENSHOTS when it is set (`docs/images/` was made that way). Skipped,
with the reason, only when Chromium or its driver is not installed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from serve_corpus import HOSTILE, HOSTILE_TEXT, corpus_db, corpus_store  # noqa: F401 - the fixture 'store'
from sayso.serve.pages import VERDICT_WORDS
from test_serve_api import start_server, stop_server

CHROMIUM = os.environ.get("SAYSO_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("SAYSO_CHROMEDRIVER", "/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
    reason=f"no Chromium: {CHROMIUM} or {DRIVER} is missing (apt-get install chromium chromium-driver)",
)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAYSO_")}
    process, base = start_server(["--db", str(corpus_db())], folder, env=env)
    try:
        yield base
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_window_size(1400, 1000)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def screenshot(driver: object, folder: Path, name: str, full: bool = False) -> Path:
    """Save what the browser shows; ``full``: the whole page's height, not just the window."""
    path = folder / f"{name}.png"
    if full:
        height = driver.execute_script("return document.documentElement.scrollHeight")  # type: ignore[attr-defined]
        width = driver.get_window_size()["width"]  # type: ignore[attr-defined]
        driver.set_window_size(width, min(max(height + 140, 600), 6000))  # type: ignore[attr-defined]
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 5000
    keep = os.environ.get("SAYSO_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(keep) / path.name)
    return path


def background(driver: object, selector: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, selector).value_of_css_property("background-color")  # type: ignore[attr-defined]


def no_alert(driver: object) -> bool:
    try:
        driver.switch_to.alert.text  # type: ignore[attr-defined]  # noqa: B018 - raises when there is none
    except NoAlertPresentException:
        return True
    return False


def test_article_page_highlights_speaker_cue_and_content_in_distinct_colours(browser, server, shots, store) -> None:  # type: ignore[no-untyped-def]
    seed = next(a for a in store.articles() if a.title and "Nagorno" in a.title)
    browser.set_window_size(1400, 1000)
    browser.get(f"{server}/articles/{seed.id}")
    assert "ISIS finds Nagorno Karabakh" in browser.find_element(By.TAG_NAME, "h1").text
    analysis = store.get(seed.id)
    speakers = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".article-text .hl-speaker")]
    assert "French President Emmanuel Macron" in speakers
    assert len(speakers) >= len({a.speaker.start for a in analysis.attributions if a.speaker}) - 2  # nested ones may share
    colours = {role: background(browser, f".article-text .hl-{role}") for role in ("speaker", "cue", "content", "assertion", "background")}
    assert len(set(colours.values())) == 5, colours
    body = browser.find_element(By.CSS_SELECTOR, ".article-text").text
    assert "Turkey is also a NATO member." in body
    screenshot(browser, shots, "article-seed")
    # a claim number in the text leads to the claim's card, which names the proposition: Macron's count of fighters
    number, macron = next((n, a) for n, a in enumerate(analysis.attributions, 1) if a.speaker and a.speaker.name == "Emmanuel Macron" and a.quantities)
    ref = store.proposition_refs([macron.id])[macron.id]
    browser.find_element(By.CSS_SELECTOR, f".article-text a.ref[aria-label='claim {number}']").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("#claim-"))
    assert browser.current_url.endswith("#claim-" + macron.id)
    card = browser.find_element(By.CSS_SELECTOR, ".claim-card:target")
    assert "Emmanuel Macron" in card.text and VERDICT_WORDS[ref.verdict][0] in card.text
    card.find_element(By.CSS_SELECTOR, "a.prop-link").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("/propositions/"))
    assert browser.find_element(By.CSS_SELECTOR, ".verdict-line").text.startswith(VERDICT_WORDS[ref.verdict][0])
    assert browser.find_element(By.TAG_NAME, "h1").text == ref.label
    screenshot(browser, shots, "proposition-fighters", full=True)


def test_proposition_page_shows_the_verdict_claims_timeline_and_drawing(browser, server, shots, store) -> None:  # type: ignore[no-untyped-def]
    homes = max(store.propositions(verdict="corroborated"), key=lambda p: len(p.members))
    browser.set_window_size(1400, 1000)
    browser.get(f"{server}/propositions/{homes.id}")
    assert browser.find_element(By.TAG_NAME, "h1").text == homes.label
    assert "Corroborated: two or more independent sources say so." in browser.find_element(By.CSS_SELECTOR, ".verdict-line").text
    assert browser.find_element(By.CSS_SELECTOR, ".explanation").text == homes.explanation
    assert len(browser.find_elements(By.CSS_SELECTOR, ".members .member")) == len(homes.members)
    days = sorted({m.published for m in homes.members if m.published})
    assert [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".timeline time")] == days
    drawing = browser.find_element(By.CSS_SELECTOR, ".chain-box svg")
    assert drawing.size["width"] > 300 and drawing.size["height"] > 100
    assert "origin" in drawing.text and all(m.origin[:20] in drawing.text for m in homes.members)
    screenshot(browser, shots, "proposition-homes", full=True)
    # a claim in the drawing is a link to it in its article
    browser.set_window_size(1400, 1000)
    browser.find_element(By.CSS_SELECTOR, ".chain-box svg a").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("/articles/"))
    assert browser.find_element(By.CSS_SELECTOR, ".claim-card:target")


def test_start_entity_outlet_and_search_pages(browser, server, shots, store) -> None:  # type: ignore[no-untyped-def]
    browser.set_window_size(1400, 1000)
    browser.get(server + "/")
    contested = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby='contested-h']")
    assert "Contested" in contested.text and contested.find_elements(By.CSS_SELECTOR, ".prop-row")
    assert browser.find_elements(By.CSS_SELECTOR, "section[aria-labelledby='single-h'] .prop-row")
    screenshot(browser, shots, "start")

    lind = store.entity_page("Oskar Lind").items[0].entity
    browser.get(f"{server}/entities/{lind.id}")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Oskar Lind"
    assert "Lind" in [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".alias")]
    screenshot(browser, shots, "entity-lind")
    browser.find_element(By.LINK_TEXT, "Daily Corran").click()
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("/outlets/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Daily Corran"
    screenshot(browser, shots, "outlet-daily-corran")

    # search with the keyboard only: the box in the header, typed into, Enter
    box = browser.find_element(By.ID, "quick-q")
    box.send_keys("weir", Keys.ENTER)
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("/search?q=weir"))
    heading = browser.find_element(By.CSS_SELECTOR, "main h2").text
    assert heading.endswith("containing “weir”") and int(heading.split()[0]) > 3
    results = browser.find_elements(By.CSS_SELECTOR, ".card-list .claim-card .quote")
    assert results and all("weir" in r.text.lower() for r in results)
    screenshot(browser, shots, "search-weir")


WIDER_THAN_WINDOW = """
const width = document.documentElement.clientWidth;
const spills = e => e.getBoundingClientRect().right > width + 1 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible");
return [...document.querySelectorAll('body *')]
  .filter(spills)
  .slice(-5)
  .map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)}px`);
"""


def wider_than_window(driver: object) -> list[str]:
    """The innermost elements that stick out to the right, so a failure says what to fix."""
    return driver.execute_script(WIDER_THAN_WINDOW)  # type: ignore[attr-defined,no-any-return]


def test_keyboard_and_phone(browser, server, shots, store) -> None:  # type: ignore[no-untyped-def]
    seed = next(a for a in store.articles() if a.title and "Nagorno" in a.title)
    browser.set_window_size(390, 844)
    browser.get(f"{server}/articles/{seed.id}")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert first.text == "Skip to content"
    first.send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(expected_conditions.url_contains("#main"))
    assert_fits(browser)
    text = browser.find_element(By.CSS_SELECTOR, ".article-text")
    assert text.size["width"] <= 390 and float(text.value_of_css_property("font-size").removesuffix("px")) >= 16  # readable
    screenshot(browser, shots, "article-seed-phone")


def test_every_page_fits_a_small_phone(browser, server, store) -> None:  # type: ignore[no-untyped-def]
    # 300 px, narrower than any phone in use: fonts and scrollbars differ between machines, and
    # a layout that only just fits 390 px on one breaks on another.
    seed = next(a for a in store.articles() if a.title and "Nagorno" in a.title)
    browser.set_window_size(300, 844)
    for path in (f"/articles/{seed.id}", "/", "/articles", "/propositions", "/entities", "/outlets", "/search?q=fighters"):
        browser.get(server + path)
        assert_fits(browser, path)
    browser.get(f"{server}/propositions")
    browser.find_element(By.CSS_SELECTOR, "a[href^=\"/propositions/\"]").click()
    assert_fits(browser, "a proposition")


def assert_fits(browser: object, page: str = "the page") -> None:
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")  # type: ignore[attr-defined]
    assert overflow <= 1, f"{page} is {overflow}px wider than the window: {wider_than_window(browser)}"


def test_hostile_article_shows_as_text_and_runs_nothing(browser, server, shots) -> None:  # type: ignore[no-untyped-def]
    browser.set_window_size(1400, 1000)
    browser.get(f"{server}/articles/{HOSTILE.id}")
    assert no_alert(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == HOSTILE.title
    shown = browser.execute_script(
        "const c = document.querySelector('.article-text').cloneNode(true);"
        "c.querySelectorAll('.ref').forEach(r => r.remove()); return c.textContent;"
    )
    assert shown == HOSTILE_TEXT  # claim numbers aside, every character as written
    assert not browser.find_elements(By.CSS_SELECTOR, ".article-text img, .article-text b, .article-text script")
    assert browser.find_element(By.CSS_SELECTOR, ".meta a").text == HOSTILE.outlet
    browser.get(f"{server}/search?q=%3Cscript%3E")
    assert no_alert(browser)
    assert "<script>alert('pwned')</script>" in browser.find_element(By.CSS_SELECTOR, ".card-list").text
    screenshot(browser, shots, "hostile")
