"""How names are compared across articles: lookup keys, acronyms, surnames and roles.

Pure string functions; ``aliases.py`` decides with them which stored entity a name is.
"""

from __future__ import annotations

import re
import unicodedata

from ..analyze.lexicon import ROLE_HEADS

LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_NON_WORD = re.compile(r"[^\w\s&-]+")
_SPACE = re.compile(r"\s+")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev", "sen", "rep", "gov", "gen", "col", "lt", "capt"})
_ACRONYM_SKIP = frozenset({"of", "for", "the", "and", "in", "on", "at", "to", "&", "or"})


def key(name: str) -> str:
    """Lookup key of a name: case, accents, a leading article, punctuation and honorifics dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", LEADING.sub("", text.strip()))
    words = _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip().casefold().split()
    while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def acronym(name: str) -> str | None:
    """Initials of a multi-word name: "Syrian Observatory for Human Rights" → "SOHR"."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", name) if w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(w[0].upper() for w in words)


def acronym_matches(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long``, also when a function word's initial is kept ("NoH")."""
    letters = short.replace(".", "").upper()
    if acronym(long) == letters:
        return True
    every = "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w-]*", long))
    return len(every) >= 2 and every == letters


_TITLE_WORDS = ROLE_HEADS | {"fire", "police", "prime", "vice", "deputy", "foreign", "state", "party", "army", "union"}


def split_title(name: str) -> tuple[str, str]:
    """A person's name without the role words NER left in front: "Mayor Ines Varga" → ("mayor", "Ines Varga")."""
    words = name.split()
    cut = 0
    while cut < len(words) - 1 and words[cut].lower().rstrip(".") in _TITLE_WORDS | _HONORIFICS:
        cut += 1
    if not any(w.lower() in ROLE_HEADS for w in words[:cut]):
        return "", name
    return " ".join(words[:cut]).lower(), " ".join(words[cut:])


def surname(name: str) -> str | None:
    """The last word of a person's multi-word name, as a key."""
    words = key(name).split()
    return words[-1] if len(words) > 1 else None


def given_names(name: str) -> list[str]:
    return key(name).split()[:-1]


def role_key(words: str) -> str | None:
    """A role phrase as a key ("the French President" → "french president"); None if it is a name."""
    text = key(words)
    if not text or any(ch.isdigit() for ch in text):
        return None
    return text


def title_of(speaker_text: str, name: str) -> str | None:
    """The role words a speaker phrase puts before a name: "French President Emmanuel Macron" → "french president"."""
    text_key, name_key = key(speaker_text), key(name)
    if not name_key or not text_key.endswith(name_key) or text_key == name_key:
        return None
    title = text_key[: -len(name_key)].strip(" ,")
    words = title.split()
    if not words or len(words) > 6 or words[-1] in ("of", "the", "and"):
        return None
    return title
