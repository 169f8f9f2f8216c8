"""Build riwaya/stories/data/term_df.json.gz: how many SaudiNewsNet articles use each word.

Event clustering weighs the words two leads share by their rarity (inverse
document frequency). A fixed table learned once from a large news corpus keeps the
weights the same whatever order articles arrive in, so ingesting day by day and
all at once agree. Keys are light stems (riwaya.arabic.tokens.match_keys). Only the
crawl days before the held-back evaluation days are read.

    python scripts/build_term_weights.py [--data ../shared/data/saudinewsnet]
"""

from __future__ import annotations

import argparse
import gzip
import json
import zipfile
from collections import Counter
from pathlib import Path

from riwaya.arabic.tokens import match_keys

_ROOT = Path(__file__).resolve().parent.parent
_OUT = _ROOT / "riwaya" / "stories" / "data" / "term_df.json.gz"
#: The last crawl days of SaudiNewsNet are held back for evaluation (../shared/data/README.md).
LAST_DAY = "2015-08-03"
MIN_DF = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_ROOT.parent / "shared" / "data" / "saudinewsnet")
    args = parser.parse_args()
    df: Counter[str] = Counter()
    documents = 0
    for path in sorted(args.data.glob("*.zip")):
        if path.stem > LAST_DAY:
            continue
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                for record in json.loads(zf.read(name)):
                    text = f"{record.get('title') or ''} {record.get('content') or ''}"
                    if text.strip():
                        documents += 1
                        df.update(set(match_keys(text)))
    table = {"documents": documents, "df": {t: c for t, c in sorted(df.items()) if c >= MIN_DF}}
    with gzip.open(_OUT, "wt", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{_OUT.relative_to(_ROOT)}: {len(table['df'])} terms from {documents} articles")


if __name__ == "__main__":
    main()
