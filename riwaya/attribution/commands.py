"""Text the CLI prints for attribution commands (the CLI itself only calls these).

>>> from riwaya.model import Article
>>> from riwaya.attribution.statements import find_statements
>>> a = Article(id="a", content_hash="a", source="t", text="قال مصدر أمني إن الهجوم وقع فجراً.")
>>> print(statements_report(find_statements(a)))
مصدر أمني (anonymous)
  [assert] قال: الهجوم وقع فجراً
    مصدر أمني
"""

from __future__ import annotations

from collections.abc import Sequence

from riwaya.attribution.chains import chain, format_chain
from riwaya.attribution.evaluate import AttributionScore
from riwaya.model import Statement

__all__ = ["score_report", "statements_report"]


def score_report(score: AttributionScore) -> str:
    """The ``riwaya eval attribution`` report."""
    d = score.to_dict()
    lines = [
        f"sentences {d['sentences']}  gold statements {d['gold_statements']}  predicted {d['predicted_statements']}  matched {d['matched']}",
        f"precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}",
        f"stance accuracy {d['stance_accuracy']:.3f}  via exact {d['via_exact']:.3f}  (on matched statements)",
        f"speaker exact {d['speaker_exact']:.3f}  speaker type {d['speaker_type_accuracy']:.3f}",
        f"negative sentences without a statement {d['negative_sentences_clean']} of {d['negative_sentences']}",
    ]
    if d["missing_articles"] or d["missing_sentences"]:
        lines.append(f"not found: {d['missing_articles']} articles, {d['missing_sentences']} sentences")
    return "\n".join(lines)


def statements_report(statements: Sequence[Statement], *, publisher: str | None = None) -> str:
    """Statements grouped by speaker (first mention order), each with its chain A ← B ← C."""
    groups: dict[str, list[Statement]] = {}
    for st in statements:
        groups.setdefault(st.speaker_refers_to or st.speaker.text, []).append(st)
    lines: list[str] = []
    for speaker, items in groups.items():
        lines.append(f"{speaker} ({items[0].speaker_type})")
        for st in items:
            lines.append(f"  [{st.stance}] {st.cue.text or '…'}: {st.content.text}")
            lines.append(f"    {format_chain(chain(st, publisher=publisher))}")
    return "\n".join(lines)
