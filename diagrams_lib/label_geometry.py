"""Geometry of the edge-label placement (:mod:`diagrams_lib.labels`): an edge's route as
numbers a cut can move, points along it, and the boxes beside it a label may take.

>>> [round(v, 2) for v in bezier([[0, 0], [0, 1], [1, 1], [1, 0]], 0.5)]
[0.5, 0.75]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence

from .positions import floats
from .quoting import fmt

__all__ = ["Route", "along", "beside", "bezier", "cut_piece", "move", "onward", "split", "xy"]

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Point = tuple[float, float]
_STEPS = 8  # points sampled on each Bezier piece of a labelled edge


class Route:
    """An edge's ``pos``, as its parts' points (mutable, for cuts) and its arrow ends."""

    def __init__(self, pos: str) -> None:
        self.parts: list[tuple[list[list[float]], list[list[float]]]] = []
        for spline in pos.split(";"):
            points, ends = [], []
            for token in spline.split():
                target = ends if token.startswith(("e,", "s,")) else points
                target.append(floats(token[2:] if target is ends else token))
            self.parts.append((points, ends))

    def points(self) -> Iterator[list[float]]:
        for points, ends in self.parts:
            yield from points
            yield from ends

    def cut(self, axis: int, at: float, by: float) -> None:
        """Move the line's stretch below ``at`` on ``axis`` by ``by`` further down, each
        side keeping its exact shape (see :func:`cut_piece`)."""
        for points, ends in self.parts:
            for p in ends:
                move(p, axis, at, by)
            if len(points) % 3 != 1:
                for p in points:
                    move(p, axis, at, by)
                continue
            out = [points[0]]
            for k in range(0, len(points) - 1, 3):
                out[-1:] = cut_piece(points[k : k + 4], axis, at, by)
            points[:] = out

    def text(self, original: str) -> str:
        splines = []
        for (points, ends), spline in zip(self.parts, original.split(";"), strict=True):
            heads = [t[:2] for t in spline.split() if t.startswith(("e,", "s,"))]
            tokens = [f"{h}{xy(p)}" for h, p in zip(heads, ends, strict=True)]
            splines.append(" ".join(tokens + [xy(p) for p in points]))
        return ";".join(splines)

    def curve(self) -> list[Point]:
        """Points along the drawn line, :data:`_STEPS` on each Bezier piece."""
        out: list[Point] = []
        for points, _ in self.parts:
            if len(points) % 3 != 1:  # not Beziers: the points themselves
                out += [(p[0], p[1]) for p in points]
                continue
            out.append((points[0][0], points[0][1]))
            for k in range(0, len(points) - 1, 3):
                (ax, ay), (bx, by), (cx, cy), (dx, dy) = points[k : k + 4]
                for s in range(1, _STEPS + 1):
                    t = s / _STEPS
                    u = 1 - t
                    w0, w1, w2, w3 = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                    out.append(
                        (
                            w0 * ax + w1 * bx + w2 * cx + w3 * dx,
                            w0 * ay + w1 * by + w2 * cy + w3 * dy,
                        )
                    )
        return out

    def segments(self) -> Iterator[Box]:
        """The control polygon, which holds the curve: close enough to tell which boxes
        the line runs through."""
        for points, _ in self.parts:
            for a, b in itertools.pairwise(points):
                yield (a[0], a[1], b[0], b[1])


def move(p: list[float], axis: int, at: float, by: float) -> None:
    if p[axis] < at:
        p[axis] -= by


def bezier(piece: list[list[float]], t: float) -> list[float]:
    u = 1 - t
    w = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
    return [sum(wk * p[i] for wk, p in zip(w, piece, strict=True)) for i in (0, 1)]


def split(piece: list[list[float]], t: float) -> tuple[list[list[float]], list[list[float]]]:
    """The Bezier piece split at ``t`` into two (de Casteljau)."""

    def mix(a: list[float], b: list[float]) -> list[float]:
        return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]

    a, b, c, d = piece
    ab, bc, cd = mix(a, b), mix(b, c), mix(c, d)
    abc, bcd = mix(ab, bc), mix(bc, cd)
    mid = mix(abc, bcd)
    return [a, ab, abc, mid], [[*mid], bcd, cd, d]


def cut_piece(
    piece: list[list[float]], axis: int, at: float, by: float, starts_below: bool | None = None
) -> list[list[float]]:
    """One Bezier piece after a cut: a copy of its points, those below ``at`` moved by
    ``by``; where the curve crosses the cut it is split there and a Bezier piece
    bridges the gap. ``starts_below`` says on which side a piece that begins on the cut
    lies."""
    piece = [[*p] for p in piece]
    below = [bezier(piece, s / 16)[axis] < at for s in range(17)]
    if starts_below is not None:
        below[0] = starts_below
    crossing = next((s for s in range(1, 17) if below[s] != below[s - 1]), None)
    if crossing is None:
        for p in piece if below[0] else ():
            p[axis] -= by
        return piece
    lo, hi = (crossing - 1) / 16, crossing / 16
    for _ in range(30):  # bisection to where the curve meets the cut
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if (bezier(piece, mid)[axis] < at) == below[0] else (lo, mid)
    first, rest = split(piece, (lo + hi) / 2)
    first[3][axis] = rest[0][axis] = at
    for p in first if below[0] else ():
        p[axis] -= by
    tail = cut_piece(rest, axis, at, by, starts_below=not below[0])
    start, end = first[3], tail[0]
    bridge = [onward(start, first[2], by), onward(end, tail[1], by), [*end]]
    return first + bridge + tail[1:]


def onward(at: list[float], behind: list[float], by: float) -> list[float]:
    """A control point ``by / 3`` from ``at``, away from ``behind``: the bridge over a
    cut leaves each half of the line in the direction it had, without a corner."""
    dx, dy = at[0] - behind[0], at[1] - behind[1]
    length = (dx * dx + dy * dy) ** 0.5
    if not length:
        return [*at]
    return [at[0] + dx / length * by / 3, at[1] + dy / length * by / 3]


def xy(p: list[float]) -> str:
    return f"{fmt(p[0])},{fmt(p[1])}"


def along(curve: list[Point], fractions: Sequence[float]) -> list[tuple[Point, Point]]:
    """The points ``fractions`` of the way along ``curve``, and the direction at each."""
    lengths = [0.0]
    for (ax, ay), (bx, by) in itertools.pairwise(curve):
        lengths.append(lengths[-1] + ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5)
    out = []
    for fraction in fractions:
        goal = lengths[-1] * fraction
        k = min(max(bisect.bisect_left(lengths, goal), 1), len(curve) - 1)
        while k < len(curve) - 1 and lengths[k] == lengths[k - 1]:
            k += 1
        (ax, ay), (bx, by) = curve[k - 1], curve[k]
        step = lengths[k] - lengths[k - 1]
        t = (goal - lengths[k - 1]) / step if step else 0.5
        out.append(((ax + t * (bx - ax), ay + t * (by - ay)), (bx - ax, by - ay)))
    return out


def beside(at: Point, heading: Point, w: float, h: float) -> Iterator[tuple[Box, Point]]:
    """Boxes of size ``w`` x ``h`` touching the line at ``at``: on either side of it
    (right or left of a mostly vertical line, above or below a horizontal one)."""
    x, y = at
    if abs(heading[1]) >= abs(heading[0]):
        yield (x, y - h / 2, x + w, y + h / 2), at
        yield (x - w, y - h / 2, x, y + h / 2), at
    else:
        yield (x - w / 2, y, x + w / 2, y + h), at
        yield (x - w / 2, y - h, x + w / 2, y), at
