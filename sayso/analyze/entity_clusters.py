"""Grouping name mentions into entities: the mentions that refer to one person or body.

- **People.** A surname ("Macron", "de Blasio", "O'Neill"), with or without Mr./Ms., joins the
  full name it shortens, whatever label NER gave the short form — and a full name NER read as an
  organisation is a person's when its last word is used alone for a person ("Pike"): of two people sharing it, the
  one whose gender fits the title, not the one the article calls by first name ("Melania"),
  else the one introduced first. A first name alone joins the one person it starts (also one
  met before the full name: "Bill is back" heading a story on Bill Clinton) — but a
  name the article already read as a place stays that place ("Charlotte" the city, also after
  "the Charlotte Panthers"); later bare repeats of a surname NER did not mark are mentions too, of
  a surname of two words as well ("Le Pen" after "Marine Le Pen"), also one NER read as a place.
  A surname in the plural ("the Clintons") is the family, a group of its own; a surname read as a
  place from the headline on joins the person when it says something and nothing is "in" it.
- **Organisations.** An acronym joins the name it spells (see ``acronyms``); a shorter variant
  whose words all belong to an organisation's name joins it ("the Observatory for Human Rights"
  = "Syrian Observatory or Human Rights", "the Times" = "The New York Times", "Patriot" =
  "Patriot Coal"); the same name under two labels is one entity.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Span
from .acronyms import acronym, acronym_owner, acronym_target
from .entity_types import ORGANISATION_NAME_ENDINGS, locative, person_evidence
from .gender import honorific_gender, is_first_name, name_gender
from .lexicon import GOVERNMENT_HEADS, OWNED_ORGANISATIONS
from .name_forms import FUNCTION_WORDS, HONORIFICS, misspelt, name_key, name_words, word_before
from .name_mentions import PLACE_LABELS, Cluster, Mention, covered_tokens, made_an_adjective
from .quotes import find_quotes
from .spans import doc_text, lower_case_words

_GENERIC_ORG_WORDS = GOVERNMENT_HEADS | frozenset(
    "house state states court supreme white national united american new federal department committee party".split()
)


def cluster_mentions(mentions: list[Mention], text: str) -> list[Cluster]:
    """The mentions grouped, one cluster per entity, each owner found in the order above."""
    clusters: list[Cluster] = []
    by_form: dict[str, Cluster] = {}
    mentions = _families(_people_read_as_bodies(mentions), text)
    alone = _first_names_alone(mentions, text)
    for mention in mentions:
        key = name_key(mention.span.text)
        words = name_words(mention.span.text)
        owner = None
        if words and (mention.label == "PERSON" or (mention.label == "ORG" and len(words) < 3) or (len(words) == 1 and mention.label not in PLACE_LABELS)):
            owner = _surname_owner(words, clusters, honorific_gender(text, mention.span.start), alone, (text, mention.span.start))
            if owner is None and (mention.label == "PERSON" or is_first_name(words[0])):
                owner = _first_name_owner(words, clusters)
            if owner is None and mention.label == "PERSON":
                owner = _misspelt_surname_owner(words, clusters)
        known_place = key in by_form and by_form[key].labels(*PLACE_LABELS)
        if owner is None and mention.label in PLACE_LABELS and words and not known_place:
            person = _surname_owner(words, clusters) or _first_name_owner(words, clusters)
            if person is not None and person.mentions[0].span.start < mention.span.start:
                owner = person  # "Strada accused …" after "Terry Strada", read as a place
        if owner is None:
            owner = by_form.get(key)
        if owner is None:
            owner = acronym_owner(mention, clusters, text)
        if owner is None:
            owner = _variant_owner(mention, clusters)
        if owner is None:
            owner = Cluster()
            clusters.append(owner)
        owner.mentions.append(mention)
        by_form.setdefault(key, owner)
    return _merge_late(clusters, text)


def _people_read_as_bodies(mentions: list[Mention]) -> list[Mention]:
    """"Tyrone Pike" that NER read as an organisation is a person's name when the article also
    calls a person "Pike": otherwise the surname could not join the full name it shortens; so is
    "Brad Kolsky", read as a building or a body, when "Kolsky" alone was read as a place."""
    surnames = {w[0] for m in mentions if m.label == "PERSON" and len(w := name_words(m.span.text)) == 1}
    places = {w[0] for m in mentions if m.label in PLACE_LABELS and len(w := name_words(m.span.text)) == 1}
    return [
        Mention(m.span, "PERSON", m.root_i)
        if m.label in ("ORG", "FAC") and 2 <= len(w := name_words(m.span.text)) <= 3
        and (m.label == "ORG" and w[-1] in surnames or is_first_name(w[0]) and w[-1] in places)
        and w[-1] not in ORGANISATION_NAME_ENDINGS and w[0] not in FUNCTION_WORDS and w[0] not in OWNED_ORGANISATIONS  # "Team Pike": his campaign
        else m
        for m in mentions
    ]


def _families(mentions: list[Mention], text: str) -> list[Mention]:
    """"the Clintons", "both Bushes": a surname in the plural after "the" or "both", when a person
    of the article bears it, names a family — a group of its own, not the person ("Clintons" for
    Hillary Clinton); alone it is the person's name misspelt ("Dallaires believes")."""
    surnames = {w[-1] for m in mentions if m.label == "PERSON" and len(w := name_words(m.span.text)) > 1}
    return [
        Mention(m.span, "NORP", m.root_i)
        if len(w := name_words(m.span.text)) == 1 and (w[0][:-1] in surnames or w[0].endswith("es") and w[0][:-2] in surnames)
        and word_before(text, m.span.start) in ("the", "both")
        else m
        for m in mentions
    ]


def _surname_owner(
    words: list[str], clusters: list[Cluster], gender: str | None = None, by_first_name: frozenset[str] = frozenset(),
    where: tuple[str, int] | None = None,
) -> Cluster | None:
    """The person whose full name ends with these words: the first one introduced.

    When two share the surname and the article calls one of them by first name alone
    ("Melania"), the surname alone is the other one; when the article has just named one of
    them in full (``where``: the text and the surname's offset; same or previous paragraph) and
    not the first since, the surname is that one ("Homeland Security Secretary Jeh Johnson
    says …" then "Johnson tells MSNBC", in an article about Gary Johnson).
    """
    candidates = []
    for cluster in clusters:
        full = cluster.full_person
        if full is None or len(words) >= len(full) or full[-len(words) :] != words:
            continue
        if gender is not None and name_gender(full) not in (None, gender):
            continue  # "Mr. Obama" is not Michelle Obama
        candidates.append(cluster)
    if not candidates:
        return None
    called_otherwise = [c for c in candidates if c.full_person and c.full_person[0] in by_first_name]
    if len(called_otherwise) < len(candidates):
        candidates = [c for c in candidates if c not in called_otherwise]
    # Two people with one surname ("Bill Clinton", "Hillary Clinton"): the surname alone is the
    # one the article introduced first, its main subject, unless another was just named in full.
    first = min(candidates, key=lambda c: c.mentions[0].span.start)
    if where is not None and len(candidates) > 1:
        text, at = where
        latest = max(candidates, key=lambda c: _last_full_mention(c, at))
        named_at = _last_full_mention(latest, at)
        if latest is not first and named_at > max(m.span.start for m in first.mentions) and text.count("\n\n", named_at, at) <= 1:
            return latest
    return first


def _last_full_mention(cluster: Cluster, before: int) -> int:
    """Where the cluster's person was last named in full before ``before`` (-1: never)."""
    full = cluster.full_person
    return max((m.span.start for m in cluster.mentions if m.span.start < before and name_words(m.span.text) == full), default=-1)


def _misspelt_surname_owner(words: list[str], clusters: list[Cluster]) -> Cluster | None:
    """The one person introduced earlier whose surname this lone name misspells ("McLenney said"
    after "Tyresha McClenney")."""
    if len(words) != 1:
        return None
    owners = [c for c in clusters if (full := c.full_person) is not None and misspelt(words[0], full[-1])]
    return owners[0] if len(owners) == 1 else None


def _first_name_owner(words: list[str], clusters: list[Cluster]) -> Cluster | None:
    if len(words) != 1:
        return None
    owners = [c for c in clusters if (full := c.full_person) is not None and full[0] == words[0]]
    return owners[0] if len(owners) == 1 else None


def _content_words(text: str) -> set[str]:
    return {w for w in name_words(text) if w not in FUNCTION_WORDS}


def _variant_owner(mention: Mention, clusters: list[Cluster]) -> Cluster | None:
    """An organisation whose name holds all this form's words: "the Observatory", "Patriot"."""
    words = _content_words(mention.span.text)
    if not words or (len(words) == 1 and next(iter(words)) in _GENERIC_ORG_WORDS):
        return None
    single = len(name_words(mention.span.text)) == 1
    if mention.label not in ("ORG", "PERSON") or (mention.label != "ORG" and not single):
        return None
    for cluster in reversed(clusters):
        if not cluster.organisational:
            continue
        for form in cluster.forms:
            theirs = _content_words(form)
            if len(theirs) > len(words) and words <= theirs:
                if single and mention.label != "ORG" and name_words(form)[0] not in words:
                    continue  # a lone word labelled otherwise joins only the name it begins
                return cluster
    return None


def _first_names_alone(mentions: list[Mention], text: str) -> frozenset[str]:
    """First names the article uses alone for someone, outside quotations ("Melania seems to …")."""
    quoted = [(q.start, q.end) for q in find_quotes(text)]
    return frozenset(
        w[0]
        for m in mentions
        if len(w := name_words(m.span.text)) == 1 and is_first_name(w[0])
        and not any(a <= m.span.start < b for a, b in quoted)
    )


def _merge_late(clusters: list[Cluster], text: str) -> list[Cluster]:
    """Short forms met before the full name they shorten ("Trump" in a headline, then "Donald Trump");
    a first name, of the one person it starts."""
    kept: list[Cluster] = []
    for cluster in clusters:
        target = None
        if cluster.full_person is None and not cluster.labels(*PLACE_LABELS, "NORP"):
            forms = {tuple(name_words(f)) for f in cluster.forms}
            genders = {honorific_gender(text, m.span.start) for m in cluster.mentions} - {None}
            for other in clusters:
                if other is cluster or other.full_person is None:
                    continue
                full = other.full_person
                if genders and name_gender(full) is not None and name_gender(full) not in genders:
                    continue
                if all(0 < len(f) < len(full) and list(f) == full[-len(f) :] for f in forms):
                    target = other
                    break
            if target is None and len(forms) == 1 and (cluster.labels("PERSON") or is_first_name(next(iter(forms))[0])):
                target = _first_name_owner(list(next(iter(forms))), clusters)  # "Ana is back" over "Ana Lund said …"
            if target is None and cluster.labels("ORG"):
                target = acronym_target(cluster, clusters)
        elif cluster.full_person is None and all(acronym(f) for f in cluster.forms):
            target = acronym_target(cluster, clusters)  # "U.S." before "United States", "E.U." before "European Union"
        if target is not None:
            target.mentions.extend(cluster.mentions)
            target.mentions.sort(key=lambda m: m.span.start)
        else:
            kept.append(cluster)
    return kept


def join_surnames_read_as_places(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A surname NER read as a place wherever it stands alone, from a headline on ("Vance Vows
    …", then "Governor Ada Vance", then "Vance said"), is the person named in full with it when
    the article has it say something and never puts anyone or anything in it ("in Vance")."""
    text = doc_text(doc)
    kept: list[Cluster] = []
    for cluster in clusters:
        forms = {tuple(name_words(f)) for f in cluster.forms}
        word = next(iter(forms)) if len(forms) == 1 else ()
        person = _surname_owner(list(word), clusters) if len(word) == 1 and cluster.labels(*PLACE_LABELS) == len(cluster.mentions) else None
        if person is not None and any(person_evidence(doc, m, text) for m in cluster.mentions) and not any(locative(doc, m) for m in cluster.mentions):
            person.mentions = sorted(person.mentions + cluster.mentions, key=lambda m: m.span.start)
        else:
            kept.append(cluster)
    return kept


def _read_as_a_name(token: Token, lower: frozenset[str]) -> bool:
    """A capitalised proper noun, or a capitalised noun the article never writes in lower case:
    the tagger reads a name opening a headline as a common noun ("Quillr takes bigger steps …")."""
    if not token.text[:1].isupper():
        return False
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.lower_ not in lower


def add_unmarked_repeats(doc: Doc, clusters: list[Cluster]) -> None:
    """A person's surname or one-word name again where NER did not mark it ("Oz has been …")."""
    text = doc_text(doc)
    covered = covered_tokens(doc, (m for c in clusters for m in c.mentions))
    owners: dict[str, Cluster] = {}
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].span.start):
        full = cluster.full_person
        if full is not None:
            owners.setdefault(full[-1], cluster)
        elif cluster.labels("PERSON") and not cluster.labels(*PLACE_LABELS, "ORG", "NORP"):
            for form in cluster.forms:
                words = name_words(form)
                if len(words) == 1:
                    owners.setdefault(words[0], cluster)
    lower = lower_case_words(doc)
    for token in doc:
        word = name_key(token.text).strip(".")
        if token.i in covered or not _read_as_a_name(token, lower) or word not in owners or made_an_adjective(text, token.idx + len(token.text)):
            continue
        left = doc[token.i - 1] if token.i > 0 else None
        right = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if right is not None and right.pos_ == "PROPN" and right.text[:1].isupper():
            continue  # part of a longer name: "Trump Tower"
        owner = owners[word]
        full = owner.full_person or []
        # "Le Pen is …" after "Marine Le Pen": a surname of two words, the mention both
        two_word_surname = left is not None and len(full) > 2 and name_words(left.text) == full[-2:-1]
        if left is not None and left.pos_ == "PROPN" and left.lower_.rstrip(".") not in HONORIFICS and not two_word_surname:
            continue  # "Ivanka Trump" NER missed is not Donald
        gender = honorific_gender(text, token.idx)
        if gender is not None and name_gender(owner.full_person or []) not in (None, gender):
            continue
        start = left.idx if two_word_surname and left is not None else token.idx
        owner.mentions.append(Mention(Span(text[start : token.idx + len(token.text)], start, token.idx + len(token.text)), "PERSON", token.i))
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.span.start)
