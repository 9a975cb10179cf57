"""Errors a user can meet, each with a message fit for one line of a terminal."""

from __future__ import annotations


class SaysoError(Exception):
    """Base of every error sayso reports to a user instead of a traceback."""


class IngestError(SaysoError):
    """An input that could not be turned into an article: names the input and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(SaysoError):
    """The database could not be opened or written."""
