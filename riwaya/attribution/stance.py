"""Stance beyond the cue's own: a denial written in the content, a declined comment,
a restriction to one contact, a categorical negation.
"""

from __future__ import annotations

import re

from riwaya.attribution.cues import fold
from riwaya.model import Statement


_DENY_MARKERS = re.compile(
    r"غير صحيح|عار[يه]? (?:تماما )?عن الصحه|عاري[هة]? عن الصحه|لا اساس ل|لا صحه|كاذب|مفبرك|شائعات|شايعات|اشاعات|"
    r"مجرد ادعاءات|لا يمت لل?حقيقه|غير دقيق|سخيف|(?<!\S)هراء"
)


#: contacts limited to one, in folded text ("كان له اتصال واحد"، "عقدا لقاءً واحدا"، "أجريا مكالمة
#: هاتفية واحدة"، "تحدثا مرة واحدة فقط"، "الاتصال الوحيد الذي أجراه"): the answer to a report of
#: many is a denial of it (here), and one version against another's more (riwaya.reconstruct).
#: "Once" counts a contact only with "فقط": "مرة واحدة" alone is as often a one-time act ("لمرة
#: واحدة"، "في جلسة واحدة"); "once in a generation" ("لقاء واحد في العمر") is praise, no count
SINGLE_CONTACT = (r"(?<!\S)(?:مكالمه|اتصالا?|لقاء|اجتماعا?|محادثه)(?: \S+)? واحد[اه]?(?!\w)"
                  r"(?! (?:في|كل) (?:ال)?(?:جيل|عمر|قرن|حياه|عام|سنه|تاريخ)(?!\w))"
                  r"|(?<!\S)مره واحده فقط(?!\w)|(?<!\S)(?:الاتصال|اللقاء|المكالمه|الاجتماع|المحادثه) الوحيده?(?!\w)")
_SINGLE_CONTACT = re.compile(SINGLE_CONTACT)
#: a negation a few words before a restriction makes it emphatic: "دون أن تعقد اجتماعا واحدا"
#: (without a single meeting), "ليس … فقط" (not only)
NEGATED_BEFORE = re.compile(r"(?:^|\s)و?(?:ليس|ليست|لا|لم|لن|دون|بدون)(?!\S)(?:\s+\S+){0,5}\s*$")


def limits_contacts_to_one(folded: str) -> bool:
    """Whether the folded text limits contacts to one, unnegated.

    >>> limits_contacts_to_one(fold("كان له اتصال واحد، عبر الهاتف"))
    True
    >>> limits_contacts_to_one(fold("دون أن تعقد اجتماعا واحدا")), limits_contacts_to_one(fold("يكلف لمرة واحدة"))
    (False, False)
    """
    return any(not NEGATED_BEFORE.search(folded[:m.start()]) for m in _SINGLE_CONTACT.finditer(folded))


# "did not respond to requests for comment", "declined to comment": reports no claim
_NO_COMMENT = re.compile(r"(?:^|\s)و?لم (?:يستجب|تستجب|يرد|ترد|يعلق|تعلق)(?!\S)|(?:رفض|امتنع|رفضت|امتنعت) (?:عن )?التعليق")

# an expression of attitude ("أعرب عن أمله/سعادته/بالغ قلقه"، "عبرت عن استيائها"): a
# feeling noun carrying its owner's pronoun opens the content; like a hope, it reports an
# attitude, no claim (guideline §7)
_ATTITUDE_NOUNS = (
    "أمل تمني تمنيات أمنيت سعادت قلق مخاوف ارتياح استياء استيائ أسف تقدير امتنان شكر فرح حزن غضب انزعاج استغراب دهشت "
    "تفاؤل تشاؤم خيبت فخر اعتزاز ترحيب تعاطف تضامن إدانت استنكار سخط")
_ATTITUDE = re.compile(
    r"^(?:(?:بالغ|عميق|شديد|خالص|كامل) )?(?:" + "|".join(fold(w) for w in _ATTITUDE_NOUNS.split())
    + r")(?:ه|ها|هم|هما|نا)(?!\S)")

#: a categorical negation, in folded text: a negator and "أي" a few words on ("لم يتم بيع أي محطات")
CATEGORICAL_NEGATION = r"(?:^|\s)(?:لم|لن|ليس|ليست|لا)\s(?:\S+\s){0,3}اي(?!\S)"
_CATEGORICAL_NEGATION = re.compile(CATEGORICAL_NEGATION)


def with_stance(st: Statement, *, after_prep: str | None = None) -> Statement:
    stance = st.stance
    if stance == "other" and after_prep == "من-ان":
        stance = "assert"
    folded = fold(st.content.text)
    if stance == "assert" and _NO_COMMENT.search(" ".join(folded.split()[:5])):
        stance = "other"
    elif stance == "assert" and (_DENY_MARKERS.search(folded) or limits_contacts_to_one(folded)):
        stance = "deny"
    if stance == "assert" and expresses_attitude(st.content.text):
        stance = "other"
    if stance == st.stance:
        return st
    return Statement(st.speaker, st.speaker_type, st.cue, stance, st.content, st.via, st.sentence_index,
                     st.anonymous_count, st.resolved_from_context, st.speaker_refers_to)


def expresses_attitude(content: str) -> bool:
    """Whether ``content`` opens with a feeling its speaker expresses ("سعادته بتتويج
    الفريق"، "عميق أسفه"، "مخاوفه في شأن إشعال فتيل تصعيد نووي").

    >>> expresses_attitude("مخاوفه في شأن إشعال فتيل تصعيد نووي"), expresses_attitude("مخاوف أمنية في واشنطن")
    (True, False)
    >>> expresses_attitude("فرحة العيد لدى الأطفال لا تعادلها فرحة أخرى")
    False
    """
    m = _ATTITUDE.match(fold(content))
    # folding writes the noun's ة as the pronoun ه: "فرحة العيد" (the feast's joy) owns none
    return m is not None and not content.split()[len(m.group().split()) - 1].endswith("ة")


def opens_with_categorical_negation(content: str) -> bool:
    """Whether the first words of ``content`` deny any instance ("لم يتم بيع أي محطات"),
    which answering another source's claim makes a denial."""
    return _CATEGORICAL_NEGATION.search(" ".join(fold(content).split()[:10])) is not None
