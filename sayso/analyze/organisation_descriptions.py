"""Organisation descriptions and short names: the body "the appeals court", "the Clinton
campaign" or "CNS" refers to.

"the commission", "the appeals court" are the organisation whose name has most of those words;
"the Clinton campaign", "her campaign", "the Obama administration" the person's campaign or
administration, named after them; an acronym or first word NER missed ("CNS", "Peabody") the
organisation it shortens.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import Entity
from .acronyms import acronym, spells
from .entities import EntityIndex
from .name_forms import name_words
from .spans import doc_text, tokens_in
from .titles import head_word

# Heads naming an organisation after the person who leads it: "the Clinton campaign".
OWNED_ORGANISATIONS = {"campaign": "organisation", "camp": "organisation", "team": "organisation", "administration": "government"}
OUTLET_NOUNS = frozenset("newspaper paper network journal magazine outlet publication channel station broadcaster tabloid daily".split())
PLACE_NOUNS = frozenset({"city", "state", "country", "nation", "town", "county"})


def organisation_containing(entities: EntityIndex, tokens: list[Token], start: int, word: str) -> Entity | None:
    """"the appeals court": the organisation named before ``start`` whose name has the head
    ``word`` and most of the description's words (the Court of Appeals)."""
    described = {head_word(t) for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    containing = [
        (len(described & {w.rstrip("s") for w in name_words(e.name)} | described & set(name_words(e.name))), m.start, e)
        for e, m in entities.mentions()
        if m.end <= start and e.type in ("organisation", "outlet") and word in name_words(e.name)
    ]
    return max(containing, key=lambda c: (c[0], c[1]))[2] if containing else None


def owner_named_before(doc: Doc, entities: EntityIndex, earlier: Iterable[str], offset: int, word: str) -> str | None:
    """"The campaign" after "the Trump campaign" or "Trump's campaign": that person's.

    ``earlier`` are the names given to the sources resolved before ``offset``, latest first.
    """
    for name in earlier:
        if name.endswith(f" {word}"):
            return name[: -len(word) - 1]
    for entity, mention in reversed(entities.mentions()):
        if mention.end > offset or entity.type != "person":
            continue
        after = tokens_in(doc, mention.end, min(len(doc_text(doc)), mention.end + 20))
        after = [t for t in after if t.text not in ("'s", "’s", "'", "’")]
        if after and head_word(after[0]) == word:
            return entity.name
    return None


def organisation_by_short_name(entities: EntityIndex, name: str) -> Entity | None:
    """"CNS" for "Christian News Service", "Peabody" for "Peabody Energy", NER having missed the short form."""
    letters = acronym(name)
    words = name_words(name)
    for entity in entities.entities:
        if entity.type not in ("organisation", "outlet"):
            continue
        for form in [entity.name, *entity.forms]:
            full = name_words(form)
            if len(full) < 2:
                continue
            if letters is not None and spells(letters, form):
                return entity
            if len(words) == 1 and words[0] == full[0] and name[:1].isupper():
                return entity
    return None
