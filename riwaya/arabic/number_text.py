"""The folded text a number reader walks: tokens, the words before a value, and what
attaches to a value (percent, currency, time unit or counted noun, rate, hedge).

Private to :mod:`riwaya.arabic.numbers` (names keep their leading underscore).
"""

from __future__ import annotations

import re

from riwaya.arabic import chars
from riwaya.arabic.number_words import _LETTERS, _MARKS, _PROCLITICS, _STRIP_MARKS, _fold, _key, _Lexicon
from riwaya.arabic.tokens import ARTICLE_PREFIXES
from riwaya.model import NumberKind, NumberMention

_WORD = f"[{_LETTERS}{_MARKS}]+"
# Token after optional same-line blanks: an Arabic word, a digit group, or one other character.
# Newlines end a mention: a quantity never runs across a paragraph break.
_TOKEN = re.compile(
    rf"[ \t\u00a0\u200b-\u200f\u2066-\u2069]*(?:({_WORD})|(\d+(?:[.,/:]\d+)*)|(\S))"
)
_LETTER_OR_MARK = frozenset(
    chr(c) for c in [*range(0x0621, 0x0660), 0x0670, *range(0x066E, 0x06D4)]
)
_MARK_CHARS = frozenset(chars.DIACRITICS + chars.TATWEEL)


class _Token:
    """One token of the folded text: ``key`` is folded and mark-free."""

    __slots__ = ("start", "end", "key", "is_word", "is_digits")

    def __init__(self, match: re.Match[str]) -> None:
        group = 1 if match.group(1) else 2 if match.group(2) else 3
        self.start, self.end = match.start(group), match.end(group)
        self.is_word, self.is_digits = group == 1, group == 2
        self.key = _key(match.group(group)) if self.is_word else match.group(group)


def _is_year(value: float, had_scale: bool) -> bool:
    return not had_scale and value.is_integer() and 1900 <= value <= 2100


class _TextReader:
    """Token access and value completion for one text; :class:`_Reader` adds the parsers."""

    def __init__(self, text: str, lex: _Lexicon) -> None:
        self.text = text
        self.folded = _fold(text)
        self.lex = lex
        self.floor = 0  # end of the previous mention: nothing may start before it
        self.tokens: dict[int, _Token | None] = {}

    # -- tokens -----------------------------------------------------------------------
    def token(self, pos: int) -> _Token | None:
        """The token after ``pos`` on the same line (memoized: readers ask twice or more)."""
        if pos in self.tokens:
            return self.tokens[pos]
        match = _TOKEN.match(self.folded, pos)
        token = self.tokens[pos] = _Token(match) if match else None
        return token

    def prev_word(self, pos: int) -> tuple[int, str] | None:
        """Start and key of the word right before ``pos`` (blanks between allowed).

        A backwards scan in Python: a regex anchored at the end would be retried from
        every start position in the window (measured at 7 µs a call)."""
        folded, floor, end = self.folded, self.floor, pos
        while end > floor and folded[end - 1] in " \t\u00a0":
            end -= 1
        begin = end
        while begin > floor and folded[begin - 1] in _LETTER_OR_MARK:
            begin -= 1
        return (begin, _key(folded[begin:end])) if begin < end else None

    def is_noun(self, key: str) -> bool:
        """A plausible counted noun: an Arabic word that is no particle, month or number."""
        lex = self.lex
        if len(key) < 2 or key in lex.not_nouns:
            return False
        # "50 وزهاء", "5 ملايين ولثلاثة": a clitic and a particle or number, not a noun
        return not any(key.startswith(clitic) and key[len(clitic):] in lex.not_nouns for clitic in _PROCLITICS)

    def unit_text(self, start: int, end: int, strip_alef: bool) -> str:
        word = self.text[start:end]
        had_tanwin = "\u064b" in word
        word = word.translate(_STRIP_MARKS)
        if (had_tanwin or strip_alef) and len(word) > 3 and word.endswith("\u0627"):
            word = word[:-1]
        return word

    def mention(self, start: int, end: int, value: float | None, kind: NumberKind,
                unit: str | None, qualifier: str | None) -> NumberMention:
        self.floor = end
        return NumberMention(start, end, self.text[start:end], value, kind, unit, qualifier)

    # -- what follows and precedes a value -----------------------------------------------------
    def complete(self, start: int, end: int, value: float, *, had_scale: bool) -> NumberMention | None:
        """Attach percent sign, currency, time unit or counted noun, rate and hedge."""
        lex, folded = self.lex, self.folded
        kind, unit = NumberKind.CARDINAL, None
        before = folded[max(self.floor, start - 2):start].rstrip(" ")
        if before.endswith("$") or before.endswith("€") or before.endswith("£"):
            kind, unit = NumberKind.MONEY, lex.currency_symbols[before[-1]]
            start = folded.rindex(before[-1], 0, start)
        elif before.endswith("%") and not before[:-1].rstrip()[-1:].isdigit():
            kind, unit = NumberKind.PERCENT, "%"
            start = folded.rindex("%", 0, start)
        if unit is None:
            if match := lex.percent_after.match(folded, end):
                kind, unit, end = NumberKind.PERCENT, "%", match.end()
            elif (tok := self.token(end)) and tok.is_word and tok.key in lex.currencies:
                kind, unit, end = NumberKind.MONEY, lex.currencies[tok.key], tok.end
                adjective = self.token(end)
                adjectives = lex.currency_adjectives.get(unit, {})
                if adjective and adjective.is_word and adjective.key in adjectives:
                    unit, end = adjectives[adjective.key], adjective.end
            elif tok and tok.key in lex.currency_symbols and tok.start == end or (
                    tok and tok.key in lex.currency_symbols and folded[end:tok.start].strip() == ""):
                kind, unit, end = NumberKind.MONEY, lex.currency_symbols[tok.key], tok.end
            elif match := lex.sar_symbol.match(folded, end):
                kind, unit, end = NumberKind.MONEY, "SAR", match.end()
            elif tok and tok.is_word and tok.key in lex.time_units:
                kind, unit, end = NumberKind.DURATION, lex.time_units[tok.key], tok.end
                value, end = self.add_half(value, end)
            # a counted noun after a number is indefinite
            elif tok and tok.is_word and not tok.key.startswith(ARTICLE_PREFIXES) and self.is_noun(tok.key) \
                    and not (_is_year(value, had_scale) and not self.hedge(start)[0]):
                unit = self.unit_text(tok.start, tok.end, value.is_integer() and 11 <= value % 100 <= 99)
                end = tok.end
        elif kind is NumberKind.MONEY and (tok := self.token(end)) and tok.is_word \
                and tok.key in lex.currencies and lex.currencies[tok.key] == unit:
            end = tok.end  # "$45 مليون دولار" is written too
        if unit and kind in (NumberKind.MONEY, NumberKind.CARDINAL) and (rate := lex.rate_after.match(folded, end)):
            unit, end = f"{unit}/{self.per(rate)}", rate.end()
        qualifier, start = self.hedge(start)
        if (tok := self.token(end)) and tok.key == "تقريبا":
            qualifier, end = qualifier or "about", tok.end
        if unit is None and kind is NumberKind.CARDINAL and not qualifier:
            return self.mention(start, end, value, kind, None, None)
        return self.mention(start, end, value, kind, unit, qualifier)

    def per(self, rate: re.Match[str]) -> str:
        """The time or measure unit of a rate word ("شهرياً" → "month")."""
        return str(self.lex.rates[re.sub(r"[ \t]+", " ", _key(rate.group(1)))])

    def add_half(self, value: float, end: int) -> tuple[float, int]:
        tok = self.token(end)
        if tok and tok.is_word and tok.key[:1] == "و" and tok.key[1:] in self.lex.fractions:
            return value + self.lex.fractions[tok.key[1:]], tok.end
        return value, end

    def hedge(self, start: int) -> tuple[str | None, int]:
        """The qualifier right before ``start`` ("حوالي", "أكثر من", "تصل إلى"), if any."""
        # Word by word, backwards: a regex anchored at the end costs microseconds a call.
        # The longest phrase wins ("ما يزيد على" over "يزيد على"); a leading و stays out.
        names = self.lex.qualifier_names
        words: list[str] = []
        found: tuple[str | None, int] = (None, start)
        pos = start
        while len(words) < 4 and (prev := self.prev_word(pos)):
            last = prev[1]
            if not words and last not in self.lex.qualifier_last_words and not (
                    last[:1] == "و" and last[1:] in self.lex.qualifier_last_words):
                break
            pos = prev[0]
            words.insert(0, prev[1])
            phrase = " ".join(words)
            if phrase in names:
                found = (names[phrase], pos)
            elif phrase[:1] == "و" and phrase[1:] in names:
                found = (names[phrase[1:]], pos + 1)
        return found
