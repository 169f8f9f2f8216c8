from riwaya.arabic.normalize import fold_digits, normalize_for_matching, normalize_with_offsets


def test_normalize_folds_hamza_alef_forms_and_ya_and_ta_marbuta():
    assert normalize_for_matching("أإآٱا") == "ااااا"
    assert normalize_for_matching("مستشفى الجامعة") == "مستشفي الجامعه"


def test_normalize_drops_diacritics_tatweel_and_invisible_controls():
    assert normalize_for_matching("مُحَمَّدٌ") == "محمد"
    assert normalize_for_matching("الـــرياض") == "الرياض"
    assert normalize_for_matching("ترا\u200fمب\u200b") == "ترامب"


def test_normalize_folds_digits_of_every_script_and_quote_marks():
    assert normalize_for_matching("١٢٣ ۴۵۶") == "123 456"
    assert normalize_for_matching("«إكس» “X”") == '"اكس" "x"'


def test_fold_digits_keeps_length_so_offsets_stay_valid():
    text = "بلغت ١٥٠٪ عام ٢٠٢٤م"
    assert len(fold_digits(text)) == len(text)
    assert fold_digits(text) == "بلغت 150% عام 2024م"


def test_normalize_with_offsets_maps_every_character_back():
    text = "قالَ المُتحدّث: «غيرُ صحيح»"
    norm, where = normalize_with_offsets(text)
    assert norm == normalize_for_matching(text)
    assert len(where) == len(norm) + 1
    start = norm.index("غير")
    # the end maps past the diacritic on the last letter, so the original word comes back whole
    assert text[where[start]:where[start + 3]] == "غيرُ"
