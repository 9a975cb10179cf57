"""Whom a person speaks for: the body the article names them as holding a post in.

"Erland Moss, chief executive of Tessholm Sound Ferries", "Hollin Logistics spokeswoman Lena
Orme", "Superintendent Arvid Kolst of Velland Police", "the trust's medical director, Dr Maren
Vennick", "Hadrian Lusk, a consultant surgeon who chairs the Ostmere Medical Association": a
claim of theirs and a claim of the body are one voice, not two independent sources. Read from
the parse around a person's mentions: the role words before the name, an apposition, "of"/"at"
after it, or a clause saying they chair, head or lead the body. A former post is no voice
("the former Veltmark supervisor Erik Vannes"), nor is a mere customer or resident: the role
must be a post (``POSTS``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Entity
from .entities import EntityIndex
from .lexicon import ROLE_HEADS
from .name_forms import name_words
from .organisation_descriptions import organisation_containing
from .titles import head_word

# Nouns that name a post in a body: its head, its voice, or one of its professional staff.
POSTS = ROLE_HEADS | frozenset(
    """
    executive manager officer engineer consultant surgeon doctor secretary superintendent
    inspector organiser organizer coordinator head editor spokesperson treasurer deputy
    """.split()
)
_BODIES = ("organisation", "government", "outlet")
_LEADING_VERBS = frozenset({"chair", "head", "lead", "run", "direct", "represent", "speak", "manage", "command"})
_FORMER = frozenset({"former", "ex", "retired", "onetime", "erstwhile", "then"})
_ACADEMIC = frozenset({"university", "institute", "college", "academy", "school"})


def attach_affiliations(doc: Doc, entities: EntityIndex) -> None:
    """Set ``speaks_for`` on each person the article names as holding a post in a body."""
    for person in (e for e in entities.entities if e.type == "person"):
        for mention in person.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            body = _body_of(entities, span.root, {t.i for t in span}) if span is not None and len(span) else None
            if body is not None and body is not person:
                person.speaks_for = body.name
                break


def _body_of(entities: EntityIndex, name: Token, own: set[int]) -> Entity | None:
    """The body the role phrases around a name's last word give it, if any: each phrase is its
    role noun (which must be a post) and the words that hang from it."""
    titles = [t for t in name.lefts if t.i not in own and t.dep_ in ("compound", "amod", "nmod")]
    roles = [(t, [u for c in titles for u in c.subtree]) for t in titles]
    roles += [(c, list(c.subtree)) for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        roles.append((name.head, [t for t in name.head.subtree if t.i not in {u.i for u in name.subtree}]))
    for role, phrase in roles:
        if _post(role, phrase):
            body = _body_in_role(entities, phrase)
            if body is not None:
                return body
    titled = any(_post(t, titles) for t in titles)
    for child in name.children:
        if titled and child.dep_ == "prep" and child.lower_ in ("of", "at", "for"):
            body = _named_body(entities, list(child.subtree))  # "Superintendent Arvid Kolst of Velland Police"
            if body is not None:
                return body
        if child.dep_ == "relcl" and child.lemma_.lower() in _LEADING_VERBS:
            body = _named_body(entities, list(child.subtree))  # "who chairs the Ostmere Medical Association"
            if body is not None:
                return body
    return None


def _post(role: Token, phrase: list[Token]) -> bool:
    """Whether a role noun names a post someone holds now ("chief executive", not "former supervisor")."""
    return head_word(role) in POSTS and not any(t.lower_.strip("-") in _FORMER for t in phrase if t.i <= role.i)


def _body_in_role(entities: EntityIndex, phrase: list[Token]) -> Entity | None:
    """The body a role phrase names: "chief executive of Coastal Rail", "Hollin Logistics
    spokeswoman", or by a word of its name before ("the trust's medical director", "union
    general secretary")."""
    named = _named_body(entities, phrase)
    if named is not None:
        return named
    for token in phrase:
        common = token.text[:1].islower() or token.is_sent_start  # a word, not part of a name ("Velland")
        if common and token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("poss", "compound", "nmod") and head_word(token) not in POSTS:
            found = organisation_containing(entities, [token], token.idx, head_word(token))
            if found is not None and not _academic(found):
                return found
    return None


def _academic(body: Entity) -> bool:
    """A university or institute: its staff speak as experts, not for it."""
    return bool(set(name_words(body.name)) & _ACADEMIC)


def _named_body(entities: EntityIndex, tokens: list[Token]) -> Entity | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    found = (e for e, m, _ in entities.at(start, end) if e.type in _BODIES and not _academic(e) and not _portfolio(tokens, m.end))
    return next(found, None)


def _portfolio(tokens: list[Token], end: int) -> bool:
    """"Interior" in "Interior Minister": a minister's portfolio, not a body of its own."""
    after = next((t for t in tokens if t.idx > end), None)
    return after is not None and after.lower_ in ("minister", "ministers") and after.idx - end <= 1
