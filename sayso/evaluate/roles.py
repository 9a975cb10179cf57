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


def scored(attributions: list[Attribution]) -> list[AttributionSpans]:
    """The attributions as PolNeAR would annotate them: nested claims set aside (``univocal``),
    and a quote that carries on an earlier one (``continues``) made a further fragment of that
    one's content, as the annotators mark '"…," she said. "…"' — one source, one cue, a
    discontinuous content."""
    kept = univocal(attributions)
    shapes = [spans_of(a) for a in kept]
    by_id = {a.id: shape for a, shape in zip(kept, shapes) if a.id}
    result = []
    for attribution, shape in zip(kept, shapes):
        first = by_id.get(attribution.continues) if attribution.continues else None
        if first is None:
            result.append(shape)
        else:
            first.content.append(attribution.content)
    return result


def univocal(attributions: list[Attribution]) -> list[Attribution]:
    """The attributions PolNeAR could annotate: not those reported inside another's content.

    PolNeAR gives each token one label, so a claim inside a quotation (a quote within a
    quote; "Putin, who confirmed …" inside Macron's quote) cannot be annotated there. Scoring
    it would count a correct reading as a false positive, so every system's nested claims are
    set aside before scoring.
    """
    return [a for a in attributions if not any(nested_in(a.content, b.content) for b in attributions if b is not a)]
