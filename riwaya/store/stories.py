"""The store's side of stories: article signals, copy links, events, stories, corrections.

One :class:`StoryTables` per :class:`~riwaya.store.sqlite.SqliteStore`
(``store.stories``); it shares the store's connection and transactions. Event and
story ids never change once written: a merged event keeps its row with
``merged_into`` set, and every lookup follows that redirect.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from riwaya.errors import NotFound

if TYPE_CHECKING:
    from riwaya.stories.signals import ArticleSignals
    from riwaya.store.sqlite import SqliteStore


class StoryTables:
    """Reads and writes of the schema-2 tables (see schema_v2.sql)."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        self._db: sqlite3.Connection = store._db

    def transaction(self) -> Any:
        return self._store._transaction()

    # -- signals ---------------------------------------------------------

    def pending(self) -> list[int]:
        """Stored articles that belong to no event yet, in ingest order."""
        return [
            int(r[0])
            for r in self._db.execute(
                "SELECT a.seq FROM articles a LEFT JOIN event_members m ON m.seq = a.seq WHERE m.seq IS NULL ORDER BY a.seq"
            )
        ]

    def _select_in(self, sql: str, values: Iterable[Any]) -> list[sqlite3.Row]:
        """Rows of ``sql`` (with one ``IN ({marks})``) over ``values``, in chunks SQLite accepts."""
        rows: list[sqlite3.Row] = []
        value_list = list(values)
        for chunk in _chunks(value_list):
            rows += self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk).fetchall()
        return rows

    def article_ids(self, seqs: list[int]) -> dict[int, str]:
        return {int(r[0]): r[1] for r in self._select_in("SELECT seq, id FROM articles WHERE seq IN ({marks})", seqs)}

    def seqs_with_signals(self, seqs: Iterable[int]) -> set[int]:
        return {int(r[0]) for r in self._select_in("SELECT seq FROM article_signals WHERE seq IN ({marks})", seqs)}

    def save_signals(self, signals: list[ArticleSignals], buckets: list[list[int]]) -> None:
        """Store signals, LSH buckets and sentence hashes (inside the caller's transaction)."""
        self._db.executemany(
            "INSERT OR REPLACE INTO article_signals VALUES (?, ?, ?, ?, ?, ?)",
            [
                (s.seq, s.day.isoformat(), s.minhash.astype("<u4").tobytes(), s.vector.astype("<f2").tobytes(),
                 " ".join(sorted(s.lead_terms)), json.dumps(list(s.names), ensure_ascii=False))
                for s in signals
            ],
        )
        self._db.executemany(
            "INSERT INTO lsh_bands VALUES (?, ?)", [(b, s.seq) for s, keys in zip(signals, buckets, strict=True) for b in keys]
        )
        self._db.executemany(
            "INSERT INTO sentence_hashes VALUES (?, ?, ?)",
            [(h, s.seq, i) for s in signals for i, h in enumerate(s.sentence_hashes)],
        )

    def load_signals(self, seqs: Iterable[int]) -> list[ArticleSignals]:
        """Stored signals of these articles (those that have them), in seq order."""
        from riwaya.stories.signals import ArticleSignals, matching_text

        seq_list = sorted(set(seqs))
        rows = self._select_in(
            "SELECT s.*, a.id, a.title, a.text, o.name AS outlet FROM article_signals s JOIN articles a ON a.seq = s.seq"
            " LEFT JOIN outlets o ON o.id = a.outlet_id WHERE s.seq IN ({marks})",
            seq_list,
        )
        hashes: dict[int, list[int]] = {}
        for h, seq in self._select_in("SELECT hash, seq FROM sentence_hashes WHERE seq IN ({marks}) ORDER BY seq, sentence", seq_list):
            hashes.setdefault(int(seq), []).append(int(h))
        return [
            ArticleSignals(
                seq=int(r["seq"]),
                id=r["id"],
                outlet=r["outlet"],
                day=date.fromisoformat(r["day"]),
                title=r["title"] or "",
                vector=np.frombuffer(r["vector"], dtype="<f2").astype(np.float32),
                minhash=np.frombuffer(r["minhash"], dtype="<u4").astype(np.uint32),
                lead_terms=frozenset(r["lead_terms"].split()),
                names=tuple(json.loads(r["names"])),
                sentence_hashes=tuple(hashes.get(int(r["seq"]), ())),
                normalized_text=matching_text(r["title"], r["text"]),
            )
            for r in sorted(rows, key=lambda r: r["seq"])
        ]

    def assigned_between(self, first: date, last: date) -> list[int]:
        """Articles already in an event whose day lies in [first, last]."""
        return [
            int(r[0])
            for r in self._db.execute(
                "SELECT s.seq FROM article_signals s JOIN event_members m ON m.seq = s.seq WHERE s.day BETWEEN ? AND ?",
                (first.isoformat(), last.isoformat()),
            )
        ]

    def founders_between(self, first: date, last: date) -> list[tuple[str, str, int]]:
        """(event id, story id, founding article) of live events founded in [first, last]."""
        return [
            (r[0], r[1], int(r[2]))
            for r in self._db.execute(
                "SELECT e.id, e.story_id, e.created_seq FROM events e JOIN article_signals s ON s.seq = e.created_seq"
                " WHERE e.merged_into IS NULL AND s.day BETWEEN ? AND ?",
                (first.isoformat(), last.isoformat()),
            )
        ]

    def bucket_neighbours(self, buckets: list[int]) -> set[int]:
        marks = ",".join("?" * len(buckets))
        return {int(r[0]) for r in self._db.execute(f"SELECT DISTINCT seq FROM lsh_bands WHERE bucket IN ({marks})", buckets)}

    def sentence_neighbours(self, hashes: tuple[int, ...]) -> dict[int, int]:
        """Articles sharing long sentences with these hashes → how many they share."""
        if not hashes:
            return {}
        marks = ",".join("?" * len(hashes))
        return {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                f"SELECT seq, COUNT(DISTINCT hash) FROM sentence_hashes WHERE hash IN ({marks}) GROUP BY seq", list(hashes)
            )
        }

    # -- events ----------------------------------------------------------

    def membership(self, seqs: Iterable[int]) -> dict[int, str]:
        """The (live) event of each of these articles."""
        return {int(r[0]): r[1] for r in self._select_in("SELECT seq, event_id FROM event_members WHERE seq IN ({marks})", set(seqs))}

    def add_event(self, event_id: str, story_id: str, created_seq: int, story_link: dict[str, Any] | None) -> None:
        self._db.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (story_id,))
        self._db.execute(
            "INSERT INTO events (id, story_id, story_link, created_seq) VALUES (?, ?, ?, ?)",
            (event_id, story_id, json.dumps(story_link, ensure_ascii=False) if story_link else None, created_seq),
        )

    def add_member(self, seq: int, event_id: str, score: float | None, reason: dict[str, Any], decided_by: str = "machine") -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO event_members VALUES (?, ?, ?, ?, ?)",
            (seq, event_id, score, json.dumps(reason, ensure_ascii=False), decided_by),
        )

    def add_link(self, article_id: str, kind: str, source_article: str | None, source_outlet: str | None, evidence: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO derived_from VALUES (?, ?, ?, ?, ?)",
            (article_id, kind, source_article, source_outlet, json.dumps(evidence, ensure_ascii=False)),
        )

    def unused_event_id(self, founder_id: str) -> str:
        """``e-`` and the founding article's id prefix; suffixed when a split already took it."""
        base = event_id = f"e-{founder_id[:12]}"
        n = 1
        while self._db.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone():
            n += 1
            event_id = f"{base}-{n}"
        return event_id

    def created_seq(self, event_id: str) -> int:
        return int(self._db.execute("SELECT created_seq FROM events WHERE id = ?", (event_id,)).fetchone()[0])

    def began(self, event_id: str) -> date:
        """The day of the article that founded the event."""
        row = self._db.execute(
            "SELECT s.day FROM events e JOIN article_signals s ON s.seq = e.created_seq WHERE e.id = ?", (event_id,)
        ).fetchone()
        return date.fromisoformat(row[0])

    def story_of(self, event_id: str) -> str:
        return str(self._db.execute("SELECT story_id FROM events WHERE id = ?", (event_id,)).fetchone()[0])

    def resolve_event(self, id_or_prefix: str) -> str:
        """The live event id for an id, a unique prefix, or an id that was merged away."""
        rows = self._db.execute(
            "SELECT id, merged_into FROM events WHERE id = ? OR (length(?) >= 4 AND id LIKE ? || '%') LIMIT 2",
            (id_or_prefix, id_or_prefix, id_or_prefix),
        ).fetchall()
        exact = [r for r in rows if r["id"] == id_or_prefix]
        if exact:
            rows = exact
        if not rows:
            raise NotFound(f"no event with id {id_or_prefix!r} in {self._store.path}; `riwaya stories` lists them")
        if len(rows) > 1:
            raise NotFound(f"{id_or_prefix!r} matches several events in {self._store.path}; give more of the id")
        event_id, merged_into = rows[0]["id"], rows[0]["merged_into"]
        while merged_into:
            event_id = merged_into
            merged_into = self._db.execute("SELECT merged_into FROM events WHERE id = ?", (event_id,)).fetchone()[0]
        return str(event_id)

    def live_events(self) -> list[sqlite3.Row]:
        return self._db.execute(
            "SELECT e.id, e.story_id, e.story_link, e.created_seq FROM events e WHERE e.merged_into IS NULL"
            " AND EXISTS (SELECT 1 FROM event_members m WHERE m.event_id = e.id) ORDER BY e.created_seq"
        ).fetchall()

    def event_row(self, event_id: str) -> sqlite3.Row:
        return self._db.execute("SELECT * FROM events WHERE id = ?", (event_id,)).fetchone()

    def members(self, event_ids: list[str]) -> list[sqlite3.Row]:
        """Member articles of these events with the fields a listing shows, oldest first."""
        marks = ",".join("?" * len(event_ids))
        return self._db.execute(
            "SELECT m.event_id, m.score, m.reason, m.decided_by, a.seq, a.id, a.url, a.title, a.published, o.name AS outlet,"
            " s.day, s.vector FROM event_members m JOIN articles a ON a.seq = m.seq LEFT JOIN outlets o ON o.id = a.outlet_id"
            f" LEFT JOIN article_signals s ON s.seq = m.seq WHERE m.event_id IN ({marks}) ORDER BY s.day, a.seq",
            event_ids,
        ).fetchall()

    def links_of(self, article_ids: list[str]) -> list[sqlite3.Row]:
        marks = ",".join("?" * len(article_ids))
        return self._db.execute(
            f"SELECT * FROM derived_from WHERE article_id IN ({marks}) ORDER BY article_id, kind, source_article, source_outlet",
            article_ids,
        ).fetchall()

    def event_of_article(self, article_id: str) -> str | None:
        """The event ``article_id`` is a member of, or None when it is not placed (or not stored)."""
        row = self._db.execute(
            "SELECT m.event_id FROM articles a JOIN event_members m ON m.seq = a.seq WHERE a.id = ?", (article_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def copies_of(self, article_id: str) -> list[sqlite3.Row]:
        """The copy links whose source is ``article_id``: one row per stored article that
        copies it (``kind``, ``article_id`` of the copy, its ``outlet`` name, ``evidence``
        JSON), by kind then copy id."""
        return self._db.execute(
            "SELECT d.kind, d.article_id, o.name AS outlet, d.evidence FROM derived_from d"
            " JOIN articles a ON a.id = d.article_id LEFT JOIN outlets o ON o.id = a.outlet_id"
            " WHERE d.source_article = ? ORDER BY d.kind, d.article_id",
            (article_id,),
        ).fetchall()

    def events_of_story(self, story_id: str) -> list[str]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM events WHERE story_id = ? AND merged_into IS NULL ORDER BY created_seq", (story_id,)
            )
        ]

    def resolve_story(self, story_id: str) -> str | None:
        row = self._db.execute("SELECT id, merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        if not row:
            return None
        return str(row["merged_into"] or row["id"])

    def record_correction(self, action: str, event_id: str, other_id: str, articles: list[str]) -> None:
        self._db.execute(
            "INSERT INTO event_corrections (action, event_id, other_id, articles, at) VALUES (?, ?, ?, ?, ?)",
            (action, event_id, other_id, json.dumps(articles), datetime.now(timezone.utc).isoformat(timespec="seconds")),
        )

    def move_members(self, seqs: list[int], event_id: str, decided_by: str, reason: dict[str, Any]) -> None:
        self._db.executemany(
            "UPDATE event_members SET event_id = ?, decided_by = ?, reason = ? WHERE seq = ?",
            [(event_id, decided_by, json.dumps(reason, ensure_ascii=False), seq) for seq in seqs],
        )

    def mark_merged(self, event_id: str, into: str) -> None:
        self._db.execute("UPDATE events SET merged_into = ? WHERE id = ?", (into, event_id))

    def mark_story_merged(self, story_id: str, into: str) -> None:
        self._db.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (into, story_id))
        self._db.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (into, story_id))

    def hand_corrections(self) -> int:
        """How many merges and splits a user made (machine merges not counted)."""
        return int(self._db.execute("SELECT COUNT(*) FROM event_corrections WHERE action IN ('merge', 'split')").fetchone()[0])

    def clear_placement(self) -> None:
        """Forget every event, story, correction and copy link found by comparison, keeping
        the articles, their signals and their credited relays (read from the text): what
        re-placing everything under a refitted model starts from."""
        with self.transaction():
            for table in ("event_members", "event_corrections", "events", "stories"):
                self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            self._db.execute("DELETE FROM derived_from WHERE kind != 'credited'")

    def seqs_by_url(self, urls: list[str]) -> dict[str, int]:
        return {r[0]: int(r[1]) for r in self._select_in("SELECT url, seq FROM articles WHERE url IN ({marks})", urls)}

    def events_by_url(self, urls: list[str]) -> dict[str, str]:
        """The live event of each stored article with one of these urls."""
        return {
            r[0]: r[1]
            for r in self._select_in(
                "SELECT a.url, m.event_id FROM articles a JOIN event_members m ON m.seq = a.seq WHERE a.url IN ({marks})", urls
            )
        }


def _chunks(values: list[Any], size: int = 900) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]
