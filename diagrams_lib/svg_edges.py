"""The SVG markup of one edge: its line, its arrowheads and its labels.

Lines and arrowheads are drawn in Graphviz's coordinates (y up) through the edge's flip
transform, so the route's numbers go in as Graphviz wrote them. Each arrowhead fills the
space Graphviz kept for it, from the line's end (its base) to the tip on the node's
outline.

>>> arrowhead("dot", (0.0, 0.0), (8.0, 0.0), flip="", stroke="#000", own=False)
'<circle class="arrow" transform="" cx="4" cy="0" r="4" fill="#000"/>'
"""

from __future__ import annotations

from .quoting import fmt, xml_attr, xml_text
from .scene import PlacedEdge
from .svg_elements import css_class, free_label, paint
from .theme import Theme

__all__ = ["OPEN_ARROWS", "arrowhead", "edge"]

HALF_WIDTH = 4.5  # half the width of an arrowhead's base, px
OPEN_ARROWS = frozenset(("empty", "odot", "odiamond", "tee"))  # drawn as outlines
_WAY = {(True, True): "\u2194", (True, False): "\u2192", (False, True): "\u2190"}
DASH = "\u2013"  # between the ends of an edge with no arrowhead

Point = tuple[float, float]


def _polygon(points: list[Point]) -> str:
    return " ".join(f"{fmt(x)},{fmt(y)}" for x, y in points)


def arrowhead(
    kind: str,
    base: Point,
    tip: Point,
    *,
    flip: str,
    stroke: str,
    own: bool,
    tip_text: str | None = None,
) -> str:
    """The markup of an arrowhead of ``kind`` from ``base`` to ``tip`` (Graphviz's points)."""
    (bx, by), (tx, ty) = base, tip
    vx, vy = tx - bx, ty - by
    length = (vx * vx + vy * vy) ** 0.5 or 1.0
    ux, uy = vx / length, vy / length
    nx, ny = uy * HALF_WIDTH, -ux * HALF_WIDTH
    mx, my = (bx + tx) / 2, (by + ty) / 2
    head = f'class="arrow{" open" if kind in OPEN_ARROWS else ""}" transform="{flip}"'
    if kind in OPEN_ARROWS:
        colours = ' fill="none"' + paint(("stroke",) if own else (), stroke=stroke)
    else:
        colours = paint(("fill",) if own else (), fill=stroke)
    tip_at = tip_text or _polygon([tip])
    if kind in ("normal", "empty"):
        points = f"{tip_at} {_polygon([(bx + nx, by + ny), (bx - nx, by - ny)])}"
        return f'<polygon {head} points="{points}"{colours}/>'
    if kind == "inv":
        points = _polygon([(bx, by), (tx + nx, ty + ny), (tx - nx, ty - ny)])
        return f'<polygon {head} points="{points}"{colours}/>'
    if kind == "vee":
        notch = (bx + ux * length * 0.4, by + uy * length * 0.4)
        points = f"{tip_at} {_polygon([(bx + nx, by + ny), notch, (bx - nx, by - ny)])}"
        return f'<polygon {head} points="{points}"{colours}/>'
    if kind in ("diamond", "odiamond"):
        points = _polygon([(tx, ty), (mx + nx, my + ny), (bx, by), (mx - nx, my - ny)])
        return f'<polygon {head} points="{points}"{colours}/>'
    if kind in ("dot", "odot"):
        return f'<circle {head} cx="{fmt(mx)}" cy="{fmt(my)}" r="{fmt(length / 2)}"{colours}/>'
    if kind == "tee":
        bar = _polygon([(tx + nx, ty + ny), (tx - nx, ty - ny)]).replace(" ", " L")
        d = f"M{_polygon([(bx, by)])} L{tip_at} M{bar}"
        return f'<path {head} d="{d}"{colours} stroke-width="2"/>'
    return ""  # "none"


def edge(
    p: PlacedEdge,
    *,
    prefix: str,
    theme: Theme,
    names: dict[str, str],
    keys: dict[str, str],
    dx: float,
    dy: float,
    flip: str,
) -> str:
    """An edge's ``<g>``: title, line, arrowheads and labels. ``names`` and ``keys`` map node
    ids to labels and keys; ``flip`` is the SVG transform from Graphviz's coordinates to
    the drawing's (``matrix(1 0 0 -1 x y)``)."""
    e, style, path = p.edge, p.style, p.route
    if e.line == "invisible":  # laid out, not drawn
        return (
            f'<g id="{prefix}-{e.id}" class="edge invisible {css_class(e.role)}" '
            f'data-source="{xml_attr(keys[e.source])}" data-target="{xml_attr(keys[e.target])}" '
            'aria-hidden="true"></g>\n'
        ), ""
    way = _WAY.get((style.head != "none", style.tail != "none"), DASH)
    title = f"{names[e.source]} {way} {names[e.target]}"
    if e.label:
        title = f"{title}: {e.label}"
    out = [
        f'<g id="{prefix}-{e.id}" class="edge {css_class(e.role)}" '
        f'data-source="{xml_attr(keys[e.source])}" data-target="{xml_attr(keys[e.target])}">'
        f"<title>{xml_text(title)}</title>"
    ]
    own = "stroke" in style.own
    ends = []
    if path.path:
        dashes = f' stroke-dasharray="{xml_attr(style.dash)}"' if style.dash else ""
        out.append(
            f'<path class="line" transform="{flip}" d="{path.path}" fill="none"'
            f'{paint(style.own, stroke=style.stroke)} stroke-width="{fmt(style.width)}"{dashes}/>'
        )
        if style.head != "none" and path.tip_at is not None and path.base is not None:
            ends.append(
                arrowhead(
                    style.head,
                    path.base,
                    path.tip_at,
                    flip=flip,
                    stroke=style.stroke,
                    own=own,
                    tip_text=path.tip,
                )
            )
        if style.tail != "none" and path.tail is not None and path.tail_base is not None:
            ends.append(
                arrowhead(
                    style.tail, path.tail_base, path.tail, flip=flip, stroke=style.stroke, own=own
                )
            )
    for box, at, cls in (
        (p.label, p.label_at, "edge-label"),
        (p.head_label, p.head_label_at, "edge-label head-label"),
        (p.tail_label, p.tail_label_at, "edge-label tail-label"),
    ):
        if box is not None and at is not None:
            out.append(free_label(box, at, theme=theme, dx=dx, dy=dy, cls=cls, colour=style.text))
    out.append("</g>\n")
    heads = ""
    if ends:
        heads = (
            f'<g class="arrows {css_class(e.role)}" data-edge="{prefix}-{e.id}">'
            + "".join(ends)
            + "</g>\n"
        )
    return "".join(out), heads
