"""Build riwaya/entities/data/clusters.json.gz: word clusters learned from SaudiNewsNet.

Each frequent word (normalized; clitics left on, so the file doubles as the
vocabulary that tells the conjunction و/ف from a word's own first letter) gets a vector of the words
seen just left and right of it, reduced by truncated SVD and clustered by k-means
at two granularities. Words in the same cluster occur in the same slots
("قال X", "الرئيس X", "في X"), so a name the NER training data never shows gets
the cluster of names it has seen. Needs scikit-learn at build time only.

    python scripts/build_word_clusters.py [--data ../shared/data/saudinewsnet]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.cluster import MiniBatchKMeans  # type: ignore[import-untyped]
from sklearn.decomposition import TruncatedSVD  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

from riwaya.arabic.normalize import normalize_for_matching

_ROOT = Path(__file__).resolve().parent.parent
_OUT = _ROOT / "riwaya" / "entities" / "data" / "clusters.json.gz"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
VOCABULARY = 50_000
CONTEXTS = 1_500
MIN_COUNT = 5


def _documents(data_dir: Path) -> list[list[str]]:
    docs = []
    for path in sorted(data_dir.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if not name.endswith(".json"):
                    continue
                for article in json.loads(archive.read(name).decode("utf-8")):
                    text = normalize_for_matching(article.get("content") or "")
                    docs.append(_WORD.findall(text))
    return docs


def build(data_dir: Path, out: Path = _OUT, seed: int = 13) -> dict[str, int]:
    """Write the cluster file; returns its size figures."""
    docs = _documents(data_dir)
    counts = Counter(w for d in docs for w in d)
    vocab = [w for w, c in counts.most_common(VOCABULARY) if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocab)}
    contexts = {w: i for i, (w, _) in enumerate(counts.most_common(CONTEXTS))}
    rows: list[int] = []
    cols: list[int] = []
    for d in docs:
        for k, w in enumerate(d):
            i = index.get(w)
            if i is None:
                continue
            if k > 0 and (j := contexts.get(d[k - 1])) is not None:
                rows.append(i)
                cols.append(j)
            if k + 1 < len(d) and (j := contexts.get(d[k + 1])) is not None:
                rows.append(i)
                cols.append(CONTEXTS + j)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 2 * CONTEXTS))
    matrix.sum_duplicates()
    matrix.data = np.log1p(matrix.data)
    vectors = normalize(TruncatedSVD(n_components=100, random_state=seed).fit_transform(normalize(matrix)))
    fine = MiniBatchKMeans(n_clusters=300, random_state=seed, n_init=3, batch_size=4096).fit_predict(vectors)
    coarse = MiniBatchKMeans(n_clusters=50, random_state=seed, n_init=3, batch_size=4096).fit_predict(vectors)
    # "coarse/fine/rank": the frequency rank tells a clitic form from its base word.
    clusters = {w: f"{int(c)}/{int(f)}/{rank}" for rank, (w, c, f) in enumerate(zip(vocab, coarse, fine, strict=True))}
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(clusters, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write(payload)
    return {"documents": len(docs), "words": len(vocab)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_ROOT.parent / "shared" / "data" / "saudinewsnet")
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args()
    print(build(args.data, args.out))


if __name__ == "__main__":
    main()
