"""One canonical entry per entity across the articles of a story.

Outlets spell the same name differently (ترامب/ترمب, دميتري/ديمتري, ستارلينك/
ستار لينك) or write it in Latin script (Starlink, SpaceX). Two mentions are the
same entity when their *keys* meet:

- the Arabic consonant skeleton: normalized, "ال" and clitics off, long vowels
  (ا و ي) dropped after a word's first letter, spaces dropped: ترامب and ترمب
  both give ترمب, ستار لينك and ستارلينك both سترلنك. The long vowel is optional
  only in a transliterated (foreign) name: two spellings whose differing words
  both have the shape of an Arabic name (a three-letter root in a name pattern:
  حسن/حسين, سعد/سعيد, محمد/محمود, سلمان/سليمان) are different names and stay apart;
- a Latin consonant skeleton, for matching Arabic against Latin script: Arabic
  letters mapped one by one (and, when arabic-name-romanizer is installed, its
  transliteration too), Latin spelling folded (p→b, c→k/s, x→ks, vowels out):
  SpaceX and سبيس إكس both give sbsks;
- the curated alias groups of ``data/curated.json`` (إكس / X / تويتر), for
  renamings that no spelling distance can join.

A one-word person mention (ماسك, بيسكوف, إيلون) joins the full name it is the last
or first word of: the one full name of the same article with that surname (news
writing names a person in full once, then by surname), else the full name that
clearly dominates the story. Other partial overlaps never merge: the "إكس" of "سبيس إكس" is
not the X platform and "شي إن" (Shein) is not "شي جينبينغ".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import WORD_PATTERN
from riwaya.entities.features import split_clitics
from riwaya.entities.gazetteer import load_gazetteer
from riwaya.entities.tagger import EntityMention

# Class nouns that may precede a name without being part of it ("صحيفة وول ستريت
# جورنال", "وكالة ناسا", "ولاية بنسلفانيا", "منصة إكس").
_CLASS_NOUNS = frozenset(
    normalize_for_matching(w)
    for w in ("صحيفة", "جريدة", "مجلة", "وكالة", "شركة", "شركته", "منصة", "موقع", "قناة", "ولاية", "مدينة",
              "منطقة", "خدمة", "مشروع", "حلف", "الرئيس", "السيد", "شبه", "جزيرة", "محافظة", "إقليم")
)
_VOWELS = frozenset("اويء")
_TYPE_CLASS = {"PER": "P", "LOC": "L", "ORG": "O", "MISC": "O"}
_AR_TO_LATIN = dict(zip(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةى",
    ["", "b", "t", "s", "j", "h", "k", "d", "z", "r", "z", "s", "s", "s", "d", "t", "z", "", "g", "f", "k", "k", "l", "m",
     "n", "h", "", "", "", "", ""],
    strict=True,
))
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_STRIP = re.compile(r"^[\s\"'«»“”‘’()\[\]]+|[\s\"'«»“”‘’()\[\]]+$")


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """One entity of a story: its display name, type, every surface form seen, and
    its mentions as ``(article_id, mention)`` pairs."""

    canonical: str
    type: str
    variants: tuple[str, ...]
    mentions: tuple[tuple[str, EntityMention], ...]


def _words(surface: str) -> list[str]:
    norm = normalize_for_matching(_STRIP.sub("", surface))
    words = [split_clitics(w)[1] for w in re.findall(WORD_PATTERN, norm)]
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    while len(words) > 1 and words[0] in _CLASS_NOUNS:
        words = words[1:]
    return words


def arabic_skeleton(surface: str) -> str:
    """Consonant skeleton of a name, for Arabic–Arabic matching.

    >>> arabic_skeleton("ترامب") == arabic_skeleton("ترمب")
    True
    >>> arabic_skeleton("ستار لينك") == arabic_skeleton("“ستارلينك”")
    True
    >>> arabic_skeleton("كيرينكو") == arabic_skeleton("كيريينكو"), arabic_skeleton("ماسك") == arabic_skeleton("موسكو")
    (True, False)
    """
    return "".join(_word_skeleton(w) for w in _words(surface) if w)


def _word_skeleton(word: str) -> str:
    # The final vowel letter stays: ماسك (مسك) is not موسكو (مسكو).
    middle = "".join(c for c in word[1:-1] if c not in _VOWELS and c != "ه")
    last = word[-1] if len(word) > 1 and word[-1] != "ه" else ""
    return word[0] + middle + last


# Arabic name patterns over a three-consonant root (C), long vowels written:
# فعل حسن, فعيل/فعيل سعيد/حسين, فعال سلام, فاعل خالد, فعول, مفعول محمود, مفعل محمد,
# فعلان سلمان, فعيلان سليمان, أفعل أحمد, مفاعل, فعالة. A transliterated name
# (ترامب, بوتين, زيلينسكي) rarely fits one; two words that both do and differ only
# by a long vowel are two Arabic names, not two spellings of one.
_ARABIC_NAME_PATTERNS = tuple(
    re.compile("^" + p.replace("C", "[^اويءى]") + "$")
    for p in ("CCC", "CCيC", "CCاC", "CاCC", "CCوC", "مCCوC", "مCCC", "CCCان", "CCيCان", "اCCC", "مCاCC",
              "CاCC")
)


def _looks_arabic_name(word: str) -> bool:
    """Whether ``word`` (normalized, ال off) has the shape of an Arabic name.

    >>> [_looks_arabic_name(w) for w in ("حسين", "سليمان", "محمود", "ترامب", "بوتين", "زيلينسكي")]
    [True, True, True, False, False, False]
    """
    word = re.sub(r"(.)\1", r"\1", word)  # داوود, written with both و
    if word.endswith(("ه", "ة")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("ي") and len(word) > 4:  # nisba: الحسيني
        word = word[:-1]
    return any(p.match(word) for p in _ARABIC_NAME_PATTERNS)


def same_name_words(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two names (as :func:`_words` lists) with one consonant skeleton may be
    one name: every pair of differing words holds a transliterated (foreign) word.

    >>> same_name_words(["ترامب"], ["ترمب"]), same_name_words(["زيلينسكي"], ["زيلنسكي"])
    (True, True)
    >>> same_name_words(["حسن"], ["حسين"]), same_name_words(["محمد", "بن", "سلمان"], ["محمد", "بن", "سليمان"])
    (False, False)
    """
    if len(a) != len(b):
        return True  # a space dropped or added (ستار لينك / ستارلينك)
    return all(x == y or not (_looks_arabic_name(x) and _looks_arabic_name(y)) for x, y in zip(a, b, strict=True))


def latin_skeleton(surface: str) -> str:
    """Latin consonant skeleton, from Latin spelling or letter by letter from Arabic.

    >>> latin_skeleton("SpaceX"), latin_skeleton("سبيس إكس")
    ('sbsks', 'sbsks')
    >>> latin_skeleton("Trump") == latin_skeleton("ترامب"), latin_skeleton("Starlink") == latin_skeleton("ستار لينك")
    (True, True)
    """
    if _LATIN_WORD.search(surface):
        text = "".join(_LATIN_WORD.findall(surface)).lower()
        text = re.sub(r"c(?=[eiy])", "s", text).replace("ph", "f").replace("x", "ks")
        text = text.translate(str.maketrans("pcqvw", "bkkfw", "aeiouy"))
    else:
        text = "".join("".join(_AR_TO_LATIN.get(c, "") for c in w) for w in _words(surface))
    return re.sub(r"(.)\1+", r"\1", text.replace("h", ""))


@cache
def _romanized_skeleton(surface: str) -> str:
    # arabic-name-romanizer is optional at run time: its ONNX fallback is heavy.
    try:
        from arabic_name_romanizer import transliterate
    except ImportError:
        return ""
    return latin_skeleton(transliterate(" ".join(_words(surface))) or "")


def _alias_key(surface: str) -> str | None:
    norm = " ".join(normalize_for_matching(_STRIP.sub("", surface)).split())
    for i, group in enumerate(load_gazetteer().aliases):
        if norm in group or " ".join(_words(surface)) in group:
            return f"alias:{i}"
    return None


def _edit_distance_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or (len(a) == len(b) and a[i + 1:] == b[i + 1:])


class _Groups:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.find(i)] = self.find(j)


def canonical_entities(mentions_by_article: Mapping[str, Sequence[EntityMention]]) -> list[CanonicalEntity]:
    """Group the mentions of a story's articles into canonical entities.

    >>> from riwaya.entities.tagger import EntityMention as M
    >>> groups = canonical_entities({
    ...     "a": [M(0, 12, "دونالد ترامب", "PER", ""), M(20, 25, "ترامب", "PER", ""), M(30, 38, "سبيس إكس", "ORG", "")],
    ...     "b": [M(0, 4, "ترمب", "PER", ""), M(9, 15, "SpaceX", "ORG", ""), M(20, 21, "X", "MISC", ""),
    ...           M(30, 35, "تويتر", "MISC", "")],
    ... })
    >>> [(g.canonical, g.variants) for g in groups]
    [('دونالد ترامب', ('دونالد ترامب', 'ترامب', 'ترمب')), ('سبيس إكس', ('سبيس إكس', 'SpaceX')), ('تويتر', ('X', 'تويتر'))]
    """
    flat = [(article, m) for article, ms in mentions_by_article.items() for m in ms]
    groups = _Groups(len(flat))
    latin = [bool(_LATIN_WORD.search(m.text)) for _, m in flat]
    by_key: dict[str, list[int]] = {}
    words_of: list[list[str]] = []
    for i, (_, m) in enumerate(flat):
        words_of.append(_words(m.text))
        alias = _alias_key(m.text)
        if alias:
            keys = [alias]
        elif latin[i]:
            keys = [f"lat:{latin_skeleton(m.text)}"]
        else:
            # Typed: a person and a place may share a skeleton, never an entry.
            keys = [f"ar:{_TYPE_CLASS.get(m.type, m.type)}:{arabic_skeleton(m.text)}"]
        for key in keys:
            if not alias and len(key.rsplit(":", 1)[-1]) < 2:  # empty or one-letter skeletons say nothing
                continue
            # One skeleton may hold several names (حسن/حسين): join the first whose
            # words this mention's may be a spelling of.
            reps = by_key.setdefault(key, [])
            match = next((j for j in reps if alias or latin[i] or same_name_words(words_of[i], words_of[j])), None)
            if match is None:
                reps.append(i)
            else:
                groups.join(i, match)
    _join_close_spellings(flat, words_of, groups)
    _join_partial_names(flat, words_of, groups)
    if any(latin):
        _join_latin(flat, latin, groups)
    members: dict[int, list[int]] = {}
    for i in range(len(flat)):
        members.setdefault(groups.find(i), []).append(i)
    out = []
    for indices in sorted(members.values(), key=lambda ix: ix[0]):
        texts = [flat[i][1].text for i in indices]
        type_ = Counter(flat[i][1].type for i in indices).most_common(1)[0][0]
        out.append(CanonicalEntity(
            canonical=_display_name(texts),
            type=type_,
            variants=tuple(dict.fromkeys(texts)),
            mentions=tuple(flat[i] for i in indices),
        ))
    return out


def _display_name(texts: list[str]) -> str:
    # The most frequent Arabic-script form among the longest ones (a full name beats
    # a surname alone); Latin only when nothing else is there.
    counts = Counter(_STRIP.sub("", t) for t in texts)
    arabic = [t for t in counts if not _LATIN_WORD.search(t)] or list(counts)
    longest = max(len(t.split()) for t in arabic)
    return max((t for t in arabic if len(t.split()) == longest), key=lambda t: (counts[t], -len(t)))


def _join_latin(flat: list[tuple[str, EntityMention]], latin: list[bool], groups: _Groups) -> None:
    # A Latin-script mention joins the Arabic-script group whose Latin skeleton it
    # shares (letter by letter, or through arabic-name-romanizer): the group of its
    # own type if there is one, else the largest.
    candidates: dict[str, list[int]] = {}
    for i, (_, m) in enumerate(flat):
        if not latin[i]:
            for key in {latin_skeleton(m.text), _romanized_skeleton(m.text) if m.type == "PER" else ""}:
                if len(key) >= 2:
                    candidates.setdefault(key, []).append(i)
    sizes = Counter(groups.find(i) for i in range(len(flat)))
    for i, (_, m) in enumerate(flat):
        if not latin[i] or _alias_key(m.text):
            continue
        found = candidates.get(latin_skeleton(m.text), [])
        if found:
            best = max(found, key=lambda j: (flat[j][1].type == m.type, sizes[groups.find(j)]))
            groups.join(i, best)


def _join_close_spellings(flat: list[tuple[str, EntityMention]], words_of: list[list[str]], groups: _Groups) -> None:
    # One edit apart on a skeleton of 5+ letters (سيرغي/سيرجي كيرينكو), same type
    # only, and not two Arabic names (محمد بن سلمان / محمد بن سلطان).
    skeletons: dict[str, int] = {}
    for i, (_, m) in enumerate(flat):
        skeletons.setdefault(f"{m.type}:{arabic_skeleton(m.text)}", i)
    items = [(k.split(":", 1), i) for k, i in skeletons.items()]
    for a in range(len(items)):
        (type_a, skel_a), i = items[a]
        for b in range(a + 1, len(items)):
            (type_b, skel_b), j = items[b]
            if (type_a == type_b and min(len(skel_a), len(skel_b)) >= 5 and _edit_distance_one(skel_a, skel_b)
                    and same_name_words(words_of[i], words_of[j])):
                groups.join(i, j)


def _join_partial_names(flat: list[tuple[str, EntityMention]], words_of: list[list[str]], groups: _Groups) -> None:
    # A one-word person mention (ماسك) first joins the full name of its own article
    # whose surname it is, when that article has one such name (news writing gives
    # the full name once, then the surname). Spans that are not a name with that
    # surname do not count: two names run together ("ماسك ترمب": its first word is
    # itself a surname of the article) or a common word before the surname
    # ("فريقي ماسك"), when another candidate starts with a listed first name.
    # Left over, it joins the multi-word person group whose first or last word it
    # is, story-wide, when one such group clearly dominates (twice the mentions of
    # the next): with two Mohammeds, or a stray two-name span, it joins neither or
    # the commoner.
    given = load_gazetteer().words
    first_names = given["given"] | given["foreign_given"]
    full: dict[str, set[int]] = {}
    surnames: dict[tuple[str, str], set[int]] = {}
    for i, (article, m) in enumerate(flat):
        words = words_of[i]
        if m.type == "PER" and len(words) > 1:
            for word in (words[0], words[-1]):
                full.setdefault(arabic_skeleton(word), set()).add(i)
            surnames.setdefault((article, arabic_skeleton(words[-1])), set()).add(i)
    surname_words = {(article, key) for article, key in surnames}
    done: set[int] = set()
    for i, (article, m) in enumerate(flat):
        if m.type != "PER" or len(words_of[i]) != 1:
            continue
        word = words_of[i][0]
        candidates = [j for j in surnames.get((article, arabic_skeleton(word)), set())
                      if same_name_words([word], words_of[j][-1:])]
        candidates = [j for j in candidates
                      if not any((article, arabic_skeleton(w)) in surname_words for w in words_of[j][:-1])]
        if any(words_of[j][0] in first_names for j in candidates):
            candidates = [j for j in candidates if words_of[j][0] in first_names]
        owners = {groups.find(j) for j in candidates}
        if len(owners) == 1:
            groups.join(i, owners.pop())
            done.add(i)
    sizes = Counter(groups.find(i) for i in range(len(flat)))
    for i, (_, m) in enumerate(flat):
        if m.type != "PER" or len(words_of[i]) != 1 or i in done:
            continue
        word = words_of[i][0]
        roots = sorted({groups.find(j) for j in full.get(arabic_skeleton(word), set())
                        if same_name_words([word], [words_of[j][0]]) or same_name_words([word], [words_of[j][-1]])},
                       key=lambda r: -sizes[r])
        if roots and (len(roots) == 1 or sizes[roots[0]] >= 2 * sizes[roots[1]]):
            groups.join(i, roots[0])


def assign_canonical(mentions: list[EntityMention]) -> list[EntityMention]:
    """Fill ``canonical`` of each mention of one text with its group's display name.

    >>> from riwaya.entities.tagger import EntityMention as M
    >>> [m.canonical for m in assign_canonical([M(0, 13, "دميتري بيسكوف", "PER", ""), M(20, 26, "بيسكوف", "PER", "")])]
    ['دميتري بيسكوف', 'دميتري بيسكوف']
    """
    canonical_of: dict[tuple[int, int], str] = {}
    for group in canonical_entities({"": mentions}):
        for _, m in group.mentions:
            canonical_of[(m.start, m.end)] = group.canonical
    return [replace(m, canonical=canonical_of.get((m.start, m.end), m.text)) for m in mentions]
