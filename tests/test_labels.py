"""Edge labels of big graphs, placed after the layout: read back from the SVG a user gets.

Each drawn label background must miss every node's outline and every other label, and
touch its own edge's line (within the clearance the layout keeps around a label).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.labels import LABEL_RANKS_UP_TO
from diagrams_lib.size import LABEL_CLEARANCE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import graphs

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]


def _numbers(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?[\d.]+(?:e[-+]?\d+)?", text)]


def _shape_box(el: ET.Element) -> Box:
    a = {k: float(v) for k, v in el.attrib.items() if re.fullmatch(r"-?[\d.]+", v)}
    tag = el.tag.removeprefix(SVG)
    if tag == "rect":
        return a["x"], a["y"], a["x"] + a["width"], a["y"] + a["height"]
    if tag == "ellipse":
        return a["cx"] - a["rx"], a["cy"] - a["ry"], a["cx"] + a["rx"], a["cy"] + a["ry"]
    if tag == "circle":
        return a["cx"] - a["r"], a["cy"] - a["r"], a["cx"] + a["r"], a["cy"] + a["r"]
    values = _numbers(el.get("points") or el.get("d", "").replace("H", " ").replace("V", " "))
    xs, ys = values[0::2], values[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _curve(path: ET.Element) -> list[tuple[float, float]]:
    """Points along an edge's line, in the drawing's coordinates (its transform applied)."""
    _, _, _, _, tx, ty = _numbers(path.get("transform"))
    values = _numbers(path.get("d"))
    pts = list(zip(values[0::2], values[1::2], strict=True))
    out = []
    for k in range(0, len(pts) - 3, 3):
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = pts[k : k + 4]
        for s in range(21):
            t = s / 20
            u = 1 - t
            x = u**3 * ax + 3 * u * u * t * bx + 3 * u * t * t * cx + t**3 * dx
            y = u**3 * ay + 3 * u * u * t * by + 3 * u * t * t * cy + t**3 * dy
            out.append((x + tx, ty - y))
    return out or [(x + tx, ty - y) for x, y in pts]


def _distance(box: Box, point: tuple[float, float]) -> float:
    dx = max(box[0] - point[0], 0, point[0] - box[2])
    dy = max(box[1] - point[1], 0, point[1] - box[3])
    return (dx * dx + dy * dy) ** 0.5


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] - 0.01 and b[0] < a[2] - 0.01 and a[1] < b[3] - 0.01 and b[1] < a[3] - 0.01


def check_labels(svg: str) -> int:
    """Assert the labels of ``svg`` are readable; return how many there are."""
    root = ET.fromstring(svg)
    nodes = [
        _shape_box(g.find(f"{SVG}*[@class='shape']"))
        for g in root.iter(f"{SVG}g")
        if "node" in g.get("class", "").split() and g.find(f"{SVG}*[@class='shape']") is not None
    ]
    labels = []
    for g in root.iter(f"{SVG}g"):
        rect = g.find(f"{SVG}rect[@class='label-bg']")
        if "edge" in g.get("class", "").split() and rect is not None:
            box = _shape_box(rect)
            gap = min(_distance(box, p) for p in _curve(g.find(f"{SVG}path")))
            assert gap <= LABEL_CLEARANCE + 1, f"label of {g.get('id')} is {gap:.1f} px off"
            labels.append((g.get("id"), box))
    for i, (name, box) in enumerate(labels):
        hit = next((n for n in nodes if _overlap(box, n)), None)
        assert hit is None, f"label of {name} covers a node at {hit}"
        other = next((m for m, b in labels[i + 1 :] if _overlap(box, b)), None)
        assert other is None, f"labels of {name} and {other} overlap"
    return len(labels)


def test_a_big_graph_gets_every_label_beside_its_edge():
    g = graphs.pipeline(LABEL_RANKS_UP_TO + 200)
    labelled = sum(1 for *_, label in g.edges(data="label") if label)
    assert labelled > 10
    assert check_labels(dl.render(g)) == labelled


def _crowded(direction: str) -> nx.DiGraph:
    """Every edge labelled, long labels, a hub and a group: placed labels must collide
    unless the drawing makes room for them."""
    g = nx.DiGraph(title="Crowded", direction=direction)
    for i in range(12):
        g.add_edge("hub", f"leaf {i}", label=f"a rather long label number {i}")
        g.add_edge(f"leaf {i}", f"next {i % 4}", label="then")
    for i in range(4):
        g.add_node(f"next {i}", group="Later")
    g.add_edge("next 0", "next 0", label="again")
    return g


@pytest.mark.parametrize("direction", ["TB", "LR", "BT", "RL"])
def test_crowded_labels_get_room_made_for_them(direction):
    g = _crowded(direction)
    assert check_labels(dl.render(g, edge_labels="placed")) == g.number_of_edges()


def test_the_check_sees_a_label_over_a_node():
    g = nx.DiGraph(title="Ranks")
    g.add_edge("a", "b", label="x")
    svg = dl.render(g)
    bad = re.sub(r'(class="label-bg" x=")[\d.]+(" y=")[\d.]+', r"\g<1>20\g<2>20", svg)
    with pytest.raises(AssertionError):
        check_labels(bad)


def test_label_ranks_up_to_the_threshold_and_placed_past_it():
    small, big = (graphs.pipeline(n) for n in (LABEL_RANKS_UP_TO, LABEL_RANKS_UP_TO + 1))
    assert dl.render(small) == dl.render(small, edge_labels="ranks")
    assert dl.render(small) != dl.render(small, edge_labels="placed")
    assert dl.render(big) == dl.render(big, edge_labels="placed")


def test_an_unknown_choice_is_named():
    with pytest.raises(dl.UnknownOptionError, match="ranks, placed"):
        dl.render(nx.DiGraph([("a", "b")], title="T"), edge_labels="beside")
