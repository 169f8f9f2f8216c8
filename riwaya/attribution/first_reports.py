"""First reports: "X was first to report it" makes X a source of what it reported.

"تتواصل سي إن إن مع فريقي ماسك وترامب بشأن المكالمة، التي كان أول من أوردها موقع
أكسيوس" tells that Axios reported the call before anyone: Axios is a source of the call,
reached through the article's own outlet (CNN ← Axios). The forms:

- a relative clause on the reported thing: "المكالمة، التي كان أول من أوردها موقع أكسيوس",
  "التقرير الذي كانت صحيفة X أول من نشرته", "الخبر الذي نشره أولاً موقع X" — the content
  is the noun phrase the clause modifies;
- a main clause: "وكان موقع أكسيوس أول من كشف عن المكالمة" — the content is what the
  verb reports.

("حسبما أورد أولاً موقع X" is a source phrase, :mod:`riwaya.attribution.source_phrases`.)
"""

from __future__ import annotations

from riwaya.arabic.normalize import matching_words
from riwaya.attribution.agreement import said_of
from riwaya.attribution.content import content_end, trim_span
from riwaya.attribution.cues import fold
from riwaya.attribution.noun_phrases import noun_phrase_end, strip_quotes
from riwaya.attribution.outlet_references import referent
from riwaya.attribution.reading import ReadingState, sentence_index, span_of
from riwaya.attribution.speakers import anonymous_count, speaker_type
from riwaya.attribution.stance import with_stance
from riwaya.attribution.tokens import Token
from riwaya.attribution.via import via_for
from riwaya.attribution.wordclasses import (
    COMP_BARE, FIRST_ADVERB, KANA_FORMS, NISBA, PERFECT_AUX, PREPS, RELATIVES, SPEAKER_STOP, TOPIC_PREPS)
from riwaya.model import Statement

__all__ = ["statement_at_first_report"]

_REPORTING_STEMS = matching_words("أورد نشر كشف ذكر أفاد")

_FIRST = fold("أول")

_OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما")

# "التي كشف عنها أولاً موقع X": the verb's object, before the speaker
_OBJECT_AFTER_VERB = matching_words("عنه عنها عنهم")


def _first_report_verb(f: str) -> bool:
    """A reporting verb as "X was first to …" uses it ("أوردها", "نشرته", "كشف")."""
    for suffix in ("",) + _OBJECT_PRONOUNS:
        if suffix and not f.endswith(suffix):
            continue
        base = f[:len(f) - len(suffix)]
        if base in _REPORTING_STEMS or base.endswith("ت") and base[:-1] in _REPORTING_STEMS:
            return True
    return False


def _modified_noun_phrase(toks: list[Token], relative: int) -> tuple[int, int] | None:
    """(start, end) tokens of the noun phrase a relative pronoun at ``relative`` modifies:
    the last word before it, with the idafa heads and the noun of a nisba adjective before
    that ("بشأن المكالمة، التي" → "المكالمة"; "نفى الكرملين التقرير الذي" → "التقرير")."""
    k = relative - 1
    if k >= 0 and toks[k].punct and toks[k].raw in {"،", ","}:
        k -= 1
    if k < 0 or toks[k].punct:
        return None
    start = k
    while start > 0 and k - start < 4:
        before, word = toks[start - 1], toks[start]
        if before.punct or before.cue is not None or before.f in SPEAKER_STOP or before.f in TOPIC_PREPS \
                or before.f in PREPS:
            break
        if before.f.startswith("ال") and not NISBA.match(word.f):
            break  # a definite word before a definite noun is another phrase (the clause's subject)
        start -= 1
    return start, k + 1


def _is_relative(tok: Token) -> bool:
    return tok.f in RELATIVES or tok.f[:1] == "و" and tok.f[1:] in RELATIVES


def statement_at_first_report(state: ReadingState, toks: list[Token], i: int,
                              unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """The statement of a first report at token ``i`` ("أول من أوردها" or "نشره أولاً"),
    or None; returns the token index to read on from."""
    n = len(toks)
    if toks[i].f == _FIRST and i + 2 < n and toks[i + 1].f == "من" and _first_report_verb(toks[i + 2].f):
        verb, cue_start = i + 2, i
    elif i + 1 < n and toks[i + 1].f == FIRST_ADVERB and _first_report_verb(toks[i].f):
        verb, cue_start = i, i
    else:
        return None
    # "كان أول من …" / "كانت صحيفة X أول من …": the auxiliary, and the speaker after it
    kana = None if verb == cue_start else next(
        (k for k in range(cue_start - 1, max(-1, cue_start - 8), -1) if toks[k].f in KANA_FORMS), None)
    if kana is not None and any(t.punct for t in toks[kana:cue_start]):
        kana = None
    if kana is not None and kana < cue_start - 1:
        sp_start, sp_end = kana + 1, cue_start  # "كانت صحيفة X أول من نشرته"
        after = verb + 1 + (verb == cue_start)
    else:
        sp_start = verb + 1 + (verb == cue_start)  # past "أولاً"
        if sp_start < n and toks[sp_start].f in _OBJECT_AFTER_VERB:
            sp_start += 1
        sp_end = noun_phrase_end(toks, sp_start, max_words=6) if sp_start < n else sp_start
        after = sp_end
    if sp_end <= sp_start:
        return None
    opening = kana if kana is not None else cue_start
    while opening > 0 and (toks[opening - 1].f in PERFECT_AUX or toks[opening - 1].f in KANA_FORMS):
        opening -= 1  # "الخبر الذي كان قد نشره أولاً موقع X"
    if opening > 0 and _is_relative(toks[opening - 1]):
        phrase = _modified_noun_phrase(toks, opening - 1)
        if phrase is None:
            return None
        content = trim_span(state, toks[phrase[0]].start, toks[phrase[1] - 1].end)
        cend = phrase[1]
    else:
        # "وكان موقع أكسيوس أول من كشف عن المكالمة": the main clause's object is the report
        p = after
        if toks[verb].f.endswith(_OBJECT_PRONOUNS) or p >= n:
            return None  # "أول من نشره": what "it" is lies outside the clause
        if toks[p].f in PREPS or toks[p].f in COMP_BARE:
            p += 1
        cend = content_end(toks, p, False, state.stops)[0] if p < n else p
        content = trim_span(state, toks[p].start, toks[cend - 1].end) if cend > p else None
    if content is None:
        return None
    speaker = strip_quotes(state, span_of(state, toks[sp_start].start, toks[sp_end - 1].end))
    stype = speaker_type(speaker.text, state.article.text)
    cue = span_of(state, toks[kana if kana == cue_start - 1 else cue_start].start,
                  toks[verb + (verb == cue_start)].end)
    via = via_for(state, speaker, stype, [], toks, cue_start, unit_out)
    st = with_stance(Statement(speaker, stype, cue, "assert", content, via, sentence_index(state, toks[cue_start].start),
                               anonymous_count(speaker.text) if stype == "anonymous" else None, False,
                               referent(state, speaker.text)))
    unit_out.append((cue_start, st, cend))
    state.last = said_of(st)
    return max(after, verb + 1)
