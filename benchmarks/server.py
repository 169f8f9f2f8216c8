"""Story page latency of the desk: p50/p95 of ``GET /stories/{id}`` for a ~50-article
story with the SaudiNewsNet articles stored.

The database is built once (``--db``, default /tmp/riwaya-bench-server.db: every
SaudiNewsNet day ingested with events, several minutes) and reused. The story is the
smallest event with ``--size`` articles or more; when none has, the next largest events
are merged into the largest (a recorded correction, in this throwaway database) up to
``--size``.

Requests go through the whole ASGI stack in process (Starlette TestClient: routing,
dependencies, template rendering). Figures:

* cold: the first request, which reconstructs the story (riwaya.reconstruct) and fills
  the cache;
* warm: ``--requests`` further requests (the cache keyed by the event's members);
* baseline, same process: the library call the page rests on, ``Desk.story`` from the
  cache (event lookup to check the key + cached reconstruction), and the ratio of the
  page's p95 to it;
* the JSON of the same story (``/api/stories/{id}``) and the home page, for scale.

    python benchmarks/server.py                          # builds the DB on first run
    python benchmarks/server.py --db /tmp/small.db --days 2 --size 20
    python benchmarks/server.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.pipeline import ingest
from riwaya.server import create_app
from riwaya.store import open_store
from riwaya.stories.corrections import merge_events
from riwaya.stories.views import list_events

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def build(db: Path, corpus: Path, days: int | None) -> None:
    zips = sorted(corpus.glob("*.zip"))[:days]
    if not zips:
        sys.exit(f"no SaudiNewsNet zips in {corpus}")
    print(f"ingesting {len(zips)} days into {db} (once; several minutes for all) …", flush=True)
    started = time.perf_counter()
    with open_store(db) as store:
        ingest(iter_raw_documents([str(z) for z in zips], IngestOptions()), store)
    print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)


def story_of_size(db: Path, size: int) -> tuple[str, int, list[str]]:
    """The smallest event with at least ``size`` articles; when none has, the largest
    grown by merging in the next largest events that keep it at or under ``size``."""
    with open_store(db) as store:
        events = sorted(list_events(store), key=lambda e: (-len(e.articles), e.id))
        big_enough = [e for e in events if len(e.articles) >= size]
        if big_enough:
            return big_enough[-1].id, len(big_enough[-1].articles), []
        keep = events[0]
        count = len(keep.articles)
        merged: list[str] = []
        for other in events[1:]:
            if count >= size:
                break
            if count + len(other.articles) <= size:
                merge_events(store, keep.id, other.id)
                merged.append(other.id)
                count += len(other.articles)
        return keep.id, count, merged


def timed(client: TestClient, path: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(path, headers={"accept": "text/html"})
        out.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{path}: HTTP {response.status_code}: {response.text[:300]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/riwaya-bench-server.db"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--days", type=int, default=None, help="only the first N days when building the DB")
    parser.add_argument("--size", type=int, default=50, help="articles in the story measured")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    with open_store(args.db) as store:
        empty = store.count_articles() == 0
    if empty:
        build(args.db, args.corpus, args.days)
    event_id, size, merged = story_of_size(args.db, args.size)
    with open_store(args.db) as store:
        stored = store.count_articles()
    print(f"{stored} articles stored; story {event_id} with {size} articles"
          + (f" (merged {len(merged)} smaller events into it)" if merged else ""), flush=True)  # fmt: skip

    app = create_app(args.db)
    settings = app.state.settings
    with TestClient(app) as client:
        page = f"/stories/{event_id}"
        started = time.perf_counter()
        timed(client, page, 1)
        cold = (time.perf_counter() - started) * 1000
        timed(client, page, 5)  # warm-up
        warm = timed(client, page, args.requests)
        api = timed(client, f"/api/stories/{event_id}", max(20, args.requests // 4))
        home = timed(client, "/", max(20, args.requests // 4))
        store = settings.store()
        baseline = []
        for _ in range(args.requests):
            started = time.perf_counter()
            settings.desk.story(store, event_id)
            baseline.append((time.perf_counter() - started) * 1000)

    figures: dict[str, Any] = {
        "articles_stored": stored,
        "story": event_id,
        "story_articles": size,
        "merged_events": len(merged),
        "cold_ms": round(cold, 1),
        "page_p50_ms": round(statistics.median(warm), 2),
        "page_p95_ms": round(percentile(warm, 0.95), 2),
        "api_json_p95_ms": round(percentile(api, 0.95), 2),
        "home_p95_ms": round(percentile(home, 0.95), 2),
        "baseline_p50_ms": round(statistics.median(baseline), 2),
        "baseline_p95_ms": round(percentile(baseline, 0.95), 2),
    }
    figures["page_to_baseline_p95"] = round(figures["page_p95_ms"] / max(figures["baseline_p95_ms"], 1e-6), 1)
    print(f"story page ({size} articles, {stored} stored):")
    print(f"  cold (reconstruct + render): {figures['cold_ms']:.0f} ms")
    print(f"  warm p50 {figures['page_p50_ms']:.1f} ms · p95 {figures['page_p95_ms']:.1f} ms over {args.requests} requests")
    print(f"  JSON /api/stories p95 {figures['api_json_p95_ms']:.1f} ms · home p95 {figures['home_p95_ms']:.1f} ms")
    print(f"  baseline Desk.story (cached) p50 {figures['baseline_p50_ms']:.2f} ms · p95 {figures['baseline_p95_ms']:.2f} ms;"
          f" page/baseline p95 ×{figures['page_to_baseline_p95']}")  # fmt: skip
    print("  target: p95 ≤ 100 ms —", "met" if figures["page_p95_ms"] <= 100 else "NOT met")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
