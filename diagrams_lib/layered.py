"""``engine="layered"``: a layered layout for thousands of nodes, in a fraction of dot's time.

``dot`` works in three phases: rank the nodes, order each rank to cut crossings, then
place them (x by a network simplex over every node, bend and edge, which is nearly all
its time on big graphs). Here Graphviz still does the first two: ``dot`` with
``phase=1`` ranks the graph, and with ``phase=2`` orders a copy in which every long
edge is a chain of small nodes, one per rank it passes (so the order of its bends is
known too). :mod:`~diagrams_lib.placement` then places nodes and bends across the
ranks, a few linear-time sweeps, ranks are stacked with dot's spacing, and each
edge is drawn through its bends as Bezier pieces that leave and enter each rank
straight. The crossings are the ones dot's own ordering leaves, since the order is
kept. The result is a :class:`~diagrams_lib.engine.Geometry`, like dot's; edge labels
are placed beside the edges afterwards (:mod:`~diagrams_lib.labels`).

Groups are not supported: their boxes need dot's cluster placement.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from .dot import NODESEP, RANKSEP, geometry_dot
from .engine import Geometry, layout
from .errors import EngineError, ValidationError
from .model import Diagram
from .placement import positions
from .quoting import fmt
from .shapes import SHAPES
from .size import Sizes

__all__ = ["LAYERED", "layout_layered"]

LAYERED = "layered"  # the engine name users pass to render

_NODE_GAP = float(NODESEP) * 72  # px between the boxes of two nodes of a rank
_BEND_GAP = 12.0  # px kept between a bend and its neighbours
_RANK_GAP = float(RANKSEP) * 72  # px between ranks
_ARROW = 8.0  # px, the arrowhead's length (dot's arrowsize 0.8)
_LOOP = 26.0  # px a self-loop reaches beside its node


def _phase(dot_text: str, phase: int, limits: dict) -> dict[str, tuple[int, int]]:
    """Run ``dot`` up to ``phase`` (1: ranks, 2: ranks and orders) through the engine, in
    process or in its limited child as ``limits`` (``render``'s) say: each node's rank
    and order."""
    text = dot_text.replace("{\n", f"{{\ngraph [phase={phase}];\n", 1)
    return layout(text, prog="dot", **limits).orders


def _clip(shape: str, half_w: float, half_h: float, dx: float, dy: float) -> tuple[float, float]:
    """The point of a node's outline in direction (dx, dy) from its centre."""
    if dx == 0 and dy == 0:
        return 0.0, half_h
    a, b = abs(dx) / max(half_w, 1e-9), abs(dy) / max(half_h, 1e-9)
    if shape == "ellipse":
        t = 1 / (a * a + b * b) ** 0.5
    elif shape == "diamond":
        t = 1 / (a + b)
    else:  # a box: leave through the face towards the next rank, not a side
        side = half_w - min(8.0, half_w / 2)
        return max(-side, min(side, dx * half_h / abs(dy))) if dy else dx / a, (
            half_h if dy > 0 else -half_h
        )
    return dx * t, dy * t


class _Frame:
    """Across/along coordinates (along grows rank by rank) turned into Graphviz's
    points for a rank direction."""

    def __init__(self, direction: str, across: float, along: float) -> None:
        self.direction, self.across, self.along = direction, across, along

    def point(self, x: float, y: float) -> tuple[float, float]:
        d = self.direction
        if d == "TB":
            return x, self.along - y
        if d == "BT":
            return x, y
        if d == "LR":
            return y, self.across - x
        return self.along - y, self.across - x

    def text(self, x: float, y: float) -> str:
        gx, gy = self.point(x, y)
        return f"{fmt(gx)},{fmt(gy)}"


def layout_layered(diagram: Diagram, sizes: Sizes, **limits) -> Geometry:
    """Lay ``diagram`` out in ranks (see the module docstring); no edge labels placed.
    ``limits`` (``backend``, ``timeout``, ``isolate``, ``memory_limit``) go to the
    Graphviz runs, as :func:`~diagrams_lib.engine.layout` takes them."""
    if diagram.groups:
        raise ValidationError(
            f"engine 'layered' does not lay out groups (graph {diagram.title!r} has "
            f"{len(diagram.groups)}); use engine 'dot' for grouped graphs"
        )
    plain = replace(sizes, labels={})
    ranks = _phase(geometry_dot(diagram, plain, prog="dot"), 1, limits)
    count = len(diagram.nodes)
    index = {n.id: i for i, n in enumerate(diagram.nodes)}
    rank = [ranks[n.id][0] for n in diagram.nodes]
    # Every edge as a chain of nodes one rank apart, top first; None for flat edges
    # and loops, which span no rank.
    chains: list[list[int] | None] = []
    names = [n.id for n in diagram.nodes]
    lines = []
    for k, edge in enumerate(diagram.edges):
        top, bottom = index[edge.source], index[edge.target]
        if rank[top] > rank[bottom]:
            top, bottom = bottom, top
        if rank[top] == rank[bottom]:
            chains.append(None)
            continue
        chain = [top]
        for step in range(rank[top] + 1, rank[bottom]):
            chain.append(len(names))
            names.append(f"v{k}_{step}")
        chain.append(bottom)
        chains.append(chain)
        lines.append(" -> ".join(names[v] for v in chain) + ";")
    proper = (
        'digraph G {\nnode [label=""];\n'
        + "".join(f"{n};\n" for n in names[:count])
        + "\n".join(lines)
    )
    placed = _phase(proper + "\n}\n", 2, limits)
    try:
        rank_of = [placed[name][0] for name in names]
        order_of = [placed[name][1] for name in names]
    except KeyError as exc:
        raise EngineError(f"Graphviz (dot, phase 2) did not rank node {exc}") from None
    top_rank = min(rank_of, default=0)
    layers: list[list[int]] = [[] for _ in range(max(rank_of, default=0) - top_rank + 1)]
    for v in sorted(range(len(names)), key=lambda v: (rank_of[v], order_of[v], v)):
        layers[rank_of[v] - top_rank].append(v)
    ups: dict[int, list[int]] = {}
    for chain in chains:
        for a, b in zip(chain or (), (chain or ())[1:], strict=False):
            if rank_of[b] != rank_of[a] + 1:
                raise EngineError("Graphviz (dot, phase 2) changed the ranks of a chain")
            ups.setdefault(b, []).append(a)
    vertical = diagram.direction in ("TB", "BT")
    boxes = [sizes.nodes[n.id] for n in diagram.nodes]
    across = [(b.width if vertical else b.height) for b in boxes] + [0.0] * (len(names) - count)
    along = [(b.height if vertical else b.width) for b in boxes]
    looped = {index[e.source] for e in diagram.edges if e.source == e.target}
    room = [w + 2 * _LOOP if v in looped else w for v, w in enumerate(across)]  # loop beside
    xs = positions(
        layers,
        ups,
        widths=room,
        gaps=[_NODE_GAP] * count + [_BEND_GAP] * (len(names) - count),
    )
    thick = [max((along[v] for v in layer if v < count), default=0.0) for layer in layers]
    middles, y = [], 0.0
    for r, t in enumerate(thick):
        y += (thick[r - 1] / 2 + _RANK_GAP if r else 0.0) + t / 2
        middles.append(y)
    ys = [middles[rank_of[v] - top_rank] for v in range(len(names))]
    left = min((xs[v] - room[v] / 2 for v in range(len(names))), default=0.0)
    xs = [x - left for x in xs]
    width = max((xs[v] + room[v] / 2 for v in range(len(names))), default=0.0)
    height = (middles[-1] + thick[-1] / 2) if middles else 0.0
    frame = _Frame(diagram.direction, width, height)
    shapes = [dict(SHAPES[b.shape].clip).get("shape", "box") for b in boxes]
    geo_nodes = {n.id: frame.text(xs[i], ys[i]) for i, n in enumerate(diagram.nodes)}
    edges = {}
    seen: dict[tuple[int, int], int] = {}
    for edge, chain in zip(diagram.edges, chains, strict=True):
        arrow = sizes.edge_styles[edge.id].head != "none"
        s, t = index[edge.source], index[edge.target]
        box = (across[s] / 2, along[s] / 2)
        if chain is None:
            points = _loop(xs[s], ys[s], *box) if s == t else _flat(xs, ys, across, s, t)
        else:
            key = (chain[0], chain[-1])
            seen[key] = seen.get(key, -1) + 1
            nudge = (seen[key] + 1) // 2 * 10.0 * (1 if seen[key] % 2 else -1)
            route = [(xs[v], ys[v]) for v in chain]
            if chain[0] != s:
                route.reverse()
            points = _through(route, shapes[s], shapes[t], box, (across[t] / 2, along[t] / 2))
            if nudge:
                points = [points[0]] + [(x + nudge, y) for x, y in points[1:-1]] + [points[-1]]
        edges[edge.id] = _pos(points, arrow, frame)
    gw, gh = (width, height) if vertical else (height, width)
    return Geometry(
        bb=f"0,0,{fmt(gw)},{fmt(gh)}", nodes=geo_nodes, clusters={}, edges=edges, labels={}
    )


Point = tuple[float, float]


def _through(route: list[Point], start: str, end: str, box_s: Point, box_t: Point) -> list[Point]:
    """Bezier points from the source's outline through the bends to the target's: each
    piece leaves and enters straight along the ranks."""
    (sx, sy), (nx, ny) = route[0], route[1]
    dx, dy = _clip(start, *box_s, nx - sx, ny - sy)
    first = (sx + dx, sy + dy)
    (tx, ty), (px, py) = route[-1], route[-2]
    dx, dy = _clip(end, *box_t, px - tx, py - ty)
    last = (tx + dx, ty + dy)
    stops = [first, *route[1:-1], last]
    points = [first]
    for (ax, ay), (bx, by) in itertools.pairwise(stops):
        mid = (by - ay) / 2
        points += [(ax, ay + mid), (bx, by - mid), (bx, by)]
    return points


def _flat(xs: Sequence[float], ys: Sequence[float], across: Sequence[float], s: int, t: int):
    """An edge within one rank: side to side, straight."""
    sign = 1 if xs[t] >= xs[s] else -1
    a = (xs[s] + sign * across[s] / 2, ys[s])
    b = (xs[t] - sign * across[t] / 2, ys[t])
    return [a, (a[0] + (b[0] - a[0]) / 3, a[1]), (a[0] + 2 * (b[0] - a[0]) / 3, a[1]), b]


def _loop(x: float, y: float, half_w: float, half_h: float) -> list[Point]:
    """A self-loop beside the node."""
    side = x + half_w
    lift = min(half_h * 0.6, 10.0)
    return [
        (side, y - lift),
        (side + _LOOP, y - lift - 14),
        (side + _LOOP, y + lift + 14),
        (side, y + lift),
    ]


def _pos(points: list[Point], arrow: bool, frame: _Frame) -> str:
    """Graphviz's ``pos`` of a route: its points, the last pulled back by the arrowhead
    behind an ``e,`` tip when it has one."""
    if not arrow:
        return " ".join(frame.text(*p) for p in points)
    (cx, cy), (tx, ty) = points[-2], points[-1]
    dx, dy = tx - cx, ty - cy
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    base = (tx - dx / length * _ARROW, ty - dy / length * _ARROW)
    shift = (base[0] - tx, base[1] - ty)
    body = [*points[:-2], (cx + shift[0], cy + shift[1]), base]
    return f"e,{frame.text(tx, ty)} " + " ".join(frame.text(*p) for p in body)
