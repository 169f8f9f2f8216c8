"""Story threads: events linked over time when they share main actors and topic.

A new event continues the story of an earlier event (founded up to 30 days before
or after it) when their founding articles' leads are close in embedding space and
name the same people or organisations. In the seeds, Musk joining the
Trump–Zelensky call (6 Nov 2024) continues the story of the WSJ report on Musk and
Putin (24 Oct 2024): another event, the same story.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any


from riwaya.stories.signals import ArticleSignals
from riwaya.stories.vectors import VectorIndex

if TYPE_CHECKING:
    from riwaya.store.stories import StoryTables

STORY_WINDOW_DAYS = 30
STORY_COSINE = 0.45
MIN_SHARED_NAMES = 1
_CANDIDATES = 20


class StoryLinker:
    """Founding articles of recent events, and the story each event belongs to."""

    def __init__(self, tables: StoryTables) -> None:
        self.tables = tables
        self.index = VectorIndex()
        self.founders: dict[int, tuple[str, str, ArticleSignals]] = {}

    def load_window(self, first: date, last: date) -> None:
        rows = [
            r
            for r in self.tables.founders_between(first - timedelta(days=STORY_WINDOW_DAYS), last + timedelta(days=STORY_WINDOW_DAYS))
            if r[2] not in self.founders
        ]
        by_seq = {s.seq: s for s in self.tables.load_signals([seq for _, _, seq in rows])}
        for event_id, story_id, seq in rows:
            if seq in by_seq:
                self.add_event(event_id, story_id, by_seq[seq])

    def add_event(self, event_id: str, story_id: str, founder: ArticleSignals) -> None:
        self.founders[founder.seq] = (event_id, story_id, founder)
        self.index.add(founder.seq, founder.vector, founder.day.toordinal())

    def story_for(self, founder: ArticleSignals, event_id: str) -> tuple[str, dict[str, Any] | None]:
        """The story a new event joins and why, or a new story named after the event."""
        for seq, cosine in self.index.nearest(self.index.cosines(founder.vector), founder.day.toordinal(), STORY_WINDOW_DAYS, _CANDIDATES, STORY_COSINE):
            other_event, story_id, other = self.founders[seq]
            names = shared_actors(founder, other)
            if len(names) >= MIN_SHARED_NAMES:
                live_story = self.tables.resolve_story(story_id) or story_id
                return live_story, {"event": other_event, "cosine": round(cosine, 3), "shared_names": names}
        return "s-" + event_id[2:], None


def shared_actors(a: ArticleSignals, b: ArticleSignals) -> list[str]:
    """Names (not figures) in either lead that the other article also mentions."""
    names = [n for n in a.names if not n.replace(".", "").isdigit() and b.mentions(n)]
    names += [n for n in b.names if not n.replace(".", "").isdigit() and a.mentions(n) and n not in names]
    return names
