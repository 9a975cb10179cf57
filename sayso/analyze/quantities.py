"""Numbers inside a claim: what each states, within what bounds, and what it counts.

Mentions are built around the number tokens of the parse (digits, number words, "hundreds"),
not around NER labels alone, which miss some and mislabel others: the wording around each
number ("at least", "US Dollars a month") comes from ``number_values``, what is counted
("ISIS fighters") from the dependency tree. Dates are not quantities: a number inside a DATE or
TIME mention, or a bare year ("in 1991"), is left to ``times``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Quantity, Span
from .number_values import COUNT_WORDS, leading_rate, quantity_phrases, read_quantity
from .ner_mentions import ner_mentions
from .spans import doc_text, tokens_in
from .time_values import reads_as_time, time_phrases

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
_PREDICATE_STEPS = 4  # heads climbed from a count to the verb of its clause


# Tokens the tokenizer leaves whole: "2bn", "4.5bn", "£2m"'s "2", "20–25"
_NUMBER_TOKEN = re.compile(r"^\d[\d,]*(?:\.\d+)?(?:bn|mn|[mk]|[-–]\d[\d,]*(?:\.\d+)?)?$")
_FRACTION_WORDS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths eighth eighths ninth ninths tenth tenths".split())


def _is_number(token: Token) -> bool:
    """A token that states a count: digits, a number word the tagger reads as one, "hundreds"."""
    lower = token.lower_
    if lower in _ORDINALS or (lower.endswith(("st", "nd", "rd", "th")) and lower[:1].isdigit()):
        return False
    if lower in COUNT_WORDS or _NUMBER_TOKEN.match(lower):
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


def _in_name(token: Token, start: int) -> bool:
    """A number inside a name: "Fortune 500", or after the proper noun it labels ("Boeing 737",
    "Resolution 2254"; a count comes before what it counts, "USD 300" is a currency)."""
    if token.ent_type_ in _NAMES and token.ent_iob_ != "B":
        return True
    head = token.head
    return token.dep_ in ("nummod", "compound", "appos") and head.i == token.i - 1 and head.tag_ == "NNP" and head.idx < start


def _in_date(token: Token) -> bool:
    """A number inside a DATE or TIME mention that reads as one ("two and a half million" is
    sometimes labelled a DATE), or a word inside an ORDINAL ("2bn" is sometimes labelled one;
    written ordinals, "1st", never reach here)."""
    if token.ent_type_ == "ORDINAL":
        return not token.text[:1].isdigit()
    if token.ent_type_ not in _NOT_QUANTITIES:
        return False
    mention = next(e for e in ner_mentions(token.doc) if e.start <= token.i < e.end)
    return reads_as_time(mention.text)


def _time_tokens(doc: Doc, span: Span) -> set[int]:
    """Tokens of the date forms the NER missed ("18 Oct", "three days ago"): not quantities."""
    text = doc_text(doc)
    inside: set[int] = set()
    for start, end in time_phrases(text[span.start : span.end]):
        inside.update(t.i for t in tokens_in(doc, span.start + start, span.start + end))
    return inside


def _numbers(doc: Doc, start: int, end: int, fraction: bool) -> list[Token] | None:
    """The number tokens of a phrase, or None when the phrase is a date or has no number.

    In a share of a whole ("a quarter of the staff", "a third") the named part is the number,
    whatever label the NER gives it ("quarter" is often read as a DATE, "third" as an ORDINAL).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if fraction:
        return [t for t in span if t.lower_ in _FRACTION_WORDS or t.like_num] or None
    numbers = [t for t in span if _is_number(t)]
    if not numbers or any(_in_date(t) or _is_year(t) or _in_name(t, start) for t in numbers):
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
    """The noun a number counts: after "of" on the number or a word of its phrase ("between 40
    and 50 percent of the harvest"), else the noun the phrase modifies, else the noun just
    before "in" ("mercenaries in thousands")."""
    chain = [number]
    while chain[-1].head.i != chain[-1].i and start <= chain[-1].head.idx < end:
        chain.append(chain[-1].head)
    top = chain[-1]
    noun = next((n for n in map(_of_object, chain) if n is not None), None)
    if noun is None and top.dep_ in _MODIFIER_DEPS and top.head.pos_ in ("NOUN", "PROPN"):
        noun = top.head
    if noun is None and top.dep_ == "pobj" and top.head.lower_ in ("in", "by") and top.head.i == top.i - 1 and top.i >= 2:
        before = top.doc[top.i - 2]  # the parser often hangs "in thousands" on the verb
        noun = before if before.pos_ in ("NOUN", "PROPN") else None
    if noun is None or noun.pos_ == "PRON" or start <= noun.idx < end:
        return None
    return noun


def _counted(noun: Token | None, start: int, end: int) -> tuple[str | None, str | None]:
    """What the number counts (the noun it modifies with the words bound to it on its left),
    and a rate written after that noun ("5,000 cars a day")."""
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


def _one_of_a_count(one: Token) -> bool:
    """ "only one of the rafts", "one of its twelve rafts": a count of one, not the pronoun."""
    whole = _of_object(one)
    if whole is None:
        return False
    before = one.doc[one.i - 1].lower_ if one.i else ""
    return before in ("only", "just", "exactly") or any(_is_number(c) for c in whole.children)


def _predicate(number: Token, noun: Token | None) -> str | None:
    """What the clause says of the count: the verb it is the subject or object of, as a lemma,
    with the verb it governs ("injure" in "at least 30 people were injured", "treat" in "treated
    some 35 people", "fail inflate" in "four rafts failed to inflate"); None for the whole of a
    share ("twelve" in "four of its twelve rafts failed": the four failed) and in a copula."""
    token = noun if noun is not None and number not in noun.ancestors else number  # "four of the rafts": from "four"
    for _ in range(_PREDICATE_STEPS):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "pobj" and head.lower_ == "of" and _is_number(head.head):
            return None
        if head.pos_ == "VERB":
            then = [c.lemma_.lower() for c in head.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            return " ".join([head.lemma_.lower(), *then[:1]])  # "failed to inflate": fail inflate
        if head.pos_ == "AUX":
            return None  # "six vehicles had been on the span": a copula, and past it the reporting verb
        token = head
    return None


_SUBJECTS = ("nsubj", "nsubjpass")


def _role(token: Token) -> str | None:
    return "subject" if token.dep_ in _SUBJECTS else "object" if token.dep_ == "dobj" else None


def _elided_count(number: Token, earlier: list[Quantity]) -> str | None:
    """What a bare number counts when its clause leaves the noun to a conjoined one: "Four
    people died and more than 20 were injured" — 20 people, in the same role of the verb
    conjoined with its own."""
    role = _role(number)
    verb = number.head
    if role is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    partners = {c.i for c in verb.children if c.dep_ == "conj"} | ({verb.head.i} if verb.dep_ == "conj" else set())
    doc = number.doc
    for quantity in reversed(earlier):
        if quantity.counted is None or quantity.unit is not None:
            continue
        counted = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        noun = counted.root.head if counted is not None and counted.root.dep_ == "nummod" else None
        if noun is not None and noun.head.i in partners and _role(noun) == role:
            return quantity.counted
    return None


def _ner_unit(doc: Doc, start: int, end: int) -> str | None:
    """A unit NER found that the wording table lacks: the words after the number in a MONEY or QUANTITY span."""
    for ent in ner_mentions(doc):
        if ent.label_ in ("MONEY", "QUANTITY") and ent.start_char <= start < ent.end_char:
            tail = [t for t in ent if t.idx >= start]
            last = max((i for i, t in enumerate(tail) if _is_number(t)), default=None)
            words = [t.lower_ for t in tail[last + 1 :]] if last is not None else []
            return " ".join(words) or None
    return None


def _unit_words_end(ent: SpacySpan, end: int) -> int:
    """Where the words of an NER amount that run on past ``end`` stop being its unit ("50
    bushels", "billions of dollars"): at the first word that is no noun ("3.5 metres overnight")."""
    stop = end
    for token in ent:
        if token.idx < end:
            continue
        if token.lower_ == "of":  # "billions of dollars"
            continue
        if token.pos_ not in ("NOUN", "PROPN", "NUM", "SYM", "ADJ"):
            break
        stop = token.idx + len(token.text)
    return stop


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
            found[overlapping[0]] = (s, max(e, _unit_words_end(ent, e)))
    return sorted(found)


def quantities_in(doc: Doc, span: Span) -> list[Quantity]:
    """Every number stated in ``span`` with its value, bounds, unit, rate and what it counts."""
    text = doc_text(doc)
    in_times = _time_tokens(doc, span)
    quantities = []
    for start, end in _mentions(doc, span):
        phrase = text[start:end]
        reading = read_quantity(phrase)
        numbers = _numbers(doc, start, end, fraction=reading.unit == "fraction")
        if numbers is None or any(t.i in in_times for t in numbers):
            continue
        if reading.value is None and reading.low is None and reading.high is None:
            continue
        if phrase.lower() == "one" and numbers[0].dep_ != "nummod" and not _one_of_a_count(numbers[0]):
            continue  # "one of the things", "the one who", "one another": a pronoun, not a count
        unit = reading.unit or _ner_unit(doc, start, end)
        noun = next((n for n in (_counted_noun(t, start, end) for t in reversed(numbers)) if n is not None), None)
        counted, rate = _counted(noun, start, end)
        if counted is None and unit is None:
            counted = _elided_count(numbers[-1], quantities)
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
                predicate=_predicate(numbers[-1], noun),
            )
        )
    return quantities
