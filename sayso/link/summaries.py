"""What judging keeps of a proposition, so that claims joining it later are judged on their own.

Judging reads every member (verdicts.py), and a long story's propositions grow to hundreds. A
summary saved beside each proposition holds what its verdict and explanation are made from:
the tally of what its figures count, the anchor, the first claim and the first retraction,
each source group's lines, reasons and stances, what each side of a dispute says, and the
facts source grouping compares for every member, filed under their keys. ``join`` judges new
claims against it — each compared only with the members it shares a key with — and gives what
judging every member would. A new anchor (a figure stated earlier than the old anchor's) changes
the members' stances, which are judged again from the summary. It declines, and the
proposition is judged whole, when the new claims change what the proposition counts (and so
every member's figure), change what it says of its figure while a member gives two figures
of what it counts (which of them it gives is read from that), join two source groups, or an
entity was merged since the summary was made.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass
from typing import Any

from ..model import Verdict
from .facts import ClaimFacts
from .independence import Groups, Key, filed_keys, sharing_keys, why_dependent
from .values import Figure
from .verdicts import (
    Judgement, SourceLines, anchor_rank, cite, conclude, counted_of, figure_words, label, line, negates, retraction, said_of, said_words,
    stance, tally,
)
from .words import negated_terms, stated_terms

Summary = dict[str, Any]  # JSON, as stored
VERSION = 7  # of the layout below: a summary of another is not read

# A member in ``members``: what ``why_dependent`` compares, then what its stance and its line in
# the explanation are made from.
_FACTS = (
    "published", "article", "position", "origin", "origin_entity", "via_entities", "outlet", "outlet_entity", "agency", "title", "copy_of",
    "speaks_for_entity",
)
_ACT, _GROUP, _STANCE, _LOW, _HIGH, _WORDS, _CITE, _FIGURE, _KIND = range(len(_FACTS), len(_FACTS) + 9)


@dataclass
class Joined:
    """A proposition judged from its summary and its new claims."""

    label: str
    verdict: Verdict
    explanation: str
    counted: str | None
    renumbered: dict[int, int]  # source groups of the old members that changed number: old -> new
    stances: dict[str, str]  # old members whose stance changed (a new anchor): claim -> stance
    summary: Summary


def _key(key: Key) -> str:
    return f"{key[0]}:{key[1]}"


def _order(claim: ClaimFacts) -> list[Any]:
    return list(claim.order)


def _entry(claim: ClaimFacts, group: int) -> list[Any]:
    value = claim.value
    return [getattr(claim, name) for name in _FACTS] + [
        claim.speech_act, group, claim.stance, None if value is None else value.low, None if value is None else value.high,
        said_words(claim), cite(claim), figure_words(claim), None if value is None else value.kind,
    ]


def _anchor(claim: ClaimFacts) -> list[Any]:
    """Rank, reading order, figure, and the words it states and negates (what a new claim's stance is read against)."""
    rank, at = anchor_rank(claim)
    figure = claim.value
    words = [sorted(stated_terms(claim.content)), sorted(negated_terms(claim.content))]
    return [rank, list(at), None if figure is None else [figure.value, figure.low, figure.high, figure.counted, figure.kind], *words]


def summarise(claims: list[ClaimFacts], judgement: Judgement, merges: int) -> Summary:
    """The summary of a proposition just judged whole (``claims`` as ``judge`` left them);
    ``merges``: how many entities had been merged into others."""
    groups: dict[int, list[Any]] = {}
    files: dict[str, list[str]] = {}
    members, said, retracted = {}, {}, None
    for claim in claims:
        group = groups.setdefault(claim.source_group, [claim.source_group, set(), False, False, []])
        group[1].update(claim.reasons)
        group[2] = group[2] or claim.stance == "agree"
        group[3] = group[3] or claim.stance == "contradict"
        group[4].append([_order(claim), claim.claim])
        members[claim.claim] = _entry(claim, claim.source_group)
        for key in filed_keys(claim):
            files.setdefault(_key(key), []).append(claim.claim)
        if claim.stance in ("agree", "contradict"):
            said.setdefault((claim.stance, said_words(claim), claim.origin), _order(claim))
        if retracted is None and claim.stance == "retracted":
            retracted = [_order(claim), retraction(claim)]
    return {
        "version": VERSION,
        "merges": merges,
        "count": len(claims),
        "counted": judgement.counted,
        "label": judgement.label,
        "first": [_order(claims[0]), claims[0].origin],
        "tally": {counted: [count, list(first)] for counted, (count, first) in tally(claims).items()},
        "said_of": _said_of(said_of(claims, judgement.counted)),
        "ambiguous": _ambiguous(claims, judgement.counted),
        "negations": any(negated_terms(c.content) for c in claims),
        "anchor": _anchor(min(claims, key=anchor_rank)),
        "retracted": retracted,
        "members": members,
        "files": files,
        "groups": [[g[0], sorted(g[1]), g[2], g[3], g[4]] for g in sorted(groups.values(), key=lambda g: g[4][0][0])],
        "said": [[at, *entry] for entry, at in said.items()],
    }


def _ambiguous(claims: list[ClaimFacts], counted: str | None) -> int:
    """How many claims give two figures or more of what the proposition counts: each reads the
    one its proposition says most of, so they are read again when that changes."""
    return sum(len(claim.stated_figures(counted)) > 1 for claim in claims)


def _said_of(found: tuple[tuple[Any, ...], frozenset[str]] | None) -> list[Any] | None:
    return None if found is None else [list(found[0]), sorted(found[1])]


def _member(claim_id: str, entry: list[Any]) -> ClaimFacts:
    """A member back from its summary, with what ``why_dependent`` reads."""
    known = dict(zip(_FACTS, entry))
    return ClaimFacts(
        claim=claim_id, content="", speaker=None, via=[], speech_act="assert", figures=[], terms=set(), entities=set(), **known
    )


def join(summary: Summary, new: list[ClaimFacts], merges: int) -> Joined | None:
    """Judge a proposition that ``new`` claims join, from its ``summary``; sets the new claims'
    stance, figure and source group. None when the proposition must be judged whole."""
    if summary.get("version") != VERSION or summary["merges"] != merges:
        return None
    members = summary["members"]
    if any(c.claim in members for c in new):
        return None
    new = sorted(new, key=lambda c: c.order)
    counts = {counted: (count, tuple(first)) for counted, (count, first) in summary["tally"].items()}
    for counted, (count, first) in tally(new).items():
        before, earliest = counts.get(counted, (0, first))
        counts[counted] = (before + count, min(earliest, first))
    counted = counted_of(counts)
    if counted != summary["counted"]:
        return None
    kept, first = summary["said_of"], said_of(new, counted)
    if first is not None and (kept is None or first[0] < tuple(kept[0])):
        if summary["ambiguous"]:
            return None  # a member's figure would be chosen again, by what a new claim says of it
        kept = _said_of(first)
    for claim in new:
        claim.take_figure(counted, frozenset(kept[1]) if kept else frozenset())
    ambiguous = summary["ambiguous"] + _ambiguous(new, counted)
    rank, at = summary["anchor"][:2]
    earliest = min(new, key=anchor_rank)
    anchor, about = summary["anchor"], summary["label"]
    if anchor_rank(earliest) < (rank, tuple(at)):
        anchor, about = _anchor(earliest), label(counted, earliest)
    negations = summary["negations"] or any(negated_terms(c.content) for c in new)
    if anchor is not summary["anchor"] and negations:
        return None  # every member's stance may change with what the new anchor states or negates
    figure = None if anchor[2] is None else Figure(*anchor[2])
    for claim in new:
        clash = figure is None and negates(stated_terms(claim.content), negated_terms(claim.content), anchor[3], anchor[4])
        claim.stance = stance(claim.speech_act, claim.value, figure, clash)
    found = _group(summary, new)
    if found is None:
        return None
    restanced = anchor is not summary["anchor"] and rank != 2 and _measure(anchor[2]) != _measure(summary["anchor"][2])
    known = {**summary, "anchor": anchor, "label": about, "said_of": kept, "ambiguous": ambiguous, "negations": negations}
    return _judged(known, new, found, counts, merges, figure if restanced else None)


def _measure(figure: list[Any]) -> list[Any]:
    """What a stored anchor figure's members are judged against: its interval and kind."""
    return [*figure[1:3], *figure[4:]]


def _group(summary: Summary, new: list[ClaimFacts]) -> list[Any] | None:
    """The source groups with the new claims in them (as stored: id, reasons, agrees,
    contradicts, members in reading order), each new claim's group id set as its
    ``source_group`` for now; None when new claims join two groups of old members."""
    members, files = summary["members"], summary["files"]
    components = Groups()  # the new claims (numbered as in ``new``), then old groups as met
    for _ in new:
        components.add()
    old_groups: dict[int, int] = {}  # old group id -> its number in ``components``
    whys: list[tuple[int, str]] = []
    for k, claim in enumerate(new):
        claim.reasons = []
        old = {m for key in sharing_keys(claim) if key[1] is not None for m in files.get(_key(key), ())}
        others = [(_member(m, members[m]), members[m][_GROUP], None) for m in sorted(old)]
        others += [(new[i], None, i) for i in range(k) if set(filed_keys(new[i])) & set(sharing_keys(claim))]
        for other, group, i in others:
            first, second = (other, claim) if other.order < claim.order else (claim, other)
            why = why_dependent(first, second)
            if why is not None:
                if i is None and group not in old_groups:
                    old_groups[group] = components.add()
                components.join(k, old_groups[group] if i is None else i)
                whys.append((k, why))
    root_of = {components.find(node): group for group, node in old_groups.items()}
    if len(root_of) < len(old_groups):
        return None  # two old groups joined
    groups = {g[0]: [g[0], set(g[1]), g[2], g[3], list(g[4])] for g in summary["groups"]}
    next_id = max(groups, default=0) + 1
    for k, claim in enumerate(new):
        root = components.find(k)
        if root not in root_of:
            root_of[root], next_id = next_id, next_id + 1
        group = groups.setdefault(root_of[root], [root_of[root], set(), False, False, []])
        group[2] = group[2] or claim.stance == "agree"
        group[3] = group[3] or claim.stance == "contradict"
        claim.source_group = root_of[root]
    for k, why in whys:
        groups[root_of[components.find(k)]][1].add(why)
    return list(groups.values())


def _restance(members: dict[str, list[Any]], groups: list[Any], anchor: Figure) -> dict[str, str]:
    """Judge every member's stance again against a new anchor (in ``members``, and each group's
    agrees and contradicts); the members whose stance changed."""
    changed = {}
    for claim, entry in members.items():
        value = None if entry[_LOW] is None else Figure(None, entry[_LOW], entry[_HIGH], None, entry[_KIND])
        its = stance(entry[_ACT], value, anchor)
        if its != entry[_STANCE]:
            members[claim] = [*entry[:_STANCE], its, *entry[_STANCE + 1 :]]
            changed[claim] = its
    for group in groups:
        stances = {members[claim][_STANCE] for _, claim in group[4]}
        group[2], group[3] = "agree" in stances, "contradict" in stances
    return changed


def _judged(summary: Summary, new: list[ClaimFacts], groups: list[Any], counts: dict[str, Any], merges: int, restance: Figure | None) -> Joined:
    """Number the groups in reading order, file the new claims, judge the old ones' stances again
    if the anchor's figure changed (``restance``), and conclude."""
    old_numbers = {g[0]: n for n, g in enumerate(summary["groups"], start=1)}
    by_id = {g[0]: g for g in groups}
    members = dict(summary["members"])
    files = dict(summary["files"])
    for claim in new:
        insort(by_id[claim.source_group][4], [_order(claim), claim.claim])
        members[claim.claim] = _entry(claim, claim.source_group)
        for key in filed_keys(claim):
            files[_key(key)] = [*files.get(_key(key), ()), claim.claim]
    changed = {} if restance is None else _restance(members, groups, restance)
    ordered = sorted(groups, key=lambda g: g[4][0][0])
    number_of = {g[0]: n for n, g in enumerate(ordered, start=1)}
    for claim in new:
        claim.source_group = number_of[claim.source_group]
    renumbered = {old: number_of[gid] for gid, old in old_numbers.items() if number_of[gid] != old}
    first_order, first_origin = summary["first"]
    if new[0].order < tuple(first_order):
        first_order, first_origin = _order(new[0]), new[0].origin
    retracted = summary["retracted"]
    withdrawn = next((c for c in new if c.stance == "retracted"), None)
    if withdrawn is not None and (retracted is None or withdrawn.order < tuple(retracted[0])):
        retracted = [_order(withdrawn), retraction(withdrawn)]
    if restance is None:
        said = _said(summary["said"], members, [[_order(c), c.claim] for c in new])
    else:
        said = _said([], members, [m for g in groups for m in g[4]])
    lines = [
        SourceLines(number_of[g[0]], [line(members[c][_CITE], members[c][_STANCE], members[c][_FIGURE]) for _, c in g[4]], g[1], g[2], g[3])
        for g in ordered
    ]
    count = summary["count"] + len(new)
    verdict, explanation = conclude(count, first_origin, lines, None if retracted is None else retracted[1], [e for e, _ in said])
    updated = {
        **summary,
        "merges": merges,
        "count": count,
        "first": [first_order, first_origin],
        "tally": {counted: [n, list(first)] for counted, (n, first) in counts.items()},
        "retracted": retracted,
        "members": members,
        "files": files,
        "groups": [[g[0], sorted(g[1]), g[2], g[3], g[4]] for g in ordered],
        "said": [[at, *entry] for entry, at in said],
    }
    return Joined(summary["label"], verdict, explanation, summary["counted"], renumbered, changed, updated)


def _said(stored: list[Any], members: dict[str, list[Any]], claims: list[list[Any]]) -> list[tuple[tuple[str, str, str], list[Any]]]:
    """What each agreeing or contradicting origin says, first said where: ``stored`` updated
    with ``claims`` ([order, claim]: the new ones, or every member when stances changed)."""
    said = {tuple(entry[1:]): entry[0] for entry in stored}
    for at, claim in claims:
        entry = members[claim]
        if entry[_STANCE] in ("agree", "contradict"):
            key = (entry[_STANCE], entry[_WORDS], entry[_FACTS.index("origin")])
            if key not in said or tuple(at) < tuple(said[key]):
                said[key] = at
    return sorted(said.items(), key=lambda kv: kv[1])
