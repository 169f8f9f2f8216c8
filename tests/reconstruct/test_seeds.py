"""Acceptance 1 (issue 6): the seed story reconstructed against seeds.json — claims with
their independent-origin counts, genuine contradictions flagged and apparent-only ones
not, and the brief covering `summary_must_cover`. Each test prints "N of M".

Set RIWAYA_TEST_SEEDS_DB to a database `riwaya demo` filled to skip the ingest."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest

from riwaya.attribution.evaluate import content_overlap
from riwaya.reconstruct import export_csv, reconstruct, story_markdown
from riwaya.reconstruct.contradictions import KIND_NAMES_AR
from riwaya.store import open_store

Occurrence = tuple[str, int]  # (article id, sentence index)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from typer.testing import CliRunner

    from riwaya.cli import app

    given = os.environ.get("RIWAYA_TEST_SEEDS_DB")
    if given and Path(given).exists():
        db = Path(given)
    else:
        db = tmp_path_factory.mktemp("seeds") / "seeds.db"
        result = CliRunner().invoke(app, ["demo", "--db", str(db)])
        assert result.exit_code == 0, result.output
    store = open_store(db)
    yield store
    store.close()


@pytest.fixture(scope="module")
def story(seed_store: Any) -> dict[str, Any]:
    stories = {row["story_id"] for row in seed_store.stories.live_events()}
    assert len(stories) == 1
    return reconstruct(seed_store, stories.pop())


@pytest.fixture(scope="module")
def gold_units(seed_store: Any, story: dict[str, Any], seeds_gold: dict[str, Any]) -> dict[Occurrence, set[str]]:
    """Which gold claims each sentence of the seed articles carries (via the quotes of
    the claims' statements, or for a claim with none, the hand-located quotes of
    ``UNATTRIBUTED``: a sentence carries a quote when it holds ≥ 60% of its words,
    or, for a quote over consecutive sentences, when it is one of them)."""
    key_of = {}
    for a in story["articles"]:
        article = seed_store.get_article(a["id"])
        key_of[article.source.split("/")[-1][:3]] = article
        _SEED_KEYS[article.id] = article.source.split("/")[-1][:3]
    statements = {s["id"]: s for s in seeds_gold["statements"]}
    unattributed = json.loads(UNATTRIBUTED.read_text(encoding="utf-8"))
    out: dict[Occurrence, set[str]] = {}
    for claim in seeds_gold["claims"]:
        occurrences = [occ for sid in claim["statements"] for occ in statements.get(sid, {}).get("occurrences", [])]
        if not claim["statements"]:
            occurrences = unattributed.get(claim["id"], [])
        for occ in occurrences:
            article = key_of[occ["article"]]
            quote = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", occ["quote"])
            for index in _locate(article.sentences, quote):
                out.setdefault((article.id, index), set()).add(claim["id"])
                _QUOTES.setdefault((article.id, index), {}).setdefault(claim["id"], []).append(quote)
        for article in key_of.values():
            _TEXTS[article.id] = article.text
    return out


#: the gold quotes each located sentence carries, by claim, and the seed texts: a cite of a
#: clause carries the gold claims whose quote it states (:func:`_clause_carries`)
_QUOTES: dict[Occurrence, dict[str, list[str]]] = {}
_TEXTS: dict[str, str] = {}


def _clause_carries(clause: str, quote: str) -> bool:
    """A clause states a gold claim when it holds half of the quote's words, or when the
    quote holds most of the clause's (a quote over a whole sentence cut into clauses)."""
    return content_overlap(clause, quote) >= 0.5 or content_overlap(quote, clause) >= 0.6


#: where the seed claims seeds.json gives no statement for (narration) are stated, located by hand
UNATTRIBUTED = Path(__file__).parent / "data" / "seeds_unattributed.json"


def _locate(sentences: list[Any], quote: str) -> list[int]:
    """The sentence holding ≥ 60% of the quote's words; else, for a quote that runs over
    two or three sentences, the run of consecutive sentences that together hold ≥ 60% of
    them (each sentence of the run holding ≥ 20%)."""
    best = max(sentences, key=lambda s: content_overlap(s.text, quote))
    if content_overlap(best.text, quote) >= 0.6:
        return [best.index]
    for size in (2, 3):
        for k in range(len(sentences) - size + 1):
            run = sentences[k : k + size]
            if content_overlap(" ".join(s.text for s in run), quote) >= 0.6 and all(content_overlap(s.text, quote) >= 0.2 for s in run):
                return [s.index for s in run]
    return []


_SEED_KEYS: dict[str, str] = {}


def _seed_key(article_id: str, gold_units: dict[Occurrence, set[str]], seeds_gold: dict[str, Any]) -> str | None:
    return _SEED_KEYS.get(article_id)


def _gold_of(cites: list[dict[str, Any]], gold_units: dict[Occurrence, set[str]]) -> set[str]:
    """The gold claims the cited sentences carry; for a cited clause, those of its sentence
    that the clause itself states."""
    out: set[str] = set()
    for c in cites:
        key = (c["article_id"], c["sentence_index"])
        claims = gold_units.get(key, set())
        if "clause_start" in c:
            clause = _TEXTS[c["article_id"]][c["clause_start"]:c["clause_end"]]
            claims = {x for x in claims if any(_clause_carries(clause, q) for q in _QUOTES.get(key, {}).get(x, []))}
        out |= claims
    return out


def test_seed_claims_and_origins(story: dict[str, Any], seeds_gold: dict[str, Any], gold_units: dict[Occurrence, set[str]]) -> None:
    """A gold claim is found when one claim of the ledger holds its sentences in at least
    half of the articles where they were located; its origin count is then compared."""
    located: dict[str, set[str]] = {}
    for (article_id, _), claims in gold_units.items():
        for c in claims:
            located.setdefault(c, set()).add(article_id)
    found = right = 0
    misses = []
    for claim in seeds_gold["claims"]:
        where = located.get(claim["id"], set())
        if not where:
            misses.append(f"{claim['id']} (quotes not located)")
            continue
        best = max(story["claims"], key=lambda c: len({s["article_id"] for s in c["supporters"] + c["deniers"]
                                                       if claim["id"] in _gold_of([s], gold_units)}))
        covered = {s["article_id"] for s in best["supporters"] + best["deniers"] if claim["id"] in _gold_of([s], gold_units)}
        if len(covered) < max(1, math.ceil(len(where) / 2)):
            misses.append(f"{claim['id']} (not grouped)")
            continue
        found += 1
        if best["origins"] == claim["independent_origins"]:
            right += 1
        else:
            misses.append(f"{claim['id']} origins {best['origins']} ≠ {claim['independent_origins']} ({'، '.join(best['origin_names'])})")
    total = len(seeds_gold["claims"])
    print(f"\nseeds claims: found {found} of {total}; right independent-origin count {right} of {total} ({right} of {found} found)")
    print("  " + "; ".join(misses))
    taiwan = next(c for c in story["claims"] if "C3" in _gold_of(c["supporters"], gold_units))
    print(f"  Taiwan request: {len({s['article_id'] for s in taiwan['supporters']})} articles, {taiwan['origins']} origin(s)")
    assert taiwan["origins"] == 1
    # measured 39 found, 39 right (38 before the back-reference rule gave C31 Axios as a second origin)
    assert found >= 39 and right >= 39


def test_seed_contradictions(story: dict[str, Any], seeds_gold: dict[str, Any], gold_units: dict[Occurrence, set[str]]) -> None:
    """A gold contradiction between two claims is flagged when one reported contradiction
    has one claim's sentences on one side and the other's on the other; one within a
    single claim, when a reported contradiction of its kind has that claim on both sides
    and the article the gold names as disputed on one side.

    Precision: every reported contradiction is labelled by the gold ones it matches —
    genuine, apparent (gold says not to report it), or other (matches none: a false
    alarm, the gold listing every contradiction of the seeds it judged, real or apparent)."""
    key_of = {a["id"]: _seed_key(a["id"], gold_units, seeds_gold) for a in story["articles"]}
    kinds = {"denial": "denial", "number": "number", "date": "date", "opposed": "other", "attribution": "other"}

    def matches(gold: dict[str, Any], k: dict[str, Any]) -> bool:
        a, b = _gold_of(k["a"], gold_units), _gold_of(k["b"], gold_units)
        claims = gold["claims"]
        x, y = claims[0], claims[-1]
        if x != y:
            return (x in a and y in b) or (y in a and x in b)
        named = set(re.findall(r"\b00[0-4]\b", gold["explanation"]))
        side_a, side_b = {key_of.get(c["article_id"]) for c in k["a"]}, {key_of.get(c["article_id"]) for c in k["b"]}
        return bool(x in a and x in b and kinds[k["kind"]] == gold["kind"] and (side_a & named or side_b & named)
                    and len(side_b - named) == 0)

    genuine = [g for g in seeds_gold["contradictions"] if g["genuine"]]
    apparent = [g for g in seeds_gold["contradictions"] if not g["genuine"]]
    hit = [g["id"] for g in genuine if any(matches(g, k) for k in story["contradictions"])]
    false = [g["id"] for g in apparent if any(matches(g, k) for k in story["contradictions"])]
    print(f"\nseeds contradictions: genuine flagged {len(hit)} of {len(genuine)} ({', '.join(hit)}); "
          f"apparent-only not flagged {len(apparent) - len(false)} of {len(apparent)}"
          + (f" (flagged: {', '.join(false)})" if false else ""))
    labels = []
    for k in story["contradictions"]:
        on_genuine = [g["id"] for g in genuine if matches(g, k)]
        on_apparent = [g["id"] for g in apparent if matches(g, k)]
        labels.append(("genuine", on_genuine) if on_genuine else ("apparent", on_apparent) if on_apparent else ("other", []))
    count = {name: sum(1 for label, _ in labels if label == name) for name in ("genuine", "apparent", "other")}
    reported = len(story["contradictions"])
    print(f"  reported {reported}, of which genuine {count['genuine']}, apparent {count['apparent']}, other {count['other']} "
          f"(precision {count['genuine'] / max(1, reported):.2f})")
    for k, (label, ids) in zip(story["contradictions"], labels, strict=True):
        print(f"  {k['id']} {k['kind']} {k['claims']}: {label} {' '.join(ids)} — {k['explanation'][:100]}")
        if label != "genuine":
            for side in ("a", "b"):
                print(f"      {side}: {key_of.get(k[side][0]['article_id'])}§{k[side][0]['sentence_index']} {k[side][0]['text'][:110]}")
    assert not false and count["apparent"] == 0
    # measured K1–K7, K9 and K10. K7 (Peskov «لكنه نفى أي مكالمات» after confirming the Covid
    # tests) is his denial set against Woodward's account he confirms part of, not against
    # his own confirmation (that reading was dropped as a self-contradiction); K10 is the
    # Taiwan request told with two reasons; K9 the anonymous source's quoted words that 004
    # gives the WSJ itself; K8 (a detail of the $1.8bn contract) is missed
    assert len(hit) >= 9
    assert count["other"] <= OTHER_CONTRADICTIONS_AT_MOST


#: contradictions reported on the seeds that match no gold one (false alarms); may only go down
OTHER_CONTRADICTIONS_AT_MOST = 0


def test_seed_brief_covers(story: dict[str, Any], seeds_gold: dict[str, Any], gold_units: dict[Occurrence, set[str]]) -> None:
    must = seeds_gold["summary_must_cover"]
    covered = []
    for item in must:
        if any(set(item["claims"]) & _gold_of(b["cites"], gold_units) for b in story["brief"]):
            covered.append(item)
    print(f"\nseeds brief ({len(story['brief'])} sentences): covers {len(covered)} of {len(must)} summary_must_cover items")
    for b in story["brief"]:
        print(f"  {b['id']} [{len(b['articles'])} art, {b['origins']} origin{'s' if b['origins'] != 1 else ''}"
              f"{', contested' if b['contested'] else ''}] {','.join(sorted(_gold_of(b['cites'], gold_units)))} {b['text'][:80]}")
    assert len(story["brief"]) <= 8
    assert len(covered) >= 7


def test_contract_and_citations(seed_store: Any, story: dict[str, Any]) -> None:
    assert set(story) >= {"id", "title", "story_id", "articles", "outlets", "claims", "contradictions", "statements",
                          "timeline", "entities", "coverage", "brief"}
    texts = {a["id"]: seed_store.get_article(a["id"]).text for a in story["articles"]}

    def check(cite: dict[str, Any]) -> None:
        article = seed_store.get_article(cite["article_id"])
        sentence = article.sentences[cite["sentence_index"]]
        assert (sentence.start, sentence.end) == (cite["start"], cite["end"])
        if "clause_start" in cite:  # a clause of the sentence, and the text shown is the clause's
            assert sentence.start <= cite["clause_start"] < cite["clause_end"] <= sentence.end
            assert cite.get("text", article.text[cite["clause_start"]:cite["clause_end"]]) == article.text[cite["clause_start"]:cite["clause_end"]]

    for b in story["brief"]:
        assert re.fullmatch(r"b\d+", b["id"]) and b["cites"]
        for c in b["cites"]:
            check(c)
        assert b["text"] in texts[b["cite"]["article_id"]]
    clauses = 0
    for c in story["claims"]:
        for s in c["supporters"] + c["deniers"]:
            check(s)
            clauses += "clause_start" in s
    for k in story["contradictions"]:
        for s in k["a"] + k["b"]:
            check(s)
    # sentences carrying two claims (003's «… منذ أواخر عام 2022، قائلاً إنهما ناقشا …») are cut
    assert clauses >= 10
    for t in story["timeline"]:
        for c in t["cites"]:
            check(c)
    earliest = [t["earliest"] for t in story["timeline"]]
    assert earliest == sorted(earliest)
    json.dumps(story, ensure_ascii=False)


def test_markdown_and_csv(story: dict[str, Any], tmp_path: Path) -> None:
    md = story_markdown(story)
    brief_lines = [line for line in md.splitlines() if re.match(r"\d+\. ", line)]
    assert len(brief_lines) == len(story["brief"])
    assert all(re.search(r"\[[0-9a-f]{8}§\d+\]", line) for line in brief_lines)
    csv_text = export_csv(story)
    assert csv_text.splitlines()[0].startswith("claim_id,brief_id,text")
    assert len(csv_text.splitlines()) >= len(story["claims"]) + 1
    # the Markdown report explains each contradiction in Arabic; the CSV's «contested» leaves out
    # the attribution conflict (K9: on whose word, not whether it happened), as the brief does
    assert all(f"**{k['id']}** ({KIND_NAMES_AR[k['kind']]}" in md and k["explanation_ar"] in md for k in story["contradictions"])
    rows = {row["claim_id"]: row for row in csv.DictReader(io.StringIO(csv_text))}
    attributed = [k for k in story["contradictions"] if k["kind"] == "attribution"]
    assert attributed and all(k["id"] not in rows[c]["contested"] for k in attributed for c in k["claims"])
    assert all(k["id"] in rows[c]["contested"].split("; ") for k in story["contradictions"] if k["kind"] != "attribution"
               for c in k["claims"])
