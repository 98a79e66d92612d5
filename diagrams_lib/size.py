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

import math
from dataclasses import dataclass, replace
from numbers import Real
from typing import Any

from .errors import DiagramTypeError, ValidationError
from .fields import FieldBox, layout_fields, leaves
from .model import Diagram, Edge, Node
from .shapes import PAD_X, RECORDS, outer_size
from .style import edge_style, node_style
from .text import TextBlock, measure_block
from .theme import EdgeStyle, NodeStyle, Theme, get_theme

__all__ = [
    "DEFAULT_MAX_LABEL_WIDTH",
    "LABEL_PAD",
    "NOTE_GAP",
    "LabelBox",
    "NodeBox",
    "NodeMeasure",
    "Sizes",
    "check_label_width",
    "label_is_bold",
    "measure_node",
    "node_size",
    "size_diagram",
    "size_edge_label",
    "size_node",
]

DEFAULT_MAX_LABEL_WIDTH = 180.0  # render()'s default: labels wrap at this width
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
    fields: FieldBox | None = None  # a record's compartments
    field_text: tuple[TextBlock, ...] = ()  # and the text of each, in order


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
    edge_styles: dict[str, EdgeStyle]
    end_labels: dict[tuple[str, str], LabelBox]  # by edge id and "head" or "tail"
    xlabels: dict[str, LabelBox]  # by node id


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


def _size_record(node: Node, style: NodeStyle, theme: Theme, max_width: float, direction: str):
    """A record node's box: its fields laid out (side by side at the top level in a
    top-to-bottom or bottom-to-top diagram), each field's text wrapped at ``max_width``."""
    texts = [
        measure_block(f.text, max_width=max_width, size=theme.font_size)
        for f in leaves(node.fields)
    ]
    fields = layout_fields(
        node.fields,
        horizontal=direction in ("TB", "BT"),
        text_sizes=[(t.width, t.height) for t in texts],
        at_least=node.size or (0, 0),
    )
    empty = TextBlock(lines=(), size=theme.font_size, bold=False, width=0.0, height=0.0)
    return NodeBox(
        node=node,
        style=style,
        shape=style.shape,
        label=empty,
        note=None,
        width=float(fields.width),
        height=float(fields.height),
        fields=fields,
        field_text=tuple(texts),
    )


def size_node(node: Node, *, theme: Theme, max_width: float, direction: str = "TB") -> NodeBox:
    """Wrap a node's text and return its :class:`NodeBox`.

    A fixed ``size`` on the node wins; its text then wraps to fit inside it (the
    size, not ``max_width``, decides where lines break). A record node's compartments
    are laid out for the diagram's ``direction`` and are at least its ``size``.
    """
    style = node_style(node, theme)
    shape = style.shape
    if shape in RECORDS and node.fields is not None:
        return _size_record(node, style, theme, max_width, direction)
    if node.size is not None:
        # to 0.01 px, like every measured width: a box made from a measure keeps its lines
        inner = round(node.size[0] - (2 * PAD_X + 2 * node.inset if shape != "text" else 4), 2)
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


def size_label(text: str, *, theme: Theme, max_width: float) -> LabelBox:
    """Wrap a free label (an edge's, an edge end's, a node's ``xlabel``); the layout
    reserves a box this size for it."""
    block = measure_block(
        text, max_width=min(max_width, EDGE_LABEL_WRAP), size=theme.edge_label_size
    )
    # The layout reserves LABEL_CLEARANCE px more on each side than the drawn
    # background, so the edge Graphviz routes beside the label never runs under it.
    pad = 2 * (LABEL_PAD + LABEL_CLEARANCE)
    return LabelBox(
        text=block, width=round(block.width + pad, 2), height=round(block.height + pad, 2)
    )


def size_edge_label(edge: Edge, *, theme: Theme, max_width: float) -> LabelBox | None:
    """Wrap an edge's label, or None when it has none."""
    return size_label(edge.label, theme=theme, max_width=max_width) if edge.label else None


def group_title(label: str, *, theme: Theme, max_width: float = 10_000.0) -> TextBlock:
    """A group's title, as drawn above its members."""
    return measure_block(label, max_width=max_width, size=theme.note_size + 1, bold=True)


def size_diagram(diagram: Diagram, *, theme: Theme, max_width: float) -> Sizes:
    """Stage 2: every node's box and look, every edge's look, every free label's box and
    every group title."""
    nodes = {
        n.id: size_node(n, theme=theme, max_width=max_width, direction=diagram.direction)
        for n in diagram.nodes
    }
    styles = {e.id: edge_style(e, theme, directed=diagram.directed) for e in diagram.edges}
    labels, ends = {}, {}
    for edge in diagram.edges:
        if edge.label:
            labels[edge.id] = size_label(edge.label, theme=theme, max_width=max_width)
        for end, text in (("head", edge.head_label), ("tail", edge.tail_label)):
            if text:
                ends[(edge.id, end)] = size_label(text, theme=theme, max_width=max_width)
    return Sizes(
        nodes=nodes,
        labels=labels,
        group_titles={g.id: group_title(g.label, theme=theme) for g in diagram.groups},
        edge_styles=styles,
        end_labels=ends,
        xlabels={
            n.id: size_label(n.xlabel, theme=theme, max_width=max_width)
            for n in diagram.nodes
            if n.xlabel
        },
    )


def check_label_width(max_label_width: Any) -> float:
    """``max_label_width`` as a float, or an error naming it."""
    if not isinstance(max_label_width, Real) or isinstance(max_label_width, bool):
        raise DiagramTypeError(f"max_label_width must be a number, not {max_label_width!r}")
    if not math.isfinite(max_label_width) or max_label_width < 40:
        raise ValidationError(f"max_label_width must be at least 40 (px), not {max_label_width}")
    return float(max_label_width)


@dataclass(frozen=True, slots=True, kw_only=True)
class NodeMeasure:
    """What :func:`~diagrams_lib.render` makes of a node: its box and its wrapped text.

    Attributes:
        width: The box's width in px.
        height: The box's height in px.
        shape: The shape drawn (the node's own, or its role's).
        label: The label as drawn, after the role's marker (✓, ✗, ?) when it has one.
        note: The note under the label, or None.
    """

    width: float
    height: float
    shape: str
    label: TextBlock
    note: TextBlock | None


def measure_node(
    label: str = "",
    *,
    note: str | None = None,
    role: str | None = None,
    shape: str | None = None,
    width: float | None = None,
    inset: float = 0.0,
    theme: str | Theme = "light",
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
) -> NodeMeasure:
    """The box and wrapped text :func:`~diagrams_lib.render` gives a node with these attributes.

    The one sizing rule of the library, for placing nodes of your own (pinned kinds use
    it too): sizes come from the theme's type sizes and the shipped font metrics. With
    ``width``, the text wraps to fit inside that width and the height is what it then
    needs (never below the shape's minimum).

    >>> m = measure_node("A longer label that wraps", width=160)
    >>> m.label.lines, m.height
    (('A longer label', 'that wraps'), 55.0)
    """
    import networkx as nx

    from .model import read_diagram

    look = get_theme(theme)
    g = nx.DiGraph(title="node")
    attrs = {"label": label, "role": role, "note": note, "shape": shape, "inset": inset}
    g.add_node("node", **{k: v for k, v in attrs.items() if v is not None})
    node = read_diagram(g).nodes[0]
    wrap = check_label_width(max_label_width)
    if width is not None:
        node = replace(node, size=(float(width), 0.0))
    box = size_node(node, theme=look, max_width=wrap)
    height = box.height
    if width is not None:
        text_w = max(box.label.width, box.note.width if box.note else 0.0)
        outer = outer_size(box.shape, text_w, content_height(box.label, box.note), inset=inset)
        height = round(outer[1], 2)
    return NodeMeasure(
        width=box.width, height=height, shape=box.shape, label=box.label, note=box.note
    )


def node_size(label: str = "", **options: Any) -> tuple[float, float]:
    """The (width, height) in px of :func:`measure_node`'s box, with the same options.

    >>> node_size("Hello")
    (72.46, 38.0)
    >>> node_size("A longer label that wraps", width=120)
    (120.0, 72.5)
    """
    measure = measure_node(label, **options)
    return measure.width, measure.height
