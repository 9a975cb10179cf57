"""A proposition's verdict, each member's stance, and an explanation naming the evidence.

Stances are read against the *anchor*, the earliest claim that states a figure (or the
earliest claim when none does): a denial contradicts, a retraction or revision retracts, a
hedge is partial, and a figure agrees when its interval fits the anchor's (see values.py).
Verdicts, first that applies: ``retracted`` (an origin withdrew or revised it), ``contested``
(independent sources disagree), ``corroborated`` (two or more independent sources agree),
``single_source`` (repeated, but one source behind every echo), ``unverified`` (one claim).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Verdict
from .facts import ClaimFacts
from .independence import SourceGroups, group_sources
from .values import Figure

_RETRACTING = {"retract", "revise"}
_STANCE_WORDS = {"agree": "agrees", "contradict": "contradicts", "partial": "partly agrees", "retracted": "withdraws it"}


@dataclass
class Judgement:
    label: str
    verdict: Verdict
    explanation: str
    counted: str | None
    groups: SourceGroups  # to build on when the proposition grows


def _counted(claims: list[ClaimFacts]) -> str | None:
    tally = Counter(c for claim in claims for c in sorted(claim.counted_classes()))
    if not tally:
        return None
    best = max(tally.values())
    for claim in claims:  # ties go to the class stated first
        for item in claim.figures:
            if tally.get(item.get("counted")) == best:
                return item["counted"]
    return None


def _stance(claim: ClaimFacts, anchor: Figure | None) -> str:
    if claim.speech_act in _RETRACTING:
        return "retracted"
    if claim.speech_act == "deny":
        return "contradict"
    if claim.speech_act == "hedge":
        return "partial"
    if anchor is None or claim.value is None:
        return "agree"
    return "agree" if claim.value.fits(anchor) else "contradict"


def _figure_words(claim: ClaimFacts) -> str:
    stated = claim.stated or {}
    return str(stated.get("text") or (f"{claim.value.value:g}" if claim.value and claim.value.value is not None else ""))


def _cite(claim: ClaimFacts) -> str:
    where = ", ".join(p for p in (claim.outlet or f"article {claim.article[:8]}", claim.published) if p)
    chain = f" via {', '.join(claim.via)}" if claim.via else ""
    return f"{claim.origin}{chain} [{claim.claim}{'; ' + where if where else ''}]"


def _label(claims: list[ClaimFacts], counted: str | None, anchor: ClaimFacts) -> str:
    if counted and anchor.stated and anchor.stated.get("counted_text"):
        return f"how many {anchor.stated['counted_text']}"
    words = anchor.content.strip(" \"'“”‘’").split()
    if words and words[0].lower() == "that":
        words = words[1:]
    text = " ".join(words[:16])
    return text + ("…" if len(words) > 16 else "")


def judge(claims: list[ClaimFacts], known: SourceGroups | None = None) -> Judgement:
    """Judge one proposition; sets every claim's stance, figure and source group on the way.

    ``known``: the source groups of the claims as last judged, grouped again only if the new
    claims do not all come after them."""
    claims.sort(key=lambda c: c.order)
    counted = _counted(claims)
    for claim in claims:
        claim.take_figure(counted)
    with_figure = [c for c in claims if c.value is not None and c.speech_act not in _RETRACTING]
    stated = [c for c in with_figure if c.value is not None and c.value.value is not None]
    anchor = (stated or with_figure or claims)[0]  # a stated figure anchors before a vague range
    for claim in claims:
        claim.stance = _stance(claim, anchor.value)
    grouped = group_sources(claims, known)
    groups = sorted({c.source_group for c in claims})
    agreeing = {c.source_group for c in claims if c.stance == "agree"}
    disagreeing = {c.source_group for c in claims if c.stance == "contradict"}
    retracting = [c for c in claims if c.stance == "retracted"]
    label = _label(claims, counted, anchor)

    if retracting:
        verdict: Verdict = "retracted"
        first = retracting[0]
        summary = f"{first.origin} withdrew or revised it ({_cite(first)})"
    elif agreeing and disagreeing and (agreeing != disagreeing or len(groups) == 1):
        verdict = "contested"
        summary = f"independent sources disagree — [{_side(claims, 'agree')}] against [{_side(claims, 'contradict')}]"
    elif len(agreeing) >= 2:
        verdict = "corroborated"
        summary = f"{len(agreeing)} independent sources agree"
    elif len(claims) >= 2:
        verdict = "single_source"
        summary = f"{len(claims)} claims, but all trace back to {claims[0].origin}"
    else:
        verdict = "unverified"
        summary = f"only {claims[0].origin} says so"
    return Judgement(label, verdict, _explain(verdict, summary, claims), counted, grouped)


def _side(claims: list[ClaimFacts], stance: str) -> str:
    """What one side says, by origin: "at least 300: Emmanuel Macron | 4000: AsiaNews"."""
    said: dict[str, list[str]] = {}
    for claim in claims:
        if claim.stance == stance:
            words = _figure_words(claim).replace(",", "") if claim.value is not None else ("a denial" if claim.speech_act == "deny" else "the claim")
            said.setdefault(words, [])
            if claim.origin not in said[words]:
                said[words].append(claim.origin)
    return " | ".join(f"{words}: {', '.join(origins)}" for words, origins in said.items())


def _explain(verdict: Verdict, summary: str, claims: list[ClaimFacts]) -> str:
    heading = verdict.replace("_", " ").capitalize()
    lines = [f"{heading}: {summary}."]
    for group in sorted({c.source_group for c in claims}):
        members = [c for c in claims if c.source_group == group]
        said = "; ".join(
            f"{_cite(c)} {_STANCE_WORDS[c.stance]}" + (f" ({_figure_words(c)})" if c.value is not None else "")
            for c in members
        )
        reasons = sorted({r for c in members for r in c.reasons})
        because = f" — one source because {'; '.join(reasons)}" if reasons else ""
        lines.append(f"Source {group}: {said}{because}.")
    return " ".join(lines)
