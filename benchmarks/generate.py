"""Invented inputs for the benchmarks: news stories as analyses, their texts, HTML pages and WARCs.

Everything is made from templates and a seeded random generator, so the same arguments give
the same output in every run and process. No text comes from real news: the towns, people,
organisations, outlets and events are invented (names are built from syllables).

The stream of stories is what linking sees in a newsroom: new stories keep starting, each
runs for a while in several outlets (some of them wire copies of one another), and a few
national figures and agencies turn up across many stories. Stories start at a steady rate,
so the first N articles of a stream are the same whatever length is asked for, and a store
of 100k claims holds a hundred times the stories of one of 1k, not bigger stories.

    analyses(claims=1000)          Analysis objects, built directly (no spaCy), ~10 claims each
    article_texts(50)              (title, published, outlet, byline, body) of the same stories
    html_page(article)             a full web page around one article: menus, teasers, scripts
    write_warc(path, pages=500)    a gzipped WARC of such pages, streamed to disk
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path

from sayso.model import Analysis, Article, Assertion, Attribution, Entity, Quantity, Span, Speaker, Via

# ---------------------------------------------------------------------------------------------
# Names

_ONSETS = ["b", "br", "c", "cr", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v", "w", "z", "th", "sh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "nd", "rt"]
_TOWN_ENDINGS = ["by", "ton", "mark", "vik", "ford", "holm", "stead", "wick", "dale", "port"]
_GIVEN = [
    "Ines", "Tomas", "Oren", "Jana", "Mira", "Lukas", "Asha", "Pavel", "Edda", "Rafael", "Noor", "Kai", "Selma",
    "Bruno", "Ilse", "Dario", "Yara", "Felix", "Hana", "Marek", "Leila", "Arno", "Vera", "Samir", "Greta", "Omar",
    "Lena", "Viktor", "Alma", "Teo", "Rosa", "Emil", "Dana", "Jonas", "Nadia", "Igor", "Freya", "Malik", "Sofia",
    "Anton", "Zora", "Henrik", "Ada", "Luca", "Maren", "Cyrus", "Elin", "Boris", "Talia", "Ruben",
]
_SURNAME_ENDINGS = ["", "", "a", "er", "sen", "ova", "ic", "ez", "ani", "berg", "ski", "ard"]
_ROLES = ["Mayor", "Police Chief", "Fire Chief", "Health Minister", "Council Leader", "Union Leader", "Judge", "Governor", "Spokeswoman", "Spokesman"]
_ORG_KINDS = [
    "Water Authority", "Health Office", "Rail Workers Union", "Fire Service", "District Council", "Chamber of Commerce",
    "Police Department", "Environment Agency", "Hospital Trust", "Port Authority", "Teachers Association", "Farmers League",
]
_OUTLET_KINDS = ["Gazette", "Courier", "Herald", "Chronicle", "Post", "Observer", "Tribune", "Daily", "Express", "Record"]
_AGENCIES = ["NWR", "CPA", "Meridian Press", "Baltic Wire", "Continental News"]
_NATIONAL = [("President Alvar Stenmark", "Alvar Stenmark", "person"), ("Prime Minister Hedda Lonnvik", "Hedda Lonnvik", "person"),
             ("the Interior Ministry", "Interior Ministry", "government"), ("the National Weather Office", "National Weather Office", "organisation")]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_CUES = ["said", "told reporters", "stated", "announced", "confirmed", "warned", "claimed", "insisted"]
_DETAIL_WORDS = [
    "bridge", "road", "school", "market", "harbour", "station", "depot", "clinic", "mill", "tower", "square", "quay",
    "tunnel", "reservoir", "warehouse", "plant", "terminal", "barracks", "stadium", "library", "orchard", "canal",
]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)).capitalize()


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


# ---------------------------------------------------------------------------------------------
# Stories: the facts reporters repeat, each with a place for a figure and a speaker


@dataclass(frozen=True)
class Frame:
    """A kind of event and the facts reported about it.

    Slots: {n} a figure of what the story counts, {town}, {org}, {detail} (a landmark);
    "[a|b|c]" is worded one way per story, as reporters of one story echo each other while
    reporters of another story of the same kind pick their own words.
    """

    event: str
    counted: tuple[str, ...]  # what stories of this kind count; one per story
    facts: tuple[str, ...]


FRAMES = (
    Frame("flood", ("homes", "houses", "farms", "roads", "bridges", "shops"), (
        "{n} {counted} in {town} were [destroyed|wrecked|flooded|swept away|cut off|left under water] by the [flood|river|storm surge]",
        "the [dam|levee|dyke|embankment] above {town} [failed|gave way|burst|collapsed] after [a week|ten days|a month] of [heavy rain|storms|downpours]",
        "the river would [crest|peak|reach its highest level] near the {detail} on {weekday}",
        "water from the {detail} was [safe to drink|unsafe to drink|contaminated|tested every hour] [again|for now|since the weekend]",
        "the {org} had warned [for years|last spring|repeatedly] that the {detail} was [too low|unsafe|poorly maintained]",
        "repairs to the {detail} in {town} would [take until the autumn|cost millions|start next month]",
    )),
    Frame("strike", ("workers", "drivers", "staff", "nurses", "teachers", "dockers"), (
        "{n} {counted} [walked out|went on strike|stopped work|joined the picket] at the {detail} over [unpaid overtime|pensions|safety rules|night shifts]",
        "talks between the union and the {org} [broke down|collapsed|stalled|ended without agreement] late on {weekday}",
        "[trains|buses|ferries] between {town} and the [coast|capital|airport] would run [at half the usual frequency|only at peak hours|not at all]",
        "the stoppage at the {detail} was costing the {org} [millions|a fortune|thousands] every [day|week]",
        "members in {town} voted to [extend|escalate|suspend] the stoppage [into next week|until the talks resume|for another month]",
        "the {org} had offered a [pay rise|bonus|new contract] that staff at the {detail} [rejected|called an insult|accepted]",
    )),
    Frame("leak", ("people", "residents", "pupils", "children", "patients", "employees"), (
        "{n} {counted} were [treated in hospital|taken ill|examined by doctors|evacuated] after the [ammonia|chlorine|gas|acid] leak at the {detail}",
        "the [valve|pipe|tank|seal] that failed at the {detail} had not been [inspected|replaced|tested] since [spring|last year|it was installed]",
        "residents near the {detail} in {town} were told to [keep their windows closed|stay indoors|leave their homes]",
        "the {org} measured [safe|elevated|normal] levels of [ammonia|chlorine|gas] in {town} by [evening|nightfall|the next morning]",
        "the {detail} would stay [shut|closed|under guard] until engineers [replaced the cracked pipe|finished their checks|were satisfied]",
        "a [faulty sensor|broken alarm|software error] at the {detail} delayed the [alarm|warning|evacuation] by almost an hour",
    )),
    Frame("fire", ("buildings", "homes", "cars", "warehouses", "hectares", "flats"), (
        "{n} {counted} near the {detail} [burned|were destroyed|were gutted|went up in flames] overnight in {town}",
        "[firefighters|crews|volunteers] contained the [blaze|fire|flames] at the {detail} [shortly before dawn|by midday|after nine hours]",
        "[strong winds|gusts|dry weather] carried [embers|the flames|sparks] across the {detail} in {town}",
        "the {org} suspected that the fire at the {detail} was [started deliberately|caused by faulty wiring|an accident]",
        "families from {town} who lost their homes would be housed [in the sports hall|in hotels|with relatives] near the {detail}",
        "the [historic|old|listed] {detail} in {town} escaped with [smoke damage only|minor damage|a scorched roof]",
    )),
    Frame("hospital", ("patients", "babies", "beds", "operations", "residents", "staff"), (
        "{n} {counted} had been [moved out of|evacuated from|transferred from] the {detail} before the [power cut|flood|fire alarm]",
        "the [backup generator|emergency lighting|oxygen supply] at the {detail} failed within [minutes|the hour|seconds]",
        "[nurses|doctors|volunteers] at the {detail} in {town} worked through the [night|weekend|holiday] to keep the ward running",
        "the {org} would review [emergency planning|staffing|safety checks] at [every clinic|the {detail}|all hospitals] in {town}",
        "no patient at the {detail} came to [harm|any harm|serious harm] during the [evacuation|power cut|move]",
        "waiting lists at the {detail} in {town} would grow by [several weeks|a month|two months]",
    )),
    Frame("conflict", ("fighters", "soldiers", "civilians", "refugees", "mercenaries", "prisoners"), (
        "{n} {counted} had [crossed the border|entered the town|been seen|gathered] near {town} during the [night|weekend|ceasefire]",
        "the {counted} near {town} were [paid by a foreign sponsor|recruited abroad|promised land] to join the [offensive|attack|campaign]",
        "[shelling|drone strikes|mortar fire] damaged the {detail} and cut the [main supply road|water supply|power line] to {town}",
        "the {org} [documented|reported|counted] attacks on [civilian shelters|schools|hospitals] near the {detail}",
        "a [ceasefire|truce|pause in fighting] agreed for {town} on {weekday} [collapsed within hours|held overnight|was broken at dawn]",
        "[aid convoys|ambulances|food lorries] could not reach the {detail} in {town} because of [heavy fighting|mines|checkpoints]",
    )),
)

GENERIC = (
    "the {org} had opened an [inquiry|investigation|review] into the events in {town}",
    "more [help|money|staff] would reach {town} [within days|by the weekend|next week]",
    "the government would [cover|share|refuse] the cost of [emergency repairs|the clean-up|compensation] in {town}",
    "officials in {town} had [underestimated|ignored|played down] the [scale|risk|cost] of the problem at the {detail}",
)
_CHOICE = re.compile(r"\[([^\]]+)\]")


def _worded(template: str, rng: random.Random, counted: str) -> str:
    """The template with its "[a|b]" choices made and the counted noun put in."""
    return _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template).replace("{counted}", counted)


@dataclass
class _Actor:
    name: str
    type: str  # person | organisation | government | outlet
    title: str = ""  # role words for a person: "Mayor"

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class _Fact:
    template: str
    figure: int | None
    source: _Actor
    contested: int | None = None  # a rival figure some sources give


@dataclass
class _Story:
    number: int
    frame: Frame
    counted: str
    town: str
    start: date
    actors: list[_Actor]
    orgs: list[_Actor]
    details: list[str]
    facts: list[_Fact]
    articles: list[str] = field(default_factory=list)  # bodies already written, for wire copies


class World:
    """Invented towns, people, organisations and outlets, and the stream of stories about them."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.outlets = [f"{_word(rng, 2)} {rng.choice(_OUTLET_KINDS)}" for _ in range(60)]
        self.bylines = [f"{rng.choice(_GIVEN)} {_word(rng, 2)}" for _ in range(200)]
        self.national = [_Actor(name, type_, text.split(" ")[0] if type_ == "person" else "") for text, name, type_ in _NATIONAL]
        self.stories: list[_Story] = []
        self.day0 = date(2031, 1, 1)
        self._used_names: set[str] = set()

    def _unique(self, make) -> str:  # type: ignore[no-untyped-def]
        for _ in range(100):
            name = make()
            if name not in self._used_names:
                self._used_names.add(name)
                return name
        return name

    def new_story(self) -> _Story:
        rng = self.rng
        number = len(self.stories)
        frame = FRAMES[number % len(FRAMES)] if number < len(FRAMES) else rng.choice(FRAMES)
        town = self._unique(lambda: _word(rng, rng.choice((1, 2))) + rng.choice(_TOWN_ENDINGS))
        people = [
            _Actor(self._unique(lambda: f"{rng.choice(_GIVEN)} {_word(rng, 2)}{rng.choice(_SURNAME_ENDINGS)}"), "person", role)
            for role in rng.sample(_ROLES, rng.randint(2, 4))
        ]
        orgs = [_Actor(f"{town} {kind}", "organisation") for kind in rng.sample(_ORG_KINDS, rng.randint(1, 3))]
        details = [f"{_word(rng, 2)} {rng.choice(_DETAIL_WORDS)}" for _ in range(3)]
        sources = people + orgs + ([rng.choice(self.national)] if rng.random() < 0.3 else [])
        counted = rng.choice(frame.counted)
        templates = [_worded(t, rng, counted) for t in (*frame.facts, rng.choice(GENERIC))]
        facts = []
        for template in rng.sample(templates, rng.randint(4, len(templates))):
            figure = rng.choice((12, 40, 120, 300, 450, 1800, 4000)) if "{n}" in template else None
            contested = figure * rng.choice((3, 10)) if figure and rng.random() < 0.3 else None
            facts.append(_Fact(template, figure, rng.choice(sources), contested))
        start = self.day0 + timedelta(days=number // 4)
        story = _Story(number, frame, counted, town, start, people, orgs, details, facts)
        self.stories.append(story)
        return story


# ---------------------------------------------------------------------------------------------
# Writing one article, keeping every span's offsets


class _Text:
    """A body under construction: appended pieces, with the offsets of the ones that matter."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        span = Span(piece, self.length, self.length + len(piece))
        self.parts.append(piece)
        self.length += len(piece)
        return span

    def mark(self) -> tuple[int, int]:
        return len(self.parts), self.length

    def since(self, mark: tuple[int, int]) -> Span:
        """The span of everything added since ``mark``."""
        return Span("".join(self.parts[mark[0] :]), mark[1], self.length)

    def at_sentence_start(self) -> bool:
        last = self.parts[-1] if self.parts else ""
        return not last or last.endswith((". ", "\n", " - "))

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Draft:
    text: _Text = field(default_factory=_Text)
    attributions: list[Attribution] = field(default_factory=list)
    unattributed: list[Assertion] = field(default_factory=list)
    mentions: dict[tuple[str, str], list[Span]] = field(default_factory=dict)

    def mention(self, name: str, type_: str, words: str | None = None) -> Span:
        span = self.text.add(words or name)
        self.mentions.setdefault((name, type_), []).append(span)
        return span


def _figure_words(rng: random.Random, value: int) -> tuple[str, dict[str, object]]:
    style = rng.random()
    if style < 0.5:
        return f"{value:,}" if value >= 10000 else str(value), {"value": float(value)}
    if style < 0.75:
        return f"about {value}", {"value": float(value), "approximate": True}
    return f"at least {value}", {"value": float(value), "low": float(value)}


def _content(draft: _Draft, story: _Story, fact: _Fact, rng: random.Random, figure: int | None) -> tuple[Span, list[Quantity]]:
    """Write the fact's words, filling its slots; returns the content span and its quantities."""
    text = draft.text
    start = text.mark()
    quantities: list[Quantity] = []
    template = fact.template
    while template:
        head, brace, rest = template.partition("{")
        text.add(head)
        if not brace:
            break
        slot, _, template = rest.partition("}")
        if slot == "n" and figure is not None:
            words, fields = _figure_words(rng, figure)
            span = text.add(words)
            counted = story.counted
            quantities.append(Quantity(span.text, span.start, span.end, counted=counted, **fields))  # type: ignore[arg-type]
        elif slot == "town":
            draft.mention(story.town, "place")
        elif slot == "org":
            org = story.orgs[len(fact.template) % len(story.orgs)]
            draft.mention(org.name, org.type)
        elif slot == "detail":
            draft.mention(story.details[len(fact.template) % len(story.details)], "place")
        elif slot == "weekday":
            text.add(rng.choice(_WEEKDAYS))
    return text.since(start), quantities


def _speaker(draft: _Draft, actor: _Actor, first: bool, rng: random.Random) -> Speaker:
    before = draft.text.mark()
    if actor.type == "person":
        if first or rng.random() < 0.3:
            draft.text.add(f"{actor.title} ")
            draft.mention(actor.name, "person")
        else:
            draft.mention(actor.name, "person", actor.surname)
    else:
        draft.text.add("The " if draft.text.at_sentence_start() else "the ")
        draft.mention(actor.name, actor.type)
    span = draft.text.since(before)
    return Speaker(span.text, span.start, span.end, actor.name, actor.type)


def _sentence(draft: _Draft, story: _Story, fact: _Fact, rng: random.Random, seen: set[str], via: _Actor | None) -> None:
    """One attributed claim, as reported, indirect, direct or "according to" speech."""
    text = draft.text
    figure = fact.contested if fact.contested and rng.random() < 0.35 else fact.figure
    style = rng.random()
    first = fact.source.name not in seen
    seen.add(fact.source.name)
    vias: list[Via] = []
    if via is not None:
        draft.mention(via.name, "outlet")
        text.add(" reported, citing ")
        vias = [Via(via.name, "reported")]
        style = 0.0  # a chain is reported speech
    act = "deny" if rng.random() < 0.05 else ("hedge" if rng.random() < 0.05 else "assert")
    if style < 0.5:
        speaker = _speaker(draft, fact.source, first, rng)
        cue = text.add(" denied" if act == "deny" else (" could not confirm" if act == "hedge" else f" {rng.choice(_CUES)}"))
        cue = Span(cue.text.strip(), cue.start + 1, cue.end)
        text.add(" that ")
        content, quantities = _content(draft, story, fact, rng, figure)
        text.add(". ")
        kind = "indirect"
    elif style < 0.8:
        text.add("\u201c")
        content, quantities = _content(draft, story, fact, rng, figure)
        content = _capitalise(text, content, quantities)
        text.add(",\u201d ")
        speaker = _speaker(draft, fact.source, first, rng)
        cue = text.add(" said")
        cue = Span("said", cue.start + 1, cue.end)
        text.add(". ")
        kind, act = "direct", "assert"
    else:
        cue = text.add("According to")
        text.add(" ")
        speaker = _speaker(draft, fact.source, first, rng)
        text.add(", ")
        content, quantities = _content(draft, story, fact, rng, figure)
        text.add(". ")
        kind, act = "according_to", "assert"
    draft.attributions.append(Attribution(kind, content, cue, speaker, vias, quantities=quantities, speech_act=act))  # type: ignore[arg-type]


def _statement(draft: _Draft, story: _Story, rng: random.Random, origin: str, background: bool) -> None:
    text = draft.text
    if background:
        start = text.mark()
        draft.mention(story.town, "place")
        text.add(f" lies on the {rng.choice(('river', 'coast', 'border', 'plain'))} and has about {rng.randint(8, 90)},000 inhabitants")
        content = text.since(start)
        quantities: list[Quantity] = []
    else:
        fact = rng.choice(story.facts)
        content, quantities = _content(draft, story, fact, rng, fact.figure)
        content = _capitalise(text, content, quantities)
    text.add(". ")
    draft.unattributed.append(Assertion(content, origin, quantities, background=background))


def _capitalise(text: _Text, content: Span, quantities: list[Quantity]) -> Span:
    """Upper-case the first character of ``content`` (it begins a sentence or a quotation)."""
    seen = 0
    for i, part in enumerate(text.parts):
        if seen <= content.start < seen + len(part):
            k = content.start - seen
            text.parts[i] = part[:k] + part[k].upper() + part[k + 1 :]
            break
        seen += len(part)
    for q in quantities:
        if q.start == content.start:
            q.text = q.text[0].upper() + q.text[1:]
    return Span(content.text[0].upper() + content.text[1:], content.start, content.end)


def _article(world: World, story: _Story, serial: int) -> Analysis:
    rng = world.rng
    outlet = rng.choice(world.outlets)
    byline = rng.choice(world.bylines)
    agency = rng.choice(_AGENCIES) if rng.random() < 0.25 else None
    published = story.start + timedelta(days=min(rng.randint(0, 6), rng.randint(0, 6)))
    draft = _Draft()
    month = _MONTHS[published.month - 1]
    draft.mention(story.town, "place", story.town.upper())
    draft.text.add(f", {month} {published.day}" + (f" ({agency})" if agency else "") + " - ")
    seen: set[str] = set()
    facts = rng.sample(story.facts, min(len(story.facts), rng.randint(4, 7)))
    for i, fact in enumerate(facts):
        via = world.rng.choice(world.outlets) if rng.random() < 0.1 else None
        _sentence(draft, story, fact, rng, seen, _Actor(via, "outlet") if via else None)
        if rng.random() < 0.3:  # the same source adds something
            other = rng.choice(story.facts)
            _sentence(draft, story, _Fact(other.template, other.figure, fact.source, other.contested), rng, seen, None)
        if i % 2 == 1:
            draft.text.add("\n")
    for _ in range(rng.randint(1, 3)):
        _statement(draft, story, rng, byline, background=False)
    if rng.random() < 0.5:
        _statement(draft, story, rng, byline, background=True)
    if rng.random() < 0.2:
        national = rng.choice(world.national)
        _sentence(draft, story, _Fact(_worded(rng.choice(GENERIC), rng, story.counted), None, national), rng, seen, None)
    draft.text.add(f"Reporting by {byline}, desk {serial}.")
    text = draft.text.text
    article = Article(
        text=text, title=f"{story.town}: {story.frame.event} {rng.choice(('latest', 'update', 'live', 'report'))}",
        published=published.isoformat(), byline=byline, outlet=outlet, agency=agency,
        dateline=story.town.upper(), source=f"generated/{serial}.txt",
    )
    entities = [Entity(name, type_, spans) for (name, type_), spans in draft.mentions.items()]
    analysis = Analysis(article, draft.attributions, draft.unattributed, entities)
    _assign_ids(analysis)
    return analysis


def _wire_copy(world: World, story: _Story, original: Analysis, serial: int) -> Analysis:
    """Another outlet's copy of a wire story: same claims, its own sign-off (a near-copy)."""
    rng = world.rng
    article = original.article
    tail = f"Reporting by {article.byline}, desk {serial}."
    text = article.text[: article.text.rindex("Reporting by")] + tail
    copy = Article(
        text=text, title=article.title, published=article.published, byline=article.byline,
        outlet=rng.choice(world.outlets), agency=article.agency, dateline=article.dateline, source=f"generated/{serial}.txt",
    )
    attributions = [Attribution(**{**a.__dict__, "id": ""}) for a in original.attributions]
    unattributed = [Assertion(**{**u.__dict__, "id": ""}) for u in original.unattributed]
    analysis = Analysis(copy, attributions, unattributed, original.entities)
    _assign_ids(analysis)
    return analysis


def _assign_ids(analysis: Analysis) -> None:
    article_id = analysis.article.id  # a hash of the whole text: computed once
    for claim in [*analysis.attributions, *analysis.unattributed]:
        claim.assign_id(article_id)


def stream(seed: int = 1) -> Iterator[Analysis]:
    """An endless stream of invented articles, in publication order of their stories."""
    world = World(seed)
    rng = world.rng
    serial = 0
    active: list[_Story] = []
    wires: dict[int, Analysis] = {}
    while True:
        if not active or rng.random() < 0.1:  # a new story about every tenth article
            active.append(world.new_story())
            active = active[-20:]
        weights = [1.0 / (len(active) - i) for i in range(len(active))]  # recent stories are covered most
        story = rng.choices(active, weights)[0]
        serial += 1
        if story.number in wires and rng.random() < 0.25:
            yield _wire_copy(world, story, wires[story.number], serial)
            continue
        analysis = _article(world, story, serial)
        if analysis.article.agency:
            wires.setdefault(story.number, analysis)
        yield analysis


def claims_of(analysis: Analysis) -> int:
    """The claims linking groups: attributions, and the unattributed statements that are news."""
    return len(analysis.attributions) + sum(not u.background for u in analysis.unattributed)


def analyses(claims: int, seed: int = 1) -> list[Analysis]:
    """The first articles of the stream, until they hold at least ``claims`` claims."""
    found: list[Analysis] = []
    total = 0
    for analysis in stream(seed):
        if total >= claims:
            break
        found.append(analysis)
        total += claims_of(analysis)
    return found


def extra_articles(count: int, seed: int = 1, story_numbers: tuple[int, ...] = (0, 1, 2, 3, 4)) -> list[Analysis]:
    """New articles about early stories (present in any store of the stream), for timing one more article."""
    world = World(seed)
    for _ in range(max(story_numbers) + 1):
        world.new_story()
    world.rng = random.Random(seed + 7919)
    return [_article(world, world.stories[story_numbers[i % len(story_numbers)]], 10_000_000 + i) for i in range(count)]


# ---------------------------------------------------------------------------------------------
# Texts, pages and archives


@dataclass
class PlainArticle:
    title: str
    published: str
    outlet: str
    byline: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        """The article as sayso's plain-text reader takes it: headline, date, byline, body."""
        return f"{self.title}\nPublished: {self.published}\nBy {self.byline}\n\n" + "\n\n".join(self.paragraphs) + "\n"


def article_texts(count: int, seed: int = 1) -> list[PlainArticle]:
    """``count`` invented articles as text (no two alike)."""
    return list(_lazy_texts(count, seed))


_NAV = ["Home", "World", "Region", "Politics", "Business", "Sport", "Culture", "Weather", "Opinion", "Podcasts", "Newsletters", "Subscribe"]
_SCRIPT = "window.__site={" + ",".join(f'"k{i}":"{"x" * 40}"' for i in range(60)) + "};"
_STYLE = " ".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i:03x}}}" for i in range(150))


def html_page(article: PlainArticle, teasers: list[str] | None = None) -> str:
    """A news web page holding ``article``: head metadata, navigation, cookie notice, teasers, footer."""
    teasers = teasers or [f"{article.outlet} headline {i}: what happened next" for i in range(8)]
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in _NAV)
    body = "".join(f"<p>{escape(p)}</p>\n" for p in article.paragraphs)
    aside = "".join(f'<li><a href="/story/{i}">{escape(t)}</a></li>' for i, t in enumerate(teasers))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(article.title)} | {escape(article.outlet)}</title>"
        f"<meta property=\"og:title\" content=\"{escape(article.title)}\">"
        f"<meta property=\"og:site_name\" content=\"{escape(article.outlet)}\">"
        f"<meta name=\"author\" content=\"{escape(article.byline)}\">"
        f"<meta property=\"article:published_time\" content=\"{article.published}T08:00:00Z\">"
        f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head>\n<body>"
        f"<header><div class=\"logo\">{escape(article.outlet)}</div><nav><ul>{nav}</ul></nav></header>"
        "<div class=\"cookies\">We use cookies to improve your experience. <button>Accept all</button></div>"
        f"<main><article><h1>{escape(article.title)}</h1><p class=\"byline\">By {escape(article.byline)}</p>"
        f"<time datetime=\"{article.published}\">{article.published}</time>\n{body}</article>"
        f"<aside><h2>Most read</h2><ul>{aside}</ul></aside></main>"
        f"<footer><ul>{nav}</ul><p>&copy; 2031 {escape(article.outlet)}. All rights reserved.</p></footer>"
        "</body></html>\n"
    )


def write_pages(directory: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` HTML pages as files in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, article in enumerate(article_texts(count, seed)):
        path = directory / f"page{i:05d}.html"
        path.write_text(html_page(article), encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class WarcCounts:
    records: int = 0
    pages: int = 0


def write_warc(path: Path, pages: int, seed: int = 1, gzip: bool = True) -> WarcCounts:
    """A crawl of ``pages`` HTML pages as a WARC: a request and a response per page, plus images,
    stylesheets and 404s between them as a crawler stores them. Written as generated."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    counts = WarcCounts()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sayso benchmarks", "format": "WARC File Format 1.1"}))
        counts.records += 1

        def response(uri: str, status: str, kind: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            request = StatusAndHeaders(f"GET /{uri.split('/', 3)[-1]} HTTP/1.1", [("Host", uri.split("/")[2])], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
            counts.records += 2

        for i, article in enumerate(_lazy_texts(pages, seed)):
            host = article.outlet.lower().replace(" ", "") + ".example"
            response(f"https://{host}/news/{i}", "200 OK", "text/html; charset=utf-8", html_page(article).encode("utf-8"))
            counts.pages += 1
            if i % 10 == 0:
                response(f"https://{host}/img/{i}.jpg", "200 OK", "image/jpeg", rng.randbytes(4096))
            if i % 25 == 0:
                response(f"https://{host}/site.css", "200 OK", "text/css", _STYLE.encode())
            if i % 40 == 0:
                response(f"https://{host}/gone/{i}", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>")
    return counts


def _lazy_texts(count: int, seed: int) -> Iterator[PlainArticle]:
    """Like ``article_texts``, one at a time, so a large archive is never held in memory."""
    made = 0
    for analysis in stream(seed):
        if made >= count:
            return
        article = analysis.article
        paragraphs = [p.strip() for p in article.text.split("\n") if p.strip()]
        yield PlainArticle(article.title or "", article.published or "", article.outlet or "", article.byline or "", paragraphs)
        made += 1
