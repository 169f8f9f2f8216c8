"""Resolution of matched date expressions to calendar values, one branch per kind,
and the year carry that closes each sentence.

Private to :mod:`riwaya.arabic.dates` (names keep their leading underscore); the
rules are described in that module's docstring.
"""

from __future__ import annotations

import datetime as dt
import re

from riwaya.arabic.date_values import _SEASON_MONTHS, _Cand, _month_end, _qualifier_sign, _Resolver, _shift_month
from riwaya.arabic.date_words import _COUNTS, _GREG, _HIJRI, _ORDINALS, _PART_WORDS, _SEASONS, _UNIT, _WEEKDAYS
from riwaya.arabic.hijri import _hijri_month_length, gregorian_to_hijri, hijri_to_gregorian
from riwaya.model import DateMention, DatePrecision


def _int_day(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else _ORDINALS.get(re.sub(r"\s+", " ", word))



def _numeric_parts(g: dict[str, str | None]) -> tuple[int, int, int, bool] | None:
    """(year, month, day, hijri) of a numeric date, or None when it is not one."""
    a, b, c = (g["n1"] or ""), int(g["n2"] or 0), (g["n3"] or "")
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), b, int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, day, month = int(c), int(a), b
        if month > 12 and day <= 12:  # 10/25/2024, US order
            day, month = month, day
    else:
        return None
    hijri = g.get("nsfx") in ("هـ", "ه") or 1300 <= year <= 1500
    if not (1 <= month <= 12 and 1 <= day <= (30 if hijri else 31)):
        return None
    if not hijri and not 1800 <= year <= 2100:
        return None
    if g["sep"] == "." and len(a) != 4 and len(c) != 4:
        return None
    return year, month, day, hijri


def _stated_year(cand: _Cand, r: _Resolver, groups: dict[str, str | None], prefix: str) -> tuple[int | None, bool]:
    """(year, relative) of a part-of-year, season or early/late match, whose year groups
    are ``prefix`` + y / y2 / yq / yt; a resolved year is recorded on ``cand`` for the
    year carry and anaphora."""
    year, relative, _ = r.year_spec(groups, prefix)
    if year is not None:
        cand.year = year
    return year, relative


def _resolve(cand: _Cand, r: _Resolver) -> DateMention | None:  # noqa: C901 - one branch per kind
    g = cand.groups
    kind = cand.kind
    pub = r.published
    if kind == "num":
        parts = _numeric_parts(g)
        if parts is None:
            return None
        year, month, day, hijri = parts
        cand.year = year if not hijri else None
        try:
            if hijri:
                return r.day(cand, hijri_to_gregorian(year, month, day), calendar="hijri")
            return r.day(cand, dt.date(year, month, day))
        except ValueError:
            return None
    if kind == "g":
        month = _GREG[re.sub(r"\s+", " ", g["gm"] or "")]
        day = _int_day(g["gd"])
        year, relative, known = r.year_spec(g, "g")
        if not known and g["gq"]:
            year, relative, known = r.relative_month_year(month, day, _qualifier_sign(g["gq"] or "")), True, True
        if not known:
            cand.extra["month"], cand.extra["day"] = month, day
            return None  # resolved at the end of its sentence (year carry)
        if year is None:
            return None
        cand.year = year
        return _month_or_day(cand, r, year, month, day, relative)
    if kind == "h":
        return _resolve_hijri(cand, r)
    if kind in ("year", "year_sfx", "year_noun", "year_par"):
        first = int(g.get("yy") or g.get("ys") or g.get("yn") or g.get("ypar") or 0)
        second = g.get("yy2") or g.get("ys2")
        suffix = (g.get("ysfx") or g.get("yssfx") or "").strip()
        if suffix in ("ه", "هـ") or (kind == "year" and 1300 <= first <= 1500 and not suffix == "م"):
            last = int(second) if second else first
            if not 1 <= first <= last <= first + 50:
                last = first
            lo = hijri_to_gregorian(first, 1, 1)
            hi = hijri_to_gregorian(last + 1, 1, 1) - dt.timedelta(days=1)
            return r.hijri_span(cand, lo, hi, DatePrecision.YEAR)
        if not 1 <= first <= 9999:
            return None
        cand.year = first
        return r.year_(cand, first)
    if kind == "part":
        year, relative = _stated_year(cand, r, g, "p")
        if year is None:
            return None
        return r.part(cand, year, _PART_WORDS[g["pp"] or ""], relative=relative)
    if kind == "early":
        if g["elm"]:
            if pub is None:
                return None
            return r.month(cand, pub.year, pub.month, relative=True)
        year, relative = _stated_year(cand, r, {"eyq": g["elq"], "eyt": g["elt"]}, "e")
        if year is None:
            return None
        mention = r.part(cand, year, "early" if g["el"] == "سابق" else "late", relative=relative)
        if g["el"] == "سابق" and pub is not None and year == pub.year:
            # "earlier this year": any time from January up to publication.
            return r._make(cand, mention.value, mention.precision, dt.date(year, 1, 1), pub, relative=True)
        return mention
    if kind == "season":
        year, relative = _stated_year(cand, r, g, "s")
        if year is None:
            return None
        return r.season(cand, year, _SEASONS[g["se"] or ""], relative=relative)
    if kind == "season_rel":
        if pub is None:
            return None
        season = _SEASONS[(g["sr"] or "")[2:]]
        sign = _qualifier_sign(g["srq"] or "")
        year = pub.year + (1 if season == "winter" and pub.month == 12 else 0)
        first, last = _SEASON_MONTHS[season]
        if sign < 0 and _month_end(year, last) >= pub:
            year -= 1
        elif sign > 0 and dt.date(year - 1 if season == "winter" else year, first, 1) <= pub:
            year += 1
        return r.season(cand, year, season, relative=True)
    if kind == "rel_year":
        if g["ryy"]:
            cand.year = int(g["ryy"])
            return r.year_(cand, cand.year)
        if pub is None:
            return None
        year = pub.year - 2 if g["ryqq"] else pub.year + (_qualifier_sign(g["ryq"] or "") if g["ryq"] else 0)
        cand.year = year
        return r.year_(cand, year, relative=True)
    if pub is None and kind not in ("ana_year", "ana_time"):
        return None
    if kind == "rel_month" and pub is not None:
        year, month = _shift_month(pub.year, pub.month, _qualifier_sign(g["rmq"] or "") if g["rmq"] else 0)
        return r.month(cand, year, month, relative=True)
    if kind == "rel_week" and pub is not None:
        sign = _qualifier_sign(g["rwq"] or "") if g["rwq"] else 0
        return r.week(cand, pub + dt.timedelta(days=7 * sign))
    if kind == "ago" and pub is not None:
        unit, count = _UNIT[g["agu"] or ""]
        number = g["agn"]
        if number:
            count = int(number) if number.isdigit() else _COUNTS.get(number, 0) * max(count, 1)
        if count <= 0 or count > 500:
            return None
        if unit == "day":
            return r.day(cand, pub - dt.timedelta(days=count), relative=True)
        if unit == "week":
            return r.week(cand, pub - dt.timedelta(days=7 * count))
        if unit == "month":
            year, month = _shift_month(pub.year, pub.month, -count)
            return r.month(cand, year, month, relative=True)
        return r.year_(cand, pub.year - count, relative=True)
    if kind == "rel_day" and pub is not None:
        word = re.sub(r"\s+", " ", g["rd"] or "")
        offset = -2 if "اول" in word else 2 if word == "بعد غد" else 1 if "غد" in word else -1 if word in ("الامس", "امس", "البارحه") else 0
        return r.day(cand, pub + dt.timedelta(days=offset), relative=True)
    if kind == "weekday" and pub is not None:
        date = r.weekday_date(_WEEKDAYS[g["wd"] or ""], _qualifier_sign(g["wdq"] or "") if g["wdq"] else 0)
        return r.day(cand, date, relative=True) if date else None
    if kind == "now" and pub is not None:
        return r.day(cand, pub, relative=True)
    if kind == "ana_year":
        if r.last_year is None:
            return None
        cand.year = r.last_year
        return r.year_(cand, r.last_year)
    if kind == "ana_time":
        last = r.last
        if last is None or last.mention is None or last.sentence < cand.sentence - 1:
            return None
        m = last.mention
        return DateMention(cand.start, cand.end, r.text[cand.start : cand.end], m.value, m.precision, m.earliest, m.latest, m.relative, m.calendar)
    return None


def _month_or_day(cand: _Cand, r: _Resolver, year: int, month: int, day: int | None, relative: bool) -> DateMention | None:
    g = cand.groups
    try:
        if day is not None:
            until = None
            if g.get("gd2"):
                until = dt.date(year, month, int(g["gd2"] or 0))
            return r.day(cand, dt.date(year, month, day), relative=relative, until=until)
        return r.month(cand, year, month, relative=relative, part=_PART_WORDS.get(g.get("gp") or ""))
    except ValueError:
        return None


def _resolve_hijri(cand: _Cand, r: _Resolver) -> DateMention | None:
    g = cand.groups
    month = _HIJRI[re.sub(r"\s+", " ", g["hm"] or "")]
    day = _int_day(g["hd"])
    if g["hy"]:
        year: int | None = int(g["hy"])
    else:
        if r.published is None:
            return None
        pub_year, pub_month, pub_day = gregorian_to_hijri(r.published)
        here, now = (month, day or 0), (pub_month, pub_day if day else 0)
        year = pub_year
        if g["hyq"]:  # "من العام الماضي"
            year += _qualifier_sign(g["hyq"] or "")
        elif g["hq"]:  # "رمضان الماضي": the latest one before publication
            sign = _qualifier_sign(g["hq"] or "")
            if sign < 0 and here >= now:
                year -= 1
            elif sign > 0 and here <= now:
                year += 1
    if year is None or not 1 <= year <= 2000:
        return None
    length = _hijri_month_length(year, month)
    if day is not None:
        if not 1 <= day <= 30:
            return None
        day = min(day, length)
        until = None
        if g.get("hd2") and day < int(g["hd2"] or 0) <= 30:
            until = hijri_to_gregorian(year, month, min(int(g["hd2"] or 0), length))
        mention = r.day(cand, hijri_to_gregorian(year, month, day), calendar="hijri", until=until)
    else:
        lo = hijri_to_gregorian(year, month, 1)
        mention = r.hijri_span(cand, lo, lo + dt.timedelta(days=length - 1), DatePrecision.MONTH)
    if not g["hy"]:
        return DateMention(mention.start, mention.end, mention.text, mention.value, mention.precision, mention.earliest, mention.latest, True, "hijri")
    return mention


def _finish_sentence(pending: list[_Cand], sentence_cands: list[_Cand], r: _Resolver) -> None:
    """Give year-less months the year stated in their own sentence, else the default."""
    if not pending:
        return
    stated = [c for c in sentence_cands if c.year is not None and c.mention is not None]
    for cand in pending:
        before = [c for c in stated if c.start < cand.start]
        # Only a month with its own year lends it backwards ("في يناير ثم في مارس
        # 2023"); "الصادر في سبتمبر ... منذ أواخر عام 2022" is about something else.
        after = [c for c in stated if c.start > cand.start and c.kind == "g" and c.groups.get("gy")]
        source = before[-1] if before else (after[0] if after else None)
        month, day = cand.extra["month"], cand.extra["day"]
        if source is not None and source.year is not None:
            year, relative = source.year, bool(source.mention and source.mention.relative)
        else:
            default = r.default_year(month, day)
            if default is None:
                continue
            year, relative = default, True
        cand.year = year
        cand.mention = _month_or_day(cand, r, year, month, day, relative)
    last = [c for c in sentence_cands if c.mention is not None and c.year is not None]
    if last:  # anaphora in later sentences ("ذلك العام") see the last year of this one
        r.last_year = max(last, key=lambda c: c.start).year
