"""Independent origins: how many first-hand sources stand behind a set of statements.

A statement's origin is read off its chain (issue 5 §3):

- a *named* first-hand speaker — a person, an official, an organization, a document
  such as a book or an affidavit — is the origin, whatever outlets relay it;
- an anonymous source, an outlet, or a report reaches us only through the outlet that
  published it: the origin is the innermost named outlet of the chain, with
  descriptions ("الصحيفة"، "للمنفذ"، "التقرير"، "تقرير X") resolved to the outlet they
  refer to;
- an anonymous source or a report whose outlet the sentence does not name ("وفقاً
  لمطلعين"، "وفقاً لتقرير") belongs to the article's *principal outlet*: the news outlet
  its text names most often (a relay article summarises one report).

Origins are compared by a spelling-tolerant key (:func:`origin_key`), and two origins
whose distinctive words overlap are one ("بيسكوف" = "المتحدث باسم الكرملين دميتري
بيسكوف" = "الكرملين"; titles and generic heads are not distinctive). An article that
relays another (``relays``: later article id → earlier article id, as in the store's
``derived_from``) adds no origin of its own for what it relays.

>>> from riwaya.model import Article
>>> from riwaya.attribution.statements import find_statements
>>> a = Article(id="a", content_hash="a", source="t", text="زعمت صحيفة “وول ستريت جورنال” أن ماسك على تواصل مع بوتين.")
>>> b = Article(id="b", content_hash="b", source="t", text="أفادت صحيفة وول ستريت جورنال نقلاً عن مسؤولين أن ماسك تواصل مع بوتين.")
>>> independent_origins({"a": find_statements(a), "b": find_statements(b)}, texts={"a": a.text, "b": b.text})
1
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from riwaya.arabic.normalize import matching_words, normalize_for_matching
from riwaya.model import Statement
from riwaya.attribution.speakers import is_outlet_name, speaker_type
from riwaya.entities.canonical import arabic_skeleton

__all__ = ["origin_name", "origin_key", "independent_origins", "origin_groups", "principal_outlet"]

_OUTLET_MENTION = re.compile(
    r"(?:صحيفة|جريدة|مجلة|وكالة|قناة|شبكة|موقع)\s+[«“\"]?\s*([^\s،,.:«»“”\"()]+(?:\s+[^\s،,.:«»“”\"()]+){0,2})")
_DESCRIPTIONS = matching_words((
    "الصحيفة الجريدة المجلة الوكالة القناة الموقع المنفذ للمنفذ لمنفذ التقرير تقرير لتقرير التقارير تقارير "
    "الشبكة للصحيفة لصحيفة"))
_REPORT_HEADS = matching_words("تقرير التقرير لتقرير تقارير التقارير")
_NAMED_DOCUMENT_HEADS = matching_words("كتاب الكتاب إفادة افادة وثيقة دراسة مذكرة")
# words that say what a speaker is, not who: never enough to join two origins
_GENERIC = matching_words((
    "في من عن على الى إلى باسم و المتحدث متحدث الناطق ناطق الرسمي الرئيس رئيس وزير الوزير مدير المدير "
    "مسؤول مسؤولو مسؤولون مسؤولين المسؤول مصدر مصادر المصدر مطلع مطلعين مطلعة شخص شخصين شخصان "
    "السابق السابقة الحالي الاميركي الامريكي الامريكية الاميركية الروسي الروسية الاوروبي "
    "صحيفة الصحيفة وكالة الوكالة موقع قناة شبكة مجلة تقرير التقرير بيان البيان الحكومة حكومة "
    "الولايات المتحدة وقت لاحق سابق لكن لكنه قال"))
_NAMES: dict[int, str] = {}
_REPORT_WORDS = matching_words("موسع جديد حديث نشرته نشره صادر سابق أخير اخير مطول")
_NEWS_AGENCY = re.compile(r"انباء|رويترز|فرانس|اسوشيتد|الاناضول|واس")


def _name_of(statement: Statement) -> str:
    return statement.speaker_refers_to or statement.speaker.text


def _is_outlet(name: str) -> bool:
    if not is_outlet_name(name):
        return False
    folded = normalize_for_matching(name)
    head = folded.split()[0] if folded.split() else ""
    if head in _DESCRIPTIONS:
        return False
    # "وكالة الفضاء الأميركية" is an agency, not a news agency
    return not head.lstrip("ول").startswith("وكال") or bool(_NEWS_AGENCY.search(folded))


@lru_cache(maxsize=64)
def principal_outlet(text: str) -> str | None:
    """The news outlet ``text`` names most often (first named on a tie), or None.

    >>> principal_outlet("زعمت صحيفة “وول ستريت جورنال” … وأشارت الصحيفة … نقلاً عن صحيفة وول ستريت جورنال، بحسب وكالة رويترز")
    'وول ستريت جورنال'
    """
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for m in _OUTLET_MENTION.finditer(text):
        name = m.group(0)
        if not _is_outlet(name):
            continue
        words = m.group(1).split()
        if re.match(r"[A-Za-z]", words[0]):  # "لشبكة CNN شريطة …": the Latin run only
            words = [w for w in words[:1]]
        else:
            cut = next((k for k, w in enumerate(words) if normalize_for_matching(w) in _GENERIC or re.match(r"[A-Za-z0-9]", w)), len(words))
            if cut == 0:
                continue
            words = words[:cut]
        short = " ".join(words).strip(" ”»\"")
        key = origin_key(short)
        counts[key] += 1
        first.setdefault(key, short)
    if not counts:
        return None
    best = max(counts.values())
    for key, name in first.items():
        if counts[key] == best:
            return name
    return None


def origin_name(statement: Statement, text: str = "") -> str:
    """The first-hand origin of ``statement`` as a name; ``text`` (the article text)
    gives the principal outlet for a source whose outlet the sentence leaves unnamed.

    >>> from riwaya.model import Article
    >>> from riwaya.attribution.statements import find_statements
    >>> t = "أفادت صحيفة وول ستريت جورنال أن ماسك تواصل مع بوتين. ووفقاً لمطلعين، طلب بوتين ذلك. وقال بيسكوف إن ذلك غير صحيح."
    >>> [origin_name(s, t) for s in find_statements(Article(id="a", content_hash="a", source="t", text=t))]
    ['صحيفة وول ستريت جورنال', 'وول ستريت جورنال', 'بيسكوف']
    """
    speaker = _name_of(statement)
    stype = statement.speaker_type
    if statement.speaker_refers_to:
        stype = speaker_type(statement.speaker_refers_to)
    words = normalize_for_matching(speaker).split()
    if stype in {"person", "official", "organization"} or (words and words[0] in _NAMED_DOCUMENT_HEADS and len(words) > 1):
        return speaker  # a named speaker, or a named document ("كتاب وودورد")
    names = [(link.refers_to or link.text) for link in statement.via if link.kind != "credit"] + [speaker]
    for name in reversed(names):
        if _is_outlet(name):
            return name
    if words and words[0] in _REPORT_HEADS:
        named = [w for w in speaker.split()[1:] if not normalize_for_matching(w).startswith("ال")
                 and normalize_for_matching(w) not in _REPORT_WORDS]
        if named:
            return " ".join(named)  # "تقرير وول ستريت جورنال الصادر": the journal's report
    principal = principal_outlet(text) if text else None
    if principal:
        return principal
    credits = [link.text for link in statement.via if link.kind == "credit"]
    return credits[-1] if credits else speaker


def origin_key(name: str) -> str:
    """A spelling-tolerant key for an origin name.

    >>> origin_key("صحيفة “وول ستريت جورنال” الأميركية") == origin_key("وول ستريت جورنال")
    True
    """
    words = [w for w in re.findall(r"[^\s«»“”\"'()]+", name)]
    words = [w for w in words if not re.match(r"^ال\S+(?:ية|يه)$", w) or len(words) == 1]
    while len(words) > 1 and normalize_for_matching(words[0]) in {"صحيفه", "جريده", "مجله", "وكاله", "موقع", "قناه", "شبكه"}:
        words = words[1:]
    return arabic_skeleton(" ".join(words))


def _distinctive(name: str) -> frozenset[str]:
    return frozenset(arabic_skeleton(w) for w in normalize_for_matching(name).translate(
        str.maketrans("", "", "«»“”\"'()")).split() if w not in _GENERIC and len(w) > 2)


def origin_groups(statements_by_article: Mapping[str, Sequence[Statement]], *,
                  relays: Mapping[str, str] | None = None,
                  texts: Mapping[str, str] | None = None) -> dict[str, list[tuple[str, Statement]]]:
    """Statements grouped by origin key (after joining spellings of one source and
    collapsing relays)."""
    relays = relays or {}
    texts = texts or {}
    named: list[tuple[str, str, Statement]] = []  # (key, name, statement) in input order
    for article_id, statements in statements_by_article.items():
        for st in statements:
            name = origin_name(st, texts.get(article_id, ""))
            named.append((origin_key(name), article_id, st))
            named[-1] = (named[-1][0], article_id, st)
            _NAMES[id(st)] = name
    # one source under several spellings or descriptions ("بيسكوف"، "المتحدث باسم
    # الكرملين دميتري بيسكوف"، "الكرملين") is one origin: join keys sharing a distinctive word
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    seen: dict[str, str] = {}  # distinctive word -> a key holding it
    for key, _, st in named:
        find(key)
        for w in _distinctive(_NAMES[id(st)]):
            if w in seen and find(seen[w]) != find(key):
                parent[find(key)] = find(seen[w])
            seen.setdefault(w, key)
    groups: dict[str, list[tuple[str, Statement]]] = {}
    for key, article_id, st in named:
        groups.setdefault(find(key), []).append((article_id, st))
    _NAMES.clear()
    per_article: dict[str, set[str]] = {}
    for key, items in groups.items():
        for article_id, _ in items:
            per_article.setdefault(article_id, set()).add(key)
    # An article that relays another only repeats its origins: a key seen only in
    # relaying articles joins the origin of the article relayed.
    for later, earlier in relays.items():
        root = earlier
        while root in relays and relays[root] != root:
            root = relays[root]
        targets = per_article.get(root) or per_article.get(earlier)
        if not targets:
            continue
        target = sorted(targets)[0]
        for key in list(per_article.get(later, ())):
            if key in targets or key not in groups:
                continue
            if all(a == later or relays.get(a) for a, _ in groups[key]):
                groups.setdefault(target, []).extend(groups.pop(key))
    return groups


def independent_origins(statements_by_article: Mapping[str, Sequence[Statement]], *,
                        relays: Mapping[str, str] | None = None,
                        texts: Mapping[str, str] | None = None) -> int:
    """How many distinct first-hand origins back ``statements_by_article``
    (article id → the statements, from those articles, that carry one claim)."""
    return len(origin_groups(statements_by_article, relays=relays, texts=texts))
