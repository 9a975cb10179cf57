"""One shape for gold and predicted attributions: each role a list of fragments.

Gold roles may be discontinuous (several fragments); predicted roles are one span or none.
Putting both in the same shape lets the scorer compare them without knowing where they came
from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analyze.spans import nested_in
from ..model import Attribution, Span

ROLES = ("source", "cue", "content")


@dataclass
class AttributionSpans:
    """The source, cue and content of one attribution, each as fragments (empty when absent)."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)

    def role(self, name: str) -> list[Span]:
        return getattr(self, name)


def spans_of(attribution: Attribution) -> AttributionSpans:
    """A predicted attribution in the scorer's shape: its speaker mention is the source."""
    speaker = attribution.speaker
    return AttributionSpans(
        source=[Span(speaker.text, speaker.start, speaker.end)] if speaker is not None else [],
        cue=[attribution.cue] if attribution.cue is not None else [],
        content=[attribution.content],
    )


def scored(attributions: list[Attribution], text: str) -> list[AttributionSpans]:
    """The attributions as PolNeAR would annotate them: nested claims set aside (``univocal``),
    a quote that carries on an earlier one (``continues``) made a further fragment of that
    one's content, as the annotators mark '"…," she said. "…"' — one source, one cue, a
    discontinuous content — and the punctuation its annotators take in (``polnear_bounds``)."""
    kept = univocal(attributions)
    shapes = [polnear_bounds(spans_of(a), text) for a in kept]
    by_id = {a.id: shape for a, shape in zip(kept, shapes) if a.id}
    result = []
    for attribution, shape in zip(kept, shapes):
        first = by_id.get(attribution.continues) if attribution.continues else None
        if first is None:
            result.append(shape)
        else:
            first.content.append(attribution.content)
    return result


def polnear_bounds(shape: AttributionSpans, text: str) -> AttributionSpans:
    """The closing punctuation PolNeAR's annotators take into a span, which sayso leaves out of
    what it shows: the comma that closes a source with an appositive ("Brian Fallon, the
    campaign's press secretary, said": 922 of 1,029 such sources in train end with it; 5 of 804
    sources with no comma inside do) and the colon after a cue ("said:", 368 of 386 in train).
    Every system is scored through this, so only the convention changes, not what was found."""
    return AttributionSpans(
        source=[_taking(s, ",", text) if "," in s.text.rstrip(",") else s for s in shape.source],
        cue=[_taking(s, ":", text) for s in shape.cue],
        content=shape.content,
    )


def _taking(span: Span, mark: str, text: str) -> Span:
    if text[span.end : span.end + 1] != mark:
        return span
    return Span(text[span.start : span.end + 1], span.start, span.end + 1)


def univocal(attributions: list[Attribution]) -> list[Attribution]:
    """The attributions PolNeAR could annotate: not those reported inside another's content.

    PolNeAR gives each token one label, so a claim inside a quotation (a quote within a
    quote; "Putin, who confirmed …" inside Macron's quote) cannot be annotated there. Scoring
    it would count a correct reading as a false positive, so every system's nested claims are
    set aside before scoring.
    """
    return [a for a in attributions if not any(nested_in(a.content, b.content) for b in attributions if b is not a)]
