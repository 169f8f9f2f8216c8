"""Acceptance: cleaning the five seed articles against the gold (issue acceptance item 2),
and a real-data check on SaudiNewsNet that cleaning does not gut articles.

Run with ``-s`` to see the per-article summaries.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from riwaya.ingest.boilerplate import SiteBoilerplate, line_key
from riwaya.ingest.clean import CleanedText, clean_article

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
SNN = SHARED / "data" / "saudinewsnet"

needs_seeds = pytest.mark.skipif(
    not GOLD.exists(), reason=f"{SHARED} is absent: the seeds and gold sit beside the checkout in ../shared"
)
needs_snn = pytest.mark.skipif(
    not any(SNN.glob("*.zip")) if SNN.exists() else True,
    reason=f"SaudiNewsNet zips not found under {SNN}",
)

_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HEADING_RE = re.compile(r"^#+\s*")


def _gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text("utf-8"))["articles"]


def _check_article(art_id: str, gold: dict[str, Any], cleaned: CleanedText) -> tuple[list[str], Counter[str]]:
    """Every failure as a message, and counts of what was checked."""
    failures: list[str] = []
    checked: Counter[str] = Counter()
    text = cleaned.text
    heading_texts = {h.text for h in cleaned.headings}
    prov_lines = [p.line for p in cleaned.provenance]
    for item in gold.get("boilerplate") or []:
        kind, surface = item["kind"], item["text"]
        instances = item.get("exact_instances") or [surface]
        for s in instances:
            checked[kind] += 1
            if kind == "markdown_link_residue":
                words = _LINK_RE.sub(r"\1", s)
                if s in text or words not in text:
                    failures.append(f"{art_id}: link residue {s!r} not reduced to {words!r}")
            elif kind in ("markdown_heading_marker", "markdown_heading"):
                head = _HEADING_RE.sub("", s)
                if s in text:
                    failures.append(f"{art_id}: heading marker left in {s!r}")
                if kind == "markdown_heading" and not any(head in h for h in heading_texts):
                    failures.append(f"{art_id}: heading {head!r} not recorded in headings")
                if kind == "markdown_heading_marker" and not (cleaned.title or "").startswith(head):
                    failures.append(f"{art_id}: title {cleaned.title!r} is not the '#' heading {head!r}")
            elif kind in ("provenance_credit", "stray_source_credit"):
                if s in text:
                    failures.append(f"{art_id}: credit {s!r} still in the body")
                if not any(s in line for line in prov_lines):
                    failures.append(f"{art_id}: credit {s!r} missing from provenance {prov_lines}")
            elif kind == "headline":
                if cleaned.title != s:
                    failures.append(f"{art_id}: title {cleaned.title!r} != headline {s!r}")
                if s in text:
                    failures.append(f"{art_id}: headline {s!r} left in the body")
            elif kind == "seo_title":
                if s in text:
                    failures.append(f"{art_id}: SEO title {s!r} left in the body")
                if s not in cleaned.alternative_titles:
                    failures.append(f"{art_id}: SEO title {s!r} not among alternative titles")
            elif kind == "whitespace_only_line":
                if "\n \n" in text or text != text.strip():
                    failures.append(f"{art_id}: whitespace-only line left")
            elif s.strip() in text:
                failures.append(f"{art_id}: {kind} {s!r} still in the clean text")
    for sentence in gold.get("body_must_keep") or []:
        checked["body_must_keep"] += 1
        if sentence not in text:
            failures.append(f"{art_id}: body sentence lost or changed: {sentence[:60]!r}…")
    for heading in gold.get("headings_not_boilerplate") or []:
        checked["headings_not_boilerplate"] += 1
        if heading not in text or heading not in heading_texts:
            failures.append(f"{art_id}: intertitle {heading!r} not kept as a heading")
    for repair in gold.get("cleaning_repairs") or []:
        if "expected_clean" in repair:
            checked["cleaning_repairs"] += 1
            if repair["expected_clean"] not in text:
                failures.append(f"{art_id}: repair of lines {repair['raw_lines']} not found: {repair['expected_clean'][:60]!r}…")
    if gold.get("title") is not None:
        checked["title"] += 1
        if cleaned.title != gold["title"]:
            failures.append(f"{art_id}: title {cleaned.title!r} != gold {gold['title']!r}")
    alt = gold.get("alternative_titles") or gold.get("alt_titles")
    if alt:
        checked["alternative_titles"] += 1
        if cleaned.alternative_titles != alt:
            failures.append(f"{art_id}: alternative titles {cleaned.alternative_titles!r} != gold {alt!r}")
    return failures, checked


@needs_seeds
def test_seeds_clean_like_the_gold() -> None:
    gold = _gold()
    all_failures: list[str] = []
    print()
    for art_id in sorted(gold):
        raw = (SEEDS / gold[art_id]["file"]).read_text("utf-8")
        cleaned = clean_article(raw)
        failures, checked = _check_article(art_id, gold[art_id], cleaned)
        all_failures += failures
        print(
            f"seed {art_id}: {len(raw)} → {len(cleaned.text)} chars, title={cleaned.title!r}, "
            f"alt={cleaned.alternative_titles}, headings={len(cleaned.headings)}, "
            f"provenance={[(p.kind, p.outlet) for p in cleaned.provenance]}, removed={len(cleaned.removed)}; "
            f"checked {sum(checked.values())} gold items ({dict(checked)}), failed {len(failures)}"
        )
    assert not all_failures, "\n".join(all_failures)


@needs_seeds
def test_seed_sidebar_names_do_not_survive() -> None:
    """The sidebar of 002 and the see-also teasers of 003 name things the story never
    mentions; none of it may reach the text the entity and claim layers read."""
    gold = _gold()
    text_002 = clean_article((SEEDS / gold["002"]["file"]).read_text("utf-8")).text
    text_003 = clean_article((SEEDS / gold["003"]["file"]).read_text("utf-8")).text
    for leak in ("شي إن", "تكساس", "ستوكس", "views", "كيان", "Read more"):
        assert leak not in text_002
    for leak in ("ستارمر", "باريس", "شاهد ايضاً", "خَبَرَيْن"):
        assert leak not in text_003


# --- SaudiNewsNet ------------------------------------------------------------------


def _load_days(n: int) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for path in sorted(SNN.glob("*.zip"))[:n]:
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                articles.extend(json.loads(zf.read(name)))
    return articles


# A sentence here: at least four words up to a full stop, question or exclamation mark.
_SENTENCE_RE = re.compile(r"(?:[^\s.!؟?]+\s+){3,}[^\s.!؟?]+\s*[.!؟?]")


@needs_snn
def test_saudinewsnet_cleaning_does_not_gut_articles() -> None:
    articles = _load_days(2)
    site = SiteBoilerplate(min_articles=3)
    for a in articles:
        site.learn(a["source"], a["content"] or "")
    known = {outlet: site.lines_for(outlet) for outlet in site.outlets()}

    fractions: list[float] = []
    gutted: list[str] = []
    removed_by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    prov_by_outlet: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.process_time()
    total_chars = 0
    for a in articles:
        content = a["content"] or ""
        if not content.strip():
            continue
        cleaned = clean_article(content, title=a["title"] or None, known_boilerplate=known[a["source"]])
        total_chars += len(content)
        kept = len(cleaned.text) / max(1, len(content.strip()))
        fractions.append(min(1.0, kept))
        if len(_SENTENCE_RE.findall(content)) >= 3 and len(cleaned.text.strip()) == 0:
            gutted.append(f"{a['source']} {a['url']}")
        for r in cleaned.removed:
            removed_by_outlet[a["source"]][line_key(r)[:70]] += 1
        for p in cleaned.provenance:
            prov_by_outlet[a["source"]][f"{p.kind}:{p.outlet}"] += 1
    elapsed = time.process_time() - started

    median = statistics.median(fractions)
    print(
        f"\nSaudiNewsNet 2 days: {len(fractions)} articles, median kept fraction {median:.4f}, "
        f"mean {statistics.fmean(fractions):.4f}, <0.9 kept: {sum(f < 0.9 for f in fractions)}, "
        f"emptied with ≥3 sentences: {len(gutted)}; "
        f"{elapsed / len(fractions) * 1000:.3f} ms/article, {total_chars / len(fractions):.0f} chars on average"
    )
    for outlet in sorted(removed_by_outlet):
        top = removed_by_outlet[outlet].most_common(5)
        print(f"  {outlet}: learned {len(known[outlet])} site lines; most removed {top}")
        if prov_by_outlet[outlet]:
            print(f"  {outlet}: provenance {prov_by_outlet[outlet].most_common(4)}")
    assert median >= 0.95
    assert not gutted, gutted[:10]
