import sqlite3

import pytest

from riwaya.arabic.sentences import split_sentences
from riwaya.entities import find_entities
from riwaya.errors import NotFound, StoreError
from riwaya.model import Article, DateMention, DatePrecision, NumberKind, NumberMention, Provenance, content_hash, make_span
from riwaya.store.sqlite import SCHEMA_VERSION, SqliteStore


def make_article(text: str, *, outlet: str | None = "واس", title: str | None = "عنوان") -> Article:
    digest = content_hash(outlet, text)
    return Article(id=digest[:16], content_hash=digest, text=text, source="test", title=title, outlet=outlet,
                   sentences=split_sentences(text))


def test_store_round_trips_an_article_with_its_layers(tmp_path):
    text = "قال أحمد إن الكرملين نفى التقرير في 25 أكتوبر. وبلغت القيمة 1.8 مليار دولار."
    article = make_article(text)
    article.provenance = [Provenance("relay", "اندبندنت عربية", "نقلاً عن : اندبندنت عربية")]
    article.headings = [make_span(text, 0, 3)]
    value_start = text.index("1.8")
    article.numbers = [NumberMention(value_start, value_start + 15, text[value_start:value_start + 15], 1.8e9,
                                     NumberKind.MONEY, "USD")]
    date_start = text.index("25 أكتوبر")
    article.dates = [DateMention(date_start, date_start + 9, "25 أكتوبر", "2024-10-25", DatePrecision.DAY,
                                 "2024-10-25", "2024-10-25")]
    with SqliteStore(tmp_path / "r.db") as store:
        store.add_articles([article])
        stored = store.get_article(article.id)
    assert stored.to_dict() == article.to_dict()
    for mention in stored.numbers + stored.dates + stored.sentences:
        assert stored.text[mention.start:mention.end] == mention.text


def test_store_is_idempotent_by_content_hash_but_keeps_relays_from_other_outlets(tmp_path):
    text = "أعلنت وزارة الصحة تسجيل حالات جديدة."
    with SqliteStore(tmp_path / "r.db") as store:
        first = store.add_articles([make_article(text)])
        again = store.add_articles([make_article(text)])
        relay = store.add_articles([make_article(text, outlet="سبق")])
        assert (len(first.added), len(again.added), len(again.duplicates), len(relay.added)) == (1, 0, 1, 1)
        assert store.count_articles() == 2


def test_store_batch_is_all_or_nothing(tmp_path):
    good = make_article("خبر أول سليم تماما.")
    broken = make_article("خبر ثان.")
    broken.metadata = {"tags": {"غير قابل للتسلسل"}}  # a set: json.dumps fails after the row is inserted
    with SqliteStore(tmp_path / "r.db") as store:
        store.add_articles([make_article("خبر محفوظ من قبل.")])
        with pytest.raises(TypeError):
            store.add_articles([good, broken])
        assert store.count_articles() == 1
        assert store.search("سليم") == []


def test_store_search_matches_spelling_and_clitic_variants(tmp_path):
    with SqliteStore(tmp_path / "r.db") as store:
        store.add_articles([
            make_article("التقى أحمد بالوفد في الرياض.", title="لقاء"),
            make_article("صدر بيان للكرملين صباح اليوم.", title="بيان"),
            make_article("ورد الكرملين على الاتهامات والكرملين يرفض.", title="رد"),
            make_article("خبر عن الطقس في جدة.", title="طقس"),
        ])
        assert [h.title for h in store.search("احمد")] == ["لقاء"]
        assert {h.title for h in store.search("الكرملين")} == {"بيان", "رد"}
        hit = store.search("للكرملين")[0]
        assert "كرملين" in hit.snippet  # the snippet is the clean sentence, never normalized text
        assert store.search("كلمة_غير_موجودة") == []


def test_store_uses_wal_and_records_the_schema_version(tmp_path):
    path = tmp_path / "r.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_store_refuses_a_database_from_a_newer_riwaya(tmp_path):
    path = tmp_path / "r.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_version VALUES (99, 'future')")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer riwaya"):
        SqliteStore(path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("هذا ملف نصي وليس قاعدة بيانات " * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        SqliteStore(path)


def test_store_resolves_unique_id_prefixes(tmp_path):
    article = make_article("نص قصير للاختبار.")
    with SqliteStore(tmp_path / "r.db") as store:
        store.add_articles([article])
        assert store.get_article(article.id[:6]).id == article.id
        with pytest.raises(NotFound, match="riwaya articles"):
            store.get_article("ffffffffffffffff")


def _with_entities(text: str) -> Article:
    article = make_article(text)
    article.entities = find_entities(text)
    return article


def test_an_older_database_is_migrated_in_place_and_keeps_its_articles(tmp_path):
    path = tmp_path / "old.db"
    with SqliteStore(path) as store:
        store.add_articles([_with_entities("نفى الكرملين تقريرا عن اتصالات بين بوتين وماسك.")])
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE article_entities; DELETE FROM schema_version WHERE version = 3;")
    db.close()
    with SqliteStore(path) as store:  # reopening runs the missing migration
        assert store.count_articles() == 1
        peskov = _with_entities("قال المتحدث باسم الكرملين دميتري بيسكوف إن التقرير غير صحيح.")
        store.add_articles([peskov])
        assert [a.id for a in store.list_articles(entity="بيسكوف")] == [peskov.id]
        assert store.article_by_url("http://nowhere.example") is None
