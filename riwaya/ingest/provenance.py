"""Credit lines: where an article says it comes from.

A credit line ("المصدر: …", "نقلاً عن : …", "ترجمة صحيفة …", "(واس)") is not a
sentence of the story; it is metadata about the story's origin. The cleaning stage
takes such lines out of the body and keeps them as :class:`~riwaya.model.Provenance`
records, because relay chains are what riwaya counts independent origins from.

Matching is done on a folded copy of the line (alef/ya/ta-marbuta folding, no
diacritics), so "نقلاً" and "نقلا", "أ ف ب" and "ا ف ب" are one cue each. The
outlet is returned *as written* (from the original line), with link residue,
quotation marks, dates and a leading "صحيفة"/"جريدة" stripped.
"""

from __future__ import annotations

import re

from riwaya.arabic.normalize import normalize_for_matching, normalize_with_offsets
from riwaya.model import Provenance

__all__ = [
    "AGENCIES",
    "credit_line",
    "dateline_credit",
    "is_dateline",
    "outlet_line",
    "strip_links",
    "trailing_credit",
]

#: wire agencies that appear alone as a credit ("(واس)") or inside a dateline
#: ("الرياض - واس"). A list is the honest way to know that a bare word is an agency.
AGENCIES = (
    "واس", "رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "فرانس برس", "فرانس بريس", "د ب أ", "د.ب.أ",
    "الأناضول", "أسوشيتد برس", "أسوشيتدبرس", "الأسوشيتد برس", "يو بي آي", "قنا", "وام", "كونا",
    "بنا", "سانا", "أ ش أ", "شينخوا", "وكالات", "الوكالات", "AFP", "Reuters", "AP", "DPA",
)

_LINK_RE = re.compile(r"!?\[([^\[\]\n]{0,300})\]\(([^()\s]*)\)")


def strip_links(text: str) -> str:
    """Replace markdown links ``[words](target)`` by their words; drop images.

    >>> strip_links("الملياردير [إيلون](#) [ماسك](#)")
    'الملياردير إيلون ماسك'
    >>> strip_links("انظر ![صورة](http://x/y.png)[التقرير](https://example.com/a)")
    'انظر التقرير'
    """
    return _LINK_RE.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)


def _fold(text: str) -> str:
    return normalize_for_matching(text)


def _alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of folded phrases, longest first, spaces as ``\\s*``-tolerant runs."""
    folded = sorted({_fold(p) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\.", r"\.?\s*") for p in folded) + ")"


_AGENCY = _alternation(AGENCIES)
_AGENCY_ALONE_RE = re.compile(r"^[\(\[«\"'\-–—\s]*(" + _AGENCY + r")[\)\]»\"'\s]*[.]?$")
_AGENCY_WORD_RE = re.compile(r"(?:^|[\s\-–—ـ/(«\"])(" + _AGENCY + r")(?=$|[\s\-–—ـ/)»\":،,])")

# Cue at the start of a (short) line -> kind. Folded spelling.
_CUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:ال)?مصدر\s*[:：\-–]\s*"), "source"),
    (re.compile(r"^(?:source|sources)\s*[:：]\s*"), "source"),
    (re.compile(r"^(?:المصدر\s+)?نقلا\s+عن\s*[:：\-–]?\s*"), "relay"),
    (re.compile(r"^منقول\s+(?:عن|من)\s*[:：\-–]?\s*"), "relay"),
    (re.compile(r"^(?:via|republished from)\s*[:：]?\s*"), "relay"),
    (re.compile(r"^(?:ترجمه|تعريب|ترجمه\s+وتحرير|translated by)\s*[:：\-–]?\s*"), "translation"),
    (re.compile(r"^خاص\s+(?:ب|لـ?|ل)ـ?\s*"), "source"),
    (re.compile(r"^خدمه\s+"), "original"),
]
# A closing line that only names an outlet: "صحيفة وول ستريت جورنال الاميركية".
_OUTLET_TYPE_RE = re.compile(r"^(?:صحيفه|جريده|مجله|موقع|وكاله|قناه|شبكه|خدمه|the)\s+\S")
_TYPE_PREFIX_RE = re.compile(r"^(?:صحيفة|صحيفه|جريدة|جريده|مجلة|مجله|موقع)\s+")
_NISBA_RE = re.compile(r"\s+ال\S+(?:ية|يه|يّة)$")
_DATE_TAIL_RE = re.compile(r"\s*[-–—,،|]?\s*[\d\u0660-\u0669]{1,4}[/.\-][\d\u0660-\u0669]{1,2}[/.\-][\d\u0660-\u0669]{1,4}\s*$")
_QUOTES_RE = re.compile(r"[«»“”\"'‘’]")
_EDGE_PUNCT = " \t*•·-–—:：.،,()[]{}ـ"
_SENTENCE_PUNCT_RE = re.compile(r"[.!؟?،,؛;]\s+\S")
# A dash between dateline parts. Tatweel (ـ) counts only beside a space ("عبدالله ـ جدة"),
# and words never contain a dash, so every split is unambiguous: the earlier
# patterns let "[^\s]+" and the dash both take tatweel runs ("أوضــــــح") and
# backtracked exponentially on real SaudiNewsNet text.
_DASH = r"(?:\s*[-–—]\s*|\s+ـ\s*|ـ\s+)"
_WORD = r"[^\s\d:.،,()\-–—]+"
_DATELINE_RE = re.compile(r"^" + _WORD + r"(?:\s+" + _WORD + r"){0,2}(?:" + _DASH + _WORD + r"(?:\s+" + _WORD + r"){0,2}){1,2}\s*:?$")
_PREFIX_WORD = r"[^\s:.،,\-–—]+"
_DATELINE_PREFIX_RE = re.compile(
    r"^\s*(" + _PREFIX_WORD + r"(?:\s+" + _PREFIX_WORD + r"){0,4}(?:" + _DASH + _PREFIX_WORD + r"(?:\s+" + _PREFIX_WORD
    + r"){0,3}){1,3})\s*:\s*\S"
)


def _clean_outlet(outlet: str, *, had_type_word: bool = False) -> str:
    outlet = _DATE_TAIL_RE.sub("", strip_links(outlet))
    outlet = _QUOTES_RE.sub("", outlet).strip(_EDGE_PUNCT)
    stripped = _TYPE_PREFIX_RE.sub("", outlet)
    if stripped != outlet:
        outlet, had_type_word = stripped, True
    # "صحيفة وول ستريت جورنال الاميركية": the adjective agrees with صحيفة, it is not
    # part of the name (but "القدس العربي" keeps its masculine adjective).
    if had_type_word and len(outlet.split()) > 1:
        outlet = _NISBA_RE.sub("", outlet)
    return outlet.strip(_EDGE_PUNCT)


def credit_line(line: str, *, max_words: int = 10) -> Provenance | None:
    """The credit a stand-alone line states, or None when it is not a credit line.

    Only short lines count: a sentence that *begins* "نقلا عن مصادر …, قال …" is
    reporting, not a credit.

    >>> credit_line("المصدر: [الشرق الأوسط](#) - 2022/11/18")
    Provenance(kind='source', outlet='الشرق الأوسط', line='المصدر: [الشرق الأوسط](#) - 2022/11/18')
    >>> credit_line("نقلاً عن : اندبندنت عربية").outlet
    'اندبندنت عربية'
    >>> credit_line("ترجمة صحيفة القدس العربي").kind
    'translation'
    >>> credit_line("(واس)").outlet
    'واس'
    >>> credit_line("* خدمة «نيويورك تايمز»")
    Provenance(kind='original', outlet='نيويورك تايمز', line='* خدمة «نيويورك تايمز»')
    >>> credit_line("نقلا عن مصادر مطلعة، قال الوزير إن الاجتماع سيعقد غدا.") is None
    True
    """
    stripped = line.strip()
    body = stripped.lstrip("*•·-–— \t")
    if not body or len(body.split()) > max_words:
        return None
    unlinked = strip_links(body)
    folded = _fold(unlinked)
    m = _AGENCY_ALONE_RE.match(folded)
    if m:
        return Provenance("source", _clean_outlet(unlinked), stripped)
    for cue, kind in _CUES:
        m = cue.match(folded)
        if m is None:
            continue
        rest = folded[m.end():]
        if not rest.strip() or _SENTENCE_PUNCT_RE.search(rest):
            return None
        # Map the folded cue length back to the original: folding only removes
        # diacritics/tatweel, so count the kept characters of the original.
        outlet = _after_folded_prefix(unlinked, m.end())
        outlet = _clean_outlet(outlet)
        return Provenance(kind, outlet, stripped) if outlet else None
    return None


def outlet_line(line: str, *, max_words: int = 7) -> Provenance | None:
    """A closing line that only names an outlet ("صحيفة وول ستريت جورنال الاميركية"),
    read as the original source. Callers use it only after the last body paragraph.

    >>> outlet_line("صحيفة وول ستريت جورنال الاميركية")
    Provenance(kind='original', outlet='وول ستريت جورنال', line='صحيفة وول ستريت جورنال الاميركية')
    >>> outlet_line("صحيفة تكشف تفاصيل جديدة عن الاتفاق.") is None
    True
    """
    stripped = line.strip()
    body = strip_links(stripped.lstrip("*•·-–— \t"))
    words = body.split()
    if not 2 <= len(words) <= max_words or re.search(r"[.!؟?،,؛;:]", body):
        return None
    if not _OUTLET_TYPE_RE.match(_fold(body)):
        return None
    outlet = _clean_outlet(body)
    return Provenance("original", outlet, stripped) if outlet else None


def is_dateline(line: str) -> bool:
    """A short stand-alone "place - agency" or "name ـ place" line (a dateline or byline).

    >>> is_dateline("الرياض - واس"), is_dateline("طلال عبدالله ـ جدة"), is_dateline("دوري 2014 - 2015")
    (True, True, False)
    """
    return bool(_DATELINE_RE.match(line.strip()))


def dateline_credit(line: str) -> Provenance | None:
    """The agency credited by a dateline, stand-alone ("الرياض - واس") or opening a
    paragraph ("واس- جدة: التقى …"); None when no agency is named.

    >>> dateline_credit("الرياض - واس")
    Provenance(kind='source', outlet='واس', line='الرياض - واس')
    >>> dateline_credit("واس- جدة: التقى صاحب السمو الملكي ولي العهد").outlet
    'واس'
    >>> dateline_credit("سبق- الدمام: قالت مؤسسة جسر الملك فهد") is None
    True
    """
    stripped = line.strip()
    if is_dateline(stripped):
        head = stripped
    else:
        m = _DATELINE_PREFIX_RE.match(stripped[:80])
        if m is None:
            return None
        head = m.group(1)
    folded = _fold(head)
    m2 = _AGENCY_WORD_RE.search(folded)
    if m2 is None:
        return None
    return Provenance("source", _original_slice(head, folded, m2.start(1), m2.end(1)), stripped)


_TRAILING_CREDIT_RE = re.compile(r"([.!؟?][\"”»]?)\s*([(«\"“]\s*(?:" + _AGENCY + r")\s*[)»\"”])\s*$")


def trailing_credit(paragraph: str) -> tuple[str, Provenance] | None:
    """A bracketed agency credit closing a paragraph after its final full stop
    ("… للتصويت عليه. «رويترز»"): the paragraph without it, and the credit.

    >>> trailing_credit("وتراجع النفط 1 في المئة. «رويترز»")
    ('وتراجع النفط 1 في المئة.', Provenance(kind='source', outlet='رويترز', line='«رويترز»'))
    """
    if not paragraph.endswith((")", "»", '"', "”")):
        return None
    offset = max(0, len(paragraph) - 40)
    tail = paragraph[offset:]
    folded = _fold(tail)
    if len(folded) != len(tail):
        return None  # diacritics shift offsets; such closing credits are rare enough to skip
    m = _TRAILING_CREDIT_RE.search(folded)
    if m is None:
        return None
    credit = tail[m.start(2):m.end(2)]
    return paragraph[: offset + m.end(1)], Provenance("source", _clean_outlet(credit), credit)


def _after_folded_prefix(original: str, folded_len: int) -> str:
    """The part of ``original`` after the characters that folded into ``folded_len`` characters."""
    where = normalize_with_offsets(original)[1]
    return original[where[folded_len]:] if folded_len < len(where) else ""


def _original_slice(original: str, folded: str, start: int, end: int) -> str:
    if len(original) == len(folded):
        return original[start:end]
    return _clean_outlet(_after_folded_prefix(original, start))[: end - start]
