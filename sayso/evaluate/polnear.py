"""Read the PolNeAR corpus (BRAT standoff) into sayso's model, so extractors can be scored on it.

Only the ``train`` and ``dev`` splits are read; the test split is the held-out benchmark and is
refused before any path is built.

How the annotation files become gold attributions:

- **One annotator per article.** Some articles were annotated by several annotators (files
  ``NAME_ANNOTATOR.ann``). The file of the annotator whose id sorts first among those with a
  file for that article is used — deterministic, and independent of what was annotated.
- **Attributions come from ``E`` lines.** Each ``E`` line ties an anchor (``Attribution`` or
  ``Attribution-no-source``) to its ``Source``, ``Cue`` and ``Content`` spans; the role named
  in the ``E`` line is the one used. A second content (``Content2``) is merged into the content
  fragments. A missing role is an empty list (no source is the common case).
- **Fragments.** A discontinuous span ``START END;START END`` is kept as a list of ``Span``
  fragments with offsets into ``text/NAME.txt``; the text is taken from the article file, not
  from the annotation line.
- **Ignored.** ``Discuss`` and ``Discard`` spans (annotator housekeeping), and role spans that
  no ``E`` line refers to.
- **Stray lines** (``#`` notes, text with no tab, unknown labels, bad offsets, references to
  spans that do not exist) are skipped and counted in ``GoldDocument.skipped_lines``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SaysoError
from ..model import Article, Span
from .roles import AttributionSpans

SPLITS = ("train", "dev")
ROLE_LABELS = ("Source", "Cue", "Content")
ANCHOR_LABELS = ("Attribution", "Attribution-no-source")
IGNORED_LABELS = ("Discuss", "Discard")

_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t.*)?")
_E_LINE = re.compile(r"E\d+\t(\S+:T\d+(?: \S+:T\d+)*)\s*")
_ROLE = re.compile(r"(Source|Cue|Content)\d*")


@dataclass
class GoldDocument:
    """One PolNeAR article with the gold attributions of its chosen annotator."""

    name: str
    split: str
    publisher: str
    published: str | None
    title: str | None
    annotator: str
    text: str
    attributions: list[AttributionSpans] = field(default_factory=list)
    skipped_lines: int = 0

    def article(self) -> Article:
        """The article as sayso's extractors take it in."""
        return Article(
            text=self.text,
            title=self.title,
            published=self.published,
            outlet=self.publisher,
            source=f"polnear/{self.split}/{self.name}",
        )


def default_root() -> Path:
    """``$SAYSO_POLNEAR``, else ``shared/data/polnear`` beside the checkout."""
    configured = os.environ.get("SAYSO_POLNEAR")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / "shared" / "data" / "polnear"


def check_split(split: str) -> str:
    """Refuse every split but train and dev: the test split must never be touched."""
    if split not in SPLITS:
        raise SaysoError(f"split {split!r} can't be used: only {' and '.join(SPLITS)} can be evaluated")
    return split


def load_split(split: str, root: Path | None = None) -> list[GoldDocument]:
    """Every article of ``split`` with its gold attributions, in file-name order."""
    check_split(split)
    root = root or default_root()
    folder = root / split
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise SaysoError(f"{folder}: no PolNeAR {split} data here (set --root or $SAYSO_POLNEAR)")
    text_paths = sorted((folder / "text").glob("*.txt"))
    metadata = _metadata(root / "metadata.tsv", {p.stem for p in text_paths})
    chosen = _chosen_annotations(folder / "attributions")
    documents = []
    for text_path in text_paths:
        name = text_path.stem
        if name not in chosen:
            raise SaysoError(f"{text_path}: no annotation file for this article")
        annotator, ann_path = chosen[name]
        text = _read(text_path)
        attributions, skipped = parse_ann(_read(ann_path), text)
        meta = metadata.get(name, {})
        documents.append(
            GoldDocument(
                name=name,
                split=split,
                publisher=meta.get("publisher") or name.split("_", 1)[0],
                published=_known(meta.get("publication_date")),
                title=_known(meta.get("title")),
                annotator=annotator,
                text=text,
                attributions=attributions,
                skipped_lines=skipped,
            )
        )
    return documents


def parse_ann(ann: str, text: str) -> tuple[list[AttributionSpans], int]:
    """The attributions of one BRAT file over ``text``, and how many stray lines were skipped."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    relations: list[str] = []
    skipped = 0
    for line in ann.split("\n"):
        if not line.strip():
            continue
        if line.startswith("E"):
            relations.append(line)
            continue
        parsed = _span_line(line, text)
        if parsed is None:
            skipped += 1
        elif parsed[1] not in IGNORED_LABELS:
            spans[parsed[0]] = parsed[1], parsed[2]
    attributions = []
    for line in relations:
        attribution, clean = _relation(line, spans)
        skipped += not clean
        if attribution is not None:
            attributions.append(attribution)
    return attributions, skipped


def _span_line(line: str, text: str) -> tuple[str, str, list[Span]] | None:
    match = _T_LINE.fullmatch(line)
    if match is None or match.group(2) not in ROLE_LABELS + ANCHOR_LABELS + IGNORED_LABELS:
        return None
    fragments = []
    for pair in match.group(3).split(";"):
        start, end = (int(n) for n in pair.split())
        if not 0 <= start < end <= len(text):
            return None
        fragments.append(Span(text[start:end], start, end))
    return match.group(1), match.group(2), fragments


def _relation(line: str, spans: dict[str, tuple[str, list[Span]]]) -> tuple[AttributionSpans | None, bool]:
    """One ``E`` line as an attribution (None when it has no usable anchor) and whether it was clean."""
    match = _E_LINE.fullmatch(line)
    if match is None:
        return None, False
    attribution = AttributionSpans()
    anchored, clean = False, True
    for argument in match.group(1).split(" "):
        role, _, span_id = argument.rpartition(":")
        if span_id not in spans:
            clean = False
        elif role in ANCHOR_LABELS:
            anchored = True
        elif (role_match := _ROLE.fullmatch(role)) is not None:
            fragments = attribution.role(role_match.group(1).lower())
            fragments.extend(spans[span_id][1])
            fragments.sort(key=lambda s: s.start)
        else:
            clean = False
    return (attribution if anchored else None), clean and anchored


def _chosen_annotations(folder: Path) -> dict[str, tuple[str, Path]]:
    """Article name → (annotator, file) under the first-sorting-annotator rule."""
    files: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in folder.glob("*.ann"):
        name, _, annotator = path.stem.rpartition("_")
        files[name][annotator] = path
    return {name: min(by_annotator.items()) for name, by_annotator in files.items()}


def _metadata(path: Path, names: set[str]) -> dict[str, dict[str, str]]:
    """The metadata rows of these articles only: rows of other splits are never kept."""
    if not path.is_file():
        return {}
    try:
        rows = csv.DictReader(io.StringIO(_read(path), newline=""), delimiter="\t")
        return {row["filename"]: row for row in rows if row.get("filename") in names}
    except csv.Error as err:
        raise SaysoError(f"{path}: not a readable metadata table ({err})") from None


def _read(path: Path) -> str:
    """The file as stored: no newline translation, so offsets stay character-exact."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise SaysoError(f"{path}: not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset {err.start})") from None
    except OSError as err:
        raise SaysoError(f"{path}: {(err.strerror or str(err)).lower()}") from None


def _known(value: str | None) -> str | None:
    return None if value in (None, "", "None") else value
