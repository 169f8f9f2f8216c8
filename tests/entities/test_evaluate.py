"""Acceptance 1 and 2: the held-out NewsFANE tail and the Wojood sample test file."""

from __future__ import annotations

from pathlib import Path

import pytest

from riwaya.entities.commands import eval_ner
from riwaya.entities.datasets import read_newsfane, read_wojood, split_newsfane, write_conll
from riwaya.entities.evaluate import evaluate_conll, iob_spans

# Floors pinned a little under the figures measured when the model was trained
# (0.647 and 0.815 with the shipped model): a drop fails the test.
NEWSFANE_FLOOR = 0.64
WOJOOD_FLOOR = 0.80


@pytest.fixture(scope="module")
def ner_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "ner"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return path


def test_newsfane_held_out_is_the_last_15_percent(ner_dir: Path):
    sentences = read_newsfane(ner_dir / "newsfane" / "newsfane_minus_anercorp_test.tsv")
    train, held_out = split_newsfane(sentences)
    assert train + held_out == sentences
    assert len(held_out) >= 0.15 * len(sentences)
    assert sum(len(s.tokens) for s in held_out) >= 0.15 * sum(len(s.tokens) for s in sentences)
    assert all(iob_spans(s.tags) is not None for s in held_out)


def test_eval_newsfane_held_out(ner_dir: Path, tmp_path: Path):
    _, held_out = split_newsfane(read_newsfane(ner_dir / "newsfane" / "newsfane_minus_anercorp_test.tsv"))
    gold = tmp_path / "newsfane_held_out.conll"
    write_conll(held_out, gold)
    table = eval_ner(gold)
    print("\nNewsFANE held-out (last 15%, never trained on)\n" + table)
    assert evaluate_conll(gold)["micro"].f1 >= NEWSFANE_FLOOR


def test_eval_wojood_sample_test(ner_dir: Path, tmp_path: Path):
    gold = tmp_path / "wojood_test.conll"
    write_conll(read_wojood(ner_dir / "wojood_sample" / "test.txt"), gold)
    print("\nWojood sample test (PERS→PER, GPE+LOC→LOC, ORG)\n" + eval_ner(gold))
    assert evaluate_conll(gold)["micro"].f1 >= WOJOOD_FLOOR
