"""Each engine gets routing that suits it, and groups only where it can draw them."""

from __future__ import annotations

import re

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.dot import SPLINE_EDGES, geometry_dot
from diagrams_lib.model import read_diagram
from diagrams_lib.size import size_diagram
from diagrams_lib.theme import LIGHT
from tests.helpers import bug_hunt


def _geometry(g: nx.Graph, prog: str) -> str:
    diagram = read_diagram(g)
    return geometry_dot(diagram, size_diagram(diagram, theme=LIGHT, max_width=180), prog=prog)


def _web(nodes: int, edges: int) -> nx.Graph:
    """A deterministic tangle: every node linked to a few far ones."""
    g = nx.Graph(title="Web")
    step = 0
    while g.number_of_edges() < edges:
        step += 1
        for i in range(nodes):
            if g.number_of_edges() == edges:
                break
            g.add_edge(f"module {i}", f"module {(i * 7 + step * 13) % nodes}")
    return g


@pytest.mark.parametrize("prog", ["neato", "fdp", "twopi", "sfdp", "circo"])
def test_big_graphs_get_straight_edges_small_ones_routed_around_nodes(prog):
    """Routing splines around every node took 5 s with neato on a 158-node import graph."""
    small, big = _web(12, 20), _web(60, SPLINE_EDGES + 1)
    routed = "curved" if prog == "circo" else "true"
    assert f"splines={routed}" in _geometry(small, prog)
    assert "splines=line" in _geometry(big, prog)


def test_sfdp_and_osage_lay_out_a_big_graph():
    g = _web(150, 300)
    for engine in ("sfdp", "osage"):
        svg = dl.render(g, engine=engine)
        assert svg.count('class="node role') == 150


def test_osage_and_fdp_draw_groups_and_the_others_warn():
    for engine in ("dot", "fdp", "osage"):
        assert 'class="group"' in dl.render(bug_hunt(), engine=engine)
    with pytest.warns(dl.DiagramWarning, match="engine 'sfdp' cannot keep groups together"):
        svg = dl.render(bug_hunt(), engine="sfdp")
    assert 'class="group"' not in svg


def _ring() -> nx.DiGraph:
    g = nx.DiGraph(title="Ring")
    names = ["Request", "Validate", "Queue", "Worker", "Store", "Notify"]
    for a, b in zip(names, names[1:] + names[:1], strict=True):
        g.add_edge(a, b, label="next step")
    g.add_edge("Store", "Worker", label="ack")
    g.add_edge("Worker", "Worker", label="poll")
    return g


def _rects(svg: str, pattern: str) -> list[tuple[float, float, float, float]]:
    found = re.findall(
        pattern + r'[^>]*?x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', svg
    )
    return [(float(x), float(y), float(x) + float(w), float(y) + float(h)) for x, y, w, h in found]


def test_circo_keeps_labels_off_nodes_and_antiparallel_edges_apart():
    svg = dl.render(_ring(), engine="circo")
    routes = {
        (a, b): d
        for a, b, d in re.findall(
            r'data-source="([^"]+)" data-target="([^"]+)">.*?<path[^>]* d="([^"]+)"', svg
        )
    }
    there, back = routes["Worker", "Store"], routes["Store", "Worker"]
    assert not set(there.replace("C", " ").split()) & set(back.replace("C", " ").split())
    nodes = _rects(svg, r'class="node[^"]*" data-key="[^"]*"><title>[^<]*</title><rect')
    labels = _rects(svg, r'<rect class="label-bg"')
    assert len(nodes) == 6 and len(labels) == 8
    for lx0, ly0, lx1, ly1 in labels:
        for nx0, ny0, nx1, ny1 in nodes:
            assert lx1 <= nx0 or nx1 <= lx0 or ly1 <= ny0 or ny1 <= ly0, "label on a node"
