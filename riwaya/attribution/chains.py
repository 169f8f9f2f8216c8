"""Chains: from the publishing outlet to the first-hand source (isnad).

A statement's chain is its ``via`` links, outermost first (the article's credited
agency or relay, then relays named in the sentence, then an embedding speaker), and
its speaker last. A description ("الصحيفة") is shown by what it refers to when known.

>>> from riwaya.model import Article
>>> from riwaya.attribution.statements import find_statements
>>> text = "كشف تقرير نشرته صحيفة وول ستريت جورنال عن اتصالات. وذكرت الصحيفة -نقلا عن شخصين مطلعين- أن بوتين طلب ذلك."
>>> st = find_statements(Article(id="a", content_hash="a", source="t", text=text))[-1]
>>> format_chain(chain(st))
'صحيفة وول ستريت جورنال ← شخصين مطلعين'
"""

from __future__ import annotations

from riwaya.model import Statement

__all__ = ["chain", "format_chain"]


def chain(statement: Statement, *, publisher: str | None = None) -> list[str]:
    """Names from the outermost intermediary (or ``publisher`` when given) to the speaker."""
    names = [publisher] if publisher else []
    for link in statement.via:
        names.append(link.refers_to or link.text)
    names.append(statement.speaker_refers_to or statement.speaker.text)
    out: list[str] = []
    for name in names:
        if not out or out[-1] != name:
            out.append(name)
    return out


def format_chain(names: list[str]) -> str:
    """``A ← B ← C``: the outlet first, the first-hand source last."""
    return " ← ".join(names)
