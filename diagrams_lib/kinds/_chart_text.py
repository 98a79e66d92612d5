"""The text around a chart's plot: tick labels and category names, the axis title over
the left side, and the legend.

Which axis goes where depends on the chart: the x values (numbers or category names)
run along the bottom and the y values up the left side, except for horizontal bars,
whose category names stand in a column on the left and whose values run along the
bottom. Category names that had to be cut short keep the full name as their tooltip.
"""

from __future__ import annotations

import networkx as nx

from . import axis as ax
from ._chart_names import name
from ._chart_plot import Plot
from ._pieces import line_height, row_height

__all__ = ["TICK", "header", "tick_labels", "x_labels"]

TICK = 5.0  # tick length in px
GAP = 4.0  # between a tick and its label
NO_WRAP = 10_000.0

Labels = list[tuple[str, float, str, str]]  # (key, px along the axis, text drawn, full text)


def x_labels(plot: Plot) -> Labels:
    """The x axis' labels: category names, or the ticks of numbers."""
    if plot.categories is not None:
        spots = [
            (plot.x_of(c), shown, name(c))
            for c, shown in zip(plot.categories, plot.names, strict=True)
        ]
    else:
        spots = [(plot.x_of(v), label, label) for v, label in plot.x_ticks]
    return [(f"tick:x:{i}:label", *spot) for i, spot in enumerate(spots)]


def _y_labels(plot: Plot) -> Labels:
    return [
        (f"tick:y:{i}:label", plot.y(value), label, label)
        for i, (value, label) in enumerate(plot.y_ticks)
    ]


def tick_labels(g: nx.Graph, plot: Plot) -> tuple[float, float]:
    """Add the labels of both axes; return the bottom of the row under the plot and the
    left edge of the column beside it."""
    x_wrap = plot.name_width if plot.categories is not None else NO_WRAP
    if plot.horizontal:
        bottom = _row(g, _y_labels(plot), wrap=NO_WRAP, plot=plot)
        return bottom, _column(g, x_labels(plot), wrap=x_wrap, plot=plot)
    bottom = _row(g, x_labels(plot), wrap=x_wrap, plot=plot)
    return bottom, _column(g, _y_labels(plot), wrap=NO_WRAP, plot=plot)


def _tooltip(g: nx.Graph, key: str, shown: str, full: str) -> None:
    if shown != full:
        g.nodes[key]["tooltip"] = full


def _row(g: nx.Graph, labels: Labels, *, wrap: float, plot: Plot) -> float:
    """Add labels under the plot, top-aligned so their first lines share a baseline;
    return the bottom of their row."""
    theme = plot.theme
    row = row_height(theme=theme)
    # half a row down: clear of the lowest label beside the plot, which overhangs its
    # bottom edge by half its box
    top = plot.height + row / 2
    bottom = top + row
    for key, x, shown, full in labels:
        h = ax.text_box_size(shown, max_width=wrap, theme=theme)[1]
        box = ax.add_text(g, key, shown, x, top + h / 2, max_width=wrap, theme=theme)
        _tooltip(g, key, shown, full)
        bottom = max(bottom, box.bottom)
    return bottom


def _column(g: nx.Graph, labels: Labels, *, wrap: float, plot: Plot) -> float:
    """Add labels beside the plot, right-aligned, each centred on its place; return the
    left edge of their column."""
    left = -TICK - GAP
    for key, y, shown, full in labels:
        x = -TICK - GAP + 2
        box = ax.add_text(g, key, shown, x, y, align="right", max_width=wrap, theme=plot.theme)
        _tooltip(g, key, shown, full)
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


def header(g: nx.Graph, plot: Plot, *, title: tuple[str, str], left: float) -> None:
    """Add the axis title ``(key, text)`` over the left side and the legend over the plot."""
    theme = plot.theme
    # above the top y label, which overhangs the plot by half a line
    centre = -line_height(theme=theme) / 2 - 10 - row_height(theme=theme) / 2
    taken = left
    key, text = title
    if text:
        box = ax.add_text(g, key, text, left, centre, align="left", theme=theme)
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
