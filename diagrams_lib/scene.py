"""Stage 5, scene: the sized diagram placed where the layout put it, ready to draw.

Node centres, label centres and group boxes are flipped into SVG coordinates (origin at
the top left, y growing downward). Edge routes stay in Graphviz's coordinates (see
:class:`Scene`), so their numbers reach the SVG as Graphviz wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dot import GROUP_MARGIN
from .engine import Geometry
from .errors import EngineError
from .model import Diagram, Edge, Group
from .positions import Point, Route, floats, route
from .size import GROUP_TITLE_H, LabelBox, NodeBox, Sizes
from .theme import EdgeStyle

__all__ = ["PlacedEdge", "PlacedGroup", "PlacedNode", "Scene", "place"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedNode:
    """A sized node and its centre, and its ``xlabel`` (box and centre), if any."""

    box: NodeBox
    x: float
    y: float
    xlabel: LabelBox | None = None
    xlabel_at: Point | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedEdge:
    """An edge with its style, route (Graphviz's coordinates) and label centre."""

    edge: Edge
    style: EdgeStyle
    route: Route
    label: LabelBox | None
    label_at: Point | None
    head_label: LabelBox | None = None
    head_label_at: Point | None = None
    tail_label: LabelBox | None = None
    tail_label_at: Point | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedGroup:
    """A group's rectangle (x, y of the top-left corner)."""

    group: Group
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Scene:
    """Everything placed, in px, origin top-left.

    Positions are Graphviz's own numbers, only flipped (y grows downward): the SVG
    writer rounds each to two decimals as it writes it. Edge routes stay in Graphviz's
    coordinates: its point ``(x, y)`` is the scene's ``(x - origin[0], origin[1] - y)``.
    """

    width: float
    height: float
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    groups: tuple[PlacedGroup, ...]
    origin: Point


def place(diagram: Diagram, sizes: Sizes, geometry: Geometry) -> Scene:
    """Stage 5: every node, edge and group of ``diagram`` where ``geometry`` puts it.

    Raises :class:`EngineError` when a position is not what Graphviz writes (an escape
    hatch attribute can change its output).
    """
    try:
        return _place(diagram, sizes, geometry)
    except (ValueError, KeyError) as exc:
        raise EngineError(
            f"cannot read the layout Graphviz returned: {exc}; a 'dot' "
            "attribute may have changed its output"
        ) from exc


def _place(diagram: Diagram, sizes: Sizes, geometry: Geometry) -> Scene:
    llx, lly, urx, ury = floats(geometry.bb)

    def flip(x: float, y: float) -> Point:
        return (x - llx, ury - y)

    def at(found: dict[str, str], name: str, box: LabelBox | None) -> Point | None:
        text = found.get(name) if box is not None else None
        return flip(*floats(text)) if text else None

    nodes = []
    for node in diagram.nodes:
        x, y = floats(geometry.nodes[node.id])
        xlabel = sizes.xlabels.get(node.id)
        nodes.append(
            PlacedNode(
                box=sizes.nodes[node.id],
                x=x - llx,
                y=ury - y,
                xlabel=xlabel,
                xlabel_at=at(geometry.xlabels, node.id, xlabel),
            )
        )
    edges = []
    for edge in diagram.edges:
        label = sizes.labels.get(edge.id)
        head = sizes.end_labels.get((edge.id, "head"))
        tail = sizes.end_labels.get((edge.id, "tail"))
        edges.append(
            PlacedEdge(
                edge=edge,
                style=sizes.edge_styles[edge.id],
                route=route(geometry.edges.get(edge.id, "")),
                label=label,
                label_at=at(geometry.labels, edge.id, label),
                head_label=head,
                head_label_at=at(geometry.head_labels, edge.id, head),
                tail_label=tail,
                tail_label_at=at(geometry.tail_labels, edge.id, tail),
            )
        )
    groups: dict[str, PlacedGroup] = {}
    for group in reversed(diagram.groups):  # children first: a pinned parent boxes them
        groups[group.id] = _place_group(
            group,
            geometry.clusters.get(group.id),
            nodes,
            [groups[g.id] for g in diagram.groups if g.parent == group.id],
            flip,
        )
    return Scene(
        width=round(urx - llx, 2),
        height=round(ury - lly, 2),
        nodes=tuple(nodes),
        edges=tuple(edges),
        groups=tuple(groups[g.id] for g in diagram.groups),
        origin=(llx, ury),
    )


def _place_group(
    group: Group, bb: str | None, nodes: list[PlacedNode], inner: list[PlacedGroup], flip
) -> PlacedGroup:
    """The group's cluster box, or (pinned diagrams have no clusters) a box around its
    members and inner groups, with room for the title."""
    if bb:
        x0, y0, x1, y1 = floats(bb)
        (ax, ay), (bx, by) = flip(x0, y1), flip(x1, y0)
        return PlacedGroup(group=group, x=ax, y=ay, width=bx - ax, height=by - ay)
    boxes = [
        (
            p.x - p.box.width / 2,
            p.y - p.box.height / 2,
            p.x + p.box.width / 2,
            p.y + p.box.height / 2,
        )
        for p in nodes
        if p.box.node.id in group.members
    ]
    boxes += [(g.x, g.y, g.x + g.width, g.y + g.height) for g in inner]
    title = GROUP_TITLE_H if group.label else 0.0
    left = min(b[0] for b in boxes) - GROUP_MARGIN
    right = max(b[2] for b in boxes) + GROUP_MARGIN
    top = min(b[1] for b in boxes) - GROUP_MARGIN - title
    bottom = max(b[3] for b in boxes) + GROUP_MARGIN
    return PlacedGroup(group=group, x=left, y=top, width=right - left, height=bottom - top)
