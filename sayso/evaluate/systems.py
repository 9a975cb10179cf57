"""The extractors an evaluation can compare, by name.

A system takes a list of articles and yields, for each article in order, the attributions it
finds. Adding one is a function and a ``@register("name")`` line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..analyze import analyze_articles
from ..analyze.language import load_pipeline
from ..errors import SaysoError
from ..model import Article, Attribution, Span, Speaker

System = Callable[[Sequence[Article]], Iterator[list[Attribution]]]

SYSTEMS: dict[str, System] = {}

# What ``sayso eval`` runs when no --systems are given: sayso itself and its peers.
DEFAULT_SYSTEMS = ("sayso", "tagger", "rules", "textacy")


def register(name: str) -> Callable[[System], System]:
    """Make a system available to ``sayso eval`` under ``name``."""

    def add(system: System) -> System:
        SYSTEMS[name] = system
        return system

    return add


def get_system(name: str) -> System:
    if name not in SYSTEMS:
        raise SaysoError(f"unknown system {name!r}: choose from {', '.join(sorted(SYSTEMS))}")
    return SYSTEMS[name]


@register("sayso")
def sayso_default(articles: Sequence[Article]) -> Iterator[list[Attribution]]:
    """Whatever ``sayso analyze`` runs by default, so this row follows the shipped extractor."""
    for analysis in analyze_articles(articles):
        yield analysis.attributions


@register("rules")
def rules(articles: Sequence[Article]) -> Iterator[list[Attribution]]:
    """The rule-based extractor alone, without the trained tagger: what the tagger adds is the gap."""
    for analysis in analyze_articles(articles, extractor="rules"):
        yield analysis.attributions


@register("tagger")
def tagger_alone(articles: Sequence[Article]) -> Iterator[list[Attribution]]:
    """The trained CRF tagger alone, its spans grouped without the rules' attributions."""
    for analysis in analyze_articles(articles, extractor="tagger"):
        yield analysis.attributions


@register("textacy")
def textacy_quotations(articles: Sequence[Article]) -> Iterator[list[Attribution]]:
    """textacy's ``direct_quotations`` on the same spaCy parse sayso uses: a public peer."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        raise SaysoError("textacy is not installed: pip install -e '.[eval]'") from None
    for doc in load_pipeline().pipe(a.text for a in articles):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on a document with an odd number of quote marks
            triples = []
        yield [_attribution(doc, t.speaker, t.cue, t.content) for t in triples]


def _attribution(doc: Doc, speaker: list[Token], cue: list[Token], content: DocSpan) -> Attribution:
    """A textacy triple as an attribution; speaker and cue tokens become the span they cover."""
    source = _covering(doc, speaker[0].i, speaker[-1].i)
    return Attribution(
        kind="direct",
        content=_covering(doc, content.start, content.end - 1),
        cue=_covering(doc, cue[0].i, cue[-1].i),
        speaker=Speaker(source.text, source.start, source.end),
    )


def _covering(doc: Doc, first: int, last: int) -> Span:
    span = doc[first : last + 1]
    return Span(span.text, span.start_char, span.end_char)
