"""Which article or outlet an article's text comes from (``derived_from`` links).

Three kinds, strongest evidence first:

* ``credited``: the article names where its text comes from: a credit line taken out
  by cleaning ("نقلاً عن : اندبندنت عربية", "ترجمة صحيفة القدس العربي", a dateline
  "الرياض - واس") or a lead that hands the whole story to an outlet ("…، وفقاً لوكالة
  أنباء الجزيرة").
* ``verbatim``: another outlet's text, nearly word for word (shingle Jaccard ≥ 0.8).
* ``partial``: several long sentences copied from an earlier article.

Links point from the later article to the earlier one (by day, then ingest order), so
the SPA copies that many papers print all lead back to one origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from riwaya.attribution.outlet_references import outlet_key
from riwaya.model import Article

VERBATIM_JACCARD = 0.8
PARTIAL_SHARED_SENTENCES = 2

#: Provenance kinds that say the text (or its source) is someone else's.
_CREDIT_KINDS = ("relay", "translation", "source", "original")
_LEAD_SENTENCES = 2
_OUTLET_NOUN = r"(?:وكالة(?:\s+أنباء|\s+انباء)?|صحيفة|جريدة|مجلة|موقع|قناة|شبكة|إذاعة|اذاعة)"
_CREDIT_CUE = r"(?:وفق[اًًا]*\s+ل|نقل[اًًا]*\s+عن\s+|بحسب\s+|حسب\s+|حسبما\s+(?:أورد(?:ت|ه)?|نشر(?:ت|ه)?)\s+)"
# A credit cue, an outlet noun and up to four words of name, ending at punctuation,
# the end of the sentence, or a word that starts a clause.
_LEAD_CREDIT_RE = re.compile(
    _CREDIT_CUE + r"(?P<noun>" + _OUTLET_NOUN + r")\s+(?P<name>[^\s،,.:؛;()«»“”\"]+(?:\s+[^\s،,.:؛;()«»“”\"]+){0,3})"
)
_CLAUSE_WORDS = frozenset({"أن", "إن", "ان", "عن", "في", "على", "التي", "الذي", "من", "إلى", "الى", "يوم", "اليوم", "أمس"})
# Nationality adjectives after a name ("وول ستريت جورنال الأمريكية") are not part of it.
_NATIONALITY_RE = re.compile(r"^ال\w+ي(?:ة|ه)$")


@dataclass(frozen=True, slots=True)
class Credit:
    """An outlet an article names as the source of its text."""

    outlet: str
    credit: str  # the provenance kind (relay, translation, source, original) or "lead"
    line: str

    def to_dict(self) -> dict[str, str]:
        return {"outlet": self.outlet, "credit": self.credit, "line": self.line}


def lead_credit(text: str) -> Credit | None:
    """An outlet named in the lead as the source of the whole story.

    >>> lead_credit("كشف تقرير نشرته صحيفة وول ستريت جورنال عن اتصالات ، وفقاً لوكالة أنباء الجزيرة .").outlet
    'الجزيرة'
    >>> lead_credit("نقلا عن صحيفة الغارديان البريطانية، قال مسؤولون إن الاتفاق قريب.").outlet
    'الغارديان'
    >>> lead_credit("تواصل ماسك مع بوتين على مدار العامين الماضيين، وفقًا لتقرير.") is None
    True
    """
    for sentence in re.split(r"(?<=[.!؟?])\s+|\n+", text.strip())[:_LEAD_SENTENCES]:
        m = _LEAD_CREDIT_RE.search(sentence)
        if not m:
            continue
        words: list[str] = []
        for word in m.group("name").split():
            if word in _CLAUSE_WORDS or (words and _NATIONALITY_RE.match(word)):
                break
            words.append(word)
        if words:
            return Credit(" ".join(words), "lead", m.group(0).strip())
    return None


def credits(article: Article) -> list[Credit]:
    """Every outlet ``article`` credits for its text: credit lines, then the lead.

    >>> a = Article(id="x", content_hash="x", source="s", text="بحسب التقرير شملت الحوارات مواضيع عدة.",
    ...             provenance=[])
    >>> credits(a)
    []
    """
    found = [Credit(p.outlet, p.kind, p.line) for p in article.provenance if p.kind in _CREDIT_KINDS]
    lead = lead_credit(article.text)
    if lead and all(outlet_key(lead.outlet) != outlet_key(c.outlet) for c in found):
        found.append(lead)
    return found
