"""What the API and the pages ask of the library, in one place: listing and filtering
stories, a story's reconstruction, an article with its links, and ingest.

Every function takes an open :class:`SqliteStore` and returns plain data; the routers
only turn it into JSON or HTML.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from riwaya.errors import IngestError
from riwaya.ingest.records import record_to_document
from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.model import Article, RawDocument
from riwaya.pipeline import IngestReport, ingest
from riwaya.reconstruct import reconstruct
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.views import EventView, event_view, list_events, story_view

logger = logging.getLogger(__name__)


class _Lru:
    """A small thread-safe least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What a story listing is narrowed to; every field optional."""

    text: str | None = None
    outlet: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    min_articles: int = 1


class Desk:
    """The server's view of one database: caches keyed so that they never go stale.

    Articles are cached by id (an id is a content hash: the text never changes);
    reconstructions by (event id, member article ids), so a join, merge or split
    makes a new key; the event listing by the number of articles and this process's
    write count.
    """

    def __init__(self) -> None:
        self._articles = _Lru(4096)
        self._stories = _Lru(256)
        self._listing = _Lru(2)
        self._json = _Lru(64)
        self._events_of = _Lru(256)
        self._writes = 0
        self._write_lock = threading.Lock()
        self._queue_lock = threading.Lock()
        self._queue: list[str] = []
        self._queued: set[str] = set()
        self._worker: threading.Thread | None = None

    # -- reading -------------------------------------------------------------------

    def article(self, store: SqliteStore, article_id: str) -> Article:
        cached = self._articles.get(article_id)
        if cached is None:
            cached = store.get_article(article_id)
            self._articles.put(cached.id, cached)
        return cached  # type: ignore[no-any-return]

    def events(self, store: SqliteStore) -> list[EventView]:
        key = (store.count_articles(), self._writes)
        cached = self._listing.get(key)
        if cached is None:
            cached = list_events(store)
            self._listing.put(key, cached)
        return cached  # type: ignore[no-any-return]

    def stories(self, store: SqliteStore, where: StoryFilter) -> list[EventView]:
        events = [e for e in self.events(store) if len(e.articles) >= where.min_articles]
        if where.outlet:
            events = [e for e in events if where.outlet in e.outlets]
        if where.since:
            events = [e for e in events if (e.last_seen or "") >= where.since]
        if where.until:
            events = [e for e in events if e.first_seen and e.first_seen <= where.until]
        if where.entity:
            ids = {a.id for a in store.list_articles(limit=100_000, entity=where.entity)}
            events = [e for e in events if any(a["id"] in ids for a in e.articles)]
        if where.text:
            ids = {h.id for h in store.search(where.text, limit=2000)}
            events = [e for e in events if any(a["id"] in ids for a in e.articles)]
        return events

    def story(self, store: SqliteStore, id_or_prefix: str) -> dict[str, Any]:
        """The story contract of an event (``e-…``) or a story (``s-…``), with the events of
        its story (``story_events``); cached. Do not mutate what it returns."""
        live, key, story_id = self._story_key(store, id_or_prefix)
        data = self._stories.get(key)
        if data is None:
            data = reconstruct(store, live)
            self._stories.put(key, data)
        events = self.story_events(store, story_id)
        if data.get("story_events") is not events:
            data = {**data, "story_events": events}
            self._stories.put(key, data)
        return data  # type: ignore[no-any-return]

    def story_json(self, store: SqliteStore, id_or_prefix: str) -> bytes:
        """:meth:`story` validated against :class:`StoryDetail` and serialized, once per version."""
        from riwaya.server.schemas import StoryDetail

        data = self.story(store, id_or_prefix)
        key = ("json", id(data))
        cached = self._json.get(key)
        if cached is None or cached[0] is not data:
            cached = (data, StoryDetail.model_validate(data).model_dump_json().encode())
            self._json.put(key, cached)
        return cached[1]  # type: ignore[no-any-return]

    def story_events(self, store: SqliteStore, story_id: str) -> list[dict[str, Any]]:
        """The live events of a story, oldest first (id, title, first seen); recomputed
        only when the list of event ids changes."""
        tables = store.stories
        live = tables.resolve_story(story_id) or story_id
        ids = tuple(tables.events_of_story(live))
        cached = self._events_of.get((live, ids))
        if cached is None:
            cached = []
            for event_id in ids:
                view = event_view(store, event_id)
                cached.append({"id": view.id, "title": view.title, "first_seen": view.first_seen})
            self._events_of.put((live, ids), cached)
        return cached  # type: ignore[no-any-return]

    def cached_story(self, store: SqliteStore, id_or_prefix: str) -> dict[str, Any] | None:
        """The story when its reconstruction is already cached, else None (never computes)."""
        return self._stories.get(self._story_key(store, id_or_prefix)[1])  # type: ignore[no-any-return]

    def cached_event_story(self, event: EventView) -> dict[str, Any] | None:
        """The cached reconstruction of a listed event, without touching the database."""
        return self._stories.get((event.id, tuple(a["id"] for a in event.articles)))  # type: ignore[no-any-return]

    def _story_key(self, store: SqliteStore, id_or_prefix: str) -> tuple[str, tuple[Any, ...], str]:
        """(live id, cache key, story id); the key changes when any member does."""
        if id_or_prefix.startswith("s-"):
            story = story_view(store, id_or_prefix)
            members = tuple(a["id"] for e in story["events"] for a in e["articles"])
            return story["id"], (story["id"], members), story["id"]
        view = event_view(store, id_or_prefix)
        return view.id, (view.id, tuple(a["id"] for a in view.articles)), view.story_id

    def warm(self, open_db: Callable[[], SqliteStore], ids: list[str]) -> None:
        """Reconstruct these stories in one background thread so that the next page
        view finds them cached (the home page shows origins once they are ready)."""
        with self._queue_lock:
            fresh = [i for i in ids if i not in self._queued]
            self._queued.update(fresh)
            if not fresh:
                return
            self._queue.extend(fresh)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._drain, args=(open_db,), name="riwaya-warm", daemon=True)
                self._worker.start()

    def _drain(self, open_db: Callable[[], SqliteStore]) -> None:
        store = open_db()
        try:
            while True:
                with self._queue_lock:
                    if not self._queue:
                        self._worker = None
                        return
                    story_id = self._queue.pop(0)
                try:
                    self.story(store, story_id)
                except Exception:  # noqa: BLE001 - a story that fails here fails visibly when opened
                    logger.exception("could not reconstruct %s in the background", story_id)
                finally:
                    with self._queue_lock:
                        self._queued.discard(story_id)
        finally:
            store.close()

    def article_detail(self, store: SqliteStore, article_id: str) -> dict[str, Any]:
        article = self.article(store, article_id)
        links = article_links(store, article.id)
        return {**article.to_dict(), **links}

    # -- writing -------------------------------------------------------------------------

    def wrote(self) -> None:
        with self._write_lock:
            self._writes += 1
        self._listing.clear()

    def ingest_documents(self, store: SqliteStore, documents: Iterable[RawDocument | IngestError]) -> IngestReport:
        with self._write_lock:
            report = ingest(documents, store)
        self.wrote()
        return report


def article_links(store: SqliteStore, article_id: str) -> dict[str, Any]:
    """The article's event and story, what it copies and who copies it."""
    tables = store.stories
    event_id = tables.event_of_article(article_id)

    def link(kind: str, article: str | None, outlet: str | None, evidence: str) -> dict[str, Any]:
        return {"kind": kind, "article": article, "outlet": outlet, "evidence": json.loads(evidence)}

    return {
        "event_id": event_id,
        "story_id": tables.story_of(event_id) if event_id else None,
        "derived_from": [link(r["kind"], r["source_article"], r["source_outlet"], r["evidence"]) for r in tables.links_of([article_id])],
        "copied_by": [link(r["kind"], r["article_id"], r["outlet"], r["evidence"]) for r in tables.copies_of(article_id)],
    }


def documents_from_records(records: list[dict[str, Any]]) -> list[RawDocument | IngestError]:
    """JSON article objects (as posted) → raw documents, or an error naming the record."""
    out: list[RawDocument | IngestError] = []
    for n, record in enumerate(records):
        try:
            out.append(record_to_document(record, f"request[{n}]"))
        except IngestError as error:
            out.append(error)
    return out


def documents_from_url(url: str, options: IngestOptions, published: str | None) -> list[RawDocument | IngestError]:
    if not url.lower().startswith(("http://", "https://")):
        return [IngestError(url, "not an http(s) URL")]
    docs = list(iter_raw_documents([url], options))
    for doc in docs:
        if isinstance(doc, RawDocument) and published and not doc.published:
            doc.published = published
    return docs


def documents_from_upload(name: str, data: bytes, options: IngestOptions) -> list[RawDocument | IngestError]:
    """An uploaded file read as if it were on disk under its own name (format from the
    name's extension, else sniffed); sources name the upload, not the temporary path."""
    safe = Path(name).name.replace("\x00", "") or "upload"
    with tempfile.TemporaryDirectory(prefix="riwaya-upload-") as folder:
        path = Path(folder) / safe
        path.write_bytes(data)
        docs = list(iter_raw_documents([str(path)], options))
    prefix = str(path)
    fixed: list[RawDocument | IngestError] = []
    for doc in docs:
        if isinstance(doc, RawDocument):
            doc.source = safe + doc.source.removeprefix(prefix)
            fixed.append(doc)
        else:
            fixed.append(IngestError(safe + doc.source.removeprefix(prefix), doc.reason))
    return fixed
