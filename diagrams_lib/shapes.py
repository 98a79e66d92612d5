"""SVG outlines for each node shape, as element strings without style attributes.

>>> outline("diamond", 0, 0, 40, 20, inset=0)
'<polygon points="0,-10 20,0 0,10 -20,0"'
"""

from __future__ import annotations

from .quoting import fmt

__all__ = ["CORNER", "outline"]

CORNER = 8.0


def _poly(points: list[tuple[float, float]]) -> str:
    return '<polygon points="' + " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points) + '"'


def outline(shape: str, x: float, y: float, w: float, h: float, *, inset: float) -> str | None:
    """Return the opening of the SVG element that draws ``shape`` centred at (x, y).

    The caller appends style attributes and ``/>``. ``None`` means nothing is drawn
    (``text`` and ``none`` shapes).
    """
    left, top, right, bottom = x - w / 2, y - h / 2, x + w / 2, y + h / 2
    if shape in ("text", "none"):
        return None
    if shape in ("round", "rect", "pill", "square-point"):
        radius = {"round": CORNER, "pill": h / 2}.get(shape, 0.0)
        corner = f' rx="{fmt(radius)}"' if radius else ""
        return (f'<rect x="{fmt(left)}" y="{fmt(top)}" width="{fmt(w)}" height="{fmt(h)}"'
                f"{corner}")  # fmt: skip
    if shape in ("ellipse", "circle", "point"):
        if shape == "ellipse":
            return (f'<ellipse cx="{fmt(x)}" cy="{fmt(y)}" rx="{fmt(w / 2)}" '
                    f'ry="{fmt(h / 2)}"')  # fmt: skip
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(min(w, h) / 2)}"'
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
        return (f'<path d="M{fmt(left)},{fmt(top)} H{fmt(right - fold)} L{fmt(right)},'
                f"{fmt(top + fold)} V{fmt(bottom)} H{fmt(left)} Z M{fmt(right - fold)},"
                f'{fmt(top)} V{fmt(top + fold)} H{fmt(right)}"')  # fmt: skip
    raise ValueError(f"no outline for shape {shape!r}")  # model.py validates shapes first
