"""Drawing a planned chart (:mod:`._chart_plot`) as nodes and edges of a pinned graph.

The order of adding is the order of drawing: gridlines and axes first, then bars or
lines with their rings, then the text around the plot.
"""

from __future__ import annotations

import itertools

import networkx as nx

from . import axis as ax
from ._chart_names import name
from ._chart_plot import Plot
from ._chart_text import TICK, header, tick_labels, x_labels
from ._pieces import row_height

__all__ = ["ILLUSTRATIVE", "draw"]

ILLUSTRATIVE = "Illustrative: shape only, no real data"


def draw(g: nx.Graph, plot: Plot, *, x_label: str, y_label: str, illustrative: bool) -> None:
    """Add every node and edge of ``plot`` to ``g``, with the titles and caption."""
    theme, row = plot.theme, row_height(theme=plot.theme)
    _grid_and_axes(g, plot)
    if plot.bar:
        _bars(g, plot)
        _values(g, plot)
        _rings(g, plot)  # over the bars
    else:
        _rings(g, plot)  # under the points
        _lines(g, plot)
    bottom, left = tick_labels(g, plot)
    # the y title goes over the values' axis up the left side, the x title under the
    # x axis; horizontal bars have them the other way round
    side, foot = ("title:x", x_label), ("title:y", y_label)
    if not plot.horizontal:
        side, foot = foot, side
    header(g, plot, title=side, left=left)
    for i, box, align in plot.notes:
        x = {"left": box.left, "right": box.right}.get(align, (box.left + box.right) / 2)
        y = (box.top + box.bottom) / 2
        ax.add_text(g, f"mark:{i}:note", plot.marks[i][2], x, y, align=align, theme=theme)
        g.add_edge(f"mark:{i}", f"mark:{i}:note", role="guide")
    if foot[1]:
        bottom = ax.add_text(
            g, foot[0], foot[1], plot.width / 2, bottom + 4 + row / 2, theme=theme
        ).bottom
    if illustrative:
        y = bottom + 6 + row / 2
        ax.add_text(g, "caption", ILLUSTRATIVE, left, y, align="left", role="caption", theme=theme)


def _grid_and_axes(g: nx.Graph, plot: Plot) -> None:
    """Gridlines at the y ticks (broken around notes), the axes, and the y ticks.

    The x axis runs along the zero of bars that go below (left of) it, else along the
    plot's edge; the y axis runs up the left side, or along the bottom under
    horizontal bars, its ticks pointing out of the plot.
    """
    y_of, at = plot.y, plot.at
    across = plot.height if plot.horizontal else plot.width  # the x axis' length
    edge, out = (plot.height, TICK) if plot.horizontal else (0.0, -TICK)
    base = y_of(0.0) if plot.bar and y_of.lo < 0 else y_of.start
    # gridlines break around notes and the values past the ends of bars
    notes = [box for _, box, _ in plot.notes]
    notes += [v.box for v in plot.values if not plot.stacked]
    for i, (value, label) in enumerate(plot.y_ticks):
        v = y_of(value)
        if abs(v - base) < 0.5:
            continue
        for j, (a, b) in enumerate(ax.open_spans(v, 0.0, across, notes, vertical=plot.horizontal)):
            key = f"grid:y:{i}:{j}"
            ax.add_rule(g, key, at(v, a), at(v, b), role="grid", label=f"gridline at {label}")
    ax.add_rule(g, "axis:x", at(base, 0.0), at(base, across), role="axis", label="x axis")
    ax.add_rule(g, "axis:y", at(y_of.start, edge), at(y_of.end, edge), role="axis", label="y axis")
    for i, (value, label) in enumerate(plot.y_ticks):
        v = y_of(value)
        ax.add_rule(
            g, f"tick:y:{i}", at(v, edge + out), at(v, edge), role="tick", label=f"y tick {label}"
        )
    if not plot.bar:
        h = plot.height
        for i, (_, x, _, label) in enumerate(x_labels(plot)):
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
    """Each bar's value where the plan put it; on a stacked segment, in its colours."""
    for v in plot.values:
        key = f"bar:{v.series}:{v.category}:value"
        ax.add_text(g, key, v.text, v.x, v.y, align=v.align, theme=plot.theme)
        if plot.stacked:
            g.nodes[key]["role"] = f"bar-{v.series + 1}"
