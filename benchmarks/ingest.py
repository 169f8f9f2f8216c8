"""Ingest throughput on SaudiNewsNet: read + clean + language layer + store, on one core.

Prints articles/s and MB/s for the full ingest into a fresh SQLite file, and in the
same run a baseline (read the zips + JSON parse + str.split, nothing else) and the
ratio between the two, plus the time each stage takes per article.

    python benchmarks/ingest.py                       # all days in ../shared/data/saudinewsnet
    python benchmarks/ingest.py --days 3 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from riwaya.arabic.dates import find_dates
from riwaya.arabic.numbers import find_numbers
from riwaya.arabic.sentences import split_sentences
from riwaya.ingest.clean import clean_article
from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.model import RawDocument
from riwaya.pipeline import ingest, parse_published
from riwaya.store.sqlite import SqliteStore

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def baseline(days: list[Path]) -> tuple[int, int, float]:
    """Read + JSON parse + str.split: the floor any ingest pays."""
    started = time.perf_counter()
    articles = words = 0
    for day in days:
        with zipfile.ZipFile(day) as archive:
            for record in json.loads(archive.read(archive.namelist()[0])):
                words += len(record["content"].split())
                articles += 1
    return articles, words, time.perf_counter() - started


def full_ingest(days: list[Path], db: Path) -> tuple[int, int, int, float]:
    started = time.perf_counter()
    with SqliteStore(db) as store:
        report = ingest(iter_raw_documents([str(d) for d in days], IngestOptions()), store, stories=False)
    elapsed = time.perf_counter() - started
    return len(report.ingested), len(report.duplicates), len(report.failed), elapsed


def stage_times(days: list[Path], limit: int = 2000) -> dict[str, float]:
    """Milliseconds per article for each stage, over the first ``limit`` articles."""
    raws = [d for d in iter_raw_documents([str(days[0])], IngestOptions()) if isinstance(d, RawDocument)][:limit]
    totals = dict.fromkeys(("clean", "sentences", "dates", "numbers"), 0.0)
    for raw in raws:
        t0 = time.perf_counter()
        text = clean_article(raw.text, title=raw.title).text
        t1 = time.perf_counter()
        sentences = split_sentences(text)
        t2 = time.perf_counter()
        find_dates(text, published=parse_published(raw.published), sentences=sentences)
        t3 = time.perf_counter()
        find_numbers(text)
        t4 = time.perf_counter()
        for stage, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            totals[stage] += seconds
    return {stage: 1000 * seconds / max(len(raws), 1) for stage, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--days", type=int, default=0, help="only the first N days (0 = all)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    days = sorted(args.corpus.glob("*.zip"))[: args.days or None]
    if not days:
        sys.exit(f"no SaudiNewsNet zips in {args.corpus}")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    megabytes = sum(
        len(json.dumps(r["content"], ensure_ascii=False).encode())
        for d in days for r in json.loads(zipfile.ZipFile(d).read(zipfile.ZipFile(d).namelist()[0]))
    ) / 1e6
    base_articles, _, base_seconds = baseline(days)
    with tempfile.TemporaryDirectory() as tmp:
        ingested, duplicates, failed, seconds = full_ingest(days, Path(tmp) / "bench.db")
        db_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 1e6
    stages = stage_times(days)
    figures = {
        "days": len(days),
        "articles": base_articles,
        "content_mb": round(megabytes, 2),
        "baseline_articles_per_s": round(base_articles / base_seconds, 1),
        "baseline_mb_per_s": round(megabytes / base_seconds, 2),
        "ingest_articles_per_s": round(base_articles / seconds, 1),
        "ingest_mb_per_s": round(megabytes / seconds, 2),
        "ratio_ingest_to_baseline_time": round(seconds / base_seconds, 1),
        "ingested": ingested,
        "duplicates": duplicates,
        "failed": failed,
        "database_mb": round(db_mb, 1),
        "stage_ms_per_article": {k: round(v, 3) for k, v in stages.items()},
        "target_articles_per_s": 300,
    }
    for key, value in figures.items():
        print(f"{key:32} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
