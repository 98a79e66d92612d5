"""The one table of node shapes: how big each is around its text, how Graphviz sees it,
and how the SVG draws it.

Graphviz only lays out fixed-size boxes. For each shape the table gives the Graphviz
attributes whose outline edges are clipped to (``clip``), chosen so that the outline the
SVG draws is that same outline and every arrow tip touches it, and the Graphviz shape of
the styled DOT (``styled``).

>>> outer_size("round", 40, 17.5, inset=0)
(72.0, 38.0)
>>> outline("diamond", 0, 0, 40, 20, inset=0)
'<polygon points="0,-10 20,0 0,10 -20,0"'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .quoting import fmt

__all__ = [
    "CORNER",
    "MIN_H",
    "MIN_W",
    "PAD_X",
    "PAD_Y",
    "POINT_SHAPES",
    "RECORDS",
    "SHAPES",
    "Shape",
    "details",
    "outer_size",
    "outline",
]

PAD_X, PAD_Y = 16.0, 10.0  # between a box's outline and its text
MIN_W, MIN_H = 56.0, 38.0
POINT_SIZE = 9.0
CORNER = 8.0  # corner radius of a rounded box
TAB = 4.0  # how far a folder's, tab's or component's tabs stand out (as Graphviz draws them)
RING = 4.0  # the gap between a double circle's two rings
# A parallelogram is Graphviz's 4-sided polygon with this skew: its top edge starts
# SLANT x its width in from the left (the bottom edge ends as far in from the right).
SKEW = 0.2
SLANT = SKEW / (2 * math.hypot(1, SKEW) + SKEW)
CAP = 1 / 11  # a cylinder's cap height, as a share of its height (Graphviz's)
WAVE = 4.0  # a document's wavy bottom edge, px


@dataclass(frozen=True, slots=True)
class Shape:
    """A node shape: its name, the Graphviz attributes it is laid out with (edges are
    clipped to that outline), and the Graphviz shape of the styled DOT."""

    name: str
    clip: tuple[tuple[str, str], ...] = ()
    styled: str = "box"


def _gv(shape: str, **more: str) -> tuple[tuple[str, str], ...]:
    return (("shape", shape), *more.items())


# fmt: off
SHAPES: dict[str, Shape] = {s.name: s for s in (
    Shape("round"),
    Shape("rect"),
    Shape("pill"),
    Shape("ellipse", _gv("ellipse"), "ellipse"),
    Shape("circle", _gv("ellipse"), "circle"),
    Shape("doublecircle", _gv("doublecircle"), "doublecircle"),
    Shape("diamond", _gv("diamond"), "diamond"),
    Shape("mdiamond", _gv("Mdiamond"), "Mdiamond"),
    Shape("msquare", _gv("Msquare"), "Msquare"),
    Shape("hexagon", _gv("hexagon"), "hexagon"),
    Shape("parallelogram", _gv("polygon", sides="4", skew=f"{SKEW:g}"), "parallelogram"),
    Shape("cylinder", _gv("cylinder"), "cylinder"),
    Shape("document", (), "note"),
    Shape("note", (), "note"),
    Shape("folder", _gv("folder"), "folder"),
    Shape("tab", _gv("tab"), "tab"),
    Shape("component", _gv("component"), "component"),
    Shape("trapezoid", (), "trapezium"),
    Shape("text", (), "plaintext"),
    Shape("point", _gv("ellipse"), "point"),
    Shape("square-point", (), "square"),
    Shape("diamond-point", _gv("diamond"), "diamond"),
    Shape("triangle-point", _gv("ellipse"), "triangle"),
    Shape("down-triangle-point", _gv("ellipse"), "invtriangle"),
    Shape("hexagon-point", _gv("ellipse"), "hexagon"),
    Shape("star-point", _gv("ellipse"), "star"),
    Shape("plus-point", _gv("ellipse"), "box"),
    Shape("none", (), "point"),
    Shape("record", (), "record"),
    Shape("mrecord", (), "Mrecord"),
)}
# fmt: on

# small markers, drawn filled at a fixed size (chart series take them in this order)
POINT_SHAPES = (
    "point",
    "square-point",
    "diamond-point",
    "triangle-point",
    "down-triangle-point",
    "hexagon-point",
    "star-point",
    "plus-point",
)
RECORDS = ("record", "mrecord")  # shapes whose node is its compartments (``fields``)


def outer_size(shape: str, w: float, h: float, *, inset: float) -> tuple[float, float]:
    """The size of a ``shape`` node around text ``w`` x ``h`` px (not rounded).

    ``inset`` widens padded boxes on both sides (a trapezoid's slant).
    """
    if shape in POINT_SHAPES:
        return POINT_SIZE, POINT_SIZE
    if shape == "none":
        return 1.0, 1.0
    if shape == "text":
        return w + 4, h + 4
    if shape == "ellipse":
        return max(w * 1.42 + 20, MIN_W), max(h * 1.42 + 14, MIN_H)
    if shape in ("circle", "doublecircle"):
        side = max(w, h) * 1.42 + 20
        return side, side
    if shape in ("diamond", "mdiamond"):
        return max(2 * w + 24, MIN_W), max(2 * h + 16, MIN_H)
    height = max(h + 2 * PAD_Y, MIN_H)
    if shape == "msquare":
        side = max(w + 2 * PAD_X, height)
        return side, side
    if shape == "hexagon":
        return max(1.35 * w + 32, MIN_W), height
    if shape == "parallelogram":  # the text fits between the two slanted sides
        return max((w + 2 * PAD_X) / (1 - 2 * SLANT), MIN_W), height
    if shape == "pill":
        return max(w + 2 * PAD_X + height / 2, MIN_W), height
    if shape == "cylinder":  # the body between the caps holds the text
        return max(w + 2 * PAD_X, MIN_W), max(h + 2 * PAD_Y, MIN_H) / (1 - 2 * CAP)
    if shape == "document":
        return max(w + 2 * PAD_X, MIN_W), height + 2 * WAVE
    # a padded box: round, rect, note (with room for its fold), trapezoid, folder, tab,
    # component
    extra = 2 * inset + (10 if shape == "note" else 0)
    return max(w + 2 * PAD_X + extra, MIN_W), height


def _xy(x: float, y: float) -> str:
    return f"{fmt(x)},{fmt(y)}"


# Unit corners of the hexagon and five-pointed star markers, y down, first point up.
_HEXAGON = tuple((math.sin(k * math.pi / 3), -math.cos(k * math.pi / 3)) for k in range(6))
_STAR = tuple(
    (r * math.sin(k * math.pi / 5), -r * math.cos(k * math.pi / 5))
    for k, r in zip(range(10), (1.0, 0.45) * 5, strict=True)
)


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def _polygon(points: list[tuple[float, float]]) -> str:
    return f'<polygon points="{_points(points)}"'


def outline(shape: str, x: float, y: float, w: float, h: float, *, inset: float) -> str | None:
    """The opening of the SVG element that draws ``shape``'s outline centred at (x, y), or
    None for shapes with no outline (``text``, ``none``). The caller adds style and ``/>``.

    >>> outline("circle", 5, 5, 4, 4, inset=0)
    '<circle cx="5" cy="5" r="2"'
    """
    if shape in ("text", "none"):
        return None
    left, top, right, bottom = x - w / 2, y - h / 2, x + w / 2, y + h / 2
    if shape in ("round", "rect", "pill", "square-point", "msquare", *RECORDS):
        rect = f'<rect x="{fmt(left)}" y="{fmt(top)}" width="{fmt(w)}" height="{fmt(h)}"'
        radius = {"round": CORNER, "mrecord": CORNER, "pill": h / 2}.get(shape, 0.0)
        return f'{rect} rx="{fmt(radius)}"' if radius else rect
    if shape == "ellipse":
        return f'<ellipse cx="{fmt(x)}" cy="{fmt(y)}" rx="{fmt(w / 2)}" ry="{fmt(h / 2)}"'
    if shape in ("circle", "point"):
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(min(w, h) / 2)}"'
    if shape == "doublecircle":  # Graphviz's outer ring lies outside the box
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(min(w, h) / 2 + RING)}"'
    if shape in ("diamond", "diamond-point", "mdiamond"):
        return _polygon([(x, top), (right, y), (x, bottom), (left, y)])
    if shape == "triangle-point":
        return _polygon([(x, top), (right, bottom), (left, bottom)])
    if shape == "down-triangle-point":
        return _polygon([(left, top), (right, top), (x, bottom)])
    if shape == "hexagon-point":
        return _polygon([(x + w / 2 * c, y + h / 2 * s) for c, s in _HEXAGON])
    if shape == "star-point":
        return _polygon([(x + w / 2 * c, y + h / 2 * s) for c, s in _STAR])
    if shape == "plus-point":
        a, b = w / 6, w / 2  # arm half-width, arm length
        return _polygon(
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
        return _polygon(
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
        slant = w * SLANT
        return _polygon(
            [(left + slant, top), (right, top), (right - slant, bottom), (left, bottom)]
        )
    if shape == "trapezoid":
        return _polygon(
            [(left + inset, top), (right - inset, top), (right, bottom), (left, bottom)]
        )
    if shape == "note":
        fold = min(12.0, h / 3)
        return (
            f'<path d="M{_xy(left, top)} H{fmt(right - fold)} L{_xy(right, top + fold)}'
            f" V{fmt(bottom)} H{fmt(left)} Z M{_xy(right - fold, top)} V{fmt(top + fold)}"
            f' H{fmt(right)}"'
        )
    if shape == "cylinder":
        cap = h * CAP
        radii = f"{fmt(w / 2)},{fmt(cap)}"
        return (
            f'<path d="M{_xy(left, top + cap)} A{radii} 0 0 1 {_xy(right, top + cap)}'
            f' V{fmt(bottom - cap)} A{radii} 0 0 1 {_xy(left, bottom - cap)} Z"'
        )
    if shape == "document":  # a wavy bottom edge, lowest at the middle
        return (
            f'<path d="M{_xy(left, top)} H{fmt(right)} V{fmt(bottom - 2 * WAVE)}'
            f" C{_points([(right - w / 4, bottom - 2 * WAVE), (x + w / 4, bottom), (x, bottom)])}"
            f" C{_points([(x - w / 4, bottom), (left + w / 4, bottom - WAVE)])}"
            f' {_xy(left, bottom - WAVE)} Z"'
        )
    if shape == "folder":
        return _polygon(
            [
                (left, top),
                (right - 27, top),
                (right - 24, top - TAB),
                (right - 3, top - TAB),
                (right, top),
                (right, bottom),
                (left, bottom),
            ]
        )
    if shape == "tab":
        return _polygon(
            [
                (left, top - TAB),
                (left + 12, top - TAB),
                (left + 12, top),
                (right, top),
                (right, bottom),
                (left, bottom),
            ]
        )
    if shape == "component":
        return _polygon(
            [
                (left, top),
                (right, top),
                (right, bottom),
                (left, bottom),
                (left, bottom - 4),
                (left - TAB, bottom - 4),
                (left - TAB, bottom - 8),
                (left, bottom - 8),
                (left, top + 8),
                (left - TAB, top + 8),
                (left - TAB, top + 4),
                (left, top + 4),
            ]
        )
    raise ValueError(f"no outline for shape {shape!r}")  # the model validates shapes first


def details(shape: str, x: float, y: float, w: float, h: float) -> str:
    """Path data of the lines drawn inside a shape's outline (a double circle's inner ring,
    the corner marks of ``mdiamond`` and ``msquare``, a component's tabs); empty for most.

    >>> details("msquare", 0, 0, 40, 40)
    'M-8,-20 L-20,-8 M-20,8 L-8,20 M8,20 L20,8 M20,-8 L8,-20'
    """
    left, top, right, bottom = x - w / 2, y - h / 2, x + w / 2, y + h / 2
    if shape == "doublecircle":
        r = min(w, h) / 2
        return (
            f"M{_xy(x - r, y)} A{fmt(r)},{fmt(r)} 0 1 0 {_xy(x + r, y)}"
            f" A{fmt(r)},{fmt(r)} 0 1 0 {_xy(x - r, y)}"
        )
    if shape == "msquare":
        m = 12.0
        corners = [
            ((left + m, top), (left, top + m)),
            ((left, bottom - m), (left + m, bottom)),
            ((right - m, bottom), (right, bottom - m)),
            ((right, top + m), (right - m, top)),
        ]
        return " ".join(f"M{_points([a])} L{_points([b])}" for a, b in corners)
    if shape == "mdiamond":  # short marks across each corner, as Graphviz draws them
        m = 0.075
        marks = [
            ((left + w * m, y - h * m), (left + w * m, y + h * m)),
            ((x - w * m, bottom - h * m), (x + w * m, bottom - h * m)),
            ((right - w * m, y + h * m), (right - w * m, y - h * m)),
            ((x + w * m, top + h * m), (x - w * m, top + h * m)),
        ]
        return " ".join(f"M{_points([a])} L{_points([b])}" for a, b in marks)
    if shape == "cylinder":  # the near rim of the top cap
        radii = f"{fmt(w / 2)},{fmt(h * CAP)}"
        return f"M{_xy(left, top + h * CAP)} A{radii} 0 0 0 {_xy(right, top + h * CAP)}"
    if shape == "component":
        return (
            f"M{_xy(left, top + 4)} H{fmt(left + TAB)} V{fmt(top + 8)} H{fmt(left)}"
            f" M{_xy(left, bottom - 8)} H{fmt(left + TAB)} V{fmt(bottom - 4)}"
            f" H{fmt(left)}"
        )
    return ""
