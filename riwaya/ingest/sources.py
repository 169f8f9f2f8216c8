"""Entry point of the readers: turn paths, folders, stdin and URLs into raw documents.

:func:`iter_raw_documents` never raises for bad input: each problem is
*yielded* as an :class:`IngestError` naming the input precisely
(``file.jsonl:12``, ``day.zip:2015-07-21.json[17]``, ``crawl.warc.gz@1234``,
a URL) so that one bad file does not stop a batch.

Formats are chosen by file extension, and by sniffing the first bytes when the
extension says nothing (stdin, unknown extensions, URLs without a useful
content type).
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from riwaya.errors import IngestError
from riwaya.ingest.encoding import binary_kind, decode_bytes
from riwaya.ingest.feeds import iter_feed, looks_like_feed
from riwaya.ingest.fetch import fetch_url
from riwaya.ingest.html import extract_html
from riwaya.ingest.jsonl import iter_json, iter_jsonl
from riwaya.ingest.options import IngestOptions, one_line
from riwaya.ingest.text import read_single, read_text
from riwaya.ingest.warc import iter_warc
from riwaya.model import RawDocument

logger = logging.getLogger(__name__)

__all__ = ["IngestOptions", "detect_format", "iter_raw_documents"]

Item = RawDocument | IngestError

#: file name endings -> reader; longest endings first so ".warc.gz" beats ".gz"
_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".arc.gz", "warc"), (".warc", "warc"),
    (".jsonl.gz", "gzip"), (".ndjson.gz", "gzip"), (".json.gz", "gzip"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".jsonlines", "jsonl"), (".json", "json"),
    (".zip", "zip"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    (".txt", "text"), (".md", "text"), (".text", "text"), (".markdown", "text"),
    (".gz", "gzip"),
)  # fmt: skip
_SINGLE = {"text", "html"}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<article", b"<div", b"<p")


def format_from_name(name: str) -> str | None:
    """The reader a file name asks for, or None when the name says nothing.

    >>> format_from_name("CC-NEWS-20240101.warc.gz"), format_from_name("2015-07-21.zip"), format_from_name("notes")
    ('warc', 'zip', None)
    """
    lower = name.lower()
    for suffix, kind in _BY_SUFFIX:
        if lower.endswith(suffix):
            return kind
    return None


def detect_format(head: bytes) -> str:
    """Guess the reader from the first bytes of an input.

    >>> detect_format(b"WARC/1.0\\r\\n"), detect_format(b'{"text": "x"}\\n{"text": "y"}\\n')
    ('warc', 'jsonl')
    >>> detect_format(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">')
    'feed'
    >>> detect_format("نفى الكرملين".encode())
    'text'
    """
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if binary_kind(head) is not None:
        return "text"  # the text reader names the binary format in its error
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"<"):
        if looks_like_feed(stripped):
            return "feed"
        return "html"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        first_line = stripped.split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "json"
        return "jsonl"
    return "text"


def _peek(fp: BinaryIO, size: int = 4096) -> bytes:
    start = fp.tell()
    head = fp.read(size)
    fp.seek(start)
    return head


def _read_stream(fp: BinaryIO, name: str, kind: str | None, options: IngestOptions, size: int | None = None) -> Iterator[Item]:
    """Dispatch one seekable binary stream to its reader."""
    if kind is None:
        kind = detect_format(_peek(fp))
    if kind == "text":
        yield read_text(read_single(fp, name, options, size=size), name)
    elif kind == "html":
        yield extract_html(read_single(fp, name, options, size=size), name)
    elif kind == "jsonl":
        yield from iter_jsonl(fp, name, options)
    elif kind == "json":
        yield from iter_json(fp, name, options)
    elif kind == "warc":
        yield from iter_warc(fp, name, options)
    elif kind == "feed":
        data = read_single(fp, name, options, size=size)
        if not looks_like_feed(data[:4096]) and b"<html" in data[:4096].lower():
            yield extract_html(data, name)  # an .xml file that is really a page
        else:
            yield from iter_feed(data, name, options)
    elif kind == "zip":
        yield from _iter_zip(fp, name, options)
    elif kind == "gzip":
        yield from _iter_gzip(fp, name, options)
    else:  # pragma: no cover - every kind above is produced by this module
        yield IngestError(name, f"no reader for format {kind}")


def _iter_gzip(fp: BinaryIO, name: str, options: IngestOptions) -> Iterator[Item]:
    """A gzip file: WARC.gz goes to warcio (it needs the raw offsets); anything else is unpacked."""
    inner = gzip.GzipFile(fileobj=fp, mode="rb")
    try:
        head = inner.read(4096)
    except (OSError, EOFError) as e:
        yield IngestError(name, f"not a readable gzip file ({one_line(str(e), 120)})")
        return
    if head.startswith(b"WARC/"):
        fp.seek(0)
        yield from iter_warc(fp, name, options)
        return
    if not head:
        yield IngestError(name, "empty file (empty gzip archive)")
        return
    inner_name = name[:-3] if name.lower().endswith(".gz") else name
    kind = format_from_name(inner_name) or detect_format(head)
    if kind in ("gzip", "zip"):
        yield IngestError(name, "nested archives are not read; unpack it first")
        return
    inner.seek(0)
    try:
        yield from _read_stream(inner, name, kind, options)
    except (OSError, EOFError) as e:
        yield IngestError(name, f"truncated or corrupt gzip data ({one_line(str(e), 120)}); stopped reading")


def _hidden(member: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in member.split("/") if part)


def _iter_zip(fp: BinaryIO, name: str, options: IngestOptions) -> Iterator[Item]:
    """Read a zip member by member (SaudiNewsNet day files hold one JSON list each)."""
    try:
        archive = zipfile.ZipFile(fp)
    except (zipfile.BadZipFile, OSError) as e:
        yield IngestError(name, f"not a readable zip archive ({one_line(str(e), 120)})")
        return
    with archive:
        members = sorted((info for info in archive.infolist() if not info.is_dir()), key=lambda info: info.filename)
        for info in members:
            if _hidden(info.filename):
                continue
            member_name = f"{name}:{info.filename}"
            kind = format_from_name(info.filename)
            if kind in ("zip", "gzip") and not info.filename.lower().endswith(".warc.gz"):
                yield IngestError(member_name, "nested archives are not read; unpack it first")
                continue
            try:
                with archive.open(info) as member:
                    yield from _guarded(_read_stream(member, member_name, kind, options, size=info.file_size), member_name)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as e:
                # CRC mismatch, unsupported compression or encryption: name the member, go on.
                yield IngestError(member_name, f"could not read this zip member ({one_line(str(e), 120)})")


def _guarded(items: Iterator[Item], name: str) -> Iterator[Item]:
    """Turn an :class:`IngestError` raised by a reader into a yielded one."""
    try:
        yield from items
    except IngestError as e:
        yield e


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in sorted order, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            if not file_name.startswith("."):
                yield Path(root) / file_name


def _read_file(path: Path, name: str, options: IngestOptions) -> Iterator[Item]:
    try:
        size = path.stat().st_size
        with path.open("rb") as fp:
            yield from _guarded(_read_stream(fp, name, format_from_name(name), options, size=size), name)
    except PermissionError:
        yield IngestError(name, "permission denied")
    except IsADirectoryError:
        yield IngestError(name, "is a folder, not a file")
    except OSError as e:
        yield IngestError(name, f"could not read the file ({one_line(e.strerror or str(e), 120)})")


def _read_path(item: str, options: IngestOptions) -> Iterator[Item]:
    path = Path(item)
    if path.is_dir():
        found = False
        for file_path in _walk(path):
            found = True
            yield from _read_file(file_path, str(file_path), options)
        if not found:
            logger.info("%s: the folder holds no files", item)
    elif path.exists():
        yield from _read_file(path, item, options)
    else:
        yield IngestError(item, "no such file or folder")


def _read_stdin(options: IngestOptions) -> Iterator[Item]:
    # Spool to disk past max_bytes: formats are sniffed and zip needs to seek.
    with tempfile.SpooledTemporaryFile(max_size=options.max_bytes) as spool:
        stream = sys.stdin.buffer
        while chunk := stream.read(1 << 20):
            spool.write(chunk)
        if spool.tell() == 0:
            yield IngestError("<stdin>", "empty file (nothing on standard input)")
            return
        spool.seek(0)
        yield from _guarded(_read_stream(spool, "<stdin>", None, options), "<stdin>")  # type: ignore[arg-type]


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def _read_url(url: str, options: IngestOptions) -> Iterator[Item]:
    try:
        result = fetch_url(url, options)
    except IngestError as e:
        yield e
        return
    if not result.body.strip():
        yield IngestError(url, "the server sent an empty page")
        return
    kind: str
    media = result.content_type
    head = result.body[:4096]
    if media in _FEED_TYPES or (media in ("", "text/xml", "application/xml", "text/plain") and looks_like_feed(head)):
        kind = "feed"
    elif media in ("application/json", "application/ld+json", "application/feed+json"):
        kind = "json"
    elif media in ("application/x-ndjson", "application/jsonl"):
        kind = "jsonl"
    elif media in ("text/html", "application/xhtml+xml"):
        kind = "html"
    else:
        kind = detect_format(head)
    if kind == "feed":
        yield from iter_feed(result.body, url, options, content_type=media or None)
    elif kind == "html":
        yield extract_html(result.body, url, url=result.url, http_charset=result.charset)
    elif kind in ("json", "jsonl"):
        yield from _guarded(_read_stream(io.BytesIO(result.body), url, kind, options), url)
    else:
        text = decode_bytes(result.body, url, declared=result.charset)
        yield RawDocument(source=url, text=text, url=result.url, metadata={"format": "text"})


def iter_raw_documents(inputs: Sequence[str], options: IngestOptions = IngestOptions()) -> Iterator[RawDocument | IngestError]:
    """Yield a :class:`RawDocument` per article found in ``inputs``, or an :class:`IngestError` per problem.

    ``inputs`` are file paths, folders (read recursively in sorted order,
    hidden files skipped), ``-`` for standard input, and http(s) URLs (a page
    or a feed). Errors are yielded, not raised, so a batch goes on.

    >>> import os, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with open(os.path.join(folder, "a.txt"), "w", encoding="utf-8") as f:
    ...     _ = f.write("نفى الكرملين التقرير")
    >>> [item.text for item in iter_raw_documents([folder])]
    ['نفى الكرملين التقرير']
    >>> [str(item) for item in iter_raw_documents(["/no/such/file.txt"])]
    ['/no/such/file.txt: no such file or folder']
    """
    for item in inputs:
        if item == "-":
            reader = _read_stdin(options)
        elif item.lower().startswith(("http://", "https://")):
            reader = _read_url(item, options)
        else:
            reader = _read_path(item, options)
        try:
            yield from _guarded(reader, item)
        except Exception as e:  # noqa: BLE001 - one broken input must not end the batch
            logger.exception("unexpected error while reading %s", item)
            yield IngestError(item, f"unexpected error while reading ({type(e).__name__}: {one_line(str(e), 160)})")
