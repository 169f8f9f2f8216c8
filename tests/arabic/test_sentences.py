from riwaya.arabic.sentences import split_sentences


def test_split_sentences_offsets_match_text():
    text = "نفى الكرملين التقرير. وقال بيسكوف: «كل هذا غير صحيح».\n\nوأضاف أن المحادثة كانت عن الفضاء؟ نعم!"
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert len(sentences) == 4


def test_split_sentences_does_not_split_after_abbreviations():
    sentences = split_sentences("التقى د. محمد علي بالمهندس م. خالد أمس. ثم غادر.")
    assert [s.text for s in sentences] == ["التقى د. محمد علي بالمهندس م. خالد أمس.", "ثم غادر."]


def test_split_sentences_keeps_quotes_whole():
    text = 'وقالت: “لقد أخبر (ماسك) بريمر بأنه كان يتحدث مع بوتين. وكان ببساطة يذكر رؤوس الأقلام”.'
    assert [s.text for s in split_sentences(text)] == [text]


def test_split_sentences_keeps_decimal_numbers_and_dates_whole():
    text = "بلغت القيمة 1.8 مليار دولار في 12.3.2024 تقريبا. وانتهى الأمر."
    assert len(split_sentences(text)) == 2


def test_split_sentences_never_crosses_a_paragraph_break():
    sentences = split_sentences("عنوان بلا نقطة\n\nنص الفقرة الأولى.")
    assert [s.text for s in sentences] == ["عنوان بلا نقطة", "نص الفقرة الأولى."]
