"""Unattributed assertions: what the article states in its own voice, news kept apart from background."""

from __future__ import annotations

import sayso
from sayso.model import Analysis, Article


def _by_text(analysis: Analysis) -> dict[str, bool]:
    return {u.content.text: u.background for u in analysis.unattributed}


def test_seed_news_assertions(seed_analysis: Analysis) -> None:
    found = [u for u in seed_analysis.unattributed if "is fast turning into a new stronghold of Islamic State" in u.content.text]
    assert len(found) == 1 and found[0].background is False
    news = _by_text(seed_analysis)
    assert news["Hundreds of people including civilians have died in the fighting."] is False
    assert news["The latest fighting that began on September 27 has involved heavy artillery and rockets."] is False
    assert news["However it did not last long and attacks resumed."] is False


def test_seed_background(seed_analysis: Analysis) -> None:
    background = {u.content.text for u in seed_analysis.unattributed if u.background}
    assert "Turkey is also a NATO member." in background
    assert "The area is a major oil and gas pipeline corridor." in background
    assert any(t.startswith("Nagorno Karabakh is an enclave legally considered") for t in background)


def test_seed_unattributed_hold_no_attributed_content(seed_analysis: Analysis) -> None:
    for u in seed_analysis.unattributed:
        for a in seed_analysis.attributions:
            for part in (a.content, a.cue, a.speaker):
                if part is not None:
                    assert not (part.start < u.content.end and u.content.start < part.end), (u.content.text, part.text)
    texts = " ".join(u.content.text for u in seed_analysis.unattributed)
    for words in ("holy war", "red line", "4000 ISIS mercenaries", "Abu Amsha", "private Turkish security company"):
        assert words not in texts


def test_seed_unattributed_quantities_and_times(seed_analysis: Analysis) -> None:
    hundreds = next(u for u in seed_analysis.unattributed if u.content.text.startswith("Hundreds of people"))
    assert [(q.text, q.low, q.high) for q in hundreds.quantities] == [("Hundreds", 100, 999)]
    truce = next(u for u in seed_analysis.unattributed if "truce" in u.content.text)
    assert [(t.text, t.value) for t in truce.times] == [("October 10", "2020-10-10")]


def test_history_description_and_habit_are_background() -> None:
    article = Article(
        text=(
            "Floods closed the main road into Millbrook on Tuesday. "
            "In 2012, the town was evacuated after a similar storm. "
            "The river is the longest in the county. "
            "Such storms rarely reach the coast in October. "
            "It is the worst flood since the records began."
        ),
        published="2020-10-20",
    )
    got = _by_text(sayso.analyze(article))
    assert got["Floods closed the main road into Millbrook on Tuesday."] is False
    assert got["In 2012, the town was evacuated after a similar storm."] is True
    assert got["The river is the longest in the county."] is True
    assert got["Such storms rarely reach the coast in October."] is True
    assert got["It is the worst flood since the records began."] is False


def test_headline_quotes_credits_and_questions_are_not_assertions() -> None:
    article = Article(
        title="Floods close Millbrook road",
        text=(
            "Floods close Millbrook road.\n\n"
            "Floods closed the main road into Millbrook on Tuesday, stranding dozens of drivers. "
            "\"We have never seen water this high. The bridge is under a metre of water,\" the mayor said. "
            "\"Nobody should try to drive through it.\"\n\n"
            "Will the road reopen before the weekend?\n\n"
            "Read the full story here.\n\n"
            "Ann Lee contributed reporting."
        ),
        published="2020-10-20",
    )
    texts = [u.content.text for u in sayso.analyze(article).unattributed]
    assert texts == ["Floods closed the main road into Millbrook on Tuesday, stranding dozens of drivers."]


def test_a_partly_attributed_sentence_keeps_the_authors_own_clause() -> None:
    article = Article(
        text=(
            "The truce in Millbrook collapsed on Sunday, and officials said 40 people died in the shelling.\n\n"
            "The ferry was late again on Monday, but the harbor board said the engines were repaired, a clerk said."
        ),
        published="2020-10-20",
    )
    result = sayso.analyze(article)
    got = _by_text(result)
    assert got == {"The truce in Millbrook collapsed on Sunday": False}
    (truce,) = result.unattributed
    assert truce.times and truce.times[0].value == "2020-10-18"
    assert not [a for a in result.attributions if a.content.start < truce.content.end and truce.content.start < a.content.end]


def test_a_now_word_inside_a_name_does_not_make_a_description_news() -> None:
    article = Article(
        text="Harbor Today is the English-language version of the Millbrook Ledger, a paper financed by the county trust. "
        "The ferry today is the slowest in the region.",
        published="2020-10-20",
    )
    got = _by_text(sayso.analyze(article))
    assert got["Harbor Today is the English-language version of the Millbrook Ledger, a paper financed by the county trust."] is True
    assert got["The ferry today is the slowest in the region."] is False


def test_a_date_word_inside_an_outlet_name_does_not_make_a_description_news() -> None:
    text = "KV America is the American version of Valdoria Today, the satellite network financed by the Valdorian government."
    assert _by_text(sayso.analyze(Article(text=text, published="2016-09-19")))[text] is True


def test_what_a_law_or_ruling_would_do_is_background() -> None:
    law, ferry = "The legislation would end the harbor board's monopoly on crossings.", "The ferry would be late again on Wednesday."
    text = f"Ferry bill passes.\n\nThe Millbrook council passed the ferry bill on Tuesday. {law} {ferry}"
    got = _by_text(sayso.analyze(Article(text=text, published="2020-10-20")))
    assert (got[law], got[ferry]) == (True, False)
