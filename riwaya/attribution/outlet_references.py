"""Outlets: the ones the article names, whether two names are one outlet, and which
outlet a description (الصحيفة، للمنفذ، التقرير) refers back to.
"""

from __future__ import annotations

from riwaya.attribution.cues import fold
from riwaya.attribution.noun_phrases import noun_phrase_end
from riwaya.attribution.origins import principal_outlet
from riwaya.attribution.reading import ReadingState
from riwaya.attribution.speakers import agency_key, named_outlet_noun, NAMED_OUTLETS
from riwaya.attribution.tokens import Token
from riwaya.attribution.wordclasses import NISBA, OUTLET_NOUN_STARTS, REPORT_HEADS, REPORT_OBJECTS


def outlet_noun_prefix(f: str) -> int | None:
    """How many clitic letters (و، then ب or ل) come before an outlet noun ("لصحيفة",
    "وبوكالة", "وكالة"), or None when ``f`` does not start with one."""
    if f.startswith(OUTLET_NOUN_STARTS):
        return 0
    if f[:1] in ("و", "ب", "ل") and f[1:].startswith(OUTLET_NOUN_STARTS):
        return 1
    if f[:1] == "و" and f[1:2] in ("ب", "ل") and f[2:].startswith(OUTLET_NOUN_STARTS):
        return 2
    return None


def remember_outlets(state: ReadingState, toks: list[Token]) -> None:
    covered = -1  # tokens up to here are inside an outlet phrase already remembered
    for i, t in enumerate(toks):
        if t.punct:
            continue
        if i > covered and t.f in _NAMED_FIRST:
            # a bare outlet name ("تقرير وول ستريت جورنال", "تتواصل سي إن إن")
            for words in _NAMED_FIRST[t.f]:
                end = i + len(words)
                if end <= len(toks) and tuple(u.f for u in toks[i:end]) == words:
                    state.outlets.append(text_between(state, t.start, toks[end - 1].end))
                    covered = end - 1
                    break
        if t.f.startswith("ال") or i + 1 >= len(toks):
            continue
        n = outlet_noun_prefix(t.f)
        if n is None:
            continue
        end = noun_phrase_end(toks, i + 1, max_words=4)
        if end > i + 1:
            state.outlets.append(text_between(state, t.start + n, toks[end - 1].end))
            covered = max(covered, end - 1)


_NAMED_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in NAMED_OUTLETS:
    _words = tuple(fold(w) for w in _name.split())
    _NAMED_FIRST.setdefault(_words[0], []).append(_words)


def text_between(state: ReadingState, start: int, end: int) -> str:
    return state.article.text[start:end]


_NAME_QUOTES = str.maketrans("", "", "«»“”\"'()")


def outlet_key(name: str) -> str:
    """A comparison key for outlet names: folded, quotation marks, generic nouns, a trailing
    nisba and ال dropped.

    >>> outlet_key("وكالة أنباء الجزيرة") == outlet_key("الجزيرة") == outlet_key("قناة الجزيرة")
    True
    >>> outlet_key("صحيفة “وول ستريت جورنال” الأميركية") == outlet_key("وول ستريت جورنال")
    True
    """
    words = fold(name).translate(_NAME_QUOTES).split()
    while words and words[0] in {"وكاله", "انباء", "صحيفه", "جريده", "مجله", "موقع", "قناه", "شبكه", "اذاعه"}:
        words = words[1:]
    while len(words) > 1 and NISBA.match(words[-1]):
        words = words[:-1]
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)


def same_outlet(a: str, b: str) -> bool:
    ka, kb = agency_key(a), agency_key(b)
    if ka or kb:
        return ka == kb
    return outlet_key(a) == outlet_key(b)


# a description -> the outlet nouns it can refer back to ("" any news outlet)
_DESCRIBES = {"الصحيفه": ("صحيف", "جريد"), "الجريده": ("جريد", "صحيف"), "المجله": ("مجل", "صحيف", "جريد"),
              "الوكاله": ("وكال",), "القناه": ("قنا", "شبك", "تلفزيون"), "الموقع": ("موقع",),
              "الشبكه": ("شبك", "قنا"), "التلفزيون": ("تلفزيون", "قنا"), "الاذاعه": ("اذاع",), "المنفذ": ()}


def _news_outlet(name: str, nouns: tuple[str, ...]) -> bool:
    f = fold(name)
    bare = named_outlet_noun(name)
    if bare is not None:
        f = fold(bare)  # "وول ستريت جورنال" is a newspaper: "الصحيفة" can refer to it
    if nouns:
        return f.startswith(nouns)
    # any news outlet: "وكالة الفضاء" is no news agency
    return not f.startswith("وكال") or "انباء" in f or agency_key(name) is not None


def described_outlet(state: ReadingState, description: str) -> str | None:
    """The outlet named earlier that ``description`` ("الصحيفة", "للمنفذ") refers to."""
    nouns = _DESCRIBES.get(description)
    if nouns is None:
        return None
    for name in reversed(state.outlets):
        if _news_outlet(name, nouns) and not (not nouns and any(
                same_outlet(name, c.text) for start, c in state.credits if start <= state.cursor)):
            return name
    return None


def referent(state: ReadingState, speaker: str) -> str | None:
    """What a description refers to: "الصحيفة" the newspaper named before it, "التقرير" /
    "تقرير الصحيفة الأميركية" / "تقرير موسع لصحيفة X" the outlet whose report it is
    ("التقرير" alone: the outlet of the last report named)."""
    name = _refers_to(state, speaker)
    words = fold(speaker).split()
    if name is not None and words and words[0] in REPORT_HEADS | REPORT_OBJECTS and len(words) > 1:
        state.report_outlet = name
    return name


def _refers_to(state: ReadingState, speaker: str) -> str | None:
    words = fold(speaker).translate(_NAME_QUOTES).split()
    if not words or not state.outlets and not words[0] in REPORT_HEADS:
        return None
    head = words[0]
    if head.startswith("ل") and head not in _DESCRIBES:
        head = head[1:] if head[1:] in _DESCRIBES else "ا" + head if "ا" + head in _DESCRIBES else head
    if len(words) == 1 and head in _DESCRIBES:
        return described_outlet(state, head)
    if head not in REPORT_HEADS:
        return None
    rest = words[1:]
    for k, w in enumerate(rest):  # "تقرير نشرته صحيفة X", "تقرير موسع لصحيفة X"
        n = outlet_noun_prefix(w)
        if n is not None and not w[n:].startswith("ال"):
            for name in reversed(state.outlets):
                if (key := outlet_key(name)) and key in " ".join(rest[k:]) or same_outlet(name, " ".join(rest[k:])):
                    return name
            return None
        if w in _DESCRIBES or w[1:] in _DESCRIBES:
            return described_outlet(state, w if w in _DESCRIBES else w[1:])
    for name in reversed(state.outlets):  # "تقرير وول ستريت جورنال"
        key = outlet_key(name)
        if key and key in " ".join(rest):
            return name
    if not rest and head in {"التقرير"}:
        return state.report_outlet or described_outlet(state, "المنفذ")
    if not rest:
        # "وفقًا لتقرير" naming no outlet: the report the article is about, i.e. the news
        # outlet it names most (a relay article summarises one outlet's report)
        return state.report_outlet or principal_outlet(state.article.text)
    return None
