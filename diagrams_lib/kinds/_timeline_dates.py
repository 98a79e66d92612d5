"""Dates on a timeline: ``datetime.date`` and ``datetime.datetime`` as day numbers, and a
date axis with ticks on day, month or year boundaries.

A date becomes its proleptic Gregorian ordinal (a datetime adds the fraction of its
day), so phases and milestones are placed in days; ticks fall on the first of a month or
year, labelled ``Jan 2024``, ``Apr`` or ``2024``.

>>> import datetime as dt
>>> to_days(dt.date(2024, 1, 1)), to_days(dt.datetime(2024, 1, 1, 12))
(738886.0, 738886.5)
>>> [label for _, label in date_ticks(to_days(dt.date(2024, 1, 10)),
...                                   to_days(dt.date(2024, 11, 2)), max_ticks=6)]
['Jan 2024', 'Apr', 'Jul', 'Oct', 'Jan 2025']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

__all__ = ["date_ticks", "day_name", "is_date", "to_days"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Tick steps, finest first: (unit, count); a step is used when it gives few enough ticks.
_STEPS = (
    ("day", 1),
    ("day", 2),
    ("day", 7),
    ("day", 14),
    *(("month", n) for n in (1, 2, 3, 6)),
    *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)),
)


def is_date(value: object) -> bool:
    """Whether ``value`` is a ``datetime.date`` (a ``datetime.datetime`` is one too)."""
    return isinstance(value, dt.date)


def to_days(value: dt.date) -> float:
    """The day number of a date, or of a datetime with the fraction of its day."""
    days = float(value.toordinal())
    if isinstance(value, dt.datetime):
        midnight = dt.datetime.combine(value.date(), dt.time(), tzinfo=value.tzinfo)
        days += (value - midnight).total_seconds() / 86_400
    return days


def day_name(days: float) -> str:
    """A day number as an ISO date: ``2024-03-01``."""
    return dt.date.fromordinal(int(days)).isoformat()


def _starts(first: dt.date, unit: str, count: int) -> Iterator[dt.date]:
    """Boundaries of ``count`` ``unit``s from the one at or before ``first``."""
    if unit == "day":
        day = first
        if count == 7:  # weeks start on Monday
            day -= dt.timedelta(days=day.weekday())
        while True:
            yield day
            day += dt.timedelta(days=count)
    elif unit == "month":
        index = first.year * 12 + (first.month - 1) // count * count
        while True:
            yield dt.date(index // 12, index % 12 + 1, 1)
            index += count
    else:
        year = first.year // count * count
        while True:
            yield dt.date(max(year, 1), 1, 1)
            year += count


def _label(day: dt.date, unit: str, first: bool) -> str:
    if unit == "year":
        return str(day.year)
    if unit == "month":
        name = _MONTHS[day.month - 1]
        return f"{name} {day.year}" if first or day.month == 1 else name
    return f"{day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if first else "")


def date_ticks(lo: float, hi: float, *, max_ticks: int) -> list[tuple[float, str]]:
    """Ticks (day number, label) on the finest boundaries that cover ``[lo, hi]`` in at
    most ``max_ticks`` ticks (or the coarsest there is)."""
    first = dt.date.fromordinal(max(int(lo), 1))
    last = dt.date.fromordinal(min(int(hi) + (hi > int(hi)), dt.date.max.toordinal()))
    for unit, count in _STEPS:
        days: list[dt.date] = []
        for day in _starts(first, unit, count):
            days.append(day)
            if day >= last or len(days) > max_ticks:
                break
        if len(days) <= max_ticks or (unit, count) == _STEPS[-1]:
            break
    if len(days) == 1:  # a single day: the day and the next
        days.append(days[0] + dt.timedelta(days=1))
    return [(float(d.toordinal()), _label(d, unit, i == 0)) for i, d in enumerate(days)]
