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


def _related(claim: ClaimFacts) -> set[int]:
    """The entities a claim passes on: its origin and every intermediary of its chain."""
    return set(claim.via_entities) | ({claim.origin_entity} if claim.origin_entity is not None else set())


class _Earlier:
    """The claims read so far, filed under every key that ``_why_dependent`` compares, so each
    claim is checked only against those it may depend on: a proposition of hundreds of
    members is grouped in time proportional to its dependent pairs, not to all pairs."""

    def __init__(self) -> None:
        self.files: dict[tuple[str, object], list[int]] = {}

    def add(self, i: int, claim: ClaimFacts) -> None:
        keys = [("article", claim.article), ("copy", claim.copy_of), ("origin", claim.origin_entity), ("outlet", claim.outlet_entity)]
        keys += [("agency", claim.agency)] + [("relayed", e) for e in _related(claim)] + [("via", e) for e in claim.via_entities]
        for key in dict.fromkeys(keys):
            if key[1] is not None and key[1] != "":
                self.files.setdefault(key, []).append(i)

    def sharing(self, claim: ClaimFacts) -> list[int]:
        """Earlier claims that share a key with ``claim`` in a way some reason of dependence needs, in reading order."""
        keys = [("article", claim.article), ("copy", claim.copy_of), ("origin", claim.origin_entity), ("agency", claim.agency)]
        keys += [("relayed", claim.outlet_entity), ("via", claim.origin_entity)]  # it relays them, or reaches us through them
        keys += [("outlet", e) for e in _related(claim)] + [("origin", e) for e in claim.via_entities]  # they relay it, or it comes through them
        found: set[int] = set()
        for key in keys:
            found.update(self.files.get(key, ()))
        return sorted(found)


def group_sources(claims: list[ClaimFacts]) -> None:
    """Number each claim's source group (1, 2, … in reading order) and record the reasons."""
    groups = _Groups(len(claims))
    earlier = _Earlier()
    for j, claim in enumerate(claims):
        claim.reasons = []
        for i in earlier.sharing(claim):
            why = _why_dependent(claims[i], claim)
            if why is not None:
                groups.join(i, j)
                if why not in claim.reasons:
                    claim.reasons.append(why)
        earlier.add(j, claim)
    numbers: dict[int, int] = {}
    for i, claim in enumerate(claims):
        claim.source_group = numbers.setdefault(groups.find(i), len(numbers) + 1)
