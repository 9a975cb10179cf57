"""The trained attribution tagger: decoding, merging with the rules, training, and its effect."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
from typer.testing import CliRunner

from conftest import POLNEAR
from sayso.analyze import analyze_articles
from sayso.analyze.pipeline import default_extractor
from sayso.analyze.tagger import Chunk, chunks, model_available
from sayso.cli import app
from sayso.evaluate.polnear import load_split


def test_bio_labels_decode_into_chunks() -> None:
    labels = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "O", "I-CUE"]
    assert chunks(labels) == [
        Chunk("SOURCE", 1, 3),
        Chunk("CUE", 3, 4),
        Chunk("CONTENT", 4, 7),
        Chunk("CUE", 8, 9),
    ]


def test_the_committed_model_is_the_default() -> None:
    assert model_available()
    assert default_extractor() == "hybrid"


def test_the_tagger_finds_attributions_the_rules_miss() -> None:
    documents = load_split("dev", POLNEAR)[:3]
    articles = [d.article() for d in documents]
    rules = [len(a.attributions) for a in analyze_articles(articles, extractor="rules")]
    hybrid = [len(a.attributions) for a in analyze_articles(articles, extractor="hybrid")]
    assert sum(hybrid) > sum(rules)


def test_train_command_writes_a_loadable_model(tmp_path: Path) -> None:
    output = tmp_path / "tiny.crfsuite"
    result = CliRunner().invoke(app, ["train", "--limit", "2", "--iterations", "3", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "trained on 2 articles" in result.stdout
    tagger = pycrfsuite.Tagger()
    tagger.open(str(output))
    assert set(tagger.labels()) >= {"O", "B-CUE", "B-CONTENT"}


def test_train_refuses_the_test_split() -> None:
    result = CliRunner().invoke(app, ["train", "--split", "test"])
    assert result.exit_code == 1
    assert "test" in result.stderr and "Traceback" not in result.output


def test_analyze_chooses_the_extractor() -> None:
    import json

    from conftest import SEED

    runner = CliRunner()
    counts = {}
    for name in ("rules", "tagger", "hybrid"):
        result = runner.invoke(app, ["analyze", "--json", "--extractor", name, str(SEED)])
        assert result.exit_code == 0, result.output
        counts[name] = len(json.loads(result.stdout)["attributions"])
    assert counts["hybrid"] >= counts["rules"]
    bad = runner.invoke(app, ["analyze", "--extractor", "magic", str(SEED)])
    assert bad.exit_code == 1 and "choose hybrid, tagger or rules" in bad.stderr


def _labelled(doc, roles: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    """BIO labels giving each listed word's token its role (words given by their text)."""
    labels = ["O"] * len(doc)
    for token in doc:
        role = roles.get(token.text)
        if role is not None:
            labels[token.i] = ("I-" if token.i and labels[token.i - 1].endswith(role) else "B-") + role
    return labels


def test_tagged_spans_grouped_with_the_cue_they_share_and_the_speaker_the_parse_gives() -> None:
    from sayso.analyze.attributions import draft_attributions
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.tagger import assemble

    doc = load_pipeline()("The Delmar Tenants Union filed a complaint, claiming rents rose and repairs stalled.")
    # The tagger saw the cue and two contents but no source.
    labels = _labelled(doc, {"claiming": "CUE", "rents": "CONTENT", "rose": "CONTENT", "repairs": "CONTENT", "stalled": "CONTENT"})
    rose, stalled = assemble(doc, labels, draft_attributions(doc))
    assert (rose.content.text, stalled.content.text) == ("rents rose", "repairs stalled")
    assert rose.speaker_span is not None and rose.speaker_span.text == "The Delmar Tenants Union"
    assert stalled.continues is rose and rose.continues is None


def test_a_clause_plainly_said_is_kept_when_the_tagger_misses_it() -> None:
    from sayso.analyze.attributions import draft_attributions
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.tagger import merge

    doc = load_pipeline()("But the new ferry plan still favours the islands, the Harbor Trust said.")
    rules = draft_attributions(doc)
    (kept,) = merge(rules, tagged=[])
    assert kept.content.text == "But the new ferry plan still favours the islands"
    assert kept.speaker_span is not None and kept.speaker_span.text == "the Harbor Trust"


def test_a_tagged_source_headed_by_a_party_word_names_nobody_rather_than_failing() -> None:
    from sayso.analyze.attributions import draft_attributions
    from sayso.analyze.entities import find_entities
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.pipeline import _resolve_speakers
    from sayso.analyze.tagger import assemble

    doc = load_pipeline()("The fund broke the law, said a Democrat whose office oversees New York charities.")
    words = "a Democrat whose office oversees New York charities".split()
    roles = {w: "SOURCE" for w in words} | {"said": "CUE", "The": "CONTENT", "fund": "CONTENT", "broke": "CONTENT", "the": "CONTENT", "law": "CONTENT"}
    (draft,) = assemble(doc, _labelled(doc, roles), draft_attributions(doc))
    assert draft.speaker_span is not None and draft.speaker_span.text.startswith("a Democrat")
    # "Democrat" is a party word, set aside as a name; "New York" is not the head's: a vague or unnamed source.
    (speaker,) = _resolve_speakers(doc, [draft], find_entities(doc)).values()
    assert speaker.name is None


def test_a_kept_rule_reading_with_no_source_takes_the_taggers() -> None:
    from sayso.analyze.attributions import Draft
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.tagger import merge
    from sayso.model import Span

    text = "“The bridge will reopen in May,” Varga's office insisted."
    doc = load_pipeline()(text)
    quote = Span(text[:32], 0, 32)
    rule = Draft(kind="direct", content=quote, cue_span=Span("insisted", 48, 56))
    office = doc.char_span(33, 47)
    tagged = Draft(kind="direct", content=quote, cue_span=rule.cue_span, speaker_token=office.root, speaker_span=Span(office.text, 33, 47))
    (kept,) = merge([rule], [tagged])
    assert kept.kind == "direct" and kept.speaker_span == tagged.speaker_span


def test_a_passive_cue_with_no_agent_takes_no_nearby_source() -> None:
    from sayso.analyze.attributions import draft_attributions
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.tagger import assemble

    doc = load_pipeline()("Council members seem tired, and the ferry vote is expected to come before Friday.")
    roles = {"Council": "SOURCE", "members": "SOURCE", "is": "CUE", "expected": "CUE",
             "to": "CONTENT", "come": "CONTENT", "before": "CONTENT", "Friday": "CONTENT"}
    (draft,) = assemble(doc, _labelled(doc, roles), draft_attributions(doc))
    assert draft.cue_span is not None and draft.cue_span.text == "is expected"
    assert draft.speaker_span is None  # nobody named expects it: not the members two clauses away


def test_a_cue_of_punctuation_alone_leaves_the_content_to_the_nearest_cue_with_words() -> None:
    from sayso.analyze.attributions import draft_attributions
    from sayso.analyze.language import load_pipeline
    from sayso.analyze.tagger import assemble

    doc = load_pipeline()("Said Ellis: “I don’t get the sense she cares about the ferry.”")
    roles = {"Said": "CUE", "Ellis": "SOURCE", ":": "CUE"}
    labels = _labelled(doc, roles)
    quote = [t.i for t in doc if t.i > 2]
    labels[quote[0]] = "B-CONTENT"
    for i in quote[1:]:
        labels[i] = "I-CONTENT"
    (draft,) = assemble(doc, labels, draft_attributions(doc))
    assert draft.cue_span is not None and draft.cue_span.text == "Said"
    assert draft.speaker_span is not None and draft.speaker_span.text == "Ellis"
    assert draft.content.text == "“I don’t get the sense she cares about the ferry.”"
