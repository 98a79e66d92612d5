"""Stage 1, model: a networkx graph read into the validated, immutable diagram the library
draws (its dataclasses are in :mod:`diagrams_lib.diagram`).

The graph is the only source of truth. Only the attributes listed here are read
(anything else on the graph is ignored), and raw Graphviz attributes pass only through
the explicit ``dot`` escape hatch.

>>> import networkx as nx
>>> g = nx.DiGraph(title="Demo")
>>> g.add_edge("a:1", "b", label="next", line="dashed")
>>> d = read_diagram(g)
>>> [(n.id, n.label) for n in d.nodes], d.edges[0].line
([('n0', 'a:1'), ('n1', 'b')], 'dashed')
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from . import attributes as attr
from . import hatch
from .colors import color
from .diagram import (
    ALIGNS,
    DIRECTIONS,
    EDGE_ATTRIBUTES,
    ENGINES,
    GRAPH_ATTRIBUTES,
    KINDS,
    NODE_ATTRIBUTES,
    Diagram,
    Edge,
    Group,
    Node,
)
from .errors import DiagramTypeError, UnknownOptionError, ValidationError
from .fields import Field, field_text, port_index, read_fields
from .quoting import check_text, shown
from .shapes import RECORDS, SHAPES

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


def _colors(data: Mapping, where: str, *names: str) -> dict[str, str | None]:
    out = {}
    for name in names:
        value = data.get(name)
        out[name] = (
            None
            if value is None
            else color(value, where=f"{where} attribute {name!r}", allow_none=name == "fill")
        )
    return out


def _style(data: Mapping, where: str) -> dict[str, Any]:
    """The style attributes nodes and edges share: colours, line style and width."""
    out: dict[str, Any] = _colors(data, where, "color", "text_color")
    out["line"] = None
    if data.get("line") is not None:
        out["line"] = attr.line(data["line"], where=f"{where} attribute 'line'")
    out["line_width"] = None
    if data.get("line_width") is not None:
        where_w = f"{where} attribute 'line_width'"
        out["line_width"] = attr.number(data["line_width"], where=where_w, low=0, high=20)
    return out


MAX_KEY_DEPTH = 32  # a tuple key nested deeper is refused before repr() could recurse
# Graphviz keeps coordinates in ints here and there: a node 1e12 px wide aborts it.
MAX_SIZE = 10_000.0  # px, a node's width or height
MAX_PIN = 1_000_000.0  # points from the origin, either way


def _pin(value: Any, *, where: str) -> tuple[float, float]:
    x, y = attr.pair(value, where=where)
    if max(abs(x), abs(y)) > MAX_PIN:
        raise ValidationError(f"{where} must be within {MAX_PIN:g} points of 0, not {(x, y)!r}")
    return x, y


def _check_key(key: Hashable) -> None:
    """Refuse a key of tuples nested deeper than :data:`MAX_KEY_DEPTH`, without recursing."""
    todo = [(key, 0)]
    while todo:
        value, depth = todo.pop()
        if isinstance(value, (tuple, frozenset)):
            if depth >= MAX_KEY_DEPTH:
                raise ValidationError(
                    f"node {shown(key)} key is nested more than {MAX_KEY_DEPTH} deep"
                )
            todo += [(item, depth + 1) for item in value]


def _read_node(key: Hashable, data: Mapping, index: int) -> Node:
    _check_key(key)
    where = f"node {key!r}"
    check_text(str(key), where=f"{where} key")  # kept in the SVG's data-key
    shape = attr.text(data, "shape", where=where)
    if shape is not None and shape not in SHAPES:
        raise UnknownOptionError(
            f"{where} attribute 'shape' is {shape!r}; choose one of: {', '.join(SHAPES)}"
        )
    fields = None if data.get("fields") is None else read_fields(data["fields"], where=where)
    label = data.get("label")
    if label is None and fields is not None:  # a record is named by its fields' text
        label = field_text(fields)
    if label is None:  # the key is the label: any hashable, shown as its str()
        label = key if isinstance(key, (str, int, float)) else str(key)
    if fields is not None or shape in RECORDS:
        shape = shape or "record"
        if shape not in RECORDS:
            raise ValidationError(
                f"{where} has 'fields', which only shapes {' and '.join(RECORDS)} draw, "
                f"not shape {shape!r}"
            )
        if data.get("note") is not None:
            raise ValidationError(f"{where}: a record node (with 'fields') takes no 'note'")
        fields = fields or (Field(check_text(label, where=f"{where} attribute 'label'")),)
    size = data.get("size")
    size = None if size is None else attr.pair(size, where=f"{where} attribute 'size'")
    if size is not None and (size[0] < 0 or size[1] < 0):
        raise ValidationError(f"{where} attribute 'size' must not be negative: {size!r}")
    if size is not None and max(size) > MAX_SIZE:
        raise ValidationError(
            f"{where} attribute 'size' must be at most {MAX_SIZE:g} px each way: {size!r}"
        )
    pin = data.get("pin")
    return Node(
        key=key,
        id=f"n{index}",
        label=check_text(label, where=f"{where} attribute 'label'"),
        role=attr.text(data, "role", where=where),
        group=attr.text(data, "group", where=where),
        note=attr.text(data, "note", where=where),
        shape=shape,
        **_style(data, where),
        **_colors(data, where, "fill"),
        xlabel=attr.text(data, "xlabel", where=where),
        pin=None if pin is None else _pin(pin, where=f"{where} attribute 'pin'"),
        size=size,
        align=attr.choice(data.get("align", "center"), ALIGNS, where=f"{where} attribute 'align'"),
        link=attr.link(data.get("link"), where=where),
        inset=attr.number(
            data.get("inset", 0.0), where=f"{where} attribute 'inset'", low=-1e6, high=1e6
        ),
        hide_label=attr.flag(
            data.get("hide_label", False), where=f"{where} attribute 'hide_label'"
        ),
        tooltip=attr.text(data, "tooltip", where=where),
        fields=fields,
        rank=attr.text(data, "rank", where=where),
        straight_group=attr.text(data, "straight_group", where=where),
        dot=hatch.read(data.get("dot"), context="node", where=f"{where} attribute 'dot'"),
    )


def _read_edge(u: Hashable, v: Hashable, data: Mapping, index: int, ids: Mapping) -> Edge:
    where = f"edge {u!r} -> {v!r}"

    def optional(name: str, check) -> Any:
        value = data.get(name)
        return None if value is None else check(value, where=f"{where} attribute {name!r}")

    return Edge(
        id=f"e{index}",
        source=ids[u],
        target=ids[v],
        source_key=u,
        target_key=v,
        label=attr.text(data, "label", where=where),
        role=attr.text(data, "role", where=where),
        **_style(data, where),
        arrowhead=optional("arrowhead", attr.arrow),
        arrowtail=optional("arrowtail", attr.arrow),
        dir=optional("dir", lambda value, where: attr.choice(value, attr.DIRS, where=where)),
        head_label=attr.text(data, "head_label", where=where),
        tail_label=attr.text(data, "tail_label", where=where),
        head_port=attr.text(data, "head_port", where=where),
        tail_port=attr.text(data, "tail_port", where=where),
        constraint=optional("constraint", attr.flag),
        weight=optional("weight", attr.weight),
        minlen=optional(
            "minlen", lambda value, where: round(attr.number(value, where=where, low=0, high=100))
        ),
        dot=hatch.read(data.get("dot"), context="edge", where=f"{where} attribute 'dot'"),
    )


def read_diagram(g: Any, *, require_title: bool = True) -> Diagram:
    """Validate a networkx graph and return its :class:`Diagram`.

    Raises :class:`DiagramTypeError` for a non-graph, :class:`ValidationError` for a
    missing title or bad attribute; every message names the node, edge or attribute.
    """
    from .groups import read_groups

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
    kind = attr.choice(g.graph.get("kind") or "flow", KINDS, where="graph attribute 'kind'")
    direction = attr.choice(
        g.graph.get("direction") or "TB", tuple(DIRECTIONS), where="graph attribute 'direction'"
    )
    if g.number_of_nodes() == 0:
        raise ValidationError(f"graph {title!r} has no nodes: there is nothing to draw")
    nodes = tuple(_read_node(key, data, i) for i, (key, data) in enumerate(g.nodes(data=True)))
    ids = {node.key: node.id for node in nodes}
    multi = g.is_multigraph()
    triples = g.edges(keys=True, data=True) if multi else g.edges(data=True)
    edges = tuple(_read_edge(item[0], item[1], item[-1], i, ids) for i, item in enumerate(triples))
    _check_ports(edges, {node.id: node for node in nodes})
    engine = g.graph.get("engine")
    return Diagram(
        title=title,
        description=description,
        kind=kind,
        direction=DIRECTIONS[direction],
        directed=bool(g.is_directed()),
        nodes=nodes,
        edges=edges,
        groups=read_groups(g.graph.get("groups"), nodes),
        dot=hatch.read(g.graph.get("dot"), context="graph", where="graph attribute 'dot'"),
        engine=None
        if engine is None
        else attr.choice(engine, (*ENGINES, "layered"), where="graph attribute 'engine'"),
        measured_for=_measured_for(g.graph.get("measured_for")),
    )


def _check_ports(edges: tuple[Edge, ...], nodes: Mapping[str, Node]) -> None:
    """Each port an edge names is a compass point, or a field port of its node (alone or
    followed by ``:compass``)."""
    for edge in edges:
        for end, port, node_id in (
            ("tail_port", edge.tail_port, edge.source),
            ("head_port", edge.head_port, edge.target),
        ):
            if port is None or port in attr.PORTS:
                continue
            node = nodes[node_id]
            names = port_index(node.fields) if node.fields else {}
            name, _, compass = port.rpartition(":") if port not in names else (port, "", "")
            if name in names and (not compass or compass in attr.PORTS):
                continue
            known = f"its field ports: {', '.join(names)}; " if names else ""
            raise ValidationError(
                f"edge {edge.source_key!r} -> {edge.target_key!r} attribute {end!r} is "
                f"{port!r}, which node {node.key!r} does not have ({known}compass points: "
                f"{', '.join(attr.PORTS)})"
            )


def _measured_for(value: Any) -> tuple[float, float] | None:
    """The type sizes a pinned graph's text was measured at (set by the pinned kinds)."""
    if value is None:
        return None
    where = "graph attribute 'measured_for'"
    if not isinstance(value, Mapping) or set(value) != {"font_size", "note_size"}:
        raise DiagramTypeError(f"{where} must be {{'font_size': px, 'note_size': px}}")
    return attr.pair((value["font_size"], value["note_size"]), where=where)
