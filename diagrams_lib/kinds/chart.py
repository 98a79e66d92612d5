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

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ..theme import Theme, get_theme
from . import axis as ax
from ._chart_draw import ILLUSTRATIVE, draw
from ._chart_names import name
from ._chart_plot import plan
from ._chart_read import MAX_SERIES, Mark, Series, dimension, read_marks, read_series
from ._common import check_title
from ._pieces import measured_for

__all__ = ["CAPTION", "CHART_KINDS", "MAX_SERIES", "MORE_EXAMPLES", "chart", "example"]

CAPTION = (
    "A line chart of two made-up cost curves: gridlines, round tick values, a legend "
    "and a marked crossover, captioned as illustrative."
)
CHART_KINDS = ("line", "bar")
LISTED_POINTS = 12  # the description lists every value of a series up to this many
MORE_EXAMPLES = ("example_bars", "example_hbars")


def chart(
    series: Mapping[str, Sequence[tuple[float | str, float]]],
    *,
    title: str,
    description: str = "",
    kind: str = "line",
    horizontal: bool = False,
    stacked: bool = False,
    value_labels: bool = False,
    x_label: str = "",
    y_label: str = "",
    log_y: bool = False,
    marks: Sequence[Mapping[str, Any]] = (),
    illustrative: bool = False,
    width: float = 560,
    height: float | None = None,
    x_ticks: Sequence[float | tuple[float, str]] | None = None,
    y_ticks: Sequence[float | tuple[float, str]] | None = None,
    theme: str | Theme = "light",
) -> nx.Graph:
    """Build a line chart, or a bar chart (grouped or stacked, upright or horizontal),
    as a pinned graph.

    Args:
        series: 1 to 8 series, ``{name: [(x, y), ...]}``. x values are all numbers, or all
            category names (text) shared across series, kept in order of first appearance.
            Line points are joined in the order given.
        title: The figure's title (required).
        description: Text for screen readers; by default one sentence summarising the data.
        kind: ``"line"`` (points joined by segments) or ``"bar"`` (grouped bars; numeric x
            values then act as category names). Category names wrap at spaces, never
            inside a word; a word too long for its band is shortened with "…", the full
            name kept in its tooltip.
        horizontal: Lay a bar chart's bars down: category names in a column on the left
            (right-aligned, as wide as the longest name up to 200 px, then wrapped),
            bars growing right from zero (left for negative values), the values along
            the bottom. ``x_label`` then titles the names and ``y_label`` the values.
        stacked: Stack a bar chart's series on each other instead of side by side
            (positive values up or right, negative values down or left).
        value_labels: Write each bar's value on it: past the end of a grouped bar,
            inside a stacked segment (a segment too small for its value gets none).
        x_label: Title of the x values: under the x axis (above the names of
            horizontal bars).
        y_label: Title of the y values: above the y axis (under the values of
            horizontal bars).
        log_y: Log10 y axis with a tick at every power of ten; every y must be > 0.
        marks: Points to call out, ``{"x": ..., "y": ..., "note": "crossover"}``: a ring at
            the point, the note placed clear of the lines, and a guide between them.
        illustrative: Add the visible caption "Illustrative: shape only, no real data".
        width: Width of the plotting area in px (axes, ticks and legend come on top).
        height: Height of the plotting area in px; by default 300, or for horizontal
            bars as tall as their names and bars need. A horizontal name taller than
            its share of a given height keeps the lines that fit, ending in "…".
        x_ticks: Tick values (numbers, or ``(value, "label")`` pairs) for a numeric x axis;
            by default round values are chosen. The axis always covers ticks and data.
        y_ticks: Tick values for the y axis, likewise.
        theme: The theme you will render with: text is measured at its type sizes, and
            :func:`~diagrams_lib.render` refuses a theme with other sizes.

    Returns:
        An undirected ``networkx.Graph`` with ``kind="chart"``, every node pinned.

    Raises:
        ValidationError: an empty series, a non-finite value, mixed numeric and text x,
            more than 8 series, y <= 0 with ``log_y``, stacked or value_labels on a line
            chart, horizontal without bars, value labels wider than their bars, a height
            too small for the categories; the message names the culprit.
        DiagramTypeError: data of the wrong type.

    Example:
        >>> g = chart({"a": [("Q1", 3), ("Q2", 5)], "b": [("Q1", 4), ("Q2", 2)]},
        ...           title="Sales", kind="bar")
        >>> sorted(n for n in g if n.startswith("bar:"))
        ['bar:0:0', 'bar:0:1', 'bar:1:0', 'bar:1:1']
        >>> g = chart({"a": [("Customer support", 3), ("Mobile", -1)]}, title="Change",
        ...           kind="bar", horizontal=True)
        >>> g.graph["description"]
        'Horizontal bar chart of y against x: a. a: Customer support 3, Mobile −1.'
    """
    title = check_title(title, kind="chart")
    look = get_theme(theme)
    if kind not in CHART_KINDS:
        raise UnknownOptionError(
            f"chart kind {kind!r} is unknown; choose one of: {', '.join(CHART_KINDS)}"
        )
    flags = (log_y, illustrative, horizontal, stacked, value_labels)
    if not all(isinstance(flag, bool) for flag in flags):
        raise DiagramTypeError(
            "log_y, illustrative, horizontal, stacked and value_labels must be True or False"
        )
    if (horizontal or stacked or value_labels) and kind != "bar":
        raise ValidationError(
            "horizontal, stacked and value_labels apply to bar charts (kind='bar')"
        )
    if log_y and kind == "bar":
        raise ValidationError(
            "log_y is not available for bar charts: bar lengths need a zero baseline"
        )
    data, categorical = read_series(series, log_y=log_y)
    categorical = categorical or kind == "bar"
    categories = list(dict.fromkeys(x for s in data for x, _ in s.points)) if categorical else None
    if categorical and x_ticks is not None:
        raise ValidationError(
            "x_ticks only applies to a numeric x axis; this chart's x values are categories"
        )
    notes = read_marks(marks, categories=categories, log_y=log_y)
    given_y = ax.read_ticks(y_ticks, where="y_ticks")
    if log_y and given_y and given_y[0][0] <= 0:
        raise ValidationError(
            f"y_ticks value {given_y[0][0]:g} cannot be shown on a log "
            "scale (log_y needs values > 0)"
        )
    plot = plan(
        data,
        notes,
        categories=categories,
        bar=kind == "bar",
        horizontal=horizontal,
        stacked=stacked,
        value_labels=value_labels,
        log_y=log_y,
        width=dimension(width, name="width", low=120),
        height=_height(height, horizontal=horizontal),
        x_ticks=ax.read_ticks(x_ticks, where="x_ticks"),
        y_ticks=given_y,
        theme=look,
    )
    x_label = check_text(x_label, where="x_label")
    y_label = check_text(y_label, where="y_label")
    summary = description or _describe(
        ("horizontal " if horizontal else "") + ("stacked " if stacked else "") + kind,
        data,
        notes,
        x_label=x_label,
        y_label=y_label,
        illustrative=illustrative,
    )
    g = nx.Graph(
        title=title,
        description=check_text(summary, where="chart description"),
        kind="chart",
        measured_for=measured_for(look),
    )
    draw(g, plot, x_label=x_label, y_label=y_label, illustrative=illustrative)
    return g


def _height(height: Any, *, horizontal: bool) -> float | None:
    """The plot's height: as given, or 300 px (None, to fit, for horizontal bars)."""
    if height is None:
        return None if horizontal else 300.0
    return dimension(height, name="height", low=80)


def _point(x: float | str, y: float) -> str:
    """A point for the description: ``(2, 42)``, or ``North 12`` for a category."""
    if isinstance(x, str):
        return f"{x} {ax.format_number(y)}"
    return f"({ax.format_number(x)}, {ax.format_number(y)})"


def _describe(
    kind: str,
    data: list[Series],
    marks: list[Mark],
    *,
    x_label: str,
    y_label: str,
    illustrative: bool,
) -> str:
    """One sentence per series for screen readers: every value, or the range of a long one."""
    f = ax.format_number
    text = f"{kind.capitalize()} chart of {y_label or 'y'} against {x_label or 'x'}: "
    text += ", ".join(s.name for s in data) + "."
    for s in data:
        if len(s.points) <= LISTED_POINTS:
            text += f" {s.name}: " + ", ".join(_point(x, y) for x, y in s.points) + "."
            continue
        (x0, y0), (x1, y1) = s.points[0], s.points[-1]
        ys = [y for _, y in s.points]
        text += (
            f" {s.name}: {len(s.points)} points from {name(x0)} ({f(y0)}) to "
            f"{name(x1)} ({f(y1)}), between {f(min(ys))} and {f(max(ys))}."
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


def example_bars() -> nx.Graph:
    """Made-up monthly costs of four teams in eight stacked categories, each with its own
    fill, the values written on the segments that have room, team names wrapped at spaces."""
    teams = ["Platform engineering", "Data science", "Mobile", "Visualisation infrastructure"]
    costs = {
        "Compute": [40, 30, 10, 20],
        "Storage": [20, 25, 5, 10],
        "Network": [10, 5, 8, 6],
        "Licences": [5, 12, 3, 4],
        "Support": [6, 3, 2, 5],
        "Training": [3, 9, 1, 2],
        "Travel": [2, 1, 4, 1],
        "Other": [1, 2, 1, 3],
    }
    return chart(
        {name: list(zip(teams, values, strict=True)) for name, values in costs.items()},
        title="Monthly cost by team",
        kind="bar",
        stacked=True,
        value_labels=True,
        y_label="Thousand $ per month",
        illustrative=True,
    )


def example_hbars() -> nx.Graph:
    """Made-up hours saved each week by automation in six teams over two quarters, as
    horizontal bars: the long team names in a column on the left, each value at the end
    of its bar, a quarter that lost time to the left of zero."""
    teams = [
        "Customer support and success",
        "Platform engineering",
        "Finance and procurement operations",
        "Mobile",
        "Data science",
        "Security and compliance review",
    ]
    hours = {"First quarter": [32, 18, 12, 6, 9, -4], "Second quarter": [41, 22, 15, 5, 14, 7]}
    series = {quarter: list(zip(teams, saved, strict=True)) for quarter, saved in hours.items()}
    return chart(
        series,
        title="Hours saved per week by automation",
        x_label="Team",
        y_label="Hours per week",
        kind="bar",
        horizontal=True,
        value_labels=True,
        illustrative=True,
    )
