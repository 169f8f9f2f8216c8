"""Attributed statements: who said what, with which cue, on whose word.

:func:`find_statements` reads an :class:`~riwaya.model.Article` unit by unit (a unit is
a line, cut after ``.`` ``!`` ``?`` ``؟``, also inside quotations: the gold guideline's
sentence rule) and turns every reporting cue into a :class:`Statement`:

- a verb with its speaker after it (``قال الوزير إن …``), before it (``تقارير ذكرت أن …``)
  or nowhere (``وأضاف أن …``: the last speaker, ``resolved_from_context``);
- a participle continuing the clause's speaker (``، مضيفاً أن …``);
- a source phrase (``وفقاً لـ``، ``بحسب``، ``نقلاً عن``، ``على لسان``، ``حسبما ذكر``) before or
  after its content;
- ``نقلت X عن Y قوله …`` / ``ذكرت X نقلاً عن Y أن …``: speaker Y with X in ``via``;
- quotations: the content is inside the marks; a quotation left open continues into
  the next units as statements with an empty cue.

The rules follow ``gold/attribution-guideline.md`` (content drops a bare إن/أن, the
article's credited wire agency is the outermost via, statements in cue order).

>>> from riwaya.model import Article
>>> text = "نقلت وكالة رويترز عن مصدر أمني قوله إن الهجوم وقع فجراً. وأضاف أن التحقيق مستمر."
>>> article = Article(id="a", content_hash="a", text=text, source="t")
>>> [(s.speaker.text, s.cue.text, s.content.text, s.via_texts) for s in find_statements(article)]
[('مصدر أمني', 'نقلت', 'الهجوم وقع فجراً', ('وكالة رويترز',)), ('مصدر أمني', 'وأضاف', 'التحقيق مستمر', ('وكالة رويترز',))]
>>> d = find_statements(Article(id="b", content_hash="b", source="t",
...     text="نفى المتحدث باسم الكرملين ديمتري بيسكوف وجود اتصالات منتظمة."))[0]
>>> (d.speaker.text, d.stance, d.speaker_type, d.content.text)
('المتحدث باسم الكرملين ديمتري بيسكوف', 'deny', 'official', 'وجود اتصالات منتظمة')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from riwaya.attribution.credits import credit_scopes
from riwaya.attribution.origins import principal_outlet
from riwaya.attribution.cues import Cue, fold, fold_word, lookup_folded, lookup_word
from riwaya.attribution.speakers import OUTLET_DESCRIPTIONS, agency_key, anonymous_count, is_outlet_name, speaker_type
from riwaya.model import Article, Link, Span, Statement, make_span

__all__ = ["Link", "Statement", "find_statements", "split_units"]


# ---------------------------------------------------------------- tokens and units

_PUNCT = "«»“”\"():،,؛;.!؟?[]"
_TOKEN_RE = re.compile(r"[«»“”\"():،,؛;.!؟?\[\]]|[-–—]+|[^\s«»“”\"():،,؛;.!؟?\[\]\-–—]+")
_UNIT_END_RE = re.compile(r"[.!?؟]+[\"»”']?(?=\s)|\n")
_OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}
_CLOSE_QUOTES = {"»", "”", '"'}
_CLAUSE_PUNCT = {"،", ",", "؛", ";", ".", "!", "؟", "?", ":", "-", "–", "—", "(", ")"}


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    raw: str
    f: str  # folded
    punct: bool
    cue: Cue | None = None  # the lexicon entry the word is, if any


def split_units(text: str) -> list[tuple[int, int]]:
    """Unit offsets: a line break always ends one, ``.`` ``!`` ``?`` ``؟`` (with a closing
    quotation mark) before whitespace too, inside quotations as well.

    >>> t = "قال: «أولاً. ثانياً».\\nثالثاً"
    >>> [t[s:e] for s, e in split_units(t)]
    ['قال: «أولاً.', 'ثانياً».', 'ثالثاً']
    """
    units: list[tuple[int, int]] = []
    start = 0
    for m in _UNIT_END_RE.finditer(text):
        end = m.end() if m.group(0) != "\n" else m.start()
        _add_unit(text, start, end, units)
        start = m.end()
    _add_unit(text, start, len(text), units)
    return units


def _add_unit(text: str, start: int, end: int, units: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    s = start + len(chunk) - len(chunk.lstrip())
    e = start + len(chunk.rstrip())
    if e > s:
        units.append((s, e))


_WORD_INFO: dict[str, tuple[str, bool, Cue | None]] = {}


def _word_info(raw: str) -> tuple[str, bool, Cue | None]:
    """(folded, is punctuation, cue) of a token, memoized: news words repeat, and
    folding every token afresh was the extractor's largest cost."""
    info = _WORD_INFO.get(raw)
    if info is None:
        if raw in _PUNCT or raw[0] in "-–—":
            info = (raw, True, None)
        else:
            f = fold_word(raw)
            cue = lookup_folded(f)
            if cue is not None and (raw.endswith("ة") and cue.kind == "verb" or raw.endswith("ى") and cue.needs == "clause"
                                    and cue.lemma == "يدعي"):
                # "إفادة" (a statement, noun) is no أفاد + ه; "يُدعى" (is called) is no يدّعي (claims)
                cue = None
            info = (f, False, cue)
        if len(_WORD_INFO) > 200_000:
            _WORD_INFO.clear()
        _WORD_INFO[raw] = info
    return info


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    append = toks.append
    for m in _TOKEN_RE.finditer(text, start, end):
        raw = m.group()
        f, punct, cue = _WORD_INFO.get(raw) or _word_info(raw)
        s, e = m.span()
        append(_Tok(s, e, raw, f, punct, cue))
    for k, t in enumerate(toks):
        if t.cue is not None and t.cue.needs == "claim" and not any(u.f in _CLAIM_NOUNS for u in toks[k + 1:k + 5]):
            t.cue = None  # "رفض الكشف عن اسمه": a refusal, no denial
    return toks


# ---------------------------------------------------------------- word classes (folded)

def _fs(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


_COMP_BARE = _fs("إن أن ان بأن فإن وإن وأن لأن")
_COMP_PRONOUN = re.compile(r"^(?:ب|ف|و)?[اإأ]ن(?:ه|ها|هم|هما|هن|ني|نا|نه)$")
_PREPS = _fs("إلى الى على عن من")
_MEDIUM = _fs(
    "بيان تصريح تصريحات تصريحه تصريحها مؤتمر حديث حديثه مقابلة كلمة كلمته كلمتها حسابه حسابها تغريدة "
    "لقاء اتصال رسالة رسالته خطاب خطابه تقرير تقريره تقريرها تعليق تعليقه ندوة محاضرة برنامج اجتماع"
)
_TIME = _fs(
    "أمس امس اليوم الليلة مساء صباح يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "مساء أمس الجمعة مؤخرا حاليا سابقا أيضا ايضا كذلك الأسبوع الشهر العام الماضي الماضية أول أمس"
)
_SPEAKER_STOP = _fs(
    "في عبر خلال أثناء بعد قبل عقب لدى حول الذي التي الذين اللذين اللتين اللذان وهو وهي وذلك بينما فيما "
    "حيث إذ بشأن بخصوص تجاه مع قوله قولها قولهم قولهما أمام منذ حتى إلا ولكن لكن عندما حين كما لأن لان "
    "بأنه بانه بأنها بانها إلى الى على عن من بدوره بدورها بدورهم أيضا ذلك هذا هذه هؤلاء بشكل بقوة بصورة "
    "فقد وقد"
) | _TIME | _COMP_BARE
_SPEAKER_KEEP_IN = _fs("في")
# what "في" introduces when it is no affiliation ("ماسك في وقت لاحق", "بيسكوف في إشارة إلى")
_NOT_AFFILIATION = _fs("وقت الوقت إشارة اشارة معرض سياق ختام بداية نهاية أعقاب حين ظل ضوء رده معرض") | _TIME
_QUANTITY = _fs("عدد عدد بعض العديد أحد احد مجموعة جملة")  # "مصدر مطلع في نادي الرائد": affiliation kept unless a medium follows
_CLAUSE_OPENERS = _fs("لكنه لكنها لكنهم ولكنه ولكنها ولكنهم ثم كما فيما بينما حيث وقد فقد قد ولكن لكن بل إذ كذلك وكذلك أيضا جانبه جهته جانبها جهتها وبدوره وبدورها بدوره بدورها ولذلك وهنا هنا وفي")
_RELATIVES = _fs("الذي التي الذين اللذين اللتين اللذان")
_TOPIC_PREPS = _fs("حول وحول في وفي عن وعن بشأن وبشأن بخصوص وبخصوص إلى الى وإلى ومن من على وعلى")
_NP_OBJECT_LEMMAS = {"نفى", "كذب", "تمنى", "طالب", "ناشد", "دعا", "وصف", "اتهم", "أرجع", "عزا", "توقع", "اعتبر",
                     "رأى", "حذر", "اعترف", "أعرب", "عبر", "تحدث", "كشف", "أكد", "شدد", "أوصى", "حث", "قدر", "أمل",
                     "برر", "أشار", "لفت", "نوه", "ادعى", "زعم", "عرج", "تساءل", "أبلغ", "ذكر", "رفض"}
# what رفض must reject to be a denial (guideline §7: "رفض صحة"); "رفض الطلب" is a refusal
_CLAIM_NOUNS = _fs(
    "صحة الاتهامات اتهامات الاتهام اتهام الانتقادات انتقادات الادعاءات ادعاءات الادعاء ادعاء المزاعم مزاعم "
    "التقارير تقارير التقرير الأنباء أنباء الشائعات شائعات الإشاعات الرواية رواية التصريحات تلك هذه هذا")
_PREP_OF = {"أشار": "الي", "لفت": "الي", "نوه": "الي", "كشف": "عن", "أعرب": "عن", "عبر": "عن", "تحدث": "عن",
            "حذر": "من", "أكد": "علي", "شدد": "علي", "دعا": "الي", "عرج": "علي", "اعترف": "ب", "حث": "علي",
            "أرجع": "", "عزا": ""}
_NON_SOURCE = _fs(
    "مقررات طلبات طلب الطلب آلية الآلية خطة الخطة نظام النظام القانون قانون قرار القرار الاتفاق اتفاق الأنظمة "
    "اللوائح الشروط شروط التعليمات تعليمات المعايير معايير الأولوية الحاجة الظروف الإمكانيات المتاح الأصول "
    "السن الجنس المنطقة الموقع الجدول جدول الترتيب ترتيب الفئة رغبة رغبته الاتفاقية البرنامج الموعد "
    "الأحوال المواصفات مقتضيات توجيهات التوجيهات أحكام الأحكام إطار الإطار تعميم التعميم لائحة اللائحة"
)
_DENY_MARKERS = re.compile(
    r"غير صحيح|عار[يه]? (?:تماما )?عن الصحه|عاري[هة]? عن الصحه|لا اساس ل|لا صحه|كاذب|مفبرك|شائعات|شايعات|اشاعات|"
    r"مجرد ادعاءات|لا يمت لل?حقيقه|غير دقيق|سخيف|(?<!\S)هراء"
)
# limiting reported contacts to one ("كان له اتصال واحد", "أجريا مكالمة هاتفية واحدة فقط",
# "الاتصال الوحيد الذي أجراه"): the answer to a report of many is a denial of it
_RESTRICTION_DENY = re.compile(
    r"(?:مره|مكالمه|اتصال|لقاء|اجتماع)(?: \S+)? واحده?(?!\S)|(?:الاتصال|اللقاء|المكالمه|الاجتماع) الوحيده?(?!\S)")
# "did not respond to requests for comment", "declined to comment": reports no claim
_NO_COMMENT = re.compile(r"(?:^|\s)و?لم (?:يستجب|تستجب|يرد|ترد|يعلق|تعلق)(?!\S)|(?:رفض|امتنع|رفضت|امتنعت) (?:عن )?التعليق")
_FACT_OBJECTS = frozenset({"وجود", "صحه", "حدوث", "وقوع"})
_REBUTTAL = re.compile(r"(?:^|\s)(?:لم|لن|ليس|ليست|لا)\s(?:\S+\s){0,3}اي(?!\S)")
_PERFECT_AUX = _fs("قد وقد كان وكان كانت وكانت")
_CONTRAST = _fs("إلا لكن ولكن بينما فيما وفيما حين")
_PERSON_HEADS = _fs("اللاعب المدرب الحارس الدكتور المواطن الطالب الطالبة الخبراء الأطباء أسرة عائلة")
_OUTLET_NOUN_STARTS = ("صحيف", "جريد", "مجل", "وكال", "قنا", "موقع", "تلفزيون", "شبك", "اذاع")


# ---------------------------------------------------------------- the extractor


@dataclass(slots=True)
class _Said:
    """What a continuation needs from the last explicit statement."""

    speaker: Span
    type: str
    via: tuple[Link, ...]
    refers_to: str | None = None


@dataclass(slots=True)
class _State:
    article: Article
    credits: list[tuple[int, Link]]  # (offset from which it applies, link)
    publisher: str | None
    last: _Said | None = None
    open_quote: tuple[_Said, str, str, int] | None = None  # (speaker, closing mark, stance, units so far)
    outlets: list[str] = field(default_factory=list)  # outlets named so far, as written
    out: list[Statement] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)
    stops: list[int] = field(default_factory=list)
    lead_end: int = 0  # end of the article's first unit
    cursor: int = 0  # start of the unit being read
    report_outlet: str | None = None  # the outlet of the last report named ("تقرير نشرته صحيفة X")


def find_statements(article: Article, entities: Sequence[Any] | None = None) -> list[Statement]:
    """Every attributed statement of ``article``, in text order (cue order within a unit).

    ``entities`` (EntityMention-like objects with ``start``/``end``/``type``) are
    optional: when given, a speaker phrase is extended to cover a PER/ORG mention that
    starts inside it.

    >>> from riwaya.model import Article
    >>> a = Article(id="a", content_hash="a", source="t", text="وأفادت مصادر مطلعة بأن الاجتماع تأجل، بحسب صحيفة الحياة.")
    >>> [(s.speaker.text, s.speaker_type, s.anonymous_count, s.content.text) for s in find_statements(a)]
    [('مصادر مطلعة', 'anonymous', None, 'الاجتماع تأجل')]
    >>> find_statements(Article(id="e", content_hash="e", source="t", text=""))
    []
    """
    text = article.text
    if not text.strip():
        return []
    state = _State(article, credit_scopes(article), _publisher_name(article))
    if not state.credits and not state.publisher:
        reporter = _reporting_outlet(text)
        if reporter:
            state.credits.append((0, Link(reporter, None, None, "credit")))
    state.sentence_starts = [s.start for s in article.sentences]
    spans = sorted((e.start, e.end) for e in entities or () if getattr(e, "type", "") in {"PER", "ORG"})
    previous_end = 0
    units = split_units(text)
    state.lead_end = units[0][1] if units else 0
    for start, end in units:
        if state.open_quote is not None and ("\n" in text[previous_end:start] or state.open_quote[3] > 3):
            state.open_quote = None  # a quotation does not run across paragraphs
        previous_end = end
        toks = _tokens(text, start, end)
        state.cursor = start
        if toks:
            _unit(state, toks, start, end, spans)
    return state.out


_SOURCE_TOLD_OUTLET = re.compile(
    r"(?:^|\s)(?:ال)?(?:مصدر|مصادر|مسؤول|مسؤولين|مسؤولون|مطلع|مطلعين)(?=\s)[^.\n؟!]{0,80}?\sل(?:شبكة|صحيفة|وكالة|قناة|موقع|مجلة)\s+"
    r"([A-Za-z][A-Za-z0-9]*|[«“\"]?[^\s،,.«»“”\"]+[»”\"]?)")


def _reporting_outlet(text: str) -> str | None:
    """An article whose publisher is unknown and uncredited, and whose own unnamed sources
    spoke to one outlet ("تحدث المصدر لشبكة CNN", "حسبما قال مسؤول مطلع … لشبكة CNN"),
    carries that outlet's reporting: the outlet is the outermost link of its statements
    (a republished CNN, BBC … piece). Two such mentions are needed."""
    names = [m.group(1).strip("«»“”\"") for m in _SOURCE_TOLD_OUTLET.finditer(text)]
    if len(names) < 2:
        return None
    first = names[0]
    return first if sum(fold(n) == fold(first) for n in names) >= 2 else None


def _publisher_name(article: Article) -> str | None:
    from riwaya.attribution.speakers import PUBLISHERS

    return PUBLISHERS.get((article.outlet or "").strip().lower(), article.outlet)


def _sentence_index(state: _State, offset: int) -> int:
    if not state.sentence_starts:
        return 0
    return max(0, bisect.bisect_right(state.sentence_starts, offset) - 1)


def _span(state: _State, start: int, end: int) -> Span:
    return make_span(state.article.text, start, end)


def _is_word(tok: _Tok) -> bool:
    return not tok.punct


def _unit(state: _State, toks: list[_Tok], ustart: int, uend: int, entity_spans: list[tuple[int, int]]) -> None:
    text = state.article.text
    unit_out: list[tuple[int, Statement, int]] = []  # (cue token index, statement, content end token index)
    first_cue_tok = 0
    # A quotation left open by an earlier unit continues here.
    if state.open_quote is not None:
        said, close, stance, count = state.open_quote
        if close == '"' and sum(t.raw == '"' for t in toks) % 2 == 0:
            state.open_quote = None
            return _unit(state, toks, ustart, uend, entity_spans)
        k = next((i for i, t in enumerate(toks) if t.raw == close or (close == "”" and t.raw == '"')), None)
        cstart = toks[1].start if toks[0].raw in _OPEN_QUOTES and len(toks) > 1 else toks[0].start
        cend = toks[k].start if k is not None else uend
        content = _trim(state, cstart, cend)
        if content is not None:
            st = Statement(said.speaker, said.type, _span(state, cstart, cstart), stance, content, said.via,
                           _sentence_index(state, ustart), anonymous_count(said.speaker.text) if said.type == "anonymous" else None,
                           True, said.refers_to)
            unit_out.append((-1, st, k if k is not None else len(toks)))
        state.open_quote = None if k is not None else (said, close, stance, count + 1)
        first_cue_tok = (k + 1) if k is not None else len(toks)
    _remember_outlets(state, toks)
    state.stops = _boundary_stops(toks)
    i = first_cue_tok
    while i < len(toks):
        tok = toks[i]
        if tok.punct:
            i += 1
            continue
        made = _phrase_at(state, toks, i, unit_out, entity_spans) or _verb_at(state, toks, i, unit_out, entity_spans)
        i = made if made else i + 1
    unit_out.sort(key=lambda x: (x[1].cue.start, x[0]))
    state.out.extend(st for _, st, _ in unit_out)


def _outlet_noun_prefix(f: str) -> int | None:
    """How many clitic letters (و، then ب or ل) come before an outlet noun ("لصحيفة",
    "وبوكالة", "وكالة"), or None when ``f`` does not start with one."""
    if f.startswith(_OUTLET_NOUN_STARTS):
        return 0
    if f[:1] in ("و", "ب", "ل") and f[1:].startswith(_OUTLET_NOUN_STARTS):
        return 1
    if f[:1] == "و" and f[1:2] in ("ب", "ل") and f[2:].startswith(_OUTLET_NOUN_STARTS):
        return 2
    return None


def _remember_outlets(state: _State, toks: list[_Tok]) -> None:
    for i, t in enumerate(toks):
        if t.punct or t.f.startswith("ال") or i + 1 >= len(toks):
            continue
        n = _outlet_noun_prefix(t.f)
        if n is None:
            continue
        end = _np_end(toks, i + 1, max_words=4)
        if end > i + 1:
            state.outlets.append(text_between(state, t.start + n, toks[end - 1].end))


def text_between(state: _State, start: int, end: int) -> str:
    return state.article.text[start:end]


# ---------------------------------------------------------------- noun phrases


def _np_end(toks: list[_Tok], j: int, *, max_words: int = 9, object_verb: bool = False) -> int:
    """Exclusive token index where the noun phrase starting at ``j`` ends."""
    k = j
    words = 0
    in_quote: str | None = None
    while k < len(toks) and words < max_words:
        t = toks[k]
        if t.punct:
            if in_quote and (t.raw == _OPEN_QUOTES.get(in_quote) or t.raw in _CLOSE_QUOTES):
                in_quote = None
                k += 1
                continue
            if t.raw in _OPEN_QUOTES and k + 1 < len(toks) and _short_quote(toks, k):
                in_quote = t.raw
                k += 1
                continue
            if t.raw in ("(",) and k + 1 < len(toks) and _short_quote(toks, k, close=")"):
                k = next(m for m in range(k + 1, len(toks)) if toks[m].raw == ")") + 1
                continue
            break
        f = t.f
        if words > 0 or k > j:
            if f in _SPEAKER_STOP:
                if f == "من" and words == 1 and toks[k - 1].f in _QUANTITY and k + 1 < len(toks) and not toks[k + 1].punct:
                    k += 1  # "عدد من المسؤولين"
                    continue
                if f == "في" and k + 1 < len(toks) and toks[k + 1].f not in _MEDIUM and toks[k + 1].f not in _NOT_AFFILIATION \
                        and not toks[k + 1].punct and words < 4:
                    k += 1
                    continue
                break
            if _COMP_PRONOUN.match(f) or t.cue is not None and t.cue.kind != "participle" and not f.startswith("ال"):
                break
            if t.raw.endswith(("اً", "ًا")) and len(t.raw) > 3:
                break  # "نفى ماسك علناً …": an accusative adverb or object, never the subject
            if f.startswith("ل") and (f[1:].startswith(("ال", "ل")) or toks[k].raw.startswith("لـ") or f[1:].startswith(_OUTLET_NOUN_STARTS)) and words > 0 \
                    and not (toks[j].f in _REPORT_HEADS and f[1:].startswith(_OUTLET_NOUN_STARTS)):
                break  # addressee "لـ«عكاظ»", "للصحيفة" (but "تقرير موسع لصحيفة X" is the paper's report)
            if f in {"نقلا", "ونقلا", "وفقا", "بحسب", "حسب", "حسبما", "بقوله"}:
                break
            if object_verb and words > 0 and _looks_like_object(toks, k):
                break
        elif f in _SPEAKER_STOP or _COMP_PRONOUN.match(f):
            break
        words += 1
        k += 1
    if in_quote:
        return j if k == j else k
    return k


def _short_quote(toks: list[_Tok], k: int, close: str | None = None) -> bool:
    want = close or _OPEN_QUOTES[toks[k].raw]
    for m in range(k + 1, min(len(toks), k + 6)):
        if toks[m].raw == want or (close is None and toks[m].raw in _CLOSE_QUOTES):
            return m > k + 1
        if toks[m].punct:
            return False
    return False


_OBJECT_STARTS = _fs(
    "تقارير تقرير ما وجود صحة أي كل خطف مقتل إصابة حدوث عودة أنباء الأنباء الأخبار أخبار الاتهامات اتهامات "
    "المعلومات معلومات الشائعات شائعات الإشاعات ادعاءات الادعاءات نيته قيام تعرض ضرورة أهمية رغبته "
    "سعادته أمله قلقه ارتياحه ترحيبه استياءه استياءها سعادتها أمنياته تمنياته تقريرا تقريرًا خبرا أنباء "
    "الانتقادات انتقادات المزاعم مزاعم"
)


def _looks_like_object(toks: list[_Tok], k: int) -> bool:
    f = toks[k].f
    raw = toks[k].raw
    return f in _OBJECT_STARTS or raw.startswith("بـ") or f.startswith("ب") and len(f) > 3 and not f.startswith(("بن", "بو", "بيس", "بيل", "بر", "باسم"))


def _speaker_before(toks: list[_Tok], i: int) -> int | None:
    """Start token of the noun phrase right before token ``i`` (the cue), or None."""
    k = i - 1
    relative = k >= 0 and toks[k].f in _RELATIVES
    if relative:
        k -= 1
    if k >= 0 and toks[k].f in {"قد", "وقد"}:
        k -= 1
    end = k
    words = 0
    max_words = 3 if relative else 6
    while k >= 0 and words < max_words:
        t = toks[k]
        if t.punct:
            if t.raw in _CLOSE_QUOTES or t.raw in _OPEN_QUOTES:
                k -= 1
                continue
            break
        f = t.f
        if f in {"كان", "وكان", "فكان", "كانت", "وكانت"}:
            break
        if f in _SPEAKER_STOP - _SPEAKER_KEEP_IN or t.cue is not None or _COMP_PRONOUN.match(f) or f in _PREPS \
                or f in {"ما", "لم", "لا", "وهو", "وهي", "كما", "قد"} or (f[:1] == "و" and not f.startswith(("وز", "وك", "ول", "وف", "وا")) and words > 0):
            break
        words += 1
        k -= 1
    start = k + 1
    while start <= end and toks[start].punct:
        start += 1
    if start > end or words == 0:
        return None
    if start > 0 and toks[start - 1].f in _TOPIC_PREPS or toks[start].f in _TOPIC_PREPS:
        return None
    phrase = " ".join(t.raw for t in toks[start:end + 1])
    opens = start == 0 or toks[start - 1].punct or toks[start - 1].f in _COMP_BARE or toks[start - 1].f in {"لكن", "ولكن"}
    if not relative and not opens and speaker_type(phrase) == "person" and not any(w in fold(phrase).split() for w in _PERSON_HEADS):
        return None
    return start


# ---------------------------------------------------------------- content


def _content_marker(toks: list[_Tok], p: int, cue: Cue, limit: int) -> tuple[int, str] | None:
    """(token index where content starts, how) after position ``p``; how is
    "clause", "quote", "colon", "prep" or "np"."""
    want = _PREP_OF.get(cue.lemma)
    # an apposition between dashes or commas after the speaker ("صرح إيان بريمر -المُلم
    # بالعلوم السياسية ومدير شركة …، بأن") delays the complementizer
    end = min(limit, p + (24 if p < len(toks) and toks[p].raw[:1] in "-–—(" else 14))
    k = p
    while k < end:
        t = toks[k]
        f = t.f
        if t.raw in _OPEN_QUOTES:
            if not _short_quote(toks, k):
                return k + 1, "quote"
            k = next(m for m in range(k + 1, len(toks)) if toks[m].raw in _CLOSE_QUOTES) + 1
            continue
        if t.raw == ":":
            if k + 1 < len(toks) and toks[k + 1].raw in _OPEN_QUOTES:
                return k + 2, "quote"
            return k + 1, "colon"
        if t.punct and t.raw in {".", "!", "؟", "?"}:
            return None
        if not t.punct:
            if f in _COMP_BARE:
                return k + 1, "clause"
            if _COMP_PRONOUN.match(f):
                return k, "clause"
            if f in _PREPS and k + 1 < len(toks) and toks[k + 1].f in _COMP_BARE:
                return k + 2, "clause"
            if f in _PREPS and k + 1 < len(toks) and _COMP_PRONOUN.match(toks[k + 1].f):
                return k + 1, "clause"
            if want and f == want and k + 1 < len(toks):
                return k + 1, "prep"
            if f in {"بقوله", "قوله", "قولها", "قولهم", "قولهما"}:
                nxt = k + 1
                while nxt < len(toks) and toks[nxt].raw == ":":
                    nxt += 1
                if nxt < len(toks) and toks[nxt].f in _COMP_BARE:
                    nxt += 1
                if nxt < len(toks) and toks[nxt].raw in _OPEN_QUOTES:
                    return nxt + 1, "quote"
                return nxt, "clause"
            if want == "ب" and f.startswith("ب") and len(f) > 3:
                return k, "prep"
            if t.cue is not None and k > p:
                return None
        k += 1
    return None


def _content_end(toks: list[_Tok], start: int, quoted: bool, stops: list[int]) -> tuple[int, bool]:
    """Exclusive token index where content starting at ``start`` ends, and whether a
    quotation opened there was left open."""
    if quoted:
        depth = 0
        for k in range(start, len(toks)):
            r = toks[k].raw
            if r in ("«", "“"):
                depth += 1
            elif r in ("»", "”") or (r == '"' and depth == 0):
                if depth == 0:
                    return k, False
                depth -= 1
        return len(toks), True
    for k in range(start, len(toks)):
        if k in stops and k > start:
            return k, False
    return len(toks), False


def _trim(state: _State, start: int, end: int) -> Span | None:
    text = state.article.text
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛;:!؟?-–—"):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in "،,؛;:-–—"):
        start += 1
    if end - start < 2:
        return None
    return _span(state, start, end)


def _boundary_stops(toks: list[_Tok]) -> list[int]:
    """Token indices where a following cue clause starts (a content never runs across)."""
    stops = []
    for k, t in enumerate(toks):
        if t.punct or k == 0:
            continue
        prev = toks[k - 1]
        cue = t.cue
        if cue is not None and cue.needs == "prep:عن" and cue.lemma == "نقل" \
                and not any(u.f in {"عن", "عنه", "عنها", "عنهم"} for u in toks[k + 1:k + 9]):
            cue = None  # "، ونقل رسائل …": carrying messages, no relayed speech
        phrase = _phrase_head(toks, k)
        after_comma = prev.punct and prev.raw in {"،", ",", "؛", ";", "-", "–", "—", "(", ")"}
        if after_comma and (t.f in _CONTRAST or t.f == "غير" and k + 1 < len(toks) and toks[k + 1].f in _COMP_BARE):
            stops.append(k - 1)  # "، غير أن ماسك نفى": a contrasting clause
            continue
        if phrase and (after_comma or t.f.startswith("و")):
            stops.append(k - 1 if after_comma else k)
        elif cue is not None and (cue.kind == "participle" and (after_comma or prev.f in {"و"}) or after_comma and t.f.startswith(("و", "ف"))):
            stops.append(k - 1 if after_comma else k)
        elif cue is not None and cue.kind == "verb" and after_comma:
            stops.append(k - 1)
        elif cue is not None and cue.kind == "verb" and t.f[:1] == "و" and k + 1 < len(toks) \
                and (toks[k + 1].f in _COMP_BARE or toks[k + 1].f in _PREPS or toks[k + 1].raw == ":"
                     or toks[k + 1].f in OUTLET_DESCRIPTIONS or _COMP_PRONOUN.match(toks[k + 1].f)):
            stops.append(k)
        elif cue is not None and cue.kind == "verb" and k >= 2 and prev.f in _PERFECT_AUX \
                and (toks[k - 2].raw in {"،", ","} or toks[k - 2].f in {"وكان", "وكانت"} and k >= 3 and toks[k - 3].raw in {"،", ","}):
            stops.append(k - 2 if toks[k - 2].raw in {"،", ","} else k - 3)  # "، وكان قد وصف …", "، وقد نفى …"
    return stops


# ---------------------------------------------------------------- cues


_PHRASE_BASES = ("وفقا", "طبقا", "وفق", "بحسب", "حسب", "حسبما", "نقلا", "علي")
_PHRASE_WORDS = frozenset(_PHRASE_BASES) | frozenset("و" + b for b in _PHRASE_BASES)


def _phrase_head(toks: list[_Tok], i: int) -> tuple[int, str] | None:
    """(token index where the speaker starts, phrase kind) when a source phrase starts at ``i``."""
    f = toks[i].f
    if f not in _PHRASE_WORDS:
        return None
    base = f if f in _PHRASE_BASES else f[1:]  # "وفقا" is a base word, "ووفقا" و + وفقا
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return None
    if base in {"وفقا", "طبقا"} or (base == "وفق" and nxt.f.startswith("ل")):
        if nxt.f in {"ل", "لـ"} or nxt.raw.startswith("لـ") and len(nxt.raw) == 2:
            return (i + 2, "l") if i + 2 < len(toks) else None
        if nxt.f.startswith("ل"):
            if nxt.f == "لما":
                if i + 2 < len(toks) and toks[i + 2].cue:
                    return (i + 3, "ma") if i + 3 < len(toks) else None
                return None  # "وفقاً لما يلي"
            return i + 1, "l"
        return None
    if base in {"بحسب", "حسب"}:
        if nxt.f == "ما" and i + 2 < len(toks) and toks[i + 2].cue:
            return (i + 3, "ma") if i + 3 < len(toks) else None
        if nxt.punct or nxt.f in _NON_SOURCE or nxt.f in _PREPS:
            return None
        return i + 1, ""
    if base == "حسبما" and nxt.cue:
        return (i + 2, "ma") if i + 2 < len(toks) else None
    if base == "نقلا" and nxt.f == "عن":
        return (i + 2, "an") if i + 2 < len(toks) else None
    if base == "علي" and nxt.f == "لسان":
        return (i + 2, "lisan") if i + 2 < len(toks) else None
    if base == "علي" and nxt.f == "حد" and i + 2 < len(toks) and toks[i + 2].f in {"قول", "تعبير"}:
        return (i + 3, "hadd") if i + 3 < len(toks) else None
    return None


def _phrase_at(state: _State, toks: list[_Tok], i: int, unit_out: list[tuple[int, Statement, int]],
               entity_spans: list[tuple[int, int]]) -> int | None:
    if toks[i].start in state.consumed:
        return None
    head = _phrase_head(toks, i)
    if head is None:
        return None
    j, kind = head
    if kind == "ma" and j < len(toks) and toks[j].f in {"به", "بها", "بهم"}:
        j += 1  # "حسبما أفاد به التقرير"
    if j >= len(toks):
        return None
    sp_start_char = toks[j].start
    if kind == "l" and toks[j].f.startswith("ل") and not toks[j].raw.startswith("لـ"):
        sp_start_char = toks[j].start + 1  # the clitic لـ is not part of the speaker
    if toks[j].raw == "لـ":
        j += 1
        sp_start_char = toks[j].start if j < len(toks) else sp_start_char
    end = _np_end(toks, j, max_words=8)
    if end <= j:
        return None
    if end > j + 1 and toks[j].f in _BARE_DESCRIPTIONS and not toks[j + 1].f.startswith(("ال", "لل")):
        end = j + 1  # "بحسب التقرير شملت الحوارات …": a verb follows the description
    if toks[j].f in _NON_SOURCE or toks[j].f[1:] in _NON_SOURCE:
        return None
    speaker = _span(state, sp_start_char, toks[end - 1].end)
    speaker = _strip_quotes(state, speaker)
    cue_end = toks[j - 1].end if toks[j - 1].raw != "لـ" else toks[j - 2].end
    if kind == "l":
        cue_end = toks[i].end
    cue = _span(state, toks[i].start, cue_end)
    stype = speaker_type(speaker.text, state.article.text)
    prev = toks[i - 1] if i > 0 else None
    clause_initial = prev is None or prev.punct and prev.raw not in _CLOSE_QUOTES or prev.f in _CLAUSE_OPENERS
    # Inside a verb clause ("ذكرت الصحيفة نقلاً عن شخصين …"): handled by the verb.
    if kind in {"an", "lisan"} and unit_out and unit_out[-1][2] == -2:
        return None
    stops = state.stops
    first = max((ce for ci, _, ce in unit_out if ci == -1), default=0)
    if clause_initial and not _content_before(toks[first:], i - first):
        k = end
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ",", "-", "–", "—", ")"} or toks[k].f in _COMP_BARE or toks[k].f in _TIME):
            k += 1
        if k < len(toks) and toks[k].raw in _OPEN_QUOTES:
            k += 1
        if k >= len(toks):
            return None
        cend, _ = _content_end(toks, k, False, stops)
        content = _trim(state, toks[k].start, toks[cend - 1].end if cend > k else toks[k].end)
    else:
        # content before the cue: from the clause's start to the cue
        cstart = _clause_start(toks, i, unit_out)
        content = _trim(state, toks[cstart].start, toks[i].start) if cstart < i else None
        # a trailing "وفقاً لرويترز" on a verb statement credits that statement
        if unit_out and is_outlet_name(speaker.text) and unit_out[-1][0] >= 0:
            ci, prev_st, cend = unit_out[-1]
            link = Link(speaker.text, speaker, _refers(state, speaker.text), "relay")
            credits = [lk for lk in prev_st.via if lk.kind == "credit"]
            rest = [lk for lk in prev_st.via if lk.kind != "credit"]
            if not any(_same_outlet(lk.text, link.text) for lk in credits):
                credits.append(link)
            unit_out[-1] = (ci, _replace_via(prev_st, tuple(credits + rest)), cend)
            if not state.out and toks[i].start < state.lead_end and not any(
                    _same_outlet(c.text, link.text) for _, c in state.credits):
                # the lead's credit ("كشف تقرير …، وفقاً لوكالة أنباء الجزيرة") is the
                # article's provenance: the outermost link of every statement (issue 5 §2)
                state.credits.append((0, Link(speaker.text, speaker, link.refers_to, "credit")))
            return end
    whole = None
    if content is not None and not (clause_initial and not _content_before(toks[first:], i - first)) and unit_out \
            and not is_outlet_name(speaker.text):
        ci, inner_st, _ = unit_out[-1]
        if ci >= 0 and toks[ci].cue is not None and _phrase_head(toks, ci) is None and not inner_st.resolved_from_context \
                and any(t.f in _CONTRAST for t in toks[max(0, ci - 6):ci]):
            # "A، لكن B حذر من …، حسبما قال مسؤول مطلع": the trailing source tells the whole
            # clause, the contrasting speaker's statement inside it included
            whole = _trim(state, toks[_clause_start(toks, i, [])].start, toks[i].start)
    if whole is not None:
        content = whole
    if content is None:
        return None
    via = _via_for(state, speaker, stype, [], toks, i, unit_out)
    if whole is not None:
        embedding = Link(speaker.text, speaker, _refers(state, speaker.text), "embedding")
        for n, (ci, inner_st, ce) in enumerate(unit_out):
            if whole.start <= inner_st.cue.start < whole.end:
                unit_out[n] = (ci, _replace_via(inner_st, tuple(via) + (embedding,)), ce)
    st = Statement(speaker, stype, cue, "assert", content, via, _sentence_index(state, toks[i].start),
                   anonymous_count(speaker.text) if stype == "anonymous" else None, False, _refers(state, speaker.text))
    st = _with_stance(st)
    embedded = any(o.content.start <= toks[i].start < o.content.end for _, o, _ in unit_out)
    unit_out.append((i, st, len(toks)))
    if not embedded:  # "«… وفقا لتقارير الأمم المتحدة …»، موضحا": the minister goes on
        state.last = _Said(speaker, stype, via, st.speaker_refers_to)
    return end


def _content_before(toks: list[_Tok], i: int) -> bool:
    return any(not t.punct for t in toks[:i] if t.f not in _CLAUSE_OPENERS)


def _clause_start(toks: list[_Tok], i: int, unit_out: list[tuple[int, Statement, int]]) -> int:
    start = 0
    for k in range(i - 1, -1, -1):
        if toks[k].raw in ("«", "“") and not any(toks[m].raw in ("»", "”") for m in range(k + 1, i)):
            return k + 1
    if unit_out:
        ci, st, _ = unit_out[-1]
        for k, t in enumerate(toks):
            if t.start >= st.content.start:
                return max(start, k)
    return start


def _strip_quotes(state: _State, span: Span) -> Span:
    t = span.text
    if len(t) > 2 and t[0] in _OPEN_QUOTES and t[-1] in _CLOSE_QUOTES and t.count(t[0]) == 1:
        return _span(state, span.start + 1, span.end - 1)
    return span


_NAME_QUOTES = str.maketrans("", "", "«»“”\"'()")
_NISBA = re.compile(r"^ال\S+(?:يه|يين|يون)$")


def _outlet_key(name: str) -> str:
    # as riwaya.stories.relays.outlet_key, without importing the stories package (0.7 s);
    # quotation marks and a trailing nisba ("الأميركية") are dropped too
    words = fold(name).translate(_NAME_QUOTES).split()
    while words and words[0] in {"وكاله", "انباء", "صحيفه", "جريده", "مجله", "موقع", "قناه", "شبكه", "اذاعه"}:
        words = words[1:]
    while len(words) > 1 and _NISBA.match(words[-1]):
        words = words[:-1]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def _same_outlet(a: str, b: str) -> bool:
    ka, kb = agency_key(a), agency_key(b)
    if ka or kb:
        return ka == kb
    return _outlet_key(a) == _outlet_key(b)


# a description -> the outlet nouns it can refer back to ("" any news outlet)
_DESCRIBES = {"الصحيفه": ("صحيف", "جريد"), "الجريده": ("جريد", "صحيف"), "المجله": ("مجل", "صحيف", "جريد"),
              "الوكاله": ("وكال",), "القناه": ("قنا", "شبك", "تلفزيون"), "الموقع": ("موقع",),
              "الشبكه": ("شبك", "قنا"), "التلفزيون": ("تلفزيون", "قنا"), "الاذاعه": ("اذاع",), "المنفذ": ()}
_REPORT_HEADS = frozenset({"تقرير", "التقرير", "تقريرا", "لتقرير", "وتقرير"})
_BARE_DESCRIPTIONS = OUTLET_DESCRIPTIONS | {"التقرير", "البيان", "المصدر", "الدراسه"}


def _news_outlet(name: str, nouns: tuple[str, ...]) -> bool:
    f = fold(name)
    if nouns:
        return f.startswith(nouns)
    # any news outlet: "وكالة الفضاء" is no news agency
    return not f.startswith("وكال") or "انباء" in f or agency_key(name) is not None


def _described(state: _State, description: str) -> str | None:
    """The outlet named earlier that ``description`` ("الصحيفة", "للمنفذ") refers to."""
    nouns = _DESCRIBES.get(description)
    if nouns is None:
        return None
    for name in reversed(state.outlets):
        if _news_outlet(name, nouns) and not (not nouns and any(
                _same_outlet(name, c.text) for start, c in state.credits if start <= state.cursor)):
            return name
    return None


def _refers(state: _State, speaker: str) -> str | None:
    """What a description refers to: "الصحيفة" the newspaper named before it, "التقرير" /
    "تقرير الصحيفة الأميركية" / "تقرير موسع لصحيفة X" the outlet whose report it is
    ("التقرير" alone: the outlet of the last report named)."""
    name = _refers_to(state, speaker)
    words = fold(speaker).split()
    if name is not None and words and words[0] in _REPORT_HEADS | _REPORT_OBJECTS and len(words) > 1:
        state.report_outlet = name
    return name


def _refers_to(state: _State, speaker: str) -> str | None:
    words = fold(speaker).translate(_NAME_QUOTES).split()
    if not words or not state.outlets and not words[0] in _REPORT_HEADS:
        return None
    head = words[0]
    if head.startswith("ل") and head not in _DESCRIBES:
        head = head[1:] if head[1:] in _DESCRIBES else "ا" + head if "ا" + head in _DESCRIBES else head
    if len(words) == 1 and head in _DESCRIBES:
        return _described(state, head)
    if head not in _REPORT_HEADS:
        return None
    rest = words[1:]
    for k, w in enumerate(rest):  # "تقرير نشرته صحيفة X", "تقرير موسع لصحيفة X"
        n = _outlet_noun_prefix(w)
        if n is not None and not w[n:].startswith("ال"):
            for name in reversed(state.outlets):
                if _outlet_key(name) and _outlet_key(name) in " ".join(rest[k:]) or _same_outlet(name, " ".join(rest[k:])):
                    return name
            return None
        if w in _DESCRIBES or w[1:] in _DESCRIBES:
            return _described(state, w if w in _DESCRIBES else w[1:])
    for name in reversed(state.outlets):  # "تقرير وول ستريت جورنال"
        key = _outlet_key(name)
        if key and key in " ".join(rest):
            return name
    if not rest and head in {"التقرير"}:
        return state.report_outlet or _described(state, "المنفذ")
    if not rest:
        # "وفقًا لتقرير" naming no outlet: the report the article is about, i.e. the news
        # outlet it names most (a relay article summarises one outlet's report)
        return state.report_outlet or principal_outlet(state.article.text)
    return None


def _replace_via(st: Statement, via: tuple[Link, ...]) -> Statement:
    return Statement(st.speaker, st.speaker_type, st.cue, st.stance, st.content, via, st.sentence_index,
                     st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)


def _via_for(state: _State, speaker: Span, stype: str, inner: list[Link], toks: list[_Tok], i: int,
             unit_out: list[tuple[int, Statement, int]]) -> tuple[Link, ...]:
    """Credit links (outermost), then the sentence's own intermediaries, then the
    embedding speaker when the cue sits inside another statement's content."""
    refers = _refers(state, speaker.text)
    cue_start = toks[i].start
    credits = [c for start, c in state.credits if start <= cue_start
               and not _same_outlet(c.text, speaker.text) and not (refers and _same_outlet(c.text, refers))]
    while inner and any(_same_outlet(c.text, inner[0].refers_to or inner[0].text) for c in credits):
        inner = inner[1:]  # the sentence names a credited outlet again
    links = credits + inner
    for _, st, _ in unit_out:
        if st.content.start <= cue_start < st.content.end and st.speaker != speaker:
            links = list(st.via) + [Link(st.speaker.text, st.speaker, st.speaker_refers_to, "embedding")]
            break
    return tuple(links)


def _with_stance(st: Statement, *, after_prep: str | None = None) -> Statement:
    stance = st.stance
    if stance == "other" and after_prep == "من-ان":
        stance = "assert"
    folded = fold(st.content.text)
    if stance == "assert" and _NO_COMMENT.search(" ".join(folded.split()[:5])):
        stance = "other"
    elif stance == "assert" and (_DENY_MARKERS.search(folded) or _RESTRICTION_DENY.search(folded)):
        stance = "deny"
    if stance == "assert" and fold(st.content.text).startswith(("امله", "تمنيه", "امنيته")):
        stance = "other"
    if stance == st.stance:
        return st
    return Statement(st.speaker, st.speaker_type, st.cue, stance, st.content, st.via, st.sentence_index,
                     st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)


def _verb_at(state: _State, toks: list[_Tok], i: int, unit_out: list[tuple[int, Statement, int]],
             entity_spans: list[tuple[int, int]]) -> int | None:
    tok = toks[i]
    cue = tok.cue
    if cue is None or tok.start in state.consumed or _phrase_head(toks, i) is not None:
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and (prev.f in {"بن", "ابن", "ابو", "بنت", "تم", "ال", "ما"} or _COMP_PRONOUN.match(prev.f)):
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return None
    if cue.lemma == "ذكر" and tok.f in {"يذكر", "ويذكر", "ذكر", "وذكر"} and nxt.f in _COMP_BARE:
        return None  # "يُذكر أن": the narrator's formula
    if cue.passive:
        return _passive_at(state, toks, i, cue, unit_out)
    if cue.lemma == "بين" and i + 2 < len(toks) and toks[i + 2].f[:1] == "و" and not toks[i + 2].punct \
            and not toks[i + 1].punct:
        return None  # "بين ماسك وبوتين": the preposition "between X and Y"
    stops = state.stops
    resolved = False
    inner: list[Link] = []
    speaker: Span | None = None
    stype = "person"
    refers: str | None = None
    said_via: tuple[Link, ...] | None = None
    prev_clause_initial = prev is None or (prev.punct and prev.raw not in _CLOSE_QUOTES) or prev.f in _CLAUSE_OPENERS
    j = i + 1
    if cue.kind == "participle":
        outer = [st for _, st, _ in unit_out if not any(o.content.start <= st.cue.start < o.content.end for _, o, _ in unit_out if o is not st)]
        src = outer[-1] if outer else None
        if src is not None and not src.resolved_from_context:
            speaker, stype, refers, said_via = src.speaker, src.speaker_type, src.speaker_refers_to, src.via
        elif state.last is not None:
            speaker, stype, refers, said_via = state.last.speaker, state.last.type, state.last.refers_to, state.last.via
            resolved = src is None or src.resolved_from_context
        else:
            return None
        p = j
    else:
        j = _skip_addressee(toks, j)
        nxt = toks[j] if j < len(toks) else nxt
        quoted_name = j < len(toks) and cue.lemma == "نقل" and nxt.raw in _OPEN_QUOTES and _short_quote(toks, j)
        explicit = j < len(toks) and (not nxt.punct or quoted_name) and nxt.f not in _SPEAKER_STOP and not _COMP_PRONOUN.match(nxt.f) \
            and nxt.f not in {"عنه", "عنها", "عنهم", "فيه", "فيها", "له", "لها", "لهم"} and not (nxt.f.startswith("ل") and nxt.raw.startswith("لـ"))
        if explicit and cue.lemma == "نقل" and nxt.f == "عن":
            explicit = False
        if explicit and not prev_clause_initial and cue.lemma in _NP_OBJECT_LEMMAS and cue.lemma != "نقل":
            svo = _speaker_before(toks, i)
            if svo is not None and svo > 0 and toks[svo - 1].f in _COMP_BARE:
                explicit = False  # "غير أن ماسك نفى ادعاء بريمر": subject first, the object after
        same_unit = [st for _, st, _ in unit_out if not st.resolved_from_context or st.cue.text]
        if explicit and same_unit and tok.f[:1] == "و" and speaker_type(nxt.raw) == "person" \
                and not _has_head(nxt.f) and not _speaker_quote_start(toks, j) \
                and not (j + 1 < len(toks) and (toks[j + 1].f in _COMP_BARE or _COMP_PRONOUN.match(toks[j + 1].f))):
            # "ونفت موسكو …، واتهمت العسكريين": the same subject goes on ("وزعم ماسك أنه …": a new one)
            explicit = False
            prev_clause_initial = True
        if explicit and cue.lemma == "نقل":
            an = next((m for m in range(j + 1, min(len(toks), j + 10)) if toks[m].f in {"عن", "عنه", "عنها", "عنهم"}), None)
            if an is None or any(t.punct and t.raw not in _OPEN_QUOTES and t.raw not in _CLOSE_QUOTES for t in toks[j:an]):
                return None
            speaker = _strip_quotes(state, _span(state, toks[j].start, toks[an - 1].end))
            stype = speaker_type(speaker.text, state.article.text)
            refers = _refers(state, speaker.text)
            p = an
        elif explicit and cue.lemma == "علم":
            # "وعلمت «الوطن» من مصادر مطلعة أن …": the source after من speaks
            mn = next((m for m in range(j, min(len(toks), j + 5)) if toks[m].f == "من"), None)
            if mn is None or mn + 1 >= len(toks):
                return None
            end = _np_end(toks, mn + 1)
            if end <= mn + 1:
                return None
            speaker = _span(state, toks[mn + 1].start, toks[end - 1].end)
            stype = speaker_type(speaker.text, state.article.text)
            p = end
        elif explicit:
            end = _np_end(toks, j, object_verb=cue.lemma in _NP_OBJECT_LEMMAS)
            end = _extend_to_entity(toks, j, end, entity_spans)
            if end <= j:
                return None
            speaker = _strip_quotes(state, _span(state, toks[j].start, toks[end - 1].end))
            stype = speaker_type(speaker.text, state.article.text)
            refers = _refers(state, speaker.text)
            p = end
        else:
            # "… "سخيفة" وقال إن …": a subject never stands before a و-prefixed verb
            conj = tok.f[:1] in "وف" and lookup_folded(tok.f[1:]) is not None
            before = None if prev_clause_initial or conj else _speaker_before(toks, i)
            report = _report_object(toks, i) if before is None and tok.f[:1] in "يت" else None
            if report is not None:
                # "نفى الكرملين تقريراً لصحيفة …، الجمعة، يفيد بأن …": the report says it
                speaker = _span(state, toks[report[0]].start, toks[report[1] - 1].end)
                stype = speaker_type(speaker.text, state.article.text)
                refers = _refers(state, speaker.text)
            elif before is not None:
                speaker = _strip_quotes(state, _span(state, toks[before].start, toks[i - 1 if toks[i - 1].f not in _RELATIVES else i - 2].end))
                if toks[i - 1].f in {"قد", "وقد"}:
                    speaker = _strip_quotes(state, _span(state, toks[before].start, toks[i - 2].end))
                stype = speaker_type(speaker.text, state.article.text)
                refers = _refers(state, speaker.text)
            elif same_unit and (prev_clause_initial or tok.f[:1] == "و"):
                src = same_unit[-1]
                speaker, stype, refers, said_via = src.speaker, src.speaker_type, src.speaker_refers_to, src.via
                resolved = src.resolved_from_context
            elif state.last is not None and (prev_clause_initial or cue.lemma == "نقل"):
                speaker, stype, refers, said_via = state.last.speaker, state.last.type, state.last.refers_to, state.last.via
                resolved = True
            else:
                return None
            p = j
        # "نقلت X عن Y قوله", "نسبت X إلى Y": Y speaks, X relays
        if cue.lemma == "نقل":
            if p < len(toks) and toks[p].f in {"عنه", "عنها", "عنهم", "عنهما"} and state.last is not None:
                inner = [Link(speaker.text, speaker, refers, "relay")] if not resolved else []
                speaker, stype, refers = state.last.speaker, state.last.type, state.last.refers_to
                said_via, resolved = state.last.via, True
                p += 1
            elif p < len(toks) and toks[p].f == "عن" and p + 1 < len(toks):
                y_end = _np_end(toks, p + 1)
                if y_end <= p + 1:
                    return None
                relay = speaker
                inner = [Link(relay.text, relay, refers, "relay")] if not resolved else []
                if resolved and said_via is not None:
                    inner = []
                speaker = _strip_quotes(state, _span(state, toks[p + 1].start, toks[y_end - 1].end))
                stype = speaker_type(speaker.text, state.article.text)
                refers = _refers(state, speaker.text)
                resolved, said_via = False, None
                p = y_end
            else:
                return None
        else:
            # "ذكرت الصحيفة - نقلاً عن شخصين مطلعين - أن …"
            q = p
            while q < len(toks) and toks[q].punct and toks[q].raw in {"-", "–", "—", "،", ",", "("}:
                q += 1
            if q < len(toks):
                head = _phrase_head(toks, q)
                if head is not None and head[1] in {"an", "lisan"}:
                    y = head[0]
                    y_end = _np_end(toks, y)
                    if y_end > y:
                        state.consumed.add(toks[q].start)
                        if not resolved:
                            inner = [Link(speaker.text, speaker, refers, "relay")]
                        else:
                            inner = [Link(speaker.text, speaker, refers, "relay")]
                        speaker = _strip_quotes(state, _span(state, toks[y].start, toks[y_end - 1].end))
                        stype = speaker_type(speaker.text, state.article.text)
                        refers = _refers(state, speaker.text)
                        resolved, said_via = False, None
                        p = y_end
    # addressee: "في تصريح لصحيفة …", "لوكالة …"
    addressee = _addressee(state, toks, p)
    if addressee is not None:
        inner = inner + [addressee]
    limit = min([s for s in stops if s >= p] + [len(toks)])
    marker = _content_marker(toks, p, cue, limit)
    if marker is None:
        fact = next((m for m in range(p, min(limit, p + 8)) if toks[m].f in _FACT_OBJECTS), None) \
            if cue.lemma == "أكد" and cue.kind != "participle" and speaker is not None and not resolved else None
        if fact is not None and fact > p and not any(t.punct for t in toks[p:fact]):
            # "أكد عدد من المسؤولين … في الولايات المتحدة وأوروبا وروسيا وجود اتصالات": the
            # affiliation runs on to the reported fact
            speaker = _span(state, speaker.start, toks[fact - 1].end)
            p = fact
        if cue.needs in {"clause", "clause_or_an", "prep:عن", "prep:من"} or cue.lemma not in _NP_OBJECT_LEMMAS \
                or (cue.kind != "participle" and cue.lemma in {"ذكر", "أكد", "أشار", "كشف"}
                    and not (cue.lemma == "أكد" and p < len(toks) and toks[p].f in _FACT_OBJECTS)):
            return None  # "أكد وجود اتصالات …" reports a fact; other NP objects are not speech
        k = p
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ","} or toks[k].f in _TIME):
            k += 1
        if k >= len(toks) or toks[k].punct:
            return None
        marker = (k, "np")
    how = marker[1]
    if cue.lemma in {"طالب", "ناشد", "دعا", "حث", "أوصى"} and how in {"prep", "np"} and cue.kind != "participle":
        k = p
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ","} or toks[k].f in _TIME):
            k += 1
        if k < marker[0] and k < len(toks):
            marker = (k, "np")
        elif how == "np" and not any(t.f.startswith("ب") or t.f in {"الي", "الى"} for t in toks[k:limit]):
            return None
        else:
            marker = (marker[0], "prep")
    cstart, how = marker
    if cue.lemma == "كتب" and how not in {"clause", "colon"}:
        return None  # "كتب الأستاذ … "مؤلف المسرحية …" بعموده": a title, not speech
    if cue.needs == "claim" and (how != "np" or cstart >= len(toks) or toks[cstart].f not in _CLAIM_NOUNS):
        return None

    if cue.lemma == "علم" and (how != "clause" or not inner and speaker is None):
        return None
    if cstart >= len(toks):
        return None
    cend, left_open = _content_end(toks, cstart, how == "quote", stops)
    if cend <= cstart:
        return None
    content = _trim(state, toks[cstart].start, toks[cend - 1].end)
    if content is None or speaker is None:
        return None
    if (resolved or cue.kind == "participle") and any(
            st.content.start <= tok.start < st.content.end and st.content.start > 0
            and state.article.text[st.content.start - 1] in "«“\"" for _, st, _ in unit_out):
        return None  # a zero-subject verb inside a quotation is the quoted speaker's own wording
    if said_via is not None and not inner:
        via = said_via
    else:
        via = _via_for(state, speaker, stype, inner, toks, i, unit_out)
    stance = cue.stance
    prep_kind = None
    if cue.lemma == "حذر":
        before_c = toks[cstart - 1].f if cstart > 0 else ""
        prep_kind = "من-ان" if before_c in _COMP_BARE or how in {"clause", "quote", "colon"} else None
    if cue.lemma == "أعرب" and fold(content.text).startswith(("امله", "تمني")):
        stance = "other"
    st = Statement(speaker, stype, _span(state, tok.start, tok.end), stance, content, via,
                   _sentence_index(state, tok.start), anonymous_count(speaker.text) if stype == "anonymous" else None,
                   resolved, refers)
    st = _with_stance(st, after_prep=prep_kind)
    if st.stance == "assert" and stype in {"person", "official", "organization"} \
            and _REBUTTAL.search(" ".join(fold(content.text).split()[:10])) and (
            any(t.f in _CONTRAST or t.f == "غير" for t in toks[max(0, i - 3):i])
            or any(o.speaker.text != speaker.text for _, o, _ in unit_out)):
        # "لكن ماسك كتب إنه لم يتم بيع أي محطات": a party's categorical negation answering
        # what another source said is a denial (guideline §7); an outlet reporting an
        # absence ("لكن الصحيفة ذكرت أنه لم يتم رفع أي إنذار") asserts
        st = Statement(st.speaker, st.speaker_type, st.cue, "deny", st.content, st.via, st.sentence_index,
                       st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)
    embedded = any(s.content.start <= tok.start < s.content.end for _, s, _ in unit_out)
    unit_out.append((i, st, cend))
    if not embedded and cue.kind != "participle":
        state.last = _Said(speaker, stype, via, refers)
    if left_open:
        state.open_quote = (_Said(speaker, stype, via, refers), _OPEN_QUOTES.get(toks[cstart - 1].raw, "»"), st.stance, 1)
    return i + 1


_REPORT_OBJECTS = _fs("تقريرا تقريراً تقارير بيانا بياناً")


def _report_object(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """(start, end) tokens of an indefinite report noun phrase ("تقريرا لصحيفة X") that an
    imperfect cue at ``i`` describes, within the same sentence and after no other verb."""
    for k in range(i - 1, max(-1, i - 15), -1):
        t = toks[k]
        if t.punct and t.raw in {".", "!", "؟", "?", ":"}:
            return None
        if not t.punct and t.f in _REPORT_OBJECTS:
            end = k + 1
            while end < i and not toks[end].punct:
                end += 1
            return k, end
        if not t.punct and t.cue is not None and k < i - 1 and t.f not in _REPORT_OBJECTS and t.cue.kind == "verb":
            # the verb whose object the report is: keep looking just before it
            continue
    return None


def _has_head(folded: str) -> bool:
    return speaker_type(folded) != "person" or folded in _PERSON_HEADS


def _speaker_quote_start(toks: list[_Tok], j: int) -> bool:
    return toks[j].raw in _OPEN_QUOTES


def _skip_addressee(toks: list[_Tok], j: int) -> int:
    """Skip an addressee written before the speaker ("كشف لـ«عكاظ» مصدر مطلع …")."""
    if j >= len(toks) or not toks[j].raw.startswith("ل") or toks[j].f.startswith(("لا", "لم", "لن")):
        return j
    k = j + 1 if toks[j].raw in {"لـ", "ل"} else j
    if k < len(toks) and toks[k].raw in _OPEN_QUOTES:
        close = next((m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].raw in _CLOSE_QUOTES), None)
        if close is not None and close + 1 < len(toks) and not toks[close + 1].punct and toks[close + 1].f not in _SPEAKER_STOP:
            return close + 1
    return j


def _extend_to_entity(toks: list[_Tok], j: int, end: int, spans: list[tuple[int, int]]) -> int:
    if not spans or end <= j:
        return end
    last_char = toks[end - 1].end
    k = bisect.bisect_left(spans, (toks[j].start, -1))
    while k < len(spans) and spans[k][0] < last_char:
        if spans[k][1] > last_char:
            while end < len(toks) and toks[end].start < spans[k][1]:
                end += 1
            last_char = toks[end - 1].end
        k += 1
    return end


def _addressee(state: _State, toks: list[_Tok], p: int) -> Link | None:
    """An outlet the speaker addressed ("في تصريح لصحيفة …", "لوكالة …"), when it is not
    the publisher."""
    k = p
    steps = 0
    while k < len(toks) and steps < 5:
        t = toks[k]
        if t.punct and t.raw not in {"،", ","}:
            break
        if not t.punct and t.f.startswith("ل") and not t.f.startswith("لا"):
            word = t.raw[2:] if t.raw.startswith("لـ") else t.raw[1:]
            start = t.start + (len(t.raw) - len(word))
            if t.raw in {"لـ", "ل"} and k + 1 < len(toks):
                k += 1
                start = toks[k].start
            end = _np_end(toks, k + 1, max_words=5) if k + 1 < len(toks) else k + 1
            end = max(end, k + 1)
            name = state.article.text[start:toks[end - 1].end]
            if not name.strip():
                return None
            if is_outlet_name(name) or any(_same_outlet(name, o) for o in state.outlets):
                if state.publisher and (_same_outlet(name, state.publisher) or fold(state.publisher) in fold(name)):
                    return None
                bare = fold(name).strip("«»\" ")
                if t.f.startswith("لل") and "ال" + bare[1:] in OUTLET_DESCRIPTIONS:
                    name, bare = "ال" + name[1:], "ال" + bare[1:]  # "للصحيفة" = لـ + الصحيفة
                if bare in OUTLET_DESCRIPTIONS:
                    refers = _described(state, bare)
                    if refers is None or (state.publisher and fold(state.publisher) in fold(refers)):
                        return None
                    return Link(name, _span(state, start, toks[end - 1].end), refers, "addressee")
                return Link(name, _span(state, start, toks[end - 1].end), None, "addressee")
            return None
        if not t.punct and t.f not in _MEDIUM and t.f not in {"في", "خلال", "عبر", "له", "لها"} | _TIME:
            break
        k += 1
        steps += 1
    return None


def _passive_at(state: _State, toks: list[_Tok], i: int, cue: Cue, unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """"وجاء في التقرير أن …", "وورد في البيان: …": the document speaks."""
    if i + 2 >= len(toks) or toks[i + 1].f != "في":
        return None
    j = i + 2
    end = _np_end(toks, j, max_words=6)
    if end <= j:
        return None
    speaker = _span(state, toks[j].start, toks[end - 1].end)
    stype = speaker_type(speaker.text, state.article.text)
    if stype not in {"document", "outlet"}:
        return None
    p = end
    q = p
    inner: list[Link] = []
    while q < len(toks) and toks[q].punct and toks[q].raw in {"-", "–", "—", "،", ","}:
        q += 1
    head = _phrase_head(toks, q) if q < len(toks) else None
    refers = _refers(state, speaker.text)
    if head is not None and head[1] == "an":
        y_end = _np_end(toks, head[0])
        if y_end > head[0]:
            inner = [Link(speaker.text, speaker, refers, "relay")]
            speaker = _span(state, toks[head[0]].start, toks[y_end - 1].end)
            stype = speaker_type(speaker.text, state.article.text)
            refers = None
            p = y_end
    marker = _content_marker(toks, p, cue, len(toks))
    if marker is None or marker[0] >= len(toks):
        return None
    cend, left_open = _content_end(toks, marker[0], marker[1] == "quote", _boundary_stops(toks))
    content = _trim(state, toks[marker[0]].start, toks[cend - 1].end) if cend > marker[0] else None
    if content is None:
        return None
    via = _via_for(state, speaker, stype, inner, toks, i, unit_out)
    st = _with_stance(Statement(speaker, stype, _span(state, toks[i].start, toks[i].end), "assert", content, via,
                                _sentence_index(state, toks[i].start),
                                anonymous_count(speaker.text) if stype == "anonymous" else None, False, refers))
    unit_out.append((i, st, cend))
    state.last = _Said(speaker, stype, via, refers)
    return i + 1
