"""B-cubed scores of the database's events against a gold clustering.

The gold file is ``{"clusters": [{"id", "urls": [...]}], "singletons": [urls]}``;
only the labelled articles count (found by url in the database), so a gold file that
labels a sample of a large store is scored fairly.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from riwaya.errors import RiwayaError
from riwaya.store.sqlite import SqliteStore


class GoldFileError(RiwayaError):
    """A gold file that cannot be read as a clustering."""


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4), "items": self.items}


def b_cubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> BCubed:
    """B-cubed precision, recall and F1 over the items both clusterings label.

    >>> b_cubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"}).to_dict()
    {'precision': 0.5556, 'recall': 1.0, 'f1': 0.7143, 'items': 3}
    >>> b_cubed({"a": "1", "b": "1"}, {"a": "x", "b": "y"}).f1
    0.6666666666666666
    """
    items = sorted(set(gold) & set(predicted))
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0)
    pair_counts = Counter((gold[i], predicted[i]) for i in items)
    gold_sizes = Counter(gold[i] for i in items)
    predicted_sizes = Counter(predicted[i] for i in items)
    precision = sum(pair_counts[(gold[i], predicted[i])] / predicted_sizes[predicted[i]] for i in items) / len(items)
    recall = sum(pair_counts[(gold[i], predicted[i])] / gold_sizes[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BCubed(precision, recall, f1, len(items))


def read_gold(path: str | Path) -> dict[str, str]:
    """url → gold cluster id; each singleton is a cluster of its own."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        labels: dict[str, str] = {}
        for cluster in data["clusters"]:
            for url in cluster["urls"]:
                labels[url] = str(cluster["id"])
        for url in data.get("singletons", []):
            labels[url] = f"singleton:{url}"
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GoldFileError(f"{path}: not a clusters gold file ({e}); expected {{\"clusters\": [{{\"id\", \"urls\"}}], \"singletons\": [urls]}}") from e
    return labels


@dataclass(frozen=True, slots=True)
class ClusterEvaluation:
    score: BCubed
    labelled: int
    found: int
    gold_clusters: int
    predicted_events: int
    split_clusters: list[tuple[str, int]]  # gold clusters spread over several events: (id, events)
    merged_events: list[tuple[str, int]]  # events holding several gold clusters: (event id, clusters)


def evaluate_clusters(store: SqliteStore, gold_path: str | Path) -> ClusterEvaluation:
    """Score the store's events against the gold file, restricted to its labelled urls."""
    gold = read_gold(gold_path)
    predicted = store.stories.events_by_url(sorted(gold))
    gold_found = {u: g for u, g in gold.items() if u in predicted}
    events_of_gold: dict[str, set[str]] = defaultdict(set)
    gold_of_event: dict[str, set[str]] = defaultdict(set)
    for url, cluster in gold_found.items():
        events_of_gold[cluster].add(predicted[url])
        gold_of_event[predicted[url]].add(cluster)
    return ClusterEvaluation(
        score=b_cubed(gold_found, predicted),
        labelled=len(gold),
        found=len(gold_found),
        gold_clusters=len(set(gold_found.values())),
        predicted_events=len(set(predicted.values())),
        split_clusters=sorted(((g, len(e)) for g, e in events_of_gold.items() if len(e) > 1), key=lambda x: (-x[1], x[0])),
        merged_events=sorted(((e, len(g)) for e, g in gold_of_event.items() if len(g) > 1), key=lambda x: (-x[1], x[0])),
    )
