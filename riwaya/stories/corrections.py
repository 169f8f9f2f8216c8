"""Corrections a user makes to the machine's events: merge two, split one.

Both are recorded (``event_corrections``) and renumber nothing: a merged event keeps
its id, which redirects to the event it went into; a split moves articles into a
new event and leaves the old one with the rest.
"""

from __future__ import annotations

from riwaya.errors import RiwayaError
from riwaya.store.sqlite import SqliteStore


class CorrectionError(RiwayaError):
    """A merge or split that cannot be done as asked."""


def merge_events(store: SqliteStore, keep: str, absorb: str) -> str:
    """Move every article of event ``absorb`` into event ``keep``; ``absorb`` redirects
    to ``keep`` from now on. Returns the live id of ``keep``."""
    tables = store.stories
    keep_id, absorb_id = tables.resolve_event(keep), tables.resolve_event(absorb)
    if keep_id == absorb_id:
        raise CorrectionError(f"{keep} and {absorb} are already one event ({keep_id})")
    members = tables.members([absorb_id])
    with tables.transaction():
        tables.move_members([m["seq"] for m in members], keep_id, "merge", {"merged_from": absorb_id})
        tables.mark_merged(absorb_id, keep_id)
        keep_story, absorb_story = tables.story_of(keep_id), tables.story_of(absorb_id)
        if keep_story != absorb_story and not tables.events_of_story(absorb_story):
            tables.mark_story_merged(absorb_story, keep_story)
        tables.record_correction("merge", keep_id, absorb_id, [m["id"] for m in members])
    return keep_id


def split_event(store: SqliteStore, event: str, article_ids: list[str]) -> str:
    """Move the given articles out of ``event`` into a new event of the same story.
    Returns the new event's id."""
    tables = store.stories
    event_id = tables.resolve_event(event)
    members = {m["id"]: m for m in tables.members([event_id])}
    moving = []
    for given in article_ids:
        full = store.resolve_id(given)
        if full not in members:
            raise CorrectionError(f"article {given} is not in event {event_id}; `riwaya story {event_id}` lists its articles")
        moving.append(full)
    moving = list(dict.fromkeys(moving))
    if len(moving) == len(members):
        raise CorrectionError(f"splitting every article out of {event_id} would leave it empty; nothing to split")
    founder = min(moving, key=lambda a: members[a]["seq"])
    new_id = tables.unused_event_id(founder)
    with tables.transaction():
        tables.add_event(new_id, tables.story_of(event_id), members[founder]["seq"], {"split_from": event_id})
        tables.move_members([members[a]["seq"] for a in moving], new_id, "split", {"split_from": event_id})
        tables.record_correction("split", event_id, new_id, moving)
    return new_id
