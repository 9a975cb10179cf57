"""What linking knows about one claim: enough to group it and judge it, without the article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import SpeechAct, Stance
from ..store.schema import MemberRow
from .values import Figure, figure


@dataclass
class ClaimFacts:
    claim: str
    article: str
    position: int  # where the content starts in its article
    content: str
    speaker: str | None
    origin: str  # display name of the innermost source
    origin_entity: int | None
    via: list[str]
    via_entities: list[int]
    speech_act: SpeechAct
    figures: list[dict[str, Any]]  # stored quantities with ``counted`` turned into a class
    terms: set[str]
    entities: set[int]
    published: str | None
    outlet: str | None
    outlet_entity: int | None
    agency: str | None
    title: str | None
    copy_of: str  # the first article of this article's near-copy group
    part: int | None = None  # which part of its attribution's content it is (``Attribution.parts``); None: all of it
    speaks_for_entity: int | None = None  # the body the origin holds a post in: one voice with it
    stance: Stance = "agree"
    value: Figure | None = None
    stated: dict[str, Any] | None = None  # the quantity ``value`` was read from
    source_group: int = 0
    reasons: list[str] = field(default_factory=list)
    name_rarity: dict[int, float] = field(default_factory=dict)  # how rare each entity's name is, known while the claim is linked
    _counted: tuple[list[dict[str, Any]], frozenset[str]] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def order(self) -> tuple[str, str, int, str]:
        """Reading order across articles: by publication date, then article, then place in it."""
        return (self.published or "9999", self.article, self.position, self.claim)

    def counted_classes(self) -> frozenset[str]:
        # Compared hundreds of times per claim; figures are never changed once a claim's facts are made.
        if self._counted is None or self._counted[0] is not self.figures:
            self._counted = (self.figures, frozenset(f["counted"] for f in self.figures if f.get("counted")))
        return self._counted[1]

    def stated_figures(self, counted: str | None) -> list[tuple[dict[str, Any], Figure]]:
        """The figures this claim gives for what ``counted`` names (any figure when None)."""
        found = []
        for item in self.figures:
            if counted is None or item.get("counted") == counted:
                value = figure(item, item.get("counted"))
                if value is not None:
                    found.append((item, value))
        return found

    def take_figure(self, counted: str | None, said_of: frozenset[str] = frozenset()) -> None:
        """Read the figure this claim gives for what the proposition counts, if it gives one: of
        two ("Four people died and more than 20 were injured"), the one whose clause says most of
        ``said_of``, what the proposition says of its figure; the first on a tie."""
        stated = self.stated_figures(counted)
        self.value, self.stated = None, None
        if stated:
            item, value = max(stated, key=lambda found: len(said_of.intersection(found[0].get("about", ()))))
            self.value, self.stated = value, item


MEMBER_COLUMNS = tuple(c.name for c in MemberRow.__table__.columns if c.name != "proposition_id")


def member_row(claim: ClaimFacts) -> dict[str, Any]:
    """The ``proposition_members`` columns of a judged claim (without its proposition)."""
    stated = claim.stated or {}
    return {
        "claim_id": claim.claim,
        "part": claim.part,
        "speaks_for_entity": claim.speaks_for_entity,
        "article_id": claim.article,
        "position": claim.position,
        "content": claim.content,
        "speaker": claim.speaker,
        "origin": claim.origin,
        "origin_entity": claim.origin_entity,
        "via": list(claim.via),
        "via_entities": list(claim.via_entities),
        "speech_act": claim.speech_act,
        "figures": claim.figures,
        "terms": sorted(claim.terms),
        "entities": sorted(claim.entities),
        "published": claim.published,
        "outlet": claim.outlet,
        "outlet_entity": claim.outlet_entity,
        "agency": claim.agency,
        "title": claim.title,
        "stance": claim.stance,
        "value": stated.get("value"),
        "low": stated.get("low"),
        "high": stated.get("high"),
        "source_group": claim.source_group,
    }


def member_columns(row: Any) -> dict[str, Any]:
    """A stored member's columns as ``member_row`` gives them, to tell what judging changed."""
    return {column: getattr(row, column) for column in MEMBER_COLUMNS}


def compared_from(member: list[Any]) -> ClaimFacts:
    """A stored member as ``LinkState.compared_members`` gives it, with only what comparing a claim
    to it reads (``grouping.similarity``): its words, entities, figures and date. Not for judging:
    its source fields are left empty."""
    claim, content, terms, entities, figures, published = member
    return ClaimFacts(
        claim=claim, article="", position=0, content=content, speaker=None, origin="", origin_entity=None,
        via=[], via_entities=[], speech_act="assert", figures=figures, terms=set(terms), entities=set(entities),
        published=published, outlet=None, outlet_entity=None, agency=None, title=None, copy_of="",
    )


def from_row(row: MemberRow, copy_of: str) -> ClaimFacts:
    """A stored member back as facts, to be compared and judged again."""
    return ClaimFacts(
        claim=row.claim_id,
        article=row.article_id,
        position=row.position,
        content=row.content,
        speaker=row.speaker,
        origin=row.origin,
        origin_entity=row.origin_entity,
        via=list(row.via),
        via_entities=list(row.via_entities),
        speech_act=row.speech_act,  # type: ignore[arg-type]
        figures=list(row.figures),
        terms=set(row.terms),
        entities=set(row.entities),
        published=row.published,
        outlet=row.outlet,
        outlet_entity=row.outlet_entity,
        agency=row.agency,
        title=row.title,
        copy_of=copy_of,
        part=row.part,
        speaks_for_entity=row.speaks_for_entity,
        stance=row.stance,  # type: ignore[arg-type]
        source_group=row.source_group,
    )
