"""Dates stated or implied in Arabic news text, resolved to calendar values.

:func:`find_dates` tags absolute Gregorian dates (Egyptian/Gulf, Levantine and
Maghrebi month names, combined forms such as "أكتوبر/تشرين الأول 2022" and
"فبراير (شباط) 2022", numeric dates), Hijri dates (converted to Gregorian with
the tabular Islamic calendar), plain years with a cue ("في العام 2020"), parts
of years and seasons ("أواخر عام 2022", "في خريف عام 2022"), and expressions
resolved against the publication date ("أمس", "الجمعة", "الأسبوع الماضي",
"الشهر المقبل", "في وقت سابق من هذا العام").

How it works, and why it is shaped this way:

- Matching runs over a *length-preserving* fold of the text (digits to ASCII,
  hamza/alef forms to bare alef, alef maksura to ya, ta marbuta to ha), so every
  offset found is valid in the original text and ``mention.text`` is an exact
  slice of it.
- One master regex with named alternatives is run once over the folded text
  (the leftmost match wins, so mentions never overlap), after a cheap pre-filter
  that skips texts with no date word or four-digit number at all. The whole thing
  costs well under a millisecond per 2 KB article.
- Resolution is a second, ordered pass: a month with no year takes the year
  stated elsewhere *in the same sentence* (the nearest one before it, else the
  nearest one after it), never from another sentence; with none, it takes the
  publication year, or the year before when that would put it more than six
  months after publication (a January article's "ديسمبر" is last December).
  Explicit year anaphora ("من العام نفسه", "ذلك العام") take the year of the
  most recent dated mention before them, and "في ذلك الوقت" / "آنذاك" copy the
  most recent mention of the same or the previous sentence.
- A leading locating preposition with its clitics (في، وفي، ففي، منذ، خلال،
  بحلول، وبحلول) is part of the span, as in the gold surfaces ("في العام 2020",
  "ففي سبتمبر/أيلول"); قبل/بعد are not, because they change what the date means
  ("قبل عام 2022" is tagged as the year 2022, the "before" is left to callers).
- Durations and windows ("على مدى العام الماضي", "على مدار العامين الماضيين")
  are not single calendar values, so nothing is emitted for them.

Value conventions (see :class:`~riwaya.model.DateMention`): parts of a year are
early = January–April, mid = May–August, late = September–December; seasons are
meteorological, with winter Y = December Y-1 to February Y. A Hijri month or
year that straddles Gregorian months or years takes the Gregorian value of its
middle day; ``earliest``/``latest`` give its exact converted bounds. A day range
("5-7 ذي الحجة 1432هـ") keeps its first day as value and the range as bounds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from riwaya.arabic.date_resolution import _finish_sentence, _numeric_parts, _resolve
from riwaya.arabic.date_values import _Cand, _Resolver
from riwaya.arabic.date_words import (
    _AMBIGUOUS_GREG, _AMBIGUOUS_HIJRI, _COUNTS, _GIVEN_NAMES, _GREG, _HIJRI, _ORDINALS, _UNIT, _WEEKDAYS, _alt, _fold,
)
from riwaya.arabic.hijri import gregorian_to_hijri, hijri_to_gregorian
from riwaya.arabic.sentences import split_sentences
from riwaya.model import DateMention, DatePrecision, Sentence

__all__ = ["find_dates", "hijri_to_gregorian", "gregorian_to_hijri"]


# ---------------------------------------------------------------- the master regex
# Word edges; \w covers Arabic letters and digits, and diacritics count as part of a
# word so that "عاماً" is not "عام" + something.
_L = r"(?<![\w\u064b-\u065f])"
_R = r"(?![\w\u064b-\u065f])"
_CL = r"[وف]?"  # conjunction clitics: و، ف
_MG = rf"(?:{_alt(_GREG)}){_R}"
_MH = rf"(?:{_alt(_HIJRI)}){_R}"
_WD = rf"(?:{_alt(_WEEKDAYS)}){_R}"
_ORD = rf"(?:{_alt(_ORDINALS)}){_R}"
_CNT = rf"(?:{_alt(_COUNTS)}){_R}"
_YQ = r"(?:الماضيه|الماضي|المنصرمه|المنصرم|الفائته|الفائت|المقبله|المقبل|القادمه|القادم|الجاريه|الجاري|الحاليه|الحالي)"
_MQ = r"(?:الماضي|المنصرم|الفائت|المقبل|القادم|الجاري|الحالي)"
_THIS_Y = r"(?:هذا\s+العام|هذه\s+السنه|ذلك\s+العام|تلك\s+السنه|نفس\s+العام|العام\s+نفسه|العام\s+ذاته|السنه\s+نفسها)"
_PART = r"(?:اواخر|اوائل|مطلع|بدايات|بدايه|نهايه|منتصف|اواسط|اخر)"
_SFX = r"(?:\s*(?:م|ميلاديه|ميلادي|هـ|ه){_R})?".replace("{_R}", _R)


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _date_pattern(tag: str, month: str) -> str:
    """A day-month-year pattern with group names suffixed by ``tag`` (g or h)."""
    day = rf"(?:(?P<{tag}d>[0-3]?\d|{_ORD})(?:\s*-\s*(?P<{tag}d2>[0-3]?\d))?\s+(?:من\s+)?(?:شهر\s+)?)"
    part = rf"(?:(?P<{tag}p>{_PART})\s+(?:شهر\s+)?)"
    combined = rf"(?:\s*[/-]\s*(?P<{tag}m2>{month})|\s*\(\s*(?P<{tag}m3>{month})\s*\))?"
    epithet = r"(?:\s+(?:المبارك|الكريم|الفضيل|المعظم|الحرام))?" if tag == "h" else ""
    year = (
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:(?:عام|العام|سنه|السنه|لعام)\s*)?(?P<{tag}y>\d{{4}})(?!\d){_SFX}"
        rf"|\s+(?:من\s+)?(?:(?:العام|السنه)\s+(?P<{tag}yq>{_YQ})|(?P<{tag}yt>{_THIS_Y}))"
        rf"|\s+(?P<{tag}q>{_MQ}))?"
    )
    weekday = rf"(?:(?:يوم\s+)?(?P<{tag}wd>{_WD})\s*[,،]?\s+)?"
    return rf"{weekday}(?:{day}|{part})?(?:شهر\s+)?(?P<{tag}m>{month}){combined}{epithet}{year}"


_ALTERNATIVES = [
    # 1436/10/5هـ, 25/10/2024, 2024-10-25, 14.9.1436 هـ
    ("num", rf"(?:(?:يوم\s+)?(?P<nwd>{_WD})\s*[,،]?\s+)?(?<![\d/.])(?P<n1>\d{{1,4}})\s?(?P<sep>[/.-])\s?(?P<n2>\d{{1,2}})\s?(?P=sep)\s?(?P<n3>\d{{1,4}})(?![\d/]|\.\d)(?:\s*(?P<nsfx>هـ|ه|م){_R})?"),
    ("g", _date_pattern("g", _MG)),
    ("h", _date_pattern("h", _MH)),
    # أواخر عام 2022, مطلع العام المقبل, منتصف 2022, في وقت سابق من هذا العام
    ("part", rf"(?P<pp>{_PART})\s+(?:(?:عام|العام|سنه|السنه)\s*(?P<py>\d{{4}})|(?:العام|السنه)\s+(?P<pyq>{_YQ})|(?P<pyt>{_THIS_Y})|(?P<py2>\d{{4}})){_R}"),
    ("early", rf"وقت\s+(?P<el>سابق|لاحق)\s+من\s+(?:(?:العام|السنه)\s+(?P<elq>{_YQ})|(?P<elt>{_THIS_Y})|(?P<elm>هذا\s+الشهر|الشهر\s+الجاري|الشهر\s+الحالي))"),
    ("season", rf"(?:فصل\s+)?(?P<se>خريف|ربيع|صيف|شتاء)\s+(?:(?:عام|العام|سنه)\s*(?P<sy>\d{{4}})|(?P<sy2>\d{{4}})|(?:العام|السنه)\s+(?P<syq>{_YQ})|(?P<syt>{_THIS_Y})){_R}"),
    ("season_rel", rf"(?P<sr>الخريف|الربيع|الصيف|الشتاء)\s+(?P<srq>{_MQ}){_R}"),
    # عام 2022, في العام 2020, عام1400هـ, 1436 - 1437هـ
    ("year", rf"(?:عام|العام|سنه|السنه|لعام|لسنه|بعام)\s*(?P<yy>\d{{4}})(?!\d)(?:\s*(?:-|/|ـ)\s*(?P<yy2>\d{{4}})(?!\d))?(?P<ysfx>{_SFX})"),
    ("year_sfx", rf"(?P<ys>\d{{4}})(?:\s*(?:-|/|ـ)\s*(?P<ys2>\d{{4}}))?\s*(?P<yssfx>هـ|ه|م){_R}"),
    ("year_noun", rf"(?P<ynoun>حمله|موسم|انتخابات|ميزانيه|رؤيه|مونديال|اولمبياد|تعداد|كاس\s+العالم|بطوله)\s+(?P<yn>\d{{4}})(?![\d%])"),
    ("year_par", rf"\(\s*(?P<ypar>\d{{4}})\s*\)"),
    ("rel_year", rf"(?:(?P<ryb>(?:ال)?عام|(?:ال)?سنه)\s+(?P<ryq>{_YQ})(?:\s+(?P<ryy>\d{{4}}))?|(?P<ryt>هذا\s+العام|هذه\s+السنه)|(?P<ryqq>العام\s+قبل\s+الماضي)){_R}"),
    ("rel_month", rf"(?:الشهر\s+(?P<rmq>{_MQ})|(?P<rmt>هذا\s+الشهر)){_R}"),
    ("rel_week", rf"(?:الاسبوع\s+(?P<rwq>{_MQ})|(?P<rwt>هذا\s+الاسبوع)){_R}"),
    ("ago", rf"(?:قبل|منذ)\s+(?:(?P<agn>\d{{1,3}}|{_CNT})\s+)?(?P<agu>يومين|يوم|ايام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|اشهر|شهور|عامين|عام|اعوام|سنتين|سنه|سنوات)(?:\u064b?ا\u064b?)?{_R}(?!\s*(?:\d|من{_R}|علي{_R}))"),
    ("ana_year", _g("ay", _THIS_Y.replace(r"هذا\s+العام|هذه\s+السنه|", ""))),
    ("ana_time", rf"(?P<at>ذلك\s+الوقت|ذلك\s+الحين|انذاك){_R}"),
    ("rel_day", rf"(?P<rd>اول\s+(?:من\s+)?امس|امس\s+الاول|بعد\s+غد|يوم\s+غد|غدا|صباح\s+اليوم|مساء\s+اليوم|ظهر\s+اليوم|فجر\s+اليوم|الامس|امس|البارحه|اليوم)[\u064b\u064c]?{_R}(?:\s*\(\s*(?P<rdwd>{_WD})\s*\)|\s+(?P<rdwd2>{_WD}))?"),
    ("weekday", rf"(?:(?P<wdy>يوم|ليله|صباح|مساء|ظهر|فجر|عصر)\s+)?(?P<wd>{_WD})(?:\s+(?P<wdq>الماضي|المقبل|القادم|المنصرم|الفائت){_R})?"),
    ("now", rf"(?P<now>الان|حاليا[\u064b]?|الوقت\s+الحالي|الوقت\s+الراهن){_R}"),
]
_PRE = rf"(?P<pre>{_CL}(?:في|منذ|خلال|بحلول)\s+)?"
_MASTER = re.compile(
    _L + _PRE + _CL + "(?:" + "|".join(f"(?P<k_{name}>{body})" for name, body in _ALTERNATIVES) + ")"
)
# Every alternative of the master regex contains one of these anchors (a 4-digit
# number or a date word). Running the master only in windows around anchors is what
# keeps find_dates cheap: the master tries ~20 alternatives at each word start.
_ANCHOR_WORDS = [
    *_GREG, *_HIJRI, *_WEEKDAYS,
    "عام", "العام", "سنه", "السنه", "الشهر", "شهر", "الاسبوع", "اسبوع",
    "امس", "الامس", "البارحه", "اليوم", "غدا", "غداً", "غد", "الان", "حاليا", "حالياً", "انذاك",
    "ذلك الوقت", "ذلك الحين", "الوقت الحالي", "الوقت الراهن",
    "خريف", "ربيع", "صيف", "شتاء", "الخريف", "الربيع", "الصيف", "الشتاء",
    "يومين", "يوما", "عاما", "شهرا", "اسبوعا", "ايام", "اسبوعين", "اسابيع", "شهرين", "اشهر", "شهور", "عامين", "اعوام", "سنتين", "سنوات",
]
_ANCHOR = re.compile(rf"\d{{4}}|(?<![\w])[وفبل]?(?:{_alt(_ANCHOR_WORDS)})(?![\w])")
_LEAD_IN = 48  # long lead-in: "وفي يوم الثلاثاء الحادي والعشرين من شهر "
_TAIL = 40  # long tail: " (تشرين الأول) من العام الماضي"
_WORD_START = re.compile(r"(?<![\w])[\w(]")
_KIND_GROUPS = [f"k_{name}" for name, _ in _ALTERNATIVES]
_BARE_MONTH_CUES = {"حتي", "قبل", "بعد", "الي", "من", "مطلع", "وحتي", "ومنذ", "لشهر"}
_WEEKDAY_NEGATIVE_BEFORE = re.compile(r"(?:صلاه|خطبه|خطيب|جامع|مسجد|صلوات|جمعه|ائمه|امام)\s+$")
_WINDOW_BEFORE = re.compile(r"(?:علي\s+مدي|علي\s+مدار|طوال|طيله)\s+$")
_TODAY_BAD_AFTER = re.compile(r"\s*(?:ال\w+|[»\"'”])")
_TODAY_BAD_BEFORE = re.compile(r"(?:صحيفه|جريده|عين|هذا|في|ذلك|طوال|طيله|طول|نفس|ذات|منتصف|نهايه|بدايه|[«\"'“])\s*$")


def _matches(folded: str) -> list[re.Match[str]]:
    """Master-regex matches, tried only at the word starts just before each anchor.

    Equivalent to ``_MASTER.finditer(folded)`` for every match that starts at most
    ``_LEAD_IN`` characters before its anchor, at a fraction of the cost.
    """
    found: list[re.Match[str]] = []
    done = 0  # end of the last accepted match: mentions never overlap
    size = len(folded)
    for anchor in _ANCHOR.finditer(folded):
        here = anchor.start()
        if here < done:
            continue
        limit = min(size, anchor.end() + _TAIL)
        space = folded.find(" ", limit)  # never cut a word: lookaheads would see an end
        limit = size if space < 0 else space
        for start in _WORD_START.finditer(folded, max(done, here - _LEAD_IN), here + 1):
            match = _MASTER.match(folded, start.start(), limit)
            if match is not None and match.end() > here:
                found.append(match)
                done = match.end()
                break
    return found


def _candidates(folded: str) -> list[_Cand]:
    out: list[_Cand] = []
    for match in _matches(folded):
        groups = match.groupdict()
        kind = next(name[2:] for name in _KIND_GROUPS if groups[name] is not None)
        cand = _Cand(match.start(), match.end(), kind, groups)
        if _keep(cand, folded, match):
            out.append(cand)
    return out


def _prev_word(folded: str, start: int) -> str:
    head = folded[max(0, start - 20) : start].split()
    return head[-1] if head else ""


def _keep(cand: _Cand, folded: str, match: re.Match[str]) -> bool:
    """Context checks that a regex cannot express cheaply."""
    g = cand.groups
    kind = cand.kind
    has_pre = g["pre"] is not None
    if kind in ("g", "h"):
        t = "g" if kind == "g" else "h"
        month_word = re.sub(r"\s+", " ", g[t + "m"] or "")
        strong = any(g.get(t + k) for k in ("d", "y", "yq", "yt", "q", "m2", "m3", "p", "wd")) or has_pre
        strong = strong or "شهر" in folded[max(0, match.start(t + "m") - 6) : match.start(t + "m")]
        if kind == "h":
            if month_word in _AMBIGUOUS_HIJRI and not (g.get("hy") or g.get("hq") or "شهر" in folded[max(0, match.start("hm") - 6) : match.start("hm")]):
                return False
            # A bare Hijri month ("في رمضان") is usually generic: keep only dated ones.
            return bool(g.get("hd") or g.get("hy") or g.get("hq") or g.get("hyq") or g.get("hyt"))
        if strong:
            return True
        if month_word in _AMBIGUOUS_GREG:
            return False
        return _prev_word(folded, cand.start) in _BARE_MONTH_CUES
    if kind == "num":
        return _numeric_parts(g) is not None
    if kind == "year_noun" or kind == "year_par":
        value = int(g.get("yn") or g.get("ypar") or 0)
        return 1900 <= value <= 2100
    if kind == "year_sfx":
        value = int(g["ys"] or 0)
        if g["yssfx"] == "م":
            return 1800 <= value <= 2100
        return 1300 <= value <= 1500
    if kind == "year":
        value = int(g["yy"] or 0)
        return 1000 <= value <= 2200
    if kind == "rel_year":
        return not _WINDOW_BEFORE.search(folded[max(0, cand.start - 15) : cand.start])
    if kind == "ago":
        count, plural = _UNIT[g["agu"] or ""][1], (g["agu"] or "") in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات")
        if plural and not g["agn"]:
            return False  # "منذ سنوات": vague
        return bool(g["agn"]) or count > 0
    if kind == "weekday":
        word = g["wd"] or ""
        before = folded[max(0, cand.start - 12) : cand.start]
        after = folded[match.end() : match.end() + 6]
        if _WEEKDAY_NEGATIVE_BEFORE.search(before):
            return False
        if not (g["wdy"] or g["wdq"] or has_pre) and _prev_word(folded, cand.start) in _GIVEN_NAMES:
            return False
        if word in ("الاحد", "الاثنين") and not (g["wdy"] or g["wdq"] or has_pre):
            # Also "one" / "the two": accept only when set off by punctuation.
            if word == "الاحد" and after.lstrip().startswith("عشر"):
                return False
            return bool(re.search(r"[,،(]\s*$", before) or re.match(r"\s*[,،)]", after))
        return True
    if kind == "rel_day" and (g["rd"] or "").endswith("اليوم"):
        if has_pre and g["rd"] == "اليوم":
            return False  # "في اليوم" = per day / on the day (of something)
        before = folded[max(0, cand.start - 10) : cand.start]
        after = folded[match.end("rd") : match.end("rd") + 8]
        if _TODAY_BAD_BEFORE.search(before) or (not g["rdwd2"] and _TODAY_BAD_AFTER.match(after)):
            return False
    if kind == "ana_time":
        return has_pre or (g["at"] or "") == "انذاك"
    if kind == "ana_year":
        return True
    return True


def find_dates(text: str, *, published: dt.date | None, sentences: list[Sentence] | None = None) -> list[DateMention]:
    """Find the dates stated or implied in ``text``, resolved to calendar values.

    Args:
        text: clean article text.
        published: publication date, the anchor of relative expressions; when
            None, relative expressions and year-less months are skipped.
        sentences: the sentences of ``text`` (default: :func:`split_sentences`);
            a year stated in a sentence carries to the year-less months of that
            sentence only.

    Returns:
        Mentions sorted by start, non-overlapping, each with
        ``text[m.start:m.end] == m.text``.

    >>> pub = dt.date(2024, 10, 25)
    >>> [(m.text, m.value) for m in find_dates("في فبراير (شباط) 2022، وبحلول يوليو. ثم في يوليو (تموز).", published=pub)]
    [('في فبراير (شباط) 2022', '2022-02'), ('وبحلول يوليو', '2022-07'), ('في يوليو (تموز)', '2024-07')]
    >>> [(m.value, m.precision.value, m.relative) for m in find_dates("نفى الكرملين، الجمعة، التقرير", published=pub)]
    [('2024-10-25', 'day', True)]
    >>> m = find_dates("الموافق 15 رمضان 1436 هـ", published=None)[0]
    >>> (m.text, m.value, m.calendar)
    ('15 رمضان 1436 هـ', '2015-07-02', 'hijri')
    """
    folded = _fold(text)
    cands = _candidates(folded)
    if not cands:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    for cand in cands:
        cand.sentence = max(0, bisect.bisect_right(starts, cand.start) - 1)
    resolver = _Resolver(text, published)
    pending: list[_Cand] = []
    sentence_cands: list[_Cand] = []
    current = cands[0].sentence
    for cand in cands:
        if cand.sentence != current:
            _finish_sentence(pending, sentence_cands, resolver)
            pending, sentence_cands, current = [], [], cand.sentence
        cand.mention = _resolve(cand, resolver)
        sentence_cands.append(cand)
        if cand.mention is None and "month" in cand.extra:
            pending.append(cand)
            continue
        if cand.mention is not None:
            if cand.year is not None:
                resolver.last_year = cand.year
            elif cand.mention.precision is not DatePrecision.WEEK:
                resolver.last_year = int(cand.mention.value[:4])
            resolver.last = cand
    _finish_sentence(pending, sentence_cands, resolver)
    return [c.mention for c in cands if c.mention is not None]
