"""Organisation descriptions and short names: the body "the appeals court", "the Clinton
campaign" or "CNS" refers to.

"the commission", "the appeals court" are the organisation whose name has most of those words;
"the Clinton campaign", "her campaign", "the Obama administration" the person's campaign or
administration, named after them ("the Trump team" is his campaign when the article names
one); an acronym or first word NER missed ("CNS", "Peabody") the organisation it shortens.

Some descriptions say what kind of body is meant, and names often say it too: "the union" is
not "Patriot Coal" but the "United Mine Workers of America", even when the article names the
union only paragraphs later ("the top British medical journal" … "the British Medical Journal");
"the agency" is a department, bureau or office rather than the company in view. "Police said"
is the force the article names ("the Charlotte-Mecklenburg police chief", "the Dallas Police
Department").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Token

from ..model import Entity, Span
from .acronyms import acronym, spells
from .entities import EntityIndex
from .name_forms import name_words
from .spans import doc_text, is_definite_description, tokens_in
from .titles import head_word

_CAMPAIGN_WORDS = frozenset({"team", "camp"})
OUTLET_NOUNS = frozenset("newspaper paper network journal magazine outlet publication channel station broadcaster tabloid daily website site blog".split())
PLACE_NOUNS = frozenset({"city", "state", "country", "nation", "town", "county"})
# Words that show in a name what kind of body it is, and the description heads of each kind.
_UNION_WORDS = frozenset("union unions workers federation association brotherhood guild teamsters employees afl-cio".split())
_COMPANY_WORDS = frozenset(
    "inc corp corporation co ltd llc plc holdings industries energy coal oil gas motors airlines company companies bank bancorp".split()
)
_AGENCY_WORDS = frozenset("agency department administration bureau office commission service authority".split())
_KINDS = {
    "union": _UNION_WORDS,
    "agency": _AGENCY_WORDS,
    "bureau": frozenset({"bureau"}),
    **{h: _COMPANY_WORDS for h in "company firm corporation business bank lender insurer airline employer".split()},
}
# A union's name nearly always says it is one; a company's often does not ("Wells Fargo").
_NAMED_KINDS = frozenset({"union"})


def organisation_containing(entities: EntityIndex, tokens: list[Token], start: int, word: str) -> Entity | None:
    """"the appeals court": the organisation named before ``start`` whose name has the head
    ``word`` and most of the description's words (the Court of Appeals)."""
    described = {head_word(t) for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ")}
    containing = [
        (len(described & {w.rstrip("s") for w in name_words(e.name)} | described & set(name_words(e.name))), m.start, e)
        for e, m in entities.mentions()
        if m.end <= start and e.type in ("organisation", "outlet", "government") and word in name_words(e.name)
    ]
    return max(containing, key=lambda c: (c[0], c[1]))[2] if containing else None


def owner_named_before(doc: Doc, entities: EntityIndex, earlier: Iterable[str], offset: int, word: str, possessives: Mapping[int, str]) -> str | None:
    """"The campaign" after "the Trump campaign", "Trump's campaign" or "his campaign": that person's.

    ``earlier`` are the names given to the sources resolved before ``offset``, latest first;
    ``possessives`` the person each "his"/"her" before ``word`` stands for, by its offset.
    """
    for name in earlier:
        if name.endswith(f" {word}"):
            return name[: -len(word) - 1]
    owners = [(m.start, e.name) for e, m in entities.mentions() if m.end <= offset and e.type == "person" and _followed_by(doc, m, word)]
    owners += [(start, name) for start, name in possessives.items() if start < offset]
    return max(owners)[1] if owners else None


def owned_word(doc: Doc, entities: EntityIndex, person: Entity, word: str) -> str:
    """"team" or "camp" of a candidate whose campaign the article names is that "campaign"."""
    if word in _CAMPAIGN_WORDS and any(_followed_by(doc, m, "campaign") for e, m in entities.mentions() if e is person):
        return "campaign"
    return word


def _followed_by(doc: Doc, mention: Span, word: str) -> bool:
    """A name followed by ``word``, with or without 's: "Trump campaign", "Trump's campaign"."""
    after = tokens_in(doc, mention.end, min(len(doc_text(doc)), mention.end + 20))
    after = [t for t in after if t.text not in ("'s", "’s", "'", "’")]
    return bool(after) and head_word(after[0]) == word


def organisation_by_short_name(entities: EntityIndex, name: str) -> Entity | None:
    """"CNS" for "Christian News Service", "Peabody" for "Peabody Energy", NER having missed the short form."""
    letters = acronym(name)
    words = name_words(name)
    for entity in entities.entities:
        if entity.type not in ("organisation", "outlet", "government"):
            continue
        for form in [entity.name, *entity.forms]:
            full = name_words(form)
            if len(full) < 2:
                continue
            if letters is not None and spells(letters, form):
                return entity
            if len(words) == 1 and words[0] == full[0] and name[:1].isupper():
                return entity
    return None


def kind_words(word: str) -> frozenset[str]:
    """Name words that show a body is what the description head ``word`` says: "union" → "workers"."""
    return _KINDS.get(word, frozenset()) | {word}


def describes_body_of_kind(token: Token) -> bool:
    """The head of "the drug company", "the union": a definite description of one body of a kind
    a name may show, as "the senator" is of one person."""
    return token.tag_ == "NN" and head_word(token) in _KINDS and is_definite_description(token)


def may_be(entity: Entity, word: str) -> bool:
    """Whether a body may be what the description head ``word`` says: not "Patriot Coal" for
    "the union", whose name would say union, workers or the like, nor "the Harbor Department"
    for "the company"; a head of no particular kind ("the group") may be any body."""
    words = set(name_words(entity.name))
    if word not in _KINDS or words & kind_words(word):
        return True
    if word in _NAMED_KINDS:
        return False
    return not any(words & kind for kind in _KINDS.values())


def organisation_of_kind(entities: EntityIndex, offset: int, word: str) -> Entity | None:
    """A body whose name shows the kind ``word`` says: the last named before ``offset``, else the
    first named after it ("the union" before the United Mine Workers of America are named)."""
    wanted = kind_words(word)
    named = [(m.start, e) for e, m in entities.mentions() if e.type in ("organisation", "outlet") and set(name_words(e.name)) & wanted]
    before = [e for start, e in named if start < offset]
    after = [e for start, e in named if start >= offset]
    return before[-1] if before else after[0] if after else None


def police_force(doc: Doc, entities: EntityIndex, offset: int) -> str | None:
    """"Police said …": the police force the article names, as a body ("the Dallas Police
    Department") or as a place before "police" ("the Charlotte-Mecklenburg police chief"); the
    last named before ``offset``, else the first after."""
    named = [(m.start, e.name) for e, m in entities.mentions() if e.type in ("organisation", "government") and "police" in name_words(e.name)]
    for token in doc:
        if token.lower_ != "police" or token.i == 0:
            continue
        first = token.i
        while first > 0 and (_place_word(doc[first - 1]) or (doc[first - 1].text == "-" and first > 1 and _place_word(doc[first - 2]))):
            first -= 1
        if first < token.i:
            named.append((doc[first].idx, doc[first : token.i + 1].text))
    named.sort()
    before = [name for start, name in named if start < offset]
    after = [name for start, name in named if start >= offset]
    return before[-1] if before else after[0] if after else None


def _place_word(token: Token) -> bool:
    """A word of a place's name before "police": "Charlotte", "Mecklenburg", not a person's."""
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "NORP", "DATE") and token.dep_ == "compound"
