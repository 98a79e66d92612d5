"""One entry for every DOT a user holds: text, paths, bytes, pydot, pygraphviz, graphviz."""

from pathlib import Path

import graphviz
import pydot
import pygraphviz
import pytest

import diagrams_lib as dl

TEXT = 'digraph flow { label="Flow"; node [shape=box]; a -> {b c}; a:s -> b:n }'


def inputs(tmp_path: Path) -> dict:
    path = tmp_path / "flow.dot"
    path.write_text(TEXT)
    digraph = graphviz.Digraph("flow", graph_attr={"label": "Flow"}, node_attr={"shape": "box"})
    digraph.edges([("a", "b"), ("a", "c"), ("a:s", "b:n")])
    return {
        "text": TEXT,
        "path str": str(path),
        "Path": path,
        "bytes": TEXT.encode(),
        "pydot.Dot": pydot.graph_from_dot_data(TEXT)[0],
        "pygraphviz.AGraph": pygraphviz.AGraph(string=TEXT),
        "graphviz.Source": graphviz.Source(TEXT),
        "graphviz.Source.from_file": graphviz.Source.from_file(path),
        "graphviz.Digraph": digraph,
    }


@pytest.mark.parametrize(
    "kind",
    [
        "text",
        "path str",
        "Path",
        "bytes",
        "pydot.Dot",
        "pygraphviz.AGraph",
        "graphviz.Source",
        "graphviz.Source.from_file",
        "graphviz.Digraph",
    ],
)
def test_every_kind_of_dot_reads_renders_and_converts_alike(kind, tmp_path):
    dot = inputs(tmp_path)[kind]
    g = dl.from_dot(dot)
    assert g.graph["title"] == "Flow" and sorted(g.nodes) == ["a", "b", "c"]
    assert g.number_of_edges() == 3 and {s for _, s in g.nodes(data="shape")} == {"rect"}
    ported = [d for *_, d in g.edges(data=True) if d]
    assert ported == [{"tail_port": "s", "head_port": "n"}]
    assert dl.render(dot) == dl.render(g)
    assert dl.to_dot(dot) == dl.to_dot(g)


def test_a_file_without_label_or_name_is_titled_by_its_name(tmp_path):
    path = tmp_path / "pipeline.gv"
    path.write_text("digraph { a -> b }")
    assert dl.read_dot(path).graph["title"] == "pipeline"
    assert dl.from_dot(str(path)).graph["title"] == "pipeline"
    assert dl.from_dot("digraph { a -> b }").graph["title"] == "Diagram"
    assert dl.render("digraph { a -> b }").count("<title") == 4


def test_other_inputs_are_refused_by_name():
    with pytest.raises(dl.DiagramTypeError, match="not int"):
        dl.from_dot(42)
    with pytest.raises(dl.DiagramTypeError, match="already a networkx graph"):
        dl.from_dot(dl.from_dot(TEXT))
    with pytest.raises(dl.DotParseError, match="neither DOT text .* nor a DOT file"):
        dl.from_dot("no-such-file.dot")
    with pytest.raises(dl.DiagramTypeError, match="expects a path"):
        dl.read_dot(TEXT.encode())


def test_source_names_the_input_in_messages():
    with pytest.raises(dl.DotParseError, match="^my input is not valid DOT"):
        dl.from_dot("digraph {", source="my input")
