"""The words of a claim that say what it is about, in a form two wordings share.

Linking reads only stored claim text, never the parsed article, so this is plain string
work: lower case, no function words or figures, and a light suffix strip so that "fighters"
and "fighter", "sent" and "sending" meet. Counted things ("ISIS fighters", "militants",
"mercenaries") also get a class, because reporters vary the noun for one group of people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import TimeExpression

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec".split())  # "August 16" is a date, not a numbered thing
_NUMBERED = re.compile(r"\b([A-Z][a-z]{2,}) (\d{1,4}[A-Za-z]?)\b(?![,.]\d)")
_APPROXIMATELY = frozenset({"roughly", "approximately", "almost", "around", "exactly", "only", "under", "fewer", "nearly", "over"})  # "Some 72 percent", "Roughly 40 people": no numbered thing
_CLOCK_VALUE = re.compile(r"(?:^|T)(\d{2}:\d{2})")
MOMENT = "@"  # marks a time of day among a claim's terms
# Every poll states its margin of error in the same words ("a margin of sampling error of plus or
# minus 3 percentage points"): they say how a poll was taken, not what it found, so two claims
# sharing them are no more one matter than two polls are one poll.
_POLL_MARGIN = re.compile(r"\bmargin of (?:sampling )?error\b|\bplus[ -]or[ -]minus\b|\+/-|±", re.I)
_EXTRA_STOP = frozenset(
    {"said", "says", "say", "told", "according", "also", "would", "could", "may", "might", "will",
     "one", "two", "three", "new", "like", "including", "just", "year", "years", "day", "days",
     "week", "weeks", "month", "months", "percent", "per", "cent", "least", "more", "than", "about",
     "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
     "billions", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty"}
)

# Nouns reporters use interchangeably for one counted group; the key is the class name.
COUNTED_CLASSES: dict[str, frozenset[str]] = {
    "combatants": frozenset(
        {"fighter", "militant", "mercenary", "jihadist", "combatant", "terrorist",
         "soldier", "troop", "insurgent", "rebel", "militia", "militiamen", "gunmen", "recruit"}
    ),
    "casualties": frozenset({"dead", "death", "casualty", "fatality", "victim", "killed", "body"}),
    "people": frozenset({"people", "person", "civilian", "resident", "inhabitant", "citizen", "individual"}),
    "displaced": frozenset({"refugee", "evacuee", "displaced", "migrant", "asylum"}),
    "homes": frozenset({"home", "house", "household", "dwelling", "building", "apartment", "flat"}),
    "jobs": frozenset({"job", "worker", "employee", "position", "post", "layoff", "redundancy"}),
}


# Past forms that no suffix strip brings back to their verb ("took", "taken" → take), for the
# verbs news reports use most; forms that are mostly other words ("left", "lay", "felt", "bit",
# "fed") are not listed.
_IRREGULAR_VERBS = {
    form: verb
    for verb, forms in {
        "arise": "arose arisen", "beat": "beaten", "become": "became", "begin": "began begun",
        "bend": "bent", "bite": "bitten", "blow": "blew blown", "break": "broke broken",
        "bring": "brought", "build": "built", "burn": "burnt", "buy": "bought", "catch": "caught",
        "choose": "chose chosen", "come": "came", "deal": "dealt", "dig": "dug",
        "draw": "drew drawn", "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen",
        "fight": "fought", "find": "found", "flee": "fled", "forbid": "forbade forbidden",
        "forget": "forgot forgotten", "freeze": "froze frozen", "get": "got gotten",
        "give": "gave given", "go": "went gone", "grow": "grew grown", "hang": "hung",
        "hear": "heard", "hide": "hid hidden", "keep": "kept", "know": "knew known",
        "lead": "led", "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid",
        "ride": "rode ridden", "ring": "rang rung", "rise": "rose risen", "run": "ran",
        "see": "saw seen", "seek": "sought", "sell": "sold", "shake": "shook shaken",
        "shoot": "shot", "shrink": "shrank shrunk", "sing": "sang sung", "sink": "sank sunk",
        "sit": "sat", "sleep": "slept", "speak": "spoke spoken", "spend": "spent", "stand": "stood",
        "steal": "stole stolen", "stick": "stuck", "strike": "struck stricken", "swear": "swore sworn",
        "swim": "swam swum", "take": "took taken", "teach": "taught", "tear": "tore torn",
        "think": "thought", "throw": "threw thrown", "understand": "understood", "wake": "woke woken",
        "wear": "wore worn", "win": "won", "withdraw": "withdrew withdrawn", "write": "wrote written",
    }.items()
    for form in forms.split()
}


def stem(word: str) -> str:
    """A crude, stable stem: enough for plural and tense variants of one word, and the noun a
    verb makes, to meet ("injured", "injuries"; "inspected", "inspection"; "closed", "close";
    "took", "taken", "takes")."""
    word = word.lower().replace("’", "'")
    word = _inflection(_IRREGULAR_VERBS.get(word, word))
    if word.endswith("ion") and len(word) >= 8:
        word = word[:-3]
    if word.endswith("y") and len(word) >= 6 and word[-2] not in "aeiou":
        return word[:-1]
    if word.endswith("e") and len(word) >= 5:
        return word[:-1]
    return word


def _inflection(word: str) -> str:
    """``word`` without a possessive, plural or tense ending."""
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# Counts of people in general, which what was done to them makes a count of something more
# particular: "four people were killed" counts casualties, "30 people were hurt" the hurt.
PEOPLE_COUNTS = frozenset({"people", "passenger", "patient", "fan", "supporter", "spectator", "visitor", "pupil", "student", "men", "women", "children", "adult"})

# Verbs reporters use interchangeably for one event done to a count ("300 fighters were
# transferred", "Turkey sent 4,000 mercenaries"); the key is the class name.
VERB_CLASSES: dict[str, frozenset[str]] = {
    "moved": frozenset({"send", "sent", "transfer", "transport", "move", "deploy", "dispatch", "relocate", "ship", "fly", "flew", "flown", "arrive"}),
    "casualties": frozenset({"kill", "die", "died", "perish", "slay", "slain", "drown"}),  # as the counted nouns: "death", "dead"
    "hurt": frozenset({"injure", "hurt", "wound", "treat", "hospitalise", "hospitalize"}),
    "destroyed": frozenset({"destroy", "damage", "flatten", "wreck", "demolish", "raze"}),
    "rescued": frozenset({"rescue", "evacuate", "save", "airlift"}),
    "detained": frozenset({"arrest", "detain", "hold", "held", "jail", "imprison", "capture"}),
    "closed": frozenset({"close", "shut", "suspend", "halt"}),
}


def _verb_forms(verb: str) -> set[str]:
    """A verb and its regular inflections ("transfer": transfers, transferred, transferring)."""
    bare = verb[:-1] if verb.endswith("e") else verb
    doubled = verb + verb[-1] if verb[-1] not in "aeiouwy" else verb
    return {verb, verb + "s", verb + "es", bare + "ed", bare + "ing", doubled + "ed", doubled + "ing"}


_VERB_CLASS_OF = {stem(form): name for name, verbs in VERB_CLASSES.items() for verb in verbs for form in _verb_forms(verb)}

# Each word of a class under itself and its stem, as ``terms`` and ``counted_class`` meet it.
_CLASS_OF = {form: name for name, words in COUNTED_CLASSES.items() for word in words for form in (word, stem(word))}


def _every_term(text: str) -> Iterator[tuple[str, str | None]]:
    """(word as written, its term) for every word of ``text`` in reading order; None for a function word."""
    for word in _WORD.findall(_POLL_MARGIN.sub(" ", text)):
        lower = word.lower()
        if len(lower) < 3 or lower in STOP_WORDS or lower in _EXTRA_STOP:
            yield word, None
            continue
        stemmed = stem(lower)
        yield word, _CLASS_OF.get(stemmed) or _VERB_CLASS_OF.get(stemmed, stemmed)


def worded_terms(text: str) -> Iterator[tuple[str, str]]:
    """(word as written, its term) for the content words of ``text`` in reading order."""
    return ((word, term) for word, term in _every_term(text) if term is not None)


@lru_cache(maxsize=65536)
def adjacent_terms(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of terms whose words stand side by side in ``text`` ("private email", "email
    server"): two claims sharing such a pair share a phrase, one thing named in several words."""
    sequence = [term for _, term in _every_term(text)]
    return frozenset((x, y) for x, y in zip(sequence, sequence[1:]) if x and y and x != y)


def ordered_terms(text: str) -> Iterator[str]:
    """Stems of the content words of ``text`` in reading order; words for one counted group become its class."""
    return (term for _, term in worded_terms(text))


def words_in_common(text: str, common: set[str]) -> list[str]:
    """The words of ``text`` (as written, each once) whose terms are in ``common``: "mercenaries"
    and "sent" for the terms combatants and moved."""
    found: list[str] = []
    for word, term in worded_terms(text):
        if term in common and word not in found:
            found.append(word)
    return found


def terms(text: str) -> set[str]:
    """Stems of the content words of ``text``; words for one counted group become its class;
    a numbered thing ("Gate 7", "Flight 370", "Ward 12") as one word with its number."""
    numbered = {
        f"{stem(m.group(1))}#{m.group(2).lower()}"
        for m in _NUMBERED.finditer(text)
        if m.group(1).lower()[:3] not in _MONTHS and m.group(1).lower() not in STOP_WORDS | _EXTRA_STOP | _APPROXIMATELY
    }
    return set(ordered_terms(text)) | numbered


def moments(times: Iterable[TimeExpression]) -> set[str]:
    """The times of day a claim states, as terms ("@08:10" for "8.10 a.m." and "ten past eight"):
    two wordings of one moment then share a word, which ``grouping`` weighs as a figure; on a
    twelve-hour clock, since words often leave the half of the day unsaid. Midnight
    and noon are left out: "before midnight", "by noon" mark the day, not a moment."""
    found = set()
    for time in times:
        clock = _CLOCK_VALUE.search(time.value or "") if time.kind in ("time", "datetime") else None
        if clock is not None and clock.group(1) not in ("00:00", "12:00"):
            hour, minute = clock.group(1).split(":")
            found.add(f"{MOMENT}{int(hour) % 12:02d}:{minute}")  # "ten past four" says no a.m. or p.m.
    return found


_NEGATORS = frozenset({"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot"})
_BOUNDS = frozenset({"more", "fewer", "less", "later", "earlier", "longer", "sooner"})  # "no more than 50,000" bounds a figure
_SUBJECTS = frozenset({"i", "you", "we", "they", "he", "she", "it"})  # "nothing you can do": the negation's clause is the pronoun's
_NEGATING_PRONOUNS = frozenset({"nothing", "nobody", "none", "neither"})
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "but", "while", "although", "because", "and"})
_SUPPOSING = frozenset({"if", "unless", "whether"})  # the clause these open supposes, states nothing


@lru_cache(maxsize=65536)
def negated_terms(text: str) -> frozenset[str]:
    """The first term each negation in ``text`` reaches within its clause: what it says is not so
    ("has not paid a ransom": pay; "No patient data had been taken": patient; "none of its
    passengers had been hurt": passenger). "no more than 50,000" bounds a figure and negates nothing,
    and "nothing you can do" negates no word of it."""
    words = _clause_words(text)
    found: set[str] = set()
    reach = 0
    supposing = False
    for i, word in enumerate(words):
        if word in _CLAUSE_ENDS:
            reach = 0
            supposing = False
        elif word in _SUPPOSING:
            supposing = True  # "if no candidate wins a majority" denies nothing
        elif supposing:
            continue
        elif word in _NEGATORS or word.endswith(("n't", "n’t")):
            following = words[i + 1] if i + 1 < len(words) else ""
            bound = word in ("no", "not") and following in _BOUNDS
            # "nothing you can do", "nobody we spoke to": what is negated is a verb of the
            # relative clause after it, which the next content word ("folks", "spoke") is not.
            relative = word in _NEGATING_PRONOUNS and following in _SUBJECTS
            reach = 0 if bound or relative else 1
        elif reach:
            term = next(ordered_terms(word), None)
            if term is not None:
                found.add(term)
                reach = 0
    return frozenset(found)


@lru_cache(maxsize=65536)
def stated_terms(text: str) -> frozenset[str]:
    """The terms of what ``text`` states is so, which a negation elsewhere can contradict: not a
    verb it puts after "to" ("to release the transcripts" is a call, a plan or an aim, and "has
    not released them" bears it out), nor the words of a clause that supposes ("if no candidate
    wins a majority", "unless the court rules")."""
    found: set[str] = set()
    supposing = after_to = False
    for word in _clause_words(text):
        if word in _CLAUSE_ENDS:
            supposing = after_to = False
        elif word in _SUPPOSING:
            supposing = True
        elif word == "to":
            after_to = True
        else:
            term = next(ordered_terms(word), None)
            if term is not None and not supposing and not after_to:
                found.add(term)
            after_to = False
    return frozenset(found)


def _clause_words(text: str) -> list[str]:
    """Lower-case words and the punctuation that ends a clause, in order."""
    return re.findall(r"[\w'’-]+|[,;:.!?]", text.lower())


@lru_cache(maxsize=65536)
def common_terms(text: str) -> frozenset[str]:
    """Stems of the words that are not names (never capitalised mid-sentence): what is said *of* the names."""
    found = set()
    text = _POLL_MARGIN.sub(" ", text)
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if len(lower) < 3 or lower in STOP_WORDS or lower in _EXTRA_STOP:
            continue
        if word[0].isupper() and match.start() > 0 and text[: match.start()].rstrip()[-1:] not in ('"', "'", "“", "‘", ".", ""):
            continue
        found.add(stem(lower))
    return frozenset(found)


def counted_class(counted: str | None) -> str | None:
    """The class of what a quantity counts: its last noun's class, else that noun's stem."""
    if not counted:
        return None
    words = _WORD.findall(counted)
    if not words:
        return None
    head = stem(words[-1])
    return _CLASS_OF.get(head, _CLASS_OF.get(words[-1].lower(), head))


def verb_classes(lemmas: str) -> str:
    """A figure's verbs (the parse's lemmas, "fail inflate") as linking compares them: each
    verb's class ("transfer", "send" → moved), else its stem."""
    return " ".join(_VERB_CLASS_OF.get(stem(lemma), stem(lemma)) for lemma in lemmas.split())
