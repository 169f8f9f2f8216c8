"""Statements cued by a source phrase (وفقاً لـ X، بحسب X، نقلاً عن X; a trailing "وتم
إطلاع شخصين على الأمر"), with their content after the phrase or before it.
"""

from __future__ import annotations

from dataclasses import replace

from riwaya.attribution.agreement import said_of
from riwaya.attribution.content import consequence_at, content_end, trim_span
from riwaya.attribution.noun_phrases import noun_phrase_end, strip_quotes
from riwaya.attribution.outlet_references import referent, same_outlet
from riwaya.attribution.reading import ReadingState, Said, sentence_index, span_of
from riwaya.attribution.source_phrases import source_phrase_head
from riwaya.attribution.speakers import anonymous_count, is_outlet_name, OUTLET_DESCRIPTIONS, speaker_type
from riwaya.attribution.stance import with_stance
from riwaya.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token
from riwaya.attribution.via import addressee_link, via_for, with_via
from riwaya.attribution.wordclasses import CLAUSE_OPENERS, COMP_BARE, CONTRAST, NON_SOURCE, TIME
from riwaya.model import Link, Span, Statement


_BARE_DESCRIPTIONS = OUTLET_DESCRIPTIONS | {"التقرير", "البيان", "المصدر", "الدراسه"}


def statement_at_phrase(state: ReadingState, toks: list[Token], i: int, unit_out: list[tuple[int, Statement, int]],
                        entity_spans: list[tuple[int, int]]) -> int | None:
    if toks[i].start in state.consumed:
        return None
    head = source_phrase_head(toks, i)
    if head is None:
        return None
    j, kind = head
    if kind == "ma" and j < len(toks) and toks[j].f in {"به", "بها", "بهم"}:
        j += 1  # "حسبما أفاد به التقرير"
    if j >= len(toks):
        return None
    sp_start_char = toks[j].start
    if kind == "l" and toks[j].f.startswith("ل") and not toks[j].raw.startswith("لـ"):
        sp_start_char = toks[j].start + 1  # the clitic لـ is not part of the speaker
    if toks[j].raw == "لـ":
        j += 1
        sp_start_char = toks[j].start if j < len(toks) else sp_start_char
    end = noun_phrase_end(toks, j, max_words=8)
    if end <= j:
        return None
    if end > j + 1 and toks[j].f in _BARE_DESCRIPTIONS and not toks[j + 1].f.startswith(("ال", "لل")):
        end = j + 1  # "بحسب التقرير شملت الحوارات …": a verb follows the description
    if toks[j].f in NON_SOURCE or toks[j].f[1:] in NON_SOURCE:
        return None
    speaker = span_of(state, sp_start_char, toks[end - 1].end)
    speaker = strip_quotes(state, speaker)
    cue_end = toks[j - 1].end if toks[j - 1].raw != "لـ" else toks[j - 2].end
    if kind == "l":
        cue_end = toks[i].end
    cue = span_of(state, toks[i].start, cue_end)
    stype = speaker_type(speaker.text, state.article.text)
    prev = toks[i - 1] if i > 0 else None
    clause_initial = prev is None or prev.punct and prev.raw not in CLOSE_QUOTES or prev.f in CLAUSE_OPENERS
    # Inside a verb clause ("ذكرت الصحيفة نقلاً عن شخصين …"): handled by the verb.
    if kind in {"an", "lisan"} and unit_out and unit_out[-1][2] == -2:
        return None
    stops = state.stops
    first = max((ce for ci, _, ce in unit_out if ci == -1), default=0)
    if clause_initial and not _content_before(toks[first:], i - first):
        k = end
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ",", "-", "–", "—", ")"} or toks[k].f in COMP_BARE or toks[k].f in TIME):
            k += 1
        if k < len(toks) and toks[k].raw in OPEN_QUOTES:
            k += 1
        if k >= len(toks):
            return None
        cend, _ = content_end(toks, k, False, stops)
        content = trim_span(state, toks[k].start, toks[cend - 1].end if cend > k else toks[k].end)
    else:
        # content before the cue: from the clause's start to the cue
        cstart = _clause_start(toks, i, unit_out)
        content = trim_span(state, toks[cstart].start, toks[i].start) if cstart < i else None
        inside = _parenthetical_clause(state, toks, i, end, cstart, unit_out)
        if inside is not None:
            content = inside
        # a trailing "وفقاً لرويترز" on a verb statement credits that statement
        if unit_out and is_outlet_name(speaker.text) and unit_out[-1][0] >= 0:
            # it credits the sentence: every statement before it ("ووصفته بأنه …" and
            # "بينما شددت على أن …"، بحسب الصحيفة)
            link = Link(speaker.text, speaker, referent(state, speaker.text), "relay")
            for n, (ci, prev_st, cend) in enumerate(unit_out):
                if prev_st.content.start >= toks[i].start:
                    continue
                credits = [lk for lk in prev_st.via if lk.kind == "credit"]
                rest = [lk for lk in prev_st.via if lk.kind != "credit"]
                if not any(same_outlet(lk.text, link.text) for lk in credits):
                    credits.append(link)
                unit_out[n] = (ci, with_via(prev_st, tuple(credits + rest)), cend)
            if not state.out and toks[i].start < state.lead_end and not any(
                    same_outlet(c.text, link.text) for _, c in state.credits):
                # the lead's credit ("كشف تقرير …، وفقاً لوكالة أنباء الجزيرة") is the
                # article's provenance: the outermost link of every statement (issue 5 §2)
                state.credits.append((0, Link(speaker.text, speaker, link.refers_to, "credit")))
            return end
    whole = None
    if content is not None and not (clause_initial and not _content_before(toks[first:], i - first)) and unit_out \
            and not is_outlet_name(speaker.text):
        ci, inner_st, _ = unit_out[-1]
        if ci >= 0 and toks[ci].cue is not None and source_phrase_head(toks, ci) is None and not inner_st.resolved_from_context \
                and any(t.f in CONTRAST for t in toks[max(0, ci - 6):ci]):
            # "A، لكن B حذر من …، حسبما قال مسؤول مطلع": the trailing source tells the whole
            # clause, the contrasting speaker's statement inside it included
            whole = trim_span(state, toks[_clause_start(toks, i, [])].start, toks[i].start)
    if whole is not None:
        content = whole
    if content is None:
        return None
    inner: list[Link] = []
    if whole is None and unit_out and stype not in {"outlet", "document"}:
        _, told, _ = unit_out[-1]
        if told.content.start == content.start and told.speaker_type in {"outlet", "document"} and not told.resolved_from_context:
            # "وبحسب تقرير لصحيفة X فقد تناولت …، وفقاً لما ذكره شخصان مطلعان": the report
            # tells what its own sources said; they reach us through it
            inner = [Link(told.speaker.text, told.speaker, told.speaker_refers_to, "relay")]
    via = via_for(state, speaker, stype, inner, toks, i, unit_out)
    if whole is not None:
        embedding = Link(speaker.text, speaker, referent(state, speaker.text), "embedding")
        for n, (ci, inner_st, ce) in enumerate(unit_out):
            if whole.start <= inner_st.cue.start < whole.end:
                unit_out[n] = (ci, with_via(inner_st, tuple(via) + (embedding,)), ce)
    st = Statement(speaker, stype, cue, "assert", content, via, sentence_index(state, toks[i].start),
                   anonymous_count(speaker.text) if stype == "anonymous" else None, False, referent(state, speaker.text))
    st = with_stance(st)
    embedded = any(o.content.start <= toks[i].start < o.content.end for _, o, _ in unit_out)
    unit_out.append((i, st, len(toks)))
    if not embedded:  # "«… وفقا لتقارير الأمم المتحدة …»، موضحا": the minister goes on
        state.last = said_of(st)
    return end


# "وتم إطلاع" (were briefed); the passive "أُطلع" only with its damma: "اطّلع" (examined) is
# written alike without it
_BRIEFED_AUX = frozenset({"تم", "وتم"})
_BRIEFED_PASSIVE = frozenset({"اطلع", "واطلع"})


def statement_at_briefed(state: ReadingState, toks: list[Token], i: int,
                         unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """A clause's trailing "، وتم إطلاع شخصين على الأمر للمنفذ" (machine-translated "two
    people briefed on the matter told the outlet") sources the clause before it: the
    people briefed speak (anonymous, counted), through the outlet they told."""
    n = len(toks)
    if toks[i].f in _BRIEFED_AUX and i + 1 < n and toks[i + 1].f == "اطلاع":
        j = i + 2
    elif toks[i].f in _BRIEFED_PASSIVE and "\u064f" in toks[i].raw:
        j = i + 1
    else:
        return None
    if i == 0 or not (toks[i - 1].punct and toks[i - 1].raw in {"،", ","}):
        return None  # at a clause's end only: what it sources comes before
    end = noun_phrase_end(toks, j, max_words=6)
    if end <= j or end + 1 >= n or toks[end].f != "علي":
        return None
    topic_end = noun_phrase_end(toks, end + 1, max_words=3)
    topic_end = next((k for k in range(end + 2, topic_end) if toks[k].f[:1] == "و"), topic_end)  # "… وقرر": a new clause
    addressee = addressee_link(state, toks, topic_end) if topic_end < n else None
    told_end = addressee.span.end if addressee is not None and addressee.span is not None else 0
    rest = [t for t in toks[topic_end:] if not t.punct and t.start >= told_end]
    if topic_end <= end + 1 or rest:
        return None  # "على الأمر" (للمنفذ) must close the clause
    cstart = _clause_start(toks, i, unit_out)
    content = trim_span(state, toks[cstart].start, toks[i - 1].start) if cstart < i - 1 else None
    if content is None:
        return None
    speaker = span_of(state, toks[j].start, toks[end - 1].end)
    stype = speaker_type(speaker.text, state.article.text)
    if stype != "anonymous":
        return None  # "وتم إطلاع الوزير على الأمر": a named party briefed is an event, no source
    via = via_for(state, speaker, stype, [addressee] if addressee is not None else [], toks, i, unit_out)
    st = Statement(speaker, stype, span_of(state, toks[i].start, toks[j - 1].end), "assert", content, via,
                   sentence_index(state, toks[i].start), anonymous_count(speaker.text), False, None)
    unit_out.append((i, with_stance(st), n))
    return n


def _parenthetical_clause(state: ReadingState, toks: list[Token], i: int, end: int, cstart: int,
                          unit_out: list[tuple[int, Statement, int]]) -> Span | None:
    """The clause around a source phrase set between commas inside it ("وقد أثارت هذه
    الحوارات، بحسب المصادر المطلعة، مخاوف تتعلق بالأمن القومي"): from the clause's start
    (after the last comma before the phrase) to the clause's end, across the phrase. A
    statement before whose content ran into the clause, up to the phrase, runs on to its end."""
    if i < 2 or not (toks[i - 1].punct and toks[i - 1].raw in {"،", ","}):
        return None
    if end + 1 >= len(toks) or not (toks[end].punct and toks[end].raw in {"،", ","}):
        return None
    after = toks[end + 1]
    if after.punct or after.cue is not None or end + 1 in state.stops or after.f in CONTRAST \
            or source_phrase_head(toks, end + 1) is not None or consequence_at(toks, end + 1):
        return None  # "…، بحسب مسؤولين، مما أثار مخاوف": the consequence is no part of what they said
    start = next((k + 1 for k in range(i - 2, cstart - 1, -1) if toks[k].punct and toks[k].raw in {"،", ","}), cstart)
    if start >= i - 1 or any(t.cue is not None for t in toks[start:i - 1]):
        return None
    cend, _ = content_end(toks, end + 1, False, state.stops)
    content = trim_span(state, toks[start].start, toks[cend - 1].end)
    if content is None:
        return None
    for n, (ci, before, ce) in enumerate(unit_out):
        if before.content.start < content.start < before.content.end <= toks[i - 1].start:
            # "زعمت الصحيفة أن …، وقد أثارت هذه الحوارات، بحسب المصادر، مخاوف …": the outer
            # content runs on across the phrase (guideline §3.1), which it embeds
            unit_out[n] = (ci, replace(before, content=span_of(state, before.content.start, content.end)), max(ce, cend))
    return content


def _content_before(toks: list[Token], i: int) -> bool:
    return any(not t.punct for t in toks[:i] if t.f not in CLAUSE_OPENERS)


def _clause_start(toks: list[Token], i: int, unit_out: list[tuple[int, Statement, int]]) -> int:
    start = 0
    for k in range(i - 1, -1, -1):
        if toks[k].raw in ("«", "“") and not any(toks[m].raw in ("»", "”") for m in range(k + 1, i)):
            return k + 1
    if unit_out:
        ci, st, _ = unit_out[-1]
        for k, t in enumerate(toks):
            if t.start >= st.content.start:
                return max(start, k)
    return start
