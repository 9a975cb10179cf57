"""Role descriptions: the person "the French President" or "the senator" refers to.

It is the person earlier introduced with those words ("French President Emmanuel Macron";
"Sen. Lindsey Graham" for "the senator"), else one introduced with another title of the same
trade ("reporter Jorge Ramos" for "the anchor"); of several, the one sharing most words. "vice
president" is not "president", a Republican title never a Democrat, and a person introduced
with another office is not the one described (unless the description says "former"); "the
candidate" or "the tycoon" is no one introduced as a reporter or an economist. A
description is of the gender its title gives ("spokeswoman"), else the one the he/she/his/her
after it in its sentence give before anyone else is named ("the candidate discusses …, including
lessons from her mother"). A description no title fits ("the New York businessman", "the
34-year-old mother of three") is the most salient person in view — one who spoke, or much
talked about just before. In a
headline or lead ("Judge blocks …") it may be the person the article introduces just after,
else the person the headline is about ("The Democratic nominee" under "Lorna Vesely Goes After …").
"the spokesman" no one was introduced as is no one named: it speaks for the person in view.
"his lawyer", "her spokesman" name someone else than the possessor: only a title match names
them; but "his ex-wife", "her son" are a relative, another person with the possessor's surname.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Entity, Speaker
from .entities import EntityIndex
from .gender import pronoun_gender, words_gender
from .introductions import Introductions
from .lexicon import ROLE_HEADS
from .name_forms import name_words
from .salience import Fit, Salience
from .spans import is_definite_description, with_the
from .titles import BUSINESS_PEOPLE, COMMENTATORS, ELECTED_OFFICES, JOURNALISTS, PERSON_NOUNS, ROLE_TITLES, head_word, is_party_word, parties, title, title_set

_TITLE_MATCH = 3.0
_PERSON_SALIENCE = 0.5  # least salience for "the businessman" to be a person who did not speak
# Relatives: "his ex-wife" is likely to share his surname ("Donald and Ivana Trump").
_KIN_NOUNS = frozenset(
    """
    wife husband spouse son daughter mother father brother sister widow widower mom dad
    grandmother grandfather grandson granddaughter nephew niece uncle aunt cousin
    """.split()
)
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Those who once belonged to a body: "the Navy veteran", "the Yale graduate" hold none of its offices.
_FORMER_MEMBERS = frozenset({"veteran", "alumnus", "alumna", "alum", "graduate"})
_LEAD_SENTENCES = 3  # a description this early may name someone the article introduces just after
_LEAD_LINES = 3  # a description in these first lines below the headline may be the headline's subject
_NEXT_SENTENCES = 1  # an office no one held before may be the person the next sentence names with it
_LEDE_SENTENCES = 2  # a delayed lede names its subject within the sentences after it
_LONG_MODIFIER = 4  # words after a description's head that make it a delayed lede's
_PARTY_PLACE = re.compile(r",?\s*\(?[RDI]-([A-Z][A-Za-z.]+)")  # "Joni Ernst, R-Iowa": the state she stands for


def describes_person(token: Token, introductions: Introductions) -> bool:
    """The head of "the senator", "the French President": a definite description of one person."""
    if token.tag_ not in ("NN", "NNP") or token.ent_type_ == "PERSON" or token.i in introductions.mention_at:
        return False
    return head_word(token) in ROLE_HEADS | PERSON_NOUNS and is_definite_description(token)


def person_by_description(
    salience: Salience,
    introductions: Introductions,
    entities: EntityIndex,
    tokens: list[Token],
    head: Token,
    possessor: Token | None,
    owner: Speaker | None,
) -> Entity | None:
    """The person a role phrase describes: by the title they were introduced with, else by salience.

    ``owner`` is what the ``possessor`` ("his" in "his lawyer") was resolved to: not the one described.
    """
    words = [t.lower_ for t in tokens if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.i <= head.i and not (possessor is not None and t.i in {p.i for p in possessor.subtree})]
    described = title_set(words)
    head_title = title(head.lower_ if head.pos_ == "PROPN" else head_word(head))
    wanted_parties = parties(described)
    gender = words_gender({head_word(head)}) or _gender_after(head, introductions)
    excluded = {id(e) for e in entities.entities if owner is not None and e.name == owner.name}
    places = [t.lower_ for t in tokens if t.i < head.i and t.ent_type_ == "GPE"]

    def fits(key: object) -> float:
        if not isinstance(key, Entity) or key.type != "person" or id(key) in excluded:
            return 0.0
        tied = _places_tied(head.doc, key) if places else set()
        if tied and not any(_same_place(t, places) for t in tied):
            return 0.0  # "the Florida senator" is not "Sen. Joni Ernst, R-Iowa"
        known = introductions.gender(key)
        if gender is not None and known is not None and known != gender:
            return 0.0
        titles = introductions.titles(key)
        if wanted_parties and parties(titles) and not wanted_parties & parties(titles):
            return 0.0
        if head_title in titles or _same_trade(head_title, titles):
            return _TITLE_MATCH
        if possessor is not None:
            return 0.0  # "his lawyer": only someone introduced as a lawyer
        if f"vice {head_title}" in titles or f"deputy {head_title}" in titles:
            return 0.0  # the vice president is not "the president"
        office = {t for t in titles if t in ROLE_TITLES or " " in t}
        if head_title in ROLE_TITLES and office and head_title not in office and "former" not in described:
            return 0.0  # introduced with another office: "the nominee" is not the judge
        if head_title in ELECTED_OFFICES | BUSINESS_PEOPLE and titles & COMMENTATORS and "former" not in described:
            return 0.0  # introduced as one who studies politics: "the GOP candidate", "the tycoon" is not the economist
        return 1.0

    ranked = salience.ranked(head.i, fits)
    if possessor is not None and owner is not None and owner.name:
        # "his lawyer" is not "Mayor Maria Roth's lawyer Carla Wessel".
        ranked = [c for c in ranked if c.entity is not None and _introduced_as_theirs(head.doc, c.entity, owner.name)]
    matched = [c for c in ranked if head_title in introductions.titles(c.entity)]
    matched = matched or [c for c in ranked if _same_trade(head_title, introductions.titles(c.entity))]
    if matched:
        # The fullest fit first: "the French President" is the French one of two presidents.
        return max(matched, key=lambda c: (len(described & introductions.titles(c.entity)), c.score)).entity
    if possessor is None and is_delayed_lede(head, tokens[-1], salience, introductions):
        found = _named_after_lede(salience, introductions, head, fits)
        if found is not None:
            return found
    if possessor is not None and owner is not None and owner.name:
        # "his attorney" before the article names "An attorney for Pagliano, Mark MacDougall":
        # the one person it introduces with that title as the owner's (or no one else's).
        later = [e for e in entities.entities if fits(e) == _TITLE_MATCH and _introduced_as_theirs(head.doc, e, owner.name)]
        if len(later) == 1:
            return later[0]
    if possessor is None and head_title in ROLE_TITLES:
        # "The New York state attorney general is confirming …" before "But Attorney General
        # Eric Schneiderman isn't saying …": the office holder the next sentence names.
        # Not one introduced as a former holder ("The Vermont senator aimed …" before "… second
        # to former senator Ray Tull"): the description speaks of the office held now.
        def holding(key: object) -> float:
            former = isinstance(key, Entity) and "former" in introductions.titles(key) and "former" not in described
            return 0.0 if former else fits(key)

        found = _introduced_after(head.doc, salience, introductions, head, head_title, holding, _NEXT_SENTENCES)
        if found is not None:
            return found
    if head_word(head) in _SPOKESPEOPLE:
        # No one introduced as a spokesman: someone's unnamed one ("Mayor Roth's spokesman said
        # …" then "the spokesman added"), never the person in view, whom they speak for.
        return None
    # No title fits: the person in view — one who spoke, or one much talked about just before;
    # for a description naming a body ("The FBI director", "The BHF legend") only one introduced
    # with it ("former BHF star Emil Varga"): anyone else would hold an office of it by name.
    if possessor is not None and owner is not None and owner.name and head_word(head) in _KIN_NOUNS:
        relative = _relative(salience, introductions, entities, head, owner.name, gender)
        if relative is not None:
            return relative
    bodies = {t.lower_ for t in tokens if t.i < head.i and t.ent_type_ == "ORG" and t.dep_ == "compound" and not parties({title(t.lower_)})}
    if head_word(head) in _FORMER_MEMBERS:
        bodies = set()  # "The Navy veteran" after "…," Kerr said: a past, no office anyone holds by name
    in_view = [c for c in ranked if (c.speaker or c.score >= _PERSON_SALIENCE) and bodies <= introductions.titles(c.entity)]
    if in_view:
        return in_view[0].entity
    if salience.sentence[head.i] <= _LEAD_SENTENCES:
        found = _introduced_after(head.doc, salience, introductions, head, head_title, fits, _LEAD_SENTENCES)
        if found is None and head_title not in ROLE_TITLES and head.idx < _headline_end(head.doc):
            found = _subject_introduced_after(head.doc, salience, introductions, fits, _LEAD_SENTENCES)
        if found is not None:
            return found
    return _headline_subject(head.doc, introductions, head, fits)


def _places_tied(doc: Doc, person: Entity) -> set[str]:
    """The places the article ties a person to, lower-case: "Sen. Joni Ernst, R-Iowa", "Iowa Sen.
    Joni Ernst", "Sanders, the senator from Vermont"; a description naming another place ("the
    Florida senator") is not them."""
    text = doc.text
    tied: set[str] = set()
    for mention in person.mentions:
        party = _PARTY_PLACE.match(text, mention.end)
        if party is not None:
            tied.add(party.group(1).lower())
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None:
            continue
        before = doc[max(name.sent.start, name.start - 3) : name.start]
        tied.update(t.lower_ for t in before if t.ent_type_ == "GPE" and t.dep_ == "compound")
        appositions = (c for c in name.root.children if c.dep_ == "appos")
        tied.update(t.lower_ for a in appositions for t in a.subtree if t.ent_type_ == "GPE" and _place_of(t, a))
    return tied


def _place_of(place: Token, role: Token) -> bool:
    """A place word that says where the holder of ``role`` is from: "the senator from Vermont", "a
    Vermont senator"; not one a longer phrase names ("chairman of the committee on Benghazi")."""
    head = place.head.head if place.head.dep_ == "compound" else place.head
    return head == role or (head.lower_ == "from" and head.head == role)


def _same_place(tied: str, words: list[str]) -> bool:
    """Whether a place a person is tied to is the one a description's ``words`` name, written in
    full or shortened: "iowa", "fla." for "Florida", "s.c." for "South Carolina"."""
    short = tied.replace(".", "")
    if not tied.endswith("."):
        return tied in words
    return short == "".join(w[0] for w in words) or any(w[:1] == short[:1] and _letters_in_order(short, w) for w in words)


def _letters_in_order(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` with letters left out: "fla" in "florida"."""
    rest = iter(word)
    return all(letter in rest for letter in short)


def is_delayed_lede(head: Token, end: Token, salience: Salience, introductions: Introductions) -> bool:
    """A delayed lede: the first sentence below the headline has for subject a person described at
    length, in a phrase ending at ``end`` or in the parse's subtree, who is named only after it
    ("The lifelong Republican who wrote the speech … says he won't vote …", then "Richard Cross, …")."""
    if head.dep_ not in ("nsubj", "nsubjpass", "ROOT") or head.tag_ not in ("NN", "NNP") or not with_the(head):
        return False
    doc = head.doc
    body = next((t for t in doc if t.idx >= _headline_end(doc) and not t.is_space), None)
    if body is None or salience.sentence[head.i] != salience.sentence[body.i]:
        return False
    end = max(end, head.right_edge, key=lambda t: t.i)  # a bad parse may leave the clause off the subtree
    if len([t for t in head.doc[head.i + 1 : end.i + 1] if not t.is_punct]) < _LONG_MODIFIER:
        return False
    return head_word(head) in ROLE_HEADS | PERSON_NOUNS or is_party_word(head.lower_) or _gender_after(end, introductions) is not None


def _named_after_lede(salience: Salience, introductions: Introductions, head: Token, fits: Fit) -> Entity | None:
    """A delayed lede's subject: of the people the next sentences name who fit and are not named
    in the lede itself (as Hillary Clinton is in "The Romanian hacker whose cyber-mischief first
    revealed that Hillary Clinton …"), the first named as a subject ("In an interview with David
    Axelrod …, Mary Kay Henry said"), else the first."""
    doc = head.doc
    in_lede = {id(e) for i, (e, _) in introductions.mention_at.items() if salience.sentence[i] == salience.sentence[head.i]}
    last = salience.sentence[head.i] + _LEDE_SENTENCES
    named = []
    for i in range(head.sent.end, len(doc)):
        if salience.sentence[i] > last:
            break
        found = introductions.mention_at.get(i)
        if found is not None and found[0].type == "person" and id(found[0]) not in in_lede and fits(found[0]):
            named.append((found[0], doc[i]))
    subjects = [e for e, root in named if root.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else named[0][0] if named else None


def _gender_after(word: Token, introductions: Introductions) -> str | None:
    """The gender the he/she/his/her after a description's ``word`` in its sentence give, before
    anyone else is named ("the candidate discusses …, including lessons from her mother"): pronouns
    that can only look back to the description; none when they differ ("his or her potential")."""
    genders = set()
    for token in word.doc[word.i + 1 : word.sent.end]:
        if token.i in introductions.mention_at or token.ent_type_ == "PERSON":
            break
        if token.pos_ == "PRON" and pronoun_gender(token.lower_) is not None:
            genders.add(pronoun_gender(token.lower_))
    return genders.pop() if len(genders) == 1 else None


def _same_trade(head_title: str, titles: set[str]) -> bool:
    """"The anchor" and "reporter Jorge Ramos": one trade under another title, a closer fit than
    anyone introduced with none (an exact title still comes first)."""
    return head_title in JOURNALISTS and bool(titles & JOURNALISTS)


def _introduced_as_theirs(doc: Doc, person: Entity, owner: str) -> bool:
    """Whether the sentence introducing ``person`` leaves them to ``owner``: it names no one else
    whose they are ("Mayor Maria Roth's lawyer Carla Wessel" is not Lund's lawyer; "An attorney
    for Pagliano, Mark MacDougall" and "His spokesman Jo Tate" may be)."""
    first = person.mentions[0]
    mention = doc.char_span(first.start, first.end, alignment_mode="expand")
    if mention is None:
        return False
    owners = [
        name_words(t.text)[-1:]
        for t in mention.sent
        if t.pos_ == "PROPN" and not (first.start <= t.idx < first.end)
        and (t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in ("for", "of") and t.head.head.pos_ == "NOUN"))
    ]
    return not owners or name_words(owner)[-1:] in owners


def _headline_subject(doc: Doc, introductions: Introductions, head: Token, fits: Fit) -> Entity | None:
    """The lead's "The Democratic nominee attacked …" under "Lorna Vesely Goes After …": the
    person whose name opens the headline, for a description in the first lines below it."""
    lines = [m.end() for m in re.finditer(r"[^\n]*\S[^\n]*", doc.text)]
    if not lines or head.idx < lines[0] or head.idx > lines[min(_LEAD_LINES, len(lines) - 1)]:
        return None
    opening = next((t.idx for t in doc if not t.is_space and not t.is_punct), None)
    found = next((e for e, mention in introductions.mention_at.values() if mention.start == opening), None)
    return found if found is not None and found.type == "person" and fits(found) else None


def _introduced_after(doc: Doc, salience: Salience, introductions: Introductions, head: Token, head_title: str, fits: Fit, sentences: int) -> Entity | None:
    """A headline's or lead's "Judge rejects …" before the article names "Justice Frank Nervo",
    within ``sentences`` sentences."""
    last = salience.sentence[head.i] + sentences
    for i in range(head.i + 1, len(doc)):
        if salience.sentence[i] > last:
            break
        found = introductions.mention_at.get(i)
        if found is not None and found[0].type == "person" and head_title in introductions.titles(found[0]) and fits(found[0]):
            return found[0]
    return None


def _headline_end(doc: Doc) -> int:
    """Where the article's first line ends."""
    first = re.search(r"[^\n]*\S[^\n]*", doc.text)
    return first.end() if first is not None else 0


def _subject_introduced_after(doc: Doc, salience: Salience, introductions: Introductions, fits: Fit, sentences: int) -> Entity | None:
    """A headline's "Woman reveals …" or "Man sues …": the person the lead then names as the
    subject of a sentence's main verb ("Betsy Sharp of Burke County knows Donald Trump …"),
    within its first ``sentences`` sentences; not someone the lead only mentions."""
    end = _headline_end(doc)
    body = next((t.i for t in doc if t.idx >= end and not t.is_space), len(doc))
    if body == len(doc):
        return None
    last = salience.sentence[body] + sentences - 1
    for i in range(body, len(doc)):
        if salience.sentence[i] > last:
            break
        found = introductions.mention_at.get(i)
        if found is None or found[0].type != "person" or not fits(found[0]):
            continue
        mention = doc.char_span(found[1].start, found[1].end, alignment_mode="expand")
        if mention is not None and mention.root.dep_ in ("nsubj", "nsubjpass") and mention.root.head.dep_ == "ROOT":
            return found[0]
    return None


def _relative(salience: Salience, introductions: Introductions, entities: EntityIndex, head: Token, owner: str, gender: str | None) -> Entity | None:
    """"His ex-wife" of Donald Trump: another person named with his surname and of the gender
    the noun gives, the most salient before, else the first the article names."""
    surname = name_words(owner)[-1:]

    def related(key: object) -> float:
        if not isinstance(key, Entity) or key.type != "person" or key.name == owner or len(name_words(key.name)) < 2:
            return 0.0
        known = introductions.gender(key)
        return float(name_words(key.name)[-1:] == surname and (gender is None or known in (None, gender)))

    ranked = salience.ranked(head.i, related)
    if ranked:
        return ranked[0].entity
    return next((e for e in entities.entities if related(e)), None)
