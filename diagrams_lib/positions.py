"""Graphviz's position strings (``pos``, ``bb``, ``lp``) read into points, flipped.

Graphviz puts the origin at the bottom left, y growing upward; a scene has it at the
top left, y growing downward. An edge's ``pos`` is its Bezier points, after an arrow tip
(``e,x,y``) or start (``s,x,y``) when it has one.

>>> splines(["e,5,1 5,9 5,7"], 0.0, 10.0)
[(((5.0, 1.0), (5.0, 3.0)), (5.0, 9.0))]
"""

from __future__ import annotations

__all__ = ["Point", "floats", "splines"]

Point = tuple[float, float]


def floats(text: str) -> list[float]:
    """The numbers of a comma-separated Graphviz value (``bb``, ``lp``, a point).

    >>> floats("0,0,54,36")
    [0.0, 0.0, 54.0, 36.0]
    """
    return [float(v) for v in text.split(",")]


def _spline(pos: str, llx: float, ury: float) -> tuple[tuple[Point, ...], Point | None]:
    """One edge's ``pos``, token by token: the arrow tip (``e,x,y``) and the points, flipped;
    a start arrow (``s,x,y``) is skipped. Coordinates are not rounded here: the SVG writer
    rounds each number once, as it writes it.

    >>> _spline("e,5,1 5,9 5,7 5,5 5,3", 0.0, 10.0)
    (((5.0, 1.0), (5.0, 3.0), (5.0, 5.0), (5.0, 7.0)), (5.0, 9.0))
    """
    tip = None
    points = []
    for token in pos.split():
        if token.startswith("e,"):
            x, y = floats(token[2:])
            tip = (x - llx, ury - y)
        elif not token.startswith("s,"):
            x, y = floats(token)
            points.append((x - llx, ury - y))
    return tuple(points), tip


def splines(poses: list[str], llx: float,
            ury: float) -> list[tuple[tuple[Point, ...], Point | None]]:  # fmt: skip
    """:func:`_spline` of every edge's ``pos``, with one split and one float conversion
    for all their numbers: the same points, flipped the same way.

    The common ``pos`` (an arrow tip first, or none, then ``x,y`` points) has its tip moved
    after its points, so that it is flipped with them; any other goes through
    :func:`_spline` on its own.

    >>> splines(["e,5,1 5,9 5,7", "2,3 4,5", ""], 0.0, 10.0)
    [(((5.0, 1.0), (5.0, 3.0)), (5.0, 9.0)), (((2.0, 7.0), (4.0, 5.0)), None), ((), None)]
    """
    bodies: list[str] = []
    counts: list[tuple[int, bool] | None] = []
    for pos in poses:
        has_tip = pos[:2] == "e,"
        if has_tip:
            head, _, pos = pos.partition(" ")
        if not pos or pos[:2] in ("e,", "s,") or "," not in pos:
            counts.append(None)  # the slow path, below
            continue
        bodies.append(f"{pos} {head[2:]}" if has_tip else pos)
        counts.append((pos.count(" ") + 1, has_tip))
    try:
        numbers = list(map(float, " ".join(bodies).replace(" ", ",").split(",")))
    except ValueError:  # not all numbers: the slow path says which
        numbers = []
    if len(numbers) != 2 * sum(n + tip for n, tip in filter(None, counts)):
        return [_spline(pos, llx, ury) for pos in poses]
    xs = [x - llx for x in numbers[0::2]] if llx else numbers[0::2]
    points = list(zip(xs, [ury - y for y in numbers[1::2]], strict=True))
    result, at = [], 0
    for i, count in enumerate(counts):
        if count is None:
            result.append(_spline(poses[i], llx, ury))
            continue
        n, tip = count
        result.append((tuple(points[at:at + n]), points[at + n] if tip else None))
        at += n + tip
    return result

