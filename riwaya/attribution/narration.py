"""Narration of a translated report: the original outlet's own statements.

A translation credit naming the original ("صحيفة وول ستريت جورنال الاميركية" / "ترجمة
صحيفة القدس العربي") says that every sentence of the translated text is the original
outlet's, narration included: "وتكتسب هذه الاتصالات المنتظمة أهمية كبيرة …" in the
translated section is the Journal's assertion, relayed by the translator (seeds.json S5,
S10, S38–S40). Each such sentence that holds no attributed statement of its own becomes a
statement of the original outlet with an empty cue (guideline §3.5), and so does a
consequence clause a statement leaves out ("أكد عدد من المسؤولين … وجود اتصالات …، مما
أثار مخاوف أمنية في واشنطن": the officials confirm the contacts, the Journal draws the
concern). Outside a translation (a relay, a wire copy, the outlet's own text) narration
stays unlabelled (§3.4).
"""

from __future__ import annotations

from riwaya.attribution.content import trim_span
from riwaya.attribution.reading import ReadingState, sentence_index, span_of
from riwaya.attribution.tokens import Token
from riwaya.attribution.via import via_for
from riwaya.model import Link, Span, Statement

__all__ = ["translated_original", "narration_statement"]

_SENTENCE_END = ".!?؟"
_MIN_WORDS = 6


def translated_original(state: ReadingState) -> tuple[int, Span, Link] | None:
    """(offset the translation covers from, the original outlet's name as written in the
    text, its credit link) when the article credits a translation of a named original."""
    kinds = {p.kind for p in state.article.provenance}
    if "translation" not in kinds:
        return None
    originals = [p.outlet for p in state.article.provenance if p.kind == "original"]
    text = state.article.text
    for start, link in state.credits:
        if link.text not in originals:
            continue
        at = text.find(link.text, start)
        if at < 0:
            return None
        return start, span_of(state, at, at + len(link.text)), link
    return None


def narration_statement(state: ReadingState, toks: list[Token], ustart: int, uend: int,
                        start: int | None = None) -> Statement | None:
    """The original outlet's statement for a translated narration unit (or for its part
    from offset ``start``: a consequence clause no statement holds), or None (outside the
    translation, a heading, a fragment without a sentence end, a short line)."""
    original = state.translation
    if original is None or ustart < original[0]:
        return None
    if any(h.start <= ustart < h.end for h in state.article.headings):
        return None
    words = [t for t in toks if not t.punct]
    last = next((t for t in reversed(toks) if not (t.punct and t.raw in "\"»”'")), None)
    if len(words) < _MIN_WORDS or last is None or not last.punct or last.raw[:1] not in _SENTENCE_END:
        return None
    content = trim_span(state, ustart if start is None else start, uend)
    if content is None:
        return None
    speaker = original[1]
    via = via_for(state, speaker, "outlet", [], toks, 0, [])
    return Statement(speaker, "outlet", span_of(state, content.start, content.start), "assert", content, via,
                     sentence_index(state, ustart), None, True, None)
