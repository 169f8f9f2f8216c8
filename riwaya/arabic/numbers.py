"""Quantities in Arabic text: value, unit, kind, hedge and the exact span.

:func:`find_numbers` reads digits in every script (ASCII, Eastern Arabic,
Persian; "," and "٬" thousands, "." and "٫" decimals), number words
("ثلاثة آلاف وخمسمائة"), scale words ("1.8 مليار"), duals ("شخصين",
"عامين"), halves ("عامين ونصف"), percentages, currencies, durations,
ordinals, per-unit rates ("شهرياً") and vague counts ("عشرات الملايين").

How it works, and why this way:

- The text is folded once, one character for one: Eastern digits with
  :func:`~riwaya.arabic.normalize.fold_digits` (on the runs that have them),
  and the letter variants أ/إ/آ → ا, ى → ي, ة → ه with ``str.replace``. Offsets
  in the folded copy are offsets in the original, so spans need no map back.
  (A whole-text ``str.translate`` with a dict table cost 0.18 ms per 2 KB
  article, more than all the parsing; the replaces cost a few µs.)
- Triggers: digit runs from one regex, and lexicon words (with a proclitic
  و ف ب ل ك or a pair of them) from a set intersection of the article's words
  with every written form, then ``str.find`` for their positions. A trie regex
  over the text was measured at the same cost and more code. Only at a trigger
  does the parser look at neighbouring tokens; hedges are looked up word by
  word backwards, never with an end-anchored regex (7 µs a call).
- Speed, measured on all 27,644 SaudiNewsNet articles (mean 1,728 characters):
  about 0.19 ms per article of CPU time.
- Lexicons live in ``data/number_words.json`` and ``data/units.json``.

Conventions of the output:

- ``unit`` is a currency code (or the currency word when the country is not
  said: "دينار", "ليرة"), "%" for percentages, an English time unit for
  durations ("year", "week"), optionally followed by "/month"-style rates, or
  the counted noun as written, without diacritics and without the accusative
  tanwin alef ("30 نطاقا" → "نطاق").
- ``qualifier``: about, more_than, less_than, at_least, up_to, or "vague"
  (``value`` None). The hedge words are part of the span ("أكثر من 118 مليون دولار").
- Integers 1900–2100 without a scale word take no counted noun unless a hedge
  precedes them ("حوالي 2000 شخص"), and a quantity never absorbs a following
  number unless it is a smaller scaled part ("2 مليون و500 ألف"): years belong to
  the date layer, and the pipeline drops numbers that overlap a date.
- "واحد" counts only after an indefinite noun ("اتصال واحد"), never in
  "قتال واحد لواحد", "في وقت واحد", "في آن واحد" or "كل واحد".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from riwaya.arabic import chars
from riwaya.arabic.normalize import fold_digits
from riwaya.model import NumberKind, NumberMention

__all__ = ["find_numbers"]

_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3"
_MARKS = "\u0640\u064b-\u065f\u0670"
_WORD = f"[{_LETTERS}{_MARKS}]+"

# Length-preserving letter folding (one character for one), so offsets survive.
_LETTER_FOLD = str.maketrans({
    chars.ALEF_MADDA: chars.ALEF, chars.ALEF_HAMZA_ABOVE: chars.ALEF,
    chars.ALEF_HAMZA_BELOW: chars.ALEF, chars.ALEF_WASLA: chars.ALEF,
    chars.ALEF_MAKSURA: chars.YA, chars.FARSI_YA: chars.YA,
    chars.TA_MARBUTA: chars.HA, chars.KEHEH: chars.KAF,
})
_LETTER_PAIRS = tuple((chr(k), v) for k, v in _LETTER_FOLD.items())
_STRIP_MARKS = {ord(c): None for c in chars.DIACRITICS + chars.TATWEEL}

# Token after optional same-line blanks: an Arabic word, a digit group, or one other character.
# Newlines end a mention: a quantity never runs across a paragraph break.
_TOKEN = re.compile(
    rf"[ \t\u00a0\u200b-\u200f\u2066-\u2069]*(?:({_WORD})|(\d+(?:[.,/:]\d+)*)|(\S))"
)
# Saudi Press Agency copy writes decimals with ر and the fraction first: "935ر6" is 6.935.
_DIGIT_RUN = re.compile(
    r"[0-9]+\u0631[0-9]+(?![\u0621-\u064a])|[0-9]+(?:(?:[.,:]|[ \t]?/[ \t]?)[0-9]+)*"
)
_LETTER_RUN = re.compile(f"[{_LETTERS}]+")
_LETTER_OR_MARK = frozenset(
    chr(c) for c in [*range(0x0621, 0x0660), 0x0670, *range(0x066E, 0x06D4)]
)
_MARK_CHARS = frozenset(chars.DIACRITICS + chars.TATWEEL)
# An Arabic letter glued before digits makes a code ("أ١", "ج2"), except a proclitic ("بـ15", "ل3").
_CODE_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B) if chr(c) not in "\u0640\u0648\u0641\u0628\u0644\u0643")
_NOT_BEFORE_DIGITS = re.compile(f"[0-9A-Za-z_{_CODE_LETTERS}]")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DEFINITE = ("ال", "لل", "بال", "وال", "فال", "كال")  # a counted noun after a number is indefinite
_PROCLITICS = ("وب", "ول", "فب", "فل", "لل", "وك", "و", "ف", "ب", "ل", "ك")


_EASTERN_DIGITS = re.compile(
    f"[{chars.ARABIC_INDIC_DIGITS}{chars.PERSIAN_DIGITS}{chars.ARABIC_DECIMAL_SEPARATOR}"
    f"{chars.ARABIC_THOUSANDS_SEPARATOR}{chars.ARABIC_PERCENT}]+"
)
_VARIANTS = {"\u0627": "[\u0627\u0623\u0625\u0622\u0671]", "\u064a": "[\u064a\u0649\u06cc]",
             "\u0647": "[\u0647\u0629]", "\u0643": "[\u0643\u06a9]"}


def _fold(text: str) -> str:
    """Fold digits and letter variants, one character for one, so offsets stay valid.

    ``str.replace`` per letter is used rather than one ``str.translate``: on a 2 KB
    article translate with a dict table took 0.18 ms, the replaces take a few µs.
    """
    if _EASTERN_DIGITS.search(text):
        text = _EASTERN_DIGITS.sub(lambda run: fold_digits(run.group(0)), text)
    for variant, letter in _LETTER_PAIRS:
        if variant in text:
            text = text.replace(variant, letter)
    return text


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """Folded, mark-free form of one word, used for every lexicon lookup."""
    return fold_digits(word).translate(_LETTER_FOLD).translate(_STRIP_MARKS)


def _pattern(folded: str) -> str:
    """Regex for a folded literal that also matches its spelling variants ("حوالي" → حوالى)
    and diacritics after any letter ("يوميا" → يوميًا)."""
    return "".join(
        "[ \t]+" if ch == " " else _VARIANTS.get(ch, re.escape(ch)) + f"[{_MARKS}]*" for ch in folded
    )


class _Lexicon:
    """Every table the parser uses, folded once at load time."""

    def __init__(self, words: dict[str, Any], units: dict[str, Any]) -> None:
        def keys(items: Any) -> set[str]:
            return {_key(w) for w in items if not w.startswith("_")}

        def table(items: dict[str, Any]) -> dict[str, Any]:
            return {_key(w): v for w, v in items.items() if not w.startswith("_")}

        self.units = table(words["units"])
        self.teen_heads = table(words["teen_heads"])
        self.teen_tails = keys(words["teen_tails"])
        self.tens = table(words["tens"])
        self.hundreds = table(words["hundreds"])
        self.scales = table(words["scales"])
        self.dual_scales = table(words["dual_scales"])
        self.fractions = table(words["fractions"])
        self.vague = keys(words["vague"])
        self.vague_scales = keys(words["vague_definite_scales"])
        self.vague_prefixes = keys(words["vague_prefixes"])
        self.vague_of = keys(words["vague_of"])
        self.ordinals = table(words["ordinals"])
        self.ordinal_tens = table(words["ordinal_tens"])
        self.one = {_key(w) for w in ("واحد", "واحدة", "واحدا")}
        self.only = {_key(w) for w in ("الوحيد", "الوحيدة")}
        self.ahad = {_key(w) for w in ("أحد", "إحدى")}
        self.one_idioms_before = keys(words["one_idioms_before"])
        self.one_idioms_after = keys(words["one_idioms_after"])
        self.source_nouns = keys(words["source_nouns"])
        self.informed = keys(words["informed"])
        self.qualifiers = [(_key(p), name) for name, ps in words["qualifiers"].items() for p in ps]

        self.currencies = table(units["currencies"])
        self.currency_adjectives = {
            code: table(adjs) for code, adjs in units["currency_adjectives"].items()
        }
        self.currency_symbols = dict(units["currency_symbols"])
        self.time_units = table(units["time_units"])
        self.rates = table(units["rates"])
        self.not_counted = keys(units["not_counted_nouns"])
        self.duals: dict[str, tuple[str, str | None, NumberKind]] = {}
        for singular, time_unit in units["dual_nouns"].items():
            if singular.startswith("_"):
                continue
            kind = NumberKind.DURATION if time_unit else NumberKind.CARDINAL
            stem = _key(singular)
            stem = stem[:-1] + "ت" if stem.endswith("ه") else stem
            stem = stem[:-1] + "ا" if stem.endswith("ي") and singular.endswith("ى") else stem
            for form in (stem + "ان", stem + "ين"):
                for definite in ("", "ال"):
                    self.duals[definite + form] = (singular, time_unit, kind)
        for singular in units["dual_nouns_nominative_only"]:
            self.duals[_key(singular) + "ان"] = (singular, None, NumberKind.CARDINAL)
        for form, code in units["dual_currency"].items():
            self.duals[_key(form)] = (code, None, NumberKind.MONEY)

        self.cardinal_words = (
            set(self.units) | set(self.tens) | set(self.hundreds) | set(self.scales)
            | set(self.dual_scales) | set(self.fractions)
        )
        self.number_words = (
            self.cardinal_words | set(self.teen_heads) | self.vague | self.vague_prefixes
            | self.vague_of | set(self.ordinals) | set(self.ordinal_tens) | set(self.duals)
            | self.only | self.source_nouns
        )
        self.qualifier_names = dict(self.qualifiers)
        self.qualifier_last_words = frozenset(p.rsplit(" ", 1)[-1] for p, _ in self.qualifiers)
        self.not_nouns = (
            self.not_counted | self.cardinal_words | set(self.teen_heads) | self.vague
            | self.vague_prefixes | self.vague_of | set(self.ordinals) | set(self.time_units)
            | {w for p, _ in self.qualifiers for w in p.split()}
        )
        # Every written form of a trigger word, proclitics included: a set intersection
        # with the words of an article finds the candidates in C. (A trie regex over the
        # text was measured at twice the cost: sre tries branches one by one at every word.)
        self.trigger_forms = frozenset(
            proclitic + word for word in self.number_words for proclitic in ("", *_PROCLITICS)
        )
        hundred = "|".join(_pattern(w) for w in ("مائه", "مئه", "ميه", "مايه"))
        self.percent_after = re.compile(
            rf"[ \t]*(?:%|(?:{_pattern('في')}[ \t]+|ب)ال(?:{hundred}))(?![{_LETTERS}])"
        )
        self.rate_after = re.compile(
            r"[ \t]*(" + "|".join(_pattern(r) for r in self.rates) + rf")[{_MARKS}]*(?![{_LETTERS}])"
        )
        self.sar_symbol = re.compile(r"[ \t]*ر\.[ \t]?س(?![" + _LETTERS + "])")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = resources.files("riwaya.arabic") / "data"
    words = json.loads((data / "number_words.json").read_text(encoding="utf-8"))
    units = json.loads((data / "units.json").read_text(encoding="utf-8"))
    return _Lexicon(words, units)


class _Token:
    """One token of the folded text: ``key`` is folded and mark-free."""

    __slots__ = ("start", "end", "key", "is_word", "is_digits")

    def __init__(self, match: re.Match[str]) -> None:
        group = 1 if match.group(1) else 2 if match.group(2) else 3
        self.start, self.end = match.start(group), match.end(group)
        self.is_word, self.is_digits = group == 1, group == 2
        self.key = _key(match.group(group)) if self.is_word else match.group(group)


def _digits_value(token: str) -> float | None:
    """Value of a digit group, or None for dates, times and identifiers ("12.3.2024", "10:30").

    >>> _digits_value("1,500"), _digits_value("٣٫٥".translate({0x663: "3", 0x66b: ".", 0x665: "5"}))
    (1500.0, 3.5)
    >>> _digits_value("935ر6"), _digits_value("12.3.2024")
    (6.935, None)
    """
    if "\u0631" in token:
        fraction, _, whole = token.partition("\u0631")
        return float(f"{whole}.{fraction}")
    if "/" in token or ":" in token or token.count(".") > 1:
        return None
    if "," in token:
        if _THOUSANDS.fullmatch(token):
            return float(token.replace(",", ""))
        if token.count(",") == 1 and "." not in token:  # decimal comma ("1,5 مليون")
            return float(token.replace(",", "."))
        return None
    if len(token) > 15:
        return None
    return float(token)


def _is_year(value: float, had_scale: bool) -> bool:
    return not had_scale and value.is_integer() and 1900 <= value <= 2100


class _Reader:
    """Parses the quantities of one text; one instance per :func:`find_numbers` call."""

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

    # -- entry point --------------------------------------------------------------------
    def read(self, at: int, form: str) -> NumberMention | None:
        """Read the quantity at a trigger word ``form`` (maybe with a proclitic) found at ``at``."""
        lex = self.lex
        word, proclitic = form, False
        if form not in lex.number_words:
            for clitic in _PROCLITICS:
                if form.startswith(clitic) and form[len(clitic):] in lex.number_words:
                    word, proclitic = form[len(clitic):], True
                    break
        start, end = at + len(form) - len(word), at + len(form)
        while end < len(self.folded) and self.folded[end] in _MARK_CHARS:
            end += 1
        if word == "عده" and self.text[start:end].translate(_STRIP_MARKS).endswith("\u0647"):
            return None  # "بعده" (after it) is not "بعدة" (with several): folding merged ة and ه
        if word == "واحد" and self.text[at + 1:at + 2] in ("\u0623", "\u0625"):
            word, proclitic, start = "احد", True, at + 1  # "وأحد عشر" is و + أحد, not واحد
        nxt = self.token(end)
        if word in lex.one and not (nxt and nxt.key[:1] == "و" and nxt.key[1:] in lex.tens):
            return None if proclitic else self.read_one(start, end, nxt)
        if word in lex.only:
            return self.read_only(start, end)
        if word in lex.teen_heads and not (nxt and nxt.key in lex.teen_tails):
            if word in lex.ahad and self.folded[start - 2:start] != "لل":
                return self.read_ahad(start, nxt)
            return None
        if word in lex.source_nouns:
            return self.read_source(start, end, nxt)
        if word in lex.vague or word in lex.vague_prefixes or word in lex.vague_of:
            return self.read_vague(start, end, word, nxt)
        if word in lex.ordinals or word in lex.ordinal_tens:
            return self.read_ordinal(start, end, word, nxt)
        if word in lex.duals:
            return self.read_dual(start, end, word)
        if proclitic and word in lex.fractions and (prev := self.prev_word(at)):
            unit_start, unit_key = prev
            if unit_key[:1] == "و" and unit_key[1:] in lex.time_units:
                unit_start, unit_key = unit_start + 1, unit_key[1:]
            if unit_key in lex.time_units:  # "ساعة ونصف", "عام ونصف"
                value = 1 + lex.fractions[word]
                return self.mention(unit_start, end, value, NumberKind.DURATION, lex.time_units[unit_key], None)
        return self.read_words(start)

    # -- cardinals ------------------------------------------------------------------------
    def read_digits(self, start: int, end: int, digits: str) -> NumberMention | None:
        """Digits with their scale words: "15 ألف", "1.8 مليار", "2 مليون و500 ألف"."""
        folded = self.folded
        before = folded[max(0, start - 2):start]
        if before[-1:] and _NOT_BEFORE_DIGITS.match(before[-1]) or before[-1:] == "-" and before[:1].isascii() \
                and before[:1].isalpha() or before[-1:] in ("و", "ف", "ب", "ل", "ك") \
                and "\u0621" <= before[:1] <= "\u064a":
            return None  # "F16", "COVID-19", "أ١", "جب3": codes, not quantities
        value = _digits_value(digits)
        if value is None or folded[end:end + 1].isascii() and folded[end:end + 1].isalpha():
            return None
        value, end, scale = self.read_scales(value, end)
        if scale and (tok := self.token(end)) and tok.key[:1] == "و":
            value, end = self.read_scaled_tail(value, end, scale, tok)
        return self.complete(start, end, value, had_scale=scale > 0)

    def read_scales(self, value: float, end: int) -> tuple[float, int, float]:
        """Multiply by the scale words that follow ("15 ألف", "1.8 مليار") and add "ونصف"."""
        scale = 0.0
        while (tok := self.token(end)) and tok.is_word and tok.key in self.lex.scales:
            scale = self.lex.scales[tok.key]
            value, end = value * scale, tok.end
        if scale and (tok := self.token(end)) and tok.key[:1] == "و" and tok.key[1:] in self.lex.fractions:
            value, end = value + self.lex.fractions[tok.key[1:]] * scale, tok.end
        return value, end, scale

    def read_scaled_tail(self, value: float, end: int, scale: float, tok: _Token) -> tuple[float, int]:
        """"2 مليون و500 ألف": a smaller scaled part joined by و. Never a bare number,
        so a year after a quantity ("... و2021") is not swallowed."""
        if tok.key == "و":
            tok = self.token(tok.end)  # type: ignore[assignment]
            digits_at = tok.start if tok and tok.is_digits else -1
        else:
            digits_at = tok.start + 1 if tok.key[1:2].isdigit() else -1
        if digits_at < 0:
            return value, end
        match = re.compile(r"\d+(?:[.,]\d+)*").match(self.folded, digits_at)
        part = _digits_value(match.group(0)) if match else None
        if part is None or match is None:
            return value, end
        part, part_end, part_scale = self.read_scales(part, match.end())
        if 0 < part_scale < scale:
            return value + part, part_end
        return value, end

    def read_words(self, start: int) -> NumberMention | None:
        """Number words: "خمسة وعشرون", "ثلاثة آلاف وخمسمائة", "أحد عشر ألفا", "نصف مليون"."""
        lex = self.lex
        total = current = 0.0
        last_kind, count, end, pos, scale = "", 0, start, start, 0.0
        while (tok := self.token(pos)) and tok.is_word:
            key, conj = tok.key, False
            if count and key[:1] == "و" and key[1:] in lex.cardinal_words:
                key, conj = key[1:], True
            if count and not conj and key not in lex.scales and key not in lex.teen_tails \
                    and not (key in lex.hundreds and lex.hundreds[key] == 100 and last_kind == "unit"):
                break
            if key in lex.teen_tails and count and last_kind in ("unit", "teen_head") and not conj:
                current += 10
                kind = "teen"
            elif count == 0 and key in lex.teen_heads:
                current, kind = lex.teen_heads[key], "teen_head"
            elif key in lex.units or key in lex.tens:
                current += lex.units.get(key) or lex.tens[key]
                kind = "unit" if key in lex.units else "tens"
            elif key in lex.hundreds:
                hundred = lex.hundreds[key]
                current = current * 100 if not conj and last_kind == "unit" else current + hundred
                kind = "hundreds"
            elif key in lex.scales or key in lex.dual_scales:
                if conj:
                    break
                factor = lex.scales.get(key) or lex.dual_scales[key]
                if current == 0 and total and factor > scale:  # "ألف مليون"
                    total *= factor
                else:
                    total += (current or 1) * factor if key in lex.scales else factor
                current, scale, kind = 0, factor, "scale"
            elif key in lex.fractions:
                fraction = lex.fractions[key]
                if conj:
                    current += fraction * (scale or 1) if scale and not current else fraction
                else:
                    current = fraction
                kind = "fraction"
            else:
                break
            last_kind, count, end, pos = kind, count + 1, tok.end, tok.end
            if kind == "fraction" and conj:
                break
        if not count or last_kind == "teen_head":
            return None
        value = total + current
        if last_kind == "fraction" and count == 1:
            nxt = self.token(end)
            if not (nxt and nxt.is_word and nxt.key in lex.time_units):
                return None
        return self.complete(start, end, value, had_scale=scale > 0)

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
            elif tok and tok.is_word and not tok.key.startswith(_DEFINITE) and self.is_noun(tok.key) \
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

    # -- words that are counts only in context ------------------------------------------------
    def noun_before(self, start: int) -> int | None:
        """Start of the counted noun before ``start``: "اتصال واحد", "مكالمة هاتفية واحدة"
        (a nisba adjective in between is kept with its noun)."""
        prev = self.prev_word(start)
        if not prev or not self.is_noun(prev[1]) or prev[1] in self.lex.one_idioms_before:
            return None
        noun_start, key = prev
        if not key.startswith("ال") and (key.endswith("يه") or key.endswith("ي")) and len(key) > 3:
            head = self.prev_word(noun_start)
            if head and self.is_noun(head[1]) and not head[1].startswith("ال"):
                noun_start = head[0]
        return noun_start

    def read_one(self, start: int, end: int, nxt: _Token | None) -> NumberMention | None:
        """"واحد" counts only after an indefinite noun, and not in "قتال واحد لواحد",
        "في وقت واحد", "في آن واحد", "كل واحد"."""
        if nxt and nxt.key in self.lex.one_idioms_after:
            self.floor = nxt.end
            return None
        noun_start = self.noun_before(start)
        if noun_start is None or _key(self.folded[noun_start:noun_start + 2]) == "ال":
            return None
        unit = self.text[noun_start:start].translate(_STRIP_MARKS).strip()
        return self.mention(noun_start, end, 1.0, NumberKind.CARDINAL, unit, None)

    def read_only(self, start: int, end: int) -> NumberMention | None:
        """"الاتصال الوحيد" (the only contact) is a count of one."""
        prev = self.prev_word(start)
        if not prev or not self.is_noun(prev[1]):
            return None
        unit = self.text[prev[0]:start].translate(_STRIP_MARKS).strip()
        for article in ("ال", "وال", "بال", "فال", "كال", "لل"):
            if _key(unit).startswith(article) and len(unit) > len(article) + 1:
                unit = unit[len(article):]
                break
        return self.mention(prev[0], end, 1.0, NumberKind.CARDINAL, unit, None)

    def read_ahad(self, start: int, nxt: _Token | None) -> NumberMention | None:
        """"أحد المصادر", "إحدى المزايا", "أحد هؤلاء": one of a definite set."""
        if not nxt or not nxt.is_word or not (nxt.key.startswith("ال") or nxt.key in ("هولاء", "هؤلاء")):
            return None
        if nxt.key.startswith("ال") and not self.is_noun(nxt.key):
            return None
        if nxt.key.startswith("ال"):
            unit = self.unit_text(nxt.start + 2, nxt.end, False)
            return self.mention(start, nxt.end, 1.0, NumberKind.CARDINAL, unit, None)
        after = self.token(nxt.end)
        end = after.end if after and after.is_word and self.is_noun(after.key) else nxt.end
        unit = self.unit_text(nxt.end, end, False).strip() or None
        return self.mention(start, end, 1.0, NumberKind.CARDINAL, unit, None)

    def read_source(self, start: int, end: int, nxt: _Token | None) -> NumberMention | None:
        """Counts carried by phrasing about sources: "مصدر مطلع" (one), "مصدر استخباراتي
        حالي وآخر سابق" (one and another: two)."""
        unit = self.unit_text(start, end, False)
        tok, seen = nxt, 0
        while tok and tok.is_word and seen < 3:
            if tok.key in self.lex.informed and seen < 2:
                return self.mention(start, tok.end, 1.0, NumberKind.CARDINAL, unit, None)
            if tok.key == "واخر":
                after = self.token(tok.end)
                stop = after.end if after and after.is_word and self.is_noun(after.key) \
                    and not after.key.startswith("ل") else tok.end
                return self.mention(start, stop, 2.0, NumberKind.CARDINAL, unit, None)
            if not self.is_noun(tok.key) or tok.key.startswith("ال"):
                return None
            tok, seen = self.token(tok.end), seen + 1
        return None

    def read_vague(self, start: int, end: int, word: str, nxt: _Token | None) -> NumberMention | None:
        """"مئات", "عشرات الملايين من متابعيه", "عدة مئات من محطات", "عدد من المسؤولين",
        "عدة مسؤولين", "مرات عدة": counts with no exact value."""
        lex = self.lex
        if word in lex.vague_of:
            if not (nxt and nxt.key == "من"):
                return None
            noun = self.token(nxt.end)
            if not noun or not noun.is_word or not self.is_noun(noun.key):
                return None
            return self.vague(start, noun.end, noun)
        if word in lex.vague_prefixes:
            if nxt and nxt.is_word and nxt.key in lex.vague:
                end, nxt = nxt.end, self.token(nxt.end)
            elif nxt and nxt.is_word and self.is_noun(nxt.key) and nxt.key[:2] != "ال" \
                    and nxt.key[:1] != "و":  # "مرات عدة وتحدث": the noun is before
                return self.vague(start, nxt.end, nxt)
            else:
                noun_start = self.noun_before(start)
                if noun_start is None:
                    return None
                unit = self.text[noun_start:start].translate(_STRIP_MARKS).strip()
                return self.mention(noun_start, end, None, NumberKind.CARDINAL, unit, "vague")
        if nxt and nxt.is_word and nxt.key in lex.vague_scales:
            end, nxt = nxt.end, self.token(nxt.end)
        if nxt and nxt.key == "من":
            noun = self.token(nxt.end)
            if noun and noun.is_word and self.is_noun(noun.key):
                return self.vague(start, noun.end, noun)
        elif nxt and nxt.is_word and nxt.key.startswith("ال") and self.is_noun(nxt.key):
            return self.vague(start, nxt.end, nxt)
        return self.mention(start, end, None, NumberKind.CARDINAL, None, "vague")

    def vague(self, start: int, end: int, noun: _Token) -> NumberMention:
        if noun.key in self.lex.currencies:
            return self.mention(start, end, None, NumberKind.MONEY, self.lex.currencies[noun.key], "vague")
        unit = self.unit_text(noun.start, noun.end, False)
        return self.mention(start, end, None, NumberKind.CARDINAL, unit, "vague")

    def read_ordinal(self, start: int, end: int, word: str, nxt: _Token | None) -> NumberMention | None:
        """"الخامس والأربعين" (45th), "الحادي عشر", "الثالثة"."""
        lex = self.lex
        value = lex.ordinals.get(word) or lex.ordinal_tens[word]
        if word in lex.ordinals and nxt and nxt.is_word:
            if nxt.key in lex.teen_tails:
                value, end = value + 10, nxt.end
            elif nxt.key[:1] == "و" and nxt.key[1:] in lex.ordinal_tens:
                value, end = value + lex.ordinal_tens[nxt.key[1:]], nxt.end
            elif word in ("الحادي", "الحاديه"):
                return None
        return self.mention(start, end, float(value), NumberKind.ORDINAL, None, None)

    def read_dual(self, start: int, end: int, word: str) -> NumberMention | None:
        """"شخصين", "عامين ونصف", "العامين", "دولارين": two of the noun."""
        singular, time_unit, kind = self.lex.duals[word]
        value = 2.0
        if time_unit:
            value, end = self.add_half(value, end)
        unit = time_unit or singular
        if kind is NumberKind.CARDINAL and (rate := self.lex.rate_after.match(self.folded, end)):
            unit, end = f"{unit}/{self.per(rate)}", rate.end()
        qualifier, start = self.hedge(start)
        return self.mention(start, end, value, kind, unit, qualifier)


def find_numbers(text: str) -> list[NumberMention]:
    """Find the quantities stated in ``text``, sorted by start and never overlapping;
    ``text[m.start:m.end] == m.text`` for every mention ``m``.

    >>> [(m.text, m.value, m.unit) for m in find_numbers("فاز بعقد بقيمة 1.8 مليار دولار")]
    [('1.8 مليار دولار', 1800000000.0, 'USD')]
    >>> m = find_numbers("أنفقت أكثر من 118 مليون دولار")[0]
    >>> (m.text, m.value, m.kind.value, m.qualifier)
    ('أكثر من 118 مليون دولار', 118000000.0, 'money', 'more_than')
    >>> [(m.value, m.unit) for m in find_numbers("كان هناك ١٥ ألف محطة وحوالى 15000 محطة")]
    [(15000.0, 'محطة'), (15000.0, 'محطة')]
    >>> [(m.text, m.value, m.kind.value, m.unit) for m in find_numbers("بعد أكثر من عامين ونصف")]
    [('أكثر من عامين ونصف', 2.5, 'duration', 'year')]
    >>> [(m.text, m.value) for m in find_numbers("تحدى بوتين في قتال واحد لواحد")]
    []
    >>> [(m.text, m.value, m.qualifier) for m in find_numbers("عشرات الملايين من متابعيه")]
    [('عشرات الملايين من متابعيه', None, 'vague')]
    """
    lex = _lexicon()
    reader = _Reader(text, lex)
    folded = reader.folded
    triggers: list[tuple[int, str, int]] = [
        (match.start(), match.group(0), 1) for match in _DIGIT_RUN.finditer(folded)
    ]
    for form in lex.trigger_forms.intersection(_LETTER_RUN.findall(folded)):
        at = folded.find(form)
        while at >= 0:
            after = at + len(form)
            if (at == 0 or folded[at - 1] not in _LETTER_OR_MARK) and (
                    after == len(folded) or folded[after] not in _LETTER_OR_MARK or folded[after] in _MARK_CHARS
                    and folded[after] != chars.TATWEEL):
                triggers.append((at, form, 0))
            at = folded.find(form, after)
    triggers.sort()
    mentions: list[NumberMention] = []
    for start, found_text, is_digits in triggers:
        if start < reader.floor:
            continue
        if is_digits:
            found = reader.read_digits(start, start + len(found_text), found_text)
        else:
            found = reader.read(start, found_text)
        if found is not None:
            mentions.append(found)
    return mentions
