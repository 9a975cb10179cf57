"""Which claims trace back to the same source, and why: the groups verdicts count.

Two claims are *not* independent when they share an origin (the innermost speaker of their
chains), when one relays the other's outlet (quotes it, cites it, or the outlet is the
origin), when their articles are near-copies of one story, or when both articles carry the
same wire agency's credit. Each reason is kept, so a verdict can say why echoes do not count.
"""

from __future__ import annotations

from .facts import ClaimFacts


class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _why_dependent(a: ClaimFacts, b: ClaimFacts) -> str | None:
    if a.origin_entity is not None and a.origin_entity == b.origin_entity:
        return f"both come from {a.origin}"
    if a.origin_entity is None and b.origin_entity is None and a.origin == b.origin and a.article == b.article:
        return f"both come from {a.origin}"
    if a.article != b.article and a.copy_of == b.copy_of:
        return f"“{_title(a)}” and “{_title(b)}” are copies of one story"
    if a.article != b.article and a.agency and a.agency == b.agency:
        return f"both articles carry the same wire credit ({a.agency})"
    for first, second in ((a, b), (b, a)):
        relayed = set(first.via_entities) | ({first.origin_entity} if first.origin_entity is not None else set())
        if second.outlet_entity is not None and second.outlet_entity in relayed and first.article != second.article:
            return f"{first.outlet or 'one article'} relays {second.outlet}"
        if second.origin_entity is not None and second.origin_entity in first.via_entities:
            return f"{first.origin}'s claim reaches us only through {second.origin}"
        if first.article == second.article and first.claim.startswith("u") and not second.claim.startswith("u"):
            return f"the article states in its own voice what {second.origin} says"
    return None


def _title(claim: ClaimFacts) -> str:
    return claim.title or claim.outlet or claim.article[:8]


def group_sources(claims: list[ClaimFacts]) -> None:
    """Number each claim's source group (1, 2, … in reading order) and record the reasons."""
    groups = _Groups(len(claims))
    reasons: dict[tuple[int, int], str] = {}
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            why = _why_dependent(a, claims[j])
            if why is not None:
                groups.join(i, j)
                reasons[(i, j)] = why
    numbers: dict[int, int] = {}
    for i, claim in enumerate(claims):
        root = groups.find(i)
        claim.source_group = numbers.setdefault(root, len(numbers) + 1)
        claim.reasons = []
    for (i, j), why in reasons.items():
        if why not in claims[j].reasons:
            claims[j].reasons.append(why)
