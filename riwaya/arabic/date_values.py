"""Calendar values of date mentions: month and week arithmetic, and the resolver
that builds :class:`~riwaya.model.DateMention` records against the publication date.

Private to :mod:`riwaya.arabic.dates` (names keep their leading underscore).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from riwaya.model import DateMention, DatePrecision

_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _qualifier_sign(word: str) -> int:
    if word.startswith(("الماضي", "المنصرم", "الفائت")):
        return -1
    if word.startswith(("المقبل", "القادم")):
        return 1
    return 0


@dataclass(slots=True)
class _Cand:
    """A matched expression before resolution."""

    start: int
    end: int
    kind: str
    groups: dict[str, str | None]
    sentence: int = 0
    year: int | None = None  # the year this mention states, once resolved (for carry/anaphora)
    mention: DateMention | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _Resolver:
    """Turns candidates into mentions, in reading order (anaphora need the past)."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.last_year: int | None = None
        self.last: _Cand | None = None

    # -- building mentions
    def _make(
        self, cand: _Cand, value: str, precision: DatePrecision, lo: dt.date, hi: dt.date, *,
        relative: bool = False, calendar: str = "gregorian",
    ) -> DateMention:
        return DateMention(
            cand.start, cand.end, self.text[cand.start : cand.end], value, precision,
            lo.isoformat(), hi.isoformat(), relative, calendar,
        )

    def day(self, cand: _Cand, date: dt.date, *, relative: bool = False, calendar: str = "gregorian", until: dt.date | None = None) -> DateMention:
        return self._make(cand, date.isoformat(), DatePrecision.DAY, date, until or date, relative=relative, calendar=calendar)

    def month(self, cand: _Cand, year: int, month: int, *, relative: bool = False, part: str | None = None) -> DateMention:
        lo, hi = dt.date(year, month, 1), _month_end(year, month)
        # "أواخر أكتوبر" keeps month precision but narrows the bounds to that third.
        if part == "early":
            hi = dt.date(year, month, 10)
        elif part == "mid":
            lo, hi = dt.date(year, month, 11), dt.date(year, month, 20)
        elif part == "late":
            lo = dt.date(year, month, 21)
        return self._make(cand, f"{year:04d}-{month:02d}", DatePrecision.MONTH, lo, hi, relative=relative)

    def year_(self, cand: _Cand, year: int, *, relative: bool = False) -> DateMention:
        return self._make(cand, f"{year:04d}", DatePrecision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31), relative=relative)

    def part(self, cand: _Cand, year: int, part: str, *, relative: bool = False) -> DateMention:
        first, last = _PARTS[part]
        return self._make(cand, f"{year:04d}-{part}", DatePrecision.PART_OF_YEAR, dt.date(year, first, 1), _month_end(year, last), relative=relative)

    def season(self, cand: _Cand, year: int, season: str, *, relative: bool = False) -> DateMention:
        first, last = _SEASON_MONTHS[season]
        lo = dt.date(year - 1 if season == "winter" else year, first, 1)
        return self._make(cand, f"{year:04d}-{season}", DatePrecision.SEASON, lo, _month_end(year, last), relative=relative)

    def week(self, cand: _Cand, date: dt.date, *, relative: bool = True) -> DateMention:
        iso = date.isocalendar()
        monday = date - dt.timedelta(days=iso.weekday - 1)
        return self._make(cand, f"{iso.year:04d}-W{iso.week:02d}", DatePrecision.WEEK, monday, monday + dt.timedelta(days=6), relative=relative)

    def hijri_span(self, cand: _Cand, lo: dt.date, hi: dt.date, precision: DatePrecision) -> DateMention:
        middle = lo + (hi - lo) / 2
        value = f"{middle.year:04d}" if precision is DatePrecision.YEAR else f"{middle.year:04d}-{middle.month:02d}"
        return self._make(cand, value, precision, lo, hi, calendar="hijri")

    # -- year specs
    def year_spec(self, g: dict[str, str | None], prefix: str) -> tuple[int | None, bool, bool]:
        """Return (year, relative, known) for the year part of a match; known=False
        means the pattern had no year part at all (so the sentence may supply one)."""
        explicit = g.get(prefix + "y") or g.get(prefix + "y2")
        if explicit:
            return int(explicit), False, True
        qualifier = g.get(prefix + "yq")
        this = g.get(prefix + "yt")
        if qualifier or this:
            word = re.sub(r"\s+", " ", qualifier or this or "")
            if any(a in word for a in ("ذلك", "تلك", "نفس", "ذات")):
                return self.last_year, False, True
            if self.published is None:
                return None, True, True
            return self.published.year + (_qualifier_sign(word) if qualifier else 0), True, True
        return None, False, False

    def default_year(self, month: int, day: int | None) -> int | None:
        if self.published is None:
            return None
        year = self.published.year
        # More than six months ahead reads as last year's month ("ديسمبر" in January).
        if (year * 12 + month) - (year * 12 + self.published.month) > 6:
            year -= 1
        return year

    def relative_month_year(self, month: int, day: int | None, sign: int) -> int | None:
        if self.published is None:
            return None
        pub = self.published
        here = (month, day or 0)
        now = (pub.month, pub.day if day else 0)
        if sign < 0:
            return pub.year if here < now else pub.year - 1
        if sign > 0:
            return pub.year if here > now else pub.year + 1
        return pub.year

    def weekday_date(self, weekday: int, sign: int) -> dt.date | None:
        if self.published is None:
            return None
        back = (self.published.weekday() - weekday) % 7
        if sign > 0:
            return self.published + dt.timedelta(days=(weekday - self.published.weekday()) % 7 or 7)
        if sign < 0 and back == 0:
            back = 7
        return self.published - dt.timedelta(days=back)
