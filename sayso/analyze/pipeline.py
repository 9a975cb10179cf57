"""One article in, its claims out: the composition of the analysis steps.

A pure function of the article (and the loaded spaCy pipeline): no database, no state kept
between calls, so it can run in any worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Analysis, Article, Attribution, Speaker, Via
from . import tagger
from .assertions import unattributed_assertions
from .attributions import Draft, draft_attributions
from .claim_parts import claim_parts
from .affiliations import attach_affiliations
from .entities import EntityIndex, clean_name, find_entities
from .language import load_pipeline
from .quantities import quantities_in
from .speakers import SpeakerResolver
from .speech_acts import speech_act
from .times import statement_date, times_in


def _resolve_speakers(doc: Doc, drafts: list[Draft], entities: EntityIndex) -> dict[int, Speaker]:
    """Resolve every source mention (speakers and reporters) in reading order, keyed by offset."""
    mentions = {}
    for draft in drafts:
        if draft.speaker_span is not None:
            mentions.setdefault(draft.speaker_span.start, (draft.speaker_token, draft.speaker_span))
        for token, span, _ in draft.reporters:
            if span is not None:
                mentions.setdefault(span.start, (token, span))
    reporters = {clean_name(span.text) for d in drafts for _, span, _ in d.reporters[-1:] if span is not None}
    resolver = SpeakerResolver(doc, entities, reporters)
    resolved: dict[int, Speaker] = {}
    for start in sorted(mentions):
        token, span = mentions[start]
        speaker = resolver.resolve(token, span)
        if speaker is not None:
            resolved[start] = speaker
            resolver.remember(start, speaker.name, speaker.type)
    return resolved


def _attribution(doc: Doc, article: Article, article_id: str, draft: Draft, speakers: dict[int, Speaker]) -> Attribution:
    speaker = speakers.get(draft.speaker_span.start) if draft.speaker_span is not None else None
    via = []
    for _, span, cue in draft.reporters:
        if span is None:
            continue
        reporter = speakers.get(span.start)
        via.append(Via(name=(reporter.name if reporter and reporter.name else clean_name(span.text)), cue=cue))
    act = speech_act(doc, draft.cue_span, draft.content, draft.cue.verb if draft.cue else None)
    attribution = Attribution(
        kind=draft.kind,  # type: ignore[arg-type]
        content=draft.content,
        cue=draft.cue_span,
        speaker=speaker,
        via=via,
        polarity="negative" if draft.negated or act == "deny" else "positive",
        speech_act=act,
        quantities=quantities_in(doc, draft.content),
        times=times_in(doc, draft.content, article.published),
        said_on=statement_date(doc, draft.cue.verb, draft.content, article.published) if draft.cue else None,
        parts=claim_parts(doc, draft.content),
    )
    attribution.assign_id(article_id)
    return attribution


def _link_continuations(drafts: list[Draft], attributions: list[Attribution]) -> None:
    """Point each carried-on quote at the attribution it continues, when that one was kept.

    Drafts are matched by place, not identity: merging tagger and rules may copy a draft."""
    made = {_place(draft): attribution for draft, attribution in zip(drafts, attributions, strict=True)}
    for draft, attribution in zip(drafts, attributions, strict=True):
        first = made.get(_place(draft.continues)) if draft.continues is not None else None
        attribution.continues = first.id if first is not None and first is not attribution else None


def _place(draft: Draft) -> tuple[int, int, int]:
    return draft.content.start, draft.content.end, draft.cue_span.start if draft.cue_span else -1


Extractor = Literal["hybrid", "tagger", "rules"]


def default_extractor() -> Extractor:
    """The hybrid when the trained tagger's model is installed, else the rules alone.

    The hybrid (``tagger.merge``) is the tagger's attributions with the rules' reading where
    that is the more reliable one (quotes, "according to", chains) and the claims nested in
    them: on PolNeAR dev it scores with the tagger alone (docs/evaluation.md) and keeps what
    the tagger alone loses on unusual text such as the seed.
    """
    return "hybrid" if tagger.model_available() else "rules"


def analyze_article(article: Article, nlp: Language | None = None, extractor: Extractor | None = None) -> Analysis:
    """Find every attributed and unattributed claim in ``article``."""
    nlp = nlp or load_pipeline()
    return _analyze_doc(article, nlp(article.text), extractor or default_extractor())


def analyze_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16, extractor: Extractor | None = None
) -> Iterator[Analysis]:
    """Analyse many articles, letting spaCy batch the parsing."""
    nlp = nlp or load_pipeline()
    chosen = extractor or default_extractor()
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        yield _analyze_doc(article, doc, chosen)


def _analyze_doc(article: Article, doc: Doc, extractor: Extractor) -> Analysis:
    entities = find_entities(doc)
    attach_affiliations(doc, entities)
    drafts = draft_attributions(doc)
    if extractor != "rules":
        tagged = tagger.assemble(doc, tagger.tag(doc, drafts), drafts)
        drafts = tagged if extractor == "tagger" else tagger.merge(drafts, tagged)
    speakers = _resolve_speakers(doc, drafts, entities)
    article_id = article.id
    attributions = [_attribution(doc, article, article_id, d, speakers) for d in drafts]
    _link_continuations(drafts, attributions)
    unattributed = unattributed_assertions(doc, article, attributions)
    for assertion in unattributed:
        assertion.quantities = quantities_in(doc, assertion.content)
        assertion.parts = claim_parts(doc, assertion.content)
        assertion.assign_id(article_id)
    return Analysis(article=article, attributions=attributions, unattributed=unattributed, entities=entities.entities)
