"""Fit the pair model (``data/pair_model.json``) on a gold clustering.

Pairs are drawn the way clustering meets them: two labelled articles within the
event window whose leads are at least as close as a candidate must be, or that
share LSH material. A pair is positive when the gold puts both articles in one
cluster. Folds split the gold by cluster, so a cross-validated figure never scores
a pair whose cluster was seen in training. Needs scikit-learn (``pip install
riwaya[build]``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from riwaya.store.sqlite import SqliteStore
from riwaya.stories.clustering import EVENT_WINDOW_DAYS, MIN_CANDIDATE_COSINE
from riwaya.stories.evaluate import read_gold
from riwaya.stories.fingerprints import estimated_jaccard
from riwaya.stories.pairs import FEATURES, PairModel, pair_features

_MODEL_PATH = Path(__file__).parent / "data" / "pair_model.json"


@dataclass(frozen=True, slots=True)
class GoldPairs:
    features: np.ndarray  # (pairs, len(FEATURES))
    labels: np.ndarray  # 1 = same gold cluster
    folds: np.ndarray  # 0/1 by the clusters of the pair


def gold_pairs(store: SqliteStore, gold_path: str | Path) -> GoldPairs:
    """Candidate pairs among the gold's labelled articles found in ``store``."""
    gold = read_gold(gold_path)
    clusters = sorted(set(gold.values()))
    fold_of = {c: i % 2 for i, c in enumerate(clusters)}
    seqs = store.stories.seqs_by_url(sorted(gold))
    signals = store.stories.load_signals(seqs.values())
    url_of = {seq: url for url, seq in seqs.items()}
    rows, labels, folds = [], [], []
    for i, a in enumerate(signals):
        for b in signals[i + 1 :]:
            if abs((a.day - b.day).days) > EVENT_WINDOW_DAYS:
                continue
            if float(a.vector @ b.vector) < MIN_CANDIDATE_COSINE and estimated_jaccard(a.minhash, b.minhash) < 0.2:
                continue
            ga, gb = gold[url_of[a.seq]], gold[url_of[b.seq]]
            if fold_of[ga] != fold_of[gb]:
                continue  # a pair across folds would leak between them
            rows.append(pair_features(a, b).vector())
            labels.append(int(ga == gb))
            folds.append(fold_of[ga])
    return GoldPairs(np.array(rows, dtype=np.float64), np.array(labels), np.array(folds))


def fit_pair_model(pairs: GoldPairs, mask: np.ndarray | None = None) -> PairModel:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    x, y = (pairs.features, pairs.labels) if mask is None else (pairs.features[mask], pairs.labels[mask])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y)
    return PairModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))


@dataclass(frozen=True, slots=True)
class PairReport:
    pairs: int
    positives: int
    cross_validated_accuracy: float
    cross_validated_f1: float
    model: PairModel

    def __str__(self) -> str:
        weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, self.model.weights, strict=True))
        return (
            f"{self.pairs} candidate pairs ({self.positives} same-event) · 2-fold by cluster: "
            f"accuracy {self.cross_validated_accuracy:.3f}, F1 {self.cross_validated_f1:.3f}\n"
            f"weights: {weights}; intercept {self.model.intercept:+.2f}"
        )


def train_pair_model(store: SqliteStore, gold_path: str | Path, out: Path | None = None) -> PairReport:
    """Cross-validate on the gold's two cluster folds, then fit on all of it and write the model."""
    pairs = gold_pairs(store, gold_path)
    predictions = np.zeros(len(pairs.labels), dtype=int)
    for fold in (0, 1):
        model = fit_pair_model(pairs, pairs.folds != fold)
        held = pairs.folds == fold
        z = pairs.features[held] @ np.array(model.weights) + model.intercept
        predictions[held] = (z >= 0).astype(int)
    tp = int(((predictions == 1) & (pairs.labels == 1)).sum())
    precision = tp / max(1, int(predictions.sum()))
    recall = tp / max(1, int(pairs.labels.sum()))
    final = fit_pair_model(pairs)
    (out or _MODEL_PATH).write_text(
        json.dumps({**final.to_dict(), "fitted_on": str(gold_path)}, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    return PairReport(
        pairs=len(pairs.labels),
        positives=int(pairs.labels.sum()),
        cross_validated_accuracy=float((predictions == pairs.labels).mean()),
        cross_validated_f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        model=final,
    )
