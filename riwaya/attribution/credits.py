"""The article's own credit: the wire agency or outlet its text comes from.

It becomes the outermost link of every statement's chain (guideline §6): a named wire
agency in the author field or a dateline ("الرياض - واس", "مدريد - رويترز:"), or a
credit line cleaning took out of the body ("نقلاً عن : اندبندنت عربية", "ترجمة صحيفة
القدس العربي"). Generic credits ("وكالات"، "متابعات") are no intermediary. A translation
credit is followed by the original outlet it names (translator ← original); a bare
"المصدر: …" line gives way to a relay or translation credit in the same article (a
leftover widget such as "المصدر: الشرق الأوسط - 2022/11/18" inside a translated piece).

>>> from riwaya.model import Article, Provenance
>>> a = Article(id="a", content_hash="a", source="t", text="قال الوزير إن …", author="سول - د ب أ")
>>> [link.text for link in article_credits(a)]
['د ب أ']
>>> b = Article(id="b", content_hash="b", source="t", text="زعمت صحيفة …",
...             provenance=[Provenance("relay", "اندبندنت عربية", "نقلاً عن : اندبندنت عربية")])
>>> [(link.text, link.kind) for link in article_credits(b)]
[('اندبندنت عربية', 'credit')]
>>> c = Article(id="c", content_hash="c", source="t", text="قال مسؤولون …", provenance=[
...     Provenance("source", "الشرق الأوسط", "المصدر: الشرق الأوسط - 2022/11/18"),
...     Provenance("original", "وول ستريت جورنال", "صحيفة وول ستريت جورنال الاميركية"),
...     Provenance("translation", "القدس العربي", "ترجمة صحيفة القدس العربي")])
>>> [link.text for link in article_credits(c)]
['القدس العربي', 'وول ستريت جورنال']
"""

from __future__ import annotations

import re

from riwaya.arabic.normalize import matching_words, normalize_for_matching, normalize_with_offsets
from riwaya.ingest.provenance import AGENCIES, credit_line, dateline_credit
from riwaya.model import Article, Link

__all__ = ["article_credits", "credit_scopes"]

_GENERIC = matching_words(("وكالات", "الوكالات", "متابعات", "خاص", "المحرر", "اعداد"))
_CREDIT_KINDS = ("relay", "translation", "source")


_AGENCY_NAMES = sorted(
    {a for a in AGENCIES if normalize_for_matching(a) not in _GENERIC}
    | {"الفرنسية", "الألمانية", "أ. ف. ب", "ا. ف. ب", "د. ب. أ", "يونهاب"},
    key=len, reverse=True,
)
_AGENCY_RE = re.compile(
    r"(?:^|[\s\-–—ـ/(«\":])(" + "|".join(re.escape(normalize_for_matching(a)).replace(r"\ ", r"\s*") for a in _AGENCY_NAMES)
    + r")(?=$|[\s\-–—ـ/)»\":،,])"
)


def _agency_in(author: str) -> str | None:
    """A wire agency named in a short author/dateline field ("سول :رويترز", "أ. ف. ب  (واشنطن)")."""
    folded = normalize_for_matching(author)
    m = _AGENCY_RE.search(folded)
    if m is None:
        return None
    where = normalize_with_offsets(author)[1]
    return author[where[m.start(1)]:where[m.end(1)]]


def article_credits(article: Article) -> list[Link]:
    """The credit links of ``article``, outermost first (at most one per outlet)."""
    found: list[str] = []
    if article.author:
        p = dateline_credit(article.author) or credit_line(article.author)
        if p is not None and p.kind == "source":
            found.append(p.outlet)
        elif len(article.author.split()) <= 7:
            agency = _agency_in(article.author)
            if agency:
                found.append(agency)
    kinds = {p.kind for p in article.provenance}
    specific = bool(kinds & {"relay", "translation"})
    for p in article.provenance:
        if p.kind == "source" and specific:
            continue  # a relay or translation credit says more than a bare "المصدر:" line
        if p.kind in _CREDIT_KINDS:
            found.append(p.outlet)
    if "translation" in kinds:
        # "ترجمة صحيفة القدس العربي" after "صحيفة وول ستريت جورنال": the translator
        # relays the original outlet, the next link inward
        found.extend(p.outlet for p in article.provenance if p.kind == "original")
    first_line = article.text.lstrip().split("\n", 1)[0]
    p = dateline_credit(first_line)
    if p is not None:
        found.append(p.outlet)
    links: list[Link] = []
    seen: set[str] = set()
    for outlet in found:
        key = normalize_for_matching(outlet).replace(".", "").replace(" ", "")
        if not outlet.strip() or normalize_for_matching(outlet) in _GENERIC or key in seen:
            continue
        seen.add(key)
        links.append(Link(outlet, None, None, "credit"))
    return links


def _heading_names(heading: str, outlet: str) -> bool:
    words = [w for w in normalize_for_matching(outlet).split() if len(w) > 2]
    folded = normalize_for_matching(heading)
    return bool(words) and all(w in folded for w in words)


def credit_scopes(article: Article) -> list[tuple[int, Link]]:
    """The credit links of ``article`` with the offset from which each applies: 0, except
    in a composite article whose translated part opens with a heading naming the
    original outlet ("## “وول ستريت جورنال” تكشف …" before "ترجمة صحيفة القدس العربي"):
    the translation and original credits then cover the text from that heading on.

    >>> from riwaya.model import Article, Provenance, Span
    >>> text = "نفى الكرملين التقرير.\\n\\nوول ستريت جورنال تكشف\\n\\nوقال مسؤولون إن …"
    >>> a = Article(id="a", content_hash="a", source="t", text=text,
    ...     headings=[Span(23, 41, "وول ستريت جورنال تكشف")],
    ...     provenance=[Provenance("original", "وول ستريت جورنال", "صحيفة وول ستريت جورنال"),
    ...                 Provenance("translation", "القدس العربي", "ترجمة صحيفة القدس العربي")])
    >>> [(start, link.text) for start, link in credit_scopes(a)]
    [(23, 'القدس العربي'), (23, 'وول ستريت جورنال')]
    """
    links = article_credits(article)
    originals = [p.outlet for p in article.provenance if p.kind == "original"]
    translated = {normalize_for_matching(p.outlet) for p in article.provenance if p.kind in {"original", "translation"}}
    start = 0
    if originals and "translation" in {p.kind for p in article.provenance}:
        for heading in article.headings:
            if any(_heading_names(heading.text, o) for o in originals):
                start = heading.start
                break
    return [(start if normalize_for_matching(link.text) in translated else 0, link) for link in links]
