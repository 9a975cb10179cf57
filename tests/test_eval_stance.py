"""The hand-labelled speech-act and unattributed-assertion samples, their scorers, and quality floors."""

from __future__ import annotations

from collections import Counter

import pytest
from rich.console import Console

from conftest import POLNEAR
from sayso.evaluate.assertions import (
    LABELS,
    SentenceItem,
    assertion_confusion_table,
    assertion_table,
    evaluate_assertions,
    load_assertion_gold,
    predicted_label,
    score_assertions,
)
from sayso.evaluate.claim_details import held_out_batches
from sayso.evaluate.polnear import load_split
from sayso.evaluate.speech_acts import (
    SPEECH_ACTS,
    SpeechActItem,
    confusion_table,
    evaluate_speech_acts,
    gold_analyses,
    load_speech_act_gold,
    match_attribution,
    score_speech_acts,
    speech_act_table,
)
from sayso.model import Analysis, Article, Assertion, Attribution, Span

# Measured 2026-11-25 on the whole labelled samples, minus a margin; raise them when quality rises.
# Background's floor was lowered on 2026-12-07 when 98 held-out sentences joined the sample (16 of
# them background, none found): the sample grew harder, the detector did not change.
FLOORS = {"speech_act_accuracy": 85.0, "speech_act_macro_f1": 85.0, "news_f1": 68.0, "background_f1": 50.0, "unattributed_f1": 80.0}


@pytest.fixture(scope="module")
def dev() -> dict[str, object]:
    return {d.name: d for d in load_split("dev", POLNEAR)}


def test_speech_act_sample_is_sound(dev) -> None:  # type: ignore[no-untyped-def]
    items = load_speech_act_gold()
    assert len(items) >= 120
    counts = Counter(i.speech_act for i in items)
    assert set(counts) <= set(SPEECH_ACTS) and len(counts) == len(SPEECH_ACTS)
    assert len({(i.document, i.cue_start, i.content_start) for i in items}) == len(items)
    for item in items:
        text = dev[item.document].text  # type: ignore[attr-defined]
        assert 0 <= item.cue_start < item.cue_end <= len(text) and item.content_start < item.content_end <= len(text)
        assert text[item.cue_start : item.cue_end].startswith(item.text.split(" ")[0])


def test_sentence_sample_is_sound(dev) -> None:  # type: ignore[no-untyped-def]
    items = load_assertion_gold()
    assert len(items) >= 120
    assert {i.label for i in items} == set(LABELS)
    assert len({i.publisher for i in items}) == 7 and len({i.document for i in items}) >= 80
    for item in items:
        assert dev[item.document].text[item.start : item.end] == item.text  # type: ignore[attr-defined]


def _attribution(cue: tuple[int, int] | None, content: tuple[int, int], act: str = "assert") -> Attribution:
    return Attribution(
        kind="indirect",
        content=Span("x", *content),
        cue=Span("c", *cue) if cue else None,
        speaker=None,
        speech_act=act,  # type: ignore[arg-type]
    )


def test_gold_items_match_by_cue_then_content() -> None:
    item = SpeechActItem("d", 10, 16, 17, 40, "denied", "deny")
    by_cue = _attribution((12, 16), (50, 60), "deny")
    by_content = _attribution((0, 3), (20, 30))
    assert match_attribution(item, [by_content, by_cue]) is by_cue
    assert match_attribution(item, [by_content]) is by_content
    assert match_attribution(item, [_attribution((0, 3), (45, 50))]) is None


def test_speech_act_scores_count_matched_and_missed() -> None:
    items = [
        SpeechActItem("d", 0, 6, 7, 20, "denied", "deny"),
        SpeechActItem("d", 30, 34, 35, 50, "said", "assert"),
        SpeechActItem("d", 60, 68, 69, 80, "declined", "no_comment"),
    ]
    analysis = Analysis(Article(text=" " * 100), attributions=[_attribution((0, 6), (7, 20), "deny"), _attribution((30, 34), (35, 50), "hedge")])
    result = score_speech_acts(items, {"d": analysis})
    assert (result.items, result.matched) == (3, 2)
    assert (result.classes["deny"].precision, result.classes["deny"].recall) == (1.0, 1.0)
    assert result.classes["assert"].fn == 1 and result.classes["hedge"].fp == 1
    assert result.classes["no_comment"].gold == 1 and result.classes["no_comment"].end_to_end_recall == 0.0
    assert result.accuracy == 0.5
    assert result.to_dict()["confusion"] == [{"gold": "assert", "predicted": "hedge", "count": 1}, {"gold": "deny", "predicted": "deny", "count": 1}]


def test_sentence_predictions_by_overlap() -> None:
    article = Article(text=" " * 200)
    analysis = Analysis(
        article,
        unattributed=[Assertion(Span("n", 10, 40)), Assertion(Span("b", 100, 140), background=True)],
    )
    news, background, neighbour = (
        SentenceItem("d", 0, 50, "", "news"),
        SentenceItem("d", 95, 140, "", "background"),
        SentenceItem("d", 38, 90, "", "other"),
    )
    assert predicted_label(news, analysis) == "news"
    assert predicted_label(background, analysis) == "background"
    assert predicted_label(neighbour, analysis) == "none"  # touches the news clause by two characters only
    result = score_assertions([news, background, neighbour, SentenceItem("d", 150, 190, "", "news")], {"d": analysis})
    assert result.overall.detections["news"].to_dict()["tp"] == 1 and result.overall.detections["news"].fn == 1
    assert result.overall.detections["background"].precision == 1.0
    assert result.overall.detections["unattributed"].recall == pytest.approx(2 / 3)


def test_each_held_out_batch_of_sentences_is_reported_apart() -> None:
    analysis = Analysis(Article(text=" " * 100), unattributed=[Assertion(Span("n", 0, 40))])
    items = [
        SentenceItem("d", 0, 40, "", "news", stratum="heldout"),
        SentenceItem("d", 50, 90, "", "news", stratum="heldout_2"),
        SentenceItem("d", 0, 40, "", "news", stratum="random"),
    ]
    batches = held_out_batches(score_assertions(items, {"d": analysis}))
    assert [(name, scores.detections["news"].recall) for name, scores in batches] == [(", held out", 1.0), (", held out 2", 0.0)]


@pytest.fixture(scope="module")
def evaluations():  # type: ignore[no-untyped-def]
    speech, sentences = load_speech_act_gold(), load_assertion_gold()
    analyses = gold_analyses({i.document for i in speech} | {i.document for i in sentences}, load_split("dev", POLNEAR))
    return evaluate_speech_acts(analyses=analyses), evaluate_assertions(analyses=analyses)


def test_quality_stays_above_its_floors(evaluations) -> None:  # type: ignore[no-untyped-def]
    speech, sentences = evaluations
    detections = sentences.overall.detections
    assert 100 * speech.accuracy >= FLOORS["speech_act_accuracy"]
    assert 100 * speech.macro_f1() >= FLOORS["speech_act_macro_f1"]
    assert 100 * detections["news"].f1 >= FLOORS["news_f1"]
    assert 100 * detections["background"].f1 >= FLOORS["background_f1"]
    assert 100 * detections["unattributed"].f1 >= FLOORS["unattributed_f1"]


def test_tables_and_json(evaluations) -> None:  # type: ignore[no-untyped-def]
    speech, sentences = evaluations
    console = Console(width=120, record=True)
    for table in (speech_act_table(speech), confusion_table(speech), assertion_table(sentences), assertion_confusion_table(sentences)):
        console.print(table)
    out = console.export_text()
    assert "no_comment" in out and "background" in out and "unannotated" in out
    assert set(speech.to_dict()["classes"]) == set(SPEECH_ACTS)
    assert set(sentences.to_dict()["by_stratum"]) == {"random", "unannotated", "heldout", "heldout_2", "heldout_3"}
