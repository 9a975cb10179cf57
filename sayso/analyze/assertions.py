"""What the article states in its own voice: sentences no attribution covers, news or background.

A sentence an attribution covers only in part keeps the main clauses no attribution touches:
"The truce collapsed on Sunday" in "The truce collapsed on Sunday, and officials said 40 people
died" — but not the clauses before a cue that follows its content ("A, and B, a source said"),
which the source may be speaking for.

Their origin is the author (byline) or, failing that, the outlet or wire agency. Not claims,
and so left out: questions, fragments without a verb, very short lines, the headline, lead-ins
ending in a colon, imperatives ("Read the rest here."), credits and contact lines, embedded
posts, and sentences inside a quotation (someone else's words even when no cue was found).

Each assertion is then read as **news** (what the article reports) or **background**
(standing context the author does not present as news), from its main clause:

- a present-tense description of a named thing: "Turkey is also a NATO member", "The area is a
  major pipeline corridor", "PolitiFact is operated by the Tampa Bay Times", "The union
  represents almost 50,000 workers" — unless the clause is anchored in the present story
  ("now", "currently", "already", a recent date, a progressive "is fast turning into");
- a habitual or generic statement: "prosecutors rarely pursue such cases", "Journalists who
  stray can wind up beaten";
- history: a past-perfect main clause ("had been facing pressure"), or a past clause whose
  only dates lie well before the publication date ("In 2012, she was arrested");
- what a law, ruling or proposal would do: "The legislation would end the immunity …".

A clause about something this story is about (a pronoun or "this"/"that" subject: "That
comment is a lie", "It is the biggest decline") stays news.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..model import Article, Assertion, Attribution, Span, TimeExpression
from .quotes import find_quotes
from .spans import char_span, doc_text, token_range_span
from .times import times_in

# Days before publication beyond which a dated past event is history, not this story's news.
HISTORY_DAYS = 45

_STATIVE_VERBS = frozenset(
    """
    represent include maintain operate own contain consist border lie serve cover employ house span
    comprise belong neighbour neighbor encompass host oversee govern administer
    """.split()
)
# What sets rules: what one of these "would" do describes it ("The bill would end …").
_PROVISIONS = frozenset(
    "law bill legislation measure ruling rule regulation proposal plan amendment treaty provision program programme policy".split()
)
_HABITUAL_ADVERBS = frozenset(
    "rarely seldom often usually typically generally always traditionally historically frequently normally customarily constantly routinely".split()
)
_QUANTIFIERS = frozenset({"most", "many", "some", "few", "majority", "minority", "percent", "quarter", "half", "third", "fifth", "share"})
_NOW_WORDS = frozenset({"now", "currently", "already", "today", "tonight", "still", "recently", "just", "newly", "yet"})
_DEICTIC = frozenset({"this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their"})
_NOT_A_SENTENCE = re.compile(r"@\w|https?://|<\w+|\bwww\.|^\W*(?:\(?[A-Z][\w.]*\)?\s*){1,4}\W*$")
_CREDIT = re.compile(r"\b(?:contributed (?:reporting|to this report)|additional reporting|reach (?:him|her|them)|follow (?:him|her|them) on|editor'?s note)\b", re.I)


def _covered(start: int, end: int, attributions: list[Attribution]) -> bool:
    for a in attributions:
        parts = [a.content] + ([a.cue] if a.cue else []) + ([a.speaker] if a.speaker else [])
        if any(p.start < end and start < p.end for p in parts):
            return True
    return False


def _quoted(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """Most of the sentence lies inside one quotation."""
    return any(min(end, q_end) - max(start, q_start) > (end - start) / 2 for q_start, q_end in quotes)


def _headline(span: Span, article: Article) -> bool:
    """The article's title repeated at the top of the body, whole or in parts ("…; …")."""
    title = (article.title or "").strip()
    if not title or span.start > len(title) + 2:
        return False
    words = span.text.rstrip(".;").strip()
    return title.startswith(words[:40]) or words.startswith(title[:40]) or words[:40] in title


def _subjectless(sent: DocSpan) -> bool:
    """An imperative ("Read the rest here.") or a fragment of a list ("Is the first candidate …")."""
    root = sent.root
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return False
    return root.tag_ == "VB" and not any(c.dep_ == "aux" for c in root.children) or root.tag_ in ("VBZ", "VBP", "VBD")


def _not_a_claim(sent: DocSpan, span: Span, article: Article) -> bool:
    text = span.text
    if sent.text.rstrip().endswith(("?", ":")) or len([t for t in sent if t.is_alpha]) < 4:
        return True
    if text[0].islower() or text[0] in "[(<":
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True
    if _NOT_A_SENTENCE.search(text) or _CREDIT.search(text) or _headline(span, article):
        return True
    return _subjectless(sent)


def unattributed_assertions(doc: Doc, article: Article, attributions: list[Attribution]) -> list[Assertion]:
    origin = article.byline or article.outlet or article.agency
    text = doc_text(doc)
    quotes = [(q.outer_start, q.outer_end) for q in find_quotes(text)]
    found = []
    for sent in doc.sents:
        span = char_span(text, sent.start_char, sent.end_char)
        if span is None or _not_a_claim(sent, span, article) or _quoted(span.start, span.end, quotes):
            continue
        if not _covered(span.start, span.end, attributions):
            times = times_in(doc, span, article.published)
            found.append(Assertion(content=span, origin=origin, times=times, background=is_background(sent.root, times, article.published)))
            continue
        for predicate, clause in _own_clauses(sent, attributions):
            times = times_in(doc, clause, article.published)
            found.append(Assertion(content=clause, origin=origin, times=times, background=is_background(predicate, times, article.published)))
    return found


def _own_clauses(sent: DocSpan, attributions: list[Attribution]) -> list[tuple[Token, Span]]:
    """The main clauses of a partly attributed sentence that no attribution touches: "The truce
    collapsed on Sunday" in "The truce collapsed on Sunday, and officials said 40 people died"."""
    doc = sent.doc
    predicates = [sent.root] + [c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if len(predicates) < 2:
        return []
    others = {p.i: {t.i for t in p.subtree} for p in predicates[1:]}
    # "A, and B, another source said": a cue after its content may speak for every clause before it.
    reach = max((a.cue.start for a in attributions if a.cue and sent.start_char <= a.cue.start < sent.end_char and a.content.start < a.cue.start), default=-1)
    found = []
    for predicate in predicates:
        if _subject(predicate) is None or not _finite(predicate):
            continue
        nested = set().union(*(tokens for i, tokens in others.items() if i != predicate.i))
        tokens = [t for t in predicate.subtree if t.i not in nested]
        while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct or tokens[-1].is_space):
            tokens.pop()
        while tokens and (tokens[0].dep_ == "cc" or tokens[0].is_punct or tokens[0].is_space):
            tokens.pop(0)
        if len([t for t in tokens if t.is_alpha]) < 4 or any(tokens[0].i < i < tokens[-1].i for i in nested):
            continue  # too short to claim anything, or wrapped around another clause
        clause = token_range_span(doc, tokens, strip_final_period=True)
        if clause is not None and clause.start > reach and not _covered(clause.start, clause.end, attributions):
            found.append((predicate, clause))
    return found


def _finite(predicate: Token) -> bool:
    """A clause with a tense of its own ("she gained"), not a participle hanging off a list."""
    return predicate.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in predicate.children)


def _subject(predicate: Token) -> Token | None:
    return next((c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _deictic(subject: Token | None) -> bool:
    """A subject that points into the story rather than naming a thing: "that comment", "it"."""
    if subject is None:
        return True
    first = subject.left_edge
    return subject.lower_ in _DEICTIC or first.lower_ in _DEICTIC


def _quantified(subject: Token | None) -> bool:
    """A counted subject reports a figure: "Less than a quarter of donors are …", "Most Americans"."""
    if subject is None:
        return False
    if subject.lower_ in _QUANTIFIERS or any(c.dep_ in ("nummod", "quantmod") or c.lower_ in _QUANTIFIERS for c in subject.children):
        return True
    return subject.ent_type_ in ("PERCENT", "CARDINAL", "MONEY", "QUANTITY")


def _verb_times(predicate: Token, times: list[TimeExpression]) -> list[TimeExpression]:
    """The dates that modify the main clause itself ("In 2012, she was arrested"), not a noun in it."""
    doc = predicate.doc
    attached = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("pobj", "prep", "pcomp", "nummod", "compound") and head.head.i != head.i and head.head.i != predicate.i:
            head = head.head
        if head.head.i == predicate.i or head.i == predicate.i:
            attached.append(t)
    return attached


def _anchored_now(predicate: Token) -> bool:
    """The clause speaks of the present moment: "now", "currently", a progressive "is turning"."""
    if any(c.lower_ in _NOW_WORDS and not _capitalised_inside(c) for c in predicate.subtree if c.dep_ in ("advmod", "npadvmod")):
        return True
    return predicate.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in predicate.children)


def _capitalised_inside(token: Token) -> bool:
    """A capitalised word within the sentence is part of a name ("Russia Today", "USA Today")."""
    return token.i > token.sent.start and token.text[:1].isupper()


def _present(predicate: Token) -> bool:
    if predicate.tag_ in ("VBZ", "VBP"):
        return True
    auxiliaries = [c for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and all(a.tag_ in ("VBZ", "VBP") for a in auxiliaries) and not any(a.lemma_ == "have" for a in auxiliaries)


def _description(predicate: Token) -> bool:
    """"X is a member / the largest source", "X is operated by", "X represents 50,000 workers"."""
    lemma = predicate.lemma_.lower()
    children = list(predicate.children)
    if lemma == "be":
        return any(c.dep_ in ("attr", "acomp") and (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "JJS") for c in children)
    if predicate.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children):
        # "is operated by …", "is registered as a charity"; not a scene: "are scattered throughout"
        return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "as") for c in children)
    return lemma in _STATIVE_VERBS


def _provision(predicate: Token) -> bool:
    """What a law, ruling or proposal would do is a description of it: "The legislation would end
    the immunity …", "A 5-5 ruling would leave the regulations in place"."""
    subject = _subject(predicate)
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in predicate.children)
    return modal and subject is not None and subject.lemma_.lower() in _PROVISIONS


def _habitual(predicate: Token) -> bool:
    if any(c.lower_ in _HABITUAL_ADVERBS for c in predicate.children if c.dep_ == "advmod"):
        return True
    # "Journalists who stray can wind up beaten", "No leader can achieve victory …"
    return not _deictic(_subject(predicate)) and any(c.lower_ == "can" for c in predicate.children if c.dep_ == "aux")


def _days_before(value: str | None, published: str | None) -> int | None:
    """How long before publication a resolved date ended (None when either is unknown)."""
    if not value or not published:
        return None
    from datetime import date

    end = value.split("/")[-1]
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", end)
    pub = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if match is None or pub is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 12), int(match.group(3) or 28)
    try:
        return (date(*(int(g) for g in pub.groups())) - date(year, month, min(day, 28))).days
    except ValueError:
        return None


def _history(predicate: Token, times: list[TimeExpression], published: str | None) -> bool:
    auxiliaries = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxiliaries:
        return True
    if predicate.tag_ != "VBD" and not auxiliaries & {"was", "were"}:
        return False
    ages = [_days_before(t.value, published) for t in _verb_times(predicate, times) if t.kind in ("date", "datetime", "interval")]
    known = [a for a in ages if a is not None]
    return bool(known) and min(known) > HISTORY_DAYS


def is_background(predicate: Token, times: list[TimeExpression], published: str | None) -> bool:
    """Standing context rather than news: a description, a habit or history (see the module notes);
    ``predicate`` is the main verb of the sentence or clause."""
    if _anchored_now(predicate):
        return False
    if _habitual(predicate):
        return True
    if _history(predicate, times, published):
        return True
    recent = [a for a in (_days_before(t.value, published) for t in times) if a is not None and a <= HISTORY_DAYS]
    if recent or _deictic(_subject(predicate)) or _quantified(_subject(predicate)):
        return False
    return (_present(predicate) and _description(predicate)) or _provision(predicate)
