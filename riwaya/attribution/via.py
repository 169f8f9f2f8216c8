"""The via chain of a statement: the article's credits (outermost), the relays and
addressees the sentence names, then the speaker whose content the cue sits in.
"""

from __future__ import annotations

import re

from riwaya.attribution.cues import fold
from riwaya.attribution.noun_phrases import noun_phrase_end
from riwaya.attribution.outlet_references import described_outlet, referent, same_outlet
from riwaya.attribution.reading import ReadingState, span_of
from riwaya.attribution.speakers import is_outlet_name, OUTLET_DESCRIPTIONS
from riwaya.attribution.tokens import Token
from riwaya.attribution.wordclasses import MEDIUM, TIME
from riwaya.model import Article, Link, Span, Statement


_SOURCE_TOLD_OUTLET = re.compile(
    r"(?:^|\s)(?:ال)?(?:مصدر|مصادر|مسؤول|مسؤولين|مسؤولون|مطلع|مطلعين)(?=\s)[^.\n؟!]{0,80}?\sل(?:شبكة|صحيفة|وكالة|قناة|موقع|مجلة)\s+"
    r"([A-Za-z][A-Za-z0-9]*|[«“\"]?[^\s،,.«»“”\"]+[»”\"]?)")


def reporting_outlet(text: str) -> str | None:
    """An article whose publisher is unknown and uncredited, and whose own unnamed sources
    spoke to one outlet ("تحدث المصدر لشبكة CNN", "حسبما قال مسؤول مطلع … لشبكة CNN"),
    carries that outlet's reporting: the outlet is the outermost link of its statements
    (a republished CNN, BBC … piece). Two such mentions are needed."""
    names = [m.group(1).strip("«»“”\"") for m in _SOURCE_TOLD_OUTLET.finditer(text)]
    if len(names) < 2:
        return None
    first = names[0]
    return first if sum(fold(n) == fold(first) for n in names) >= 2 else None


def publisher_name(article: Article) -> str | None:
    from riwaya.attribution.speakers import PUBLISHERS

    return PUBLISHERS.get((article.outlet or "").strip().lower(), article.outlet)


def with_via(st: Statement, via: tuple[Link, ...]) -> Statement:
    return Statement(st.speaker, st.speaker_type, st.cue, st.stance, st.content, via, st.sentence_index,
                     st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)


def via_for(state: ReadingState, speaker: Span, stype: str, inner: list[Link], toks: list[Token], i: int,
            unit_out: list[tuple[int, Statement, int]]) -> tuple[Link, ...]:
    """Credit links (outermost), then the sentence's own intermediaries, then the
    embedding speaker when the cue sits inside another statement's content — unless the
    embedded speaker is what that statement denies ("نفى بيسكوف تقارير صحافية يونانية
    ذكرت أن …": the reports reach us from the narrator, not through their denier)."""
    refers = referent(state, speaker.text)
    cue_start = toks[i].start
    credits = [c for start, c in state.credits if start <= cue_start
               and not same_outlet(c.text, speaker.text) and not (refers and same_outlet(c.text, refers))]
    while inner and any(same_outlet(c.text, inner[0].refers_to or inner[0].text) for c in credits):
        inner = inner[1:]  # the sentence names a credited outlet again
    links = credits + inner
    for _, st, _ in unit_out:
        if st.content.start <= cue_start < st.content.end and st.speaker != speaker \
                and not (st.stance == "deny" and speaker.start == st.content.start):
            links = list(st.via) + [Link(st.speaker.text, st.speaker, st.speaker_refers_to, "embedding")]
            break
    return tuple(links)


def addressee_link(state: ReadingState, toks: list[Token], p: int) -> Link | None:
    """An outlet the speaker addressed ("في تصريح لصحيفة …", "لوكالة …"), when it is not
    the publisher."""
    k = p
    steps = 0
    while k < len(toks) and steps < 5:
        t = toks[k]
        if t.punct and t.raw not in {"،", ","}:
            break
        if not t.punct and t.f.startswith("ل") and not t.f.startswith("لا"):
            word = t.raw[2:] if t.raw.startswith("لـ") else t.raw[1:]
            start = t.start + (len(t.raw) - len(word))
            if t.raw in {"لـ", "ل"} and k + 1 < len(toks):
                k += 1
                start = toks[k].start
            end = noun_phrase_end(toks, k + 1, max_words=5) if k + 1 < len(toks) else k + 1
            end = max(end, k + 1)
            if k + 1 < end and toks[k + 1].raw[:1].isascii() and toks[k + 1].raw[:1].isalpha():
                end = k + 2  # "لشبكة CNN شريطة …": a Latin-script name is one word
            while end > k + 1 and toks[end - 1].punct:
                end -= 1
            while state.article.text[start:start + 1] in "«»“”\"" and start < toks[end - 1].end - 1:
                start += 1  # "لـ”وول ستريت جورنال”": the marks are no part of the name
            stop = toks[end - 1].end
            while stop > start + 1 and state.article.text[stop - 1] in "«»“”\"":
                stop -= 1
            name = state.article.text[start:stop]
            if not name.strip():
                return None
            if is_outlet_name(name) or any(same_outlet(name, o) for o in state.outlets):
                if state.publisher and (same_outlet(name, state.publisher) or fold(state.publisher) in fold(name)):
                    return None
                bare = fold(name).strip("«»\" ")
                if t.f.startswith("لل") and "ال" + bare[1:] in OUTLET_DESCRIPTIONS:
                    name, bare = "ال" + name[1:], "ال" + bare[1:]  # "للصحيفة" = لـ + الصحيفة
                if bare in OUTLET_DESCRIPTIONS:
                    refers = described_outlet(state, bare)
                    if refers is None or (state.publisher and fold(state.publisher) in fold(refers)):
                        return None
                    return Link(name, span_of(state, start, stop), refers, "addressee")
                return Link(name, span_of(state, start, stop), None, "addressee")
            return None
        if not t.punct and t.f not in MEDIUM and t.f not in {"في", "خلال", "عبر", "له", "لها"} | TIME:
            break
        k += 1
        steps += 1
    return None
