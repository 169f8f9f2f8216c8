"""Speaker types, outlet names and anonymous-source counts, from head words.

The type of a speaker is read off its head noun ("وزير" official, "مصدر" anonymous,
"صحيفة" outlet, "بيان" document, "وزارة" organization); a bare name takes the type
of the title written next to it elsewhere in the article (guideline §5: "مبروك" is a
person because the article calls him "مدرب الأهلي").

>>> speaker_type("المتحدث باسم الكرملين ديمتري بيسكوف"), speaker_type("مصدر أمني")
('official', 'anonymous')
>>> speaker_type("وكالة رويترز"), speaker_type("بيان لوزارة الداخلية"), speaker_type("وزارة الدفاع")
('outlet', 'document', 'organization')
>>> speaker_type("أحد المصادر المطلعة على المحادثات")
'anonymous'
>>> anonymous_count("شخصين مطلعين"), anonymous_count("مصادر مطلعة"), anonymous_count("مصدر")
(2, None, 1)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from riwaya.arabic.normalize import matching_words, normalize_for_matching
from riwaya.attribution.wordclasses import DEMONSTRATIVES

__all__ = ["speaker_type", "anonymous_count", "is_outlet_name", "named_outlet_noun", "NAMED_OUTLETS",
           "OUTLET_DESCRIPTIONS", "PUBLISHERS", "agency_key"]


_ANONYMOUS = matching_words(
    "مصدر مصدرا مصدران مصدرين مصادر المصدر المصادر الشخص الشخصان الشخصين الأشخاص مسؤول مسؤولا مسؤولان مسؤولين مسؤولون المسؤول المسؤولين "
    "شهود شاهد مطلع مطلعون مطلعين مطلعان شخص شخصان شخصين أشخاص اشخاص سكان ناشطون ناشطين عسكريين عسكريون "
    "مسئول مسئولين مسئولون الأطباء أطباء خبراء مراقبون مراقبين محللون محللين دبلوماسيون دبلوماسيين دبلوماسي "
    "باحث مواطنون مواطنين بعض عدد عدة العديد كتاب جهات أوساط اوساط مقربون مقربين"
)
_DOCUMENT = matching_words(
    "بيان البيان بيانا تقرير التقرير تقارير التقارير دراسة الدراسة إحصائية احصائية إحصاءات وثيقة الوثيقة "
    "رسالة الرسالة استطلاع الاستطلاع مذكرة المذكرة تحقيق تقريرا تقريرًا أنباء الأنباء"
)
_OUTLET = matching_words(
    "صحيفة الصحيفة جريدة الجريدة مجلة المجلة وكالة الوكالة قناة القناة موقع الموقع تلفزيون التلفزيون التلفاز "
    "شبكة الشبكة إذاعة الإذاعة المنفذ منفذ رويترز واس يونهاب تسنيم فارس إرنا ارنا الأناضول سانا"
)
OUTLET_DESCRIPTIONS = matching_words("الصحيفة الجريدة المجلة الوكالة القناة الموقع المنفذ التلفزيون الشبكة الإذاعة")
_ORGANIZATION = matching_words(
    "وزارة الوزارة حملة الحملة هيئة الهيئة شركة الشركة حكومة الحكومة الكرملين الجيش جيش الشرطة شرطة إدارة الإدارة "
    "منظمة المنظمة مجلس المجلس جمعية الجمعية اتحاد الاتحاد حركة الحركة تنظيم التنظيم جبهة الجبهة حزب الحزب "
    "البيت الخارجية الداخلية مؤسسة المؤسسة بنك البنك جامعة الجامعة محكمة المحكمة لجنة اللجنة الأمانة "
    "المديرية مديرية صندوق الصندوق الأمم نادي النادي البنتاجون البنتاغون السلطات سلطات القوات قوات "
    "المقاومة النيابة الاتحاد الأمن مركز المركز مستشفى المستشفى أمانة مكتب المكتب الحوثيون الحوثيين "
    "طالبان داعش روسيا موسكو إسرائيل إيران طهران واشنطن بكين الصين أمريكا الولايات قطر السعودية الرياض "
    "مصر القاهرة تركيا أنقرة فرنسا باريس بريطانيا لندن ألمانيا برلين اليونان أثينا الإمارات الكويت "
    "سفارة السفارة قيادة القيادة التحالف الائتلاف البرلمان برلمان الكونغرس الحرس المجموعة مجموعة أسرة عائلة "
    "الأسرة العائلة إمارة الإمارة بلدية البلدية الدفاع المدني غرفة الغرفة"
)
_OFFICIAL = matching_words(
    "وزير الوزير وزيرة متحدث المتحدث متحدثة المتحدثة الناطق ناطق الناطقة رئيس الرئيس رئيسة مدير المدير مديرة "
    "محافظ المحافظ أمير الأمير سفير السفير قائد القائد النائب نائب مدعي المدعي المستشار مستشار أمين الأمين "
    "وكيل الوكيل مساعد المساعد الملك ولي المفوض مفوض السكرتير الأمين المتحدثة العقيد اللواء العميد الفريق "
    "المقدم الرائد النقيب عميد لواء عقيد مقدم رئيسا مسؤولة عضو العضو قاضي القاضي الشيخ محافظة مدعية "
    "المشرف مشرف الرئيسة قنصل القنصل حاكم الحاكم عمدة رئيس"
)
_PERSON = matching_words(
    "الدكتور د. المهندس اللاعب لاعب المدرب مدرب حارس الحارس النجم نجم الخبير خبير المحلل محلل الكاتب كاتب "
    "الطالب الطالبة المواطن المواطنة الفنان الفنانة الباحث استشاري الاستشاري المحامي محامي الأستاذ أستاذ "
    "السيد السيدة الطفل والد والدة شقيق"
)
_ALL_HEADS = _ANONYMOUS | _DOCUMENT | _OUTLET | _ORGANIZATION | _OFFICIAL | _PERSON
_NUMBER_WORDS = {
    normalize_for_matching(w): n
    for w, n in (("اثنان", 2), ("اثنين", 2), ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4), ("أربع", 4), ("خمسة", 5),
                 ("خمس", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7), ("ثمانية", 8), ("تسعة", 9), ("عشرة", 10))
}
_DUAL = re.compile(r"^(?:مصدر|شخص|مسؤول|مسئول|شاهد|دبلوماسي|مطلع)(?:ان|ين|يين)$")

#: SaudiNewsNet source codes -> the outlet's name as its papers write it (the publisher
#: is never a via, guideline §6).
PUBLISHERS = {
    "aawsat": "الشرق الأوسط", "okaz": "عكاظ", "alriyadh": "الرياض", "alyaum": "اليوم", "3alyoum": "عين اليوم",
    "aljazirah": "الجزيرة", "alweeam": "الوئام", "alwatan": "الوطن", "sabq": "سبق", "aleqtisadiya": "الاقتصادية",
    "almadina": "المدينة", "arreyadi": "الرياضي", "alhayat": "الحياة", "alarabiya": "العربية",
}

# News outlets Arabic papers name bare, without "صحيفة"/"شبكة" before them ("تقرير وول ستريت
# جورنال", "تتواصل سي إن إن"), with the noun they are: a list is the honest way to know
# that a bare name is a newspaper.
NAMED_OUTLETS: dict[str, str] = {
    "وول ستريت جورنال": "صحيفة", "نيويورك تايمز": "صحيفة", "واشنطن بوست": "صحيفة", "فايننشال تايمز": "صحيفة",
    "فاينانشال تايمز": "صحيفة", "الغارديان": "صحيفة", "الجارديان": "صحيفة", "لوموند": "صحيفة", "لو فيغارو": "صحيفة",
    "ديلي ميل": "صحيفة", "ديلي تلغراف": "صحيفة", "يو إس إيه توداي": "صحيفة", "هآرتس": "صحيفة",
    "يديعوت أحرونوت": "صحيفة", "بوليتيكو": "موقع", "أكسيوس": "موقع", "بلومبرغ": "وكالة", "بلومبيرغ": "وكالة",
    "سي إن إن": "شبكة", "CNN": "شبكة", "بي بي سي": "شبكة", "BBC": "شبكة", "فوكس نيوز": "شبكة", "إن بي سي": "شبكة",
    "سي بي إس": "شبكة", "سكاي نيوز": "قناة", "ذي إيكونوميست": "مجلة", "الإيكونوميست": "مجلة", "نيوزويك": "مجلة",
    "تايم": "مجلة", "فورين بوليسي": "مجلة",
}
_NAMED_OUTLET_KEYS = {" ".join(normalize_for_matching(name).split()): noun for name, noun in NAMED_OUTLETS.items()
                      if name != "تايم"}  # "تايم" alone is too common a word


def named_outlet_noun(name: str) -> str | None:
    """The outlet noun a bare outlet name stands for ("وول ستريت جورنال" → "صحيفة"), or None.

    >>> named_outlet_noun("“وول ستريت جورنال”"), named_outlet_noun("وزارة الدفاع")
    ('صحيفة', None)
    """
    key = " ".join(normalize_for_matching(name).translate(_QUOTES).split())
    return _NAMED_OUTLET_KEYS.get(key)


_QUOTES = str.maketrans("", "", "«»“”\"'()")

# Wire agencies under their several names, for "the same agency" tests.
_AGENCY_GROUPS = (
    ("afp", ("ا ف ب", "أ ف ب", "أ. ف. ب", "ا. ف. ب", "أ.ف.ب", "فرانس برس", "فرانس بريس", "الفرنسية",
             "وكالة الصحافة الفرنسية", "الصحافة الفرنسية")),
    ("reuters", ("رويترز",)),
    ("dpa", ("د ب أ", "د.ب.أ", "د. ب. أ", "الألمانية", "وكالة الأنباء الألمانية")),
    ("spa", ("واس", "وكالة الأنباء السعودية", "وكالة الانباء السعودية")),
    ("ap", ("أسوشيتد برس", "أسوشيتدبرس", "الأسوشيتد برس")),
)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\s\"'«»“”()\[\]،,:.]+", normalize_for_matching(text)) if w not in {"و", "ـ"}]


def _phrase_words(speaker: str) -> list[str]:
    """The words of a speaker phrase, less a leading demonstrative ("هذا الشخص": the noun it points at)."""
    words = _words(speaker)
    return words[1:] if len(words) > 1 and words[0] in DEMONSTRATIVES else words


def _bare(word: str) -> str:
    if word in _ALL_HEADS:
        return word
    if word[:1] in ("و", "ف") and len(word) > 3 and word[1:] in _ALL_HEADS:
        return word[1:]
    return word


def _agency_form(name: str) -> str:
    return " ".join(normalize_for_matching(name).replace(".", " ").split())


_AGENCY_FORMS = tuple((key, tuple(_agency_form(n) for n in names)) for key, names in _AGENCY_GROUPS)
_AGENCY_RES = tuple(
    (key, re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(f) for f in forms) + r")(?:$|\s)"))
    for key, forms in _AGENCY_FORMS
)


@cache
def agency_key(name: str) -> str | None:
    """One key per wire agency, whatever the spelling; None when ``name`` is no known agency.

    >>> agency_key("ا ف ب") == agency_key("وكالة فرانس برس") == agency_key("الفرنسية")
    True
    """
    folded = _agency_form(name)
    for key, pattern in _AGENCY_RES:
        if pattern.search(folded):
            return key
    return None


def is_outlet_name(name: str) -> bool:
    """Whether a phrase names a news outlet (by its head word or as a wire agency).

    >>> is_outlet_name("صحيفة “السياسة” الكويتية"), is_outlet_name("وزارة الداخلية")
    (True, False)
    """
    words = _words(name)
    if not words:
        return False
    head = _bare(words[0])
    if head.startswith("ل") and head[1:] in _OUTLET:
        head = head[1:]
    return head in _OUTLET or agency_key(name) is not None or named_outlet_noun(name) is not None


def speaker_type(speaker: str, context: str = "") -> str:
    """person / official / organization / outlet / anonymous / document, from the head
    word of ``speaker``; a bare name is looked up in ``context`` (the article text).

    >>> speaker_type("منصور", "قال المستشار مرتضى منصور رئيس نادي الزمالك")
    'official'
    >>> speaker_type("مبروك", "وأرجع فتحي مبروك مدرب الأهلي سبب التعادل")
    'person'
    """
    words = _phrase_words(speaker)
    if not words:
        return "person"
    head = _bare(words[0])
    if head in _NUMBER_WORDS or head.isdigit():
        return "anonymous"
    if head in {"احد", "احدي"} and len(words) > 1 and _bare(words[1]) in _ANONYMOUS:
        return "anonymous"  # "أحد المصادر المطلعة"
    if head in _DOCUMENT:
        return "document"
    if head in _OUTLET or agency_key(speaker) or named_outlet_noun(speaker):
        return "outlet"
    if head in _ANONYMOUS or _DUAL.match(head):
        # "مسؤول" with a name after him is an official
        if head.startswith(("مسؤول", "مسئول")) and len(words) > 3 and not any(w in _ANONYMOUS for w in words[1:2]):
            return "anonymous"
        return "anonymous"
    if head in _OFFICIAL:
        return "official"
    if head in _PERSON:
        return "person"
    if head in _ORGANIZATION:
        return "organization"
    for w in words[1:4]:
        if w in _OFFICIAL:
            return "official"
        if w in _PERSON:
            return "person"
    if context and len(words) <= 3:
        return _type_from_context(" ".join(words), _folded_context(context))
    return "person"


@lru_cache(maxsize=4)
def _folded_context(text: str) -> str:
    # the article text, folded once per article (not once per speaker)
    return normalize_for_matching(text)


def _type_from_context(name: str, folded_context: str) -> str:
    best: tuple[int, str] | None = None
    for m in re.finditer(re.escape(name), folded_context):
        before = folded_context[max(0, m.start() - 60):m.start()].split()[-4:]
        after = folded_context[m.end():m.end() + 60].split()[:4]
        for distance, word in [(len(before) - i, w) for i, w in enumerate(before)] + [(i + 1, w) for i, w in enumerate(after)]:
            word = _bare(word)
            kind = "official" if word in _OFFICIAL else "person" if word in _PERSON else None
            if kind and (best is None or distance < best[0]):
                best = (distance, kind)
    return best[1] if best else "person"


def anonymous_count(speaker: str) -> int | None:
    """How many sources an anonymous speaker phrase counts, when it says so.

    >>> anonymous_count("3 مسؤولين"), anonymous_count("ثلاثة مصادر"), anonymous_count("مصدران مطلعان")
    (3, 3, 2)
    """
    words = _phrase_words(speaker)
    if not words:
        return None
    head = _bare(words[0])
    if head.isdigit():
        return int(head)
    if head in _NUMBER_WORDS:
        return _NUMBER_WORDS[head]
    if _DUAL.match(head):
        return 2
    if head in {"مصدر", "المصدر", "مسؤول", "المسؤول", "مسئول", "شخص", "شاهد", "مطلع", "باحث", "دبلوماسي"}:
        return 1
    return None
