"""The no-comment formula: "ولم يعلق ماسك على القصة"، "لم يرد ماسك على طلبات المجلة
للتعليق"، "رفض المتحدث التعليق"، "امتنع الوزير عن التعليق".

The silent party says nothing: the statement is the *outlet's* report of the silence
(seeds.json S12), stance ``other`` (guideline §7) — the outlet whose requests went
unanswered when the sentence names it, else the outlet the article credits in its text.
Inside another statement ("وقالت الصحيفة إن ماسك لم يستجب …") that statement says it
already. Either way the silent party is the subject a following "لكنه قال …" continues.

>>> from riwaya.model import Article
>>> from riwaya.attribution.statements import find_statements
>>> t = ("أفادت صحيفة وول ستريت جورنال أن ماسك تواصل مع بوتين. لم يرد ماسك على طلبات المجلة للتعليق."
...      " ولم يعلق ماسك على القصة، لكنه قال في الماضي إنه “من السخيف” أن يتم تصنيفه على أنه مدافع عن روسيا.")
>>> [(s.speaker.text, s.speaker_refers_to, s.cue.text, s.stance) for s in find_statements(Article(id="a", content_hash="a", source="t", text=t))][1:]
[('المجلة', 'صحيفة وول ستريت جورنال', 'لم يرد', 'other'), ('ماسك', None, 'قال', 'deny')]
"""

from __future__ import annotations

from riwaya.arabic.normalize import matching_words
from riwaya.attribution.agreement import speaker_features
from riwaya.attribution.content import content_end, trim_span
from riwaya.attribution.cues import Cue
from riwaya.attribution.noun_phrases import noun_phrase_end, speaker_before, strip_quotes
from riwaya.attribution.outlet_references import described_outlet, referent
from riwaya.attribution.reading import ReadingState, Said, sentence_index, span_of
from riwaya.attribution.speakers import OUTLET_DESCRIPTIONS, speaker_type
from riwaya.attribution.tokens import Token
from riwaya.attribution.via import via_for
from riwaya.model import Span, Statement

__all__ = ["statement_at_no_comment"]

_NEGATION = matching_words("لم ولم فلم")
# "لم يعلق" (did not comment) needs على after the subject; "لم يرد / لم يستجب" (did not
# respond) also a request or comment word, since "لم يرد اسمه" is "was not mentioned"
_COMMENT_VERBS = matching_words("يعلق تعلق يعلقوا")
_RESPOND_VERBS = matching_words("يرد ترد يردوا يستجب تستجب يستجيبوا")
_DECLINE_VERBS = matching_words("رفض رفضت رفضوا ورفض ورفضت امتنع امتنعت امتنعوا وامتنع وامتنعت")
_REQUEST_WORDS = matching_words(
    "التعليق تعليق للتعليق بالتعليق طلب طلبات لطلب لطلبات الطلب الطلبات أسئلة الأسئلة لأسئلة استفسارات "
    "الاستفسارات اتصالات الاتصالات لاتصالات رسائل الرسائل")
_OBJECT_PREPS = matching_words("على علي")


def _object_start(tok: Token) -> bool:
    return tok.f in _OBJECT_PREPS or tok.f in _REQUEST_WORDS or tok.f[:1] == "ل" and tok.f[1:] in _REQUEST_WORDS


def statement_at_no_comment(state: ReadingState, toks: list[Token], i: int,
                            unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """A no-comment statement whose cue starts at token ``i``, or None; returns the index
    to read on from."""
    f = toks[i].f
    if f in _NEGATION and i + 1 < len(toks) and toks[i + 1].f in _COMMENT_VERBS | _RESPOND_VERBS:
        verb = i + 1
        declined = False
    elif f in _DECLINE_VERBS:
        verb = i
        declined = True
    else:
        return None
    j = verb + 1
    end = min(noun_phrase_end(toks, j, max_words=6), next(
        (m for m in range(j, min(len(toks), j + 7)) if _object_start(toks[m]) or toks[m].f == "عن"), len(toks)))
    if end > j:
        subject = strip_quotes(state, span_of(state, toks[j].start, toks[end - 1].end))
    else:
        # "إن ماسك لم يستجب لطلبات التعليق": the subject before the negation
        before = speaker_before(toks, i) if not declined else None
        if before is None:
            return None
        subject = strip_quotes(state, span_of(state, toks[before].start, toks[i - 1].end))
        end = j
    if end >= len(toks):
        return None
    k = end
    if declined:
        if toks[k].f == "عن":
            k += 1
        if k >= len(toks) or toks[k].f not in {"التعليق", "تعليق"}:
            return None
    else:
        obj = toks[k]
        if not _object_start(obj):
            return None
        if toks[verb].f in _RESPOND_VERBS and not any(t.f in _REQUEST_WORDS for t in toks[k:k + 5]):
            return None
        if obj.f in _OBJECT_PREPS:
            k += 1
    if k >= len(toks) or toks[k].punct:
        return None
    cend, _ = content_end(toks, k, False, state.stops)
    content = trim_span(state, toks[k].start, toks[cend - 1].end)
    if content is None:
        return None
    # the subject is who a following "لكنه قال …" continues, though it says nothing here
    stype = speaker_type(subject.text, state.article.text)
    feminine, plural = speaker_features(subject.text, stype, _verb_cue(toks[verb].f),
                                        verb_first=subject.start > toks[verb].start)
    said = Said(subject, stype, via_for(state, subject, stype, [], toks, i, unit_out), referent(state, subject.text),
                feminine, plural)
    state.mentions.append((toks[i].start, said))
    if any(o.content.start <= toks[i].start < o.content.end for _, o, _ in unit_out):
        return verb + 1  # "وقالت الصحيفة إن ماسك لم يستجب …": the paper's statement says it
    state.last = said
    reporter = _reporter(state, toks, k, cend)
    if reporter is None:
        return verb + 1
    speaker, refers, resolved = reporter
    rtype = speaker_type(refers or speaker.text) if refers else "outlet"
    via = via_for(state, speaker, rtype, [], toks, i, unit_out)
    # what the outlet reports is the whole clause: who kept silent, on what
    content = trim_span(state, min(toks[i].start, subject.start), content.end) or content
    st = Statement(speaker, rtype, span_of(state, toks[i].start, toks[verb].end), "other", content, via,
                   sentence_index(state, toks[i].start), None, resolved, refers)
    unit_out.append((i, st, cend))
    return verb + 1


def _verb_cue(f: str) -> Cue:
    # the features of the negated verb: "تعلق" / "ترد" agree with a feminine subject
    return Cue("", "verb", "other", feminine=f[:1] == "ت", plural=f.endswith("وا"))


def _reporter(state: ReadingState, toks: list[Token], k: int, end: int) -> tuple[Span, str | None, bool] | None:
    """Who reports the silence: the outlet whose requests went unanswered ("طلبات المجلة
    للتعليق": the journal named before), else the outlet the article credits for its
    reporting (a credit written in the text); (span, what it refers to, whether the span
    lies outside this sentence)."""
    for t in toks[k:end]:
        if t.punct:
            continue
        bare = t.f[1:] if t.f.startswith("لل") else t.f
        bare = "ال" + bare[1:] if t.f.startswith("لل") else bare
        if bare in OUTLET_DESCRIPTIONS:
            refers = described_outlet(state, bare)
            if refers is not None:
                start = t.start + (1 if t.f.startswith("لل") else 0)
                return span_of(state, start, t.end), refers, False
    for start, link in reversed(state.credits):
        if start <= state.cursor and link.span is not None:
            return link.span, link.refers_to, True
    return None
