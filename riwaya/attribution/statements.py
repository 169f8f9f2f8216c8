"""Attributed statements: who said what, with which cue, on whose word.

:func:`find_statements` reads an :class:`~riwaya.model.Article` unit by unit (a unit is
a line, cut after ``.`` ``!`` ``?`` ``؟``, also inside quotations: the gold guideline's
sentence rule) and turns every reporting cue into a :class:`Statement`:

- a verb with its speaker after it (``قال الوزير إن …``), before it (``تقارير ذكرت أن …``)
  or nowhere (``وأضاف أن …``: the last speaker, ``resolved_from_context``);
- a participle continuing the clause's speaker (``، مضيفاً أن …``);
- a source phrase (``وفقاً لـ``، ``بحسب``، ``نقلاً عن``، ``على لسان``، ``حسبما ذكر``) before or
  after its content, and a trailing ``، وتم إطلاع شخصين على الأمر للمنفذ``;
- ``نقلت X عن Y قوله …`` / ``ذكرت X نقلاً عن Y أن …``: speaker Y with X in ``via``;
- a first report (``المكالمة، التي كان أول من أوردها موقع أكسيوس``): the outlet is a
  source of the thing it reported first;
- quotations: the content is inside the marks; a quotation left open continues into
  the next units as statements with an empty cue.

The rules follow ``gold/attribution-guideline.md`` (content drops a bare إن/أن, the
article's credited wire agency is the outermost via, statements in cue order).

>>> from riwaya.model import Article
>>> text = "نقلت وكالة رويترز عن مصدر أمني قوله إن الهجوم وقع فجراً. وأضاف أن التحقيق مستمر."
>>> article = Article(id="a", content_hash="a", text=text, source="t")
>>> [(s.speaker.text, s.cue.text, s.content.text, s.via_texts) for s in find_statements(article)]
[('مصدر أمني', 'نقلت', 'الهجوم وقع فجراً', ('وكالة رويترز',)), ('مصدر أمني', 'وأضاف', 'التحقيق مستمر', ('وكالة رويترز',))]
>>> d = find_statements(Article(id="b", content_hash="b", source="t",
...     text="نفى المتحدث باسم الكرملين ديمتري بيسكوف وجود اتصالات منتظمة."))[0]
>>> (d.speaker.text, d.stance, d.speaker_type, d.content.text)
('المتحدث باسم الكرملين ديمتري بيسكوف', 'deny', 'official', 'وجود اتصالات منتظمة')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from riwaya.attribution.content import boundary_stops, consequence_at, content_end, trim_span
from riwaya.attribution.credits import credit_scopes
from riwaya.attribution.first_reports import statement_at_first_report
from riwaya.attribution.narration import narration_statement, translated_original
from riwaya.attribution.no_comment import statement_at_no_comment
from riwaya.attribution.noun_phrases import mark_names
from riwaya.attribution.outlet_references import remember_outlets
from riwaya.attribution.phrase_statements import statement_at_briefed, statement_at_phrase
from riwaya.attribution.reading import ReadingState, sentence_index, span_of
from riwaya.attribution.speakers import anonymous_count
from riwaya.attribution.tokens import OPEN_QUOTES, split_units, Token, tokenize
from riwaya.attribution.verb_statements import mention_at_speech_act, statement_at_verb
from riwaya.attribution.via import publisher_name, reporting_outlet
from riwaya.model import Article, Link, Statement

__all__ = ["Link", "Statement", "find_statements", "split_units"]


def find_statements(article: Article, entities: Sequence[Any] | None = None) -> list[Statement]:
    """Every attributed statement of ``article``, in text order (cue order within a unit).

    ``entities`` (EntityMention-like objects with ``start``/``end``/``type``) are
    optional: when given, a speaker phrase is extended to cover a PER/ORG mention that
    starts inside it.

    >>> from riwaya.model import Article
    >>> a = Article(id="a", content_hash="a", source="t", text="وأفادت مصادر مطلعة بأن الاجتماع تأجل، بحسب صحيفة الحياة.")
    >>> [(s.speaker.text, s.speaker_type, s.anonymous_count, s.content.text) for s in find_statements(a)]
    [('مصادر مطلعة', 'anonymous', None, 'الاجتماع تأجل')]
    >>> find_statements(Article(id="e", content_hash="e", source="t", text=""))
    []
    """
    text = article.text
    if not text.strip():
        return []
    state = ReadingState(article, credit_scopes(article), publisher_name(article))
    state.translation = translated_original(state)
    if not state.credits and not state.publisher:
        reporter = reporting_outlet(text)
        if reporter:
            state.credits.append((0, Link(reporter, None, None, "credit")))
    state.sentence_starts = [s.start for s in article.sentences]
    spans = sorted((e.start, e.end) for e in entities or () if getattr(e, "type", "") in {"PER", "ORG"})
    previous_end = 0
    units = split_units(text)
    state.lead_end = units[0][1] if units else 0
    for start, end in units:
        if state.open_quote is not None and ("\n" in text[previous_end:start] or state.open_quote[3] > 3):
            state.open_quote = None  # a quotation does not run across paragraphs
        previous_end = end
        toks = tokenize(text, start, end)
        mark_names(toks, spans)
        state.cursor = start
        if toks:
            _unit(state, toks, start, end, spans)
    return state.out


def _unit(state: ReadingState, toks: list[Token], ustart: int, uend: int, entity_spans: list[tuple[int, int]]) -> None:
    text = state.article.text
    unit_out: list[tuple[int, Statement, int]] = []  # (cue token index, statement, content end token index)
    first_cue_tok = 0
    # A quotation left open by an earlier unit continues here.
    if state.open_quote is not None:
        said, close, stance, count = state.open_quote
        if close == '"' and sum(t.raw == '"' for t in toks) % 2 == 0:
            state.open_quote = None
            return _unit(state, toks, ustart, uend, entity_spans)
        k = next((i for i, t in enumerate(toks) if t.raw == close or (close == "”" and t.raw == '"')), None)
        cstart = toks[1].start if toks[0].raw in OPEN_QUOTES and len(toks) > 1 else toks[0].start
        cend = toks[k].start if k is not None else uend
        content = trim_span(state, cstart, cend)
        if content is not None:
            st = Statement(said.speaker, said.type, span_of(state, cstart, cstart), stance, content, said.via,
                           sentence_index(state, ustart), anonymous_count(said.speaker.text) if said.type == "anonymous" else None,
                           True, said.refers_to)
            unit_out.append((-1, st, k if k is not None else len(toks)))
        state.open_quote = None if k is not None else (said, close, stance, count + 1)
        first_cue_tok = (k + 1) if k is not None else len(toks)
    remember_outlets(state, toks)
    state.stops = boundary_stops(toks)
    i = first_cue_tok
    while i < len(toks):
        tok = toks[i]
        if tok.punct:
            i += 1
            continue
        made = statement_at_no_comment(state, toks, i, unit_out) or statement_at_first_report(state, toks, i, unit_out) \
            or statement_at_phrase(state, toks, i, unit_out, entity_spans) or statement_at_briefed(state, toks, i, unit_out) \
            or statement_at_verb(state, toks, i, unit_out, entity_spans)
        if not made and tok.cue is None:
            mention_at_speech_act(state, toks, i, unit_out)
        i = made if made else i + 1
    if state.translation is not None:
        narrated = narration_statement(state, toks, ustart, uend) if not unit_out \
            else _narrated_consequence(state, toks, ustart, uend, unit_out)
        if narrated is not None:
            unit_out.append((-1, narrated, len(toks)))
    unit_out.sort(key=lambda x: (x[1].cue.start, x[0]))
    state.out.extend(st for _, st, _ in unit_out)


def _narrated_consequence(state: ReadingState, toks: list[Token], ustart: int, uend: int,
                          unit_out: list[tuple[int, Statement, int]]) -> Statement | None:
    """In a translated unit, a consequence clause no statement holds ("…، مما أثار مخاوف
    أمنية في واشنطن") is the original outlet's narration."""
    k = next((k for k in range(len(toks)) if consequence_at(toks, k)
              and not any(st.content.start <= toks[k].start < st.content.end for _, st, _ in unit_out)), None)
    if k is None:
        return None
    cend, _ = content_end(toks, k, False, state.stops)
    return narration_statement(state, toks, ustart, toks[cend - 1].end if cend < len(toks) else uend, toks[k].start)
