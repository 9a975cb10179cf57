"""`sayso eval claims`: every measure of what sayso says *about* each claim, in one run.

Who (speaker resolution on hand-annotated PolNeAR dev sources), how many and when
(normalisation of hand-written quantity and date test sets), how firmly (speech acts on
hand-labelled dev attributions) and what the author asserts with no source (hand-labelled
dev sentences). Each part has its own command with the details; this one prints the summary
README carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.table import Table

from .assertions import AssertionEvaluation, AssertionScores, evaluate_assertions, load_assertion_gold
from .normalisation import NormalisationEvaluation, evaluate_quantities, evaluate_times
from .speakers import SpeakerEvaluation, evaluate_speakers
from .speech_acts import SpeechActEvaluation, evaluate_speech_acts, gold_analyses, load_speech_act_gold


HELD_OUT = "heldout"  # items labelled after the rules were frozen: the unbiased figures


@dataclass
class ClaimDetails:
    speakers: SpeakerEvaluation
    quantities: NormalisationEvaluation
    times: NormalisationEvaluation
    speech_acts: SpeechActEvaluation
    unattributed: AssertionEvaluation
    speech_acts_held_out: SpeechActEvaluation | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speakers": self.speakers.to_dict(),
            "quantities": self.quantities.to_dict(),
            "times": self.times.to_dict(),
            "speech_acts": self.speech_acts.to_dict(),
            "unattributed": self.unattributed.to_dict(),
            "speech_acts_held_out": self.speech_acts_held_out.to_dict() if self.speech_acts_held_out else None,
        }


def evaluate_claim_details() -> ClaimDetails:
    """Run every measure; the PolNeAR dev articles both labelled samples need are analysed once."""
    acts, sentences = load_speech_act_gold(), load_assertion_gold()
    analyses = gold_analyses({i.document for i in acts} | {i.document for i in sentences})
    return ClaimDetails(
        speakers=evaluate_speakers(),
        quantities=evaluate_quantities(),
        times=evaluate_times(),
        speech_acts=evaluate_speech_acts(gold=acts, analyses=analyses),
        unattributed=evaluate_assertions(gold=sentences, analyses=analyses),
        speech_acts_held_out=evaluate_speech_acts(gold=[i for i in acts if i.stratum == HELD_OUT], analyses=analyses),
    )


def held_out_batches(evaluation: AssertionEvaluation) -> list[tuple[str, AssertionScores]]:
    """(", held out", …), (", held out 2", …): each batch labelled after the rules, reported apart."""
    return [
        (", " + stratum.replace(HELD_OUT, "held out").replace("_", " "), scores)
        for stratum, scores in sorted(evaluation.by_stratum.items())
        if stratum.startswith(HELD_OUT)
    ]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def summary_table(details: ClaimDetails) -> Table:
    table = Table(title="What sayso says about each claim, measured")
    for column in ("measure", "data", "result"):
        table.add_column(column)
    for part, tally in [("", details.speakers.overall), *((f", {p.replace('_', ' ')}", t) for p, t in sorted(details.speakers.by_part.items()))]:
        table.add_row(
            f"speaker resolution{part}",
            f"{tally.items} hand-annotated PolNeAR dev sources (pronoun, title, partial name)",
            f"names right: {_percent(tally.name_accuracy)} of all, {_percent(tally.name_accuracy_matched)} where found, "
            f"{_percent(tally.given_name_accuracy)} given the gold span",
        )
    for name, evaluation in (("quantity normalisation", details.quantities), ("date normalisation", details.times)):
        whole = evaluation.tally()
        table.add_row(name, f"{whole.total} hand-written expressions", f"{100 * evaluation.accuracy:.1f} % all fields right")
    acts = details.speech_acts
    table.add_row(
        "speech acts (polarity)",
        f"{acts.items} labelled PolNeAR dev attributions ({acts.matched} found)",
        f"accuracy {100 * acts.accuracy:.1f} %, macro F1 {100 * acts.macro_f1():.1f}",
    )
    held = details.speech_acts_held_out
    if held is not None:
        table.add_row("speech acts, held out", f"{held.items} labelled after the rules were written ({held.matched} found)", f"accuracy {100 * held.accuracy:.1f} %")
    for suffix, scores in [("", details.unattributed.overall), *held_out_batches(details.unattributed)]:
        for name in ("news", "background", "unattributed"):
            counts = scores.detections[name]
            table.add_row(
                f"unattributed: {name}{suffix}",
                f"{scores.sentences} labelled PolNeAR dev sentences",
                f"P {100 * counts.precision:.1f} / R {100 * counts.recall:.1f} / F1 {100 * counts.f1:.1f}",
            )
    return table
