"""The pair-stance classifier: ANS dev floor (issue 6 acceptance 2), behaviour on
hand-written pairs, the shipped model file, and a training run on a slice."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import numpy as np
import pytest

from riwaya.claims import LABELS, predict_stance, stance_probabilities
from riwaya.claims.commands import eval_pairs
from riwaya.claims.pair_stance import DENSE_FEATURES, MODEL_PATH, StanceModel
from riwaya.claims.train import read_ans, train_pair_stance

# Measured with the shipped model: macro-F1 0.809, accuracy 0.797 (F1 agree 0.735,
# disagree 0.834, other 0.857). The floor sits a little under, so a drop fails.
DEV_MACRO_F1_FLOOR = 0.80


@pytest.fixture(scope="module")
def ans_dir(shared_dir: Path) -> Path:
    path = shared_dir / "data" / "ans" / "stance"
    if not (path / "dev.csv").exists():
        pytest.skip(f"{path}/dev.csv not found: ANS lives in ../shared/data/ans")
    return path


def test_ans_dev_macro_f1_floor(ans_dir: Path):
    report = eval_pairs(ans_dir / "dev.csv")
    print(report)
    first = report.splitlines()[0]
    macro_f1 = float(first.rsplit("macro-F1", 1)[1])
    assert macro_f1 >= DEV_MACRO_F1_FLOOR, report


def test_a_negated_claim_disagrees():
    pairs = [
        ("الكرملين يؤكد صحة التقرير عن الاتفاق مع واشنطن", "الكرملين ينفي صحة التقرير عن الاتفاق مع واشنطن"),
        ("الحكومة توافق على رفع أسعار الوقود", "الحكومة لم توافق على رفع أسعار الوقود"),
        ("أسعار الذهب ترتفع مع تراجع الدولار", "أسعار الذهب تنخفض مع تراجع الدولار"),
    ]
    assert predict_stance(pairs) == ["disagree"] * 3


def test_a_paraphrase_agrees():
    pairs = [
        ("الصليب الأحمر يسحب 71 عامل إغاثة من اليمن", "سحب 71 عامل إغاثة تابعين للصليب الأحمر من اليمن"),
        ("مصر تفتتح أكبر محطة للطاقة الشمسية في أفريقيا", "افتتاح أكبر محطة طاقة شمسية في أفريقيا في مصر"),
    ]
    assert predict_stance(pairs) == ["agree", "agree"]


def test_unrelated_headlines_are_other():
    pairs = [("وفاة مبتكر الرجل العنكبوت عن عمر 90 عاما", "البنك المركزي الأردني يبقي أسعار الفائدة دون تغيير")]
    assert predict_stance(pairs) == ["other"]


def test_probabilities_sum_to_one_and_order_is_kept():
    pairs = [("أسعار الذهب ترتفع", "أسعار الذهب تنخفض"), ("أسعار الذهب ترتفع", "ارتفاع أسعار الذهب")]
    probs = stance_probabilities(pairs)
    assert probs.shape == (2, len(LABELS))
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert predict_stance(pairs[::-1]) == predict_stance(pairs)[::-1]
    assert predict_stance([]) == []


def test_shipped_model_is_plain_arrays():
    with zipfile.ZipFile(MODEL_PATH) as zf:
        assert all(name.endswith(".npy") for name in zf.namelist())
    with np.load(MODEL_PATH, allow_pickle=False) as z:  # no object arrays: nothing to unpickle
        assert tuple(z["dense_features"].tolist()) == DENSE_FEATURES
    model = StanceModel.load(MODEL_PATH)
    assert model.coef.shape == (3, len(DENSE_FEATURES) + len(model.vocabulary))


def test_train_on_a_slice_writes_a_model_that_loads(ans_dir: Path, tmp_path: Path):
    rows = read_ans(ans_dir / "train.csv")
    by_class = {label: [r for r in rows if r.stance == label][:60] for label in LABELS}
    sliced = tmp_path / "train.csv"
    with open(sliced, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["s1", "s2", "stance"])
        writer.writerows((r.s1, r.s2, r.stance) for group in by_class.values() for r in group)
    out = tmp_path / "model.npz"
    report = train_pair_stance(sliced, None, out)
    assert report.train_pairs == 180 and out.exists() and report.dev is None
    model = StanceModel.load(out)
    assert set(predict_stance([("أسعار الذهب ترتفع", "أسعار الذهب تنخفض")], model=model)) <= set(LABELS)
    assert "chosen C=" in str(report)
