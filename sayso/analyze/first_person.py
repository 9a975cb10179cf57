"""Who "I" and "my father" are in a first-person piece: its author and the family it names.

Attributions inside a quotation that a speaker opens with "I" belong to that speaker; the "I"
left for the resolver is the author's own, in an essay, a column or a reader's letter. Such
pieces name their author in a closing line ("Charlotte Vey is a playwright in Osk.") or sign
off with the name alone, and name the family they speak of once ("my parents, James and Olive
Vey"; "my father, Tomas Vey").
"""

from __future__ import annotations

import re

from ..model import Entity
from .entities import EntityIndex
from .gender import name_gender
from .name_forms import name_words

FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself", "mine"})
KIN_GENDER = {  # as ``gender.name_gender`` gives it
    "father": "m", "dad": "m", "husband": "m", "son": "m", "brother": "m", "grandfather": "m", "uncle": "m",
    "mother": "f", "mom": "f", "mum": "f", "wife": "f", "daughter": "f", "sister": "f", "grandmother": "f", "aunt": "f",
}
_NAME = r"[A-Z][\w'’-]+"
_KIN_NAMED = re.compile(rf"\b[Mm]y ({'|'.join(KIN_GENDER)}),\s+({_NAME}(?:\s+{_NAME})+)")
_PARENTS_NAMED = re.compile(rf"\b[Mm]y parents,\s+({_NAME})\s+and\s+({_NAME})\s+({_NAME})")
# A closing line about the writer: "Charlotte Vey is …", "Charlotte Vey, a playwright, …", "— Charlotte Vey".
_TAGLINE = re.compile(rf"^(?:[—–-]\s*)?({_NAME}(?:\s+{_NAME}){{1,3}})(?:\s+(?:is|was|writes|teaches|lives)\b|,\s+(?:a|an|the)\b|\s*$)")
_TAGLINE_PARAGRAPHS = 2


def author(text: str, entities: EntityIndex) -> Entity | None:
    """The person a closing line of the article presents as its writer, if one does."""
    paragraphs = [p.strip() for p in text.rstrip().split("\n") if p.strip()]
    for paragraph in reversed(paragraphs[-_TAGLINE_PARAGRAPHS:]):
        match = _TAGLINE.match(paragraph)
        if match is None:
            continue
        words = name_words(match.group(1))
        person = next((e for e in entities.entities if e.type == "person" and name_words(e.name) == words), None)
        if person is not None:
            return person
    return None


def kin_name(text: str, kin: str) -> str | None:
    """The name the writer gives "my ``kin``" ("my father, Tomas Vey"; the father of "my parents,
    James and Olive Vey", by the gender of the first names)."""
    for match in _KIN_NAMED.finditer(text):
        if match.group(1).lower() == kin:
            return match.group(2)
    gender = KIN_GENDER.get(kin)
    if kin in ("father", "mother", "dad", "mom", "mum"):
        for match in _PARENTS_NAMED.finditer(text):
            first, second, surname = match.groups()
            genders = [name_gender(name_words(given)) for given in (first, second)]
            if genders.count(None) == 1:  # one first name known: the other parent is the other one
                genders[genders.index(None)] = "f" if "m" in genders else "m"
            for given, its in zip((first, second), genders):
                if its == gender:
                    return f"{given} {surname}"
    return None
