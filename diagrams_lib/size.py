"""Stage 2, size: wrap every label and give each node, edge label and group title its box.

Sizes come from the shipped font metrics and the theme's type sizes, never from the
installed fonts, so the same graph gets the same sizes on every machine.

>>> from diagrams_lib.model import Node
>>> from diagrams_lib.theme import LIGHT
>>> box = size_node(Node(key="a", id="n0", label="Hello"), theme=LIGHT, max_width=180)
>>> (box.shape, box.width, box.height)
('round', 72.46, 38.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Diagram, Edge, Node
from .shapes import MIN_H, PAD_X, PAD_Y, outer_size
from .text import TextBlock, measure_block
from .theme import NodeStyle, Theme

__all__ = [
    "LABEL_PAD",
    "NOTE_GAP",
    "LabelBox",
    "NodeBox",
    "Sizes",
    "label_is_bold",
    "size_diagram",
    "size_edge_label",
    "size_node",
]

NOTE_GAP = 4.0  # between a node's label and its note
LABEL_PAD = 3.0  # drawn background around an edge label's text
LABEL_CLEARANCE = 4.0  # empty space between that background and the edge
EDGE_LABEL_WRAP = 160.0  # edge labels never wrap wider than this
GROUP_TITLE_H = 24.0  # the band above a group's members that holds its title


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeBox:
    """A node with its style, wrapped text and box size in px (not yet placed)."""

    node: Node
    style: NodeStyle
    shape: str
    label: TextBlock
    note: TextBlock | None
    width: float
    height: float


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelBox:
    """An edge label: its wrapped text and the box reserved for it in the layout."""

    text: TextBlock
    width: float
    height: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Sizes:
    """Every box of a diagram, by the id of its node, edge or group."""

    nodes: dict[str, NodeBox]
    labels: dict[str, LabelBox]
    group_titles: dict[str, TextBlock]


def label_is_bold(shape: str) -> bool:
    """Labels in boxes are semibold; free text (shape ``text``) is regular."""
    return shape != "text"


def _content(
    node: Node, style: NodeStyle, shape: str, theme: Theme, max_width: float
) -> tuple[TextBlock, TextBlock | None]:
    """The node's label (after its role's marker) and note, wrapped at ``max_width``."""
    text = "" if node.hide_label else node.label
    if style.marker and text:
        text = f"{style.marker} {text}"
    label = measure_block(
        text, max_width=max_width, size=theme.font_size, bold=label_is_bold(shape)
    )
    if not text:
        label = TextBlock(lines=(), size=label.size, bold=label.bold, width=0.0, height=0.0)
    note = None
    if node.note:
        note = measure_block(node.note, max_width=max(max_width, label.width), size=theme.note_size)
    return label, note


def content_height(label: TextBlock, note: TextBlock | None) -> float:
    """The height of a label and the note under it (with the gap between, when both)."""
    if note is None:
        return label.height
    return label.height + (NOTE_GAP + note.height if label.lines else note.height)


def size_node(node: Node, *, theme: Theme, max_width: float) -> NodeBox:
    """Wrap a node's text and return its :class:`NodeBox`.

    A fixed ``size`` on the node wins; its text then wraps to fit inside it (the
    size, not ``max_width``, decides where lines break).
    """
    style = theme.node_style(node.role, where=f"node {node.key!r}")
    shape = node.shape or style.shape
    if node.size is not None:
        inner = node.size[0] - (2 * PAD_X + 2 * node.inset if shape != "text" else 4)
        wrap_at = max(inner, 24.0 if shape != "text" else 8.0)
        label, note = _content(node, style, shape, theme, wrap_at)
        width, height = node.size
    else:
        label, note = _content(node, style, shape, theme, max_width)
        text_w = max(label.width, note.width if note else 0.0)
        width, height = outer_size(shape, text_w, content_height(label, note), inset=node.inset)
    return NodeBox(
        node=node,
        style=style,
        shape=shape,
        label=label,
        note=note,
        width=round(width, 2),
        height=round(height, 2),
    )


def fitted_height(box: NodeBox) -> float:
    """The height a padded box of ``box``'s width needs for its wrapped text."""
    return round(max(content_height(box.label, box.note) + 2 * PAD_Y, MIN_H), 2)


def size_edge_label(edge: Edge, *, theme: Theme, max_width: float) -> LabelBox | None:
    """Wrap an edge label; the layout reserves a box this size on the edge."""
    if not edge.label:
        return None
    text = measure_block(
        edge.label, max_width=min(max_width, EDGE_LABEL_WRAP), size=theme.edge_label_size
    )
    # The layout reserves LABEL_CLEARANCE px more on each side than the drawn
    # background, so the edge Graphviz routes beside the label never runs under it.
    pad = 2 * (LABEL_PAD + LABEL_CLEARANCE)
    return LabelBox(text=text, width=round(text.width + pad, 2), height=round(text.height + pad, 2))


def group_title(label: str, *, theme: Theme, max_width: float = 10_000.0) -> TextBlock:
    """A group's title, as drawn above its members."""
    return measure_block(label, max_width=max_width, size=theme.note_size + 1, bold=True)


def size_diagram(diagram: Diagram, *, theme: Theme, max_width: float) -> Sizes:
    """Stage 2: every node's box, every edge label's box and every group title."""
    nodes = {n.id: size_node(n, theme=theme, max_width=max_width) for n in diagram.nodes}
    for edge in diagram.edges:  # an unknown edge role is an error before any layout
        theme.edge_style(edge.role, where=f"edge {edge.source_key!r} -> {edge.target_key!r}")
    labels = {}
    for edge in diagram.edges:
        label = size_edge_label(edge, theme=theme, max_width=max_width)
        if label is not None:
            labels[edge.id] = label
    return Sizes(
        nodes=nodes,
        labels=labels,
        group_titles={g.id: group_title(g.label, theme=theme) for g in diagram.groups},
    )
