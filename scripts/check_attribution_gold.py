"""Check gold/attribution-saudinewsnet-dev.json against the SaudiNewsNet day zips.

    .venv/bin/python scripts/check_attribution_gold.py [GOLD] [--data DIR]

Checks (see gold/attribution-guideline.md):
  * every url is an article of one of the allowed crawl days (never 2015-08-04..09);
  * every `text` occurs in that article's content after whitespace normalisation;
  * every speaker / cue / content occurs in its sentence text (a speaker may come from
    earlier in the article when `speaker_resolved_from_context` is true; an empty cue is
    allowed only for a quote continued from an earlier sentence);
  * every via element occurs in the sentence or in the article (author field or content);
  * enum values; no duplicate sentences; per-outlet cap.
Prints counts per category. Exit status 1 when any check fails.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

SPEAKER_TYPES = {"person", "official", "organization", "outlet", "anonymous", "document"}
STANCES = {"assert", "deny", "other"}
HELD_OUT = {"2015-08-04", "2015-08-05", "2015-08-06", "2015-08-07", "2015-08-08", "2015-08-09"}
KEYS = {"speaker", "speaker_type", "cue", "stance", "content", "via"}
OPTIONAL_KEYS = {"speaker_resolved_from_context"}
MAX_PER_OUTLET = 35


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_articles(data_dir: Path, days: list[str]) -> dict[str, dict[str, Any]]:
    articles: dict[str, dict[str, Any]] = {}
    for day in days:
        path = data_dir / f"{day}.zip"
        if not path.exists():
            continue
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for record in json.loads(zf.read(name).decode("utf-8")):
                    record["_day"] = day
                    articles[record["url"]] = record
    return articles


def summarise(sentences: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts per category, computed from the statements (not from the tags)."""
    c: collections.Counter[str] = collections.Counter()
    outlets: collections.Counter[str] = collections.Counter()
    for s in sentences:
        outlets[s.get("source", "?")] += 1
        sts = s["statements"]
        c["sentences"] += 1
        c["statements"] += len(sts)
        if not sts:
            c["negative_sentences"] += 1
        if any(st["via"] for st in sts):
            c["nested_via_sentences"] += 1
        if any(st["stance"] == "deny" for st in sts):
            c["denial_sentences"] += 1
        if any(st["stance"] == "other" for st in sts):
            c["stance_other_sentences"] += 1
        if any(st["speaker_type"] == "anonymous" for st in sts):
            c["anonymous_sentences"] += 1
        if any(st.get("speaker_resolved_from_context") and st["cue"] for st in sts):
            c["pronoun_continuation_sentences"] += 1
        if any(not st["cue"] for st in sts):
            c["quote_continuation_sentences"] += 1
        if any(_speaker_before_cue(s["text"], st) for st in sts):
            c["speaker_before_cue_sentences"] += 1
        if len(sts) > 1:
            c["multi_statement_sentences"] += 1
        for st in sts:
            c[f"type:{st['speaker_type']}"] += 1
            c[f"stance:{st['stance']}"] += 1
    out: dict[str, Any] = dict(sorted(c.items()))
    out["outlets"] = dict(outlets.most_common())
    return out


def _speaker_before_cue(text: str, st: dict[str, Any]) -> bool:
    if st.get("speaker_resolved_from_context") or not st["cue"]:
        return False
    sp, cue = text.find(st["speaker"]), text.find(st["cue"])
    return 0 <= sp < cue


def check(gold: dict[str, Any], articles: dict[str, dict[str, Any]], allowed_days: set[str]) -> list[str]:
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    outlets: collections.Counter[str] = collections.Counter()
    for n, s in enumerate(gold["sentences"]):
        where = f"sentence {n} ({s.get('url', '?')[:60]})"
        for key in ("url", "text", "statements"):
            if key not in s:
                errors.append(f"{where}: missing {key}")
        if any(key not in s for key in ("url", "text", "statements")):
            continue
        text = s["text"]
        if text != norm(text):
            errors.append(f"{where}: text is not whitespace-normalised")
        if (s["url"], text) in seen:
            errors.append(f"{where}: duplicate sentence")
        seen.add((s["url"], text))
        art = articles.get(s["url"])
        if art is None:
            errors.append(f"{where}: url not found in the allowed days")
            continue
        if art["_day"] not in allowed_days or art["_day"] in HELD_OUT:
            errors.append(f"{where}: article from a day that is not allowed ({art['_day']})")
        if s.get("source") and s["source"] != art["source"]:
            errors.append(f"{where}: source {s['source']} != {art['source']}")
        outlets[art["source"]] += 1
        content = norm(art["content"])
        if text not in content:
            errors.append(f"{where}: text not found in the article content")
        article_text = norm((art.get("author") or "") + " " + (art.get("title") or "") + " " + art["content"])
        for m, st in enumerate(s["statements"]):
            w = f"{where} statement {m}"
            keys = set(st)
            if not KEYS <= keys or keys - KEYS - OPTIONAL_KEYS:
                errors.append(f"{w}: keys {sorted(keys)}")
                continue
            if st["speaker_type"] not in SPEAKER_TYPES:
                errors.append(f"{w}: speaker_type {st['speaker_type']!r}")
            if st["stance"] not in STANCES:
                errors.append(f"{w}: stance {st['stance']!r}")
            if not st["speaker"] or not st["content"]:
                errors.append(f"{w}: empty speaker or content")
            if st.get("speaker_resolved_from_context"):
                if st["speaker"] not in article_text:
                    errors.append(f"{w}: resolved speaker {st['speaker']!r} not in the article")
            elif st["speaker"] not in text:
                errors.append(f"{w}: speaker {st['speaker']!r} not in the sentence")
            if st["cue"]:
                if st["cue"] not in text:
                    errors.append(f"{w}: cue {st['cue']!r} not in the sentence")
            elif not st.get("speaker_resolved_from_context"):
                errors.append(f"{w}: empty cue (quote continuation) needs a resolved speaker")
            if st["content"] not in text:
                errors.append(f"{w}: content not in the sentence")
            if not isinstance(st["via"], list) or not all(isinstance(v, str) and v for v in st["via"]):
                errors.append(f"{w}: via must be a list of non-empty strings")
            else:
                for v in st["via"]:
                    if v not in text and v not in article_text:
                        errors.append(f"{w}: via {v!r} not in the sentence or the article")
    for outlet, k in outlets.items():
        if k > MAX_PER_OUTLET:
            errors.append(f"outlet {outlet}: {k} sentences > {MAX_PER_OUTLET}")
    return errors


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(here / "gold" / "attribution-saudinewsnet-dev.json"))
    ap.add_argument("--data", default=str(here.parent / "shared" / "data" / "saudinewsnet"))
    args = ap.parse_args(argv)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    days = gold.get("_meta", {}).get("days", [])
    bad_days = [d for d in days if d in HELD_OUT]
    articles = load_articles(Path(args.data), [d for d in days if d not in HELD_OUT])
    if not articles:
        print(f"no articles loaded from {args.data} for days {days}", file=sys.stderr)
        return 1
    errors = [f"_meta.days lists held-out day {d}" for d in bad_days]
    errors += check(gold, articles, set(days))
    summary = summarise(gold["sentences"])
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    meta_counts = gold.get("_meta", {}).get("counts")
    if meta_counts is not None and meta_counts != summary:
        errors.append("_meta.counts differs from the counts computed here")
    for e in errors:
        print("ERROR", e)
    print(f"{len(gold['sentences'])} sentences, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
