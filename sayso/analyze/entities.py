"""Named entities of one article, with the surface forms that refer to each.

spaCy's NER gives mentions; here they become entities: a surname joins the full name it
shortens ("Macron" → "Emmanuel Macron"), an acronym given in brackets joins the name it
abbreviates ("Syrian Observatory … (SOHR)"), and a leading "the" or a possessive is not part
of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import Entity, Span
from .lexicon import OUTLET_WORDS
from .spans import doc_text

_KEPT_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group", "LOC": "place", "FAC": "place"}
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(['’]s|['’])$")


def clean_name(text: str) -> str:
    """A name as it would head an index entry: no article in front, no possessive behind."""
    return _TRAILING.sub("", _LEADING.sub("", text.strip())).strip()


def is_outlet_name(name: str) -> bool:
    return any(word.lower() in OUTLET_WORDS for word in re.findall(r"[A-Za-z]+", name))


@dataclass
class EntityIndex:
    """The article's entities and a way back from a mention's offsets to its entity."""

    entities: list[Entity] = field(default_factory=list)
    _labels: dict[int, str] = field(default_factory=dict)  # mention start offset → NER label

    def at(self, start: int, end: int) -> list[tuple[Entity, Span, str]]:
        """Entities mentioned inside [start, end), in text order, with their mention and NER label."""
        found = []
        for entity in self.entities:
            for mention in entity.mentions:
                if start <= mention.start and mention.end <= end:
                    found.append((entity, mention, self._labels[mention.start]))
        return sorted(found, key=lambda item: item[1].start)

    def before(self, offset: int, label: str) -> list[tuple[Entity, Span]]:
        """Mentions of entities with NER ``label`` that end before ``offset``, nearest last."""
        found = [
            (entity, mention)
            for entity in self.entities
            for mention in entity.mentions
            if mention.end <= offset and self._labels[mention.start] == label
        ]
        return sorted(found, key=lambda item: item[1].start)


def _mention(ent: SpacySpan) -> Span | None:
    text = doc_text(ent.doc)
    start, end = ent.start_char, ent.end_char
    raw = text[start:end]
    lead = _LEADING.match(raw)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end -= len(trail.group(0))
    if end <= start:
        return None
    return Span(text[start:end], start, end)


def find_entities(doc: Doc) -> EntityIndex:
    index = EntityIndex()
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in _KEPT_LABELS or (ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound")):
            continue  # "French" in "French President" describes, it does not name
        mention = _mention(ent)
        if mention is None:
            continue
        etype = _KEPT_LABELS[ent.label_]
        if etype == "organisation" and is_outlet_name(mention.text):
            etype = "outlet"
        name = mention.text
        entity = by_key.get((name.casefold(), etype))
        if entity is None and " " not in name:
            # A lone surname is the person introduced earlier, whatever label NER gave it.
            entity = next(
                (e for e in index.entities if e.type == "person" and " " in e.name and e.name.split()[-1].casefold() == name.casefold()),
                None,
            )
        if entity is None and name.isupper() and len(name) > 1:
            entity = _expanded_by_acronym(doc_text(doc), mention, index.entities)
        if entity is None:
            entity = Entity(name=name, type=etype)
            index.entities.append(entity)
            by_key[(name.casefold(), etype)] = entity
        entity.mentions.append(mention)
        index._labels[mention.start] = ent.label_
    return index


def _expanded_by_acronym(text: str, mention: Span, entities: list[Entity]) -> Entity | None:
    """"… Human Rights (SOHR)": an acronym in brackets right after a name belongs to it."""
    if text[mention.start - 1 : mention.start] != "(":
        return None
    for entity in reversed(entities):
        last = entity.mentions[-1]
        if 0 <= mention.start - last.end <= 3 and entity.type not in ("person", "place"):
            return entity
    return None
