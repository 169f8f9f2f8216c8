"""Tag tokens and find entity mentions with the shipped CRF model.

The model (``data/ner.crfsuite``, made by ``riwaya train ner``) loads once, lazily.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycrfsuite  # type: ignore[import-untyped]  # no stubs published

from riwaya.arabic import chars
from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.sentences import split_sentences
from riwaya.arabic.tokens import WORD_PATTERN
from riwaya.entities.datasets import iob_spans
from riwaya.entities.features import cluster_form, sentence_features, token_info, word_rank
from riwaya.entities.gazetteer import Gazetteer, load_gazetteer
from riwaya.model import EntityMention, Sentence

MODEL_RESOURCE = "data/ner.crfsuite"
# How far (in sentences) a recognized name is looked for again; about one article.
PROPAGATION_WINDOW = 40
# A single word is propagated only when it is rarer than SaudiNewsNet's 3,000
# commonest words: with ى folded to ي, one "علي" tagged PER would otherwise tag
# every "على" near it (likewise الله، اول، الدين). Chosen on a dev slice of the
# NewsFANE training part: micro-F1 0.731 → 0.750 (1,000 to 10,000 all within 0.003).
_MIN_RANK = 3000
# Words and numbers as riwaya.arabic.tokens.word_tokens has them, plus each
# punctuation mark as its own token: the training corpora keep quotes and brackets.
_TOKEN_RE = re.compile(WORD_PATTERN + r"(?:[.,٫٬][0-9٠-٩۰-۹]+)*|[^\w\s]", re.UNICODE)
_SKIPPABLE = set(chars.DIACRITICS + chars.TATWEEL)
_LATIN_NAME = re.compile(r"^(?:[A-Z][A-Za-z]*|[A-Z]+)$")
_QUOTES = frozenset("\"'«»“”‘’")
_local = threading.local()


@cache
def _model_path() -> str:
    # The model is a plain file inside the package; crfsuite needs a real path.
    return str(resources.files("riwaya.entities").joinpath(MODEL_RESOURCE))


def _tagger(model_path: Path | None) -> pycrfsuite.Tagger:
    # A crfsuite Tagger is not thread-safe: one per thread and model file.
    key = str(model_path) if model_path else _model_path()
    taggers: dict[str, pycrfsuite.Tagger] = getattr(_local, "taggers", None) or {}
    _local.taggers = taggers
    if key not in taggers:
        tagger = pycrfsuite.Tagger()
        tagger.open(key)
        taggers[key] = tagger
    return taggers[key]


def tag_tokens(
    sentences: list[list[str]], *, model_path: Path | None = None, propagate: bool = True
) -> list[list[str]]:
    """IOB tags (``B-PER``, ``I-ORG``, …, ``O``) for every token of every sentence.

    The sentences are taken to be in reading order: with ``propagate`` a name the
    model recognized once is tagged again where it recurs nearby untagged (see
    :func:`propagate_names`).

    NewsFANE files the Kremlin under buildings (LOC); :func:`find_entities` gives
    curated organisations their type:

    >>> tag_tokens([["قال", "المتحدث", "باسم", "الكرملين", "دميتري", "بيسكوف"]])
    [['O', 'O', 'O', 'B-LOC', 'B-PER', 'I-PER']]
    """
    tagger = _tagger(model_path)
    tags = [list(tagger.tag(sentence_features(tokens))) if tokens else [] for tokens in sentences]
    return propagate_names(sentences, tags) if propagate else tags


def propagate_names(sentences: list[list[str]], tags: list[list[str]], *, window: int = PROPAGATION_WINDOW) -> list[list[str]]:
    """Tag again, within ``window`` sentences, the untagged repeats of names tagged
    elsewhere: a whole span ("مدينة مشهد" → later "مشهد" alone is not covered, but
    "مشهد" tagged once is), and the last word of a person's full name ("سيغموند
    فرويد" → "فرويد"). Articles name someone in full once and then by surname, and
    the model is surest where the context is richest.

    >>> propagate_names([["قال", "سيغموند", "فرويد"], ["ثم", "ان", "فرويد", "كتب"]],
    ...                 [["O", "B-PER", "I-PER"], ["O", "O", "O", "O"]])[1]
    ['O', 'O', 'B-PER', 'O']
    """
    gazetteer = load_gazetteer()
    stop = gazetteer.words["title"] | gazetteer.words["org_head"]
    forms = [[cluster_form(normalize_for_matching(t)) for t in tokens] for tokens in sentences]
    seen: dict[tuple[str, ...], dict[str, list[int]]] = {}

    for i, sentence_tags in enumerate(tags):
        for start, end, kind in sorted(iob_spans(sentence_tags)):
            keys = [tuple(forms[i][start:end])]
            if kind == "PER" and end - start > 1:
                keys.append((forms[i][end - 1],))

            for key in keys:
                if len("".join(key)) >= 3 and not (len(key) == 1 and key[0] in stop):
                    if len(key) == 1 and word_rank(key[0]) < _MIN_RANK:
                        continue
                    if len(key) == 1 and key[0].endswith("ي") and word_rank("ال" + key[0]) < 1 << 30:
                        continue  # a nisba adjective the model took into a name (المصري، الروماني)
                    seen.setdefault(key, {}).setdefault(kind, []).append(i)
    if not seen:
        return tags
    longest = max(len(k) for k in seen)
    out = [list(t) for t in tags]
    for j, sentence_forms in enumerate(forms):
        k = 0
        while k < len(sentence_forms):
            hit = None
            for length in range(min(longest, len(sentence_forms) - k), 0, -1):
                by_kind = seen.get(tuple(sentence_forms[k : k + length]))
                if by_kind and all(t == "O" for t in out[j][k : k + length]):
                    near = {kind: sum(abs(i - j) <= window for i in where) for kind, where in by_kind.items()}
                    kind, count = max(near.items(), key=lambda item: item[1])
                    if count:
                        hit = (length, kind)
                        break
            if hit and (k + hit[0] >= len(out[j]) or not out[j][k + hit[0]].startswith("I-")):
                length, kind = hit
                out[j][k : k + length] = ["B-" + kind] + ["I-" + kind] * (length - 1)
                k += length
            else:
                k += 1
    return out


def _skip_clitics(token: str) -> int:
    """How many characters of ``token`` are clitic prefixes (و، ف، ب، ل، ك, the ل of لل)."""
    prefix = token_info(token, load_gazetteer()).prefix
    if prefix.endswith("ل") and normalize_for_matching(token)[len(prefix) - 1 : len(prefix) + 1] == "لل":
        # "للصين": the second ل is the article's; keep "لصين" whole rather than cut it.
        prefix = prefix[:-1]
    i = 0
    for _letter in prefix:
        i += 1
        while i < len(token) and token[i] in _SKIPPABLE:
            i += 1
    return i if i < len(token) else 0


def find_entities(text: str, sentences: list[Sentence] | None = None) -> list[EntityMention]:
    """Entity mentions in ``text`` with offsets into it, in reading order.

    The model's spans pass through a rule layer: curated organisation and product
    names (data/curated.json) get their curated type and boundaries, Latin-script
    names inside Arabic text are typed from what precedes them, and clitics are
    left out of a mention's span. ``canonical`` comes from
    :func:`riwaya.entities.canonical.assign_canonical`.

    :param sentences: the text's sentences if already split (``split_sentences``).

    >>> [(m.text, m.type) for m in find_entities("وقال المتحدث باسم الكرملين دميتري بيسكوف إن بوتين التقى ماسك.")]
    [('الكرملين', 'ORG'), ('دميتري بيسكوف', 'PER'), ('بوتين', 'PER'), ('ماسك', 'PER')]
    >>> m = find_entities("وصل لترامب خطاب")[0]
    >>> m.text, m.start
    ('ترامب', 5)
    >>> [(m.text, m.type) for m in find_entities("تقدم خدمة “ستار لينك” (Starlink) في أوكرانيا.")]
    [('ستار لينك', 'MISC'), ('Starlink', 'MISC'), ('أوكرانيا', 'LOC')]
    """
    from riwaya.entities.canonical import assign_canonical

    if sentences is None:
        sentences = split_sentences(text)
    gazetteer = load_gazetteer()
    matches = [list(_TOKEN_RE.finditer(sentence.text)) for sentence in sentences]
    tokens = [[m.group() for m in ms] for ms in matches]
    # One call for the whole text, so that names propagate across its sentences.
    all_tags = tag_tokens(tokens)
    mentions: list[EntityMention] = []
    for sentence, sentence_matches, sentence_tokens, tags in zip(sentences, matches, tokens, all_tags, strict=True):
        spans = _force_curated(sentence_tokens, _split_at_clitics(sentence_tokens, iob_spans(tags), gazetteer), gazetteer)
        spans = _latin_names(sentence_tokens, spans, gazetteer)
        for first_index, end_index, kind in sorted(spans):
            first, last = sentence_matches[first_index], sentence_matches[end_index - 1]
            start = sentence.start + first.start() + _skip_clitics(first.group())
            end = sentence.start + last.end()
            if normalize_for_matching(text[start:end]) not in gazetteer.not_entities:
                mentions.append(EntityMention(start, end, text[start:end], kind, ""))
    return assign_canonical(mentions)


def _force_curated(tokens: list[str], spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Give curated names their type and boundaries; what is left of a model span
    they cut keeps its type (or becomes PER when it starts with a first name)."""
    forms = [token_info(t, gazetteer).form for t in tokens]
    longest = max(len(k) for k in gazetteer.forced)
    forced: list[tuple[int, int, str]] = []
    i = 0
    while i < len(forms):
        for length in range(min(longest, len(forms) - i), 0, -1):
            kind = gazetteer.forced.get(tuple(forms[i : i + length]))
            if kind:
                forced.append((i, i + length, kind))
                i += length
                break
        else:
            i += 1
    if not forced:
        return spans
    first_names = gazetteer.words["given"] | gazetteer.words["foreign_given"]
    out = list(forced)
    for start, end, kind in spans:
        pieces = [(start, end)]
        for a, b, _ in forced:
            pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[0] < p[1]]
        for s, e in pieces:
            if (s, e) == (start, end):
                out.append((s, e, kind))
            elif forms[s] in first_names:
                out.append((s, e, "PER"))
            elif e - s > 1:  # a lone leftover word is mostly an adjective (الأمريكية)
                out.append((s, e, kind))
    return out


def _split_at_clitics(tokens: list[str], spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """A word with a clitic inside a person span starts another name: "ماسك ببوتين"
    is two mentions, not one."""
    out = []
    for start, end, kind in spans:
        cut = start
        for k in range(start + 1, end):
            if kind == "PER" and token_info(tokens[k], gazetteer).prefix:
                out.append((cut, k, kind))
                cut = k
        out.append((cut, end, kind))
    return out


def _latin_names(tokens: list[str], spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Add Latin-script names the model left untagged: a gloss in brackets after a
    mention takes its type ("ستار لينك" (Starlink)); after an organisation noun
    (شبكة CNN) it is ORG; otherwise MISC, or ORG for a short all-capitals acronym."""
    covered = {i for s, e, _ in spans for i in range(s, e)}
    ends = {e: kind for s, e, kind in spans}
    out = list(spans)
    i = 0
    while i < len(tokens):
        if i in covered or not _LATIN_NAME.match(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and j not in covered and _LATIN_NAME.match(tokens[j]):
            j += 1
        before = i - 1
        while before >= 0 and tokens[before] in _QUOTES:
            before -= 1
        previous = token_info(tokens[before], gazetteer).form if before >= 0 else ""
        if before >= 0 and tokens[before] == "(":
            gloss = before
            while gloss > 0 and tokens[gloss - 1] in _QUOTES:
                gloss -= 1
            kind = ends.get(gloss, "MISC")
        elif previous in gazetteer.words["org_head"] or previous[1:] in gazetteer.words["org_head"]:
            kind = "ORG"
        elif previous in gazetteer.misc_heads or previous[1:] in gazetteer.misc_heads:
            kind = "MISC"
        else:
            kind = "ORG" if tokens[i].isupper() and len(tokens[i]) <= 5 and j == i + 1 and len(tokens[i]) > 1 else "MISC"
        out.append((i, j, kind))
        i = j
    return out
