"""Turn the bytes of an input into text, or say clearly why they are not text.

Arabic news comes as UTF-8 almost everywhere, but older Arabic sites and
archives still serve windows-1256. Any byte string "decodes" as a single-byte
code page, so windows-1256 is only accepted when the result is mostly Arabic
letters; anything else is reported instead of turning into mojibake.
"""

from __future__ import annotations

import codecs
import logging
import re

from riwaya.errors import IngestError

logger = logging.getLogger(__name__)

__all__ = ["binary_kind", "check_not_binary", "decode_bytes", "decode_html", "is_mostly_arabic"]

#: leading bytes of common binary formats -> a name the user recognises
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Western code pages that pages often declare by mistake while serving UTF-8.
_WESTERN = {"iso8859-1", "cp1252", "ascii"}


def binary_kind(head: bytes) -> str | None:
    """Name the binary format ``head`` starts with, or None when it may be text.

    >>> binary_kind(b"%PDF-1.7 ...")
    'PDF document'
    >>> binary_kind("نص عربي".encode()) is None
    True
    """
    if head.startswith(_BOMS[0][0]) or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    # NUL bytes never occur in UTF-8 or windows-1256 text.
    if b"\x00" in head[:8192]:
        return "contains NUL bytes"
    return None


def check_not_binary(head: bytes, source: str) -> None:
    """Raise :class:`IngestError` when ``head`` is the start of a binary file.

    >>> check_not_binary(b"\\x89PNG\\r\\n\\x1a\\n....", "photo.txt")
    Traceback (most recent call last):
    ...
    riwaya.errors.IngestError: photo.txt: binary file (PNG image), not text
    """
    kind = binary_kind(head)
    if kind is not None:
        raise IngestError(source, f"binary file ({kind}), not text")


def is_mostly_arabic(text: str, threshold: float = 0.6) -> bool:
    """True when at least ``threshold`` of the letters in ``text`` are Arabic.

    >>> is_mostly_arabic("قال بيسكوف إن التقرير كاذب (WSJ)")
    True
    >>> is_mostly_arabic("ÇáßÑãáíä")
    False
    """
    letters = len(_LETTER.findall(text))
    if letters == 0:
        return False
    return len(_ARABIC_LETTER.findall(text)) / letters >= threshold


def _has_control_characters(text: str) -> bool:
    """Random bytes decode as windows-1256 too; real text has almost no C0 controls."""
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f")
    return controls > len(text) / 200


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode ``data`` as BOM-aware UTF-8, a declared charset, or windows-1256 Arabic.

    ``declared`` is a charset named by the input itself (HTTP header, meta
    tag); it is tried first, unless it is a Western code page and the bytes
    are valid UTF-8 (a common mislabelling). Raises :class:`IngestError` with
    "not valid UTF-8 or windows-1256 text" when nothing fits.

    >>> decode_bytes("خبر عاجل".encode("utf-8"), "a.txt")
    'خبر عاجل'
    >>> decode_bytes("نفى الكرملين التقرير".encode("cp1256"), "old.txt")
    'نفى الكرملين التقرير'
    >>> decode_bytes("café crème".encode("latin-1"), "x.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    riwaya.errors.IngestError: x.txt: not valid UTF-8 or windows-1256 text ...
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise IngestError(source, f"not valid {codec} text despite its byte-order mark ({e.reason} at byte {e.start})") from e
    codec = _codec_name(declared) if declared else None
    if codec and codec not in ("utf-8", *_WESTERN):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            logger.debug("%s: declared charset %s does not fit; trying UTF-8", source, declared)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and is_mostly_arabic(text) and not _has_control_characters(text):
        return text
    if codec in _WESTERN:
        # The page said Western and it is not UTF-8 nor Arabic: trust it.
        return data.decode(codec, errors="replace")
    raise IngestError(
        source,
        f"not valid UTF-8 or windows-1256 text (bad byte at offset {utf8_error.start}); "
        "convert it to UTF-8 first",
    )


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 4 KB, if any.

    >>> declared_html_charset(b'<html><head><meta charset="windows-1256">')
    'windows-1256'
    """
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, source: str, *, http_charset: str | None = None) -> str:
    """Decode an HTML page: BOM, then the HTTP charset, then its meta charset, then UTF-8/windows-1256.

    >>> page = '<meta charset="windows-1256"><p>السلام عليكم</p>'.encode("cp1256")
    >>> "السلام عليكم" in decode_html(page, "p.html")
    True
    """
    declared = http_charset or declared_html_charset(data)
    return decode_bytes(data, source, declared=declared)
