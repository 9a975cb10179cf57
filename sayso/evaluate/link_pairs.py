"""Cross-article grouping measured on real news: hand-labelled pairs of PolNeAR claims.

The invented link corpora each tell one story, so nearly every claim in them is about that
story, and two claims sharing a word usually are one matter. A store of real news holds many
stories at once: there two claims sharing a name and a word are usually about different things,
and grouping them makes false corroborations and false contests. ``gold/link_pairs_polnear.jsonl``
(described in ``gold/README.md``) holds pairs of claims from different PolNeAR articles published
in one of four seasons (August to October 2016, March to May 2016, November 2015 to February
2016, June and July 2016), each labelled ``same`` (one
matter: one would corroborate, repeat or contradict the other) or ``different`` by a reader who
never ran sayso.

This module analyses each season's articles, stores and links them as ``sayso ingest`` would (a
store per season, as the pairs were drawn), and scores
the labelled pairs: of those the linker put in one proposition, how many are one matter
(precision), and of those labelled ``same``, how many it kept together. A pair's claims are
found by their character spans: the stored claim of that article whose content overlaps the
labelled span most.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table
from sqlalchemy import select

from ..errors import SaysoError
from ..store import Store
from ..store.schema import ArticleRow, MemberRow, PropositionRow
from .polnear import load_split
from .report import _percent
from .scoring import overlap

PAIRS_PATH = Path(__file__).resolve().parent / "gold" / "link_pairs_polnear.jsonl"
# The seasons whose articles the pairs were drawn from, each linked in a store of its own.
SEASONS: dict[str, tuple[str, ...]] = {
    "Aug.–Oct. 2016": ("2016-08", "2016-09", "2016-10"),
    "Mar.–May 2016": ("2016-03", "2016-04", "2016-05"),
    "Nov. 2015–Feb. 2016": ("2015-11", "2015-12", "2016-01", "2016-02"),
    "Jun.–Jul. 2016": ("2016-06", "2016-07"),
}
MONTHS = tuple(month for months in SEASONS.values() for month in months)


@dataclass(frozen=True)
class ClaimSpan:
    document: str
    start: int
    end: int


@dataclass
class LabelledPair:
    number: int
    a: ClaimSpan
    b: ClaimSpan
    label: str  # "same" or "different"
    drawn: str  # "linked": from what the linker grouped when drawn; "near": close but apart
    batch: int = 1  # batches were drawn from the linker of their day (gold/README.md)


@dataclass
class PairEvaluation:
    articles: int
    claims: int
    labelled: int
    same: int
    together: int
    together_same: int
    unmatched: int
    cross_propositions: int
    cross_pairs: int
    verdicts: Counter[str] = field(default_factory=Counter)
    by_batch: dict[int, tuple[int, int, int]] = field(default_factory=dict)  # batch: (together, one matter, labelled one matter)

    @property
    def precision(self) -> float:
        return self.together_same / self.together if self.together else 0.0

    @property
    def kept(self) -> float:
        return self.together_same / self.same if self.same else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "claims": self.claims,
            "labelled_pairs": self.labelled,
            "labelled_same": self.same,
            "together": self.together,
            "together_same": self.together_same,
            "precision": self.precision,
            "same_kept_together": self.kept,
            "unmatched_pairs": self.unmatched,
            "cross_article_propositions": self.cross_propositions,
            "cross_article_pairs": self.cross_pairs,
            "cross_article_verdicts": dict(self.verdicts),
            "batches": {str(b): {"together": t, "together_same": ts, "labelled_same": same} for b, (t, ts, same) in sorted(self.by_batch.items())},
        }


def load_pairs(path: Path = PAIRS_PATH) -> list[LabelledPair]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise SaysoError(f"{path}: can't read the labelled pairs ({err.strerror})") from None
    pairs = []
    for line in lines:
        if line.strip():
            item = json.loads(line)
            pairs.append(LabelledPair(item["pair"], ClaimSpan(**item["a"]), ClaimSpan(**item["b"]), item["label"], item["drawn"], item.get("batch", 1)))
    return pairs


def evaluate_link_pairs(root: Path | None = None, path: Path = PAIRS_PATH) -> PairEvaluation:
    """Analyse, store and link each season's PolNeAR articles, then score the labelled pairs."""
    from ..analyze.pipeline import analyze_articles  # loads spaCy: only when actually evaluating
    from ..link import link_store

    pairs = load_pairs(path)
    documents = [d for split in ("dev", "train") for d in load_split(split, root) if (d.published or "").startswith(MONTHS)]
    named = {d.name for d in documents}
    missing = {span.document for p in pairs for span in (p.a, p.b)} - named
    if missing:
        raise SaysoError(f"{len(missing)} labelled articles are not among the PolNeAR articles found, e.g. {sorted(missing)[0]}")
    members: list[Any] = []
    sources: dict[str, str] = {}
    verdicts: dict[str, str] = {}
    for months in SEASONS.values():
        season = [d for d in documents if (d.published or "").startswith(months)]
        with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "pairs.db")) as store:
            for analysis in analyze_articles([d.article() for d in season]):
                store.add(analysis)
            link_store(store)
            with store.engine.connect() as connection:
                sources.update(connection.execute(select(ArticleRow.id, ArticleRow.source)).all())
                members += connection.execute(
                    select(MemberRow.claim_id, MemberRow.proposition_id, MemberRow.article_id, MemberRow.position, MemberRow.content)
                ).all()
                verdicts.update(connection.execute(select(PropositionRow.id, PropositionRow.verdict)).all())
    return _score(pairs, len(documents), members, sources, verdicts)


def _score(pairs: list[LabelledPair], articles: int, members: list[Any], sources: dict[str, str], verdicts: dict[str, str]) -> PairEvaluation:
    by_document: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    articles_of: dict[str, list[str]] = defaultdict(list)
    for _claim, proposition, article, position, content in members:
        document = (sources.get(article) or "").rsplit("/", 1)[-1]
        by_document[document].append((position, position + len(content), proposition))
        articles_of[proposition].append(article)

    def proposition_of(span: ClaimSpan) -> str | None:
        # The most overlap, then the closest in length: a claim nested inside another's content
        # overlaps the span as much as the content around it does.
        best = max(
            by_document.get(span.document, []),
            key=lambda m: (overlap(m[0], m[1], span.start, span.end), -abs((m[1] - m[0]) - (span.end - span.start))),
            default=None,
        )
        return best[2] if best is not None and overlap(best[0], best[1], span.start, span.end) else None

    together = together_same = unmatched = 0
    batches: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for pair in pairs:
        counts = batches[pair.batch]
        counts[2] += pair.label == "same"
        a, b = proposition_of(pair.a), proposition_of(pair.b)
        if a is None or b is None:
            unmatched += 1
            continue
        if a == b:
            together += 1
            together_same += pair.label == "same"
            counts[0] += 1
            counts[1] += pair.label == "same"
    cross = {p: Counter(a) for p, a in articles_of.items() if len(set(a)) > 1}
    cross_pairs = sum(sum(c.values()) * (sum(c.values()) - 1) // 2 - sum(n * (n - 1) // 2 for n in c.values()) for c in cross.values())
    return PairEvaluation(
        articles=articles, claims=len(members), labelled=len(pairs), same=sum(p.label == "same" for p in pairs),
        together=together, together_same=together_same, unmatched=unmatched, cross_propositions=len(cross),
        cross_pairs=cross_pairs, verdicts=Counter(verdicts[p] for p in cross if p in verdicts),
        by_batch={b: (c[0], c[1], c[2]) for b, c in batches.items()},
    )


def pair_table(result: PairEvaluation) -> Table:
    table = Table(title=f"Grouping on real news: {result.labelled} labelled pairs of PolNeAR claims", box=box.SIMPLE_HEAD)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row(f"articles linked ({', '.join(SEASONS)}: a store each)", f"{result.articles} ({result.claims} claims)")
    table.add_row("labelled pairs put in one proposition", f"{result.together} (one matter: {result.together_same})")
    table.add_row("precision of those", _percent(result.precision))
    table.add_row("pairs labelled one matter kept together", f"{result.together_same} / {result.same}")
    for batch, (together, same, labelled) in sorted(result.by_batch.items()):
        table.add_row(f"  batch {batch}: together (one matter) / labelled one matter", f"{together} ({same}) / {labelled}")
    table.add_row("pairs whose claims were not found", str(result.unmatched))
    table.add_row("propositions across articles", f"{result.cross_propositions} ({result.cross_pairs} pairs of claims)")
    table.add_row("their verdicts", ", ".join(f"{v} {n}" for v, n in result.verdicts.most_common()))
    return table
