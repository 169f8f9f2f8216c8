"""The exceptions riwaya raises. Catch :class:`RiwayaError` to catch them all."""

from __future__ import annotations


class RiwayaError(Exception):
    """Base class of every error riwaya raises on purpose."""


class IngestError(RiwayaError):
    """An input could not be read or turned into an article.

    ``source`` names the input (file path, URL, ``file.jsonl:12``) so that the
    message the user sees says where the problem is.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(IngestError):
    """A URL could not be fetched (refused, unreachable, too large, wrong type)."""


class SpanError(RiwayaError):
    """A character span does not fit the text it points into."""


class StoreError(RiwayaError):
    """The database could not be opened, migrated or written."""


class NotFound(RiwayaError):
    """An article, event or story id is not in the database."""
