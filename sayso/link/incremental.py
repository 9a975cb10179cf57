"""Link what is stored: the articles not linked yet, or everything again from scratch.

Each article is linked in its own transaction, in publication order, so an interrupted run
leaves a consistent store and the next run carries on. Rebuilding forgets every link result
but keeps people's alias decisions, which are applied again as entities reappear.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import StoreError
from ..store import Store
from .aliases import AliasBook
from .linker import ReadMembers, link_article, rejudge

ALIAS_ACTIONS = ("merge", "split")


@dataclass
class LinkSummary:
    articles: int = 0
    claims: int = 0
    propositions_touched: int = 0
    propositions_founded: int = 0

    def describe(self) -> str:
        return (
            f"{self.articles} article{'s' if self.articles != 1 else ''} linked: {self.claims} claims, "
            f"{self.propositions_founded} new propositions, {self.propositions_touched} judged"
        )


@contextmanager
def _long_lived_set_aside() -> Iterator[None]:
    """Linking reads and drops many small values, and each full pass of the cycle collector walks
    every object in the process — modules, the ORM's mappings, a loaded spaCy model — which made
    a fifth of one article's linking in a large store. What exists before linking is not garbage
    linking makes: it is set aside (``gc.freeze``) while linking runs and handed back after, unless
    the caller had already set objects aside, whose choice is left alone."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def link_store(store: Store, rebuild: bool = False, on_article: Callable[[str], None] | None = None) -> LinkSummary:
    """Link every stored article that is not linked yet (all of them with ``rebuild``)."""
    with _long_lived_set_aside():
        return _link_unlinked(store, rebuild, on_article)


def _link_unlinked(store: Store, rebuild: bool, on_article: Callable[[str], None] | None) -> LinkSummary:
    if rebuild:
        with store.linking("cannot clear links") as state:
            state.clear()
    summary = LinkSummary()
    read = ReadMembers()  # what one article read, for the next
    for article_id in store.unlinked():
        analysis = store.get(article_id)
        if analysis is None:
            continue
        with store.linking(f"cannot link article {article_id}") as state:
            if state.is_linked(article_id):  # another process linked it while we waited our turn
                continue
            book = AliasBook(state)
            done = link_article(state, analysis, book, read)
            book.apply_merges()
            if book.merged:
                rejudge(state, state.propositions_with_articles(state.articles_of(book.merged)), read)
        summary.articles += 1
        summary.claims += done.claims
        summary.propositions_touched += len(done.touched)
        summary.propositions_founded += len(done.founded)
        if on_article is not None:
            on_article(article_id)
    return summary


def decide_alias(store: Store, action: str, first: str, second: str) -> LinkSummary:
    """Record that two names are one entity (merge) or two (split), then link everything again."""
    if action not in ALIAS_ACTIONS:
        raise StoreError(f"unknown alias action {action!r}: use {' or '.join(ALIAS_ACTIONS)}")
    if not first.strip() or not second.strip() or first.strip().casefold() == second.strip().casefold():
        raise StoreError("give two different names")
    with store.linking("cannot record the alias decision") as state:
        state.decide(action, first.strip(), second.strip())
    return link_store(store, rebuild=True)
