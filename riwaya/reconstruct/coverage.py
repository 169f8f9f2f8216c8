"""Coverage: which outlets carry the event, when each published, what each adds that
no other outlet has, and which widely carried claims it leaves out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from riwaya.reconstruct.claims import Claim, Sources

_SHOWN = 3


def outlet_of(article_id: str, sources: Sources) -> str:
    """The outlet name of an article, or a stand-in naming the article when unknown."""
    outlet = sources.articles[article_id].outlet
    return outlet or f"({article_id[:8]})"


def build_coverage(claims: Sequence[Claim], sources: Sources) -> list[dict[str, Any]]:
    by_outlet: dict[str, list[str]] = {}
    for article_id in sources.articles:
        by_outlet.setdefault(outlet_of(article_id, sources), []).append(article_id)
    carried: dict[str, set[str]] = {o: set() for o in by_outlet}  # outlet -> claim ids
    outlets_of: dict[str, set[str]] = {}
    for claim in claims:
        outlets = {outlet_of(a, sources) for a in claim.articles}
        outlets_of[claim.id] = outlets
        for o in outlets:
            carried[o].add(claim.id)
    rows = []
    for outlet, article_ids in by_outlet.items():
        published = sorted(p for p in (sources.articles[a].published for a in article_ids) if p)
        own = [c for c in claims if outlets_of[c.id] == {outlet}]
        own.sort(key=lambda c: (-_informative(c), min(u.position for u in c.units), c.canonical.n))
        others = len(by_outlet) - 1
        missing = [c for c in claims if outlet not in outlets_of[c.id] and others and len(outlets_of[c.id]) >= max(2, (others + 1) // 2)]
        rows.append({
            "outlet": outlet,
            "articles": article_ids,
            "event_ids": sorted({sources.event_of[a] for a in article_ids}),
            "first_published": published[0] if published else None,
            "last_published": published[-1] if published else None,
            "claims": len(carried[outlet]),
            "adds_count": len(own),
            "adds": [_ref(c, outlet, sources) for c in own[:_SHOWN]],
            "leaves_out_count": len(missing),
            "leaves_out": [_ref(c, None, sources) | {"outlets": len(outlets_of[c.id])} for c in missing[:_SHOWN]],
        })  # fmt: skip
    rows.sort(key=lambda r: (r["first_published"] or "~", r["outlet"]))
    return rows


def _informative(claim: Claim) -> float:
    u = claim.canonical
    return (len(u.numbers) > 0) + (len(u.dates) > 0) + (len(u.statements) > 0) + 0.5 * min(len(u.entities), 3) / 3


def _ref(claim: Claim, outlet: str | None, sources: Sources) -> dict[str, Any]:
    unit = claim.canonical
    if outlet is not None:
        unit = next((u for u in claim.units if outlet_of(u.article_id, sources) == outlet), unit)
    return {"claim_id": claim.id, "text": unit.text, "cite": unit.cite()}
