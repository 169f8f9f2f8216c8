"""Word tokens with offsets, and light clitic-aware stems for matching.

The stemmer follows Light10 (Larkey, Ballesteros & Connell 2002): strip the
conjunction و/ف, the article and article+preposition prefixes (ال، وال، بال،
كال، فال، لل) and a short list of suffixes, never leaving fewer than three
letters. It is deliberately light: search and matching need "للكرملين" and
"والكرملين" to meet "الكرملين", not a linguistic root.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from riwaya.arabic.chars import DIACRITICS
from riwaya.arabic.normalize import normalize_for_matching

#: One word: letters and digits with the marks written on them (chars.DIACRITICS). The
#: marks are not ``\w``, so without them "عُمان" would fall apart into "ع" and "مان".
WORD_PATTERN = f"[^\\W_](?:[^\\W_]|[{DIACRITICS}])*"
_WORD_RE = re.compile(WORD_PATTERN + r"(?:[.,٫٬][0-9٠-٩۰-۹]+)*", re.UNICODE)

#: The article with its proclitics, in normalized form (ة→ه, ى→ي, أإآ→ا), longest first;
#: the number layer uses them too (a counted noun is indefinite).
ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
_MIN_STEM = 3
# Words whose initial و is part of the word (وزارة، واشنطن), learned from SaudiNewsNet
# by scripts/build_waw_initial.py; every other و before 3+ letters is the conjunction.
_WAW_INITIAL = frozenset(json.loads(resources.files("riwaya.arabic").joinpath("data/waw_initial.json").read_text("utf-8")))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text: ``text[start:end]`` as written."""

    start: int
    end: int
    text: str


def word_tokens(text: str) -> list[Token]:
    """Split ``text`` into word tokens (letters and digits; decimals stay whole).

    >>> [t.text for t in word_tokens("قال بيسكوف: «1.8 مليار» دولار.")]
    ['قال', 'بيسكوف', '1.8', 'مليار', 'دولار']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


def light_stem(word: str) -> str:
    """Stem one word for matching: normalize, then strip clitic prefixes and suffixes.

    >>> [light_stem(w) for w in ("الكرملين", "للكرملين", "والكرملين")]
    ['كرمل', 'كرمل', 'كرمل']
    >>> light_stem("أحمد") == light_stem("احمد")
    True
    >>> light_stem("وزارة"), light_stem("الوزارات"), light_stem("وماسك"), light_stem("وقال")
    ('وزار', 'وزار', 'ماسك', 'قال')
    """
    stem = normalize_for_matching(word)
    if len(stem) > _MIN_STEM + 1 and stem[0] in "وف" and stem[1:].startswith(ARTICLE_PREFIXES):
        stem = stem[1:]
    for prefix in ARTICLE_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM:
            stem = stem[len(prefix):]
            break
    else:
        if stem[:1] == "و" and len(stem) > _MIN_STEM and stem not in _WAW_INITIAL:
            stem = stem[1:]
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            stem = stem[: -len(suffix)]
            break
    return stem


def match_keys(text: str) -> list[str]:
    """The light stems of every word of ``text``, in order: what search indexes and queries.

    >>> match_keys("والكرملين يرد على الكرملين")
    ['كرمل', 'يرد', 'علي', 'كرمل']
    """
    return [light_stem(m.group()) for m in _WORD_RE.finditer(text)]
