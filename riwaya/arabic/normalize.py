"""Folding Arabic text for matching. Never show the result to a user.

Two kinds of folding live here:

- :func:`fold_digits`, :func:`fold_digit_runs` and :func:`fold_letters` are
  *length-preserving* (one character in, one out), so a regex run over their
  output gives offsets that are valid in the original text. The number and
  date layers use them.
- :func:`normalize_for_matching` also removes characters (diacritics, tatweel,
  invisibles), so it comes with :func:`normalize_with_offsets`, which returns
  the map from each normalized character back to the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from riwaya.arabic import chars

_DIGIT_TABLE = str.maketrans(
    chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS + chars.ARABIC_DECIMAL_SEPARATOR
    + chars.ARABIC_THOUSANDS_SEPARATOR + chars.ARABIC_PERCENT,
    "0123456789" * 2 + ".,%",
)

#: The letter variants every matcher folds, one character for one: hamza and wasla
#: alef forms to bare alef, alef maksura and Farsi ya to ya, ta marbuta to ha.
LETTER_VARIANTS: tuple[tuple[str, str], ...] = (
    (chars.ALEF_MADDA, chars.ALEF),
    (chars.ALEF_HAMZA_ABOVE, chars.ALEF),
    (chars.ALEF_HAMZA_BELOW, chars.ALEF),
    (chars.ALEF_WASLA, chars.ALEF),
    (chars.ALEF_MAKSURA, chars.YA),
    (chars.FARSI_YA, chars.YA),
    (chars.TA_MARBUTA, chars.HA),
)

_LETTER_TABLE = {
    **{ord(old): new for old, new in LETTER_VARIANTS},
    ord(chars.KEHEH): chars.KAF,
    ord(chars.WAW_HAMZA): "\u0648",
    ord(chars.YA_HAMZA): chars.YA,
    **{ord(q): '"' for q in chars.QUOTES},
    **{ord(q): "'" for q in chars.SINGLE_QUOTES},
}
_DIGIT_RUN_RE = re.compile(
    f"[{chars.ARABIC_INDIC_DIGITS}{chars.PERSIAN_DIGITS}{chars.ARABIC_DECIMAL_SEPARATOR}"
    f"{chars.ARABIC_THOUSANDS_SEPARATOR}{chars.ARABIC_PERCENT}]+"
)
_FOLD_TABLE = {**_LETTER_TABLE, **{k: v for k, v in _DIGIT_TABLE.items()}}
_REMOVED = set(chars.DIACRITICS + chars.TATWEEL + chars.INVISIBLES)
_REMOVED_RE = re.compile("[" + re.escape("".join(sorted(_REMOVED))) + "]")


def fold_digits(text: str) -> str:
    """Turn Eastern Arabic and Persian digits (and ٫ ٬ ٪) into ASCII, one character for one.

    >>> fold_digits("زيادة ١٥٠٪ في ۲۰۲۴")
    'زيادة 150% في 2024'
    """
    return text.translate(_DIGIT_TABLE)


def fold_digit_runs(text: str) -> str:
    """Fold like :func:`fold_digits`, translating only the runs of Eastern digits and ٫ ٬ ٪.

    Same result, cheaper on a whole article: ``str.translate`` with a dict table
    looks up every character, the regex finds the few runs (measured on SaudiNewsNet
    articles of 4.8 KB with Eastern digits: 0.10 ms against 0.55 ms).

    >>> fold_digit_runs("بلغ ٣٫٥ مليون، بزيادة ٪١٢")
    'بلغ 3.5 مليون، بزيادة %12'
    """
    return _DIGIT_RUN_RE.sub(lambda run: run.group(0).translate(_DIGIT_TABLE), text)


def fold_letters(text: str, pairs: Iterable[tuple[str, str]] = LETTER_VARIANTS) -> str:
    """Replace each ``old`` letter of ``pairs`` by its ``new`` one, one character for one.

    One ``str.replace`` per letter, skipped when the letter is absent: a few µs on a
    2 KB article, where ``str.translate`` with a dict table took 0.18 ms. The date
    and number layers fold every article with it, each adding its own pairs.

    >>> fold_letters("إلى مدرسةٍ في آذار")
    'الي مدرسهٍ في اذار'
    """
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def normalize_for_matching(text: str) -> str:
    """Fold hamza/alef forms, alef maksura, ta marbuta, digits and quotes; drop diacritics,
    tatweel and invisible characters; lower-case Latin.

    >>> normalize_for_matching("أحمد إلى مدرسةٍ «كبيرة» ٢٠٢٤")
    'احمد الي مدرسه "كبيره" 2024'
    >>> normalize_for_matching("الـــكرملين")
    'الكرملين'
    """
    return _REMOVED_RE.sub("", text).translate(_FOLD_TABLE).lower()


def matching_words(words: str | Iterable[str]) -> frozenset[str]:
    """A lexicon to look folded words up in: the words (a string is split on white space),
    each :func:`normalize_for_matching`.

    >>> sorted(matching_words("أكّد إفادة افادة"))
    ['افاده', 'اكد']
    """
    if isinstance(words, str):
        words = words.split()
    return frozenset(normalize_for_matching(w) for w in words)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize like :func:`normalize_for_matching` and return, for each character of
    the result, its index in ``text`` (plus one final entry, ``len(text)``, so that an
    exclusive end offset maps back too).

    >>> norm, where = normalize_with_offsets("مُحَمَّد")
    >>> norm, where
    ('محمد', [0, 2, 4, 7, 8])
    """
    kept = [i for i, ch in enumerate(text) if ch not in _REMOVED]
    folded = "".join(text[i] for i in kept).translate(_FOLD_TABLE).lower()
    # lower() can change length only for a few non-Arabic letters (e.g. 'İ'); fall back
    # to per-character folding there so the map stays exact.
    if len(folded) != len(kept):
        folded = "".join(text[i].translate(_FOLD_TABLE).lower()[:1] for i in kept)
    return folded, kept + [len(text)]
