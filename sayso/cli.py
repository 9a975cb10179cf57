"""The ``sayso`` command: a thin layer over the Python API (``sayso.api``).

Every command turns a user mistake or a bad input into one line on stderr and a non-zero
exit code, never a traceback.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import api
from .analyze.tagger import MODEL_PATH
from .errors import IngestError, SaysoError
from .evaluate import DEFAULT_SYSTEMS, evaluate, load_split
from .evaluate.assertions import assertion_confusion_table, assertion_table, evaluate_assertions
from .evaluate.claim_details import evaluate_claim_details, summary_table
from .evaluate.linking import evaluate_linking, link_tables
from .evaluate.link_pairs import evaluate_link_pairs, pair_table
from .link import word_rarity
from .evaluate.normalisation import NormalisationEvaluation, errors_table, evaluate_quantities, evaluate_times, normalisation_table
from .evaluate.speakers import errors_table as speaker_errors_table
from .evaluate.speakers import evaluate_speakers, speakers_table
from .evaluate.speech_acts import confusion_table, evaluate_speech_acts, speech_act_table
from .evaluate.report import print_evaluation
from .link import ALIAS_ACTIONS, decide_alias, link_store
from .model import VERDICTS
from .terminal import print_analysis, print_claims, print_entities, print_proposition, print_propositions
from .training import train_tagger

app = typer.Typer(
    name="sayso",
    help="Who says so? Find every attributed claim in news articles: quotes, reported speech, "
    "'according to' sources and chains of who quoted whom, with the speaker resolved.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # an error stays one line at any width

F = TypeVar("F", bound=Callable[..., Any])

DB_OPTION = typer.Option(
    None,
    "--db",
    envvar="SAYSO_DB",
    help="Database URL (sqlite:///path.db, postgresql://…) or a file path. "
    "Default: $SAYSO_DB, else sayso.db in the current directory.",
)


def _reports_errors(command: F) -> F:
    """Turn sayso's own errors into one line on stderr and exit code 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SaysoError as error:
            err.print(f"error: {error}", markup=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _report(error: IngestError) -> None:
    err.print(f"error: {error}", markup=False)


@app.command()
@_reports_errors
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs or http(s) URLs: plain text, HTML, RSS/Atom, WARC."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (one object per article, one per line) instead of tables."),
    extractor: Optional[str] = typer.Option(
        None,
        "--extractor",
        help="hybrid (default: the trained tagger's attributions with the rules' reading of quotes and chains), tagger (the trained tagger alone, "
        "no chains or nested claims) or rules (the rule-based reading alone).",
    ),
) -> None:
    """Find the claims in articles without storing anything.

    Prints, for each article, every attribution (who says what, with which cue, via whom)
    and the statements the article makes with no source. With --json the output follows
    the documented JSON contract (sayso/schema/analysis.schema.json).
    """
    if extractor not in (None, "hybrid", "tagger", "rules"):
        raise SaysoError(f"--extractor {extractor}: choose hybrid, tagger or rules")
    read = failed = 0
    for item in api.analyze_many(*paths, extractor=extractor):  # type: ignore[arg-type]
        if isinstance(item, IngestError):
            failed += 1
            _report(item)
            continue
        read += 1
        if as_json:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_analysis(out, item)
    if read == 0:
        raise SaysoError("no article could be read" if failed else "no input given")


@app.command()
@_reports_errors
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, globs or http(s) URLs: plain text, HTML, RSS/Atom, WARC."),
    db: Optional[str] = DB_OPTION,
    link: bool = typer.Option(True, "--link/--no-link", help="Link the new articles' claims across articles afterwards (default)."),
) -> None:
    """Analyse articles and store them with their claims, then link them.

    Each article goes in as one transaction, so a failure never leaves half an article.
    An article already stored (same normalised text, from any format) is left as it is:
    re-ingesting the same input changes nothing. Inputs that can't be read are reported
    one per line; the others still go in. The exit code is 1 when nothing could be read.
    Afterwards the new articles are linked (see `sayso link`) unless --no-link is given.
    """
    with api.open_store(db) as store:
        summary = api.IngestSummary()
        progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[current]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,  # a log file gets the summary, not a bar
        )
        stop = _StopRequest()
        try:
            with progress, stop:
                task = progress.add_task("ingest", total=None, current="")
                for event in api.ingest(store, *paths):
                    if isinstance(event, IngestError):
                        progress.console.print(f"error: {event}", markup=False, highlight=False)
                        summary.failed += 1
                    else:
                        analysis, new = event
                        summary.count(analysis, new)
                        progress.update(task, advance=1, current=(analysis.article.title or analysis.article.id)[:40])
                    stop.check()
        except KeyboardInterrupt:  # the summary counts every article stored; one cut short was rolled back
            out.print(summary.describe(), markup=False)
            err.print("interrupted: the articles counted above are stored; run the same command again for the rest", markup=False)
            raise typer.Exit(130) from None
        out.print(summary.describe(), markup=False)
        # Also after a run that found nothing new: an earlier one may have stopped before linking.
        if link and (summary.new or store.unlinked()):
            try:
                out.print(link_store(store).describe(), markup=False)
            except KeyboardInterrupt:
                err.print("interrupted while linking: every article is stored; 'sayso link' links the rest", markup=False)
                raise typer.Exit(130) from None
        if summary.new + summary.known == 0:
            raise SaysoError("no article could be read" if summary.failed else "no input given")


class _StopRequest:
    """Ctrl-C during an ingest: the article being stored is finished and counted before the run
    stops, so the closing summary is exactly what the store holds; a second Ctrl-C stops at once
    (the article in progress is then rolled back)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopRequest:
        if threading.current_thread() is threading.main_thread():  # only there can a handler be set
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, _signal: int, _frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        err.print("stopping after the article in progress (Ctrl-C again to stop at once)", markup=False)

    def check(self) -> None:
        if self.requested:
            raise KeyboardInterrupt


@app.command("link")
@_reports_errors
def link_command(
    rebuild: bool = typer.Option(False, "--rebuild", help="Forget every link result and link all stored articles again (alias decisions are kept)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Link stored claims across articles: entities, propositions, verdicts.

    Only articles not linked yet are read, one transaction each, in publication order;
    running it twice changes nothing. `sayso ingest` runs it for you.
    """
    with api.open_store(db) as store:
        out.print(link_store(store, rebuild=rebuild).describe(), markup=False)


@app.command()
@_reports_errors
def propositions(
    verdict: Optional[str] = typer.Option(None, "--verdict", help="Only this verdict: " + ", ".join(VERDICTS) + "."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Only propositions whose claims come from or mention an entity with this name."),
    min_claims: int = typer.Option(1, "--min-claims", min=1, help="Only propositions with at least this many claims."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many propositions."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON contract (sayso/schema/propositions.schema.json)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """List propositions — claims grouped across articles — with their verdicts, newest first."""
    if verdict is not None and verdict not in VERDICTS:
        raise SaysoError(f"--verdict {verdict}: choose one of {', '.join(VERDICTS)}")
    with api.open_store(db) as store:
        found = store.propositions(verdict=verdict, entity=entity, limit=limit, members_at_least=min_claims)
        if as_json:
            sys.stdout.write(json.dumps([p.to_dict() for p in found], ensure_ascii=False, indent=2) + "\n")
        else:
            print_propositions(out, found)


@app.command()
@_reports_errors
def proposition(
    proposition_id: str = typer.Argument(..., help="Proposition id, or a unique prefix of at least 4 characters."),
    as_json: bool = typer.Option(False, "--json", help="Print the proposition as JSON (one item of the propositions contract)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Show one proposition: its verdict, the explanation, and every claim with its chain and date."""
    with api.open_store(db) as store:
        found = store.proposition(proposition_id)
        if as_json:
            sys.stdout.write(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            print_proposition(out, found)


@app.command()
@_reports_errors
def entity(
    name: str = typer.Argument(..., help="A name or part of one (case-insensitive): any of the entity's forms."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of matching entities."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Show an entity across articles: its aliases and what it said, newest first."""
    with api.open_store(db) as store:
        found = store.entities(name)
        if as_json:
            sys.stdout.write(json.dumps([e.to_dict() for e in found], ensure_ascii=False, indent=2) + "\n")
        else:
            print_entities(out, found)


@app.command()
@_reports_errors
def alias(
    action: str = typer.Argument(..., help="merge (the two names are one entity) or split (they are two)."),
    first: str = typer.Argument(..., help="A name of the first entity."),
    second: str = typer.Argument(..., help="A name of the second entity."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Overrule entity linking by hand; the decision is kept and applied on every re-link."""
    if action not in ALIAS_ACTIONS:
        raise SaysoError(f"{action}: choose {' or '.join(ALIAS_ACTIONS)}")
    with api.open_store(db) as store:
        summary = decide_alias(store, action, first, second)
        out.print(f"{action} {first!r} and {second!r} recorded; " + summary.describe(), markup=False)


@app.command()
@_reports_errors
def claims(
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Only claims whose speaker name or words contain this (case-insensitive)."),
    article: Optional[str] = typer.Option(None, "--article", help="Only claims of this article (id or unique id prefix)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many claims."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of claims."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """List the stored attributed claims, newest articles first."""
    with api.open_store(db) as store:
        found = store.claims(speaker=speaker, article=article, limit=limit)
        if as_json:
            sys.stdout.write(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2) + "\n")
        else:
            print_claims(out, found)


@app.command()
@_reports_errors
def show(
    article_id: str = typer.Argument(..., help="Article id, or a unique prefix of at least 4 characters."),
    as_json: bool = typer.Option(False, "--json", help="Print the article's analysis as JSON (the analyze --json contract)."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Show one stored article with all its claims."""
    with api.open_store(db) as store:
        analysis = store.get(store.resolve_article_id(article_id))
        if analysis is None:
            raise SaysoError(f"{article_id}: no such article")
        if as_json:
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        else:
            print_analysis(out, analysis)


@app.command()
@_reports_errors
def serve(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the store: web pages at / and the REST API at /api/ (schema at /api/openapi.json).

    Reading is open unless $SAYSO_READ_TOKEN is set; writing (POST /api/articles) needs
    $SAYSO_TOKEN, sent as 'Authorization: Bearer TOKEN', and is off without it. See docs/serve.md.
    """
    import uvicorn

    from .serve import create_app

    web = create_app(db)
    settings = web.state.settings
    err.print(
        f"sayso: http://{host}:{port}/ · writing {'on' if settings.token else 'off (no SAYSO_TOKEN)'}"
        f" · reading {'needs a token' if settings.read_token else 'open'}",
        markup=False,
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")


eval_app = typer.Typer(
    help="Measure extraction quality on annotated corpora, beside peers and published results.",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")


@eval_app.command("polnear")
@_reports_errors
def eval_polnear(
    split: str = typer.Option("dev", "--split", help="train or dev; the test split is held out and refused."),
    systems: str = typer.Option(",".join(DEFAULT_SYSTEMS), "--systems", help="Comma-separated systems to compare."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N documents (by file name)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object (fractions, with counts)."),
    per_publisher: bool = typer.Option(True, "--per-publisher/--no-per-publisher", help="Also break the figures down by publisher."),
    root: Optional[Path] = typer.Option(None, "--root", help="PolNeAR folder. Default: $SAYSO_POLNEAR, else shared/data/polnear beside the checkout."),
) -> None:
    """Score extractors on PolNeAR: P/R/F1 for source, cue and content, and whole attributions.

    Every system runs on the same articles and is scored by the same scorer under four span
    criteria (exact, begin, token Jaccard, overlap); the published results are shown beside
    them. See docs/evaluation.md for the definitions.
    """
    names = [name.strip() for name in systems.split(",") if name.strip()]
    if not names:
        raise SaysoError("--systems names no system")
    documents = load_split(split, root)[:limit]
    result = evaluate(documents, names, on_system=lambda name: err.print(f"running {name} on {len(documents)} {split} documents…", style="dim"))
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(per_publisher), ensure_ascii=False, indent=2) + "\n")
    else:
        print_evaluation(out, result, per_publisher)


@eval_app.command("link")
@_reports_errors
def eval_link(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="A link corpus folder (gold.json, manifest.json, articles/). Default: benchmarks/link_corpus."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    errors: bool = typer.Option(False, "--errors", help="Also list every gold claim not found and every wrong verdict."),
    polnear: bool = typer.Option(False, "--polnear", help="Score grouping on labelled pairs of real PolNeAR claims instead (924 articles in four seasons, about four minutes)."),
) -> None:
    """Score linking on a hand-labelled multi-article corpus: grouping, verdicts, stances, origins.

    The articles are analysed, stored in a throw-away database and linked as `sayso ingest`
    would; see docs/linking.md for the measures. With --polnear, the PolNeAR articles of
    August to October 2016, March to May 2016 and November 2015 to February 2016 are linked
    instead (a store each) and the labelled pairs of their claims scored.
    """
    if polnear:
        pairs = evaluate_link_pairs()
        if as_json:
            sys.stdout.write(json.dumps(pairs.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.print(pair_table(pairs))
        return
    result = evaluate_linking(corpus)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    for table in link_tables(result):
        out.print(table)
    if errors:
        for line in result.errors:
            out.print(line, markup=False)


@eval_app.command("claims")
@_reports_errors
def eval_claims(as_json: bool = typer.Option(False, "--json", help="Print every figure as one JSON object.")) -> None:
    """Measure speaker resolution, speech acts, unattributed assertions, quantities and dates, in one table.

    Uses the hand-labelled samples in sayso/evaluate/gold (see its README); details per
    measure: `sayso eval speakers|quantities|times|speech-acts|unattributed`.
    """
    result = evaluate_claim_details()
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(summary_table(result))


@eval_app.command("speakers")
@_reports_errors
def eval_speakers(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    errors: bool = typer.Option(False, "--errors", help="Also list every source resolved wrongly or not found."),
    root: Optional[Path] = typer.Option(None, "--root", help="PolNeAR folder. Default: $SAYSO_POLNEAR, else shared/data/polnear beside the checkout."),
) -> None:
    """Speaker resolution on hand-annotated PolNeAR dev sources: pronouns, titles, partial names."""
    result = evaluate_speakers(root)
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(speakers_table(result))
    if errors:
        out.print(speaker_errors_table(result))


@eval_app.command("quantities")
@_reports_errors
def eval_quantities(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    errors: bool = typer.Option(False, "--errors", help="Also list every expression read wrongly."),
) -> None:
    """Quantity normalisation on the hand-written test set: value, bounds, unit, rate, what is counted."""
    _print_normalisation(evaluate_quantities(), as_json, errors)


@eval_app.command("times")
@_reports_errors
def eval_times(
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object."),
    errors: bool = typer.Option(False, "--errors", help="Also list every expression read wrongly."),
) -> None:
    """Date and time normalisation on the hand-written test set, anchored on publication dates."""
    _print_normalisation(evaluate_times(), as_json, errors)


def _print_normalisation(evaluation: NormalisationEvaluation, as_json: bool, errors: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(evaluation.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(normalisation_table(evaluation))
    if errors:
        out.print(errors_table(evaluation))


@eval_app.command("speech-acts")
@_reports_errors
def eval_speech_acts(as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object.")) -> None:
    """Speech acts (assert, deny, retract, revise, hedge, concede, no comment) on labelled PolNeAR dev attributions."""
    result = evaluate_speech_acts()
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(speech_act_table(result))
        out.print(confusion_table(result))


@eval_app.command("unattributed")
@_reports_errors
def eval_unattributed(as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object.")) -> None:
    """Unattributed news and background assertions on labelled PolNeAR dev sentences."""
    result = evaluate_assertions()
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(assertion_table(result))
        out.print(assertion_confusion_table(result))


@app.command()
@_reports_errors
def train(
    split: str = typer.Option("train", "--split", help="The PolNeAR split to learn from (train; dev is for measuring)."),
    output: Path = typer.Option(MODEL_PATH, "--output", help="Where to write the model. Default: the one sayso analyze loads."),
    iterations: int = typer.Option(150, "--iterations", min=1, help="L-BFGS iterations."),
    c1: float = typer.Option(4.0, "--c1", min=0.0, help="L1 regularisation (higher: smaller model)."),
    c2: float = typer.Option(0.01, "--c2", min=0.0, help="L2 regularisation."),
    min_frequency: int = typer.Option(3, "--min-frequency", min=1, help="Drop features seen fewer times in training."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N documents (a quick trial)."),
    root: Optional[Path] = typer.Option(None, "--root", help="PolNeAR folder. Default: $SAYSO_POLNEAR, else shared/data/polnear beside the checkout."),
    rarity: bool = typer.Option(False, "--word-rarity", help="Rebuild instead how many news articles use each word, which tells linking how much a word two claims share says (a few seconds)."),
) -> None:
    """Train the attribution tagger on PolNeAR (about 10 minutes on 2 CPU cores).

    The committed model was built by exactly `sayso train` with its defaults, from
    shared/data/polnear/train; `sayso eval polnear --split dev` then measures it. The committed
    sayso/link/word_rarity.txt was built by exactly `sayso train --word-rarity`.
    """
    if rarity:
        articles, counts = word_rarity.article_counts(d.text for d in load_split("train", root) if (d.published or "") < word_rarity.BEFORE)
        word_rarity.write_word_rarity(articles, counts)
        out.print(f"{len(counts)} stems counted in {articles} articles, written to {word_rarity.PATH}", markup=False, soft_wrap=True)
        return
    documents = load_split(split, root)[:limit]
    report = train_tagger(
        documents, output, c1=c1, c2=c2, max_iterations=iterations, min_frequency=min_frequency,
        progress=lambda m: err.print(m, style="dim"),
    )
    out.print(
        f"trained on {report.articles} articles ({report.tokens} tokens) in "
        f"{report.seconds_parsing + report.seconds_training:.0f}s; model {report.model} ({report.model_bytes / 1e6:.1f} MB)",
        markup=False,
    )


from . import cli_batch  # noqa: E402,F401  (registers spark analyze, load and export on app)


def main() -> None:
    app()
