"""Claim parts: the clauses of a content that states two or more things.

"One passenger died and at least 30 people were injured", "she had treated three workers, and
that one of them had been kept in overnight": one attribution, two claims, which other articles
report apart and which linking must group apart. A part is a clause the content's main verb is
coordinated with ("and", "but") or set against it (", while", "whereas"), and that has a
subject of its own, or (coordinated) that counts something of its own ("Paramedics pronounced two men dead and took roughly 35 people to hospital"); a verb sharing
the first one's subject and saying more of the same ("the plan was unfair and would hurt
families") stays in it, as does a disjunction ("or"), which asserts neither side. Each part runs
from its clause's first word (past a "that") to the next part, without the joining comma and
conjunction.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Span
from .spans import doc_text, tokens_in

_JOINING = frozenset({"and", "but", "while", "whereas"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_LEAST_WORDS = 2  # a part shorter than this is a fragment, not a claim ("prices rose" is one)


def claim_parts(doc: Doc, content: Span) -> list[Span]:
    """The clauses of ``content`` that each state a claim, in order; none when it states one."""
    tokens = tokens_in(doc, content.start, content.end)
    inside = {t.i for t in tokens}
    starts: list[Token] = []
    for top in (t for t in tokens if t.head.i not in inside or t.head.i == t.i):
        starts += _joined_clauses(top, inside)
    if not starts:
        return []
    text = doc_text(doc)
    bounds = [content.start] + [_first_word(c).idx for c in sorted(starts, key=lambda c: c.left_edge.i)]
    parts = []
    for k, start in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else content.end
        piece = _trimmed(doc, start, end)
        if piece is None:
            return []
        parts.append(Span(text[piece[0] : piece[1]], piece[0], piece[1]))
    return parts


def _joined_clauses(verb: Token, inside: set[int]) -> list[Token]:
    """Verbs coordinated with ``verb`` (and with each other: "A, B and C") by a joining word,
    each with a subject of its own, or a count of its own beside one in ``verb``'s clause."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    found = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i not in inside or conj.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in _SUBJECTS for c in conj.children) and not (_counts(verb, conj) and _counts(conj, None)):
            continue
        joined_by = [c.lower_ for c in verb.children if c.dep_ == "cc" and c.i < conj.i]
        if joined_by and joined_by[-1] in _JOINING:
            found.append(conj)
            found += _joined_clauses(conj, inside)
    for clause in verb.children:
        # "The supporters' club puts the figure at more than 3,000, while Rovers say …": the parse
        # hangs a "while" clause on the verb, not beside it
        if clause.dep_ == "advcl" and clause.i > verb.i and clause.i in inside and clause.pos_ in ("VERB", "AUX") and _contrasted(clause):
            found.append(clause)
            found += _joined_clauses(clause, inside)
    return found


def _contrasted(clause: Token) -> bool:
    """A clause set against the one before by ", while" or "whereas", with a subject of its own;
    "would stay closed while the police investigated" says when, not a second thing."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("while", "whereas")), None)
    if mark is None or not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    return mark.lower_ == "whereas" or (mark.i > 0 and mark.doc[mark.i - 1].text == ",")


def _counts(verb: Token, stop: Token | None) -> bool:
    """Whether a clause, up to the clause joined to it (``stop``), holds a number of its own."""
    end = stop.left_edge.i if stop is not None else verb.right_edge.i + 1
    return any(t.like_num and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") for t in verb.doc[verb.left_edge.i : end] if t.i != verb.i)


def _first_word(clause: Token) -> Token:
    """Where a joined clause starts: its first word, past a "that" ("and that one of them …")."""
    first = clause.left_edge
    while first.i < clause.i and (first.dep_ == "mark" or first.is_punct):
        first = first.doc[first.i + 1]
    return first


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The stretch without the quotation marks around it nor the comma and conjunction that join
    it to the next; None when too short to be a claim."""
    words = [t for t in tokens_in(doc, start, end) if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].lower_ in _JOINING or words[-1].dep_ in ("cc", "mark")):
        words.pop()
    if sum(not t.is_punct for t in words) < _LEAST_WORDS:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)
