"""Claim parts: a content that states two or more things is split into its clauses (invented sentences)."""

from __future__ import annotations

import pytest

from sayso.analyze import analyze_article
from sayso.model import Article


def parts_of(text: str) -> list[list[str]]:
    """The parts of every attribution and assertion of a one-paragraph article."""
    analysis = analyze_article(Article(text=text))
    return [[p.text for p in c.parts] for c in [*analysis.attributions, *analysis.unattributed] if c.parts]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said.",
            ["One passenger died", "at least 30 people were injured when the Velm ferry ran aground"], id="and",
        ),
        pytest.param(
            "Nurse Ada Rusk said she had treated three workers for smoke inhalation, and that one of them had been kept in overnight.",
            ["she had treated three workers for smoke inhalation", "one of them had been kept in overnight"], id="and that",
        ),
        pytest.param(
            '"We got it wrong and we apologise to the crews," union secretary Marek Dahl said.',
            ["We got it wrong", "we apologise to the crews"], id="inside a quotation",
        ),
        pytest.param("Ines Varga said prices rose and wages fell.", ["prices rose", "wages fell"], id="two words each"),
        pytest.param(
            "Paramedics pronounced two men dead at Osk Park and took roughly 35 people to hospital, the ambulance service said.",
            ["Paramedics pronounced two men dead at Osk Park", "took roughly 35 people to hospital"], id="one subject, a count each",
        ),
        pytest.param(
            "The fire service said the blaze destroyed two warehouses, while three homes nearby were damaged by smoke.",
            ["the blaze destroyed two warehouses", "three homes nearby were damaged by smoke"], id="a while clause set against it",
        ),
        pytest.param(
            "Officials said 40 people were killed, whereas the rebels lost only 12 fighters.",
            ["40 people were killed", "the rebels lost only 12 fighters"], id="whereas",
        ),
    ],
)
def test_a_content_stating_several_things_has_a_part_for_each(text: str, expected: list[str]) -> None:
    assert expected in parts_of(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ines Varga said the plan was unfair and would hurt families.", id="one subject, two verbs"),
        pytest.param("Ines Varga said the club sold 2,000 tickets and opened the gates at noon.", id="one subject, one count"),
        pytest.param("Ines Varga said either the council pays or the town sues.", id="a disjunction asserts neither side"),
        pytest.param("Ines Varga said the ferry struck the rocks at 6.50 p.m., two kilometres from the harbour.", id="one clause"),
        pytest.param("Ines Varga said the ground would stay closed while the police investigated.", id="a while clause saying when"),
    ],
)
def test_a_content_stating_one_thing_has_no_parts(text: str) -> None:
    assert parts_of(text) == []


def test_parts_lie_inside_their_content_and_carry_its_quantities() -> None:
    text = "One passenger died and at least 30 people were injured when the Velm ferry ran aground, the coastguard said."
    attribution = analyze_article(Article(text=text)).attributions[0]
    assert [text[p.start : p.end] for p in attribution.parts] == [p.text for p in attribution.parts]
    assert all(attribution.content.start <= p.start < p.end <= attribution.content.end for p in attribution.parts)
    assert [q.text for q in attribution.quantities] == ["One", "at least 30"]
