"""The words of the date layer: lexicon, the fold it is matched in, word tables.

Private to :mod:`riwaya.arabic.dates` and the modules it is split into (names keep
their leading underscore). The lexicon is ``data/date_words.json``; every word is
stored folded with :func:`_fold`, the same fold the text is matched in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from riwaya.arabic import chars
from riwaya.arabic.normalize import LETTER_VARIANTS, fold_digit_runs, fold_letters

_LEXICON_PATH = Path(__file__).with_name("data") / "date_words.json"

# Length-preserving folding (one code point in, one out) so that regex offsets over
# the folded copy are offsets into the original text: the shared letter variants,
# plus en and em dashes to "-" (date ranges). Unlike the number layer, keheh is not
# folded, and ٫ ٬ ٪ are folded only in texts that have an Eastern digit.
_LETTER_FOLDS = (*LETTER_VARIANTS, ("\u2013", "-"), ("\u2014", "-"))
_EASTERN_DIGIT = re.compile("[" + chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS + "]")


def _fold(text: str) -> str:
    if _EASTERN_DIGIT.search(text):
        text = fold_digit_runs(text)
    return fold_letters(text, _LETTER_FOLDS)


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
