"""Agreement: whether a verb with no written subject can continue a given speaker.

Arabic verbs agree with a pronoun subject in gender and number, so "وأضافت" cannot
continue "وقال المتحدث", "تحدثا" (dual) cannot continue one spokesman, and "وكان قد
وصف" cannot continue "وقالت الصحيفة". A speaker's features come from the verb that
introduced it when the verb stands before it ("قالت الصحيفة": feminine), else from its
head noun ("الصحيفة" feminine, "التقرير" masculine) and its count ("شخصان": dual).
Unknown features (a bare name, "مصادر") agree with anything.

>>> from riwaya.attribution.cues import lookup_word
>>> fem, plural = speaker_features("المتحدث باسم الكرملين", "official", lookup_word("وقال"), verb_first=True)
>>> agrees(lookup_word("وأضافت"), fem, plural), agrees(lookup_word("تحدثا"), fem, plural), agrees(lookup_word("وأضاف"), fem, plural)
(False, False, True)
>>> agrees(lookup_word("وصف"), *speaker_features("الصحيفة", "outlet", None, verb_first=False))
False
"""

from __future__ import annotations

from riwaya.attribution.cues import Cue, fold, lookup_word
from riwaya.attribution.reading import Said
from riwaya.attribution.speakers import anonymous_count
from riwaya.attribution.wordclasses import DEMONSTRATIVES
from riwaya.model import Statement

__all__ = ["agrees", "said_of", "speaker_features", "statement_features"]


def speaker_features(speaker: str, stype: str, cue: Cue | None, *, verb_first: bool) -> tuple[bool | None, bool | None]:
    """(feminine, plural) of a speaker phrase, None where unknown; ``cue`` is the verb
    that introduced it and ``verb_first`` whether it stands before the speaker."""
    words = fold(speaker).split()
    if len(words) > 1 and words[0] in DEMONSTRATIVES:
        words = words[1:]
    if not words:
        return None, None
    head = words[0]
    count = anonymous_count(speaker)
    plural: bool | None
    if count is not None:
        plural = count > 1
    elif stype in {"person", "official"}:
        if len(head) > 3 and head.endswith(("ون", "و")):
            plural = True  # "مسؤولو الاتحاد", "المسؤولون": a sound masculine plural
        elif len(head) > 3 and head.endswith(("ين", "ات")) or any(
                w[:1] == "و" and len(w) > 3 and w not in {"وزير", "وزيره", "وكيل", "والي"} for w in words[1:]):
            plural = None  # "المسؤولين" or "حسين"; "ماسك وبوتين": coordinated individuals
        else:
            plural = False
    elif stype in {"outlet", "document"}:
        plural = False
    else:
        plural = None
    if plural:
        return None, True
    if verb_first and cue is not None and not cue.plural:
        return cue.feminine, plural
    if stype in {"outlet", "document"}:
        return head.endswith("ه"), plural
    if stype == "organization" and head.endswith("ه"):
        return True, plural
    return None, plural


def statement_features(st: Statement) -> tuple[bool | None, bool | None]:
    """:func:`speaker_features` of a statement's speaker, from its own cue."""
    cue = lookup_word(st.cue.text.split()[-1]) if st.cue.text else None
    # "ونقلت وكالة X عن مسؤول": the verb agrees with the relay, not with the speaker
    relayed = any(link.span is not None and st.cue.end <= link.span.start < st.speaker.start for link in st.via)
    verb_first = not st.resolved_from_context and st.cue.end <= st.speaker.start and cue is not None \
        and cue.kind == "verb" and cue.lemma != "نقل" and not relayed
    return speaker_features(st.speaker.text, st.speaker_type, cue, verb_first=verb_first)


def agrees(cue: Cue, feminine: bool | None, plural: bool | None) -> bool:
    """Whether the verb or participle ``cue`` can have a speaker with these features as
    its pronoun subject."""
    if cue.plural:
        return plural is not False
    if plural:
        return True  # "وأضافت المصادر": a plural of things takes a feminine singular verb
    return feminine is None or cue.feminine == feminine


def said_of(st: Statement) -> Said:
    """What a continuation needs from ``st``, its speaker's features included."""
    feminine, plural = statement_features(st)
    return Said(st.speaker, st.speaker_type, st.via, st.speaker_refers_to, feminine, plural)
