"""Folding wide, flat drawings (``render(fold=...)``): the shape a reader gets."""

from __future__ import annotations

import re

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.fold import FOLD_ASPECT, FOLD_WIDTH


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
