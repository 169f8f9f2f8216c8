"""Attribution speed: articles/s of find_statements on real SaudiNewsNet articles, one core.

    .venv/bin/python benchmarks/attribution.py [--day 2015-07-21] [--limit 1000] [--repeat 3]

Prints the rate of find_statements (no NER) and, as a baseline measured in the same
process on the same articles, the rate of plain sentence splitting; each is the best
of ``--repeat`` passes (the machine is shared: the best pass is the least disturbed
one; the first pass, with the word caches cold, is printed too). ``meets_target`` compares the attribution rate with issue 5's 200 articles/s.
"""

from __future__ import annotations

import argparse
import json
import time
import zipfile
from pathlib import Path

from riwaya.arabic.sentences import split_sentences
from riwaya.attribution import find_statements
from riwaya.errors import RiwayaError
from riwaya.ingest.records import record_to_document
from riwaya.pipeline import analyze

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--day", default="2015-07-21")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    articles = []
    with zipfile.ZipFile(Path(args.data) / f"{args.day}.zip") as zf:
        records = json.loads(zf.read(zf.namelist()[0]))
    for n, record in enumerate(records[: args.limit]):
        try:
            articles.append(analyze(record_to_document(record, f"{args.day}[{n}]")))
        except RiwayaError:
            continue
    base = took = float("inf")
    first: float | None = None
    statements = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for article in articles:
            split_sentences(article.text)
        base = min(base, time.perf_counter() - t0)
        t0 = time.perf_counter()
        statements = sum(len(find_statements(article)) for article in articles)
        took = min(took, time.perf_counter() - t0)
        first = took if first is None else first
    print(json.dumps({
        "articles": len(articles), "statements": statements,
        "attribution_articles_per_s": round(len(articles) / took, 1),
        "attribution_first_pass_articles_per_s": round(len(articles) / (first or took), 1),
        "sentence_split_articles_per_s": round(len(articles) / base, 1),
        "attribution_time_over_sentence_split": round(took / base, 2),
        "meets_target": len(articles) / took >= 200,
    }))


if __name__ == "__main__":
    main()
