"""The pipeline end to end: raw document → clean article with every layer, and batches."""

from __future__ import annotations

import pytest

from riwaya.errors import IngestError
from riwaya.model import RawDocument
from riwaya.pipeline import analyze, ingest
from riwaya.samples import seed_documents
from riwaya.store.sqlite import SqliteStore


@pytest.fixture(scope="module")
def seed_articles():
    return {doc.source.split("/")[-1][:3]: analyze(doc) for doc in seed_documents()}


def test_pipeline_every_span_points_into_the_clean_text(seed_articles):
    for article in seed_articles.values():
        for item in [*article.sentences, *article.numbers, *article.dates, *article.headings]:
            assert article.text[item.start:item.end] == item.text


def test_pipeline_takes_nothing_from_boilerplate(seed_articles):
    """seeds.json numbers_note: sidebar figures and the stray credit date must not be extracted."""
    extracted = " | ".join(m.text for a in seed_articles.values() for m in [*a.numbers, *a.dates])
    for junk in ("40 مليون يورو", "250 ألف جنيه", "١٥٠", "600", "views", "2022/11/18", "7 يوليو"):
        assert junk not in extracted
    assert not any(d.value.startswith("2022-11-18") for a in seed_articles.values() for d in a.dates)
    assert not any(n.value == 2022 for a in seed_articles.values() for n in a.numbers)  # years are dates


def test_pipeline_keeps_credits_as_provenance(seed_articles):
    outlets = {key: {p.outlet for p in a.provenance} for key, a in seed_articles.items()}
    assert "اندبندنت عربية" in outlets["001"]
    assert any("القدس العربي" in o for o in outlets["000"])
    assert all("نقلاً عن" not in s.text for s in seed_articles["001"].sentences)


def test_pipeline_ids_are_stable_content_hashes(seed_articles):
    again = {doc.source.split("/")[-1][:3]: analyze(doc).id for doc in seed_documents()}
    assert again == {key: a.id for key, a in seed_articles.items()}
    assert len(set(again.values())) == 5


def test_pipeline_rejects_non_arabic_and_empty_text():
    with pytest.raises(IngestError, match="not Arabic text"):
        analyze(RawDocument(source="en.txt", text="The Kremlin denied the report on Friday, calling it false. " * 3))
    with pytest.raises(IngestError, match="en2.txt"):
        analyze(RawDocument(source="en2.txt", text="   \n\n  "))


def test_pipeline_batch_goes_on_past_bad_documents(tmp_path):
    good = seed_documents()[1]
    documents = [
        IngestError("broken.jsonl:3", "not valid JSON (Expecting value)"),
        RawDocument(source="en.txt", text="Only English words here, nothing Arabic at all. " * 4),
        good,
        good,
    ]
    with SqliteStore(tmp_path / "p.db") as store:
        report = ingest(documents, store, batch_size=2)
        assert (len(report.ingested), len(report.duplicates), len(report.failed)) == (1, 1, 2)
        assert [e.source for e in report.failed] == ["broken.jsonl:3", "en.txt"]
        assert store.count_articles() == 1
