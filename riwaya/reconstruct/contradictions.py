"""Contradictions between the claims of an event or story.

* ``denial`` — a claim whose sentences are denied by another sentence of the same
  claim (a deny statement restating it), or a denial claim whose sentences align with
  an asserted claim of other sentences (the Kremlin calling the WSJ report false);
* ``number`` — one claim, the same kind of quantity with the same unit, values more
  than 10% apart (hedged values — about, more than — get 25%), once the numbers both
  sentences give are set aside (only a number left unmatched on each side conflicts);
* ``date`` — one claim dated differently by two articles (disjoint day or month), or a
  report dated well before the event's articles carried it as news (003's "الصادر في
  سبتمبر" for a report the others carry on 25 October);
* ``opposed`` — two aligned claims the pair-stance model (riwaya.claims.pair_stance)
  reads as disagreeing with high confidence.

Contradictions stated without a denial verb (each still rests on a cue):

* ``denial`` within one sentence — a sentence that reports an assertion and a denial
  («كشف بريمر أن … وقد نفى ماسك ذلك»);
* ``denial`` by an exclusive version — one origin says the thing happened *only* so
  (الوحيد، فقط، مرة واحدة) about the same people another origin says more of, unless
  the other claim runs on long after the exclusive statement was made (a statement of
  2022 cannot deny what happened in 2024: that is a later update, not a conflict);
* ``opposed`` by juxtaposition — an article answers one source's account with
  another's in the very next sentence, opening with a contrast (ومع ذلك، غير أن، لكن;
  not «في المقابل», which as often adds a confirmation): the article itself sets the
  two versions against each other.

Embeddings do not separate a claim from its negation; every rule here rests on a cue
(a deny statement, a number, a date) or on the stance model's own cue features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.claims.lexicon import NEGATION, OPPOSITES, count_hits
from riwaya.reconstruct.claims import Claim
from riwaya.reconstruct.units import Unit

DENIAL_ALIGN = 0.45
OPPOSED_PROBABILITY = 0.80
_MAX_STANCE_PAIRS = 4
_HEDGES = {"about", "more_than", "less_than", "at_least", "up_to"}
# counts of sources ("شخصين مطلعين"، "مسؤول") are attribution, not facts of the story
_SOURCE_UNITS = re.compile(r"مصدر|مسؤول|شخص|مطلع|ضابط|صحف|وكال")
_REPORT_DATED = re.compile(r"(?:الصادر|الصادرة|المنشور|نشر(?:ته|ت|ه)?|صدر)\s+(?:\S+\s+){0,2}$")


def find_contradictions(claims: Sequence[Claim], strength: np.ndarray, *, stance: bool = True,
                        published: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """Every contradiction found, each with its kind, the claims involved, both sides
    as cited sentences and a one-line explanation.

    :param published: article id -> publication date, to date statements and periods.
    """
    found: list[dict[str, Any]] = []
    found += _denials(claims, strength)
    for claim in claims:
        found += _numbers(claim, strength)
        found += _dates(claim, strength)
    found += _within_sentence(claims)
    found += _exclusive(claims, strength, {frozenset(k["claims"]) for k in found}, published)
    found += _juxtaposed(claims, {frozenset(k["claims"]) for k in found})
    if stance:
        found += _opposed(claims, strength, {frozenset(k["claims"]) for k in found})
    for k, item in enumerate(found, 1):
        item["id"] = f"k{k}"
    return found


def _item(kind: str, claim_ids: list[str], side_a: Sequence[Unit], side_b: Sequence[Unit], why: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "",
        "kind": kind,
        "claims": claim_ids,
        "a": [u.cite() | {"text": u.text} for u in side_a],
        "b": [u.cite() | {"text": u.text} for u in side_b],
        "explanation": why,
        **extra,
    }


def _deny_speakers(units: Sequence[Unit]) -> str:
    return "، ".join(dict.fromkeys(st.speaker.text for u in units for st in u.statements if st.stance == "deny")) or "a source"


def _denials(claims: Sequence[Claim], strength: np.ndarray) -> list[dict[str, Any]]:
    out = []
    for claim in claims:
        if claim.deniers and claim.supporters:
            out.append(_item("denial", [claim.id], claim.supporters, claim.deniers,
                             f"{_deny_speakers(claim.deniers)} denies what {len(claim.articles)} article(s) report"))
    by_sentence = {(u.article_id, u.sentence_index): c for c in claims for u in c.units}
    asserted = [c for c in claims if c.stance != "deny"]
    for denial in (c for c in claims if c.stance == "deny"):
        d_idx = [u.n for u in denial.units]
        best: tuple[float, Claim] | None = None
        for claim in asserted:
            if _later(claim, denial):
                continue  # a denial does not answer what was first reported after it
            block = strength[np.ix_(d_idx, [u.n for u in claim.units])]
            score = float(block.max()) if block.size else 0.0
            if score >= DENIAL_ALIGN and (best is None or score > best[0]):
                best = (score, claim)
        why = "alignment {:.2f}"
        if best is None:
            # a bare denial ("كل هذا غير صحيح") denies what its article has just reported;
            # bare: it points back (هذا، ذلك، التقرير) rather than stating a version of its own
            for u in (x for x in denial.units if _points_back(x)):
                for back in (1, 2):
                    before = by_sentence.get((u.article_id, u.sentence_index - back))
                    if before is not None and before is not denial and (len(before.articles) > 1 or before.deniers):
                        best, why = (1.0, before), "it follows the report it answers"
                        break
                if best:
                    break
        if best:
            out.append(_item("denial", [best[1].id, denial.id], best[1].supporters, denial.units,
                             f"{_deny_speakers(denial.units)} denies it ({why.format(best[0])})"))
    return out


def _later(claim: Claim, answer: Claim) -> bool:
    """The claim was first reported after the answer (a denial, an exclusive version) was."""
    return bool(claim.first_seen and answer.first_seen and claim.first_seen[:10] > answer.first_seen[:10])


def _points_back(unit: Unit) -> bool:
    for st in unit.statements:
        if st.stance == "deny":
            words = [normalize_for_matching(t.text) for t in word_tokens(st.content.text)][:8]
            if any(w in _BACK_REFERENCES or w[1:] in _BACK_REFERENCES or w[2:] in _BACK_REFERENCES for w in words):
                return True
    return False


def _fact_numbers(unit: Unit) -> list[Any]:
    speakers = [(st.speaker.start, st.speaker.end) for st in unit.statements]
    return [
        x for x in unit.numbers
        if x.unit and x.qualifier != "vague" and not _SOURCE_UNITS.search(x.unit)
        and not any(s <= x.start < e for s, e in speakers)
    ]  # fmt: skip


def _numbers(claim: Claim, strength: np.ndarray) -> list[dict[str, Any]]:
    out = []
    seen: set[tuple[str, str]] = set()
    units = claim.supporters
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article_id == b.article_id or strength[a.n, b.n] < 0.5:
                continue
            xs, ys = _fact_numbers(a), _fact_numbers(b)
            # a number the other sentence also gives is accounted for; only what is left on
            # both sides can conflict («79 عاما … 39 عاما» against «39 عاما» is two people)
            left_y = [y for y in ys if not any(_comparable(x, y) and _close(x, y) for x in xs)]
            for x in xs:
                if any(_comparable(x, y) and _close(x, y) for y in ys):
                    continue
                same = [y for y in left_y if _comparable(x, y)]
                if not same:
                    continue
                y = same[0]
                key = (x.text, y.text)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_item("number", [claim.id], [a], [b], f"{x.text} vs {y.text}",
                                 values=[{"text": x.text, "value": x.value, "unit": x.unit}, {"text": y.text, "value": y.value, "unit": y.unit}]))
    return out


def _comparable(x: Any, y: Any) -> bool:
    return bool(x.unit == y.unit and x.kind == y.kind)


def _close(x: Any, y: Any) -> bool:
    tolerance = 0.25 if {x.qualifier, y.qualifier} & _HEDGES else 0.10
    return abs(x.value - y.value) <= tolerance * max(abs(x.value), abs(y.value))


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _dates(claim: Claim, strength: np.ndarray) -> list[dict[str, Any]]:
    out = []
    units = claim.supporters
    # a report dated well before the articles carry it as news
    first = _iso(claim.first_seen)
    for u in units:
        for d in u.dates:
            prefix = u.text[: d.start - u.start]
            latest = _iso(d.latest)
            if first and latest and _REPORT_DATED.search(prefix) and latest < first - timedelta(days=14):
                others = [o for o in units if o.article_id != u.article_id]
                if others:
                    out.append(_item("date", [claim.id], others, [u],
                                     f"«{d.text}» dates the report to {d.value}, but the other articles carry it as news on {claim.first_seen}"))
    # the same claim dated differently (day or month precision, disjoint)
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article_id == b.article_id or strength[a.n, b.n] < 0.6:
                continue
            da = [d for d in a.dates if d.precision in ("day", "month")]
            db = [d for d in b.dates if d.precision in ("day", "month")]
            if len(da) != 1 or len(db) != 1 or da[0].precision != db[0].precision:
                continue
            x, y = da[0], db[0]
            if _dates_conflict(x, y):
                out.append(_item("date", [claim.id], [a], [b], f"{x.text} ({x.value}) vs {y.text} ({y.value})"))
    return out


_YEAR = re.compile(r"\d{4}|[٠-٩]{4}")


def _dates_conflict(x: Any, y: Any) -> bool:
    """Disjoint intervals, unless the gap is what relative dates resolved against two
    publication days make of one day (أمس in one article, اليوم in the next day's), or
    one side gave no year and the date layer guessed it (26 شباط vs 26 فبراير 2016)."""
    if not (x.latest < y.earliest or y.latest < x.earliest):
        return False
    a, b = _iso(x.earliest), _iso(y.earliest)
    if (x.relative or y.relative) and a and b and abs((a - b).days) <= 3:
        return False
    if x.value[4:] == y.value[4:] and not (_YEAR.search(x.text) and _YEAR.search(y.text)):
        return False
    return True


def _cue_differs(a: str, b: str) -> bool:
    """One side negates or uses a word whose opposite the other uses: the only pairs
    where the stance model has something to go on."""
    ta = [normalize_for_matching(t.text) for t in word_tokens(a)]
    tb = [normalize_for_matching(t.text) for t in word_tokens(b)]
    if count_hits(ta, NEGATION) != count_hits(tb, NEGATION):
        return True
    return any((count_hits(ta, x) and count_hits(tb, y)) or (count_hits(ta, y) and count_hits(tb, x)) for x, y in OPPOSITES)


def _opposed(claims: Sequence[Claim], strength: np.ndarray, known: set[frozenset[str]]) -> list[dict[str, Any]]:
    """Aligned claim pairs (moderately similar, sharing a name, from different articles)
    that the pair-stance model reads as disagreeing."""
    candidates: list[tuple[float, Claim, Claim]] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if frozenset((a.id, b.id)) in known or a.stance == "deny" or b.stance == "deny":
                continue
            if set(a.articles) & set(b.articles) and len(a.articles) == len(b.articles) == 1:
                continue
            ca, cb = a.canonical, b.canonical
            if ca.article_id == cb.article_id or not (ca.entities & cb.entities):
                continue
            s = float(strength[ca.n, cb.n])
            if 0.3 <= s < 0.75 and _cue_differs(ca.text, cb.text):
                candidates.append((s, a, b))
    if not candidates:
        return []
    candidates.sort(key=lambda t: -t[0])
    candidates = candidates[:_MAX_STANCE_PAIRS]
    from riwaya.claims.pair_stance import stance_probabilities
    from riwaya.reconstruct.units import semantic_vectors

    probs = stance_probabilities([(a.canonical.text, b.canonical.text) for _, a, b in candidates], vectors=lambda t: semantic_vectors(t))
    out = []
    for (s, a, b), p in zip(candidates, probs, strict=True):
        if p[1] >= OPPOSED_PROBABILITY:
            out.append(_item("opposed", [a.id, b.id], [a.canonical], [b.canonical],
                             f"the pair-stance model reads these as disagreeing (p={p[1]:.2f}, similarity {s:.2f})"))
    return out


# -- contradictions without a denial of the claim itself ---------------------------------

_EXCLUSIVE = re.compile(r"(?<!ليس )(?<!لا )\b(?:الوحيد|الوحيده|فقط|سوى)\b|\b(?:مره|اتصال|مكالمه|محادثه) (?:هاتفيه )?واحده?\b")
_CONTRAST_OPENING = re.compile(r"^\W*(?:و?مع ذلك|غير ان|الا ان|و?لكن|بيد ان)\b")
#: an exclusive statement does not deny what the other claim says went on this long after it
_UPDATE_GAP = timedelta(days=365)


def _answers(unit: Unit, denial: Any) -> bool:
    """The denial answers what the sentence reported before it: it opens with a contrast
    (لكنه نفى، غير أن ماسك نفى) or points back to it (نفى ذلك، نفى ادعاء بريمر، بهذه التصريحات)."""
    start, end = denial.cue.start - unit.start, denial.cue.end - unit.start
    before = [normalize_for_matching(t.text) for t in word_tokens(unit.text[max(0, start - 30):start])][-4:]
    after = [normalize_for_matching(t.text) for t in word_tokens(unit.text[end:end + 40])][:5]
    return bool(set(before) & _CONTRAST_WORDS) or any(w in _BACK_REFERENCES or w[1:] in _BACK_REFERENCES for w in after)


_CONTRAST_WORDS = frozenset({"لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "غير", "الا", "بينما", "وقد"})
_BACK_REFERENCES = frozenset({"ذلك", "هذا", "هذه", "ادعاء", "ادعاءات", "التصريحات", "الامر", "الروايه", "التقرير", "التقارير",
                              "الاتهامات", "الخبر", "الانباء"})


def _within_sentence(claims: Sequence[Claim]) -> list[dict[str, Any]]:
    out = []
    for claim in claims:
        for u in claim.units:
            asserts = [st for st in u.statements if st.stance != "deny"]
            denies = [st for st in u.statements if st.stance == "deny" and _answers(u, st)]
            if asserts and denies and any(d.cue.start > a.content.start for a in asserts for d in denies):
                out.append(_item("denial", [claim.id], [u], [u],
                                 f"the sentence reports {asserts[0].speaker.text}'s account and its denial ({denies[0].cue.text if denies[0].cue else 'denied'})"))
    return out


def _claim_entities(claim: Claim) -> set[str]:
    return set().union(*(u.entities for u in claim.units))


def _statement_date(unit: Unit, published: str | None) -> date | None:
    """When the sentence's (exclusive) statement was made: a date written before its cue
    verb («وفي أكتوبر 2022، اعترف ماسك …»), else the article's publication day."""
    st = _exclusive_statement(unit) or unit.main_statement
    if st is not None and st.cue is not None:
        before = [d for d in unit.dates if d.end <= st.cue.start and not d.relative]
        if before:
            return _iso(before[-1].latest)
    return _iso(published)


def _runs_until(claim: Claim, published: dict[str, str | None]) -> date | None:
    """The latest day the claim's own dates reach; a period «منذ …» runs on to publication,
    and a claim with no date at all speaks of the time of its articles."""
    ends: list[date | None] = []
    for u in claim.units:
        for d in u.dates:
            if normalize_for_matching(d.text).startswith("منذ"):
                ends.append(_iso(published.get(u.article_id)))
            else:
                ends.append(_iso(d.latest))
    known = [e for e in ends if e is not None]
    if not known:  # an undated claim speaks of the time of its articles
        known = [d for d in (_iso(published.get(u.article_id)) for u in claim.units) if d is not None]
    return max(known) if known else None


def _exclusive_statement(unit: Unit) -> Any:
    """The sentence's statement that says something happened only so, if any."""
    return next((st for st in unit.statements if _EXCLUSIVE.search(normalize_for_matching(st.content.text))), None)


def _quantified(unit: Unit) -> str | None:
    """The matter of what the exclusive cue restricts: the word before it («الاتصال
    الوحيد»، «اتصال واحد»، «تحدث مرة واحدة فقط»), as a :func:`matter_key`."""
    st = _exclusive_statement(unit)
    if st is None:
        return None
    words = [normalize_for_matching(t.text) for t in word_tokens(st.content.text)]
    for k, w in enumerate(words):
        if not _EXCLUSIVE.match(" ".join(words[k:k + 3])):
            continue
        if w in _COUNTED:
            return matter_key(light_stem(w))
        if k:
            j = k - 1
            while j > 0 and words[j] in _QUANTITY_WORDS:
                j -= 1
            return matter_key(light_stem(words[j]))
    return None


def matter_key(word: str) -> str:
    """A rough root of a normalized word, so that the forms of one verb or noun meet
    (تحدث، يتحدث، تحدثا، حديثه، المحادثة → حدث; اتصال، الاتصالات → صل): the article,
    the verb and noun prefixes and the common suffixes come off, then the long vowels inside.

    >>> [matter_key(w) for w in ("يتحدث", "حديثه", "المحادثه", "اتصالات")]
    ['حدث', 'حدث', 'حدث', 'صل']
    """
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for _ in range(2):
        for suffix in ("ات", "ون", "وا", "ها", "ه", "ا"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    for _ in range(2):
        if len(w) > 3 and w[0] in "يتنام":
            w = w[1:]
    return w[0] + "".join(c for c in w[1:] if c not in "اوي") if w else w


_QUANTITY_WORDS = frozenset({"مره", "واحده", "واحد", "فقط", "هاتفيه"})
_COUNTED = frozenset({"اتصال", "مكالمه", "محادثه"})


def _exclusive(claims: Sequence[Claim], strength: np.ndarray, known: set[frozenset[str]],
               published: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """Each exclusive version against the claim of other origins it answers: the most
    widely carried one that names the same two or more people and the thing the
    exclusive cue restricts (a contact, a call)."""
    from riwaya.attribution.origins import origin_key

    published = published or {}
    out = []
    for b in claims:
        exclusive = [u for u in b.units if _exclusive_statement(u) is not None]
        things = {q for q in (_quantified(u) for u in exclusive) if q}
        if not things:
            continue
        keys_b = {origin_key(o) for o in b.origins}
        said = [d for d in (_statement_date(u, published.get(u.article_id)) for u in exclusive) if d]
        best: tuple[tuple[int, float], Claim] | None = None
        for a in claims:
            if a is b or a.stance == "deny" or frozenset((a.id, b.id)) in known or _later(a, b):
                continue
            if len(_claim_entities(a) & _claim_entities(b)) < 2 or not things & {matter_key(s) for u in a.units for s in u.stems}:
                continue
            if keys_b & {origin_key(o) for o in a.origins}:
                continue
            if any(_EXCLUSIVE.search(normalize_for_matching(u.text)) for u in a.units):
                continue
            until = _runs_until(a, published)
            if said and until and until > max(said) + _UPDATE_GAP:
                continue  # a later update: the exclusive statement predates what the claim reports
            block = strength[np.ix_([u.n for u in exclusive], [u.n for u in a.units])]
            rank = (len(a.articles), float(block.max()) if block.size else 0.0)
            if best is None or rank > best[0]:
                best = (rank, a)
        if best is None:
            continue
        a = best[1]
        out.append(_item("denial", [a.id, b.id], a.supporters, exclusive,
                         f"{'، '.join(b.origins)} say(s) it happened only so («{_exclusive_statement(exclusive[0]).content.text[:80]}»), "
                         f"against {'، '.join(a.origins)}"))
    return out


def _juxtaposed(claims: Sequence[Claim], known: set[frozenset[str]]) -> list[dict[str, Any]]:
    from riwaya.attribution.origins import origin_key

    by_sentence = {(u.article_id, u.sentence_index): (c, u) for c in claims for u in c.units}
    out = []
    for (article_id, index), (b, ub) in sorted(by_sentence.items()):
        if not _CONTRAST_OPENING.search(normalize_for_matching(ub.text)) or ub.main_statement is None:
            continue
        before = by_sentence.get((article_id, index - 1))
        if before is None:
            continue
        a, ua = before
        if a is b or ua.main_statement is None or frozenset((a.id, b.id)) in known:
            continue
        if origin_key(ua.main_statement.speaker.text) == origin_key(ub.main_statement.speaker.text):
            continue
        if {origin_key(o) for o in a.origins} & {origin_key(o) for o in b.origins}:
            continue
        out.append(_item("opposed", [a.id, b.id], [ua], [ub], "the article answers one account with the other («" + ub.text.split()[0] + " …»)"))
    return out
