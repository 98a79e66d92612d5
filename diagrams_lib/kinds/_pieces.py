"""Pieces of pinned graphs: pins, text nodes, rules and anchors.

Text is sized by the library's one rule (:func:`diagrams_lib.node_size`) for the theme
the graph will be drawn with, so a text node's box is exactly what the renderer gives it.
Part of :mod:`diagrams_lib.kinds.axis`, which re-exports every public name here.

>>> pin(10.004, 20)
(10.0, -20.0)
>>> text_box_size("20")
(21.84, 21.5)
"""

from __future__ import annotations

import math

import networkx as nx

from ..size import measure_node, node_size
from ..theme import Theme
from ._geometry import Box

__all__ = [
    "NO_CLIP",
    "add_anchor",
    "add_rule",
    "add_text",
    "line_height",
    "measured_for",
    "pin",
    "row_height",
    "text_box_size",
]

# Graphviz clips an edge where it meets its end node; even the smallest node (0.01 x 0.02
# in) would make a line stop 0.6-1.3 px short, so rules and series lines run centre to
# centre (markers are drawn over the line ends anyway).
NO_CLIP = {"headclip": "false", "tailclip": "false"}


def pin(x: float, y: float) -> tuple[float, float]:
    """Turn a plot point (px, y down) into a Graphviz pin (points, y up), 2 decimals.

    >>> pin(3, 0)
    (3.0, 0.0)
    """
    return (round(x, 2) + 0.0, round(-y, 2) + 0.0)


def measured_for(theme: Theme) -> dict[str, float]:
    """The ``measured_for`` graph attribute of a graph pinned for ``theme``'s type sizes:
    :func:`diagrams_lib.render` refuses a theme whose text would not fit the pins.

    >>> from diagrams_lib import LIGHT
    >>> measured_for(LIGHT)
    {'font_size': 14.0, 'note_size': 12.0}
    """
    return {"font_size": theme.font_size, "note_size": theme.note_size}


def text_box_size(
    text: str,
    *,
    note: str | None = None,
    max_width: float = 10_000.0,
    theme: str | Theme = "light",
) -> tuple[float, float]:
    """Size (w, h) in px of a ``text`` node holding ``text`` (and a smaller ``note``),
    wrapped at ``max_width`` (at least 40): :func:`diagrams_lib.node_size` of it.

    >>> text_box_size("A note that wraps", max_width=60)
    (49.62, 56.5)
    """
    return node_size(text, note=note, shape="text", max_label_width=max_width, theme=theme)


def line_height(*, theme: str | Theme = "light") -> float:
    """The height in px of one line of label text.

    >>> line_height()
    17.5
    """
    return measure_node("0", shape="text", theme=theme).label.height


def row_height(*, theme: str | Theme = "light") -> float:
    """The height of a row of one-line text nodes: their box, up to the whole px.

    >>> row_height()
    22.0
    """
    return float(math.ceil(text_box_size("0", theme=theme)[1]))


def add_anchor(g: nx.Graph, key: str, x: float, y: float, *, label: str) -> None:
    """Add an invisible anchor node (an edge end) at plot point (x, y)."""
    g.add_node(key, label=label, role="anchor", shape="none", size=(0, 0), pin=pin(x, y))


def add_rule(
    g: nx.Graph,
    key: str,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    role: str,
    label: str,
) -> None:
    """Add a straight line (axis, tick, gridline, guide) as an edge between two anchors.

    The anchors are ``key + ":from"`` and ``key + ":to"``; the line is not clipped, so it
    runs exactly between the two points.
    """
    add_anchor(g, f"{key}:from", *start, label=f"{label} (start)")
    add_anchor(g, f"{key}:to", *end, label=f"{label} (end)")
    g.add_edge(f"{key}:from", f"{key}:to", role=role, dot=dict(NO_CLIP))


def add_text(
    g: nx.Graph,
    key: str,
    text: str,
    x: float,
    y: float,
    *,
    align: str = "center",
    role: str = "text",
    note: str | None = None,
    max_width: float = 10_000.0,
    theme: str | Theme = "light",
) -> Box:
    """Add a text node, sized for ``theme``, and return its box.

    ``x`` is the left edge for ``align="left"``, the right edge for ``"right"`` and the
    centre otherwise; ``y`` is the vertical centre. Render the graph with the same theme.
    """
    width, height = text_box_size(text, note=note, max_width=max_width, theme=theme)
    left = {"left": x, "right": x - width}.get(align, x - width / 2)
    attrs = {
        "label": text,
        "role": role,
        "shape": "text",
        "align": align,
        "size": (width, height),
        "pin": pin(left + width / 2, y),
    }
    if note:
        attrs["note"] = note
    g.add_node(key, **attrs)
    return Box(left, y - height / 2, left + width, y + height / 2)
