"""Brandes-Köpf horizontal coordinates for a layered drawing: linear time, no solver.

``dot`` places nodes across each rank by solving a network simplex over every node,
every virtual node of a long edge and one more node per edge; at a few thousand nodes
that is nearly all of its time (``bench/results.md``). Brandes and Köpf ("Fast and
Simple Horizontal Coordinate Assignment", 2001) get a comparable drawing in linear
time: four times over (aligning with upper or lower neighbours, packing to the left
or the right) each node is put in a vertical *block* with one of its median
neighbours, inner segments of long edges first so they run straight, blocks are packed
as tight as their separations allow, and each node gets the average of its two middle
positions. The packing is the two-pass longest-path form (as dagre has it), which
avoids the recursive ``place_block`` that the original paper's erratum corrects.

Everything is ordered by index, so the same input always gives the same numbers.

A parent over two children of width 10, 5 apart, sits between them:

>>> positions([[0], [1, 2]], {1: [0], 2: [0]}, widths=[10, 10, 10], gaps=[5, 5, 5])
[7.5, 0.0, 15.0]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

__all__ = ["positions"]

Layers = Sequence[Sequence[int]]


def _inverse(layers: Layers, ups: Mapping[int, Sequence[int]]) -> dict[int, list[int]]:
    downs: dict[int, list[int]] = {}
    for layer in layers:
        for v in layer:
            for u in ups.get(v, ()):
                downs.setdefault(u, []).append(v)
    return downs


def _type1_conflicts(
    layers: Layers, ups: Mapping[int, Sequence[int]], virtual: Sequence[bool]
) -> set[tuple[int, int]]:
    """Segments that cross an inner segment (between two virtual nodes): they give way,
    so long edges stay straight."""
    conflicts: set[tuple[int, int]] = set()
    pos = {v: i for layer in layers for i, v in enumerate(layer)}
    for prev, layer in itertools.pairwise(layers):
        k0, scan = 0, 0
        for i, v in enumerate(layer):
            inner = next((u for u in ups.get(v, ()) if virtual[u]), None) if virtual[v] else None
            if inner is None and i != len(layer) - 1:
                continue
            k1 = pos[inner] if inner is not None else len(prev)
            for w in layer[scan : i + 1]:
                for u in ups.get(w, ()):
                    if (pos[u] < k0 or k1 < pos[u]) and not (virtual[u] and virtual[w]):
                        conflicts.add((min(u, w), max(u, w)))
            scan, k0 = i + 1, k1
    return conflicts


def _align(
    layers: Layers, neighbours: Mapping[int, Sequence[int]], conflicts: set[tuple[int, int]]
) -> tuple[dict[int, int], dict[int, int]]:
    """Each node's block (its root) and the next node down its block (``align``)."""
    root = {v: v for layer in layers for v in layer}
    align = dict(root)
    pos = {v: i for layer in layers for i, v in enumerate(layer)}
    for layer in layers:
        last = -1
        for v in layer:
            ws = sorted(neighbours.get(v, ()), key=pos.__getitem__)
            if not ws:
                continue
            mid = (len(ws) - 1) / 2
            for w in ws[int(mid) : int(mid + 0.5) + 1]:
                if align[v] == v and last < pos[w] and (min(v, w), max(v, w)) not in conflicts:
                    align[w] = v
                    root[v] = root[w]
                    align[v] = root[v]
                    last = pos[w]
    return root, align


def _compact(
    layers: Layers, root: dict[int, int], widths: Sequence[float], gaps: Sequence[float]
) -> dict[int, float]:
    """Block positions: as far left as the separations allow, then each block pulled
    right towards its right-hand neighbours where it has room."""
    after: dict[int, dict[int, float]] = {}  # block -> block on its right -> separation
    before: dict[int, dict[int, float]] = {}
    order: list[int] = []
    seen: set[int] = set()
    for layer in layers:
        for left, right in itertools.pairwise(layer):
            a, b = root[left], root[right]
            sep = (widths[left] + widths[right]) / 2 + (gaps[left] + gaps[right]) / 2
            if sep > after.setdefault(a, {}).get(b, float("-inf")):
                after[a][b] = sep
                before.setdefault(b, {})[a] = sep
        for v in layer:
            if root[v] not in seen:
                seen.add(root[v])
                order.append(root[v])
    waiting = {b: len(before.get(b, ())) for b in order}
    ready = [b for b in reversed(order) if not waiting[b]]
    topo: list[int] = []
    while ready:  # Kahn's topological order of the blocks, left to right
        b = ready.pop()
        topo.append(b)
        for c in sorted(after.get(b, ()), reverse=True):
            waiting[c] -= 1
            if not waiting[c]:
                ready.append(c)
    xs: dict[int, float] = {}
    for b in topo:
        xs[b] = max((xs[a] + s for a, s in before.get(b, {}).items()), default=0.0)
    for b in reversed(topo):
        room = min((xs[c] - s for c, s in after.get(b, {}).items()), default=None)
        if room is not None:
            xs[b] = max(xs[b], room)
    return xs


def positions(
    layers: Layers,
    ups: Mapping[int, Sequence[int]],
    *,
    widths: Sequence[float],
    gaps: Sequence[float],
    virtual: Sequence[bool] | None = None,
) -> list[float]:
    """The centre of every node across its layer.

    Args:
        layers: node indices, layer by layer, each in its order (left to right).
        ups: each node's neighbours in the layer above (edges span one layer).
        widths: each node's extent across the layers.
        gaps: each node's share of the gap to its neighbours (half on each side is
            used: the gap between two nodes is the mean of theirs).
        virtual: whether each node is a bend of a long edge.
    """
    count = len(widths)
    virtual = virtual or [False] * count
    downs = _inverse(layers, ups)
    conflicts = _type1_conflicts(layers, ups, virtual)
    runs = []
    for vertical in ("up", "down"):
        rows = list(layers) if vertical == "up" else list(reversed(layers))
        neighbours = ups if vertical == "up" else downs
        for horizontal in ("left", "right"):
            lines = rows if horizontal == "left" else [list(reversed(r)) for r in rows]
            root, _ = _align(lines, neighbours, conflicts)
            blocks = _compact(lines, root, widths, gaps)
            sign = 1.0 if horizontal == "left" else -1.0
            runs.append((horizontal, [sign * blocks[root[v]] for v in range(count)]))
    spans = [
        max(x + widths[v] / 2 for v, x in enumerate(xs))
        - min(x - widths[v] / 2 for v, x in enumerate(xs))
        for _, xs in runs
    ]
    narrowest = runs[spans.index(min(spans))][1]
    aligned = []
    for horizontal, xs in runs:
        shift = min(narrowest) - min(xs) if horizontal == "left" else max(narrowest) - max(xs)
        aligned.append([x + shift for x in xs])
    out = []
    for v in range(count):
        middle = sorted(xs[v] for xs in aligned)[1:3]
        out.append(sum(middle) / 2)
    low = min(out) if out else 0.0
    return [x - low for x in out]
