"""Plain functions behind ``riwaya pairs``, ``riwaya eval pairs`` and ``riwaya train pairs``;
cli.py parses arguments, calls one of these and prints."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from riwaya.claims.evaluate import format_scores, score_stances
from riwaya.claims.pair_stance import LABELS, MODEL_PATH, predict_stance
from riwaya.errors import IngestError

if TYPE_CHECKING:
    from riwaya.claims.train import TrainReport

_BATCH = 512


class PairsFileError(IngestError):
    """A pairs CSV could not be read: missing file or column, bad encoding, malformed row."""


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    s1: str
    s2: str
    stance: str | None


def _read_rows(path: Path, *, need_stance: bool = False) -> list[_Row]:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise PairsFileError(name, "no such file") from None
    except OSError as e:
        raise PairsFileError(name, e.strerror or str(e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise PairsFileError(f"{name}:{line}", f"not UTF-8 (byte 0x{data[e.start]:02x})") from None
    if not text.strip():
        raise PairsFileError(name, "empty file; expected a header row with s1,s2")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        needed = ("s1", "s2", "stance") if need_stance else ("s1", "s2")
        missing = [c for c in needed if c not in header]
        if missing:
            shown = ", ".join(header) if any(header) else "(blank)"
            raise PairsFileError(f"{name}:1", f"no {', '.join(repr(c) for c in missing)} column (header: {shown})")
        i1, i2 = header.index("s1"), header.index("s2")
        i_stance = header.index("stance") if "stance" in header else None
        rows = []
        for fields in reader:
            line = reader.line_num
            if not fields or not any(f.strip() for f in fields):
                continue  # blank line
            if len(fields) < len(header):
                raise PairsFileError(f"{name}:{line}", f"{len(fields)} field(s) where the header has {len(header)}")
            stance = fields[i_stance].strip() if i_stance is not None else None
            if need_stance and stance not in LABELS:
                raise PairsFileError(f"{name}:{line}", f"stance {stance!r} is not one of {', '.join(LABELS)}")
            rows.append(_Row(line, fields[i1], fields[i2], stance))
    except csv.Error as e:
        raise PairsFileError(f"{name}:{reader.line_num}", f"malformed CSV ({e})") from None
    return rows


def pairs_csv(in_path: Path, out_stream: TextIO) -> int:
    """Predict the stance of every ``s1,s2`` row of ``in_path`` (other columns ignored) and
    write CSV ``s1,s2,predicted`` to ``out_stream``. Returns the number of rows.

    The whole file is checked before anything is written, so a bad row leaves no
    partial output.
    """
    rows = _read_rows(in_path)
    writer = csv.writer(out_stream, lineterminator="\n")
    writer.writerow(["s1", "s2", "predicted"])
    for start in range(0, len(rows), _BATCH):
        batch = rows[start : start + _BATCH]
        for row, label in zip(batch, predict_stance([(r.s1, r.s2) for r in batch]), strict=True):
            writer.writerow([row.s1, row.s2, label])
    return len(rows)


def eval_pairs(path: Path) -> str:
    """Accuracy, macro-F1, per-class P/R/F1 and the confusion matrix of the shipped model
    on a CSV with ``s1,s2,stance`` columns."""
    rows = _read_rows(path, need_stance=True)
    if not rows:
        raise PairsFileError(str(path), "no pairs to score")
    predicted = predict_stance([(r.s1, r.s2) for r in rows])
    return format_scores(score_stances([r.stance or "" for r in rows], predicted))


def train(shared_data_dir: Path, out: Path | None = None) -> TrainReport:
    """Retrain the pair-stance model on ``shared/data/ans/stance`` (train; dev is scored)
    into ``out`` (default: the packaged model file). Returns a printable report."""
    from riwaya.claims.train import train_pair_stance

    stance_dir = Path(shared_data_dir) / "ans" / "stance"
    train_path, dev_path = stance_dir / "train.csv", stance_dir / "dev.csv"
    if not train_path.is_file():
        raise PairsFileError(str(train_path), "no such file; pass the shared data folder holding ans/stance/")
    return train_pair_stance(train_path, dev_path if dev_path.is_file() else None, out or MODEL_PATH)
