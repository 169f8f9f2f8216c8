"""The reporting-cue lexicon: verbs, participles and phrases that introduce speech.

Every form is stored *folded* (:func:`~riwaya.arabic.normalize.normalize_for_matching`:
hamza/alef forms, ta marbuta, diacritics and tanween out), so "مشيراً", "مشيرًا" and
"مشيرا" are one entry. Verb forms are generated from a past stem, a present stem and
a participle stem (masculine/feminine, singular/dual/plural, ي/ت prefixes), with the
clitics و/ف in front; irregular (defective, hollow) forms are listed as written.

A cue has a *kind*:

- ``verb``: a finite verb (قال، نفت، يؤكد); its speaker is written after it (VSO),
  before it (a relative or topic noun phrase), or nowhere (a continuation);
- ``participle``: a circumstantial participle (مضيفاً، مشيرةً) continuing the speaker of
  the clause it hangs on;
- ``phrase``: a source phrase (وفقاً لـ، بحسب، نقلاً عن، على لسان) whose object is the speaker.

>>> lookup_word("وأضافت").lemma, lookup_word("مشيراً").kind, lookup_word("ونفوا").stance
('أضاف', 'participle', 'deny')
>>> lookup_word("مقال") is None, lookup_word("الطالب") is None
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from riwaya.arabic.normalize import normalize_for_matching

__all__ = ["Cue", "has_object_pronoun", "lookup_word", "lookup_folded", "PHRASE_HEADS", "COMPLEMENTIZERS", "fold", "fold_word"]


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: ``lemma`` as cited, ``kind`` (verb/participle/phrase),
    default ``stance`` (assert/deny/other), ``needs`` what must follow for the word to
    report speech ("" anything, "clause" a complementizer/colon/quote, "prep:عن"
    that preposition, "ba" a word starting with بـ), and ``feminine`` when the
    form agrees with a feminine subject, ``plural`` when it is dual or plural."""

    lemma: str
    kind: str
    stance: str
    needs: str = ""
    feminine: bool = False
    passive: bool = False
    plural: bool = False  # a dual or plural form ("تحدثا"، "قالوا"، "يؤكدون"): its subject is no individual


def fold(word: str) -> str:
    """The folded form used for every lexicon lookup.

    >>> fold("وأكّدتْ")
    'واكدت'
    """
    return normalize_for_matching(word)


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """:func:`fold` for one token, memoized (a news article repeats its words; folding
    each token afresh was the largest single cost of the extractor).

    >>> fold_word("وأكّدتْ")
    'واكدت'
    """
    return normalize_for_matching(word)


# (lemma, past stems, present stems, participle stems, stance, needs)
# A past stem X gives X, Xت, Xوا, Xا, Xتا; a present stem Y gives يY, تY, يYون, تYون,
# يYان; a participle stem Z gives Z, Za, Zه, Zين, Zون (folded: tanween gone).
_REGULAR: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str], ...] = (
    ("قال", ("قال",), ("قول",), ("قائل",), "assert", ""),
    ("أكد", ("أكد",), ("ؤكد",), ("مؤكد",), "assert", ""),
    ("أضاف", ("أضاف",), ("ضيف",), ("مضيف",), "assert", ""),
    ("تابع", ("تابع",), ("تابع",), ("متابع",), "assert", "clause"),
    ("أوضح", ("أوضح",), ("وضح",), ("موضح",), "assert", ""),
    ("أشار", ("أشار",), (), ("مشير",), "assert", ""),
    ("لفت", ("لفت",), ("لفت",), ("لافت",), "assert", "clause"),
    ("بين", ("بين", "بيين"), ("بين",), ("مبين",), "assert", "clause"),
    ("أبان", ("أبان",), ("بين",), (), "assert", "clause"),
    ("نوه", ("نوه",), ("نوه",), ("منوه",), "assert", "clause"),
    ("كشف", ("كشف",), ("كشف",), ("كاشف",), "assert", "clause_or_an"),
    ("صرح", ("صرح",), ("صرح",), ("مصرح",), "assert", "clause"),
    ("أعلن", ("أعلن", "اعلن"), ("علن",), ("معلن",), "assert", "clause_or_an"),
    ("ذكر", ("ذكر",), ("ذكر",), ("ذاكر",), "assert", ""),
    ("أفاد", ("أفاد",), ("فيد",), ("مفيد",), "assert", "clause"),
    ("زعم", ("زعم",), ("زعم",), ("زاعم",), "assert", ""),
    ("حذر", ("حذر",), ("حذر",), ("محذر",), "other", ""),
    ("اعترف", ("اعترف",), ("عترف",), ("معترف",), "assert", ""),
    ("اعتبر", ("اعتبر",), ("عتبر",), ("معتبر",), "assert", ""),
    ("أرجع", ("أرجع",), ("رجع",), ("مرجع",), "assert", ""),
    ("توقع", ("توقع",), ("توقع",), ("متوقع",), "assert", ""),
    ("نقل", ("نقل",), ("نقل",), ("ناقل",), "assert", "prep:عن"),
    ("طالب", ("طالب",), ("طالب",), ("مطالب",), "other", "ba"),
    ("ناشد", ("ناشد",), ("ناشد",), ("مناشد",), "other", ""),
    ("أعرب", ("أعرب",), ("عرب",), ("معرب",), "assert", "prep:عن"),
    ("عبر", ("عبر",), ("عبر",), ("معبر",), "assert", "prep:عن"),
    ("تساءل", ("تساءل",), ("تساءل",), ("متسائل",), "other", ""),
    ("اتهم", ("اتهم",), ("تهم",), ("متهم",), "assert", ""),
    ("برر", ("برر",), ("برر",), ("مبرر",), "assert", ""),
    ("وصف", ("وصف",), ("صف",), ("واصف",), "assert", ""),
    ("تحدث", ("تحدث",), ("تحدث",), ("متحدث",), "assert", "prep:عن"),
    ("أبلغ", ("أبلغ",), ("بلغ",), (), "assert", "clause"),
    ("أوصى", ("أوص",), ("وصي",), ("موصي",), "other", ""),
    ("اختتم", ("اختتم",), ("ختتم",), (), "assert", "clause"),
    ("شدد", ("شدد",), ("شدد",), ("مشدد",), "assert", ""),
    ("جادل", ("جادل",), ("جادل",), (), "assert", "clause"),
    ("أورد", ("أورد",), ("ورد",), (), "assert", "clause"),
    ("حث", ("حث",), ("حث",), (), "other", ""),
    ("أمل", ("أمل",), ("أمل",), ("آمل",), "other", "clause"),
    ("علم", ("علم",), (), (), "assert", "prep:من"),
    ("عزا", ("عزا",), ("عزو",), (), "assert", ""),
    ("عرج", (), (), ("معرج",), "assert", ""),
    # كتب (wrote) is also "books": only with a complementizer or quotation
    ("كتب", ("كتب",), ("كتب",), (), "assert", "clause"),
    # رفض denies only a claim ("رفض الاتهامات", "رفض صحة"); the extractor checks the object
    ("رفض", ("رفض",), ("رفض",), ("رافض",), "deny", "claim"),
)

# Irregular or defective forms, as written (folded at load): lemma -> (forms, stance, needs)
_IRREGULAR: dict[str, tuple[tuple[str, ...], str, str]] = {
    "نفى": (("نفى", "نفت", "نفوا", "نفيا", "نفتا", "ينفي", "تنفي", "ينفون", "نافيا", "نافية", "نافين"), "deny", ""),
    "كذب": (("كذب", "كذبت", "كذبوا", "يكذب", "تكذب", "مكذبا"), "deny", ""),
    "رأى": (("رأى", "رأت", "رأوا", "يرى", "ترى", "يرون", "رآه", "رأته", "رآها"), "assert", ""),
    "دعا": (("دعا", "دعت", "دعوا", "يدعو", "تدعو", "يدعون", "داعيا", "داعية", "داعين"), "other", ""),
    "ادعى": (("ادعى", "ادعت", "ادعوا", "مدعيا"), "assert", ""),
    # يُدعى/تُدعى "is called" is written like يدعي/تدعي "claims": only with a clause
    "يدعي": (("يدعي", "تدعي"), "assert", "clause"),
    "تمنى": (("تمنى", "تمنت", "تمنوا", "يتمنى", "تتمنى", "متمنيا", "متمنية"), "other", ""),
    "عد": (("عد", "عدت", "عدوا", "يعد", "تعد"), "assert", "clause"),
    "قدر": (("قدرت", "قدره", "قدرته", "يقدر", "تقدر"), "assert", ""),
    "واصل": (("واصل", "واصلت"), "assert", "clause"),
    "بقوله": (("بقوله", "بقولها", "بقولهم"), "assert", ""),
    # "تشير الصحيفة إلى أن …"; "مما يشير إلى" (which indicates) has no speaker and no clause
    "أشار": (("يشير", "تشير", "يشيرون", "ويشير", "وتشير"), "assert", "clause"),
    # praise is an expressive (guideline §7); the present "يشيد"/"تشيد" is also "builds"
    "أشاد": (("أشاد", "أشادت", "أشادوا", "أشادا", "مشيدا", "مشيدة", "مشيدين"), "other", ""),
    "أثنى": (("أثنى", "أثنت", "أثنوا", "مثنيا", "مثنية"), "other", ""),
    "وصف": (("وصفه", "وصفها", "وصفهم", "ووصفه"), "assert", ""),
}
# Passives (ذُكر is written like ذَكر: a passive is read only when nothing names a speaker).
_PASSIVE = ("قيل", "أفيد", "ورد", "جاء")

_PARTICIPLE_ONLY = {"عرج"}
_FEMININE_SUFFIXES = ("ت", "تا")
# dual and plural endings of the irregular forms ("نفوا"، "نفيا"، "نفتا"، "ينفون"، "نافين")
_PLURAL_SUFFIXES = ("وا", "ون", "يا", "تا", "ين")
_SINGULAR_ENDINGS = frozenset({"نافيا", "داعيا", "متمنيا", "مدعيا"})

PHRASE_HEADS: dict[str, str] = {
    # folded head word -> how the phrase continues: "l" a لـ clitic on the next word,
    # "" the object follows, "an" عن follows, "ma" ما + a verb follows
    "وفقا": "l", "ووفقا": "l", "طبقا": "l", "وطبقا": "l", "وفق": "", "ووفق": "",
    "بحسب": "", "وبحسب": "", "حسب": "", "وحسب": "", "حسبما": "ma", "وحسبما": "ma",
    "نقلا": "an", "ونقلا": "an", "على": "lisan", "وعلى": "lisan", "كما": "ma",
}
#: folded bare complementizers, which content drops (guideline §4.3)
COMPLEMENTIZERS = frozenset({"ان", "بان", "فان", "وان", "لان"})


def _regular_forms(past: tuple[str, ...], present: tuple[str, ...], participle: tuple[str, ...]) -> dict[str, tuple[str, bool, bool]]:
    forms: dict[str, tuple[str, bool, bool]] = {}
    for stem in past:
        for suffix, fem, plural in (("", False, False), ("ت", True, False), ("وا", False, True), ("ا", False, True),
                                    ("تا", True, True)):
            forms[stem + suffix] = ("verb", fem, plural)
    for stem in present:
        for prefix, suffix, fem, plural in (("ي", "", False, False), ("ت", "", True, False), ("ي", "ون", False, True),
                                            ("ت", "ون", False, True), ("ي", "ان", False, True)):
            forms[prefix + stem + suffix] = ("verb", fem, plural)
    for stem in participle:
        for suffix, fem, plural in (("ا", False, False), ("ه", True, False), ("ين", False, True), ("ون", False, True),
                                    ("تين", True, True)):
            forms[stem + suffix] = ("participle", fem, plural)
    return forms


@cache
def _lexicon() -> dict[str, Cue]:
    table: dict[str, Cue] = {}

    def add(form: str, cue: Cue) -> None:
        folded = fold(form)
        for prefix in ("", "و", "ف"):
            table.setdefault(prefix + folded, cue)

    for lemma, past, present, participle, stance, needs in _REGULAR:
        if lemma in _PARTICIPLE_ONLY:
            past, present = (), ()
        for form, (kind, fem, plural) in _regular_forms(past, present, participle).items():
            add(form, Cue(lemma, kind, "deny" if lemma == "نفى" else stance, needs, fem, plural=plural))
    for lemma, (forms, stance, needs) in _IRREGULAR.items():
        for form in forms:
            kind = "participle" if fold(form).startswith(("م", "داع", "ناف")) and lemma not in {"ادعى"} else "verb"
            if form.startswith("مدع") or lemma == "بقوله":
                kind = "participle"
            folded = fold(form)
            add(form, Cue(lemma, kind, stance, needs, folded.endswith(_FEMININE_SUFFIXES),
                          plural=folded.endswith(_PLURAL_SUFFIXES) and folded not in _SINGULAR_ENDINGS))
    for form in _PASSIVE:
        add(form, Cue(form, "verb", "assert", "passive", passive=True))
    # Words that collide with common non-speech words.
    for word in ("بين", "وبين", "فبين", "عبر", "وعبر", "حسب", "امل", "علم", "عد", "وعد", "كتب", "ورد", "وورد",
                 "جاء", "وجاء", "فجاء", "متحدث", "متحدثا", "متحدثه", "المتحدث", "معلن", "مطالب", "مدعي",
                 "متهم", "متهمين", "متهمون", "مرجع", "معبر", "مبين", "مصرح", "متوقع", "متوقعه", "يعد",
                 "تعد", "نقل", "ونقل"):
        cue = table.get(word)
        if cue is not None and word in {"بين", "وبين", "فبين", "عبر", "وعبر", "امل", "علم", "عد", "وعد", "كتب",
                                        "متحدث", "متحدثا", "متحدثه", "معلن", "مطالب", "مدعي", "متهم", "متهمين",
                                        "متهمون", "مرجع", "معبر", "مبين", "مصرح", "متوقع", "متوقعه", "يعد", "تعد",
                                        "ورد", "وورد", "جاء", "وجاء", "فجاء"}:
            # ambiguous: keep only with a clear continuation (checked by the extractor)
            table[word] = Cue(cue.lemma, cue.kind, cue.stance, cue.needs or "clause", cue.feminine, cue.passive, cue.plural)
    for word in ("المتحدث", "عبر", "وعبر", "فعبر", "عد", "وعد", "فعد"):
        table.pop(word, None)
    return table


def lookup_word(word: str) -> Cue | None:
    """The cue a word is, or None. ``word`` may be raw or folded; clitic و/ف allowed.

    >>> lookup_word("وقالت").feminine, lookup_word("يقول").lemma, lookup_word("فأكد").kind
    (True, 'قال', 'verb')
    >>> lookup_word("ودعت").stance, lookup_word("قائلاً").lemma
    ('other', 'قال')
    """
    return lookup_folded(fold_word(word))


def has_object_pronoun(folded: str) -> bool:
    """Whether a folded cue word carries an object pronoun ("اعتبرها"، "وصفته").

    >>> has_object_pronoun("واعتبرها"), has_object_pronoun("واعتبر")
    (True, False)
    """
    return folded not in _lexicon() and lookup_folded(folded) is not None


@lru_cache(maxsize=1 << 16)
def lookup_folded(folded: str) -> Cue | None:
    """:func:`lookup_word` for an already folded word (memoized).

    >>> lookup_folded("واوضحته").lemma
    'أوضح'
    """
    table = _lexicon()
    cue = table.get(folded)
    if cue is None and len(folded) > 4:
        # an attached object pronoun: "أوضحته", "ذكرها", "نقلته"
        for suffix in ("ه", "ها", "هم"):
            if folded.endswith(suffix):
                base = table.get(folded[: -len(suffix)])
                if base is not None and base.kind == "verb" and folded[: -len(suffix)].endswith(("ت", "ر", "ح", "ل", "د")):
                    return base
    return cue
