"""A bar chart's bars in px, grouped or stacked, standing up or lying down.

One rule for both orientations: a bar has a place ``along`` the category axis (its band
and its slot in the band) and two ends on the value scale; :func:`at` turns such a pair
into a plot point (y down), with the categories running left to right, or top to bottom
when the bars are horizontal.

>>> from diagrams_lib.kinds.axis import Scale
>>> from diagrams_lib.kinds._chart_read import Series
>>> data = [Series(name="a", points=(("Q1", 2), ("Q2", -1)))]
>>> for _, _, box in bar_boxes(data, ["Q1", "Q2"], length=100, y=Scale(-2, 2, 0, 200),
...                             stacked=False, horizontal=True):
...     print(box)
Box(left=100.0, top=11.0, right=200.0, bottom=39.0)
Box(left=50.0, top=61.0, right=100.0, bottom=89.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import ValidationError
from ..theme import Theme
from . import axis as ax
from ._chart_read import Series
from ._geometry import Box, Point
from ._pieces import line_height

__all__ = [
    "Value",
    "at",
    "auto_band",
    "bar_boxes",
    "check_band",
    "name_lines",
    "ring_along",
    "values",
]


def at(value: float, along: float, *, horizontal: bool) -> Point:
    """The plot point ``value`` px along the value axis and ``along`` px along the
    category axis.

    >>> at(10, 50, horizontal=False), at(10, 50, horizontal=True)
    ((50, 10), (10, 50))
    """
    return (value, along) if horizontal else (along, value)


def _share(count: int) -> float:
    """How much of its band a group of ``count`` bars side by side takes."""
    return 0.7 if count > 1 else 0.6


def bar_boxes(
    data: list[Series],
    categories: list,
    *,
    length: float,
    y: ax.Scale,
    stacked: bool,
    horizontal: bool,
) -> list[tuple[int, int, Box]]:
    """Grouped or stacked bars: (series, category, rect), standing on zero (or the axis
    floor) in bands splitting ``length`` px; a stack puts each series on the ones before
    it, positive up (right), negative down (left)."""
    band = length / len(categories)
    count = 1 if stacked else len(data)
    group = band * _share(count)
    bar_w = group / count
    floor = max(0.0, y.lo)
    ends: dict[tuple, float] = {}  # (category, sign): where the stack has got to
    out = []
    for si, s in enumerate(data):
        for x, value in s.points:
            ci = categories.index(x)
            slot = 0 if stacked else si
            cx = (ci + 0.5) * band - group / 2 + (slot + 0.5) * bar_w
            base = floor
            if stacked:
                base = ends.get((ci, value < 0), floor)
                ends[ci, value < 0] = base + value
            top, bottom = sorted((y(base + value), y(base)))
            near, far = cx - bar_w / 2 + 1, cx + bar_w / 2 - 1
            rect = Box(top, near, bottom, far) if horizontal else Box(near, top, far, bottom)
            out.append((si, ci, rect))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """A bar's value as written: its text at (``x``, ``y``) with ``align`` as
    :func:`~diagrams_lib.kinds.axis.add_text` takes them, and the box it fills."""

    series: int
    category: int
    text: str
    x: float
    y: float
    align: str
    box: Box


def values(
    data: list[Series],
    categories: list,
    bars: list[tuple[int, int, Box]],
    *,
    stacked: bool,
    horizontal: bool,
    theme: Theme,
) -> list[Value]:
    """Each bar's value: past the end of a grouped bar (above, or right of, a positive
    one), inside a stacked segment when it fits there. A value wider than its upright
    bar's slot is an error (horizontal bars are planned a row of text apart)."""
    line = line_height(theme=theme)
    out = []
    for si, ci, rect in bars:
        value = dict(data[si].points)[categories[ci]]
        text = ax.format_number(value)
        w, h = ax.text_box_size(text, theme=theme)
        x, width = (rect.left + rect.right) / 2, rect.right - rect.left
        y, align = (rect.top + rect.bottom) / 2, "center"
        if stacked:
            if w > width or line + 2 > rect.bottom - rect.top:
                continue  # no room on the segment
        elif horizontal:
            x, align = (rect.right + 2, "left") if value >= 0 else (rect.left - 2, "right")
        elif w > width + 6:
            raise ValidationError(
                f"value label {text!r} of series {data[si].name!r} is {w:g} px wide, but "
                f"its bar is {width:g} px: widen the chart or leave out value_labels"
            )
        else:
            y = rect.top - 2 - h / 2 if value >= 0 else rect.bottom + 2 + h / 2
        left = {"left": x, "right": x - w}.get(align, x - w / 2)
        box = Box(left, y - h / 2, left + w, y + h / 2)
        out.append(Value(series=si, category=ci, text=text, x=x, y=y, align=align, box=box))
    return out


def ring_along(x: str, value: float, *, data, bars, categories, horizontal) -> float | None:
    """Where along the category axis a mark at (``x``, ``value``) goes: the middle of
    the bar closest in value, or None when ``x`` has no bar."""
    ci = categories.index(x)
    near = [(rect, data[si]) for si, c, rect in bars if c == ci]
    if not near:
        return None
    rect, _ = min(near, key=lambda b: abs(dict(b[1].points)[x] - value))
    return (rect.top + rect.bottom) / 2 if horizontal else (rect.left + rect.right) / 2


def auto_band(name_height: float, *, count: int, row: float) -> float:
    """A horizontal bar's band when the chart picks its height: room for the tallest
    name and for ``count`` bars side by side, each a row of text thick."""
    return max(name_height + 8, count * row / _share(count))


def name_lines(band: float, *, line: float, pad: float, count: int) -> int:
    """How many lines of a name fit in a ``band`` px band, or an error naming the height."""
    lines = math.floor((band - 4 - pad) / line)
    if lines < 1:
        raise ValidationError(
            f"height gives each of the {count} categories {band:g} px, less than a line of "
            "text: raise height, or leave it out to fit the names"
        )
    return lines


def check_band(band: float, *, count: int, row: float) -> None:
    """Refuse bands too narrow for the value labels beside ``count`` bars side by side,
    each label a ``row`` tall."""
    slot = band * _share(count) / count if count > 1 else band
    if slot < row:
        raise ValidationError(
            f"value labels need bars {row:g} px apart, but height gives {slot:.4g} px: "
            "raise height, leave it out, or leave out value_labels"
        )
