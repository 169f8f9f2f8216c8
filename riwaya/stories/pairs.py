"""How likely two articles report the same event: pair features and a calibrated score.

The score is a logistic regression over a handful of figures that each catch a
different kind of sameness (embedding cosine of the leads, shingle Jaccard of the
bodies, shared long sentences, shared rare lead words) and difference (a name or
figure of one lead that the other article never mentions, the days between them, a
reaction headline against a report). Its weights live in ``data/pair_model.json``,
fitted by ``riwaya train clusters`` on labelled pairs, so a probability of 0.5 means
even odds on that data.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np

from riwaya.arabic.tokens import match_keys
from riwaya.stories.fingerprints import estimated_jaccard
from riwaya.stories.signals import ArticleSignals, term_weight

#: Headlines about a reaction to a happening ("يدين", "يعزي") are another event than the happening.
_REACTION_RE = re.compile(
    r"(?:^|\s)[وف]?(?:[يت](?:دين|ستنكر|عزي|هنئ|رحب|شيد|ندد|شجب)|(?:ال)?(?:ادانة|إدانة|استنكار|تعزية|تهنئة|ترحيب|تنديد))"
)
FEATURES = (
    "cosine",
    "jaccard",
    "shared_sentences",
    "term_similarity",
    "missing_names",
    "headline_mismatch",
    "day_gap",
    "reaction_mismatch",
    "same_outlet",
)
_MAX_MISSING = 4
_MAX_SHARED = 3
_MAX_MISMATCH = 20.0
_PREFIX_LETTERS = "وفبلك"


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """The figures comparing article ``a`` with article ``b``."""

    cosine: float
    jaccard: float
    shared_sentences: int
    term_similarity: float
    missing_names: int
    headline_mismatch: float
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
            float(self.day_gap),
            float(self.reaction_mismatch),
            float(self.same_outlet),
        ]

    def to_dict(self) -> dict[str, float | int | bool]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def is_reaction(title: str) -> bool:
    """Whether a headline reports a reaction (condemnation, condolence, welcome, praise).

    >>> is_reaction("الإمارات تدين التفجير الإرهابي في الكويت"), is_reaction("خادم الحرمين يعزي رئيس غينيا")
    (True, True)
    >>> is_reaction("تفجير إرهابي يستهدف مسجدا في الكويت")
    False
    """
    return bool(_REACTION_RE.search(title))


def shared_terms(a: ArticleSignals, b: ArticleSignals, limit: int = 6) -> list[str]:
    """The rarest lead words both articles use, rarest first."""
    return sorted(a.lead_terms & b.lead_terms, key=lambda t: (-term_weight(t), t))[:limit]


def missing_names(a: ArticleSignals, b: ArticleSignals) -> list[str]:
    """Names and figures of either lead that the other article never mentions."""
    return [n for n in a.names if not b.mentions(n)] + [n for n in b.names if not a.mentions(n)]


@lru_cache(maxsize=65_536)
def headline_keys(title: str) -> frozenset[str]:
    """Light stems of a headline, less a leading preposition or conjunction letter, for
    looking up in another article's normalized text.

    >>> sorted(headline_keys("إصابة مقيم بمقذوف عسكري بنجران"))
    ['اصاب', 'عسكر', 'مقذوف', 'مقيم', 'نجر']
    """
    keys = set()
    for key in match_keys(title):
        if len(key) >= 4 and key[0] in _PREFIX_LETTERS:
            key = key[1:]
        if len(key) >= 3:
            keys.add(key)
    return frozenset(keys)


def headline_mismatch(a: ArticleSignals, b: ArticleSignals) -> float:
    """Rarity-weighted mass of headline words of either article that the other never
    uses: high for one template filled with two countries or towns, low for two
    headlines of one happening."""
    return sum(term_weight(k) for k in headline_keys(a.title) if k not in b.normalized_text) + sum(
        term_weight(k) for k in headline_keys(b.title) if k not in a.normalized_text
    )


def term_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of the two word sets weighted by rarity (IDF²): 1 for the same words.

    >>> term_similarity(frozenset({"كرمل", "ماسك"}), frozenset({"كرمل", "ماسك"}))
    1.0
    """
    if not a or not b:
        return 0.0
    shared = sum(term_weight(t) ** 2 for t in a & b)
    norm = math.sqrt(sum(term_weight(t) ** 2 for t in a) * sum(term_weight(t) ** 2 for t in b))
    return round(shared / norm, 6) if norm else 0.0


def pair_features(a: ArticleSignals, b: ArticleSignals, shared_sentences: int | None = None) -> PairFeatures:
    """Compare two articles; ``shared_sentences`` may come precomputed from the store."""
    if shared_sentences is None:
        shared_sentences = len(set(a.sentence_hashes) & set(b.sentence_hashes))
    return PairFeatures(
        cosine=float(np.dot(a.vector, b.vector)),
        jaccard=estimated_jaccard(a.minhash, b.minhash),
        shared_sentences=shared_sentences,
        term_similarity=term_similarity(a.lead_terms, b.lead_terms),
        missing_names=len(missing_names(a, b)),
        headline_mismatch=round(headline_mismatch(a, b), 3),
        day_gap=abs((a.day - b.day).days),
        reaction_mismatch=is_reaction(a.title) != is_reaction(b.title),
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
