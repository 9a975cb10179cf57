"""Token features for the attribution tagger.

Each token is described by its own words and parse, by its place relative to the nearest
governing verb (in its subject? its clausal complement?), by quotation marks around it,
and by what the rule-based extractor says of it — so the learned model can keep the rules
where they are right and correct their span boundaries where the annotators' conventions
differ.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import SPEECH_VERBS
from .quotes import Quote

Features = list[str]
ROLES = ("SOURCE", "CUE", "CONTENT")


def _shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if text.isupper() and len(text) > 1:
        return "X"
    if text[:1].isupper():
        return "Xx"
    if text.isalpha():
        return "x"
    return "p"


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


class _Columns:
    """The attributes the features read, one list per attribute, each read once per token.

    A spaCy ``Token`` is built anew on every access (``doc[i]``, ``token.head``), which cost more
    than the features themselves when each token's head and governing verb were read through them.
    """

    def __init__(self, doc: Doc) -> None:
        tokens = list(doc)
        self.text = [t.text for t in tokens]
        self.lower = [t.lower_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.tag = [t.tag_ for t in tokens]
        self.dep = [t.dep_ for t in tokens]
        self.ent = [t.ent_type_ for t in tokens]
        self.head = [t.head.i for t in tokens]
        self.sent_start = [bool(t.is_sent_start) for t in tokens]

    def governor(self, i: int) -> tuple[int | None, str]:
        """The nearest verb above token ``i`` and the dependency by which its branch hangs from it."""
        child, head = i, self.head[i]
        while head != child:
            if self.pos[head] in ("VERB", "AUX"):
                return head, self.dep[child]
            child, head = head, self.head[head]
        return None, "root"

    def own(self, i: int, quote: str, rule: str) -> Features:
        lemma, head = self.lemma[i], self.head[i]
        governor, relation = self.governor(i)
        head_lemma = self.lemma[head]
        feats = [
            "bias",
            f"w={self.lower[i]}",
            f"l={lemma}",
            f"p={self.pos[i]}",
            f"t={self.tag[i]}",
            f"d={self.dep[i]}",
            f"sh={_shape(self.text[i])}",
            f"q={quote}",
            f"r={rule}",
            f"e={self.ent[i] or '-'}",
            f"hd={self.dep[head]}",
            f"hp={self.pos[head]}",
            f"hl={head_lemma}",
            f"rel={relation}",
            f"d|hl={self.dep[i]}|{head_lemma}",
        ]
        if lemma in SPEECH_VERBS:
            feats.append("speech")
        if head_lemma in SPEECH_VERBS:
            feats.append("head_speech")
        if governor is not None:
            glemma = self.lemma[governor]
            feats += [f"gl={glemma}", f"rel|gl={relation}|{glemma}"]
            if glemma in SPEECH_VERBS:
                feats.append(f"rel|speech={relation}")
        if self.sent_start[i]:
            feats.append("sent_start")
        if i + 1 == len(self.sent_start) or self.sent_start[i + 1]:
            feats.append("sent_end")
        return feats


def token_features(doc: Doc, quotes: list[str], rules: list[str]) -> list[Features]:
    """Features of every token of ``doc``, with a window of two tokens either side."""
    columns = _Columns(doc)
    result = [columns.own(i, quotes[i], rules[i]) for i in range(len(doc))]
    # The window repeats a neighbour's w, l, p, q and r: own features 1, 2, 3, 7 and 8.
    window = [(f[1], f[2], f[3], f[7], f[8]) for f in result]
    for offset in (-2, -1, 1, 2):
        prefix = f"{offset}:"
        shifted = [[prefix + w, prefix + l, prefix + p, prefix + q, prefix + r] for w, l, p, q, r in window]
        edge = [[prefix + "edge"]] * abs(offset)
        for feats, neighbour in zip(result, edge + shifted[:offset] if offset < 0 else shifted[offset:] + edge):
            feats += neighbour
    pos = columns.pos
    for i in range(1, len(result)):
        result[i] += [f"p-1|p={pos[i - 1]}|{pos[i]}", f"r-1|r={rules[i - 1]}|{rules[i]}"]
    return result
