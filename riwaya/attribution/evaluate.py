"""Score attribution against a gold file (issue 5 §5).

Gold format (``gold/attribution-saudinewsnet-dev.json``)::

    {"sentences": [{"url", "text", "statements": [{speaker, speaker_type, cue, stance, content, via}]}]}

Each sentence is found in its article by ``text in whitespace-normalised article.text``;
the predicted statements of that sentence are those whose cue (or, for a quotation
continuation, content) starts inside it. A predicted statement **matches** a gold one
when the speakers agree after normalization (folded letters, quotes and clitic و/ف
off; equal, or one a contiguous word sequence of the other: "منصور" agrees with
"المستشار مرتضى منصور رئيس نادي الزمالك") and the predicted content covers ≥ 50% of
the gold content's words. Matching is one-to-one, greedy by overlap, in gold order.
Reported: statement precision/recall/F1, stance accuracy and via exact-match
(element-wise after the same normalization) on matched statements, and, stricter,
the share of matches whose speaker is equal after normalization.

>>> speakers_agree("منصور", "المستشار مرتضى منصور"), speakers_agree("روسيا", "قطر")
(True, False)
>>> round(content_overlap("الأهلي لعب وهو مطالب", "الأهلي لعب وهو مطالب بالفوز"), 2)
0.8
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.attribution.statements import find_statements
from riwaya.errors import RiwayaError
from riwaya.model import Article, Statement

__all__ = ["AttributionScore", "evaluate_attribution", "speakers_agree", "content_overlap", "load_gold_articles"]

_WORD_RE = re.compile(r"[^\s\"'«»“”()\[\]،,:.؛;!؟?\-–—]+")


class GoldError(RiwayaError):
    """The gold file could not be read or has the wrong shape."""


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(normalize_for_matching(text))


def _speaker_words(text: str) -> list[str]:
    words = _words(text)
    out = []
    for n, w in enumerate(words):
        if n == 0 and len(w) > 3 and w[0] in "وف":
            w = w[1:]
        if w.startswith("لل") and len(w) > 4:
            w = "ا" + w[1:]
        out.append(w)
    return out


def speakers_agree(predicted: str, gold: str) -> bool:
    """Equal after normalization, or one a contiguous word run of the other."""
    a, b = _speaker_words(predicted), _speaker_words(gold)
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any(b[i:i + len(a)] == a for i in range(len(b) - len(a) + 1))


def content_overlap(predicted: str, gold: str) -> float:
    """Share of the gold content's words (as a multiset) found in the predicted content."""
    g = Counter(_words(gold))
    if not g:
        return 0.0
    p = Counter(_words(predicted))
    return sum(min(n, p[w]) for w, n in g.items()) / sum(g.values())


def _norm_via(via: Iterable[str]) -> list[str]:
    return [" ".join(_speaker_words(v)) for v in via]


@dataclass
class AttributionScore:
    """Counts and rates of one evaluation run."""

    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    stance_correct: int = 0
    via_exact: int = 0
    speaker_exact: int = 0
    type_correct: int = 0
    missing_articles: int = 0
    missing_sentences: int = 0
    negatives: int = 0
    negatives_clean: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_correct / self.matched if self.matched else 0.0

    @property
    def via_accuracy(self) -> float:
        return self.via_exact / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences, "gold_statements": self.gold, "predicted_statements": self.predicted,
            "matched": self.matched, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "stance_accuracy": round(self.stance_accuracy, 4),
            "via_exact": round(self.via_accuracy, 4),
            "speaker_exact": round(self.speaker_exact / self.matched, 4) if self.matched else 0.0,
            "speaker_type_accuracy": round(self.type_correct / self.matched, 4) if self.matched else 0.0,
            "negative_sentences": self.negatives, "negative_sentences_clean": self.negatives_clean,
            "missing_articles": self.missing_articles, "missing_sentences": self.missing_sentences,
        }


def _ws_map(text: str) -> tuple[str, list[int]]:
    """Whitespace-normalised text and, per character, its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            in_space = True
            continue
        if in_space and out:
            out.append(" ")
            where.append(i - 1)
        in_space = False
        out.append(ch)
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def evaluate_attribution(
    gold_path: str | Path,
    article_for_url: Callable[[str], Article | None],
    *,
    extract: Callable[[Article], list[Statement]] = find_statements,
) -> AttributionScore:
    """Score ``extract`` (default :func:`find_statements`) on the gold file at ``gold_path``;
    ``article_for_url`` finds an article by url (e.g. a store lookup) or returns None."""
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        sentences = gold["sentences"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GoldError(f"{gold_path}: not an attribution gold file ({e})") from e
    score = AttributionScore()
    cache: dict[str, tuple[Article, list[Statement], str, list[int]] | None] = {}
    for sentence in sentences:
        score.sentences += 1
        golds = sentence.get("statements", [])
        score.gold += len(golds)
        if not golds:
            score.negatives += 1
        url = sentence["url"]
        if url not in cache:
            article = article_for_url(url)
            cache[url] = None if article is None else (article, extract(article), *_ws_map(article.text))
        entry = cache[url]
        if entry is None:
            score.missing_articles += 1
            continue
        article, statements, flat, where = entry
        at = flat.find(sentence["text"])
        if at < 0:
            score.missing_sentences += 1
            continue
        start, end = where[at], where[at + len(sentence["text"]) - 1] + 1
        predicted = [s for s in statements if start <= (s.cue.start if s.cue.text else s.content.start) < end]
        score.predicted += len(predicted)
        if not golds and not predicted:
            score.negatives_clean += 1
        _match(sentence, golds, predicted, score)
    return score


def _match(sentence: dict[str, Any], golds: list[dict[str, Any]], predicted: list[Statement], score: AttributionScore) -> None:
    free = list(range(len(predicted)))
    for g in golds:
        best, best_overlap = None, 0.5
        for k in free:
            p = predicted[k]
            if not speakers_agree(p.speaker.text, g["speaker"]):
                continue
            overlap = content_overlap(p.content.text, g["content"])
            if overlap >= best_overlap:
                best, best_overlap = k, overlap
        if best is None:
            score.errors.append({"kind": "missed", "text": sentence["text"], "gold": g,
                                 "predicted": [p.to_dict() for p in predicted]})
            continue
        free.remove(best)
        p = predicted[best]
        score.matched += 1
        score.stance_correct += p.stance == g["stance"]
        score.type_correct += p.speaker_type == g["speaker_type"]
        score.speaker_exact += _speaker_words(p.speaker.text) == _speaker_words(g["speaker"])
        if _norm_via(p.via_texts) == _norm_via(g["via"]):
            score.via_exact += 1
        else:
            score.errors.append({"kind": "via", "text": sentence["text"], "gold": g, "predicted": [p.to_dict()]})
        if p.stance != g["stance"]:
            score.errors.append({"kind": "stance", "text": sentence["text"], "gold": g, "predicted": [p.to_dict()]})
    for k in free:
        score.errors.append({"kind": "spurious", "text": sentence["text"], "gold": None, "predicted": [predicted[k].to_dict()]})


def load_gold_articles(gold_path: str | Path, data_dir: str | Path) -> dict[str, Article]:
    """The gold's articles, read from the SaudiNewsNet day zips in ``data_dir`` (only the
    days the gold's ``_meta.days`` names, only the urls it uses) and analyzed."""
    from riwaya.ingest.sources import IngestOptions, iter_raw_documents
    from riwaya.pipeline import analyze

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    urls = {s["url"] for s in gold["sentences"]}
    days = gold.get("_meta", {}).get("days") or sorted(p.stem for p in Path(data_dir).glob("*.zip"))
    zips = [str(path) for day in days if (path := Path(data_dir) / f"{day}.zip").exists()]
    articles: dict[str, Article] = {}
    for document in iter_raw_documents(zips, IngestOptions()):
        if isinstance(document, RiwayaError) or document.url not in urls or document.url in articles:
            continue
        articles[document.url] = analyze(document)
    return articles
