"""Attribution: seeds, the SaudiNewsNet dev gold, negatives and bad input."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from riwaya.attribution import chain, evaluate_attribution, find_statements, format_chain, independent_origins
from riwaya.attribution.commands import score_report, statements_report
from riwaya.arabic.normalize import normalize_for_matching
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


def _extent(article: Article, st: Any, others: list[Any]) -> str:
    """The statement as written: its content with the cue and the speaker when they are
    written in the same sentence (seeds.json quotes include them: "غير أن ماسك نفى ادعاء بريمر").
    A speaker is the statement's own only when nothing of another statement lies between
    it and the cue: in "اعترف ماسك بأنه …، وقال على منصة إكس إن …" the second statement is
    "وقال … إن …", not the whole sentence from "ماسك" on (it would cover the first one's
    words too and be taken for it). A statement whose content holds both speaker and cue
    embeds this one ("ورد أن أحد المطلعين قال"): it lies around, not between."""
    spans = [st.content] + ([st.cue] if st.cue.text else [])
    if st.speaker.text and not st.resolved_from_context:
        lo = min(st.speaker.start, st.cue.start if st.cue.text else st.content.start)
        hi = max(st.speaker.end, st.cue.end if st.cue.text else st.content.start)
        if not any(sp.text and sp.start < hi and lo < sp.end and not (o.content.start <= lo and hi <= o.content.end)
                   for o in others if o is not st for sp in (o.cue, o.content)):
            spans.append(st.speaker)
    start, end = min(sp.start for sp in spans), max(sp.end for sp in spans)
    if end - start > len(st.content.text) + 200:
        return st.content.text
    return article.text[start:end]


def _find(article: Article, quote: str, speaker: str | None = None) -> list[Any]:
    """Statements whose extent (:func:`_extent`) covers ≥ 40% of ``quote``'s words, best
    first (ties broken by how much of the statement the quote covers, then text order),
    whose content lies mostly inside the quote or holds it.

    With ``speaker`` (a seeds.json chain element), the issue's match rule comes first: a
    statement whose speaker agrees with it is a match before any that does not, so a gold
    statement nested in another ("وبحسب الصحيفة فإن …، حيث نقلت عن العديد من مسؤولي البيت
    الأبيض أنهم …", speaker the officials) is the nested statement, not the outer one."""
    quote = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", quote)
    statements = find_statements(article)
    pattern = _link_pattern(speaker)[0] if speaker else None
    scored = sorted(((content_overlap(_extent(article, s, statements), quote) + 0.01 * content_overlap(quote, s.content.text),
                      n, s, bool(pattern and pattern.search(normalize_for_matching(chain(s)[-1]))))
                     for n, s in enumerate(statements)), key=lambda x: (-x[3], -x[0], x[1]))
    # a statement elsewhere that shares a few words with a short quote ("ولم يعلق ماسك على
    # القصة" and "… على تقنيات ماسك") is none: its content lies mostly in the quote, or holds it
    return [s for overlap, _, s, _ in scored if overlap >= 0.4 and (
        content_overlap(quote, s.content.text) >= 0.5 or content_overlap(s.content.text, quote) >= 0.8)]


# seeds.json names chain links in English; the Arabic forms that name them in the seed
# texts (from seeds.json `entities` variants and descriptors). A link the gold marks as
# not named in the text ("wire agency (not named …)", "unnamed English-language …",
# "implicit") may be absent from a predicted chain; an anonymous source is matched by
# its head words.
_NAMED_LINKS = {
    "Wall Street Journal": "وول ستريت جورنال", "WSJ": "وول ستريت جورنال", "a report (= WSJ)": "وول ستريت جورنال",
    "القدس العربي": "القدس العربي", "اندبندنت عربية": "اندبندنت عربية", "الجزيرة": "الجزيرة",
    "CNN": "cnn|سي إن إن", "Axios": "أكسيوس", "Peskov": "بيسكوف|متحدث باسم الكرملين", "Kremlin": "الكرملين",
    "Trump campaign": "حملة ترامب|حملة ترمب", "Donald Trump": "ترامب|ترمب", "Elon Musk": "ماسك",
    "Bremmer": "بريمر", "Fiona Hill": "فيونا هيل", "Zelensky": "زيلينسكي", "Woodward": "وودورد",
    "DOJ": "وزارة العدل|إفادة خطية", "Pentagon officials": "مسؤولو البنتاغون", "Ukrainian officials": "مسؤولون أوكرانيون",
}
_ANONYMOUS_LINK = "مصدر|مصادر|مسؤول|مطلع|شخص|ضابط|العديد|عدة|تقارير"
_OPTIONAL_LINK = ("not named", "unnamed English", "not stated", "implicit)", "(WSJ, implicit")


def _link_pattern(element: str) -> tuple[re.Pattern[str], bool]:
    optional = any(o in element for o in _OPTIONAL_LINK)
    for english, arabic in _NAMED_LINKS.items():
        if element.startswith(english) or english in element.split(" (")[0]:
            return re.compile(normalize_for_matching(arabic)), optional
    return re.compile(normalize_for_matching(_ANONYMOUS_LINK)), optional


def _chain_matches(predicted: list[str], gold: list[str]) -> bool:
    """Every predicted name (outermost first) matches the next gold link in order; only
    links the gold marks as unnamed may be skipped."""
    links = [_link_pattern(e) for e in gold]
    names = [normalize_for_matching(p) for p in predicted]

    def walk(i: int, j: int) -> bool:
        if j == len(names):
            return all(optional for _, optional in links[i:])
        if i == len(links):
            return False
        pattern, optional = links[i]
        return bool(pattern.search(names[j])) and walk(i + 1, j + 1) or optional and walk(i + 1, j)
    return walk(0, 0)


def test_seed_statements_found(seeds: dict[str, Article], seeds_gold: dict[str, Any]) -> None:
    """Acceptance 1: each occurrence of each seeds.json statement, with the speaker its
    article states (the last link of `chain_as_stated`), the statement's stance and the
    chain as stated (the publishing site, its first element, is never a link)."""
    n = {"occurrences": 0, "found": 0, "speaker": 0, "stance": 0, "chain": 0, "all": 0}
    for statement in seeds_gold["statements"]:
        for occ in statement["occurrences"]:
            n["occurrences"] += 1
            gold_chain = occ["chain_as_stated"][1:]
            hits = _find(seeds[occ["article"]], occ["quote"], gold_chain[-1])
            if not hits:
                continue
            n["found"] += 1
            best = hits[0]
            names = chain(best)
            speaker_ok = bool(_link_pattern(gold_chain[-1])[0].search(normalize_for_matching(names[-1])))
            stance_ok = best.stance == statement["stance"]
            chain_ok = _chain_matches(names, gold_chain)
            n["speaker"] += speaker_ok
            n["stance"] += stance_ok
            n["chain"] += chain_ok
            n["all"] += speaker_ok and stance_ok and chain_ok
    print(f"seeds: of {n['occurrences']} statement occurrences, {n['found']} extracted; "
          f"right speaker {n['speaker']} of {n['occurrences']}, stance {n['stance']} of {n['occurrences']}, "
          f"chain {n['chain']} of {n['occurrences']}, all three {n['all']} of {n['occurrences']}")
    # floors at what is reached (measured 84 / 84 / 75 / 84 / 75 of 95; 82 / 81 / 72 / 81 / 71 before
    # the expressive, first-report, people-briefed and consequence-clause rules; 73 / 63 / 61 / 60 / 52
    # before the agreement, no-comment, translated-narration and source-phrase rules; before
    # issue 5's second pass 64 / 48 / 45 / 43 / 32). Most of the rest is seeds.json's reading
    # of a relay's own narration as a statement, which the guideline (§3.4) does not label,
    # and its stance `other` for remarks and reasons (§10).
    assert n["found"] >= 84 and n["speaker"] >= 84 and n["stance"] >= 75 and n["chain"] >= 84 and n["all"] >= 75


def test_seed_002_taiwan_chain(seeds: dict[str, Article]) -> None:
    hits = _find(seeds["002"], "أن بوتين طلب من ماسك عدم تفعيل خدمة الإنترنت عبر الأقمار الصناعية “ستار لينك” (Starlink) فوق تايوان")
    chains = [format_chain(chain(h)) for h in hits]
    print(chains)
    assert chains[0] == "وكالة أنباء الجزيرة ← صحيفة وول ستريت جورنال ← شخصين مطلعين"
    assert hits[0].speaker_type == "anonymous" and hits[0].anonymous_count == 2


def test_seed_000_credits(seeds: dict[str, Article]) -> None:
    """The stray "المصدر: الشرق الأوسط - 2022/11/18" widget is no link; the closing
    translation credit covers the section headed by the original outlet's name."""
    sts = find_statements(seeds["000"])
    assert not any("الشرق الأوسط" in link.text for st in sts for link in st.via)
    peskov = next(s for s in sts if "بيسكوف" in s.speaker.text)
    assert [link.text for link in peskov.via] == []
    source = _find(seeds["000"], "ونقلت الصحيفة عن مصدرين أن أحد هؤلاء المسؤولين الروس كان سيرغي كيرينكو")
    assert format_chain(chain(source[0])) == "القدس العربي ← وول ستريت جورنال ← مصدرين"


def test_seed_peskov_denial(seeds: dict[str, Article]) -> None:
    denials = [s for s in find_statements(seeds["000"]) if s.stance == "deny" and "بيسكوف" in s.speaker.text]
    assert denials and "غير صحيح" in denials[0].content.text


def test_seed_claim_origins(seeds: dict[str, Article], seeds_gold: dict[str, Any]) -> None:
    """Acceptance 3: independent-origin counts of seeds.json `claims`, for the claims
    whose statements are found (each occurrence contributes its best statement)."""
    by_id = {s["id"]: s for s in seeds_gold["statements"]}
    texts = {k: a.text for k, a in seeds.items()}
    reproduced = tried = 0
    for claim in seeds_gold["claims"]:
        found: dict[str, list[Any]] = {}
        for sid in claim["statements"]:
            for occ in by_id.get(sid, {}).get("occurrences", []):
                found.setdefault(occ["article"], []).extend(
                    _find(seeds[occ["article"]], occ["quote"], occ["chain_as_stated"][-1])[:1])
        found = {k: v for k, v in found.items() if v}
        if not found:
            continue
        tried += 1
        reproduced += independent_origins(found, texts=texts) == claim["independent_origins"]
    print(f"claims: independent-origin count reproduced for {reproduced} of {tried} claims found "
          f"({len(seeds_gold['claims'])} in the gold)")
    assert tried >= 33 and reproduced >= 32  # measured 32 of 33 (31 of 33 before the first-report rule, 30 of 32, 28 of 31, 24 of 28)


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
