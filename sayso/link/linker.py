"""Link one stored article into everything linked before it, in one transaction.

Order of work: near-copy group (MinHash bands), entities (aliases across articles), then each
claim — every attribution that asserts something and every unattributed assertion that is
news — joins its best-matching proposition or founds a new one. Only the propositions the
article touched are judged again.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..analyze.lexicon import FIRST_PERSON, PRONOUNS, RELATIVE_PRONOUNS
from ..analyze.number_values import MEASURE_UNITS
from ..model import Analysis, Assertion, Attribution, Span, digest, part_id
from ..store.link_state import PROPOSITIONS_PER_READ, LinkState
from . import names
from .aliases import AliasBook
from .copies import COPY_THRESHOLD, bands, signature, similarity
from .facts import ClaimFacts, compared_from, from_row, member_columns, member_row
from .grouping import COMPARISONS, best_match, blocking_keys
from .independence import SourceGroups
from .summaries import Joined, Summary, join, summarise
from .verdicts import judge
from .word_rarity import name_rarity
from .words import PEOPLE_COUNTS, VERB_CLASSES, counted_class, moments, ordered_terms, terms, verb_classes

_NO_CLAIM = {"no_comment"}
_SPEAKER_TYPES = {"person", "organisation", "government", "outlet"}
_PRONOUNS = PRONOUNS | RELATIVE_PRONOUNS | FIRST_PERSON
SAID_OF = 5  # words kept of what a figure's clause says of it
CORRECTION_REACH = 600  # characters back from an apology to the claim it follows
_SHARE_OF = re.compile(r"\s+(?:out\s+)?of\s", re.I)
# A figure something needs ("the 1,237 delegates needed to clinch the nomination", "71 delegates
# short of"): a rule's threshold, or what is still missing, restated in every story of the race
# whatever it says of it — no count of what there is. ("A candidate needs 2,383 delegates to win"
# states the rule itself, as "It takes 2,383 delegates" does.)
_REQUIRED = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:needed|required|necessary|short\s+of)\b", re.I)
# A figure added to one before ("an additional 328 emails", "another 500 troops", "40 more
# homes"): an increment, which neither confirms nor contradicts a total.
_ADDING = re.compile(r"\b(?:additional|another|further|extra)\s+$", re.I)
_MORE = re.compile(r"\s+more\b(?!\s+than)", re.I)


@dataclass
class ArticleLinks:
    """What linking one article did."""

    article: str
    copy_of: str
    claims: int = 0
    touched: set[str] = field(default_factory=set)
    founded: set[str] = field(default_factory=set)


class _Entities:
    """The article's entity mentions, resolved to linked entities."""

    def __init__(self, book: AliasBook, analysis: Analysis) -> None:
        article = analysis.article
        self.book = book
        self.article = article.id
        self.published = article.published
        self.mentions: list[tuple[int, int, int]] = []
        self.by_name: dict[str, int] = {}
        titles = dict(_titled_speakers(analysis))
        for entity in analysis.entities:
            title = titles.get(names.key(entity.name), "") if entity.type == "person" else ""
            found = book.resolve(entity.name, entity.type, entity.forms, self.published, title)
            self.by_name[names.key(entity.name)] = found.entity
            for form in entity.forms:
                self.by_name.setdefault(names.key(form), found.entity)
            book.state.count_mentions(found.entity, article.id, len(entity.mentions))
            self.mentions += [(m.start, m.end, found.entity) for m in entity.mentions]
        # "Erland Moss, chief executive of Tessholm Sound Ferries": his claims and the company's are one voice.
        self.speaks_for = {
            self.by_name[names.key(e.name)]: body
            for e in analysis.entities
            if e.speaks_for and (body := self.by_name.get(names.key(e.speaks_for))) is not None
        }

    def unnamed(self, span: Span) -> str:
        """The span's text with the names in it blanked: its words say what is said of them, and
        the entities say who they are ("Donald Trump" and "Trump's comments" share no word)."""
        text = list(span.text)
        for start, end, _ in self.mentions:
            if span.start <= start and end <= span.end:
                text[start - span.start : end - span.start] = " " * (end - start)
        return "".join(text)

    def names_rarity(self, span: Span) -> dict[int, float]:
        """How rare each entity named in the span is, by the rarest name the span calls it."""
        found: dict[int, float] = {}
        for start, end, entity in self.mentions:
            if span.start <= start and end <= span.end:
                found[entity] = max(found.get(entity, 0.0), name_rarity(span.text[start - span.start : end - span.start]))
        return found

    def inside(self, span: Span) -> set[int]:
        return {entity for start, end, entity in self.mentions if span.start <= start and end <= span.end}

    def named(self, name: str, type_: str, title: str = "") -> int:
        """A name from a speaker or chain: the article's entity for it, else a linked one."""
        known = self.by_name.get(names.key(name))
        if known is not None:
            return self.book.state.canonical(known)
        return self.book.resolve(name, type_, [], self.published, title).entity


def _titled_speakers(analysis: Analysis) -> list[tuple[str, str]]:
    """(name key, title) for speakers the article introduces with a role: "Mayor Varga said"."""
    found = []
    for attribution in analysis.attributions:
        speaker = attribution.speaker
        if speaker is not None:
            title, bare = names.split_title(names.LEADING.sub("", speaker.text))
            if title:
                found.append((names.key(speaker.name or bare), title))
    return found


def _figures(quantities: list[Any], content: Span) -> list[dict[str, Any]]:
    found = []
    for i, q in enumerate(quantities):
        item = {"text": q.text, "value": q.value, "low": q.low, "high": q.high, "approximate": q.approximate, "unit": q.unit}
        item["counted_text"] = q.counted
        money = f"unit:{q.unit}" + (f"/{q.per}" if q.per else "") if q.unit else None
        item["predicate"] = q.predicate and verb_classes(q.predicate)
        counted = counted_class(q.counted)
        item["people"] = counted in PEOPLE_COUNTS  # a count of people, whatever was done to them
        if counted in PEOPLE_COUNTS and item["predicate"] and item["predicate"].split()[0] in VERB_CLASSES:
            counted = item["predicate"].split()[0]  # "four people were killed" counts casualties, as "the four dead" does
        elif counted in PEOPLE_COUNTS:
            counted = "people"  # "35 patients" or "more than 30 people" taken to hospital
        if q.unit in MEASURE_UNITS:
            counted = None  # "within 500 metres of the warehouse", "of the site": one distance
        item["counted"] = f"{counted}/{q.per}" if counted and q.per else counted or money  # a rate is not a count
        item["about"] = item["predicate"].split() if item["predicate"] else _clause_words(quantities, i, content)
        before, after = content.text[max(0, q.start - content.start - 40) : q.start - content.start], content.text[q.end - content.start :]
        item["required"] = bool(_REQUIRED.match(after))
        item["added"] = bool(_ADDING.search(before) or _MORE.match(after))
        found.append(item)
    return found


def _clause_words(quantities: list[Any], i: int, content: Span) -> list[str]:
    """What the clause of the ``i``-th figure says of it when the parse gave no verb: the words
    after it up to the next figure, else those before it back to the last;
    the figure's own words and what it counts left out. Tells two figures of one claim apart."""
    q = quantities[i]
    before = quantities[i - 1].end if i else content.start
    if i and _SHARE_OF.match(content.text[before - content.start : q.start - content.start]):
        return []  # the whole of a share: "four of its twelve rafts failed" says nothing of the twelve
    after = quantities[i + 1].start if i + 1 < len(quantities) else content.end
    own = set(ordered_terms(f"{q.text} {q.counted or ''}"))
    following = [t for t in ordered_terms(content.text[q.end - content.start : after - content.start]) if t not in own]
    if following:
        return following[:SAID_OF]
    preceding = [t for t in ordered_terms(content.text[max(before, content.start) - content.start : q.start - content.start]) if t not in own]
    return preceding[-SAID_OF:]


def _origin(attribution: Attribution, entities: _Entities, fallback: str) -> tuple[str, str, int | None]:
    """(speaker as shown, origin as shown, origin entity) of an attribution."""
    speaker = attribution.speaker
    if speaker is None:
        return fallback, f"an unnamed source ({fallback})", None
    if speaker.name and speaker.type in _SPEAKER_TYPES:
        title = names.split_title(names.LEADING.sub("", speaker.text))[0]
        # "Mayor Ines Varga" is a person whatever NER said, and "Mayor Varga" is the Varga who is mayor.
        entity = entities.named(speaker.name, "person" if title else speaker.type, title)
        entities.book.note_role(entity, speaker.text, speaker.name, entities.published)
        entities.book.state.count_mentions(entity, entities.article, 0)  # NER may have missed the name
        shown = entities.book.state.entity(entity)
        return speaker.name, shown.name if shown else speaker.name, entity
    if speaker.type in ("person", "unknown"):
        found = entities.book.by_role(speaker.text, entities.published)
        if found is not None:
            return found.name, found.name, found.entity
    if speaker.text.lower() in _PRONOUNS:
        # "They (Harbor Gazette)" reads as a name; the reader should see that no one was found.
        return speaker.text, f"“{speaker.text}”, unresolved ({fallback})", None
    return speaker.text, f"{speaker.text} ({fallback})", None


def claim_facts(analysis: Analysis, entities: _Entities, copy_of: str, outlet_entity: int | None) -> list[ClaimFacts]:
    """Every claim of the article that linking groups, as facts."""
    article = analysis.article
    where = article.outlet or (f"article by {article.byline}" if article.byline else f"article {article.id[:8]}")
    common = dict(
        article=article.id, published=article.published, outlet=article.outlet, outlet_entity=outlet_entity,
        agency=article.agency, title=article.title, copy_of=copy_of,
    )
    found = []
    rest_of = _interrupted_clauses(analysis.attributions)
    carried_on = {rest.id for rest in rest_of.values()}
    for a in analysis.attributions:
        if a.speech_act in _NO_CLAIM or a.id in carried_on:
            continue
        speaker, origin, origin_entity = _origin(a, entities, where)
        voice = entities.speaks_for.get(origin_entity) if origin_entity is not None else None
        via = [v.name for v in a.via]
        source = dict(
            speaker=speaker, origin=origin, origin_entity=origin_entity, speaks_for_entity=voice, via=via,
            via_entities=[entities.named(v, "organisation") for v in via], speech_act=a.speech_act,
        )
        if a.id in rest_of:
            stated = _whole_clause(a, rest_of[a.id], article.text, entities)
            found.append(ClaimFacts(claim=a.id, **source, **stated, **common))  # type: ignore[arg-type]
            continue
        for part, piece in _pieces(a.content, a.parts):
            found.append(ClaimFacts(claim=part_id(a.id, part), **source, **_stated(a, piece, part, entities), **common))  # type: ignore[arg-type]
    for u in analysis.unattributed:
        if u.background:
            continue
        author = u.origin or where
        for part, piece in _pieces(u.content, u.parts):
            found.append(ClaimFacts(
                claim=part_id(u.id, part), speaker=author, origin=article.outlet or author, origin_entity=outlet_entity,
                via=[], via_entities=[], speech_act="assert", **_stated(u, piece, part, entities), **common,  # type: ignore[arg-type]
            ))
    return found


def _interrupted_clauses(attributions: list[Attribution]) -> dict[str, Attribution]:
    """The second part of each clause a parenthetical cue splits in two ("The company, she said,
    had offered nothing new"), by the first part's id: neither part is a claim alone."""
    by_id = {a.id: a for a in attributions}
    found = {}
    for rest in attributions:
        first = by_id.get(rest.continues or "")
        if (
            first is not None and first.kind == rest.kind == "indirect" and not first.parts and not rest.parts
            and first.cue is not None and rest.cue is not None and first.cue.start == rest.cue.start
            and first.content.end <= first.cue.start and rest.content.start >= rest.cue.end
        ):
            found[first.id] = rest
    return found


def _whole_clause(first: Attribution, rest: Attribution, text: str, entities: _Entities) -> dict[str, Any]:
    """One claim of a clause split by its cue: shown whole, cue and all, as the article prints it;
    compared by the words, figures and names of its two parts only."""
    head, tail = _stated(first, first.content, None, entities), _stated(rest, rest.content, None, entities)
    return {
        "position": first.content.start, "content": text[first.content.start : rest.content.end],
        "figures": head["figures"] + tail["figures"], "terms": head["terms"] | tail["terms"],
        "entities": head["entities"] | tail["entities"], "part": None,
        "name_rarity": {**head["name_rarity"], **tail["name_rarity"]},
    }


def _pieces(content: Span, parts: list[Span]) -> list[tuple[int | None, Span]]:
    """What a content states, claim by claim: each of its parts, numbered from 1, else all of it."""
    return list(enumerate(parts, start=1)) if parts else [(None, content)]


def _stated(said: Attribution | Assertion, piece: Span, part: int | None, entities: _Entities) -> dict[str, Any]:
    """What a claim (``piece`` of what ``said`` holds) says, as linking compares it: its words,
    figures, times of day and entities, from those of ``said`` that lie inside it."""
    quantities = [q for q in said.quantities if piece.start <= q.start < piece.end]
    times = [t for t in said.times if piece.start <= t.start < piece.end]
    return {
        "position": piece.start, "content": piece.text, "figures": _figures(quantities, piece),
        "terms": terms(entities.unnamed(piece)) | moments(times), "entities": entities.inside(piece), "part": part,
        "name_rarity": entities.names_rarity(piece),
    }


def _copy_group(state: LinkState, article_id: str, sig: list[int], keys: list[str]) -> str:
    best, best_score = article_id, 0.0
    for other in state.sharing_bands(keys):
        score = similarity(sig, other.signature)
        if score >= COPY_THRESHOLD and score > best_score:
            best, best_score = other.copy_of, score
    return best


def _canonical(state: LinkState, claim: ClaimFacts) -> ClaimFacts:
    """Entity ids as they are now: entities merged since the claim was linked are followed."""
    ids = state.canonical
    claim.origin_entity = ids(claim.origin_entity) if claim.origin_entity is not None else None
    claim.speaks_for_entity = ids(claim.speaks_for_entity) if claim.speaks_for_entity is not None else None
    claim.outlet_entity = ids(claim.outlet_entity) if claim.outlet_entity is not None else None
    claim.via_entities = [ids(e) for e in claim.via_entities]
    claim.entities = {ids(e) for e in claim.entities}
    return claim


class ReadMembers:
    """The stored members read for one article, kept for the next articles of a run.

    Each new claim is compared with the latest ``MEMBERS_COMPARED`` members of up to
    ``CANDIDATES_PER_CLAIM`` propositions, and consecutive articles, mostly on the same stories,
    meet the same propositions again: reading them once saves most of linking's reads; they are
    read again once their proposition was saved. Judging a proposition needs all its members,
    hundreds in a long story: those judged last are kept too, as judged, with their rows as
    saved, and read again only when someone else saved the proposition since (another process,
    or a transaction that did not commit: its ``updated_at`` tells). Entity ids are made current
    at each use, so merges need no forgetting. Only the ``size`` most recently used propositions
    are kept (``judged_size`` of them whole).
    """

    def __init__(self, size: int = 4000, judged_size: int = 1000) -> None:
        self.size = size
        self.judged_size = judged_size
        self._facts: OrderedDict[str, tuple[object, list[ClaimFacts]]] = OrderedDict()
        self._state: LinkState | None = None  # the transaction ``_ready`` was made current for
        self._ready: dict[str, list[ClaimFacts]] = {}
        self._judged: OrderedDict[str, tuple[object, list[ClaimFacts], dict[str, dict[str, Any]], SourceGroups | None]] = OrderedDict()
        self._summaries: OrderedDict[str, tuple[object, Summary]] = OrderedDict()

    def members(self, state: LinkState, versions: list[tuple[str, object]]) -> dict[str, list[ClaimFacts]]:
        """Each proposition's latest members (those that have any), entity ids as they are now, in
        the order of ``versions``."""
        if state is not self._state:
            self._state, self._ready = state, {}
        unread = {p: version for p, version in versions if p not in self._facts or self._facts[p][0] != version}
        if unread:
            rows = state.compared_members(list(unread))
            for proposition, version in unread.items():
                self._facts[proposition] = (version, [compared_from(member) for member in rows.get(proposition, [])])
                self._ready.pop(proposition, None)
        merges = state.has_merges()
        for proposition in [p for p, _ in versions if p not in self._ready]:
            facts = self._facts[proposition][1]
            self._ready[proposition] = [_current(state, c) for c in facts] if merges else facts
        found = {}
        for proposition, _ in versions:  # as given: the most promising first
            self._facts.move_to_end(proposition)
            if self._ready[proposition]:
                found[proposition] = list(self._ready[proposition])  # the caller adds this article's claims to it
        while len(self._facts) > self.size:
            self._ready.pop(self._facts.popitem(last=False)[0], None)
        return found

    def all_members(self, state: LinkState, propositions: list[str]) -> tuple[dict[str, list[ClaimFacts]], dict[str, dict[str, dict[str, Any]]], dict[str, SourceGroups]]:
        """Every member of each proposition as last judged, entity ids as they are now, the rows
        as saved (by claim), as ``_stored`` reads them, and the source groups judging found
        (unless entities were merged: grouping then compares ids that have changed)."""
        versions = state.versions(propositions)
        unread = [p for p in propositions if p not in self._judged or self._judged[p][0] != versions.get(p)]
        facts, rows = _stored(state, unread)
        for proposition in unread:
            self._judged[proposition] = (versions.get(proposition), facts.get(proposition, []), rows.get(proposition, {}), None)
        merges = state.has_merges()
        found, saved, groups = {}, {}, {}
        for proposition in propositions:
            self._judged.move_to_end(proposition)
            _, members, its_rows, grouped = self._judged[proposition]
            if members:
                found[proposition] = [_canonical(state, c) for c in members] if merges else list(members)
                saved[proposition] = its_rows
            if grouped is not None and not merges:
                groups[proposition] = grouped
        return found, saved, groups

    def summaries(self, state: LinkState, propositions: list[str]) -> dict[str, Summary]:
        """The summary each proposition was last judged with (those that have one), read again
        only when someone else saved the proposition since."""
        versions = state.versions(propositions)
        unread = [p for p in propositions if p not in self._summaries or self._summaries[p][0] != versions.get(p)]
        found = state.summaries(unread)
        for proposition in unread:
            self._summaries.pop(proposition, None)
            if proposition in found:
                self._summaries[proposition] = (versions.get(proposition), found[proposition])
        kept = {}
        for proposition in propositions:
            if proposition in self._summaries:
                self._summaries.move_to_end(proposition)
                kept[proposition] = self._summaries[proposition][1]
        return kept

    def judged(
        self,
        state: LinkState,
        propositions: list[tuple[str, list[ClaimFacts]]],
        saved: dict[str, tuple[list[dict[str, Any]], SourceGroups]],
        summaries: dict[str, Summary],
    ) -> None:
        """Keep what was just judged whole and saved (``saved``: each proposition's member rows
        and source groups) and the summaries saved, with the version saving gave them."""
        versions = state.versions([*summaries, *(p for p, _ in propositions)])
        for proposition, claims in propositions:
            rows, groups = saved[proposition]
            self._judged[proposition] = (versions.get(proposition), claims, {row["claim_id"]: row for row in rows}, groups)
            self._judged.move_to_end(proposition)
        for proposition, summary in summaries.items():
            self._summaries[proposition] = (versions.get(proposition), summary)
            self._summaries.move_to_end(proposition)
        for kept in (self._judged, self._summaries):
            while len(kept) > self.judged_size:
                kept.popitem(last=False)

    def forget(self, propositions: Iterable[str]) -> None:
        """Read these propositions' members again when next needed."""
        for proposition in propositions:
            self._facts.pop(proposition, None)
            self._ready.pop(proposition, None)


def _current(state: LinkState, claim: ClaimFacts) -> ClaimFacts:
    """The claim with entity ids as they are now: itself, unless an entity was merged since it was read."""
    ids = state.canonical
    if all(ids(e) == e for e in claim.entities):
        return claim
    return replace(claim, entities={ids(e) for e in claim.entities})


def link_article(
    state: LinkState, analysis: Analysis, book: AliasBook | None = None, read: ReadMembers | None = None
) -> ArticleLinks:
    """Link one article's claims; a second call for the same article changes nothing.

    ``read`` carries the members read for one article over to the next of a run.
    """
    article = analysis.article
    if state.is_linked(article.id):
        return ArticleLinks(article.id, article.id)
    book = book or AliasBook(state)
    sig = signature(article.text)
    band_keys = bands(sig)
    copy_of = _copy_group(state, article.id, sig, band_keys)
    state.add_linked_article(article.id, copy_of, sig, band_keys)
    entities = _Entities(book, analysis)
    outlet_entity = entities.named(article.outlet, "outlet") if article.outlet else None
    result = ArticleLinks(article.id, copy_of)
    read = read if read is not None else ReadMembers()
    added: dict[str, list[ClaimFacts]] = {}
    keys: dict[str, list[str]] = {}
    claims = claim_facts(analysis, entities, copy_of, outlet_entity)
    linked_before = state.existing_members([c.claim for c in claims])
    placed: list[tuple[int, str]] = []  # (where a claim's content starts, its proposition) in this article
    for claim in claims:
        if claim.claim in linked_before:
            continue
        claim_keys = blocking_keys(claim)
        proposition = best_match(claim, _candidates(state, read, claim_keys, added))
        if proposition is None and claim.speech_act == "retract":
            proposition = _corrected(claim, placed)
        if proposition is None:
            proposition = "p" + digest(claim.claim, "proposition")
            result.founded.add(proposition)
        added.setdefault(proposition, []).append(claim)
        keys.setdefault(proposition, []).extend(claim_keys)
        placed.append((claim.position, proposition))
        result.claims += 1
    grown = [p for p in added if p not in result.founded]
    merges = state.merge_count()
    joined = {}
    for proposition, summary in read.summaries(state, grown).items():
        outcome = join(summary, added[proposition], merges)
        if outcome is not None:
            joined[proposition] = (outcome, added[proposition])
    stored, before, groups = read.all_members(state, [p for p in grown if p not in joined])
    judged = []
    for proposition, new in added.items():
        if proposition not in joined:
            known = {c.claim for c in new}
            judged.append((proposition, [c for c in stored.get(proposition, []) if c.claim not in known] + new))
    read.judged(state, judged, *_judge_and_save(state, judged, before, groups, joined))
    read.forget(added)
    state.add_keys_of({proposition: keys[proposition] for proposition in added})
    result.touched = set(added)
    return result


def _corrected(claim: ClaimFacts, placed: list[tuple[int, str]]) -> str | None:
    """What a retraction that names nothing withdraws ("We were wrong on Monday, and I apologise",
    after "The coastguard said on Wednesday that about 2,000 litres had leaked"): the matter of
    the claim just before it in the article, within ``CORRECTION_REACH`` characters."""
    before = [(position, proposition) for position, proposition in placed if claim.position - CORRECTION_REACH <= position < claim.position]
    return max(before)[1] if before else None


def _candidates(state: LinkState, read: ReadMembers, keys: list[str], added: dict[str, list[ClaimFacts]]) -> dict[str, list[ClaimFacts]]:
    """The propositions a claim is compared with, with their latest members: this article's own
    first (its claims are the likeliest to be about one thing), then those sharing the most keys,
    read a statement's worth at a time only until ``best_match`` would stop comparing
    (``COMPARISONS`` members in all): in a large store most of a claim's 40 candidates lie past it."""
    versions = state.candidate_versions(keys)  # nothing is saved until the end of the article
    found = read.members(state, [v for v in versions if v[0] in added])
    candidates = {p: found.pop(p, []) + new for p, new in added.items()}
    budget = COMPARISONS - sum(map(len, candidates.values()))
    rest = [v for v in versions if v[0] not in added]
    while rest and budget > 0:
        step, rest = rest[:PROPOSITIONS_PER_READ], rest[PROPOSITIONS_PER_READ:]
        for proposition, members in read.members(state, step).items():
            candidates[proposition] = members
            budget -= len(members)
    return candidates


def rejudge(state: LinkState, propositions: list[str], read: ReadMembers | None = None) -> None:
    """Judge propositions again after their entities changed (a merge or split of aliases)."""
    stored, before = _stored(state, propositions)
    judged = list(stored.items())
    saved = _judge_and_save(state, judged, before)
    if read is not None:
        read.judged(state, judged, *saved)
        read.forget(propositions)


def _stored(state: LinkState, propositions: list[str]) -> tuple[dict[str, list[ClaimFacts]], dict[str, dict[str, dict[str, Any]]]]:
    """All members of each proposition, as facts to judge and as the rows now stored (by claim),
    so that saving writes only what judging changed."""
    found = state.members(propositions, limit=None)
    facts = {proposition: [_canonical(state, from_row(row, copy_of)) for row, copy_of in rows] for proposition, rows in found.items()}
    rows = {proposition: {row.claim_id: member_columns(row) for row, _ in its} for proposition, its in found.items()}
    return facts, rows


def _judge_and_save(
    state: LinkState,
    propositions: list[tuple[str, list[ClaimFacts]]],
    before: dict[str, dict[str, dict[str, Any]]],
    groups: dict[str, SourceGroups] | None = None,
    joined: dict[str, tuple[Joined, list[ClaimFacts]]] | None = None,
) -> tuple[dict[str, tuple[list[dict[str, Any]], SourceGroups]], dict[str, Summary]]:
    """Judge each (proposition, its claims), building on its source ``groups`` as last judged
    where known, and write them all back in a few statements, with those ``joined`` (judged from
    their summaries: only their new claims are written, and what changed of the old ones: group
    numbers, and stances after a new anchor);
    the member rows written and the source groups found, and every summary saved."""
    merges = state.merge_count()
    saved, found, summaries = [], {}, {}
    before = dict(before)
    for proposition, claims in propositions:
        verdict = judge(claims, (groups or {}).get(proposition))
        rows = [member_row(c) for c in claims]
        saved.append((proposition, verdict.label, verdict.verdict, verdict.explanation, verdict.counted, rows))
        found[proposition] = (rows, verdict.groups)
        summaries[proposition] = summarise(claims, verdict, merges)
    for proposition, (outcome, new) in (joined or {}).items():
        state.renumber(proposition, outcome.renumbered)
        state.restance(outcome.stances)
        saved.append((proposition, outcome.label, outcome.verdict, outcome.explanation, outcome.counted, [member_row(c) for c in new]))
        before[proposition] = {}  # the old members stay as stored
        summaries[proposition] = outcome.summary
    state.save_all(saved, before, summaries)
    return found, summaries
