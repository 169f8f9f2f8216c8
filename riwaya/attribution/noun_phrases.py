"""Noun phrase edges: where a speaker, source or outlet name written after or before a
cue starts and ends (affiliations, quoted names, addressees and report nouns around it).
"""

from __future__ import annotations

import bisect
from functools import cache

from riwaya.arabic.chars import DIACRITICS, YA
from riwaya.arabic.normalize import matching_words
from riwaya.attribution.cues import fold
from riwaya.attribution.reading import ReadingState, span_of
from riwaya.attribution.speakers import speaker_type
from riwaya.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token
from riwaya.attribution.wordclasses import (
    COMP_BARE, COMP_PRONOUN, DEMONSTRATIVES, KANA_FORMS, MEDIUM, NEVER_SPEAKERS, OBJECT_QUANTIFIERS, PERFECT_AUX, NOT_AFFILIATION,
    OUTLET_NOUN_STARTS, PERSON_HEADS, PREPS,
    QUANTITY, RELATIVES, REPORT_HEADS, REPORT_OBJECTS, SPEAKER_KEEP_IN, SPEAKER_STOP, TIME, TOPIC_PREPS)
from riwaya.entities.gazetteer import load_gazetteer
from riwaya.model import Span


def noun_phrase_end(toks: list[Token], j: int, *, max_words: int = 9, object_verb: bool = False) -> int:
    """Exclusive token index where the noun phrase starting at ``j`` ends."""
    k = j
    words = 0
    in_quote: str | None = None
    while k < len(toks) and words < max_words:
        t = toks[k]
        if t.punct:
            if in_quote and (t.raw == OPEN_QUOTES.get(in_quote) or t.raw in CLOSE_QUOTES):
                in_quote = None
                k += 1
                continue
            if t.raw in OPEN_QUOTES and k + 1 < len(toks) and is_short_quote(toks, k):
                in_quote = t.raw
                k += 1
                continue
            if t.raw in ("(",) and k + 1 < len(toks) and is_short_quote(toks, k, close=")"):
                k = next(m for m in range(k + 1, len(toks)) if toks[m].raw == ")") + 1
                continue
            break
        f = t.f
        if words > 0 or k > j:
            if f in SPEAKER_STOP and not t.name:
                if f == "من" and words == 1 and toks[k - 1].f in QUANTITY and k + 1 < len(toks) and not toks[k + 1].punct:
                    k += 1  # "عدد من المسؤولين"
                    continue
                if f == "في" and k + 1 < len(toks) and toks[k + 1].f not in MEDIUM and toks[k + 1].f not in NOT_AFFILIATION \
                        and not toks[k + 1].punct and words < 4:
                    k += 1
                    continue
                break
            if COMP_PRONOUN.match(f) or t.cue is not None and t.cue.kind != "participle" and not f.startswith("ال") \
                    and t.cue.lemma != "أمل":  # "الممثلة الجزائرية أمل بوشوشة": the given name, not "hoped"
                break
            if t.raw.endswith(("اً", "ًا")) and len(t.raw) > 3:
                break  # "نفى ماسك علناً …": an accusative adverb or object, never the subject
            if f.startswith("ل") and (f[1:].startswith(("ال", "ل")) or toks[k].raw.startswith("لـ") or f[1:].startswith(OUTLET_NOUN_STARTS)) and words > 0 \
                    and not (toks[j].f in REPORT_HEADS and f[1:].startswith(OUTLET_NOUN_STARTS)):
                break  # addressee "لـ«عكاظ»", "للصحيفة" (but "تقرير موسع لصحيفة X" is the paper's report)
            if f in {"نقلا", "ونقلا", "وفقا", "بحسب", "حسب", "حسبما", "بقوله"}:
                break
            if object_verb and words > 0 and (looks_like_object(toks, k) or _ends_title_phrase(toks, j, k)):
                break
        elif (f in SPEAKER_STOP and not t.name or COMP_PRONOUN.match(f)) and not demonstrative_speaker(toks, k):
            break
        words += 1
        k += 1
    if in_quote:
        return j if k == j else k
    return k


def _ends_title_phrase(toks: list[Token], j: int, k: int) -> bool:
    """Whether the speaker from ``j`` has ended before ``k`` with a title phrase — a title, its
    definite genitive and a nisba adjective — and the indefinite word at ``k`` opens the
    object. After a name and its appositive title nothing but the object follows ("توقع علي
    العمير وزير النفط الكويتي ارتفاع أسعار النفط"); a title with no name before it may be
    followed by one the lists lack ("وزير الهجرة البلجيكي ثيو فرانكين"), so there the word
    must govern a definite genitive, as a verbal noun does ("وأكد وزير الدفاع الأميركي حرص
    الولايات المتحدة على …"). A word the gazetteers or the tagger take for a name, or led by
    a clitic ("بالرياض"، "لشؤون"), goes on."""
    t = toks[k]
    if t.punct or t.f.startswith("ال") or t.f[:1] in "وفبلك" or t.f in SPEAKER_STOP or t.name or t.mention_end is not None \
            or is_listed_name(t.f):
        return False
    adjective = toks[k - 1].f
    if not (adjective.startswith("ال") and adjective.endswith(("ي", "يه")) and len(adjective) > 4):
        return False
    title = k - 2
    while title > j and toks[title].f.startswith("ال") and not toks[title].punct:
        title -= 1
    if title >= k - 2 or toks[title].f not in _title_heads():
        return False
    if title == j:
        return k + 1 < len(toks) and not toks[k + 1].punct and toks[k + 1].f.startswith("ال")
    return _ends_name(toks, j, title)


def _ends_name(toks: list[Token], j: int, k: int) -> bool:
    """Whether a name from ``j`` on ends right before ``k``: one the tagger found, or two
    words the gazetteers list ("فهد الغانمي"; one listed word alone may be a common one,
    "بها" is listed as a surname)."""
    last = toks[k - 1]
    if last.mention_end is not None or last.name:
        return True
    return k - 2 >= j and all(is_listed_name(t.f) and t.f not in _title_heads() for t in toks[k - 2:k])


@cache
def _title_heads() -> frozenset[str]:
    """The gazetteers' titles that head a construct ("وزير"، "رئيس"، "مدير")."""
    return frozenset(f for f in load_gazetteer().words["title"] if not f.startswith("ال") and len(f) > 1)


def demonstrative_speaker(toks: list[Token], k: int) -> bool:
    """Whether a demonstrative at ``k`` opens a speaker ("وقال هذا الشخص للصحيفة",
    "هذه المصادر"): a definite source noun follows (not "هذا الأسبوع", "هذا الأمر")."""
    if toks[k].f not in DEMONSTRATIVES or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    return not nxt.punct and nxt.f.startswith("ال") and nxt.f not in TIME and speaker_type(nxt.f) != "person"


def is_short_quote(toks: list[Token], k: int, close: str | None = None) -> bool:
    want = close or OPEN_QUOTES[toks[k].raw]
    for m in range(k + 1, min(len(toks), k + 6)):
        if toks[m].raw == want or (close is None and toks[m].raw in CLOSE_QUOTES):
            return m > k + 1
        if toks[m].punct:
            return False
    return False


_OBJECT_STARTS = matching_words(
    "تقارير تقرير ما وجود صحة أي كل خطف مقتل إصابة حدوث عودة أنباء الأنباء الأخبار أخبار الاتهامات اتهامات "
    "المعلومات معلومات الشائعات شائعات الإشاعات ادعاءات الادعاءات نيته قيام تعرض ضرورة أهمية رغبته "
    "سعادته أمله قلقه ارتياحه ترحيبه استياءه استياءها سعادتها أمنياته تمنياته تقريرا تقريرًا خبرا أنباء "
    "الانتقادات انتقادات المزاعم مزاعم التقرير التقارير الخبر النبأ الرواية القصة الشائعة الإشاعة الادعاء "
    "الاتهام التصريحات التسريبات"
)


def looks_like_object(toks: list[Token], k: int) -> bool:
    """Whether the word at ``k`` opens a verb's object, not its subject ("وجود"، "بجهود"،
    "بـ«المحترم»"; but "بن"، "بوتين"، "بريمر" start names). A definite report noun after
    the subject is the object ("نفى الكرملين التقرير"), not when the word before governs
    it ("وكالة الأنباء"، "صحيفة «الخبر»"، "أطفال في التقرير"); a quantifier governing one
    opens the object ("رفض الشرقي بعض الانتقادات")."""
    f = toks[k].f
    if f in _OBJECT_STARTS or f in OBJECT_QUANTIFIERS:
        return opens_object_noun(toks, k)
    return toks[k].raw.startswith("بـ") or f.startswith("ب") and len(f) > 3 and not f.startswith(("بن", "بو", "بيس", "بيل", "بر", "باسم"))


def opens_object_noun(toks: list[Token], k: int) -> bool:
    """Whether the word at ``k`` opens a noun phrase of what is reported, denied or
    confirmed ("التقرير"، "وجود"، "بعض الانتقادات") where a subject could have gone on."""
    f = toks[k].f
    if f in _OBJECT_STARTS:
        return not (f.startswith("ال") and k > 0 and _governs_next(toks[k - 1]))
    return f in OBJECT_QUANTIFIERS and k + 1 < len(toks) and toks[k + 1].f in _OBJECT_STARTS


def _governs_next(tok: Token) -> bool:
    """Whether ``tok`` governs the definite noun after it: a preposition, an opening
    quotation mark, an indefinite noun whose genitive it is ("وكالة"، "مسودة"، "نقاد"; not
    the definite "الكرملين", a listed name, "بيسكوف", or the last word of a name the tagger
    found, "تسيبراس")."""
    if tok.punct:
        return tok.raw in OPEN_QUOTES
    f = tok.f
    if f in SPEAKER_STOP:
        return True
    if tok.mention_end is not None and tok.mention_end <= tok.end:
        return False
    return not f.startswith("ال") and (has_head(f) or not is_listed_name(f))


_NAME_LISTS = ("given", "surname", "foreign_given", "foreign_surname")


@cache
def _listed_names() -> frozenset[str]:
    words = load_gazetteer().words
    return frozenset().union(*(words[name] for name in _NAME_LISTS))


_ALI = fold("على")


def mark_names(toks: list[Token], entity_spans: list[tuple[int, int]]) -> None:
    """Mark the words a named-entity mention covers (``mention_end``, where the mention
    ends), and "علي" as the given name where it is one, not the preposition "على" (both fold
    to "علي"): written with ي, and a mention covers it or a name follows it ("أكّد علي أكبر
    ولايتي أن …"، "وقال علي الحسيني إن …"; not "علي الرغم"، "علي أن"، "علي احترام مبدأ …",
    where writers put ي for ى).

    >>> from riwaya.attribution.tokens import tokenize
    >>> text = "وقال علي أكبر ولايتي إن العرض على الطاولة"
    >>> toks = tokenize(text, 0, len(text))
    >>> mark_names(toks, [])
    >>> [t.raw for t in toks if t.name]
    ['علي']
    >>> mark_names(toks, [(5, 20)])
    >>> [t.raw for t in toks if t.mention_end == 20]
    ['علي', 'أكبر', 'ولايتي']
    """
    if entity_spans and toks:
        k = max(0, bisect.bisect_left(entity_spans, (toks[0].start, -1)) - 1)  # a mention may start before the unit
        for tok in toks:
            while k < len(entity_spans) and entity_spans[k][1] <= tok.start:
                k += 1
            if k < len(entity_spans) and entity_spans[k][0] < tok.end and not tok.punct:
                tok.mention_end = entity_spans[k][1]
    for k, tok in enumerate(toks):
        if tok.f != _ALI or not tok.raw.rstrip(DIACRITICS).endswith(YA) or k + 1 >= len(toks) or toks[k + 1].punct:
            continue
        tok.name = tok.mention_end is not None or _name_follows(toks, k + 1)


def _name_follows(toks: list[Token], k: int) -> bool:
    """Whether a name starts at ``k``: a word the gazetteers list as both given name and
    surname ("أكبر"، "الحسيني"), or listed once with another listed name after it ("عبدالله
    المحارب"). The lists hold common words too ("احترام" as a given name, "خلفية" as a
    surname), and titles and particles ("رئيس"، "أن"), which never count."""
    words = load_gazetteer().words
    f = toks[k].f
    if not _may_be_name(f, words):
        return False
    if f in words["given"] and f in words["surname"]:
        return True
    return (f in words["given"] or f in words["surname"]) and k + 1 < len(toks) and not toks[k + 1].punct \
        and _may_be_name(toks[k + 1].f, words) and is_listed_name(toks[k + 1].f)


def _may_be_name(folded: str, words: dict[str, frozenset[str]]) -> bool:
    """Not a title, particle or object noun, which the name lists hold too."""
    return folded not in words["title"] and folded not in SPEAKER_STOP and folded not in _OBJECT_STARTS


def is_listed_name(folded: str) -> bool:
    """Whether a folded word is a given name or a surname of the entity gazetteers.

    >>> is_listed_name("بيسكوف"), is_listed_name("اكبر"), is_listed_name("مسوده")
    (True, True, False)
    """
    return folded in _listed_names()


def speaker_before(toks: list[Token], i: int) -> int | None:
    """Start token of the noun phrase right before token ``i`` (the cue), or None."""
    k = i - 1
    relative = k >= 0 and toks[k].f in RELATIVES
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
            if t.raw in CLOSE_QUOTES or t.raw in OPEN_QUOTES:
                k -= 1
                continue
            break
        f = t.f
        if f in PERFECT_AUX or f in KANA_FORMS:
            break  # "كانوا يقولون إن …": the auxiliary carries the subject
        if (f in SPEAKER_STOP - SPEAKER_KEEP_IN or f in PREPS) and not t.name or t.cue is not None or COMP_PRONOUN.match(f) \
                or f in {"ما", "مما", "بما", "لم", "لا", "وهو", "وهي", "كما", "قد"} or (f[:1] == "و" and not f.startswith(("وز", "وك", "ول", "وف", "وا")) and words > 0):
            break
        words += 1
        k -= 1
        if opens_object_noun(toks, k + 1) and (k + 1 == end or not toks[k + 2].punct):
            break  # "ونفى بيسكوف الأنباء التي تحدثت عن …": the embedded source is the object ("«دي جيه آي»" a name)
    start = k + 1
    while start <= end and toks[start].punct:
        start += 1
    if start > end or words == 0:
        return None
    if start > 0 and toks[start - 1].f in TOPIC_PREPS or toks[start].f in TOPIC_PREPS and not toks[start].name:
        return None
    phrase = " ".join(t.raw for t in toks[start:end + 1])
    opens = start == 0 or toks[start - 1].punct or toks[start - 1].f in COMP_BARE or toks[start - 1].f in {"لكن", "ولكن"}
    if not relative and not opens and speaker_type(phrase) == "person" and not any(w in fold(phrase).split() for w in PERSON_HEADS):
        return None
    if relative and toks[end].f in NEVER_SPEAKERS:
        return None  # "رفض ماسك الانتقادات التي وصفته بأنه …": the criticism is no speaker
    return start


def strip_quotes(state: ReadingState, span: Span) -> Span:
    t = span.text
    if len(t) > 2 and t[0] in OPEN_QUOTES and t[-1] in CLOSE_QUOTES and t.count(t[0]) == 1:
        return span_of(state, span.start + 1, span.end - 1)
    return span


def report_object(toks: list[Token], i: int) -> tuple[int, int] | None:
    """(start, end) tokens of an indefinite report noun phrase ("تقريرا لصحيفة X") that an
    imperfect cue at ``i`` describes, within the same sentence and after no other verb."""
    for k in range(i - 1, max(-1, i - 15), -1):
        t = toks[k]
        if t.punct and t.raw in {".", "!", "؟", "?", ":"}:
            return None
        if not t.punct and t.f in REPORT_OBJECTS:
            end = k + 1
            while end < i and not toks[end].punct:
                end += 1
            return k, end
        if not t.punct and t.cue is not None and k < i - 1 and t.f not in REPORT_OBJECTS and t.cue.kind == "verb":
            # the verb whose object the report is: keep looking just before it
            continue
    return None


def has_head(folded: str) -> bool:
    return speaker_type(folded) != "person" or folded in PERSON_HEADS


def speaker_quote_start(toks: list[Token], j: int) -> bool:
    return toks[j].raw in OPEN_QUOTES


def skip_addressee(toks: list[Token], j: int) -> int:
    """Skip an addressee written before the speaker ("كشف لـ«عكاظ» مصدر مطلع …", "وقال له
    الأمين «…»")."""
    if j + 1 < len(toks) and toks[j].f in {"له", "لها", "لهم", "لهما"} and not toks[j + 1].punct \
            and toks[j + 1].f not in SPEAKER_STOP and toks[j + 1].cue is None and not COMP_PRONOUN.match(toks[j + 1].f) \
            and not toks[j + 1].f.startswith("ب") and not (len(toks[j + 1].f) > 3 and toks[j + 1].f.endswith("ا")):
        return j + 1  # not a manner ("قالت له بغيظ", "قال لها محاولا …")
    if j >= len(toks) or not toks[j].raw.startswith("ل") or toks[j].f.startswith(("لا", "لم", "لن")):
        return j
    k = j + 1 if toks[j].raw in {"لـ", "ل"} else j
    if k < len(toks) and toks[k].raw in OPEN_QUOTES:
        close = next((m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].raw in CLOSE_QUOTES), None)
        if close is not None and close + 1 < len(toks) and not toks[close + 1].punct and toks[close + 1].f not in SPEAKER_STOP:
            return close + 1
    return j


def extend_to_entity(toks: list[Token], j: int, end: int, spans: list[tuple[int, int]]) -> int:
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
