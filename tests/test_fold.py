"""Folding wide, flat drawings (``render(fold=...)``): the shape a reader gets."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.fold import FOLD_ASPECT, FOLD_WIDTH

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import graphs


def _size(svg: str) -> tuple[float, float]:
    width, height = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return float(width), float(height)


def _fan_out() -> nx.DiGraph:
    """Ten areas of fourteen modules each under one root: 151 nodes, one rank of 140."""
    g = nx.DiGraph(title="Fan-out")
    for i in range(10):
        g.add_edge("root", f"area {i}")
        for j in range(14):
            g.add_edge(f"area {i}", f"module {i}.{j} with a name")
    return g


def test_a_wide_flat_graph_is_folded_by_default():
    flat = _size(dl.render(_fan_out(), fold=False))
    assert flat[0] > FOLD_WIDTH and flat[0] > FOLD_ASPECT * flat[1]
    width, height = _size(dl.render(_fan_out()))
    assert width < flat[0] / 4 and width < 2.5 * height


def test_the_layered_engine_folds_too():
    flat = _size(dl.render(_fan_out(), engine="layered", fold=False))
    width, _ = _size(dl.render(_fan_out(), engine="layered"))
    assert width < flat[0] / 1.5


def test_a_drawing_that_fits_is_left_alone():
    g = nx.balanced_tree(3, 3, create_using=nx.DiGraph)
    g.graph["title"] = "Tree"
    assert dl.render(g) == dl.render(g, fold=False)


def test_fold_takes_only_a_yes_a_no_or_none():
    with pytest.raises(dl.DiagramTypeError, match="fold"):
        dl.render(_fan_out(), fold="yes")


def test_every_arrow_of_a_folded_graph_points_at_its_node():
    import xml.etree.ElementTree as ET

    from .test_labels import SVG, _numbers, _shape_box

    g = graphs.imports()  # networkx's modules: a package and its modules import each other
    root = ET.fromstring(dl.render(g))
    assert float(root.get("width")) < _size(dl.render(g, fold=False))[0] / 1.2  # folded
    boxes = {
        n.get("data-key"): _shape_box(n.find(f"{SVG}*[@class='shape']"))
        for n in root.iter(f"{SVG}g")
        if "node" in n.get("class", "").split()
    }
    edges = {e.get("id"): e for e in root.iter(f"{SVG}g") if e.get("data-target")}
    for heads in root.iter(f"{SVG}g"):  # arrowheads are drawn over the nodes, by edge
        arrow = heads.find(f"{SVG}polygon[@class='arrow']")
        if arrow is None or heads.get("data-edge") is None:
            continue
        edge = edges[heads.get("data-edge")]
        _, _, _, _, tx, ty = _numbers(arrow.get("transform"))
        x, y = _numbers(arrow.get("points"))[:2]
        x, y = x + tx, ty - y
        x0, y0, x1, y1 = boxes[edge.get("data-target")]
        gap = max(x0 - x, 0, x - x1) + max(y0 - y, 0, y - y1)
        assert gap < 12, f"{edge.get('id')} ends {gap:.0f} px from its node"
