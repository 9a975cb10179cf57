"""Say who each speaker is: a name from the article and a type.

Resolution reads the article in order and keeps a salience score for everything it has
mentioned — people, organisations, places, plural noun phrases — in the manner of the classic
salience-based pronoun resolvers: a mention counts for more as the subject of its clause, more
again as the subject of a verb of saying (half as much when that verb is itself inside what
someone else says), less as a modifier, less again inside a quotation when the pronoun is
outside it, and its weight halves with every sentence read since (sentences wholly inside a
quotation do not count). Then:

- **Pronouns.** "he"/"she" (and his, her) is the most salient person whose gender does not
  contradict the pronoun — gender from Mr./Ms., a gendered title ("spokeswoman", "widow"), a
  known first name, else from the pronouns already resolved to that person with a clear
  margin; the subject of the pronoun's own clause counts double ("If the president does
  follow through on his threat"); a name inside what the pronoun's subject says is someone
  else ("He said Obama hopes …", "People like Scott, he said"). "it" is the most salient
  organisation or outlet (a place counting less), or a thing the article made the subject of a
  sentence ("the report"), which has no name; "they" the most salient plural phrase
  ("officials", "environmentalists": vague) or organisation.
- **Titles and roles.** "the French President" is the person earlier introduced with those words
  ("French President Emmanuel Macron"; "Sen. Lindsey Graham" for "the senator"); of several, the
  one sharing most words. "vice president" is not "president", a Republican title never a
  Democrat, and a person introduced with another office is not the one described (unless the
  description says "former"). A description no title fits ("the New York businessman", "the
  34-year-old mother of three") is the most salient person in view — one who spoke, or much
  talked about just before. In a headline or lead ("Judge blocks …") it may be the person the
  article introduces just after. "his lawyer", "her spokesman" name someone else than the
  possessor: only a title match names them.
- **Organisation descriptions.** "the commission", "the appeals court" are the organisation
  whose name has most of those words; "the bank", "the union" the most salient organisation;
  "the Clinton campaign", "her campaign", "the Obama administration" the person's campaign or
  administration, named after them; "his company" stays unnamed.
- **Names.** A mention of an entity is the entity's fullest name (see ``entities``); a surname
  or acronym NER missed is matched to the person or organisation it shortens.
- **Vague sources** — indefinite ("a source"), plural without an antecedent ("officials",
  "several world leaders and reports") — are typed vague and left unnamed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Entity, Span, Speaker, SpeakerType
from .acronyms import initials
from .entities import EntityIndex
from .entity_types import ORGANISATION_NAME_ENDINGS, is_government_name, is_outlet_name
from .gender import FEMALE_HONORIFICS, FEMALE_NAMES, FEMALE_PRONOUNS, FEMALE_WORDS, MALE_NAMES, MALE_PRONOUNS, MALE_WORDS
from .lexicon import (
    GOVERNMENT_HEADS,
    ORGANISATION_HEADS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_HEADS,
    SPEECH_VERBS,
    THING_PRONOUNS,
    VAGUE_HEADS,
)
from .name_forms import HONORIFICS, clean_name, name_words
from .quotes import find_quotes
from .spans import doc_text, tokens_in

# Nouns that describe a person without being an office: "the New York businessman".
PERSON_NOUNS = frozenset(
    """
    man woman businessman businesswoman mother father wife husband daughter son brother sister
    widow widower mom dad grandmother grandfather boy girl doctor physician surgeon professor
    nominee candidate billionaire mogul developer lawmaker legislator congressman congresswoman
    author writer economist activist republican democrat veteran mayor actor actress singer
    star host anchor reporter columnist editor moderator narrator student teacher pastor
    minister rabbi priest bishop pope officer detective coach player executive banker investor
    entrepreneur consultant strategist pollster operative aide adviser advisor friend rival
    opponent challenger incumbent frontrunner front-runner contender hopeful newcomer tycoon
    magnate heir heiress founder owner chief justice judge lawyer attorney prosecutor
    """.split()
)
# Abbreviated and equivalent titles, reduced to one word each.
_TITLE_FORMS = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov": "governor",
    "gen": "general", "atty": "attorney", "pres": "president", "sec": "secretary",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chair": "chairman", "advisor": "adviser", "lawmaker": "representative",
    "legislator": "representative", "gop": "republican", "democrat": "democratic",
    "justice": "judge", "dr": "doctor", "physician": "doctor",
}
# Titles that name another office than their last word: "vice president" is not "president".
_TITLE_PREFIXES = frozenset({"vice", "deputy", "assistant", "lieutenant", "lt", "under", "associate", "co", "ex", "first"})
_PARTIES = {"republican": "R", "democratic": "D"}
_ROLE_TITLES = frozenset(ROLE_HEADS | {_TITLE_FORMS.get(r, r) for r in ROLE_HEADS})
# Heads naming an organisation after the person who leads it: "the Clinton campaign".
_OWNED_ORGANISATIONS = {"campaign": "organisation", "camp": "organisation", "team": "organisation", "administration": "government"}
# What someone says or writes: "His promises", "Trump's statement" stand for the possessor.
SAYING_NOUNS = frozenset(
    """
    statement remark comment promise pledge claim word argument tweet post letter message speech
    plan proposal complaint submission book memoir account testimony interview essay column
    filing brief lawsuit suit motion ruling decision order opinion ad advertisement video
    website site announcement response reply answer warning threat vow view position stance
    assessment analysis estimate forecast prediction report study survey poll finding data
    """.split()
)
_OUTLET_NOUNS = frozenset("newspaper paper network journal magazine outlet publication channel station broadcaster tabloid daily".split())
_PLACE_NOUNS = frozenset({"city", "state", "country", "nation", "town", "county"})
_GOVERNMENT_ROLES = frozenset({"minister", "official", "authority", "diplomat", "ambassador", "envoy", "government"})
_ADJUNCTS = frozenset({"prep", "npadvmod", "advmod", "aux", "auxpass", "punct", "cc", "mark", "det", "neg", "advcl"})
_INDEFINITE = frozenset({"a", "an", "one", "some", "another", "any", "several", "many"})
_LOCATIVE_SPEAKER = ("according",)

_NER_TYPES: dict[str, SpeakerType] = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "outlet",
    "place": "government",
    "group": "organisation",
}

# Salience: how much a mention counts, and how fast that fades (per sentence).
_DECAY = 0.5
_WINDOW = 12  # sentences
_SUBJECT = 1.5
_SPEAKER = 2.0
_MODIFIER = 0.5
_UNKNOWN_GENDER = 0.7
_LOCAL_SUBJECT = 2.0
_CLEAR_MARGIN = 3.0
_LEAD_SENTENCES = 3  # a description this early may name someone the article introduces just after  # the subject of the clause a pronoun stands in
_TITLE_MATCH = 3.0
_QUOTED = 0.3  # a mention inside a quotation, for a pronoun outside it
_PLACE_FOR_IT = 0.5
_PERSON_SALIENCE = 1.0  # least salience for "the businessman" to be a person who did not speak
_PLACE_SALIENCE = 0.5  # least salience for "the city" to be the place last in view
_ORGANISATION_SALIENCE = 0.2  # least salience for "the bank" to be the organisation last in view


@dataclass
class Said:
    """One resolved source mention, remembered so later pronouns and titles can point back."""

    start: int
    name: str | None
    type: SpeakerType


@dataclass
class _Record:
    """One mention, as salience counts it."""

    key: object  # an Entity, or a token index for an unnamed noun phrase
    token: int
    sentence: int
    weight: float


@dataclass
class _Candidate:
    entity: Entity | None
    token: int  # for unnamed phrases: the phrase's head
    score: float = 0.0
    speaker: bool = False
    clear: bool = False  # far ahead of the next candidate: safe to learn the person's gender from

def _head(doc: Doc, span: Span) -> Token | None:
    tokens = tokens_in(doc, span.start, span.end)
    if not tokens:
        return None
    return next((t for t in tokens if t.head.i < tokens[0].i or t.head.i > tokens[-1].i or t.head == t), tokens[-1])


def _word(token: Token) -> str:
    """The lemma, also for plural proper nouns the lemmatizer leaves alone ("Ministers")."""
    word = token.lemma_.lower()
    known = ROLE_HEADS | GOVERNMENT_HEADS | VAGUE_HEADS | ORGANISATION_HEADS | PERSON_NOUNS
    if word.endswith("s") and word[:-1] in known:
        return word[:-1]
    return word


def _title(word: str) -> str:
    word = word.lower().strip(".,")
    return _TITLE_FORMS.get(word, word)


def _title_set(words: list[str]) -> set[str]:
    """Title words, each reduced, with "vice president" kept apart from "president"."""
    reduced = [_title(w) for w in words if w]
    titles = set()
    for i, word in enumerate(reduced):
        if word in _TITLE_PREFIXES and i + 1 < len(reduced):
            continue
        if i > 0 and reduced[i - 1] in _TITLE_PREFIXES:
            titles.add(f"{reduced[i - 1]} {word}")
        else:
            titles.add(word)
    return titles


def _parties(words: set[str]) -> set[str]:
    return {_PARTIES[w] for w in words if w in _PARTIES}


def _phrase_head(token: Token) -> Token:
    """The role noun a name hangs from: "President" in "President of the Republic of X Name"."""
    current = token
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "appos", "compound", "nmod") or current.head.i == current.i:
            break
        current = current.head
    if current.i != token.i and current.pos_ in ("NOUN", "PROPN") and _word(current) in ROLE_HEADS | PERSON_NOUNS:
        return current
    return token


def _embedded(token: Token) -> bool:
    """A speaker inside what another speaker says: "Earnest said that Obama has called for …"."""
    verb = token.head
    while verb.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_.lower() in SPEECH_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return True
    return False


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


class SpeakerResolver:
    """Resolves speakers in reading order; holds what it has read only for one article."""

    def __init__(self, doc: Doc, entities: EntityIndex, reporters: set[str]) -> None:
        self.doc = doc
        self.entities = entities
        self.reporters = {r.casefold() for r in reporters}
        self.history: list[Said] = []
        for entity in entities.entities:
            if entity.type == "organisation" and self._relays(entity):
                entity.type = "outlet"  # it relays others' words and is named like no other kind of body
        text = doc_text(doc)
        self._quoted = [False] * len(doc)
        for quote in find_quotes(text):
            for token in tokens_in(doc, quote.start, quote.end):
                self._quoted[token.i] = True
        # Sentences wholly inside a quotation do not count as distance: the speaker named just
        # before a long quote is still in view when "she said" closes it.
        self._sentence = [0] * len(doc)
        number = -1
        for sentence in doc.sents:
            words = [t for t in sentence if not t.is_punct and not t.is_space]
            if number < 0 or not words or not all(self._quoted[t.i] for t in words):
                number += 1
            for token in sentence:
                self._sentence[token.i] = number
        self._mention_at: dict[int, tuple[Entity, Span]] = {}
        self._titles: dict[int, set[str]] = {}
        self._raw_titles: dict[int, set[str]] = {}  # as written: "spokeswoman", not reduced
        self._gender: dict[int, str | None] = {}
        self._pronoun_genders: dict[int, list[str]] = {}  # genders of the pronouns resolved to each person
        for entity, mention in entities.mentions():
            tokens = tokens_in(doc, mention.start, mention.end)
            if not tokens:
                continue
            root = next((t for t in tokens if t.head.i < tokens[0].i or t.head.i > tokens[-1].i or t.head == t), tokens[-1])
            self._mention_at.setdefault(root.i, (entity, mention))
            words = self._title_words(tokens, root)
            self._titles.setdefault(id(entity), set()).update(_title_set(words))
            self._raw_titles.setdefault(id(entity), set()).update(words)
        for entity in entities.entities:
            if entity.type == "person":
                self._gender[id(entity)] = self._entity_gender(entity)
        self._records: list[_Record] = []
        self._pronouns: dict[int, _Candidate | None] = {}
        self._described: dict[int, Entity | None] = {}
        self._read = 0

    def _describes_person(self, token: Token) -> bool:
        """The head of "the senator", "the French President": a definite description of one person."""
        if token.tag_ not in ("NN", "NNP") or token.ent_type_ == "PERSON" or token.i in self._mention_at:
            return False
        if _word(token) not in ROLE_HEADS | PERSON_NOUNS:
            return False
        if any(c.dep_ == "poss" for c in token.children) or token.dep_ in ("compound", "amod"):
            return False
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)

    def _phrase_tokens(self, head: Token) -> list[Token]:
        return [t for t in head.subtree if t.i <= head.i]

    # --- what the article says about each entity -------------------------------------------

    def _title_words(self, tokens: list[Token], root: Token) -> list[str]:
        """Words before a name in its phrase ("French President"), and its appositive's words."""
        doc = self.doc
        words = []
        i = tokens[0].i - 1
        while i >= 0 and doc[i].pos_ in ("PROPN", "ADJ", "NOUN") and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].text[:1] != "(":
            words.insert(0, doc[i].lower_)
            i -= 1
        if i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
            words.insert(0, doc[i].lower_.rstrip("."))
        appositives = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            appositives.append(root.head)
        for noun in appositives:
            words.extend(t.lower_ for t in noun.subtree if t.i <= noun.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_type_ == "PERSON")
        return words

    def _entity_gender(self, entity: Entity) -> str | None:
        text = doc_text(self.doc)
        for mention in entity.mentions:
            before = text[max(0, mention.start - 6) : mention.start].strip().rstrip(".").lower().split()
            if before and before[-1] in HONORIFICS:
                if before[-1] in FEMALE_HONORIFICS:
                    return "f"
                if before[-1] == "mr":
                    return "m"
        titles = self._titles.get(id(entity), set()) | self._raw_titles.get(id(entity), set())
        if titles & FEMALE_WORDS:
            return "f"
        if titles & MALE_WORDS:
            return "m"
        first = name_words(entity.name)[:1]
        if first and first[0] in FEMALE_NAMES:
            return "f"
        if first and first[0] in MALE_NAMES:
            return "m"
        return None

    # --- salience ----------------------------------------------------------------------------

    def _weight(self, token: Token) -> float:
        token = _phrase_head(token)
        weight = 1.0
        if token.dep_ in ("nsubj", "nsubjpass"):
            weight += _SUBJECT
        if is_speaker_token(token):
            weight += _SPEAKER / 2 if _embedded(token) else _SPEAKER
        if token.dep_ in ("poss", "compound", "amod"):
            weight *= _MODIFIER
        return weight

    def _advance(self, upto: int) -> None:
        """Read tokens up to (not including) ``upto``, recording mentions and resolving pronouns."""
        doc = self.doc
        for i in range(self._read, min(upto, len(doc))):
            token = doc[i]
            found = self._mention_at.get(i)
            if found is not None:
                self._records.append(_Record(found[0], i, self._sentence[i], self._weight(token)))
            elif token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                chosen = self._person_for_pronoun(token)
                self._pronouns[i] = chosen
                if chosen is not None and chosen.entity is not None:
                    self._records.append(_Record(chosen.entity, i, self._sentence[i], self._weight(token)))
                    said = "m" if token.lower_ in MALE_PRONOUNS else "f" if token.lower_ in FEMALE_PRONOUNS else None
                    if said is not None and chosen.clear:
                        self._pronoun_genders.setdefault(id(chosen.entity), []).append(said)
            elif self._describes_person(token):
                chosen = self._described.get(i)
                if chosen is None and i not in self._described:
                    chosen = self._described[i] = self._person_by_description(self._phrase_tokens(token), token, None)
                if chosen is not None:
                    self._records.append(_Record(chosen, i, self._sentence[i], self._weight(token)))
            elif token.tag_ in ("NNS", "NNPS", "NN") and token.pos_ in ("NOUN", "PROPN") and not token.ent_type_ and not self._quoted[i]:
                if token.dep_ in ("nsubj", "nsubjpass") or is_speaker_token(token) or (token.tag_ != "NN" and token.dep_ in ("dobj", "pobj", "conj", "appos")):
                    self._records.append(_Record(i, i, self._sentence[i], self._weight(token)))
        self._read = max(self._read, upto)

    def _salient(self, at: int, accept) -> list[_Candidate]:
        """Candidates ``accept`` lets through, most salient first, from what was read before ``at``."""
        here = self._sentence[at] if at < len(self._sentence) else self._sentence[-1]
        scores: dict[object, _Candidate] = {}
        quoted = at < len(self._quoted) and self._quoted[at]
        for record in self._records:
            if record.token >= at or here - record.sentence > _WINDOW:
                continue
            factor = accept(record.key)
            if not factor:
                continue
            if self._quoted[record.token] and not quoted:
                factor *= _QUOTED
            key = id(record.key) if isinstance(record.key, Entity) else ("phrase", record.key)
            candidate = scores.get(key)
            if candidate is None:
                entity = record.key if isinstance(record.key, Entity) else None
                candidate = scores[key] = _Candidate(entity, record.token)
            candidate.token = max(candidate.token, record.token)
            candidate.score += factor * record.weight * _DECAY ** (here - record.sentence)
            candidate.speaker = candidate.speaker or record.weight >= 1 + _SPEAKER
        return sorted(scores.values(), key=lambda c: (c.score, c.token), reverse=True)

    def _person_for_pronoun(self, token: Token) -> _Candidate | None:
        word = token.lower_
        gender = "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else None

        def accept(key: object) -> float:
            if not isinstance(key, Entity) or key.type != "person":
                return 0.0
            known = self._known_gender(key)
            if known is None:
                return _UNKNOWN_GENDER
            return 1.0 if gender is None or known == gender else 0.0

        later = self._named_below(token)
        ranked = [c for c in self._salient(token.i, accept) if not self._same_clause_object(token, c) and id(c.entity) not in later]
        local = self._local_subject(token)
        if local is not None:
            for candidate in ranked:
                if candidate.entity is not None and candidate.entity is local:
                    candidate.score *= _LOCAL_SUBJECT
            ranked.sort(key=lambda c: (c.score, c.token), reverse=True)
        if ranked:
            ranked[0].clear = len(ranked) == 1 or ranked[0].score >= _CLEAR_MARGIN * ranked[1].score
            return ranked[0]
        return self._cataphora(token, accept)

    def _named_below(self, pronoun: Token) -> set[int]:
        """"He said Obama hopes …", "People like Scott, he said": a name in what the pronoun's
        subject says or does is someone else."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        verb = pronoun.head
        below = [t for t in verb.subtree if t.i > pronoun.i and t.i in self._mention_at]
        for child in verb.children:
            if child.i < pronoun.i and child.dep_ not in _ADJUNCTS:
                # What was said, put first; but not the subject of a clause of its own
                # ("McCaskill scolded him: '…,' she said").
                below.extend(t for t in child.subtree if t.i in self._mention_at and _phrase_head(t).dep_ not in ("nsubj", "nsubjpass"))
        return {id(self._mention_at[t.i][0]) for t in below}

    def _local_subject(self, pronoun: Token) -> Entity | None:
        """The subject of the nearest clause above the pronoun, named before it: "the president" in
        "If the president does follow through on his veto threat"."""
        current = pronoun
        for _ in range(8):
            if current.head.i == current.i:
                return None
            current = current.head
            if current.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i and c.i != pronoun.i), None)
            if subject is None:
                continue
            entity = next((r.key for r in reversed(self._records) if r.token == subject.i and isinstance(r.key, Entity)), None)
            return entity
        return None

    def _known_gender(self, entity: Entity) -> str | None:
        """From the name or title, else from the pronouns already resolved to this person."""
        known = self._gender.get(id(entity))
        if known is not None:
            return known
        seen = self._pronoun_genders.get(id(entity), [])
        for gender in ("m", "f"):
            if seen.count(gender) >= 2 and len(set(seen)) == 1:
                return gender
        return None

    def _same_clause_object(self, pronoun: Token, candidate: _Candidate) -> bool:
        """"Trump praised him": an object pronoun is not the subject of its own verb."""
        if pronoun.dep_ not in ("dobj", "iobj", "pobj"):
            return False
        subject = self.doc[candidate.token]
        return subject.dep_ == "nsubj" and subject.head.i == pronoun.head.i

    def _cataphora(self, token: Token, accept) -> _Candidate | None:
        """A pronoun before any name (a headline's "His refusal"): the first fitting name after it."""
        here = self._sentence[token.i]
        for i in range(token.i + 1, len(self.doc)):
            if self._sentence[i] > here + 1:
                break
            found = self._mention_at.get(i)
            if found is not None and accept(found[0]):
                return _Candidate(found[0], i)
        return None

    # --- history (kept for the pipeline and for "the campaign") -------------------------------

    def remember(self, start: int, name: str | None, type_: SpeakerType) -> None:
        self.history.append(Said(start, name, type_))

    # --- types -------------------------------------------------------------------------------

    def _relays(self, entity: Entity) -> bool:
        """An organisation that passes on others' words ("AsiaNews quoted …") and whose name says nothing else."""
        names = {entity.name.casefold()} | {f.casefold() for f in entity.forms}
        words = {w for n in [entity.name, *entity.forms] for w in name_words(n)}
        return bool(names & self.reporters) and not words & ORGANISATION_NAME_ENDINGS

    def _entity_type(self, entity: Entity) -> SpeakerType:
        if entity.type in ("organisation", "group"):
            if is_outlet_name(entity.name) or self._relays(entity):
                return "outlet"
            if is_government_name(entity.name):
                return "government"
        return _NER_TYPES.get(entity.type, "organisation")

    def _speaker(self, span: Span, entity: Entity | None, type_: SpeakerType | None = None) -> Speaker:
        if entity is None:
            return Speaker(span.text, span.start, span.end, None, type_ or "unknown")
        return Speaker(span.text, span.start, span.end, entity.name, type_ or self._entity_type(entity))

    # --- resolution ----------------------------------------------------------------------------

    def resolve(self, token: Token | None, span: Span | None) -> Speaker | None:
        if span is None:
            return None
        tokens = tokens_in(self.doc, span.start, span.end)
        if not tokens:
            return Speaker(span.text, span.start, span.end, None, "unknown")
        if token is None or not (tokens[0].i <= token.i <= tokens[-1].i):
            token = _head(self.doc, span)
        self._advance(tokens[-1].i + 1)
        word = token.lower_
        if len(tokens) == 1 and word in PERSON_PRONOUNS:
            chosen = self._pronouns.get(token.i)
            if chosen is None and token.i not in self._pronouns:
                chosen = self._person_for_pronoun(token)
            return self._speaker(span, chosen.entity if chosen else None, "person")
        if len(tokens) == 1 and word in THING_PRONOUNS:
            return self._thing_pronoun(span, token)
        if len(tokens) == 1 and word in PLURAL_PRONOUNS:
            return self._plural_pronoun(span, token)
        return self._phrase(span, tokens, token)

    def _thing_pronoun(self, span: Span, token: Token) -> Speaker:
        def accept(key: object) -> float:
            if isinstance(key, Entity):
                return 1.0 if key.type in ("organisation", "outlet") else _PLACE_FOR_IT if key.type == "place" else 0.0
            noun = self.doc[key]  # type: ignore[index]
            return 0.8 if noun.tag_ == "NN" else 0.0

        return self._antecedent(span, token, accept, "unknown")

    def _plural_pronoun(self, span: Span, token: Token) -> Speaker:
        def accept(key: object) -> float:
            if isinstance(key, Entity):
                if key.type == "group":
                    return 1.0
                return 0.6 if key.type in ("organisation", "outlet") else 0.0
            noun = self.doc[key]  # type: ignore[index]
            return 1.0 if noun.tag_ in ("NNS", "NNPS") else 0.0

        return self._antecedent(span, token, accept, "vague")

    def _antecedent(self, span: Span, token: Token, accept, otherwise: SpeakerType) -> Speaker:
        """The most salient antecedent ``accept`` lets through: an entity's name, or an unnamed phrase's type."""
        ranked = self._salient(token.i, accept)
        if not ranked:
            return Speaker(span.text, span.start, span.end, None, otherwise)
        best = ranked[0]
        if best.entity is None:
            return Speaker(span.text, span.start, span.end, None, self._noun_type(self.doc[best.token]))
        if best.entity.type == "group":
            return Speaker(span.text, span.start, span.end, None, "vague")  # "Democrats … they"
        return self._speaker(span, best.entity)

    def _noun_type(self, noun: Token) -> SpeakerType:
        word = _word(noun)
        if word in GOVERNMENT_HEADS:
            return "government"
        if word in ORGANISATION_HEADS:
            return "organisation"
        return "vague"

    def _phrase(self, span: Span, tokens: list[Token], head: Token) -> Speaker:
        # Whole tokens: a source span cut inside a word ("Mr. Obam") still holds the name.
        named = self.entities.at(tokens[0].idx, max(span.end, tokens[-1].idx + len(tokens[-1].text)))
        head_word = _word(head)
        people = [(e, m) for e, m, _ in named if e.type == "person"]
        head_in_name = any(m.start <= head.idx < m.end for _, m, _ in named)
        plural = head.tag_ in ("NNS", "NNPS")
        owner_org = _OWNED_ORGANISATIONS.get(head_word)

        named = [n for n in named if not (n[0].type == "group" and head_in_name and _title(head.lower_) in _PARTIES)]
        if people and (head_word in ROLE_HEADS or head_word in PERSON_NOUNS) and people[-1][1].end >= tokens[-1].idx + len(tokens[-1].text) - 2:
            return self._speaker(span, people[-1][0], "person")  # "President of … Arayik Harutyunyan"
        if people and owner_org and not head_in_name:
            return Speaker(span.text, span.start, span.end, f"{people[-1][0].name} {head_word}", owner_org)  # type: ignore[arg-type]
        if people and head_in_name or people and head_word not in ROLE_HEADS | PERSON_NOUNS | ORGANISATION_HEADS:
            return self._speaker(span, people[-1][0], "person")
        party_member = head.tag_ in ("NNP", "NN") and _title(head.lower_) in _PARTIES and any(c.lower_ == "the" for c in head.children)
        if named and head_in_name and not party_member:
            entity = next(e for e, m, _ in named if m.start <= head.idx < m.end)
            return self._speaker(span, entity)

        if head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return self.resolve(head, Span(head.text, head.idx, head.idx + len(head.text)))  # type: ignore[return-value]

        role = head_word in ROLE_HEADS or head_word in PERSON_NOUNS or party_member
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        indefinite = bool(determiners & _INDEFINITE) or any(c.lower_ in _INDEFINITE for c in head.children if c.dep_ in ("nummod", "amod"))

        if possessor is not None and head.pos_ == "NOUN" and not (role or head_word in VAGUE_HEADS or owner_org):
            if head_word in SAYING_NOUNS:
                # "His promises", "Trump's statement": the possessor is the one who spoke.
                said = self._possessor(possessor)
                if said is not None and (said.name or said.type != "unknown"):
                    return Speaker(span.text, span.start, span.end, said.name, said.type)
        if plural and (role or head_word in VAGUE_HEADS or head.pos_ == "NOUN") and not named:
            governed = head_word in _GOVERNMENT_ROLES and (possessor is not None or "the" in determiners)
            if head_word in GOVERNMENT_HEADS or governed:
                return Speaker(span.text, span.start, span.end, None, "government")
            return Speaker(span.text, span.start, span.end, None, "vague")
        if role:
            inside = self._named_in_role(tokens)
            if inside is not None:
                return Speaker(span.text, span.start, span.end, inside, "person")
            if indefinite or (head_word in VAGUE_HEADS and head_word not in ROLE_HEADS | PERSON_NOUNS):
                return Speaker(span.text, span.start, span.end, None, "vague")
            if head_word in VAGUE_HEADS and not determiners and possessor is None:
                return Speaker(span.text, span.start, span.end, None, "vague")
            chosen = self._person_by_description(tokens, head, possessor)
            if chosen is None:
                return Speaker(span.text, span.start, span.end, None, "vague" if possessor is not None or head_word in VAGUE_HEADS else "person")
            return self._speaker(span, chosen, "person")

        if owner_org or head_word in ORGANISATION_HEADS or head_word in _OUTLET_NOUNS or head_word in GOVERNMENT_HEADS or head_word in _PLACE_NOUNS:
            return self._organisation_by_description(span, tokens, head, head_word, possessor, named)
        if named:
            entity, mention, _ = named[0]
            if len(named) == 1 and head_word not in VAGUE_HEADS:
                return self._speaker(span, entity)
        if head_word in VAGUE_HEADS or (plural and head.pos_ == "NOUN"):
            return Speaker(span.text, span.start, span.end, None, "vague")
        name = clean_name(span.text)
        if name[:1].isupper() and len(name_words(name)) <= 2:
            person = self._person_by_surname(name, head.i)
            if person is not None:
                return self._speaker(span, person, "person")
        organisation = self._organisation_by_short_name(name)
        if organisation is not None:
            return self._speaker(span, organisation)
        if head.pos_ == "PROPN":
            kind: SpeakerType = "outlet" if is_outlet_name(name) or name.casefold() in self.reporters else "organisation"
            return Speaker(span.text, span.start, span.end, name, kind)
        return Speaker(span.text, span.start, span.end, None, "unknown")

    def _named_in_role(self, tokens: list[Token]) -> str | None:
        """A person's name ending a role phrase NER missed: "President of … Arayik Harutyunyan"."""
        last = tokens[-1]
        if last.pos_ != "PROPN" or _word(last) in ROLE_HEADS:
            return None
        run = [last]
        while run[0].i > tokens[0].i:
            left = self.doc[run[0].i - 1]
            if left.pos_ != "PROPN" or left.dep_ != "compound" or left.head.i not in {t.i for t in run} or _word(left) in ROLE_HEADS:
                break
            run.insert(0, left)
        return " ".join(t.text for t in run) if len(run) > 1 else None

    def _person_by_surname(self, name: str, at: int) -> Entity | None:
        """A surname NER did not mark: the most salient person with that surname."""
        words = name_words(name)
        if not words:
            return None
        found = [e for e in self.entities.entities if e.type == "person" and len(name_words(e.name)) > len(words) and name_words(e.name)[-len(words) :] == words]
        if len(found) <= 1:
            return found[0] if found else None
        ranked = self._salient(at, lambda key: 1.0 if isinstance(key, Entity) and key in found else 0.0)
        return ranked[0].entity if ranked else found[0]

    def _organisation_by_short_name(self, name: str) -> Entity | None:
        """"CNS" for "Christian News Service", "Peabody" for "Peabody Energy", NER having missed the short form."""
        letters = name.replace(".", "")
        words = name_words(name)
        for entity in self.entities.entities:
            if entity.type not in ("organisation", "outlet"):
                continue
            for form in [entity.name, *entity.forms]:
                full = name_words(form)
                if len(full) < 2:
                    continue
                if letters.isupper() and 2 <= len(letters) <= 7 and letters in (initials(form, True), initials(form, False)):
                    return entity
                if len(words) == 1 and words[0] == full[0] and name[:1].isupper():
                    return entity
        return None

    def _possessor(self, possessor: Token) -> Speaker | None:
        span = Span(possessor.text, possessor.idx, possessor.idx + len(possessor.text))
        if possessor.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return self.resolve(possessor, span)
        phrase = [t for t in possessor.subtree if t.i <= possessor.i and t.dep_ != "case"]
        if not phrase:
            return None
        start, end = phrase[0].idx, possessor.idx + len(possessor.text)
        return self.resolve(possessor, Span(doc_text(self.doc)[start:end], start, end))

    def _person_by_description(self, tokens: list[Token], head: Token, possessor: Token | None) -> Entity | None:
        """The person a role phrase describes: by the title they were introduced with, else by salience."""
        words = [t.lower_ for t in tokens if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.i <= head.i and not (possessor is not None and t.i in {p.i for p in possessor.subtree})]
        described = _title_set(words)
        head_title = _title(head.lower_ if head.pos_ == "PROPN" else _word(head))
        wanted_parties = _parties(described)
        gender = "f" if _word(head) in FEMALE_WORDS else "m" if _word(head) in MALE_WORDS else None
        excluded: set[int] = set()
        if possessor is not None:
            owner = self._possessor(possessor)
            excluded = {id(e) for e in self.entities.entities if owner is not None and e.name == owner.name}

        def fits(key: object) -> float:
            if not isinstance(key, Entity) or key.type != "person" or id(key) in excluded:
                return 0.0
            known = self._gender.get(id(key))
            if gender is not None and known is not None and known != gender:
                return 0.0
            titles = self._titles.get(id(key), set())
            if wanted_parties and _parties(titles) and not wanted_parties & _parties(titles):
                return 0.0
            if head_title in titles:
                return _TITLE_MATCH
            if possessor is not None:
                return 0.0  # "his lawyer": only someone introduced as a lawyer
            if f"vice {head_title}" in titles or f"deputy {head_title}" in titles:
                return 0.0  # the vice president is not "the president"
            office = {t for t in titles if t in _ROLE_TITLES or " " in t}
            if head_title in _ROLE_TITLES and office and head_title not in office and "former" not in described:
                return 0.0  # introduced with another office: "the nominee" is not the judge
            return 1.0

        ranked = self._salient(head.i, fits)
        matched = [c for c in ranked if head_title in self._titles.get(id(c.entity), set())]
        if matched:
            # The fullest fit first: "the French President" is the French one of two presidents.
            return max(matched, key=lambda c: (len(described & self._titles.get(id(c.entity), set())), c.score)).entity
        # No title fits: the person in view — one who spoke, or one much talked about just before.
        in_view = [c for c in ranked if c.speaker or c.score >= _PERSON_SALIENCE]
        if in_view:
            return in_view[0].entity
        if self._sentence[head.i] <= _LEAD_SENTENCES:
            return self._introduced_after(head, head_title, fits)
        return None

    def _introduced_after(self, head: Token, head_title: str, fits) -> Entity | None:
        """A headline's or lead's "Judge rejects …" before the article names "Justice Frank Nervo"."""
        last = self._sentence[head.i] + _LEAD_SENTENCES
        for i in range(head.i + 1, len(self.doc)):
            if self._sentence[i] > last:
                break
            found = self._mention_at.get(i)
            if found is not None and found[0].type == "person" and head_title in self._titles.get(id(found[0]), set()) and fits(found[0]):
                return found[0]
        return None

    def _organisation_by_description(
        self,
        span: Span,
        tokens: list[Token],
        head: Token,
        head_word: str,
        possessor: Token | None,
        named: list[tuple[Entity, Span, str]],
    ) -> Speaker:
        owner_org = _OWNED_ORGANISATIONS.get(head_word)
        organisations = [e for e, _, _ in named if e.type in ("organisation", "outlet", "group")]
        if organisations:
            return self._speaker(span, organisations[-1])
        if owner_org is not None:
            person = None
            if possessor is not None:
                said = self._possessor(possessor)
                person = said.name if said is not None and said.type == "person" else None
            if person is None:
                person = self._owner_named_before(span.start, head_word)
            if person is not None:
                return Speaker(span.text, span.start, span.end, f"{person} {head_word}", owner_org)  # type: ignore[arg-type]
            return Speaker(span.text, span.start, span.end, None, owner_org)  # type: ignore[arg-type]
        if head_word in GOVERNMENT_HEADS:
            return Speaker(span.text, span.start, span.end, None, "government")
        if possessor is not None:
            return Speaker(span.text, span.start, span.end, None, "organisation")  # "his company": unnamed
        if head_word in _PLACE_NOUNS:
            ranked = self._salient(head.i, lambda key: 1.0 if isinstance(key, Entity) and key.type == "place" else 0.0)
            if ranked and ranked[0].score >= _PLACE_SALIENCE:
                return self._speaker(span, ranked[0].entity, "government")
            return Speaker(span.text, span.start, span.end, None, "government")
        outlet = head_word in _OUTLET_NOUNS
        described = {_word(t) for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        containing = [
            (len(described & {w.rstrip("s") for w in name_words(e.name)} | described & set(name_words(e.name))), m.start, e)
            for e, m in self.entities.mentions()
            if m.end <= span.start and e.type in ("organisation", "outlet") and head_word in name_words(e.name)
        ]
        if containing:
            return self._speaker(span, max(containing, key=lambda c: (c[0], c[1]))[2])  # "the appeals court": the Court of Appeals

        def fits(key: object) -> float:
            if not isinstance(key, Entity):
                return 0.0
            if outlet:
                return 1.0 if key.type == "outlet" else 0.0
            return 1.0 if key.type == "organisation" else 0.0

        ranked = self._salient(head.i, fits)
        if ranked and ranked[0].score >= _ORGANISATION_SALIENCE:
            return self._speaker(span, ranked[0].entity)
        return Speaker(span.text, span.start, span.end, None, "outlet" if outlet else "organisation")

    def _owner_named_before(self, offset: int, head_word: str) -> str | None:
        """"The campaign" after "the Trump campaign" or "Trump's campaign": that person's."""
        for said in reversed(self.history):
            if said.start < offset and said.name and said.name.endswith(f" {head_word}"):
                return said.name[: -len(head_word) - 1]
        doc = self.doc
        for entity, mention in reversed(self.entities.mentions()):
            if mention.end > offset or entity.type != "person":
                continue
            after = tokens_in(doc, mention.end, min(len(doc_text(doc)), mention.end + 20))
            after = [t for t in after if t.text not in ("'s", "’s", "'", "’")]
            if after and _word(after[0]) == head_word:
                return entity.name
        return None
