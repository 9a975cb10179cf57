"""Evaluation figures as terminal tables: one per metric, the ratio to the peer, per publisher."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from .published import PUBLISHED
from .roles import ROLES
from .run import RATIO, Evaluation
from .scoring import ATTRIBUTION_CRITERIA, CRITERIA, Tally

CRITERION_TITLES = {
    "exact": "exact span match",
    "begin": "begin match",
    "jaccard": "token Jaccard (soft)",
    "overlap": "overlap match",
}


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _prf(tally: Tally) -> list[str]:
    return [_percent(tally.precision), _percent(tally.recall), _percent(tally.f1)]


def _table(title: str, *labels: str) -> Table:
    """A compact table whose label columns may wrap while figures never do."""
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1), collapse_padding=True)
    for label in labels:
        table.add_column(label, min_width=12, overflow="fold")
    return table


def _figure_column(table: Table, header: str) -> None:
    table.add_column(header, justify="right", no_wrap=True, min_width=5)


def _prf_columns(table: Table, groups: tuple[str, ...]) -> None:
    """P, R, F1 for each group, the group's name written once above its P column."""
    for group in groups:
        for index, measure in enumerate(("P", "R", "F1")):
            _figure_column(table, f"{group if index == 0 else ''}\n{measure}")


def _heading(evaluation: Evaluation) -> str:
    return f"PolNeAR {evaluation.split}, {evaluation.documents} documents"


def criterion_table(evaluation: Evaluation, criterion: str) -> Table:
    """Rows: systems (and, for exact match, the published anchors); columns: P/R/F1 per role."""
    table = _table(f"{CRITERION_TITLES[criterion]} — {_heading(evaluation)}", "system")
    _prf_columns(table, ROLES)
    for result in evaluation.results:
        table.add_row(result.name, *(cell for role in ROLES for cell in _prf(result.overall.roles[criterion][role])))
    if criterion == "exact":
        for published in PUBLISHED:
            cells = [cell for role in ROLES for cell in ("", "", _percent(published.exact_f1[role]))]
            table.add_row(f"{published.name}\n(published, {published.split} split)", *cells, style="italic")
    return table


def attribution_table(evaluation: Evaluation) -> Table:
    """Whole attributions (all three roles matched), under each criterion."""
    table = _table(f"whole attribution (all three roles match) — {_heading(evaluation)}", "system")
    _prf_columns(table, ATTRIBUTION_CRITERIA)
    _figure_column(table, "\npredicted")
    _figure_column(table, "\ngold")
    for result in evaluation.results:
        tallies = result.overall.attribution
        cells = [cell for criterion in ATTRIBUTION_CRITERIA for cell in _prf(tallies[criterion])]
        first = tallies[ATTRIBUTION_CRITERIA[0]]
        table.add_row(result.name, *cells, str(first.predicted), str(first.gold))
    return table


def ratio_table(evaluation: Evaluation) -> Table | None:
    """sayso's F1 over textacy's, for every criterion; None when either was not run."""
    ratio = evaluation.ratio(*RATIO)
    if ratio is None:
        return None
    table = _table(f"F1 ratio {RATIO[0]} / {RATIO[1]}", "criterion")
    for column in (*ROLES, "attribution"):
        _figure_column(table, column)

    def cell(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}×"

    for criterion in CRITERIA:
        whole = cell(ratio["attribution"][criterion]) if criterion in ratio["attribution"] else ""
        table.add_row(criterion, *(cell(ratio["roles"][criterion][role]) for role in ROLES), whole)
    return table


def publisher_table(evaluation: Evaluation) -> Table:
    """F1 per publisher and system: exact per role, overlap of content, whole attributions by overlap."""
    table = _table(f"per publisher, F1 — {_heading(evaluation)}", "publisher", "system")
    _figure_column(table, "\ndocs")
    for index, role in enumerate(ROLES):
        _figure_column(table, f"{'exact' if index == 0 else ''}\n{role}")
    _figure_column(table, "overlap\ncontent")
    _figure_column(table, "whole\noverlap")
    publishers = sorted({p for r in evaluation.results for p in r.by_publisher})
    for publisher in publishers:
        for index, result in enumerate(evaluation.results):
            scores = result.by_publisher[publisher]
            table.add_row(
                publisher if index == 0 else "",
                result.name,
                str(scores.documents),
                *(_percent(scores.roles["exact"][role].f1) for role in ROLES),
                _percent(scores.roles["overlap"]["content"].f1),
                _percent(scores.attribution["overlap"].f1),
                end_section=index == len(evaluation.results) - 1,
            )
    return table


def print_evaluation(console: Console, evaluation: Evaluation, per_publisher: bool = True) -> None:
    """Everything ``sayso eval`` shows, in reading order."""
    for criterion in CRITERIA:
        console.print(criterion_table(evaluation, criterion))
        console.print()
    console.print(attribution_table(evaluation))
    console.print()
    ratio = ratio_table(evaluation)
    if ratio is not None:
        console.print(ratio)
        console.print()
    if per_publisher:
        console.print(publisher_table(evaluation))
        console.print()
    timings = ", ".join(f"{r.name} {r.seconds:.1f} s" for r in evaluation.results)
    console.print(f"time to extract: {timings}", style="dim")
