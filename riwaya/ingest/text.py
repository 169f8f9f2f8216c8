"""Plain-text articles (.txt, .md and unknown text files): the whole text, no title.

The cleaning stage picks the title from the first line, so the reader leaves
``title`` as None and keeps the text exactly as decoded.
"""

from __future__ import annotations

from typing import BinaryIO

from riwaya.errors import IngestError
from riwaya.ingest.encoding import check_not_binary, decode_bytes
from riwaya.ingest.options import IngestOptions, megabytes
from riwaya.model import RawDocument

__all__ = ["read_single", "read_text"]


def read_single(fp: BinaryIO, name: str, options: IngestOptions, *, size: int | None = None) -> bytes:
    """Read a one-article input whole, refusing it (before reading) when it is too large or empty.

    ``size`` is the length when known (``os.stat``, zip directory); otherwise
    at most ``max_bytes + 1`` bytes are read to find out.

    >>> import io
    >>> read_single(io.BytesIO(b""), "e.txt", IngestOptions())
    Traceback (most recent call last):
    ...
    riwaya.errors.IngestError: e.txt: empty file
    """
    limit = options.max_bytes
    if size is not None and size > limit:
        raise IngestError(name, f"larger than the {megabytes(limit)} limit for one article ({size:,} bytes)")
    data = fp.read(limit + 1)
    if len(data) > limit:
        raise IngestError(name, f"larger than the {megabytes(limit)} limit for one article")
    if not data.strip():
        raise IngestError(name, "empty file" if not data else "empty file (only whitespace)")
    return data


def read_text(data: bytes, name: str) -> RawDocument:
    """A :class:`RawDocument` holding the decoded text of a plain-text file.

    >>> read_text("نفى الكرملين التقرير".encode(), "seed.txt").text
    'نفى الكرملين التقرير'
    >>> read_text(b"%PDF-1.4 ...", "report.txt")
    Traceback (most recent call last):
    ...
    riwaya.errors.IngestError: report.txt: binary file (PDF document), not text
    """
    check_not_binary(data[:8192], name)
    text = decode_bytes(data, name)
    if not text.strip():
        raise IngestError(name, "empty file (only whitespace)")
    return RawDocument(source=name, text=text, metadata={"format": "text"})
