"""Graphviz's position strings (``pos``, ``bb``, ``lp``): points, and edge routes.

Graphviz puts the origin at the bottom left, y growing upward; a scene has it at the
top left, y growing downward. Points (node centres, label centres, boxes) are read as
numbers and flipped by the scene. An edge's line is kept in Graphviz's own coordinates,
as SVG path data made from its ``pos`` text, and the SVG flips it with a transform: its
numbers go into the markup as Graphviz wrote them, checked, and rounded only where they
have more than two decimals. An edge's ``pos`` is its Bezier points, after an arrow tip
(``e,x,y``) or start (``s,x,y``) when it has one.

>>> route("e,5,1 5,9 5,7 5,5 5,3")
Route(path='M5,9 C5,7 5,5 5,3', tip='5,1', base=(5.0, 3.0), tip_at=(5.0, 1.0))
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .quoting import fmt

__all__ = ["Point", "Route", "floats", "route", "routes"]

Point = tuple[float, float]


def floats(text: str) -> list[float]:
    """The numbers of a comma-separated Graphviz value (``bb``, ``lp``, a point).

    >>> floats("0,0,54,36")
    [0.0, 0.0, 54.0, 36.0]
    """
    return [float(v) for v in text.split(",")]


class Route(NamedTuple):
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


# Graphviz writes "%.5g": under 100 a coordinate has more than two decimals, and from
# 100,000 up an exponent. Routes are checked and mended all at once, in one text, with
# byte operations that each run over it in one fast pass: a route's text is ASCII.
_DIGITS = b"0123456789"
_NUMBER_MARKS = _DIGITS + b".-"  # deleted, they leave what stands between the numbers
_BETWEEN = b"e, \n"  # all that may stand between them
_BARE_MINUS_ZERO = re.compile(r"-0(?![.0-9])").search
# Digits become "d" and the marks between numbers "|", so that a number with more than
# two decimals is found with a plain search for ".ddd", and its ends with two more.
_MASK = bytes.maketrans(_DIGITS + b" ,\n", b"d" * len(_DIGITS) + b"|||")


def _two_decimals(text: str) -> str:
    """``text`` (ASCII) with each number of more than two decimals written as :func:`fmt` does.

    >>> _two_decimals("e,91.739,38.45 -0.004,98.2")
    'e,91.74,38.45 0,98.2'
    """
    masked = text.encode().translate(_MASK)
    found = masked.find(b".ddd")
    if found < 0:
        return text
    out, at = [], 0
    while found >= 0:
        start = masked.rfind(b"|", 0, found) + 1  # 0 when not found: the text's start
        end = masked.find(b"|", found)
        if end < 0:
            end = len(masked)
        out += (text[at:start], fmt(float(text[start:end])))
        at = end
        found = masked.find(b".ddd", end)
    out.append(text[at:])
    return "".join(out)


def _pair(text: str) -> tuple[str, Point]:
    """A point's text as :func:`~diagrams_lib.quoting.fmt` writes it, and that text's
    numbers (the point as drawn)."""
    x, y = (fmt(v) for v in floats(text))  # raises ValueError unless two numbers
    return f"{x},{y}", (float(x), float(y))


def _path(first: str, rest: str, count: int) -> str:
    """Path data from the first point and the ``count`` points after it (``rest``): cubic
    Beziers (``C`` takes three points and repeats for the next three) or, failing that,
    lines (``L``)."""
    if not rest:
        return f"M{first}"
    return f"M{first} {'C' if count % 3 == 0 else 'L'}{rest}"


def _route_by_token(pos: str) -> Route:
    """:func:`route` for any ``pos``, token by token; a start arrow (``s,x,y``) is skipped.

    >>> _route_by_token("s,0,0 e,1.005,2 1e+05,3 -0.001,4.123")
    Route(path='M100000,3 L0,4.12', tip='1,2', base=(0.0, 4.12), tip_at=(1.0, 2.0))
    """
    tip, tip_at, base = "", None, None
    points = []
    for token in pos.split():
        if token.startswith("e,"):
            tip, tip_at = _pair(token[2:])
        elif not token.startswith("s,"):
            text, base = _pair(token)
            points.append(text)
    path = _path(points[0], " ".join(points[1:]), len(points) - 1) if points else ""
    return Route(path, tip, base, tip_at)


def route(pos: str) -> Route:
    """An edge's ``pos`` as a :class:`Route` (see :func:`routes`).

    >>> route("1.5,2 3,4").path, route("").path
    ('M1.5,2 L3,4', '')
    """
    return routes([pos])[0]


def routes(poses: list[str]) -> list[Route]:
    """Every edge's ``pos`` as a :class:`Route`, the same as :func:`_route_by_token` gives.

    The common ``pos`` (an arrow tip or none, then two or more ``x,y`` points) becomes path
    data as it is, once any number with more than two decimals is rounded; any other (a
    start arrow, an exponent, ``-0``, anything that is not a number) goes through
    :func:`_route_by_token`, which writes every number again and raises ``ValueError`` for
    a ``pos`` that is not points. Only digits, ``.``, ``,``, ``-`` and spaces reach the path
    data as they came. All the routes are checked at once, in one text.

    >>> routes(["e,5,1 5,9 5,7 5,5 5,3", "s,1,2 3,4"])[1]
    Route(path='M3,4', tip='', base=(3.0, 4.0), tip_at=None)
    """
    text = "\n".join(poses)
    if not _common_text(text, len(poses)):
        return [_common(_two_decimals(pos)) if _common_text(pos, 1) else _route_by_token(pos)
                for pos in poses]  # fmt: skip
    if "." in text:
        text = _two_decimals(text)
    return [_common(pos) for pos in text.split("\n")]


def _common_text(text: str, count: int) -> bool:
    """Whether ``count`` routes joined by newlines are all common ones (see :func:`routes`):
    plain numbers, an ``e,`` mark only at the start, no line break inside one, and as many
    commas as an arrow tip and ``x,y`` points need."""
    if not text or not text.isascii() or "\n\n" in text or _BARE_MINUS_ZERO(text):
        return False
    between = text.encode().translate(None, _NUMBER_MARKS)  # short: about a number in five
    if between.translate(None, _BETWEEN) or between.count(b"\n") != count - 1:
        return False
    # Every "e" is an arrow tip's mark at the start of a route: then each is followed by ",".
    tips = between.count(b"e")
    if tips != text.count("\ne,") + (text[:2] == "e,"):
        return False
    return between.count(b",") - between.count(b" ") == count + tips


def _common(pos: str) -> Route:
    """A common route (see :func:`routes`), its numbers as they are."""
    if pos[:2] == "e,":
        tip, _, body = pos.partition(" ")
        tip = tip[2:]
        tx, _, ty = tip.partition(",")
        tip_at: Point | None = (float(tx), float(ty))
    else:
        tip, body, tip_at = "", pos, None
    first, _, rest = body.partition(" ")
    if not rest:  # one point or none: no line to draw, said the token way
        return _route_by_token(pos)
    bx, _, by = rest.rpartition(" ")[2].partition(",")
    path = _path(first, rest, rest.count(" ") + 1)
    return _ROUTE(Route, (path, tip, (float(bx), float(by)), tip_at))


_ROUTE = tuple.__new__  # a Route from its four fields, without NamedTuple's argument parsing
