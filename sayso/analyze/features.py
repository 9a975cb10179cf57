"""Token features for the attribution tagger.

Each token is described by its own words and parse, by its place relative to the nearest
governing verb (in its subject? its clausal complement?), by quotation marks around it,
and by what the rule-based extractor says of it — so the learned model can keep the rules
where they are right and correct their span boundaries where the annotators' conventions
differ.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import SPEECH_VERBS
from .quotes import Quote

Features = list[str]
ROLES = ("SOURCE", "CUE", "CONTENT")


def _shape(token: Token) -> str:
    text = token.text
    if text.isdigit():
        return "d"
    if text.isupper() and len(text) > 1:
        return "X"
    if text[:1].isupper():
        return "Xx"
    if text.isalpha():
        return "x"
    return "p"


def _governor(token: Token) -> tuple[Token | None, str]:
    """The nearest verb above the token and the dependency by which the token's branch hangs from it."""
    child, head = token, token.head
    while head.i != child.i:
        if head.pos_ in ("VERB", "AUX"):
            return head, child.dep_
        child, head = head, head.head
    return None, "root"


def quote_positions(doc: Doc, quotes: list[Quote]) -> list[str]:
    """For each token: outside, opening mark, inside, or closing mark of a quotation."""
    marks = ["O"] * len(doc)
    for quote in quotes:
        span = doc.char_span(quote.outer_start, quote.outer_end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if token.idx < quote.start:
                marks[token.i] = "open"
            elif token.idx >= quote.end:
                marks[token.i] = "close"
            else:
                marks[token.i] = "in"
    return marks


def _own(token: Token, quote: str, rule: str) -> Features:
    lemma = token.lemma_.lower()
    governor, relation = _governor(token)
    feats = [
        "bias",
        f"w={token.lower_}",
        f"l={lemma}",
        f"p={token.pos_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"sh={_shape(token)}",
        f"q={quote}",
        f"r={rule}",
        f"e={token.ent_type_ or '-'}",
        f"hd={token.head.dep_}",
        f"hp={token.head.pos_}",
        f"hl={token.head.lemma_.lower()}",
        f"rel={relation}",
        f"d|hl={token.dep_}|{token.head.lemma_.lower()}",
    ]
    if lemma in SPEECH_VERBS:
        feats.append("speech")
    if token.head.lemma_.lower() in SPEECH_VERBS:
        feats.append("head_speech")
    if governor is not None:
        glemma = governor.lemma_.lower()
        feats += [f"gl={glemma}", f"rel|gl={relation}|{glemma}"]
        if glemma in SPEECH_VERBS:
            feats.append(f"rel|speech={relation}")
    if token.is_sent_start:
        feats.append("sent_start")
    if token.i + 1 == len(token.doc) or token.doc[token.i + 1].is_sent_start:
        feats.append("sent_end")
    return feats


def token_features(doc: Doc, quotes: list[str], rules: list[str]) -> list[Features]:
    """Features of every token of ``doc``, with a window of two tokens either side."""
    own = [_own(t, quotes[t.i], rules[t.i]) for t in doc]
    window = {"w", "p", "r", "q", "l"}
    selected = [[f for f in feats if f.split("=", 1)[0] in window] for feats in own]
    result = []
    for i in range(len(doc)):
        feats = list(own[i])
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(doc):
                feats += [f"{offset}:{f}" for f in selected[j]]
            else:
                feats.append(f"{offset}:edge")
        if i > 0:
            feats.append(f"p-1|p={doc[i - 1].pos_}|{doc[i].pos_}")
            feats.append(f"r-1|r={rules[i - 1]}|{rules[i]}")
        result.append(feats)
    return result
