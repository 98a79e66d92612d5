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
from ._chart_bars import Value, at, bar_boxes, ring_along, values
from ._chart_names import category_names, name
from ._chart_read import Mark, Series
from ._geometry import Box, Point
from ._pieces import line_height

__all__ = ["Plot", "plan"]

MAX_MARKED_POINTS = 40  # a denser series keeps a marker on about 12 of its points

Ticks = list[tuple[float, str]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Plot:
    """Everything a chart draws, placed (see the module docstring).

    ``x`` and ``y`` name the data's two values wherever they are drawn: ``y`` is the
    scale of the y values (a bar's length), which runs up the plot, or along its bottom
    for horizontal bars, whose categories (the x values) run down the left side.
    """

    data: list[Series]
    marks: list[Mark]
    categories: list | None  # the x categories in order, or None for a numeric x
    names: list[str]  # each category's name as drawn (cut short where it has no room)
    name_width: float  # the width category names wrap at
    bar: bool
    horizontal: bool
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
    values: list[Value]  # the values written on or beside the bars
    rings: list[Point]  # one per mark
    notes: list[tuple[int, Box, str]]  # (mark, box, alignment) of each mark's note

    def x_of(self, x: float | str) -> float:
        """The px of an x value along its axis: on the scale, or the middle of its
        category's band (counted down from the top for horizontal bars)."""
        length = self.height if self.horizontal else self.width
        return _x_of(x, scale=self.x, categories=self.categories, length=length)

    def at(self, value: float, along: float) -> Point:
        """The plot point ``value`` px along the y axis, ``along`` px along the x axis."""
        return at(value, along, horizontal=self.horizontal)


def _x_of(x: float | str, *, scale: ax.Scale | None, categories: list | None, length: float):
    if categories is None:
        return scale(x)
    return (categories.index(x) + 0.5) * (length / len(categories))


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


def _with_room(lo: float, hi: float, need: float, *, length: float) -> tuple[float, float]:
    """``[lo, hi]`` grown so that ``need`` px are left past each end away from zero on an
    axis ``length`` px long: room for grouped bars' values."""
    sides = (hi > 0) + (lo < 0)
    room = (hi - lo or 1.0) * need / max(length - sides * need, need)
    return (lo - room if lo < 0 else lo), (hi + room if hi > 0 else hi)


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


def _axis(lo: float, hi: float, given, *, along_x: bool, length: float, log: bool, theme):
    """The scale and ticks of a numeric axis ``length`` px long: along the bottom (px
    from the left), or up the side (px from the bottom)."""
    if along_x:
        return ax.choose_ticks(
            lo,
            hi,
            given,
            start=0.0,
            end=length,
            size=lambda label: ax.text_box_size(label, theme=theme)[0],
            room=16,
            max_ticks=max(3, int(length // 70) + 1),
        )
    line = line_height(theme=theme)
    return ax.choose_ticks(
        lo,
        hi,
        given,
        start=length,
        end=0.0,
        log=log,
        size=lambda _label: line,
        room=6,
        max_ticks=max(3, int(length // 45) + 1),
    )


def plan(
    data: list[Series],
    marks: list[Mark],
    *,
    categories: list | None,
    bar: bool,
    horizontal: bool = False,
    stacked: bool = False,
    value_labels: bool = False,
    log_y: bool,
    width: float,
    height: float | None,
    x_ticks: list | None,
    y_ticks: list | None,
    theme: Theme,
) -> Plot:
    """Scales, ticks and the place of every point, bar, ring and note of one chart.

    ``height`` None (horizontal bars only) fits the plot to the category names and bars.
    """
    names, name_width = [], 0.0
    if categories is not None:
        names, name_width, height = category_names(
            categories,
            horizontal=horizontal,
            width=width,
            height=height,
            bars=1 if stacked else len(data),
            values_beside=value_labels and not stacked,
            theme=theme,
        )
    x_length, y_length = (height, width) if horizontal else (width, height)  # the axes' px
    lo, hi = _y_range(data, marks, bar=bar, stacked=stacked, log=log_y)
    if value_labels and not stacked:  # room past each bar's end for its value
        need = line_height(theme=theme)
        if horizontal:
            texts = [ax.format_number(v) for s in data for _, v in s.points]
            need = max(ax.text_box_size(text, theme=theme)[0] for text in texts)
        lo, hi = _with_room(lo, hi, need + 6, length=y_length)
    y, y_list = _axis(lo, hi, y_ticks, along_x=horizontal, length=y_length, log=log_y, theme=theme)
    x, x_list = None, []
    if categories is None:
        xs = [x for s in data for x, _ in s.points] + [m[0] for m in marks]
        x, x_list = _axis(
            min(xs), max(xs), x_ticks, along_x=True, length=width, log=False, theme=theme
        )

    def place(value: float | str) -> float:
        return _x_of(value, scale=x, categories=categories, length=x_length)

    lines, segments, bars, written = [], [], [], []
    if bar:
        bars = bar_boxes(
            data, categories, length=x_length, y=y, stacked=stacked, horizontal=horizontal
        )
        obstacles = [rect for *_, rect in bars]
        if value_labels:
            written = values(
                data, categories, bars, stacked=stacked, horizontal=horizontal, theme=theme
            )
            obstacles += [v.box for v in written]
    else:
        lines, segments, obstacles = _lines(data, place, y)
    rings = []
    for mx, my, _ in marks:
        along = None
        if bar:
            along = ring_along(
                mx, my, data=data, bars=bars, categories=categories, horizontal=horizontal
            )
        rings.append(at(y(my), place(mx) if along is None else along, horizontal=horizontal))
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
        names=names,
        name_width=name_width,
        bar=bar,
        horizontal=horizontal,
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
        bars=bars,
        values=written,
        rings=rings,
        notes=notes,
    )
