"""How likely two articles report the same event: pair features and a calibrated score.

The score is a logistic regression over a handful of figures that each catch a
different kind of sameness (embedding cosine of the leads, shingle Jaccard of the
bodies, shared long sentences, shared rare lead words) and difference (a name or
figure of one lead that the other article never mentions, headline words the other
never uses, who acts in one headline unnamed in the other's lead, the days between
them, a reaction headline against a report). Its weights live in ``data/pair_model.json``,
fitted by ``riwaya train clusters`` on labelled pairs, so a probability of 0.5 means
even odds on that data.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

import numpy as np

from riwaya.stories.fingerprints import estimated_jaccard
from riwaya.stories.signals import ArticleSignals, term_weight

FEATURES = (
    "cosine",
    "jaccard",
    "shared_sentences",
    "term_similarity",
    "missing_names",
    "headline_mismatch",
    "subject_mismatch",
    "day_gap",
    "reaction_mismatch",
    "same_outlet",
)
_MAX_MISSING = 4
_MAX_SHARED = 3
_MAX_MISMATCH = 20.0


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """The figures comparing article ``a`` with article ``b``."""

    cosine: float
    jaccard: float
    shared_sentences: int
    term_similarity: float
    missing_names: int
    headline_mismatch: float
    subject_mismatch: int
    day_gap: int
    reaction_mismatch: bool
    same_outlet: bool

    def vector(self) -> list[float]:
        return [
            self.cosine,
            self.jaccard,
            min(self.shared_sentences, _MAX_SHARED) / _MAX_SHARED,
            self.term_similarity,
            min(self.missing_names, _MAX_MISSING),
            min(self.headline_mismatch, _MAX_MISMATCH) / _MAX_MISMATCH,
            float(self.subject_mismatch),
            float(self.day_gap),
            float(self.reaction_mismatch),
            float(self.same_outlet),
        ]

    def to_dict(self) -> dict[str, float | int | bool]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def shared_terms(a: ArticleSignals, b: ArticleSignals, limit: int = 6) -> list[str]:
    """The rarest lead words both articles use, rarest first."""
    return sorted(a.lead_terms & b.lead_terms, key=lambda t: (-term_weight(t), t))[:limit]


def missing_names(a: ArticleSignals, b: ArticleSignals) -> list[str]:
    """Names and figures of either lead that the other article never mentions."""
    return [n for n in a.names if not b.mentions(n)] + [n for n in b.names if not a.mentions(n)]


def headline_mismatch(a: ArticleSignals, b: ArticleSignals) -> float:
    """Rarity-weighted mass of headline words of either article that the other never
    uses: high for one template filled with two countries or towns, low for two
    headlines of one happening."""
    return sum(w for k, w in a.headline_weights if k not in b.normalized_text) + sum(
        w for k, w in b.headline_weights if k not in a.normalized_text
    )


def subject_mismatch(a: ArticleSignals, b: ArticleSignals) -> int:
    """How many of the two headlines' subjects (who acts) are mostly absent from the
    other article's title and lead: 2 for "المملكة تدين" and "الإمارات تدين" one attack,
    1 where one lead names both actors, 0 when either headline has no subject.
    The lead, not the whole text: a body often names the other actor in passing. Keys
    are looked up as substrings (الإمارات in الإماراتي), so a subject whose words all
    occur inside the other lead's names passes as named (الملك سلمان in "الأمير محمد
    بن سلمان … السمو الملكي")."""
    if not (a.subject_weights and b.subject_weights):
        return 0
    return int(not _mentioned(a.subject_weights, b.lead_match_text)) + int(not _mentioned(b.subject_weights, a.lead_match_text))


def _mentioned(weights: tuple[tuple[str, float], ...], text: str) -> bool:
    """Whether at least half of these keys' rarity occurs in ``text``."""
    return 2 * sum(w for k, w in weights if k in text) >= sum(w for _, w in weights)


def term_similarity(a: ArticleSignals, b: ArticleSignals) -> float:
    """Cosine of the two leads' word sets weighted by rarity (IDF²): 1 for the same words."""
    norm = a.lead_norm * b.lead_norm
    if not norm:
        return 0.0
    small, large = sorted((a.lead_weights, b.lead_weights), key=len)
    shared = sum(w for t, w in small.items() if t in large)
    return round(shared / norm, 6)


def pair_features(a: ArticleSignals, b: ArticleSignals, shared_sentences: int | None = None) -> PairFeatures:
    """Compare two articles; ``shared_sentences`` may come precomputed from the store."""
    if shared_sentences is None:
        shared_sentences = len(set(a.sentence_hashes) & set(b.sentence_hashes))
    return PairFeatures(
        cosine=float(np.dot(a.vector, b.vector)),
        jaccard=estimated_jaccard(a.minhash, b.minhash),
        shared_sentences=shared_sentences,
        term_similarity=term_similarity(a, b),
        missing_names=len(missing_names(a, b)),
        headline_mismatch=round(headline_mismatch(a, b), 3),
        subject_mismatch=subject_mismatch(a, b),
        day_gap=abs((a.day - b.day).days),
        reaction_mismatch=a.reaction != b.reaction,
        same_outlet=bool(a.outlet) and a.outlet == b.outlet,
    )


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic regression weights over :data:`FEATURES`."""

    weights: tuple[float, ...]
    intercept: float

    def probability(self, features: PairFeatures) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, object]:
        return {"features": list(FEATURES), "weights": list(self.weights), "intercept": self.intercept}


@cache
def pair_model() -> PairModel:
    """The shipped model (``data/pair_model.json``)."""
    data = json.loads(resources.files("riwaya.stories").joinpath("data/pair_model.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("riwaya/stories/data/pair_model.json was fitted on other features; run `riwaya train clusters`")
    return PairModel(tuple(float(w) for w in data["weights"]), float(data["intercept"]))
