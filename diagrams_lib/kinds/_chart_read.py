"""Reading a chart's data: series, marks and sizes, each error naming its culprit.

>>> series, categorical = read_series({"loss": [(0, 3.2), (1, 2.1)]}, log_y=False)
>>> series[0].points, categorical
(((0.0, 3.2), (1.0, 2.1)), False)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from . import axis as ax

__all__ = ["MAX_SERIES", "Mark", "Series", "dimension", "read_marks", "read_series"]

MAX_SERIES = 8  # the theme's series-1..8 and bar-1..8 roles


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """One series of a chart: its name and its (x, y) points, in the order given."""

    name: str
    points: tuple[tuple[float | str, float], ...]


def read_series(series: Any, *, log_y: bool) -> tuple[list[Series], bool]:
    """Validate ``series``; return them and whether x is categorical (text)."""
    if not isinstance(series, Mapping):
        raise DiagramTypeError(
            f"series must be a dict {{name: [(x, y), ...]}}, not {type(series).__name__}"
        )
    if not series:
        raise ValidationError("chart needs at least one series")
    if len(series) > MAX_SERIES:
        names = ", ".join(repr(str(n)) for n in series)
        raise ValidationError(
            f"chart takes at most {MAX_SERIES} series, got {len(series)}: {names}"
        )
    out: list[Series] = []
    categorical: bool | None = None
    first_x: str = ""
    for raw_name, raw_points in series.items():
        name = check_text(raw_name, where="series name")
        where = f"series {name!r}"
        if not name.strip():
            raise ValidationError("series names must not be empty")
        if isinstance(raw_points, (str, bytes, Mapping)) or not isinstance(raw_points, Iterable):
            raise DiagramTypeError(f"{where} must be a list of (x, y) pairs")
        points = []
        seen: set[float | str] = set()
        for i, pt in enumerate(raw_points):
            if not isinstance(pt, (tuple, list)) or len(pt) != 2:
                raise DiagramTypeError(f"{where} point {i} must be a pair (x, y), not {pt!r}")
            is_text = isinstance(pt[0], str)
            if categorical is None:
                categorical, first_x = is_text, f"{where} point {i}"
            elif is_text != categorical:
                kind = "text" if is_text else "a number"
                raise ValidationError(
                    f"{where} point {i} has x {pt[0]!r} ({kind}) but {first_x} has "
                    f"{'text' if categorical else 'a number'}: use numbers for every x, or "
                    "category names for every x"
                )
            x = (
                check_text(pt[0], where=f"{where} point {i} x")
                if is_text
                else ax.number(pt[0], where=f"{where} point {i} x")
            )
            y = ax.number(pt[1], where=f"{where} point {i} y")
            if log_y and y <= 0:
                raise ValidationError(
                    f"{where} point {i} has y = {y:g}, which log_y cannot show: a log scale "
                    "needs every y > 0"
                )
            if is_text and x in seen:
                raise ValidationError(f"{where} has category {x!r} twice (point {i})")
            seen.add(x)
            points.append((x, y))
        if not points:
            raise ValidationError(f"{where} is empty")
        out.append(Series(name=name, points=tuple(points)))
    return out, bool(categorical)


Mark = tuple[float | str, float, str]  # (x, y, note)


def read_marks(marks: Any, *, categories: list | None, log_y: bool) -> list[Mark]:
    """Validate ``marks``; return each as (x, y, note), x one of ``categories`` if given."""
    if isinstance(marks, (str, bytes, Mapping)) or not isinstance(marks, Sequence):
        raise DiagramTypeError('marks must be a list of {"x": ..., "y": ..., "note": ...}')
    out = []
    for i, mark in enumerate(marks):
        where = f"mark {i}"
        if not isinstance(mark, Mapping):
            raise DiagramTypeError(f'{where} must be a dict {{"x": ..., "y": ..., "note": ...}}')
        unknown = sorted(set(mark) - {"x", "y", "note"}, key=str)
        if unknown or "x" not in mark or "y" not in mark:
            raise ValidationError(
                f"{where} needs keys 'x' and 'y' (and optionally 'note'); "
                f"got {sorted(map(str, mark))}"
            )
        note = check_text(mark.get("note") or "", where=f"{where} note")
        where = f"mark {note!r}" if note else where
        x = mark["x"]
        if categories is not None:
            if x not in categories:
                raise ValidationError(
                    f"{where} has x {x!r}, which is not one of the "
                    f"categories: {', '.join(map(str, categories))}"
                )
        else:
            x = ax.number(x, where=f"{where} x")
        y = ax.number(mark["y"], where=f"{where} y")
        if log_y and y <= 0:
            raise ValidationError(f"{where} has y = {y:g}; log_y needs y > 0")
        out.append((x, y, note))
    return out


def dimension(value: Any, *, name: str, low: float) -> float:
    """``value`` as a size in px between ``low`` and 4000, or an error naming ``name``."""
    size = ax.number(value, where=name)
    if not low <= size <= 4000:
        raise ValidationError(f"{name} must be between {low:g} and 4000 px, not {size:g}")
    return size
