"""Attribution rules on single real sentences (from the seed articles): each test names
the construction it pins down."""

from __future__ import annotations

from riwaya.attribution import chain, find_statements, format_chain
from riwaya.model import Article


def _statements(text: str) -> list:
    return find_statements(Article(id="t", content_hash="t", source="test", text=text))


def test_trailing_source_of_a_report_is_its_source() -> None:
    """"وبحسب تقرير لصحيفة X …، وفقاً لما ذكره شخصان مطلعان": the report's own sources
    (ذكره: a cue with an object pronoun after لما) reach us through the report."""
    sts = _statements("وبحسب تقرير موسع لصحيفة “وول ستريت جورنال” فقد تناولت هذه الاتصالات مواضيع شخصية، "
                      "من بينها أن بوتين طلب من ماسك تجنب تفعيل خدمة الإنترنت فوق تايوان، وفقاً لما ذكره شخصان مطلعان على الطلب.")
    last = sts[-1]
    assert last.speaker.text == "شخصان مطلعان" and last.cue.text == "وفقاً لما ذكره"
    assert format_chain(chain(last)) == "صحيفة “وول ستريت جورنال” ← شخصان مطلعان"
    assert last.anonymous_count == 2


def test_demonstrative_speaker() -> None:
    """"وقال هذا الشخص للصحيفة إن …": the demonstrative opens the speaker; "هذا الأسبوع" does not."""
    sts = _statements("وقال هذا الشخص للصحيفة إن الحكومة الفيدرالية تواجه معضلة.")
    assert [(s.speaker.text, s.speaker_type, s.resolved_from_context) for s in sts] == [("هذا الشخص", "anonymous", False)]
    sts = _statements("وقال الوزير إن الحدود مفتوحة. وقال هذا الأسبوع إن الأمر انتهى.")
    assert [s.speaker.text for s in sts] == ["الوزير", "الوزير"] and sts[1].resolved_from_context


def test_auxiliary_kana_is_no_speaker() -> None:
    """"كانوا يقولون إن …" inside a quotation: the auxiliary is no speaker."""
    sts = _statements("وقال بيسكوف \"قبل أسبوع، كانوا يقولون إن بوتين يتحدث مع ترامب طوال اليوم، والآن يتحدث مع ماسك\".")
    assert [s.speaker.text for s in sts] == ["بيسكوف"]
