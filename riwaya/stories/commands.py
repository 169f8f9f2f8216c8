"""Plain functions behind ``riwaya stories``, ``story``, ``merge``, ``split``,
``eval clusters`` and ``train clusters``: cli.py parses arguments, calls one of these
and prints what it returns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from riwaya.store.sqlite import SqliteStore
from riwaya.stories.evaluate import ClusterEvaluation, evaluate_clusters
from riwaya.stories.views import EventView, event_view, list_events, story_view


def stories_table(events: list[EventView]) -> Table:
    table = Table(box=None)
    # Ids and dates are what a reader copies into the next command: they never wrap;
    # on a narrow terminal the title, the only wrappable column, gives way first.
    for name in ("event", "articles", "outlets", "first seen", "last seen", "story"):
        table.add_column(name, no_wrap=True)
    table.add_column("title")
    for e in events:
        table.add_row(
            e.id, str(len(e.articles)), str(len(e.outlets)), e.first_seen or "", e.last_seen or "", e.story_id,
            Text(e.title or "", no_wrap=True, overflow="ellipsis"),
        )
    return table


def stories_data(store: SqliteStore, *, min_articles: int, limit: int) -> list[EventView]:
    return list_events(store, min_articles=min_articles)[:limit]


def story_data(store: SqliteStore, id_or_prefix: str) -> dict[str, Any]:
    """An event (``e-…``) with memberships and relay links, or a story (``s-…``) with its events."""
    if id_or_prefix.startswith("s-"):
        return {"story": story_view(store, id_or_prefix)}
    view = event_view(store, id_or_prefix)
    story = story_view(store, view.story_id)
    return {
        **view.to_dict(),
        "articles": view.members,
        "story_link": view.story_link,
        "story_events": [{"id": e["id"], "title": e["title"], "first_seen": e["first_seen"]} for e in story["events"]],
    }


def story_text(data: dict[str, Any]) -> str:
    """A readable account of an event or story: articles, who copied whom, and why each is there."""
    if "story" in data:
        story = data["story"]
        lines = [f"story {story['id']} · {len(story['events'])} events · {len(story['outlets'])} outlets"]
        for event in story["events"]:
            lines.append(f"\n{event['id']}  {event['first_seen']} … {event['last_seen']}  {event['title']}")
            lines += _article_lines(event["articles"])
        return "\n".join(lines)
    lines = [
        f"event {data['id']}  {data['title']}",
        f"  {len(data['articles'])} articles · {len(data['outlets'])} outlets · {data['first_seen']} … {data['last_seen']}",
        f"  story {data['story_id']}: " + " · ".join(f"{e['id']} ({e['first_seen']})" for e in data["story_events"]),
    ]
    if data.get("story_link"):
        link = data["story_link"]
        if "event" in link:
            lines.append(f"  continues {link['event']} (cosine {link['cosine']}; shared names: {'، '.join(link['shared_names'][:5])})")
    lines += _article_lines(data["articles"])
    return "\n".join(lines)


def _article_lines(articles: list[dict[str, Any]]) -> list[str]:
    lines = []
    for a in articles:
        lines.append(f"  {a['id']}  {a['published'] or ''}  {a['outlet'] or '(no outlet)'}  {a['title'] or ''}")
        for link in a.get("derived_from", []):
            source = " ".join(x for x in (link["outlet"], link["article"]) if x)
            evidence = link["evidence"]
            detail = evidence.get("line") or ", ".join(f"{k} {v}" for k, v in evidence.items() if k in ("jaccard", "shared_sentences"))
            lines.append(f"      ← {link['kind']} from {source} ({detail})")
        membership = a.get("membership", {})
        if membership.get("decided_by") == "machine" and "matched" in membership:
            lines.append(
                f"      joined: p={membership['probability']} via {membership['matched']}"
                f" (cosine {membership['cosine']}, jaccard {membership['jaccard']}; {'، '.join(membership['shared_terms'][:4])})"
            )
        elif membership.get("decided_by") in ("merge", "split", "machine-merge"):
            origin = membership.get("merged_from") or membership.get("split_from")
            bridge = f", bridged by {membership['bridge']}" if "bridge" in membership else ""
            lines.append(f"      placed by {membership['decided_by']} (from {origin}{bridge})")
    return lines


def evaluation_text(result: ClusterEvaluation, gold: Path) -> str:
    s = result.score
    lines = [
        f"{gold}: {result.found} of {result.labelled} labelled articles found in the database",
        f"gold clusters {result.gold_clusters} · predicted events over them {result.predicted_events}",
        f"B-cubed precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
    ]
    if result.split_clusters:
        lines.append("gold clusters split over several events: " + ", ".join(f"{g} ({n})" for g, n in result.split_clusters[:10]))
    if result.merged_events:
        lines.append("events holding several gold clusters: " + ", ".join(f"{e} ({n})" for e, n in result.merged_events[:10]))
    return "\n".join(lines)


def evaluate(store: SqliteStore, gold: Path) -> ClusterEvaluation:
    return evaluate_clusters(store, gold)
