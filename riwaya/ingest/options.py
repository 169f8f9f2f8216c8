"""Settings for the readers, in one frozen record (see :func:`riwaya.ingest.sources.iter_raw_documents`)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["IngestOptions"]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How the readers fetch and how much they accept.

    >>> IngestOptions().max_bytes
    10000000
    >>> IngestOptions(allow_private=True).allow_private
    True
    """

    allow_private: bool = False  # allow loopback/private/link-local URLs
    timeout: float = 15.0  # seconds per HTTP request
    max_bytes: int = 10_000_000  # cap for one fetched page / one single-article file
    max_redirects: int = 5
    fetch_summaries: bool = True  # RSS entries with only a summary: fetch the page


def megabytes(n: int) -> str:
    """``n`` bytes as a short MB figure for messages.

    >>> megabytes(10_000_000)
    '10 MB'
    >>> megabytes(1_500_000)
    '1.5 MB'
    """
    return f"{n / 1_000_000:.1f}".removesuffix(".0") + " MB"


def one_line(text: str, limit: int = 300) -> str:
    """Squeeze ``text`` onto one line (error messages must be one line), cut at ``limit``.

    >>> one_line("bad\\n  thing")
    'bad thing'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
