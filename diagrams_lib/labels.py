"""Edge labels put beside their routed edges after the layout, for big graphs.

``dot`` lays an edge label out as a node of its own, and a single labelled edge makes
it give every edge of the graph a rank for labels: twice the ranks, and from a few
hundred nodes on a layout that costs three times as much (``bench/results.md``). So
past :data:`LABEL_RANKS_UP_TO` nodes the layout is made without the labels, and
:func:`place_labels` puts each label beside its own edge: at the first of a few places
along the route, from its middle outwards, where the label's box (which keeps
``LABEL_CLEARANCE`` px around the drawn background) overlaps no node, no group title
and no label placed before it, preferring places that no other edge runs under. A label
that finds no such place gets one made for it: the drawing is cut across, between two
ranks where the edge passes, and the part beyond the cut is moved away by the label's
size; the label sits in the empty strip, beside its edge. So no label ever covers a
node or another label, whatever the graph.

Positions are Graphviz's (points, y up), read from and written back to a
:class:`~diagrams_lib.engine.Geometry`, so the later stages do not know the difference.

>>> from diagrams_lib.engine import Geometry
>>> geo = Geometry(bb="0,0,40,200", nodes={"a": "20,180", "b": "20,20"}, clusters={},
...                edges={"e0": "e,20,40 20,160 20,120 20,80 20,45"}, labels={})
>>> placed = place_labels(geo, {"a": (40, 40), "b": (40, 40)}, {"e0": (30, 20)},
...                       direction="TB")
>>> placed.labels
{'e0': '35,102.5'}
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from .engine import Geometry
from .label_geometry import Route, along, beside, move, xy
from .positions import floats
from .quoting import fmt

__all__ = ["LABEL_RANKS_UP_TO", "place_labels", "uses_label_ranks"]

# Up to this many nodes dot gives edge labels ranks of their own: it looks best, and
# costs at most about 40 ms more (bench/results.md); past it the labels are placed here.
LABEL_RANKS_UP_TO = 300
# px, sides of the cells of the grids that find the boxes and the lines near a box:
# lines are long and few are looked at, so their cells are larger.
_CELL, _LINE_CELL = 64.0, 256.0
_STEPS = 8  # points sampled on each Bezier piece of a labelled edge
# Where along its route a label is tried first: the middle, then outwards.
_ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.1, 0.9)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Point = tuple[float, float]


def uses_label_ranks(node_count: int, edge_labels: str = "auto") -> bool:
    """Whether ``dot`` lays the edge labels out itself (``edge_labels="ranks"``, or
    ``"auto"`` up to :data:`LABEL_RANKS_UP_TO` nodes) or they are placed afterwards.

    >>> uses_label_ranks(20), uses_label_ranks(2000), uses_label_ranks(20, "placed")
    (True, False, False)
    """
    if edge_labels == "auto":
        return node_count <= LABEL_RANKS_UP_TO
    return edge_labels == "ranks"


class _Grid:
    """Items by the cells of a square grid that their bounding box touches: which items
    are near a box."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def keys(self, box: Box) -> list[tuple[int, int]]:
        cell = self.cell
        x0, x1 = (box[0], box[2]) if box[0] <= box[2] else (box[2], box[0])
        y0, y1 = (box[1], box[3]) if box[1] <= box[3] else (box[3], box[1])
        rows = range(int(y0 // cell), int(y1 // cell) + 1)
        return [(i, j) for i in range(int(x0 // cell), int(x1 // cell) + 1) for j in rows]

    def add(self, item: Box) -> None:
        cells = self.cells
        for key in self.keys(item):
            if key in cells:
                cells[key].append(item)
            else:
                cells[key] = [item]

    def hits(self, box: Box, test: Callable[[Box, Box], bool]) -> bool:
        return any(test(box, item) for key in self.keys(box) for item in self.cells.get(key, ()))


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crosses(box: Box, seg: Box) -> bool:
    """Whether the segment ``seg`` (x0, y0, x1, y1) runs through the inside of ``box``
    (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = seg
    t0, t1 = 0.0, 1.0
    for p, q in (
        (x0 - x1, x0 - box[0]),
        (x1 - x0, box[2] - x0),
        (y0 - y1, y0 - box[1]),
        (y1 - y0, box[3] - y0),
    ):
        if p == 0:
            if q <= 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return True


class _Layout:
    """The geometry as numbers that a cut can move."""

    def __init__(self, geometry: Geometry, sizes: Mapping[str, tuple[float, float]]) -> None:
        self.geometry = geometry
        self.bb = floats(geometry.bb)
        self.nodes = {k: floats(v) for k, v in geometry.nodes.items()}
        self.sizes = sizes
        self.clusters = {k: floats(v) for k, v in geometry.clusters.items()}
        self.routes = {k: Route(v) for k, v in geometry.edges.items()}
        self.labels: dict[str, list[float]] = {}  # centres
        self.anchors: dict[str, list[float]] = {}  # the points of the lines they touch
        self.cuts = 0

    def node_boxes(self) -> Iterator[Box]:
        for key, (x, y) in self.nodes.items():
            w, h = self.sizes[key]
            yield (x - w / 2, y - h / 2, x + w / 2, y + h / 2)

    def cut(self, axis: int, at: float, by: float) -> None:
        """Move everything below ``at`` on ``axis`` (0: x, 1: y) by ``by`` further down."""

        for p in self.nodes.values():
            move(p, axis, at, by)
        for key, p in self.labels.items():  # a label goes where the point it touches goes
            if self.anchors[key][axis] < at:
                p[axis] -= by
                self.anchors[key][axis] -= by
        for route in self.routes.values():
            route.cut(axis, at, by)
        for bb in self.clusters.values():
            move(bb, axis, at, by)
            move(bb, axis + 2, at, by)
        self.bb[axis] -= by
        self.cuts += 1

    def result(self, sizes: Mapping[str, tuple[float, float]]) -> Geometry:
        """The geometry with the labels' centres, and grown to hold their boxes."""
        bb = [*self.bb]
        for key, (x, y) in self.labels.items():
            w, h = sizes[key]
            bb[0], bb[1] = min(bb[0], x - w / 2), min(bb[1], y - h / 2)
            bb[2], bb[3] = max(bb[2], x + w / 2), max(bb[3], y + h / 2)
        g = self.geometry
        labels = g.labels | {k: xy(v) for k, v in self.labels.items()}
        if not self.cuts:
            edges, nodes, clusters = g.edges, g.nodes, g.clusters
        else:
            nodes = {k: xy(v) for k, v in self.nodes.items()}
            clusters = {k: ",".join(fmt(v) for v in bb) for k, bb in self.clusters.items()}
            edges = {k: r.text(g.edges[k]) for k, r in self.routes.items()}
        text = g.bb if bb == self.bb and not self.cuts else ",".join(fmt(v) for v in bb)
        return Geometry(bb=text, nodes=nodes, clusters=clusters, edges=edges, labels=labels)


def _bands(boxes: list[Box], axis: int) -> list[tuple[float, float]]:
    """The empty bands between ranks along ``axis``: the gaps in the union of the boxes'
    extents on that axis."""
    spans = sorted((b[axis], b[axis + 2]) for b in boxes)
    gaps, reach = [], spans[0][1] if spans else 0.0
    for lo, hi in spans[1:]:
        if lo > reach:
            gaps.append((reach, lo))
        reach = max(reach, hi)
    return gaps


def place_labels(
    geometry: Geometry,
    nodes: Mapping[str, tuple[float, float]],
    labels: Mapping[str, tuple[float, float]],
    *,
    direction: str,
    titles: Mapping[str, tuple[float, float]] | None = None,
) -> Geometry:
    """``geometry`` with a centre (``lp``) for each edge label, placed beside its edge.

    Args:
        geometry: a layout made without the labels.
        nodes: each node's box size (width, height) in px, by node id.
        labels: each labelled edge's box size by edge id, in the order to place them.
        direction: the layout's rank direction (``TB``, ``LR``, ``BT``, ``RL``).
        titles: each group's title box size, at the top left of its cluster.
    """
    lay = _Layout(geometry, nodes)
    axis = 1 if direction in ("TB", "BT") else 0
    titles = titles or {}
    hard, lines = _index(lay, labels, titles)
    cuts = 0
    for edge_id, (w, h) in labels.items():
        route = lay.routes.get(edge_id)
        curve = route.curve() if route is not None else []
        if len(curve) < 2:
            continue
        found = _free_box(route, curve, w, h, hard, lines)
        if found is None:
            found = _cut_for(lay, route, w, h, axis, lambda: _boxes(lay, labels, titles))
        box, anchor = found
        lay.labels[edge_id] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]
        lay.anchors[edge_id] = [*anchor]
        if lay.cuts != cuts:  # positions moved: index them again
            hard, lines, cuts = *_index(lay, labels, titles), lay.cuts
        else:
            hard.add(box)
    return lay.result(labels)


def _boxes(
    lay: _Layout, labels: Mapping[str, tuple[float, float]], titles: Mapping[str, tuple]
) -> list[Box]:
    """What a label may not cover: nodes, group titles and the labels placed so far."""
    out = list(lay.node_boxes())
    for key, (w, h) in titles.items():
        if key in lay.clusters:
            x0, _, _, y1 = lay.clusters[key]
            out.append((x0, y1 - h, x0 + w, y1))
    for key, (x, y) in lay.labels.items():
        w, h = labels[key]
        out.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return out


def _index(lay: _Layout, labels, titles) -> tuple[_Grid, _Grid]:
    """Grids of what a label may not cover, and of the edges' lines."""
    hard, lines = _Grid(_CELL), _Grid(_LINE_CELL)
    for box in _boxes(lay, labels, titles):
        hard.add(box)
    for route in lay.routes.values():
        for seg in route.segments():
            lines.add(seg)
    return hard, lines


def _free_box(
    route: Route, curve: list[Point], w: float, h: float, hard: _Grid, lines: _Grid
) -> tuple[Box, Point] | None:
    """The first box beside ``route`` that covers no node or label, preferring one that
    no other edge runs under, and the point of the line it touches; None when every
    place tried is taken."""
    own = set(route.segments())
    free = [
        (box, at)
        for point in along(curve, _ALONG)
        for box, at in beside(*point, w, h)
        if not hard.hits(box, _overlap)
    ]
    for box, at in free:
        if not lines.hits(box, lambda b, seg: seg not in own and _crosses(b, seg)):
            return box, at
    return free[0] if free else None


def _free_line(
    band: tuple[float, float], curve: list[Point], axis: int, length: float, taken: list[Box]
) -> float:
    """Where in ``band`` to cut: its middle, or the nearest line to it that runs through
    no label near where the route crosses the band, so the new strip is empty there."""
    centre = (band[0] + band[1]) / 2
    near = min(curve, key=lambda p: abs(p[axis] - centre))[1 - axis]
    spans = [
        (b[axis], b[axis + 2])
        for b in taken
        if b[1 - axis] < near + 2 * length and b[3 - axis] > near - 2 * length
    ]
    lines = [centre] + [v for span in spans for v in span if band[0] <= v <= band[1]]
    free = [v for v in lines if not any(lo < v < hi for lo, hi in spans)]
    return min(free, key=lambda v: (abs(v - centre), v)) if free else centre


def _cut_for(
    lay: _Layout, route: Route, w: float, h: float, axis: int, taken: Callable[[], list[Box]]
) -> tuple[Box, Point]:
    """Make room for a ``w`` x ``h`` label beside ``route``: cut the drawing across
    ``axis`` in the empty band between ranks nearest the middle of the route (one it
    passes through when it can), move all beyond the cut away by the label's size, and
    return the label's box in the empty strip, beside the route, and the point of the
    route it is measured from."""
    size, length = (h, w) if axis == 1 else (w, h)
    curve = route.curve()
    middle = along(curve, [0.5])[0][0][axis]
    low, high = min(p[axis] for p in curve), max(p[axis] for p in curve)
    bands = _bands(list(lay.node_boxes()), axis)

    def preference(band: tuple[float, float]) -> tuple[bool, float]:
        centre = (band[0] + band[1]) / 2
        return (not low <= centre <= high, abs(centre - middle))

    if bands:
        band = min(bands, key=preference)
        at = _free_line(band, curve, axis, length, taken())
    else:  # one rank: open the strip just beyond it
        at = min(b[axis] for b in lay.node_boxes())
    lay.cut(axis, at, size)
    moved = taken()
    centre = at - size / 2
    curve = route.curve()
    crossing = min(curve, key=lambda p: abs(p[axis] - centre))[1 - axis]
    across = sorted(
        (b[1 - axis], b[3 - axis]) for b in moved if b[axis] < at and b[axis + 2] > at - size
    )
    starts = [crossing, crossing - length]
    for lo, hi in across:
        starts += [hi, lo - length]
    fits = [s for s in starts if all(s + length <= lo or s >= hi for lo, hi in across)]
    start = min(fits, key=lambda s: (abs(s + length / 2 - crossing), -s))
    if axis == 1:
        return (start, at - size, start + length, at), (crossing, centre)
    return (at - size, start, at, start + length), (centre, crossing)
