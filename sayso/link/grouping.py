"""Which proposition a claim belongs to: blocking keys to find candidates, a score to choose.

A claim is only compared with propositions that share a blocking key with it — an entity
in its content, the class of what its figures count, or one of its content words — so linking
one article costs in proportion to its claims, not to the store. The score mixes word overlap
(Dice over stems), entity overlap (Jaccard over linked entities) and a bonus when both count
the same kind of thing; a claim joins the best proposition scoring at least ``THRESHOLD``.
"""

from __future__ import annotations

from .facts import ClaimFacts

THRESHOLD = 0.4
WORDS, ENTITIES, COUNTED = 0.55, 0.3, 0.35
MAX_TERM_KEYS = 8


def blocking_keys(claim: ClaimFacts) -> list[str]:
    """The keys a claim is filed under; the longest (rarest-looking) words stand for its text."""
    keys = [f"e:{e}" for e in sorted(claim.entities)]
    keys += [f"c:{c}" for c in sorted(claim.counted_classes())]
    words = sorted(claim.terms, key=lambda t: (-len(t), t))[:MAX_TERM_KEYS]
    return keys + [f"t:{t}" for t in words]


def _dice(a: set[object], b: set[object]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _jaccard(a: set[object], b: set[object]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How likely two claims are about the same thing, between 0 and about 1."""
    words = _dice(a.terms, b.terms)  # type: ignore[arg-type]
    entities = _jaccard(a.entities, b.entities)  # type: ignore[arg-type]
    score = WORDS * words + ENTITIES * entities
    if (words or entities) and a.counted_classes() & b.counted_classes():
        score += COUNTED  # the same kind of thing counted, in claims that share some subject
    return score


def best_match(claim: ClaimFacts, candidates: dict[str, list[ClaimFacts]]) -> tuple[str | None, float]:
    """The proposition whose closest member is closest to ``claim``, if close enough."""
    best, best_score = None, 0.0
    for proposition, members in sorted(candidates.items()):
        score = max((similarity(claim, m) for m in members), default=0.0)
        if score > best_score:
            best, best_score = proposition, score
    return (best, best_score) if best_score >= THRESHOLD else (None, best_score)
