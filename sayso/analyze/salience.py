"""Mention salience, in the manner of the classic salience-based pronoun resolvers.

Everything the resolver has read — people, organisations, places, plural noun phrases — keeps
a score: a mention counts for more as the subject of its clause (or the doer of a passive one),
more again as the subject of a verb of saying (half as much when that verb is itself inside what
someone else says), less as a modifier, less again inside a quotation when the pronoun is outside
it, and its weight halves with every sentence read since (sentences wholly inside a quotation do
not count).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Entity
from .lexicon import SPEECH_VERBS
from .quotes import find_quotes
from .spans import doc_text, tokens_in
from .titles import phrase_head

# How much a mention counts, and how fast that fades (per sentence).
_DECAY = 0.5
_WINDOW = 12  # sentences
_SUBJECT = 1.5
_SPEAKER = 2.0
_MODIFIER = 0.5
_QUOTED = 0.3  # a mention inside a quotation, for a pronoun outside it
_LOCATIVE_SPEAKER = ("according",)

# How well a remembered key (an Entity, or a token index for an unnamed noun phrase) fits; 0 rules it out.
Fit = Callable[[object], float]


@dataclass
class _Record:
    """One mention, as salience counts it."""

    key: object  # an Entity, or a token index for an unnamed noun phrase
    token: int
    sentence: int
    weight: float


@dataclass
class Candidate:
    """An antecedent in view, with its summed salience."""

    entity: Entity | None
    token: int  # for unnamed phrases: the phrase's head
    score: float = 0.0
    speaker: bool = False
    spoke: int = -1  # the last sentence it was a speaker in, outside quotations when the pronoun is
    clear: bool = False  # far ahead of the next candidate: safe to learn the person's gender from


def is_speaker_token(token: Token) -> bool:
    """The subject of a verb of saying, the agent of a passive one, or "according to" it."""
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in SPEECH_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in SPEECH_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in _LOCATIVE_SPEAKER:
        return True
    return False


def _embedded(token: Token) -> bool:
    """A speaker inside what another speaker says: "Earnest said that Obama has called for …"."""
    verb = token.head
    while verb.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return True
    return False


def _passive_agent(token: Token) -> bool:
    """"The account was set up by Lena Ward": the doer of a passive clause, its subject in all but
    form (not of a bare participle aside: "The mayor, goaded by her rival, …")."""
    if token.dep_ != "pobj" or token.head.dep_ != "agent":
        return False
    return any(c.dep_ == "auxpass" for c in token.head.head.children)


def is_verbless_root(token: Token) -> bool:
    """A noun the parse made the root of a sentence whose verb it hung below it: the subject in
    all but form ("Rep. Ann Lund, chair of the panel, didn't second-guess the plan, but she did
    …", "second-guess" read as a noun)."""
    return token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN") and any(c.pos_ in ("VERB", "AUX") for c in token.children)


def _weight(token: Token) -> float:
    token = phrase_head(token)
    weight = 1.0
    if token.dep_ in ("nsubj", "nsubjpass") or _passive_agent(token) or is_verbless_root(token):
        weight += _SUBJECT
    if is_speaker_token(token):
        weight += _SPEAKER / 2 if _embedded(token) else _SPEAKER
    if token.dep_ in ("poss", "compound", "amod"):
        weight *= _MODIFIER
    return weight


class Salience:
    """The mentions read so far in one article, and which of them are most in view at a point."""

    def __init__(self, doc: Doc) -> None:
        self.quoted = [False] * len(doc)
        for quote in find_quotes(doc_text(doc)):
            for token in tokens_in(doc, quote.start, quote.end):
                self.quoted[token.i] = True
        # Sentences wholly inside a quotation do not count as distance: the speaker named just
        # before a long quote is still in view when "she said" closes it.
        self.sentence = [0] * len(doc)
        number = -1
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_punct and not t.is_space]
            if number < 0 or not words or not all(self.quoted[t.i] for t in words):
                number += 1
            for token in sentence:
                self.sentence[token.i] = number
        self._records: list[_Record] = []

    def add(self, key: object, token: Token) -> None:
        """Count a mention of ``key`` at ``token``, weighted by the token's role."""
        self._records.append(_Record(key, token.i, self.sentence[token.i], _weight(token)))

    def entity_at(self, token: int) -> Entity | None:
        """The entity last counted at this token, if any."""
        return next((r.key for r in reversed(self._records) if r.token == token and isinstance(r.key, Entity)), None)

    def ranked(self, at: int, accept: Fit) -> list[Candidate]:
        """Candidates ``accept`` lets through, most salient first, from what was read before ``at``."""
        here = self.sentence[at] if at < len(self.sentence) else self.sentence[-1]
        scores: dict[object, Candidate] = {}
        quoted = at < len(self.quoted) and self.quoted[at]
        for record in self._records:
            if record.token >= at or here - record.sentence > _WINDOW:
                continue
            factor = accept(record.key)
            if not factor:
                continue
            if self.quoted[record.token] and not quoted:
                factor *= _QUOTED
            key = id(record.key) if isinstance(record.key, Entity) else ("phrase", record.key)
            candidate = scores.get(key)
            if candidate is None:
                entity = record.key if isinstance(record.key, Entity) else None
                candidate = scores[key] = Candidate(entity, record.token)
            candidate.token = max(candidate.token, record.token)
            candidate.score += factor * record.weight * _DECAY ** (here - record.sentence)
            if record.weight >= 1 + _SPEAKER:
                candidate.speaker = True
                if quoted or not self.quoted[record.token]:
                    candidate.spoke = max(candidate.spoke, record.sentence)
        return sorted(scores.values(), key=lambda c: (c.score, c.token), reverse=True)
