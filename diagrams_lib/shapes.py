"""SVG outlines for each node shape, as element strings without style attributes.

>>> outline("diamond", 0, 0, 40, 20, inset=0)
'<polygon points="0,-10 20,0 0,10 -20,0"'
"""

from __future__ import annotations

from .quoting import NUM, fill_numbers

__all__ = ["CORNER", "RECT", "XY", "outline", "outline_template"]

CORNER = 8.0


XY = f"{NUM},{NUM}"  # a point: two number slots
RECT = f'<rect x="{NUM}" y="{NUM}" width="{NUM}" height="{NUM}"'


def _poly(points: list[tuple[float, float]]) -> tuple[str, tuple[float, ...]]:
    template = '<polygon points="' + " ".join([XY] * len(points)) + '"'
    return template, tuple(v for point in points for v in point)


_ROUNDED = RECT + f' rx="{NUM}"'
_ELLIPSE = f'<ellipse cx="{NUM}" cy="{NUM}" rx="{NUM}" ry="{NUM}"'
_CIRCLE = f'<circle cx="{NUM}" cy="{NUM}" r="{NUM}"'
_NOTE = f'<path d="M{XY} H{NUM} L{XY} V{NUM} H{NUM} Z M{XY} V{NUM} H{NUM}"'


def outline(shape: str, x: float, y: float, w: float, h: float, *, inset: float) -> str | None:
    """Return the opening of the SVG element that draws ``shape`` centred at (x, y).

    The caller appends style attributes and ``/>``. ``None`` means nothing is drawn
    (``text`` and ``none`` shapes).
    """
    found = outline_template(shape, x, y, w, h, inset=inset)
    return None if found is None else fill_numbers(*found)


def outline_template(shape: str, x: float, y: float, w: float, h: float, *,
                     inset: float) -> tuple[str, tuple[float, ...]] | None:  # fmt: skip
    """:func:`outline` as a template with :data:`~diagrams_lib.quoting.NUM` slots, and the
    numbers for them.

    >>> outline_template("circle", 5, 5, 4, 4, inset=0)
    ('<circle cx="%s" cy="%s" r="%s"', (5, 5, 2.0))
    """
    if shape in ("text", "none"):
        return None
    left, top, right, bottom = x - w / 2, y - h / 2, x + w / 2, y + h / 2
    if shape in ("round", "rect", "pill", "square-point"):
        radius = {"round": CORNER, "pill": h / 2}.get(shape, 0.0)
        if radius:
            return _ROUNDED, (left, top, w, h, radius)
        return RECT, (left, top, w, h)
    if shape == "ellipse":
        return _ELLIPSE, (x, y, w / 2, h / 2)
    if shape in ("circle", "point"):
        return _CIRCLE, (x, y, min(w, h) / 2)
    if shape in ("diamond", "diamond-point"):
        return _poly([(x, top), (right, y), (x, bottom), (left, y)])
    if shape == "triangle-point":
        return _poly([(x, top), (right, bottom), (left, bottom)])
    if shape == "hexagon":
        q = w / 4
        return _poly([(left + q, top), (right - q, top), (right, y), (right - q, bottom),
                      (left + q, bottom), (left, y)])  # fmt: skip
    if shape == "parallelogram":
        skew = h * 0.3
        return _poly([(left + skew, top), (right, top), (right - skew, bottom), (left, bottom)])
    if shape == "trapezoid":
        return _poly([(left + inset, top), (right - inset, top), (right, bottom), (left, bottom)])
    if shape == "note":
        fold = min(12.0, h / 3)
        return _NOTE, (left, top, right - fold, right, top + fold, bottom, left, right - fold,
                       top, top + fold, right)  # fmt: skip
    raise ValueError(f"no outline for shape {shape!r}")  # model.py validates shapes first
