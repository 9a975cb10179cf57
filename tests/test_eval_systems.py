"""The systems registry and the textacy peer's conversion to sayso attributions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from sayso.errors import SaysoError
from sayso.evaluate.systems import DEFAULT_SYSTEMS, SYSTEMS, get_system, register
from sayso.model import Article, Attribution

QUOTED = '"We will win this election in November," the senator said on Tuesday.'
UNCLOSED = '"We will win, the senator said. Nobody believed him.'


def test_the_default_systems_are_registered() -> None:
    assert set(DEFAULT_SYSTEMS) <= set(SYSTEMS)
    assert {"sayso", "rules", "textacy"} <= set(DEFAULT_SYSTEMS)


def test_an_unknown_system_is_one_clear_error() -> None:
    with pytest.raises(SaysoError, match="unknown system 'nope'.*rules, sayso, tagger, textacy"):
        get_system("nope")


def test_a_new_system_is_one_decorator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SYSTEMS, "silent", SYSTEMS["sayso"])

    @register("silent")
    def silent(articles: Sequence[Article]) -> Iterator[list[Attribution]]:
        return iter([[] for _ in articles])

    assert list(get_system("silent")([Article(text="a"), Article(text="b")])) == [[], []]


def test_textacy_triples_become_attributions_with_offsets() -> None:
    article = Article(text=QUOTED)
    (found,) = list(get_system("textacy")([article]))
    (quote,) = found
    assert quote.kind == "direct"
    assert quote.content.text == '"We will win this election in November,"'
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "senator"
    for span in (quote.content, quote.cue, quote.speaker):
        assert article.text[span.start : span.end] == span.text


def test_textacy_giving_up_on_odd_quote_marks_is_no_prediction() -> None:
    assert list(get_system("textacy")([Article(text=UNCLOSED), Article(text=QUOTED)]))[0] == []


def test_sayso_yields_one_list_per_article() -> None:
    found = list(get_system("sayso")([Article(text=QUOTED), Article(text="Nothing is quoted here.")]))
    assert len(found) == 2
    assert found[0] and all(isinstance(a, Attribution) for a in found[0])
    assert found[1] == []
