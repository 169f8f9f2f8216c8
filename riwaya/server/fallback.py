"""A plain stand-in for :func:`riwaya.reconstruct.reconstruct`, used only when that
module is not installed: the story contract built from what the stored layers hold
(statements, dates, entities), with no claim alignment beyond word overlap.

It keeps the desk usable and testable on its own; every story it builds says
``"reconstructed_by": "fallback"``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from riwaya.arabic.tokens import match_keys
from riwaya.model import Article, Statement

_SAME_CLAIM = 0.45  # word-overlap (Jaccard of light stems) that puts two statements in one claim
_DENIES = 0.12  # overlap a denial needs with a claim to count as denying it
_BRIEF = 8


def article_label(article: Article) -> str:
    """The name a reader knows an article by: its outlet, a credited outlet, or its source."""
    if article.outlet:
        return article.outlet
    if article.provenance:
        return article.provenance[0].outlet
    return article.source.rsplit("/", 1)[-1]


def statement_origin(statement: Statement) -> str:
    """Who a statement comes from in the end: a named speaker, else its innermost named relay."""
    if statement.speaker_type != "anonymous":
        return statement.speaker_refers_to or statement.speaker.text
    for link in reversed(statement.via):
        return link.refers_to or link.text
    return statement.speaker_refers_to or statement.speaker.text


def _cite(article: Article, sentence_index: int) -> dict[str, Any]:
    sentence = article.sentences[sentence_index] if 0 <= sentence_index < len(article.sentences) else None
    return {"article_id": article.id, "sentence_index": sentence_index,
            "start": sentence.start if sentence else None, "end": sentence.end if sentence else None,
            "text": sentence.text if sentence else None}  # fmt: skip


def _chain(article: Article, statement: Statement) -> str:
    return " ← ".join([article_label(article), *(link.refers_to or link.text for link in statement.via), statement.speaker.text])


def statement_record(article: Article, statement: Statement) -> dict[str, Any]:
    return {
        **statement.to_dict(),
        "article_id": article.id,
        "chain": _chain(article, statement),
        "origin": statement_origin(statement),
        "cite": {k: v for k, v in _cite(article, statement.sentence_index).items() if k != "text"},
    }


def fallback_reconstruct(view: dict[str, Any], articles: list[Article]) -> dict[str, Any]:
    """The issue-6 story contract for one event ``view`` (``EventView.to_dict()``)
    from its stored ``articles``."""
    by_id = {a.id: a for a in articles}
    statements = [statement_record(a, s) for a in articles for s in a.statements]
    published = {a.id: (a.published or "")[:10] or None for a in articles}
    claims = _claims([s for s in statements if s["stance"] != "deny"], by_id, published)
    contradictions = _denials([s for s in statements if s["stance"] == "deny"], claims, by_id)
    return {
        **view,
        "kind": "event",
        "event_ids": [view["id"]],
        "articles": [
            {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published} for a in articles
        ],
        "outlets": sorted({article_label(a) for a in articles}),
        "claims": claims,
        "contradictions": contradictions,
        "statements": statements,
        "timeline": _timeline(articles),
        "entities": _entities(articles),
        "coverage": [
            {"outlet": article_label(a), "articles": [a.id], "first_published": a.published, "last_published": a.published,
             "adds": [], "leaves_out": []}
            for a in sorted(articles, key=lambda a: (a.published or "", a.id))
        ],  # fmt: skip
        "brief": _brief(claims),
        "reconstructed_by": "fallback",
    }


def _keys(text: str) -> set[str]:
    return {k for k in match_keys(text) if len(k) > 2}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _evidence(statement: dict[str, Any], by_id: dict[str, Article]) -> dict[str, Any]:
    article = by_id[statement["article_id"]]
    return {**_cite(article, statement["sentence_index"]),
            "speakers": [{"speaker": statement["speaker"], "stance": statement["stance"], "chain": statement["chain"]}]}  # fmt: skip


def _claims(
    statements: list[dict[str, Any]], by_id: dict[str, Article], published: dict[str, str | None]
) -> list[dict[str, Any]]:
    groups: list[tuple[set[str], list[dict[str, Any]]]] = []
    for statement in statements:
        keys = _keys(statement["content"])
        best = max(groups, key=lambda g: _jaccard(keys, g[0]), default=None)
        if best is not None and _jaccard(keys, best[0]) >= _SAME_CLAIM:
            best[1].append(statement)
            best[0].update(keys)
        else:
            groups.append((set(keys), [statement]))
    claims = []
    for keys, members in groups:
        articles = list(dict.fromkeys(m["article_id"] for m in members))
        origins = list(dict.fromkeys(m["origin"] for m in members))
        days = [d for d in (published.get(a) for a in articles) if d]
        claims.append(
            {
                "text": members[0]["content"],
                "cite": members[0]["cite"],
                "stance": "assert",
                "articles": articles,
                "outlets": list(dict.fromkeys(article_label(by_id[a]) for a in articles)),
                "supporters": [_evidence(m, by_id) for m in members],
                "deniers": [],
                "origins": len(origins),
                "origin_names": origins,
                "first_seen": min(days, default=None),
                "_keys": keys,
                "_contested": [],
            }
        )
    claims.sort(key=lambda c: (-len(c["articles"]), c["first_seen"] or "", c["text"]))
    for number, claim in enumerate(claims, 1):
        claim["id"] = f"c{number}"
    return claims


def _denials(denials: list[dict[str, Any]], claims: list[dict[str, Any]], by_id: dict[str, Article]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for denial in denials:
        keys = _keys(denial["content"])
        target = max(claims, key=lambda c: _jaccard(keys, c["_keys"]), default=None)
        if target is None or _jaccard(keys, target["_keys"]) < _DENIES:
            continue
        kid = f"k{len(found) + 1}"
        target["deniers"].append(_evidence(denial, by_id))
        target["_contested"].append(kid)
        found.append(
            {"id": kid, "kind": "denial", "claims": [target["id"]],
             "a": [{k: v for k, v in s.items() if k != "speakers"} for s in target["supporters"][:3]],
             "b": [{k: v for k, v in _evidence(denial, by_id).items() if k != "speakers"}],
             "explanation": f"{denial['origin']} ينفي ما تنقله {len(target['articles'])} مقالات"}  # fmt: skip
        )
    return found


def _timeline(articles: list[Article]) -> list[dict[str, Any]]:
    by_value: dict[str, dict[str, Any]] = {}
    for article in articles:
        for mention in article.dates:
            sentence = next((s for s in article.sentences if s.start <= mention.start < s.end), None)
            entry = by_value.setdefault(
                mention.value,
                {"when": mention.value, "precision": str(mention.precision), "earliest": mention.earliest,
                 "latest": mention.latest, "text": sentence.text if sentence else mention.text, "surface": [],
                 "cites": [], "articles": [], "conflict": False},
            )  # fmt: skip
            entry["surface"].append(mention.text)
            if sentence is not None:
                entry["cites"].append({"article_id": article.id, "sentence_index": sentence.index,
                                       "start": sentence.start, "end": sentence.end})  # fmt: skip
            if article.id not in entry["articles"]:
                entry["articles"].append(article.id)
    entries = sorted(by_value.values(), key=lambda e: (e["earliest"], e["when"]))
    for n, entry in enumerate(entries, 1):
        entry["id"] = f"t{n}"
    return entries


def _entities(articles: list[Article]) -> list[dict[str, Any]]:
    mentions: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], list[str]] = {}
    variants: dict[tuple[str, str], list[str]] = {}
    for article in articles:
        for entity in article.entities:
            key = (entity.canonical or entity.text, entity.type)
            mentions[key] += 1
            where.setdefault(key, [])
            variants.setdefault(key, [])
            if article.id not in where[key]:
                where[key].append(article.id)
            if entity.text not in variants[key]:
                variants[key].append(entity.text)
    return [
        {"name": name, "type": kind, "variants": variants[(name, kind)], "mentions": n, "articles": where[(name, kind)]}
        for (name, kind), n in sorted(mentions.items(), key=lambda item: (-item[1], item[0]))
    ]


def _brief(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    brief: list[dict[str, Any]] = []
    seen: set[str] = set()
    for claim in claims:
        first = claim["supporters"][0]
        text = first.get("text") or claim["text"]
        if text in seen:
            continue
        seen.add(text)
        cites = list({(s["article_id"], s["sentence_index"]): {k: v for k, v in s.items() if k not in ("text", "speakers")}
                      for s in claim["supporters"]}.values())  # fmt: skip
        brief.append(
            {"id": f"b{len(brief) + 1}", "text": text, "claim_id": claim["id"], "cite": cites[0], "cites": cites,
             "articles": claim["articles"], "origins": claim["origins"], "origin_names": claim["origin_names"],
             "contested": bool(claim["_contested"]), "contradictions": list(claim["_contested"])}  # fmt: skip
        )
        if len(brief) >= _BRIEF:
            break
    for claim in claims:
        claim.pop("_keys", None)
        claim.pop("_contested", None)
    return brief
