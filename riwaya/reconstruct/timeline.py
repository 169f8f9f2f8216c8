"""The timeline: the dated happenings of an event or story, from the date layer.

Each date mention inside a claim's sentences becomes (or joins) the item for that
claim and that date, so five relays of one dated sentence are one item cited to five
articles. Relative dates arrive resolved by the date layer (``relative`` says so).
Mentions of "now" (الحالي، الآن) date nothing, and dates long after the last article
are page furniture (sidebars, see-also lists), not the story's. Items are ordered by
the interval they denote; an item whose claim has a date contradiction is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from riwaya.reconstruct.claims import Claim

_NOW = re.compile(r"الحالي|الآن|الان|حاليا|حالياً|اليوم$")
_FURNITURE_DAYS = 60


def build_timeline(claims: Sequence[Claim], contradictions: Sequence[dict[str, Any]], last_seen: str | None) -> list[dict[str, Any]]:
    conflicts: dict[str, list[str]] = {}
    for k in contradictions:
        if k["kind"] == "date":
            for c in k["claims"]:
                conflicts.setdefault(c, []).append(k["id"])
    limit = _parse(last_seen)
    items: dict[tuple[str, str], dict[str, Any]] = {}
    for claim in claims:
        for unit in claim.units:
            for d in unit.dates:
                if _NOW.search(d.text) or (limit and (_parse(d.earliest) or limit) > limit + timedelta(days=_FURNITURE_DAYS)):
                    continue
                key = (claim.id, d.value)
                item = items.get(key)
                if item is None:
                    item = items[key] = {
                        "id": "", "when": d.value, "precision": str(d.precision), "earliest": d.earliest, "latest": d.latest,
                        "text": unit.text, "claim_id": claim.id, "surface": [], "relative": False, "cites": [],
                        "articles": [], "event_ids": [], "conflict": bool(conflicts.get(claim.id)),
                        "contradictions": conflicts.get(claim.id, []),
                    }  # fmt: skip
                if d.text not in item["surface"]:
                    item["surface"].append(d.text)
                item["relative"] = item["relative"] or d.relative
                cite = unit.cite() | {"date_start": d.start, "date_end": d.end}
                item["cites"].append(cite)
                if unit.article_id not in item["articles"]:
                    item["articles"].append(unit.article_id)
                if unit.event_id not in item["event_ids"]:
                    item["event_ids"].append(unit.event_id)
    ordered = sorted(items.values(), key=lambda i: (i["earliest"], i["latest"], i["claim_id"]))
    for k, item in enumerate(ordered, 1):
        item["id"] = f"t{k}"
    return ordered


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
