"""Named entities of one article, with the surface forms that refer to each.

spaCy's NER gives mentions; here they become entities, one per thing the article names. The
steps, each in its own module:

- ``name_mentions``: NER clean-up (titles, possessives, nicknames, names cut in two or run on);
- ``acronyms``: bracketed acronyms and the names they spell;
- ``entity_clusters``: surnames, first names, acronyms and variants joined to their entity;
- ``entity_types``: each entity's type, from its labels corrected by use.

An entity's name is its fullest form: the one with most words (for a person, among the forms
ending with the surname and starting with a first name or initial: "Hillary Clinton", not
"Crooked Hillary Clinton"), without a trade NER read into it ("Actress …").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..model import Entity, Span
from .acronyms import bracketed_acronyms
from .entity_clusters import add_unmarked_repeats, cluster_mentions, join_surnames_read_as_places
from .entity_types import entity_type, is_outlet_name
from .gender import is_first_name
from .name_forms import clean_name, is_title_case, name_words
from .name_mentions import Cluster, cleaned_mentions, split_glued_names, unmarked_full_names
from .spans import doc_text, lower_case_words
from .titles import PERSON_NOUNS

__all__ = ["EntityIndex", "clean_name", "find_entities", "is_outlet_name"]


@dataclass
class EntityIndex:
    """The article's entities and a way back from a mention's offsets to its entity."""

    entities: list[Entity] = field(default_factory=list)
    _labels: dict[int, str] = field(default_factory=dict)  # mention start offset → NER label

    def at(self, start: int, end: int) -> list[tuple[Entity, Span, str]]:
        """Entities mentioned inside [start, end), in text order, with their mention and NER label."""
        found = []
        for entity in self.entities:
            for mention in entity.mentions:
                if start <= mention.start and mention.end <= end:
                    found.append((entity, mention, self._labels[mention.start]))
        return sorted(found, key=lambda item: item[1].start)

    def mentions(self) -> list[tuple[Entity, Span]]:
        """Every mention with its entity, in text order."""
        return sorted(((e, m) for e in self.entities for m in e.mentions), key=lambda item: item[1].start)


def _fullest(cluster: Cluster, type_: str, lower_words: frozenset[str], headline_end: int) -> str:
    forms = _without_headline_run_ons(cluster, headline_end)
    if type_ == "person":
        forms = [_without_trade(f) for f in forms]
        # The name proper ends with the surname most forms end with ("Obama", not "Obama Speech")
        # and starts with a first name or an initial ("Hillary Clinton", not "Crooked Hillary Clinton").
        lasts = [w[-1] for f in forms if (w := name_words(f)) and (len(w) > 1 or not is_first_name(w[0]))]
        surname = max(set(lasts), key=lambda w: (lasts.count(w), -lasts.index(w))) if lasts else None
        ending = [f for f in forms if name_words(f)[-1:] == [surname]]
        if not any(len(name_words(f)) > 1 for f in ending):
            # A family name written first ("Ban Ki-moon", then "Mr. Ban"): the full form starts
            # with it, and its given name is no word the article also writes in lower case (as
            # it writes the "speech" of "Obama Speech").
            ending += [f for f in forms if len(w := name_words(f)) > 1 and w[0] == surname and not set(w[1:]) & lower_words]
        forms = ending or forms
        named = [f for f in forms if (w := name_words(f)) and len(w) > 1 and (is_first_name(w[0]) or len(w[0]) == 1)]
        forms = named or forms
    # Of equally long forms, not one in capitals the article also writes otherwise (a dateline's
    # "DUNMORE", a transcript's "PENCE"); an acronym written only so stays.
    written = {f.lower() for f in forms if not f.isupper()}
    return max(forms, key=lambda f: (len(name_words(f)), len(f), not (f.isupper() and f.lower() in written), -forms.index(f)))


def _without_trade(form: str) -> str:
    """A person's form without a trade NER read into it ("Actress Mia Lund" opening a sentence,
    which NER may even label an organisation); "Hunter Mia Lund" stays, a first name first."""
    first, _, rest = form.partition(" ")
    if first.lower() in PERSON_NOUNS and not is_first_name(first.lower()) and len(name_words(rest)) > 1:
        return rest
    return form


def _without_headline_run_ons(cluster: Cluster, headline_end: int) -> list[str]:
    """The cluster's forms but one NER ran on past a name in a title-case headline ("Washington
    Post Assembles ‘A Sizable Army’ …"): a form found only there that extends a name of the body."""
    body = {m.span.text for m in cluster.mentions if m.span.start >= headline_end}
    names = [f for f in body if " " in f]  # of two words or more: "Clinton Foundation" is no run-on of "Clinton"
    return [
        m.span.text
        for m in cluster.mentions
        if m.span.text in body or not any(m.span.text.startswith(f"{short} ") for short in names)
    ]


def _title_case_headline_end(text: str) -> int:
    """Where a first line in title case ends ("Washington Post Assembles ‘A Sizable Army’ …"), else 0."""
    line = text.split("\n", 1)[0]
    return len(line) if is_title_case(line) else 0


def find_entities(doc: Doc) -> EntityIndex:
    """The article's entities, in order of first mention, each mention owned by one entity."""
    text = doc_text(doc)
    index = EntityIndex()
    mentions = split_glued_names(doc, unmarked_full_names(doc, bracketed_acronyms(doc, cleaned_mentions(doc))))
    clusters = join_surnames_read_as_places(doc, cluster_mentions(mentions, text))
    add_unmarked_repeats(doc, clusters)
    lower_words = lower_case_words(doc)
    headline_end = _title_case_headline_end(text)
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].span.start):
        type_ = entity_type(doc, cluster, text)
        entity = Entity(name=_fullest(cluster, type_, lower_words, headline_end), type=type_)
        for mention in cluster.mentions:
            if mention.span.start in index._labels:
                continue  # one mention, one entity
            entity.mentions.append(mention.span)
            index._labels[mention.span.start] = mention.label
        if entity.mentions:
            index.entities.append(entity)
    return index
