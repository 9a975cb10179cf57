"""An analysis as a run of text pieces, each knowing which claim and which part of it it shows.

The article page prints the body once, piece by piece, each piece a ``<span>`` whose class
says what it is: a speaker, a cue, a claim's content, or a statement the article makes with
no source (news or background). Pieces are plain strings; the template escapes them, so no
text from an article ever reaches the page as markup.

Spans can overlap: a chain puts one claim (and its speaker) inside another's content. The
body is cut at every span boundary and each piece takes the most specific part covering it
(speaker or cue before content, content before an unattributed statement), from the shortest
claim covering it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..model import Analysis

Role = Literal["speaker", "cue", "content", "assertion", "background"]
_RANK: dict[Role, int] = {"speaker": 0, "cue": 1, "content": 2, "assertion": 3, "background": 3}
_WORDS: dict[Role, str] = {
    "speaker": "speaker",
    "cue": "cue",
    "content": "content",
    "assertion": "no source given (news)",
    "background": "no source given (background)",
}


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    role: Role
    claim: str  # the attribution or assertion id
    number: int  # the claim's number on the page (attributions 1…, assertions after them)


@dataclass
class Piece:
    """A stretch of the body and what it shows; ``role`` None for text no claim covers."""

    text: str
    role: Role | None = None
    claim: str | None = None
    number: int | None = None
    nested: bool = False  # inside another claim's content (a chain)
    anchors: list[str] = field(default_factory=list)  # ids to put before this piece: claims starting here
    refs: list[int] = field(default_factory=list)  # claim numbers whose content ends here

    @property
    def css(self) -> str:
        classes = [f"hl-{self.role}"] if self.role else []
        if self.nested:
            classes.append("hl-nested")
        return " ".join(classes)

    @property
    def label(self) -> str:
        """What a person hovering or listening is told about the piece."""
        if self.role is None or self.number is None:
            return ""
        return f"claim {self.number}: {_WORDS[self.role]}"


def _marks(analysis: Analysis) -> list[_Mark]:
    marks: list[_Mark] = []
    for number, a in enumerate(analysis.attributions, 1):
        marks.append(_Mark(a.content.start, a.content.end, "content", a.id, number))
        if a.speaker is not None and a.speaker.end > a.speaker.start:
            marks.append(_Mark(a.speaker.start, a.speaker.end, "speaker", a.id, number))
        if a.cue is not None and a.cue.end > a.cue.start:
            marks.append(_Mark(a.cue.start, a.cue.end, "cue", a.id, number))
    first = len(analysis.attributions) + 1
    for number, u in enumerate(analysis.unattributed, first):
        marks.append(_Mark(u.content.start, u.content.end, "background" if u.background else "assertion", u.id, number))
    size = len(analysis.article.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def pieces(analysis: Analysis) -> list[Piece]:
    """The body cut into pieces that together are exactly ``analysis.article.text``."""
    text = analysis.article.text
    marks = _marks(analysis)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    begins: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for m in marks:
        if m.role != "speaker" and m.role != "cue":
            begins.setdefault(m.start, []).append(m.number)
        if m.role == "content":
            ends.setdefault(m.end, []).append(m.number)
    out: list[Piece] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start == end:
            continue
        covering = [m for m in marks if m.start <= start and end <= m.end]
        piece = Piece(text[start:end])
        if covering:
            best = min(covering, key=lambda m: (_RANK[m.role], m.end - m.start, m.number))
            piece.role, piece.claim, piece.number = best.role, best.claim, best.number
            piece.nested = any(m.role == "content" and m.claim != best.claim for m in covering)
        piece.anchors = [f"t-{n}" for n in sorted(begins.get(start, []))]
        piece.refs = sorted(ends.get(end, []))
        out.append(piece)
    return out
