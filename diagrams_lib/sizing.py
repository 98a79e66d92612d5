"""Sizing: wrap every label and compute each node's box from shipped font metrics.

Nothing here asks the installed fonts, so the same graph gets the same sizes on
every machine.

>>> from diagrams_lib.model import Node
>>> from diagrams_lib.theme import LIGHT
>>> box = size_node(Node(key="a", id="n0", label="Hello"), theme=LIGHT, max_width=180)
>>> (box.shape, box.width >= 56, box.height >= 38)
('round', True, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from .model import Edge, Node
from .quoting import round2
from .text import LINE_HEIGHT, TextBlock, _measurer, measure_block
from .theme import NodeStyle, Theme

__all__ = ["GV_SHAPES", "LABEL_PAD", "NOTE_GAP", "LabelBox", "NodeBox", "label_is_bold",
           "size_edge_label", "size_node", "size_nodes"]  # fmt: skip

NOTE_GAP = 4.0
LABEL_PAD = 3.0  # drawn background around an edge label's text
LABEL_CLEARANCE = 4.0  # empty space between that background and the edge
PAD_X, PAD_Y = 16.0, 10.0
MIN_W, MIN_H = 56.0, 38.0
POINT_SIZE = 9.0
# Graphviz shape used for edge clipping; the SVG draws the real shape itself.
GV_SHAPES = {
    "ellipse": "ellipse", "circle": "ellipse", "diamond": "diamond", "hexagon": "hexagon",
    "parallelogram": "parallelogram", "point": "ellipse", "square-point": "box",
    "diamond-point": "diamond", "triangle-point": "ellipse",
}  # fmt: skip


class NodeBox(NamedTuple):
    """A node with its style, wrapped text and box size in px (not yet placed)."""

    node: Node
    style: NodeStyle
    shape: str
    label: TextBlock
    note: TextBlock | None
    width: float
    height: float

    @property
    def gv_shape(self) -> str:
        """The Graphviz shape whose outline edges are clipped to."""
        return GV_SHAPES.get(self.shape, "box")


class LabelBox(NamedTuple):
    """An edge label: its wrapped text and the box reserved for it in the layout."""

    text: TextBlock
    width: float
    height: float


def label_is_bold(shape: str) -> bool:
    """Labels in boxes are semibold; free text (shape ``text``) is regular."""
    return shape != "text"


def _content(node: Node, style: NodeStyle, shape: str, theme: Theme, max_width: float):
    text = "" if node.hide_label else node.label
    if style.marker and text:
        text = f"{style.marker} {text}"
    label = measure_block(text, max_width=max_width, size=theme.font_size,
                          bold=label_is_bold(shape), line_height=LINE_HEIGHT)  # fmt: skip
    if not text:
        label = TextBlock((), label.size, label.bold, 0.0, 0.0)
    note = None
    if node.note:
        note = measure_block(node.note, max_width=max(max_width, label.width),
                             size=theme.note_size, line_height=LINE_HEIGHT)  # fmt: skip
    width = max(label.width, note.width if note else 0.0)
    height = label.height + (NOTE_GAP + note.height if note and label.lines else 0.0)
    height += note.height if note and not label.lines else 0.0
    return label, note, width, height


# Shapes with an outer size of their own; any other (round, rect, note, trapezoid) is a
# padded box, the case most nodes take, so it is tested first.
_OWN_SIZE = frozenset(("point", "square-point", "diamond-point", "triangle-point", "none", "text",
                       "ellipse", "circle", "diamond", "hexagon", "parallelogram", "pill"))


def _outer(shape: str, w: float, h: float, inset: float) -> tuple[float, float]:
    if shape not in _OWN_SIZE:
        extra = 2 * inset + (10 if shape == "note" else 0)
        return max(w + 2 * PAD_X + extra, MIN_W), max(h + 2 * PAD_Y, MIN_H)
    if shape in ("point", "square-point", "diamond-point", "triangle-point"):
        return POINT_SIZE, POINT_SIZE
    if shape == "none":
        return 1.0, 1.0
    if shape == "text":
        return w + 4, h + 4
    if shape == "ellipse":
        return max(w * 1.42 + 20, MIN_W), max(h * 1.42 + 14, MIN_H)
    if shape == "circle":
        side = max(w, h) * 1.42 + 20
        return side, side
    if shape == "diamond":
        return max(2 * w + 24, MIN_W), max(2 * h + 16, MIN_H)
    if shape == "hexagon":
        return max(1.35 * w + 32, MIN_W), max(h + 2 * PAD_Y, MIN_H)
    if shape == "parallelogram":
        height = max(h + 2 * PAD_Y, MIN_H)
        return max(w + 2 * PAD_X + 0.6 * height, MIN_W), height
    if shape == "pill":
        height = max(h + 2 * PAD_Y, MIN_H)
        return max(w + 2 * PAD_X + height / 2, MIN_W), height
    raise AssertionError(shape)  # pragma: no cover - _OWN_SIZE lists the shapes above


def size_node(node: Node, *, theme: Theme, max_width: float) -> NodeBox:
    """Wrap a node's text and return its :class:`NodeBox`.

    A fixed ``size`` on the node wins; its text then wraps to fit inside it (the
    size, not ``max_width``, decides where lines break).
    """
    style = theme.nodes.get(node.role or "default")
    if style is None:  # raises, naming the node
        style = theme.node_style(node.role, where=f"node {node.key!r}")
    shape = node.shape or style.shape
    if node.size is not None:
        inner = node.size[0] - (2 * PAD_X + 2 * node.inset if shape != "text" else 4)
        wrap_at = max(inner, 24.0 if shape != "text" else 8.0)
        label, note, _, _ = _content(node, style, shape, theme, wrap_at)
        width, height = node.size
    else:
        label, note, w, h = _content(node, style, shape, theme, max_width)
        width, height = _outer(shape, w, h, node.inset)
    return _NODE_BOX(NodeBox, (node, style, shape, label, note, round2(width), round2(height)))


_NODE_BOX = tuple.__new__  # a NodeBox from its fields, without NamedTuple's argument parsing


def size_nodes(nodes: Iterable[Node], *, theme: Theme, max_width: float) -> dict[str, NodeBox]:
    """:func:`size_node` of every node, by node id.

    Most nodes, a label in a round or square box with no fixed size, note or marker, are
    sized here in one step, the same way; any other by :func:`size_node`.

    >>> from diagrams_lib.model import Node
    >>> from diagrams_lib.theme import LIGHT
    >>> size_nodes([Node(key="a", id="n0", label="Hello")], theme=LIGHT, max_width=180)[
    ...     "n0"] == size_node(Node(key="a", id="n0", label="Hello"), theme=LIGHT, max_width=180)
    True
    """
    styles, size = theme.nodes, theme.font_size
    if not (0 < size < math.inf and max_width >= 0):  # size_node() raises, as it should
        return {node.id: size_node(node, theme=theme, max_width=max_width) for node in nodes}
    measure = _measurer(max_width, size, True, LINE_HEIGHT)  # labels in boxes: semibold
    out: dict[str, NodeBox] = {}
    heights: dict[float, float] = {}
    for node in nodes:
        style = styles.get(node.role or "default")
        shape = node.shape or style.shape if style is not None else None
        if ((shape != "round" and shape != "rect") or node.size is not None
                or node.note or style.marker or node.hide_label or not node.label):
            out[node.id] = size_node(node, theme=theme, max_width=max_width)
            continue
        label = measure(node.label)
        # _outer() of a padded box, rounded: its height comes from the label's, and there
        # are only a few of those, one for each count of lines.
        height = heights.get(label.height)
        if height is None:
            height = heights[label.height] = round2(max(label.height + 2 * PAD_Y, MIN_H))
        width = label.width + 2 * PAD_X + 2 * node.inset
        out[node.id] = _NODE_BOX(NodeBox, (node, style, shape, label, None,
                                           round2(width) if width > MIN_W else MIN_W, height))
    return out


def size_edge_label(edge: Edge, *, theme: Theme, max_width: float) -> LabelBox | None:
    """Wrap an edge label; the layout reserves a box this size on the edge."""
    if not edge.label:
        return None
    text = measure_block(edge.label, max_width=min(max_width, 160.0),
                         size=theme.edge_label_size, line_height=LINE_HEIGHT)  # fmt: skip
    # The layout reserves LABEL_CLEARANCE px more on each side than the drawn
    # background, so the edge Graphviz routes beside the label never runs under it.
    pad = 2 * (LABEL_PAD + LABEL_CLEARANCE)
    return LabelBox(text, round(text.width + pad, 2), round(text.height + pad, 2))
