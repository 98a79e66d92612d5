"""Drawing a planned chart (:mod:`._chart_plot`) as nodes and edges of a pinned graph.

The order of adding is the order of drawing: gridlines and axes first, then bars or
lines with their rings, then the text around the plot.
"""

from __future__ import annotations

import itertools

import networkx as nx

from ..errors import ValidationError
from ..text import text_width
from . import axis as ax
from ._chart_plot import Plot, name
from ._pieces import line_height, row_height

__all__ = ["ILLUSTRATIVE", "draw"]

ILLUSTRATIVE = "Illustrative: shape only, no real data"
TICK = 5.0  # tick length in px
GAP = 4.0  # between a tick and its label


def draw(g: nx.Graph, plot: Plot, *, x_label: str, y_label: str, illustrative: bool) -> None:
    """Add every node and edge of ``plot`` to ``g``, with the titles and caption."""
    theme, row = plot.theme, row_height(theme=plot.theme)
    _grid_and_axes(g, plot)
    if plot.bar:
        _bars(g, plot)
        if plot.value_labels:
            _values(g, plot)
        _rings(g, plot)  # over the bars
    else:
        _rings(g, plot)  # under the points
        _lines(g, plot)
    bottom = _x_labels(g, plot)
    left = _y_labels(g, plot)
    _header(g, plot, y_label=y_label, left=left)
    for i, box, align in plot.notes:
        x = {"left": box.left, "right": box.right}.get(align, (box.left + box.right) / 2)
        y = (box.top + box.bottom) / 2
        ax.add_text(g, f"mark:{i}:note", plot.marks[i][2], x, y, align=align, theme=theme)
        g.add_edge(f"mark:{i}", f"mark:{i}:note", role="guide")
    if x_label:
        bottom = ax.add_text(
            g, "title:x", x_label, plot.width / 2, bottom + 4 + row / 2, theme=theme
        ).bottom
    if illustrative:
        y = bottom + 6 + row / 2
        ax.add_text(g, "caption", ILLUSTRATIVE, left, y, align="left", role="caption", theme=theme)


def _x_ticks(plot: Plot) -> list[tuple[float, str]]:
    if plot.categories is not None:
        return [(plot.x_of(c), name(c)) for c in plot.categories]
    return [(plot.x_of(v), label) for v, label in plot.x_ticks]


def _grid_and_axes(g: nx.Graph, plot: Plot) -> None:
    w, h, y_of = plot.width, plot.height, plot.y
    base = y_of(0.0) if plot.bar and y_of.lo < 0 else h
    notes = [box for _, box, _ in plot.notes]
    for i, (value, label) in enumerate(plot.y_ticks):
        y = y_of(value)
        if abs(y - base) < 0.5:
            continue
        for j, (x0, x1) in enumerate(ax.open_spans(y, 0.0, w, notes, vertical=False)):
            key = f"grid:y:{i}:{j}"
            ax.add_rule(g, key, (x0, y), (x1, y), role="grid", label=f"gridline at {label}")
    ax.add_rule(g, "axis:x", (0, base), (w, base), role="axis", label="x axis")
    ax.add_rule(g, "axis:y", (0, h), (0, 0), role="axis", label="y axis")
    for i, (value, label) in enumerate(plot.y_ticks):
        y = y_of(value)
        ax.add_rule(g, f"tick:y:{i}", (-TICK, y), (0, y), role="tick", label=f"y tick {label}")
    if not plot.bar:
        for i, (x, label) in enumerate(_x_ticks(plot)):
            ax.add_rule(
                g, f"tick:x:{i}", (x, h), (x, h + TICK), role="tick", label=f"x tick {label}"
            )


def _rings(g: nx.Graph, plot: Plot) -> None:
    for i, (mx, my) in enumerate(plot.rings):
        g.add_node(
            f"mark:{i}",
            label="Marked point",
            hide_label=True,
            role="highlight",
            shape="circle",
            size=(20, 20),
            pin=ax.pin(mx, my),
        )


def _lines(g: nx.Graph, plot: Plot) -> None:
    """Markers (or invisible anchors between a dense series' markers), then segments
    from centre to centre: the markers are drawn over the line ends."""
    for si, ends in enumerate(plot.lines):
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


def _bars(g: nx.Graph, plot: Plot) -> None:
    for si, ci, rect in plot.bars:
        # The value names the bar for screen readers; it is not drawn on the bar.
        series, category = plot.data[si], plot.categories[ci]
        value = next(y for x, y in series.points if x == category)
        g.add_node(
            f"bar:{si}:{ci}",
            label=f"{series.name}: {name(category)} = {ax.format_number(value)}",
            hide_label=True,
            role=f"bar-{si + 1}",
            shape="rect",
            size=(round(rect.right - rect.left, 2), round(rect.bottom - rect.top, 2)),
            pin=ax.pin((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2),
        )


def _values(g: nx.Graph, plot: Plot) -> None:
    """Each bar's value: above a grouped bar (below a negative one), inside a stacked
    segment when it fits there. A value wider than its bar's slot is an error."""
    theme, line = plot.theme, line_height(theme=plot.theme)
    for si, ci, rect in plot.bars:
        value = dict(plot.data[si].points)[plot.categories[ci]]
        text = ax.format_number(value)
        w, h = ax.text_box_size(text, theme=theme)
        x, width = (rect.left + rect.right) / 2, rect.right - rect.left
        key = f"bar:{si}:{ci}:value"
        if plot.stacked:
            if w <= width and line + 2 <= rect.bottom - rect.top:  # on the bar, in its colours
                ax.add_text(g, key, text, x, (rect.top + rect.bottom) / 2, theme=theme)
                g.nodes[key]["role"] = f"bar-{si + 1}"
            continue
        if w > width + 6:
            raise ValidationError(
                f"value label {text!r} of series {plot.data[si].name!r} is {w:g} px wide, but "
                f"its bar is {width:g} px: widen the chart or leave out value_labels"
            )
        y = rect.top - 2 - h / 2 if value >= 0 else rect.bottom + 2 + h / 2
        ax.add_text(g, key, text, x, y, theme=theme)


def _fit_words(label: str, width: float, *, size: float) -> str:
    """``label`` with each word wider than ``width`` px cut to fit, ending in "…"."""
    words = []
    for word in label.split(" "):
        while len(word) > 1 and text_width(word, size=size) > width:
            word = word[:-2] + "…" if word.endswith("…") else word[:-1] + "…"
        words.append(word)
    return " ".join(words)


def _x_labels(g: nx.Graph, plot: Plot) -> float:
    """Add the x tick labels, top-aligned so their first lines share a baseline; return
    the bottom of their row. A category name wraps at spaces only: a word too wide for
    its band is cut short ("Visualisat…"), the full name kept as the label's tooltip."""
    theme = plot.theme
    row = row_height(theme=theme)
    # half a row down: clear of the lowest y label, which overhangs the axis by half its box
    top = plot.height + row / 2
    bottom = top + row
    wrap = 10_000.0
    if plot.categories:
        wrap = max(plot.width / len(plot.categories) - 12, 40)
    for i, (x, label) in enumerate(_x_ticks(plot)):
        shown = _fit_words(label, wrap, size=theme.font_size) if plot.categories else label
        h = ax.text_box_size(shown, max_width=wrap, theme=theme)[1]
        key = f"tick:x:{i}:label"
        box = ax.add_text(g, key, shown, x, top + h / 2, max_width=wrap, theme=theme)
        if shown != label:
            g.nodes[key]["tooltip"] = label
        bottom = max(bottom, box.bottom)
    return bottom


def _y_labels(g: nx.Graph, plot: Plot) -> float:
    """Add the y tick labels; return the left edge of their column."""
    left = -TICK - GAP
    for i, (value, label) in enumerate(plot.y_ticks):
        box = ax.add_text(
            g,
            f"tick:y:{i}:label",
            label,
            -TICK - GAP + 2,
            plot.y(value),
            align="right",
            theme=plot.theme,
        )
        left = min(left, box.left)
    return left


def _legend_spots(widths: list[float], *, left: float, taken: float, centre: float, plot: Plot):
    """Where each legend entry starts: right-aligned on the title's row when they all fit
    beside it, else flowed, left-aligned, into as many rows above the title as needed."""
    row = row_height(theme=plot.theme)
    x = plot.width - sum(widths) - 12 * (len(widths) - 1)
    if x >= taken:
        return [(x + sum(widths[:i]) + 12 * i, centre) for i in range(len(widths))]
    rows: list[list[int]] = [[]]
    for i, w in enumerate(widths):
        used = sum(widths[j] + 12 for j in rows[-1])
        if rows[-1] and left + used + w > plot.width:
            rows.append([])
        rows[-1].append(i)
    return [
        (
            left + sum(widths[j] + 12 for j in members[: members.index(i)]),
            centre - (len(rows) - r) * row,
        )
        for r, members in enumerate(rows)
        for i in members
    ]


def _header(g: nx.Graph, plot: Plot, *, y_label: str, left: float) -> None:
    """Add the y axis title (above the axis, left) and the legend over the plot."""
    theme = plot.theme
    # above the top y label, which overhangs the plot by half a line
    centre = -line_height(theme=theme) / 2 - 10 - row_height(theme=theme) / 2
    taken = left
    if y_label:
        box = ax.add_text(g, "title:y", y_label, left, centre, align="left", theme=theme)
        taken = box.right + 24
    if len(plot.data) < 2:
        return
    widths = [30 + ax.text_box_size(s.name, theme=theme)[0] for s in plot.data]
    spots = _legend_spots(widths, left=left, taken=taken, centre=centre, plot=plot)
    for si, (s, (x, y)) in enumerate(zip(plot.data, spots, strict=True)):
        if plot.bar:
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
        ax.add_text(g, f"legend:{si}", s.name, x + 28, y, align="left", theme=theme)
