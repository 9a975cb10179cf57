"""The one data model every stage shares: articles in, claims out.

Everything here is a plain dataclass so that an analysis can cross process
boundaries (Spark workers, the REST API) as JSON without an ORM attached.
Offsets are always character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

AttributionKind = Literal["direct", "indirect", "mixed", "according_to", "nominal"]
SpeakerType = Literal["person", "organisation", "government", "outlet", "vague", "unknown"]
Polarity = Literal["positive", "negative"]
SpeechAct = Literal["assert", "deny", "retract", "revise", "hedge", "concede", "no_comment"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of a body text that two copies of one story share, whatever their format."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).replace("''", '"')
    return _SPACE.sub(" ", text).strip().casefold()


def digest(*parts: object, length: int = 16) -> str:
    """A short, stable hex id: the same parts give the same id in every run and process."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=256)
def _text_id(text: str) -> str:
    # Asked for many times per article (rows, claim ids, logs); normalising the whole body each
    # time cost more than storing it. Keyed by the text itself, so an edited text gets a new id.
    return digest(normalise_text(text))


@dataclass
class Span:
    """A stretch of the article body, ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Article:
    """One news story: its body text and what is known about where it came from."""

    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date (or date-time) as given by the source
    byline: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    agency: str | None = None  # wire/agency credit such as "UNI", "AP", "Reuters"
    source: str | None = None  # path or URL it was read from
    url: str | None = None

    @property
    def id(self) -> str:
        """Hash of the normalised body: one story ingested twice, from any format, is one article."""
        return _text_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "byline": self.byline,
            "dateline": self.dateline,
            "outlet": self.outlet,
            "agency": self.agency,
        }


@dataclass
class Speaker(Span):
    """Who the article says is the source: the words used and whom they refer to."""

    name: str | None = None
    type: SpeakerType = "unknown"


@dataclass
class Via:
    """One intermediary of a chain, e.g. AsiaNews in "AsiaNews quoted the Observatory as saying"."""

    name: str
    cue: str


@dataclass
class Quantity:
    """A number stated in a claim, with the bounds its wording sets ("at least 300": low 300)."""

    text: str
    start: int
    end: int
    value: float | None = None  # the figure as stated; None for "hundreds" or a range
    unit: str | None = None  # "USD", "percent", "km" …; None for a plain count
    low: float | None = None  # the interval the wording allows; None: open on that side
    high: float | None = None
    approximate: bool = False  # "about 40", "hundreds"
    per: str | None = None  # the rate's denominator: "month" in "1800 US Dollars a month"
    counted: str | None = None  # what is counted: "ISIS fighters"
    predicate: str | None = None  # the verb the count is subject or object of, as lemmas: "injure" in "30 people were injured"


TimeKind = Literal["date", "datetime", "time", "interval", "duration", "recurring", "fuzzy"]


@dataclass
class TimeExpression:
    """A date or time expression, resolved against the publication date where the text allows."""

    text: str
    start: int
    end: int
    value: str | None = None  # ISO 8601 when it can be resolved
    kind: TimeKind | None = None  # what ``value`` is; "fuzzy": too vague for a value ("for years")
    approximate: bool = False  # the value stands for a vaguer wording ("recent days", "early May")


@dataclass
class Attribution:
    """A claim the article puts in someone's mouth."""

    kind: AttributionKind
    content: Span
    cue: Span | None
    speaker: Speaker | None
    via: list[Via] = field(default_factory=list)
    polarity: Polarity = "positive"
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    id: str = ""
    said_on: TimeExpression | None = None  # when the statement was made ("said on Monday"), outside the content
    speech_act: SpeechAct = "assert"  # how firmly the speaker stands behind the content ("denied", "could not verify")
    # The id of the earlier attribution this one carries on: a second quote with no cue of its
    # own ('"…," she said. "…"'), or a second content of one cue. It shares that one's speaker.
    continues: str | None = None
    # The clauses of a content that states two or more things ("One passenger died and at least
    # 30 people were injured"), each a claim of its own when claims are linked; empty when it states one.
    parts: list[Span] = field(default_factory=list)

    def assign_id(self, article_id: str) -> None:
        """Ids depend only on the article and the content's place in it, so re-runs agree."""
        cue_start = self.cue.start if self.cue else -1
        self.id = "a" + digest(article_id, "attribution", self.content.start, self.content.end, cue_start)


@dataclass
class Assertion:
    """A statement the article makes in its own voice, with no source: its origin is the author."""

    content: Span
    origin: str | None = None  # byline, outlet or agency the author writes for
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    id: str = ""
    background: bool = False  # standing context ("X is a NATO member"), not news the article reports
    parts: list[Span] = field(default_factory=list)  # as ``Attribution.parts``

    def assign_id(self, article_id: str) -> None:
        self.id = "u" + digest(article_id, "assertion", self.content.start, self.content.end)


@dataclass
class Entity:
    """A named thing the article mentions, with every surface form found for it."""

    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    speaks_for: str | None = None  # a person's body, when the article names their post in it

    @property
    def forms(self) -> list[str]:
        return sorted({m.text for m in self.mentions})


@dataclass
class Analysis:
    """Everything sayso finds in one article."""

    article: Article
    attributions: list[Attribution] = field(default_factory=list)
    unattributed: list[Assertion] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON contract (see ``sayso/schema/analysis.schema.json``)."""
        return {
            "article": self.article.to_dict(),
            "text": self.article.text,
            "attributions": [asdict(a) for a in self.attributions],
            "unattributed": [asdict(u) for u in self.unattributed],
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "forms": e.forms,
                    "mentions": [asdict(m) for m in e.mentions],
                    "speaks_for": e.speaks_for,
                }
                for e in self.entities
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from its JSON form (the inverse of ``to_dict``)."""
        meta = {k: v for k, v in data["article"].items() if k != "id"}
        return cls(
            article=Article(text=data["text"], **meta),
            attributions=[attribution_from_dict(a) for a in data["attributions"]],
            unattributed=[
                Assertion(
                    content=Span(**u["content"]),
                    origin=u.get("origin"),
                    quantities=[Quantity(**q) for q in u.get("quantities", [])],
                    times=[TimeExpression(**t) for t in u.get("times", [])],
                    id=u["id"],
                    background=u.get("background", False),
                    parts=[Span(**p) for p in u.get("parts", [])],
                )
                for u in data["unattributed"]
            ],
            entities=[
                Entity(e["name"], e["type"], [Span(**m) for m in e["mentions"]], e.get("speaks_for"))
                for e in data["entities"]
            ],
        )


def attribution_from_dict(data: dict[str, Any]) -> Attribution:
    return Attribution(
        kind=data["kind"],
        content=Span(**data["content"]),
        cue=Span(**data["cue"]) if data.get("cue") else None,
        speaker=Speaker(**data["speaker"]) if data.get("speaker") else None,
        via=[Via(**v) for v in data.get("via", [])],
        polarity=data.get("polarity", "positive"),
        quantities=[Quantity(**q) for q in data.get("quantities", [])],
        times=[TimeExpression(**t) for t in data.get("times", [])],
        id=data.get("id", ""),
        said_on=TimeExpression(**data["said_on"]) if data.get("said_on") else None,
        speech_act=data.get("speech_act", "assert"),
        continues=data.get("continues"),
        parts=[Span(**p) for p in data.get("parts", [])],
    )


Stance = Literal["agree", "contradict", "partial", "retracted"]
Verdict = Literal["corroborated", "single_source", "contested", "retracted", "unverified"]
VERDICTS: tuple[Verdict, ...] = ("corroborated", "single_source", "contested", "retracted", "unverified")


PART_MARK = ":"  # in a claim id, before the number of a part of the content ("a…:2")


def part_id(claim: str, part: int | None) -> str:
    """The id of one part of a content as a claim of its own: the attribution's or assertion's id
    for all of it and for its first part, with the part's number after ``PART_MARK`` for the others."""
    return claim if part is None or part == 1 else f"{claim}{PART_MARK}{part}"


def claim_ids(said: Attribution | Assertion) -> list[str]:
    """The ids of the claims an attribution or assertion makes: one per part, else its own."""
    return [part_id(said.id, k) for k in range(1, len(said.parts) + 1)] or [said.id]


@dataclass
class Member:
    """One claim inside a proposition, with what linking found about where it comes from."""

    claim: str  # the attribution ("a…") or unattributed assertion ("u…") id, see ``part_id``
    article: str
    content: str
    speaker: str | None  # who the article says said it (resolved name, else the words used)
    origin: str  # the innermost source of its chain; the author or outlet for an assertion
    via: list[str] = field(default_factory=list)
    stance: Stance = "agree"
    value: float | None = None  # the figure it states, when it states one
    low: float | None = None
    high: float | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    speech_act: SpeechAct = "assert"
    source_group: int = 0  # members sharing a number trace back to one source; see ``Proposition.explanation``
    part: int | None = None  # which of its content's parts the claim is (``Attribution.parts``); None: all of it
    shared: list[str] = field(default_factory=list)  # its words the proposition's other claims use too: why they were grouped

    @property
    def attribution(self) -> str:
        """The id of the attribution or assertion the claim is (part of)."""
        return self.claim.split(PART_MARK, 1)[0]


@dataclass
class Proposition:
    """Claims from any number of articles that are about the same thing, and what they add up to."""

    id: str
    label: str
    verdict: Verdict
    explanation: str
    members: list[Member] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON contract of ``sayso propositions --json`` (``schema/proposition.schema.json``)."""
        return {
            "id": self.id,
            "label": self.label,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "claims": [
                {
                    "article": m.article,
                    "attribution": m.attribution,
                    "part": m.part,
                    "content": m.content,
                    "speaker": m.speaker,
                    "origin": m.origin,
                    "via": list(m.via),
                    "stance": m.stance,
                    "value": m.value,
                    "low": m.low,
                    "high": m.high,
                    "published": m.published,
                    "outlet": m.outlet,
                    "title": m.title,
                    "speech_act": m.speech_act,
                    "source_group": m.source_group,
                    "shared": list(m.shared),
                }
                for m in self.members
            ],
        }
