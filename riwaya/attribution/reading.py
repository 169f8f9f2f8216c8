"""The reading state: what the extractor carries from unit to unit (credits, the last
speaker, a quotation left open, the outlets named so far), and spans of the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from riwaya.model import Article, Link, make_span, Span, Statement


@dataclass(slots=True)
class Said:
    """What a continuation needs from the last explicit statement."""

    speaker: Span
    type: str
    via: tuple[Link, ...]
    refers_to: str | None = None
    feminine: bool | None = None  # grammatical features for agreement (riwaya.attribution.agreement)
    plural: bool | None = None


@dataclass(slots=True)
class ReadingState:
    """What the extractor knows while it reads one article, unit by unit."""

    article: Article
    credits: list[tuple[int, Link]]  # (offset from which it applies, link)
    publisher: str | None
    last: Said | None = None
    open_quote: tuple[Said, str, str, int] | None = None  # (speaker, closing mark, stance, units so far)
    outlets: list[str] = field(default_factory=list)  # outlets named so far, as written
    out: list[Statement] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    stops: list[int] = field(default_factory=list)
    lead_end: int = 0  # end of the article's first unit
    cursor: int = 0  # start of the unit being read
    report_outlet: str | None = None  # the outlet of the last report named ("تقرير نشرته صحيفة X")
    mentions: list[tuple[int, Said]] = field(default_factory=list)  # subjects of clauses that made no statement
    translation: tuple[int, Span, Link] | None = None  # a translated original: (from offset, its name, its credit)


def sentence_index(state: ReadingState, offset: int) -> int:
    if not state.sentence_starts:
        return 0
    return max(0, bisect.bisect_right(state.sentence_starts, offset) - 1)


def span_of(state: ReadingState, start: int, end: int) -> Span:
    return make_span(state.article.text, start, end)
