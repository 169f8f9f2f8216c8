"""riwaya pairs / eval pairs: CSV in, CSV or scores out, one-line errors naming file and row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from riwaya.claims.commands import PairsFileError, eval_pairs, pairs_csv
from riwaya.claims.evaluate import score_stances
from riwaya.errors import RiwayaError


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pairs_csv_writes_s1_s2_predicted(tmp_path: Path):
    src = _write(
        tmp_path / "p.csv",
        "id,s2,s1,note\n"
        '1,أسعار الذهب تنخفض,أسعار الذهب ترتفع,x\n'
        '2,"ارتفاع أسعار الذهب، اليوم",أسعار الذهب ترتفع اليوم,y\n',
    )
    out = io.StringIO()
    assert pairs_csv(src, out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["s1", "s2", "predicted"]
    assert rows[1][:2] == ["أسعار الذهب ترتفع", "أسعار الذهب تنخفض"]
    assert rows[2][1] == "ارتفاع أسعار الذهب، اليوم"
    assert all(r[2] in {"agree", "disagree", "other"} for r in rows[1:])


def test_eval_pairs_reports_accuracy_macro_f1_and_confusion(tmp_path: Path):
    src = _write(tmp_path / "g.csv", "s1,s2,stance\nأسعار الذهب ترتفع,أسعار الذهب تنخفض,disagree\n")
    report = eval_pairs(src)
    assert report.startswith("1 pairs · accuracy ")
    assert "macro-F1" in report and "confusion" in report and "disagree" in report


@pytest.mark.parametrize(
    ("content", "where", "reason"),
    [
        ("", "e.csv", "empty file"),
        ("\n\n", "e.csv", "empty file"),
        ("s1,text\nأ,ب\n", "e.csv:1", "no 's2' column (header: s1, text)"),
        ("s1,s2\nأ\n", "e.csv:2", "1 field(s) where the header has 2"),
        ('s1,s2\nأ,ب\n"أ,ب\n', "e.csv:3", "malformed CSV"),
    ],
)
def test_bad_pairs_files_name_the_file_and_row(tmp_path: Path, content: str, where: str, reason: str):
    src = _write(tmp_path / "e.csv", content)
    with pytest.raises(PairsFileError) as info:
        pairs_csv(src, io.StringIO())
    message = str(info.value)
    assert message.startswith(str(tmp_path / where) + ":") and reason in message
    assert "\n" not in message and isinstance(info.value, RiwayaError)


def test_non_utf8_file_names_the_line(tmp_path: Path):
    src = tmp_path / "w.csv"
    src.write_bytes("s1,s2\nأ,ب\n".encode() + "ج,د\n".encode("cp1256"))
    with pytest.raises(PairsFileError, match=r"w\.csv:3: not UTF-8"):
        pairs_csv(src, io.StringIO())


def test_missing_file(tmp_path: Path):
    with pytest.raises(PairsFileError, match="no such file"):
        pairs_csv(tmp_path / "nope.csv", io.StringIO())


def test_nothing_is_written_before_a_bad_row(tmp_path: Path):
    src = _write(tmp_path / "b.csv", "s1,s2\nأ,ب\nج\n")
    out = io.StringIO()
    with pytest.raises(PairsFileError):
        pairs_csv(src, out)
    assert out.getvalue() == ""


def test_eval_needs_a_stance_column_with_known_labels(tmp_path: Path):
    with pytest.raises(PairsFileError, match=r"g\.csv:1: no 'stance' column"):
        eval_pairs(_write(tmp_path / "g.csv", "s1,s2\nأ,ب\n"))
    with pytest.raises(PairsFileError, match=r"h\.csv:2: stance 'unrelated' is not one of agree, disagree, other"):
        eval_pairs(_write(tmp_path / "h.csv", "s1,s2,stance\nأ,ب,unrelated\n"))


def test_scores_match_hand_counts():
    s = score_stances(["agree", "agree", "disagree", "other"], ["agree", "disagree", "disagree", "agree"])
    agree, disagree, other = s.classes
    assert (agree.precision, agree.recall) == (0.5, 0.5)
    assert (disagree.precision, disagree.recall) == (0.5, 1.0)
    assert other.f1 == 0.0 and s.accuracy == 0.5
    assert s.confusion == ((1, 1, 0), (0, 1, 0), (1, 0, 0))
