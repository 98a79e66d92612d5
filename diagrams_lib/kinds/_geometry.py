"""Boxes and segments in plot px (y down): overlap tests, gridlines broken around text,
and a free spot for a note near a point.

Part of :mod:`diagrams_lib.kinds.axis`, which re-exports every public name here.

>>> overlaps(Box(0, 0, 10, 10), Box(5, 5, 20, 20))
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Box", "Point", "crosses", "open_spans", "overlaps", "place_near", "segment_hits_box"]

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in plot px (y down), used to keep text clear of lines and other text."""

    left: float
    top: float
    right: float
    bottom: float

    def grow(self, by: float) -> Box:
        """Return the box enlarged by ``by`` px on every side."""
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes overlap.

    >>> overlaps(Box(0, 0, 10, 10), Box(5, 5, 20, 20)), overlaps(Box(0, 0, 1, 1), Box(2, 2, 3, 3))
    (True, False)
    """
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def segment_hits_box(p: Point, q: Point, box: Box) -> bool:
    """Whether the segment ``p``-``q`` crosses or touches ``box`` (Liang-Barsky clipping).

    >>> segment_hits_box((0, 0), (10, 10), Box(4, 4, 6, 6))
    True
    >>> segment_hits_box((0, 0), (10, 0), Box(4, 4, 6, 6))
    False
    """
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for step, dist in (
        (-dx, x0 - box.left),
        (dx, box.right - x0),
        (-dy, y0 - box.top),
        (dy, box.bottom - y0),
    ):
        if step == 0:
            if dist < 0:
                return False
            continue
        t = dist / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether the segments a-b and c-d cross (touching does not count).

    >>> crosses((0, 0), (2, 2), (0, 2), (2, 0)), crosses((0, 0), (1, 1), (2, 0), (3, 1))
    (True, False)
    """

    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def open_spans(
    at: float, lo: float, hi: float, boxes: Sequence[Box], *, vertical: bool
) -> list[tuple[float, float]]:
    """The parts of a rule at ``at`` from ``lo`` to ``hi`` that stay 3 px clear of ``boxes``.

    A vertical rule runs at x = ``at`` from y = ``lo`` to ``hi``, a horizontal one at
    y = ``at``. Pieces shorter than 8 px are dropped. Gridlines use it to break around text.

    >>> open_spans(5, 0, 100, [Box(0, 40, 10, 60)], vertical=True)
    [(0, 37), (63, 100)]
    """
    spans = [(lo, hi)]
    for box in boxes:
        across = (box.left, box.right) if vertical else (box.top, box.bottom)
        along = (box.top, box.bottom) if vertical else (box.left, box.right)
        if not across[0] - 3 <= at <= across[1] + 3:
            continue
        cut_lo, cut_hi = along[0] - 3, along[1] + 3
        spans = [
            piece
            for a, b in spans
            for piece in ((a, min(b, cut_lo)), (max(a, cut_hi), b))
            if piece[1] > piece[0]
        ]
    return [(a, b) for a, b in sorted(spans) if b - a >= 8]


def place_near(
    point: Point,
    size: tuple[float, float],
    *,
    area: Box,
    boxes: Sequence[Box],
    segments: Sequence[tuple[Point, Point]],
) -> tuple[Box, str]:
    """Find a spot for a ``size`` text box near ``point``, clear of lines and other boxes.

    Tries the four diagonals, then above, below, right and left, at growing distances; the
    first spot inside ``area`` that touches no box or segment, and whose guide from the
    point (leaving out the 12 px around it) crosses none, wins; otherwise the spot with the
    fewest collisions. Returns the box and the text alignment that keeps it off the point.

    >>> place_near((50, 50), (20, 10), area=Box(0, 0, 100, 100), boxes=[], segments=[])
    (Box(left=76.0, top=19.2, right=96.0, bottom=29.2), 'left')
    """
    w, h = size
    scored: list[tuple[int, int, Box, str]] = []
    for r in (26.0, 44.0, 70.0, 100.0):
        for ux, uy in ((1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0)):
            cx, cy = point[0] + ux * r, point[1] + uy * r * 0.8
            left = {1: cx, -1: cx - w}.get(ux, cx - w / 2)
            top = {1: cy, -1: cy - h}.get(uy, cy - h / 2)
            box = Box(round(left, 2), round(top, 2), round(left + w, 2), round(top + h, 2))
            hits = _collisions(point, box, boxes=boxes, segments=segments)
            inside = (
                area.left <= box.left
                and box.right <= area.right
                and area.top <= box.top
                and box.bottom <= area.bottom
            )
            score = hits + (0 if inside else 10)
            align = {1: "left", -1: "right"}.get(ux, "center")
            if score == 0:
                return box, align
            scored.append((score, len(scored), box, align))
    _, _, box, align = min(scored)
    return box, align


def _collisions(
    point: Point, box: Box, *, boxes: Sequence[Box], segments: Sequence[tuple[Point, Point]]
) -> int:
    padded = box.grow(3)
    hits = sum(overlaps(padded, other) for other in boxes)
    hits += sum(segment_hits_box(p, q, padded) for p, q in segments)
    tx, ty = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    length = math.hypot(tx - point[0], ty - point[1]) or 1.0
    start = (point[0] + (tx - point[0]) / length * 12, point[1] + (ty - point[1]) / length * 12)
    end = (min(max(point[0], box.left), box.right), min(max(point[1], box.top), box.bottom))
    hits += sum(crosses(start, end, p, q) for p, q in segments)
    return hits + sum(segment_hits_box(start, end, other) for other in boxes)
