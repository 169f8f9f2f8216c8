"""Words that are counts only in context: "اتصال واحد", "الاتصال الوحيد", "أحد المصادر",
"مصدر مطلع", "عشرات الملايين", ordinals ("الخامس والأربعين") and duals ("عامين ونصف").

Private to :mod:`riwaya.arabic.numbers` (names keep their leading underscore).
"""

from __future__ import annotations

from riwaya.arabic.number_text import _TextReader, _Token
from riwaya.arabic.number_words import _STRIP_MARKS, _key
from riwaya.arabic.tokens import ARTICLE_PREFIXES
from riwaya.model import NumberKind, NumberMention


class _PhraseReader(_TextReader):
    """The readers of context-dependent count words; :class:`_Reader` dispatches to them."""

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
        for article in ARTICLE_PREFIXES:  # no two start alike: at most one matches
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
