"""Word lists the pair-stance features look for: negation, up/down movement and
pairs of opposed words (فتح/إغلاق، نجاح/فشل …).

Entries are written as in news text and compared in normalized form
(``normalize_for_matching``); a token matches an entry when, after stripping one
proclitic (و، ف، ب، ل، ال …), it equals the entry or the entry plus a short suffix
(ات، ة، ها، ون …). Lists, not a model: ANS has too few pairs to learn antonyms from.
"""

from __future__ import annotations

from collections.abc import Iterable

from riwaya.arabic.normalize import matching_words, normalize_for_matching

NEGATION = matching_words("لا لم لن ليس ليست ليسوا لسنا غير عدم دون بدون نفى ينفي تنفي نفت ينفون ما لما كلا")

UP = matching_words(
    "ارتفاع ارتفع يرتفع ترتفع ارتفعت مرتفع صعود صعد يصعد تصعد زيادة زاد يزيد تزيد قفز يقفز تقفز قفزة "
    "تعافي يتعافى تتعافى تعافت نمو ينمو تنمو مكاسب ربح أرباح يربح تربح أعلى قياسي قياسية تحسن يتحسن "
    "تتحسن انتعاش ينتعش تنتعش يرفع ترفع رفع مضاعفة"
)
DOWN = matching_words(
    "انخفاض انخفض ينخفض تنخفض انخفضت تراجع يتراجع تتراجع تراجعت هبوط هبط يهبط تهبط هبطت تهوي يهوي هوى "
    "خسارة خسائر يخسر تخسر خسر خسرت تدهور يتدهور تتدهور انهيار ينهار تنهار انهارت أدنى تدني انكماش نزول "
    "ينزل تنزل سقوط يسقط تسقط تقلص يتقلص خفض يخفض تخفض ضعف يضعف تضعف أضعف أزمة عجز"
)

#: Two sides of one opposition; a pair whose sentences take different sides disagrees more often.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (matching_words(a), matching_words(b))
    for a, b in (
        ("فتح يفتح تفتح افتتاح فتحت يفتتح تفتتح", "إغلاق أغلق يغلق تغلق أغلقت غلق"),
        ("سمح يسمح تسمح سماح سمحت رفع", "منع يمنع تمنع منعت حظر يحظر تحظر حظرت"),
        ("دعم يدعم تدعم تأييد يؤيد تؤيد مؤيد مساندة يساند", "عارض يعارض تعارض معارضة رفض يرفض ترفض رفضت"),
        ("نجاح نجح ينجح تنجح نجحت", "فشل يفشل تفشل فشلت إخفاق يخفق تخفق"),
        ("فوز فاز يفوز تفوز فازت انتصار", "هزيمة يهزم تهزم خسارة"),
        ("اعتقال القبض قبض سجن حبس يسجن اعتقل احتجاز", "إفراج يفرج تفرج الإفراج براءة سراح"),
        ("دخول يدخل تدخل دخلت", "خروج يخرج تخرج خرجت انسحاب ينسحب تنسحب انسحبت"),
        ("حرب تصعيد اشتباكات مواجهات هجوم قصف غارات معارك", "سلام هدوء تهدئة هدنة"),
        ("قبول يقبل تقبل موافقة يوافق توافق وافق وافقت", "رفض يرفض ترفض رفضت"),
        ("إدانة يدين تدين أدان أدانت ينتقد تنتقد انتقاد", "يشيد تشيد إشادة أشاد ترحيب يرحب ترحب رحب"),
        ("بقاء يبقى تبقى استمرار يستمر تستمر تواصل يواصل", "رحيل انتهاء وقف توقف ينتهي إلغاء يلغي تلغي ألغت"),
        ("حليف حلفاء تعاون يتعاون تحالف", "عدو أعداء خصم"),
        ("تأكيد يؤكد تؤكد أكد أكدت", "نفي ينفي تنفي نفت"),
        ("أعلى أكبر أكثر", "أدنى أصغر أقل"),
        ("سري سرية", "علني معلن معلنة"),
        ("تحذير يحذر تحذر حذر", "يطمئن طمأنة"),
        ("قتل مقتل وفاة موت", "نجاة ينجو نجا"),
        ("اتفاق يتفق تتفق", "خلاف خلافات"),
        ("توتر", "انفراج"),
        ("انتهاك", "احترام"),
    )
)

_PROCLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("ات", "ه", "ها", "ان", "ين", "ون", "وا", "ت", "ي", "هم", "يه")


def _forms(token: str) -> set[str]:
    forms = {token}
    for prefix in _PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            forms.add(token[len(prefix) :])
    return forms


def _matches(token: str, words: frozenset[str]) -> bool:
    for form in _forms(token):
        if form in words:
            return True
        if any(form.endswith(s) and form[: -len(s)] in words for s in _SUFFIXES):
            return True
    return False


def count_hits(tokens: Iterable[str], words: frozenset[str]) -> int:
    """How many of the normalized ``tokens`` belong to ``words`` (clitics allowed).

    >>> from riwaya.arabic.normalize import normalize_for_matching as n
    >>> count_hits([n("بالارتفاع"), n("يرتفع"), n("الدولار")], UP), count_hits([n("بغير")], NEGATION)
    (2, 1)
    """
    return sum(_matches(t, words) for t in tokens)
