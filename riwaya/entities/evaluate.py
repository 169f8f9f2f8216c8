"""CoNLL entity-level scoring: an entity counts only when its type and both its
boundaries match the gold one (conlleval's definition)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from riwaya.entities.datasets import iob_spans, read_conll

SCORED_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and precision/recall/F1 for one type (or the micro total)."""

    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_sequences(
    gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]], types: Sequence[str] = SCORED_TYPES
) -> dict[str, Score]:
    """Per-type scores and ``"micro"`` over ``types``.

    >>> s = score_sequences([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "I-PER", "O", "B-ORG"]])
    >>> round(s["micro"].f1, 2), s["PER"].f1
    (0.5, 1.0)
    """
    counts = {t: [0, 0, 0] for t in types}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        g = {s for s in iob_spans(gold_tags) if s[2] in counts}
        p = {s for s in iob_spans(predicted_tags) if s[2] in counts}
        for span in g:
            counts[span[2]][0] += 1
        for span in p:
            counts[span[2]][1] += 1
        for span in g & p:
            counts[span[2]][2] += 1
    scores = {t: Score(*c) for t, c in counts.items()}
    scores["micro"] = Score(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return scores


def evaluate_conll(gold_path: Path, types: Sequence[str] = ("PER", "ORG", "LOC")) -> dict[str, Score]:
    """Tag the tokens of a CoNLL file (gold tags in the last column) with the shipped
    model and score them; ``micro`` is over ``types`` (PER/ORG/LOC by default, the
    acceptance measure; pass :data:`SCORED_TYPES` to include MISC)."""
    from riwaya.entities.tagger import tag_tokens

    sentences = read_conll(Path(gold_path))
    predicted = tag_tokens([list(s.tokens) for s in sentences])
    return score_sequences([s.tags for s in sentences], predicted, types)


def format_scores(scores: dict[str, Score]) -> str:
    """A fixed-width table: one line per type, then ``micro``.

    >>> print(format_scores({"PER": Score(2, 2, 1), "micro": Score(2, 2, 1)}))
    type      gold  pred  correct  precision  recall      f1
    PER          2     2        1     0.5000  0.5000  0.5000
    micro        2     2        1     0.5000  0.5000  0.5000
    """
    lines = [f"{'type':<6} {'gold':>7} {'pred':>5} {'correct':>8} {'precision':>10} {'recall':>7} {'f1':>7}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<6} {s.gold:>7} {s.predicted:>5} {s.correct:>8} {s.precision:>10.4f} {s.recall:>7.4f} {s.f1:>7.4f}"
        )
    return "\n".join(lines)
