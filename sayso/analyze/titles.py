"""Titles and role nouns, reduced so that a description can be matched to an introduction.

"Sen. Lindsey Graham" and "the senator" share the title "senator"; "vice president" stays
apart from "president"; "Republican" and "GOP" are one party.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import GOVERNMENT_HEADS, ORGANISATION_HEADS, ROLE_HEADS, VAGUE_HEADS
from .name_forms import HONORIFICS

# Nouns that describe a person without being an office: "the New York businessman".
PERSON_NOUNS = frozenset(
    """
    man woman lady businessman businesswoman mother father wife husband daughter son brother sister
    widow widower mom dad grandmother grandfather boy girl doctor physician surgeon professor
    nominee candidate billionaire mogul developer lawmaker legislator congressman congresswoman
    author writer economist activist republican democrat veteran mayor actor actress singer
    star host anchor reporter columnist editor moderator narrator student teacher pastor
    minister rabbi priest bishop pope officer detective coach player executive banker investor
    entrepreneur consultant strategist pollster operative aide adviser advisor friend rival
    opponent challenger incumbent frontrunner front-runner contender hopeful newcomer tycoon
    magnate heir heiress founder owner chief justice judge lawyer attorney prosecutor
    native supporter voter socialist volunteer protester organizer organiser retiree immigrant
    lobbyist donor graduate alumnus alumna neurosurgeon nurse scientist engineer farmer pilot
    soldier sailor historian scholar researcher analyst journalist correspondent commentator
    comedian musician artist filmmaker producer photographer architect athlete model year-old
    manager speaker legend
    """.split()
)
# Offices people run for or hold by election or appointment, and the professions of those who
# study or comment on them: "the GOP candidate" is not the economist quoted just before.
ELECTED_OFFICES = frozenset(
    "candidate nominee president senator representative governor mayor premier chancellor minister".split()
)
COMMENTATORS = frozenset(
    """
    economist analyst professor scholar researcher historian scientist expert pollster strategist
    consultant reporter correspondent columnist editor journalist commentator anchor host doctor
    """.split()
)
# Those who make their money in business: "the real estate tycoon" is not the reporter either.
BUSINESS_PEOPLE = frozenset(
    "businessman businesswoman billionaire mogul developer tycoon magnate banker investor entrepreneur executive heir heiress".split()
)
# One trade under several titles: "the anchor" may be the person introduced as a reporter.
JOURNALISTS = frozenset("reporter correspondent columnist editor journalist commentator anchor host".split())
# Abbreviated and equivalent titles, reduced to one word each.
_TITLE_FORMS = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov": "governor",
    "gen": "general", "atty": "attorney", "pres": "president", "sec": "secretary",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chair": "chairman", "advisor": "adviser", "lawmaker": "representative",
    "legislator": "representative", "gop": "republican", "democrat": "democratic",
    "justice": "judge", "dr": "doctor", "physician": "doctor", "adm": "admiral", "col": "colonel",
    "capt": "captain", "sgt": "sergeant", "cmdr": "commander",
}
# Titles that name another office than their last word: "vice president" is not "president".
_TITLE_PREFIXES = frozenset({"vice", "deputy", "assistant", "lieutenant", "lt", "under", "associate", "co", "ex", "first"})
_PARTIES = {"republican": "R", "democratic": "D"}
ROLE_TITLES = frozenset(ROLE_HEADS | {_TITLE_FORMS.get(r, r) for r in ROLE_HEADS})
_KNOWN_HEADS = ROLE_HEADS | GOVERNMENT_HEADS | VAGUE_HEADS | ORGANISATION_HEADS | PERSON_NOUNS


def head_word(token: Token) -> str:
    """The lemma, also for plural proper nouns the lemmatizer leaves alone ("Ministers")."""
    word = token.lemma_.lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ and not doc[token.i - 1].whitespace_:
        joined = f"{doc[token.i - 2].lower_}-{word}"  # "front-runner" is split in three tokens
        if joined in _KNOWN_HEADS:
            return joined
    if word.endswith("s") and word[:-1] in _KNOWN_HEADS:
        return word[:-1]
    if word not in _KNOWN_HEADS and token.pos_ == "NOUN":
        for person in ("woman", "man"):
            if word.endswith(person) and len(word) - len(person) >= 3:
                return person  # "the radioman", "the fisherwoman": a man or woman of that trade
    return word


def title(word: str) -> str:
    """One word of a title, reduced: "Sen." and "senator" are both "senator"."""
    word = word.lower().strip(".,")
    return _TITLE_FORMS.get(word, word)


def title_set(words: list[str]) -> set[str]:
    """Title words, each reduced, with "vice president" kept apart from "president"."""
    reduced = [title(w) for w in words if w]
    titles = set()
    for i, word in enumerate(reduced):
        if word in _TITLE_PREFIXES and i + 1 < len(reduced):
            continue
        if i > 0 and reduced[i - 1] in _TITLE_PREFIXES:
            titles.add(f"{reduced[i - 1]} {word}")
        else:
            titles.add(word)
    return titles


def parties(words: set[str]) -> set[str]:
    """The parties ("R", "D") reduced title words name."""
    return {_PARTIES[w] for w in words if w in _PARTIES}


def is_party_word(word: str) -> bool:
    """"Republican", "GOP", "Democrat": a word naming a party's member."""
    return title(word) in _PARTIES


def phrase_head(token: Token) -> Token:
    """The role noun a name hangs from: "President" in "President of the Republic of X Name"."""
    current = token
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "appos", "compound", "nmod") or current.head.i == current.i:
            break
        current = current.head
    if current.i != token.i and current.pos_ in ("NOUN", "PROPN") and head_word(current) in ROLE_HEADS | PERSON_NOUNS:
        return current
    return token


def title_words(doc: Doc, tokens: list[Token], root: Token) -> list[str]:
    """Words before a name in its phrase ("French President"), and its appositive's words."""
    words = []
    i = tokens[0].i - 1
    while i >= 0:
        if doc[i].pos_ in ("PROPN", "ADJ", "NOUN") and doc[i].dep_ in ("compound", "amod", "nmod", "conj") and doc[i].text[:1] != "(":
            words.insert(0, doc[i].lower_)
        elif not (doc[i].pos_ == "CCONJ" and words and i > 0 and doc[i - 1].pos_ in ("ADJ", "NOUN") and doc[i - 1].ent_type_ in ("", "NORP")):
            break  # "Popular Christian and corporate speaker Lance Wallnau": one run of words; not "Trump and Sen. Ted Cruz"
        i -= 1
    if i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        words.insert(0, doc[i].lower_.rstrip("."))
    appositives = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        appositives.append(root.head)
    elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.dep_ == "prep":
        # "An attorney for Pagliano, Mark MacDougall": the parse hangs the name on the nearer
        # name, but it is the attorney's.
        role = root.head.head.head
        if role.pos_ == "NOUN" and head_word(role) in ROLE_HEADS | PERSON_NOUNS:
            appositives.append(role)
    for noun in appositives:
        words.extend(t.lower_ for t in noun.subtree if t.i <= noun.i and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.ent_type_ == "PERSON")
    return words
