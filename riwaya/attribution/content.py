"""Content boundaries: where what was said starts after a cue (a complementizer, a
quotation, a colon, a preposition) and where it ends (the next cue clause, the closing mark).
"""

from __future__ import annotations

from riwaya.arabic.normalize import matching_words
from riwaya.attribution.cues import Cue, has_object_pronoun, lookup_folded
from riwaya.attribution.noun_phrases import is_short_quote
from riwaya.attribution.reading import ReadingState, span_of
from riwaya.attribution.source_phrases import source_phrase_head
from riwaya.attribution.speakers import OUTLET_DESCRIPTIONS
from riwaya.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token
from riwaya.attribution.wordclasses import (
    COMP_BARE, COMP_PRONOUN, CONTRAST, JUDGING_LEMMAS, PERFECT_AUX, PREPS, PRONOUN_SUBJECT_OPENERS, RELATIVES)
from riwaya.model import Span


_PREP_OF = {"أشار": "الي", "لفت": "الي", "نوه": "الي", "كشف": "عن", "أعرب": "عن", "عبر": "عن", "تحدث": "عن",
            "حذر": "من", "أكد": "علي", "شدد": "علي", "دعا": "الي", "عرج": "علي", "اعترف": "ب", "حث": "علي",
            "أشاد": "ب", "أثنى": "علي",
            "أرجع": "", "عزا": ""}


# words that link a following clause ("، حيث نقلت عن …", "، إذ قال …", "، كما أكد …")
_CLAUSE_LINKS = frozenset({"حيث", "اذ", "كما"})

# "while" before a second speech verb: a new clause of the same or another speaker
_WHILE = frozenset({"بينما", "فيما", "وبينما", "وفيما"})

# nouns that govern عن themselves ("شريطة عدم الكشف عن هويته"): that عن opens no content
_TAKES_AN = frozenset({"الكشف", "الافصاح", "الاعلان", "كشف"})


def governs_ba(cue: Cue) -> bool:
    """Whether ``cue`` takes its content with the clitic بـ ("أشاد بجهود …"، "اعترف بالخطأ")."""
    return _PREP_OF.get(cue.lemma) == "ب"


_WHICH = matching_words("مما ومما")
# "، ما أدى إلى …": ما opens a consequence only before a verb of causing ("، ما زال …" does not)
_CAUSING = matching_words("أثار أدى دفع جعل يثير يؤدي يدفع يجعل")


def consequence_at(toks: list[Token], k: int) -> bool:
    """Whether a clause on the consequence of what came before opens at token ``k``
    ("…، مما أثار مخاوف أمنية في واشنطن", "…، ما أدى إلى …"). It comments on the reported
    event as a whole, so it is no part of a noun-phrase content or of a trailing source's."""
    if k < 1 or k + 1 >= len(toks) or not (toks[k - 1].punct and toks[k - 1].raw in {"،", ","}) or toks[k + 1].punct:
        return False
    return toks[k].f in _WHICH or toks[k].f == "ما" and toks[k + 1].f in _CAUSING


# how a denial is made, written after or before what it denies ("نفت الوزارة الخبر جملة وتفصيلاً"،
# "نفى الوزير تماماً ما ورد")
_DENIAL_MANNER = matching_words("جملة وتفصيلاً تفصيلاً قطعياً قطعاً تماماً مطلقاً نهائياً")


def after_denial_manner(toks: list[Token], start: int) -> int:
    """Where a denied noun phrase starts, past the manner adverbials written before it:
    "نفى الوزير تماماً ما ورد في التقرير" denies "ما ورد في التقرير", wholly."""
    k = start
    while k + 1 < len(toks) and toks[k].f in _DENIAL_MANNER and not toks[k + 1].punct:
        k += 1
    return k


def before_denial_manner(toks: list[Token], start: int, end: int) -> int:
    """Exclusive end of a denied noun phrase ``toks[start:end]`` less the manner
    adverbials closing it: "الخبر جملة وتفصيلاً" denies "الخبر", wholly."""
    k = end
    while k > start and toks[k - 1].punct:
        k -= 1
    m = k
    while m - 1 > start and toks[m - 1].f in _DENIAL_MANNER:
        m -= 1
    return m if m < k else end


def content_marker(toks: list[Token], p: int, cue: Cue, limit: int) -> tuple[int, str] | None:
    """(token index where content starts, how) after position ``p``; how is
    "clause", "quote", "colon", "prep" or "np"."""
    want = _PREP_OF.get(cue.lemma)
    # an apposition between dashes or commas after the speaker ("صرح إيان بريمر -المُلم
    # بالعلوم السياسية ومدير شركة …، بأن") delays the complementizer
    end = min(limit, p + (24 if p < len(toks) and toks[p].raw[:1] in "-–—(" else 14))
    k = p
    while k < end:
        t = toks[k]
        f = t.f
        if t.raw in OPEN_QUOTES:
            if not is_short_quote(toks, k):
                return k + 1, "quote"
            k = next(m for m in range(k + 1, len(toks)) if toks[m].raw in CLOSE_QUOTES) + 1
            continue
        if t.raw == ":":
            if k + 1 < len(toks) and toks[k + 1].raw in OPEN_QUOTES:
                return k + 2, "quote"
            return k + 1, "colon"
        if t.punct and t.raw in {".", "!", "؟", "?"}:
            return None
        if not t.punct:
            if f in COMP_BARE:
                return k + 1, "clause"
            if COMP_PRONOUN.match(f):
                return k, "clause"
            if f in PREPS and k + 1 < len(toks) and toks[k + 1].f in COMP_BARE:
                return k + 2, "clause"
            if f in PREPS and k + 1 < len(toks) and COMP_PRONOUN.match(toks[k + 1].f):
                return k + 1, "clause"
            if want and f == want and k + 1 < len(toks) and not (k > p and toks[k - 1].f in _TAKES_AN):
                return k + 1, "prep"
            if f in {"بقوله", "قوله", "قولها", "قولهم", "قولهما"}:
                nxt = k + 1
                while nxt < len(toks) and toks[nxt].raw == ":":
                    nxt += 1
                if nxt < len(toks) and toks[nxt].f in COMP_BARE:
                    nxt += 1
                if nxt < len(toks) and toks[nxt].raw in OPEN_QUOTES:
                    return nxt + 1, "quote"
                return nxt, "clause"
            if want == "ب" and f.startswith("ب") and len(f) > 3:
                return k, "prep"
            if t.cue is not None and k > p:
                return None
        k += 1
    return None


def content_end(toks: list[Token], start: int, quoted: bool, stops: list[int]) -> tuple[int, bool]:
    """Exclusive token index where content starting at ``start`` ends, and whether a
    quotation opened there was left open."""
    if quoted:
        depth = 0
        for k in range(start, len(toks)):
            r = toks[k].raw
            if r in ("«", "“"):
                depth += 1
            elif r in ("»", "”") or (r == '"' and depth == 0):
                if depth == 0:
                    return k, False
                depth -= 1
        return len(toks), True
    for k in range(start, len(toks)):
        if k in stops and k > start:
            return k, False
    return len(toks), False


def trim_span(state: ReadingState, start: int, end: int) -> Span | None:
    text = state.article.text
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛;:!؟?-–—"):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in "،,؛;:-–—"):
        start += 1
    if end - start < 2:
        return None
    return span_of(state, start, end)


def _reports_speech(toks: list[Token], k: int) -> bool:
    """Whether the cue verb at ``k`` opens reported speech: a complementizer, colon,
    quotation or the عن of a relay follows within its clause ("حيث نقلت عن … أنهم"; not
    "حيث يعتبر الميناء المنفذ الوحيد", "حيث تبلغ الليلة نحو 350 دولارا")."""
    for t in toks[k + 1:k + 12]:
        if t.raw in OPEN_QUOTES or t.raw == ":" or t.f in COMP_BARE or COMP_PRONOUN.match(t.f) or t.f == "عن":
            return True
        if t.punct:
            return False
    return False


def boundary_stops(toks: list[Token]) -> list[int]:
    """Token indices where a following cue clause starts (a content never runs across)."""
    stops = []
    depth = 0  # inside «…» / “…”
    for k, t in enumerate(toks):
        if t.raw in ("«", "“"):
            depth += 1
        elif t.raw in ("»", "”") and depth:
            depth -= 1
        if t.punct or k == 0:
            continue
        prev = toks[k - 1]
        cue = t.cue
        if cue is not None and cue.needs == "prep:عن" and cue.lemma == "نقل" \
                and not any(u.f in {"عن", "عنه", "عنها", "عنهم"} for u in toks[k + 1:k + 9]):
            cue = None  # "، ونقل رسائل …": carrying messages, no relayed speech
        phrase = source_phrase_head(toks, k)
        after_comma = prev.punct and prev.raw in {"،", ",", "؛", ";", "-", "–", "—", "(", ")"}
        if after_comma and not depth and t.f in _CLAUSE_LINKS and k + 1 < len(toks) and toks[k + 1].cue is not None \
                and toks[k + 1].cue.kind == "verb" and _reports_speech(toks, k + 1):
            stops.append(k - 1)  # "…، حيث نقلت عن العديد من المسؤولين أنهم …": the same source goes on
            continue
        if t.f in _WHILE and not depth and k + 1 < len(toks) and toks[k + 1].cue is not None \
                and toks[k + 1].cue.kind == "verb" and _reports_speech(toks, k + 1):
            stops.append(k - 1 if after_comma else k)  # "… بأنه “قائد الصناعة” بينما شددت على أن …"
            continue
        if after_comma and (t.f in CONTRAST or t.f == "غير" and k + 1 < len(toks) and toks[k + 1].f in COMP_BARE):
            stops.append(k - 1)  # "، غير أن ماسك نفى": a contrasting clause
            continue
        if phrase and (after_comma or t.f.startswith("و")):
            stops.append(k - 1 if after_comma else k)
        elif cue is not None and (cue.kind == "participle" and (after_comma or prev.f in {"و"}) or after_comma and t.f.startswith(("و", "ف"))):
            stops.append(k - 1 if after_comma else k)
        elif cue is not None and cue.kind == "verb" and after_comma:
            stops.append(k - 1)
        elif cue is not None and cue.kind == "verb" and t.f[:1] == "و" and cue.lemma in JUDGING_LEMMAS \
                and has_object_pronoun(t.f[1:]):
            stops.append(k)  # "رفض ماسك الانتقادات … واعتبرها سخيفة": his judgement of them
        elif cue is not None and cue.kind == "verb" and prev.f in PRONOUN_SUBJECT_OPENERS:
            stops.append(k - 1)  # "أن ترامب أرسل اختبارات كوفيد لكنه نفى …": the speaker goes on
        elif cue is not None and cue.kind == "verb" and t.f[:1] == "و" and lookup_folded(t.f[1:]) is not None \
                and prev.f not in RELATIVES and k + 1 < len(toks) \
                and (toks[k + 1].f in COMP_BARE or toks[k + 1].f in PREPS or toks[k + 1].raw == ":"
                     or toks[k + 1].f in OUTLET_DESCRIPTIONS or COMP_PRONOUN.match(toks[k + 1].f)):
            stops.append(k)
        elif cue is not None and cue.kind == "verb" and k >= 2 and prev.f in PERFECT_AUX \
                and (toks[k - 2].raw in {"،", ","} or toks[k - 2].f in {"وكان", "وكانت"} and k >= 3 and toks[k - 3].raw in {"،", ","}):
            stops.append(k - 2 if toks[k - 2].raw in {"،", ","} else k - 3)  # "، وكان قد وصف …", "، وقد نفى …"
    return stops
