"""A small in-memory index of article vectors, searched within a window of days.

A plain matrix product over the articles of the days held in memory: with a few
days of news (a few thousand rows) that costs well under a millisecond, and the
window keeps it from growing with the size of the store.
"""

from __future__ import annotations

import numpy as np

from riwaya.stories.embeddings import DIMENSIONS


class VectorIndex:
    """Rows of (seq, unit vector, day ordinal); grows by doubling, compacts on removal.

    >>> index = VectorIndex()
    >>> index.add(1, np.eye(512, dtype=np.float32)[0], 100)
    >>> index.add(2, np.eye(512, dtype=np.float32)[1], 100)
    >>> cosines = index.cosines(np.eye(512, dtype=np.float32)[0])
    >>> index.nearest(cosines, 101, window=3, limit=5, minimum=0.5)
    [(1, 1.0)]
    >>> index.nearest(cosines, 110, window=3, limit=5, minimum=0.5)
    []
    >>> float(cosines[index.row(2)])
    0.0
    """

    def __init__(self) -> None:
        self._vectors = np.zeros((1024, DIMENSIONS), dtype=np.float32)
        self._days = np.zeros(1024, dtype=np.int64)
        self._seqs = np.zeros(1024, dtype=np.int64)
        self._rows: dict[int, int] = {}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, seq: int, vector: np.ndarray, day: int) -> None:
        if self._size == len(self._seqs):
            self._vectors = np.concatenate([self._vectors, np.zeros_like(self._vectors)])
            self._days = np.concatenate([self._days, np.zeros_like(self._days)])
            self._seqs = np.concatenate([self._seqs, np.zeros_like(self._seqs)])
        self._vectors[self._size] = vector
        self._days[self._size] = day
        self._seqs[self._size] = seq
        self._rows[seq] = self._size
        self._size += 1

    def remove(self, seqs: set[int]) -> None:
        if not seqs:
            return
        keep = ~np.isin(self._seqs[: self._size], np.fromiter(seqs, dtype=np.int64))
        n = int(keep.sum())
        self._vectors[:n] = self._vectors[: self._size][keep]
        self._days[:n] = self._days[: self._size][keep]
        self._seqs[:n] = self._seqs[: self._size][keep]
        self._size = n
        self._rows = {int(seq): row for row, seq in enumerate(self._seqs[:n])}

    def cosines(self, vector: np.ndarray) -> np.ndarray:
        """The cosine of ``vector`` with every row, in row order (one pass over the window,
        reused by :meth:`nearest` and, through :meth:`row`, for any member's similarity)."""
        return self._vectors[: self._size] @ vector

    def row(self, seq: int) -> int:
        return self._rows[seq]

    def nearest(self, cosines: np.ndarray, day: int, window: int, limit: int, minimum: float) -> list[tuple[int, float]]:
        """Up to ``limit`` (seq, cosine) with cosine ≥ ``minimum`` and |day − row day| ≤ ``window``,
        best first (ties by seq); ``cosines`` from :meth:`cosines`."""
        if not self._size:
            return []
        ok = (np.abs(self._days[: self._size] - day) <= window) & (cosines >= minimum)
        rows = np.flatnonzero(ok)
        if len(rows) > limit:
            rows = rows[np.argpartition(-cosines[rows], limit - 1)[:limit]]
        best = np.round(cosines[rows], 6)
        order = rows[np.lexsort((self._seqs[rows], -best))]
        return [(int(self._seqs[r]), round(float(cosines[r]), 6)) for r in order]
