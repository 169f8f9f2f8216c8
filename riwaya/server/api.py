"""REST routes under ``/api``: each parses, calls one library function, returns typed JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Path, Query, Response, UploadFile

from riwaya.errors import IngestError
from riwaya.pipeline import IngestReport
from riwaya.server.app import MAX_BODY, ApiError, Settings, get_settings, get_store, require_writer
from riwaya.server.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticlePage,
    ArticleSummary,
    CorrectionResult,
    DayCount,
    ErrorBody,
    IngestResult,
    MergeIn,
    SearchHit,
    SplitIn,
    StoryDetail,
    StoryPage,
    StorySummary,
    UrlIn,
)
from riwaya.server.service import StoryFilter, documents_from_records, documents_from_upload, documents_from_url
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.corrections import merge_events, split_event
from riwaya.stories.views import EventView

__all__ = ["ErrorBody", "router"]

_errors: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad request"},
    404: {"model": ErrorBody, "description": "Not found"},
}
_write_errors: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "Missing or wrong bearer token"},
    403: {"model": ErrorBody, "description": "Writes disabled (public server without RIWAYA_TOKEN)"},
    413: {"model": ErrorBody, "description": "Body too large"},
}

router = APIRouter(prefix="/api", responses=_errors)
Store = Annotated[SqliteStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
Limit = Annotated[int, Query(ge=1, le=200, description="how many items")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="skip this many first")]
ArticleId = Annotated[str, Path(pattern=r"^[0-9a-f]{4,64}$", description="article id or a unique prefix (≥ 4 hex digits)")]
EventId = Annotated[
    str, Path(pattern=r"^(?:[es]-)?[0-9a-f]{4,64}$", description="event id (e-…), story id (s-…) or a unique prefix")
]
Text = Annotated[str | None, Query(max_length=500)]


def story_summary(event: EventView) -> StorySummary:
    days: dict[str, int] = {}
    for article in event.articles:
        day = (article.get("published") or "")[:10]
        if day:
            days[day] = days.get(day, 0) + 1
    return StorySummary(
        id=event.id,
        story_id=event.story_id,
        title=event.title,
        articles=len(event.articles),
        outlets=event.outlets,
        first_seen=event.first_seen,
        last_seen=event.last_seen,
        coverage=[DayCount(day=d, articles=n) for d, n in sorted(days.items())],
    )


@router.get("/stories", response_model=StoryPage, summary="List and search stories")
def list_stories(
    store: Store,
    settings: SettingsDep,
    q: Annotated[str | None, Query(max_length=500, description="words one of the articles must contain")] = None,
    outlet: Text = None,
    entity: Annotated[str | None, Query(max_length=200, description="a person, organization or place named")] = None,
    since: Annotated[dt.date | None, Query(description="last seen on or after (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="first seen on or before (YYYY-MM-DD)")] = None,
    min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
    limit: Limit = 20,
    offset: Offset = 0,
) -> StoryPage:
    """Events, most recently active first, narrowed by text, outlet, entity and date range."""
    if since and until and since > until:
        raise ApiError(400, "bad_request", f"since ({since}) is after until ({until})")
    where = StoryFilter(
        text=q or None, outlet=outlet or None, entity=entity or None,
        since=since.isoformat() if since else None, until=until.isoformat() if until else None,
        min_articles=min_articles,
    )  # fmt: skip
    events = settings.desk.stories(store, where)
    return StoryPage(
        total=len(events), limit=limit, offset=offset, items=[story_summary(e) for e in events[offset : offset + limit]]
    )


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story: claims, contradictions, brief …")
def get_story(story_id: EventId, store: Store, settings: SettingsDep) -> Any:
    """The reconstruction of an event (``e-…``) or of a whole story (``s-…``), with the
    events of its story."""
    return Response(settings.desk.story_json(store, story_id), media_type="application/json")


@router.get("/articles", response_model=ArticlePage, summary="List articles")
def list_articles(
    store: Store,
    outlet: Text = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> ArticlePage:
    rows = store.list_articles(limit=limit, offset=offset, outlet=outlet or None, entity=entity or None)
    return ArticlePage(total=None, limit=limit, offset=offset, items=[ArticleSummary(**r.to_dict()) for r in rows])


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article with its span layers")
def get_article(article_id: ArticleId, store: Store, settings: SettingsDep) -> Any:
    """Clean text, sentences, numbers, dates, entities and statements (character offsets
    into ``text``), provenance, its event, and relay links both ways."""
    return settings.desk.article_detail(store, article_id)


@router.get("/search", response_model=list[SearchHit], summary="Full-text search over articles")
def search(
    store: Store,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words to find; Arabic spelling variants match")],
    limit: Limit = 20,
) -> list[SearchHit]:
    return [SearchHit(**h.to_dict()) for h in store.search(q, limit=limit)]


def _result(report: IngestReport) -> IngestResult:
    if report.failed and not report.ingested and not report.duplicates:
        first = report.failed[0]
        more = f" (and {len(report.failed) - 1} more)" if len(report.failed) > 1 else ""
        raise IngestError(first.source, first.reason + more)
    return IngestResult(
        ingested=report.ingested,
        duplicates=report.duplicates,
        failed=[{"source": e.source, "reason": e.reason} for e in report.failed],  # type: ignore[misc]
        new_events=report.new_events,
        joined_events=report.joined_events,
    )


@router.post(
    "/articles", response_model=IngestResult, summary="Ingest articles posted as JSON",
    dependencies=[Depends(require_writer)], responses={**_write_errors, 422: {"model": ErrorBody}},
)  # fmt: skip
def post_articles(body: ArticleIn | list[ArticleIn], store: Store, settings: SettingsDep) -> IngestResult:
    """One article object or a list of them (at most 1000); stored, analyzed and placed in events.
    A duplicate (same outlet and text) is reported, not stored twice."""
    records = body if isinstance(body, list) else [body]
    if not records or len(records) > 1000:
        raise ApiError(400, "bad_request", f"post between 1 and 1000 articles, not {len(records)}")
    documents = documents_from_records([r.model_dump(exclude_none=True) for r in records])
    return _result(settings.desk.ingest_documents(store, documents))


@router.post(
    "/ingest/url", response_model=IngestResult, summary="Ingest a page or feed by URL",
    dependencies=[Depends(require_writer)], responses={**_write_errors, 422: {"model": ErrorBody}},
)  # fmt: skip
def post_url(body: UrlIn, store: Store, settings: SettingsDep) -> IngestResult:
    """Fetch a page (main text extracted) or a feed (each entry); loopback and private
    addresses are refused."""
    published = _valid_date(body.published)
    documents = documents_from_url(body.url, settings.ingest_options, published)
    return _result(settings.desk.ingest_documents(store, documents))


@router.post(
    "/ingest/file", response_model=IngestResult, summary="Ingest an uploaded file",
    dependencies=[Depends(require_writer)], responses={**_write_errors, 422: {"model": ErrorBody}},
)  # fmt: skip
def post_file(
    store: Store,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="text, HTML, JSON/JSONL, zip, WARC or RSS/Atom")],
    published: Annotated[str | None, Form(description="publication date for documents that carry none")] = None,
) -> IngestResult:
    data = file.file.read(MAX_BODY + 1)
    if len(data) > MAX_BODY:
        raise ApiError(413, "too_large", f"the file is larger than {MAX_BODY} bytes")
    if not data:
        raise ApiError(422, "ingest_failed", f"{file.filename or 'upload'}: empty file")
    day = _valid_date(published)
    documents = documents_from_upload(file.filename or "upload", data, settings.ingest_options)
    if day:
        for doc in documents:
            if not isinstance(doc, IngestError) and not doc.published:
                doc.published = day
    return _result(settings.desk.ingest_documents(store, documents))


def _valid_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ApiError(422, "invalid", f"published: {value!r} is not a date (YYYY-MM-DD)") from None


@router.post(
    "/events/merge", response_model=CorrectionResult, summary="Merge two events",
    dependencies=[Depends(require_writer)], responses={**_write_errors, 409: {"model": ErrorBody}},
)  # fmt: skip
def merge(body: MergeIn, store: Store, settings: SettingsDep) -> CorrectionResult:
    """Move every article of ``absorb`` into ``keep``; ``absorb``'s id redirects from now on."""
    kept = merge_events(store, body.keep, body.absorb)
    settings.desk.wrote()
    return CorrectionResult(event=kept, story_id=store.stories.story_of(kept))


@router.post(
    "/events/{event_id}/split", response_model=CorrectionResult, summary="Split articles out of an event",
    dependencies=[Depends(require_writer)], responses={**_write_errors, 409: {"model": ErrorBody}},
)  # fmt: skip
def split(event_id: EventId, body: SplitIn, store: Store, settings: SettingsDep) -> CorrectionResult:
    """Move the given articles into a new event of the same story."""
    new_event = split_event(store, event_id, body.articles)
    settings.desk.wrote()
    return CorrectionResult(event=new_event, story_id=store.stories.story_of(new_event))
