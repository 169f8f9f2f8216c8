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
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.ingest.boilerplate import (
    furniture_kind,
    is_body_like,
    is_bullet,
    is_title_like,
    line_key,
    plug_start,
    strip_invisible,
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


# Line states.
_BODY, _HEADING, _TITLE, _ALT, _PROV, _GONE = "body", "heading", "title", "alt", "prov", "gone"

_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DEFINITE = frozenset({"read_more", "section", "see_also", "counter", "share", "byline", "contact", "known"})
_MARKERS = frozenset({"read_more", "section"})
_ELLIPSIS_END = ("…", "...", "..")
_PUNCT_END_RE = re.compile(r"[.!؟?:：؛;…][\"'”»’)\]]*$")
_LIST_MARK_RE = re.compile(r"^(?:[*\-–•·▪]|\d{1,2}\s*[-.)–])\s*")
_LEADING_STOP_RE = re.compile(r"^([.!؟?])\s*(\S.*)$")
_WORD_RE = re.compile(r"[\w\u0600-\u06ff]+")

# Words that cannot end an Arabic sentence (prepositions, particles, demonstratives,
# relatives): a line ending in one was cut mid-sentence.
_OPEN_END = frozenset(normalize_for_matching(w) for w in (
    "في", "من", "إلى", "الى", "على", "عن", "مع", "بين", "حول", "لدى", "عند", "منذ", "خلال", "ضد",
    "نحو", "عبر", "بعد", "قبل", "دون", "حتى", "أن", "إن", "أنه", "بأن", "لأن", "كما", "ثم", "أو",
    "و", "ف", "لكن", "بل", "هذا", "هذه", "ذلك", "تلك", "هذان", "هؤلاء", "الذي", "التي", "الذين",
    "اللذين", "اللتين", "اللواتي", "ما", "لا", "لم", "لن", "قد", "كان", "كانت", "ليس", "أي", "كل",
    "بعض", "غير", "سوى", "of", "the", "and", "to", "in", "a",
))
# Connective + function word or reporting verb opening a sentence ("وبحسب", "وقال"):
# a line that opens like this is a sentence, never a headline.
_CONNECTIVE_OPEN = frozenset(
    normalize_for_matching(p + w)
    for p in ("و", "ف")
    for w in (
        "بحسب", "حسب", "وفق", "وفقا", "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أشار",
        "أشارت", "ذكر", "ذكرت", "أوضح", "أوضحت", "في", "من", "على", "إلى", "عن", "مع", "أن", "إن",
        "كان", "كانت", "قد", "لم", "لا", "لن", "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "بعد", "قبل",
        "خلال", "منذ", "لكن", "بينما", "حيث", "إذ", "يذكر", "يأتي", "تأتي", "نقلت", "نقل", "أفاد",
        "أفادت", "تابع", "تابعت", "بين", "بيّن", "لفت", "لفتت", "اعتبر", "اعتبرت",
    )
)
_KNOWN_CACHE_SIZE = 64


class _Line:
    """One non-blank input line and what the cleaner has decided about it."""

    __slots__ = ("raw", "text", "_folded", "words", "indent", "kind", "state", "prov", "blank_before")

    def __init__(self, raw: str, blank_before: bool) -> None:
        visible = strip_invisible(raw)
        self.raw = raw.strip()
        self.text = visible.strip()
        self.indent = len(visible) - len(visible.lstrip())
        self.words = len(self.text.split())
        # Folding is the costliest step; long prose lines are folded only on demand.
        self._folded: str | None = normalize_for_matching(self.text) if self.words <= 40 else None
        self.kind: str | None = None
        self.state = _BODY
        self.prov: Provenance | None = None
        self.blank_before = blank_before

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = normalize_for_matching(self.text)
        return self._folded


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
    _mark_tail_sidebar(lines)
    _mark_marker_blocks(lines)
    _mark_credits(lines)
    found_title, alternatives = _mark_head(lines, title)
    _strip_plugs(lines, removed_fragments)

    paragraphs = _assemble(lines, removed_fragments)
    provenance = [ln.prov for ln in lines if ln.prov is not None]
    _closing_credit(paragraphs, provenance)
    body, headings = _join_text(paragraphs)

    removed: list[str] = []
    for i, ln in enumerate(lines):
        if ln.state == _GONE or (ln.state in (_TITLE, _ALT) and title is not None):
            removed.append(ln.raw)
        removed.extend(removed_fragments.get(i, ()))
    removed.extend(removed_fragments.get(-1, ()))
    return CleanedText(body, found_title, alternatives, headings, provenance, removed)


# --- passes ---------------------------------------------------------------------------


def _split_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    blank = False
    for raw in text.splitlines():
        if raw and not raw.isspace():
            line = _Line(raw, blank)
            if line.text:
                out.append(line)
                blank = False
                continue
        blank = True
    return out


def _classify(lines: list[_Line], known: frozenset[str]) -> None:
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
        if kind is None and known and line_key(ln.text) in known:
            kind = "known"
        ln.kind = kind


def _body_indent(lines: list[_Line]) -> int:
    indents = Counter(ln.indent for ln in lines if ln.kind is None and is_body_like(ln.text, ln.words))
    return indents.most_common(1)[0][0] if indents else min((ln.indent for ln in lines), default=0)


def _title_runs(lines: list[_Line]) -> set[int]:
    """Indices of lines in runs of ≥ 3 consecutive headline-like lines (a list of
    other stories' headlines). Not: runs of on average < 5 words (names, places),
    list-marked items ("* …", "1 - …": a list the article itself draws up), verse
    (lines sharing a rhyme) or prose broken into short lines (lines that open or
    close mid-sentence)."""
    out: set[int] = set()
    run: list[int] = []
    for i, ln in enumerate([*lines, None]):
        if (
            ln is not None
            and ln.kind is None
            and not _LIST_MARK_RE.match(ln.text)
            and is_title_like(ln.text, ln.words, max_words=25)
        ):
            run.append(i)
            continue
        if (
            len(run) >= 3
            and sum(lines[j].words for j in run) / len(run) >= 5
            and not _rhymes(lines, run)
            and not _fragmentary(lines, run)
        ):
            out.update(run)
        run = []
    return out


def _rhymes(lines: list[_Line], run: list[int]) -> bool:
    """Whether a run of short lines is verse: many lines, or every other line (the
    second hemistichs), share a rhyme, which a list of unrelated headlines does not."""
    ends = [lines[j].folded.rstrip(" .!،,")[-3:] for j in run]
    if Counter(ends).most_common(1)[0][1] >= max(3, 0.4 * len(run)):
        return True
    for part in (ends[0::2], ends[1::2]):
        if len(part) >= 3 and Counter(e[-2:] for e in part).most_common(1)[0][1] >= 0.6 * len(part):
            return True
    return False


def _fragmentary(lines: list[_Line], run: list[int]) -> bool:
    """Whether a run of short lines is prose cut into lines (free verse, a column
    typeset one phrase a line): many lines open or close mid-sentence."""
    cut = 0
    for j in run:
        words = lines[j].folded.split()
        if words and (words[0] in _OPEN_END or words[0] in _CONNECTIVE_OPEN or words[-1] in _OPEN_END):
            cut += 1
    return cut >= 0.3 * len(run)


def _mark_tail_sidebar(lines: list[_Line]) -> None:
    """Remove the sidebar at the end of the page: the longest tail of non-prose lines
    that starts at a furniture line and carries one definite furniture signal or at
    least three supporting ones (deeper indentation, bullets, repeated lines,
    truncated teasers ending in "…", a run of headlines)."""
    if len(lines) < 2:
        return
    indent = _body_indent(lines)
    # Exact (folded) repeats: collapsing digits here would make a list of numbers
    # look like one line repeated.
    repeats = Counter(ln.folded for ln in lines if ln.words <= 40)
    runs = _title_runs(lines)
    start, definite, support, gap = len(lines), 0, 0, 0
    for i in range(len(lines) - 1, 0, -1):
        ln = lines[i]
        if ln.kind == "credit":
            continue
        signal = _tail_signal(ln, i, indent, repeats, runs)
        if signal is None:
            break
        if signal == "weak":
            gap += 1
            if gap > 2:
                break  # a sidebar is dense in furniture; a long plain stretch is the article
            continue
        gap = 0
        if signal == "definite":
            definite += 1
        else:
            support += 1
        start = i
    if definite == 0 and support < 3:
        return
    for ln in lines[start:]:
        if ln.kind != "credit":
            ln.state = _GONE


def _tail_signal(ln: _Line, i: int, indent: int, repeats: Counter[str], runs: set[int]) -> str | None:
    if ln.kind == "md_heading":
        return None
    if ln.kind in _DEFINITE:
        return "definite"
    supported = (
        ln.indent >= indent + 2
        or (is_bullet(ln.text) and ln.words <= 5)
        # A repeated headline, not a repeated short chorus line of a poem.
        or (ln.words >= 5 and repeats[ln.folded] > 1 and not _LIST_MARK_RE.match(ln.text))
        or (ln.text.endswith(_ELLIPSIS_END) and ln.words >= 6)
        or i in runs
    )
    if supported:
        return "support"
    if is_body_like(ln.text, ln.words) or ln.words >= 15 or _starts_sentence(ln):
        return None  # prose, or a sentence cut in two: the sidebar cannot reach above it
    return "weak"


def _mark_marker_blocks(lines: list[_Line]) -> None:
    """Remove furniture lines anywhere, and what a read-more or related-posts marker
    drags along: the non-prose lines right after it (a CMS placeholder, a list of
    other headlines), up to the next paragraph of prose."""
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind in _DEFINITE:
            ln.state = _GONE
            if ln.kind in _MARKERS or (ln.kind == "see_also" and ln.text.rstrip().endswith((":", "："))):
                limit = 12 if ln.kind == "section" else 3
                j = i + 1
                while j < len(lines) and j - i <= limit:
                    nxt = lines[j]
                    if nxt.kind in ("credit", "md_heading") or is_body_like(nxt.text, nxt.words):
                        break
                    nxt.state = _GONE
                    j += 1
                i = j
                continue
        i += 1


def _last_prose(lines: list[_Line]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].state == _BODY and lines[i].kind is None and is_body_like(lines[i].text, lines[i].words):
            return i
    return -1


def _mark_credits(lines: list[_Line]) -> None:
    """Credit lines leave the body for ``provenance``; after the last paragraph of
    prose, a line that only names an outlet is a credit too ("صحيفة وول ستريت
    جورنال الاميركية"), and so is a stand-alone dateline naming an agency."""
    last = _last_prose(lines)
    for i, ln in enumerate(lines):
        if ln.kind == "credit":
            ln.state = _PROV
        elif ln.state == _BODY and ln.kind is None and i > last:
            prov = outlet_line(ln.text) or (dateline_credit(ln.text) if is_dateline(ln.text) else None)
            if prov is not None:
                ln.kind, ln.prov, ln.state = "credit", prov, _PROV


def _same_title(a: str, b: str) -> bool:
    return line_key(a) == line_key(b)


def _restates(teaser: _Line, lines: list[_Line], plug: int) -> bool:
    """Whether most content words of a teaser (before its plug) occur elsewhere in the article."""
    words = {w for w in _WORD_RE.findall(normalize_for_matching(teaser.text[:plug])) if len(w) > 3}
    if not words:
        return False
    rest = {w for ln in lines if ln is not teaser for w in _WORD_RE.findall(ln.folded)}
    return len(words & rest) / len(words) >= 0.5


def _mark_head(lines: list[_Line], title: str | None) -> tuple[str | None, list[str]]:
    """Find the title above the body: a "# …" first line, or headline-like lines
    before the first paragraph. A site-generated teaser (a paragraph ending in a
    read-more plug that restates the article) separates an SEO title above it from
    the real headline below it."""
    head: list[_Line] = []
    teaser_at = -1
    for ln in lines:
        if ln.state != _BODY:
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
            ln.state, ln.prov = (_PROV, prov) if prov else (_GONE, None)
            continue
        start = plug_start(ln.text, ln._folded)
        if start is not None and start > 0 and _restates(ln, lines, start):
            ln.state, ln.kind = _GONE, "teaser"
            teaser_at = len(head)
            continue
        if ln.kind is None and is_title_like(ln.text, ln.words) and not _starts_sentence(ln):
            head.append(ln)
            continue
        break
    body_after = any(ln.state == _BODY and ln not in head for ln in lines)
    if not head or not body_after:
        return title, []

    def text_of(ln: _Line) -> str:
        m = _MD_HEADING_RE.match(ln.text)
        return strip_links(m.group(2) if m else ln.text)

    alternatives: list[str] = []
    if teaser_at >= 0:
        # SEO title(s) above the teaser, headline below it.
        above, below = head[:teaser_at], head[teaser_at:]
        for ln in above:
            if title is None or not _same_title(text_of(ln), title):
                alternatives.append(text_of(ln))
            ln.state = _ALT
        if title is None and below:
            below[0].state = _TITLE
            return text_of(below[0]), alternatives
        for ln in below:
            if title is not None and _same_title(text_of(ln), title):
                ln.state = _TITLE
        return title, alternatives
    first = head[0]
    if title is None:
        first.state = _TITLE
        return text_of(first), alternatives
    for ln in head:
        if _same_title(text_of(ln), title):
            ln.state = _TITLE
    return title, alternatives


def _starts_sentence(ln: _Line) -> bool:
    first = ln.folded.split(maxsplit=1)[0] if ln.folded else ""
    return first in _CONNECTIVE_OPEN


def _strip_plugs(lines: list[_Line], fragments: dict[int, list[str]]) -> None:
    """Cut closing plugs ("اقرأ المزيد على موقعنا.", "رابط الخبر بصحيفة …: …") off the
    end of body paragraphs; a paragraph that is nothing but a teaser restating the
    article goes whole."""
    for i, ln in enumerate(lines):
        if ln.state != _BODY or ln.kind is not None:
            continue
        start = plug_start(ln.text, ln._folded)
        if start is None:
            continue
        if i < 3 and start > 0 and ln.text[:start].rstrip().endswith((".", "!", "؟", "?")) and _restates(ln, lines, start):
            ln.state = _GONE
            continue
        if not ln.text[:start].strip():
            ln.state = _GONE
            continue
        fragments.setdefault(i, []).append(ln.text[start:].strip())
        ln.text = ln.text[:start].rstrip()


class _Para:
    __slots__ = ("text", "heading", "md", "line")

    def __init__(self, text: str, heading: bool, md: bool, line: _Line | None) -> None:
        self.text, self.heading, self.md, self.line = text, heading, md, line


_LINK_FRAGMENT_RE = re.compile(r"!?\[[^\[\]\n]{0,300}\]\([^()\s]*\)")


def _assemble(lines: list[_Line], fragments: dict[int, list[str]]) -> list[_Para]:
    paras: list[_Para] = []
    for i, ln in enumerate(lines):
        if ln.state not in (_BODY,):
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


def _first_body_index(lines: list[_Line]) -> int:
    for i, ln in enumerate(lines):
        if ln.state == _BODY:
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
    if last in _OPEN_END:
        return True
    if len(a_words) < 4:
        return False
    a_first = normalize_for_matching(a_words[0])
    return a_first in _CONNECTIVE_OPEN and b_first not in _CONNECTIVE_OPEN and b_first[:1] not in ("و", "ف")


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
    return (folded.split(maxsplit=1)[0] if folded else "") in _CONNECTIVE_OPEN
