"""JSON and JSONL readers: one article per object, streamed in bounded memory.

A JSONL file is read line by line; a JSON file that is a list (SaudiNewsNet's
day files are one 12 MB list) is decoded one element at a time with
:meth:`json.JSONDecoder.raw_decode` over a sliding buffer, so neither needs
the whole file in memory. A JSON object is read whole: it is either one
article or a wrapper holding a list under "articles"/"items"/"data".
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from riwaya.errors import IngestError
from riwaya.ingest.encoding import decode_bytes
from riwaya.ingest.options import IngestOptions, megabytes, one_line
from riwaya.ingest.records import record_to_document
from riwaya.model import RawDocument

logger = logging.getLogger(__name__)

__all__ = ["iter_json", "iter_jsonl"]

Item = RawDocument | IngestError

_CHUNK = 1 << 20
_WRAPPER_KEYS = ("articles", "items", "data", "results", "documents")
_WHITESPACE = " \t\r\n"


def _to_document(record: Any, source: str) -> Item:
    try:
        return record_to_document(record, source)
    except IngestError as e:
        return e


def iter_jsonl(fp: BinaryIO, name: str, options: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Yield one document per line of a JSONL stream; a bad line yields an error naming ``name:LINE``.

    >>> import io
    >>> data = '{"text": "خبر أول"}\\nnot json\\n{"text": "خبر ثان"}\\n'.encode()
    >>> [str(item) if isinstance(item, IngestError) else item.text for item in iter_jsonl(io.BytesIO(data), "a.jsonl")]
    ['خبر أول', 'a.jsonl:2: malformed JSON (Expecting value, column 1); the line was skipped', 'خبر ثان']
    """
    lineno = 0
    while True:
        line = fp.readline(options.max_bytes + 1)
        if not line:
            return
        lineno += 1
        source = f"{name}:{lineno}"
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            # Skip the rest of the over-long line without holding it.
            while line and not line.endswith(b"\n"):
                line = fp.readline(_CHUNK)
            yield IngestError(source, f"line longer than {megabytes(options.max_bytes)}; skipped")
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        try:
            text = decode_bytes(line, source)
        except IngestError as e:
            yield e
            continue
        try:
            record = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as e:
            yield IngestError(source, f"malformed JSON ({e.msg}, column {e.colno}); the line was skipped")
            continue
        yield _to_document(record, source)


def _first_significant_byte(fp: BinaryIO) -> bytes:
    """Peek at the first non-space byte (after a BOM) and rewind."""
    start = fp.tell()
    head = fp.read(4096)
    fp.seek(start)
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]


def iter_json(fp: BinaryIO, name: str, options: IngestOptions = IngestOptions()) -> Iterator[Item]:
    """Yield the articles of a JSON file: a list, one object, or a wrapper with a list inside.

    ``fp`` must be seekable (files, spooled stdin and zip members are).

    >>> import io
    >>> data = '{"articles": [{"title": "أ", "body": "نص أول"}, {"title": "ب"}]}'.encode()
    >>> [str(item) if isinstance(item, IngestError) else item.text for item in iter_json(io.BytesIO(data), "x.json")]
    ['نص أول', 'x.json[1]: the record has no article text (expected one of: content, text, body, article, full_text)']
    """
    first = _first_significant_byte(fp)
    if first == b"[":
        yield from _iter_json_array(fp, name)
        return
    if not first:
        yield IngestError(name, "empty file")
        return
    raw = fp.read()
    try:
        text = decode_bytes(raw, name)
    except IngestError as e:
        yield e
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":
            # Several objects one per line: a JSONL file named .json.
            logger.debug("%s holds several JSON values; reading it as JSONL", name)
            fp.seek(0)
            yield from iter_jsonl(fp, name, options)
            return
        yield IngestError(name, f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno})")
        return
    del raw, text
    if isinstance(value, dict):
        for key in _WRAPPER_KEYS:
            inner = value.get(key)
            if isinstance(inner, list):
                for index, record in enumerate(inner):
                    yield _to_document(record, f"{name}[{index}]")
                return
        yield _to_document(value, name)
    elif isinstance(value, list):
        for index, record in enumerate(value):
            yield _to_document(record, f"{name}[{index}]")
    else:
        yield IngestError(name, f"expected a JSON list or object of articles, got {type(value).__name__}")


def _iter_json_array(fp: BinaryIO, name: str) -> Iterator[Item]:
    """Decode a top-level JSON list element by element over a sliding text buffer."""
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    buffer = ""
    pos = 0
    eof = False
    index = 0
    consumed = 0  # characters dropped from the front of the buffer, for error offsets
    chunk = _CHUNK

    def refill() -> bool:
        nonlocal buffer, pos, eof, consumed
        if eof:
            return False
        data = fp.read(chunk)
        try:
            piece = utf8.decode(data, final=not data)
        except UnicodeDecodeError as e:
            raise IngestError(
                f"{name}[{index}]", "not valid UTF-8 (JSON must be UTF-8); convert it and read it again"
            ) from e
        if not data:
            eof = True
        consumed += pos
        buffer = buffer[pos:] + piece
        pos = 0
        return bool(data)

    def skip_space() -> bool:
        """Move past whitespace; False at the end of the input."""
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in _WHITESPACE:
                pos += 1
            if pos < len(buffer):
                return True
            if not refill():
                return False

    try:
        refill()
        if buffer.startswith("\ufeff"):
            pos = 1
        skip_space()
        pos += 1  # the "[" the caller saw
        expect_item = True
        while True:
            if not skip_space():
                yield IngestError(f"{name}[{index}]", "the JSON list ends early (file truncated?); stopped reading")
                return
            char = buffer[pos]
            if char == "]":
                return
            if not expect_item:
                if char != ",":
                    yield IngestError(f"{name}[{index}]", f"malformed JSON: expected ',' or ']' but found {char!r}; stopped reading")
                    return
                pos += 1
                expect_item = True
                continue
            try:
                record, end = decoder.raw_decode(buffer, pos)
            except json.JSONDecodeError as e:
                if refill():
                    chunk = min(chunk * 2, 64 * _CHUNK)  # a long element: read faster
                    continue
                yield IngestError(
                    f"{name}[{index}]", f"malformed JSON ({e.msg} at character {consumed + e.pos}); stopped reading"
                )
                return
            if end == len(buffer) and not eof:
                # A number or literal may continue in the next chunk: read more and decode again.
                refill()
                continue
            chunk = _CHUNK
            pos = end
            yield _to_document(record, f"{name}[{index}]")
            index += 1
            expect_item = False
    except IngestError as e:
        yield e
