"""Runs the stages in order: read → clean → language layer → store → stories.

Each stage is a plain function; this module only wires them, so the same
functions serve the CLI, the server, the tests and a batch job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from riwaya.arabic.dates import find_dates
from riwaya.arabic.numbers import find_numbers
from riwaya.arabic.sentences import split_sentences
from riwaya.attribution import find_statements
from riwaya.entities import find_entities
from riwaya.errors import IngestError
from riwaya.ingest.boilerplate import SiteBoilerplate
from riwaya.ingest.clean import clean_article
from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.model import Article, RawDocument, content_hash
from riwaya.store.sqlite import SqliteStore
from riwaya.stories import EventClusterer

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_MIN_ARABIC_SHARE = 0.5


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did: articles stored, duplicates skipped, inputs that failed."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    new_events: int = 0
    joined_events: int = 0


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO date or datetime string, or None.

    >>> parse_published("2015-07-21 02:51:32"), parse_published("غير معروف")
    (datetime.date(2015, 7, 21), None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def check_arabic(text: str, source: str) -> None:
    """Raise :class:`IngestError` unless most letters of ``text`` are Arabic."""
    letters = len(_ANY_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if letters and arabic / letters < _MIN_ARABIC_SHARE:
        raise IngestError(
            source, f"not Arabic text ({100 * arabic // letters}% of its letters are Arabic); riwaya reads Arabic news"
        )


def analyze(raw: RawDocument, *, known_boilerplate: Iterable[str] = ()) -> Article:
    """Clean one raw document and run the language layer over it.

    Raises :class:`IngestError` when nothing readable is left or the text is not Arabic.
    """
    cleaned = clean_article(raw.text, title=raw.title, known_boilerplate=frozenset(known_boilerplate))
    text = cleaned.text
    if not text.strip():
        raise IngestError(raw.source, "no article text left after removing boilerplate")
    check_arabic(text, raw.source)
    sentences = split_sentences(text)
    dates = find_dates(text, published=parse_published(raw.published), sentences=sentences)
    # A year is a date, not a quantity: numbers inside a date mention are dropped.
    numbers = [n for n in find_numbers(text) if not any(d.start < n.end and n.start < d.end for d in dates)]
    digest = content_hash(raw.outlet, text)
    metadata = dict(raw.metadata)
    if cleaned.alternative_titles:
        metadata["alternative_titles"] = list(cleaned.alternative_titles)
    article = Article(
        id=digest[:16],
        content_hash=digest,
        text=text,
        source=raw.source,
        title=cleaned.title,
        url=raw.url,
        outlet=raw.outlet,
        published=raw.published,
        author=raw.author,
        provenance=list(cleaned.provenance),
        removed=list(cleaned.removed),
        headings=list(cleaned.headings),
        sentences=sentences,
        numbers=numbers,
        dates=dates,
        metadata=metadata,
    )
    article.entities = find_entities(text, sentences)
    article.statements = find_statements(article, article.entities)
    return article


Progress = Callable[[str, str], None]
"""Called once per document with (source, outcome): outcome is "ingested",
"duplicate" or "failed"."""


def ingest(
    documents: Iterable[RawDocument | IngestError],
    store: SqliteStore,
    *,
    batch_size: int = 500,
    on_document: Progress | None = None,
    stories: bool = True,
) -> IngestReport:
    """Analyze and store documents, one transaction per batch, then place each new
    article in an event (``stories=False`` leaves that to a later run).

    Lines that repeat across an outlet's articles are learned batch by batch
    (:class:`SiteBoilerplate`) before the batch is cleaned, so boilerplate a site
    prints under every article is removed even when no rule knows it.
    """
    report = IngestReport()
    site_lines = SiteBoilerplate()
    clusterer = EventClusterer(store) if stories else None
    batch: list[RawDocument] = []

    def flush() -> None:
        for raw in batch:
            if raw.outlet:
                site_lines.learn(raw.outlet, raw.text)
        articles: list[Article] = []
        for raw in batch:
            try:
                articles.append(analyze(raw, known_boilerplate=site_lines.lines_for(raw.outlet) if raw.outlet else ()))
            except IngestError as error:
                report.failed.append(error)
                if on_document:
                    on_document(raw.source, "failed")
        result = store.add_articles(articles)
        report.ingested += result.added
        report.duplicates += result.duplicates
        if on_document:
            by_id = {a.id: a.source for a in articles}
            for article_id in result.added:
                on_document(by_id[article_id], "ingested")
            for article_id in result.duplicates:
                on_document(by_id[article_id], "duplicate")
        batch.clear()
        if clusterer:
            placed = clusterer.run()
            report.new_events += placed.new_events
            report.joined_events += placed.joined

    for item in documents:
        if isinstance(item, IngestError):
            report.failed.append(item)
            if on_document:
                on_document(item.source, "failed")
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def ingest_inputs(
    inputs: Sequence[str],
    store: SqliteStore,
    *,
    options: IngestOptions | None = None,
    published: str | None = None,
    on_document: Progress | None = None,
    stories: bool = True,
) -> IngestReport:
    """Read files, folders, URLs or ``-`` and ingest what they hold.

    ``published`` is the publication date given to documents that carry none.
    """
    documents = iter_raw_documents(inputs, options or IngestOptions())
    if published:
        documents = (
            replace(d, published=d.published or published) if isinstance(d, RawDocument) else d for d in documents
        )
    return ingest(documents, store, on_document=on_document, stories=stories)
