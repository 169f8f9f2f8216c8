"""The records every stage reads and writes.

Text is stored once, in :attr:`Article.text` (the clean text shown to users).
Every derived fact points into it with ``start``/``end`` character offsets
(``end`` exclusive), the way a spaCy ``Span`` points into its ``Doc``; the
invariant ``article.text[start:end] == mention.text`` holds for every record
that has a span, and :func:`make_span` is the one place that checks it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from riwaya.errors import SpanError


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``text[start:end]`` of an article's clean text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def make_span(text: str, start: int, end: int) -> Span:
    """Return the span ``text[start:end]``, raising :class:`SpanError` when it does not fit.

    >>> make_span("قال بيسكوف", 4, 10).text
    'بيسكوف'
    """
    if not 0 <= start <= end <= len(text):
        raise SpanError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
    return Span(start, end, text[start:end])


def content_hash(outlet: str | None, text: str) -> str:
    """The identity of an article: its outlet and its clean text. The same text from
    another outlet is another article (a relay), not a duplicate; an article's id is
    the first 16 hex digits.

    >>> content_hash("واس", "نص")[:16] != content_hash("سبق", "نص")[:16]
    True
    """
    return hashlib.sha256(f"{outlet or ''}\x00{text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the clean text; ``index`` counts from 0 in reading order."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class NumberKind(StrEnum):
    CARDINAL = "cardinal"
    PERCENT = "percent"
    MONEY = "money"
    ORDINAL = "ordinal"
    DURATION = "duration"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity stated in the text: "1.8 مليار دولار" → value 1.8e9, unit "USD".

    ``unit`` is a currency code (USD, SAR, EUR …), "%" for percentages, a time
    unit for durations, or the counted noun as written ("محطة") when there is one.
    ``qualifier`` keeps hedges that change the meaning: about, more_than,
    less_than, at_least, up_to; and "vague" for counts with no exact value ("مئات",
    "عشرات الملايين"), whose ``value`` is None.
    """

    start: int
    end: int
    text: str
    value: float | None
    kind: NumberKind = NumberKind.CARDINAL
    unit: str | None = None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NumberMention:
        return cls(**{**data, "kind": NumberKind(data["kind"])})


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stated or implied in the text, resolved to a calendar value.

    ``value`` is ISO-like at the stated precision: "2024-10-25" (day),
    "2024-W42" (week), "2024-10" (month), "2022-autumn" (season),
    "2022-late" / "2024-early" / "2024-mid" (part of year), "2022" (year).
    ``earliest``/``latest`` (ISO dates) bound the interval it denotes, so
    mentions of different precision can be compared. ``relative`` is true when
    the value came from the publication date ("أمس", "الشهر الماضي");
    ``calendar`` is "hijri" when the text stated a Hijri date (value converted).
    """

    start: int
    end: int
    text: str
    value: str
    precision: DatePrecision
    earliest: str
    latest: str
    relative: bool = False
    calendar: str = "gregorian"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(**{**data, "precision": DatePrecision(data["precision"])})


@dataclass(frozen=True, slots=True)
class Provenance:
    """A credit line taken out of the body: where the article says it comes from.

    ``kind`` is "source" (المصدر: …), "relay" (نقلاً عن …), "translation"
    (ترجمة صحيفة …) or "original" (a closing line naming the original outlet).
    ``outlet`` is the outlet named, as written; ``line`` the whole line as it
    stood in the raw text.
    """

    kind: str
    outlet: str
    line: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named entity in a text: ``text[start:end]`` (clitics such as و، ب، ل left out),
    its type (PER, ORG, LOC, MISC) and the canonical name of its group."""

    start: int
    end: int
    text: str
    type: str
    canonical: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "type": self.type, "start": self.start, "end": self.end, "canonical": self.canonical}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityMention:
        return cls(data["start"], data["end"], data["text"], data["type"], data.get("canonical", ""))


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

    def to_dict(self) -> dict[str, Any]:
        span = [self.span.start, self.span.end] if self.span else None
        return {"text": self.text, "span": span, "refers_to": self.refers_to, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        span = Span(*data["span"], data["text"]) if data.get("span") else None
        return cls(data["text"], span, data.get("refers_to"), data.get("kind", "relay"))


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
        out["links"] = [link.to_dict() for link in self.via]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        spans = data["spans"]
        return cls(
            speaker=Span(*spans["speaker"], data["speaker"]),
            speaker_type=data["speaker_type"],
            cue=Span(*spans["cue"], data["cue"]),
            stance=data["stance"],
            content=Span(*spans["content"], data["content"]),
            via=tuple(Link.from_dict(link) for link in data.get("links", ())),
            sentence_index=data["sentence_index"],
            anonymous_count=data.get("anonymous_count"),
            resolved_from_context=data.get("speaker_resolved_from_context", False),
            speaker_refers_to=data.get("speaker_refers_to"),
        )


@dataclass(slots=True)
class RawDocument:
    """What a reader produces: one article's text and metadata before cleaning.

    ``text`` is the article text as the source gave it (for HTML, what the
    extractor kept), before riwaya's own cleaning. ``source`` names where it came from, precise enough for an error message
    (``day.zip:2015-07-21.json[17]``, ``crawl.warc.gz@1234``, a URL, a path).
    """

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Article:
    """One article after cleaning and the language layer.

    ``id`` is derived from the content hash, so it is stable across runs and
    machines. ``published`` is an ISO date (or datetime) string or None.
    """

    id: str
    content_hash: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    provenance: list[Provenance] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "content_hash": self.content_hash,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "author": self.author,
            "source": self.source,
            "text": self.text,
            "provenance": [p.to_dict() for p in self.provenance],
            "removed": list(self.removed),
            "headings": [h.to_dict() for h in self.headings],
            "sentences": [s.to_dict() for s in self.sentences],
            "numbers": [n.to_dict() for n in self.numbers],
            "dates": [d.to_dict() for d in self.dates],
            "entities": [e.to_dict() for e in self.entities],
            "statements": [s.to_dict() for s in self.statements],
            "metadata": dict(self.metadata),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"],
            content_hash=data["content_hash"],
            text=data["text"],
            source=data["source"],
            title=data.get("title"),
            url=data.get("url"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            author=data.get("author"),
            provenance=[Provenance(**p) for p in data.get("provenance", [])],
            removed=list(data.get("removed", [])),
            headings=[Span(**h) for h in data.get("headings", [])],
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            numbers=[NumberMention.from_dict(n) for n in data.get("numbers", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            entities=[EntityMention.from_dict(e) for e in data.get("entities", [])],
            statements=[Statement.from_dict(s) for s in data.get("statements", [])],
            metadata=dict(data.get("metadata", {})),
        )
