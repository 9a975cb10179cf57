"""Whom a person speaks for: invented articles, invented people and bodies."""

from __future__ import annotations

import pytest

from sayso.analyze import analyze_article
from sayso.model import Article

LEAD = "The Harlow Hospitals Trust and the Osk Water Authority both spoke on Monday. "


def speaks_for(text: str) -> dict[str, str | None]:
    """Each person the analysis names, with the body it says they speak for."""
    return {e.name: e.speaks_for for e in analyze_article(Article(text=text)).entities if e.type == "person"}


@pytest.mark.parametrize(
    "sentence, person, body",
    [
        ("Erland Moss, chief executive of Tessholm Sound Ferries, said crossings were suspended.", "Erland Moss", "Tessholm Sound Ferries"),
        ("Hollin Logistics spokeswoman Lena Orme said the sprinklers worked.", "Lena Orme", "Hollin Logistics"),
        ("Superintendent Arvid Kolst of Velland Police said the span fell at 8 a.m.", "Arvid Kolst", "Velland Police"),
        ("Dr Maren Vennick, the trust's medical director, said treatment went on.", "Maren Vennick", "Harlow Hospitals Trust"),
        ("Mara Lusk, a consultant surgeon who chairs the Osk Medical Association, said 340 operations were cancelled.", "Mara Lusk", "Osk Medical Association"),
        ("Yara Quennell, deputy director of the National Cyber Defence Centre, said the attackers got in through a supplier.", "Yara Quennell", "National Cyber Defence Centre"),
    ],
)
def test_a_post_in_a_body_is_read_from_the_words_around_the_name(sentence: str, person: str, body: str) -> None:
    assert speaks_for(LEAD + sentence)[person] == body


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Erik Vannes, a former shift supervisor at Hollin Logistics, said the alarms were off.", "Erik Vannes"),
        ("Dr Klara Renwick, a structural engineer at Velland Technical University, said the tendons had rusted.", "Klara Renwick"),
        ("Interior Minister Aleksander Brandt said the government would pay for housing.", "Aleksander Brandt"),
        ("Tomas Lind, who lives near the Osk Water Authority depot, said the water smelled.", "Tomas Lind"),
    ],
)
def test_a_former_post_an_expert_a_portfolio_or_a_neighbour_speaks_for_no_body(sentence: str, person: str) -> None:
    assert speaks_for(LEAD + sentence)[person] is None
