"""Who quoted whom, drawn on the server as SVG: every claim of a proposition back to its origin.

Columns run left to right: the claim as published (outlet and date), each intermediary of
its chain outermost first, then the origin. Claims that trace back to one source share a
band (their ``source_group``), and within a band a name is drawn once, in the column of its
deepest place in any chain, so wire copies visibly converge on the one voice they repeat and
a speaker who is both an origin and an intermediary is one box. Every word is
XML-escaped; the drawing uses presentation attributes only (no ``style``, no script), so it
passes a strict Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from ..model import Member, Proposition

NODE_W = 224
NODE_H = 40
GAP_X = 56
ROW_H = 52
BAND_PAD = 26
MARGIN = 12
CHARS = 30  # what fits on one line of a node at 12px

STANCE_COLOUR = {"agree": "#1b7f3b", "contradict": "#b3261e", "partial": "#b86e00", "retracted": "#6a3d9a"}
BAND_FILL = ("#f3f6fb", "#fbf6ef")


@dataclass
class _Node:
    column: int
    lines: tuple[str, str]
    tip: str
    kind: str  # member | via | origin
    ys: list[float] = field(default_factory=list)
    href: str | None = None
    stance: str | None = None

    placed: float | None = None

    @property
    def y(self) -> float:
        return self.placed if self.placed is not None else sum(self.ys) / len(self.ys)


def _spread(nodes: list[_Node]) -> float:
    """Move apart the nodes of one column that would overlap; returns the lowest bottom edge."""
    bottom = 0.0
    for column in {n.column for n in nodes}:
        previous: float | None = None
        for node in sorted((n for n in nodes if n.column == column), key=lambda n: n.y):
            wanted = node.y
            if previous is not None:
                wanted = max(wanted, previous + NODE_H + 10)
            node.placed = previous = wanted
            bottom = max(bottom, wanted + NODE_H / 2)
    return bottom


def _cut(text: str, size: int = CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _x(column: int) -> float:
    return MARGIN + column * (NODE_W + GAP_X)


def _hops(member: Member) -> list[tuple[str, str]]:
    """The chain behind a claim as (name, role): its intermediaries outermost first, then its origin."""
    return [(name, "via") for name in member.via] + [(member.origin, "origin")]


def chain_svg(proposition: Proposition, link: Callable[[Member], str] | None = None) -> str:
    """The drawing as one ``<svg>`` element; ``link`` gives each claim's page address."""
    last_column = max((len(m.via) for m in proposition.members), default=0) + 1
    groups: dict[int, list[Member]] = {}
    for member in proposition.members:
        groups.setdefault(member.source_group, []).append(member)
    nodes: list[_Node] = []
    edges: list[tuple[_Node, _Node, str]] = []
    bands: list[tuple[float, float, int]] = []
    y = MARGIN
    for group, members in sorted(groups.items()):
        top = y
        y += BAND_PAD
        shared: dict[str, _Node] = {}
        columns: dict[str, int] = {}
        roles_of: dict[str, set[str]] = {}
        for member in members:
            for depth, (name, kind) in enumerate(_hops(member), 1):
                columns[name.casefold()] = max(columns.get(name.casefold(), 0), depth)
                roles_of.setdefault(name.casefold(), set()).add(kind)
        for member in members:
            centre = y + NODE_H / 2
            published = member.published or "date unknown"
            figure = f" · {member.value:g}" if member.value is not None else ""
            head = _Node(
                0, (_cut(member.outlet or member.title or member.article[:8]), _cut(f"{published} · {member.stance}{figure}")),
                f"{member.outlet or 'unknown outlet'}, {published}: {member.content}", "member", [centre],
                href=link(member) if link else None, stance=member.stance,
            )
            nodes.append(head)
            previous = head
            for name, _kind in _hops(member):
                key = name.casefold()
                node = shared.get(key)
                if node is None:
                    roles = " and ".join(sorted(roles_of[key]))
                    node = _Node(columns[key], (_cut(name), roles), f"{roles}: {name}", "origin" if "origin" in roles_of[key] else "via")
                    shared[key] = node
                    nodes.append(node)
                node.ys.append(centre)
                edges.append((previous, node, "quotes"))
                previous = node
            y += ROW_H
        bottom = _spread(list(shared.values()))
        y = max(y, bottom + ROW_H - NODE_H)
        y += BAND_PAD / 2
        bands.append((top, y - top, group))
        y += 6
    width = _x(last_column) + NODE_W + MARGIN
    height = y + MARGIN - 6
    title = f"Who quoted whom: {len(proposition.members)} claims from {len(groups)} independent source(s)"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="chain-title">',
        f'<title id="chain-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ]
    for number, (top, size, group) in enumerate(bands):
        out.append(
            f'<rect x="2" y="{top:.0f}" width="{width - 4:.0f}" height="{size:.0f}" rx="6" '
            f'fill="{BAND_FILL[number % 2]}" stroke="#c9d1dc"/>'
            f'<text x="{MARGIN}" y="{top + 17:.0f}" font-size="12" font-weight="bold" fill="#333">'
            f"source {group}</text>"
        )
    for start, end, _ in edges:
        x1, y1 = _x(start.column) + NODE_W, start.y
        x2, y2 = _x(end.column), end.y
        bend = (x2 - x1) / 2
        out.append(
            f'<path d="M{x1:.1f},{y1:.1f} C{x1 + bend:.1f},{y1:.1f} {x2 - bend:.1f},{y2:.1f} {x2 - 2:.1f},{y2:.1f}" '
            'fill="none" stroke="#555" stroke-width="1.4" marker-end="url(#arrow)"/>'
        )
    for node in nodes:
        out.append(_node(node))
    out.append("</svg>")
    return "\n".join(out)


def _node(node: _Node) -> str:
    x, top = _x(node.column), node.y - NODE_H / 2
    if node.kind == "member":
        fill, stroke = "#ffffff", STANCE_COLOUR.get(node.stance or "", "#555")
    elif node.kind == "origin":
        fill, stroke = "#fff4d6", "#a07800"
    else:
        fill, stroke = "#eef0f3", "#777"
    body = (
        f"<title>{escape(node.tip)}</title>"
        f'<rect x="{x:.1f}" y="{top:.1f}" width="{NODE_W}" height="{NODE_H}" rx="5" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
        f'<text x="{x + 8:.1f}" y="{top + 16:.1f}" font-size="12" font-weight="bold" fill="#111">{escape(node.lines[0])}</text>'
        f'<text x="{x + 8:.1f}" y="{top + 32:.1f}" font-size="11" fill="#444">{escape(node.lines[1])}</text>'
    )
    if node.href:
        return f'<a href={quoteattr(node.href)} class="chain-node">{body}</a>'
    return f'<g class="chain-node">{body}</g>'
