"""What the article says as it names each entity: the mention at each token, the title words
around it ("French President Emmanuel Macron"), and the gender those and the name give."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Entity, Span
from .entities import EntityIndex
from .gender import entity_gender
from .spans import doc_text, tokens_in
from .titles import title_set, title_words


def phrase_root(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it (or is itself): the phrase's head.

    When a bad parse leaves several, the head is the last noun among them, as English puts it
    last: "wife" in "His ex-wife", "doctor" in "the candidate's former doctor" hung apart. A
    phrase parsed as a clause ("The Romanian hacker whose cyber-mischief first revealed …", the
    verb its root) is headed by the verb's first subject.
    """
    roots = [t for t in tokens if t.head.i < tokens[0].i or t.head.i > tokens[-1].i or t.head == t]
    nouns = [t for t in roots if t.pos_ in ("NOUN", "PROPN") and not is_possessor(t) and t.text.isalpha()]
    if len(roots) > 1 and nouns:
        return nouns[-1]
    root = roots[0] if roots else tokens[-1]
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and tokens[0].i <= c.i < root.i and c.pos_ in ("NOUN", "PROPN")), None)
    return subject if root.pos_ in ("VERB", "AUX") and subject is not None else root


def is_possessor(token: Token) -> bool:
    """A word marked with a possessive 's: "candidate" in "the candidate's doctor"."""
    return token.dep_ == "poss" or any(c.dep_ == "case" for c in token.children)


class Introductions:
    """Each entity's mentions by head token, its titles and its gender, for one article."""

    def __init__(self, doc: Doc, entities: EntityIndex) -> None:
        self.mention_at: dict[int, tuple[Entity, Span]] = {}
        self._titles: dict[int, set[str]] = {}
        # As written, for gender: the reduced form of "chair" or "spokesperson" is a man's word.
        raw_titles: dict[int, set[str]] = {}
        for entity, mention in entities.mentions():
            tokens = tokens_in(doc, mention.start, mention.end)
            if not tokens:
                continue
            root = phrase_root(tokens)
            self.mention_at.setdefault(root.i, (entity, mention))
            words = title_words(doc, tokens, root)
            self._titles.setdefault(id(entity), set()).update(title_set(words))
            raw_titles.setdefault(id(entity), set()).update(words)
        text = doc_text(doc)
        self._gender = {
            id(entity): entity_gender(text, entity, raw_titles.get(id(entity), set()))
            for entity in entities.entities
            if entity.type == "person"
        }
        self._pronoun_genders: dict[int, list[str]] = {}  # genders of the pronouns resolved to each person

    def titles(self, entity: Entity | None) -> set[str]:
        """The reduced title words the article introduced ``entity`` with."""
        return self._titles.get(id(entity), set())

    def gender(self, entity: Entity) -> str | None:
        """The gender a person's name or titles give."""
        return self._gender.get(id(entity))

    def known_gender(self, entity: Entity) -> str | None:
        """From the name or title, else from the pronouns already resolved to this person."""
        known = self._gender.get(id(entity))
        if known is not None:
            return known
        seen = self._pronoun_genders.get(id(entity), [])
        for gender in ("m", "f"):
            if seen.count(gender) >= 2 and len(set(seen)) == 1:
                return gender
        return None

    def learn_pronoun(self, entity: Entity, gender: str) -> None:
        """Remember a pronoun of this gender resolved to ``entity`` with a clear margin."""
        self._pronoun_genders.setdefault(id(entity), []).append(gender)
