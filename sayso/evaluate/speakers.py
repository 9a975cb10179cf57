"""Speaker resolution measured on hand-annotated PolNeAR sources.

The gold files (``gold/speakers_dev.jsonl`` and ``gold/speakers_train.jsonl``, described in
``gold/README.md``) hold PolNeAR source spans that are a pronoun, a title or role phrase, or a partial name, each with the entity
it refers to as read by a person: the fullest name the article gives (null when it never names
it) and a type. This module runs sayso's default analysis on the articles concerned, finds the
predicted attribution whose speaker mention overlaps each gold span, and scores the resolved
name and type.

How a predicted name is compared with the gold one (``name_matches``): both are reduced to
tokens — case folded, quotes and punctuation dropped (apostrophes and hyphens inside a word
kept), a possessive ``'s`` dropped, a leading "the" dropped, honorifics such as Mr., Mrs., Sen.
or Dr. dropped. The prediction is right when the token lists are equal, or when both have at
least two tokens, share the first and the last, and one list's tokens all occur in the other:
they differ only by middle names, initials or a nickname ("Donald J. Trump" = "Donald Trump",
"Robert C. Scott" = "Robert C. Bobby Scott"). A gold item may list ``aliases``, other names that
are equally right ("Hillary Clinton campaign" beside "Clinton campaign"). A gold name of null
is matched only by a prediction with no name. A surname alone never matches a full name.

No predicted speaker overlapping the gold span counts as wrong for name and type, and is
counted separately as *missed*, so the headline figures mix extraction and resolution. Two more
figures isolate resolution: the accuracy on the items an attribution was found for, and the
accuracy when the resolver is handed the gold source span itself as a speaker mention (in
reading order with the speakers the analysis found), which scores every item whatever the
extractor did.

Items belong to a *part*: ``tuning`` items were looked at while the resolver was improved;
``held_out`` to ``held_out_22`` items were annotated afterwards, in twenty-two batches, each scored
before the resolver changed again; the table shows each. The last fourteen come from the train
split, once dev had no candidates left: nothing in the resolver is learnt from train (only the
attribution tagger is, which can make its end-to-end figure a little better than on dev).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table
from spacy.tokens import Doc

from ..errors import SaysoError
from ..model import Analysis, Span, Speaker
from .polnear import GoldDocument, load_split
from .report import _percent
from .scoring import overlap

GOLD_FILES = {split: Path(__file__).resolve().parent / "gold" / f"speakers_{split}.jsonl" for split in ("dev", "train")}
GOLD_PATH = GOLD_FILES["dev"]
CATEGORIES = ("pronoun", "title", "partial_name")
PARTS = ("tuning", "held_out", "held_out_2", "held_out_3", "held_out_4", "held_out_5", "held_out_6", "held_out_7", "held_out_8", "held_out_9", "held_out_10", "held_out_11", "held_out_12", "held_out_13", "held_out_14", "held_out_15", "held_out_16", "held_out_17", "held_out_18", "held_out_19", "held_out_20", "held_out_21", "held_out_22")
TYPES = ("person", "organisation", "government", "outlet", "vague")

_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sen rep gov lt col gen capt sgt rev prof sir dame hon".split()
)
_PUNCT = re.compile(r"[^\w\s'\-]")
_POSSESSIVE = re.compile(r"'s?$")


@dataclass
class GoldSpeaker:
    """One hand-annotated source mention and the entity it refers to."""

    document: str
    start: int
    end: int
    text: str
    category: str
    name: str | None
    type: str | None
    aliases: list[str] = field(default_factory=list)
    part: str = "tuning"


@dataclass
class Outcome:
    """How one gold item came out: through the analysis, and given its mention."""

    gold: GoldSpeaker
    predicted: Speaker | None
    given: Speaker | None = None  # the gold span resolved as a speaker mention
    given_checked: bool = False  # whether the gold span was resolved at all

    @property
    def given_name_right(self) -> bool | None:
        """None when the gold span was not resolved on its own."""
        if not self.given_checked:
            return None
        return self.given is not None and name_matches(self.given.name, self.gold.name, self.gold.aliases)

    @property
    def given_type_right(self) -> bool | None:
        if self.gold.type is None or not self.given_checked:
            return None
        return self.given is not None and self.given.type == self.gold.type

    @property
    def missed(self) -> bool:
        return self.predicted is None

    @property
    def name_right(self) -> bool:
        return self.predicted is not None and name_matches(self.predicted.name, self.gold.name, self.gold.aliases)

    @property
    def type_right(self) -> bool | None:
        """None when the gold item gives no type."""
        if self.gold.type is None:
            return None
        return self.predicted is not None and self.predicted.type == self.gold.type


@dataclass
class SpeakerCounts:
    """Counts for one group of gold items, and the accuracies they give."""

    items: int = 0
    missed: int = 0
    names_right: int = 0
    typed: int = 0  # items whose gold gives a type
    types_right: int = 0
    given_names_right: int = 0
    given_types_right: int = 0
    given: int = 0  # items whose span was also resolved on its own

    def add(self, outcome: Outcome) -> None:
        self.items += 1
        self.missed += outcome.missed
        self.names_right += outcome.name_right
        self.given_names_right += bool(outcome.given_name_right)
        self.given += outcome.given_checked
        if outcome.type_right is not None:
            self.typed += 1
            self.types_right += outcome.type_right
            self.given_types_right += bool(outcome.given_type_right)

    @property
    def name_accuracy(self) -> float | None:
        return self.names_right / self.items if self.items else None

    @property
    def name_accuracy_matched(self) -> float | None:
        """Name accuracy on the items an attribution was found for: resolution alone."""
        matched = self.items - self.missed
        return self.names_right / matched if matched else None

    @property
    def type_accuracy(self) -> float | None:
        return self.types_right / self.typed if self.typed else None

    @property
    def given_name_accuracy(self) -> float | None:
        return self.given_names_right / self.given if self.given else None

    @property
    def given_type_accuracy(self) -> float | None:
        return self.given_types_right / self.typed if self.given and self.typed else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "missed": self.missed,
            "names_right": self.names_right,
            "name_accuracy": self.name_accuracy,
            "name_accuracy_matched": self.name_accuracy_matched,
            "typed": self.typed,
            "types_right": self.types_right,
            "type_accuracy": self.type_accuracy,
            "given_names_right": self.given_names_right,
            "given_name_accuracy": self.given_name_accuracy,
            "given_types_right": self.given_types_right,
            "given_type_accuracy": self.given_type_accuracy,
        }


@dataclass
class SpeakerEvaluation:
    """Speaker-resolution figures, overall and per category, with every error for debugging."""

    documents: int
    overall: SpeakerCounts
    by_category: dict[str, SpeakerCounts]
    outcomes: list[Outcome]
    by_part: dict[str, SpeakerCounts] = field(default_factory=dict)
    splits: tuple[str, ...] = ("dev",)

    @property
    def errors(self) -> list[Outcome]:
        """Items wrong through the analysis or when given their span."""
        return [o for o in self.outcomes if not o.name_right or False in (o.type_right, o.given_name_right, o.given_type_right)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": "PolNeAR",
            "splits": list(self.splits),
            "gold": [GOLD_FILES[s].name for s in self.splits],
            "documents": self.documents,
            "overall": self.overall.to_dict(),
            "by_category": {c: t.to_dict() for c, t in self.by_category.items()},
            "by_part": {p: t.to_dict() for p, t in self.by_part.items()},
            "errors": [_error_dict(o) for o in self.errors],
        }


def _error_dict(outcome: Outcome) -> dict[str, Any]:
    gold, predicted = outcome.gold, outcome.predicted
    return {
        "document": gold.document,
        "start": gold.start,
        "end": gold.end,
        "text": gold.text,
        "category": gold.category,
        "gold_name": gold.name,
        "gold_type": gold.type,
        "missed": outcome.missed,
        "predicted_text": predicted.text if predicted else None,
        "predicted_name": predicted.name if predicted else None,
        "predicted_type": predicted.type if predicted else None,
        "name_right": outcome.name_right,
        "type_right": outcome.type_right,
        "given_name": outcome.given.name if outcome.given else None,
        "given_type": outcome.given.type if outcome.given else None,
        "given_name_right": outcome.given_name_right,
        "part": gold.part,
    }


# --- names ------------------------------------------------------------------------------------


def name_tokens(name: str) -> list[str]:
    """The comparable words of a name: see the module's docstring for the rule."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    text = _PUNCT.sub(" ", text.replace(".", " "))
    tokens = [_POSSESSIVE.sub("", t.strip("'-")) if t.endswith(("'s", "'")) else t.strip("'-") for t in text.split()]
    tokens = [t for t in tokens if t]
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    kept = [t for t in tokens if t not in _HONORIFICS]
    return kept or tokens


def _same_name(a: list[str], b: list[str]) -> bool:
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return set(a) <= set(b) or set(b) <= set(a)


def name_matches(predicted: str | None, gold: str | None, aliases: Sequence[str] = ()) -> bool:
    """Whether a resolved name counts as the gold name (or one of its aliases)."""
    if gold is None:
        return not predicted
    if not predicted:
        return False
    mine = name_tokens(predicted)
    return any(_same_name(mine, name_tokens(g)) for g in (gold, *aliases))


# --- gold file --------------------------------------------------------------------------------


def load_gold(path: Path | None = None, texts: dict[str, str] | None = None, split: str = "dev") -> list[GoldSpeaker]:
    """The gold items of one split, checked: fields, categories, types, and (given ``texts``) the offsets.

    ``texts`` maps the split's document names to their text; every item's document must be there and its
    text must be the text at its offsets. Any problem raises a SaysoError naming the line.
    """
    path = path or GOLD_FILES[split]
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise SaysoError(f"{path}: can't read the speaker gold file ({error.strerror})") from error
    items: list[GoldSpeaker] = []
    seen: set[tuple[str, int, int]] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        item = _parse_item(line, where)
        key = (item.document, item.start, item.end)
        if key in seen:
            raise SaysoError(f"{where}: {item.document} {item.start}-{item.end} is annotated twice")
        seen.add(key)
        if texts is not None:
            text = texts.get(item.document)
            if text is None:
                raise SaysoError(f"{where}: no PolNeAR {split} document named {item.document!r}")
            found = text[item.start : item.end]
            if item.end > len(text) or found != item.text:
                raise SaysoError(f"{where}: the text at {item.start}-{item.end} of {item.document} is {found!r}, not {item.text!r}")
        items.append(item)
    if not items:
        raise SaysoError(f"{path}: no gold items")
    return items


def _parse_item(line: str, where: str) -> GoldSpeaker:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise SaysoError(f"{where}: not JSON ({error.msg})") from error
    if not isinstance(data, dict):
        raise SaysoError(f"{where}: expected a JSON object")
    missing = [k for k in ("document", "start", "end", "text", "category", "name", "type") if k not in data]
    if missing:
        raise SaysoError(f"{where}: missing {', '.join(missing)}")
    start, end = data["start"], data["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise SaysoError(f"{where}: start and end must be whole numbers with 0 <= start < end")
    if data["category"] not in CATEGORIES:
        raise SaysoError(f"{where}: category {data['category']!r} is not one of {', '.join(CATEGORIES)}")
    if data["type"] is not None and data["type"] not in TYPES:
        raise SaysoError(f"{where}: type {data['type']!r} is not one of {', '.join(TYPES)} or null")
    name, aliases = data["name"], data.get("aliases", [])
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise SaysoError(f"{where}: name must be a non-empty string or null")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise SaysoError(f"{where}: aliases must be a list of names")
    if aliases and name is None:
        raise SaysoError(f"{where}: aliases given for an item with no name")
    part = data.get("part", "tuning")
    if part not in PARTS:
        raise SaysoError(f"{where}: part {part!r} is not one of {', '.join(PARTS)}")
    return GoldSpeaker(str(data["document"]), start, end, str(data["text"]), data["category"], name, data["type"], list(aliases), part)


# --- candidates for annotation ------------------------------------------------------------------

_PRONOUNS = frozenset({"he", "she", "it", "they", "his", "her", "its", "their", "him", "them", "hers"})
_DETERMINERS = frozenset({"the", "his", "her", "their", "its"})


def candidate_category(text: str) -> str | None:
    """How a gold source span was listed for annotation, by its words alone (see gold/README.md).

    A pronoun; a title or role phrase ("the senator", "her campaign"); a partial name (a
    capitalised word with or without Mr./Sen., or "the" and capitalised words: "the Times").
    The annotator corrected the category where reading showed it wrong ("The Republican").
    """
    words = text.split()
    if not words:
        return None
    if text.lower() in _PRONOUNS:
        return "pronoun"
    first = words[0].lower()
    if first in ("a", "an"):
        return None
    if first in _DETERMINERS or words[0].islower():
        rest = words[1:] if first in _DETERMINERS else words
        if not rest:
            return None
        capitalised = all(w[0].isupper() for w in rest if w[0].isalpha())
        return "partial_name" if capitalised and first == "the" else "title"
    core = [re.sub(r"(['’]s|['’])$", "", w) for w in words if w.lower().rstrip(".") not in _HONORIFICS]
    if len(core) == 1 and core[0][:1].isupper() and core[0].lower() not in ("i", "we", "you", "who"):
        return "partial_name"
    return None


def list_candidates(documents: Iterable[GoldDocument]) -> Iterator[tuple[str, int, int, str, str]]:
    """(document, start, end, text, category) of every one-piece gold source span with a category."""
    for document in documents:
        for attribution in document.attributions:
            source = attribution.role("source")
            if len(source) == 1 and (category := candidate_category(source[0].text)) is not None:
                yield document.name, source[0].start, source[0].end, source[0].text, category


# --- matching and scoring ---------------------------------------------------------------------


def predicted_speaker(item: GoldSpeaker, analysis: Analysis) -> Speaker | None:
    """The speaker of the predicted attribution whose mention overlaps the gold span most."""
    best, best_key = None, None
    for attribution in analysis.attributions:
        speaker = attribution.speaker
        if speaker is None:
            continue
        shared = overlap(speaker.start, speaker.end, item.start, item.end)
        if not shared:
            continue
        key = (shared, -abs(speaker.start - item.start), -(speaker.end - speaker.start))
        if best_key is None or key > best_key:
            best, best_key = speaker, key
    return best


def score(
    items: Iterable[GoldSpeaker],
    analyses: dict[str, Analysis],
    given: dict[tuple[str, int, int], Speaker | None] | None = None,
) -> SpeakerEvaluation:
    """Score every gold item against the analysis of its document (and, if given, its mention's resolution)."""
    overall = SpeakerCounts()
    by_category = {c: SpeakerCounts() for c in CATEGORIES}
    by_part = {p: SpeakerCounts() for p in PARTS}
    outcomes = []
    for item in items:
        analysis = analyses.get(item.document)
        if analysis is None:
            raise SaysoError(f"no analysis of {item.document} to score its speakers")
        resolved = (given or {}).get((item.document, item.start, item.end))
        outcome = Outcome(item, predicted_speaker(item, analysis), resolved, given is not None)
        overall.add(outcome)
        by_category[item.category].add(outcome)
        by_part[item.part].add(outcome)
        outcomes.append(outcome)
    by_part = {p: t for p, t in by_part.items() if t.items}
    return SpeakerEvaluation(documents=len(analyses), overall=overall, by_category=by_category, outcomes=outcomes, by_part=by_part)


def resolve_given(doc: Doc, analysis: Analysis, items: Sequence[GoldSpeaker]) -> dict[tuple[str, int, int], Speaker | None]:
    """Resolve the gold spans as speaker mentions, in reading order among the speakers found.

    The resolver sees what it sees in the pipeline — the article's entities, the outlets that
    relayed others' words, the speakers before — plus the gold mentions in place of any
    predicted speaker starting at the same offset.
    """
    from ..analyze.entities import clean_name, find_entities
    from ..analyze.speakers import SpeakerResolver

    reporters = {clean_name(v.name) for a in analysis.attributions for v in a.via[-1:]}
    resolver = SpeakerResolver(doc, find_entities(doc), reporters)
    mentions: dict[int, tuple[Span, GoldSpeaker | None]] = {}
    for attribution in analysis.attributions:
        if attribution.speaker is not None:
            s = attribution.speaker
            mentions.setdefault(s.start, (Span(s.text, s.start, s.end), None))
    for item in items:
        mentions[item.start] = (Span(item.text, item.start, item.end), item)
    resolved: dict[tuple[str, int, int], Speaker | None] = {}
    for start in sorted(mentions):
        span, item = mentions[start]
        speaker = resolver.resolve(None, span)
        if speaker is not None:
            resolver.remember(start, speaker.name, speaker.type)
        if item is not None:
            resolved[(item.document, item.start, item.end)] = speaker
    return resolved


def evaluate_speakers(root: Path | None = None, gold_path: Path | None = None) -> SpeakerEvaluation:
    """Run sayso's default analysis on the articles the gold files name and score it.

    ``root`` is the PolNeAR folder (default: ``$SAYSO_POLNEAR`` or the shared data folder);
    ``gold_path`` replaces the shipped files by one file of dev items.
    """
    from ..analyze.language import load_pipeline  # loads spaCy: only when actually evaluating
    from ..analyze.pipeline import analyze_articles

    files = {"dev": gold_path} if gold_path else {s: p for s, p in GOLD_FILES.items() if p.is_file()}
    items: list[GoldSpeaker] = []
    needed: list[GoldDocument] = []
    for split, path in files.items():
        documents = {d.name: d for d in load_split(split, root)}
        split_items = load_gold(path, {name: d.text for name, d in documents.items()}, split)
        items += split_items
        needed += [documents[name] for name in sorted({i.document for i in split_items})]
    nlp = load_pipeline()
    analyses = {d.name: a for d, a in zip(needed, analyze_articles((d.article() for d in needed), nlp=nlp))}
    given: dict[tuple[str, int, int], Speaker | None] = {}
    for document, doc in zip(needed, nlp.pipe(d.text for d in needed)):
        given.update(resolve_given(doc, analyses[document.name], [i for i in items if i.document == document.name]))
    return replace(score(items, analyses, given), splits=tuple(files))


# --- report -----------------------------------------------------------------------------------


def speakers_table(evaluation: SpeakerEvaluation) -> Table:
    """Rows: each category, each part, all items; columns: counts, name and type accuracy."""
    table = Table(
        title=f"Speaker resolution — PolNeAR {' and '.join(evaluation.splits)}, {evaluation.overall.items} hand-annotated sources in {evaluation.documents} documents",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
    )
    table.add_column("items", min_width=12, no_wrap=True)
    for header in ("n", "missed", "name %", "name %\nfound", "name %\ngiven span", "type %", "type %\ngiven span"):
        table.add_column(header, justify="right", no_wrap=True)
    rows = [*evaluation.by_category.items(), *(("part: " + p.replace("_", " "), t) for p, t in evaluation.by_part.items()), ("all", evaluation.overall)]
    for index, (label, tally) in enumerate(rows):
        table.add_row(
            label,
            str(tally.items),
            str(tally.missed),
            _percent(tally.name_accuracy),
            _percent(tally.name_accuracy_matched),
            _percent(tally.given_name_accuracy),
            _percent(tally.type_accuracy),
            _percent(tally.given_type_accuracy),
            end_section=index in (len(evaluation.by_category) - 1, len(rows) - 2),
        )
    return table


def errors_table(evaluation: SpeakerEvaluation) -> Table:
    """Every wrong or missed item: the words, the gold referent and what sayso said."""
    table = Table(title="Speaker resolution errors", title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1))
    for header in ("document", "words", "gold", "sayso"):
        table.add_column(header, overflow="fold")
    for outcome in evaluation.errors:
        gold, predicted = outcome.gold, outcome.predicted
        said = "missed" if predicted is None else f"{predicted.name} ({predicted.type}) ← {predicted.text!r}"
        if outcome.given is not None:
            said += f"; given the span: {outcome.given.name} ({outcome.given.type})"
        table.add_row(f"{gold.document[:40]}@{gold.start}", gold.text, f"{gold.name} ({gold.type})", said)
    return table
