"""Statements cued by a verb, a participle or a passive (قال، مضيفاً، جاء في): the
speaker after the cue, before it or carried over from context, a relay (نقلت X عن Y),
the content and its stance.
"""

from __future__ import annotations

from riwaya.attribution.agreement import agrees, said_of, speaker_features
from riwaya.attribution.content import (
    after_denial_manner, before_denial_manner, boundary_stops, consequence_at, content_end, content_marker, governs_ba, trim_span)
from riwaya.attribution.cues import Cue, fold, has_object_pronoun, lookup_folded
from riwaya.attribution.noun_phrases import (
    demonstrative_speaker, extend_to_entity, has_head, is_short_quote, looks_like_object, noun_phrase_end, report_object,
    skip_addressee, speaker_before, speaker_quote_start, strip_quotes)
from riwaya.attribution.outlet_references import referent
from riwaya.attribution.reading import ReadingState, Said, sentence_index, span_of
from riwaya.attribution.source_phrases import source_phrase_head
from riwaya.attribution.speakers import anonymous_count, speaker_type
from riwaya.attribution.stance import opens_with_categorical_negation, with_stance
from riwaya.attribution.tokens import CLOSE_QUOTES, OPEN_QUOTES, Token
from riwaya.attribution.via import addressee_link, via_for
from riwaya.attribution.wordclasses import (
    CLAIM_NOUNS, CLAUSE_OPENERS, COMP_BARE, COMP_PRONOUN, CONTRAST, FACT_OBJECTS, JUDGING_LEMMAS, NP_OBJECT_LEMMAS,
    KANA_FORMS, NEVER_SPEAKERS, OBJECT_QUANTIFIERS, PRONOUN_SUBJECT_OPENERS, RELATIVES,
    SPEAKER_STOP, TIME)
from riwaya.model import Link, Span, Statement


def statement_at_verb(state: ReadingState, toks: list[Token], i: int, unit_out: list[tuple[int, Statement, int]],
                      entity_spans: list[tuple[int, int]]) -> int | None:
    tok = toks[i]
    cue = tok.cue
    if cue is None or tok.start in state.consumed or source_phrase_head(toks, i) is not None:
        return None
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and (prev.f in {"بن", "ابن", "ابو", "بنت", "تم", "ال", "ما"} or COMP_PRONOUN.match(prev.f)):
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return None
    if cue.lemma == "ذكر" and tok.f in {"يذكر", "ويذكر", "ذكر", "وذكر"} and (nxt.f in COMP_BARE or COMP_PRONOUN.match(nxt.f)):
        return None  # "يُذكر أن", "يُذكر أنه": the narrator's formula
    if cue.passive:
        return _passive_at(state, toks, i, cue, unit_out)
    if cue.lemma == "بين" and i + 2 < len(toks) and toks[i + 2].f[:1] == "و" and not toks[i + 2].punct \
            and not toks[i + 1].punct:
        return None  # "بين ماسك وبوتين": the preposition "between X and Y"
    stops = state.stops
    resolved = False
    explicit = False
    inner: list[Link] = []
    speaker: Span | None = None
    stype = "person"
    refers: str | None = None
    said_via: tuple[Link, ...] | None = None
    prev_clause_initial = prev is None or (prev.punct and prev.raw not in CLOSE_QUOTES) or prev.f in CLAUSE_OPENERS
    j = i + 1
    garbled = _quoted_cue(toks, i)
    if garbled:
        # '"وأضاف" تحدثا (...) عن تكنولوجيا المستقبل.': a cue word set in quotation marks of
        # its own at the head of a sentence (scraping debris) is the cue, and the rest the speech
        prev_clause_initial = True
        j = i + 2
    if cue.kind == "participle":
        outer = [st for _, st, _ in unit_out if not any(o.content.start <= st.cue.start < o.content.end for _, o, _ in unit_out if o is not st)]
        src = outer[-1] if outer else None
        if src is not None and not src.resolved_from_context:
            speaker, stype, refers, said_via = src.speaker, src.speaker_type, src.speaker_refers_to, src.via
        elif state.last is not None:
            speaker, stype, refers, said_via = state.last.speaker, state.last.type, state.last.refers_to, state.last.via
            resolved = src is None or src.resolved_from_context
        else:
            return None
        p = j
    else:
        j = skip_addressee(toks, j)
        nxt = toks[j] if j < len(toks) else nxt
        quoted_name = j < len(toks) and cue.lemma == "نقل" and nxt.raw in OPEN_QUOTES and is_short_quote(toks, j)
        explicit = j < len(toks) and (not nxt.punct or quoted_name) and (nxt.f not in SPEAKER_STOP or nxt.name or demonstrative_speaker(toks, j)) and not COMP_PRONOUN.match(nxt.f) \
            and nxt.f not in {"عنه", "عنها", "عنهم", "فيه", "فيها", "له", "لها", "لهم"} and not (nxt.f.startswith("ل") and nxt.raw.startswith("لـ"))
        if explicit and (garbled or cue.lemma == "نقل" and nxt.f == "عن"):
            explicit = False
        if explicit and nxt.f in NEVER_SPEAKERS:
            explicit = False  # "وكان قد وصف الانتقادات بأنها سخيفة": the object, the subject unwritten
        if explicit and (nxt.f.startswith("بال") or nxt.raw.startswith("بـ")
                         or governs_ba(cue) and (nxt.f == "بما" or looks_like_object(toks, j))):
            explicit = False  # "وأشادوا بالإنجاز الكبير", "أشاد بدور …": the object, the subject unwritten
        if explicit and prev is not None and prev.f in PRONOUN_SUBJECT_OPENERS:
            explicit = False  # "لكنه نفى أي مكالمات": the pronoun is the subject
        if explicit and not prev_clause_initial and cue.lemma in NP_OBJECT_LEMMAS and cue.lemma != "نقل":
            svo = speaker_before(toks, i)
            if svo is not None and svo > 0 and toks[svo - 1].f in COMP_BARE:
                explicit = False  # "غير أن ماسك نفى ادعاء بريمر": subject first, the object after
        same_unit = [st for _, st, _ in unit_out if not st.resolved_from_context or st.cue.text]
        if explicit and same_unit and tok.f[:1] == "و" and speaker_type(nxt.raw) == "person" \
                and not has_head(nxt.f) and not speaker_quote_start(toks, j) \
                and not (j + 1 < len(toks) and (toks[j + 1].f in COMP_BARE or COMP_PRONOUN.match(toks[j + 1].f))):
            # "ونفت موسكو …، واتهمت العسكريين": the same subject goes on ("وزعم ماسك أنه …": a new one)
            explicit = False
            prev_clause_initial = True
        if explicit and cue.lemma == "نقل":
            an = next((m for m in range(j + 1, min(len(toks), j + 10)) if toks[m].f in {"عن", "عنه", "عنها", "عنهم"}), None)
            if an is None or any(t.punct and t.raw not in OPEN_QUOTES and t.raw not in CLOSE_QUOTES for t in toks[j:an]):
                return None
            speaker = strip_quotes(state, span_of(state, toks[j].start, toks[an - 1].end))
            stype = speaker_type(speaker.text, state.article.text)
            refers = referent(state, speaker.text)
            p = an
        elif explicit and cue.lemma == "علم":
            # "وعلمت «الوطن» من مصادر مطلعة أن …": the source after من speaks
            mn = next((m for m in range(j, min(len(toks), j + 5)) if toks[m].f == "من"), None)
            if mn is None or mn + 1 >= len(toks):
                return None
            end = noun_phrase_end(toks, mn + 1)
            if end <= mn + 1:
                return None
            speaker = span_of(state, toks[mn + 1].start, toks[end - 1].end)
            stype = speaker_type(speaker.text, state.article.text)
            p = end
        elif explicit:
            end = noun_phrase_end(toks, j, object_verb=cue.lemma in NP_OBJECT_LEMMAS)
            end = extend_to_entity(toks, j, end, entity_spans)
            if end <= j:
                return None
            speaker = strip_quotes(state, span_of(state, toks[j].start, toks[end - 1].end))
            stype = speaker_type(speaker.text, state.article.text)
            refers = referent(state, speaker.text)
            p = end
        else:
            # "… "سخيفة" وقال إن …": a subject never stands before a و-prefixed verb
            conj = tok.f[:1] in "وف" and lookup_folded(tok.f[1:]) is not None
            before = None if prev_clause_initial or conj else speaker_before(toks, i)
            if before is None and not prev_clause_initial and not conj:
                before = _subject_after_complementizer(state, toks, i)
            report = report_object(toks, i) if before is None and tok.f[:1] in "يت" else None
            if report is not None:
                # "نفى الكرملين تقريراً لصحيفة …، الجمعة، يفيد بأن …": the report says it
                speaker = span_of(state, toks[report[0]].start, toks[report[1] - 1].end)
                stype = speaker_type(speaker.text, state.article.text)
                refers = referent(state, speaker.text)
            elif before is not None:
                speaker = strip_quotes(state, span_of(state, toks[before].start, toks[i - 1 if toks[i - 1].f not in RELATIVES else i - 2].end))
                if toks[i - 1].f in {"قد", "وقد"}:
                    speaker = strip_quotes(state, span_of(state, toks[before].start, toks[i - 2].end))
                stype = speaker_type(speaker.text, state.article.text)
                refers = referent(state, speaker.text)
            elif (same_unit or any(off >= state.cursor for off, _ in state.mentions)) and (prev_clause_initial or tok.f[:1] == "و"):
                # the nearest subject of this unit the verb agrees with ("وقالت الصحيفة إن ماسك لم
                # يستجب …، وكان قد وصف …": Musk, not the paper)
                found = _unit_antecedent(state, cue, same_unit, tok.start)
                if found is None:
                    return None
                said, resolved = found
                speaker, stype, refers, said_via = said.speaker, said.type, said.refers_to, said.via
            elif state.last is not None and (prev_clause_initial or cue.lemma == "نقل") \
                    and (cue.lemma == "نقل" or agrees(cue, state.last.feminine, state.last.plural)):
                speaker, stype, refers, said_via = state.last.speaker, state.last.type, state.last.refers_to, state.last.via
                resolved = True
            else:
                return None
            p = j
        # "نقلت X عن Y قوله", "نسبت X إلى Y": Y speaks, X relays
        if cue.lemma == "نقل":
            if p < len(toks) and toks[p].f in {"عنه", "عنها", "عنهم", "عنهما"} and state.last is not None:
                inner = [Link(speaker.text, speaker, refers, "relay")] if not resolved else []
                speaker, stype, refers = state.last.speaker, state.last.type, state.last.refers_to
                said_via, resolved = state.last.via, True
                p += 1
            elif p < len(toks) and toks[p].f == "عن" and p + 1 < len(toks):
                y_end = noun_phrase_end(toks, p + 1)
                if y_end <= p + 1:
                    return None
                relay = speaker
                inner = [Link(relay.text, relay, refers, "relay")] if not resolved else []
                if resolved and said_via is not None:
                    inner = []
                speaker = strip_quotes(state, span_of(state, toks[p + 1].start, toks[y_end - 1].end))
                stype = speaker_type(speaker.text, state.article.text)
                refers = referent(state, speaker.text)
                resolved, said_via = False, None
                p = y_end
            else:
                return None
        else:
            # "ذكرت الصحيفة - نقلاً عن شخصين مطلعين - أن …"
            q = p
            while q < len(toks) and toks[q].punct and toks[q].raw in {"-", "–", "—", "،", ",", "("}:
                q += 1
            if q < len(toks):
                head = source_phrase_head(toks, q)
                if head is not None and head[1] in {"an", "lisan"}:
                    y = head[0]
                    y_end = noun_phrase_end(toks, y)
                    if y_end > y:
                        state.consumed.add(toks[q].start)
                        if not resolved:
                            inner = [Link(speaker.text, speaker, refers, "relay")]
                        else:
                            inner = [Link(speaker.text, speaker, refers, "relay")]
                        speaker = strip_quotes(state, span_of(state, toks[y].start, toks[y_end - 1].end))
                        stype = speaker_type(speaker.text, state.article.text)
                        refers = referent(state, speaker.text)
                        resolved, said_via = False, None
                        p = y_end
    # addressee: "في تصريح لصحيفة …", "لوكالة …"
    addressee = addressee_link(state, toks, p)
    if addressee is not None:
        inner = inner + [addressee]
    limit = min([s for s in stops if s >= p] + [len(toks)])
    marker = content_marker(toks, p, cue, limit) if not garbled else (p, "colon")
    if cue.lemma in JUDGING_LEMMAS and has_object_pronoun(tok.f) and p < len(toks) and not toks[p].punct \
            and toks[p].f not in COMP_BARE and not COMP_PRONOUN.match(toks[p].f):
        # "واعتبرها سخيفة", "ووصفه بالمتخصص في الفشل": the judgement on the pronoun object,
        # up to the clause's end
        marker = (p, "predicate")
    if marker is None:
        fact = next((m for m in range(p, min(limit, p + 8)) if toks[m].f in FACT_OBJECTS), None) \
            if cue.lemma == "أكد" and cue.kind != "participle" and speaker is not None and not resolved else None
        if fact is not None and fact > p and not any(t.punct for t in toks[p:fact]):
            # "أكد عدد من المسؤولين … في الولايات المتحدة وأوروبا وروسيا وجود اتصالات": the
            # affiliation runs on to the reported fact
            speaker = span_of(state, speaker.start, toks[fact - 1].end)
            p = fact
        if cue.needs in {"clause", "clause_or_an", "prep:عن", "prep:من"} or cue.lemma not in NP_OBJECT_LEMMAS \
                or (cue.kind != "participle" and cue.lemma in {"ذكر", "أكد", "أشار", "كشف"}
                    and not (cue.lemma == "أكد" and p < len(toks) and toks[p].f in FACT_OBJECTS)):
            return None  # "أكد وجود اتصالات …" reports a fact; other NP objects are not speech
        k = p
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ","} or toks[k].f in TIME):
            k += 1
        if k >= len(toks) or toks[k].punct:
            return None
        marker = (k, "np")
    how = marker[1]
    if cue.lemma in {"طالب", "ناشد", "دعا", "حث", "أوصى"} and how in {"prep", "np"} and cue.kind != "participle":
        k = p
        while k < len(toks) and (toks[k].punct and toks[k].raw in {"،", ","} or toks[k].f in TIME):
            k += 1
        if k < marker[0] and k < len(toks):
            marker = (k, "np")
        elif how == "np" and not any(t.f.startswith("ب") or t.f in {"الي", "الى"} for t in toks[k:limit]):
            return None
        else:
            marker = (marker[0], "prep")
    cstart, how = marker
    if how == "np" and cue.stance == "deny":
        cstart = after_denial_manner(toks, cstart)
    if cue.lemma == "أشار" and cue.needs == "clause" and how not in {"clause", "colon", "quote"}:
        return None  # "قد تشير إلى إعادة الارتباط": indicates, no speech
    if cue.lemma in {"اعتبر", "عد"} and cue.kind == "verb" and tok.f.lstrip("و")[:1] in "يت" and not explicit \
            and how not in {"clause", "colon", "quote"}:
        return None  # "ماسك يُعتبر شخصية أساسية": the passive "is considered", no speech
    if cue.lemma == "كتب" and how not in {"clause", "colon"}:
        return None  # "كتب الأستاذ … "مؤلف المسرحية …" بعموده": a title, not speech
    if cue.needs == "claim" and (how != "np" or not _opens_claim(toks, cstart)):
        return None

    if cue.lemma == "علم" and (how != "clause" or not inner and speaker is None):
        return None
    if cstart >= len(toks):
        return None
    cend, left_open = content_end(toks, cstart, how == "quote", stops)
    if how == "predicate":
        cend = next((m for m in range(cstart, cend) if toks[m].punct and toks[m].raw not in OPEN_QUOTES and toks[m].raw not in CLOSE_QUOTES), cend)
    elif how in {"np", "prep"}:
        # "أكد عدد من المسؤولين … وجود اتصالات منتظمة …، مما أثار مخاوف أمنية في واشنطن": the
        # speakers confirm a fact; the consequence drawn from it is the narrator's
        cend = next((m for m in range(cstart + 1, cend) if consequence_at(toks, m)), cend)
        if cue.stance == "deny":
            cend = before_denial_manner(toks, cstart, cend)
    if cend <= cstart:
        return None
    content = trim_span(state, toks[cstart].start, toks[cend - 1].end)
    if content is None or speaker is None:
        return None
    if (resolved or cue.kind == "participle") and any(
            st.content.start <= tok.start < st.content.end and st.content.start > 0
            and state.article.text[st.content.start - 1] in "«“\"" for _, st, _ in unit_out):
        return None  # a zero-subject verb inside a quotation is the quoted speaker's own wording
    if said_via is not None and not inner:
        via = said_via
    else:
        via = via_for(state, speaker, stype, inner, toks, i, unit_out)
    stance = cue.stance
    prep_kind = None
    if cue.lemma == "حذر":
        before_c = toks[cstart - 1].f if cstart > 0 else ""
        prep_kind = "من-ان" if before_c in COMP_BARE or how in {"clause", "quote", "colon"} else None
    st = Statement(speaker, stype, span_of(state, tok.start, tok.end), stance, content, via,
                   sentence_index(state, tok.start), anonymous_count(speaker.text) if stype == "anonymous" else None,
                   resolved, refers)
    st = with_stance(st, after_prep=prep_kind)
    if st.stance == "assert" and stype in {"person", "official", "organization"} \
            and opens_with_categorical_negation(content.text) and (
            any(t.f in CONTRAST or t.f == "غير" for t in toks[max(0, i - 3):i])
            or any(o.speaker.text != speaker.text for _, o, _ in unit_out)):
        # "لكن ماسك كتب إنه لم يتم بيع أي محطات": a party's categorical negation answering
        # what another source said is a denial (guideline §7); an outlet reporting an
        # absence ("لكن الصحيفة ذكرت أنه لم يتم رفع أي إنذار") asserts
        st = Statement(st.speaker, st.speaker_type, st.cue, "deny", st.content, st.via, st.sentence_index,
                       st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)
    embedded = any(s.content.start <= tok.start < s.content.end for _, s, _ in unit_out)
    unit_out.append((i, st, cend))
    if not embedded and cue.kind != "participle":
        state.last = said_of(st)
    if left_open:
        state.open_quote = (said_of(st), OPEN_QUOTES.get(toks[cstart - 1].raw, "»"), st.stance, 1)
    return i + 1


def _quoted_cue(toks: list[Token], i: int) -> bool:
    """Whether the cue at ``i`` stands alone between two quotation marks at the start of
    its unit, words following ('"وأضاف" تحدثا …')."""
    return i == 1 and toks[0].raw in OPEN_QUOTES and i + 2 < len(toks) and toks[i + 1].raw in CLOSE_QUOTES \
        and not toks[i + 2].punct and toks[i].cue is not None and toks[i].cue.kind == "verb" and toks[i].f[:1] == "و"


def _unit_antecedent(state: ReadingState, cue: Cue, same_unit: list[Statement], before: int) -> tuple[Said, bool] | None:
    """The latest speaker or clause subject of the unit before offset ``before`` that
    ``cue`` agrees with, and whether it was itself resolved from context."""
    candidates = [(st.cue.start, said_of(st), st.resolved_from_context) for st in same_unit]
    candidates += [(off, said, False) for off, said in state.mentions if state.cursor <= off < before]
    for _, said, resolved in sorted(candidates, key=lambda c: -c[0]):
        if cue.lemma == "نقل" or agrees(cue, said.feminine, said.plural):  # "ونقلت عنه وكالة": the relay's verb
            return said, resolved
    return None


# performative speech acts (guideline §3.4: thanks, welcome, congratulation): no
# statement, but their subject is who a following "ووصفته بأنه …" goes on with
_SPEECH_ACTS = frozenset(fold(w) for w in (
    "رحب رحبت يرحب ترحب هنأ هنأت يهنئ تهنئ").split())


def mention_at_speech_act(state: ReadingState, toks: list[Token], i: int, unit_out: list[tuple[int, Statement, int]]) -> None:
    """"وهنأ أبو تريكة نادي الزمالك بفوزه وقال إن …": a congratulation is no statement,
    but its subject is remembered (a clause subject) for the zero-subject verb that follows."""
    tok = toks[i]
    word = tok.f[1:] if tok.f[:1] in "وف" and tok.f[1:] in _SPEECH_ACTS else tok.f
    if word not in _SPEECH_ACTS or i + 1 >= len(toks):
        return
    prev = toks[i - 1] if i > 0 else None
    if not (prev is None or prev.punct and prev.raw not in CLOSE_QUOTES or prev.f in CLAUSE_OPENERS):
        return
    j = i + 1
    if toks[j].punct or toks[j].f in SPEAKER_STOP or toks[j].f[:1] == "ب":
        return
    end = noun_phrase_end(toks, j, max_words=6)
    end = next((k for k in range(j + 1, end) if toks[k].f.startswith("بال") or toks[k].raw.startswith("بـ")
                or toks[k].f in {"به", "بها", "بهم", "بهما"}), end)
    if end <= j:
        return  # "بالرئيس التنفيذي": what is praised, after the subject
    subject = strip_quotes(state, span_of(state, toks[j].start, toks[end - 1].end))
    stype = speaker_type(subject.text, state.article.text)
    feminine, plural = speaker_features(subject.text, stype, Cue("", "verb", "assert", feminine=word[:1] == "ت" or word.endswith("ت")),
                                        verb_first=True)
    state.mentions.append((tok.start, Said(subject, stype, via_for(state, subject, stype, [], toks, i, unit_out),
                                           referent(state, subject.text), feminine, plural)))


def _subject_after_complementizer(state: ReadingState, toks: list[Token], i: int) -> int | None:
    """Start of a subject running from a complementizer to the verb at ``i`` ("ورد أن أحد
    الأشخاص المطلعين على المحادثات قال"), when it is a source's description (anonymous,
    official, organization, outlet, document): a noun phrase with a prepositional
    affiliation, which :func:`speaker_before` stops at."""
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if t.punct or t.cue is not None or t.f in RELATIVES or t.f in KANA_FORMS or t.f in _NO_SUBJECT_WORDS:
            return None  # "أن بعض المناطق التي كانت تعتبر", "أن الرئيس هو من كشف"
        if t.f in COMP_BARE:
            if k + 2 > i - 1 or toks[k + 1].f in SPEAKER_STOP:
                return None  # one word: speaker_before's to judge
            phrase = state.article.text[toks[k + 1].start:toks[i - 1].end]
            return k + 1 if speaker_type(phrase) in {"anonymous", "official", "organization", "outlet", "document"} else None
    return None


# "it was reported" (قيل, "it was said", is a rumour, no report)
_NO_SUBJECT_WORDS = frozenset({"هو", "هي", "هم", "هما", "ما", "مما", "من", "لم", "لا", "لن", "قد"})

_REPORTEDLY = frozenset({"ورد", "وورد", "افيد", "وافيد"})


def _reported_at(state: ReadingState, toks: list[Token], i: int, unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """"ورد أن …", "أُفيد بأن …" (it was reported that): a report the sentence
    does not name, i.e. the one the article is about (the news outlet it names most, as for
    "وفقًا لتقرير"); its speaker is the passive verb, standing for that outlet. A
    statement inside the clause ("ورد أن أحد المطلعين قال: …") reaches us through it.
    With no outlet named in the article the report is unknown: no statement."""
    refers = referent(state, "تقرير")
    if refers is None:
        return None
    cstart = i + 2
    if cstart >= len(toks):
        return None
    cend, _ = content_end(toks, cstart, False, state.stops)
    content = trim_span(state, toks[cstart].start, toks[cend - 1].end) if cend > cstart else None
    if content is None:
        return None
    cue_span = span_of(state, toks[i].start, toks[i].end)
    via = via_for(state, cue_span, "document", [], toks, i, unit_out)
    st = with_stance(Statement(cue_span, "document", cue_span, "assert", content, via,
                               sentence_index(state, toks[i].start), None, False, refers))
    unit_out.append((i, st, cend))
    return i + 1


def _passive_at(state: ReadingState, toks: list[Token], i: int, cue: Cue, unit_out: list[tuple[int, Statement, int]]) -> int | None:
    """"وجاء في التقرير أن …", "وورد في البيان: …": the document speaks."""
    if i + 2 < len(toks) and toks[i].f in _REPORTEDLY and toks[i + 1].f in COMP_BARE:
        return _reported_at(state, toks, i, unit_out)
    if i + 2 >= len(toks) or toks[i + 1].f != "في":
        return None
    j = i + 2
    end = noun_phrase_end(toks, j, max_words=6)
    if end <= j:
        return None
    speaker = span_of(state, toks[j].start, toks[end - 1].end)
    stype = speaker_type(speaker.text, state.article.text)
    if stype not in {"document", "outlet"}:
        return None
    p = end
    q = p
    inner: list[Link] = []
    while q < len(toks) and toks[q].punct and toks[q].raw in {"-", "–", "—", "،", ","}:
        q += 1
    head = source_phrase_head(toks, q) if q < len(toks) else None
    refers = referent(state, speaker.text)
    if head is not None and head[1] == "an":
        y_end = noun_phrase_end(toks, head[0])
        if y_end > head[0]:
            inner = [Link(speaker.text, speaker, refers, "relay")]
            speaker = span_of(state, toks[head[0]].start, toks[y_end - 1].end)
            stype = speaker_type(speaker.text, state.article.text)
            refers = None
            p = y_end
    marker = content_marker(toks, p, cue, len(toks))
    if marker is None or marker[0] >= len(toks):
        return None
    cend, left_open = content_end(toks, marker[0], marker[1] == "quote", boundary_stops(toks))
    content = trim_span(state, toks[marker[0]].start, toks[cend - 1].end) if cend > marker[0] else None
    if content is None:
        return None
    via = via_for(state, speaker, stype, inner, toks, i, unit_out)
    st = with_stance(Statement(speaker, stype, span_of(state, toks[i].start, toks[i].end), "assert", content, via,
                               sentence_index(state, toks[i].start),
                               anonymous_count(speaker.text) if stype == "anonymous" else None, False, refers))
    unit_out.append((i, st, cend))
    state.last = said_of(st)
    return i + 1


def _opens_claim(toks: list[Token], k: int) -> bool:
    """Whether the object at ``k`` names a claim (رفض's denial needs one): a claim noun, after a
    quantifier too ("رفض الشرقي بعض الانتقادات")."""
    if k < len(toks) and toks[k].f in OBJECT_QUANTIFIERS:
        k += 1
    return k < len(toks) and toks[k].f in CLAIM_NOUNS
