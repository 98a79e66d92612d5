"""Semantic to visual: the look of each node and edge, from its role and its own attributes.

A role's style comes from the theme; ``color``, ``fill``, ``text_color``, ``line`` and
``line_width`` on a node or edge change just that element. Colours set on an element are
kept in every theme; a fill set without a text colour gets the text colour that reads
best on it, and colours that fall below WCAG contrast (4.5:1 for text, 3:1 for lines and
shapes) raise a :class:`~diagrams_lib.errors.DiagramWarning` naming the element.

>>> from diagrams_lib.model import Node
>>> from diagrams_lib.theme import LIGHT
>>> node_style(Node(key="a", id="n0", label="a", fill="#fee2e2", line="dashed"), LIGHT).dash
'6 4'
"""

from __future__ import annotations

import warnings
from dataclasses import replace

from .colors import contrast
from .errors import DiagramWarning
from .model import Edge, Node
from .theme import DARK, LIGHT, EdgeStyle, NodeStyle, Theme

__all__ = ["DASHES", "check_contrast", "edge_style", "node_style", "text_on"]

DASHES = {"dashed": "6 4", "dotted": "2 3"}
_TEXT_CHOICES = ((LIGHT.text, DARK.text), ("#000000", "#ffffff"))


def text_on(fill: str) -> str:
    """The text colour that reads on ``fill``: the themes' own if one reaches 4.5:1,
    else black or white.

    >>> text_on("#ffe4e1"), text_on("#1e3a8a")
    ('#0f172a', '#e2e8f0')
    """
    for pair in _TEXT_CHOICES:
        best = max(pair, key=lambda c: contrast(c, fill))
        if contrast(best, fill) >= 4.5:
            return best
    return best


def _line(line: str | None, dash: str | None, width: float) -> tuple[str | None, float]:
    """The dash pattern and width a ``line`` style gives a line of ``dash`` and ``width``."""
    if line is None:
        return dash, width
    if line == "bold":
        return None, max(2 * width, 3.0)
    return DASHES.get(line), width


def node_style(node: Node, theme: Theme) -> NodeStyle:
    """The look of ``node``: its role's style with the node's own attributes applied."""
    style = theme.node_style(node.role, where=f"node {node.key!r}")
    if node.shape:
        style = replace(style, shape=node.shape)
    own = []
    changes: dict = {}
    if node.fill is not None:
        changes["fill"] = node.fill
        own.append("fill")
    if node.color is not None:
        changes["stroke"] = node.color
        own.append("stroke")
    if node.text_color is not None:
        changes["text"] = node.text_color
        own.append("text")
    elif node.fill not in (None, "none"):  # the text colour that reads best on that fill
        changes["text"] = text_on(node.fill)
        own.append("text")
    dash, width = _line(node.line, style.dash, style.stroke_width)
    if node.line_width is not None:
        width = node.line_width
    if not own and (dash, width) == (style.dash, style.stroke_width):
        return style
    return replace(style, **changes, dash=dash, stroke_width=width, own=tuple(own))


def edge_style(edge: Edge, theme: Theme, *, directed: bool) -> EdgeStyle:
    """The look of ``edge``: its role's style with the edge's own attributes applied.

    Which ends carry an arrowhead follows ``dir``; without one, a directed graph's edges
    point forward when their role draws arrows, and an edge that names an ``arrowhead``
    points forward whatever its graph or role."""
    style = theme.edge_style(edge.role, where=f"edge {edge.source_key!r} -> {edge.target_key!r}")
    way = edge.dir
    if way is None:
        asked = edge.arrowhead not in (None, "none")
        way = "forward" if (directed and style.arrow) or asked else "none"
    head = (edge.arrowhead or "normal") if way in ("forward", "both") else "none"
    tail = (edge.arrowtail or "normal") if way in ("back", "both") else "none"
    dash, width = _line(edge.line, style.dash, style.width)
    if edge.line_width is not None:
        width = edge.line_width
    own = tuple(n for n, v in (("stroke", edge.color), ("text", edge.text_color)) if v)
    look = {
        "stroke": edge.color or style.stroke,
        "text": edge.text_color,
        "dash": dash,
        "width": width,
        "head": head,
        "tail": tail,
        "own": own,
    }
    if all(getattr(style, name) == value for name, value in look.items()):
        return style  # most edges: their role's look as it is
    return replace(style, **look)


_SHOWN = 6  # elements named in one contrast warning


def _low(who: str, what: str, colour: str, behind: tuple[str, ...], need: float) -> list[str]:
    """What falls below ``need``:1 contrast: ``colour`` on each of ``behind``, said."""
    out = []
    for back in behind:
        ratio = contrast(colour, back)
        if ratio < need:
            out.append(f"{who}: {what} {colour} on {back} ({ratio:.1f}:1)")
    return out


def check_contrast(nodes, edges, *, backgrounds: tuple[str, ...]) -> None:
    """Warn about colours set on an element that are hard to tell from what is behind them:
    text needs 4.5:1, lines and shapes 3:1 (WCAG 2). One warning for each of the two,
    naming the first elements below it (a DOT file can colour hundreds alike).

    ``nodes`` are ``(node, style)`` pairs, ``edges`` ``(edge, style)`` pairs; ``backgrounds``
    are the page colours the figure may be shown on (two for the ``auto`` theme)."""
    text: list[str] = []
    lines: list[str] = []
    for node, style in nodes:
        who = f"node {node.key!r}"
        behind = (style.fill,) if style.fill != "none" else backgrounds
        if {"text", "fill"} & set(style.own) and not node.hide_label:
            text += _low(who, "text", style.text, behind, 4.5)
        if {"stroke", "fill"} & set(style.own):
            # a shape shows on a page by its fill or by its outline, whichever stands out more
            shape = style.fill if style.fill != "none" else style.stroke
            for back in backgrounds:
                if contrast(style.stroke, back) < 3:
                    lines += _low(who, "shape", shape, (back,), 3)
    for edge, style in edges:
        who = f"edge {edge.source_key!r} -> {edge.target_key!r}"
        if "text" in style.own and (edge.label or edge.head_label or edge.tail_label):
            text += _low(who, "label text", style.text, backgrounds, 4.5)
        if "stroke" in style.own:
            lines += _low(who, "line", style.stroke, backgrounds, 3)
    for found, need, what in ((text, 4.5, "text"), (lines, 3, "lines and shapes")):
        if found:
            more = f"; and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
            warnings.warn(
                f"colours below the {need:g}:1 contrast {what} need: "
                + "; ".join(found[:_SHOWN])
                + more,
                DiagramWarning,
                stacklevel=3,
            )
