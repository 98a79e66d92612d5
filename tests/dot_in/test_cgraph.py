"""Graphviz's own parser, run through pygraphviz's binding, copied out as plain data."""

import pytest

import diagrams_lib as dl
from diagrams_lib.dot_in.cgraph import parse
from diagrams_lib.dot_in.scan import decode, html_strings


def test_defaults_fan_out_and_ports_are_graphvizs():
    g = parse(
        b"digraph { node [shape=box]; a -> {b c}; a:f1:n -> b:s; c [shape=oval] }", source="t"
    )
    assert [(n.name, n.attrs["shape"]) for n in g.nodes] == [
        ("a", "box"),
        ("b", "box"),
        ("c", "oval"),
    ]
    assert sorted((e.tail, e.head) for e in g.edges) == [("a", "b"), ("a", "b"), ("a", "c")]
    ported = next(e for e in g.edges if e.attrs.get("tailport"))
    assert (ported.attrs["tailport"], ported.attrs["headport"]) == ("f1:n", "s")


def test_a_node_without_label_shows_its_name_as_dots_command_does():
    g = parse(b'digraph { a [label="x"]; b }', source="t")
    assert [n.attrs["label"] for n in g.nodes] == ["x", "\\N"]


def test_strict_merges_and_keys_are_kept():
    assert len(parse(b"strict graph { a -- b; b -- a }", source="t").edges) == 1
    assert len(parse(b"graph { a -- b; b -- a }", source="t").edges) == 2
    keyed = parse(b"digraph { a -> b [key=k1]; a -> b }", source="t")
    assert sorted(str(e.key) for e in keyed.edges) == ["None", "k1"]


def test_subgraphs_keep_their_nesting_and_members():
    g = parse(b"digraph { a; subgraph cluster_x { b; subgraph cluster_y { a } } }", source="t")
    (x,) = g.subgraphs
    assert (x.name, x.nodes, x.subgraphs[0].name, x.subgraphs[0].nodes) == (
        "cluster_x",
        ("a", "b"),
        "cluster_y",
        ("a",),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("digraph { a -> }", "t is not valid DOT: syntax error in line 1 near '}'"),
        ("a -> b", "no graph body"),
    ],
)
def test_errors_are_one_line_naming_the_input(text, message):
    with pytest.raises(dl.DotParseError) as caught:
        parse(text.encode(), source="t")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value) and "0x" not in str(caught.value)


def test_charset_is_honoured_and_bad_utf8_is_read_as_latin1():
    text, notes = decode('graph { charset=latin1; a [label="é"] }'.encode("latin-1"), source="t")
    assert "é" in text and notes == []
    text, notes = decode('graph { a [label="é"] }'.encode("latin-1"), source="t")
    assert "é" in text and "read as Latin-1" in notes[0]


def test_html_strings_are_found_outside_strings_and_comments():
    text = 'digraph { /* <x> */ a [label=<<B>b</B>>]; c [label="<f0> d"] // <y>\n# <z>\n}'
    assert html_strings(text) == (frozenset({"<B>b</B>"}), 8, False)


def test_only_the_first_graph_is_read_and_the_rest_is_said():
    g = parse(b"digraph { a } digraph { b } garbage {", source="t")
    assert [n.name for n in g.nodes] == ["a"]
    assert "t holds more than one graph; only the first is drawn" in g.messages


def test_graphviz_warnings_while_parsing_are_kept():
    g = parse(b"digraph { 2a -> b }", source="t")
    assert any("badly delimited number" in m for m in g.messages)
