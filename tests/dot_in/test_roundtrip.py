"""The library's own DOT comes back as the very graph it was written from."""

import importlib
import warnings

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.dot_in.roundtrip import graph_from_json, graph_to_json
from diagrams_lib.model import KINDS
from tests.helpers import awkward_keys, bug_hunt


def golden_graphs():
    yield "bug_hunt", bug_hunt()
    yield "awkward_keys", awkward_keys()
    for kind in KINDS:
        yield kind, importlib.import_module(f"diagrams_lib.kinds.{kind}").example()


def same(a, b) -> bool:
    """Equal as graphs, in the same order, with the same type and keys."""
    return (
        type(a) is type(b)
        and nx.utils.graphs_equal(a, b)
        and list(a.nodes(data=True)) == list(b.nodes(data=True))
        and list(a.edges(data=True)) == list(b.edges(data=True))
        and (not a.is_multigraph() or list(a.edges(keys=True)) == list(b.edges(keys=True)))
    )


@pytest.mark.parametrize(
    ("name", "g"), list(golden_graphs()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_every_golden_graph_round_trips(name, g):
    back = dl.from_dot(dl.to_dot(g))
    assert same(back, g)
    assert dl.render(back) == dl.render(g)


def test_records_ranks_and_styles_round_trip():
    groups = {"in": {"label": "", "parent": "out"}, "out": "Outer"}
    g = nx.MultiGraph(title="All", direction="LR", groups=groups)
    g.add_node("r", fields=["a", [{"text": "b", "port": "p"}]], shape="mrecord", rank="top")
    g.add_node(("t", 1), pin=(1.5, 2.0), rank="top", group="in", line="invisible")
    g.add_edge("r", ("t", 1), key="k", tail_port="p:e", line_width=2.5, dot={"headclip": "false"})
    g.add_edge("r", ("t", 1), key=7)
    back = dl.from_dot(dl.to_dot(g))
    assert same(back, g) and back.nodes[("t", 1)]["pin"] == (1.5, 2.0)


def test_styled_dot_still_draws_in_graphviz_and_an_edited_file_is_read_as_dot():
    import pygraphviz

    text = dl.to_dot(bug_hunt())
    assert b"Hardware faults" in pygraphviz.AGraph(string=text).draw(format="svg", prog="dot")
    edited = text.replace("}\n", 'extra [label="Added by hand"];\n}\n')
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        g = dl.from_dot(edited)  # no longer all the library's own: read as any DOT
    assert any("'bgcolor' is not drawn" in str(w.message) for w in said)
    assert g.nodes["extra"]["label"] == "Added by hand" and "n0" in g


@pytest.mark.parametrize("text", ['a\\"b', "a\\", '"', "\\\\\\", "\\u0022", "line\nbreak"])
def test_json_survives_cgraphs_quoting(text):
    g = nx.DiGraph(title=text)
    g.add_node(text, label=text)
    back = dl.from_dot(dl.to_dot(g))
    assert back.graph["title"] == text and list(back.nodes(data="label")) == [(text, text)]


def test_the_workers_json_keeps_types():
    g = nx.MultiDiGraph(title="T", groups={"g": {"label": "G", "parent": None}})
    g.add_edge(("a", 1), 2, key="k", pin=(1.0, 2.0), fields=["x", ["y"]])
    assert same(graph_from_json(graph_to_json(g)), g)
