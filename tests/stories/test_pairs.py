"""Pair features on real SaudiNewsNet headlines: who acts in a headline tells two
happenings of one kind apart (the King and his deputy receiving one visitor)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from riwaya.ingest.sources import iter_raw_documents
from riwaya.model import Article
from riwaya.pipeline import analyze
from riwaya.stories.pairs import pair_features, pair_model, subject_mismatch
from riwaya.stories.signals import ArticleSignals, compute_signals


@pytest.fixture(scope="module")
def geagea_visit(saudinewsnet_days: list[Path]) -> dict[str, ArticleSignals]:
    """The 21 July 2015 articles on Samir Geagea's audiences, by title (one per title)."""
    day = next((p for p in saudinewsnet_days if p.name.startswith("2015-07-21")), None)
    if day is None:
        pytest.skip("SaudiNewsNet day 2015-07-21 not found")
    articles: dict[str, Article] = {}
    for raw in iter_raw_documents([str(day)]):
        if isinstance(raw, Exception) or "القوات اللبنانية" not in (raw.title or ""):
            continue
        articles.setdefault(raw.title or "", analyze(raw))
    rows = list(enumerate(articles.values()))
    # Zero vectors: these tests are about the text features, not the embedding.
    signals = compute_signals(rows, np.zeros((len(rows), 512), dtype=np.float32), date(2015, 7, 21))
    return {s.title: s for s in signals}


KING = "خادم الحرمين يستقبل رئيس حزب القوات اللبنانية"
DEPUTY = "ولي ولي العهد يجتمع مع رئيس حزب القوات اللبنانية"
DEPUTY_BY_NAME = "الأمير محمد بن سلمان يجتمع مع رئيس حزب القوات اللبنانية"


def test_subject_mismatch_tells_the_king_and_his_deputy_receiving_one_visitor_apart(geagea_visit):
    assert {KING, DEPUTY, DEPUTY_BY_NAME} <= set(geagea_visit), sorted(geagea_visit)
    king, deputy, by_name = geagea_visit[KING], geagea_visit[DEPUTY], geagea_visit[DEPUTY_BY_NAME]
    # Neither lead names the other's actor.
    assert subject_mismatch(king, deputy) == 2
    # The deputy by title and by name: each lead names him both ways.
    assert subject_mismatch(deputy, by_name) == 0
    # The model counts the mismatch against the pair.
    features = pair_features(king, deputy)
    model = pair_model()
    assert model.probability(features) < model.probability(replace(features, subject_mismatch=0))
