"""Text fingerprints for finding copies: MinHash with LSH buckets, and long-sentence hashes.

MinHash runs over word 5-gram shingles of the normalized text (datasketch, 128
permutations); 16 bands of 8 rows put two texts in a common bucket with
probability ≥ 0.5 from a Jaccard similarity of about 0.7. Buckets and sentence
hashes are stored (``lsh_bands``, ``sentence_hashes``) so that an article
ingested tomorrow finds its copies from today.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import WORD_PATTERN

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
#: A sentence this long is rarely written twice by chance: sharing it means copying.
LONG_SENTENCE_WORDS = 10

_WORD_RE = re.compile(WORD_PATTERN, re.UNICODE)


def normalized_words(text: str) -> list[str]:
    """Words of ``text`` after :func:`normalize_for_matching` (no stemming).

    >>> normalized_words("أعلنت «واس» الخبرَ")
    ['اعلنت', 'واس', 'الخبر']
    """
    return _WORD_RE.findall(normalize_for_matching(text))


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The distinct runs of ``size`` consecutive words (the whole text when shorter).

    >>> sorted(shingles(["a", "b", "c"], 2))
    [b'a b', b'b c']
    """
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def minhash_signatures(texts: list[str]) -> list[np.ndarray]:
    """One MinHash signature (``NUM_PERM`` uint32) per text, computed in bulk.

    >>> a, b, c = minhash_signatures(["قال الوزير إن الاجتماع بحث التعاون بين البلدين في مجالات عدة",
    ...                               "قال الوزير إن الاجتماع بحث التعاون بين البلدين في مجالات عدة",
    ...                               "فاز الهلال على النصر بهدفين مقابل هدف في مباراة الديربي"])
    >>> estimated_jaccard(a, b), estimated_jaccard(a, c)
    (1.0, 0.0)
    """
    sets = [shingles(normalized_words(text)) or {b""} for text in texts]
    return [m.hashvalues.astype(np.uint32) for m in MinHash.bulk(sets, num_perm=NUM_PERM, seed=1)]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal MinHash values: an unbiased estimate of the shingle Jaccard."""
    return float(np.count_nonzero(a == b)) / len(a)


def lsh_buckets(signature: np.ndarray) -> list[int]:
    """The ``BANDS`` bucket keys of a signature, as signed 64-bit ints for SQLite.

    The band index is part of the key, so equal rows in different bands do not collide.
    """
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def sentence_hash(sentence: str) -> int | None:
    """A signed 64-bit hash of a long sentence's normalized words; None when short.

    Spelling variants (أ/ا, ة/ه), diacritics and punctuation do not change it.

    >>> s = "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن التقرير غير صحيح على الإطلاق"
    >>> sentence_hash(s) == sentence_hash(s.replace("إ", "ا") + ".")
    True
    >>> sentence_hash("قصيرة جدا") is None
    True
    """
    words = normalized_words(sentence)
    if len(words) < LONG_SENTENCE_WORDS:
        return None
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
