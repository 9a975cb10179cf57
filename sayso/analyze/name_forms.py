"""The written forms of a name: cleaned for an index, keyed for comparison, split into words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import ROLE_HEADS

LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(['’]s|['’])$")
EDGE_PUNCTUATION = "\"“”‘’'()[]{},;:-–—*"

# Words before a name that are a title or a description, not part of the name.
HONORIFICS = frozenset("mr mrs ms miss mx dr sen rep gov lt col gen adm cmdr capt sgt rev prof sir dame hon atty supt".split())
NAME_PREFIXES = HONORIFICS | ROLE_HEADS | frozenset(
    """
    republican democrat democratic gop former vice late then rival libertarian independent deputy
    acting councillor councilor councilman councilwoman alderman commissioner professor coach
    pastor rabbi bishop cardinal captain sergeant detective inspector superintendent moderator
    anchor correspondent nurse
    """.split()
)
GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words an organisation's name shares with many others: they alone do not pick one out.
FUNCTION_WORDS = frozenset("of for or and the in on at to a an de du la le des del von van".split())


def clean_name(text: str) -> str:
    """A name as it would head an index entry: no article in front, no possessive behind."""
    return POSSESSIVE.sub("", LEADING_ARTICLE.sub("", text.strip())).strip()


# Entity clustering compares every mention's name with every other's: the same few dozen names
# are normalised thousands of times per article, so both forms are remembered (pure functions).
@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """The form two spellings of one name share: case, curly apostrophes and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


def name_words(text: str) -> list[str]:
    """The words of a name, lower case, without edge punctuation, honorifics or Jr./Sr."""
    return list(_name_words(text))


@lru_cache(maxsize=4096)
def _name_words(text: str) -> tuple[str, ...]:
    words = [w.strip(EDGE_PUNCTUATION + ".").replace("’", "'") for w in name_key(text).split()]
    words = [w for w in words if w and w not in HONORIFICS]
    while len(words) > 1 and words[-1] in GENERATIONAL:
        words.pop()
    return tuple(words)


def word_before(text: str, start: int) -> str | None:
    """The word right before ``start`` (within six characters), lower case and without its full
    stop: where a "Mr." or "Sen." in front of a name stands."""
    before = text[max(0, start - 6) : start].strip().rstrip(".").lower().split()
    return before[-1] if before else None


def transcript_label(text: str, start: int, end: int) -> str | None:
    """A name in capitals that opens a line and is followed by a colon ("PENCE: …", how a
    transcript marks who speaks): the name in title case ("Pence"); None for anything else."""
    name = text[start:end].strip()
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[end:].lstrip(" ").startswith(":"):
        return None
    if not name.isupper() or not all(w.isalpha() for w in name.replace(".", " ").replace("'", " ").split()):
        return None
    return " ".join(w.capitalize() for w in name.split())


_LABEL_AT_LINE_START = re.compile(r"^[ \t]*([A-Z][A-Z.'’ ]*[A-Z.])[ \t]*:", re.MULTILINE)


def fuller_label_before(text: str, start: int, label: str) -> str | None:
    """The fuller transcript label an earlier turn gave the same speaker, in title case: a
    transcript names someone in full on their first turn ("JAKE TAPPER: …") and by surname on
    the next ones ("TAPPER: …"), the full name written nowhere else."""
    words = name_words(label)
    for match in reversed(list(_LABEL_AT_LINE_START.finditer(text, 0, start))):
        fuller = transcript_label(text, match.start(1), match.end(1))
        if fuller is not None and len(theirs := name_words(fuller)) > len(words) and theirs[-len(words) :] == words:
            return fuller
    return None


def misspelt(written: str, name: str) -> bool:
    """``written`` is ``name`` with one letter wrong, missing, added or swapped ("Wines" for
    "Wimes", "McLenney" for "McClenney"): a scraped or hurried page spells a surname it gave in
    full a paragraph earlier. Both of five letters or more and starting alike, so that short
    names ("Bush", "Rush") and different names ("Barr", "Carr") never meet."""
    a, b = written.casefold(), name.casefold()
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]])
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(shorter)) if shorter[k] != longer[k]), len(shorter))
    return shorter[i:] == longer[i + 1 :]


def is_title_case(line: str) -> bool:
    """Whether a line capitalises its words as a headline does, so that capitals there say little."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
