"""Source phrases (وفقاً لـ، بحسب، حسبما، نقلاً عن، على لسان، على حد قول): recognising
one and where its speaker starts.
"""

from __future__ import annotations

from riwaya.attribution.cues import lookup_folded
from riwaya.attribution.tokens import Token
from riwaya.attribution.wordclasses import FIRST_ADVERB, NON_SOURCE, PREPS


_PHRASE_BASES = ("وفقا", "طبقا", "وفق", "بحسب", "حسب", "حسبما", "نقلا", "علي")

_PHRASE_WORDS = frozenset(_PHRASE_BASES) | frozenset("و" + b for b in _PHRASE_BASES)


def _reporting_verb(tok: Token) -> bool:
    """A cue verb, also with an object pronoun too short for the lexicon's suffix rule
    ("وفقاً لما ذكره شخصان", "حسبما قاله")."""
    if tok.cue is not None:
        return True
    return tok.f.endswith("ه") and len(tok.f) >= 4 and (cue := lookup_folded(tok.f[:-1])) is not None and cue.kind == "verb"


def _past_first(toks: list[Token], j: int) -> int:
    """"حسبما أورد أولاً موقع X": the adverb "first" stands between the verb and its speaker."""
    return j + 1 if j < len(toks) and toks[j].f == FIRST_ADVERB else j


def source_phrase_head(toks: list[Token], i: int) -> tuple[int, str] | None:
    """(token index where the speaker starts, phrase kind) when a source phrase starts at ``i``."""
    f = toks[i].f
    if f not in _PHRASE_WORDS:
        return None
    base = f if f in _PHRASE_BASES else f[1:]  # "وفقا" is a base word, "ووفقا" و + وفقا
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return None
    if base in {"وفقا", "طبقا"} or (base == "وفق" and nxt.f.startswith("ل")):
        if nxt.f in {"ل", "لـ"} or nxt.raw.startswith("لـ") and len(nxt.raw) == 2:
            return (i + 2, "l") if i + 2 < len(toks) else None
        if nxt.f.startswith("ل"):
            if nxt.f == "لما":
                if i + 2 < len(toks) and _reporting_verb(toks[i + 2]):
                    return (_past_first(toks, i + 3), "ma") if i + 3 < len(toks) else None
                return None  # "وفقاً لما يلي"
            return i + 1, "l"
        return None
    if base in {"بحسب", "حسب"}:
        if nxt.f == "ما" and i + 2 < len(toks) and _reporting_verb(toks[i + 2]):
            return (_past_first(toks, i + 3), "ma") if i + 3 < len(toks) else None
        if nxt.punct or nxt.f in NON_SOURCE or nxt.f in PREPS:
            return None
        return i + 1, ""
    if base == "حسبما" and _reporting_verb(nxt):
        return (_past_first(toks, i + 2), "ma") if i + 2 < len(toks) else None
    if base == "نقلا" and nxt.f == "عن":
        return (i + 2, "an") if i + 2 < len(toks) else None
    if base == "علي" and nxt.f == "لسان":
        return (i + 2, "lisan") if i + 2 < len(toks) else None
    if base == "علي" and nxt.f == "حد" and i + 2 < len(toks) and toks[i + 2].f in {"قول", "تعبير"}:
        return (i + 3, "hadd") if i + 3 < len(toks) else None
    return None
