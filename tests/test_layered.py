"""``engine="layered"``: dot's ranks and order, our own placement and routes."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diagrams_lib as dl
from diagrams_lib.dot import geometry_dot
from diagrams_lib.engine import layout
from diagrams_lib.layered import layout_layered
from diagrams_lib.model import read_diagram
from diagrams_lib.placement import pack, positions
from diagrams_lib.positions import floats
from diagrams_lib.size import size_diagram
from diagrams_lib.theme import get_theme

from .test_labels import check_labels

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import itertools

import crossings
import graphs

LIGHT = get_theme("light")


def _geometries(g: nx.Graph):
    diagram = read_diagram(g)
    sizes = replace(size_diagram(diagram, theme=LIGHT, max_width=200), labels={})
    ours = layout_layered(diagram, sizes)
    dots = layout(geometry_dot(diagram, sizes, prog="dot"))
    return diagram, sizes, ours, dots


def _boxes(diagram, sizes, geometry):
    for node in diagram.nodes:
        x, y = floats(geometry.nodes[node.id])
        box = sizes.nodes[node.id]
        yield (
            node.id,
            (x - box.width / 2, y - box.height / 2, x + box.width / 2, y + box.height / 2),
        )


@pytest.mark.parametrize("direction", ["TB", "LR", "BT", "RL"])
def test_no_two_nodes_overlap_and_every_edge_joins_its_nodes(direction):
    g = graphs.pipeline(150)
    g.graph["direction"] = direction
    g.add_edge("s120", "s3")  # against the flow: drawn back up
    g.add_edge("s5", "s5")
    g.add_edge("s7", "s20")
    g.add_edge("s7", "s20")  # a parallel edge
    diagram, sizes, geo, _ = _geometries(g)
    boxes = dict(_boxes(diagram, sizes, geo))
    ordered = sorted(boxes.items(), key=lambda kv: kv[1][0])
    for i, (a, p) in enumerate(ordered):
        for b, q in ordered[i + 1 :]:
            if q[0] >= p[2]:
                break
            assert not (p[1] < q[3] and q[1] < p[3]), f"{a} and {b} overlap"
    near = 1.0  # px: an edge starts and ends on its nodes' outlines
    for edge in diagram.edges:
        line = crossings.polyline(geo.edges[edge.id])
        tip = geo.edges[edge.id].split()[0]
        end = floats(tip[2:]) if tip.startswith("e,") else line[-1]
        for point, key in ((line[0], edge.source), (end, edge.target)):
            x0, y0, x1, y1 = boxes[key]
            assert x0 - near <= point[0] <= x1 + near and y0 - near <= point[1] <= y1 + near


def test_crossings_stay_near_dots():
    g = graphs.pipeline(400)
    diagram, _, ours, dots = _geometries(g)
    ends = {e.id: (e.source, e.target) for e in diagram.edges}

    def count(geo):
        return crossings.crossings(
            {k: crossings.polyline(v) for k, v in geo.edges.items()}, ends=ends
        )

    assert count(ours) <= 1.3 * count(dots)


def test_the_same_graph_gives_the_same_bytes_and_labels_sit_beside_their_edges():
    g = graphs.pipeline(200)
    first = dl.render(g, engine="layered")
    assert first == dl.render(g, engine="layered")
    assert check_labels(first) == sum(1 for *_, label in g.edges(data="label") if label)


def test_undirected_graphs_have_no_arrowheads():
    g = nx.Graph(nx.balanced_tree(2, 3), title="Tree")
    svg = dl.render(g, engine="layered")
    assert '<polygon class="arrow"' not in svg and svg.count('class="line"') == 14


def test_groups_are_left_out_with_a_warning_and_isolation_gives_the_same_bytes():
    g = nx.DiGraph(title="Grouped")
    g.add_node("a", group="G")
    g.add_edge("a", "b")
    with pytest.warns(dl.DiagramWarning, match="engine 'dot'"):
        assert 'class="group"' not in dl.render(g, engine="layered")
    plain = nx.DiGraph([("a", "b"), ("a", "c"), ("c", "d")], title="T")
    assert dl.render(plain, engine="layered", timeout=30) == dl.render(plain, engine="layered")


@st.composite
def _layered_graphs(draw):
    sizes = draw(st.lists(st.integers(1, 6), min_size=1, max_size=6))
    layers, start = [], 0
    for size in sizes:
        layers.append(list(range(start, start + size)))
        start += size
    ups = {
        v: draw(st.lists(st.sampled_from(above), max_size=3, unique=True))
        for above, layer in itertools.pairwise(layers)
        for v in layer
    }
    widths = draw(st.lists(st.floats(0, 200), min_size=start, max_size=start))
    virtual = draw(st.lists(st.booleans(), min_size=start, max_size=start))
    return layers, ups, widths, virtual


@settings(max_examples=300, deadline=None)
@given(_layered_graphs())
def test_placement_keeps_the_order_and_the_gaps(case):
    layers, ups, widths, virtual = case
    gaps = [4.0 if v else 10.0 for v in virtual]
    xs = positions(layers, ups, widths=widths, gaps=gaps)
    assert xs == positions(layers, ups, widths=widths, gaps=gaps)
    for layer in layers:
        for a, b in itertools.pairwise(layer):
            need = (widths[a] + widths[b]) / 2 + (gaps[a] + gaps[b]) / 2
            assert xs[b] - xs[a] >= need - 1e-6


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.floats(-500, 500), st.floats(0, 50)), min_size=1, max_size=12))
def test_packing_is_the_nearest_order_keeping_the_gaps(case):
    wishes, gaps = [w for w, _ in case], [g for _, g in case]
    xs = pack(wishes, gaps)
    for i in range(1, len(xs)):
        assert xs[i] - xs[i - 1] >= gaps[i] - 1e-6
    cost = sum((x - w) ** 2 for x, w in zip(xs, wishes, strict=True))
    for shift in (-1.0, 1.0):  # moving any run of nodes that keeps the gaps costs more
        for i in range(len(xs)):
            for j in range(i + 1, len(xs) + 1):
                moved = xs[:i] + [x + shift for x in xs[i:j]] + xs[j:]
                if all(moved[k] - moved[k - 1] >= gaps[k] - 1e-6 for k in range(1, len(xs))):
                    other = sum((x - w) ** 2 for x, w in zip(moved, wishes, strict=True))
                    assert other >= cost - 1e-6
