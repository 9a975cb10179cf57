"""Which proposition a claim belongs to: blocking keys to find candidates, a score to choose.

A claim is only compared with propositions that share a blocking key with it — an entity
in its content, the class of what its figures count, or one of its content words — so linking
one article costs in proportion to its claims, not to the store. What two claims share counts
only when it is evidence enough: two words at least, and words and names rare enough in news
(``word_rarity``) to add up to ``EVIDENCE``, a phrase both write counting little more than its
rarest word — or the same wording, or a long quotation one prints whole and the other in part;
the further apart two claims were published, the more they must share (twice at a year).
The score then mixes word overlap (Dice and overlap coefficient over the stems of words that
are not names), entity overlap (Jaccard over linked entities) and a bonus when both count the
same kind of thing, share words, and say something in common of it or give close figures of it;
against a proposition the score is half the closest member's and half the members' mean, so one
stray member cannot pull in more. A claim joins the best proposition scoring at least ``THRESHOLD``
(a retraction or revision at least ``WITHDRAWING`` when it has two words in common with a
member: it names what it withdraws in few words, "its statement that every barrier had
passed"); it is compared with at most ``COMPARISONS`` members, taken from the propositions
sharing the most keys first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from math import log1p

from ..analyze.time_values import anchor_date
from .facts import ClaimFacts
from .word_rarity import rarity
from .words import MOMENT, adjacent_terms, common_terms, stem, terms

THRESHOLD = 0.6
WITHDRAWING = 0.4  # a retraction names what it withdraws in few words ("its statement that every barrier had passed")
WORDS, ENTITIES, COUNTED, SAME_FIGURE, SAME_MOMENT = 0.7, 0.3, 0.45, 0.25, 0.45
MIN_SHARED = 2  # one word in common is chance in a store of many stories ("to help him do so", "to help pay for it")
# Evidence, in nats of rarity, that what two claims share is one matter: two words each found in
# one news article in twenty ("ransom", "hackers"), or a rare name and a word, not "private" and
# "server" in a season of stories about one server.
EVIDENCE = 6.0
FIGURE_EVIDENCE = 3.0  # one large or close figure for one kind of thing weighs as a fairly rare word
PHRASE_REST = 0.5  # what the words of a shared phrase other than its rarest add to the evidence
QUOTED_WORDS = 8  # a wording this long found whole inside another's is one quotation printed twice
YEAR = 365  # days between two claims' publication from which they need twice the evidence
SAME_DAYS = 2  # the scale of the rise in evidence needed with days apart (``_time_apart``)
MAX_TERM_KEYS = 8
COMPARISONS = 250  # members compared per claim at most
BIG_FIGURE = 100
CLOSE, CLOSE_FROM = 1.25, 10  # figures within a quarter of each other, for counts of ten or more
SHARES = frozenset({"percent", "fraction"})
WITHDRAWALS = frozenset({"retract", "revise"})


def blocking_keys(claim: ClaimFacts) -> list[str]:
    """The keys a claim is filed under; the longest (rarest-looking) words stand for its text."""
    keys = [f"e:{e}" for e in sorted(claim.entities)]
    keys += [f"c:{c}" for c in sorted(claim.counted_classes())]
    words = sorted(claim.terms, key=lambda t: (-len(t), t))[:MAX_TERM_KEYS]
    return keys + [f"t:{t}" for t in words]


def similarity(a: ClaimFacts, b: ClaimFacts) -> float:
    """How likely two claims are about the same thing, between 0 and about 1.

    Called hundreds of times per claim, so written out in one function. ``a`` is the claim
    being linked (it knows how rare its names are), ``b`` a member. Words (names left out: the
    entities stand for them): none unless two are shared, a time of day or a figure in common
    counting as one, and unless they are evidence enough (``EVIDENCE``); then Dice averaged
    with the overlap coefficient (a short claim whose words all recur in a longer one, "talks
    ended on Thursday", is close to it); entities: Jaccard.
    """
    a_terms, b_terms = a.terms, b.terms
    common = a_terms & b_terms
    shared = len(common)
    moment = any(t[0] == MOMENT for t in common)  # one time of day ("8.10 a.m.", "ten past eight"): one event
    counted = a.counted_classes() & b.counted_classes() if a.figures and b.figures else frozenset()
    same_figure = bool(counted) and _same_figure(a, b, counted)
    close = bool(counted) and not same_figure and _close_figures(a, b, counted)
    a_entities, b_entities = a.entities, b.entities
    words = 0.0
    figure = same_figure or close
    # A time of day or a figure in common weighs as a second word ("Some 90 firefighters tackled
    # the fire", "More than 80 firefighters fought the blaze").
    if shared and shared + moment + figure >= MIN_SHARED:
        said = bool(counted) and _same_predicate(a, b, counted)
        # One count of people with something said of them in common ("30 people were taken to
        # hospital", "took 35 patients to hospital") is evidence as a figure is; counts of other
        # things recur in every event of a kind ("214 delegates at stake", "865 delegates at
        # stake") and shares everywhere ("leads by 52 percent to 37", "leads by 49 percent to 47").
        people = said and not figure and _people_counted_alike(a, b, counted)
        # Counts of people far apart are as often two events of a kind as one disputed toll
        # ("Three people were killed", "at least nine people were killed", "that 80 people were
        # killed"): the people they count are the count's own evidence, not a word more.
        far = people and not _close_figures(a, b, counted, people=True)
        if _evidence(a, b, common - _counted_nouns(a, b, counted) if far else common, figure or people):
            # When both name things and none in common, the names count among the words, unshared:
            # "homes near the Tarrow dam" and "homes near the Harlow mill" are two places' homes.
            apart = bool(a_entities and b_entities) and not a_entities & b_entities
            a_size, b_size = len(a_terms) + apart * len(a_entities), len(b_terms) + apart * len(b_entities)
            dice = 2 * shared / (a_size + b_size)
            words = (dice + shared / min(a_size, b_size)) / 2
            if moment:
                words += SAME_MOMENT
    if a_entities and b_entities:
        score = WORDS * words + ENTITIES * (len(a_entities & b_entities) / len(a_entities | b_entities))
    else:
        score = words  # no names to compare: the words decide
    if not (a.figures and b.figures):
        return score  # nothing counted on one side
    if not counted and _bases(a) & _bases(b):
        return score - COUNTED  # one kind of thing, counted once as a rate and once as a total: two matters
    if not counted and _counts_people(a) and _counts_people(b):
        return score - COUNTED  # people counted for different things ("380 passengers" on board, "36 passengers" treated): two matters
    if counted and words:  # and words in common: not "raised $2 million" / "would cost $2 million", "72 percent of voters" / "12,000 voters"
        if figure or said:
            score += COUNTED  # the same kind of thing counted, and something said of it or its number in common
        if same_figure:
            score += SAME_FIGURE  # one figure for one kind of thing is rarely a coincidence
    return score


def _evidence(a: ClaimFacts, b: ClaimFacts, common: set[str], figure: bool) -> bool:
    """Whether the words, names and figure two claims share are rare enough together to say they
    are about one thing, or the two say it in the same words (a wire copy, a quotation repeated).
    A retraction or revision needs half as much: it names what it withdraws in few words."""
    needed = (EVIDENCE / 2 if a.speech_act in WITHDRAWALS else EVIDENCE) * _time_apart(a.published, b.published)
    found = FIGURE_EVIDENCE * figure + sum(a.name_rarity.get(e, 0.0) for e in a.entities & b.entities)
    weights = [rarity(t) for t in common]
    words = sum(weights)
    # Phrases only ever weigh less, and at most by PHRASE_REST of all but the rarest word: most
    # pairs are settled without reading them (too little evidence, or plenty however phrased).
    if found + words >= needed:
        if found + words - PHRASE_REST * (words - max(weights, default=0.0)) >= needed:
            return True
        if found + _phrase_evidence(a.content, b.content, common) >= needed:
            return True
    shorter, longer = sorted((_wording(a.content), _wording(b.content)), key=len)
    if shorter == longer:
        return True
    # A quotation one outlet prints whole and another in part is one claim (checked cheaply
    # first: most pairs share no such run).
    return shorter in longer and shorter.count(" ") + 1 >= QUOTED_WORDS and f" {shorter} " in f" {longer} "


def _phrase_evidence(a: str, b: str, common: set[str]) -> float:
    """The rarity of the words two claims share, a phrase both write (words side by side in
    each: "private email server") weighing as its rarest word and ``PHRASE_REST`` of the rest.
    A phrase names one thing, as a name does: two claims naming it may say different things of
    it ("extremely careless", "a special prosecutor to investigate")."""
    joined = {term: term for term in common}

    def root(term: str) -> str:
        while joined[term] != term:
            term = joined[term]
        return term

    for x, y in adjacent_terms(a) & adjacent_terms(b):
        if x in joined and y in joined:
            joined[root(x)] = root(y)
    phrases: dict[str, list[float]] = {}
    for term in common:
        phrases.setdefault(root(term), []).append(rarity(term))
    found = 0.0
    for weights in phrases.values():
        found += max(weights) + PHRASE_REST * (sum(weights) - max(weights))
    return found


@lru_cache(maxsize=65536)
def _time_apart(a: str | None, b: str | None) -> float:
    """How many times ``EVIDENCE`` two claims published apart need: one matter is reported
    within days, and the same words weeks apart are more often another occasion of the kind
    (another poll's margin of error, another contest's delegates). From 1 on the same day,
    rising with the logarithm of the days between (1.3 a week apart, 1.5 a month) to 2 at
    ``YEAR`` and beyond ("sent 4,000 mercenaries" in 2020, "would send 200 soldiers" in 2031)."""
    first, second = anchor_date(a), anchor_date(b)
    days = min(abs((first - second).days), YEAR) if first and second else 0
    return 1 + log1p(days / SAME_DAYS) / log1p(YEAR / SAME_DAYS)


@lru_cache(maxsize=65536)
def _wording(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _counted_nouns(a: ClaimFacts, b: ClaimFacts, classes: frozenset[str]) -> set[str]:
    """The words naming what the two claims' figures of ``classes`` count ("people", "patients")."""
    return {t for f in a.figures + b.figures if f.get("counted") in classes for t in terms(f.get("counted_text") or "")}


def _people_counted_alike(a: ClaimFacts, b: ClaimFacts, classes: frozenset[str]) -> bool:
    """Whether both count people of one of ``classes``, other than as a share (percent, fraction)."""
    def counts(claim: ClaimFacts) -> set[str]:
        return {f["counted"] for f in claim.figures if f.get("counted") in classes and f.get("people") and f.get("unit") not in SHARES}
    return bool(counts(a) & counts(b))


def _counts_people(claim: ClaimFacts) -> bool:
    return any(f.get("people") for f in claim.figures)


def _bases(claim: ClaimFacts) -> set[str]:
    """What a claim's figures count, rates ("passengers/year") and totals alike."""
    return {c.split("/")[0] for c in claim.counted_classes()}


def _same_figure(a: ClaimFacts, b: ClaimFacts, classes: set[str]) -> bool:
    """Whether both state one large figure for one kind of thing ("4000 mercenaries", "the 4,000 … mercenaries");
    small ones (two dead, three patients) recur by chance, and one a thing needs ("the 1,237
    delegates needed to clinch") is a standing rule, not a finding."""
    values = {(f["counted"], f["value"]) for f in a.figures if f.get("counted") in classes and (f.get("value") or 0) >= BIG_FIGURE and not f.get("required")}
    return any((f["counted"], f["value"]) in values for f in b.figures if not f.get("required"))


def _close_figures(a: ClaimFacts, b: ClaimFacts, classes: set[str] | frozenset[str], people: bool = False) -> bool:
    """Whether both give close figures (within a quarter) for one kind of thing that is not people
    in general: "more than 80 firefighters" and "some 90 firefighters" fought one fire. Not
    shares: two polls' 46 and 47.1 percent are close by nature, not by being one figure. With
    ``people``, counts of people instead, of any size ("Four people died", "four were killed")."""
    def values(claim: ClaimFacts) -> list[tuple[str, float]]:
        return [
            (f["counted"], f["value"]) for f in claim.figures
            if f.get("counted") in classes and bool(f.get("people")) == people and f.get("unit") not in SHARES
            and (f.get("value") or 0) >= (1 if people else CLOSE_FROM) and not f.get("required")
        ]
    return any(c == d and max(v, w) <= CLOSE * min(v, w) for c, v in values(a) for d, w in values(b))


def _same_predicate(a: ClaimFacts, b: ClaimFacts, classes: set[str]) -> bool:
    """Whether two claims say something in common of what they both count: one verb ("destroyed"
    in "300 homes destroyed" and "homes were destroyed") when the parse gave each figure its
    verb, else two common words beyond the figures' own words and counted nouns (not "metres" in
    "600 metres downstream"; not "state" alone in "72 percent of voters in the state" and "12,000
    voters were purged from the state's rolls")."""
    a_verbs = [f.get("predicate") for f in a.figures if f.get("counted") in classes]
    b_verbs = [f.get("predicate") for f in b.figures if f.get("counted") in classes]
    if None not in a_verbs and None not in b_verbs:
        return bool({w for v in a_verbs for w in v.split()} & {w for v in b_verbs for w in v.split()})
    counted = {stem(w) for f in a.figures + b.figures for w in f"{f.get('text') or ''} {f.get('counted_text') or ''}".split()}
    return len((common_terms(a.content) & common_terms(b.content)) - counted) >= 2


def best_match(claim: ClaimFacts, candidates: dict[str, list[ClaimFacts]], budget: int = COMPARISONS) -> str | None:
    """The proposition closest to ``claim``, if close enough to join.

    ``candidates`` come most promising first (most blocking keys shared); once ``budget``
    members have been compared, the rest are left out, so that a claim costs the same in a
    store of a million claims as in one of a thousand.
    """
    scored = []
    withdrawing = claim.speech_act in WITHDRAWALS
    for proposition, members in candidates.items():
        if not members:
            continue
        if budget <= 0:
            break
        budget -= len(members)
        scores = [similarity(claim, m) for m in members]
        score = (max(scores) + sum(scores) / len(scores)) / 2  # half single-, half average-link: no chaining
        # A retraction names what it withdraws in few words, but names it: two words in common at least.
        named = withdrawing and max(len(claim.terms & m.terms) for m in members) >= 2
        if score >= (WITHDRAWING if named else THRESHOLD):
            scored.append((-score, proposition))
    return min(scored)[1] if scored else None
