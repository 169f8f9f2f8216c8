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

from riwaya.arabic.normalize import matching_words, normalize_for_matching, normalize_with_offsets
from riwaya.model import Provenance

__all__ = [
    "PageLine",
    "SiteBoilerplate",
    "mark_marker_blocks",
    "mark_sidebar",
    "furniture_kind",
    "is_body_like",
    "is_title_like",
    "key_of_folded",
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
    return key_of_folded(normalize_for_matching(line))


def key_of_folded(folded: str) -> str:
    """:func:`line_key` of a line already folded by ``normalize_for_matching``."""
    return _SPACE_RE.sub(" ", _DIGIT_RUN_RE.sub("0", folded)).strip(_KEY_EDGES)


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


# --- page level: furniture that only the page as a whole gives away -----------------

# Line states.
BODY, HEADING, TITLE, ALT, PROV, GONE = "body", "heading", "title", "alt", "prov", "gone"

DEFINITE = frozenset({"read_more", "section", "see_also", "counter", "share", "byline", "contact", "known"})
_MARKERS = frozenset({"read_more", "section"})
_ELLIPSIS_END = ("…", "...", "..")
_LIST_MARK_RE = re.compile(r"^(?:[*\-–•·▪]|\d{1,2}\s*[-.)–])\s*")
# Words that cannot end an Arabic sentence (prepositions, particles, demonstratives,
# relatives): a line ending in one was cut mid-sentence.
OPEN_END = matching_words((
    "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حول", "لدى", "عند", "منذ", "خلال", "ضد",
    "نحو", "عبر", "بعد", "قبل", "دون", "حتى", "أن", "إن", "أنه", "بأن", "لأن", "كما", "ثم", "أو",
    "و", "ف", "لكن", "بل", "هذا", "هذه", "ذلك", "تلك", "هذان", "هؤلاء", "الذي", "التي", "الذين",
    "اللذين", "اللتين", "اللواتي", "ما", "لا", "لم", "لن", "قد", "كان", "كانت", "ليس", "أي", "كل",
    "بعض", "غير", "سوى", "of", "the", "and", "to", "in", "a",
))
# Connective + function word or reporting verb opening a sentence ("وبحسب", "وقال"):
# a line that opens like this is a sentence, never a headline.
CONNECTIVE_OPEN = frozenset(
    normalize_for_matching(p + w)
    for p in ("و", "ف")
    for w in (
        "بحسب", "حسب", "وفق", "وفقا", "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أشار",
        "أشارت", "ذكر", "ذكرت", "أوضح", "أوضحت", "في", "من", "على", "إلى", "عن", "مع", "أن", "إن",
        "كان", "كانت", "قد", "لم", "لا", "لن", "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "بعد", "قبل",
        "خلال", "منذ", "لكن", "بينما", "حيث", "إذ", "يذكر", "يأتي", "تأتي", "نقلت", "نقل", "أفاد",
        "أفادت", "تابع", "تابعت", "بين", "بيّن", "لفت", "لفتت", "اعتبر", "اعتبرت",
    )
)
class PageLine:
    """One non-blank input line of a page and what the cleaner has decided about it
    (``state``: one of BODY, HEADING, TITLE, ALT, PROV, GONE; ``kind``: what it looks like)."""

    __slots__ = ("raw", "text", "_folded", "words", "indent", "kind", "state", "prov", "blank_before")

    def __init__(self, raw: str, blank_before: bool) -> None:
        visible = strip_invisible(raw)
        self.raw = raw.strip()
        self.text = visible.strip()
        self.indent = len(visible) - len(visible.lstrip())
        self.words = len(self.text.split())
        # Folding is the costliest step; long prose lines are folded only on demand.
        self._folded: str | None = normalize_for_matching(self.text) if self.words <= 40 else None
        self.kind: str | None = None
        self.state = BODY
        self.prov: Provenance | None = None
        self.blank_before = blank_before

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = normalize_for_matching(self.text)
        return self._folded


def _body_indent(lines: list[PageLine]) -> int:
    indents = Counter(ln.indent for ln in lines if ln.kind is None and is_body_like(ln.text, ln.words))
    return indents.most_common(1)[0][0] if indents else min((ln.indent for ln in lines), default=0)


def _title_runs(lines: list[PageLine]) -> set[int]:
    """Indices of lines in runs of ≥ 3 consecutive headline-like lines (a list of
    other stories' headlines). Not: runs of on average < 5 words (names, places),
    list-marked items ("* …", "1 - …": a list the article itself draws up), verse
    (lines sharing a rhyme) or prose broken into short lines (lines that open or
    close mid-sentence)."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate([*lines, None]):
        if (
            ln is not None
            and ln.kind is None
            and not _LIST_MARK_RE.match(ln.text)
            and is_title_like(ln.text, ln.words, max_words=25)
        ):
            run.append(i)
            continue
        if (
            len(run) >= 3
            and sum(lines[j].words for j in run) / len(run) >= 5
            and not _rhymes(lines, run)
            and not _fragmentary(lines, run)
        ):
            out.update(run)
        run = []
    return out


def _rhymes(lines: list[PageLine], run: list[int]) -> bool:
    """Whether a run of short lines is verse: many lines, or every other line (the
    second hemistichs), share a rhyme, which a list of unrelated headlines does not."""
    ends = [lines[j].folded.rstrip(" .!،,")[-3:] for j in run]
    if Counter(ends).most_common(1)[0][1] >= max(3, 0.4 * len(run)):
        return True
    for part in (ends[0::2], ends[1::2]):
        if len(part) >= 3 and Counter(e[-2:] for e in part).most_common(1)[0][1] >= 0.6 * len(part):
            return True
    return False


def _fragmentary(lines: list[PageLine], run: list[int]) -> bool:
    """Whether a run of short lines is prose cut into lines (free verse, a column
    typeset one phrase a line): many lines open or close mid-sentence."""
    cut = 0
    for j in run:
        words = lines[j].folded.split()
        if words and (words[0] in OPEN_END or words[0] in CONNECTIVE_OPEN or words[-1] in OPEN_END):
            cut += 1
    return cut >= 0.3 * len(run)


def mark_sidebar(lines: list[PageLine]) -> None:
    """Remove the sidebar at the end of the page: the longest tail of non-prose lines
    that starts at a furniture line and carries one definite furniture signal or at
    least three supporting ones (deeper indentation, bullets, repeated lines,
    truncated teasers ending in "…", a run of headlines)."""
    if len(lines) < 2:
        return
    indent = _body_indent(lines)
    # Exact (folded) repeats: collapsing digits here would make a list of numbers
    # look like one line repeated.
    repeats = Counter(ln.folded for ln in lines if ln.words <= 40)
    runs = _title_runs(lines)
    start, definite, support, gap = len(lines), 0, 0, 0
    for i in range(len(lines) - 1, 0, -1):
        ln = lines[i]
        if ln.kind == "credit":
            continue
        signal = _tail_signal(ln, i, indent, repeats, runs)
        if signal is None:
            break
        if signal == "weak":
            gap += 1
            if gap > 2:
                break  # a sidebar is dense in furniture; a long plain stretch is the article
            continue
        gap = 0
        if signal == "definite":
            definite += 1
        else:
            support += 1
        start = i
    if definite == 0 and support < 3:
        return
    for ln in lines[start:]:
        if ln.kind != "credit":
            ln.state = GONE


def _tail_signal(ln: PageLine, i: int, indent: int, repeats: Counter[str], runs: set[int]) -> str | None:
    if ln.kind == "md_heading":
        return None
    if ln.kind in DEFINITE:
        return "definite"
    supported = (
        ln.indent >= indent + 2
        or (is_bullet(ln.text) and ln.words <= 5)
        # A repeated headline, not a repeated short chorus line of a poem.
        or (ln.words >= 5 and repeats[ln.folded] > 1 and not _LIST_MARK_RE.match(ln.text))
        or (ln.text.endswith(_ELLIPSIS_END) and ln.words >= 6)
        or i in runs
    )
    if supported:
        return "support"
    if is_body_like(ln.text, ln.words) or ln.words >= 15 or starts_sentence(ln):
        return None  # prose, or a sentence cut in two: the sidebar cannot reach above it
    return "weak"


def mark_marker_blocks(lines: list[PageLine]) -> None:
    """Remove furniture lines anywhere, and what a read-more or related-posts marker
    drags along: the non-prose lines right after it (a CMS placeholder, a list of
    other headlines), up to the next paragraph of prose."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind in DEFINITE:
            ln.state = GONE
            if ln.kind in _MARKERS or (ln.kind == "see_also" and ln.text.rstrip().endswith((":", "："))):
                limit = 12 if ln.kind == "section" else 3
                j = i + 1
                while j < len(lines) and j - i <= limit:
                    nxt = lines[j]
                    if nxt.kind in ("credit", "md_heading") or is_body_like(nxt.text, nxt.words):
                        break
                    nxt.state = GONE
                    j += 1
                i = j
                continue
        i += 1


def starts_sentence(ln: PageLine) -> bool:
    first = ln.folded.split(maxsplit=1)[0] if ln.folded else ""
    return first in CONNECTIVE_OPEN
