"""The default store: one SQLite file in WAL mode with FTS5 search.

Writes happen in one transaction per batch (:meth:`SqliteStore.add_articles`):
a batch is stored whole or not at all, and re-adding an article already stored
(same content hash) is a no-op that is counted as a duplicate.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import match_keys
from riwaya.errors import NotFound, StoreError
from riwaya.model import Article, Provenance

if TYPE_CHECKING:
    from riwaya.store.stories import StoryTables

SCHEMA_VERSION = 3
#: The script that brings a database from the version before to this one.
_MIGRATIONS = {1: "schema.sql", 2: "schema_v2.sql", 3: "schema_v3.sql"}
_LAYERS = ("sentences", "numbers", "dates", "headings", "removed", "entities", "statements", "metadata")


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one batch write did: ids newly stored and ids already present."""

    added: list[str]
    duplicates: list[str]


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of an article listing."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    characters: int

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the article and the first sentence that matched."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


class SqliteStore:
    """Articles, outlets, provenance and annotation layers in one SQLite file.

    >>> store = SqliteStore(":memory:")
    >>> store.count_articles()
    0
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open the database ({e}); is it a riwaya database?") from e

    def _migrate(self) -> None:
        has_version = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        current = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] if has_version else 0
        current = current or 0
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer riwaya (schema {current}, this one knows {SCHEMA_VERSION}); upgrade riwaya"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            script = resources.files("riwaya.store").joinpath(_MIGRATIONS[version]).read_text("utf-8")
            with self._transaction():
                for statement in script.split(";\n"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_version VALUES (?, ?)", (version, datetime.now(timezone.utc).isoformat())
                )

    @cached_property
    def stories(self) -> StoryTables:
        """Events, stories, copy links and the signals that find them."""
        from riwaya.store.stories import StoryTables

        return StoryTables(self)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store a batch of articles in one transaction; skip those already stored."""
        added: list[str] = []
        duplicates: list[str] = []
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction():
            for article in articles:
                if self._db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone():
                    duplicates.append(article.id)
                    continue
                outlet_id = self._outlet_id(article.outlet) if article.outlet else None
                cursor = self._db.execute(
                    "INSERT INTO articles (id, content_hash, outlet_id, url, title, author, published, source, text,"
                    " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.content_hash, outlet_id, article.url, article.title, article.author,
                     article.published, article.source, article.text, now),
                )
                self._db.executemany(
                    "INSERT INTO provenance VALUES (?, ?, ?, ?, ?)",
                    [(article.id, i, p.kind, p.outlet, p.line) for i, p in enumerate(article.provenance)],
                )
                layers = article.to_dict()
                self._db.executemany(
                    "INSERT INTO article_layers VALUES (?, ?, ?)",
                    [(article.id, name, json.dumps(layers[name], ensure_ascii=False)) for name in _LAYERS],
                )
                self._db.executemany(
                    "INSERT INTO article_entities VALUES (?, ?, ?, ?)",
                    [(cursor.lastrowid, name, kind, n) for (name, kind), n in _entity_names(article).items()],
                )
                self._db.execute(
                    "INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)",
                    (cursor.lastrowid, " ".join(match_keys(article.title or "")), " ".join(match_keys(article.text))),
                )
                added.append(article.id)
        return AddResult(added, duplicates)

    def _outlet_id(self, name: str) -> int:
        row = self._db.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        return int(self._db.execute("INSERT INTO outlets (name) VALUES (?)", (name,)).lastrowid or 0)

    # -- reading ---------------------------------------------------------

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def resolve_id(self, id_or_prefix: str) -> str:
        """The full article id for an id or a unique prefix of one (at least 4 characters)."""
        if self._db.execute("SELECT 1 FROM articles WHERE id = ?", (id_or_prefix,)).fetchone():
            return id_or_prefix
        # A range on the id index, not LIKE: LIKE (or an OR with it) scans every article.
        prefix = id_or_prefix.lower()  # ids are lowercase hex
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall() if len(prefix) >= 4 else []
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise NotFound(f"no article with id {id_or_prefix!r} in {self.path}; `riwaya articles` lists them")
        raise NotFound(f"{id_or_prefix!r} matches several articles in {self.path}; give more of the id")

    def get_article(self, id_or_prefix: str) -> Article:
        """The stored article with every annotation layer; raises :class:`NotFound`."""
        article_id = self.resolve_id(id_or_prefix)
        row = self._db.execute(
            "SELECT a.*, o.name AS outlet FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        data: dict[str, Any] = {k: row[k] for k in row.keys()}
        for layer, value in self._db.execute(
            "SELECT layer, data FROM article_layers WHERE article_id = ?", (article_id,)
        ):
            data[layer] = json.loads(value)
        data["provenance"] = [
            Provenance(kind=r["kind"], outlet=r["outlet"], line=r["line"]).to_dict()
            for r in self._db.execute(
                "SELECT kind, outlet, line FROM provenance WHERE article_id = ? ORDER BY position", (article_id,)
            )
        ]
        return Article.from_dict(data)

    def article_by_url(self, url: str) -> Article | None:
        """The first stored article with this url, or None."""
        row = self._db.execute("SELECT id FROM articles WHERE url = ? ORDER BY seq LIMIT 1", (url,)).fetchone()
        return self.get_article(row[0]) if row else None

    def list_articles(
        self, *, limit: int = 50, offset: int = 0, outlet: str | None = None, entity: str | None = None
    ) -> list[ArticleSummary]:
        """Articles in ingest order, optionally from one outlet and naming one entity (as
        a whole name or a whole-word part of one: "بوتين" finds "فلاديمير بوتين")."""
        sql = (
            "SELECT a.id, a.title, o.name AS outlet, a.published, a.url, length(a.text) AS characters"
            " FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
        )
        where: list[str] = []
        params: list[Any] = []
        if outlet:
            where.append("o.name = ?")
            params.append(outlet)
        if entity:
            name = normalize_for_matching(entity).strip()
            where.append(
                "a.seq IN (SELECT seq FROM article_entities WHERE name = ? OR name LIKE ? OR name LIKE ? OR name LIKE ?)"
            )
            params += [name, f"{name} %", f"% {name}", f"% {name} %"]
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.seq LIMIT ? OFFSET ?"
        params += [limit, offset]
        return [ArticleSummary(**dict(r)) for r in self._db.execute(sql, params)]

    def outlet_counts(self) -> list[tuple[str, int]]:
        """(outlet, number of articles), most articles first."""
        return [
            (r[0] or "", int(r[1]))
            for r in self._db.execute(
                "SELECT o.name, COUNT(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id"
                " GROUP BY o.name ORDER BY COUNT(*) DESC, o.name"
            )
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles containing every word of ``query`` (after normalization and light
        stemming), best match first."""
        keys = [k for k in match_keys(query) if k]
        if not keys:
            return []
        fts_query = " ".join('"' + k.replace('"', '""') + '"' for k in keys)
        rows = self._db.execute(
            "SELECT a.id, a.title, o.name AS outlet, a.published, a.text, a.seq FROM article_search s"
            " JOIN articles a ON a.seq = s.rowid LEFT JOIN outlets o ON o.id = a.outlet_id"
            " WHERE article_search MATCH ? ORDER BY bm25(article_search, 5.0, 1.0), a.seq LIMIT ?",
            (fts_query, limit),
        ).fetchall()
        wanted = set(keys)
        return [
            SearchHit(r["id"], r["title"], r["outlet"], r["published"], self._snippet(r["id"], r["text"], wanted))
            for r in rows
        ]

    def _snippet(self, article_id: str, text: str, wanted: set[str]) -> str:
        row = self._db.execute(
            "SELECT data FROM article_layers WHERE article_id = ? AND layer = 'sentences'", (article_id,)
        ).fetchone()
        sentences = json.loads(row[0]) if row else []
        for sentence in sentences:
            if wanted & set(match_keys(sentence["text"])):
                return str(sentence["text"])
        return text[:200]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order."""
        for (article_id,) in self._db.execute("SELECT id FROM articles ORDER BY seq").fetchall():
            yield self.get_article(article_id)


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK when the block raises: a batch is all or nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _entity_names(article: Article) -> Counter[tuple[str, str]]:
    """(normalized name, type) → mentions, for the mention as written and its group's name."""
    names: Counter[tuple[str, str]] = Counter()
    for mention in article.entities:
        for written in {mention.text, mention.canonical or mention.text}:
            name = normalize_for_matching(written).strip()
            if name:
                names[(name, mention.type)] += 1
    return names
