"""Measure linking on a hand-labelled multi-article corpus (benchmarks/link_corpus).

The corpus's articles are analysed, stored in a throw-away SQLite database and linked exactly
as ``sayso ingest`` would. Each gold claim is found by its quote: the system claim whose
content holds the quote. Then:

- **grouping**: pairwise precision/recall/F1 over the gold claims the system found — a pair
  counts when both claims are in one proposition (the B-cubed-free classic of coreference);
- **verdicts**: a gold proposition is judged right when the system proposition holding most of
  its found claims has the gold verdict (a proposition none of whose claims were found is wrong);
- **stances** and **origins** of the found claims, and namesakes kept apart.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from ..analyze.pipeline import analyze_articles
from ..errors import SaysoError
from ..ingest import read_text
from ..link import link_store
from ..link.names import key
from ..model import VERDICTS, Proposition
from ..store import Store
from .scoring import Tally

CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "link_corpus"


@dataclass
class LinkEvaluation:
    corpus: str
    articles: int
    gold_propositions: int
    gold_claims: int
    found_claims: int
    pairs: Tally
    verdicts_right: int
    stances_right: int
    origins_right: int
    distinct_kept: int
    distinct_pairs: int
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.gold_propositions if self.gold_propositions else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "articles": self.articles,
            "gold_propositions": self.gold_propositions,
            "gold_claims": self.gold_claims,
            "found_claims": self.found_claims,
            "grouping": self.pairs.to_dict(),
            "verdict_accuracy": self.verdict_accuracy,
            "verdicts_right": self.verdicts_right,
            "stance_accuracy": self.stances_right / self.found_claims if self.found_claims else 0.0,
            "origin_accuracy": self.origins_right / self.found_claims if self.found_claims else 0.0,
            "distinct_kept_apart": f"{self.distinct_kept}/{self.distinct_pairs}",
            "confusion": {gold: dict(row) for gold, row in self.confusion.items()},
            "errors": self.errors,
        }


def _load(corpus: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
        manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["articles"]
    except (OSError, ValueError, KeyError) as err:
        raise SaysoError(f"{corpus}: not a link corpus ({err})") from err
    return gold, manifest


def evaluate_linking(corpus: Path | None = None) -> LinkEvaluation:
    """Analyse, store and link the corpus, then score the result against its gold labels."""
    corpus = corpus or CORPUS
    gold, manifest = _load(corpus)
    articles = {}
    for name, meta in sorted(manifest.items()):
        article = read_text((corpus / "articles" / name).read_text(encoding="utf-8"), source=name)
        article.outlet = meta.get("outlet") or article.outlet
        article.agency = meta.get("agency") or article.agency
        article.published = meta.get("published") or article.published
        articles[name] = article
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "link-eval.db")) as store:
        for analysis in analyze_articles(list(articles.values())):
            store.add(analysis)
        link_store(store)
        propositions = store.propositions()
        kept, pairs_checked = _distinct(store, gold.get("distinct", []))
    return _score(str(corpus), gold, articles, propositions, kept, pairs_checked)


def _distinct(store: Store, pairs: list[list[str]]) -> tuple[int, int]:
    kept = 0
    for first, second in pairs:
        one = {e.id for e in store.entities(first) if key(e.name) == key(first)}
        two = {e.id for e in store.entities(second) if key(e.name) == key(second)}
        kept += bool(one) and bool(two) and not one & two
    return kept, len(pairs)


def _score(corpus: str, gold: dict[str, Any], articles: dict[str, Any], propositions: list[Proposition], kept: int, distinct: int) -> LinkEvaluation:
    placed: dict[str, list[tuple[str, Any]]] = defaultdict(list)  # article id → (proposition id, member)
    for proposition in propositions:
        for member in proposition.members:
            placed[member.article].append((proposition, member))
    found: list[tuple[str, Proposition, Any, dict[str, Any]]] = []  # (gold id, system proposition, member, gold member)
    errors = []
    claims = 0
    for item in gold["propositions"]:
        for wanted in item["members"]:
            claims += 1
            article = articles[wanted["article"]]
            match = _holding(placed.get(article.id, []), wanted["quote"])
            if match is None:
                errors.append(f"{item['id']}: not found: {wanted['article']} “{wanted['quote']}”")
                continue
            found.append((item["id"], match[0], match[1], wanted))
    pairs = Tally()
    for i, (gold_a, sys_a, _, _) in enumerate(found):
        for gold_b, sys_b, _, _ in found[i + 1 :]:
            same_gold, same_system = gold_a == gold_b, sys_a.id == sys_b.id
            both = int(same_gold and same_system)
            pairs.add(Tally(predicted=int(same_system), gold=int(same_gold), matched_predicted=both, matched_gold=both))
    confusion: dict[str, Counter[str]] = {v: Counter() for v in VERDICTS}
    right = 0
    for item in gold["propositions"]:
        mine = Counter(p.id for g, p, _, _ in found if g == item["id"])
        system = next((p for g, p, _, _ in found if mine and p.id == mine.most_common(1)[0][0]), None)
        verdict = system.verdict if system is not None else "missing"
        confusion[item["verdict"]][verdict] += 1
        if verdict == item["verdict"]:
            right += 1
        else:
            errors.append(f"{item['id']}: verdict {verdict}, gold {item['verdict']} ({item['label']})")
    stances = sum(m.stance == w["stance"] for _, _, m, w in found)
    origins = sum(key(m.origin) == key(w["origin"]) for _, _, m, w in found)
    return LinkEvaluation(
        corpus=corpus, articles=len(articles), gold_propositions=len(gold["propositions"]), gold_claims=claims,
        found_claims=len(found), pairs=pairs, verdicts_right=right, stances_right=stances, origins_right=origins,
        distinct_kept=kept, distinct_pairs=distinct, confusion=confusion, errors=errors,
    )


def _holding(placed: list[tuple[Proposition, Any]], quote: str) -> tuple[Proposition, Any] | None:
    """The claim a gold quote is in; where sayso split a content into parts and the quote spans
    them ("We spoke too soon, and we are sorry"), the first part inside it."""
    inside = next(((p, m) for p, m in placed if quote in m.content), None)
    return inside or next(((p, m) for p, m in placed if m.part and m.content in quote), None)


def link_tables(evaluation: LinkEvaluation) -> list[Table]:
    summary = Table(title=f"Linking on {evaluation.articles} articles ({evaluation.corpus})")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    pairs = evaluation.pairs
    found = evaluation.found_claims or 1
    for label, value in (
        ("gold claims found", f"{evaluation.found_claims}/{evaluation.gold_claims}"),
        ("grouping pairwise P / R / F1", f"{100 * pairs.precision:.1f} / {100 * pairs.recall:.1f} / {100 * pairs.f1:.1f}"),
        ("verdict accuracy", f"{100 * evaluation.verdict_accuracy:.1f} % ({evaluation.verdicts_right}/{evaluation.gold_propositions})"),
        ("stance accuracy (found claims)", f"{100 * evaluation.stances_right / found:.1f} %"),
        ("origin accuracy (found claims)", f"{100 * evaluation.origins_right / found:.1f} %"),
        ("namesakes kept apart", f"{evaluation.distinct_kept}/{evaluation.distinct_pairs}"),
    ):
        summary.add_row(label, value)
    confusion = Table(title="Verdicts: gold (rows) × sayso (columns)")
    columns = [*VERDICTS, "missing"]
    confusion.add_column("gold")
    for column in columns:
        confusion.add_column(column.replace("_", " "), justify="right")
    for verdict, row in evaluation.confusion.items():
        confusion.add_row(verdict.replace("_", " "), *[str(row.get(c, 0)) for c in columns])
    return [summary, confusion]
