"""Quote marks as news sites really type them: curly, straight, doubled, unbalanced, mismatched."""

from __future__ import annotations

from sayso.analyze.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes() -> None:
    assert quoted("“We will win,” she said. He said \"No way.\"") == ["We will win", "No way."]


def test_doubled_apostrophes_span_several_sentences() -> None:
    text = "''The bridge is closed. It will reopen in May,'' the mayor said."
    assert quoted(text) == ["The bridge is closed. It will reopen in May"]


def test_apostrophes_inside_words_are_not_quotes() -> None:
    assert quoted("The council's plan and the farmers' union's reply were ready.") == []


def test_single_quotes() -> None:
    assert quoted("She called it 'a betrayal of the town' and left.") == ["a betrayal of the town"]


def test_mismatched_marks_close_the_quote() -> None:
    text = "'This is not our fight\". It never was,'' he was quoted as saying."
    assert quoted(text) == ["This is not our fight\". It never was"]


def test_unclosed_quote_runs_to_the_paragraph_end_only() -> None:
    text = "The minister said: \"We have no money left for roads\nNext paragraph, no quotes."
    assert quoted(text) == ["We have no money left for roads"]


def test_closing_mark_without_opener_starts_at_paragraph() -> None:
    text = "We have waited ten years for this road.\" the farmer said."
    assert quoted(text) == ["We have waited ten years for this road."]


def test_offsets_are_exact() -> None:
    text = "Intro.\n“Alpha beta,” said Kim."
    (q,) = find_quotes(text)
    assert text[q.start : q.end] == "Alpha beta"
    assert text[q.outer_start : q.outer_end] == "“Alpha beta,”"
