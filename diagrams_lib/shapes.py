"""The one table of node shapes: how big each is around its text, how Graphviz sees it,
and how the SVG draws it.

Graphviz only lays out fixed-size boxes; for each shape the table names the Graphviz
shape that edges are clipped to (``clip``) and the one styled DOT uses (``styled``).

>>> outer_size("round", 40, 17.5, inset=0)
(72.0, 38.0)
>>> outline("diamond", 0, 0, 40, 20, inset=0)
'<polygon points="0,-10 20,0 0,10 -20,0"'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .quoting import fmt

__all__ = ["CORNER", "MIN_H", "MIN_W", "PAD_X", "PAD_Y", "SHAPES", "Shape", "outer_size", "outline"]

PAD_X, PAD_Y = 16.0, 10.0  # between a box's outline and its text
MIN_W, MIN_H = 56.0, 38.0
POINT_SIZE = 9.0
CORNER = 8.0  # corner radius of a rounded box


@dataclass(frozen=True, slots=True)
class Shape:
    """A node shape: its name, the Graphviz shape edges are clipped to, and the Graphviz
    shape of the styled DOT."""

    name: str
    clip: str = "box"
    styled: str = "box"


# fmt: off
SHAPES: dict[str, Shape] = {s.name: s for s in (
    Shape("round"),
    Shape("rect"),
    Shape("pill"),
    Shape("ellipse", "ellipse", "ellipse"),
    Shape("circle", "ellipse", "circle"),
    Shape("diamond", "diamond", "diamond"),
    Shape("hexagon", "hexagon", "hexagon"),
    Shape("parallelogram", "parallelogram", "parallelogram"),
    Shape("note", "box", "note"),
    Shape("trapezoid", "box", "trapezium"),
    Shape("text", "box", "plaintext"),
    Shape("point", "ellipse", "point"),
    Shape("square-point", "box", "square"),
    Shape("diamond-point", "diamond", "diamond"),
    Shape("triangle-point", "ellipse", "triangle"),
    Shape("down-triangle-point", "ellipse", "invtriangle"),
    Shape("hexagon-point", "ellipse", "hexagon"),
    Shape("star-point", "ellipse", "star"),
    Shape("plus-point", "ellipse", "box"),
    Shape("none", "box", "point"),
)}
# fmt: on

_POINTS = (
    "point",
    "square-point",
    "diamond-point",
    "triangle-point",
    "down-triangle-point",
    "hexagon-point",
    "star-point",
    "plus-point",
)


def outer_size(shape: str, w: float, h: float, *, inset: float) -> tuple[float, float]:
    """The size of a ``shape`` node around text ``w`` x ``h`` px (not rounded).

    ``inset`` widens padded boxes on both sides (a trapezoid's slant).
    """
    if shape in _POINTS:
        return POINT_SIZE, POINT_SIZE
    if shape == "none":
        return 1.0, 1.0
    if shape == "text":
        return w + 4, h + 4
    if shape == "ellipse":
        return max(w * 1.42 + 20, MIN_W), max(h * 1.42 + 14, MIN_H)
    if shape == "circle":
        side = max(w, h) * 1.42 + 20
        return side, side
    if shape == "diamond":
        return max(2 * w + 24, MIN_W), max(2 * h + 16, MIN_H)
    height = max(h + 2 * PAD_Y, MIN_H)
    if shape == "hexagon":
        return max(1.35 * w + 32, MIN_W), height
    if shape == "parallelogram":
        return max(w + 2 * PAD_X + 0.6 * height, MIN_W), height
    if shape == "pill":
        return max(w + 2 * PAD_X + height / 2, MIN_W), height
    # a padded box: round, rect, note (with room for its fold), trapezoid
    extra = 2 * inset + (10 if shape == "note" else 0)
    return max(w + 2 * PAD_X + extra, MIN_W), height


# Unit corners of the hexagon and five-pointed star markers, y down, first point up.
_HEXAGON = tuple((math.sin(k * math.pi / 3), -math.cos(k * math.pi / 3)) for k in range(6))
_STAR = tuple(
    (r * math.sin(k * math.pi / 5), -r * math.cos(k * math.pi / 5))
    for k, r in zip(range(10), (1.0, 0.45) * 5, strict=True)
)


def _points(points: list[tuple[float, float]]) -> str:
    return '<polygon points="' + " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points) + '"'


def outline(shape: str, x: float, y: float, w: float, h: float, *, inset: float) -> str | None:
    """The opening of the SVG element that draws ``shape`` centred at (x, y), or None for
    shapes with no outline (``text``, ``none``). The caller adds style and ``/>``.

    >>> outline("circle", 5, 5, 4, 4, inset=0)
    '<circle cx="5" cy="5" r="2"'
    """
    if shape in ("text", "none"):
        return None
    left, top, right, bottom = x - w / 2, y - h / 2, x + w / 2, y + h / 2
    if shape in ("round", "rect", "pill", "square-point"):
        rect = f'<rect x="{fmt(left)}" y="{fmt(top)}" width="{fmt(w)}" height="{fmt(h)}"'
        radius = {"round": CORNER, "pill": h / 2}.get(shape, 0.0)
        return f'{rect} rx="{fmt(radius)}"' if radius else rect
    if shape == "ellipse":
        return f'<ellipse cx="{fmt(x)}" cy="{fmt(y)}" rx="{fmt(w / 2)}" ry="{fmt(h / 2)}"'
    if shape in ("circle", "point"):
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(min(w, h) / 2)}"'
    if shape in ("diamond", "diamond-point"):
        return _points([(x, top), (right, y), (x, bottom), (left, y)])
    if shape == "triangle-point":
        return _points([(x, top), (right, bottom), (left, bottom)])
    if shape == "down-triangle-point":
        return _points([(left, top), (right, top), (x, bottom)])
    if shape == "hexagon-point":
        return _points([(x + w / 2 * c, y + h / 2 * s) for c, s in _HEXAGON])
    if shape == "star-point":
        return _points([(x + w / 2 * c, y + h / 2 * s) for c, s in _STAR])
    if shape == "plus-point":
        a, b = w / 6, w / 2  # arm half-width, arm length
        return _points(
            [
                (x + dx, y + dy)
                for dx, dy in (
                    (-a, -b),
                    (a, -b),
                    (a, -a),
                    (b, -a),
                    (b, a),
                    (a, a),
                    (a, b),
                    (-a, b),
                    (-a, a),
                    (-b, a),
                    (-b, -a),
                    (-a, -a),
                )
            ]
        )
    if shape == "hexagon":
        q = w / 4
        return _points(
            [
                (left + q, top),
                (right - q, top),
                (right, y),
                (right - q, bottom),
                (left + q, bottom),
                (left, y),
            ]
        )
    if shape == "parallelogram":
        skew = h * 0.3
        return _points([(left + skew, top), (right, top), (right - skew, bottom), (left, bottom)])
    if shape == "trapezoid":
        return _points([(left + inset, top), (right - inset, top), (right, bottom), (left, bottom)])
    if shape == "note":
        fold = min(12.0, h / 3)
        return (
            f'<path d="M{fmt(left)},{fmt(top)} H{fmt(right - fold)} L{fmt(right)},'
            f"{fmt(top + fold)} V{fmt(bottom)} H{fmt(left)} Z M{fmt(right - fold)},"
            f'{fmt(top)} V{fmt(top + fold)} H{fmt(right)}"'
        )
    raise ValueError(f"no outline for shape {shape!r}")  # the model validates shapes first
