"""Unit tests for the cleaning stage, on short Arabic strings and synthetic pages.

The synthetic pages use outlet names, headlines and widgets that appear nowhere in
the seeds, to check that the rules work from general signals, not from seed strings.
"""

from __future__ import annotations

import pytest

from riwaya.ingest.boilerplate import SiteBoilerplate, furniture_kind
from riwaya.ingest.clean import CleanedText, clean_article
from riwaya.ingest.provenance import credit_line

BODY1 = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة أبها بسعة ثلاثمئة سرير."
BODY2 = "وقال المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مليون نسمة في المنطقة الجنوبية."
BODY3 = "وأضاف أن العمل في المشروع استمر ثلاث سنوات بتكلفة بلغت نحو ملياري ريال سعودي."


def _check_spans(cleaned: CleanedText) -> None:
    for span in cleaned.headings:
        assert cleaned.text[span.start:span.end] == span.text


# --- single rules ------------------------------------------------------------------


def test_clean_link_residue_keeps_words() -> None:
    cleaned = clean_article(f"التقى [وزير الخارجية](https://example.com/x) نظيره [الفرنسي](#) في باريس أمس لبحث الأزمة.\n\n{BODY2}")
    assert cleaned.text.startswith("التقى وزير الخارجية نظيره الفرنسي في باريس")
    assert "[" not in cleaned.text and "](" not in cleaned.text
    assert "[الفرنسي](#)" in cleaned.removed


def test_clean_markdown_headings_become_headings() -> None:
    cleaned = clean_article(f"# افتتاح مستشفى أبها\n\n{BODY1}\n\n## تفاصيل المشروع\n\n{BODY2}")
    assert cleaned.title == "افتتاح مستشفى أبها"
    assert [h.text for h in cleaned.headings] == ["تفاصيل المشروع"]
    assert "#" not in cleaned.text
    _check_spans(cleaned)


@pytest.mark.parametrize(
    "line",
    [
        "شاهد أيضا: انهيار جسر في ولاية فلوريدا الأمريكية",
        "اقرأ أيضاً: ارتفاع أسعار الذهب إلى مستوى قياسي جديد",
        "طالع أيضا - منتخب المغرب يتأهل إلى نصف النهائي",
        "للمزيد: تعرف على أفضل الهواتف لعام 2025",
        "Read also: Apple unveils a new phone",
    ],
)
def test_clean_see_also_lines_are_removed(line: str) -> None:
    cleaned = clean_article(f"{BODY1}\n\n{line}\n\n{BODY2}")
    assert line not in cleaned.text
    assert line in cleaned.removed
    assert BODY1 in cleaned.text and BODY2 in cleaned.text


@pytest.mark.parametrize("counter", ["• 7 views", "2 مشاهدة", "١٢٣ مشاهدة", "عدد القراءات: 45", "المشاهدات: 1,204"])
def test_clean_view_counters(counter: str) -> None:
    assert furniture_kind(counter) == "counter"
    cleaned = clean_article(f"{BODY1}\n{counter}\n{BODY2}")
    assert cleaned.text == f"{BODY1}\n\n{BODY2}" and cleaned.removed == [counter]


@pytest.mark.parametrize("line", ["شارك على فيسبوك", "تابعونا على تويتر", "Share on WhatsApp", "فيسبوك | تويتر | واتساب"])
def test_clean_share_prompts(line: str) -> None:
    cleaned = clean_article(f"{BODY1}\n{line}\n{BODY2}")
    assert line not in cleaned.text


def test_clean_byline_and_contact_lines() -> None:
    cleaned = clean_article(f"{BODY1}\n{BODY2}\nبقلم: سعاد المطيري\nsuad@example.com")
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"


def test_clean_whitespace_only_lines_and_invisibles() -> None:
    cleaned = clean_article(f"\n \n\u202b{BODY1}\u202c\n\u00a0\n \t\n{BODY2}\n\n\n")
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"


# --- credits -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "outlet"),
    [
        ("المصدر: [وكالة الأنباء الكويتية](#) - 2023/05/02", "source", "وكالة الأنباء الكويتية"),
        ("نقلا عن: الجزيرة نت", "relay", "الجزيرة نت"),
        ("نقلاً عن موقع العربية", "relay", "العربية"),
        ("ترجمة: صحيفة الغد", "translation", "الغد"),
        ("(واس)", "source", "واس"),
        ("رويترز", "source", "رويترز"),
        ("Source: BBC Arabic", "source", "BBC Arabic"),
    ],
)
def test_credit_lines(line: str, kind: str, outlet: str) -> None:
    prov = credit_line(line)
    assert prov is not None and (prov.kind, prov.outlet, prov.line) == (kind, outlet, line)
    cleaned = clean_article(f"{BODY1}\n\n{BODY2}\n\n{line}")
    assert line not in cleaned.text
    assert [(p.kind, p.outlet) for p in cleaned.provenance] == [(kind, outlet)]


def test_credit_closing_outlet_lines() -> None:
    cleaned = clean_article(f"{BODY1}\n\n{BODY2}\n\nصحيفة فايننشال تايمز البريطانية\nترجمة موقع عربي21")
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"
    assert [(p.kind, p.outlet) for p in cleaned.provenance] == [
        ("original", "فايننشال تايمز"),
        ("translation", "عربي21"),
    ]


def test_credit_not_taken_from_a_reporting_sentence() -> None:
    sentence = "نقلا عن مصادر مطلعة، قال الوزير إن الاجتماع سيعقد غدا في الرياض."
    cleaned = clean_article(f"{BODY1}\n\n{sentence}")
    assert sentence in cleaned.text and not cleaned.provenance


def test_credit_datelines() -> None:
    standalone = clean_article(f"الرياض - واس\n{BODY1}\n{BODY2}", title="افتتاح مستشفى")
    assert [(p.kind, p.outlet) for p in standalone.provenance] == [("source", "واس")]
    assert standalone.text == f"{BODY1}\n\n{BODY2}"
    # An opening dateline inside the lead stays in the text (it reads as part of it).
    lead = "واس- جدة: " + BODY1
    inline = clean_article(f"{lead}\n{BODY2}", title="افتتاح مستشفى")
    assert inline.text.startswith(lead)
    assert [(p.kind, p.outlet) for p in inline.provenance] == [("source", "واس")]


def test_credit_trailing_agency_after_last_sentence() -> None:
    cleaned = clean_article(f"{BODY1}\n{BODY2} «رويترز»")
    assert cleaned.text.endswith("الجنوبية.")
    assert [(p.kind, p.outlet) for p in cleaned.provenance] == [("source", "رويترز")]


# --- repairs -----------------------------------------------------------------------


def test_join_sentence_broken_across_lines() -> None:
    cleaned = clean_article("وبحسب البيان فإن الشركة ستطلق خدمتها الجديدة\n\nمطلع العام المقبل في ثلاث دول خليجية.\n\n" + BODY2)
    assert "وبحسب البيان فإن الشركة ستطلق خدمتها الجديدة مطلع العام المقبل في ثلاث دول خليجية." in cleaned.text


def test_join_line_ending_in_a_preposition() -> None:
    cleaned = clean_article("وأكد الوزير أن الحكومة ستواصل دعمها للقطاع الخاص في\n\nالمرحلة المقبلة.\n\n" + BODY2)
    assert "دعمها للقطاع الخاص في المرحلة المقبلة." in cleaned.text


def test_join_rtl_full_stop_on_the_wrong_side() -> None:
    cleaned = clean_article("وأشار التقرير إلى أن المنطقة تعاني نقصا حادا في\n\n.المياه\n\n" + BODY2)
    assert "تعاني نقصا حادا في المياه." in cleaned.text
    assert ".المياه" not in cleaned.text


def test_unmarked_intertitle_stays_as_a_heading() -> None:
    intertitle = "خطة المرحلة الثانية من المشروع"
    cleaned = clean_article(f"{BODY1}\n\n{intertitle}\n\n{BODY2}\n\n{BODY3}")
    assert intertitle in cleaned.text
    assert [h.text for h in cleaned.headings] == [intertitle]
    _check_spans(cleaned)


# --- titles ------------------------------------------------------------------------


def test_title_from_first_line() -> None:
    cleaned = clean_article(f"افتتاح مستشفى جديد في أبها\n{BODY1}\n{BODY2}")
    assert cleaned.title == "افتتاح مستشفى جديد في أبها"
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"


def test_no_title_when_the_first_line_is_a_sentence() -> None:
    cleaned = clean_article(f"{BODY1}\n{BODY2}")
    assert cleaned.title is None and cleaned.text == f"{BODY1}\n\n{BODY2}"


def test_title_given_removes_its_repetition() -> None:
    cleaned = clean_article(f"افتتاح مستشفى أبها\n{BODY1}", title="افتتاح مستشفى أبها")
    assert cleaned.text == BODY1 and cleaned.removed == ["افتتاح مستشفى أبها"]


def test_title_below_a_site_teaser() -> None:
    """SEO title, then a teaser restating the article that ends in a read-more plug,
    then the headline: the headline is the title, the SEO title an alternative."""
    raw = (
        "مستشفى أبها الجديد يفتح أبوابه\n"
        "افتتحت وزارة الصحة مستشفى جديدا في أبها بسعة ثلاثمئة سرير، يخدم أكثر من مليون نسمة. "
        "تابع التفاصيل. اقرأ المزيد على موقع نبض الخليج.\n"
        "وزارة الصحة تفتتح مستشفى أبها بسعة 300 سرير\n"
        f"{BODY1}\n{BODY2}"
    )
    cleaned = clean_article(raw)
    assert cleaned.title == "وزارة الصحة تفتتح مستشفى أبها بسعة 300 سرير"
    assert cleaned.alternative_titles == ["مستشفى أبها الجديد يفتح أبوابه"]
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"


def test_closing_plug_cut_from_a_paragraph() -> None:
    cleaned = clean_article(f"{BODY1}\n{BODY2} رابط الخبر بصحيفة المرصد: افتتاح مستشفى أبها")
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"
    assert "رابط الخبر بصحيفة المرصد: افتتاح مستشفى أبها" in cleaned.removed


# --- synthetic pages ---------------------------------------------------------------


def test_page_with_related_list_after_read_also_header() -> None:
    raw = f"""{BODY1}

اقرأ أيضاً:

الهلال يتعاقد مع مدافع برازيلي لثلاثة مواسم
أمطار غزيرة على مكة المكرمة وتحذيرات من السيول
ارتفاع مؤشر سوق الأسهم السعودية في ختام التداولات

{BODY2}

{BODY3}"""
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY1}\n\n{BODY2}\n\n{BODY3}"
    assert "الهلال يتعاقد مع مدافع برازيلي لثلاثة مواسم" in cleaned.removed


def test_page_with_sidebar_tail() -> None:
    raw = f"""نجاح أول عملية زراعة قلب في مستشفى أبها
{BODY1}
{BODY2}
{BODY3}
  • منى الشهري
    محررة صحية تكتب عن السياسات الصحية والمستشفيات في المملكة منذ عشر سنوات.
    مقالات ذات صلة
    أسعار النفط تتراجع مع زيادة المخزونات الأمريكية
    تراجعت أسعار النفط في تعاملات اليوم بعد صدور بيانات أظهرت زيادة غير متوقعة في المخزونات…
    التفاصيل
    الأكثر قراءة
    أسعار النفط تتراجع مع زيادة المخزونات الأمريكية
    35 مشاهدة
    النصر يفوز على الاتحاد بهدفين نظيفين في الدوري
    120 مشاهدة
"""
    cleaned = clean_article(raw)
    assert cleaned.title == "نجاح أول عملية زراعة قلب في مستشفى أبها"
    assert cleaned.text == f"{BODY1}\n\n{BODY2}\n\n{BODY3}"
    assert len(cleaned.removed) == 11


def test_page_with_unmarked_headline_list_at_the_tail() -> None:
    raw = f"""{BODY1}
{BODY2}
{BODY3}
مهرجان الرياض للكتاب يستقطب مئة ألف زائر في يومه الأول
شركة الاتصالات تعلن أرباحها الفصلية بارتفاع ملحوظ
وزارة التعليم تحدد موعد بدء العام الدراسي الجديد
"""
    assert clean_article(raw).text == f"{BODY1}\n\n{BODY2}\n\n{BODY3}"


def test_page_keeps_content_lists_and_verse() -> None:
    numbered = "\n".join(f"{i} - تطبيق «{name}» للهواتف الذكية" for i, name in enumerate(["واتساب", "سناب شات", "تيك توك", "يوتيوب"], 1))
    cleaned = clean_article(f"{BODY1}\nوهذه التطبيقات الأكثر تحميلا هذا الأسبوع:\n{numbered}")
    assert numbered.splitlines()[-1] in cleaned.text
    verse = "يا دار عبلة بالجواء تكلمي\nوعمي صباحا دار عبلة واسلمي\nفوقفت فيها ناقتي وكأنها\nفدن لأقضي حاجة المتلوم\nوتحل عبلة بالجواء وأهلنا\nبالحزن فالصمان فالمتثلم"
    cleaned = clean_article(f"{BODY1}\nوقال الشاعر في مطلع معلقته:\n{verse}")
    assert verse.splitlines()[-1] in cleaned.text


def test_read_more_marker_drags_its_placeholder_only() -> None:
    raw = f"{BODY1}\n\nاقرأ المزيد\n\nهذا القسم يعرض المواد المرتبطة (Related Nodes block)\n\n{BODY2}"
    cleaned = clean_article(raw)
    assert cleaned.text == f"{BODY1}\n\n{BODY2}"


# --- site boilerplate --------------------------------------------------------------


def test_site_boilerplate_learns_recurring_furniture_not_wire_sentences() -> None:
    site = SiteBoilerplate(min_articles=3)
    wire = "وجرى خلال اللقاء بحث عدد من المسائل ذات الاهتمام المشترك بين البلدين."
    furniture = "حمّل تطبيق صحيفة النهار الآن"
    for i in range(4):
        site.learn("alnahar", f"خبر رقم {i} عن موضوع مختلف تماما في المدينة.\n{wire}\n{furniture}")
    site.learn("alnahar", f"خبر رقم 1 عن موضوع مختلف تماما في المدينة.\n{wire}\n{furniture}")
    lines = site.lines_for("alnahar")
    assert furniture in lines and wire not in lines
    cleaned = clean_article(f"{BODY1}\n{furniture}\n{BODY2}", known_boilerplate=lines)
    assert cleaned.text == f"{BODY1}\n\n{BODY2}" and furniture in cleaned.removed


def test_site_boilerplate_rejects_min_articles_below_two() -> None:
    with pytest.raises(ValueError, match="min_articles"):
        SiteBoilerplate(min_articles=1)


def test_clean_is_deterministic_and_handles_empty_input() -> None:
    assert clean_article("") == CleanedText("")
    assert clean_article(" \n\n ") == CleanedText("")
    raw = f"عنوان قصير للخبر\n{BODY1}\nشاهد أيضا: خبر آخر\n{BODY2}"
    assert clean_article(raw) == clean_article(raw)


def test_dateline_patterns_do_not_backtrack_on_tatweel_runs():
    """A real aleqtisadiya lead stretched with tatweel hung the whole ingest (exponential
    backtracking in the dateline patterns); it is prose, not a dateline."""
    from riwaya.ingest.provenance import dateline_credit, is_dateline

    line = 'أوضــــــــــــح لـ"الاقتصــــــادية" مستثمرون وتجار في قطاع الذهب، أن تراجع أسعار المعدن النفيس'
    assert not is_dateline(line)
    assert dateline_credit(line) is None
    assert clean_article(line + ".").text == line + "."
