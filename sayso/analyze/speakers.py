"""Say who each speaker is: a name from the article and a type.

``SpeakerResolver`` reads the article in order, keeping the salience of everything it has
mentioned (``salience``), and names each source mention it is asked about:

- **Pronouns** are the most salient antecedent that fits (``pronouns``).
- **Titles and roles** ("the French President", "the senator") are the person introduced with
  those words, else the person in view (``role_descriptions``, ``titles``).
- **Organisation descriptions** ("the commission", "the Clinton campaign") are the body whose
  name has those words, or the person's campaign ("the administration" the president's when
  the article names no one's); "the bank", "the union" the most salient organisation that may
  be one, else one whose name says it is, even named later; "his company" stays unnamed
  (``organisation_descriptions``).
- **Place descriptions** ("the city", "the state", "the country") are the place of that kind
  in view, else the one the article names most (``place_descriptions``); a people with "the"
  ("the Germans") is the country the article names, as its government.
- **Names.** A mention of an entity is the entity's fullest name (see ``entities``); a surname
  or acronym NER missed is matched to the person or organisation it shortens; a transcript's
  label in capitals ("WALLACE:") is the person named so, else the label in title case.
- **Vague sources** — indefinite ("a source"), plural without an antecedent ("officials",
  "several world leaders and reports") — are typed vague and left unnamed.

Types come from ``speaker_types``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Entity, Span, Speaker, SpeakerType
from .entities import EntityIndex
from .entity_types import is_outlet_name
from .first_person import FIRST_PERSON_SINGULAR, KIN_GENDER, author, kin_name
from .gender import is_first_name, pronoun_gender
from .introductions import Introductions, is_possessor, phrase_root
from .lexicon import (
    GOVERNMENT_HEADS,
    ORGANISATION_HEADS,
    OWNED_ORGANISATIONS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_HEADS,
    THING_PRONOUNS,
    VAGUE_HEADS,
)
from .name_forms import clean_name, fuller_label_before, misspelt, name_words, transcript_label
from .organisation_descriptions import (
    OUTLET_NOUNS,
    PLACE_NOUNS,
    describes_body_of_kind,
    may_be,
    organisation_by_short_name,
    organisation_containing,
    organisation_of_kind,
    owned_word,
    owner_named_before,
    police_force,
)
from .place_descriptions import PLACE_KINDS, country_of_people, place_by_description
from .pronouns import continuing_speakers_first, person_for_pronoun, plural_fit, thing_fit
from .role_descriptions import describes_person, is_delayed_lede, person_by_description
from .salience import Candidate, Fit, Salience, is_speaker_token
from .speaker_types import noun_type, relays, speaker_for
from .spans import doc_text, noun_phrase, tokens_in, with_the
from .titles import PERSON_NOUNS, head_word, is_party_word

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
_GOVERNMENT_ROLES = frozenset({"minister", "official", "authority", "diplomat", "ambassador", "envoy", "government"})
# Who rules a country, named by its people's adjective: "the Russian leadership", "the Syrian regime".
_RULING_HEADS = frozenset({"leadership", "regime"})
_WRITER_WORDS = frozenset("reporter writer columnist correspondent journalist".split())  # "as this reporter revealed": the writer
_AROUND_WORDS = frozenset({"inside", "outside", "within", "around", "beyond"})  # "outside the Fed": people about a body
_HANDLE = re.compile(r"@\w{2,}")
_INDEFINITE = frozenset({"a", "an", "one", "some", "another", "any", "several", "many"})
# Words that pick some of a group out ("some Democrats", "most of whom", "everyone I interviewed").
_QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "certain", "various", "numerous"})
_EVERYONE = frozenset({"everyone", "everybody", "anyone", "anybody", "nobody", "somebody", "someone"})
# Shares of a group: "21 percent who chose …", "a majority of voters", "half of them".
_SHARES = frozenset({"percent", "cent", "%", "half", "majority", "minority", "proportion", "fraction", "share"})
_PERSONAL_HEADS = PERSON_NOUNS | ROLE_HEADS | VAGUE_HEADS


def _picked_from_a_group(head: Token, tokens: list[Token]) -> bool:
    """Whether a phrase (``tokens``, headed by ``head``) names some members of a group, never one
    speaker or one body."""
    if head.lower_ in _EVERYONE or (head.lower_ in _SHARES and head.pos_ in ("NOUN", "SYM")):
        return True
    if head.lower_ in _QUANTIFIERS and any(c.lower_ == "of" or c.dep_ == "prep" for c in head.children):
        return True  # "most of whom", "some on Twitter", "many in the party": some people there, not the place or body
    if head.lower_ == "one" and any(c.lower_ == "of" and _plural_object(c) for c in head.children):
        return not any(c.dep_ == "appos" for c in head.children)  # "one of Mr. Obama's climate advisers", unnamed
    if head.tag_ in ("NNS", "NNPS") and any(c.lower_ in ("including", "like") for c in head.children):
        return True  # "mining companies, including Patriot"
    if head.tag_ in ("NNS", "NNPS") and head.ent_type_ == "NORP":
        if any(c.dep_ == "nummod" or c.lower_ in ("those", "these") for c in head.children):
            return True  # "five Hispanic-Americans", "those Democrats"
        if not is_party_word(head_word(head)):
            return True  # "Hispanics", "Muslims": people of a kind, not a body that speaks
    group = tokens[-1]
    if group.tag_ == "NNPS" and group.ent_type_ == "NORP" and any((t.pos_ == "ADJ" or t.dep_ in ("amod", "compound")) and t.text[:1].islower() and not t.ent_type_ for t in tokens[:-1]):
        return True  # "skittish Democrats", "mainstream Republicans": those of them who are so (however parsed)
    quantified = any(c.lower_ in _QUANTIFIERS for c in head.children if c.dep_ in ("det", "amod", "quantmod", "nummod", "predet"))
    return quantified and (head.tag_ in ("NNS", "NNPS") or (head.pos_ == "PROPN" and head.lower_.endswith("s")))  # "some Greens"


def _name_beside_kind(head: Token, tokens: list[Token]) -> str | None:
    """The name an outlet is given right after the word for its kind: "fivethirtyeight" in "The
    website fivethirtyeight", however the parse hangs the two words."""
    known = _PERSONAL_HEADS | ORGANISATION_HEADS | OUTLET_NOUNS
    inside = {t.i for t in tokens}
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == head.i and before.i in inside and head_word(before) in OUTLET_NOUNS:
        named: Token | None = head  # "website" hung on the name as a compound
    elif head_word(head) in OUTLET_NOUNS:
        named = next((c for c in head.children if c.dep_ == "appos" and c.i == head.i + 1 and c.i in inside), None)  # the name as an appositive
    else:
        return None
    if named is None or named.tag_ not in ("NN", "NNP") or head_word(named) in known:
        return None  # "the network anchor": a person or body of that kind, not a name
    return named.text


def _name_before_kind(head: Token, word: str) -> str | None:
    """The name NER missed that the article last wrote before the word for this kind of outlet:
    "Mossbank Weekly" for "The magazine said …" after "… for Mossbank Weekly magazine's poll"."""
    doc = head.doc
    for kind in reversed(doc[: head.i]):
        if head_word(kind) != word:
            continue
        run: list[Token] = []
        for left in reversed(doc[: kind.i]):
            if left.pos_ != "PROPN" or not left.text[:1].isupper() or left.dep_ != "compound" or left.head.i not in {kind.i, *(t.i for t in run)}:
                break
            run.insert(0, left)
        if run:
            return doc_text(doc)[run[0].idx : run[-1].idx + len(run[-1].text)]
    return None


def _plural_object(preposition: Token) -> bool:
    """"of his advisers", "of them": what the preposition picks from is many."""
    return any(c.dep_ == "pobj" and (c.tag_ in ("NNS", "NNPS") or c.lower_ in ("whom", "them", "us", "those")) for c in preposition.children)


def _described_by_who(noun: Token) -> bool:
    """A singular noun a "who" clause describes is a person, whatever the noun: "the political
    novice who wants to unseat …", "the party unifier who speaks to swing state liberals"."""
    return noun.tag_ == "NN" and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.i < c.i for g in c.children) for c in noun.children
    )


def _joins_a_relative_clause(conjunction: Token) -> bool:
    """"Ray Dunn, whom Obi appointed envoy, and who now backs Lund": an "and" hung on a noun that
    a relative clause already describes joins a second one on the same noun, however the parse
    hung the second clause."""
    noun = conjunction.head
    return conjunction.dep_ == "cc" and noun.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "relcl" for c in noun.children)


def _where_from(token: Token) -> bool:
    """A name after "from" or "of" that hangs on another: where someone is from ("Nicky
    Driscoll, 24, from Manchester"), however NER labelled the place."""
    return token.dep_ == "pobj" and token.head.lower_ in ("from", "of") and token.head.head.i != token.head.i


def _unnamed_by_request(clause: Token) -> bool:
    """A relative clause saying its speaker asked to stay unnamed ("who declined to be identified",
    "who asked not to be named", "who spoke on condition of anonymity"): whoever it is, the article
    does not name them, whatever name the parse hung the clause on."""
    for word in clause.subtree:
        if word.lower_ == "anonymity":
            return True
        passive = word.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in word.children)
        declined = word.head.lemma_.lower() in ("decline", "refuse") or any(c.dep_ == "neg" for c in word.children)
        if passive and declined and word.lemma_.lower() in ("identify", "name"):
            return True
    return False


def _noun_just_before(token: Token) -> Token | None:
    """The plural noun a relative pronoun follows, past a comma and an adverb ("demonstrators here, who")."""
    for previous in reversed(token.doc[max(0, token.i - 3) : token.i]):
        if previous.is_punct or previous.pos_ == "ADV":
            continue
        return previous if previous.tag_ in ("NNS", "NNPS") else None
    return None


def _words_of(doc: Doc, span: Span) -> list[Token]:
    """The tokens of a span, whole: a span cut inside a word names the word, the one it lies inside
    ("t" of "Clinton") or the one it starts inside ("eb Bush, the former governor, …")."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    tokens = tokens_in(doc, span.start, span.end)
    if not tokens or found is None:
        return list(found) if found is not None else []
    return [found[0], *tokens] if found[0].idx < span.start and found[0].is_alpha else tokens


_PLACE_SALIENCE = 0.5  # least salience for "the city" to be the place last in view
_ORGANISATION_SALIENCE = 0.2  # least salience for "the bank" to be the organisation last in view


def _possessor_of(head: Token, tokens: list[Token]) -> Token | None:
    """"his" in "his lawyer"; else the last possessor before the head, which a bad parse hung
    elsewhere ("His ex-wife" with "His" on "ex")."""
    return next((c for c in head.children if c.dep_ == "poss"), None) or next((t for t in reversed(tokens) if t.i < head.i and is_possessor(t)), None)


@dataclass
class Said:
    """One resolved source mention, remembered so later pronouns and titles can point back."""

    start: int
    name: str | None
    type: SpeakerType


class SpeakerResolver:
    """Resolves speakers in reading order; holds what it has read only for one article."""

    def __init__(self, doc: Doc, entities: EntityIndex, reporters: set[str]) -> None:
        self.doc = doc
        self.entities = entities
        self.reporters = {r.casefold() for r in reporters}
        self.history: list[Said] = []
        for entity in entities.entities:
            if entity.type == "organisation" and relays(entity, self.reporters):
                entity.type = "outlet"  # it relays others' words and is named like no other kind of body
        self._salience = Salience(doc)
        self._introductions = Introductions(doc, entities)
        self._pronouns: dict[int, Candidate | None] = {}
        self._described: dict[int, Entity | None] = {}
        self._read = 0
        self._author = author(doc_text(doc), entities)

    def remember(self, start: int, name: str | None, type_: SpeakerType) -> None:
        """Keep a resolved source, for "the campaign" after "the Trump campaign"."""
        self.history.append(Said(start, name, type_))

    def _advance(self, upto: int) -> None:
        """Read tokens up to (not including) ``upto``, recording mentions and resolving pronouns."""
        doc = self.doc
        salience = self._salience
        for i in range(self._read, min(upto, len(doc))):
            token = doc[i]
            found = self._introductions.mention_at.get(i)
            lede = is_delayed_lede(token, token, salience, self._introductions)  # "The lifelong Republican who …": a person, not the party
            if found is not None and not (lede and found[0].type == "group"):
                salience.add(found[0], token)
            elif token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                chosen = person_for_pronoun(doc, salience, self._introductions, token)
                self._pronouns[i] = chosen
                if chosen is not None and chosen.entity is not None:
                    salience.add(chosen.entity, token)
                    said = pronoun_gender(token.lower_)
                    if said is not None and chosen.clear:
                        self._introductions.learn_pronoun(chosen.entity, said)
            elif describes_person(token, self._introductions) or lede:
                chosen = self._described.get(i)
                if chosen is None and i not in self._described:
                    phrase = [t for t in token.subtree if t.i <= token.i]
                    chosen = self._described[i] = self._person_by_description(phrase, token, None)
                if chosen is not None:
                    salience.add(chosen, token)
            elif describes_body_of_kind(token) and not salience.quoted[i] and (body := self._body_in_view(token, head_word(token))):
                salience.add(body, token)  # "the drug company is facing …": the body, still in view for "the company" later
            elif token.tag_ in ("NNS", "NNPS", "NN") and token.pos_ in ("NOUN", "PROPN") and not token.ent_type_ and not salience.quoted[i]:
                if token.dep_ in ("nsubj", "nsubjpass") or is_speaker_token(token) or (token.tag_ != "NN" and token.dep_ in ("dobj", "pobj", "conj", "appos")):
                    salience.add(i, token)
        self._read = max(self._read, upto)

    def _speaker(self, span: Span, entity: Entity | None, type_: SpeakerType | None = None) -> Speaker:
        return speaker_for(span, entity, self.reporters, type_)

    # --- resolution ----------------------------------------------------------------------------

    def resolve(self, token: Token | None, span: Span | None) -> Speaker | None:
        """The speaker a source span names, ``token`` being its head when the caller knows it."""
        if span is None:
            return None
        tokens = _words_of(self.doc, span)
        if not tokens:
            return Speaker(span.text, span.start, span.end, None, "unknown")
        if token is None or not (tokens[0].i <= token.i <= tokens[-1].i) or not (tokens[0].i <= token.head.i <= tokens[-1].i):
            token = phrase_root(tokens)  # also when the parse left several roots: "His ex-wife"
        self._advance(tokens[-1].i + 1)
        word = token.lower_
        if len(tokens) == 1 and word in PERSON_PRONOUNS:
            chosen = self._pronouns.get(token.i)
            if chosen is None and token.i not in self._pronouns:
                chosen = person_for_pronoun(self.doc, self._salience, self._introductions, token)
            return self._speaker(span, chosen.entity if chosen else None, "person")
        if len(tokens) == 1 and word in FIRST_PERSON_SINGULAR and self._author is not None:
            return self._speaker(span, self._author, "person")  # the writer's own "I", outside any quotation
        if len(tokens) == 1 and word in RELATIVE_PRONOUNS:
            # The clause it opens hangs from the noun it stands for; "whose" sits one level
            # deeper ("Ted Cruz, whose job was …": "whose" → "job" → "was" → Cruz).
            clause = token.head if token.head.dep_ == "relcl" or word != "whose" else token.head.head
            before = next((t for t in reversed(self.doc[max(0, token.i - 2) : token.i]) if not t.is_punct), None)
            if word.startswith("who") and _unnamed_by_request(clause):
                return Speaker(span.text, span.start, span.end, None, "vague")
            if word.startswith("who") and before is not None and _where_from(before) and self._person_at(before.head.head):
                return self._relative(span, before.head.head)  # "said Nicky Driscoll, 24, from Manchester, who …"
            if word.startswith("who") and before is not None and before.pos_ == "PROPN" and self._person_at(before) and clause.head != before:
                return self._relative(span, before)  # "Ted Cruz (whose job was …)" hung by the parse on a noun far back
            if before is not None and _joins_a_relative_clause(before):
                return self._relative(span, before.head)  # "Ray Dunn, whom Obi appointed …, and who …"
            if clause.dep_ == "relcl":
                noun = clause.head
                if word in ("who", "whom") and noun.tag_ == "NN" and head_word(noun) not in _PERSONAL_HEADS:
                    # "a focal point for demonstrators here, who have taken to the streets": a
                    # person, so the people just before rather than the thing the parse chose.
                    noun = _noun_just_before(token) or noun
                return self._relative(span, noun)
            if word != "that" and before is not None and before.pos_ in ("NOUN", "PROPN"):
                return self._relative(span, before)  # "turned to the Chicago Police Department which reported …", parsed otherwise
        if len(tokens) == 1 and word in THING_PRONOUNS:
            return self._antecedent(span, token, thing_fit(self.doc), "unknown")
        if len(tokens) == 1 and word in PLURAL_PRONOUNS:
            return self._antecedent(span, token, plural_fit(self.doc), "vague")
        return self._phrase(span, tokens, token)

    def _person_at(self, token: Token) -> bool:
        """Whether a person's name ends at ``token``."""
        end = token.idx + len(token.text)
        return any(e.type == "person" and m.end == end for e, m, _ in self.entities.at(token.left_edge.idx, end))

    def _relative(self, span: Span, noun: Token) -> Speaker:
        """"who" in "Tomas Reyl, who said …" is whoever the phrase it hangs from names; in "Heather
        Samuelson, a Clinton campaign staffer who …" the name the description stands beside."""
        name = noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun  # the name's last word: its mention ends there
        if name.pos_ == "PROPN":
            end = name.idx + len(name.text)
            person = next((e for e, m, _ in self.entities.at(name.left_edge.idx, end) if e.type == "person" and m.end == end), None)
            if person is not None:
                return self._speaker(span, person, "person")
        phrase = noun_phrase(noun)
        found = self.resolve(noun, phrase) if phrase is not None else None
        if found is None:
            return Speaker(span.text, span.start, span.end, None, "unknown")
        return Speaker(span.text, span.start, span.end, found.name, found.type)

    def _antecedent(self, span: Span, token: Token, accept: Fit, otherwise: SpeakerType) -> Speaker:
        """The most salient antecedent ``accept`` lets through: an entity's name, or an unnamed phrase's type."""
        ranked = continuing_speakers_first(self._salience, token, self._salience.ranked(token.i, accept))
        if not ranked:
            return Speaker(span.text, span.start, span.end, None, otherwise)
        best = ranked[0]
        if best.entity is None:
            # An unnamed phrase: named when the phrase itself resolves to a name ("The police
            # said …, they said" → the police force the article names).
            noun = self.doc[best.token]
            phrase = noun_phrase(noun)
            found = self.resolve(noun, phrase) if phrase is not None and phrase.end <= span.start else None
            if found is not None and found.name:
                return Speaker(span.text, span.start, span.end, found.name, found.type)
            return Speaker(span.text, span.start, span.end, None, noun_type(noun))
        if best.entity.type == "group":
            return Speaker(span.text, span.start, span.end, None, "vague")  # "Democrats … they"
        return self._speaker(span, best.entity)

    def _phrase(self, span: Span, tokens: list[Token], head: Token) -> Speaker:
        end, whole = span.end, tokens
        core = noun_phrase(head)
        if core is not None and tokens[0].idx <= core.start and core.end < span.end:
            # "The alliance, which includes … the Annenberg Institute …": what an aside names is
            # not what the phrase names.
            tokens, end = [t for t in tokens if t.idx < core.end], core.end
        # Whole tokens: a source span cut inside a word ("Mr. Obam") still holds the name.
        named = self.entities.at(tokens[0].idx, max(end, tokens[-1].idx + len(tokens[-1].text)))
        label = transcript_label(doc_text(self.doc), span.start, span.end)
        if label is not None:
            return self._labelled(span, label, named, head)
        word = head_word(head)
        handle = next((t for t in tokens if _HANDLE.fullmatch(t.text)), None)
        if handle is not None:
            # "one Twitter user @nycsouthpaw": the account is the only name the article gives.
            kind: SpeakerType = "outlet" if word in OUTLET_NOUNS else "organisation" if word in ORGANISATION_HEADS else "person"
            return Speaker(span.text, span.start, span.end, handle.text, kind)
        called = _name_beside_kind(head, tokens)
        if called is not None and not named:
            # "The website fivethirtyeight", "the blog harbornotes": a name NER did not mark.
            return Speaker(span.text, span.start, span.end, called, "outlet")
        if head.lower_ in _AROUND_WORDS and head.pos_ in ("ADP", "ADV"):
            return Speaker(span.text, span.start, span.end, None, "vague")  # "both inside and outside the Fed", "outside GOP groups"
        people = [(e, m) for e, m, _ in named if e.type == "person"]
        head_in_name = any(m.start <= head.idx < m.end for _, m, _ in named)
        plural = head.tag_ in ("NNS", "NNPS")
        owner_org = OWNED_ORGANISATIONS.get(word)

        named = [n for n in named if not (n[0].type == "group" and head_in_name and is_party_word(head.lower_))]
        country = self._nation(head)
        if country is not None:
            return self._speaker(span, country, "government")
        if _picked_from_a_group(head, tokens):
            return Speaker(span.text, span.start, span.end, None, "vague")  # "some Democrats", "most of whom"
        if not head_in_name and is_delayed_lede(head, whole[-1], self._salience, self._introductions):
            # Not Hillary Clinton, named in "The hacker whose … revealed that Hillary Clinton …".
            chosen = self._person_by_description(whole, head, None)
            if chosen is not None:
                return self._speaker(span, chosen, "person")
        if plural and people and not head_in_name and head.pos_ == "NOUN":
            return Speaker(span.text, span.start, span.end, None, "vague")  # "advisers to Mr. Obama": his people, not him
        if people and (word in ROLE_HEADS or word in PERSON_NOUNS) and people[-1][1].end >= tokens[-1].idx + len(tokens[-1].text) - 2:
            return self._speaker(span, people[-1][0], "person")  # "President of … Arayik Harutyunyan"
        if people and owner_org and not head_in_name:
            person = people[-1][0]
            owned = owned_word(self.doc, self.entities, person, word)
            return Speaker(span.text, span.start, span.end, f"{person.name} {owned}", owner_org)  # type: ignore[arg-type]
        if people and head_in_name or people and word not in ROLE_HEADS | PERSON_NOUNS | ORGANISATION_HEADS:
            # The person whose name holds the head, not one named in a clause hung on it ("Jeb
            # Bush, …, who has resented Mr. Rubio's glide path"); else the last one named.
            holder = next((e for e, m in people if m.start <= head.idx < m.end), people[-1][0])
            return self._speaker(span, holder, "person")
        party_member = head.tag_ in ("NNP", "NN") and is_party_word(head.lower_) and with_the(head)
        # The head's own entity may have been set aside above (a party word): then it names nobody.
        entity = next((e for e, m, _ in named if m.start <= head.idx < m.end), None)
        if entity is not None and not party_member:
            return self._speaker(span, entity)

        if head.lower_ in PRONOUNS:
            return self.resolve(head, Span(head.text, head.idx, head.idx + len(head.text)))  # type: ignore[return-value]

        role = word in ROLE_HEADS or word in PERSON_NOUNS or party_member or _described_by_who(head)
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        possessor = _possessor_of(head, tokens)
        if possessor is not None and possessor.lower_ == "my" and word in KIN_GENDER:
            kin = self._kin(span, word)
            if kin is not None:
                return kin
        indefinite = bool(determiners & _INDEFINITE) or any(c.lower_ in _INDEFINITE for c in head.children if c.dep_ in ("nummod", "amod"))

        if possessor is not None and head.pos_ == "NOUN" and not (role or owner_org):
            if word in SAYING_NOUNS:
                # "His promises", "Trump's statement", "her Twitter account": the possessor is
                # the one who spoke (unpossessed, "accounts" and "reports" say nobody).
                said = self._possessor(possessor)
                if said is not None and (said.name or said.type != "unknown"):
                    return Speaker(span.text, span.start, span.end, said.name, said.type)
        if len(tokens) == 1 and head.text[:1].isupper() and not named and not role:
            # A surname the tagger took for a plural noun: "Sanders: Clinton needs to …" heading
            # an article about Bernie Sanders, "Wines believes …" after "Leslie Wimes".
            person = self._person_by_surname(clean_name(span.text), head.i)
            if person is not None:
                return self._speaker(span, person, "person")
        if plural and (role or word in VAGUE_HEADS or head.pos_ == "NOUN") and not head_in_name:
            # "officials", "fellow GOP hopefuls", "the guests at the Post's party": some people,
            # whatever body a word beside the head names.
            governed = word in _GOVERNMENT_ROLES and (possessor is not None or "the" in determiners)
            if word in GOVERNMENT_HEADS or governed:
                return self._government(span, head, possessor)
            return Speaker(span.text, span.start, span.end, None, "vague")
        if role and word in _WRITER_WORDS and determiners == {"this"}:
            return Speaker(span.text, span.start, span.end, None, "vague")  # the article's writer, not someone it names
        if role:
            inside = self._named_in_role(tokens)
            if inside is not None:
                return Speaker(span.text, span.start, span.end, inside, "person")
            if indefinite or (word in VAGUE_HEADS and word not in ROLE_HEADS | PERSON_NOUNS):
                return Speaker(span.text, span.start, span.end, None, "vague")
            if word in VAGUE_HEADS and not determiners and possessor is None:
                return Speaker(span.text, span.start, span.end, None, "vague")
            chosen = self._person_by_description(tokens, head, possessor)
            if chosen is None:
                return Speaker(span.text, span.start, span.end, None, "vague" if possessor is not None or word in VAGUE_HEADS else "person")
            return self._speaker(span, chosen, "person")

        if word in _RULING_HEADS and possessor is None:
            ruling = self._government(span, head, possessor)
            if ruling.name is not None:
                return ruling  # the country the article names, as its government
        if "the" in determiners and not plural and possessor is None and head.pos_ == "NOUN" and word not in PLACE_NOUNS and word not in PLACE_KINDS and word not in ORGANISATION_HEADS:
            # "the trust", "the authority", "the centre": the body named before with that head
            # ("Ostmere Hospitals Trust"), whatever kind of body the word says; "the company"
            # is first the company in view (below), not any body whose name says bank
            containing = organisation_containing(self.entities, tokens, span.start, word) or organisation_of_kind(self.entities, span.start, word)
            if containing is not None:
                return self._speaker(span, containing)  # also named only after it ("the coastguard said", then "The Aldermouth Coastguard said")
        if owner_org or word in ORGANISATION_HEADS or word in OUTLET_NOUNS or word in GOVERNMENT_HEADS or word in PLACE_NOUNS:
            return self._organisation_by_description(span, tokens, head, word, possessor, named)
        # "The Harvard study" speaks for Harvard; "the Benghazi inquiries" not for Benghazi.
        # "Ostmere Online" when NER marked only "Ostmere": a capitalised head of its own names another thing.
        own_name = head.pos_ == "PROPN" and head.text[:1].isupper() and not head_in_name
        if len(named) == 1 and word not in VAGUE_HEADS and not own_name and not (named[0][0].type == "place" and head.pos_ == "NOUN" and not head_in_name):
            return self._speaker(span, named[0][0])
        if word in VAGUE_HEADS or (plural and head.pos_ == "NOUN"):
            return Speaker(span.text, span.start, span.end, None, "vague")
        name = clean_name(span.text)
        if name[:1].isupper() and len(name_words(name)) <= 2:
            person = self._person_by_surname(name, head.i)
            if person is not None:
                return self._speaker(span, person, "person")
        organisation = organisation_by_short_name(self.entities, name)
        if organisation is not None:
            return self._speaker(span, organisation)
        if len(tokens) == 1 and head.ent_type_ == "NORP" and head.pos_ == "ADJ":
            country = country_of_people(self.entities, head.text)  # "American commitments"
            if country is not None:
                return self._speaker(span, country, "government")
        if head.pos_ == "PROPN" and head.text.islower():
            return Speaker(span.text, span.start, span.end, None, "vague")  # "politicos push planks": a common noun the tagger took for a name
        if head.pos_ == "PROPN":
            kind = "outlet" if is_outlet_name(name) or name.casefold() in self.reporters else "organisation"
            return Speaker(span.text, span.start, span.end, name, kind)
        return Speaker(span.text, span.start, span.end, None, "unknown")

    def _nation(self, head: Token) -> Entity | None:
        """"the Germans", "the Saudis": a people with "the", acting as one, is the country the article
        names (Germany) and speaks as its government; "Germans" alone, "five Germans" or "the
        Democrats" are people of a kind or a party's."""
        if head.ent_type_ != "NORP" or head.tag_ != "NNPS" or is_party_word(head_word(head)):
            return None
        if not with_the(head) or any(c.dep_ in ("nummod", "amod") for c in head.children):
            return None
        return country_of_people(self.entities, head.text)

    def _kin(self, span: Span, word: str) -> Speaker | None:
        """"my father" in a first-person piece: the person the writer names so."""
        name = kin_name(doc_text(self.doc), word)
        if name is None:
            return None
        person = next((e for e in self.entities.entities if e.type == "person" and name_words(e.name) == name_words(name)), None)
        if person is not None:
            return self._speaker(span, person, "person")
        return Speaker(span.text, span.start, span.end, name, "person")

    def _labelled(self, span: Span, label: str, named: list[tuple[Entity, Span, str]], head: Token) -> Speaker:
        """A transcript's "WALLACE:": the person the article names so ("Chris Wallace"), else
        the fuller label of an earlier turn ("CHRIS WALLACE:"), else the label in title case — a
        person, whatever the tagger made of a word in capitals."""
        person = next((e for e, _, _ in named if e.type == "person"), None) or self._person_by_surname(label, head.i)
        if person is None:
            person = next((e for e in self.entities.entities if e.type == "person" and name_words(e.name) == name_words(label)), None)
        if person is not None:
            return self._speaker(span, person, "person")
        fuller = fuller_label_before(doc_text(self.doc), span.start, label)
        return Speaker(span.text, span.start, span.end, fuller or label, "person")

    def _named_in_role(self, tokens: list[Token]) -> str | None:
        """A person's name ending a role phrase NER missed: "President of … Arayik Harutyunyan";
        not a party's member named with a place ("a Varndale County Democrat")."""
        last = tokens[-1]
        if last.pos_ != "PROPN" or head_word(last) in ROLE_HEADS or is_party_word(last.lower_):
            return None
        run = [last]
        while run[0].i > tokens[0].i:
            left = self.doc[run[0].i - 1]
            if left.pos_ != "PROPN" or left.dep_ != "compound" or left.head.i not in {t.i for t in run} or head_word(left) in ROLE_HEADS:
                break
            run.insert(0, left)
        end = last.idx + len(last.text)
        if any(e.type != "person" for e, _, _ in self.entities.at(run[0].idx, end)):
            return None  # "The head of the Service Employees International Union": a body's name
        return " ".join(t.text for t in run) if len(run) > 1 else None

    def _person_by_surname(self, name: str, at: int) -> Entity | None:
        """A surname NER did not mark: the most salient person with that surname, else the one
        person whose surname it misspells, else the one person whose first name it is ("Zoe
        Questioned Why …" in a list of what Zoe Saldana said)."""
        words = name_words(name)
        if not words:
            return None
        people = [e for e in self.entities.entities if e.type == "person"]
        found = [e for e in people if len(name_words(e.name)) > len(words) and name_words(e.name)[-len(words) :] == words]
        if not found and len(words) == 1:
            misspelt_of = [e for e in people if len(full := name_words(e.name)) > 1 and misspelt(words[0], full[-1])]
            first_named = [e for e in people if len(full := name_words(e.name)) > 1 and full[0] == words[0] and is_first_name(words[0])]
            return next((owners[0] for owners in (misspelt_of, first_named) if len(owners) == 1), None)
        if len(found) <= 1:
            return found[0] if found else None
        ranked = self._salience.ranked(at, lambda key: 1.0 if isinstance(key, Entity) and key in found else 0.0)
        return ranked[0].entity if ranked else found[0]

    def _possessor(self, possessor: Token) -> Speaker | None:
        span = Span(possessor.text, possessor.idx, possessor.idx + len(possessor.text))
        if possessor.lower_ in PRONOUNS:
            return self.resolve(possessor, span)
        phrase = [t for t in possessor.subtree if t.i <= possessor.i and t.dep_ != "case"]
        if not phrase:
            return None
        start, end = phrase[0].idx, possessor.idx + len(possessor.text)
        return self.resolve(possessor, Span(doc_text(self.doc)[start:end], start, end))

    def _person_by_description(self, tokens: list[Token], head: Token, possessor: Token | None) -> Entity | None:
        owner = self._possessor(possessor) if possessor is not None else None
        return person_by_description(self._salience, self._introductions, self.entities, tokens, head, possessor, owner)

    def _president(self, before: Token) -> str | None:
        """"the administration" no one's was named for: the president's, the person the article
        introduced as president (not a former one), the most salient else the last named."""

        def fits(key: object) -> float:
            titles = self._introductions.titles(key) if isinstance(key, Entity) and key.type == "person" else set()
            return 1.0 if "president" in titles and "former" not in titles else 0.0

        in_view = [c.entity for c in self._salience.ranked(before.i, fits) if c.entity is not None]
        found = in_view or [e for e, m in reversed(self.entities.mentions()) if m.end <= before.idx and fits(e)]
        return found[0].name if found else None

    def _possessives(self, before: Token, word: str) -> dict[int, str]:
        """The person each "his"/"her" of ``word`` before ``before`` stands for ("his campaign"), by its offset."""
        found = ((self.doc[i], chosen.entity) for i, chosen in self._pronouns.items() if i < before.i and chosen is not None)
        return {t.idx: e.name for t, e in found if e is not None and e.type == "person" and t.dep_ == "poss" and head_word(t.head) == word}

    def _government(self, span: Span, head: Token, possessor: Token | None) -> Speaker:
        """"the ministry", "officials", "police": a government body, named when it is the police
        force the article names or a country's ("the Saudi government", "the Mexico government")."""
        word = head_word(head)
        if word == "police" and possessor is None:
            return Speaker(span.text, span.start, span.end, police_force(self.doc, self.entities, span.start), "government")
        for modifier in (c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i):
            if modifier.ent_type_ == "NORP":
                country = country_of_people(self.entities, modifier.text)
                if country is not None:
                    return self._speaker(span, country, "government")
            if modifier.ent_type_ == "GPE":
                place = next((e for e, _, _ in self.entities.at(modifier.idx, modifier.idx + len(modifier.text)) if e.type == "place"), None)
                if place is not None:
                    return self._speaker(span, place, "government")
        return Speaker(span.text, span.start, span.end, None, "government")

    def _body_in_view(self, head: Token, word: str) -> Entity | None:
        """The organisation (for "the paper", the outlet) most in view before ``head`` that may be
        what ``word`` says, when it is still salient enough to be "the bank" without a name."""
        outlet = word in OUTLET_NOUNS

        def fits(key: object) -> float:
            if not isinstance(key, Entity):
                return 0.0
            if outlet:
                return 1.0 if key.type == "outlet" else 0.0
            return 1.0 if key.type == "organisation" and may_be(key, word) else 0.0

        ranked = self._salience.ranked(head.i, fits)
        return ranked[0].entity if ranked and ranked[0].score >= _ORGANISATION_SALIENCE else None

    def _organisation_by_description(
        self,
        span: Span,
        tokens: list[Token],
        head: Token,
        word: str,
        possessor: Token | None,
        named: list[tuple[Entity, Span, str]],
    ) -> Speaker:
        owner_org = OWNED_ORGANISATIONS.get(word)
        organisations = [e for e, _, _ in named if e.type in ("organisation", "outlet", "group")]
        if organisations:
            return self._speaker(span, organisations[-1])
        places = [e for e, _, _ in named if e.type == "place"]
        if word in PLACE_KINDS and places and possessor is None:
            return self._speaker(span, places[-1], "government")  # "The city of Phoenix"
        if owner_org is not None:
            person = None
            if possessor is not None:
                said = self._possessor(possessor)
                person = said.name if said is not None and said.type == "person" else None
            if person is None:
                earlier = (r.name for r in reversed(self.history) if r.start < span.start and r.name)
                person = owner_named_before(self.doc, self.entities, earlier, span.start, word, self._possessives(head, word))
            if person is None and word == "administration" and possessor is None:
                person = self._president(head)
            if person is not None:
                return Speaker(span.text, span.start, span.end, f"{person} {word}", owner_org)  # type: ignore[arg-type]
            return Speaker(span.text, span.start, span.end, None, owner_org)  # type: ignore[arg-type]
        if word in PLACE_KINDS and possessor is None:
            return self._speaker(span, place_by_description(self._salience, self.entities, word, head.i), "government")
        if word in GOVERNMENT_HEADS:
            return self._government(span, head, possessor)
        if possessor is not None and word in ("board", "editor") and any(t.lower_ == "editorial" for t in tokens):
            owner = self._possessor(possessor)  # "the paper's editorial board": the paper speaks
            if owner is not None and owner.type == "outlet":
                return Speaker(span.text, span.start, span.end, owner.name, "outlet")
        if possessor is not None:
            return Speaker(span.text, span.start, span.end, None, "organisation")  # "his company": unnamed
        if word in PLACE_NOUNS:
            ranked = self._salience.ranked(head.i, lambda key: 1.0 if isinstance(key, Entity) and key.type == "place" else 0.0)
            if ranked and ranked[0].score >= _PLACE_SALIENCE:
                return self._speaker(span, ranked[0].entity, "government")
            return Speaker(span.text, span.start, span.end, None, "government")
        outlet = word in OUTLET_NOUNS
        containing = organisation_containing(self.entities, tokens, span.start, word)
        if containing is not None:
            return self._speaker(span, containing)  # "the appeals court": the Court of Appeals
        in_view = self._body_in_view(head, word)
        if in_view is not None:
            return self._speaker(span, in_view)
        written = _name_before_kind(head, word) if outlet else None
        if written is not None:
            return Speaker(span.text, span.start, span.end, written, "outlet")
        of_kind = organisation_of_kind(self.entities, span.start, word)
        if of_kind is not None:
            return self._speaker(span, of_kind)  # "the union" named only later
        return Speaker(span.text, span.start, span.end, None, "outlet" if outlet else "organisation")
