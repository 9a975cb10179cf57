"""A proposition's verdict, each member's stance, and an explanation naming the evidence.

Stances are read against the *anchor*, the earliest claim that states a figure (or the
earliest claim when none does): a denial contradicts, a retraction or revision retracts, a
hedge is partial, and a figure agrees when its interval fits the anchor's (see values.py); when
the anchor states no figure, a claim that negates what the anchor states, or states what it
negates, contradicts ("has not paid a ransom" against "paid a ransom to the hackers").
Verdicts, first that applies: ``retracted`` (an origin withdrew or revised it), ``contested``
(independent sources disagree), ``corroborated`` (two or more independent sources agree),
``single_source`` (repeated, but one source behind every echo), ``unverified`` (one claim).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Verdict
from .facts import ClaimFacts
from .independence import SourceGroups, group_sources
from .values import Figure
from .words import negated_terms, stated_terms

_RETRACTING = {"retract", "revise"}
_STANCE_WORDS = {"agree": "agrees", "contradict": "contradicts", "partial": "partly agrees", "retracted": "withdraws it"}


@dataclass
class Judgement:
    label: str
    verdict: Verdict
    explanation: str
    counted: str | None
    groups: SourceGroups  # to build on when the proposition grows


Tally = dict[str, tuple[int, tuple[Any, ...]]]


def tally(claims: list[ClaimFacts]) -> Tally:
    """For each class of counted thing: how many claims count it, and where it is first stated
    (reading order, then place among the claim's figures), which breaks ties."""
    found: Tally = {}
    for claim in claims:
        for counted in claim.counted_classes():
            first = next(i for i, item in enumerate(claim.figures) if item.get("counted") == counted)
            count, earliest = found.get(counted, (0, (*claim.order, first)))
            found[counted] = (count + 1, min(earliest, (*claim.order, first)))
    return found


def counted_of(found: Tally) -> str | None:
    """What a proposition counts: the class most claims count, the first stated on a tie."""
    if not found:
        return None
    best = max(count for count, _ in found.values())
    return min((first, counted) for counted, (count, first) in found.items() if count == best)[1]


def said_of(claims: list[ClaimFacts], counted: str | None) -> tuple[tuple[Any, ...], frozenset[str]] | None:
    """What a proposition says of its figure, and where it is read: the words of the figure's
    clause in the first claim (reading order) that gives exactly one figure of what it counts."""
    for claim in sorted(claims, key=lambda c: c.order):
        stated = claim.stated_figures(counted)
        if len(stated) == 1 and stated[0][0].get("about"):
            return claim.order, frozenset(stated[0][0]["about"])
    return None


def anchor_rank(claim: ClaimFacts) -> tuple[int, tuple[str, str, int, str]]:
    """How a claim ranks as the anchor, lowest first: a stated figure, then a vague range, then
    any claim; the earliest of a rank."""
    if claim.value is not None and claim.speech_act not in _RETRACTING:
        return (0 if claim.value.value is not None else 1), claim.order
    return 2, claim.order


def stance(speech_act: str, value: Figure | None, anchor: Figure | None, negates: bool = False) -> str:
    """A claim's stance towards the anchor's figure, from how it is said and the figure it gives;
    with no figures to compare, whether it ``negates`` what the anchor says."""
    if speech_act in _RETRACTING:
        return "retracted"
    if speech_act == "deny":
        return "contradict"
    if speech_act == "hedge":
        return "partial"
    if anchor is None or value is None:
        return "contradict" if negates else "agree"
    if not value.comparable(anchor):
        return "partial"  # a figure of another measure bears on the matter without settling it
    return "agree" if value.fits(anchor) else "contradict"


def negates(terms: Iterable[str], negated: Iterable[str], anchor_terms: Iterable[str], anchor_negated: Iterable[str]) -> bool:
    """Whether a claim says is not so what the anchor says is, or the other way round: one of
    them negates, the other does not, and the word the negation reaches is the other's too ("has
    not paid a ransom" / "paid a ransom to the hackers"; "No patient data had been taken" /
    "patient records were taken"). Two negations agree ("never came on" / "none … had come on")."""
    mine, theirs = set(negated), set(anchor_negated)
    if bool(mine) == bool(theirs):
        return False
    return bool(mine & set(anchor_terms)) or bool(theirs & set(terms))


def _figure_words(claim: ClaimFacts) -> str:
    stated = claim.stated or {}
    return str(stated.get("text") or (f"{claim.value.value:g}" if claim.value and claim.value.value is not None else ""))


def cite(claim: ClaimFacts) -> str:
    where = ", ".join(p for p in (claim.outlet or f"article {claim.article[:8]}", claim.published) if p)
    chain = f" via {', '.join(claim.via)}" if claim.via else ""
    return f"{claim.origin}{chain} [{claim.claim}{'; ' + where if where else ''}]"


def label(counted: str | None, anchor: ClaimFacts) -> str:
    """What a proposition is about, from its anchor: "how many fighters", else its words."""
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
    counted = counted_of(tally(claims))
    predicate = said_of(claims, counted)
    for claim in claims:
        claim.take_figure(counted, predicate[1] if predicate else frozenset())
    anchor = min(claims, key=anchor_rank)
    anchor_stated, anchor_negated = stated_terms(anchor.content), negated_terms(anchor.content)
    for claim in claims:
        clash = anchor.value is None and negates(stated_terms(claim.content), negated_terms(claim.content), anchor_stated, anchor_negated)
        claim.stance = stance(claim.speech_act, claim.value, anchor.value, clash)
    grouped = group_sources(claims, known)
    groups: dict[int, SourceLines] = {}
    for claim in claims:
        lines = groups.setdefault(claim.source_group, SourceLines(claim.source_group))
        lines.add(item(claim), claim.reasons, claim.stance)
    retracting = next((c for c in claims if c.stance == "retracted"), None)
    said = [said_entry(c) for c in claims if c.stance in ("agree", "contradict")]
    verdict, explanation = conclude(len(claims), claims[0].origin, list(groups.values()), retraction(retracting), said)
    return Judgement(label(counted, anchor), verdict, explanation, counted, grouped)


@dataclass
class SourceLines:
    """One source group as the explanation shows it: its claims' lines in reading order, the
    reasons its claims count as one source, and whether any of them agrees or contradicts."""

    number: int
    lines: list[str] = field(default_factory=list)
    reasons: set[str] = field(default_factory=set)
    agrees: bool = False
    contradicts: bool = False

    def add(self, line: str, reasons: list[str], stance: str) -> None:
        self.lines.append(line)
        self.reasons.update(reasons)
        self.agrees = self.agrees or stance == "agree"
        self.contradicts = self.contradicts or stance == "contradict"


def item(claim: ClaimFacts) -> str:
    """A judged claim's line in the explanation: who, where, its stance and its figure."""
    return line(cite(claim), claim.stance, figure_words(claim))


def line(cited: str, its_stance: str, figure: str | None) -> str:
    return f"{cited} {_STANCE_WORDS[its_stance]}" + (f" ({figure})" if figure is not None else "")


def figure_words(claim: ClaimFacts) -> str | None:
    """The figure a judged claim gives, as worded; None if it gives none."""
    return _figure_words(claim) if claim.value is not None else None


def said_words(claim: ClaimFacts) -> str:
    """What a claim says, as a contested verdict lists it: its figure, else a denial or the claim."""
    return _figure_words(claim).replace(",", "") if claim.value is not None else ("a denial" if claim.speech_act == "deny" else "the claim")


def said_entry(claim: ClaimFacts) -> tuple[str, str, str]:
    """(stance, what it says, origin) of a claim that agrees or contradicts."""
    return claim.stance, said_words(claim), claim.origin


def retraction(claim: ClaimFacts | None) -> str | None:
    """What a retracted verdict says of the first claim withdrawn or revised."""
    return None if claim is None else f"{claim.origin} withdrew or revised it ({cite(claim)})"


def conclude(
    count: int, first_origin: str, groups: list[SourceLines], retracted: str | None, said: list[tuple[str, str, str]]
) -> tuple[Verdict, str]:
    """The verdict and its explanation from what the claims add up to (``groups`` by number,
    ``said`` in reading order): all a judgement needs, so a summary of the claims serves as well
    as the claims."""
    agreeing = {g.number for g in groups if g.agrees}
    disagreeing = {g.number for g in groups if g.contradicts}
    if retracted is not None:
        verdict: Verdict = "retracted"
        summary = retracted
    elif agreeing and disagreeing and agreeing != disagreeing:
        verdict = "contested"
        summary = f"independent sources disagree — [{_side(said, 'agree')}] against [{_side(said, 'contradict')}]"
    elif len(agreeing) >= 2:
        verdict = "corroborated"
        summary = f"{len(agreeing)} independent sources agree"
    elif count >= 2:
        verdict = "single_source"
        summary = f"{count} claims, but all trace back to {first_origin}"
        if disagreeing:
            # One source at odds with itself ("Among women, she is at minus nine", "Among white
            # women, she is at minus 25") is no dispute between sources: its claims are more often
            # two matters grouped as one, and either way nobody independent says otherwise.
            summary += f", whose claims differ — [{_side(said, 'agree')}] against [{_side(said, 'contradict')}]"
    else:
        verdict = "unverified"
        summary = f"only {first_origin} says so"
    return verdict, _explain(verdict, summary, groups)


def _side(said: list[tuple[str, str, str]], stance: str) -> str:
    """What one side says, by origin: "at least 300: Emmanuel Macron | 4000: AsiaNews"."""
    by_words: dict[str, list[str]] = {}
    for its_stance, words, origin in said:
        if its_stance == stance:
            origins = by_words.setdefault(words, [])
            if origin not in origins:
                origins.append(origin)
    return " | ".join(f"{words}: {', '.join(origins)}" for words, origins in by_words.items())


def _explain(verdict: Verdict, summary: str, groups: list[SourceLines]) -> str:
    heading = verdict.replace("_", " ").capitalize()
    lines = [f"{heading}: {summary}."]
    for group in sorted(groups, key=lambda g: g.number):
        because = f" — one source because {'; '.join(sorted(group.reasons))}" if group.reasons else ""
        lines.append(f"Source {group.number}: {'; '.join(group.lines)}{because}.")
    return " ".join(lines)
