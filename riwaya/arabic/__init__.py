"""The Arabic language layer: one concern per module.

- :mod:`riwaya.arabic.chars`      code-point constants
- :mod:`riwaya.arabic.normalize`  folding for matching (never for display)
- :mod:`riwaya.arabic.tokens`     word tokens and light clitic-aware stems
- :mod:`riwaya.arabic.sentences`  sentence spans
- :mod:`riwaya.arabic.numbers`    quantities with value, unit and span
  (private parts: ``number_words`` lexicon and fold, ``number_text`` tokens and
  units, ``number_phrases`` count words in context)
- :mod:`riwaya.arabic.dates`      dates with value, precision and span
  (private parts: ``date_words`` lexicon and fold, ``date_values`` calendar values,
  ``date_resolution`` resolution and year carry)
- :mod:`riwaya.arabic.hijri`      tabular Hijri calendar conversion
"""
