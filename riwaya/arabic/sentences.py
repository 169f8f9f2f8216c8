"""Sentence spans over clean text, with sentencex and an abbreviation guard.

sentencex keeps quotations whole and never splits inside a number such as
"12.3", but it splits after Arabic abbreviations ("د." for doctor, "أ." for
professor, "م." for engineer) and inside spelled-out Latin ones ("أو.سي.آي إن.في");
this module joins those back.
"""

from __future__ import annotations

import re

from sentencex import segment

from riwaya.model import Sentence

# A segment that ends in one of these is an abbreviation, not a sentence end:
# a lone Arabic letter with a period ("د." "أ." "م."), or a known short form.
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(«\"“])(?:[\u0621-\u064a]|ق\.م|ص\.ب|هـ|ج\.م\.ع|ش\.م\.ع|أ\.د|Dr|Mr|Mrs|Prof|St)\.\s*$"
)
# A letter or two and a period with the next word right after it, no space: a spelled-out
# Latin abbreviation ("أو.سي.آي إن.في"، "إس.بي.إيه"), not a sentence end; a longer word
# glued to the next ("… الماضي.وقال") is a missing space, a real end.
_SPELLED_ABBREVIATION_END = re.compile(r"(?:^|[\s.(«\"“])[\u0621-\u064a]{1,2}\.$")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets; whitespace is left out of
    every span and empty segments are dropped.

    >>> [s.text for s in split_sentences("قال د. محمد إن «الأمر. خطير». ثم ذهب؟ نعم!")]
    ['قال د. محمد إن «الأمر. خطير».', 'ثم ذهب؟', 'نعم!']
    >>> [s.text for s in split_sentences("وارتفع سهم أو.سي.آي إن.في للكيماويات 17 في المئة. ونزل غيره.وقال متعاملون")]
    ['وارتفع سهم أو.سي.آي إن.في للكيماويات 17 في المئة.', 'ونزل غيره.', 'وقال متعاملون']
    >>> s = split_sentences("أولاً.\\n\\nثانياً.")[1]
    >>> (s.index, s.start, s.end, s.text)
    (1, 8, 15, 'ثانياً.')
    """
    pieces: list[tuple[int, int]] = []
    position = 0
    for segment_text in segment("ar", text):
        start = text.find(segment_text, position)
        if start < 0:  # sentencex changed the segment; re-sync on the stripped form
            start = text.find(segment_text.strip(), position)
            if start < 0:
                continue
            segment_text = segment_text.strip()
        end = start + len(segment_text)
        position = end
        previous = text[pieces[-1][0] : pieces[-1][1]] if pieces else ""
        if pieces and (_ABBREVIATION_END.search(previous) and "\n\n" not in text[pieces[-1][1] : start]
                       or start == pieces[-1][1] and _SPELLED_ABBREVIATION_END.search(previous)):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    sentences: list[Sentence] = []
    for start, end in pieces:
        chunk = text[start:end]
        stripped_start = start + len(chunk) - len(chunk.lstrip())
        stripped_end = start + len(chunk.rstrip())
        if stripped_end > stripped_start:
            sentences.append(Sentence(len(sentences), stripped_start, stripped_end, text[stripped_start:stripped_end]))
    return sentences
