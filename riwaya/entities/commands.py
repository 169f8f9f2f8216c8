"""Plain functions behind ``riwaya tag``, ``riwaya eval ner`` and ``riwaya train ner``;
cli.py parses arguments, calls one of these and prints."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from riwaya.entities.evaluate import SCORED_TYPES, evaluate_conll, format_scores
from riwaya.entities.tagger import tag_tokens
from riwaya.entities.train import TrainReport, train_ner

_BATCH = 256


def _read_sentences(in_stream: TextIO) -> Iterator[list[str]]:
    tokens: list[str] = []
    for line in in_stream:
        fields = line.split()
        if not fields:
            if tokens:
                yield tokens
            tokens = []
            continue
        tokens.append(fields[0])
    if tokens:
        yield tokens


def tag_stream(in_stream: TextIO, out_stream: TextIO) -> int:
    """Read CoNLL-style text (token in the first column, blank line between sentences,
    other columns ignored) and write ``token<TAB>tag`` lines with the same sentence
    breaks. Returns the number of tokens tagged.

    >>> import io
    >>> out = io.StringIO()
    >>> tag_stream(io.StringIO("قال\\tO\\nبوتين\\n\\nفي\\nموسكو\\n"), out)
    4
    >>> out.getvalue().split("\\n")
    ['قال\\tO', 'بوتين\\tB-PER', '', 'في\\tO', 'موسكو\\tB-LOC', '', '']
    """
    count = 0
    batch: list[list[str]] = []

    def flush() -> None:
        for tokens, tags in zip(batch, tag_tokens(batch), strict=True):
            out_stream.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags, strict=True))
            out_stream.write("\n")
        batch.clear()

    for tokens in _read_sentences(in_stream):
        batch.append(tokens)
        count += len(tokens)
        if len(batch) >= _BATCH:  # stream: never hold the whole input
            flush()
    flush()
    return count


def eval_ner(path: Path, *, with_misc: bool = False) -> str:
    """The per-type and micro P/R/F1 table (CoNLL entity level) of the shipped model on
    a CoNLL file whose last column holds the gold tags; micro is over PER/ORG/LOC
    unless ``with_misc``."""
    types = SCORED_TYPES if with_misc else ("PER", "ORG", "LOC")
    return format_scores(evaluate_conll(Path(path), types))


def train(shared_data_dir: Path, out: Path | None = None) -> TrainReport:
    """Retrain the model from ``shared/data`` into ``out`` (default: the packaged model file)."""
    if out is None:
        out = Path(__file__).resolve().parent / "data" / "ner.crfsuite"
    return train_ner(Path(shared_data_dir), out)
