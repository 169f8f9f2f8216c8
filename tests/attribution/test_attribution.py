"""Attribution: seeds, the SaudiNewsNet dev gold, negatives and bad input."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from riwaya.attribution import chain, evaluate_attribution, find_statements, format_chain, independent_origins
from riwaya.attribution.commands import score_report, statements_report
from riwaya.attribution.evaluate import content_overlap, load_gold_articles
from riwaya.model import Article
from riwaya.pipeline import analyze
from riwaya.samples import seed_documents

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold" / "attribution-saudinewsnet-dev.json"


def _article(text: str) -> Article:
    return Article(id="t", content_hash="t", source="test", text=text)


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {doc.source.split("/")[-1][:3]: analyze(doc) for doc in seed_documents()}


def _find(article: Article, quote: str) -> list[Any]:
    quote = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", quote)
    return [s for s in find_statements(article) if content_overlap(s.content.text, quote) >= 0.4]


def test_seed_statements_found(seeds: dict[str, Article], seeds_gold: dict[str, Any]) -> None:
    found = stance_ok = total = 0
    for statement in seeds_gold["statements"]:
        for occ in statement["occurrences"]:
            total += 1
            hits = _find(seeds[occ["article"]], occ["quote"])
            if hits:
                found += 1
                stance_ok += any(h.stance == statement["stance"] for h in hits)
    print(f"seeds: {found} of {total} statement occurrences extracted, {stance_ok} with the gold stance")
    assert found >= 0.5 * total
    assert stance_ok >= 0.65 * found  # measured 39 of 57: stance of seed statements is a known gap


def test_seed_002_taiwan_chain(seeds: dict[str, Article]) -> None:
    hits = _find(seeds["002"], "أن بوتين طلب من ماسك عدم تفعيل خدمة الإنترنت عبر الأقمار الصناعية “ستار لينك” (Starlink) فوق تايوان")
    chains = [format_chain(chain(h)) for h in hits]
    print(chains)
    assert any("وول ستريت جورنال" in c and c.endswith("شخصين مطلعين") for c in chains)
    assert hits[0].speaker_type == "anonymous" and hits[0].anonymous_count == 2


def test_seed_peskov_denial(seeds: dict[str, Article]) -> None:
    denials = [s for s in find_statements(seeds["000"]) if s.stance == "deny" and "بيسكوف" in s.speaker.text]
    assert denials and "غير صحيح" in denials[0].content.text


def test_seed_claim_origins(seeds: dict[str, Article], seeds_gold: dict[str, Any]) -> None:
    by_id = {s["id"]: s for s in seeds_gold["statements"]}
    texts = {k: a.text for k, a in seeds.items()}
    reproduced = tried = 0
    for claim in seeds_gold["claims"]:
        found: dict[str, list[Any]] = {}
        for sid in claim["statements"]:
            for occ in by_id.get(sid, {}).get("occurrences", []):
                found.setdefault(occ["article"], []).extend(_find(seeds[occ["article"]], occ["quote"])[:1])
        found = {k: v for k, v in found.items() if v}
        if not found:
            continue
        tried += 1
        reproduced += independent_origins(found, texts=texts) == claim["independent_origins"]
    print(f"claims: independent-origin count reproduced for {reproduced} of {tried} claims found "
          f"({len(seeds_gold['claims'])} in the gold)")
    assert tried > 0 and reproduced >= 0.5 * tried


@pytest.fixture(scope="module")
def dev_articles(shared_dir: Path) -> dict[str, Article]:
    data = shared_dir / "data" / "saudinewsnet"
    if not any(data.glob("*.zip")):
        pytest.skip("SaudiNewsNet zips not found under ../shared/data/saudinewsnet")
    return load_gold_articles(GOLD, data)


def test_dev_gold_floors(dev_articles: dict[str, Article]) -> None:
    score = evaluate_attribution(GOLD, dev_articles.get)
    print(score_report(score))
    assert score.missing_articles == 0 and score.missing_sentences == 0
    assert score.f1 >= 0.85
    assert score.stance_accuracy >= 0.95
    assert score.via_accuracy >= 0.95


def test_spans_point_into_text(dev_articles: dict[str, Article]) -> None:
    for article in dev_articles.values():
        for st in find_statements(article):
            for span in (st.speaker, st.cue, st.content):
                assert article.text[span.start:span.end] == span.text
            d = st.to_dict()
            assert set(d) >= {"speaker", "speaker_type", "cue", "stance", "content", "via", "sentence_index", "spans"}


@pytest.mark.parametrize("text", [
    "زار مقال الكاتب المعرض أمس.",                      # قال inside a word
    "عرض الفيلم «قالت لي الحياة» في الافتتاح.",          # a title in quotes
    "أعلنت الجامعة فتح باب القبول للطلاب.",               # performative أعلن
    "يذكر أن المهرجان يقام سنويا.",                       # narrator's formula
    "وصل الطالب إلى المدرسة صباحا.",                      # طالب the student
    "وفقا لطلبات العملاء تم تعديل الجدول.",               # وفقاً لـ a procedure
])
def test_negatives(text: str) -> None:
    assert find_statements(_article(text)) == []


def test_pronoun_continuation_and_quote_spanning() -> None:
    text = "وقال الوزير: «الوضع مستقر. والأمن مستتب». وأضاف أن الحدود مفتوحة."
    sts = find_statements(_article(text))
    assert [s.speaker.text for s in sts] == ["الوزير"] * 3
    assert [s.cue.text for s in sts] == ["وقال", "", "وأضاف"]
    assert sts[2].resolved_from_context


def test_empty_and_sentence_less_articles() -> None:
    assert find_statements(_article("")) == []
    assert find_statements(_article("   \n ")) == []
    st = find_statements(_article("نفت الوزارة صحة الأنباء"))  # no sentences, no final stop
    assert st and st[0].stance == "deny" and st[0].sentence_index == 0
    assert statements_report([]) == ""
