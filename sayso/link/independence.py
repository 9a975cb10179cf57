"""Which claims trace back to the same source, and why: the groups verdicts count.

Two claims are *not* independent when they share an origin (the innermost speaker of their
chains), when one relays the other's outlet (quotes it, cites it, or the outlet is the
origin), when their articles are near-copies of one story, or when both articles carry the
same wire agency's credit. Each reason is kept, so a verdict can say why echoes do not count.
"""

from __future__ import annotations

from .facts import ClaimFacts


class Groups:
    """Union-find over items numbered as they are added, knowing whether two of the items added
    before ``mark`` were joined since."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.known = 0  # how many claims were grouped before ``mark``
        self.merged_known = False  # two groups of those claims were joined since

    def mark(self) -> None:
        """The groups found so far are the known ones."""
        self.known = len(self.parent)
        self.merged_known = False

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
            self.merged_known = self.merged_known or max(a, b) < self.known


def why_dependent(a: ClaimFacts, b: ClaimFacts) -> str | None:
    """Why ``b`` is not independent of ``a`` (``a`` reads first), if it is not."""
    if a.origin_entity is not None and a.origin_entity == b.origin_entity:
        return f"both come from {a.origin}"
    if a.origin_entity is None and b.origin_entity is None and a.origin == b.origin and a.article == b.article:
        return f"both come from {a.origin}"
    if voice(a) is not None and voice(a) == voice(b):
        if b.speaks_for_entity is not None and b.speaks_for_entity == a.origin_entity:
            return f"{b.origin} speaks for {a.origin}"
        if a.speaks_for_entity is not None and a.speaks_for_entity == b.origin_entity:
            return f"{a.origin} speaks for {b.origin}"
        return f"{a.origin} and {b.origin} speak for one body"
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


def voice(claim: ClaimFacts) -> int | None:
    """Whose voice a claim is: the body its origin holds a post in, else its origin."""
    return claim.speaks_for_entity if claim.speaks_for_entity is not None else claim.origin_entity


def _title(claim: ClaimFacts) -> str:
    return claim.title or claim.outlet or claim.article[:8]


def _related(claim: ClaimFacts) -> set[int]:
    """The entities a claim passes on: its origin and every intermediary of its chain."""
    return set(claim.via_entities) | ({claim.origin_entity} if claim.origin_entity is not None else set())


Key = tuple[str, object]


def filed_keys(claim: ClaimFacts) -> list[Key]:
    """The keys a grouped claim is filed under: every one that ``why_dependent`` compares."""
    keys = [("article", claim.article), ("copy", claim.copy_of), ("origin", claim.origin_entity), ("outlet", claim.outlet_entity)]
    keys += [("voice", voice(claim)), ("agency", claim.agency)] + [("relayed", e) for e in _related(claim)] + [("via", e) for e in claim.via_entities]
    return [key for key in dict.fromkeys(keys) if key[1] is not None and key[1] != ""]


def sharing_keys(claim: ClaimFacts) -> list[Key]:
    """The filed keys of the claims ``claim`` may depend on, or that may depend on it, whichever
    of the two reads first."""
    keys = [("article", claim.article), ("copy", claim.copy_of), ("origin", claim.origin_entity), ("agency", claim.agency)]
    keys += [("voice", voice(claim)), ("relayed", claim.outlet_entity), ("via", claim.origin_entity)]  # it relays them, or reaches us through them
    keys += [("outlet", e) for e in _related(claim)] + [("origin", e) for e in claim.via_entities]  # they relay it, or it comes through them
    return keys


class _Earlier:
    """The claims grouped so far, filed under their keys, so each claim is checked only against
    those it may depend on (or that may depend on it): a proposition of hundreds of members is
    grouped in time proportional to its dependent pairs, not to all pairs."""

    def __init__(self) -> None:
        self.files: dict[Key, list[int]] = {}

    def add(self, i: int, claim: ClaimFacts) -> None:
        for key in filed_keys(claim):
            self.files.setdefault(key, []).append(i)

    def sharing(self, claim: ClaimFacts) -> list[int]:
        """Claims grouped before that share a key with ``claim``, in the order they were grouped."""
        found: set[int] = set()
        for key in sharing_keys(claim):
            found.update(self.files.get(key, ()))
        return sorted(found)


class SourceGroups:
    """The source groups of a proposition's claims, kept with what grouping them learnt, so that
    when the proposition grows only its new claims are compared, each with the claims it shares
    a key with: one more claim costs those, not the proposition's size.

    Claims are numbered in the order they were grouped; which of two claims reads first still
    decides the reason given for them, as ``why_dependent`` wants."""

    def __init__(self) -> None:
        self.claims: list[ClaimFacts] = []
        self.index: dict[int, int] = {}  # id(claim) -> its number here; the claims are held, so ids stay theirs
        self.groups = Groups()
        self.earlier = _Earlier()
        self.numbers: dict[int, int] = {}  # group (its first claim's number) -> source group shown

    def within(self, claims: list[ClaimFacts]) -> bool:
        """Whether every claim grouped here is among ``claims`` (the very objects)."""
        return self.index.keys() <= set(map(id, claims))

    def extend(self, claims: list[ClaimFacts]) -> None:
        """Group the claims not grouped yet and number every group in reading order (``claims``
        is the whole proposition, in reading order)."""
        known = len(self.claims)
        self.groups.mark()
        new = [k for k, claim in enumerate(claims) if id(claim) not in self.index]
        for k in new:
            self._add(claims[k])
        if new and new[0] == known and not self.groups.merged_known:
            for k in new:  # all read after the known claims, whose groups keep their numbers
                claims[k].source_group = self._number(claims[k])
        elif new:
            self.numbers = {}
            for claim in claims:
                claim.source_group = self._number(claim)

    def _add(self, claim: ClaimFacts) -> None:
        j = self.groups.add()
        self.claims.append(claim)
        self.index[id(claim)] = j
        claim.reasons = []
        for i in self.earlier.sharing(claim):
            other = self.claims[i]
            first, second = (other, claim) if other.order < claim.order else (claim, other)
            why = why_dependent(first, second)
            if why is not None:
                self.groups.join(i, j)
                if why not in second.reasons:
                    second.reasons.append(why)
        self.earlier.add(j, claim)

    def _number(self, claim: ClaimFacts) -> int:
        return self.numbers.setdefault(self.groups.find(self.index[id(claim)]), len(self.numbers) + 1)


def group_sources(claims: list[ClaimFacts], known: SourceGroups | None = None) -> SourceGroups:
    """Number each claim's source group (1, 2, … in reading order: ``claims`` are in reading
    order) and record the reasons; ``known``, the groups of these claims as judged before, is
    built on when it holds none that have gone."""
    grouped = known if known is not None and known.within(claims) else SourceGroups()
    grouped.extend(claims)
    return grouped
