"""Named entities of one article, with the surface forms that refer to each.

spaCy's NER gives mentions; here they become entities, one per thing the article names:

- **Cleaning.** A leading "the" or a title ("Sen.", "Councillor") and a trailing possessive are
  not part of a name, nor a verb NER ran on into ("Obama Sees …"); a nickname in quotes that NER
  cut in two is joined back (``Robert C. "Bobby" Scott``), and so is a name cut before "for
  the" ("U.S. Court of Appeals for the Sixth Circuit"); a place span that runs on into a
  person's name ("the Republic of Karabakh Arayik Harutyunyan") is split in two; a nationality
  adjective in front of a place named alone elsewhere ("Islamic Azerbaijan") is dropped.
- **People.** A surname ("Macron", "de Blasio", "O'Neill"), with or without Mr./Ms., joins the
  full name it shortens, whatever label NER gave the short form: of two people sharing it, the
  one whose gender fits the title, not the one the article calls by first name ("Melania"),
  else the one introduced first. A first name alone joins the one person it starts; a full
  name NER missed ("Mehmet Oz" when it found "Oz") and later bare repeats of a surname are
  mentions too.
- **Organisations.** An acronym joins the name whose initials it spells, in brackets after it
  (even when NER missed the name: "Halden Water Trust (HWT)") or anywhere in the article
  ("S.E.C." = "Securities and Exchange Commission"); a shorter variant whose words all belong to
  an organisation's name joins it ("the Observatory for Human Rights" = "Syrian Observatory or
  Human Rights", "the Times" = "The New York Times", "Patriot" = "Patriot Coal"); the same name
  under two labels is one entity.
- **Types** come from the labels of all the mentions, corrected by use: a "person" only ever
  found *in* or *into* somewhere, or also labelled as a place, is a place; a name ending like an
  organisation's ("… Coal", "… Committee") is one, a name starting with a first name is a
  person's; an organisation whose name has a news word ("AsiaNews", "The Guardian") is an outlet.

An entity's name is its fullest form: the one with most words (for a person, among the forms
ending with the surname and starting with a first name or initial: "Hillary Clinton", not
"Crooked Hillary Clinton").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Entity, Span
from .lexicon import GOVERNMENT_HEADS, ORGANISATION_HEADS, OUTLET_WORDS, ROLE_HEADS, SPEECH_VERBS
from .quotes import find_quotes
from .spans import doc_text

_KEPT_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group", "LOC": "place", "FAC": "place"}
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_TRAILING = re.compile(r"(['’]s|['’])$")
_EDGE = "\"“”‘’'()[]{},;:-–—*"
_QUOTES = "\"“”"

# Words before a name that are a title or a description, not part of the name.
HONORIFICS = frozenset("mr mrs ms miss mx dr sen rep gov lt col gen capt sgt rev prof sir dame hon atty supt".split())
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame"})
_NAME_PREFIXES = HONORIFICS | ROLE_HEADS | frozenset(
    """
    republican democrat democratic gop former vice late then rival libertarian independent deputy
    acting councillor councilor councilman councilwoman alderman commissioner professor coach
    pastor rabbi bishop cardinal captain sergeant detective inspector superintendent
    """.split()
)
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words an organisation's name shares with many others: they alone do not pick one out.
_FUNCTION_WORDS = frozenset("of for or and the in on at to a an de du la le des del von van".split())
_GENERIC_ORG_WORDS = GOVERNMENT_HEADS | frozenset(
    "house state states court supreme white national united american new federal department committee party".split()
)
_LOCATIVE = frozenset({"in", "into", "inside", "across", "throughout", "within"})
_ADJECTIVE_ENDINGS = ("ic", "ian", "ish", "ese", "ean")
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
    military navy pentagon council congressional federal
    """.split()
)


# First names common in English-language news, to tell "he" from "she". Names given to both
# (Jordan, Taylor, Kelly…) are left out: an unknown gender fits either pronoun.
MALE_NAMES = frozenset(
    """
    aaron abdul abraham adam adrian ahmed al alan albert alberto alec alex alexander alexei alfred ali
    andrzej anton antoine boris carlo dieter emilio enzo fabio francois franz friedrich giorgio
    giovanni giuseppe gunther hans heinrich helmut hugo jacques jan jens jurgen klaus lars lorenzo
    luca luigi manuel marcel marco matteo mehmet mikhail mustafa olaf pablo paolo pavel piet recep
    rolf sergio stefan sven thierry tomas vladislav wolfgang
    allen alvin amir andre andrew andy angel angelo anthony antonio arnold arthur ashton barack barry
    ben benjamin benny bernard bernie bill billy bob bobby boris brad bradley brandon brendan brent
    brett brian bruce bryan byron calvin carl carlos cecil chad charles charlie chris christian
    christopher chuck clarence claude clay clayton clifford clint clinton cody colin connor conrad
    cory craig curtis dale dan daniel danny darrell darren dave david dean dennis derek devin dick
    diego dmitry don donald doug douglas duane dustin dwayne dwight earl ed eddie edgar eduardo
    edward edwin elijah elliot emmanuel enrique eric erik ernest ernesto eugene evan felix fernando
    francis francisco frank franklin fred frederick gabriel gary gavin gene geoffrey george gerald
    gilbert glenn gordon graham grant greg gregory gus guy hakeem hank harold harry harvey hassan
    hector henry herbert herman howard hugh hunter ian igor isaac ivan jack jacob jake james jamie
    jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jesus jim jimmy joe joel john
    johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin
    kirk kurt kyle lamar lance larry lawrence lee leo leon leonard lewis lindsey lloyd lonnie louis
    luis luke malcolm marco marcus mario mark marshall martin marvin matt matthew maurice max
    melvin michael miguel mike mitch mitt mohammed muhammad nathan ned neil nelson nicholas nick
    nikolai noah norman oliver omar oscar owen patrick paul pedro peter phil philip phillip pierre
    rafael ralph ramon randall randy ray raymond reggie reginald reince ricardo richard rick ricky
    rob robert roberto rod rodney roger roland ron ronald ronnie ross roy rudy rush russell ryan sam
    samuel saul scott sean sergei sergey seth shane shaun sherrod simon stanley stephen steve steven
    stuart ted terrence thad thomas tim timothy todd tom tommy tony travis trent trey troy
    tyler vernon victor vincent vladimir wade walter warren wayne wesley will william willie xavier
    yuri zach zachary
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abby abigail ada adriana aisha alexandra alexis alice alicia alison allison amanda amber amy
    agnieszka angela anja annika astrid birgit brigitte chiara elena elif francesca giulia
    greta heike helga ilse ines ingrid irina katarina katja lena magda marta martina mette nadia
    natalia oksana olena petra sabine silvia sophie svetlana tatiana ursula yulia
    ana andrea angela angelina anita ann anna anne annette april arlene ashley audrey barbara
    beatrice becky belinda beth betsy betty beverly bonnie brenda bridget brittany brooke camila
    candice carla carly carmen carol caroline carolyn carrie catherine cathy cecilia charlene
    charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie
    courtney cristina crystal cynthia daisy dana danielle debbie deborah debra denise diana diane
    dianne dolores donna doris dorothy edith eileen elaine eleanor elena elisabeth elizabeth ella
    ellen emily emma erica erin esther eva evelyn fatima felicia fiona florence frances gabriela
    gail gina gladys gloria grace gretchen gwen hannah harriet heather heidi helen hillary holly
    hope ingrid irene iris isabel ivanka ivana jackie jacqueline jane janet janice jasmine jean
    jeanne jennifer jenny jessica jill jo joan joann joanne jocelyn josephine joy joyce judith judy
    julia julie june karen kate katherine kathleen kathryn kathy katie katrina kay kayla kellyanne
    kim kimberly kirsten kristen kristin laura lauren laurie leah lena leslie lillian linda lisa
    lois loretta lori lorraine louise lucy lydia lynn madeleine madeline malia mara marcia margaret
    maria marian marie marilyn marion marjorie marsha martha mary maureen maxine megan meghan
    melania melanie melinda melissa meryl michele michelle mildred minyon miranda molly monica
    nancy naomi natalie natasha nicole nikki nina nora norma olga olivia paige pamela patricia patty
    paula pauline peggy penny phyllis priscilla rachel ramona rebecca regina renee rhonda rita
    roberta robin rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon
    sheila shelby shirley sofia sonia sophia stacy stella stephanie sue susan suzanne sylvia tamara
    tammy tanya tara teresa theresa tiffany tina tracy valerie vanessa vera veronica victoria
    virginia vivian wanda wendy whitney yolanda yvonne zoe
    """.split()
)


def clean_name(text: str) -> str:
    """A name as it would head an index entry: no article in front, no possessive behind."""
    return _TRAILING.sub("", _LEADING.sub("", text.strip())).strip()


def name_key(text: str) -> str:
    """The form two spellings of one name share: case, curly apostrophes and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


def name_words(text: str) -> list[str]:
    """The words of a name, lower case, without edge punctuation, honorifics or Jr./Sr."""
    words = [w.strip(_EDGE + ".").replace("’", "'") for w in name_key(text).split()]
    words = [w for w in words if w and w not in HONORIFICS]
    while len(words) > 1 and words[-1] in _GENERATIONAL:
        words.pop()
    return words


def is_outlet_name(name: str) -> bool:
    """A name with a news word in it, also inside a run-together name ("AsiaNews")."""
    for word in re.findall(r"[A-Za-z]+", name):
        parts = [word] + _CAMEL.findall(word)
        if any(part.lower() in OUTLET_WORDS for part in parts):
            return True
    return False


def is_government_name(name: str) -> bool:
    """An organisation named as part of a state: "Obama administration", "Congressional Budget Office"."""
    return any(w in _GOVERNMENT_NAME_WORDS for w in name_words(name))


def initials(text: str, skip_function_words: bool) -> str:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if not (skip_function_words and w.lower() in _FUNCTION_WORDS)]
    return "".join(w[0].upper() for w in words)


def _acronym(text: str) -> str | None:
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _content_words(text: str) -> set[str]:
    return {w for w in name_words(text) if w not in _FUNCTION_WORDS}


@dataclass
class EntityIndex:
    """The article's entities and a way back from a mention's offsets to its entity."""

    entities: list[Entity] = field(default_factory=list)
    _labels: dict[int, str] = field(default_factory=dict)  # mention start offset → NER label
    _owners: dict[int, Entity] = field(default_factory=dict)  # mention start offset → entity

    def at(self, start: int, end: int) -> list[tuple[Entity, Span, str]]:
        """Entities mentioned inside [start, end), in text order, with their mention and NER label."""
        found = []
        for entity in self.entities:
            for mention in entity.mentions:
                if start <= mention.start and mention.end <= end:
                    found.append((entity, mention, self._labels[mention.start]))
        return sorted(found, key=lambda item: item[1].start)

    def before(self, offset: int, label: str) -> list[tuple[Entity, Span]]:
        """Mentions of entities with NER ``label`` that end before ``offset``, nearest last."""
        found = [
            (entity, mention)
            for entity in self.entities
            for mention in entity.mentions
            if mention.end <= offset and self._labels[mention.start] == label
        ]
        return sorted(found, key=lambda item: item[1].start)

    def owner(self, start: int) -> Entity | None:
        """The entity a mention starting at ``start`` belongs to."""
        return self._owners.get(start)

    def label(self, start: int) -> str | None:
        return self._labels.get(start)

    def mentions(self) -> list[tuple[Entity, Span]]:
        """Every mention with its entity, in text order."""
        return sorted(((e, m) for e in self.entities for m in e.mentions), key=lambda item: item[1].start)

    def named(self, name: str) -> Entity | None:
        key = name_key(name)
        return next((e for e in self.entities if name_key(e.name) == key or any(name_key(f) == key for f in e.forms)), None)


@dataclass
class _Mention:
    span: Span
    label: str
    root_i: int  # token index of the mention's syntactic head


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)

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

    def last_before(self, offset: int) -> int | None:
        starts = [m.span.start for m in self.mentions if m.span.start < offset]
        return max(starts) if starts else None


def _quotes(text: str) -> int:
    return sum(text.count(q) for q in _QUOTES)


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The name inside [start, end): no article, title, possessive or stray edge punctuation."""
    changed = True
    while changed and start < end:
        changed = False
        lead = _LEADING.match(text[start:end])
        if lead:
            start += lead.end()
            changed = True
        trail = _TRAILING.search(text[start:end])
        if trail and end - len(trail.group(0)) > start:
            end -= len(trail.group(0))
            changed = True
        while start < end and text[start] in _EDGE + " " and not (text[start] in _QUOTES and _quotes(text[start:end]) % 2 == 0):
            start += 1
            changed = True
        while end > start and text[end - 1] in _EDGE + " " and not (text[end - 1] in _QUOTES and _quotes(text[start:end]) % 2 == 0):
            end -= 1
            changed = True
        if label == "PERSON":
            first = re.match(r"\S+\s+", text[start:end])
            if first and first.group(0).strip().strip(".").lower() in _NAME_PREFIXES:
                start += first.end()
                changed = True
    if end <= start or not any(c.isupper() for c in text[start:end]):
        return None
    return start, end


def _raw_ents(doc: Doc) -> list[tuple[int, int, str, int]]:
    """(start char, end char, label, root token) of the kept NER spans, nicknames joined back."""
    ents: list[tuple[int, int, str, int]] = []
    text = doc_text(doc)
    for ent in doc.ents:
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
        split = _person_after_place(ent)
        if split is not None:
            ents.append((ent.start_char, split.start_char, ent.label_, ent.root.i))
            ents.append((split.start_char, split.end_char, "PERSON", split.root.i))
            continue
        ents.append((ent.start_char, ent.end_char, ent.label_, ent.root.i))
    return ents


def _joins(gap: str, following: str) -> bool:
    """"… Court of Appeals" + " for " + "the Sixth Circuit": one name NER cut in two."""
    if "\n" in gap:
        return False
    gap = " ".join(gap.split()).lower()
    return gap in ("for the", "of the") or (gap in ("for", "of") and following.lower().startswith("the "))


def _person_after_place(ent: SpacySpan) -> SpacySpan | None:
    """In a place span, a trailing name of two or more words that is a phrase of its own."""
    if ent.label_ not in _PLACE_LABELS or len(ent) < 4:
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


def _mentions(doc: Doc) -> list[_Mention]:
    text = doc_text(doc)
    raw = _raw_ents(doc)
    alone = {name_key(text[s:e]) for s, e, _, _ in raw if " " not in text[s:e].strip()}
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
        if label in ("PERSON",) + _PLACE_LABELS and len(words) == 2 and words[0].lower().endswith(_ADJECTIVE_ENDINGS) and name_key(words[1]) in alone:
            start = start + text[start:end].index(words[1])  # "Islamic Azerbaijan": Azerbaijan, named alone elsewhere
            label = "GPE" if label == "PERSON" else label
        mentions.append(_Mention(Span(text[start:end], start, end), label, root))
    return _unmarked_full_names(doc, _bracketed_acronyms(doc, mentions))


def _unmarked_full_names(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """"Mehmet Oz" NER missed, when it found "Oz" alone: a run of proper nouns ending in that surname."""
    text = doc_text(doc)
    surnames = {name_key(m.span.text) for m in mentions if m.label == "PERSON" and " " not in m.span.text.strip()}
    covered = {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    added = []
    for token in doc:
        if token.i in covered or name_key(token.text) not in surnames or token.i == 0:
            continue
        run = [token]
        while run[0].i > 0 and len(run) < 3:
            left = doc[run[0].i - 1]
            if left.i in covered or left.pos_ != "PROPN" or not left.text[:1].isupper() or left.is_sent_start and left.lower_ in ("the", "a"):
                break
            run.insert(0, left)
        if len(run) < 2 or name_words(run[0].text)[:1] and name_words(run[0].text)[0] in _NAME_PREFIXES:
            continue
        start, end = run[0].idx, token.idx + len(token.text)
        added.append(_Mention(Span(text[start:end], start, end), "PERSON", token.i))
        covered.update(t.i for t in run)
    return sorted(mentions + added, key=lambda m: m.span.start)


_BRACKETED = re.compile(r"\(\s*([A-Z][A-Z.&]{1,8})\s*\)")


def _bracketed_acronyms(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """"Syrian Observatory … (SOHR)": the acronym in brackets is a mention even when NER skipped
    it, and so is the name before it whose initials it spells, NER or not ("Halden Water Trust (HWT)")."""
    text = doc_text(doc)
    starts = {m.span.start for m in mentions}
    added = []
    for match in _BRACKETED.finditer(text):
        start, end = match.span(1)
        letters = _acronym(match.group(1))
        if start in starts or letters is None:
            continue
        before = [m for m in mentions if 0 <= match.start() - m.span.end <= 2]
        if before and before[-1].label == "PERSON":
            continue
        if not before:
            named = _spelled_out(doc, match.start(), letters)
            if named is None:
                continue
            before = [named]
            added.append(named)
        token = doc.char_span(start, end, alignment_mode="expand")
        added.append(_Mention(Span(text[start:end], start, end), "ORG", token.root.i if token is not None else before[-1].root_i))
    return sorted(mentions + added, key=lambda m: m.span.start)


def _spelled_out(doc: Doc, bracket: int, letters: str) -> _Mention | None:
    """The capitalised words right before a bracket whose initials spell ``letters``."""
    text = doc_text(doc)
    run: list[Token] = []
    for token in reversed([t for t in doc if bracket - 120 <= t.idx and t.idx + len(t.text) <= bracket]):
        if not (token.text[:1].isupper() or (run and token.lower_ in _FUNCTION_WORDS)):
            break
        run.insert(0, token)
        words = [t for t in run if t.lower_ not in _FUNCTION_WORDS]
        if len(words) > len(letters):
            break
        if run[0].text[:1].isupper() and "".join(t.text[0].upper() for t in words) == letters:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            return _Mention(Span(text[start:end], start, end), "ORG", run[-1].i)
    return None


def name_gender(words: list[str]) -> str | None:
    """"f" or "m" when a name starts with a first name given to women or to men."""
    if words and words[0] in FEMALE_NAMES:
        return "f"
    if words and words[0] in MALE_NAMES:
        return "m"
    return None


def honorific_gender(text: str, start: int) -> str | None:
    """The gender a Mr./Mrs./Ms. right before ``start`` gives."""
    before = text[max(0, start - 6) : start].strip().rstrip(".").lower().split()
    if before and before[-1] in FEMALE_HONORIFICS:
        return "f"
    if before and before[-1] == "mr":
        return "m"
    return None


def _surname_owner(words: list[str], clusters: list[_Cluster], gender: str | None = None, by_first_name: frozenset[str] = frozenset()) -> _Cluster | None:
    """The person whose full name ends with these words: the first one introduced.

    When two share the surname and the article calls one of them by first name alone
    ("Melania"), the surname alone is the other one.
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
    # one the article introduced first, its main subject.
    return min(candidates, key=lambda c: c.mentions[0].span.start)


def _first_name_owner(words: list[str], clusters: list[_Cluster]) -> _Cluster | None:
    if len(words) != 1:
        return None
    owners = [c for c in clusters if (full := c.full_person) is not None and full[0] == words[0]]
    return owners[0] if len(owners) == 1 else None


def _acronym_owner(mention: _Mention, clusters: list[_Cluster], text: str) -> _Cluster | None:
    letters = _acronym(mention.span.text)
    if letters is None:
        return None
    if text[mention.span.start - 1 : mention.span.start] == "(":
        for cluster in reversed(clusters):
            last = cluster.mentions[-1].span
            if 0 <= mention.span.start - last.end <= 3 and cluster.full_person is None and not cluster.labels(*_PLACE_LABELS):
                return cluster
    for cluster in reversed(clusters):
        if cluster.full_person is not None:
            continue
        for form in cluster.forms:
            if " " in form and letters in (initials(form, True), initials(form, False)):
                return cluster
    return None


def _variant_owner(mention: _Mention, clusters: list[_Cluster]) -> _Cluster | None:
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


def _first_names_alone(mentions: list[_Mention], text: str) -> frozenset[str]:
    """First names the article uses alone for someone, outside quotations ("Melania seems to …")."""
    quoted = [(q.start, q.end) for q in find_quotes(text)]
    return frozenset(
        w[0]
        for m in mentions
        if len(w := name_words(m.span.text)) == 1 and (w[0] in FEMALE_NAMES or w[0] in MALE_NAMES)
        and not any(a <= m.span.start < b for a, b in quoted)
    )


def _cluster(mentions: list[_Mention], text: str) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_form: dict[str, _Cluster] = {}
    alone = _first_names_alone(mentions, text)
    for mention in mentions:
        key = name_key(mention.span.text)
        words = name_words(mention.span.text)
        owner = None
        if words and (mention.label == "PERSON" or (mention.label == "ORG" and len(words) < 3) or (len(words) == 1 and mention.label not in _PLACE_LABELS)):
            owner = _surname_owner(words, clusters, honorific_gender(text, mention.span.start), alone)
            if owner is None and (mention.label == "PERSON" or words[0] in FEMALE_NAMES or words[0] in MALE_NAMES):
                owner = _first_name_owner(words, clusters)
        if owner is None and mention.label in _PLACE_LABELS and len(words) == 1:
            person = _surname_owner(words, clusters) or _first_name_owner(words, clusters)
            if person is not None and person.mentions[0].span.start < mention.span.start:
                owner = person  # "Strada accused …" after "Terry Strada", read as a place
        if owner is None:
            owner = by_form.get(key)
        if owner is None:
            owner = _acronym_owner(mention, clusters, text)
        if owner is None:
            owner = _variant_owner(mention, clusters)
        if owner is None:
            owner = _Cluster()
            clusters.append(owner)
        owner.mentions.append(mention)
        by_form.setdefault(key, owner)
    return _merge_late(clusters, text)


def _merge_late(clusters: list[_Cluster], text: str) -> list[_Cluster]:
    """Short forms met before the full name they shorten ("Trump" in a headline, then "Donald Trump")."""
    kept: list[_Cluster] = []
    for cluster in clusters:
        target = None
        if cluster.full_person is None and not cluster.labels(*_PLACE_LABELS, "NORP"):
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
            if target is None and cluster.labels("ORG"):
                letters = {_acronym(f) for f in cluster.forms} - {None}
                target = next(
                    (o for o in clusters if o is not cluster and o.organisational and any(" " in f and initials(f, True) in letters for f in o.forms)),
                    None,
                )
        if target is not None:
            target.mentions.extend(cluster.mentions)
            target.mentions.sort(key=lambda m: m.span.start)
        else:
            kept.append(cluster)
    return kept


def _person_evidence(doc: Doc, mention: _Mention, text: str) -> bool:
    root = doc[mention.root_i]
    before = text[max(0, mention.span.start - 6) : mention.span.start].strip().rstrip(".").lower().split()
    if before and before[-1] in HONORIFICS:
        return True
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS


def _locative(doc: Doc, mention: _Mention) -> bool:
    root = doc[mention.root_i]
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _type(doc: Doc, cluster: _Cluster, text: str) -> str:
    people = cluster.labels("PERSON")
    places = cluster.labels(*_PLACE_LABELS)
    if any(len(w := name_words(f)) > 1 and w[-1] in ORGANISATION_NAME_ENDINGS for f in cluster.forms):
        return "outlet" if any(is_outlet_name(f) for f in cluster.forms) else "organisation"
    if not people and not places and _named_like_a_person(cluster):
        return "person"  # "Marta Quillon" read as an organisation
    if cluster.full_person is None and any(m.label == "ORG" and len(name_words(m.span.text)) > 1 for m in cluster.mentions):
        # "Patriot" read as a person, "Patriot Coal" as the company it is
        return "outlet" if any(is_outlet_name(f) for f in cluster.forms) else "organisation"
    orgs = cluster.labels("ORG")
    groups = cluster.labels("NORP")
    if people:
        evidence = any(_person_evidence(doc, m, text) for m in cluster.mentions)
        located = sum(_locative(doc, m) for m in cluster.mentions)
        if cluster.full_person is not None:
            return "place" if not evidence and located >= 2 else "person"
        if not evidence and (places or located):
            return "place"
        if people > orgs + places:
            return "person"
    if groups and groups >= max(orgs, places, people):
        return "group"
    if places and places >= orgs:
        return "place"
    if orgs or people:
        return "outlet" if any(is_outlet_name(f) for f in cluster.forms) else "organisation"
    return "place"


def _named_like_a_person(cluster: _Cluster) -> bool:
    """Two or three words starting with a first name and ending with no organisation word."""
    for form in cluster.forms:
        words = name_words(form)
        if 2 <= len(words) <= 3 and (words[0] in FEMALE_NAMES or words[0] in MALE_NAMES) and words[-1] not in ORGANISATION_NAME_ENDINGS:
            return True
    return False


def _fullest(cluster: _Cluster, type_: str) -> str:
    forms = cluster.forms
    if type_ == "person":
        # The name proper ends with the surname most forms end with ("Obama", not "Obama Speech")
        # and starts with a first name or an initial ("Hillary Clinton", not "Crooked Hillary Clinton").
        lasts = [w[-1] for f in forms if (w := name_words(f)) and (len(w) > 1 or (w[0] not in FEMALE_NAMES and w[0] not in MALE_NAMES))]
        surname = max(set(lasts), key=lambda w: (lasts.count(w), -lasts.index(w))) if lasts else None
        forms = [f for f in forms if name_words(f)[-1:] == [surname]] or forms
        named = [f for f in forms if (w := name_words(f)) and len(w) > 1 and (w[0] in MALE_NAMES or w[0] in FEMALE_NAMES or len(w[0]) == 1)]
        forms = named or forms
    return max(forms, key=lambda f: (len(name_words(f)), len(f), -forms.index(f)))


def _unmarked_repeats(doc: Doc, clusters: list[_Cluster]) -> None:
    """A person's surname or one-word name again where NER did not mark it ("Oz has been …")."""
    text = doc_text(doc)
    covered = {t.i for c in clusters for m in c.mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    owners: dict[str, _Cluster] = {}
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].span.start):
        full = cluster.full_person
        if full is not None:
            owners.setdefault(full[-1], cluster)
        elif cluster.labels("PERSON") and not cluster.labels(*_PLACE_LABELS, "ORG", "NORP"):
            for form in cluster.forms:
                words = name_words(form)
                if len(words) == 1:
                    owners.setdefault(words[0], cluster)
    for token in doc:
        word = name_key(token.text).strip(".")
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() or word not in owners:
            continue
        left = doc[token.i - 1] if token.i > 0 else None
        right = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if right is not None and right.pos_ == "PROPN" and right.text[:1].isupper():
            continue  # part of a longer name: "Trump Tower"
        if left is not None and left.pos_ == "PROPN" and left.lower_.rstrip(".") not in HONORIFICS:
            continue  # "Ivanka Trump" NER missed is not Donald
        owner = owners[word]
        gender = honorific_gender(text, token.idx)
        if gender is not None and name_gender(owner.full_person or []) not in (None, gender):
            continue
        owner.mentions.append(_Mention(Span(token.text, token.idx, token.idx + len(token.text)), "PERSON", token.i))
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.span.start)


def find_entities(doc: Doc) -> EntityIndex:
    text = doc_text(doc)
    index = EntityIndex()
    clusters = _cluster(_mentions(doc), text)
    _unmarked_repeats(doc, clusters)
    for cluster in sorted(clusters, key=lambda c: c.mentions[0].span.start):
        type_ = _type(doc, cluster, text)
        entity = Entity(name=_fullest(cluster, type_), type=type_)
        for mention in cluster.mentions:
            if mention.span.start in index._labels:
                continue  # one mention, one entity
            entity.mentions.append(mention.span)
            index._labels[mention.span.start] = mention.label
            index._owners[mention.span.start] = entity
        if entity.mentions:
            index.entities.append(entity)
    return index
