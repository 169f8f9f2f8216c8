"""train_ner runs end to end on a tiny slice of the shared data (the shipped model
is trained on all of it by ``riwaya train ner``)."""

from __future__ import annotations

from pathlib import Path

from riwaya.entities import tag_tokens
from riwaya.entities.train import train_ner


def test_train_ner_on_a_slice_writes_a_usable_model(shared_dir: Path, tmp_path: Path):
    report = train_ner(shared_dir / "data", tmp_path / "tiny.crfsuite", limit=40, params={"max_iterations": 15})
    assert report.model_path.exists() and report.model_bytes > 0
    assert set(report.sources) == {"newsfane", "newsfane_glued", "wojood"}
    tags = tag_tokens([["قال", "بوتين", "في", "موسكو"]], model_path=report.model_path)
    assert len(tags[0]) == 4
