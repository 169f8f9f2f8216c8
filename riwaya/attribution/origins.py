"""Independent origins: how many first-hand sources stand behind a set of statements.

A statement's origin is the innermost *named outlet or document publisher* of its
chain when there is one (the WSJ's anonymous officials reach us only through the
WSJ: one origin), else its speaker. Origins are compared by a spelling-tolerant key
(:func:`riwaya.entities.canonical.arabic_skeleton`, class nouns such as "صحيفة"
dropped), descriptions ("الصحيفة", "التقرير") are resolved to the outlet named before
them in the article, and an article that relays another (``relays``: later article id →
earlier article id, as in the store's ``derived_from``) adds no origin of its own for
what it relays.

>>> from riwaya.model import Article
>>> from riwaya.attribution.statements import find_statements
>>> a = Article(id="a", content_hash="a", source="t", text="زعمت صحيفة “وول ستريت جورنال” أن ماسك على تواصل مع بوتين.")
>>> b = Article(id="b", content_hash="b", source="t", text="أفادت صحيفة وول ستريت جورنال نقلاً عن مسؤولين أن ماسك تواصل مع بوتين.")
>>> independent_origins({"a": find_statements(a), "b": find_statements(b)}, texts={"a": a.text, "b": b.text})
1
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from riwaya.attribution.records import Statement
from riwaya.attribution.speakers import is_outlet_name, speaker_type
from riwaya.entities.canonical import arabic_skeleton

__all__ = ["origin_name", "origin_key", "independent_origins", "origin_groups"]

_OUTLET_MENTION = re.compile(r"(?:صحيفة|جريدة|مجلة|وكالة|قناة|موقع)\s+[«“\"]?([^\s،,.:«»“”\"]+(?:\s+[^\s،,.:«»“”\"]+){0,3})")
_GENERIC = {"الصحيفة", "الصحيفه", "التقرير", "تقرير", "المنفذ", "للمنفذ", "الوكالة", "الوكاله", "المجلة", "المجله"}


def origin_name(statement: Statement, text: str = "") -> str:
    """The first-hand origin of ``statement`` as a name; ``text`` (the article text)
    lets a description or an unnamed report be resolved to the outlet named before it."""
    names = [(link.refers_to or link.text) for link in statement.via if link.kind != "credit"]
    names.append(statement.speaker_refers_to or statement.speaker.text)
    for name in reversed(names):
        if is_outlet_name(name) and name.split()[0] not in _GENERIC:
            return name
    stype = statement.speaker_type
    if text and (stype in {"document", "anonymous", "outlet"} or speaker_type(names[-1]) in {"document", "outlet"}):
        tail = text[statement.content.end: statement.content.end + 200]
        before = text[: statement.cue.start or statement.content.start]
        found = _OUTLET_MENTION.findall(before + " " + tail if not _OUTLET_MENTION.search(text[statement.cue.start:statement.content.start]) else text[statement.cue.start:statement.content.start])
        if found:
            return found[-1]
    return names[-1]


def origin_key(name: str) -> str:
    """A spelling-tolerant key for an origin name.

    >>> origin_key("صحيفة “وول ستريت جورنال” الأميركية") == origin_key("وول ستريت جورنال")
    True
    """
    words = [w for w in re.findall(r"[^\s«»“”\"'()]+", name)]
    words = [w for w in words if not re.match(r"^ال\S+(?:ية|يه)$", w) or len(words) == 1]
    return arabic_skeleton(" ".join(words))


def origin_groups(statements_by_article: Mapping[str, Sequence[Statement]], *,
                  relays: Mapping[str, str] | None = None,
                  texts: Mapping[str, str] | None = None) -> dict[str, list[tuple[str, Statement]]]:
    """Statements grouped by origin key (after collapsing relays)."""
    relays = relays or {}
    texts = texts or {}
    groups: dict[str, list[tuple[str, Statement]]] = {}
    per_article: dict[str, set[str]] = {}
    for article_id, statements in statements_by_article.items():
        for st in statements:
            key = origin_key(origin_name(st, texts.get(article_id, "")))
            groups.setdefault(key, []).append((article_id, st))
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
