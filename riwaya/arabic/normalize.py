"""Folding Arabic text for matching. Never show the result to a user.

Two kinds of folding live here:

- :func:`fold_digits` is *length-preserving* (one character in, one out), so a
  regex run over its output gives offsets that are valid in the original text.
  The number and date layers use it.
- :func:`normalize_for_matching` also removes characters (diacritics, tatweel,
  invisibles), so it comes with :func:`normalize_with_offsets`, which returns
  the map from each normalized character back to the original text.
"""

from __future__ import annotations

import re

from riwaya.arabic import chars

_DIGIT_TABLE = str.maketrans(
    chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS + chars.ARABIC_DECIMAL_SEPARATOR
    + chars.ARABIC_THOUSANDS_SEPARATOR + chars.ARABIC_PERCENT,
    "0123456789" * 2 + ".,%",
)

_LETTER_TABLE = {
    ord(chars.ALEF_MADDA): chars.ALEF,
    ord(chars.ALEF_HAMZA_ABOVE): chars.ALEF,
    ord(chars.ALEF_HAMZA_BELOW): chars.ALEF,
    ord(chars.ALEF_WASLA): chars.ALEF,
    ord(chars.ALEF_MAKSURA): chars.YA,
    ord(chars.FARSI_YA): chars.YA,
    ord(chars.TA_MARBUTA): chars.HA,
    ord(chars.KEHEH): chars.KAF,
    ord(chars.WAW_HAMZA): "\u0648",
    ord(chars.YA_HAMZA): chars.YA,
    **{ord(q): '"' for q in chars.QUOTES},
    **{ord(q): "'" for q in chars.SINGLE_QUOTES},
}
_FOLD_TABLE = {**_LETTER_TABLE, **{k: v for k, v in _DIGIT_TABLE.items()}}
_REMOVED = set(chars.DIACRITICS + chars.TATWEEL + chars.INVISIBLES)
_REMOVED_RE = re.compile("[" + re.escape("".join(sorted(_REMOVED))) + "]")


def fold_digits(text: str) -> str:
    """Turn Eastern Arabic and Persian digits (and ٫ ٬ ٪) into ASCII, one character for one.

    >>> fold_digits("زيادة ١٥٠٪ في ۲۰۲۴")
    'زيادة 150% في 2024'
    """
    return text.translate(_DIGIT_TABLE)


def normalize_for_matching(text: str) -> str:
    """Fold hamza/alef forms, alef maksura, ta marbuta, digits and quotes; drop diacritics,
    tatweel and invisible characters; lower-case Latin.

    >>> normalize_for_matching("أحمد إلى مدرسةٍ «كبيرة» ٢٠٢٤")
    'احمد الي مدرسه "كبيره" 2024'
    >>> normalize_for_matching("الـــكرملين")
    'الكرملين'
    """
    return _REMOVED_RE.sub("", text).translate(_FOLD_TABLE).lower()


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
