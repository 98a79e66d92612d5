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
from .theme import EdgeStyle, Theme

__all__ = ["PlacedEdge", "PlacedGroup", "PlacedNode", "Scene", "place"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedNode:
    """A sized node and its centre."""

    box: NodeBox
    x: float
    y: float


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedEdge:
    """An edge with its style, route (Graphviz's coordinates) and label centre."""

    edge: Edge
    style: EdgeStyle
    route: Route
    label: LabelBox | None
    label_at: Point | None


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


def place(diagram: Diagram, sizes: Sizes, geometry: Geometry, *, theme: Theme) -> Scene:
    """Stage 5: every node, edge and group of ``diagram`` where ``geometry`` puts it.

    Raises :class:`EngineError` when a position is not what Graphviz writes (an escape
    hatch attribute can change its output).
    """
    try:
        return _place(diagram, sizes, geometry, theme=theme)
    except (ValueError, KeyError) as exc:
        raise EngineError(
            f"cannot read the layout Graphviz returned: {exc}; a 'dot' "
            "attribute may have changed its output"
        ) from exc


def _place(diagram: Diagram, sizes: Sizes, geometry: Geometry, *, theme: Theme) -> Scene:
    llx, lly, urx, ury = floats(geometry.bb)

    def flip(x: float, y: float) -> Point:
        return (x - llx, ury - y)

    nodes = []
    for node in diagram.nodes:
        x, y = floats(geometry.nodes[node.id])
        nodes.append(PlacedNode(box=sizes.nodes[node.id], x=x - llx, y=ury - y))
    edges = []
    for edge in diagram.edges:
        label = sizes.labels.get(edge.id)
        lp = geometry.labels.get(edge.id) if label is not None else None
        edges.append(
            PlacedEdge(
                edge=edge,
                style=theme.edge_style(edge.role),
                route=route(geometry.edges.get(edge.id, "")),
                label=label,
                label_at=flip(*floats(lp)) if lp else None,
            )
        )
    groups = tuple(
        _place_group(g, geometry.clusters.get(g.id), nodes, flip) for g in diagram.groups
    )
    return Scene(
        width=round(urx - llx, 2),
        height=round(ury - lly, 2),
        nodes=tuple(nodes),
        edges=tuple(edges),
        groups=groups,
        origin=(llx, ury),
    )


def _place_group(group: Group, bb: str | None, nodes: list[PlacedNode], flip) -> PlacedGroup:
    """The group's cluster box, or (pinned diagrams have no clusters) a box around its
    members with room for the title."""
    if bb:
        x0, y0, x1, y1 = floats(bb)
        (ax, ay), (bx, by) = flip(x0, y1), flip(x1, y0)
        return PlacedGroup(group=group, x=ax, y=ay, width=bx - ax, height=by - ay)
    members = [p for p in nodes if p.box.node.id in group.members]
    left = min(p.x - p.box.width / 2 for p in members) - GROUP_MARGIN
    right = max(p.x + p.box.width / 2 for p in members) + GROUP_MARGIN
    top = min(p.y - p.box.height / 2 for p in members) - GROUP_MARGIN - GROUP_TITLE_H
    bottom = max(p.y + p.box.height / 2 for p in members) + GROUP_MARGIN
    return PlacedGroup(group=group, x=left, y=top, width=right - left, height=bottom - top)
