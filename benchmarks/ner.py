"""NER tagging speed and quality on one core.

Speed: tokens/s of ``tag_tokens`` (features + CRF + name propagation) over real
news text (SaudiNewsNet articles, tokenized as ``find_entities`` does), with a cold
feature cache; and in the same run two baselines: feature extraction alone, and a
gazetteer-only tagger (longest phrase match of the shipped gazetteers, no model).
Quality: CoNLL entity-level scores of the model and of the gazetteer-only baseline
on the NewsFANE held-out tail (last 15%, never trained on) and the Wojood test file.

    python benchmarks/ner.py                  # speed on 2,000 articles + quality
    python benchmarks/ner.py --articles 500 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from riwaya.arabic.sentences import split_sentences
from riwaya.entities import features as features_module
from riwaya.entities.datasets import Sentence, read_newsfane, read_wojood, split_newsfane
from riwaya.entities.evaluate import format_scores, score_sequences
from riwaya.entities.features import sentence_features, token_info
from riwaya.entities.gazetteer import load_gazetteer, phrase_matches
from riwaya.entities.tagger import _TOKEN_RE, tag_tokens

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
_GAZ_TYPES = {"full_name": "PER", "place": "LOC", "country": "LOC", "org": "ORG", "misc": "MISC"}
_SINGLE = {"place": "LOC", "country": "LOC", "org": "ORG", "misc": "MISC"}


def news_sentences(corpus: Path, articles: int) -> list[list[str]]:
    """Token lists of the sentences of the first ``articles`` SaudiNewsNet articles."""
    out: list[list[str]] = []
    taken = 0
    for day in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(day) as archive:
            for record in json.loads(archive.read(archive.namelist()[0])):
                for sentence in split_sentences(record["content"] or ""):
                    tokens = [m.group() for m in _TOKEN_RE.finditer(sentence.text)]
                    if tokens:
                        out.append(tokens)
                taken += 1
                if taken >= articles:
                    return out
    return out


def gazetteer_tags(tokens: list[str]) -> list[str]:
    """Baseline: longest gazetteer phrase match, else a single-word place/org/product."""
    gazetteer = load_gazetteer()
    forms = [token_info(t, gazetteer).form for t in tokens]
    tags = ["O"] * len(tokens)
    for start, end, names in phrase_matches(forms, gazetteer):
        kind = next((_GAZ_TYPES[n] for n in _GAZ_TYPES if n in names), "MISC")
        tags[start:end] = ["B-" + kind] + ["I-" + kind] * (end - start - 1)
    for i, form in enumerate(forms):
        if tags[i] == "O":
            lists = gazetteer.lists_of(form)
            single = next((_SINGLE[n] for n in _SINGLE if n in lists), None)
            if single:
                tags[i] = "B-" + single
    return tags


def timed(label: str, work: Callable[[list[list[str]]], object], sentences: list[list[str]]) -> dict[str, float]:
    features_module._cache.clear()  # cold cache: every run pays for its own token features
    tokens = sum(len(s) for s in sentences)
    started = time.perf_counter()
    work(sentences)
    elapsed = time.perf_counter() - started
    result = {"tokens": tokens, "seconds": round(elapsed, 2), "tokens_per_s": round(tokens / elapsed)}
    print(f"{label:<38} {tokens:>9} tokens {elapsed:>7.2f} s {tokens / elapsed:>10,.0f} tokens/s")
    return result


def quality(name: str, sentences: list[Sentence]) -> dict[str, float]:
    gold = [s.tags for s in sentences]
    model = score_sequences(gold, tag_tokens([list(s.tokens) for s in sentences]), ("PER", "ORG", "LOC"))
    base = score_sequences(gold, [gazetteer_tags(list(s.tokens)) for s in sentences], ("PER", "ORG", "LOC"))
    print(f"\n{name}: model\n{format_scores(model)}\n{name}: gazetteer-only baseline\n{format_scores(base)}")
    return {"model_micro_f1": round(model["micro"].f1, 4), "gazetteer_micro_f1": round(base["micro"].f1, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    load_gazetteer()
    tag_tokens([["تحميل"]])  # load the model outside the timings
    sentences = news_sentences(args.data / "saudinewsnet", args.articles)
    results: dict[str, dict[str, float]] = {
        "tag_tokens": timed("tag_tokens (features+CRF+propagation)", tag_tokens, sentences),
        "features_only": timed("baseline: feature extraction alone", lambda ss: [sentence_features(s) for s in ss], sentences),
        "gazetteer_only": timed("baseline: gazetteer-only tagger", lambda ss: [gazetteer_tags(s) for s in ss], sentences),
    }
    ratio = results["tag_tokens"]["tokens_per_s"] / results["features_only"]["tokens_per_s"]
    print(f"tag_tokens runs at {ratio:.2f}x the speed of feature extraction alone")
    _, held_out = split_newsfane(read_newsfane(args.data / "ner/newsfane/newsfane_minus_anercorp_test.tsv"))
    results["newsfane_held_out"] = quality("NewsFANE held-out", held_out)
    results["wojood_test"] = quality("Wojood test", read_wojood(args.data / "ner/wojood_sample/test.txt"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
