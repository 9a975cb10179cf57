"""Say who each speaker is: a name from the article and a type.

A first resolver on the parse and NER, in reading order: a named speaker is its entity's
fullest name; "the French President" is the person earlier introduced with those title words;
"he"/"she" is the latest person who spoke, "it" the latest organisation, outlet or
government that spoke or relayed; unnamed sources ("officials", "several world leaders and
reports") are typed vague and left unnamed rather than forced onto an entity.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Speaker, Span, SpeakerType
from .entities import EntityIndex, clean_name, is_outlet_name
from .spans import tokens_in
from .lexicon import (
    GOVERNMENT_HEADS,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_HEADS,
    THING_PRONOUNS,
    VAGUE_HEADS,
)

_NER_TYPES: dict[str, SpeakerType] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "government",
    "NORP": "organisation",
}


@dataclass
class Said:
    """One resolved source mention, remembered so later pronouns and titles can point back."""

    start: int
    name: str | None
    type: SpeakerType


def _head(doc: Doc, span: Span) -> Token | None:
    tokens = tokens_in(doc, span.start, span.end)
    if not tokens:
        return None
    return next((t for t in tokens if t.head.i < tokens[0].i or t.head.i > tokens[-1].i or t.head == t), tokens[-1])


def _head_word(token: Token) -> str:
    """The lemma, also for plural proper nouns the lemmatizer leaves alone ("Ministers")."""
    word = token.lemma_.lower()
    if word.endswith("s") and word[:-1] in ROLE_HEADS | GOVERNMENT_HEADS | VAGUE_HEADS | ORGANISATION_HEADS:
        return word[:-1]
    return word


def _title_words(doc: Doc, mention: Span) -> set[str]:
    """Words standing before a person's name in its phrase: "French President" in "French President Emmanuel Macron"."""
    tokens = tokens_in(doc, mention.start, mention.end)
    if not tokens:
        return set()
    words = set()
    i = tokens[0].i - 1
    while i >= 0 and doc[i].pos_ in ("PROPN", "ADJ", "NOUN") and doc[i].dep_ in ("compound", "amod", "nmod"):
        words.add(doc[i].lower_)
        i -= 1
    return words


class SpeakerResolver:
    """Resolves speakers in reading order; holds the history only for one article."""

    def __init__(self, doc: Doc, entities: EntityIndex, reporters: set[str]) -> None:
        self.doc = doc
        self.entities = entities
        self.reporters = {r.casefold() for r in reporters}
        self.history: list[Said] = []

    def remember(self, start: int, name: str | None, type_: SpeakerType) -> None:
        self.history.append(Said(start, name, type_))

    def _latest(self, before: int, types: set[str]) -> Said | None:
        candidates = [s for s in self.history if s.start < before and s.type in types and s.name]
        return max(candidates, key=lambda s: s.start) if candidates else None

    def _entity_type(self, name: str, label: str) -> SpeakerType:
        if label == "ORG" and (is_outlet_name(name) or name.casefold() in self.reporters):
            return "outlet"
        return _NER_TYPES.get(label, "organisation")

    def _named_in_role(self, span: Span) -> str | None:
        """A person's name ending a role phrase NER missed: "President of … Arayik Harutyunyan"."""
        tokens = tokens_in(self.doc, span.start, span.end)
        last = tokens[-1] if tokens else None
        if last is None or last.pos_ != "PROPN" or _head_word(last) in ROLE_HEADS:
            return None
        run = [last]
        while run[0].i > tokens[0].i:
            left = self.doc[run[0].i - 1]
            if left.pos_ != "PROPN" or left.dep_ != "compound" or left.head not in run or _head_word(left) in ROLE_HEADS:
                break
            run.insert(0, left)
        return " ".join(t.text for t in run) if len(run) > 1 else None

    def _by_title(self, span: Span) -> str | None:
        words = {t.lower_ for t in tokens_in(self.doc, span.start, span.end) if t.pos_ not in ("DET", "PRON")}
        if not words:
            return None
        for entity, mention in reversed(self.entities.before(span.start, "PERSON")):
            if words <= _title_words(self.doc, mention) | {w.lower() for w in mention.text.split()}:
                return entity.name
        return None

    def resolve(self, token: Token | None, span: Span | None) -> Speaker | None:
        if span is None:
            return None
        word = token.lower_ if token is not None else span.text.lower()
        if word in PERSON_PRONOUNS:
            said = self._latest(span.start, {"person"})
            if said is None:
                found = self.entities.before(span.start, "PERSON")
                name = found[-1][0].name if found else None
                return Speaker(span.text, span.start, span.end, name, "person")
            return Speaker(span.text, span.start, span.end, said.name, "person")
        if word in THING_PRONOUNS | PLURAL_PRONOUNS:
            types = {"organisation", "outlet", "government"} | ({"vague"} if word in PLURAL_PRONOUNS else set())
            said = self._latest(span.start, types)
            if said is not None:
                return Speaker(span.text, span.start, span.end, said.name, said.type)
            return Speaker(span.text, span.start, span.end, None, "unknown")

        head = _head(self.doc, span)
        named = self.entities.at(span.start, span.end)
        people = [(e, m) for e, m, _ in named if e.type == "person"]
        if people:
            return Speaker(span.text, span.start, span.end, people[-1][0].name, "person")
        head_lemma = _head_word(head) if head is not None else ""
        plural = head is not None and head.tag_ in ("NNS", "NNPS")
        if head_lemma in ROLE_HEADS and plural and not named:
            owned = any(c.dep_ == "poss" or c.lower_ == "the" for c in head.children)
            return Speaker(span.text, span.start, span.end, None, "government" if owned else "vague")
        if head_lemma in ROLE_HEADS:
            name = self._named_in_role(span) or self._by_title(span)
            indefinite = any(c.lower_ in ("a", "an", "one", "some", "another") for c in head.children)
            if name is None and (indefinite or head_lemma in VAGUE_HEADS):
                return Speaker(span.text, span.start, span.end, None, "vague")
            return Speaker(span.text, span.start, span.end, name, "person")
        if named:
            entity, mention, label = named[0]
            if head is None or mention.start <= head.idx < mention.end or len(named) == 1 and head_lemma not in VAGUE_HEADS:
                return Speaker(span.text, span.start, span.end, entity.name, self._entity_type(entity.name, label))
        if head_lemma in ORGANISATION_HEADS:
            return Speaker(span.text, span.start, span.end, None, "organisation")
        if head_lemma in GOVERNMENT_HEADS:
            return Speaker(span.text, span.start, span.end, None, "government")
        if head_lemma in VAGUE_HEADS or (plural and head is not None and head.pos_ == "NOUN"):
            return Speaker(span.text, span.start, span.end, None, "vague")
        if head is not None and head.pos_ == "PROPN":
            name = clean_name(span.text)
            return Speaker(span.text, span.start, span.end, name, "outlet" if is_outlet_name(name) or name.casefold() in self.reporters else "organisation")
        return Speaker(span.text, span.start, span.end, None, "unknown")
