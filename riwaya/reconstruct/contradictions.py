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
  reads as disagreeing with high confidence, or one claim told with two reasons for the
  act (at someone's request in one article, as a favour to someone in another);
* ``attribution`` — one claim an article gives as an anonymous source's quoted words and
  another as the very outlet's own report (000's «المصدر» quoted on the WSJ's word against
  004's «الصحيفة ذكرت»): on whose word it rests is in dispute.

Contradictions stated without a denial verb (each still rests on a cue):

* ``denial`` within one sentence — a sentence that reports an assertion and a denial
  («كشف بريمر أن … وقد نفى ماسك ذلك»), or one speaker confirming part of another
  origin's account and denying more («وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد … لكنه نفى
  أي مكالمات بينهما …», against Woodward's book);
* ``denial`` by an exclusive version — one origin says the thing happened *only* so
  (الوحيد، فقط، مرة واحدة) about the same people another origin says more of, unless
  the other claim runs on long after the exclusive statement was made (a statement of
  2022 cannot deny what happened in 2024: that is a later update, not a conflict);
* ``opposed`` by juxtaposition — an article answers one source's account with
  another's in the very next sentence, opening with a contrast (ومع ذلك، غير أن، لكن;
  not «في المقابل», which as often adds a confirmation): the article itself sets the
  two versions against each other — provided one side negates, denies, restricts (only)
  or names a difference (two officials' two statements are not two versions), and the
  answer is not «the same source» telling what came next.

A denial is not set against the same report another outlet carries (one sentence told
twice), nor against a sentence saying no statement was made; a refusal (رفض) denies
only a report or charge it names (:func:`riwaya.reconstruct.units.is_denial`).

Embeddings do not separate a claim from its negation; every rule here rests on a cue
(a deny statement, a number, a date) or on the stance model's own cue features.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations, product
from datetime import date, timedelta
from typing import Any

import numpy as np

from riwaya.arabic.normalize import matching_words, normalize_for_matching
from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.attribution.origins import origin_key
from riwaya.attribution.stance import NEGATED_BEFORE, SINGLE_CONTACT
from riwaya.attribution.tokens import OPEN_QUOTES
from riwaya.claims.lexicon import DOWN, NEGATION, OPPOSITES, UP, count_hits
from riwaya.reconstruct.claims import Claim
from riwaya.reconstruct.units import FUNCTION_STEMS, Unit, content_stems, is_denial

#: each kind's name in Arabic, as the desk and the Markdown report label it
KIND_NAMES_AR = {"denial": "نفي", "number": "تعارض في الأرقام", "date": "تعارض في التواريخ", "opposed": "روايتان متعارضتان",
                 "attribution": "اختلاف في نسبة القول"}


def disputes_fact(contradiction: dict[str, Any]) -> bool:
    """Whether a contradiction disputes what happened; an ``attribution`` one disputes only
    on whose word it rests, so its claim is not contested."""
    return contradiction["kind"] != "attribution"


DENIAL_ALIGN = 0.45
#: link strength from which two sentences of a claim are read as reporting one quantity:
#: a copy, a close paraphrase, or a loose one sharing names, numbers or dates — not a
#: sentence of the same report on another figure that merely reads alike (blend ~0.51:
#: «53 مليون اشتراك في خدمات الاتصالات المتنقلة» / «29 مليون اشتراك في النطاق العريض»)
NUMBER_LINK = 0.52
OPPOSED_PROBABILITY = 0.80
_MAX_STANCE_PAIRS = 4
_HEDGES = {"about", "more_than", "less_than", "at_least", "up_to"}
# counts of sources ("شخصين مطلعين"، "مسؤول") are attribution, not facts of the story
_SOURCE_UNITS = re.compile(r"مصدر|مسؤول|شخص|مطلع|ضابط|صحف|وكال")
_CLOCK = re.compile(r"توقيت|ساع")
_REPORT_NOUN = re.compile(r"تقرير|دراس|بيان|مقال|كتاب|وثيق|صحيف|خبر|تحقيق|رسال")
_REPORT_DATED = re.compile(r"(?:الصادر|الصادرة|المنشور|نشر(?:ته|ت|ه)?|صدر)\s+(?:\S+\s+){0,2}$")


def find_contradictions(claims: Sequence[Claim], strength: np.ndarray, *, stance: bool = True,
                        published: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """Every contradiction found, each with its kind, the claims involved, both sides
    as cited sentences and a one-line explanation in English and one in Arabic (the desk
    and the Markdown report show the Arabic).

    :param published: article id -> publication date, to date statements and periods.
    """
    found: list[dict[str, Any]] = []
    found += _denials(claims, strength)
    for claim in claims:
        found += _numbers(claim, strength)
        found += _dates(claim, strength)
        found += _instigations(claim)
        found += _attributions(claim)
    found += _within_sentence(claims, {frozenset(k["claims"]) for k in found})
    found += _exclusive(claims, strength, {frozenset(k["claims"]) for k in found}, published)
    found += _juxtaposed(claims, {frozenset(k["claims"]) for k in found})
    if stance:
        found += _opposed(claims, strength, {frozenset(k["claims"]) for k in found})
    for k, item in enumerate(found, 1):
        item["id"] = f"k{k}"
    return found


def _item(kind: str, claim_ids: list[str], side_a: Sequence[Unit], side_b: Sequence[Unit], why: str, why_ar: str,
          **extra: Any) -> dict[str, Any]:
    """A contradiction as reported; ``why`` explains it in English, ``why_ar`` in Arabic (the desk's and the report's)."""
    return {
        "id": "",
        "kind": kind,
        "claims": claim_ids,
        "a": [u.cite() | {"text": u.text} for u in side_a],
        "b": [u.cite() | {"text": u.text} for u in side_b],
        "explanation": why,
        "explanation_ar": why_ar,
        **extra,
    }


def _deny_speakers(units: Sequence[Unit]) -> str:
    """Who denies, as written; empty when no denial statement names anyone."""
    return "، ".join(dict.fromkeys(st.speaker.text for u in units for st in u.statements if is_denial(st)))


def _units_by_sentence(claims: Sequence[Claim]) -> dict[tuple[str, int], list[tuple[Unit, Claim]]]:
    """Each sentence (article id, sentence index) with its clause units and their claims."""
    out: dict[tuple[str, int], list[tuple[Unit, Claim]]] = {}
    for claim in claims:
        for u in claim.units:
            out.setdefault((u.article_id, u.sentence_index), []).append((u, claim))
    return out


def _denials(claims: Sequence[Claim], strength: np.ndarray) -> list[dict[str, Any]]:
    out = []
    for claim in claims:
        if claim.deniers and claim.supporters:
            # the supporters the denial is about: grouping put them with it, but a denial
            # is aligned only with what states the matter it denies
            answered = [u for u in claim.supporters if any(_denies_matter_of(d, u) for d in claim.deniers)]
            if answered:
                who, count = _deny_speakers(claim.deniers), len({u.article_id for u in answered})
                out.append(_item("denial", [claim.id], answered, claim.deniers,
                                 f"{who or 'a source'} denies what {count} article(s) report",
                                 f"ينفي {who or 'مصدر'} ما تورده المقالات ({count})"))
    by_sentence = _units_by_sentence(claims)
    asserted = [c for c in claims if c.stance != "deny" and not all(_no_statement(u) for u in c.supporters)]
    for denial in (c for c in claims if c.stance == "deny" and not _exclusive_only(c)):
        d_idx = [u.n for u in denial.units]
        best: tuple[float, Claim] | None = None
        for claim in asserted:
            if _later(claim, denial):
                continue  # a denial does not answer what was first reported after it
            if _one_voice(claim, denial):
                continue  # «وأضاف: تحدثا عن تكنولوجيا المستقبل» after the same spokesman's «اتصال واحد»
            block = strength[np.ix_(d_idx, [u.n for u in claim.units])]
            score = float(block.max()) if block.size else 0.0
            if score >= DENIAL_ALIGN and (best is None or score > best[0]):
                best = (score, claim)
        why, why_ar = "alignment {:.2f}", "تطابق {:.2f}"
        if best is None:
            # a bare denial ("كل هذا غير صحيح") denies what its article has just reported;
            # bare: it points back (هذا، ذلك، التقرير) rather than stating a version of its own
            # (or, for a denial clause, what the clauses before it in its sentence report)
            for u in (x for x in denial.units if _points_back(x)):
                earlier = [(x, c) for x, c in by_sentence.get((u.article_id, u.sentence_index), []) if x.clause < u.clause]
                for x, before in sorted(earlier, key=lambda xc: -xc[0].clause):
                    if before is not denial and any(st.stance == "assert" for st in x.statements):
                        best, why, why_ar = (1.0, before), "the sentence reports it before the denial", "تورده الجملة قبل نفيه"
                        break
                if best is None and earlier:
                    # a clause no statement was read in is the article's own telling
                    # («وكانت جماعة سلفية اعلنت … انها اطلقت قذيفتي هاون، لكن الوزارة نفت هذا»)
                    x, before = max(earlier, key=lambda xc: xc[0].clause)
                    if before is not denial and not x.statements and not _no_statement(x):
                        best, why, why_ar = (1.0, before), "the sentence reports it before the denial", "تورده الجملة قبل نفيه"
                for back in (1, 2):
                    if best:
                        break
                    for _, before in by_sentence.get((u.article_id, u.sentence_index - back), []):
                        if before is not denial and (len(before.articles) > 1 or before.deniers):
                            best, why, why_ar = (1.0, before), "it follows the report it answers", "يلي الخبر الذي يرد عليه"
                            break
                if best:
                    break
        if best:
            who = _deny_speakers(denial.units)
            out.append(_item("denial", [best[1].id, denial.id], best[1].supporters, denial.units,
                             f"{who or 'a source'} denies it ({why.format(best[0])})", f"ينفيه {who or 'مصدر'} ({why_ar.format(best[0])})"))
    return out


#: share of the denied matter's stems (of the smaller side) a sentence must state to be what a denial denies
DENIED_MATTER_SHARE = 0.3
_AUXILIARIES = frozenset({"يتم", "تم", "يكن", "تكن", "يكون", "تكون", "يعد", "تعد", "هناك", "ثمه"})
_NEGATORS = frozenset({"لم", "لن", "ليس", "ليست", "لا", "ما"})


def denied_matter(unit: Unit, st: Any) -> str:
    """What a deny statement denies: its content, or when that is a stub («ذلك»، «الانتقادات
    التي») the rest of the sentence after the cue."""
    if len(st.content.text.split()) >= 6 or st.cue is None:
        return str(st.content.text)
    return unit.text[max(0, st.cue.end - unit.start):]


def _denies_matter_of(denier: Unit, unit: Unit) -> bool:
    """The denier's denial states the matter the sentence reports: it shares enough of
    its words (and the sentence does not carry the same speaker's denial itself), and a
    denial by negation («لم يتم بيع أي محطات») negates a word — by its
    rough root — the sentence uses (sold is not used: «بدأت في استخدام محطات»)."""
    theirs = {s for s in unit.stems}
    if _same_report(denier, unit):
        return False  # the sentence carries the very report the denier's sentence does
    roots = {matter_key(s) for s in theirs}
    carried = {origin_key(st.speaker.text) for st in unit.statements if is_denial(st)}
    # the denials the sentence itself reports, by what they deny («قال الكاتب إن الشركة نفت
    # مسؤوليتها عن العطل» reports the company's denial, whoever the speaker span names)
    reported = [set(content_stems(denied_matter(unit, st))) for st in unit.statements if is_denial(st)]
    for st in denier.statements:
        if not is_denial(st) or origin_key(st.speaker.text) in carried:
            continue  # the sentence carries this very denial: it is not what is denied
        matter = denied_matter(denier, st)
        mine = set(content_stems(matter))
        if any(r and len(mine & r) / max(1, min(len(mine), len(r))) >= REPORTED_DENIAL_SHARE for r in reported):
            continue
        if not mine or len(mine & theirs) / min(len(mine), len(theirs) or 1) < DENIED_MATTER_SHARE:
            continue
        head = _negated_head(matter)
        if head and matter_key(light_stem(head)) not in roots:
            continue
        return True
    return False


#: share of a denial's stems another denial the sentence reports must hold to be the same denial
REPORTED_DENIAL_SHARE = 0.6
#: share of the shorter sentence's content stems two sentences share to be one report told twice
SAME_REPORT_SHARE = 0.7


def _same_report(denier: Unit, unit: Unit) -> bool:
    """The two sentences are one report carried by two outlets («ولكن الأهلي مستضيف المباراة
    رفض …» / «ولكن الأهلي مستضيف اللقاء رفض هذا …»): the other sentence shares most of the
    denier's words, its denial cue among them — it tells of the same denial, it is not
    what the denial denies."""
    mine, theirs = set(denier.stems), set(unit.stems)
    if not mine or not theirs or len(mine & theirs) / min(len(mine), len(theirs)) < SAME_REPORT_SHARE:
        return False
    words = {normalize_for_matching(t.text) for t in word_tokens(unit.text)}
    cues = [normalize_for_matching(st.cue.text).split() for st in denier.statements if is_denial(st) and st.cue is not None]
    return not cues or any(c and c[-1] in words or (c and c[-1][1:] in words) for c in cues)


def _negated_head(text: str) -> str | None:
    """The word a negation opens on, auxiliaries skipped: «لم يتم بيع أي …» → بيع."""
    words = [normalize_for_matching(t.text) for t in word_tokens(text)][:_NEGATION_REACH]
    for k, w in enumerate(words):
        if w in _NEGATORS:
            rest = [x for x in words[k + 1:] if x not in _AUXILIARIES]
            return rest[0] if rest else None
    return None


_NEGATION_REACH = 10


#: «ولم يصدر أي بيان»، «ولم يتسن الحصول على تعقيب»، «رفض التعليق»: the sentence reports that no one said anything
_NO_STATEMENT = re.compile(
    r"(?:^|\s)و?لم\s+(?:\S+\s+){0,1}(?:يصدر|تصدر|يتسن|يتسني|يتاح|يعلق|تعلق|يعقب|تعقب|يرد|ترد)(?!\S)"
    r"|(?:رفض|رفضت|امتنع|امتنعت|يرفض|ترفض)\s+(?:\S+\s+){0,4}?(?:عن\s+)?(?:ال)?(?:تعليق|تعقيب)")


def _no_statement(unit: Unit) -> bool:
    """The sentence reports that a statement was not made or could not be had (no official
    statement was issued, X could not be reached for comment): it asserts nothing a
    denial could deny."""
    return _NO_STATEMENT.search(normalize_for_matching(unit.text)) is not None


def _exclusive_only(denial: Claim) -> bool:
    """Every denial of the claim is an exclusive version with no denial verb («الاتصال
    الوحيد … كان عبر الهاتف حيث تحدثا عن الفضاء»): it denies what goes beyond it, which
    :func:`_exclusive` finds; a sentence aligned with it says what it says."""
    from riwaya.reconstruct.units import _DENY_CUE

    denials = [st for u in denial.units for st in u.statements if is_denial(st)]
    return bool(denials) and all(
        _exclusive_in(normalize_for_matching(st.content.text))
        and not (st.cue is not None and _DENY_CUE.search(normalize_for_matching(st.cue.text))) for st in denials)


def _one_voice(claim: Claim, denial: Claim) -> bool:
    """The claim rests only on origins that also make the denial: one voice going on
    with its own version is no contradiction of itself."""
    theirs = [o for o in claim.origins if origin_key(o)]
    return bool(theirs) and all(any(_same_origin(t, m) for m in denial.origins) for t in theirs)


def _later(claim: Claim, answer: Claim) -> bool:
    """The claim was first reported after the answer (a denial, an exclusive version) was."""
    return bool(claim.first_seen and answer.first_seen and claim.first_seen[:10] > answer.first_seen[:10])


def _points_back(unit: Unit) -> bool:
    for st in unit.statements:
        if is_denial(st):
            words = [normalize_for_matching(t.text) for t in word_tokens(st.content.text)][:8]
            if any(w in _BACK_REFERENCES or w[1:] in _BACK_REFERENCES or w[2:] in _BACK_REFERENCES for w in words):
                return True
    return False


def _fact_numbers(unit: Unit) -> list[Any]:
    speakers = [(st.speaker.start, st.speaker.end) for st in unit.statements]
    return [
        x for x in unit.numbers
        if x.unit and x.qualifier != "vague" and not _SOURCE_UNITS.search(x.unit) and not _CLOCK.search(x.unit)
        and not any(s <= x.start < e for s, e in speakers)
    ]  # fmt: skip


def _numbers(claim: Claim, strength: np.ndarray) -> list[dict[str, Any]]:
    out = []
    seen: set[tuple[str, str]] = set()
    units = claim.supporters
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article_id == b.article_id or strength[a.n, b.n] < NUMBER_LINK:
                continue
            if _other_instances(a, b):
                continue
            xs, ys = _fact_numbers(a), _fact_numbers(b)
            # a number the other sentence also gives is accounted for (found by the number
            # layer or written there: the layer misses some); only what is left on both
            # sides can conflict («79 عاما … 39 عاما» against «39 عاما» is two people)
            left_x = [x for x in xs if not any(_comparable(x, y) and (_close(x, y) or _split(x, y)) for y in ys) and not _written_in(x, b)]
            left_y = [y for y in ys if not any(_comparable(x, y) and (_close(x, y) or _split(y, x)) for x in xs) and not _written_in(y, a)]
            for x in left_x:
                same = [y for y in left_y if _comparable(x, y) and _same_measure(a, x, b, y)
                        and not _total_of(x, ys) and not _total_of(y, xs)]
                if not same:
                    continue
                y = same[0]
                key = (x.text, y.text)
                if key in seen:
                    continue
                seen.add(key)
                out.append(_item("number", [claim.id], [a], [b], f"{x.text} vs {y.text}", f"{x.text} مقابل {y.text}",
                                 values=[{"text": x.text, "value": x.value, "unit": x.unit}, {"text": y.text, "value": y.value, "unit": y.unit}]))
    return out


_DIGITS = re.compile(r"\d+(?:[.,٫]\d+)?")
#: words before a number that say what it measures («قرضا بقيمة 7 مليارات»، «سداد إجمالي 6.25 مليار»)
_MEASURE_WINDOW = 4


def _written_in(x: Any, unit: Unit) -> bool:
    """The number's figures appear in the other sentence («بنحو 41 مليون ريال» the number
    layer left out): the two sentences give the same figure."""
    digits = _DIGITS.findall(normalize_for_matching(x.text))
    if not digits:
        return False
    written = set(_DIGITS.findall(normalize_for_matching(unit.text)))
    return digits[0] in written


def _measure(unit: Unit, x: Any) -> set[str]:
    """The content stems just before a number in its sentence: what it counts or values
    (words that introduce any figure — بقيمة، بنحو، إجمالي — and time words left out)."""
    before = unit.text[: max(0, x.start - unit.start)]
    words = [t.text for t in word_tokens(before) if not any(c.isdigit() for c in t.text)][-_MEASURE_WINDOW:]
    return {_measure_stem(w) for w in words} - FUNCTION_STEMS - _GENERIC_MEASURE - {""}


def _measure_stem(word: str) -> str:
    w = normalize_for_matching(word)
    if len(w) > 4 and w[0] in "وف":
        w = w[1:]
    if len(w) > 4 and w[0] in "بلك" and w[1:3] != "ال" and w[1] != "ا":
        w = w[1:]
    return light_stem(w)


_GENERIC_MEASURE = frozenset(_measure_stem(w) for w in (
    "قيمة بقيمة نحو بنحو حوالي حوالى قرابة إجمالي اجمالي مجموع مبلغ قدره بلغ بلغت بلوغ وصل وصلت يصل تصل إلى "
    "عام العام سنة السنة شهر الشهر يوم اليوم أسبوع ساعة الماضي الماضية الحالي الحالية المقبل المقبلة بداية نهاية "
    "أكثر أقل نسبة بنسبة مقارنة").split())  # fmt: skip


def _same_measure(a: Unit, x: Any, b: Unit, y: Any) -> bool:
    """Two figures are one quantity reported twice when they count the same thing («6
    سيارات» / «خمس سيارات») or, for sums, shares and durations, the words that introduce
    them share a root («تراجع في السوق الفورية 2.2 في المائة» / «… 1.5 في المئة»), they
    are within a factor of five, and neither sentence reads a
    moving quantity (a price, an index, a toll that rose or fell: two readings at two
    hours differ without contradicting each other)."""
    if _moving(a) or _moving(b):
        return False
    ratio = max(abs(x.value), abs(y.value)) / max(1e-9, min(abs(x.value), abs(y.value)))
    if ratio > _MAX_RATIO:
        return False  # an order of magnitude apart: two quantities, not one misreported
    if x.kind == "cardinal":
        # a count names what it counts («6 سيارات» / «خمس سيارات»), unless one sentence
        # counts it in parts («3 سيارات … وسيارتين»)
        return not (_counts_a_dual(a, x) or _counts_a_dual(b, y))
    return bool({matter_key(m) for m in _measure(a, x)} & {matter_key(m) for m in _measure(b, y)})


def _counts_a_dual(unit: Unit, x: Any) -> bool:
    """The sentence also counts the number's noun in the dual («وسيارتين»، «قتيلان»)."""
    noun = light_stem(normalize_for_matching(str(x.unit)).split()[-1]) if x.unit else ""
    if len(noun) < 3:
        return False
    for t in word_tokens(unit.text):
        w = normalize_for_matching(t.text)
        for prefix in ("وال", "ال", "و", "ب", "ل"):
            if w.startswith(prefix) and len(w) - len(prefix) >= 4:
                w = w[len(prefix):]
                break
        for ending in ("تين", "تان", "ين", "ان"):
            if w.endswith(ending) and light_stem(w[: -len(ending)]) == noun:
                return True
    return False


#: two reports of one figure are rarely further apart than this (8.1 for 1.8 is a typo)
_MAX_RATIO = 5.0


def _moving(unit: Unit) -> bool:
    words = [normalize_for_matching(t.text) for t in word_tokens(unit.text)]
    words += [w[:-1] for w in words if w.endswith("ا") and len(w) > 4]  # مرتفعا، منخفضا
    return bool(count_hits(words, UP) or count_hits(words, DOWN))


def _split(x: Any, y: Any) -> bool:
    """``x`` is the tail of ``y`` as the number layer may read a compound number
    («25 ألفا و823 صوتا» read as 823 against «25823 صوتا»)."""
    if x.value is None or y.value is None or not 0 < x.value < y.value or x.value != int(x.value) or y.value != int(y.value):
        return False
    return str(int(y.value)).endswith(str(int(x.value)))


_ORDINALS = matching_words((
    "الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة "
    "الثامن الثامنة التاسع التاسعة العاشر العاشرة"))  # fmt: skip


_TITLE = re.compile(r"[«“\"]([^»”\"]{2,40})[»”\"]")


def _titles(text: str) -> set[str]:
    """Short quoted names in a sentence («غوغل بلاي»، “إنسايد آوت”)."""
    return {normalize_for_matching(m.group(1)).strip() for m in _TITLE.finditer(text) if len(m.group(1).split()) <= 4}


def _other_instances(a: Unit, b: Unit) -> bool:
    """The two sentences speak of different instances of one kind of thing: each names
    entities, or quote short names, and they share none (the price on «غوغل بلاي» and
    on «آي تونز»), or they
    number them differently («الدفعة الثانية» / «الدفعة الثالثة»)."""
    if a.entities and b.entities and not a.entities & b.entities:
        return True
    ta, tb = _titles(a.text), _titles(b.text)
    if ta and tb and not ta & tb:
        return True
    oa = {w for w in (normalize_for_matching(t.text) for t in word_tokens(a.text)) if w in _ORDINALS}
    ob = {w for w in (normalize_for_matching(t.text) for t in word_tokens(b.text)) if w in _ORDINALS}
    return bool(oa and ob and oa != ob)


def _total_of(x: Any, others: Sequence[Any]) -> bool:
    """``x`` is the sum of two or more of the other sentence's figures of its unit
    (a total against its parts: 6.25 = 4.2 + 2.05)."""
    parts = [y.value for y in others if _comparable(x, y) and y.value is not None and y.value < x.value]
    for size in range(2, min(4, len(parts)) + 1):
        for combo in combinations(parts, size):
            if abs(sum(combo) - x.value) <= 0.01 * abs(x.value):
                return True
    return False


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
            dated = _REPORT_DATED.search(prefix)
            # the date qualifies a report («تقرير … الصادر في سبتمبر»), not someone's post («نشرت في فبراير على صفحتها»)
            named = dated and _REPORT_NOUN.search(normalize_for_matching(" ".join(prefix[: dated.start()].split()[-4:])))
            if first and latest and named and latest < first - timedelta(days=14):
                others = [o for o in units if o.article_id != u.article_id]
                if others:
                    out.append(_item("date", [claim.id], others, [u],
                                     f"«{d.text}» dates the report to {d.value}, but the other articles carry it as news on {claim.first_seen}",
                                     f"«{d.text}» يؤرخ التقرير بـ {d.value}، بينما تنشره المقالات الأخرى خبرا جديدا في {claim.first_seen}"))
    # the same claim dated differently (day or month precision, disjoint)
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article_id == b.article_id or strength[a.n, b.n] < 0.6:
                continue
            da = [d for d in _fact_dates(a) if d.precision in ("day", "month")]
            db = [d for d in _fact_dates(b) if d.precision in ("day", "month")]
            if len(da) != 1 or len(db) != 1 or da[0].precision != db[0].precision:
                continue
            x, y = da[0], db[0]
            if _dates_conflict(x, y):
                out.append(_item("date", [claim.id], [a], [b], f"{x.text} ({x.value}) vs {y.text} ({y.value})",
                                 f"{x.text} ({x.value}) مقابل {y.text} ({y.value})"))
    return out


#: why an act was done, as articles tell it: at someone's request, or as a favour to someone
_AT_REQUEST = re.compile(r"(?:^|\s)(?:بناء علي طلب|بطلب من|استجابه لطلب|تلبيه لطلب)(?!\S)")
_AS_FAVOUR = re.compile(r"(?:^|\s)(?:ك?خدمه|ارضاء|مجامله)\s+(?:ل|لل)\S+")


def _instigations(claim: Claim) -> list[dict[str, Any]]:
    """One claim told with two different reasons for the act: at someone's request in one
    article, as a favour to someone in another («طلب بوتين من ماسك … بناءً على طلب الصين»
    against «… خدمةً للرئيس الصيني»): the first has China ask, the second has Putin
    oblige Xi unasked — a detail no source of the other articles claims."""
    texts = {u.n: normalize_for_matching(u.text) for u in claim.supporters}
    asked = [u for u in claim.supporters if _AT_REQUEST.search(texts[u.n])]
    obliged = [u for u in claim.supporters if _AS_FAVOUR.search(texts[u.n]) and not _AT_REQUEST.search(texts[u.n])]
    if not asked or not obliged or {u.article_id for u in asked} & {u.article_id for u in obliged}:
        return []
    favour = _as_written(obliged[0], _AS_FAVOUR)
    request = _as_written(asked[0], _AT_REQUEST)
    return [_item("opposed", [claim.id], obliged, asked, f"the articles give different reasons for it: «{favour}» against «{request}»",
                  f"تذكر المقالات له سببين مختلفين: «{favour}» مقابل «{request}»")]


def _as_written(unit: Unit, pattern: re.Pattern[str]) -> str:
    """The words of the sentence the pattern finds in its normalized form, as written
    («خدمه للرييس» → «خدمةً للرئيس»)."""
    words = unit.text.split()
    folded = [normalize_for_matching(w) for w in words]
    for k in range(len(words)):
        for n in range(1, 5):
            if pattern.fullmatch(" ".join(folded[k:k + n])):
                return " ".join(words[k:k + n])
    return ""


#: a quotation in a sentence: «…», “…” or "…"
_QUOTATION = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}" for o, c in OPEN_QUOTES.items()))


def _attributions(claim: Claim) -> list[dict[str, Any]]:
    """One claim told in an anonymous source's quoted words in one article and as the
    outlet's own report in another: «وأشار المصدر … قائلا "… فإن الإدارة لم تثر أي تنبيهات
    …"» (000, on the WSJ's word) against «لكن الصحيفة ذكرت أنه لم يتم رفع أي إنذار …» (004):
    the second makes the newspaper vouch for what the first gives an unnamed source. The
    outlet must be the one the source spoke through: an outlet's paraphrase of its own
    source is what this flags, not two outlets' separate reports."""
    quoted = [(u, st) for u in claim.supporters for st in u.statements if st.speaker_type == "anonymous"
              and _names_speaker(u, st) and _in_quotation(u, st) and _states_claim(u, st)]
    owned = [(u, st) for u in claim.supporters
             if (st := u.main_statement) is not None and st.speaker_type == "outlet" and _names_speaker(u, st)]
    for (ua, source), (ub, outlet) in product(quoted, owned):
        name = outlet.speaker_refers_to or outlet.speaker.text
        through = [link.refers_to or link.text for link in source.via]
        if ua.article_id != ub.article_id and any(_same_origin(o, name) for o in through):
            why = f"one article gives it as the quoted words of «{source.speaker.text}», relayed by {through[-1]}; another has {name} say it itself"
            why_ar = f"تورده مقالة بكلمات «{source.speaker.text}» منقولة عن {through[-1]}، وتنسبه أخرى إلى {name} مباشرة"
            return [_item("attribution", [claim.id], [ua], [ub], why, why_ar)]
    return []


def _names_speaker(unit: Unit, st: Any) -> bool:
    """The sentence itself names the speaker: one carried over from an earlier sentence
    («وأضاف: "…"») is the attribution layer's reading, not the article's word — two copies
    of one sentence can be read differently."""
    return unit.sentence_start <= st.speaker.start and st.speaker.end <= unit.sentence_end


def _in_quotation(unit: Unit, st: Any) -> bool:
    """The statement's content lies inside a quotation of its sentence: the speaker's own words."""
    start, end = st.content.start - unit.sentence_start, st.content.end - unit.sentence_start
    return any(m.start() < start and end <= m.end() for m in _QUOTATION.finditer(unit.sentence_text))


def _states_claim(unit: Unit, st: Any) -> bool:
    """The statement's content is what the unit claims (not another statement of its sentence)."""
    start, end = unit.claim_span
    return st.content.start < end and start < st.content.end


_YEAR = re.compile(r"\d{4}|[٠-٩]{4}")


def _fact_dates(unit: Unit) -> list[Any]:
    """The dates of what the sentence reports: a date written before its main statement's
    content («وقال اللواء التركي خلال مؤتمر صحافي أمس، بأن …») dates the saying, not the fact."""
    st = unit.main_statement
    if st is None or st.content.start <= unit.start:
        return list(unit.dates)
    return [d for d in unit.dates if d.start >= st.content.start]


def _dates_conflict(x: Any, y: Any) -> bool:
    """Disjoint intervals, unless the gap is what relative dates resolved against two
    publication days make of one day (أمس in one article, اليوم in the next day's; a
    weekday named without a date put in this week by one and the last by the other), or
    one side gave no year and the date layer guessed it (26 شباط vs 26 فبراير 2016)."""
    if not (x.latest < y.earliest or y.latest < x.earliest):
        return False
    a, b = _iso(x.earliest), _iso(y.earliest)
    if (x.relative or y.relative) and a and b and (abs((a - b).days) <= 3 or (x.precision == y.precision == "day" and abs((a - b).days) == 7)):
        return False  # one day resolved from two publication days, or a weekday («الجمعة») taken in two weeks
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
                             f"the pair-stance model reads these as disagreeing (p={p[1]:.2f}, similarity {s:.2f})",
                             f"يقرأ نموذج الموقف الجملتين متعارضتين (احتمال {p[1]:.2f}، تشابه {s:.2f})"))
    return out


# -- contradictions without a denial of the claim itself ---------------------------------

_EXCLUSIVE = re.compile(r"(?<!ليس )(?<!لا )\b(?:الوحيد|الوحيده|فقط|سوى)\b|" + SINGLE_CONTACT)
_NOT_ONLY_AFTER = re.compile(r"^\W*(?:\S+\s+){0,2}(?:وانما|انما|بل|ولكن|وانما)\b")


def _exclusive_in(text: str) -> bool:
    """The (normalized) text says something happened only so — not «ليس … فقط، وإنما …»
    (not only …, but …), which adds rather than restricts."""
    for m in _EXCLUSIVE.finditer(text):
        if NEGATED_BEFORE.search(text[: m.start()]) or _NOT_ONLY_AFTER.search(text[m.end():]):
            continue
        return True
    return False
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


def _same_subject(unit: Unit, denial: Any, account: Any) -> bool:
    """The denial is made by whoever gave the account: the same speaker (one name holding
    the other: المتحدث باسم الكرملين دميتري بيسكوف / بيسكوف), or a contrast whose pronoun
    carries the subject on («وأكد بيسكوف أن … لكنه نفى …»). One who
    confirms one thing and denies another does not contradict himself."""
    if _same_origin(denial.speaker.text, account.speaker.text):
        return True
    start = denial.cue.start - unit.start
    before = [normalize_for_matching(t.text) for t in word_tokens(unit.text[max(0, start - 30):start])][-2:]
    if before and before[-1] in _SUBJECT_CONTRASTS:
        return True
    return len(before) == 2 and before[0] in ("غير", "الا") and before[1] in ("انه", "انها", "انهم")


_SUBJECT_CONTRASTS = frozenset({"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم"})


def _points_to_account(unit: Unit, denial: Any) -> bool:
    end = denial.cue.end - unit.start
    after = [normalize_for_matching(t.text) for t in word_tokens(unit.text[end:end + 40])][:5]
    return any(w in _BACK_REFERENCES or w[1:] in _BACK_REFERENCES for w in after)


def _within_sentence(claims: Sequence[Claim], known: set[frozenset[str]] | None = None) -> list[dict[str, Any]]:
    """A sentence reporting one source's account and another's denial of it («كشف بريمر
    أن … وقد نفى ماسك ذلك»), in one clause or two. An account is an assertion: a report
    that someone did not comment, a warning or a call (stance other) asserts nothing to
    deny («ولم يعلق ماسك …، بينما زعم بيسكوف أن الاتصال الوحيد …»)."""
    known = known or set()
    by_sentence = _units_by_sentence(claims)
    out = []
    for key in sorted(by_sentence):
        parts = sorted(by_sentence[key], key=lambda uc: uc[0].clause)
        # each statement once: in the clause holding its cue (a content may overlap two clauses)
        asserts = [(st, u, c) for u, c in parts for st in u.statements if st.stance == "assert"
                   and (len(parts) == 1 or not (st.cue is not None and st.cue.text) or u.start <= st.cue.start < u.end)]
        denies, partial = [], []
        for u, c in parts:
            for st in u.statements:
                if not (is_denial(st) and st.cue is not None and u.start <= st.cue.start < u.end and _answers(u, st)):
                    continue
                own = [a for a in asserts if _same_subject(u, st, a[0]) and not _points_to_account(u, st)]
                if not own:
                    denies.append((st, u, c))
                elif _confirms_anothers_account(own[0][2], st):
                    partial.append((own[0], (st, u, c)))
        pairs = [(a, d) for a in asserts for d in denies if d[0].cue.start > a[0].content.start]
        if pairs:
            (account, ua, ca), (denial, ud, cd) = pairs[0]
            why = f"the sentence reports {account.speaker.text}'s account and its denial ({denial.cue.text or 'denied'})"
            why_ar = f"تورد الجملة رواية {account.speaker.text} ونفيها ({denial.cue.text or 'نفي'})"
        elif partial and partial[0][0][2] is not partial[0][1][2]:
            (account, ua, ca), (denial, ud, cd) = partial[0]
            others = "، ".join(o for o in ca.origins if not _same_origin(o, denial.speaker.text))
            why = f"{denial.speaker.text} confirms part of the account of {others} but denies more of it"
            why_ar = f"يؤكد {denial.speaker.text} جزءا من رواية {others} وينفي أكثر منها"
        else:
            continue
        ids = list(dict.fromkeys([ca.id, cd.id]))
        if len(ids) > 1 and frozenset(ids) in known:
            continue
        out.append(_item("denial", ids, [ua], [ud], why, why_ar))
    return out


def _same_origin(origin: str, speaker: str) -> bool:
    """One names the other (by :func:`origin_key`, either way round: بيسكوف / المتحدث باسم
    الكرملين دميتري بيسكوف)."""
    a, b = origin_key(origin), origin_key(speaker)
    return bool(a and b and (a in b or b in a))


def _confirms_anothers_account(claim: Claim, denial: Any) -> bool:
    """The confirming clause of «وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى
    أي مكالمات بينهما …» joined another origin's account (Woodward's book): one who confirms
    part of an account and in the same breath denies answers that account — the denial
    contradicts it, though not himself."""
    return any(not _same_origin(o, denial.speaker.text) for o in claim.origins)


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
    return next((st for st in unit.statements if _exclusive_in(normalize_for_matching(st.content.text))), None)


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
_COUNTED = frozenset({"اتصال", "اتصالا", "مكالمه", "محادثه", "لقاء", "اجتماع", "اجتماعا"})


def _exclusive(claims: Sequence[Claim], strength: np.ndarray, known: set[frozenset[str]],
               published: dict[str, str | None] | None = None) -> list[dict[str, Any]]:
    """Each exclusive version against the claim of other origins it answers: the most
    widely carried one that names the same two or more people and the thing the
    exclusive cue restricts (a contact, a call)."""
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
            if any(_exclusive_in(normalize_for_matching(u.text)) for u in a.units):
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
        only = _exclusive_statement(exclusive[0]).content.text[:80]
        out.append(_item("denial", [a.id, b.id], a.supporters, exclusive,
                         f"{'، '.join(b.origins)} say(s) it happened only so («{only}»), against {'، '.join(a.origins)}",
                         f"يقول {'، '.join(b.origins)} إنه لم يحدث إلا على هذا النحو («{only}»)، خلافا لرواية {'، '.join(a.origins)}"))
    return out


def _named_in(speaker: str, text: str) -> bool:
    """The speaker's last name is written in ``text``."""
    words = [w for w in normalize_for_matching(speaker).split() if len(w) >= 4]
    if not words:
        return False
    last = words[-1]
    return any(w == last or w[1:] == last for w in normalize_for_matching(text).split())


#: a contrast that goes on to what happened next («ولكن تلا ذلك …»، «لكن بعد ذلك …») tells a sequel
_LATER = re.compile(r"(?:^|\s)(?:تلا|تلاه|تلاها|تلته|تبع|تبعه|تبعها|اعقب|اعقبه|اعقبها|بعد ذلك|لاحقا|فيما بعد)(?!\S)")
_LATER_WINDOW = 30


_SAME_SOURCE = re.compile(r"(?:المصدر|المصادر|المسؤول|المتحدث|الوكاله|الصحيفه) (?:نفسه|نفسها|ذاته|ذاتها|عينه|عينها)(?!\w)")
#: words of disagreement that set one version against another without a negation
_DIFFERENCE = frozenset({"المختلفه", "مختلفه", "الخلاف", "خلاف", "تخالف", "يخالف", "يناقض", "تناقض", "خلافا"})


def _same_source(unit: Unit) -> bool:
    """The sentence is credited to «the same source» (بحسب المصدر نفسه): a voice already
    telling the story goes on, it does not answer another."""
    return any(_SAME_SOURCE.search(normalize_for_matching(unit.text[max(0, st.speaker.start - unit.start):][:60]))
               for st in unit.statements)


def _contrary(unit: Unit) -> bool:
    """The sentence says something is not so, or only so, or differs: a negation, a denial,
    an exclusive version (الوحيد، فقط) or a word of disagreement (المواقف المختلفة). Without
    one on either side, a contrast opening («إلا أن …») joins two statements, not two versions."""
    text = normalize_for_matching(unit.text)
    words = text.split()
    return bool(count_hits(words, NEGATION) or unit.denies or _exclusive_in(text) or _DIFFERENCE & set(words))


def _main_rank(unit: Unit) -> tuple[int, int]:
    """Which clause of a sentence carries its main statement: the longest content, then the first clause."""
    st = unit.main_statement
    return (0 if st is None else st.content.end - st.content.start, -unit.clause)


def _juxtaposed(claims: Sequence[Claim], known: set[frozenset[str]]) -> list[dict[str, Any]]:
    # a sentence is answered by the next one opening with a contrast: its first clause
    # against the clause of the sentence before that carries its main statement
    by_sentence: dict[tuple[str, int], tuple[Claim, Unit]] = {}
    opening_clause: dict[tuple[str, int], tuple[Claim, Unit]] = {}
    for c in claims:
        for u in c.units:
            key = (u.article_id, u.sentence_index)
            held = by_sentence.get(key)
            if held is None or _main_rank(u) > _main_rank(held[1]):
                by_sentence[key] = (c, u)
            if u.clause == 0:
                opening_clause[key] = (c, u)
    out = []
    for (article_id, index), (b, ub) in sorted(opening_clause.items()):
        opening = _CONTRAST_OPENING.search(normalize_for_matching(ub.text))
        if not opening or ub.main_statement is None:
            continue
        if _LATER.search(normalize_for_matching(ub.text)[opening.end():][:_LATER_WINDOW]):
            continue  # «ولكن تلا ذلك مزيد من المحادثات»: what came after, not another version
        before = by_sentence.get((article_id, index - 1))
        if before is None:
            continue
        a, ua = before
        if a is b or ua.main_statement is None or frozenset((a.id, b.id)) in known:
            continue
        if _same_origin(ua.main_statement.speaker.text, ub.main_statement.speaker.text):
            continue  # «وأكد [الناطق … علي الأحمدي] أن …» / «بيد أن الأحمدي أشار …»: one voice qualifying itself
        if _named_in(ub.main_statement.speaker.text, ua.sentence_text or ua.text):
            continue  # «إلا أن ألبرايت اعترف …» after Albright's own words: one voice qualifying itself
        if {origin_key(o) for o in a.origins} & {origin_key(o) for o in b.origins}:
            continue
        if _same_source(ub):
            continue  # «… بحسب المصدر نفسه»: the source that told the story so far tells what came next
        if not (_contrary(ua) or _contrary(ub)):
            continue  # «وقال إردوغان: يجب إدانة الإرهاب» / «إلا أن رئيس الحكومة التركية … أعلن أن …»: two statements, no version against another
        first_word = ub.text.split()[0]
        out.append(_item("opposed", [a.id, b.id], [ua], [ub], f"the article answers one account with the other («{first_word} …»)",
                         f"ترد المقالة على رواية بالأخرى («{first_word} …»)"))
    return out
