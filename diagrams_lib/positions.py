"""Reading Graphviz's position strings (``pos``, ``bb``, ``lp``): points and edge routes.

Graphviz puts the origin at the bottom left, y growing upward. An edge's ``pos`` is its
Bezier points, after an arrow tip (``e,x,y``) or start (``s,x,y``) when it has one. A
route is kept in Graphviz's coordinates, every number written at two decimals at most, so
that the SVG can draw it through one flip transform.

>>> route("e,5,1 5,9 5,7 5,5 5,3")
Route(path='M5,9 C5,7 5,5 5,3', tip='5,1', base=(5.0, 3.0), tip_at=(5.0, 1.0))
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
        tip: The arrow tip as ``x,y`` text, empty without an arrowhead.
        base: The line's last point, where the arrowhead starts (None without a line).
        tip_at: The arrow tip as numbers (None without an arrowhead).
    """

    path: str
    tip: str
    base: Point | None
    tip_at: Point | None


def _point(text: str) -> tuple[str, Point]:
    """A point's text as :func:`~diagrams_lib.quoting.fmt` writes it, and its numbers as
    drawn; ``ValueError`` unless it is two numbers."""
    x, y = (fmt(v) for v in floats(text))
    return f"{x},{y}", (float(x), float(y))


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

    >>> route("s,0,0 e,1.005,2 1e+05,3 -0.001,4.123")
    Route(path='M100000,3 L0,4.12', tip='1,2', base=(0.0, 4.12), tip_at=(1.0, 2.0))
    >>> route("1,1 2,2;e,9,9 3,3 4,4").path
    'M1,1 L2,2 M3,3 L4,4'
    >>> route("").path
    ''
    """
    tip, tip_at, base = "", None, None
    paths = []
    for spline in pos.split(";"):
        points, last, spline_tip = [], None, None
        for token in spline.split():
            if token.startswith("e,"):
                spline_tip = _point(token[2:])
            elif not token.startswith("s,"):
                text, last = _point(token)
                points.append(text)
        if points:
            paths.append(_bezier(points))
        if spline_tip is not None:  # the arrowhead sits at the end of its own spline
            (tip, tip_at), base = spline_tip, last
        elif tip_at is None and last is not None:
            base = last
    return Route(" ".join(paths), tip, base, tip_at)
