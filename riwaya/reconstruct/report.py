"""Assemble the reconstruction of an event or story (the issue 6 §6 contract) and
render it as Markdown or CSV.

``reconstruct(store, id)`` returns::

    {id, kind ("event"|"story"), title, story_id, event_ids, first_seen, last_seen,
     articles[], outlets[], claims[], contradictions[], statements[], timeline[],
     entities[], coverage[], brief[]}

Every item that rests on text cites it as ``{article_id, sentence_index, start, end}``
(character offsets into the article's clean text); brief sentences (``b1`` …), claims
(``c1`` …), contradictions (``k1`` …) and timeline items (``t1`` …) carry ids, and
items keep their ``event_ids`` when the reconstruction is a story.

CSV (``export_csv``): one row per claim — the ledger is what a desk filters and sorts;
the brief is marked on the rows of the claims it uses. Columns: ``claim_id``,
``brief_id``, ``text`` (canonical wording), ``stance``, ``articles`` (count),
``outlets`` (names, "; "), ``origins`` (count), ``origin_names`` ("; "), ``deniers``
(count), ``contested`` (ids of the contradictions disputing it, "; "; not an
``attribution`` one, which disputes only on whose word it rests), ``first_seen``, ``event_ids``
("; "), ``cites`` (``article_id:sentence_index:start-end``, "; ").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from riwaya.attribution.chains import chain, format_chain
from riwaya.attribution.origins import origin_name
from riwaya.entities.canonical import CanonicalEntity, canonical_entities
from riwaya.errors import NotFound
from riwaya.reconstruct.brief import build_brief
from riwaya.reconstruct.claims import Claim, Sources, build_claims, link_strength
from riwaya.reconstruct.contradictions import KIND_NAMES_AR, disputes_fact, find_contradictions
from riwaya.reconstruct.coverage import build_coverage, outlet_of
from riwaya.reconstruct.timeline import build_timeline
from riwaya.reconstruct.units import Unit, article_units, distinctive_overlap, similarity
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.views import event_view, story_view

__all__ = ["reconstruct", "load_sources", "story_markdown", "export_rows", "export_csv", "CSV_COLUMNS"]

CSV_COLUMNS = ("claim_id", "brief_id", "text", "stance", "articles", "outlets", "origins", "origin_names", "deniers",
               "contested", "first_seen", "event_ids", "cites")  # fmt: skip
_ENTITIES_SHOWN = 60


def load_sources(store: SqliteStore, event_or_story_id: str) -> tuple[dict[str, Any], Sources]:
    """The header of the reconstruction and its articles; raises NotFound."""
    if event_or_story_id.startswith("s-"):
        story = story_view(store, event_or_story_id)
        events = story["events"]
        header = {"id": story["id"], "kind": "story", "story_id": story["id"],
                  "title": events[0]["title"] if events else "", "first_seen": story["first_seen"], "last_seen": story["last_seen"]}
    else:
        view = event_view(store, event_or_story_id)
        events = [{**view.to_dict(), "articles": view.members}]
        header = {"id": view.id, "kind": "event", "story_id": view.story_id, "title": view.title,
                  "first_seen": view.first_seen, "last_seen": view.last_seen}
    sources = Sources(articles={}, event_of={})
    header["event_ids"] = [e["id"] for e in events]
    listed: list[dict[str, Any]] = []
    for event in events:
        for member in event["articles"]:
            article = store.get_article(member["id"])
            sources.articles[article.id] = article
            sources.event_of[article.id] = event["id"]
            links = member.get("derived_from", [])
            sources.derived[article.id] = links
            for link in links:
                if link.get("article"):
                    sources.relays.setdefault(article.id, link["article"])
                elif link.get("outlet"):
                    sources.credits.setdefault(article.id, []).append(
                        {"outlet": link["outlet"], "credit": str(link.get("evidence", {}).get("credit", link["kind"]))})
            listed.append({"id": article.id, "event_id": event["id"], "url": article.url, "outlet": article.outlet,
                           "title": article.title, "published": article.published, "derived_from": links})
    if not sources.articles:
        raise NotFound(f"{event_or_story_id!r} has no articles")
    header["articles"] = listed
    return header, sources


def reconstruct(store: SqliteStore, event_or_story_id: str, *, brief_length: int = 8, stance: bool = False) -> dict[str, Any]:
    """The story a reader needs for one event (``e-…``) or story (``s-…``).

    :param brief_length: at most this many brief sentences.
    :param stance: also run the pair-stance model for opposed claims (+~0.35 s on a 50-article
        event; it found none on the seeds, so it is off by default to keep `riwaya story` under 1 s).
    """
    header, sources = load_sources(store, event_or_story_id)
    return assemble(header, sources, brief_length=brief_length, stance=stance)


def assemble(header: dict[str, Any], sources: Sources, *, brief_length: int = 8, stance: bool = False) -> dict[str, Any]:
    """:func:`reconstruct` once the articles are loaded (tests and benchmarks call it directly)."""
    # One name per entity across the story's outlets (دونالد ترمب in one, دونالد ترامب in another).
    entity_groups = canonical_entities({a: art.entities for a, art in sources.articles.items()})
    story_names: dict[str, dict[int, str]] = {}
    for group in entity_groups:
        for article_id, mention in group.mentions:
            story_names.setdefault(article_id, {})[mention.start] = group.canonical
    units: list[Unit] = []
    for article_id, article in sources.articles.items():
        units += article_units(article, sources.event_of[article_id], len(units), story_names.get(article_id))
    distinct = distinctive_overlap(units)
    lex, sem = similarity(units, distinct=distinct)
    strength = link_strength(units, lex, sem, distinct)
    claims = build_claims(units, strength, sources)
    contradictions = find_contradictions(claims, strength, stance=stance,
                                         published={a: art.published for a, art in sources.articles.items()})
    claim_of: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for c in claims:
        for u in c.units:
            claim_of.setdefault((u.article_id, u.sentence_index), []).append((u.start, u.end, c.id))
    data = {
        "id": header["id"],
        "kind": header["kind"],
        "title": header["title"],
        "story_id": header["story_id"],
        "event_ids": header["event_ids"],
        "first_seen": header["first_seen"],
        "last_seen": header["last_seen"],
        "articles": header["articles"],
        "outlets": sorted({outlet_of(a, sources) for a in sources.articles}),
        "claims": [_claim_dict(c, sources) for c in claims if _ledger_worthy(c)],
        "contradictions": contradictions,
        "statements": _statements(sources, claim_of),
        "timeline": build_timeline(claims, contradictions, header["last_seen"]),
        "entities": _entities(entity_groups),
        "coverage": build_coverage(claims, sources),
        "brief": build_brief(claims, strength, contradictions, sources, length=brief_length, event_order=header["event_ids"]),
    }
    return data


def _ledger_worthy(claim: Claim) -> bool:
    """The ledger lists what more than one article states, attributed statements, and
    checkable facts: a sentence with a number or a date."""
    return len(claim.articles) > 1 or any(u.statements for u in claim.units) or bool(claim.canonical.numbers) or bool(claim.canonical.dates)


def _claim_dict(claim: Claim, sources: Sources) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.canonical.text,
        "cite": claim.canonical.cite(),
        "stance": claim.stance,
        "articles": claim.articles,
        "outlets": sorted({outlet_of(a, sources) for a in claim.articles}),
        "event_ids": sorted({u.event_id for u in claim.units}),
        "supporters": [_support(u) for u in claim.supporters],
        "deniers": [_support(u) for u in claim.deniers],
        "origins": len(claim.origins),
        "origin_names": claim.origins,
        "first_seen": claim.first_seen,
        "centrality": round(claim.centrality, 3),
    }


def _support(unit: Unit) -> dict[str, Any]:
    out: dict[str, Any] = unit.cite() | {"text": unit.text}
    if unit.statements:
        out["speakers"] = [{"speaker": st.speaker.text, "stance": st.stance, "chain": format_chain(chain(st))} for st in unit.statements]
    return out


def _claim_of_statement(st: Any, clauses: list[tuple[int, int, str]]) -> str | None:
    """The claim of the clause that holds the statement's cue (else its content's start)."""
    at = st.cue.start if st.cue is not None and st.cue.text.strip() else st.content.start
    return next((c for start, end, c in clauses if start <= at < end), clauses[0][2] if clauses else None)


def _statements(sources: Sources, claim_of: dict[tuple[str, int], list[tuple[int, int, str]]]) -> list[dict[str, Any]]:
    out = []
    for article_id, article in sources.articles.items():
        bounds = {s.index: s for s in article.sentences}
        for st in article.statements:
            sentence = bounds.get(st.sentence_index)
            cite = {"article_id": article_id, "sentence_index": st.sentence_index,
                    "start": sentence.start if sentence else st.content.start, "end": sentence.end if sentence else st.content.end}
            out.append({
                **st.to_dict(),
                "article_id": article_id,
                "event_id": sources.event_of[article_id],
                "chain": format_chain(chain(st)),
                "origin": origin_name(st, article.text),
                "cite": cite,
                "claim_id": _claim_of_statement(st, claim_of.get((article_id, st.sentence_index), [])),
            })  # fmt: skip
    out.sort(key=lambda s: (s["origin"], s["article_id"], s["sentence_index"]))
    return out


def _entities(groups: Sequence[CanonicalEntity]) -> list[dict[str, Any]]:
    rows = []
    for g in groups:
        articles = list(dict.fromkeys(a for a, _ in g.mentions))
        rows.append({
            "name": g.canonical, "type": g.type, "variants": list(g.variants), "mentions": len(g.mentions),
            "articles": articles,
            "cites": [{"article_id": a, "start": m.start, "end": m.end} for a, m in g.mentions[:5]],
        })  # fmt: skip
    rows.sort(key=lambda r: (-len(r["articles"]), -r["mentions"], r["name"]))
    return rows[:_ENTITIES_SHOWN]


# -- rendering -------------------------------------------------------------------------

def _c(cite: dict[str, Any]) -> str:
    return f"[{cite['article_id'][:8]}§{cite['sentence_index']}]"


def story_markdown(data: dict[str, Any]) -> str:
    """A readable Arabic report; every line that states something ends with its citations
    ``[article§sentence]`` (article ids shortened to 8 characters)."""
    kind = "قصة" if data["kind"] == "story" else "حدث"
    lines = [
        f"# {data['title']}",
        "",
        f"{kind} `{data['id']}` · القصة `{data['story_id']}` · {len(data['articles'])} مقالات · "
        f"{len(data['outlets'])} منافذ · {data['first_seen'] or '؟'} … {data['last_seen'] or '؟'}",
        "",
        "## الموجز",
        "",
    ]
    for b in data["brief"]:
        mark = " ⚠ متنازع عليه" if b["contested"] else ""
        lines.append(f"{b['id'][1:]}. {b['text']} — مصادر مستقلة: {b['origins']}{mark} {' '.join(_c(c) for c in b['cites'])}")
    lines += ["", "## الادعاءات", ""]
    for c in data["claims"]:
        deny = f" · نفي: {len(c['deniers'])}" if c["deniers"] else ""
        lines.append(f"- **{c['id']}** {c['text']} — {len(c['articles'])} مقالات · مصادر مستقلة: {c['origins']}"
                     f" ({'، '.join(c['origin_names'])}){deny} {' '.join(_c(s) for s in c['supporters'])}")
    lines += ["", "## التناقضات", ""]
    for k in data["contradictions"]:
        lines.append(f"- **{k['id']}** ({KIND_NAMES_AR.get(k['kind'], k['kind'])}، {'، '.join(k['claims'])}) {k.get('explanation_ar') or k['explanation']}: "
                     f"{' '.join(_c(s) for s in k['a'])} ↔ {' '.join(_c(s) for s in k['b'])}")
    if not data["contradictions"]:
        lines.append("- لا تناقضات.")
    lines += ["", "## الخط الزمني", ""]
    for t in data["timeline"]:
        flag = " ⚠ تاريخ متعارض" if t["conflict"] else ""
        lines.append(f"- **{t['when']}** ({'، '.join(t['surface'])}) {t['text']}{flag} {' '.join(_c(c) for c in t['cites'])}")
    lines += ["", "## التغطية", ""]
    for row in data["coverage"]:
        lines.append(f"- **{row['outlet']}** · نشر {row['first_published'] or '؟'} · {len(row['articles'])} مقالات · "
                     f"{row['claims']} ادعاءات · ينفرد بـ {row['adds_count']} · يغفل {row['leaves_out_count']}")
        for ref in row["adds"]:
            lines.append(f"  - ينفرد: {ref['text']} {_c(ref['cite'])}")
        for ref in row["leaves_out"]:
            lines.append(f"  - يغفل ({ref['outlets']} منافذ): {ref['text']} {_c(ref['cite'])}")
    lines += ["", "## المقالات", ""]
    for a in data["articles"]:
        lines.append(f"- `{a['id']}` {a['published'] or ''} {a['outlet'] or ''} {a['title'] or ''} {a['url'] or ''}".rstrip())
    return "\n".join(lines) + "\n"


def export_rows(data: dict[str, Any]) -> list[dict[str, str]]:
    """One row per claim of the ledger (see the module docstring for the columns)."""
    in_brief = {b["claim_id"]: b["id"] for b in data["brief"]}
    contested: dict[str, list[str]] = {}
    for k in data["contradictions"]:
        if disputes_fact(k):
            for c in k["claims"]:
                contested.setdefault(c, []).append(k["id"])
    rows = []
    for c in data["claims"]:
        rows.append({
            "claim_id": c["id"], "brief_id": in_brief.get(c["id"], ""), "text": c["text"], "stance": c["stance"],
            "articles": str(len(c["articles"])), "outlets": "; ".join(c["outlets"]), "origins": str(c["origins"]),
            "origin_names": "; ".join(c["origin_names"]), "deniers": str(len(c["deniers"])),
            "contested": "; ".join(contested.get(c["id"], [])), "first_seen": c["first_seen"] or "",
            "event_ids": "; ".join(c["event_ids"]),
            "cites": "; ".join(f"{s['article_id']}:{s['sentence_index']}:{s['start']}-{s['end']}" for s in c["supporters"] + c["deniers"]),
        })  # fmt: skip
    return rows


def export_csv(data: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(export_rows(data))
    return buffer.getvalue()
