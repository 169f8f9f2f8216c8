"""Readers for the NER corpora in ``shared/data/ner`` and the map of their tags to
riwaya's four types (PER, ORG, LOC, MISC).

NewsFANE's 50 fine types map as follows (the ACE-style hierarchy of Alotaibi & Lee
2014; GPE is folded into LOC, facilities too, as ANERcorp and CoNLL do):

- PER: Politician, Athlete, Artist, Other_PER, Religious_PER, Scientist,
  Businessperson, Lawyer, Engineer, Police (persons in the police or army).
- ORG: Government, Non-Governmental, Media, Commercial, Educational, Sports
  (clubs and national teams), Religious_ORG, Medical-Science, Entertainment.
- LOC: Nation, Population-Center, State-or-Province, County-or-District,
  GPE-Cluster (الشرق الاوسط), Continent, Water-Body, Land-Region-Natural,
  Celestial, Path, Building-Grounds, Airport, Subarea-Facility.
- MISC: Group (العرب، المسلمين: peoples, as CoNLL's nationalities), Book, Movie,
  Software, Hardware, Land/Air/Water (vehicles), Food, Drug, Plant, Projectile,
  Shooting, Chemical, Sound, Exploding, Nuclear, Blunt, Sharp and any other type.

AQMAR: PER/ORG/LOC kept, MIS0-3 → MISC; malformed tags are repaired
(``B-MIS-1`` → B-MISC, ``I--ORG`` → I-ORG, ``OO``/``IO`` → O) and the two
language labels (``B-ENGLISH``, ``B-SPANISH``) dropped.

Wojood (nested): PERS → PER, GPE and LOC → LOC, ORG → ORG; every other type is O.
Of nested spans the outermost kept type wins. ``$#$`` lines end a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from riwaya.errors import RiwayaError

TYPES = ("PER", "ORG", "LOC", "MISC")

NEWSFANE_TYPES: dict[str, str] = {
    **dict.fromkeys(
        ("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
         "Businessperson", "Lawyer", "Engineer", "Police"), "PER"),
    **dict.fromkeys(
        ("Government", "Non-Governmental", "Media", "Commercial", "Educational", "Sports",
         "Religious_ORG", "Medical-Science", "Entertainment"), "ORG"),
    **dict.fromkeys(
        ("Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster",
         "Continent", "Water-Body", "Land-Region-Natural", "Celestial", "Path", "Building-Grounds",
         "Airport", "Subarea-Facility"), "LOC"),
}

_WOJOOD_TYPES = {"PERS": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}


class NerDataError(RiwayaError):
    """An NER data file or folder is missing or unreadable; the message names it."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One tagged sentence: tokens and their IOB tags (same length)."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def repair_iob(tags: Iterable[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an X into ``B-X`` (IOB2).

    >>> repair_iob(["O", "I-PER", "I-PER", "I-LOC"])
    ['O', 'B-PER', 'I-PER', 'B-LOC']
    """
    out: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def iob_spans(tags: Iterable[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of an IOB sequence, in order; an ``I-`` that
    does not continue the open entity starts a new one (as :func:`repair_iob` reads it).

    >>> iob_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    spans = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == kind:
            continue
        if kind:
            spans.append((start, i, kind))
        start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    """Blank-line separated blocks of whitespace-split lines."""
    block: list[list[str]] = []
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as error:
        raise NerDataError(f"{path}: cannot read ({error.strerror or error})") from error
    with handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not fields or not fields[0].strip():
                if block:
                    yield block
                block = []
                continue
            block.append(fields)
    if block:
        yield block


def read_conll(path: Path) -> list[Sentence]:
    """Read a CoNLL-style file: token in the first column, tag in the last (``O`` when
    there is only one column); blank lines end sentences."""
    sentences = []
    for block in _blocks(path):
        tokens = tuple(fields[0].strip() for fields in block)
        tags = tuple(fields[-1].strip() if len(fields) > 1 else "O" for fields in block)
        sentences.append(Sentence(tokens, tuple(repair_iob(tags))))
    return sentences


def newsfane_tag(tag: str) -> str:
    """Map a NewsFANE fine tag to the coarse scheme.

    >>> newsfane_tag("B-Politician"), newsfane_tag("I-Nation"), newsfane_tag("B-Group")
    ('B-PER', 'I-LOC', 'B-MISC')
    """
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, fine = tag.split("-", 1)
    return f"{prefix}-{NEWSFANE_TYPES.get(fine, 'MISC')}"


def read_newsfane(path: Path) -> list[Sentence]:
    """NewsFANE with coarse tags, in file order (the order is the documents' order)."""
    return [
        Sentence(s.tokens, tuple(repair_iob(newsfane_tag(t) for t in s.tags)))
        for s in read_conll(path)
    ]


def aqmar_tag(tag: str) -> str:
    """Repair and map an AQMAR tag.

    >>> [aqmar_tag(t) for t in ("B-MIS-1", "I--ORG", "B-MIS1`", "OO", "B-ENGLISH", "I-PER")]
    ['B-MISC', 'I-ORG', 'B-MISC', 'O', 'O', 'I-PER']
    """
    tag = tag.strip().rstrip("`")
    if len(tag) < 3 or tag[0] not in "BI" or tag[1] != "-":
        return "O"
    kind = tag[2:].lstrip("-").upper()
    if kind in ("PER", "ORG", "LOC"):
        return f"{tag[0]}-{kind}"
    if kind.startswith("MIS"):
        return f"{tag[0]}-MISC"
    return "O"


def read_aqmar(directory: Path) -> list[Sentence]:
    """All AQMAR articles, sorted by file name, with coarse tags."""
    sentences = []
    if not directory.is_dir():
        raise NerDataError(f"{directory}: AQMAR folder not found")
    for path in sorted(directory.glob("*.txt")):
        for s in read_conll(path):
            sentences.append(Sentence(s.tokens, tuple(repair_iob(aqmar_tag(t) for t in s.tags))))
    return sentences


def _wojood_flat(rows: list[list[str]]) -> list[str]:
    # Spans per kept type; the outermost (earliest start, then longest) wins overlaps.
    spans: list[tuple[int, int, str]] = []
    for kind in _WOJOOD_TYPES:
        start = None
        for i, fields in enumerate(rows + [["", "O"]]):
            labels = fields[1:]
            if start is not None and f"I-{kind}" not in labels:
                spans.append((start, i, _WOJOOD_TYPES[kind]))
                start = None
            if f"B-{kind}" in labels:
                start = i
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    tags = ["O"] * len(rows)
    taken = [False] * len(rows)
    for start, end, kind in spans:
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            tags[i] = ("B-" if i == start else "I-") + kind
            taken[i] = True
    return tags


def read_wojood(path: Path) -> list[Sentence]:
    """A Wojood sample file, flattened to PER/ORG/LOC."""
    sentences = []
    for block in _blocks(path):
        rows: list[list[str]] = []
        for fields in block + [["$#$"]]:
            if fields[0] == "$#$":
                if rows:
                    sentences.append(Sentence(tuple(r[0] for r in rows), tuple(_wojood_flat(rows))))
                rows = []
            else:
                rows.append(fields[0].split() if len(fields) == 1 else fields)
    return sentences


def split_newsfane(sentences: list[Sentence], held_out: float = 0.15) -> tuple[list[Sentence], list[Sentence]]:
    """Split NewsFANE into (train, held-out): the held-out part is the *last* stretch
    of the file, at least ``held_out`` of both its sentences and its tokens, so
    that no document is split between the two sides except the one at the cut.

    >>> s = [Sentence(("a",), ("O",))] * 20
    >>> [len(part) for part in split_newsfane(s)]
    [17, 3]
    """
    total_tokens = sum(len(s.tokens) for s in sentences)
    by_sentences = int(len(sentences) * (1 - held_out))
    # Walk back from the end until the tail holds enough tokens.
    tail = 0
    by_tokens = len(sentences)
    while by_tokens > 0 and tail < total_tokens * held_out:
        by_tokens -= 1
        tail += len(sentences[by_tokens].tokens)
    cut = max(0, min(by_sentences, by_tokens))
    return sentences[:cut], sentences[cut:]


def write_conll(sentences: Iterable[Sentence], path: Path) -> None:
    """Write token TAB tag lines, a blank line after each sentence."""
    with path.open("w", encoding="utf-8") as handle:
        for s in sentences:
            for token, tag in zip(s.tokens, s.tags, strict=True):
                handle.write(f"{token}\t{tag}\n")
            handle.write("\n")
