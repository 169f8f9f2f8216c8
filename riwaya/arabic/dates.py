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
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riwaya.arabic import chars
from riwaya.arabic.normalize import fold_digits
from riwaya.arabic.sentences import split_sentences
from riwaya.model import DateMention, DatePrecision, Sentence

__all__ = ["find_dates", "hijri_to_gregorian", "gregorian_to_hijri"]

_LEXICON_PATH = Path(__file__).with_name("data") / "date_words.json"

# Length-preserving letter folding (one code point in, one out) so that regex
# offsets over the folded copy are offsets into the original text.
_FOLD = str.maketrans(
    {
        chars.ALEF_MADDA: chars.ALEF,
        chars.ALEF_HAMZA_ABOVE: chars.ALEF,
        chars.ALEF_HAMZA_BELOW: chars.ALEF,
        chars.ALEF_WASLA: chars.ALEF,
        chars.ALEF_MAKSURA: chars.YA,
        chars.FARSI_YA: chars.YA,
        chars.TA_MARBUTA: chars.HA,
        "\u2013": "-",
        "\u2014": "-",
    }
)


_EASTERN_DIGIT = re.compile("[" + chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS + "]")
# str.translate with a dict is ~30x slower than a few str.replace calls on Arabic text.
_LETTER_FOLDS = [(chr(k), v) for k, v in _FOLD.items()]


def _fold(text: str) -> str:
    if _EASTERN_DIGIT.search(text):
        text = fold_digits(text)
    for old, new in _LETTER_FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


def _load_lexicon() -> dict[str, Any]:
    with _LEXICON_PATH.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


_LEX = _load_lexicon()


def _folded_map(section: dict[str, list[str]]) -> dict[str, int]:
    return {_fold(word): int(key) for key, words in section.items() for word in words}


_GREG = _folded_map(_LEX["gregorian_months"])
_HIJRI = _folded_map(_LEX["hijri_months"])
_WEEKDAYS = _folded_map(_LEX["weekdays"])
_ORDINALS = _folded_map(_LEX["day_ordinals"])
_COUNTS = _folded_map(_LEX["count_words"])
_AMBIGUOUS_GREG = {_fold(w) for w in _LEX["ambiguous_months"]}
_AMBIGUOUS_HIJRI = {_fold(w) for w in _LEX["ambiguous_hijri_months"]}
# الخميس، الجمعة، السبت are also family names ("محمد الخميس"): a bare weekday right
# after a common given name is a person.
_GIVEN_NAMES = {_fold(w) for w in _LEX["given_names_before_surname"]}


def _alt(words: Any) -> str:
    """A regex matching any of ``words``, factored as a prefix trie.

    Python's ``re`` tries the branches of an alternation one by one at every
    position; a trie makes that one character test per level, which is what keeps
    the master regex fast. At a node that is both a word end and a prefix, the
    longer word is tried first ("مايو" before "ماي"). A space matches any run of
    whitespace.
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


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


# ---------------------------------------------------------------- Hijri arithmetic
# Tabular Islamic calendar (30-year cycle, leap years 2 5 7 10 13 16 18 21 24 26 29,
# civil epoch 16 July 622 Julian). Umm al-Qura, which Saudi outlets use, differs from
# it by at most a day or two; no table of Umm al-Qura month starts ships in any
# installed package, and downloading one at run time is not allowed.
_HIJRI_EPOCH = dt.date(622, 7, 19).toordinal() - 1  # proleptic Gregorian day before 1 Muharram 1 AH


def _hijri_day_number(year: int, month: int, day: int) -> int:
    return (
        day
        + (59 * (month - 1) + 1) // 2  # ceil(29.5 * (month - 1))
        + 354 * (year - 1)
        + (3 + 11 * year) // 30
        + _HIJRI_EPOCH
    )


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Hijri date to Gregorian with the tabular Islamic calendar.

    Within a day or two of Umm al-Qura (the Saudi official calendar).

    >>> hijri_to_gregorian(1436, 9, 1)  # 1 رمضان 1436 هـ
    datetime.date(2015, 6, 18)
    """
    return dt.date.fromordinal(_hijri_day_number(year, month, day))


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """Convert a Gregorian date to a tabular Hijri ``(year, month, day)``.

    >>> gregorian_to_hijri(dt.date(2015, 6, 18))  # 1 رمضان 1436 هـ
    (1436, 9, 1)
    """
    ordinal = date.toordinal()
    year = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    while _hijri_day_number(year + 1, 1, 1) <= ordinal:
        year += 1
    while _hijri_day_number(year, 1, 1) > ordinal:
        year -= 1
    month = 1
    while month < 12 and _hijri_day_number(year, month + 1, 1) <= ordinal:
        month += 1
    return year, month, ordinal - _hijri_day_number(year, month, 1) + 1


def _hijri_month_length(year: int, month: int) -> int:
    nxt = _hijri_day_number(year + 1, 1, 1) if month == 12 else _hijri_day_number(year, month + 1, 1)
    return nxt - _hijri_day_number(year, month, 1)


# ---------------------------------------------------------------- calendar helpers
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PART_WORDS = {
    "اواخر": "late", "نهايه": "late", "اخر": "late",
    "اوائل": "early", "مطلع": "early", "بدايه": "early", "بدايات": "early",
    "منتصف": "mid", "اواسط": "mid",
}
_SEASONS = {"ربيع": "spring", "صيف": "summer", "خريف": "autumn", "شتاء": "winter"}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_UNIT = {
    "يوم": ("day", 1), "يومين": ("day", 2), "ايام": ("day", 0),
    "اسبوع": ("week", 1), "اسبوعين": ("week", 2), "اسابيع": ("week", 0),
    "شهر": ("month", 1), "شهرين": ("month", 2), "اشهر": ("month", 0), "شهور": ("month", 0),
    "عام": ("year", 1), "عامين": ("year", 2), "اعوام": ("year", 0),
    "سنه": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", 0),
}


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


def _int_day(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else _ORDINALS.get(re.sub(r"\s+", " ", word))


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
        year, relative, _ = r.year_spec({"py": g["py"] or g["py2"], "pyq": g["pyq"], "pyt": g["pyt"]}, "p")
        if year is None:
            return None
        cand.year = year
        return r.part(cand, year, _PART_WORDS[g["pp"] or ""], relative=relative)
    if kind == "early":
        if g["elm"]:
            if pub is None:
                return None
            return r.month(cand, pub.year, pub.month, relative=True)
        year, relative, _ = r.year_spec({"ey": None, "eyq": g["elq"], "eyt": g["elt"]}, "e")
        if year is None:
            return None
        cand.year = year
        mention = r.part(cand, year, "early" if g["el"] == "سابق" else "late", relative=relative)
        if g["el"] == "سابق" and pub is not None and year == pub.year:
            # "earlier this year": any time from January up to publication.
            return r._make(cand, mention.value, mention.precision, dt.date(year, 1, 1), pub, relative=True)
        return mention
    if kind == "season":
        year, relative, _ = r.year_spec({"sy": g["sy"] or g["sy2"], "syq": g["syq"], "syt": g["syt"]}, "s")
        if year is None:
            return None
        cand.year = year
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
