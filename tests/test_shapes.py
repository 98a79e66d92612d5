"""Node shapes: every arrow tip touches the outline the SVG draws, and arrowheads are drawn
after the shapes, so no fill can hide them."""

import math
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.shapes import SHAPES

NS = {"s": "http://www.w3.org/2000/svg"}
Point = tuple[float, float]


def star(shape: str) -> nx.DiGraph:
    """One ``shape`` node with arrows coming in on all four sides."""
    g = nx.DiGraph(title=f"Into a {shape}", direction="LR")
    g.add_node("x", shape=shape, label=f"A {shape} node", note="with a second line")
    for i, port in enumerate(("n", "s", "e", "w")):
        g.add_edge(f"from {port}", "x", head_port=port)
        g.add_edge("x", f"to {i}", dir="back", arrowtail="dot")  # tails start on it too
    return g


def _segments(points: list[Point]) -> list[tuple[Point, Point]]:
    return list(zip(points, points[1:] + points[:1], strict=True))


def _to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def distance_to_outline(el: ET.Element, p: Point) -> float:
    """How far ``p`` is from the outline element ``el`` (rect, ellipse, circle, polygon)."""
    tag = el.tag.split("}")[1]
    get = lambda name: float(el.get(name))  # noqa: E731
    if tag == "rect":
        x, y, w, h = get("x"), get("y"), get("width"), get("height")
        return min(_to_segment(p, a, b) for a, b in
                   _segments([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]))  # fmt: skip
    if tag in ("ellipse", "circle"):
        cx, cy = get("cx"), get("cy")
        rx = get("r") if tag == "circle" else get("rx")
        ry = get("r") if tag == "circle" else get("ry")
        angle = math.atan2((p[1] - cy) / ry, (p[0] - cx) / rx)
        return math.hypot(p[0] - cx - rx * math.cos(angle), p[1] - cy - ry * math.sin(angle))
    points = [tuple(map(float, q.split(","))) for q in el.get("points").split()]
    return min(_to_segment(p, a, b) for a, b in _segments(points))


def tips(svg: str) -> list[Point]:
    """Every arrowhead's tip, in the drawing's coordinates."""
    root = ET.fromstring(svg)
    out = []
    for arrow in root.iterfind(".//s:g[@class='edge-ends']//*[@transform]", NS):
        a, b, c, d, e, f = map(float, re.findall(r"[-\d.]+", arrow.get("transform")))
        if arrow.tag.endswith("polygon"):
            x, y = map(float, arrow.get("points").split()[0].split(","))
        else:  # a dot: its far side from the line is the tip; take the circle's edge
            x, y = float(arrow.get("cx")), float(arrow.get("cy"))
            continue
        out.append((a * x + c * y + e, b * x + d * y + f))
    return out


OUTLINED = ["rect", "ellipse", "circle", "diamond", "hexagon", "parallelogram", "msquare",
            "mdiamond", "doublecircle"]  # fmt: skip


@pytest.mark.parametrize("shape", OUTLINED)
def test_every_arrow_tip_touches_the_drawn_outline(shape):
    svg = dl.render(star(shape), id_prefix="t")
    node = ET.fromstring(svg).find(".//s:g[@data-key='x']", NS)
    outline = node.find("*[@class='shape']", NS)
    found = tips(svg)
    assert len(found) == 4
    # Graphviz stops a tip a pen width or so short, so that its point does not overshoot
    # (a little more before a pointed corner): beyond the outline's stroke, at most 2 px
    reach = float(outline.get("stroke-width")) / 2 + 2.0
    for tip in found:
        assert distance_to_outline(outline, tip) <= reach, (shape, tip)


def test_arrowheads_are_drawn_after_every_shape():
    svg = dl.render(star("parallelogram"), id_prefix="t")
    assert svg.index('<g class="nodes">') < svg.index('<g class="edge-ends"')
    layer = ET.fromstring(svg).find(".//s:g[@class='edge-ends']", NS)
    assert layer.get("aria-hidden") == "true"  # each edge's title already says it


def test_every_shape_draws_and_fits_its_text():
    g = nx.DiGraph(title="Shapes")
    drawable = [s for s in SHAPES if s not in ("none",) and not s.endswith("point")]
    for shape in drawable:
        g.add_node(shape, shape=shape, label=f"The {shape} shape, wrapped onto two lines")
    root = ET.fromstring(dl.render(g))
    for shape in drawable:
        node = root.find(f".//s:g[@data-key='{shape}']", NS)
        assert node.find("s:title", NS).text.startswith("The ")
        assert (node.find("*[@class='shape']", NS) is not None) == (shape != "text")
