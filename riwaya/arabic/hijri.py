"""The tabular Islamic (Hijri) calendar: conversion to and from Gregorian dates.

Tabular Islamic calendar (30-year cycle, leap years 2 5 7 10 13 16 18 21 24 26 29,
civil epoch 16 July 622 Julian). Umm al-Qura, which Saudi outlets use, differs from
it by at most a day or two; no table of Umm al-Qura month starts ships in any
installed package, and downloading one at run time is not allowed.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["hijri_to_gregorian", "gregorian_to_hijri"]

_HIJRI_EPOCH = dt.date(622, 7, 19).toordinal() - 1  # proleptic Gregorian day before 1 Muharram 1 AH


def _hijri_day_number(year: int, month: int, day: int) -> int:
    return (
        day
        + (59 * (month - 1) + 1) // 2  # ceil(29.5 * (month - 1))
        + 354 * (year - 1)
        + (3 + 11 * year) // 30
        + _HIJRI_EPOCH
    )


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Hijri date to Gregorian with the tabular Islamic calendar.

    Within a day or two of Umm al-Qura (the Saudi official calendar).

    >>> hijri_to_gregorian(1436, 9, 1)  # 1 رمضان 1436 هـ
    datetime.date(2015, 6, 18)
    """
    return dt.date.fromordinal(_hijri_day_number(year, month, day))


def gregorian_to_hijri(date: dt.date) -> tuple[int, int, int]:
    """Convert a Gregorian date to a tabular Hijri ``(year, month, day)``.

    >>> gregorian_to_hijri(dt.date(2015, 6, 18))  # 1 رمضان 1436 هـ
    (1436, 9, 1)
    """
    ordinal = date.toordinal()
    year = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    while _hijri_day_number(year + 1, 1, 1) <= ordinal:
        year += 1
    while _hijri_day_number(year, 1, 1) > ordinal:
        year -= 1
    month = 1
    while month < 12 and _hijri_day_number(year, month + 1, 1) <= ordinal:
        month += 1
    return year, month, ordinal - _hijri_day_number(year, month, 1) + 1


def _hijri_month_length(year: int, month: int) -> int:
    nxt = _hijri_day_number(year + 1, 1, 1) if month == 12 else _hijri_day_number(year, month + 1, 1)
    return nxt - _hijri_day_number(year, month, 1)
