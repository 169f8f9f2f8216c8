"""find_numbers on short Arabic strings: one test group per requirement of the issue."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riwaya.arabic.numbers import find_numbers
from riwaya.model import NumberKind, NumberMention


def one(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def values(text: str) -> list[float | None]:
    return [m.value for m in find_numbers(text)]


# -- digits in every script ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بلغ 150", 150), ("بلغ ١٥٠", 150), ("بلغ ۱۵۰", 150),
        ("بلغ 1,500", 1500), ("بلغ ١٬٥٠٠", 1500), ("بلغ 15000", 15000),
        ("بلغ 3.5", 3.5), ("بلغ ٣٫٥", 3.5), ("بلغ 1,234,567.5", 1234567.5),
    ],
)
def test_numbers_digits_every_script(text: str, value: float) -> None:
    assert one(text).value == value


def test_numbers_digits_spa_decimal_with_ra() -> None:
    """SPA copy: "935ر6 مليون برميل" is 6.935 million (fraction first, ر as the point)."""
    mention = one("انخفضت إلى 935ر6 مليون برميل يوميًا")
    assert (mention.value, mention.unit) == (pytest.approx(6.935e6), "برميل/day")


def test_numbers_digits_dates_and_codes_are_not_split() -> None:
    assert find_numbers("في 12.3.2024 حدث ذلك") == []
    assert find_numbers("المصدر: الشرق الأوسط - 2022/11/18") == []
    assert find_numbers("طائرات F16 وفيروس COVID-19 وشبكة 4G والفئة (أ١)") == []


def test_numbers_span_is_exact_in_the_original_text() -> None:
    text = "أنفقت «أكثر من ١١٨ مليون دولار» في الحملة"
    mention = one(text)
    assert text[mention.start:mention.end] == mention.text == "أكثر من ١١٨ مليون دولار"


# -- scale words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15 ألف", 15e3), ("3 آلاف", 3e3), ("15 ألفا", 15e3), ("2 مليون", 2e6), ("3 ملايين", 3e6),
        ("1.8 مليار", 1.8e9), ("5 مليارات", 5e9), ("1.2 تريليون", 1.2e12), ("مليون", 1e6),
        ("3 ملايين ونصف", 3.5e6), ("2 مليون و500 ألف", 2.5e6),
    ],
)
def test_numbers_scale_words(text: str, value: float) -> None:
    assert one("بلغ " + text).value == value


def test_numbers_scale_with_currency() -> None:
    mention, year = find_numbers("فاز بعقد بقيمة 1.8 مليار دولار في عام 2021")
    assert (year.text, year.unit) == ("2021", None)
    assert (mention.text, mention.value, mention.kind, mention.unit) == (
        "1.8 مليار دولار", 1.8e9, NumberKind.MONEY, "USD")


# -- currencies --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("100 دولار", "USD"), ("7 ريالات", "SAR"), ("30 ريالا", "SAR"), ("100 يورو", "EUR"),
        ("20 جنيها", "EGP"), ("50 جنيه إسترليني", "GBP"), ("30 درهما", "AED"),
        ("10 دينار كويتي", "KWD"), ("5 دنانير", "دينار"), ("100 ليرة تركية", "TRY"),
        ("100 ليرة", "ليرة"), ("20 ريال قطري", "QAR"), ("$45", "USD"), ("45$", "USD"),
        ("50 ر.س", "SAR"), ("مليوني دولار", "USD"),
    ],
)
def test_numbers_currencies(text: str, unit: str) -> None:
    mention = one("دفع " + text + " أمس")
    assert (mention.kind, mention.unit) == (NumberKind.MONEY, unit)


def test_numbers_vague_amount_of_money() -> None:
    mention = one("أنفق ملايين الدولارات")
    assert (mention.value, mention.kind, mention.unit, mention.qualifier) == (
        None, NumberKind.MONEY, "USD", "vague")


# -- number words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("اثنان", 2), ("اثنتين", 2), ("ثلاثة", 3), ("أربع", 4), ("خمسة", 5), ("ستة", 6),
        ("سبع", 7), ("ثمانية", 8), ("تسعة", 9), ("عشرة", 10), ("أحد عشر", 11), ("إحدى عشرة", 11),
        ("اثنا عشر", 12), ("ثلاثة عشر", 13), ("تسعة عشر", 19), ("عشرون", 20), ("عشرين", 20),
        ("خمسة وعشرون", 25), ("واحد وعشرون", 21), ("تسعين", 90), ("مائة", 100), ("مئة", 100),
        ("مئتان", 200), ("خمسمائة", 500), ("ثلاث مائة", 300), ("ألف", 1000), ("ألفان", 2000),
        ("ثلاثة آلاف وخمسمائة", 3500), ("مائة وخمسون ألف", 150000), ("عشرة آلاف", 10000),
        ("خمسة ملايين", 5e6), ("نصف مليون", 5e5),
    ],
)
def test_numbers_number_words(text: str, value: float) -> None:
    assert one("وصل " + text + " إلى المدينة").value == value


def test_numbers_words_with_proclitics() -> None:
    assert values("تبرع بخمسة ملايين ولثلاثة أشهر") == [5e6, 3]
    assert one("جاء وأحد عشر لاعبا").value == 11


# -- counted nouns ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("15 ألف محطة", "محطة"), ("حوالي 30 نطاقا", "نطاق"), ("30 نطاقاً", "نطاق"),
        ("3 آلاف جندي", "جندي"), ("خمسة وعشرون طفلا", "طفل"), ("7 حدائق", "حدائق"),
        ("مليون شخص", "شخص"),
    ],
)
def test_numbers_counted_noun_is_the_unit(text: str, unit: str) -> None:
    assert one("وكان هناك " + text + " في المكان").unit == unit


def test_numbers_definite_word_is_not_the_counted_noun() -> None:
    assert one("بطولة صيف الشرقية ٣٦ للكبار").unit is None


def test_numbers_year_takes_no_noun_and_is_not_merged() -> None:
    mentions = find_numbers("في عام 2021 وفي 2022 و2023 بلغ 1.8 مليار دولار")
    assert [(m.text, m.unit) for m in mentions] == [
        ("2021", None), ("2022", None), ("2023", None), ("1.8 مليار دولار", "USD")]
    assert one("قتل حوالي 2000 شخص").unit == "شخص"


# -- duals and halves ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit"),
    [
        ("شخصان", 2, NumberKind.CARDINAL, "شخص"), ("شخصين", 2, NumberKind.CARDINAL, "شخص"),
        ("مصدرين", 2, NumberKind.CARDINAL, "مصدر"), ("مرتين", 2, NumberKind.CARDINAL, "مرة"),
        ("عامين", 2, NumberKind.DURATION, "year"), ("أسبوعين", 2, NumberKind.DURATION, "week"),
        ("يومين", 2, NumberKind.DURATION, "day"), ("سنتين", 2, NumberKind.DURATION, "year"),
        ("العامين", 2, NumberKind.DURATION, "year"), ("مسؤولان", 2, NumberKind.CARDINAL, "مسؤول"),
        ("عامين ونصف", 2.5, NumberKind.DURATION, "year"), ("ساعة ونصف", 1.5, NumberKind.DURATION, "hour"),
        ("ثلاث سنوات ونصف", 3.5, NumberKind.DURATION, "year"),
    ],
)
def test_numbers_duals_and_halves(text: str, value: float, kind: NumberKind, unit: str) -> None:
    mention = one("قال " + text + " ذلك")
    assert (mention.value, mention.kind, mention.unit) == (value, kind, unit)


def test_numbers_sound_plural_is_not_a_dual() -> None:
    assert find_numbers("قال مسؤولين أمريكيين") == []
    assert find_numbers("هذه البلدان تعيش أوضاعا صعبة") == []


# -- percentages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["12%", "12 %", "%12", "١٢٪", "12 في المائة", "12 في المئة", "12 بالمئة", "12 بالمائة"]
)
def test_numbers_percentages(text: str) -> None:
    mention = one("ارتفع " + text + " أمس")
    assert (mention.value, mention.kind, mention.unit) == (12, NumberKind.PERCENT, "%")


# -- ordinals --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("الرئيس الخامس والأربعين", 45), ("القرن الحادي والعشرين", 21), ("المرة الثالثة", 3),
     ("الدورة الحادية عشرة", 11), ("الذكرى الخمسين", 50)],
)
def test_numbers_ordinals(text: str, value: float) -> None:
    mention = find_numbers(text)[-1]
    assert (mention.value, mention.kind) == (value, NumberKind.ORDINAL)


# -- durations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("3 أشهر", 3, "month"), ("10 أيام", 10, "day"), ("15 عاما", 15, "year"), ("خمسة عقود", 5, "decade"),
     ("ثلاثة أسابيع", 3, "week"), ("15 دقيقة", 15, "minute"), ("أسبوعين", 2, "week")],
)
def test_numbers_durations(text: str, value: float, unit: str) -> None:
    mention = one("منذ " + text + " تقريبا ثم")
    assert (mention.value, mention.kind, mention.unit) == (value, NumberKind.DURATION, unit)


# -- hedges ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("حوالي 30", "about"), ("حوالى 30", "about"), ("نحو 30", "about"), ("قرابة 30", "about"),
        ("زهاء 30", "about"), ("ما يقارب 30", "about"), ("30 تقريبا", "about"),
        ("أكثر من 30", "more_than"), ("ما يزيد على 30", "more_than"), ("ما يزيد عن 30", "more_than"),
        ("أقل من 30", "less_than"), ("تصل إلى 30", "up_to"), ("حتى 30", "up_to"),
        ("لا يقل عن 30", "at_least"), ("ونحو 30", "about"),
    ],
)
def test_numbers_hedges_are_in_the_span(text: str, qualifier: str) -> None:
    mention = one("بلغ " + text + " كيلو")
    assert mention.qualifier == qualifier
    assert mention.text.startswith(text.removeprefix("و").split()[0])


def test_numbers_hedge_on_money_and_duration() -> None:
    assert one("أنفقت أكثر من 118 مليون دولار").text == "أكثر من 118 مليون دولار"
    mention = one("بعد أكثر من عامين ونصف من الغزو")
    assert (mention.text, mention.value, mention.qualifier) == ("أكثر من عامين ونصف", 2.5, "more_than")
    assert one("بعد أقل من أسبوعين").qualifier == "less_than"


# -- rates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [("45 مليون دولار شهرياً", "USD/month"), ("3 ملايين ريال سنويا", "SAR/year"),
     ("100 برميل يوميا", "برميل/day"), ("46 دولارا للبرميل", "USD/barrel"), ("5 دولارات في الشهر", "USD/month")],
)
def test_numbers_rates(text: str, unit: str) -> None:
    assert one("تبرع بـ" + text).unit == unit


def test_numbers_rate_with_hedge() -> None:
    mention = one("مع تبرعات محتملة تصل إلى 45 مليون دولار شهرياً.")
    assert (mention.value, mention.unit, mention.qualifier) == (45e6, "USD/month", "up_to")


# -- vague counts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("تبرع بمئات من محطات ستارلينك", "مئات من محطات"),
        ("تبرع بعدة مئات من محطات", "عدة مئات من محطات"),
        ("طلب من عشرات الملايين من متابعيه", "عشرات الملايين من متابعيه"),
        ("أكد عدد من المسؤولين ذلك", "عدد من المسؤولين"),
        ("نقلا عن عدة مسؤولين من أوروبا", "عدة مسؤولين"),
        ("التقى مرات عدة وتحدث", "مرات عدة"),
        ("نقلاً عن العديد من المسؤولين", "العديد من المسؤولين"),
        ("خرج آلاف الأشخاص", "آلاف الأشخاص"),
        ("بضعة آلاف", "بضعة آلاف"),
    ],
)
def test_numbers_vague_counts(text: str, surface: str) -> None:
    mention = one(text)
    assert (mention.text, mention.value, mention.qualifier) == (surface, None, "vague")


# -- "one" only where it counts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("كان له اتصال واحد مع ماسك", "اتصال واحد", "اتصال"),
        ("أجريا مكالمة هاتفية واحدة فقط", "مكالمة هاتفية واحدة", "مكالمة هاتفية"),
        ("تحدث مرة واحدة فقط", "مرة واحدة", "مرة"),
        ("إن الاتصال الوحيد كان", "الاتصال الوحيد", "اتصال"),
        ("نقلت عن أحد المصادر المطلعة", "أحد المصادر", "مصادر"),
        ("وفقًا لمصدر مطلع", "مصدر مطلع", "مصدر"),
    ],
)
def test_numbers_one_where_it_counts(text: str, surface: str, unit: str) -> None:
    mention = one(text)
    assert (mention.text, mention.value, mention.unit) == (surface, 1, unit)


@pytest.mark.parametrize(
    "text",
    ["تحدى بوتين في قتال واحد لواحد", "وصلوا في وقت واحد", "في آن واحد", "كل واحد منهم",
     "هو واحد من أكبر", "يوم الأحد المقبل", "الاتصال الواحد", "وبعده على الهواتف"],
)
def test_numbers_one_idioms_are_not_counts(text: str) -> None:
    assert find_numbers(text) == []


def test_numbers_one_and_another_is_two() -> None:
    mention = one("وقال مصدر استخباراتي حالي وآخر سابق للصحيفة")
    assert (mention.text, mention.value) == ("مصدر استخباراتي حالي وآخر سابق", 2)


# -- invariants ------------------------------------------------------------------------------------

_PIECES = ["15", "١٥٠", "ألف", "آلاف", "مليون", "دولار", "ونصف", "عامين", "واحد", "لواحد", "أكثر من",
           "حوالي", "%", "في المائة", "مئات", "من", "الخامس", "والأربعين", "شهرياً", "عدة", "٫", ",", "ً",
           "ـ", "\n", ".", "2024", "/", "مصدر", "وآخر", "الوحيد", "أحد", "عشر", "ثلاثة", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join))
def test_numbers_spans_exact_sorted_disjoint(text: str) -> None:
    mentions = find_numbers(text)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.start < mention.end
    for first, second in zip(mentions, mentions[1:]):
        assert first.end <= second.start


# -- the corpus: no crash, exact spans, speed ------------------------------------------------------


@pytest.mark.slow
def test_numbers_saudinewsnet_all_days(saudinewsnet_days: list[Path]) -> None:
    """Every article of every day: no crash, exact disjoint spans; prints ms per article."""
    articles = mentions = 0
    spent = 0.0
    for day in saudinewsnet_days:
        with zipfile.ZipFile(day) as archive:
            for name in archive.namelist():
                for record in json.loads(archive.read(name)):
                    text = record.get("content") or ""
                    started = time.process_time()
                    found = find_numbers(text)
                    spent += time.process_time() - started
                    articles += 1
                    mentions += len(found)
                    for mention in found:
                        assert text[mention.start:mention.end] == mention.text
                    for first, second in zip(found, found[1:]):
                        assert first.end <= second.start
    print(f"numbers: {articles} articles, {mentions} mentions, {spent / articles * 1000:.3f} ms/article")
    assert articles > 0
