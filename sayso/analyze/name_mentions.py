"""NER clean-up: spaCy's entity spans made into the name mentions the entities are built from.

A leading "the" or a title ("Sen.", "Councillor") and a trailing possessive are not part of a
name, nor a verb NER ran on into ("Obama Sees …"), nor a dash between spaces or the dateline
before it ("ROME - Bernie Sanders"); a nickname in quotes that NER cut in two is
joined back (``Robert C. "Bobby" Scott``), and so is a name cut before "for the" ("U.S. Court of
Appeals for the Sixth Circuit"); a place span that runs on into a person's name ("the Republic
of Karabakh Arayik Harutyunyan") is split in two; a nationality adjective in front of a place
named alone elsewhere ("Islamic Azerbaijan") is dropped; a name with a person's role in
apposition after it ("Priebus, the party chairman") is a person's, whatever NER labelled it,
with the first name NER left out. A word capitalised only to open a line or sentence or by a
title-case headline, which the article writes (or the word it inflects) in lower case elsewhere
and is no first name, is not part of a person's name ("Young Sanders supporters …", "Absent
Trump derides …", "… Senator Endorsed Trump"), nor is a verb whose object the name is
("Entrusting Ana Lund with …"). A name made an adjective of likeness ("Reagan-like") is no
mention. A person span that holds full names the article
writes alone, glued by words it never writes in a name ("Hillary Clinton Slams Donald Trump",
"Billionaire Donald Trump"), is those names only. A full name NER missed ("Mehmet Oz" when it found "Oz", or
a known first name and a capitalised word, "Carly Fiorina") is a mention too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Span
from .gender import is_first_name
from .lexicon import GOVERNMENT_HEADS, ORGANISATION_HEADS, OWNED_ORGANISATIONS, ROLE_HEADS, VAGUE_HEADS
from .name_forms import EDGE_PUNCTUATION, GENERATIONAL, LEADING_ARTICLE, NAME_PREFIXES, POSSESSIVE, is_title_case, name_key, name_words
from .ner_mentions import ner_mentions
from .spans import doc_text, lower_case_words

_KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
PLACE_LABELS = ("GPE", "LOC", "FAC")
_QUOTES = "\"“”"
_ADJECTIVE_ENDINGS = ("ic", "ian", "ish", "ese", "ean")
_INFLECTIONS = ("s", "d", "ed", "ing")  # endings of a verb or a plural, off a word written plain elsewhere
_DASHES = frozenset({"-", "--", "—", "–", "―"})
_LIKENESS = re.compile(r"[-‐](?:like|esque|style)\b", re.IGNORECASE)
# A dateline: a place in capitals, a region after a comma, an agency in brackets ("ROME",
# "DES MOINES, Iowa", "WASHINGTON (AP)"), alone between a line's start and a dash.
_DATELINE = re.compile(r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]*)*(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*)?(?: \([A-Z][\w/ ]*\))?")


@dataclass
class Mention:
    """One name in the text, with the NER label it came with."""

    span: Span
    label: str
    root_i: int  # token index of the mention's syntactic head


@dataclass
class Cluster:
    """The mentions of one entity in the making."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        return [m.span.text for m in self.mentions]

    def labels(self, *wanted: str) -> int:
        return sum(m.label in wanted for m in self.mentions)

    @property
    def full_person(self) -> list[str] | None:
        """The words of the cluster's fullest person name of two or more words, if it has one."""
        names = [name_words(m.span.text) for m in self.mentions if m.label == "PERSON"]
        names = [n for n in names if len(n) > 1]
        return max(names, key=len) if names else None

    @property
    def organisational(self) -> bool:
        return self.full_person is None and self.labels("ORG") > 0


def covered_tokens(doc: Doc, mentions: Iterable[Mention]) -> set[int]:
    """Indices of the tokens the mentions touch: text already named, not to be read as a new name."""
    return {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}


def _quotes(text: str) -> int:
    return sum(text.count(q) for q in _QUOTES)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The name inside [start, end): no article, title, possessive or stray edge punctuation."""
    changed = True
    while changed and start < end:
        changed = False
        lead = LEADING_ARTICLE.match(text[start:end])
        if lead:
            start += lead.end()
            changed = True
        trail = POSSESSIVE.search(text[start:end])
        if trail and end - len(trail.group(0)) > start:
            end -= len(trail.group(0))
            changed = True
        while start < end and text[start] in EDGE_PUNCTUATION + " " and not (text[start] in _QUOTES and _quotes(text[start:end]) % 2 == 0):
            start += 1
            changed = True
        while end > start and text[end - 1] in EDGE_PUNCTUATION + " " and not (text[end - 1] in _QUOTES and _quotes(text[start:end]) % 2 == 0):
            end -= 1
            changed = True
        first = re.match(r"\S+\s+", text[start:end])
        if label == "PERSON":
            if first and first.group(0).strip().strip(".").lower() in NAME_PREFIXES:
                start += first.end()
                changed = True
        elif first and first.group(0).strip().isalpha() and first.group(0).strip().islower():
            start += first.end()  # "the federal Securities and Exchange Commission": "federal" describes it
            changed = True
    if end <= start or not any(c.isupper() for c in text[start:end]):
        return None
    return start, end


def _raw_ents(doc: Doc) -> list[tuple[int, int, str, int]]:
    """(start char, end char, label, root token) of the kept NER spans, nicknames joined back."""
    ents: list[tuple[int, int, str, int]] = []
    text = doc_text(doc)
    for ent in _cut_at_dashes(ner_mentions(doc)):
        if ent.label_ not in _KEPT_LABELS or (ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound")):
            continue  # "French" in "French President" describes, it does not name
        if ents and ent.label_ == "PERSON" and ents[-1][2] == "PERSON":
            start, _, _, _ = ents[-1]
            gap = text[ents[-1][1] : ent.start_char]
            if gap.strip() and not gap.strip(_QUOTES + " ") and _quotes(text[start : ent.start_char]) == 2:
                ents[-1] = (start, ent.end_char, "PERSON", ent.root.i)
                continue
        if ents and ents[-1][2] == "ORG" and ent.label_ in ("ORG", "GPE", "LOC") and _joins(text[ents[-1][1] : ent.start_char], ent.text):
            ents[-1] = (ents[-1][0], ent.end_char, "ORG", ents[-1][3])  # "U.S. Court of Appeals" "for the" "Sixth Circuit"
            continue
        owner = _possessive_owner(ent)
        if owner is not None:
            # "Fox News’ Bret Baier": the outlet, and its person ("Workers' Union" stays one name)
            person = ent.doc[owner.end + 1 : ent.end]
            ents.append((ent.start_char, owner.end_char, ent.label_, owner.root.i))
            ents.append((person.start_char, person.end_char, "PERSON", person.root.i))
            continue
        person = _named_with_a_role(ent)
        if person is not None:
            ents.append((person.start_char, person.end_char, "PERSON", ent.root.i))
            continue
        split = _person_after_place(ent)
        if split is not None:
            ents.append((ent.start_char, split.start_char, ent.label_, ent.root.i))
            ents.append((split.start_char, split.end_char, "PERSON", split.root.i))
            continue
        ents.append((ent.start_char, ent.end_char, ent.label_, ent.root.i))
    return ents


def _cut_at_dashes(ents: Iterable[SpacySpan]) -> Iterator[SpacySpan]:
    """NER spans cut where a dash stands between spaces ("ROME - Bernie Sanders", "Reynolds -
    Santilli's girlfriend"): such a dash parts two phrases and is never inside a name. A dateline
    before it names no one: dropped, unless NER read it as the place it is."""
    for ent in ents:
        start = ent.start
        for dash in ent:
            if dash.text in _DASHES and dash.i > ent.start and ent.doc[dash.i - 1].whitespace_ and dash.whitespace_:
                if start < dash.i and not (start == ent.start and _dateline_before(dash) and ent.label_ not in PLACE_LABELS):
                    yield SpacySpan(ent.doc, start, dash.i, label=ent.label_)
                start = dash.i + 1
        if start < ent.end:
            yield ent if start == ent.start else SpacySpan(ent.doc, start, ent.end, label=ent.label_)


def _dateline_before(dash: Token) -> bool:
    """Whether all the line holds before ``dash`` is a dateline ("DES MOINES, Iowa -")."""
    text = doc_text(dash.doc)
    line = text[text.rfind("\n", 0, dash.idx) + 1 : dash.idx].strip()
    return _DATELINE.fullmatch(line) is not None


def _joins(gap: str, following: str) -> bool:
    """"… Court of Appeals" + " for " + "the Sixth Circuit": one name NER cut in two."""
    if "\n" in gap:
        return False
    gap = " ".join(gap.split()).lower()
    return gap in ("for the", "of the") or (gap in ("for", "of") and following.lower().startswith("the "))


def _possessive_owner(ent: SpacySpan) -> SpacySpan | None:
    """In "Fox News’ Bret Baier", the owner before the possessive, when a person's name follows
    it: a first name, or two or three capitalised words none of which names a body ("Union")."""
    for token in ent[1:-1]:
        possessive = token.tag_ == "POS" or (token.text in ("’", "'") and ent.doc[token.i - 1].lower_.endswith("s"))
        rest = ent.doc[token.i + 1 : ent.end]
        if not possessive or not all(t.is_alpha and t.text[:1].isupper() for t in rest):
            continue
        bodies = {t.lower_ for t in rest} & (ORGANISATION_HEADS | GOVERNMENT_HEADS)
        if is_first_name(rest[0].lower_) or (len(rest) in (2, 3) and not bodies):
            return ent.doc[ent.start : token.i]
    return None


def _named_with_a_role(ent: SpacySpan) -> SpacySpan | None:
    """"Reince Priebus, the GOP chairman": a name of one to three words with a person's role in
    apposition after it is a person's, even when NER read it as an organisation, and the
    capitalised proper nouns NER left out before it are part of it."""
    if ent.label_ not in ("ORG", "PERSON") or len(ent) > 3:
        return None
    root = ent.root
    if {t.lower_ for t in ent} & (ORGANISATION_HEADS | GOVERNMENT_HEADS):
        return None
    if not any(c.dep_ == "appos" and c.i > root.i and c.lower_ in ROLE_HEADS for c in root.children):
        return None
    start = ent.start
    while start > 0:
        left = ent.doc[start - 1]
        if left.dep_ != "compound" or left.head.i != root.i or left.pos_ != "PROPN" or not left.text[:1].isupper() or left.ent_type_:
            break
        start -= 1
    return ent.doc[start : ent.end]


def _person_after_place(ent: SpacySpan) -> SpacySpan | None:
    """In a place span, a trailing name of two or more words that is a phrase of its own."""
    if ent.label_ not in PLACE_LABELS or len(ent) < 4:
        return None
    last = ent[-1]
    chain = [last]
    while chain[0].i > ent.start:
        left = ent.doc[chain[0].i - 1]
        if left.dep_ != "compound" or left.head.i not in {t.i for t in chain} or not left.text[:1].isupper():
            break
        chain.insert(0, left)
    if len(chain) < 2 or chain[0].i == ent.start or any(t.pos_ != "PROPN" for t in chain):
        return None
    before = ent.doc[chain[0].i - 1]
    if before.pos_ != "PROPN" or before.head.i in {t.i for t in chain}:
        return None
    return ent.doc[chain[0].i : ent.end]


def _name_end(doc: Doc, start: int, end: int) -> int:
    """A person's name stops before a verb NER ran on into ("Obama Sees 'Personal Insult")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return end
    for token in span[1:]:
        if token.tag_ in ("VBZ", "VBD", "VBP", "MD") and token.idx > start:
            return len(doc_text(doc)[:token.idx].rstrip())
    return end


def _capitalised_to_open(doc: Doc, start: int, word: str, lower: frozenset[str]) -> bool:
    """A name's first word capitalised only because it opens a line or sentence ("Young Sanders
    supporters never …", "Absent Trump derides …") or stands in a title-case headline ("… Senator
    Endorsed Trump"): no first name, and the article writes it, or the word it inflects
    ("endorse"), in lower case elsewhere."""
    if not _written_in_lower_case(word.lower(), lower) or is_first_name(word.lower()):
        return False
    text = doc_text(doc)
    before = text[:start].rstrip(" \t")
    first = doc.char_span(start, start + len(word))
    opens = not before or before.endswith(("\n", ".", "!", "?")) or (first is not None and first[0].is_sent_start)
    return opens or is_title_case(_line_at(text, start))


def made_an_adjective(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is made an adjective of likeness ("Reagan-like
    qualities", "a Kafka-esque process"): it describes, naming no one in the story."""
    return _LIKENESS.match(text, end) is not None


def _taken_in_before(doc: Doc, start: int, word: str) -> bool:
    """A verb NER took into a person's name whose object the name is ("Trusting Mia Lund with
    the budget is …"); a first name the parse read as a verb stays ("Mark Lund said")."""
    first = doc.char_span(start, start + len(word))
    if first is None or is_first_name(word.lower()):
        return False
    token = first[0]
    return token.tag_.startswith("VB") and any(c.dep_ == "dobj" and c.left_edge.i == token.i + 1 for c in token.rights)


def _line_at(text: str, at: int) -> str:
    """The line of ``text`` that holds offset ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)]


def _written_in_lower_case(word: str, lower: frozenset[str]) -> bool:
    """Whether the article writes ``word``, or the word it inflects, in lower case somewhere:
    "endorsed" after "endorse", "attacks" after "attack" (a stem of four letters or more)."""
    stems = [word] + [word[: -len(ending)] for ending in _INFLECTIONS if word.endswith(ending) and len(word) - len(ending) >= 4]
    return any(stem in lower for stem in stems)


def cleaned_mentions(doc: Doc) -> list[Mention]:
    """The kept NER spans as names: trimmed, joined, split and stopped where they should be."""
    text = doc_text(doc)
    raw = _raw_ents(doc)
    places = {name_key(text[s:e]) for s, e, label, _ in raw if " " not in text[s:e].strip() and label in PLACE_LABELS}
    lower = lower_case_words(doc)
    mentions = []
    for start, end, label, root in raw:
        trimmed = _trim(text, start, end, label)
        if trimmed is None:
            continue
        start, end = trimmed
        if label in ("PERSON", "ORG"):
            end = _name_end(doc, start, end)
        words = text[start:end].split()
        if label == "ORG" and len(words) == 1 and words[0].lower() in ORGANISATION_HEADS:
            continue  # "Bank" opening a sentence: a common noun, not a name
        if label == "PERSON" and len(words) == 1 and words[0].lower() in VAGUE_HEADS:
            continue  # "Aides said …": people the sentence does not name
        if made_an_adjective(text, end):
            continue
        if label == "PERSON" and len(words) > 1 and words[0].lower() in OWNED_ORGANISATIONS:
            label = "ORG"  # "Team Vance": the candidate's campaign, named after her
        if label == "PERSON" and len(words) > 1 and (_capitalised_to_open(doc, start, words[0], lower) or _taken_in_before(doc, start, words[0])):
            start = start + text[start:end].index(words[1])  # "Young Sanders supporters never …": Sanders
        adjective = words[0].lower().endswith(_ADJECTIVE_ENDINGS) and not is_first_name(words[0].lower())  # "Islamic", not "Brian"
        if label in ("PERSON",) + PLACE_LABELS and len(words) == 2 and adjective and name_key(words[1]) in places:
            # "Islamic Azerbaijan": Azerbaijan, a place named alone elsewhere ("Sebastian Gorka" stays whole)
            start = start + text[start:end].index(words[1])
            label = "GPE" if label == "PERSON" else label
        mentions.append(Mention(Span(text[start:end], start, end), label, root))
    return mentions


def unmarked_full_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Mehmet Oz" NER missed, when it found "Oz" alone: a run of proper nouns ending in that surname."""
    text = doc_text(doc)
    surnames = {name_key(m.span.text) for m in mentions if m.label == "PERSON" and " " not in m.span.text.strip()}
    covered = covered_tokens(doc, mentions)
    lower = lower_case_words(doc)
    added = []
    for token in doc:
        if token.i in covered or name_key(token.text) not in surnames or token.i == 0:
            continue
        run = [token]
        while run[0].i > 0 and len(run) < 3:
            left = doc[run[0].i - 1]
            if left.i in covered or left.pos_ != "PROPN" or not left.text[:1].isupper() or left.is_sent_start and left.lower_ in ("the", "a"):
                break
            if _capitalised_to_open(doc, left.idx, left.text, lower):
                break  # "Absent Trump derides …": "absent" is capitalised only to open the line
            if left.lower_ in OWNED_ORGANISATIONS:
                break  # "Team Vance sees …": the candidate's campaign, not a person called Team Vance
            run.insert(0, left)
        if len(run) < 2 or name_words(run[0].text)[:1] and name_words(run[0].text)[0] in NAME_PREFIXES:
            continue
        start, end = run[0].idx, token.idx + len(token.text)
        added.append(Mention(Span(text[start:end], start, end), "PERSON", token.i))
        covered.update(t.i for t in run)
    for first, last in zip(doc, doc[1:]):
        if _first_and_last_name(first, last, lower) and not {first.i, last.i} & covered:
            start, end = first.idx, last.idx + len(last.text)
            added.append(Mention(Span(text[start:end], start, end), "PERSON", last.i))
            covered.update((first.i, last.i))
    return sorted(mentions + added, key=lambda m: m.span.start)


def _first_and_last_name(first: Token, last: Token, lower: frozenset[str]) -> bool:
    """"Carly Fiorina" NER passed over: two proper nouns alone, the first a known first name, and
    neither a word the article also writes in lower case ("Will Power") nor on a line in title
    case ("Zoe Questioned Why White Actors …"), where capitals say little."""
    doc = first.doc
    alone = (first.i == 0 or doc[first.i - 1].pos_ != "PROPN") and (last.i + 1 == len(doc) or doc[last.i + 1].pos_ != "PROPN")
    if not (alone and first.pos_ == last.pos_ == "PROPN" and first.text.istitle() and last.text[:1].isupper()):
        return False
    named = is_first_name(first.lower_) and not is_first_name(last.lower_)
    return named and not {first.lower_, last.lower_} & lower and not is_title_case(_line_at(doc_text(doc), first.idx))


def split_glued_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A person span NER ran over a title-case headline or lede ("Hillary Clinton Slams Donald
    Trump", "Billionaire Donald Trump") as the full names in it the article writes alone: the
    words left over must be no first name, initial or Jr. and in no other person's name, so
    that "Donald Trump Jr." and "Hillary Rodham Clinton" stay whole."""
    people = [m for m in mentions if m.label == "PERSON"]
    alone = {tuple(w) for m in people if len(w := name_words(m.span.text)) > 1}
    kept: list[Mention] = []
    for mention in mentions:
        pieces = _glued_pieces(mention, alone, people) if mention.label == "PERSON" else None
        if pieces is None:
            kept.append(mention)
            continue
        for start, end in pieces:
            span = doc.char_span(start, end, alignment_mode="expand")
            kept.append(Mention(Span(doc_text(doc)[start:end], start, end), "PERSON", span.root.i if span is not None else mention.root_i))
    return kept


def _glued_pieces(mention: Mention, alone: set[tuple[str, ...]], people: list[Mention]) -> list[tuple[int, int]] | None:
    """The offsets of the names written alone that ``mention`` glues together, None if it is one
    name: glue stands between two of them, or before one that opens with a first name
    ("Billionaire Donald Trump", not "Ildefonso Guajardo Villarreal"), never after the last."""
    strip = EDGE_PUNCTUATION + "."
    words = [
        (mention.span.start + m.start() + len(m.group()) - len(m.group().lstrip(strip)), mention.span.start + m.start() + len(m.group().rstrip(strip)), name_key(m.group().strip(strip)).replace("’", "'"))
        for m in re.finditer(r"\S+", mention.span.text)
    ]
    names = alone - {tuple(name_words(mention.span.text))}
    others = {w for m in people if name_key(m.span.text) != name_key(mention.span.text) for w in name_words(m.span.text)}
    pieces: list[tuple[int, int]] = []
    extras: list[tuple[str, int]] = []  # each glue word with the number of names before it
    i = 0
    while i < len(words):
        size = next((k for k in range(len(words) - i, 1, -1) if tuple(w for _, _, w in words[i : i + k]) in names), 0)
        if size:
            pieces.append((words[i][0], words[i + size - 1][1]))
            i += size
        else:
            extras.append((words[i][2], len(pieces)))
            i += 1
    if not pieces or not extras or any(before == len(pieces) for _, before in extras):
        return None
    first = next(w for start, _, w in words if start == pieces[0][0])
    if any(before == 0 for _, before in extras) and not is_first_name(first):
        return None
    glue = all(len(w) > 2 and w.isalpha() and not is_first_name(w) and w not in GENERATIONAL and w not in others for w, _ in extras)
    return pieces if glue else None
