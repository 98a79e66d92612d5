"""Edge crossings of a drawing, counted on the lines as drawn, whatever engine drew them.

Each edge is a polyline (Bezier pieces flattened into :data:`STEPS` segments each); two
edges that share no end node cross once for every point where their lines meet. A grid
of cells finds the candidate pairs, so a few thousand edges take seconds, not minutes.

>>> crossings({"a": [(0, 0), (10, 10)], "b": [(0, 10), (10, 0)], "c": [(20, 0), (30, 0)]})
1
>>> crossings({"a": [(0, 0), (10, 10)], "b": [(0, 10), (10, 0)]}, ends={"a": ("x", "y"),
...                                                                     "b": ("x", "z")})
0
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

STEPS = 8  # segments per Bezier piece
CELL = 40.0

Point = tuple[float, float]


def polyline(pos: str) -> list[Point]:
    """The line of a Graphviz ``pos`` (Bezier pieces, arrow ends left out), flattened."""
    out: list[Point] = []
    for spline in pos.split(";"):
        pts = [
            tuple(float(v) for v in token.split(","))
            for token in spline.split()
            if not token.startswith(("e,", "s,"))
        ]
        if len(pts) % 3 != 1:
            out += pts
            continue
        out.append(pts[0])
        for k in range(0, len(pts) - 1, 3):
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = pts[k : k + 4]
            for s in range(1, STEPS + 1):
                t = s / STEPS
                u = 1 - t
                out.append(
                    (
                        u**3 * ax + 3 * u * u * t * bx + 3 * u * t * t * cx + t**3 * dx,
                        u**3 * ay + 3 * u * u * t * by + 3 * u * t * t * cy + t**3 * dy,
                    )
                )
    return out


def _side(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    d1, d2 = _side(r, s, p), _side(r, s, q)
    d3, d4 = _side(p, q, r), _side(p, q, s)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def _cells(p: Point, q: Point) -> list[tuple[int, int]]:
    """The grid cells the segment from ``p`` to ``q`` passes through (Amanatides-Woo),
    not its whole bounding box, which for a long diagonal would be thousands.

    >>> _cells((0, 0), (100, 10))
    [(0, 0), (1, 0), (2, 0)]
    """
    x0, y0, x1, y1 = p[0] / CELL, p[1] / CELL, q[0] / CELL, q[1] / CELL
    i, j = math.floor(x0), math.floor(y0)
    steps = abs(math.floor(x1) - i) + abs(math.floor(y1) - j)
    di, dj = (1 if x1 > x0 else -1), (1 if y1 > y0 else -1)
    dx, dy = abs(x1 - x0), abs(y1 - y0)
    step_x = 1 / dx if dx else math.inf
    step_y = 1 / dy if dy else math.inf
    next_x = ((i + 1 - x0) if di > 0 else (x0 - i)) * step_x if dx else math.inf
    next_y = ((j + 1 - y0) if dj > 0 else (y0 - j)) * step_y if dy else math.inf
    out = [(i, j)]
    for _ in range(steps):
        if next_x < next_y:
            next_x += step_x
            i += di
        else:
            next_y += step_y
            j += dj
        out.append((i, j))
    return out


def crossings(
    lines: Mapping[str, Sequence[Point]], *, ends: Mapping[str, tuple[str, str]] | None = None
) -> int:
    """How many times the lines of edges that share no end node cross."""
    ends = ends or {}
    cells: dict[tuple[int, int], list[tuple[str, Point, Point]]] = {}
    for name, pts in lines.items():
        for p, q in itertools.pairwise(pts):
            for key in _cells(p, q):
                cells.setdefault(key, []).append((name, p, q))
    found: set[tuple[str, Point, Point, str, Point, Point]] = set()
    for segs in cells.values():
        for (a, p, q), (b, r, s) in itertools.combinations(segs, 2):
            if a == b or set(ends.get(a, (a,))) & set(ends.get(b, (b,))):
                continue
            if _cross(p, q, r, s):
                found.add((a, p, q, b, r, s) if a < b else (b, r, s, a, p, q))
    return len(found)
