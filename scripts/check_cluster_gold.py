#!/usr/bin/env python3
"""Sanity checks for gold/clusters-saudinewsnet-dev.json.

Checks: every url exists in the SaudiNewsNet zips of the days named in _meta.days;
no url appears twice (across clusters and singletons); every cluster has >= 2 urls;
cluster ids are unique; hard_negative_of refers to existing ids (and not to itself).
Prints summary statistics (sizes, outlets, days).

Usage: python scripts/check_cluster_gold.py [GOLD_JSON] [--data DIR]
"""
import argparse
import collections
import json
import sys
import zipfile
from pathlib import Path


def load_index(data_dir: Path, days):
    idx = {}
    for d in days:
        zp = data_dir / f"{d}.zip"
        if not zp.exists():
            sys.exit(f"missing data zip for day {d}: {zp}")
        with zipfile.ZipFile(zp) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for a in json.loads(zf.read(name)):
                    idx[a["url"]] = (d, a["source"], a["title"])
    return idx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default="gold/clusters-saudinewsnet-dev.json")
    ap.add_argument("--data", default="../shared/data/saudinewsnet")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    days = gold["_meta"]["days"]
    idx = load_index(Path(args.data), days)
    errors = []
    ids = [c["id"] for c in gold["clusters"]]
    if len(ids) != len(set(ids)):
        errors.append("duplicate cluster ids")
    idset = set(ids)
    where = {}
    for c in gold["clusters"]:
        if len(c["urls"]) < 2:
            errors.append(f"{c['id']}: fewer than 2 urls")
        if not c.get("description"):
            errors.append(f"{c['id']}: no description")
        for u in c["urls"]:
            if u in where:
                errors.append(f"{u} in {where[u]} and {c['id']}")
            where[u] = c["id"]
            if u not in idx:
                errors.append(f"{c['id']}: url not in data of named days: {u}")
        for h in c.get("hard_negative_of", []):
            if h not in idset:
                errors.append(f"{c['id']}: hard_negative_of unknown id {h}")
            if h == c["id"]:
                errors.append(f"{c['id']}: hard negative of itself")
    for u in gold["singletons"]:
        if u in where:
            errors.append(f"singleton {u} also in {where[u]}")
        where[u] = "singleton"
        if u not in idx:
            errors.append(f"singleton url not in data of named days: {u}")
    sizes = collections.Counter(len(c["urls"]) for c in gold["clusters"])
    srcs = collections.Counter(idx[u][1] for u in where if u in idx)
    dcount = collections.Counter(idx[u][0] for u in where if u in idx)
    pairs = {tuple(sorted((c["id"], h))) for c in gold["clusters"] for h in c.get("hard_negative_of", [])}
    print(f"clusters: {len(ids)}  urls in clusters: {sum(len(c['urls']) for c in gold['clusters'])}  singletons: {len(gold['singletons'])}")
    print("cluster size distribution:", dict(sorted(sizes.items())))
    print(f"hard-negative pairs: {len(pairs)}")
    print("outlets:", dict(srcs.most_common()))
    print("days:", dict(sorted(dcount.items())))
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  ", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
