"""Speaker types: what kind of source an entity or an unnamed noun is when it speaks."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Entity, Span, Speaker, SpeakerType
from .entity_types import ORGANISATION_NAME_ENDINGS, is_government_name, is_outlet_name
from .lexicon import GOVERNMENT_HEADS, ORGANISATION_HEADS
from .name_forms import name_words
from .titles import head_word

_NER_TYPES: dict[str, SpeakerType] = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "outlet",
    "place": "government",
    "group": "organisation",
}


def relays(entity: Entity, reporters: set[str]) -> bool:
    """An organisation that passes on others' words ("AsiaNews quoted …") and whose name says
    nothing else; ``reporters`` are the casefolded names of those that relayed."""
    names = {entity.name.casefold()} | {f.casefold() for f in entity.forms}
    words = {w for n in [entity.name, *entity.forms] for w in name_words(n)}
    return bool(names & reporters) and not words & ORGANISATION_NAME_ENDINGS


def entity_speaker_type(entity: Entity, reporters: set[str]) -> SpeakerType:
    """An entity's type as a speaker: a place speaks as its government, a relaying body as an outlet."""
    if entity.type in ("organisation", "group"):
        if is_outlet_name(entity.name) or relays(entity, reporters):
            return "outlet"
        if is_government_name(entity.name):
            return "government"
    return _NER_TYPES.get(entity.type, "organisation")


def noun_type(noun: Token) -> SpeakerType:
    """An unnamed phrase's type from its head noun: "the ministry", "the company", else vague."""
    word = head_word(noun)
    if word in GOVERNMENT_HEADS:
        return "government"
    if word in ORGANISATION_HEADS:
        return "organisation"
    return "vague"


def speaker_for(span: Span, entity: Entity | None, reporters: set[str], type_: SpeakerType | None = None) -> Speaker:
    """The speaker a source span names: the entity's name and type (or ``type_``), or no name."""
    if entity is None:
        return Speaker(span.text, span.start, span.end, None, type_ or "unknown")
    return Speaker(span.text, span.start, span.end, entity.name, type_ or entity_speaker_type(entity, reporters))
