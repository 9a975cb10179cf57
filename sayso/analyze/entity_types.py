"""Entity typing: person, organisation, outlet, group or place, from NER labels corrected by use.

The labels of all an entity's mentions vote, corrected by how the article uses the name: a
"person" only ever found *in* or *into* somewhere, or also labelled as a place, is a place; a
name ending like an organisation's ("… Coal", "… Committee") is one, a name starting with a
first name or following a person's role ("moderator Lester Holt") is a person's, a one-word
"person" that is the subject of "itself" or one of "other companies" a body's; an
organisation whose name has a news word ("AsiaNews", "The Guardian") is an outlet.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .gender import is_first_name
from .lexicon import ORGANISATION_HEADS, OUTLET_WORDS, ROLE_HEADS, SPEECH_VERBS
from .name_forms import HONORIFICS, name_words, word_before
from .name_mentions import PLACE_LABELS, Cluster, Mention
from .titles import PERSON_NOUNS, head_word

_LOCATIVE = frozenset({"in", "into", "inside", "across", "throughout", "within"})
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Last words that make a name an organisation's, whatever NER thought ("Patriot Coal").
ORGANISATION_NAME_ENDINGS = ORGANISATION_HEADS | OUTLET_WORDS | frozenset(
    """
    inc corp corporation co ltd llc plc holdings group industries energy coal oil gas motors
    airlines partners capital fund trust center centre council bureau agency administration
    department ministry service services society club league
    """.split()
)
_GOVERNMENT_NAME_WORDS = frozenset(
    """
    government ministry administration congress senate parliament cabinet kremlin police army
    military navy pentagon council congressional federal department
    """.split()
)
_GOVERNMENT_NAME_ENDINGS = frozenset({"commission", "bureau", "service"})


def is_outlet_name(name: str) -> bool:
    """A name with a news word in it, also inside a run-together name ("AsiaNews")."""
    for word in re.findall(r"[A-Za-z]+", name):
        parts = [word] + _CAMEL.findall(word)
        if any(part.lower() in OUTLET_WORDS for part in parts):
            return True
    return False


def is_government_name(name: str) -> bool:
    """An organisation named as part of a state: "Obama administration", "Congressional Budget
    Office", a department, or a body named as a commission, bureau or service ("Securities and
    Exchange Commission", "Census Bureau"; not the "Commission on Presidential Debates")."""
    words = name_words(name)
    return any(w in _GOVERNMENT_NAME_WORDS for w in words) or bool(words) and words[-1] in _GOVERNMENT_NAME_ENDINGS


def entity_type(doc: Doc, cluster: Cluster, text: str) -> str:
    """The type of the entity a cluster of mentions names."""
    people = cluster.labels("PERSON")
    places = cluster.labels(*PLACE_LABELS)
    if any(len(w := name_words(f)) > 1 and w[-1] in ORGANISATION_NAME_ENDINGS for f in cluster.forms):
        return _organisation_kind(cluster)
    if not people and not places and (_named_like_a_person(cluster) or _after_a_role(cluster, text)):
        return "person"  # "Marta Quillon", "moderator Lester Holt" read as an organisation
    if cluster.full_person is None and any(m.label == "ORG" and len(name_words(m.span.text)) > 1 for m in cluster.mentions):
        # "Patriot" read as a person, "Patriot Coal" as the company it is
        return _organisation_kind(cluster)
    orgs = cluster.labels("ORG")
    groups = cluster.labels("NORP")
    if people:
        evidence = any(person_evidence(doc, m, text) for m in cluster.mentions)
        located = sum(locative(doc, m) for m in cluster.mentions)
        if cluster.full_person is not None:
            return "place" if not evidence and located >= 2 else "person"
        if not evidence and (places or located):
            return "place"
        if cluster.full_person is None and any(_used_as_a_body(doc, m) for m in cluster.mentions):
            return _organisation_kind(cluster)
        if people > orgs + places:
            return "person"
    if groups and groups >= max(orgs, places, people):
        return "group"
    if places and places >= orgs:
        return "place"
    if orgs or people:
        return _organisation_kind(cluster)
    return "place"


def _organisation_kind(cluster: Cluster) -> str:
    return "outlet" if any(is_outlet_name(f) for f in cluster.forms) else "organisation"


def person_evidence(doc: Doc, mention: Mention, text: str) -> bool:
    """A title before the name, or the name as the subject of a verb of saying."""
    if word_before(text, mention.span.start) in HONORIFICS:
        return True
    root = doc[mention.root_i]
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS


def _used_as_a_body(doc: Doc, mention: Mention) -> bool:
    """A one-word name NER took for a person's that the article treats as a body: the subject of
    "itself" ("Quillr has positioned itself as …") or one of "other companies" ("Quillr and
    other technology companies")."""
    root = doc[mention.root_i]
    if root.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "itself" for c in root.head.children):
        return True
    return any(
        c.dep_ == "conj" and c.tag_ == "NNS" and head_word(c) in ORGANISATION_HEADS and any(g.lower_ == "other" for g in c.children)
        for c in root.children
    )


def locative(doc: Doc, mention: Mention) -> bool:
    root = doc[mention.root_i]
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _named_like_a_person(cluster: Cluster) -> bool:
    """Two or three words starting with a first name and ending with no organisation word."""
    for form in cluster.forms:
        words = name_words(form)
        if 2 <= len(words) <= 3 and is_first_name(words[0]) and words[-1] not in ORGANISATION_NAME_ENDINGS:
            return True
    return False


def _after_a_role(cluster: Cluster, text: str) -> bool:
    """A name of two or three words right after a person's role ("moderator Lester Holt",
    "adviser Brian Deese") that does not end like an organisation's."""
    for mention in cluster.mentions:
        words = name_words(mention.span.text)
        before = re.search(r"([A-Za-z]+)\W*$", text[max(0, mention.span.start - 30) : mention.span.start])
        if 2 <= len(words) <= 3 and words[-1] not in ORGANISATION_NAME_ENDINGS and before and before.group(1).lower() in ROLE_HEADS | PERSON_NOUNS:
            return True
    return False
