"""Numbers inside a claim: what each states, within what bounds, and what it counts.

Mentions are built around the number tokens of the parse (digits, number words, "hundreds"),
not around NER labels alone, which miss some and mislabel others: the wording around each
number ("at least", "US Dollars a month") comes from ``number_values``, what is counted
("ISIS fighters") from the dependency tree. Dates are not quantities: a number inside a DATE or
TIME mention, or a bare year ("in 1991"), is left to ``times``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Quantity, Span
from .number_values import COUNT_WORDS, leading_rate, quantity_phrases, read_quantity
from .ner_mentions import ner_mentions
from .spans import doc_text

_NOT_QUANTITIES = frozenset({"DATE", "TIME", "ORDINAL"})
# Numbers inside a name ("Fortune 500", "Boeing 737") are part of it, unless the name starts
# with the number: that is the NER swallowing a count ("4000 ISIS" read as an organisation).
_NAMES = frozenset({"ORG", "PRODUCT", "LAW", "FAC", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC", "NORP"})
_AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
_ORDINALS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth hundredth thousandth".split()
)
_TIME_PREPOSITIONS = frozenset({"in", "since", "until", "till", "by", "before", "after", "from", "to", "through", "between", "during"})
_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "appos"})
_PHRASE_STOPS = frozenset({"det", "predet", "poss", "punct", "cc", "nummod", "quantmod", "case", "prep"})


def _is_number(token: Token) -> bool:
    """A token that states a count: digits, a number word the tagger reads as one, "hundreds"."""
    lower = token.lower_
    if lower in _ORDINALS or (lower.endswith(("st", "nd", "rd", "th")) and lower[:1].isdigit()):
        return False
    if lower in COUNT_WORDS:
        return True
    return token.like_num and (lower[:1].isdigit() or token.tag_ == "CD")


def _is_year(token: Token) -> bool:
    """A year the NER missed: "since 1991", "from 2011 to 2016", "a 2014 study", "Trump's 1995 filings".

    A year-like number counts only as a plain plural count ("2000 people"); after "a" or a
    possessive, before a singular noun, or governed by a time preposition it is a year.
    """
    text = token.text
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099):
        return False
    if token.dep_ == "pobj":
        return token.head.lower_ in _TIME_PREPOSITIONS
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and (previous.lower_ in ("a", "an") or previous.tag_ in ("POS", "PRP$")):
        return True
    return token.head.tag_ in ("NN", "NNP") and token.head.i > token.i


def _in_name(token: Token) -> bool:
    return token.ent_type_ in _NAMES and token.ent_iob_ != "B"


def _numbers(doc: Doc, start: int, end: int) -> list[Token] | None:
    """The number tokens of a phrase, or None when the phrase is a date or has no number."""
    span = doc.char_span(start, end, alignment_mode="expand")
    numbers = [t for t in span if _is_number(t)] if span is not None else []
    if not numbers or any(t.ent_type_ in _NOT_QUANTITIES or _is_year(t) or _in_name(t) for t in numbers):
        return None
    return numbers


def _of_object(token: Token) -> Token | None:
    """The noun after "of": "Hundreds of people", "12 percent of voters"."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _counted_noun(number: Token, start: int, end: int) -> Token | None:
    top = number
    while top.head.i != top.i and start <= top.head.idx < end:
        top = top.head
    noun = _of_object(top)
    if noun is None and top.dep_ in _MODIFIER_DEPS and top.head.pos_ in ("NOUN", "PROPN"):
        noun = top.head
    if noun is None and top.dep_ == "pobj" and top.head.lower_ in ("in", "by") and top.head.head.pos_ in ("NOUN", "PROPN"):
        noun = top.head.head  # "mercenaries in thousands"
    if noun is None or noun.pos_ == "PRON" or start <= noun.idx < end:
        return None
    return noun


def _counted(numbers: list[Token], start: int, end: int) -> tuple[str | None, str | None]:
    """What the number counts (the noun it modifies with the words bound to it on its left),
    and a rate written after that noun ("5,000 cars a day")."""
    nouns = (_counted_noun(t, start, end) for t in reversed(numbers))
    noun = next((n for n in nouns if n is not None), None)
    if noun is None:
        return None, None
    first = noun
    for token in reversed(noun.doc[noun.left_edge.i : noun.i]):
        if start <= token.idx < end or token.dep_ in _PHRASE_STOPS or _is_number(token) or token.i != first.i - 1:
            break
        first = token
    text = doc_text(noun.doc)
    noun_end = noun.idx + len(noun.text)
    return text[first.idx : noun_end], leading_rate(text[noun_end : noun_end + 40])


def _ner_unit(doc: Doc, start: int, end: int) -> str | None:
    """A unit NER found that the wording table lacks: the words after the number in a MONEY or QUANTITY span."""
    for ent in ner_mentions(doc):
        if ent.label_ in ("MONEY", "QUANTITY") and ent.start_char <= start < ent.end_char:
            tail = [t for t in ent if t.idx >= start]
            last = max((i for i, t in enumerate(tail) if _is_number(t)), default=None)
            words = [t.lower_ for t in tail[last + 1 :]] if last is not None else []
            return " ".join(words) or None
    return None


def _mentions(doc: Doc, span: Span) -> list[tuple[int, int]]:
    """Phrase extents from the wording, widened to NER amounts that run on and joined by ones it missed."""
    text = doc_text(doc)
    found = [(span.start + s, span.start + e) for s, e in quantity_phrases(text[span.start : span.end])]
    for ent in ner_mentions(doc):
        if ent.label_ not in _AMOUNT_LABELS or ent.start_char < span.start or ent.end_char > span.end:
            continue
        overlapping = [i for i, (s, e) in enumerate(found) if s < ent.end_char and ent.start_char < e]
        if not overlapping and not text.startswith("-", ent.end_char):  # not "one-page", "two-year"
            found.append((ent.start_char, ent.end_char))
        elif ent.label_ != "CARDINAL" and len(overlapping) == 1:
            s, e = found[overlapping[0]]
            found[overlapping[0]] = (s, max(e, ent.end_char))
    return sorted(found)


def quantities_in(doc: Doc, span: Span) -> list[Quantity]:
    """Every number stated in ``span`` with its value, bounds, unit, rate and what it counts."""
    text = doc_text(doc)
    quantities = []
    for start, end in _mentions(doc, span):
        numbers = _numbers(doc, start, end)
        if numbers is None:
            continue
        phrase = text[start:end]
        reading = read_quantity(phrase)
        if reading.value is None and reading.low is None and reading.high is None:
            continue
        if phrase.lower() == "one" and numbers[0].dep_ != "nummod":
            continue  # "one of the things", "the one who", "one another": a pronoun, not a count
        unit = reading.unit or _ner_unit(doc, start, end)
        counted, rate = _counted(numbers, start, end)
        quantities.append(
            Quantity(
                phrase,
                start,
                end,
                reading.value,
                unit,
                low=reading.low,
                high=reading.high,
                approximate=reading.approximate,
                per=reading.per or rate,
                counted=counted,
            )
        )
    return quantities
