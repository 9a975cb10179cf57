"""Pronoun resolution: the antecedent a "he", "it" or "they" stands for.

"he"/"she" (and his, her) is the most salient person whose gender does not contradict the
pronoun — gender from Mr./Ms., a gendered title, a known first name, else from the pronouns
already resolved to that person with a clear margin; the subject of the pronoun's own clause
counts double ("If the president does follow through on his threat"), and the last sentence's
subject half as much again for a "he" or "she" subject of the next (the topic goes on), three
times when that sentence introduced them ("Senator Bernie Sanders questioned Mr. Trump's
veracity. He called him …"); a
name inside what the pronoun's subject says is someone else ("He said Obama hopes …", "People
like Scott, he said"), even the subject of a clause inside the quotation it closes ("'… Obama
would never,' he wrote").
"it" is the most salient organisation or outlet (a place counting less), or a thing the article
made the subject of a sentence ("the report"); "they" the most salient plural phrase
("officials", "environmentalists") or organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Entity
from .gender import pronoun_gender
from .introductions import Introductions
from .salience import Candidate, Fit, Salience, is_speaker_token, is_verbless_root
from .titles import phrase_head

_UNKNOWN_GENDER = 0.7
_LOCAL_SUBJECT = 2.0  # the subject of the clause a pronoun stands in
_PARALLEL_SUBJECT = 1.5  # the last sentence's subject, for a pronoun that is the subject of the next one
_NEW_SUBJECT = 3.0  # the same, when that sentence introduced them: the article turns to them
_CONTINUING_SPEAKER = 3.0  # "she said" closing a quotation, for whoever spoke in this sentence or the last
_CLEAR_MARGIN = 3.0
_PLACE_FOR_IT = 0.5
_ADJUNCTS = frozenset({"prep", "npadvmod", "advmod", "aux", "auxpass", "punct", "cc", "mark", "det", "neg", "advcl"})


def person_for_pronoun(doc: Doc, salience: Salience, introductions: Introductions, token: Token) -> Candidate | None:
    """The person a he/she/his/her stands for, most salient first; None when no one fits."""
    gender = pronoun_gender(token.lower_)

    def accept(key: object) -> float:
        if not isinstance(key, Entity) or key.type != "person":
            return 0.0
        known = introductions.known_gender(key)
        if known is None:
            return _UNKNOWN_GENDER
        return 1.0 if gender is None or known == gender else 0.0

    fronted = _fronted_before_subject(introductions, token, accept)
    if fronted is not None:
        return fronted
    later = _named_below(introductions, token, salience.quoted)
    ranked = [c for c in salience.ranked(token.i, accept) if not _same_clause_object(doc, token, c) and id(c.entity) not in later]
    local = _local_subject(salience, token, accept)
    previous = _previous_subject(salience, token)
    for candidate in ranked:
        if local is not None and candidate.entity is local:
            candidate.score *= _LOCAL_SUBJECT
        if previous is not None and candidate.entity is previous:
            candidate.score *= _NEW_SUBJECT if _introduced_in_last_sentence(previous, token) else _PARALLEL_SUBJECT
    ranked = continuing_speakers_first(salience, token, ranked)
    if ranked:
        ranked[0].clear = len(ranked) == 1 or ranked[0].score >= _CLEAR_MARGIN * ranked[1].score
        return ranked[0]
    return _cataphora(salience, introductions, token, accept)


def continuing_speakers_first(salience: Salience, pronoun: Token, ranked: list[Candidate]) -> list[Candidate]:
    """``ranked`` again, most salient first, with whoever spoke in this sentence or the last
    counting three times when the pronoun is the one saying, outside any quotation ("…," she
    said; "…, the police said. Six were still in hospital, they added"): the main verb of
    saying, not "after he asked" inside another's sentence."""
    if is_speaker_token(pronoun) and pronoun.head.dep_ == "ROOT" and not salience.quoted[pronoun.i]:
        here = salience.sentence[pronoun.i]
        for candidate in ranked:
            if candidate.spoke >= here - 1:
                candidate.score *= _CONTINUING_SPEAKER
    return sorted(ranked, key=lambda c: (c.score, c.token), reverse=True)


def thing_fit(doc: Doc) -> Fit:
    """What "it" may stand for: an organisation or outlet, less a place, or a singular noun phrase."""

    def accept(key: object) -> float:
        if isinstance(key, Entity):
            return 1.0 if key.type in ("organisation", "outlet") else _PLACE_FOR_IT if key.type == "place" else 0.0
        noun = doc[key]  # type: ignore[index]
        return 0.8 if noun.tag_ == "NN" else 0.0

    return accept


# Singular nouns that take "they": always ("the police … they added"), or as a body often does
# ("the council said … they would appeal").
_PLURAL_IN_SENSE = {"police": 1.0, "staff": 1.0, "crew": 0.6, "family": 0.6, "government": 0.6, "council": 0.6,
                    "committee": 0.6, "board": 0.6, "club": 0.6, "company": 0.6, "union": 0.6}


def plural_fit(doc: Doc) -> Fit:
    """What "they" may stand for: a group, less an organisation or outlet, or a plural noun phrase
    (or a noun plural in sense: "the police")."""

    def accept(key: object) -> float:
        if isinstance(key, Entity):
            if key.type == "group":
                return 1.0
            return 0.6 if key.type in ("organisation", "outlet") else 0.0
        noun = doc[key]  # type: ignore[index]
        return 1.0 if noun.tag_ in ("NNS", "NNPS") else _PLURAL_IN_SENSE.get(noun.lower_, 0.0)

    return accept


def _named_below(introductions: Introductions, pronoun: Token, quoted: list[bool]) -> set[int]:
    """"He said Obama hopes …", "People like Scott, he said", "'… #Tellthem,' he wrote": a name in
    what the pronoun's subject says or does is someone else, one inside the quotation too however
    the parse hung it."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    named = introductions.mention_at
    verb = pronoun.head
    below = [t for t in verb.subtree if t.i > pronoun.i and t.i in named]
    for child in verb.children:
        if child.i < pronoun.i and child.dep_ not in _ADJUNCTS:
            # What was said, put first; but not the subject of a clause of its own
            # ("McCaskill scolded him: '…,' she said").
            below.extend(t for t in child.subtree if t.i in named and (quoted[t.i] or phrase_head(t).dep_ not in ("nsubj", "nsubjpass")))
    return {id(named[t.i][0]) for t in below}


def _local_subject(salience: Salience, pronoun: Token, accept: Fit) -> Entity | None:
    """The subject of the nearest clause above the pronoun, named before it: "the president" in
    "If the president does follow through on his veto threat"; past a subject the pronoun cannot
    stand for ("Dahl said that Lindmark would win even though he …": the place is no "he")."""
    current = pronoun
    for _ in range(8):
        if current.head.i == current.i:
            return salience.entity_at(current.i) if is_verbless_root(current) and current.i < pronoun.i else None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i and c.i != pronoun.i), None)
        if subject is None:
            continue
        found = salience.entity_at(subject.i)
        if found is None or accept(found):
            return found
    return None


def _previous_subject(salience: Salience, pronoun: Token) -> Entity | None:
    """The subject of the last sentence's main verb, for a pronoun that is the subject of the
    next one's: "Dan Marrow, a former engineer, later ran for the council. He lost …" goes on
    with Marrow rather than the man the article is about."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ROOT":
        return None
    start = pronoun.sent.start
    if start == 0:
        return None
    root = pronoun.doc[start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return salience.entity_at(subject.i) if subject is not None else None


def _introduced_in_last_sentence(person: Entity, pronoun: Token) -> bool:
    """Whether the sentence before the pronoun's names ``person`` first: "Senator Bernie Sanders
    questioned Mr. Trump's veracity. He called him …" turns to Sanders, however much Trump was
    talked about before."""
    last = pronoun.doc[pronoun.sent.start - 1].sent
    return bool(person.mentions) and last.start_char <= person.mentions[0].start < last.end_char


def _same_clause_object(doc: Doc, pronoun: Token, candidate: Candidate) -> bool:
    """"Trump praised him": an object pronoun is not the subject of its own verb."""
    if pronoun.dep_ not in ("dobj", "iobj", "pobj"):
        return False
    subject = doc[candidate.token]
    return subject.dep_ == "nsubj" and subject.head.i == pronoun.head.i


def _fronted_before_subject(introductions: Introductions, token: Token, accept: Fit) -> Candidate | None:
    """"In his assessment of the magnate, Calderon intimated …", "Growing sharper as he spoke, Mr.
    Trump continued": a pronoun in a phrase set before the main clause stands for that clause's
    subject when a fitting name is that subject."""
    node = token
    while node.head.i != node.i and node.head.dep_ != "ROOT":
        node = node.head  # up to the phrase the main verb holds it in
    verb = node.head
    if node.dep_ not in ("prep", "advcl", "npadvmod") or verb.dep_ != "ROOT" or node.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < node.i or subject.i <= token.i:
        return None
    found = introductions.mention_at.get(subject.i)
    return Candidate(found[0], subject.i) if found is not None and accept(found[0]) else None


def _cataphora(salience: Salience, introductions: Introductions, token: Token, accept: Fit) -> Candidate | None:
    """A pronoun before any name (a headline's "His refusal"): the first fitting name after it."""
    here = salience.sentence[token.i]
    for i in range(token.i + 1, len(salience.sentence)):
        if salience.sentence[i] > here + 1:
            break
        found = introductions.mention_at.get(i)
        if found is not None and accept(found[0]):
            return Candidate(found[0], i)
    return None
