"""Cleaning: from a scraped article text to the clean text riwaya shows and analyses.

Input is usually flattened already (crawler plain text, a JSON ``content`` field,
trafilatura output with one paragraph per line), so the unit of work is the
*line*. :func:`clean_article` decides for each line whether it is the title, an
alternative title, a heading, body, a credit (kept as provenance) or furniture
(removed), then repairs what flattening broke: markdown link residue, heading
markers, sentences split across lines, a full stop pushed to the wrong side of a
right-to-left fragment.

The decisions come from general signals, not from the strings of any one site:

* the line's own form (:func:`~riwaya.ingest.boilerplate.furniture_kind`: read-more
  links, related/most-read headers, "see also: <headline>", view counters, share
  prompts, bylines, contact blocks; :mod:`~riwaya.ingest.provenance` for credits);
* length and punctuation (prose ends with sentence punctuation; headlines,
  intertitles and list items do not);
* structure and position: a sidebar is a *tail* run of such lines, often indented
  deeper than the body, bulleted, with the same headline repeated; a title sits above
  the first paragraph; a site-generated teaser ends in a read-more plug and restates
  the article;
* repetition across an outlet's articles, learned by
  :class:`~riwaya.ingest.boilerplate.SiteBoilerplate` and passed in as
  ``known_boilerplate``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.ingest.boilerplate import (
    ALT,
    BODY,
    CONNECTIVE_OPEN,
    GONE,
    OPEN_END,
    PROV,
    TITLE,
    PageLine,
    furniture_kind,
    mark_marker_blocks,
    mark_sidebar,
    starts_sentence,
    is_body_like,
    is_title_like,
    key_of_folded,
    line_key,
    plug_start,
)
from riwaya.ingest.provenance import credit_line, dateline_credit, is_dateline, outlet_line, strip_links, trailing_credit
from riwaya.model import Provenance, Span

__all__ = ["CleanedText", "clean_article"]


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The result of :func:`clean_article`.

    ``text`` is the clean body for display: paragraphs joined by a blank line,
    headings included as their own paragraphs (without "#" markers); ``headings``
    are their spans in ``text``. ``provenance`` holds the credit lines taken out of
    the body; ``removed`` every other line or fragment taken out, as it stood
    (blank lines excepted).
    """

    text: str
    title: str | None = None
    alternative_titles: list[str] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PUNCT_END_RE = re.compile(r"[.!؟?:：؛;…][\"'”»’)\]]*$")
_LEADING_STOP_RE = re.compile(r"^([.!؟?])\s*(\S.*)$")
_WORD_RE = re.compile(r"[\w\u0600-\u06ff]+")

_KNOWN_CACHE_SIZE = 64


@lru_cache(maxsize=_KNOWN_CACHE_SIZE)
def _known_keys(lines: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in map(line_key, lines) if k)


def clean_article(text: str, *, title: str | None = None, known_boilerplate: Collection[str] = ()) -> CleanedText:
    """Clean one article's text: take out page furniture and credit lines, pick the
    title, mark headings, repair broken lines.

    :param text: the article as flattened text (one paragraph per line or per block).
    :param title: the title when the source gives one; otherwise it is taken from
        the first line when that line looks like a headline.
    :param known_boilerplate: lines known to recur on this outlet
        (:meth:`SiteBoilerplate.lines_for <riwaya.ingest.boilerplate.SiteBoilerplate.lines_for>`).

    >>> raw = '''# ماسك وبوتين على اتصال منذ 2022
    ...
    ... نفى [الكرملين](#) تقريرا لصحيفة أمريكية عن اتصالات منتظمة بين الرجلين.
    ...
    ... شاهد أيضاً: زلزال يضرب جنوب تركيا
    ...
    ... وقال المتحدث باسم الكرملين إن الرئيس أجرى مكالمة واحدة مع ماسك قبل عام 2022 تحدثا فيها عن
    ...
    ... .الفضاء
    ...
    ... المصدر: وكالة الصحافة الفرنسية'''
    >>> cleaned = clean_article(raw)
    >>> cleaned.title
    'ماسك وبوتين على اتصال منذ 2022'
    >>> print(cleaned.text)
    نفى الكرملين تقريرا لصحيفة أمريكية عن اتصالات منتظمة بين الرجلين.
    <BLANKLINE>
    وقال المتحدث باسم الكرملين إن الرئيس أجرى مكالمة واحدة مع ماسك قبل عام 2022 تحدثا فيها عن الفضاء.
    >>> [(p.kind, p.outlet) for p in cleaned.provenance]
    [('source', 'وكالة الصحافة الفرنسية')]
    >>> cleaned.removed
    ['[الكرملين](#)', 'شاهد أيضاً: زلزال يضرب جنوب تركيا']
    """
    lines = _split_lines(text)
    known = _known_keys(frozenset(known_boilerplate)) if known_boilerplate else frozenset()
    removed_fragments: dict[int, list[str]] = {}

    _classify(lines, known)
    mark_sidebar(lines)
    mark_marker_blocks(lines)
    _mark_credits(lines)
    found_title, alternatives = _mark_head(lines, title)
    _strip_plugs(lines, removed_fragments)

    paragraphs = _assemble(lines, removed_fragments)
    provenance = [ln.prov for ln in lines if ln.prov is not None]
    _closing_credit(paragraphs, provenance)
    body, headings = _join_text(paragraphs)

    removed: list[str] = []
    for i, ln in enumerate(lines):
        if ln.state == GONE or (ln.state in (TITLE, ALT) and title is not None):
            removed.append(ln.raw)
        removed.extend(removed_fragments.get(i, ()))
    removed.extend(removed_fragments.get(-1, ()))
    return CleanedText(body, found_title, alternatives, headings, provenance, removed)


# --- passes ---------------------------------------------------------------------------


def _split_lines(text: str) -> list[PageLine]:
    out: list[PageLine] = []
    blank = False
    for raw in text.splitlines():
        if raw and not raw.isspace():
            line = PageLine(raw, blank)
            if line.text:
                out.append(line)
                blank = False
                continue
        blank = True
    return out


def _classify(lines: list[PageLine], known: frozenset[str]) -> None:
    for ln in lines:
        m = _MD_HEADING_RE.match(ln.text)
        if m:
            ln.kind = "md_heading"
            continue
        prov = credit_line(ln.text)
        if prov is not None:
            ln.kind, ln.prov = "credit", prov
            continue
        kind = furniture_kind(ln.text, ln._folded, ln.words)
        # Site lines are never long prose (SiteBoilerplate does not learn those).
        if kind is None and known and ln.words <= 40 and key_of_folded(ln.folded) in known:
            kind = "known"
        ln.kind = kind


def _last_prose(lines: list[PageLine]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].state == BODY and lines[i].kind is None and is_body_like(lines[i].text, lines[i].words):
            return i
    return -1


def _mark_credits(lines: list[PageLine]) -> None:
    """Credit lines leave the body for ``provenance``; after the last paragraph of
    prose, a line that only names an outlet is a credit too ("صحيفة وول ستريت
    جورنال الاميركية"), and so is a stand-alone dateline naming an agency."""
    last = _last_prose(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "credit":
            ln.state = PROV
        elif ln.state == BODY and ln.kind is None and i > last:
            prov = outlet_line(ln.text) or (dateline_credit(ln.text) if is_dateline(ln.text) else None)
            if prov is not None:
                ln.kind, ln.prov, ln.state = "credit", prov, PROV


def _same_title(a: str, b: str) -> bool:
    return line_key(a) == line_key(b)


def _restates(teaser: PageLine, lines: list[PageLine], plug: int) -> bool:
    """Whether most content words of a teaser (before its plug) occur elsewhere in the article."""
    words = {w for w in _WORD_RE.findall(normalize_for_matching(teaser.text[:plug])) if len(w) > 3}
    if not words:
        return False
    rest = {w for ln in lines if ln is not teaser for w in _WORD_RE.findall(ln.folded)}
    return len(words & rest) / len(words) >= 0.5


def _mark_head(lines: list[PageLine], title: str | None) -> tuple[str | None, list[str]]:
    """Find the title above the body: a "# …" first line, or headline-like lines
    before the first paragraph. A site-generated teaser (a paragraph ending in a
    read-more plug that restates the article) separates an SEO title above it from
    the real headline below it."""
    head: list[PageLine] = []
    teaser_at = -1
    for ln in lines:
        if ln.state != BODY:
            continue
        if len(head) >= 5:
            break
        if ln.kind == "md_heading":
            if head:
                break
            head.append(ln)
            break
        if ln.kind is None and is_dateline(ln.text) and ln.words <= 6:
            prov = dateline_credit(ln.text)
            ln.state, ln.prov = (PROV, prov) if prov else (GONE, None)
            continue
        start = plug_start(ln.text, ln._folded)
        if start is not None and start > 0 and _restates(ln, lines, start):
            ln.state, ln.kind = GONE, "teaser"
            teaser_at = len(head)
            continue
        if ln.kind is None and is_title_like(ln.text, ln.words) and not starts_sentence(ln):
            head.append(ln)
            continue
        break
    body_after = any(ln.state == BODY and ln not in head for ln in lines)
    if not head or not body_after:
        return title, []

    def text_of(ln: PageLine) -> str:
        m = _MD_HEADING_RE.match(ln.text)
        return strip_links(m.group(2) if m else ln.text)

    alternatives: list[str] = []
    if teaser_at >= 0:
        # SEO title(s) above the teaser, headline below it.
        above, below = head[:teaser_at], head[teaser_at:]
        for ln in above:
            if title is None or not _same_title(text_of(ln), title):
                alternatives.append(text_of(ln))
            ln.state = ALT
        if title is None and below:
            below[0].state = TITLE
            return text_of(below[0]), alternatives
        for ln in below:
            if title is not None and _same_title(text_of(ln), title):
                ln.state = TITLE
        return title, alternatives
    first = head[0]
    if title is None:
        first.state = TITLE
        return text_of(first), alternatives
    for ln in head:
        if _same_title(text_of(ln), title):
            ln.state = TITLE
    return title, alternatives


def _strip_plugs(lines: list[PageLine], fragments: dict[int, list[str]]) -> None:
    """Cut closing plugs ("اقرأ المزيد على موقعنا.", "رابط الخبر بصحيفة …: …") off the
    end of body paragraphs; a paragraph that is nothing but a teaser restating the
    article goes whole."""
    for i, ln in enumerate(lines):
        if ln.state != BODY or ln.kind is not None:
            continue
        start = plug_start(ln.text, ln._folded)
        if start is None:
            continue
        if i < 3 and start > 0 and ln.text[:start].rstrip().endswith((".", "!", "؟", "?")) and _restates(ln, lines, start):
            ln.state = GONE
            continue
        if not ln.text[:start].strip():
            ln.state = GONE
            continue
        fragments.setdefault(i, []).append(ln.text[start:].strip())
        ln.text = ln.text[:start].rstrip()


class _Para:
    __slots__ = ("text", "heading", "md", "line")

    def __init__(self, text: str, heading: bool, md: bool, line: PageLine | None) -> None:
        self.text, self.heading, self.md, self.line = text, heading, md, line


_LINK_FRAGMENT_RE = re.compile(r"!?\[[^\[\]\n]{0,300}\]\([^()\s]*\)")


def _assemble(lines: list[PageLine], fragments: dict[int, list[str]]) -> list[_Para]:
    paras: list[_Para] = []
    for i, ln in enumerate(lines):
        if ln.state not in (BODY,):
            continue
        text = ln.text
        m = _MD_HEADING_RE.match(text)
        if m:
            text = m.group(2)
        links = _LINK_FRAGMENT_RE.findall(text)
        if links:
            fragments.setdefault(i, []).extend(links)
            text = strip_links(text)
        if i == _first_body_index(lines):
            prov = dateline_credit(text)
            if prov is not None:
                ln.prov = prov  # an opening dateline stays in the text: it reads as part of the lead
        if text.strip():
            paras.append(_Para(text.strip(), bool(m), bool(m), ln))
    return paras


def _first_body_index(lines: list[PageLine]) -> int:
    for i, ln in enumerate(lines):
        if ln.state == BODY:
            return i
    return -1


def _closing_credit(paras: list[_Para], provenance: list[Provenance]) -> None:
    if not paras or paras[-1].heading:
        return
    found = trailing_credit(paras[-1].text)
    if found is not None:
        paras[-1].text, prov = found
        provenance.append(prov)


def _continues(a: _Para, b: _Para) -> bool:
    """Whether paragraph ``b`` continues the sentence ``a`` was cut in."""
    if a.md or b.md or _PUNCT_END_RE.search(a.text[-8:]):
        return False
    a_words = a.text.split()
    last = normalize_for_matching(a_words[-1]) if a_words else ""
    b_folded = normalize_for_matching(b.text)
    b_first = b_folded.split(maxsplit=1)[0] if b_folded else ""
    if last in OPEN_END:
        return True
    if len(a_words) < 4:
        return False
    a_first = normalize_for_matching(a_words[0])
    return a_first in CONNECTIVE_OPEN and b_first not in CONNECTIVE_OPEN and b_first[:1] not in ("و", "ف")


def _join_text(paras: list[_Para]) -> tuple[str, list[Span]]:
    merged: list[_Para] = []
    for p in paras:
        if merged and not merged[-1].md and not _PUNCT_END_RE.search(merged[-1].text[-8:]):
            prev = merged[-1]
            m = _LEADING_STOP_RE.match(p.text)
            if m and len(m.group(2).split()) <= 4:
                # ".المجال": the full stop of a right-to-left tail landed before it.
                prev.text = f"{prev.text} {m.group(2)}{m.group(1)}"
                continue
            if (len(p.text.split()) <= 3 and _PUNCT_END_RE.search(p.text[-8:]) and not p.md) or _continues(prev, p):
                prev.text = f"{prev.text} {p.text}"
                continue
        merged.append(_Para(p.text, p.heading, p.md, p.line))
    # An unmarked intertitle: a short line without final punctuation between paragraphs.
    for k, p in enumerate(merged):
        if not p.heading and 0 < k < len(merged) - 1 and is_title_like(p.text, max_words=15):
            p.heading = not _starts_sentence_text(p.text) and not merged[k + 1].heading
    out: list[str] = []
    headings: list[Span] = []
    pos = 0
    for p in merged:
        if out:
            pos += 2
        if p.heading:
            headings.append(Span(pos, pos + len(p.text), p.text))
        out.append(p.text)
        pos += len(p.text)
    return "\n\n".join(out), headings


def _starts_sentence_text(text: str) -> bool:
    folded = normalize_for_matching(text)
    return (folded.split(maxsplit=1)[0] if folded else "") in CONNECTIVE_OPEN
