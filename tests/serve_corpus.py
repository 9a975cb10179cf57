"""A store for the web tests: the seed, one story of the invented link corpus, and a hostile article.

Built once per test run (analysing eleven articles takes a few seconds) into a temporary
folder; tests that write use their own copy (``fresh_copy``).
"""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import sayso
from conftest import SEED
from sayso.link import link_store
from sayso.model import Article
from sayso.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "link_corpus"
STORY = "flood/"  # ten articles from seven invented outlets, with wire copies, a contest and a retraction

# Everything a page could mistake for markup: tags, attributes, and quote marks of every kind.
HOSTILE_TEXT = (
    "Councillor Mara Olt said on Monday that \"<script>alert('pwned')</script>\" was not a budget line.\n"
    "The clerk's note read <img src=x onerror=\"alert(1)\"> and <a href='javascript:alert(2)'>click</a>, "
    "according to the Lenby Ledger.\n"
    "“Curly double”, ‘curly single’, „low double“, «guillemets», `backtick` and 'straight single' "
    "marks all stayed in the minutes, Olt's deputy Ivo Brask told reporters.\n"
    "Twelve <b>members</b> voted \"yes\" & 3 voted 'no' on the motion."
)
HOSTILE = Article(
    text=HOSTILE_TEXT,
    title="Council <script>alert(\"title\")</script> vote & the \"<i>minutes</i>\"",
    published="2031-04-02",
    outlet="Lenby <b>Ledger</b> & \"Post\"",
    byline="Tess <u>Varn</u>",
    url="javascript:alert('url')",
)


@functools.lru_cache(maxsize=1)
def corpus_db() -> Path:
    """The path of a SQLite store holding the seed, the flood story (outlets from the manifest) and HOSTILE, linked."""
    folder = Path(tempfile.mkdtemp(prefix="sayso-serve-"))
    path = folder / "corpus.db"
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["articles"]
    with Store(str(path)) as store:
        store.add(sayso.analyze(SEED))
        for name, meta in sorted(manifest.items()):
            if name.startswith(STORY):
                analysis = sayso.analyze(CORPUS / "articles" / name)
                analysis.article.outlet = meta["outlet"]
                store.add(analysis)
        store.add(sayso.analyze(HOSTILE))
        link_store(store)
    return path


def fresh_copy(folder: Path) -> Path:
    """A copy of the corpus store that a test may change."""
    target = folder / "copy.db"
    shutil.copyfile(corpus_db(), target)
    return target


@pytest.fixture(scope="module", name="store")
def corpus_store() -> Iterator[Store]:
    """The corpus store, open for reading, as the fixture ``store`` of the modules that import it."""
    with Store(str(corpus_db())) as opened:
        yield opened
