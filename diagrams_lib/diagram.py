"""The diagram the library draws: immutable dataclasses, and the attribute names each part reads.

:func:`~diagrams_lib.model.read_diagram` builds a :class:`Diagram` from a networkx graph;
every later stage takes it as it is.

>>> Node(key="a", id="n0", label="A").align
'center'
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from .fields import Fields

__all__ = [
    "ALIGNS",
    "DIRECTIONS",
    "EDGE_ATTRIBUTES",
    "ENGINES",
    "GRAPH_ATTRIBUTES",
    "KINDS",
    "NODE_ATTRIBUTES",
    "Diagram",
    "DotAttrs",
    "Edge",
    "Group",
    "Node",
]

KINDS = ("flow", "tree", "overlap", "timeline", "pyramid", "mindmap", "chart", "dependencies")
ENGINES = ("dot", "neato", "twopi", "circo", "fdp", "sfdp", "osage")
DIRECTIONS = {
    "LR": "LR",
    "TB": "TB",
    "RL": "RL",
    "BT": "BT",
    "right": "LR",
    "down": "TB",
    "left": "RL",
    "up": "BT",
}
_STYLE = ("color", "text_color", "line", "line_width")
NODE_ATTRIBUTES = (
    "label",
    "role",
    "group",
    "note",
    "shape",
    "fill",
    *_STYLE,
    "xlabel",
    "pin",
    "size",
    "align",
    "link",
    "inset",
    "hide_label",
    "tooltip",
    "fields",
    "rank",
    "straight_group",
    "dot",
)
EDGE_ATTRIBUTES = (
    "label",
    "role",
    *_STYLE,
    "arrowhead",
    "arrowtail",
    "dir",
    "head_label",
    "tail_label",
    "head_port",
    "tail_port",
    "constraint",
    "weight",
    "minlen",
    "dot",
)
GRAPH_ATTRIBUTES = (
    "title",
    "description",
    "kind",
    "direction",
    "engine",
    "groups",
    "measured_for",
    "dot",
)
ALIGNS = ("center", "left", "right")
DotAttrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """One node, validated. ``id`` is the synthetic DOT id (``n0``, ``n1``...).

    ``color``, ``fill``, ``text_color``, ``line`` and ``line_width`` override the look of
    the node's role; colours are ``#rrggbb`` (``fill`` may be ``none``). A record node
    (shape ``record`` or ``mrecord``) has its compartments in ``fields``; ``rank`` and
    ``straight_group`` are layout hints (see :mod:`diagrams_lib.fields` and the guide)."""

    key: Hashable
    id: str
    label: str
    role: str | None = None
    group: str | None = None
    note: str | None = None
    shape: str | None = None
    color: str | None = None
    fill: str | None = None
    text_color: str | None = None
    line: str | None = None
    line_width: float | None = None
    xlabel: str | None = None
    pin: tuple[float, float] | None = None
    size: tuple[float, float] | None = None
    align: str = "center"
    link: str | None = None
    inset: float = 0.0
    hide_label: bool = False
    tooltip: str | None = None  # the <title> text, when not the label (a shortened one)
    fields: Fields | None = None
    rank: str | None = None
    straight_group: str | None = None
    dot: DotAttrs = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """One edge, validated, between two node ids.

    ``dir`` says which ends carry an arrowhead (``forward``, ``back``, ``both``, ``none``);
    None means the graph's default (forward when directed)."""

    id: str
    source: str
    target: str
    source_key: Hashable
    target_key: Hashable
    label: str | None = None
    role: str | None = None
    color: str | None = None
    text_color: str | None = None
    line: str | None = None
    line_width: float | None = None
    arrowhead: str | None = None
    arrowtail: str | None = None
    dir: str | None = None
    head_label: str | None = None
    tail_label: str | None = None
    head_port: str | None = None
    tail_port: str | None = None
    constraint: bool | None = None
    weight: int | None = None
    minlen: int | None = None
    dot: DotAttrs = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """A group of nodes (a Graphviz cluster), perhaps inside another group.

    ``members`` are the ids of the nodes directly in it; ``parent`` is the id of the group
    it sits in. An empty ``label`` draws no title."""

    id: str
    name: str
    label: str
    members: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagram:
    """The whole validated diagram, in the graph's insertion order (groups: parents first)."""

    title: str
    description: str
    kind: str
    direction: str
    directed: bool
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...]
    dot: DotAttrs = ()
    engine: str | None = None
    measured_for: tuple[float, float] | None = None  # label and note px the pins assume
