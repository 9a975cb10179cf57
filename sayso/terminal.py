"""Readable terminal output: each claim as a short block a person can scan at any width."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.padding import Padding
from rich.text import Text

from .model import Analysis, Attribution, Member, Proposition, Span
from .store import StoredClaim
from .store.proposition_views import LinkedEntity


def _claim(number: int, attribution: Attribution, article: str | None = None) -> Group:
    speaker = attribution.speaker
    head = Text(f"{number:>3}  ", style="dim")
    if speaker is None:
        head.append("(no source)", style="bold")
    else:
        head.append(speaker.name or speaker.text, style="bold")
        head.append(f" · {speaker.type}", style="cyan")
    head.append(f" · {attribution.kind}", style="magenta")
    if attribution.speech_act != "assert":
        head.append(f" · {attribution.speech_act.replace('_', ' ')}", style="red")
    words = [f"[article {article}]"] if article else []
    if speaker is not None and speaker.name and speaker.name != speaker.text:
        words.append(f"“{speaker.text}”")
    if attribution.cue is not None:
        words.append(attribution.cue.text)
    body = Text()
    if words:
        body.append(" ".join(words) + ":\n", style="dim")
    for via in attribution.via:
        body.append(f"via {via.name} ({via.cue})\n", style="yellow")
    body.append(attribution.content.text)
    _parts(body, attribution.parts)
    return Group(head, Padding(body, (0, 0, 0, 5), expand=False))


def _parts(text: Text, parts: Sequence[Span]) -> None:
    """A content stating several things, claim by claim, as linking groups them."""
    if parts:
        text.append(f"\n{len(parts)} claims: " + " | ".join(p.text for p in parts), style="dim")


def print_analysis(console: Console, analysis: Analysis) -> None:
    article = analysis.article
    head = Text(article.title or "(untitled)", style="bold underline")
    facts = [article.outlet, article.byline, article.dateline, article.published, article.agency and f"({article.agency})"]
    head.append("\n" + " · ".join(f for f in facts if f), style="dim")
    head.append(f"\nid {article.id} · source {article.source or '-'}", style="dim")
    console.print(head)
    console.print(Text(f"\n{len(analysis.attributions)} attributed claim{'s' if len(analysis.attributions) != 1 else ''}", style="bold"))
    for number, attribution in enumerate(analysis.attributions, 1):
        console.print(_claim(number, attribution))
    if analysis.unattributed:
        console.print(Text(f"\n{len(analysis.unattributed)} statement{'s' if len(analysis.unattributed) != 1 else ''} with no source (the author's own)", style="bold"))
        for assertion in analysis.unattributed:
            line = Text("• " + assertion.content.text)
            if assertion.background:
                line.append(" (background)", style="dim")
            _parts(line, assertion.parts)
            console.print(Padding(line, (0, 0, 0, 5), expand=False))
    console.print()


def print_claims(console: Console, claims: Sequence[StoredClaim]) -> None:
    if not claims:
        console.print("no claims found")
        return
    for number, claim in enumerate(claims, 1):
        console.print(_claim(number, claim.attribution, article=claim.article_id[:8]))
    console.print(Text(f"\n{len(claims)} claim{'s' if len(claims) != 1 else ''}", style="dim"))


_VERDICT_STYLE = {
    "corroborated": "green",
    "single_source": "yellow",
    "contested": "red",
    "retracted": "magenta",
    "unverified": "dim",
}


def _member_line(member: Member) -> Group:
    line = Text(f"  {member.source_group:>2}  ", style="dim")
    line.append(member.origin, style="bold")
    if member.via:
        line.append(" via " + ", ".join(member.via), style="yellow")
    line.append(f" · {member.stance}", style="red" if member.stance in ("contradict", "retracted") else "cyan")
    if member.value is not None or member.low is not None:
        shown = member.value if member.value is not None else member.low
        line.append(f" · {shown:g}")
    where = " · ".join(p for p in (member.outlet, member.published, f"article {member.article[:8]}") if p)
    body = Text(f"{where}: ", style="dim")
    body.append(member.content)
    if not member.shared:
        return Group(line, Padding(body, (0, 0, 0, 6), expand=False))
    shared = Text("in common with the others: ", style="dim")
    shared.append(", ".join(member.shared), style="italic")
    return Group(line, Padding(body, (0, 0, 0, 6), expand=False), Padding(shared, (0, 0, 0, 6), expand=False))


def print_proposition(console: Console, proposition: Proposition, members: bool = True) -> None:
    head = Text(f"{proposition.id}  ", style="dim")
    head.append(proposition.verdict.replace("_", " "), style=f"bold {_VERDICT_STYLE[proposition.verdict]}")
    head.append(f"  {proposition.label}", style="bold")
    head.append(f"  ({len(proposition.members)} claim{'s' if len(proposition.members) != 1 else ''})", style="dim")
    console.print(head)
    if members:
        console.print(Padding(Text(proposition.explanation), (0, 0, 0, 4), expand=False))
        for member in proposition.members:
            console.print(_member_line(member))
        console.print()


def print_propositions(console: Console, propositions: Sequence[Proposition]) -> None:
    if not propositions:
        console.print("no propositions found (run `sayso link` after ingesting articles)")
        return
    for proposition in propositions:
        print_proposition(console, proposition, members=False)
    console.print(Text(f"\n{len(propositions)} proposition{'s' if len(propositions) != 1 else ''}", style="dim"))


def print_entities(console: Console, entities: Sequence[LinkedEntity]) -> None:
    if not entities:
        console.print("no entity found")
        return
    for entity in entities:
        head = Text(entity.name, style="bold underline")
        head.append(f"  {entity.type} · in {entity.articles} article{'s' if entity.articles != 1 else ''}", style="dim")
        console.print(head)
        console.print(Text("  also written: " + "; ".join(entity.forms), style="dim"))
        for member in entity.claims:
            console.print(_member_line(member))
        console.print()
