"""WARC and WARC.gz archives (CC-NEWS and the like), read record by record with warcio.

Each ``response`` record served as HTML becomes one article, extracted like
any HTML page with ``WARC-Target-URI`` as its URL; other records (requests,
metadata, images, robots.txt) are skipped silently.

warcio does not complain about a truncated archive: it hands out a short last
record and stops. We detect truncation ourselves, per record: an
uncompressed record whose block is shorter than its ``Content-Length``, or a
gzip member whose end-of-stream marker never came. The complete records read
so far are yielded, then one error "truncated at offset N".
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from riwaya.errors import IngestError
from riwaya.ingest.html import extract_html
from riwaya.ingest.options import IngestOptions, megabytes, one_line
from riwaya.model import RawDocument

logger = logging.getLogger(__name__)

__all__ = ["iter_warc"]

Item = RawDocument | IngestError

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _http_content_type(record: Any) -> tuple[str, str | None]:
    headers = record.http_headers
    if headers is None:
        return "", None
    raw = headers.get_header("Content-Type") or ""
    media = raw.split(";")[0].strip().lower()
    charset = None
    for param in raw.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media, charset


def _is_truncated(iterator: ArchiveIterator, record: Any) -> bool:
    # Uncompressed: the record's LimitReader still expects bytes it never got.
    if getattr(record.raw_stream, "limit", 0) > 0:
        return True
    decompressor = getattr(iterator.reader, "decompressor", None)
    # Gzip: each record is its own member; a member without its end marker was cut.
    return decompressor is not None and hasattr(decompressor, "eof") and not decompressor.eof


def _starts_like_warc(fp: BinaryIO) -> bool:
    """Peek at the start: warcio yields nothing at all for a file that is not a WARC."""
    start = fp.tell()
    head = fp.read(4096)
    fp.seek(start)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith((b"WARC/", b"filedesc://"))


def _has_trailing_data(fp: BinaryIO, end: int) -> bool:
    """True when bytes other than blank lines follow the last complete record.

    warcio ends quietly when a gzip member is cut before its WARC header is
    complete, so a half-written last record leaves unread bytes behind.
    """
    try:
        fp.seek(end)
    except (OSError, ValueError):
        return False  # not seekable: nothing more can be checked
    while chunk := fp.read(1 << 16):
        if chunk.strip(b"\r\n"):
            return True
    return False


def iter_warc(fp: BinaryIO, name: str, options: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Yield one document per HTML response record of a WARC stream (gzip or plain).

    Sources read ``name@OFFSET`` (the record's byte offset in the file, as
    CC-NEWS indexes use).

    >>> import io
    >>> [str(e) for e in iter_warc(io.BytesIO(b"not a warc at all"), "x.warc")]  # doctest: +ELLIPSIS
    ['x.warc@0: not a readable WARC file (it does not start with a WARC record)']
    """
    if not _starts_like_warc(fp):
        yield IngestError(f"{name}@0", "not a readable WARC file (it does not start with a WARC record)")
        return
    iterator = ArchiveIterator(fp, ensure_http_headers=False)
    offset = 0
    try:
        for record in iterator:
            wanted = record.rec_type == "response"
            media, charset = _http_content_type(record) if wanted else ("", None)
            body = b""
            if wanted and media in _HTML_TYPES:
                body = record.content_stream().read(options.max_bytes + 1)
            # Reading the rest of the block is what reveals a short record.
            while record.raw_stream.read(1 << 16):
                pass
            truncated = _is_truncated(iterator, record)
            offset = iterator.get_record_offset()
            length = iterator.get_record_length()
            if truncated:
                yield IngestError(f"{name}@{offset}", f"truncated at offset {offset}: the archive ends inside this record; stopped reading")
                return
            if not wanted or media not in _HTML_TYPES:
                offset += length
                continue
            source = f"{name}@{offset}"
            offset += length
            url = record.rec_headers.get_header("WARC-Target-URI")
            if len(body) > options.max_bytes:
                yield IngestError(source, f"page larger than the {megabytes(options.max_bytes)} limit for one article; skipped")
                continue
            try:
                document = extract_html(body, source, url=url, http_charset=charset)
            except IngestError as e:
                yield e
                continue
            document.metadata["format"] = "warc"
            warc_date = record.rec_headers.get_header("WARC-Date")
            if warc_date:
                document.metadata["crawled"] = warc_date
            yield document
        if _has_trailing_data(fp, offset):
            yield IngestError(f"{name}@{offset}", f"truncated at offset {offset}: the archive ends inside this record; stopped reading")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as e:
        # warcio raises AttributeError on a header block cut in half; zlib raises on bad gzip data.
        reason = one_line(str(e), 160) or type(e).__name__
        if offset == 0:
            yield IngestError(f"{name}@{offset}", f"not a readable WARC file ({reason})")
        else:
            yield IngestError(f"{name}@{offset}", f"truncated or corrupt at offset {offset} ({reason}); stopped reading")
