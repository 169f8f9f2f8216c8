"""Scores of predicted stances against gold: accuracy, macro-F1, per-class P/R/F1, confusion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from riwaya.claims.pair_stance import LABELS


@dataclass(frozen=True, slots=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class StanceScores:
    pairs: int
    accuracy: float
    macro_f1: float
    classes: tuple[ClassScore, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows gold, columns predicted, in LABELS order


def score_stances(gold: Sequence[str], predicted: Sequence[str]) -> StanceScores:
    """Scores over ``LABELS``; macro-F1 averages the three classes (a class absent from
    both gold and predictions counts 0, as in scikit-learn).

    >>> s = score_stances(["agree", "disagree", "other", "agree"], ["agree", "agree", "other", "agree"])
    >>> s.accuracy, round(s.macro_f1, 3), s.confusion[0]
    (0.75, 0.6, (2, 0, 0))
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(LABELS)}
    matrix = [[0] * len(LABELS) for _ in LABELS]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    classes = []
    for i, label in enumerate(LABELS):
        tp = matrix[i][i]
        predicted_i = sum(row[i] for row in matrix)
        gold_i = sum(matrix[i])
        precision = tp / predicted_i if predicted_i else 0.0
        recall = tp / gold_i if gold_i else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScore(label, precision, recall, f1, gold_i))
    correct = sum(matrix[i][i] for i in range(len(LABELS)))
    return StanceScores(
        pairs=len(gold),
        accuracy=correct / len(gold) if gold else 0.0,
        macro_f1=sum(c.f1 for c in classes) / len(classes),
        classes=tuple(classes),
        confusion=tuple(tuple(row) for row in matrix),
    )


def format_scores(scores: StanceScores) -> str:
    """A plain-text report: totals, a per-class table and the confusion matrix."""
    lines = [
        f"{scores.pairs} pairs · accuracy {scores.accuracy:.3f} · macro-F1 {scores.macro_f1:.3f}",
        "",
        f"{'class':<10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}",
    ]
    lines += [f"{c.label:<10}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.support:>7}" for c in scores.classes]
    lines += ["", "confusion (rows gold, columns predicted)", f"{'':<10}" + "".join(f"{lab:>10}" for lab in LABELS)]
    lines += [f"{lab:<10}" + "".join(f"{n:>10}" for n in row) for lab, row in zip(LABELS, scores.confusion, strict=True)]
    return "\n".join(lines)
