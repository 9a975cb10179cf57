"""One shape for gold and predicted attributions: each role a list of fragments.

Gold roles may be discontinuous (several fragments); predicted roles are one span or none.
Putting both in the same shape lets the scorer compare them without knowing where they came
from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def univocal(attributions: list[Attribution]) -> list[Attribution]:
    """The attributions PolNeAR could annotate: not those reported inside another's content.

    PolNeAR gives each token one label, so a claim inside a quotation (a quote within a
    quote; "Putin, who confirmed …" inside Macron's quote) cannot be annotated there. Scoring
    it would count a correct reading as a false positive, so every system's nested claims are
    set aside before scoring.
    """
    def inside(inner: Span, outer: Span) -> bool:
        return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)

    return [a for a in attributions if not any(inside(a.content, b.content) for b in attributions if b is not a)]
