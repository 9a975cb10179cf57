"""The learned attribution extractor: a CRF tags source, cue and content tokens.

Trained on PolNeAR train (see ``sayso/training.py``); it reads the parse, the quotation marks
and the rule-based extractor's own labels (``features.py``) and returns spans in the
annotators' conventions. ``assemble`` then groups the tagged spans into attributions: each
content goes to the nearest cue of its paragraph, each cue takes the nearest source of its
sentence, and chains and polarity come from the rule-based reading of the same cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..errors import SaysoError
from ..model import Span
from .attributions import Draft, interrupted_clause, link_chains, reporters_of
from .cues import Cue, agentless, doer
from .features import quote_positions, token_features
from .lexicon import SAYING_VERBS
from .quotes import find_quotes
from .spans import doc_text, nested_in, noun_phrase, token_range_span

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "attribution-tagger.crfsuite"


@dataclass(frozen=True)
class Chunk:
    """A run of tokens with one role, as the tagger labelled it."""

    role: str  # SOURCE | CUE | CONTENT
    start: int  # first token index
    end: int  # one past the last token index


def role_labels(doc: Doc, spans: list[tuple[str, int, int]]) -> list[str]:
    """BIO labels per token for character spans (role, start, end); later spans win overlaps."""
    labels = ["O"] * len(doc)
    for role, start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for k, token in enumerate(span):
            labels[token.i] = ("B-" if k == 0 else "I-") + role
    return labels


def rule_labels(doc: Doc, drafts: list[Draft]) -> list[str]:
    """What the rule-based extractor says of each token, as BIO labels."""
    spans: list[tuple[str, int, int]] = []
    for role in ("CONTENT", "SOURCE", "CUE"):
        for d in drafts:
            span = {"CONTENT": d.content, "SOURCE": d.speaker_span, "CUE": d.cue_span}[role]
            if span is not None:
                spans.append((role, span.start, span.end))
    return role_labels(doc, spans)


def paragraphs(doc: Doc) -> list[SpacySpan]:
    """The tagger's sequences: one per paragraph (attributions rarely cross a line break).

    Their bounds are found once per document: tagging and assembling both read them.
    """
    bounds: list[tuple[int, int]] | None = doc.user_data.get("sayso_paragraph_bounds")
    if bounds is None:
        starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text_with_ws]
        bounds = doc.user_data["sayso_paragraph_bounds"] = [(a, b) for a, b in zip(starts, starts[1:] + [len(doc)]) if b > a]
    return [doc[a:b] for a, b in bounds]


def sequence_features(doc: Doc, drafts: list[Draft]) -> list[tuple[SpacySpan, list[list[str]]]]:
    features = token_features(doc, quote_positions(doc, find_quotes(doc_text(doc))), rule_labels(doc, drafts))
    return [(para, features[para.start : para.end]) for para in paragraphs(doc)]


def chunks(labels: list[str]) -> list[Chunk]:
    """Role chunks from BIO labels; an I- without its B- opens a chunk of its own."""
    found: list[Chunk] = []
    role, start = None, 0
    for i, label in enumerate(labels + ["O"]):
        tag, _, kind = label.partition("-")
        if role is not None and (tag != "I" or kind != role):
            found.append(Chunk(role, start, i))
            role = None
        if tag in ("B", "I") and role is None:
            role, start = kind, i
    return found


@lru_cache(maxsize=2)
def _tagger(path: str) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(path)
    except OSError as error:
        raise SaysoError(f"{path}: cannot load the attribution tagger ({error})") from None
    return tagger


def model_available(path: Path = MODEL_PATH) -> bool:
    return path.is_file()


def tag(doc: Doc, drafts: list[Draft], path: Path = MODEL_PATH) -> list[str]:
    """The tagger's BIO label for every token of ``doc``."""
    tagger = _tagger(str(path))
    labels: list[str] = []
    for _, feats in sequence_features(doc, drafts):
        labels += tagger.tag(feats)
    return labels


def _distance(a: Chunk, b: Chunk) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _governing(doc: Doc, chunk: Chunk, candidates: list[Chunk]) -> Chunk | None:
    """The candidate the parse ties to ``chunk``: one holding an ancestor or a child of its root."""
    root = doc[chunk.start : chunk.end].root
    for token in [*root.ancestors, *root.children]:
        found = next((c for c in candidates if c.start <= token.i < c.end), None)
        if found is not None:
            return found
    return None


def _kind(doc: Doc, content: Span, cue_text: str) -> str:
    text = content.text
    if cue_text.lower().startswith("according"):
        return "according_to"
    opens, closes = text[:1] in "\"'“‘", text[-1:] in "\"'”’"
    if opens and closes:
        return "direct"
    if any(mark in text for mark in "\"“”") or "''" in text:
        return "mixed"
    tokens = doc.char_span(content.start, content.end, alignment_mode="expand")
    if tokens is not None and not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return "nominal"
    return "indirect"


def _rule_cue(cue: Chunk, drafts: list[Draft]) -> Cue | None:
    for draft in drafts:
        if draft.cue is not None and cue.start <= draft.cue.verb.i < cue.end:
            return draft.cue
    return None


def assemble(doc: Doc, labels: list[str], drafts: list[Draft]) -> list[Draft]:
    """Group tagged chunks into attributions (drafts whose speakers are resolved later)."""
    found = chunks(labels)
    paragraph_of = {}
    for number, para in enumerate(paragraphs(doc)):
        for i in range(para.start, para.end):
            paragraph_of[i] = number
    # A cue of punctuation alone (the colon of "Said Ellis: “…”") has no span of words: the
    # content goes to the nearest cue that has one.
    cues = [c for c in found if c.role == "CUE" and token_range_span(doc, doc[c.start : c.end]) is not None]
    sources = [c for c in found if c.role == "SOURCE"]
    result: list[Draft] = []
    first_of: dict[Chunk, Draft] = {}  # a cue's first content: the others carry it on
    for content in (c for c in found if c.role == "CONTENT"):
        near = [c for c in cues if paragraph_of[c.start] == paragraph_of[content.start]]
        if not near:
            continue
        cue = _governing(doc, content, near) or min(near, key=lambda c: (_distance(c, content), c.start < content.start))
        sentence = doc[cue.start].sent
        own = [s for s in sources if s.start >= sentence.start and s.end <= sentence.end]
        source = _governing(doc, cue, own) or (min(own, key=lambda s: _distance(s, cue)) if own and not agentless(doc[cue.start : cue.end].root) else None)
        content_span = token_range_span(doc, doc[content.start : content.end])
        cue_span = token_range_span(doc, doc[cue.start : cue.end])
        if content_span is None or cue_span is None:
            continue
        rule = _rule_cue(cue, drafts)
        source_tokens = doc[source.start : source.end] if source is not None else None
        speaker_token = source_tokens.root if source_tokens is not None else None
        speaker_span = token_range_span(doc, source_tokens) if source_tokens is not None else None
        if speaker_span is None:
            # No source tagged: the speaker the parse gives the same cue ("…, claiming that"),
            # or whoever does the cue's verb when the rules do not read it as a cue ("blasted").
            speaker_token = rule.speaker if rule is not None and rule.speaker is not None else doer(doc[cue.start : cue.end].root)
            speaker_span = noun_phrase(speaker_token) if speaker_token is not None else None
        draft = Draft(
            kind=_kind(doc, content_span, cue_span.text),
            content=content_span,
            cue=rule,
            cue_span=cue_span,
            speaker_token=speaker_token,
            speaker_span=speaker_span,
            reporters=reporters_of(rule) if rule is not None else [],
            negated=rule.negated if rule is not None else any(t.dep_ == "neg" for t in doc[cue.start : cue.end]),
            continues=first_of.get(cue),
        )
        first_of.setdefault(cue, draft)
        result.append(draft)
    return link_chains(result)


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


# Rule readings preferred to the tagger's where both found a claim: quotes with their cue,
# "according to", reported clauses holding a quotation, cues naming their own intermediary
# ("X quoted Y as saying"), and what the page's layout marks across lines (``layout.py``),
# which the tagger, reading one paragraph at a time, cannot see. Chosen on PolNeAR dev
# (docs/evaluation.md).
_PREFERRED_KINDS = frozenset({"direct", "according_to", "mixed"})


def _preferred(draft: Draft) -> bool:
    if draft.laid_out or draft.kind in _PREFERRED_KINDS or (draft.cue is not None and draft.cue.reporter is not None):
        return True
    if draft.kind == "indirect" and draft.cue is not None and (draft.cue.verb.dep_ == "parataxis" or (draft.cue.content is None and interrupted_clause(draft.cue))):
        return True  # "Acts of protest, Mr. Obama said, are …": the whole clause, both sides of the cue
    # A passive with its agent names the source outright: "His statement was confirmed by SOHR".
    return draft.kind == "nominal" and draft.cue_span is not None and draft.cue_span.text.endswith(" by")


def _spoke_of(draft: Draft) -> bool:
    """"… also spoke of 4000 mercenaries": a speech verb with a nominal claim after "of"/"about"."""
    return draft.kind == "nominal" and draft.cue_span is not None and draft.cue_span.text.split()[-1] in ("of", "about")


def _plainly_said(draft: Draft) -> bool:
    """"…, the Tax Foundation said": a clause reported with a plain verb of saying."""
    return draft.kind == "indirect" and draft.cue is not None and draft.cue.verb.lemma_ in SAYING_VERBS


def _with_source(draft: Draft, others: list[Draft]) -> Draft:
    """A claim with no source takes the source the other reading (tagger or rules) gives the same claim."""
    if draft.speaker_span is not None:
        return draft
    other = next((o for o in others if o.speaker_span is not None and _overlap(o.content, draft.content)), None)
    return draft if other is None else replace(draft, speaker_span=other.speaker_span, speaker_token=other.speaker_token)


def merge(rules: list[Draft], tagged: list[Draft]) -> list[Draft]:
    """The tagger's attributions, with the rules' reading where it is the more reliable one.

    - rule quotes, "according to" claims, mixed claims, passives with their agent,
      self-named chains, parenthetical cues and claims the layout marks (speaker labels,
      signed quotes, lead-ins) replace the tagged attributions they overlap;
    - the tagger's other attributions stay, taking the rules' source when they have none, and
      a rule reading kept with no source takes the tagger's source for the same claim;
    - rule claims after "spoke of"/"talked about", and clauses reported with a plain verb of
      saying ("…, the Tax Foundation said"), that nothing else covers are added;
    - claims the rules find reported inside a kept one (a quote within a quote, "Putin, who
      confirmed …" inside Macron's quote) are added: PolNeAR cannot annotate them (one label
      per token), so its scorer sets them aside (docs/evaluation.md).
    """
    preferred = [r for r in rules if _preferred(r) and not any(nested_in(r.content, o.content) for o in rules if o is not r and _preferred(o))]
    preferred = [_with_source(r, tagged) for r in preferred]
    kept = preferred + [
        _with_source(t, rules)
        for t in tagged
        # a tagged claim that is a kept one's source is the start of a chain, not a claim
        if not any(_overlap(r.content, t.content) or _overlap(r.speaker_span, t.content) for r in preferred)
    ]
    kept += [r for r in rules if (_spoke_of(r) or _plainly_said(r)) and not any(_overlap(r.content, k.content) or _overlap(r.cue_span, k.cue_span) for k in kept)]
    nested = [r for r in rules if r not in kept and r.reporters and any(nested_in(r.content, k.content) for k in kept)]
    return sorted(kept + nested, key=lambda d: (d.content.start, d.cue_span.start if d.cue_span else -1))
