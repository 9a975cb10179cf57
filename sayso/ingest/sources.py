"""What the user named: files, directories, globs and URLs, expanded into single inputs."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from sayso.errors import IngestError

_GLOB_CHARS = frozenset("*?[")


def is_url(name: str) -> bool:
    return urlsplit(name).scheme in ("http", "https")


def expand(inputs: Iterable[str]) -> Iterator[str | IngestError]:
    """Each file path or URL to read, in order; an IngestError for each name that gives none."""
    for name in inputs:
        if is_url(name):
            yield name
        elif "://" in name:
            yield IngestError(name, f"unsupported URL scheme {urlsplit(name).scheme!r} (use http or https)")
        elif os.path.isdir(name):
            yield from _directory(name)
        elif os.path.exists(name):
            yield name
        elif _GLOB_CHARS & set(name):
            yield from _glob(name)
        else:
            yield IngestError(name, "no such file or directory")


def _directory(directory: str) -> Iterator[str | IngestError]:
    """Files under a directory, recursively and sorted; hidden files and folders are skipped."""
    root = Path(directory)
    relative = sorted(
        path.relative_to(root)
        for path in root.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    if not relative:
        yield IngestError(directory, "no files in directory")
    for rel in relative:
        yield os.path.join(directory, *rel.parts)


def _glob(pattern: str) -> Iterator[str | IngestError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield IngestError(pattern, "no files match this pattern")
    for match in matches:
        yield from _directory(match) if os.path.isdir(match) else [match]
