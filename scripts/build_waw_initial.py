"""Build riwaya/arabic/data/waw_initial.json: words whose initial و is a root letter.

Light stemming strips the conjunction و ("وماسك" → "ماسك"), but many words
begin with a و that belongs to the word (وزارة، وزير، واشنطن، وكالة). We learn
them from real news: a word starting with و is kept whole when the rest of it
is rare on its own (under a tenth as frequent). Run:

    python scripts/build_waw_initial.py ../shared/data/saudinewsnet
"""

from __future__ import annotations

import collections
import json
import re
import sys
import zipfile
from pathlib import Path

from riwaya.arabic.normalize import normalize_for_matching

_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def main(corpus: Path) -> None:
    counts: collections.Counter[str] = collections.Counter()
    for day in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for article in json.loads(archive.read(archive.namelist()[0])):
                counts.update(_ARABIC_WORD.findall(normalize_for_matching(article["content"])))
    words = sorted(
        w for w, n in counts.items()
        if w.startswith("و") and len(w) >= 4 and n >= 3 and counts.get(w[1:], 0) * 10 < n
        and not w.startswith("وال")
    )
    out = Path(__file__).resolve().parents[1] / "riwaya" / "arabic" / "data" / "waw_initial.json"
    out.write_text(json.dumps(words, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(words)} words written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/saudinewsnet"))
