"""A chart's geometry in px, origin at the plot's top-left and y down: its scales and
ticks, points and segments or bars, the rings of its marks and the spots of their notes.

It is all worked out before anything is drawn, so the gridlines, drawn first and
therefore underneath, can break around the notes.

>>> from diagrams_lib import LIGHT
>>> from diagrams_lib.kinds._chart_read import Series
>>> p = plan([Series(name="a", points=((0, 1), (4, 3)))], [], categories=None, bar=False,
...          log_y=False, width=200, height=100, x_ticks=None, y_ticks=None, theme=LIGHT)
>>> p.y_ticks, p.x_of(4), p.y(3)
([(0.0, '0'), (2.0, '2'), (4.0, '4')], 200.0, 25.0)
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from ..theme import Theme
from . import axis as ax
from ._chart_read import Mark, Series
from ._geometry import Box, Point
from ._pieces import line_height

__all__ = ["Plot", "plan"]

MAX_MARKED_POINTS = 40  # a denser series keeps a marker on about 12 of its points

Ticks = list[tuple[float, str]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Plot:
    """Everything a chart draws, placed (see the module docstring)."""

    data: list[Series]
    marks: list[Mark]
    categories: list | None  # the x categories in order, or None for a numeric x
    bar: bool
    stacked: bool
    value_labels: bool
    width: float
    height: float
    theme: Theme
    y: ax.Scale
    y_ticks: Ticks
    x: ax.Scale | None  # None for categories
    x_ticks: Ticks  # a numeric x's ticks
    lines: list[list[tuple[bool, float, float, str]]]  # per series: (marked, x, y, label)
    bars: list[tuple[int, int, Box]]  # (series, category, rect)
    rings: list[Point]  # one per mark
    notes: list[tuple[int, Box, str]]  # (mark, box, alignment) of each mark's note

    def x_of(self, x: float | str) -> float:
        """The px of an x value: on the scale, or the middle of its category's band."""
        return _x_of(x, scale=self.x, categories=self.categories, width=self.width)


def _x_of(x: float | str, *, scale: ax.Scale | None, categories: list | None, width: float):
    if categories is None:
        return scale(x)
    return (categories.index(x) + 0.5) * (width / len(categories))


def _y_range(series: list[Series], marks: list[Mark], *, bar: bool, stacked: bool, log: bool):
    """The y values to cover: the data (a stack's totals) and marks, and zero for bars or
    nearly-zero data."""
    ys = [y for s in series for _, y in s.points] + [m[1] for m in marks]
    if stacked:
        for sign in (1, -1):
            totals: dict = {}
            for s in series:
                for x, y in s.points:
                    if y * sign > 0:
                        totals[x] = totals.get(x, 0.0) + y
            ys += list(totals.values())
    lo, hi = min(ys), max(ys)
    if bar or (not log and lo > 0 and lo <= hi / 2):
        lo = min(lo, 0.0)
    if bar or (not log and hi < 0 and hi >= lo / 2):
        hi = max(hi, 0.0)
    return lo, hi


def name(x: float | str) -> str:
    """An x value as the chart writes it: a category as it is, a number formatted."""
    return x if isinstance(x, str) else ax.format_number(x)


def _lines(data: list[Series], place, y: ax.Scale):
    """Each series' points in px, whether each keeps a marker, and the segments.

    A dense series keeps a marker on every ``every``-th point and the last, without
    crowding the last one.
    """
    lines, segments, markers = [], [], []
    for s in data:
        count = len(s.points)
        every = 1 if count <= MAX_MARKED_POINTS else math.ceil(count / 12)
        ends = []
        for pi, (x, value) in enumerate(s.points):
            px, py = place(x), y(value)
            label = f"{s.name}: {name(x)}, {ax.format_number(value)}"
            marked = (pi % every == 0 and count - 1 - pi >= every / 2) or pi == count - 1
            if marked:
                markers.append(Box(px - 6, py - 6, px + 6, py + 6))
            ends.append((marked, px, py, label))
        segments += [((a[1], a[2]), (b[1], b[2])) for a, b in itertools.pairwise(ends)]
        lines.append(ends)
    return lines, segments, markers


def _bars(data: list[Series], categories: list, *, width: float, y: ax.Scale, stacked: bool):
    """Grouped or stacked bars: (series, category, rect), standing on zero (or the axis
    floor); a stack puts each series on the ones before it, positive up, negative down."""
    band = width / len(categories)
    count = 1 if stacked else len(data)
    group = band * (0.7 if count > 1 else 0.6)
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
            out.append((si, ci, Box(cx - bar_w / 2 + 1, top, cx + bar_w / 2 - 1, bottom)))
    return out


def _ring_x(x: float | str, value: float, *, data, bars, categories, place) -> float:
    """The x of a mark: on a bar chart, the centre of the bar closest in value."""
    if bars is None:
        return place(x)
    ci = categories.index(x)
    near = [(rect, data[si]) for si, c, rect in bars if c == ci]
    if not near:
        return place(x)
    values = {s.name: dict(s.points)[x] for _, s in near}
    rect, _ = min(near, key=lambda b: abs(values[b[1].name] - value))
    return (rect.left + rect.right) / 2


def plan(
    data: list[Series],
    marks: list[Mark],
    *,
    categories: list | None,
    bar: bool,
    stacked: bool = False,
    value_labels: bool = False,
    log_y: bool,
    width: float,
    height: float,
    x_ticks: list | None,
    y_ticks: list | None,
    theme: Theme,
) -> Plot:
    """Scales, ticks and the place of every point, bar, ring and note of one chart."""
    lo, hi = _y_range(data, marks, bar=bar, stacked=stacked, log=log_y)
    line = line_height(theme=theme)
    if value_labels and not stacked:  # room above the tallest bar (below the lowest) for its value
        room = (hi - lo or 1.0) * (line + 6) / height
        hi, lo = (hi + room if hi > 0 else hi), (lo - room if lo < 0 else lo)
    y, y_list = ax.choose_ticks(
        lo,
        hi,
        y_ticks,
        start=height,
        end=0.0,
        log=log_y,
        size=lambda _label: line,
        room=6,
        max_ticks=max(3, int(height // 45) + 1),
    )
    x, x_list = None, []
    if categories is None:
        xs = [x for s in data for x, _ in s.points] + [m[0] for m in marks]
        x, x_list = ax.choose_ticks(
            min(xs),
            max(xs),
            x_ticks,
            start=0.0,
            end=width,
            size=lambda label: ax.text_box_size(label, theme=theme)[0],
            room=16,
            max_ticks=max(3, int(width // 70) + 1),
        )

    def place(value: float | str) -> float:
        return _x_of(value, scale=x, categories=categories, width=width)

    lines, segments, bars = [], [], None
    if bar:
        bars = _bars(data, categories, width=width, y=y, stacked=stacked)
        obstacles = [rect for *_, rect in bars]
    else:
        lines, segments, obstacles = _lines(data, place, y)
    rings = [
        (_ring_x(mx, my, data=data, bars=bars, categories=categories, place=place), y(my))
        for mx, my, _ in marks
    ]
    notes = []
    area = Box(-4, -8, width + 40, height - 2)
    for i, ((_, _, note), ring) in enumerate(zip(marks, rings, strict=True)):
        if note:
            size = ax.text_box_size(note, theme=theme)
            box, align = ax.place_near(ring, size, area=area, boxes=obstacles, segments=segments)
            notes.append((i, box, align))
            obstacles.append(box)
    return Plot(
        data=data,
        marks=marks,
        categories=categories,
        bar=bar,
        stacked=stacked,
        value_labels=value_labels,
        width=width,
        height=height,
        theme=theme,
        y=y,
        y_ticks=y_list,
        x=x,
        x_ticks=x_list,
        lines=lines,
        bars=bars or [],
        rings=rings,
        notes=notes,
    )
