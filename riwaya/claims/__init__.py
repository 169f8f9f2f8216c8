"""Claims across articles. So far: the sentence-pair stance classifier (agree /
disagree / other) trained on ANS, see :mod:`riwaya.claims.pair_stance`."""

from riwaya.claims.pair_stance import LABELS, predict_stance, stance_probabilities

__all__ = ["LABELS", "predict_stance", "stance_probabilities"]
