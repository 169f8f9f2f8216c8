"""RSS and Atom feeds (feedparser): one document per entry.

An entry that carries the whole article (``content:encoded`` or Atom
``content``) is used as is. An entry with only a summary, or a short body, is
a teaser: when ``IngestOptions.fetch_summaries`` is on, its page is fetched
and extracted instead; a failed fetch yields an error for that entry only.
The feed's own fields (title, link, date, author) are structured and win over
what the page's metadata says.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

import feedparser

from riwaya.errors import IngestError
from riwaya.ingest.fetch import fetch_url
from riwaya.ingest.html import extract_html, html_fragment_to_text
from riwaya.ingest.options import IngestOptions, one_line
from riwaya.ingest.records import normalize_date
from riwaya.model import RawDocument

logger = logging.getLogger(__name__)

__all__ = ["SHORT_CONTENT", "looks_like_feed", "iter_feed"]

Item = RawDocument | IngestError

#: bodies shorter than this (characters of text) are teasers, not articles
SHORT_CONTENT = 400

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a document are an RSS, Atom or RDF feed.

    >>> looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"><channel>')
    True
    >>> looks_like_feed(b"<!DOCTYPE html><html>")
    False
    """
    match = _FEED_ROOT.search(head[:2048])
    return match is not None and b"<html" not in head[: match.start()].lower()


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            # feedparser gives UTC struct_time.
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()
        raw = entry.get(key)
        if raw:
            normalized = normalize_date(raw)
            if normalized:
                return normalized
    return None


def _entry_body(entry: Any) -> tuple[str, bool]:
    """The entry's text and whether it is the full article (not only a summary)."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = html_fragment_to_text(value) if "html" in (content.get("type") or "html") else value.strip()
        if text:
            return text, len(text) >= SHORT_CONTENT
    summary = entry.get("summary") or ""
    return html_fragment_to_text(summary), False


def iter_feed(
    data: bytes,
    name: str,
    options: IngestOptions = IngestOptions(),
    *,
    content_type: str | None = None,
    fetch: Callable[[str, IngestOptions], Any] = fetch_url,
) -> Iterator[Item]:
    """Yield one document (or error) per entry of an RSS/Atom feed held in ``data``.

    Entries are named ``name[INDEX]``. ``fetch`` fetches teaser pages (a
    parameter so that tests and the server can swap it).

    >>> rss = '''<rss version="2.0"><channel><title>وكالة الأنباء</title>
    ... <item><title>نفي روسي</title><link>https://example.com/1</link>
    ... <description>نفى الكرملين التقرير.</description></item></channel></rss>'''.encode()
    >>> doc = next(iter_feed(rss, "feed.xml", IngestOptions(fetch_summaries=False)))
    >>> (doc.title, doc.outlet, doc.text)
    ('نفي روسي', 'وكالة الأنباء', 'نفى الكرملين التقرير.')
    """
    headers = {"content-type": content_type} if content_type else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = one_line(str(parsed.get("bozo_exception") or "not well-formed"), 160)
            yield IngestError(name, f"not a readable RSS/Atom feed ({reason})")
        else:
            logger.info("%s: the feed has no entries", name)
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for index, entry in enumerate(parsed.entries):
        yield _entry_document(entry, f"{name}[{index}]", feed_title, options, fetch)


def _entry_document(
    entry: Any, source: str, feed_title: str | None, options: IngestOptions, fetch: Callable[[str, IngestOptions], Any]
) -> Item:
    link = (entry.get("link") or "").strip() or None
    title = (entry.get("title") or "").strip() or None
    author = (entry.get("author") or "").strip() or None
    published = _entry_date(entry)
    text, full = _entry_body(entry)
    metadata: dict[str, Any] = {"format": "feed"}
    if entry.get("id"):
        metadata["entry_id"] = entry["id"]
    page: RawDocument | None = None
    if not full and options.fetch_summaries and link:
        try:
            result = fetch(link, options)
            page = extract_html(result.body, source, url=result.url, http_charset=result.charset)
        except IngestError as e:
            return IngestError(source, f"the entry has only a summary and its page {link} could not be read: {e.reason}")
        metadata["fetched"] = True
        if text:
            metadata["summary"] = text
        text = page.text
    elif not full:
        metadata["summary_only"] = True
    if not text:
        return IngestError(source, "the entry has no text and no link to fetch")
    return RawDocument(
        source=source,
        text=text,
        title=title or (page.title if page else None),
        url=link or (page.url if page else None),
        outlet=feed_title or (page.outlet if page else None),
        published=published or (page.published if page else None),
        author=author or (page.author if page else None),
        metadata=metadata,
    )
