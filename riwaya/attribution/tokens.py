"""Units and tokens: the text cut into units (the gold guideline's sentence rule) and
each unit into folded tokens, each carrying the reporting cue it is, if any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from riwaya.attribution.cues import Cue, fold_word, lookup_folded
from riwaya.attribution.wordclasses import CLAIM_NOUNS


_PUNCT = "«»“”\"():،,؛;.!؟?[]"

_TOKEN_RE = re.compile(r"[«»“”\"():،,؛;.!؟?\[\]]|[-–—]+|[^\s«»“”\"():،,؛;.!؟?\[\]\-–—]+")

_UNIT_END_RE = re.compile(r"[.!?؟]+[\"»”']?(?=\s)|\n")

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}

CLOSE_QUOTES = {"»", "”", '"'}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    raw: str
    f: str  # folded
    punct: bool
    cue: Cue | None = None  # the lexicon entry the word is, if any
    name: bool = False  # folds like a particle but starts a name here ("علي أكبر", not "على"; see mark_names)
    mention_end: int | None = None  # end offset of the tagger's PER/ORG mention covering the word, if any (see mark_names)


def split_units(text: str) -> list[tuple[int, int]]:
    """Unit offsets: a line break always ends one, ``.`` ``!`` ``?`` ``؟`` (with a closing
    quotation mark) before whitespace too, inside quotations as well.

    >>> t = "قال: «أولاً. ثانياً».\\nثالثاً"
    >>> [t[s:e] for s, e in split_units(t)]
    ['قال: «أولاً.', 'ثانياً».', 'ثالثاً']
    """
    units: list[tuple[int, int]] = []
    start = 0
    for m in _UNIT_END_RE.finditer(text):
        end = m.end() if m.group(0) != "\n" else m.start()
        _add_unit(text, start, end, units)
        start = m.end()
    _add_unit(text, start, len(text), units)
    return _join_false_ends(text, units)


_PAIRS = (("«", "»"), ("“", "”"))


def _join_false_ends(text: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a unit ended by a stray stop after a closed quotation ("… وإنهاء الحرب”. في
    أوكرانيا”، بحسب الصحيفة.": a machine translation's misplaced mark) to the next one
    when that one closes, within its first words, a quotation it never opened and the first
    left none open: the sentence goes on. A quotation left open and closed in the next unit is a quotation
    spanning sentences, not this.

    >>> t = "وشددت على أن ترامب “سيعيد السلام”. في أوكرانيا”، بحسب الصحيفة. وقال آخر."
    >>> [t[s:e] for s, e in split_units(t)][0]
    'وشددت على أن ترامب “سيعيد السلام”. في أوكرانيا”، بحسب الصحيفة.'
    """
    out: list[tuple[int, int]] = []
    for start, end in units:
        if out:
            pstart, pend = out[-1]
            prev = text[pstart:pend]
            head = text[start:end]
            if prev.endswith(("”.", "».")) and "\n" not in text[pend:start] \
                    and all(prev.count(o) == prev.count(c) for o, c in _PAIRS) \
                    and any(c in head and (o not in head or head.index(c) < head.index(o))
                            and len(head[:head.index(c)].split()) <= 4 for o, c in _PAIRS):
                out[-1] = (pstart, end)
                continue
        out.append((start, end))
    return out


def _add_unit(text: str, start: int, end: int, units: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    s = start + len(chunk) - len(chunk.lstrip())
    e = start + len(chunk.rstrip())
    if e > s:
        units.append((s, e))


_WORD_INFO: dict[str, tuple[str, bool, Cue | None]] = {}


def _word_info(raw: str) -> tuple[str, bool, Cue | None]:
    """(folded, is punctuation, cue) of a token, memoized: news words repeat, and
    folding every token afresh was the extractor's largest cost."""
    info = _WORD_INFO.get(raw)
    if info is None:
        if raw in _PUNCT or raw[0] in "-–—":
            info = (raw, True, None)
        else:
            f = fold_word(raw)
            cue = lookup_folded(f)
            if cue is not None and (raw.endswith("ة") and cue.kind == "verb" or raw.endswith("ى") and cue.needs == "clause"
                                    and cue.lemma == "يدعي"):
                # "إفادة" (a statement, noun) is no أفاد + ه; "يُدعى" (is called) is no يدّعي (claims)
                cue = None
            info = (f, False, cue)
        if len(_WORD_INFO) > 200_000:
            _WORD_INFO.clear()
        _WORD_INFO[raw] = info
    return info


def tokenize(text: str, start: int, end: int) -> list[Token]:
    toks: list[Token] = []
    append = toks.append
    for m in _TOKEN_RE.finditer(text, start, end):
        raw = m.group()
        f, punct, cue = _WORD_INFO.get(raw) or _word_info(raw)
        s, e = m.span()
        append(Token(s, e, raw, f, punct, cue))
    for k, t in enumerate(toks):
        if t.cue is not None and t.cue.needs == "claim" and not any(u.f in CLAIM_NOUNS for u in toks[k + 1:k + 5]):
            t.cue = None  # "رفض الكشف عن اسمه": a refusal, no denial
    return toks
