"""Page furniture: the lines of a scraped page that are not the article.

Each function here looks at one line (already stripped) and says what kind of
furniture it is, from its *form*: a read-more link, a "related posts" header, a
"see also: <other headline>" teaser, a view counter, a share prompt, a byline, an
author's contact block, a site-generated teaser ending in a read-more plug. The
page-level decisions (a sidebar block at the tail, a title above a teaser) are made
in :mod:`riwaya.ingest.clean`, which combines these with length, punctuation,
indentation, repetition and position.

:class:`SiteBoilerplate` adds the one signal a single page cannot give: a line that
recurs across many articles of the same outlet.

Keyword matching runs on folded text (:func:`~riwaya.arabic.normalize.normalize_for_matching`),
so spelling variants (أيضاً/ايضا، اقرأ/إقرأ) need one entry each, not four.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from riwaya.arabic.normalize import normalize_for_matching, normalize_with_offsets

__all__ = [
    "SiteBoilerplate",
    "furniture_kind",
    "is_body_like",
    "is_title_like",
    "line_key",
    "plug_start",
    "strip_invisible",
]

_INVISIBLE_RE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


def strip_invisible(line: str) -> str:
    """Drop zero-width and bidi control characters (they carry no text and break
    display when unbalanced) and turn no-break spaces into spaces.

    >>> strip_invisible("\u202bتشهد\u00a0الشاليهات\u200b")
    'تشهد الشاليهات'
    """
    return _INVISIBLE_RE.sub("", line).replace("\u00a0", " ")


def _alt(phrases: Iterable[str]) -> str:
    folded = sorted({normalize_for_matching(p) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded) + ")"


# --- keyword lists (read-more phrases and widget headers, Arabic and English) -------
_READ_MORE = _alt([
    "اقرأ المزيد", "إقرأ المزيد", "اقرأ أكثر", "المزيد", "للمزيد", "اقرأ التفاصيل", "التفاصيل",
    "اضغط هنا", "اضغط هنا للمزيد", "تابع القراءة", "أكمل القراءة", "متابعة القراءة",
    "read more", "more", "continue reading", "read full story", "read the full story",
])
_SECTION = _alt([
    "related posts", "related post", "related articles", "related stories", "related news",
    "related", "you may also like", "you might also like", "most read", "most popular",
    "most viewed", "trending", "recommended", "more stories", "more from", "latest news",
    "read also", "see also", "also read",
    "مقالات ذات صلة", "أخبار ذات صلة", "مواضيع ذات صلة", "مواد ذات صلة", "روابط ذات صلة",
    "ذات صلة", "أخبار متعلقة", "مقالات مشابهة", "أخبار مشابهة", "الأكثر قراءة", "الأكثر مشاهدة",
    "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية", "آخر الأخبار", "أحدث الأخبار", "اخترنا لك",
    "اخترنا لكم", "قد يهمك", "قد يهمك أيضا", "قد يعجبك", "قد يعجبك أيضا", "اقرأ أيضا",
    "اقرأ أيضًا", "شاهد أيضا", "طالع أيضا", "تابع أيضا", "شاهد أيضًا", "إقرأ أيضا", "أخبار أخرى",
])
_SEE_ALSO = _alt([
    "شاهد أيضا", "شاهد ايضا", "اقرأ أيضا", "إقرأ أيضا", "طالع أيضا", "تابع أيضا", "اقرأ كذلك",
    "شاهد كذلك", "اقرئي أيضا", "شاهدي أيضا", "للمزيد", "اقرأ المزيد", "اقرأ", "شاهد", "طالع",
    "read also", "see also", "also read", "read more", "related", "watch",
])
_COUNTER_UNITS = _alt([
    "views", "view", "reads", "comments", "comment", "likes", "shares", "مشاهدة", "مشاهدات",
    "قراءة", "قراءات", "زيارة", "زيارات", "تعليق", "تعليقات", "مرة",
])
_SHARE = _alt([
    "شارك", "شاركها", "شاركوا", "شارك الخبر", "شارك المقال", "شارك على", "انشر", "تابعونا",
    "تابعنا", "تابعونا على", "تابعنا على", "share", "share on", "share this", "tweet", "follow us",
    "اشترك", "اشترك في النشرة", "subscribe",
])
_SOCIAL = _alt([
    "facebook", "twitter", "whatsapp", "telegram", "linkedin", "instagram", "youtube", "email",
    "print", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "تيليجرام", "تلغرام", "انستغرام",
    "يوتيوب", "طباعة", "البريد الإلكتروني", "لينكدإن",
])
_BYLINE_CUE = _alt(["بقلم", "كتب", "كتبت", "كتبه", "إعداد", "تحرير", "by", "written by", "بواسطة", "تصوير"])
_PLUG = _alt([
    "اقرأ المزيد على", "اقرأ المزيد في", "اقرأ المزيد عبر", "اقرأ المزيد من", "اقرأ المزيد",
    "read more at", "read more on", "رابط الخبر", "رابط المقال", "رابط المقالة", "رابط الموضوع",
    "المقال الأصلي", "permalink",
])

_READ_MORE_RE = re.compile(r"^[.…\s»>«<\-–|]*" + _READ_MORE + r"[\s.…»>«<:\-–|!]*$")
_SECTION_RE = re.compile(r"^[•·▪►\-–*#\s]*" + _SECTION + r"\s*[:：.…]?\s*$")
_SEE_ALSO_RE = re.compile(r"^[•·▪►\-–*\s]*" + _SEE_ALSO + r"\s*[:：\-–|»]\s*\S")
_COUNTER_RE = re.compile(
    r"^[•·▪\-–*\s]*(?:(?:\d[\d,.]*\s*[km]?\s*" + _COUNTER_UNITS + r")|(?:(?:عدد\s+)?(?:ال)?" + _COUNTER_UNITS
    + r"\s*[:：]?\s*\d[\d,.]*))\s*$"
)
_SHARE_RE = re.compile(r"^[•·\-–*\s]*" + _SHARE + r"(?:\s|$|[:：])")
_SOCIAL_ONLY_RE = re.compile(r"^(?:[\s|•·/\-–,،]*" + _SOCIAL + r")+[\s|•·/\-–,،]*$")
_BYLINE_RE = re.compile(r"^[•·\-–*\s]*" + _BYLINE_CUE + r"\s*[:：]\s*\S|^" + _BYLINE_CUE + r"\s+\S")
# A writer's contact block: an e-mail address, a "contact the writer" opener, or an
# SMS short code with phone numbers (a news sentence may mention SMS, not with two numbers).
_CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.[a-z]{2,}|^(?:للتواصل|لمراسله|للاتصال|راسلونا)|\bsms\b.*\d{5}.*\d{5}"
    r"|^(?:tel|هاتف|جوال|email|e-mail|البريد الالكتروني)\s*[:：]"
)
_PLUG_TAIL = 400
_PLUG_HINTS = ("مزيد", "رابط", "صلي", "more", "More", "MORE", "ermalink")
_PLUG_RE = re.compile(r"(?:^|(?<=[\s.!؟?]))" + _PLUG + r"(?:\s+\S+){0,20}\s*[.!]?\s*$")
_BULLET_RE = re.compile(r"^[•·▪►◦]\s*\S")
_SENTENCE_END_RE = re.compile(r"[.!؟?][\"'”»’)\]]*$")
_TITLE_BAD_END_RE = re.compile(r"[.!؟?:：؛;,،…\-–]\s*[\"'”»’)\]]*$")
_DIGIT_RUN_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_KEY_EDGES = " \t*•·▪►-–—:|.…»«\"'"


def line_key(line: str) -> str:
    """The matching key of a line: folded, digits collapsed (view counts and SMS codes
    vary), bullets and edge punctuation dropped.

    >>> line_key("• 12 views") == line_key("  • 2 views")
    True
    >>> line_key("اقرأ أيضاً:")
    'اقرا ايضا'
    """
    folded = _DIGIT_RUN_RE.sub("0", normalize_for_matching(line))
    return _SPACE_RE.sub(" ", folded).strip(_KEY_EDGES)


def is_body_like(line: str, words: int | None = None) -> bool:
    """A line that reads as article prose: a full sentence (≥ 8 words ending with
    sentence punctuation) or a long paragraph (≥ 25 words).

    >>> is_body_like("وقال المتحدث باسم الكرملين للصحافيين في موسكو إن كل هذا غير صحيح.")
    True
    >>> is_body_like("تقلبات ماسك بشأن أوكرانيا")
    False
    """
    n = len(line.split()) if words is None else words
    return n >= 25 or (n >= 8 and bool(_SENTENCE_END_RE.search(line[-8:])) and not line.endswith(("..", "…")))


def is_title_like(line: str, words: int | None = None, *, max_words: int = 20) -> bool:
    """Short and without final sentence punctuation: a headline, intertitle or list item.

    >>> is_title_like("إيلون ماسك ينضم إلى مكالمة ترامب مع زيلينسكي بعد الانتخابات الأمريكية")
    True
    >>> is_title_like("تواصل إيلون ماسك بانتظام مع الرئيس الروسي، وفقًا لتقرير.")
    False
    """
    n = len(line.split()) if words is None else words
    return 2 <= n <= max_words and not _TITLE_BAD_END_RE.search(line[-8:])


def furniture_kind(line: str, folded: str | None = None, words: int | None = None) -> str | None:
    """What kind of page furniture a stripped line is, judged from the line alone,
    or None. Kinds: "read_more", "section" (a related/most-read header), "see_also"
    (a teaser for another story), "counter", "share", "byline", "contact".

    >>> furniture_kind("اقرأ المزيد"), furniture_kind("Related Posts"), furniture_kind("• 2 views")
    ('read_more', 'section', 'counter')
    >>> furniture_kind("شاهد ايضاً: كير ستارمر يحضر مراسم الهدنة في باريس")
    'see_also'
    >>> furniture_kind("اقرأ أيضاً:"), furniture_kind("شارك على فيسبوك"), furniture_kind("بقلم: سارة علي")
    ('section', 'share', 'byline')
    >>> furniture_kind("وقال الوزير إن الزيارة ناجحة.") is None
    True
    """
    n = len(line.split()) if words is None else words
    if n > 40:
        return None  # long prose; also spares folding it
    f = normalize_for_matching(line) if folded is None else folded
    if n <= 6:
        if _READ_MORE_RE.match(f):
            return "read_more"
        if _SECTION_RE.match(f):
            return "section"
        if _COUNTER_RE.match(f):
            return "counter"
        if _SOCIAL_ONLY_RE.match(f):
            return "share"
    if n <= 8 and _SHARE_RE.match(f) and not _SENTENCE_END_RE.search(f):
        return "share"
    if n <= 6 and _BYLINE_RE.match(f):
        return "byline"
    if _SEE_ALSO_RE.match(f) and n <= 40:
        return "see_also"
    if n <= 40 and _CONTACT_RE.search(f):
        return "contact"
    return None


def is_bullet(line: str) -> bool:
    """A line opened by a typographic bullet ("• كيان 2")."""
    return bool(_BULLET_RE.match(line))


def plug_start(line: str, folded: str | None = None) -> int | None:
    """Where a closing read-more plug ("اقرأ المزيد على خَبَرَيْن.", "رابط الخبر بصحيفة …: …")
    starts in ``line``, or None.

    >>> line = "ماسك انضم إلى المكالمة. اقرأ المزيد على خَبَرَيْن."
    >>> line[plug_start(line):]
    'اقرأ المزيد على خَبَرَيْن.'
    """
    # The plug closes the line: look at its tail only, and only when a hint word is
    # there (folding a long paragraph costs more than the rest of the cleaning).
    offset = max(0, len(line) - _PLUG_TAIL)
    tail = line[offset:]
    if not any(hint in tail for hint in _PLUG_HINTS):
        return None
    f = normalize_for_matching(tail) if folded is None or offset else folded
    m = _PLUG_RE.search(f)
    if m is None or m.start() == 0 and offset == 0 and len(f.split()) <= 3:
        return None  # a bare "اقرأ المزيد" line is a read-more link, handled elsewhere
    if len(f) == len(tail):
        return offset + m.start()
    # Folding dropped diacritics: map the folded position back to the original.
    return offset + normalize_with_offsets(tail)[1][m.start()]


def is_candidate(line: str) -> bool:
    """Whether a line could be site furniture at all: not a full sentence of prose,
    and not an introducing line ending in ":" (a columnist's recurring intertitle
    introduces fresh text each time). Contact blocks always qualify.
    """
    if not line or line.endswith((":", "：")):
        return False
    n = len(line.split())
    if n > 40:
        return False
    if _CONTACT_RE.search(line.lower()):
        return True
    return not (n >= 8 and _SENTENCE_END_RE.search(line))


class SiteBoilerplate:
    """Learns the lines that repeat across one outlet's articles.

    Feed it articles with :meth:`learn`, then pass :meth:`lines_for` to
    :func:`~riwaya.ingest.clean.clean_article` as ``known_boilerplate``. Only lines
    that could be furniture are counted (see :func:`is_candidate`): a sentence that
    recurs because two articles carry the same wire copy ("وجرى خلال اللقاء بحث عدد
    من المسائل ذات الاهتمام المشترك.") is news, not furniture. The same text learned
    twice counts once.

    >>> site = SiteBoilerplate(min_articles=2)
    >>> site.learn("okaz", "خبر أول عن الطقس في الرياض.\\nللتواصل أرسل sms إلى 88548")
    >>> site.learn("okaz", "خبر ثان عن المرور في جدة.\\nللتواصل أرسل sms إلى 88548")
    >>> sorted(site.lines_for("okaz"))
    ['للتواصل أرسل sms إلى 88548']
    >>> site.lines_for("sabq")
    frozenset()
    """

    def __init__(self, *, min_articles: int = 3) -> None:
        if min_articles < 2:
            raise ValueError(f"min_articles must be at least 2 (a line in one article is not repeated), got {min_articles}")
        self.min_articles = min_articles
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._surface: dict[str, dict[str, str]] = defaultdict(dict)
        self._seen: dict[str, set[bytes]] = defaultdict(set)

    def learn(self, outlet: str, text: str) -> None:
        """Count the candidate lines of one article of ``outlet``."""
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()
        if digest in self._seen[outlet]:
            return
        self._seen[outlet].add(digest)
        keys: dict[str, str] = {}
        for raw in text.splitlines():
            line = strip_invisible(raw).strip()
            if is_candidate(line):
                key = line_key(line)
                if key:
                    keys.setdefault(key, line)
        counts, surface = self._counts[outlet], self._surface[outlet]
        for key, line in keys.items():
            counts[key] += 1
            surface.setdefault(key, line)

    def lines_for(self, outlet: str) -> frozenset[str]:
        """The lines seen in at least ``min_articles`` distinct articles of ``outlet``
        (each as first seen)."""
        counts, surface = self._counts.get(outlet), self._surface.get(outlet, {})
        if not counts:
            return frozenset()
        return frozenset(surface[k] for k, c in counts.items() if c >= self.min_articles)

    def outlets(self) -> list[str]:
        """The outlets learned so far, sorted."""
        return sorted(self._counts)
