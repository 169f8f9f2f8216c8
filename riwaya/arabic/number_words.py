"""The number lexicon and the fold it is matched in.

Private to :mod:`riwaya.arabic.numbers` and the modules it is split into (names keep
their leading underscore). Lexicons live in ``data/number_words.json`` and
``data/units.json``; every entry is stored under its :func:`_key`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from riwaya.arabic import chars
from riwaya.arabic.normalize import LETTER_VARIANTS, fold_digit_runs, fold_digits, fold_letters
from riwaya.model import NumberKind

_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3"
_MARKS = "\u0640\u064b-\u065f\u0670"
_PROCLITICS = ("وب", "ول", "فب", "فل", "لل", "وك", "و", "ف", "ب", "ل", "ك")

# Length-preserving letter folding (one character for one), so offsets survive: the
# shared letter variants plus keheh → kaf. (The date layer folds dashes instead.)
_LETTER_PAIRS = (*LETTER_VARIANTS, (chars.KEHEH, chars.KAF))
_LETTER_FOLD = str.maketrans(dict(_LETTER_PAIRS))
_STRIP_MARKS = {ord(c): None for c in chars.DIACRITICS + chars.TATWEEL}
# Each folded letter as a class of the letters folded into it ("ا" → [اآأإٱ]).
_VARIANTS = {
    letter: "[" + letter + "".join(old for old, new in _LETTER_PAIRS if new == letter) + "]"
    for _, letter in _LETTER_PAIRS
}


def _fold(text: str) -> str:
    """Fold digits and letter variants, one character for one, so offsets stay valid.

    ``str.replace`` per letter (:func:`~riwaya.arabic.normalize.fold_letters`) is used
    rather than one ``str.translate``: on a 2 KB article translate with a dict table
    took 0.18 ms, the replaces take a few µs. Digits likewise: only the runs that have
    Eastern digits are translated.
    """
    return fold_letters(fold_digit_runs(text), _LETTER_PAIRS)


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """Folded, mark-free form of one word, used for every lexicon lookup."""
    return fold_digits(word).translate(_LETTER_FOLD).translate(_STRIP_MARKS)


def _pattern(folded: str) -> str:
    """Regex for a folded literal that also matches its spelling variants ("حوالي" → حوالى)
    and diacritics after any letter ("يوميا" → يوميًا)."""
    return "".join(
        "[ \t]+" if ch == " " else _VARIANTS.get(ch, re.escape(ch)) + f"[{_MARKS}]*" for ch in folded
    )


class _Lexicon:
    """Every table the parser uses, folded once at load time."""

    def __init__(self, words: dict[str, Any], units: dict[str, Any]) -> None:
        def keys(items: Any) -> set[str]:
            return {_key(w) for w in items if not w.startswith("_")}

        def table(items: dict[str, Any]) -> dict[str, Any]:
            return {_key(w): v for w, v in items.items() if not w.startswith("_")}

        self.units = table(words["units"])
        self.teen_heads = table(words["teen_heads"])
        self.teen_tails = keys(words["teen_tails"])
        self.tens = table(words["tens"])
        self.hundreds = table(words["hundreds"])
        self.scales = table(words["scales"])
        self.dual_scales = table(words["dual_scales"])
        self.fractions = table(words["fractions"])
        self.vague = keys(words["vague"])
        self.vague_scales = keys(words["vague_definite_scales"])
        self.vague_prefixes = keys(words["vague_prefixes"])
        self.vague_of = keys(words["vague_of"])
        self.ordinals = table(words["ordinals"])
        self.ordinal_tens = table(words["ordinal_tens"])
        self.one = {_key(w) for w in ("واحد", "واحدة", "واحدا")}
        self.only = {_key(w) for w in ("الوحيد", "الوحيدة")}
        self.ahad = {_key(w) for w in ("أحد", "إحدى")}
        self.one_idioms_before = keys(words["one_idioms_before"])
        self.one_idioms_after = keys(words["one_idioms_after"])
        self.source_nouns = keys(words["source_nouns"])
        self.informed = keys(words["informed"])
        self.qualifiers = [(_key(p), name) for name, ps in words["qualifiers"].items() for p in ps]

        self.currencies = table(units["currencies"])
        self.currency_adjectives = {
            code: table(adjs) for code, adjs in units["currency_adjectives"].items()
        }
        self.currency_symbols = dict(units["currency_symbols"])
        self.time_units = table(units["time_units"])
        self.rates = table(units["rates"])
        self.not_counted = keys(units["not_counted_nouns"])
        self.duals: dict[str, tuple[str, str | None, NumberKind]] = {}
        for singular, time_unit in units["dual_nouns"].items():
            if singular.startswith("_"):
                continue
            kind = NumberKind.DURATION if time_unit else NumberKind.CARDINAL
            stem = _key(singular)
            stem = stem[:-1] + "ت" if stem.endswith("ه") else stem
            stem = stem[:-1] + "ا" if stem.endswith("ي") and singular.endswith("ى") else stem
            for form in (stem + "ان", stem + "ين"):
                for definite in ("", "ال"):
                    self.duals[definite + form] = (singular, time_unit, kind)
        for singular in units["dual_nouns_nominative_only"]:
            self.duals[_key(singular) + "ان"] = (singular, None, NumberKind.CARDINAL)
        for form, code in units["dual_currency"].items():
            self.duals[_key(form)] = (code, None, NumberKind.MONEY)

        self.cardinal_words = (
            set(self.units) | set(self.tens) | set(self.hundreds) | set(self.scales)
            | set(self.dual_scales) | set(self.fractions)
        )
        self.number_words = (
            self.cardinal_words | set(self.teen_heads) | self.vague | self.vague_prefixes
            | self.vague_of | set(self.ordinals) | set(self.ordinal_tens) | set(self.duals)
            | self.only | self.source_nouns
        )
        self.qualifier_names = dict(self.qualifiers)
        self.qualifier_last_words = frozenset(p.rsplit(" ", 1)[-1] for p, _ in self.qualifiers)
        self.not_nouns = (
            self.not_counted | self.cardinal_words | set(self.teen_heads) | self.vague
            | self.vague_prefixes | self.vague_of | set(self.ordinals) | set(self.time_units)
            | {w for p, _ in self.qualifiers for w in p.split()}
        )
        # Every written form of a trigger word, proclitics included: a set intersection
        # with the words of an article finds the candidates in C. (A trie regex over the
        # text was measured at twice the cost: sre tries branches one by one at every word.)
        self.trigger_forms = frozenset(
            proclitic + word for word in self.number_words for proclitic in ("", *_PROCLITICS)
        )
        hundred = "|".join(_pattern(w) for w in ("مائه", "مئه", "ميه", "مايه"))
        self.percent_after = re.compile(
            rf"[ \t]*(?:%|(?:{_pattern('في')}[ \t]+|ب)ال(?:{hundred}))(?![{_LETTERS}])"
        )
        self.rate_after = re.compile(
            r"[ \t]*(" + "|".join(_pattern(r) for r in self.rates) + rf")[{_MARKS}]*(?![{_LETTERS}])"
        )
        self.sar_symbol = re.compile(r"[ \t]*ر\.[ \t]?س(?![" + _LETTERS + "])")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = resources.files("riwaya.arabic") / "data"
    words = json.loads((data / "number_words.json").read_text(encoding="utf-8"))
    units = json.loads((data / "units.json").read_text(encoding="utf-8"))
    return _Lexicon(words, units)
