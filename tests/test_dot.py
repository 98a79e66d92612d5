"""to_dot / from_dot: styled DOT any Graphviz reads, and the library's DOT read back exactly."""

import networkx as nx
import pydot
import pytest

import diagrams_lib as dl
from tests.helpers import awkward_keys, bug_hunt


def test_to_dot_reparses_with_pydot_and_keeps_labels_literal():
    text = dl.to_dot(awkward_keys(), max_label_width=400)
    parsed = pydot.graph_from_dot_data(text)[0]
    labels = {n.get_name(): n.get("label") for n in parsed.get_nodes() if n.get("label")}
    assert labels["n1"] == '"say \\"hi\\" \\\\N <i>not html</i> & done"'
    assert labels["n0"] == '"port? a:b"'


def test_to_dot_is_stable_and_sorted():
    a, b = dl.to_dot(bug_hunt()), dl.to_dot(bug_hunt())
    assert a == b
    line = next(x for x in a.splitlines() if x.startswith("n0 ["))
    names = [part.split("=")[0] for part in line[4:-2].split(", ") if "=" in part]
    assert names == sorted(names)


def test_to_dot_renders_with_graphviz_itself():
    import pygraphviz

    svg = pygraphviz.AGraph(string=dl.to_dot(bug_hunt())).draw(format="svg", prog="dot")
    assert b"Hardware faults" in svg


def test_round_trip_keeps_labels_roles_groups_and_title():
    g = dl.from_dot(dl.to_dot(bug_hunt()))
    assert g.graph["title"] == "How the bug was found"
    assert g.graph["description"] == bug_hunt().graph["description"]
    assert g.nodes["hw"] == {
        "label": "Hardware faults",
        "role": "ruled_out",
        "note": "ruled out first",
        "group": "Hypotheses",
    }
    assert g.nodes["crash"]["label"] == "Crashes that look unrelated"
    assert dl.render(g) == dl.render(bug_hunt())


def test_from_dot_handles_colons_quotes_and_parallel_edges():
    g = dl.from_dot('digraph { "a:b" -> c [label="x \\"y\\" \\\\z"]; "a:b" -> c; }')
    assert isinstance(g, nx.MultiDiGraph)
    assert list(g.nodes) == ["a:b", "c"]
    assert g.edges["a:b", "c", 0]["label"] == 'x "y" \\z'


def test_from_dot_errors_name_the_source(tmp_path):
    with pytest.raises(dl.DotParseError, match="DOT text is not valid DOT"):
        dl.from_dot("digraph { a -> ")
    path = tmp_path / "broken.dot"
    path.write_text("graph { ][ }")
    with pytest.raises(dl.DotParseError, match="broken.dot"):
        dl.read_dot(path)
    with pytest.raises(dl.DotParseError, match="missing.dot"):
        dl.read_dot(tmp_path / "missing.dot")


def test_read_dot_titles_untitled_graphs_by_file_name(tmp_path):
    path = tmp_path / "pipeline.dot"
    path.write_text("digraph { a -> b }")
    g = dl.read_dot(path)
    assert g.graph["title"] == "pipeline"
    assert "<title" in dl.render(g)
