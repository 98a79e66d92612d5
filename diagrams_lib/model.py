"""Reading a networkx graph into the validated, immutable model the library draws.

The graph is the only source of truth. Only the semantic attributes listed here
are read; anything else on the graph (``weight``, ``color``...) is ignored, and raw
Graphviz attributes pass only through the explicit ``dot`` escape hatch.

>>> import networkx as nx
>>> g = nx.DiGraph(title="Demo")
>>> g.add_edge("a:1", "b", label="next")
>>> d = read_diagram(g)
>>> [(n.id, n.label) for n in d.nodes]
[('n0', 'a:1'), ('n1', 'b')]
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any
from urllib.parse import urlsplit

from .errors import DiagramTypeError, UnknownOptionError, ValidationError
from .quoting import check_text
from .shapes import SHAPES

__all__ = [
    "DIRECTIONS",
    "EDGE_ATTRIBUTES",
    "ENGINES",
    "GRAPH_ATTRIBUTES",
    "KINDS",
    "NODE_ATTRIBUTES",
    "Diagram",
    "Edge",
    "Group",
    "Node",
    "read_diagram",
]

KINDS = ("flow", "tree", "overlap", "timeline", "pyramid", "mindmap", "chart", "dependencies")
ENGINES = ("dot", "neato", "twopi", "circo", "fdp")
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
NODE_ATTRIBUTES = (
    "label",
    "role",
    "group",
    "note",
    "shape",
    "pin",
    "size",
    "align",
    "link",
    "inset",
    "hide_label",
    "dot",
)
EDGE_ATTRIBUTES = ("label", "role", "dot")
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
_ALIGNS = ("center", "left", "right")
_DOT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# Attributes the library computes itself; the escape hatch may not override them.
_RESERVED_DOT = {
    "label",
    "xlabel",
    "width",
    "height",
    "fixedsize",
    "shape",
    "pos",
    "id",
    "bb",
    "lp",
    "headlabel",
    "taillabel",
    "image",
    "URL",
    "href",
}

DotAttrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """One node, validated. ``id`` is the synthetic DOT id (``n0``, ``n1``...)."""

    key: Hashable
    id: str
    label: str
    role: str | None = None
    group: str | None = None
    note: str | None = None
    shape: str | None = None
    pin: tuple[float, float] | None = None
    size: tuple[float, float] | None = None
    align: str = "center"
    link: str | None = None
    inset: float = 0.0
    hide_label: bool = False
    dot: DotAttrs = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    """One edge, validated, between two node ids."""

    id: str
    source: str
    target: str
    source_key: Hashable
    target_key: Hashable
    label: str | None = None
    role: str | None = None
    dot: DotAttrs = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """A cluster of nodes sharing a ``group`` name."""

    id: str
    name: str
    label: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagram:
    """The whole validated diagram, in the graph's insertion order."""

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


def _describe(key: Hashable) -> str:
    return f"node {key!r}"


def _pair(value: Any, *, where: str) -> tuple[float, float]:
    ok = isinstance(value, (tuple, list)) and len(value) == 2
    if not ok or not all(isinstance(v, Real) and not isinstance(v, bool) for v in value):
        raise DiagramTypeError(f"{where} must be a pair of numbers (x, y), not {value!r}")
    x, y = float(value[0]), float(value[1])
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValidationError(f"{where} must be finite, not {value!r}")
    return x, y


def _dot_attrs(value: Any, *, where: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise DiagramTypeError(f"{where} must be a dict of Graphviz attributes")
    out = []
    for name, raw in value.items():
        if not isinstance(name, str) or not _DOT_NAME.match(name):
            raise ValidationError(f"{where}: {name!r} is not a Graphviz attribute name")
        if name in _RESERVED_DOT:
            raise ValidationError(
                f"{where}: {name!r} is computed by diagrams_lib; set the semantic "
                "attribute (label, size, shape, pin, link) instead"
            )
        out.append((name, check_text(raw, where=f"{where}[{name!r}]")))
    return tuple(sorted(out))


def _node_text(data: Mapping, name: str, key: Hashable) -> str | None:
    value = data.get(name)
    return (
        None if value is None else check_text(value, where=f"{_describe(key)} attribute {name!r}")
    )


def _edge_text(data: Mapping, name: str, u: Hashable, v: Hashable) -> str | None:
    value = data.get(name)
    return (
        None
        if value is None
        else check_text(value, where=f"edge {u!r} -> {v!r} attribute {name!r}")
    )


def _link(value: Any, *, where: str) -> str | None:
    if value is None:
        return None
    text = check_text(value, where=f"{where} attribute 'link'", allow_numbers=False)
    parts = urlsplit(text)
    external_without_scheme = not parts.scheme and (parts.netloc or text.startswith("//"))
    if (
        any(c.isspace() for c in text)
        or "\\" in text
        or external_without_scheme
        or parts.scheme.lower() not in ("", "http", "https")
    ):
        raise ValidationError(
            f"{where} attribute 'link' {text!r} is not allowed: only http, https and "
            "relative URLs (no whitespace, backslashes or scheme-relative '//host')"
        )
    return text


def _read_node(key: Hashable, data: Mapping, index: int) -> Node:
    where = _describe(key)
    check_text(str(key), where=f"{where} key")  # kept in the SVG's data-key
    label = data.get("label")
    if label is None:  # the key is the label: any hashable, shown as its str()
        label = key if isinstance(key, (str, int, float)) else str(key)
    return Node(
        key=key,
        id=f"n{index}",
        label=check_text(label, where=f"{where} attribute 'label'"),
        role=_node_text(data, "role", key),
        group=_node_text(data, "group", key),
        note=_node_text(data, "note", key),
        **_node_options(key, data),
    )


def _node_options(key: Hashable, data: Mapping) -> dict[str, Any]:
    """The node attributes other than label, role, group and note, validated."""
    where = _describe(key)
    shape = _node_text(data, "shape", key)
    if shape is not None and shape not in SHAPES:
        raise UnknownOptionError(
            f"{where} attribute 'shape' is {shape!r}; choose one of: {', '.join(SHAPES)}"
        )
    align = data.get("align", "center")
    if align not in _ALIGNS:
        raise UnknownOptionError(
            f"{where} attribute 'align' is {align!r}; choose one of: {', '.join(_ALIGNS)}"
        )
    size = data.get("size")
    size = None if size is None else _pair(size, where=f"{where} attribute 'size'")
    if size is not None and (size[0] < 0 or size[1] < 0):
        raise ValidationError(f"{where} attribute 'size' must not be negative: {size!r}")
    pin = data.get("pin")
    inset = data.get("inset", 0.0)
    if not isinstance(inset, Real) or isinstance(inset, bool) or not math.isfinite(inset):
        raise DiagramTypeError(f"{where} attribute 'inset' must be a finite number")
    hide_label = data.get("hide_label", False)
    if not isinstance(hide_label, bool):
        raise DiagramTypeError(f"{where} attribute 'hide_label' must be True or False")
    return {
        "shape": shape,
        "pin": None if pin is None else _pair(pin, where=f"{where} attribute 'pin'"),
        "size": size,
        "align": align,
        "link": _link(data.get("link"), where=where),
        "inset": float(inset),
        "hide_label": hide_label,
        "dot": _dot_attrs(data.get("dot"), where=f"{where} attribute 'dot'"),
    }


def _groups(g: Any, nodes: tuple[Node, ...]) -> tuple[Group, ...]:
    labels = g.graph.get("groups") or {}
    if not isinstance(labels, Mapping):
        raise DiagramTypeError("graph attribute 'groups' must map group names to labels")
    members: dict[str, list[str]] = {}
    for node in nodes:
        if node.group is not None:
            members.setdefault(node.group, []).append(node.id)
    out = []
    for i, (name, ids) in enumerate(members.items()):
        label = check_text(labels.get(name, name), where=f"group {name!r} label")
        out.append(Group(id=f"g{i}", name=name, label=label, members=tuple(ids)))
    return tuple(out)


def read_diagram(g: Any, *, require_title: bool = True) -> Diagram:
    """Validate a networkx graph and return its :class:`Diagram`.

    Raises :class:`DiagramTypeError` for a non-graph, :class:`ValidationError` for a
    missing title or bad attribute; every message names the node, edge or attribute.
    """
    if not all(hasattr(g, name) for name in ("graph", "nodes", "edges", "is_directed")):
        raise DiagramTypeError(
            f"expected a networkx graph (nx.Graph, nx.DiGraph...), not {type(g).__name__}"
        )
    title = g.graph.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        if require_title:
            raise ValidationError(
                "graph attribute 'title' is required: it names the figure for screen "
                'readers, e.g. nx.DiGraph(title="Request flow")'
            )
        title = ""
    title = check_text(title, where="graph attribute 'title'")
    description = check_text(
        g.graph.get("description") or "", where="graph attribute 'description'"
    )
    kind = g.graph.get("kind") or "flow"
    if kind not in KINDS:
        raise UnknownOptionError(
            f"graph attribute 'kind' is {kind!r}; choose one of: {', '.join(KINDS)}"
        )
    direction = g.graph.get("direction") or "TB"
    if direction not in DIRECTIONS:
        raise UnknownOptionError(
            f"graph attribute 'direction' is {direction!r}; choose one of: " + ", ".join(DIRECTIONS)
        )
    if g.number_of_nodes() == 0:
        raise ValidationError(f"graph {title!r} has no nodes: there is nothing to draw")
    nodes = tuple(_read_node(key, data, i) for i, (key, data) in enumerate(g.nodes(data=True)))
    ids = {node.key: node.id for node in nodes}
    multi = g.is_multigraph()
    triples = g.edges(keys=True, data=True) if multi else g.edges(data=True)
    edges = tuple(_read_edge(item[0], item[1], item[-1], i, ids) for i, item in enumerate(triples))
    return Diagram(
        title=title,
        description=description,
        kind=kind,
        direction=DIRECTIONS[direction],
        directed=bool(g.is_directed()),
        nodes=nodes,
        edges=edges,
        groups=_groups(g, nodes),
        dot=_dot_attrs(g.graph.get("dot"), where="graph attribute 'dot'"),
        engine=_engine(g.graph.get("engine")),
        measured_for=_measured_for(g.graph.get("measured_for")),
    )


def _read_edge(u: Hashable, v: Hashable, data: Mapping, index: int, ids: Mapping) -> Edge:
    return Edge(
        id=f"e{index}",
        source=ids[u],
        target=ids[v],
        source_key=u,
        target_key=v,
        label=_edge_text(data, "label", u, v),
        role=_edge_text(data, "role", u, v),
        dot=_dot_attrs(data.get("dot"), where=f"edge {u!r} -> {v!r} attribute 'dot'"),
    )


def _engine(value: Any) -> str | None:
    if value is None or value in ENGINES:
        return value
    raise UnknownOptionError(
        f"graph attribute 'engine' is {value!r}; choose one of: {', '.join(ENGINES)}"
    )


def _measured_for(value: Any) -> tuple[float, float] | None:
    """The type sizes a pinned graph's text was measured at (set by the pinned kinds)."""
    if value is None:
        return None
    where = "graph attribute 'measured_for'"
    if not isinstance(value, Mapping) or set(value) != {"font_size", "note_size"}:
        raise DiagramTypeError(f"{where} must be {{'font_size': px, 'note_size': px}}")
    return _pair((value["font_size"], value["note_size"]), where=where)
