"""The typed shapes of the REST API: what the OpenAPI schema at ``/openapi.json`` promises.

Story details follow the ``riwaya story ID --json`` contract of issue 6
(``id, title, story_id, articles, outlets, claims, contradictions, statements,
timeline, entities, coverage, brief``). The items of those lists are produced by
:mod:`riwaya.reconstruct`; their models here name the fields the pages rely on and
allow more (``extra="allow"``), so a richer reconstruction passes through unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    """A record whose listed fields are typed and whose further fields pass through."""

    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    """Every error answer: a short code, a sentence for people, and details when useful."""

    error: str = Field(description="short code: not_found, bad_request, unauthorized, too_large, invalid, conflict …")
    message: str = Field(description="what went wrong, naming the bad value")
    detail: list[dict[str, Any]] | None = Field(default=None, description="per-field problems of a 422")


# -- articles -------------------------------------------------------------------


class ArticleRef(Open):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    characters: int


class ArticlePage(BaseModel):
    total: int | None = Field(description="number of articles matching (None when not counted)")
    limit: int
    offset: int
    items: list[ArticleSummary]


class SearchHit(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str = Field(description="the first sentence that matched, clean text")


class SpanModel(BaseModel):
    start: int
    end: int
    text: str


class RelayLink(BaseModel):
    kind: str = Field(description="verbatim | partial | credited")
    article: str | None = Field(description="the other article's id, when it is stored")
    outlet: str | None
    evidence: dict[str, Any]


class ArticleDetail(Open):
    """A stored article: metadata, clean text and every span layer (offsets into ``text``)."""

    id: str
    content_hash: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    author: str | None
    source: str
    text: str
    provenance: list[dict[str, Any]]
    removed: list[str]
    headings: list[SpanModel]
    sentences: list[dict[str, Any]]
    numbers: list[dict[str, Any]]
    dates: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    metadata: dict[str, Any]
    event_id: str | None = Field(default=None, description="the event the article belongs to")
    story_id: str | None = None
    derived_from: list[RelayLink] = Field(default_factory=list, description="articles/outlets this one copies")
    copied_by: list[RelayLink] = Field(default_factory=list, description="stored articles that copy this one")


# -- stories ----------------------------------------------------------------------


class DayCount(BaseModel):
    day: str
    articles: int


class StorySummary(BaseModel):
    """One event in a listing (the unit a story page shows)."""

    id: str = Field(description="event id (e-…)")
    story_id: str = Field(description="the story (s-…) that threads this event with its follow-ups")
    title: str
    articles: int
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    coverage: list[DayCount] = Field(description="articles per publication day")


class StoryPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[StorySummary]


class Cite(Open):
    """Where a text comes from: an article and a character span of its clean text."""

    article_id: str
    sentence_index: int | None = None
    start: int | None = None
    end: int | None = None


class CitedText(Cite):
    text: str | None = None


class Speaker(Open):
    speaker: str
    stance: str | None = None
    chain: str | None = Field(default=None, description="the isnad as stated, publisher side first: 'A ← B ← speaker'")


class Evidence(CitedText):
    speakers: list[Speaker] = Field(default_factory=list)


class ClaimRef(Open):
    claim_id: str | None = None
    text: str | None = None
    cite: Cite | None = None


class Claim(Open):
    id: str
    text: str
    cite: Cite | None = None
    stance: str | None = None
    articles: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    event_ids: list[str] = Field(default_factory=list)
    supporters: list[Evidence] = Field(default_factory=list)
    deniers: list[Evidence] = Field(default_factory=list)
    origins: int | None = Field(default=None, description="independent origins")
    origin_names: list[str] = Field(default_factory=list)
    first_seen: str | None = None


class Contradiction(Open):
    id: str
    kind: str = Field(description="denial | number | date | opposed | attribution")
    claims: list[str] = Field(default_factory=list)
    a: list[CitedText] = Field(default_factory=list, description="one side")
    b: list[CitedText] = Field(default_factory=list, description="the other side (the denial, the other figure …)")
    explanation: str | None = Field(default=None, description="why it is a contradiction, in English")
    explanation_ar: str | None = Field(default=None, description="the same, in Arabic")


class StoryStatement(Open):
    article_id: str
    speaker: str
    stance: str
    content: str
    sentence_index: int | None = None
    via: list[str] = Field(default_factory=list)
    chain: str | None = None
    origin: str | None = None
    cite: Cite | None = None
    claim_id: str | None = None


class TimelineEntry(Open):
    id: str | None = None
    when: str
    precision: str | None = None
    earliest: str | None = None
    latest: str | None = None
    text: str | None = None
    claim_id: str | None = None
    cites: list[Cite] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    conflict: bool = False


class StoryEntity(Open):
    name: str
    type: str | None = None
    variants: list[str] = Field(default_factory=list)
    mentions: int | None = None
    articles: list[str] = Field(default_factory=list)


class CoverageEntry(Open):
    outlet: str
    articles: list[str] = Field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    adds: list[ClaimRef] = Field(default_factory=list, description="claims no other outlet carries")
    leaves_out: list[ClaimRef] = Field(default_factory=list, description="claims most others carry and this one does not")


class BriefSentence(Open):
    id: str | None = None
    text: str
    claim_id: str | None = None
    cite: Cite | None = None
    cites: list[Cite] = Field(default_factory=list, description="every article that carries the sentence")
    origins: int | None = Field(default=None, description="independent origins")
    origin_names: list[str] = Field(default_factory=list)
    contested: bool = False
    contradictions: list[str] = Field(default_factory=list)


class EventRef(BaseModel):
    id: str
    title: str
    first_seen: str | None


class StoryDetail(Open):
    """The ``riwaya story ID --json`` contract (issue 6 §6)."""

    id: str
    kind: str = Field(default="event", description="event | story")
    title: str
    story_id: str
    event_ids: list[str] = Field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    articles: list[ArticleRef]
    outlets: list[str]
    claims: list[Claim]
    contradictions: list[Contradiction]
    statements: list[StoryStatement]
    timeline: list[TimelineEntry]
    entities: list[StoryEntity]
    coverage: list[CoverageEntry]
    brief: list[BriefSentence]
    story_events: list[EventRef] = Field(default_factory=list, description="the events of the same story, oldest first")


# -- writes -----------------------------------------------------------------------------


class ArticleIn(BaseModel):
    """One article to ingest. ``text`` may be plain text or HTML (the main text is extracted)."""

    model_config = ConfigDict(extra="allow")

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO date or datetime")
    author: str | None = None


class UrlIn(BaseModel):
    url: str = Field(min_length=1, max_length=2048, description="an http(s) URL of a page or a feed")
    published: str | None = Field(default=None, description="publication date for documents that carry none")


class IngestFailure(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    ingested: list[str]
    duplicates: list[str]
    failed: list[IngestFailure]
    new_events: int
    joined_events: int


class MergeIn(BaseModel):
    keep: str = Field(min_length=1, max_length=64, description="the event that stays")
    absorb: str = Field(min_length=1, max_length=64, description="the event merged into it; its id redirects")


class SplitIn(BaseModel):
    articles: list[str] = Field(min_length=1, max_length=1000, description="article ids to move into a new event")


class CorrectionResult(BaseModel):
    event: str = Field(description="the live event: the kept one (merge) or the new one (split)")
    story_id: str
