"""Geometry only: emit the DOT Graphviz lays out, and read the layout back.

Graphviz never sees label text. Nodes are fixed-size boxes, edge labels and
group titles are fixed-size empty HTML tables, so the layout cannot depend on the
fonts installed on a machine. What comes back (``pos``, ``bb``, ``lp``) is turned
into a :class:`Scene` in SVG coordinates (y grows downward, origin top-left).

>>> _inches(72.0)
'1'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .errors import ValidationError
from .model import Diagram, Edge, Group
from .positions import Point, Route, floats, routes
from .quoting import dot_string
from .sizing import GV_SHAPES, LabelBox, NodeBox, size_edge_label, size_nodes
from .text import measure_block
from .theme import EdgeStyle, Theme

__all__ = [
    "Placed",
    "PlacedEdge",
    "PlacedGroup",
    "Scene",
    "build_scene",
    "geometry_dot",
    "layout_program",
]  # fmt: skip

GROUP_LABEL_H = 24.0
GROUP_MARGIN = 14.0


class Placed(NamedTuple):
    """A sized node with its centre."""

    box: NodeBox
    x: float
    y: float


class PlacedEdge(NamedTuple):
    """An edge with its route (in Graphviz's coordinates, see :class:`Scene`) and label
    centre."""

    edge: Edge
    style: EdgeStyle
    route: Route
    label: LabelBox | None
    label_at: Point | None


class PlacedGroup(NamedTuple):
    """A group's rectangle (x, y of the top-left corner)."""

    group: Group
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Scene:
    """Everything placed, in px, origin top-left.

    Positions are Graphviz's own numbers, only flipped (y grows downward): the SVG
    writer rounds each to two decimals once, as it writes it. Only the overall width
    and height are rounded here. Edge routes stay in Graphviz's coordinates: its point
    ``(x, y)`` is the scene's ``(x - origin[0], origin[1] - y)``.
    """

    width: float
    height: float
    nodes: tuple[Placed, ...]
    edges: tuple[PlacedEdge, ...]
    groups: tuple[PlacedGroup, ...]
    origin: Point


@lru_cache(maxsize=1024)  # box sizes repeat: the minimum height, the same label widths
def _inches(px: float) -> str:
    return f"{px / 72:.4f}".rstrip("0").rstrip(".")


def _spacer(width: float, height: float) -> str:
    """An empty fixed-size HTML label: reserves space without measuring text."""
    return (
        f'<<TABLE FIXEDSIZE="TRUE" WIDTH="{round(width)}" HEIGHT="{round(height)}" '
        'BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD></TD></TR></TABLE>>'
    )


def layout_program(diagram: Diagram, engine: str | None) -> str:
    """Pick the Graphviz program: pinned diagrams keep their positions (``nop2``)."""
    pinned = [n for n in diagram.nodes if n.pin is not None]
    engine = engine or diagram.engine
    if not pinned:
        return engine or "dot"
    loose = next((n for n in diagram.nodes if n.pin is None), None)
    if loose is not None:
        raise ValidationError(
            f"node {loose.key!r} has no 'pin' while node {pinned[0].key!r} has one: "
            "pin every node or none"
        )
    if engine not in (None, "neato"):
        raise ValidationError(f"pinned nodes need engine 'neato' (or none), not {engine!r}")
    return "nop2"


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"{k}={v}" for k, v in pairs)


def geometry_dot(diagram: Diagram, boxes: dict[str, NodeBox], labels: dict[str, LabelBox],
                 *, theme: Theme, prog: str) -> str:  # fmt: skip
    """Return the geometry-only DOT text for ``diagram``."""
    return "\n".join(_geometry_lines(diagram, boxes, labels, theme=theme, prog=prog)) + "\n"


def _geometry_lines(diagram, boxes, labels, *, theme, prog) -> Iterator[str]:
    graph = [("rankdir", diagram.direction), ("nodesep", "0.45"), ("ranksep", "0.6"),
             ("pad", "0"), ("margin", "0"), ("outputorder", "edgesfirst")]  # fmt: skip
    if prog == "nop2":
        graph.append(("splines", "false"))
    elif prog != "dot":
        graph += [("overlap", "scale"), ("sep", '"+14"'), ("splines", "true")]
    graph += [(k, dot_string(v)) for k, v in diagram.dot]
    yield "digraph G {"
    yield f"graph [{_attrs(graph)}];"
    yield 'node [shape=box, fixedsize=true, label=""];'
    yield "edge [arrowsize=0.8];"
    if prog != "nop2":
        for group in diagram.groups:
            block = measure_block(group.label, max_width=10_000, size=theme.note_size + 1,
                                  bold=True)  # fmt: skip
            yield f"subgraph cluster_{group.id} {{"
            yield (f"graph [label={_spacer(block.width + 8, GROUP_LABEL_H)}, labeljust=l, "
                   f"labelloc=t, margin={GROUP_MARGIN:g}];")  # fmt: skip
            yield " ".join(f"{m};" for m in group.members)
            yield "}"
    for node in diagram.nodes:
        box = boxes[node.id]
        if node.pin is None and not node.dot and GV_SHAPES.get(box.shape, "box") == "box":
            yield f"{node.id} [width={_inches(box.width)}, height={_inches(box.height)}];"
            continue
        attrs = [("width", _inches(box.width)), ("height", _inches(box.height))]
        if box.gv_shape != "box":
            attrs.append(("shape", box.gv_shape))
        if node.pin is not None:
            attrs.append(("pos", f'"{node.pin[0]:.2f},{node.pin[1]:.2f}!"'))
        attrs += [(k, dot_string(v)) for k, v in node.dot]
        yield f"{node.id} [{_attrs(attrs)}];"
    styles: dict[str | None, EdgeStyle] = {}
    for edge in diagram.edges:
        style = styles.get(edge.role)
        if style is None:  # looked up once per role; an unknown role names its first edge
            style = styles[edge.role] = theme.edge_style(
                edge.role, where=f"edge {edge.source_key!r} -> {edge.target_key!r}")
        if style.arrow and diagram.directed and not edge.dot and edge.id not in labels:
            yield f"{edge.source} -> {edge.target} [id={edge.id}];"  # most edges
            continue
        attrs = [("id", edge.id)]
        if not (style.arrow and diagram.directed):
            attrs.append(("arrowhead", "none"))
        label = labels.get(edge.id)
        if label is not None:
            attrs.append(("label", _spacer(label.width, label.height)))
        attrs += [(k, dot_string(v)) for k, v in edge.dot]
        yield f"{edge.source} -> {edge.target} [{_attrs(attrs)}];"
    yield "}"


def build_scene(diagram: Diagram, *, theme: Theme, max_label_width: float,
                run: Any, engine: str | None = None) -> Scene:  # fmt: skip
    """Size, lay out (through ``run(dot_text, prog)``, which returns a
    :class:`~diagrams_lib.engine.Geometry`) and place ``diagram``."""
    boxes = size_nodes(diagram.nodes, theme=theme, max_width=max_label_width)
    labels = {}
    for edge in diagram.edges:
        if edge.label:  # most edges have none: size_edge_label() would say None
            labels[edge.id] = size_edge_label(edge, theme=theme, max_width=max_label_width)
    prog = layout_program(diagram, engine)
    geo = run(geometry_dot(diagram, boxes, labels, theme=theme, prog=prog), prog)
    llx, lly, urx, ury = floats(geo.bb)

    def flip(x: float, y: float) -> Point:
        return (x - llx, ury - y)

    nodes = []
    for node in diagram.nodes:
        x, y = geo.nodes[node.id].split(",")
        nodes.append(_NEW(Placed, (boxes[node.id], float(x) - llx, ury - float(y))))
    edges = []
    styles = {role: theme.edge_style(role) for role in {e.role for e in diagram.edges}}
    poses, lps = geo.edges, geo.labels
    for edge, line in zip(diagram.edges, routes([poses.get(e.id, "") for e in diagram.edges]),
                          strict=True):  # fmt: skip
        label = labels.get(edge.id)
        lp = lps.get(edge.id) if label is not None else None
        edges.append(_NEW(PlacedEdge, (edge, styles[edge.role], line, label,
                                       flip(*floats(lp)) if lp else None)))  # fmt: skip
    groups = tuple(_place_group(g, geo.clusters.get(g.id), nodes, flip) for g in diagram.groups)
    return Scene(round(urx - llx, 2), round(ury - lly, 2), tuple(nodes), tuple(edges), groups,
                 (llx, ury))  # fmt: skip


_NEW = tuple.__new__  # a Placed or PlacedEdge from its fields, without NamedTuple's parsing


def _place_group(group: Group, bb: str | None, nodes: list[Placed], flip) -> PlacedGroup:
    if bb:
        x0, y0, x1, y1 = floats(bb)
        (ax, ay), (bx, by) = flip(x0, y1), flip(x1, y0)
        return PlacedGroup(group, ax, ay, bx - ax, by - ay)
    members = [p for p in nodes if p.box.node.id in group.members]
    left = min(p.x - p.box.width / 2 for p in members) - GROUP_MARGIN
    right = max(p.x + p.box.width / 2 for p in members) + GROUP_MARGIN
    top = min(p.y - p.box.height / 2 for p in members) - GROUP_MARGIN - GROUP_LABEL_H
    bottom = max(p.y + p.box.height / 2 for p in members) + GROUP_MARGIN
    return PlacedGroup(group, left, top, right - left, bottom - top)
