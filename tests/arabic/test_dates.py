"""Unit tests for riwaya.arabic.dates on short Arabic strings, one group per requirement."""

from __future__ import annotations

import datetime as dt

import pytest

from riwaya.arabic.dates import find_dates, gregorian_to_hijri, hijri_to_gregorian
from riwaya.model import DatePrecision

PUB = dt.date(2024, 10, 25)  # a Friday


def values(text: str, published: dt.date | None = PUB) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published=published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في يناير 2023", "2023-01"),
        ("في كانون الثاني 2023", "2023-01"),
        ("في جانفي 2023", "2023-01"),
        ("في فيفري 2023", "2023-02"),
        ("في أفريل 2023", "2023-04"),
        ("في ماي 2023", "2023-05"),
        ("في أيار 2023", "2023-05"),
        ("في جوان 2023", "2023-06"),
        ("في جويلية 2023", "2023-07"),
        ("في يوليوز 2023", "2023-07"),
        ("في أوت 2023", "2023-08"),
        ("في غشت 2023", "2023-08"),
        ("في آب 2023", "2023-08"),
        ("في شتنبر 2023", "2023-09"),
        ("في أيلول 2023", "2023-09"),
        ("في نونبر 2023", "2023-11"),
        ("في تشرين الثاني 2023", "2023-11"),
        ("في دجنبر 2023", "2023-12"),
        ("في كانون الأول 2023", "2023-12"),
        ("في حزيران ٢٠٢٣", "2023-06"),
    ],
)
def test_find_dates_month_name_variants(text: str, expected: str) -> None:
    assert values(text) == [(text, expected)]


def test_find_dates_combined_forms() -> None:
    assert values("وفي أكتوبر/تشرين الأول 2022، اعترف") == [("وفي أكتوبر/تشرين الأول 2022", "2022-10")]
    assert values("بعد الغزو في فبراير (شباط) 2022") == [("في فبراير (شباط) 2022", "2022-02")]
    assert values("أيد ماسك ترمب في يوليو (تموز)، وأعلن") == [("في يوليو (تموز)", "2024-07")]


def test_find_dates_days_weekdays_and_numeric() -> None:
    assert values("يوم الثلاثاء 10 مارس 2015") == [("يوم الثلاثاء 10 مارس 2015", "2015-03-10")]
    assert values("في الخامس من نوفمبر 2024") == [("في الخامس من نوفمبر 2024", "2024-11-05")]
    assert values("بتاريخ 2024/10/25 و25-10-2024 و25/10/2024") == [
        ("2024/10/25", "2024-10-25"), ("و25-10-2024", "2024-10-25"), ("و25/10/2024", "2024-10-25"),
    ]
    assert values("بتاريخ ٢٥/١٠/٢٠٢٤") == [("٢٥/١٠/٢٠٢٤", "2024-10-25")]


def test_find_dates_clitics_keep_the_preposition_in_the_span() -> None:
    text = "ففي سبتمبر/أيلول 2022 ثم وبحلول يوليو 2023 ومنذ يناير 2020"
    assert [t for t, _ in values(text)] == ["ففي سبتمبر/أيلول 2022", "وبحلول يوليو 2023", "ومنذ يناير 2020"]


def test_find_dates_spans_are_exact_slices() -> None:
    text = "قال أمس (الأحد) إن الاتفاق وُقّع في ٥ أغسطس/آب ٢٠١٥م، الموافق 1436/10/20هـ."
    for mention in find_dates(text, published=dt.date(2015, 8, 10)):
        assert text[mention.start : mention.end] == mention.text


def test_find_dates_hijri_dates_are_converted() -> None:
    (mention,) = find_dates("الموافق 1 رمضان 1436 هـ", published=None)
    assert (mention.value, mention.calendar, mention.precision) == ("2015-06-18", "hijri", DatePrecision.DAY)
    (mention,) = find_dates("الموافق 1436/9/1هـ", published=None)
    assert mention.value == "2015-06-18"
    (mention,) = find_dates("منذ تأسيسه عام 1436هـ", published=None)
    assert (mention.precision, mention.earliest[:7], mention.latest[:7]) == (DatePrecision.YEAR, "2014-10", "2015-10")
    (mention,) = find_dates("في شهر رمضان المبارك 1436ه", published=None)
    assert (mention.value, mention.earliest, mention.calendar) == ("2015-07", "2015-06-18", "hijri")


def test_hijri_conversion_round_trips() -> None:
    assert hijri_to_gregorian(1436, 9, 1) == dt.date(2015, 6, 18)
    for year in (1400, 1436, 1446):
        for month in range(1, 13):
            assert gregorian_to_hijri(hijri_to_gregorian(year, month, 1)) == (year, month, 1)


def test_find_dates_hijri_words_that_are_not_dates() -> None:
    assert values("فاز 1 - صفر على ضيفه") == []
    assert values("تحب في شهر رمضان متابعة المسلسلات") == []


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("نفى الكرملين، الجمعة، التقرير", "2024-10-25", "day"),
        ("اتصل به يوم الأربعاء", "2024-10-23", "day"),
        ("قال أمس", "2024-10-24", "day"),
        ("قال البارحة", "2024-10-24", "day"),
        ("يصل غداً", "2024-10-26", "day"),
        ("وصل أول أمس", "2024-10-23", "day"),
        ("الأسبوع الماضي", "2024-W42", "week"),
        ("قال قبل أسبوع", "2024-W42", "week"),
        ("والشهر الماضي", "2024-09", "month"),
        ("نشر هذا الشهر", "2024-10", "month"),
        ("الشهر المقبل", "2024-11", "month"),
        ("العام الماضي", "2023", "year"),
        ("السنة الماضية", "2023", "year"),
        ("برز هذا العام", "2024", "year"),
        ("العام المقبل", "2025", "year"),
        ("منذ أواخر عام 2022", "2022-late", "part_of_year"),
        ("في مطلع عام 2024", "2024-early", "part_of_year"),
        ("بداية عام 2024", "2024-early", "part_of_year"),
        ("منتصف عام 2021", "2021-mid", "part_of_year"),
        ("في خريف عام 2022", "2022-autumn", "season"),
        ("في وقت سابق من هذا العام", "2024-early", "part_of_year"),
        ("في أواخر العام الماضي", "2023-late", "part_of_year"),
        ("في الخامس من نوفمبر/تشرين الثاني المقبل", "2024-11-05", "day"),
    ],
)
def test_find_dates_relative_expressions(text: str, value: str, precision: str) -> None:
    (mention,) = find_dates(text, published=PUB)
    assert (mention.value, mention.precision.value) == (value, precision)
    assert mention.text in text


def test_find_dates_relative_flag() -> None:
    assert [m.relative for m in find_dates("أمس وفي عام 2020", published=PUB)] == [True, False]


def test_find_dates_relative_expressions_skipped_without_publication_date() -> None:
    assert values("قال أمس إن الشهر الماضي كان في يوليو", published=None) == []
    assert values("في العام 2020", published=None) == [("في العام 2020", "2020")]


def test_find_dates_year_carries_within_a_sentence() -> None:
    assert values("في يناير ثم في مارس 2023") == [("في يناير", "2023-01"), ("في مارس 2023", "2023-03")]
    assert values("بعد الغزو في فبراير (شباط) 2022، وبحلول يوليو كان") == [
        ("في فبراير (شباط) 2022", "2022-02"), ("وبحلول يوليو", "2022-07"),
    ]


def test_find_dates_year_never_leaks_across_sentences() -> None:
    text = "في فبراير 2022 بدأ الغزو. وأيده في يوليو."
    assert values(text) == [("في فبراير 2022", "2022-02"), ("في يوليو", "2024-07")]


def test_find_dates_year_anaphora_takes_the_last_stated_year() -> None:
    text = "في فبراير 2022 بدأ الغزو. وبحلول يوليو من العام نفسه، وفي وقت لاحق من ذلك العام تغير."
    assert values(text)[1:] == [("وبحلول يوليو من العام نفسه", "2022-07"), ("وفي وقت لاحق من ذلك العام", "2022-late")]


def test_find_dates_month_without_year_defaults_near_publication() -> None:
    # More than six months after publication reads as last year.
    assert values("منذ ديسمبر", published=dt.date(2024, 1, 10)) == [("منذ ديسمبر", "2023-12")]
    assert values("في سبتمبر", published=dt.date(2015, 7, 21)) == [("في سبتمبر", "2015-09")]


def test_find_dates_plain_years_need_a_cue() -> None:
    assert values("في العام 2020 ومنذ عام 2022") == [("في العام 2020", "2020"), ("ومنذ عام 2022", "2022")]
    assert values("تضم 2500 محطة وبلغ السعر 2015 ريالا") == []
    assert values("في حملة 2024") == [("في حملة 2024", "2024")]


def test_find_dates_words_that_only_look_like_dates() -> None:
    assert values("مارس الضغط على الحكومة") == []
    assert values("كلا الاثنين رفضا، وقال محمد الخميس") == []
    assert values("اليوم الوطني والرأي العام") == []
    assert values("يتحدث مع ترامب طوال اليوم") == []


def test_find_dates_windows_are_not_dates() -> None:
    assert values("على مدى العام الماضي تغيرت مواقفه") == []
    assert values("على مدار العامين الماضيين") == []


def test_find_dates_mentions_sorted_and_disjoint() -> None:
    text = "وفي العام الماضي 2023 ثم في يناير ثم أمس، الجمعة، وفي 1436/10/5هـ."
    mentions = find_dates(text, published=PUB)
    assert [m.text for m in mentions] == ["وفي العام الماضي 2023", "في يناير", "أمس", "الجمعة", "وفي 1436/10/5هـ"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
