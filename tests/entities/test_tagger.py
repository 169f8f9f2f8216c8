"""The shipped recognizer on real text: tags, offsets, clitics, CoNLL streaming."""

from __future__ import annotations

import io

from riwaya.entities import find_entities, tag_tokens
from riwaya.entities.commands import tag_stream


def test_tagger_tags_news_spelling_and_newsfane_spelling_alike():
    """NewsFANE writes اسرائيل without hamza; news writes إسرائيل: both are LOC."""
    tags = tag_tokens([["زار", "نتنياهو", "إسرائيل", "أمس"], ["زار", "نتنياهو", "اسرائيل", "امس"]])
    assert tags[0][2] == tags[1][2] == "B-LOC"


def test_tagger_finds_seed_names_with_offsets_into_the_text():
    text = "وقال المتحدث باسم الكرملين دميتري بيسكوف إن بوتين التقى ماسك في موسكو."
    mentions = find_entities(text)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    found = {(m.text, m.type) for m in mentions}
    assert {("الكرملين", "ORG"), ("دميتري بيسكوف", "PER"), ("بوتين", "PER"), ("موسكو", "LOC")} <= found


def test_tagger_leaves_clitics_out_of_the_mention():
    mentions = find_entities("وأكد لترامب ووزارة الدفاع أن بوتين تحدث.")
    texts = [m.text for m in mentions]
    assert "ترامب" in texts and "لترامب" not in texts


def test_tag_stream_keeps_tokens_and_sentence_breaks():
    conll = "قال\tO\tX\nبوتين\tB-PER\n\nفي\nموسكو\n\n"
    out = io.StringIO()
    assert tag_stream(io.StringIO(conll), out) == 4
    lines = out.getvalue().split("\n")
    assert [line.split("\t")[0] for line in lines] == ["قال", "بوتين", "", "في", "موسكو", "", ""]
    assert lines[1].split("\t")[1] == "B-PER"


def test_eval_ner_names_a_missing_file(tmp_path):
    import pytest

    from riwaya.entities.commands import eval_ner
    from riwaya.errors import RiwayaError

    with pytest.raises(RiwayaError, match="nowhere.conll"):
        eval_ner(tmp_path / "nowhere.conll")


def test_a_name_written_with_harakat_is_found_whole():
    mentions = find_entities("خادم الحرمين يهنئ سلطان عُمان بذكرى يوم النهضة لبلاده")
    assert [(m.text, m.type) for m in mentions] == [("عُمان", "LOC")]
