"""The Arabic language layer: one concern per module.

- :mod:`riwaya.arabic.chars`      code-point constants
- :mod:`riwaya.arabic.normalize`  folding for matching (never for display)
- :mod:`riwaya.arabic.tokens`     word tokens and light clitic-aware stems
- :mod:`riwaya.arabic.sentences`  sentence spans
- :mod:`riwaya.arabic.numbers`    quantities with value, unit and span
- :mod:`riwaya.arabic.dates`      dates with value, precision and span
"""
