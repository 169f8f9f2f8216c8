"""The records of attribution: a :class:`Statement` and the :class:`Link`s of its chain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from riwaya.model import Span

__all__ = ["Link", "Statement"]


@dataclass(frozen=True, slots=True)
class Link:
    """One intermediary of a statement's chain: its text as written, its span in the
    article when it is written there (a credit from the author field is not), what a
    description ("الصحيفة") refers to, and how it got there: ``credit`` (the article's
    credited agency or relay), ``relay`` (نقلت X عن …), ``addressee`` (في تصريح لصحيفة …),
    ``embedding`` (the speaker whose content holds this statement)."""

    text: str
    span: Span | None = None
    refers_to: str | None = None
    kind: str = "relay"


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement; ``speaker``, ``cue`` and ``content`` are spans of the
    article text (a resolved speaker keeps the span of its earlier mention; the cue of
    a quotation continuation is empty)."""

    speaker: Span
    speaker_type: str
    cue: Span
    stance: str
    content: Span
    via: tuple[Link, ...] = ()
    sentence_index: int = 0
    anonymous_count: int | None = None
    resolved_from_context: bool = False
    speaker_refers_to: str | None = None

    @property
    def via_texts(self) -> tuple[str, ...]:
        return tuple(link.text for link in self.via)

    def to_dict(self) -> dict[str, Any]:
        """The ``analyze --json`` contract, plus a few optional keys."""
        out: dict[str, Any] = {
            "speaker": self.speaker.text,
            "speaker_type": self.speaker_type,
            "cue": self.cue.text,
            "stance": self.stance,
            "content": self.content.text,
            "via": list(self.via_texts),
            "sentence_index": self.sentence_index,
            "spans": {
                "speaker": [self.speaker.start, self.speaker.end],
                "cue": [self.cue.start, self.cue.end],
                "content": [self.content.start, self.content.end],
            },
        }
        if self.anonymous_count is not None:
            out["anonymous_count"] = self.anonymous_count
        if self.resolved_from_context:
            out["speaker_resolved_from_context"] = True
        if self.speaker_refers_to:
            out["speaker_refers_to"] = self.speaker_refers_to
        if any(link.refers_to for link in self.via):
            out["via_refers_to"] = [link.refers_to or link.text for link in self.via]
        return out
