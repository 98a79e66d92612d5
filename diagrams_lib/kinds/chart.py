"""Line and bar charts as pinned graphs: points, bars, axes and text are all nodes.

Every node carries a ``pin`` (and most a ``size``), so Graphviz keeps the positions and
only draws the straight edges: line segments (role ``series-N``) and axes, ticks and
gridlines (edges between invisible ``anchor`` nodes). Those run centre to centre, unclipped,
so rules meet exactly and markers sit on the line ends. Tick labels, axis titles, the
legend and notes are ``text`` nodes measured with the shipped font metrics.

>>> g = chart({"loss": [(0, 3.2), (1, 2.1), (2, 1.7)]}, title="Training loss")
>>> g.graph["kind"], g.nodes["point:0:1"]["role"]
('chart', 'series-1')
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from . import axis as ax
from ._common import check_title
from .axis import Box

__all__ = ["CAPTION", "CHART_KINDS", "MAX_SERIES", "chart", "example"]

CAPTION = (
    "A line chart of two made-up cost curves: gridlines, round tick values, a legend "
    "and a marked crossover, captioned as illustrative."
)
CHART_KINDS = ("line", "bar")
MAX_SERIES = 4
ILLUSTRATIVE = "Illustrative: shape only, no real data"
TICK = 5.0  # tick length in px
GAP = 4.0  # between a tick and its label
ROW = 22.0  # height of a row of text above or below the plot
MAX_MARKED_POINTS = 40  # a denser series keeps a marker on about 12 of its points
LISTED_POINTS = 12  # the description lists every value of a series up to this many


@dataclass(frozen=True)
class _Series:
    name: str
    points: tuple[tuple[float | str, float], ...]


def _read_series(series: Any, *, log_y: bool) -> tuple[list[_Series], bool]:
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
    out: list[_Series] = []
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
        out.append(_Series(name, tuple(points)))
    return out, bool(categorical)


def _read_marks(marks: Any, *, categories: list | None, log_y: bool) -> list[tuple]:
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


def _dimension(value: Any, *, name: str, low: float) -> float:
    size = ax.number(value, where=name)
    if not low <= size <= 4000:
        raise ValidationError(f"{name} must be between {low:g} and 4000 px, not {size:g}")
    return size


def _value_ticks(
    lo: float,
    hi: float,
    given,
    *,
    start: float,
    end: float,
    log: bool,
    size,
    room: float,
    max_ticks: int,
) -> tuple[ax.Scale, list]:
    """Pick ticks (value, label) and the scale of one numeric axis."""
    if given is not None:
        values = [v for v, _ in given]
        scale = ax.Scale(min(lo, *values), max(hi, *values), start, end, log=log)
        return scale, [(v, label or ax.format_number(v)) for v, label in given]
    if log:
        values = ax.log_ticks(lo, hi)
        return (
            ax.Scale(values[0], values[-1], start, end, log=True),
            [(v, ax.format_number(v)) for v in values],
        )
    for count in range(max_ticks, 1, -1):
        values = ax.nice_ticks(lo, hi, max_ticks=count)
        scale = ax.Scale(values[0], values[-1], start, end)
        if ax.ticks_fit(values, scale, room=room, size=size) or count == 2:
            break
    return scale, [(v, ax.format_number(v)) for v in values]


def _y_range(series: list[_Series], marks: list, *, bar: bool, log: bool):
    ys = [y for s in series for _, y in s.points] + [m[1] for m in marks]
    lo, hi = min(ys), max(ys)
    if bar or (not log and lo > 0 and lo <= hi / 2):
        lo = min(lo, 0.0)
    if bar or (not log and hi < 0 and hi >= lo / 2):
        hi = max(hi, 0.0)
    return lo, hi


def chart(
    series: Mapping[str, Sequence[tuple[float | str, float]]],
    *,
    title: str,
    description: str = "",
    kind: str = "line",
    x_label: str = "",
    y_label: str = "",
    log_y: bool = False,
    marks: Sequence[Mapping[str, Any]] = (),
    illustrative: bool = False,
    width: float = 560,
    height: float = 300,
    x_ticks: Sequence[float | tuple[float, str]] | None = None,
    y_ticks: Sequence[float | tuple[float, str]] | None = None,
) -> nx.Graph:
    """Build a line or grouped bar chart as a pinned graph.

    Args:
        series: 1 to 4 series, ``{name: [(x, y), ...]}``. x values are all numbers, or all
            category names (text) shared across series, kept in order of first appearance.
            Line points are joined in the order given.
        title: The figure's title (required).
        description: Text for screen readers; by default one sentence summarising the data.
        kind: ``"line"`` (points joined by segments) or ``"bar"`` (grouped bars; numeric x
            values then act as category names).
        x_label: Title under the x axis.
        y_label: Title above the y axis.
        log_y: Log10 y axis with a tick at every power of ten; every y must be > 0.
        marks: Points to call out, ``{"x": ..., "y": ..., "note": "crossover"}``: a ring at
            the point, the note placed clear of the lines, and a guide between them.
        illustrative: Add the visible caption "Illustrative: shape only, no real data".
        width: Width of the plotting area in px (axes, ticks and legend come on top).
        height: Height of the plotting area in px.
        x_ticks: Tick values (numbers, or ``(value, "label")`` pairs) for a numeric x axis;
            by default round values are chosen. The axis always covers ticks and data.
        y_ticks: Tick values for the y axis, likewise.

    Returns:
        An undirected ``networkx.Graph`` with ``kind="chart"``, every node pinned.

    Raises:
        ValidationError: an empty series, a non-finite value, mixed numeric and text x,
            more than 4 series, y <= 0 with ``log_y``; the message names the series and
            point.
        DiagramTypeError: data of the wrong type.

    Example:
        >>> g = chart({"a": [("Q1", 3), ("Q2", 5)], "b": [("Q1", 4), ("Q2", 2)]},
        ...           title="Sales", kind="bar")
        >>> sorted(n for n in g if n.startswith("bar:"))
        ['bar:0:0', 'bar:0:1', 'bar:1:0', 'bar:1:1']
    """
    title = check_title(title, kind="chart")
    if kind not in CHART_KINDS:
        raise UnknownOptionError(
            f"chart kind {kind!r} is unknown; choose one of: {', '.join(CHART_KINDS)}"
        )
    if not isinstance(log_y, bool) or not isinstance(illustrative, bool):
        raise DiagramTypeError("log_y and illustrative must be True or False")
    if log_y and kind == "bar":
        raise ValidationError(
            "log_y is not available for bar charts: bar lengths need a zero baseline"
        )
    data, categorical = _read_series(series, log_y=log_y)
    categorical = categorical or kind == "bar"
    categories = list(dict.fromkeys(x for s in data for x, _ in s.points)) if categorical else None
    if categorical and x_ticks is not None:
        raise ValidationError(
            "x_ticks only applies to a numeric x axis; this chart's x values are categories"
        )
    notes = _read_marks(marks, categories=categories, log_y=log_y)
    given_y = ax.read_ticks(y_ticks, where="y_ticks")
    if log_y and given_y and given_y[0][0] <= 0:
        raise ValidationError(
            f"y_ticks value {given_y[0][0]:g} cannot be shown on a log "
            "scale (log_y needs values > 0)"
        )
    plot = _Plot(
        data,
        notes,
        categories=categories,
        bar=kind == "bar",
        log_y=log_y,
        width=_dimension(width, name="width", low=120),
        height=_dimension(height, name="height", low=80),
        x_ticks=ax.read_ticks(x_ticks, where="x_ticks"),
        y_ticks=given_y,
    )
    x_label = check_text(x_label, where="x_label")
    y_label = check_text(y_label, where="y_label")
    summary = description or _describe(
        kind, data, notes, x_label=x_label, y_label=y_label, illustrative=illustrative
    )
    g = nx.Graph(
        title=title, description=check_text(summary, where="chart description"), kind="chart"
    )
    plot.draw(g, x_label=x_label, y_label=y_label, illustrative=illustrative)
    return g


class _Plot:
    """Scales, geometry and drawing of one chart, in px: origin at the plot's top-left, y down.

    Geometry (points, segments, bars, note spots) is worked out first, so the gridlines,
    drawn first and therefore underneath, can break around the notes.
    """

    def __init__(
        self, data, marks, *, categories, bar, log_y, width, height, x_ticks, y_ticks
    ) -> None:
        self.data, self.marks, self.categories = data, marks, categories
        self.bar, self.width, self.height = bar, width, height
        lo, hi = _y_range(data, marks, bar=bar, log=log_y)
        self.y, self.y_tick_list = _value_ticks(
            lo,
            hi,
            y_ticks,
            start=height,
            end=0.0,
            log=log_y,
            size=lambda _label: ax.FONT * 1.25,
            room=6,
            max_ticks=max(3, int(height // 45) + 1),
        )
        if categories is None:
            xs = [x for s in data for x, _ in s.points] + [m[0] for m in marks]
            self.x, self.x_tick_list = _value_ticks(
                min(xs),
                max(xs),
                x_ticks,
                start=0.0,
                end=width,
                log=False,
                size=lambda label: ax.text_box_size(label)[0],
                room=16,
                max_ticks=max(3, int(width // 70) + 1),
            )
        self.obstacles: list[Box] = []
        self.segments: list[tuple[ax.Point, ax.Point]] = []
        self.bars: list[tuple[int, int, Box]] = []  # (series, category, rect)
        if bar:
            self._bar_geometry()
        else:
            self._line_geometry()
        self.rings = [(self._mark_x(x, y), self.y(y)) for x, y, _ in marks]
        self.notes: list[tuple[int, Box, str]] = []
        area = Box(-4, -8, width + 40, height - 2)
        for i, ((_, _, note), ring) in enumerate(zip(marks, self.rings, strict=True)):
            if note:
                box, align = ax.place_near(
                    ring,
                    ax.text_box_size(note),
                    area=area,
                    boxes=self.obstacles,
                    segments=self.segments,
                )
                self.notes.append((i, box, align))
                self.obstacles.append(box)

    def x_of(self, x: float | str) -> float:
        if self.categories is None:
            return self.x(x)
        band = self.width / len(self.categories)
        return (self.categories.index(x) + 0.5) * band

    def _mark_x(self, x: float | str, y: float) -> float:
        """The x of a mark: on a bar chart, the centre of the bar closest in value."""
        if not self.bar:
            return self.x_of(x)
        ci = self.categories.index(x)
        bars = [(rect, self.data[si]) for si, c, rect in self.bars if c == ci]
        if not bars:
            return self.x_of(x)
        value = {s.name: dict(s.points)[x] for _, s in bars}
        rect, _ = min(bars, key=lambda b: abs(value[b[1].name] - y))
        return (rect.left + rect.right) / 2

    def _line_geometry(self) -> None:
        """Points in px; a dense series keeps a marker on about 12 of its points."""
        self.lines: list[list[tuple[bool, float, float, str]]] = []
        for s in self.data:
            count = len(s.points)
            every = 1 if count <= MAX_MARKED_POINTS else math.ceil(count / 12)
            ends = []
            for pi, (x, y) in enumerate(s.points):
                px, py = self.x_of(x), self.y(y)
                label = f"{s.name}: {_name(x)}, {ax.format_number(y)}"
                # Every ``every``-th point and the last, without crowding the last one.
                marked = (pi % every == 0 and count - 1 - pi >= every / 2) or pi == count - 1
                if marked:
                    self.obstacles.append(Box(px - 6, py - 6, px + 6, py + 6))
                ends.append((marked, px, py, label))
            self.segments += [((a[1], a[2]), (b[1], b[2])) for a, b in itertools.pairwise(ends)]
            self.lines.append(ends)

    def _bar_geometry(self) -> None:
        band = self.width / len(self.categories)
        count = len(self.data)
        group = band * (0.7 if count > 1 else 0.6)
        bar_w = group / count
        zero = self.y(max(0.0, self.y.lo))
        for si, s in enumerate(self.data):
            for x, y in s.points:
                ci = self.categories.index(x)
                cx = (ci + 0.5) * band - group / 2 + (si + 0.5) * bar_w
                top, bottom = sorted((self.y(y), zero))
                rect = Box(cx - bar_w / 2 + 1, top, cx + bar_w / 2 - 1, bottom)
                self.bars.append((si, ci, rect))
                self.obstacles.append(rect)

    def draw(self, g: nx.Graph, *, x_label: str, y_label: str, illustrative: bool) -> None:
        """Add every node and edge; the order of adding is the order of drawing."""
        self._grid_and_axes(g)
        if self.bar:
            self._draw_bars(g)
            self._draw_rings(g)  # over the bars
        else:
            self._draw_rings(g)  # under the points
            self._draw_lines(g)
        bottom = self._x_labels(g)
        left = self._y_labels(g)
        self._header(g, y_label=y_label, left=left)
        for i, box, align in self.notes:
            x = {"left": box.left, "right": box.right}.get(align, (box.left + box.right) / 2)
            ax.add_text(
                g, f"mark:{i}:note", self.marks[i][2], x, (box.top + box.bottom) / 2, align=align
            )
            g.add_edge(f"mark:{i}", f"mark:{i}:note", role="guide")
        if x_label:
            bottom = ax.add_text(g, "title:x", x_label, self.width / 2, bottom + 4 + ROW / 2).bottom
        if illustrative:
            ax.add_text(
                g, "caption", ILLUSTRATIVE, left, bottom + 6 + ROW / 2, align="left", role="caption"
            )

    def _grid_and_axes(self, g: nx.Graph) -> None:
        w, h = self.width, self.height
        base = self.y(0.0) if self.bar and self.y.lo < 0 else h
        notes = [box for _, box, _ in self.notes]
        for i, (value, label) in enumerate(self.y_tick_list):
            y = self.y(value)
            if abs(y - base) < 0.5:
                continue
            for j, (x0, x1) in enumerate(ax.open_spans(y, 0.0, w, notes, vertical=False)):
                ax.add_rule(
                    g,
                    f"grid:y:{i}:{j}",
                    (x0, y),
                    (x1, y),
                    role="grid",
                    label=f"gridline at {label}",
                )
        ax.add_rule(g, "axis:x", (0, base), (w, base), role="axis", label="x axis")
        ax.add_rule(g, "axis:y", (0, h), (0, 0), role="axis", label="y axis")
        for i, (value, label) in enumerate(self.y_tick_list):
            ax.add_rule(
                g,
                f"tick:y:{i}",
                (-TICK, self.y(value)),
                (0, self.y(value)),
                role="tick",
                label=f"y tick {label}",
            )
        if not self.bar:
            for i, (x, name) in enumerate(self._x_ticks()):
                ax.add_rule(
                    g, f"tick:x:{i}", (x, h), (x, h + TICK), role="tick", label=f"x tick {name}"
                )

    def _x_ticks(self) -> list[tuple[float, str]]:
        if self.categories is not None:
            return [(self.x_of(c), _name(c)) for c in self.categories]
        return [(self.x(v), label) for v, label in self.x_tick_list]

    def _draw_rings(self, g: nx.Graph) -> None:
        for i, (mx, my) in enumerate(self.rings):
            g.add_node(
                f"mark:{i}",
                label="Marked point",
                hide_label=True,
                role="highlight",
                shape="circle",
                size=(20, 20),
                pin=ax.pin(mx, my),
            )

    def _draw_lines(self, g: nx.Graph) -> None:
        """Markers (or invisible anchors between a dense series' markers), then segments
        from centre to centre: the markers are drawn over the line ends."""
        for si, ends in enumerate(self.lines):
            role = f"series-{si + 1}"
            keys = []
            for pi, (marked, px, py, label) in enumerate(ends):
                key = f"point:{si}:{pi}"
                if marked:
                    g.add_node(key, label=label, role=role, pin=ax.pin(px, py))
                else:
                    ax.add_anchor(g, key, px, py, label=label)
                keys.append(key)
            for a, b in itertools.pairwise(keys):
                g.add_edge(a, b, role=role, dot=dict(ax.NO_CLIP))

    def _draw_bars(self, g: nx.Graph) -> None:
        for si, ci, rect in self.bars:
            # The value names the bar for screen readers; it is not drawn on the bar.
            series, category = self.data[si], self.categories[ci]
            value = next(y for x, y in series.points if x == category)
            label = f"{series.name}: {_name(category)} = {ax.format_number(value)}"
            g.add_node(
                f"bar:{si}:{ci}",
                label=label,
                hide_label=True,
                role=f"bar-{si + 1}",
                shape="rect",
                size=(round(rect.right - rect.left, 2), round(rect.bottom - rect.top, 2)),
                pin=ax.pin((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2),
            )

    def _x_labels(self, g: nx.Graph) -> float:
        """Add the x tick labels; return the bottom of their row."""
        top = self.height + TICK + 6  # clear of the lowest y label, which overhangs the axis
        bottom = top + ROW
        wrap = max(self.width / len(self.categories) - 12, 30) if self.categories else 10_000.0
        for i, (x, name) in enumerate(self._x_ticks()):
            h = ax.text_box_size(name, max_width=wrap)[1]
            box = ax.add_text(g, f"tick:x:{i}:label", name, x, top + h / 2, max_width=wrap)
            bottom = max(bottom, box.bottom)
        return bottom

    def _y_labels(self, g: nx.Graph) -> float:
        """Add the y tick labels; return the left edge of their column."""
        left = -TICK - GAP
        for i, (value, label) in enumerate(self.y_tick_list):
            box = ax.add_text(
                g, f"tick:y:{i}:label", label, -TICK - GAP + 2, self.y(value), align="right"
            )
            left = min(left, box.left)
        return left

    def _header(self, g: nx.Graph, *, y_label: str, left: float) -> None:
        """Add the y axis title (above the axis, left) and the legend over the plot.

        The legend sits right-aligned beside the title when both fit on one row; otherwise
        it flows, left-aligned, into as many rows above the title as it needs.
        """
        centre = -ax.FONT * 1.25 / 2 - 10 - ROW / 2
        taken = left
        if y_label:
            taken = ax.add_text(g, "title:y", y_label, left, centre, align="left").right + 24
        if len(self.data) < 2:
            return
        widths = [30 + ax.text_box_size(s.name)[0] for s in self.data]
        x = self.width - sum(widths) - 12 * (len(widths) - 1)
        spots = [(x + sum(widths[:i]) + 12 * i, centre) for i in range(len(widths))]
        if x < taken:
            rows: list[list[int]] = [[]]
            for i, w in enumerate(widths):
                used = sum(widths[j] + 12 for j in rows[-1])
                if rows[-1] and left + used + w > self.width:
                    rows.append([])
                rows[-1].append(i)
            spots = [
                (
                    left + sum(widths[j] + 12 for j in row[: row.index(i)]),
                    centre - (len(rows) - r) * ROW,
                )
                for r, row in enumerate(rows)
                for i in row
            ]
        for si, (s, (x, y)) in enumerate(zip(self.data, spots, strict=True)):
            if self.bar:
                g.add_node(
                    f"legend:{si}:swatch",
                    label="",
                    role=f"bar-{si + 1}",
                    shape="rect",
                    size=(16, 12),
                    pin=ax.pin(x + 12, y),
                )
            else:
                role = f"series-{si + 1}"
                ax.add_rule(
                    g, f"legend:{si}:line", (x, y), (x + 24, y), role=role, label=f"legend {s.name}"
                )
                g.add_node(f"legend:{si}:marker", label=s.name, role=role, pin=ax.pin(x + 12, y))
            ax.add_text(g, f"legend:{si}", s.name, x + 28, y, align="left")


def _name(x: float | str) -> str:
    return x if isinstance(x, str) else ax.format_number(x)


def _point(x: float | str, y: float) -> str:
    """A point for the description: ``(2, 42)``, or ``North 12`` for a category."""
    if isinstance(x, str):
        return f"{x} {ax.format_number(y)}"
    return f"({ax.format_number(x)}, {ax.format_number(y)})"


def _describe(
    kind: str, data: list[_Series], marks: list, *, x_label: str, y_label: str, illustrative: bool
) -> str:
    """One sentence per series for screen readers: every value, or the range of a long one."""
    f = ax.format_number
    what = "Bar chart" if kind == "bar" else "Line chart"
    text = f"{what} of {y_label or 'y'} against {x_label or 'x'}: "
    text += ", ".join(s.name for s in data) + "."
    for s in data:
        if len(s.points) <= LISTED_POINTS:
            text += f" {s.name}: " + ", ".join(_point(x, y) for x, y in s.points) + "."
            continue
        (x0, y0), (x1, y1) = s.points[0], s.points[-1]
        ys = [y for _, y in s.points]
        text += (
            f" {s.name}: {len(s.points)} points from {_name(x0)} ({f(y0)}) to "
            f"{_name(x1)} ({f(y1)}), between {f(min(ys))} and {f(max(ys))}."
        )
    for x, y, note in marks:
        text += f" Marked{' ' + repr(note) if note else ''} at {_point(x, y)}."
    if illustrative:
        text += " " + ILLUSTRATIVE + "."
    return text


def example() -> nx.Graph:
    """Two made-up cost curves that cross, with the crossover marked."""
    return chart(
        {
            "Self-hosted": [(0, 40), (2, 42), (4, 45), (6, 47), (8, 50), (10, 52)],
            "Managed service": [(0, 10), (2, 20), (4, 30), (6, 40), (8, 50), (10, 60)],
        },
        title="Monthly cost as usage grows",
        x_label="Requests per day (millions)",
        y_label="Cost (thousand $ per month)",
        marks=[{"x": 8, "y": 50, "note": "crossover"}],
        illustrative=True,
    )
