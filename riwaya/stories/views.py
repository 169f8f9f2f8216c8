"""Events and stories as readers see them: the listing and the detail of one.

The JSON of :meth:`EventView.to_dict` is the ``riwaya stories --json`` contract:
``id``, ``title`` (the most central headline), ``articles`` (``id``, ``url``,
``outlet``, ``title``, ``published``), ``outlets``, ``first_seen``, ``last_seen``,
``story_id``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from riwaya.errors import NotFound
from riwaya.store.sqlite import SqliteStore


@dataclass(slots=True)
class EventView:
    """One event with its member articles, oldest first."""

    id: str
    story_id: str
    title: str
    articles: list[dict[str, Any]]
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    story_link: dict[str, Any] | None = None
    members: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "outlets": self.outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "story_id": self.story_id,
        }


def list_events(store: SqliteStore, *, min_articles: int = 1) -> list[EventView]:
    """Every live event, most recently active first (then largest)."""
    tables = store.stories
    rows = tables.live_events()
    if not rows:
        return []
    members = _group(tables.members([r["id"] for r in rows]))
    views = [_view(r, members.get(r["id"], [])) for r in rows]
    views = [v for v in views if len(v.articles) >= min_articles]
    views.sort(key=lambda v: (v.last_seen or "", len(v.articles), v.id), reverse=True)
    return views


def event_view(store: SqliteStore, event_id: str) -> EventView:
    """One event by id, prefix, or an id that was merged away; with memberships and links."""
    tables = store.stories
    live = tables.resolve_event(event_id)
    row = tables.event_row(live)
    member_rows = tables.members([live])
    view = _view(row, member_rows)
    links = _group_links(tables.links_of([m["id"] for m in member_rows]))
    for article, member in zip(view.articles, member_rows, strict=True):
        view.members.append(
            {
                **article,
                "membership": {"decided_by": member["decided_by"], **json.loads(member["reason"])},
                "derived_from": links.get(article["id"], []),
            }
        )
    return view


def story_view(store: SqliteStore, story_id: str) -> dict[str, Any]:
    """A story: its events in order, each with its articles."""
    tables = store.stories
    live = tables.resolve_story(story_id)
    if live is None:
        raise NotFound(f"no story with id {story_id!r} in {store.path}; `riwaya stories` shows each event's story_id")
    events = [event_view(store, e) for e in tables.events_of_story(live)]
    return {
        "id": live,
        "events": [{**e.to_dict(), "story_link": e.story_link, "articles": e.members} for e in events],
        "outlets": sorted({o for e in events for o in e.outlets}),
        "first_seen": min((e.first_seen for e in events if e.first_seen), default=None),
        "last_seen": max((e.last_seen for e in events if e.last_seen), default=None),
    }


def _group(rows: list[sqlite3.Row]) -> dict[str, list[sqlite3.Row]]:
    grouped: dict[str, list[sqlite3.Row]] = {}
    for r in rows:
        grouped.setdefault(r["event_id"], []).append(r)
    return grouped


def _group_links(rows: list[sqlite3.Row]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        grouped.setdefault(r["article_id"], []).append(
            {"kind": r["kind"], "article": r["source_article"], "outlet": r["source_outlet"], "evidence": json.loads(r["evidence"])}
        )
    return grouped


def _view(row: sqlite3.Row, members: list[sqlite3.Row]) -> EventView:
    articles = [
        {"id": m["id"], "url": m["url"], "outlet": m["outlet"], "title": m["title"], "published": m["published"]}
        for m in members
    ]
    days = [m["day"] for m in members if m["day"]]
    return EventView(
        id=row["id"],
        story_id=row["story_id"],
        title=_central_title(members),
        articles=articles,
        outlets=sorted({m["outlet"] for m in members if m["outlet"]}),
        first_seen=min(days, default=None),
        last_seen=max(days, default=None),
        story_link=json.loads(row["story_link"]) if row["story_link"] else None,
    )


def _central_title(members: list[sqlite3.Row]) -> str:
    """The headline of the member closest to the event's mean lead embedding."""
    titled = [m for m in members if m["title"] and m["vector"]]
    if not titled:
        return next((m["title"] for m in members if m["title"]), "") or ""
    vectors = np.stack([np.frombuffer(m["vector"], dtype="<f2").astype(np.float32) for m in titled])
    centrality = vectors @ vectors.mean(axis=0)
    return str(titled[int(np.argmax(centrality))]["title"])
