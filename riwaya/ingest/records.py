"""One JSON object (from JSON, JSONL or a zip member) → one :class:`RawDocument`.

Datasets name the same fields differently; the first non-empty field of each
group below wins. Dates are normalised to ISO ("2015-07-21" or
"2015-07-21T02:51:32"); a date that cannot be read is kept in
``metadata["published_raw"]`` rather than guessed.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from riwaya.errors import IngestError
from riwaya.ingest.html import extract_html, looks_like_html
from riwaya.model import RawDocument

logger = logging.getLogger(__name__)

__all__ = ["FIELDS", "normalize_date", "record_to_document"]

#: RawDocument field -> the record keys that may hold it, in order of preference
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("content", "text", "body", "article", "full_text"),
    "title": ("title", "headline"),
    "outlet": ("source", "outlet", "site", "domain", "publisher"),
    "url": ("url", "link"),
    "published": ("date", "published", "published_at", "date_extracted", "pubDate"),
    "author": ("author", "byline"),
}

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def normalize_date(value: Any) -> str | None:
    """An ISO date or datetime string for ``value``, or None when it cannot be read.

    Accepts ISO strings ("2015-07-21 02:51:32"), RFC 822 dates from feeds,
    "2015/07/21", and Unix timestamps (seconds or milliseconds, as UTC).

    >>> normalize_date("2015-07-21 02:51:32")
    '2015-07-21T02:51:32'
    >>> normalize_date("Fri, 25 Oct 2024 09:30:00 +0300")
    '2024-10-25T09:30:00+03:00'
    >>> normalize_date("2024/10/25")
    '2024-10-25'
    >>> normalize_date(1729841400)
    '2024-10-25T07:30:00+00:00'
    >>> normalize_date("الجمعة") is None
    True
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _ISO_LIKE.match(text):
        if len(text) == 10:
            return text if _valid_date(text) else None
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return None
    slashed = _SLASHED.match(text)
    if slashed:
        year, month, day, hour, minute, second = slashed.groups()
        try:
            stamp = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
        except ValueError:
            return None
        return stamp.date().isoformat() if hour is None else stamp.isoformat()
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _as_text(value: Any) -> str | None:
    """A field value as a non-empty string: publishers and authors may be objects or lists."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("title"))
    if isinstance(value, list):
        parts = [part for part in (_as_text(item) for item in value) if part]
        return "، ".join(parts) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _pick(record: dict[str, Any], field: str) -> tuple[str | None, Any]:
    for key in FIELDS[field]:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return key, value
    return None, None


def record_to_document(record: Any, source: str) -> RawDocument:
    """Map one JSON object to a :class:`RawDocument`; raise :class:`IngestError` when it has no text.

    >>> doc = record_to_document({"source": "aawsat", "title": "عنوان", "content": "نص الخبر",
    ...                           "date_extracted": "2015-07-21 02:51:32"}, "day.json[0]")
    >>> (doc.outlet, doc.published, doc.text)
    ('aawsat', '2015-07-21T02:51:32', 'نص الخبر')
    >>> record_to_document({"title": "بلا نص"}, "a.jsonl:3")
    Traceback (most recent call last):
    ...
    riwaya.errors.IngestError: a.jsonl:3: the record has no article text (expected one of: content, text, body, article, full_text)
    """
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object for one article, got {type(record).__name__}")
    text_key, raw_text = _pick(record, "text")
    text = _as_text(raw_text) if text_key else None
    if not text:
        raise IngestError(source, "the record has no article text (expected one of: " + ", ".join(FIELDS["text"]) + ")")
    url = _as_text(_pick(record, "url")[1])
    metadata: dict[str, Any] = {"format": "json"}
    extracted: RawDocument | None = None
    if looks_like_html(text):
        extracted = extract_html(text, source, url=url)
        text = extracted.text
        metadata["content_was_html"] = True
    date_key, raw_date = _pick(record, "published")
    published = normalize_date(raw_date)
    if date_key is not None:
        # date_extracted is a crawl time; downstream may want to trust it less.
        metadata["published_field"] = date_key
        if published is None:
            metadata["published_raw"] = str(raw_date)
    used = {key for keys in FIELDS.values() for key in keys}
    for key, value in record.items():
        if key not in used and isinstance(value, (str, int, float, bool)) and key not in metadata:
            metadata[key] = value

    def fallback(value: str | None, attribute: str) -> str | None:
        return value if value else (getattr(extracted, attribute) if extracted else None)

    return RawDocument(
        source=source,
        text=text,
        title=fallback(_as_text(_pick(record, "title")[1]), "title"),
        url=fallback(url, "url"),
        outlet=fallback(_as_text(_pick(record, "outlet")[1]), "outlet"),
        published=fallback(published, "published"),
        author=fallback(_as_text(_pick(record, "author")[1]), "author"),
        metadata=metadata,
    )
