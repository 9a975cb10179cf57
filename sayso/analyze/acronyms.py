"""Organisation acronyms: the letters a name's initials spell, and the name an acronym stands for.

An acronym joins the name whose initials it spells, in brackets after it (even when NER missed
the name: "Halden Water Trust (HWT)") or anywhere in the article ("S.E.C." = "Securities and
Exchange Commission").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..model import Span
from .name_forms import FUNCTION_WORDS
from .name_mentions import PLACE_LABELS, Cluster, Mention
from .spans import doc_text

_BRACKETED = re.compile(r"\(\s*([A-Z][A-Z.&]{1,8})\s*\)")


def _initials(text: str, skip_function_words: bool) -> str:
    """The capitals a name's words start with ("Securities and Exchange Commission": "SEC" or "SAEC")."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text) if not (skip_function_words and w.lower() in FUNCTION_WORDS)]
    return "".join(w[0].upper() for w in words)


def acronym(text: str) -> str | None:
    """The letters of a short all-capitals name ("S.E.C." gives "SEC"); None for any other text."""
    letters = text.replace(".", "")
    if 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper():
        return letters
    return None


def spells(letters: str, form: str) -> bool:
    """Whether the letters are the initials of ``form``, with or without its function words."""
    return letters in (_initials(form, True), _initials(form, False))


def bracketed_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Syrian Observatory … (SOHR)": the acronym in brackets is a mention even when NER skipped
    it, and so is the name before it whose initials it spells, NER or not ("Halden Water Trust (HWT)")."""
    text = doc_text(doc)
    starts = {m.span.start for m in mentions}
    added = []
    for match in _BRACKETED.finditer(text):
        start, end = match.span(1)
        letters = acronym(match.group(1))
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
        added.append(Mention(Span(text[start:end], start, end), "ORG", token.root.i if token is not None else before[-1].root_i))
    return sorted(mentions + added, key=lambda m: m.span.start)


def _spelled_out(doc: Doc, bracket: int, letters: str) -> Mention | None:
    """The capitalised words right before a bracket whose initials spell ``letters``."""
    text = doc_text(doc)
    run: list[Token] = []
    for token in reversed([t for t in doc if bracket - 120 <= t.idx and t.idx + len(t.text) <= bracket]):
        if not (token.text[:1].isupper() or (run and token.lower_ in FUNCTION_WORDS)):
            break
        run.insert(0, token)
        words = [t for t in run if t.lower_ not in FUNCTION_WORDS]
        if len(words) > len(letters):
            break
        if run[0].text[:1].isupper() and "".join(t.text[0].upper() for t in words) == letters:
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            return Mention(Span(text[start:end], start, end), "ORG", run[-1].i)
    return None


def acronym_owner(mention: Mention, clusters: list[Cluster], text: str) -> Cluster | None:
    """The organisation an acronym mention stands for: the name right before its bracket, else
    the latest name whose initials it spells."""
    letters = acronym(mention.span.text)
    if letters is None:
        return None
    if text[mention.span.start - 1 : mention.span.start] == "(":
        for cluster in reversed(clusters):
            last = cluster.mentions[-1].span
            if 0 <= mention.span.start - last.end <= 3 and cluster.full_person is None and not cluster.labels(*PLACE_LABELS):
                return cluster
    for cluster in reversed(clusters):
        if cluster.full_person is not None:
            continue
        for form in cluster.forms:
            if " " in form and spells(letters, form):
                return cluster
    return None


def acronym_target(cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The organisation or place an acronym met before its full name stands for ("SEC", later
    "Securities and Exchange Commission"; "U.S.", later "United States")."""
    letters = {acronym(f) for f in cluster.forms} - {None}
    return next(
        (
            o for o in clusters
            if o is not cluster and (o.organisational or o.full_person is None and o.labels(*PLACE_LABELS))
            and any(" " in f and _initials(f, True) in letters for f in o.forms)
        ),
        None,
    )
