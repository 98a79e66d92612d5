"""Reading Graphviz's position strings (``pos``, ``bb``, ``lp``): points and edge routes.

Graphviz puts the origin at the bottom left, y growing upward. An edge's ``pos`` is its
Bezier points, after an arrow tip (``e,x,y``) or start (``s,x,y``) when it has one. A
route is kept in Graphviz's coordinates, every number written at two decimals at most, so
that the SVG can draw it through one flip transform.

>>> r = route("e,5,1 5,9 5,7 5,5 5,3")
>>> r.path, r.tip, r.base
('M5,9 C5,7 5,5 5,3', '5,1', (5.0, 3.0))
"""

from __future__ import annotations

from dataclasses import dataclass

from .quoting import fmt

__all__ = ["Point", "Route", "floats", "route"]

Point = tuple[float, float]


def floats(text: str) -> list[float]:
    """The numbers of a comma-separated Graphviz value (``bb``, ``lp``, a point).

    >>> floats("0,0,54,36")
    [0.0, 0.0, 54.0, 36.0]
    """
    return [float(v) for v in text.split(",")]


@dataclass(frozen=True, slots=True)
class Route:
    """An edge's line in Graphviz's coordinates (y up), every number at most two decimals.

    Attributes:
        path: SVG path data, ``M`` then cubic Beziers (``C``) or, failing that, lines
            (``L``); empty when Graphviz drew no line.
        tip: The arrow tip at the target as ``x,y`` text, empty without an arrowhead.
        base: The line's last point, where the arrowhead starts (None without a line).
        tip_at: The arrow tip as numbers (None without an arrowhead).
        tail: The arrow tip at the source (``dir=back`` or ``both``), as numbers, or None.
        tail_base: The line's first point, where that arrowhead starts.
    """

    path: str
    tip: str
    base: Point | None
    tip_at: Point | None
    tail: Point | None = None
    tail_base: Point | None = None


def _point(text: str) -> tuple[str, Point]:
    """A point's text as :func:`~diagrams_lib.quoting.fmt` writes it, and its numbers as
    drawn; ``ValueError`` unless it is two numbers."""
    x, y = floats(text)
    # round(v, 2) is the number fmt(v) writes (both round the decimal correctly); adding
    # 0.0 turns the -0.0 of a tiny negative into the 0 fmt writes for it
    return f"{fmt(x)},{fmt(y)}", (round(x, 2) + 0.0, round(y, 2) + 0.0)


def _bezier(points: list[str]) -> str:
    """Path data through the points: cubic Beziers (``C`` takes three points after the
    first) or, failing that, lines (``L``)."""
    first, rest = points[0], points[1:]
    if not rest:
        return f"M{first}"
    return f"M{first} {'C' if len(rest) % 3 == 0 else 'L'}{' '.join(rest)}"


def route(pos: str) -> Route:
    """An edge's ``pos`` as a :class:`Route`; a start arrow (``s,x,y``) is skipped.

    A ``pos`` of several splines joined by ``;`` (``concentrate=true`` merges edges so)
    becomes one path of several parts. Raises ``ValueError`` for a ``pos`` that is not
    points.

    >>> route("s,0,0 e,1.005,2 1e+05,3 -0.001,4.123").path
    'M100000,3 L0,4.12'
    >>> r = route("s,0,0 e,1.005,2 1e+05,3 -0.001,4.123")
    >>> r.tip, r.base, r.tail, r.tail_base
    ('1,2', (0.0, 4.12), (0.0, 0.0), (100000.0, 3.0))
    >>> route("1,1 2,2;e,9,9 3,3 4,4").path
    'M1,1 L2,2 M3,3 L4,4'
    >>> route("").path
    ''
    """
    tip, tip_at, base, tail, tail_base = "", None, None, None, None
    paths = []
    for spline in pos.split(";"):
        points, first, last, spline_tip, spline_tail = [], None, None, None, None
        for token in spline.split():
            if token.startswith("e,"):
                spline_tip = _point(token[2:])
            elif token.startswith("s,"):
                spline_tail = _point(token[2:])[1]
            else:
                text, last = _point(token)
                first = first or last
                points.append(text)
        if points:
            paths.append(_bezier(points))
        if spline_tip is not None:  # an arrowhead sits at the end of its own spline
            (tip, tip_at), base = spline_tip, last
        elif tip_at is None and last is not None:
            base = last
        if spline_tail is not None:
            tail, tail_base = spline_tail, first
    return Route(" ".join(paths), tip, base, tip_at, tail, tail_base)
