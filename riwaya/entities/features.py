"""CRF features for one sentence of tokens.

Every feature is computed on the normalized form (hamza, ya, ta marbuta folded), so
a model trained on NewsFANE's hamza-less spelling tags news spelling too. Clitics
are split off the way :func:`riwaya.arabic.tokens.light_stem` does (و/ف, ال, لل,
بال …), because NewsFANE writes "و" and "ب" as separate tokens while news text
attaches them: the clitic-free form is what both share.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from importlib import resources

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import light_stem
from riwaya.entities.gazetteer import Gazetteer, load_gazetteer, phrase_matches

_CONJ_ARTICLE = ("وال", "فال", "بال", "كال")
_WAW_INITIAL = frozenset(
    json.loads(resources.files("riwaya.arabic").joinpath("data/waw_initial.json").read_text("utf-8"))
)
_LATIN = re.compile(r"^[A-Za-z][A-Za-z.\-']*$")
_DIGITS = re.compile(r"^[0-9][0-9.,]*$")
_ARABIC = re.compile(r"^[\u0621-\u064a]+$")
_CACHE_LIMIT = 300_000


@cache
def _load_cluster_file() -> tuple[dict[str, str], dict[str, int]]:
    data = resources.files("riwaya.entities").joinpath("data/clusters.json.gz").read_bytes()
    raw: dict[str, str] = json.loads(gzip.decompress(data).decode("utf-8"))
    clusters = {w: v.rsplit("/", 1)[0] for w, v in raw.items()}
    ranks = {w: int(v.rsplit("/", 1)[1]) for w, v in raw.items()}
    return clusters, ranks


def load_clusters() -> dict[str, str]:
    """Word → "coarse/fine" cluster ids learned from SaudiNewsNet (scripts/build_word_clusters.py)."""
    return _load_cluster_file()[0]


def word_rank(norm: str) -> int:
    """Frequency rank of a normalized word in SaudiNewsNet (0 = commonest; unseen words
    rank after every seen one)."""
    return _load_cluster_file()[1].get(norm, 1 << 30)


def split_clitics(norm: str) -> tuple[str, str]:
    """Split a normalized word into (prefix clitics, rest), keeping the article:
    "وبالكرملين" → ("وب", "الكرملين"), "للكرملين" → ("ل", "الكرملين").

    An initial و or ف is the conjunction when an article or preposition follows
    it, or when SaudiNewsNet has the rest more often than the whole word; a word
    it has not seen loses its و but keeps its ف, since ف starts many foreign
    names (فلاديمير، فرويد).

    >>> split_clitics("وبالكرملين"), split_clitics("للكرملين"), split_clitics("واشنطن")
    (('وب', 'الكرملين'), ('ل', 'الكرملين'), ('', 'واشنطن'))
    >>> split_clitics("واوروبا"), split_clitics("وزاره")
    (('و', 'اوروبا'), ('', 'وزاره'))
    >>> split_clitics("فلاديمير"), split_clitics("فالرئيس"), split_clitics("وترامب")
    (('', 'فلاديمير'), ('ف', 'الرئيس'), ('و', 'ترامب'))
    """
    prefix = ""
    if len(norm) > 3 and norm[0] in "وف" and norm not in _WAW_INITIAL:
        rest = norm[1:]
        if rest.startswith(("ال", "لل", "بال", "كال")):
            split = True
        elif word_rank(rest) < word_rank(norm):  # وروسيا is rarer than روسيا
            split = True
        elif norm in load_clusters():  # فرنسا, وزاره: the whole word is the commoner
            split = False
        else:
            split = norm[0] == "و" and len(rest) >= 3
        if split:
            prefix, norm = norm[0], rest
    if norm.startswith(_CONJ_ARTICLE[2:]) and len(norm) > 4:
        prefix, norm = prefix + norm[0], norm[1:]
    elif norm.startswith("لل") and len(norm) > 4:
        prefix, norm = prefix + "ل", "ال" + norm[2:]
    return prefix, norm


def cluster_form(norm: str) -> str:
    """The form word clusters are keyed by: normalized, clitics and article off.

    >>> cluster_form("وبالكرملين"), cluster_form("بوتين")
    ('كرملين', 'بوتين')
    """
    form = split_clitics(norm)[1]
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


class TokenInfo:
    """Features of a token that do not depend on its neighbours (cached by string)."""

    __slots__ = ("norm", "prefix", "form", "core", "lists", "own", "shape", "cluster", "fine")

    def __init__(self, token: str, gazetteer: Gazetteer) -> None:
        norm = normalize_for_matching(token)
        prefix, form = split_clitics(norm)
        lists = _lookup(form, gazetteer)
        # A known name keeps its first letter: فرنسا is not ف + رنسا.
        if prefix and (whole := _lookup(norm, gazetteer)):
            prefix, form, lists = "", norm, whole
        # A single ب/ل/ك before a name ("لترامب", "بموسكو") is split only when the
        # rest is a known name: stripping it blindly would turn بوتين into وتين.
        # SaudiNewsNet's vocabulary decides the rest: "لترامب" is ل + ترامب.
        if not lists and len(form) > 4 and form[0] in "بلك":
            rest_lists = _lookup(form[1:], gazetteer)
            if rest_lists or word_rank(form[1:]) < word_rank(form):
                prefix, form, lists = prefix + form[0], form[1:], rest_lists
        core = form[2:] if form.startswith("ال") and len(form) > 4 else form
        if _LATIN.match(token):
            shape = "lat" + ("C" if token[:1].isupper() else "l")
        elif _DIGITS.match(norm):
            shape = "dig"
        elif _ARABIC.match(norm):
            shape = "ar"
        elif norm in '"\'«»()[]':
            shape = "q"
        else:
            shape = "pun"
        clusters = load_clusters()
        cluster = clusters.get(norm) or clusters.get(form) or clusters.get(core, "")
        self.cluster = cluster.split("/")[0] if cluster else "-"
        self.fine = cluster or "-"
        self.norm = norm
        self.prefix = prefix
        self.form = form
        self.core = core
        self.lists = lists
        self.shape = shape
        own = [
            "w=" + norm, "f=" + form, "c=" + core, "s=" + light_stem(token), "pre=" + prefix,
            "sh=" + shape, "len=" + str(min(len(core), 8)),
            "p2=" + core[:2], "p3=" + core[:3], "x1=" + core[-1:], "x2=" + core[-2:], "x3=" + core[-3:],
            "al=" + str(form.startswith("ال")),
        ]
        if cluster:
            own.extend(("k1=" + cluster.split("/")[0], "k2=" + cluster))
        else:
            own.append("k=none")
        own.extend("g:" + name for name in lists)
        self.own = own


def _lookup(form: str, gazetteer: Gazetteer) -> list[str]:
    lists = gazetteer.lists_of(form)
    if form.startswith("ال") and len(form) > 4:
        lists += [name for name in gazetteer.lists_of(form[2:]) if name not in lists]
    return lists


_cache: dict[str, TokenInfo] = {}


def token_info(token: str, gazetteer: Gazetteer) -> TokenInfo:
    info = _cache.get(token)
    if info is None:
        if len(_cache) > _CACHE_LIMIT:
            _cache.clear()
        info = _cache[token] = TokenInfo(token, gazetteer)
    return info


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """The feature strings of every token of one sentence.

    >>> feats = sentence_features(["قال", "المتحدث", "باسم", "الكرملين", "دميتري", "بيسكوف"])
    >>> "g:org" in feats[3], "w-1=باسم" in feats[3], "g:foreign_given" in feats[4]
    (True, True, True)
    >>> "w=اسراييل" in sentence_features(["إسرائيل"])[0]
    True
    """
    gazetteer = load_gazetteer()
    infos = [token_info(t, gazetteer) for t in tokens]
    n = len(infos)
    phrase_tags: list[list[str]] = [[] for _ in range(n)]
    for start, end, names in phrase_matches([i.form for i in infos], gazetteer):
        for k in range(start, end):
            tag = "B" if k == start else "I"
            phrase_tags[k].extend(f"ph:{name}:{tag}" for name in sorted(names))
    out: list[list[str]] = []
    for i, info in enumerate(infos):
        feats = ["bias", *info.own, *phrase_tags[i]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                other = infos[j]
                feats.append(f"w{d}={other.norm}")
                if d in (-1, 1):
                    feats.append(f"c{d}={other.core}")
                    feats.append(f"sh{d}={other.shape}")
                    feats.append(f"kn{d}={other.cluster}")
                    feats.append(f"kf{d}={other.fine}")
                    feats.extend(f"g{d}:{name}" for name in other.lists)
                    feats.extend(f"{d}{tag}" for tag in phrase_tags[j])
                if d in (-2, 2) and "title" in other.lists:
                    feats.append(f"g{d}:title")
            elif d in (-1, 1):
                feats.append("BOS" if d < 0 else "EOS")
        if i > 0:
            feats.append(f"c-1|c={infos[i - 1].core}|{info.core}")
            feats.append(f"k-1|k={infos[i - 1].fine}|{info.fine}")
        if i + 1 < n:
            feats.append(f"c|c+1={info.core}|{infos[i + 1].core}")
        out.append(feats)
    return out
