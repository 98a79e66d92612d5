"""What a DOT file says, mapped onto the model: one focused test per mapping."""

import re
import warnings

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.model import read_diagram
from diagrams_lib.quoting import xml_text


def read(text: str):
    """``from_dot(text)`` and the messages it warned with."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = dl.from_dot(text)
    assert all(issubclass(w.category, dl.DiagramWarning) for w in caught)
    return g, [str(w.message) for w in caught]


def test_rankdir_is_the_direction_and_a_bad_one_is_said():
    for rankdir in ("LR", "RL", "BT", "TB"):
        assert read(f"digraph {{ rankdir={rankdir}; a -> b }}")[0].graph["direction"] == rankdir
    g, said = read("digraph { rankdir=TD; a -> b }")
    assert g.graph["direction"] == "TB" and "rankdir 'TD' is not one Graphviz knows" in said[0]


def test_rank_subgraphs_and_layout_hints():
    g, _ = read(
        "digraph { {rank=same; a; b} {rank=min; s} {rank=max; t} "
        "a -> b [constraint=false, weight=5, minlen=2]; c [group=spine] }"
    )
    assert g.nodes["a"]["rank"] == g.nodes["b"]["rank"] != g.nodes["s"].get("rank")
    assert (g.nodes["s"]["rank"], g.nodes["t"]["rank"]) == ("min", "max")
    assert g.edges["a", "b"] == {"constraint": False, "weight": 5, "minlen": 2}
    assert g.nodes["c"]["straight_group"] == "spine"


@pytest.mark.parametrize(
    ("dot_shape", "shape"),
    [
        ("box", "rect"),
        ("ellipse", "ellipse"),
        ("oval", "ellipse"),
        ("circle", "circle"),
        ("doublecircle", "doublecircle"),
        ("diamond", "diamond"),
        ("Mdiamond", "mdiamond"),
        ("Msquare", "msquare"),
        ("parallelogram", "parallelogram"),
        ("hexagon", "hexagon"),
        ("cylinder", "cylinder"),
        ("note", "note"),
        ("folder", "folder"),
        ("tab", "tab"),
        ("component", "component"),
        ("plaintext", "text"),
        ("none", "text"),
        ("point", "point"),
    ],
)
def test_shapes(dot_shape, shape):
    g, said = read(f"digraph {{ a [shape={dot_shape}] }}")
    assert g.nodes["a"]["shape"] == shape and said == []


def test_default_shape_rounded_boxes_and_nearest_shapes():
    g, said = read(
        "digraph { a; b [shape=box, style=rounded]; c [shape=house]; "
        "d [shape=circle, peripheries=2] }"
    )
    shapes = {n: d["shape"] for n, d in g.nodes(data=True)}
    assert shapes == {"a": "ellipse", "b": "round", "c": "trapezoid", "d": "doublecircle"}
    assert said == [
        "DOT text: attribute 'shape': shape 'house' is drawn as 'trapezoid' (on node 'c')"
    ]


def test_records_become_fields_that_flip_with_rankdir_and_ports_attach():
    text = 'digraph { rankdir=%s; node [shape=record]; s [label="<a> x|{y|<b> z}"]; s:b -> t }'
    # t is a record too, of one field: its name
    tb, _ = read(text % "TB")
    assert tb.nodes["s"]["fields"] == [
        {"text": "x", "port": "a"},
        ["y", {"text": "z", "port": "b"}],
    ]
    assert tb.edges["s", "t"]["tail_port"] == "b"
    svg = dl.render(tb)
    assert svg.count('class="label field"') == 4 and "<title>x | y | z</title>" in svg
    lr, _ = read(text % "LR")
    assert lr.nodes["s"]["fields"] == tb.nodes["s"]["fields"]  # a record flips by itself
    assert read_diagram(lr).direction == "LR"


def test_a_record_graphviz_cannot_read_shows_the_name_and_says_so():
    g, said = read('digraph { s [shape=record, label="a|{b"] }')
    assert g.nodes["s"]["fields"] == ["s"] and "cannot read" in said[0]


def test_html_labels_become_text_and_tables_become_fields():
    g, said = read(
        "digraph { a [label=<<B>Big</B><BR/>x &amp; y>]; d [label=<data>]; "
        't [shape=plaintext, label=<<TABLE><TR><TD PORT="p">1</TD><TD>2</TD></TR></TABLE>>]; '
        'u [shape=none, label=<<TABLE BORDER="0" CELLBORDER="0">'
        "<TR><TD>lay</TD><TD>out</TD></TR></TABLE>>]; "
        "a -> t:p }"
    )
    assert g.nodes["a"]["label"] == "Big\nx & y" and g.nodes["d"]["label"] == "data"
    assert g.nodes["t"]["fields"] == [{"text": "1", "port": "p"}, "2"]
    assert g.nodes["t"]["shape"] == "record" and g.edges["a", "t"]["head_port"] == "p"
    assert g.nodes["u"]["label"] == "lay out" and "fields" not in g.nodes["u"]
    assert said == ["DOT text: attribute 'label': HTML <B> not drawn, only the text (on node 'a')"]


def test_pyreverse_html_records():
    g, said = read(
        'digraph { A [shape=record, label=<{A|x : int<br ALIGN="LEFT"/>|m()<br ALIGN="LEFT"/>}>] }'
    )
    assert g.nodes["A"]["fields"] == [
        ["A", {"text": "x : int", "align": "left"}, {"text": "m()", "align": "left"}]
    ]
    assert said == []


def test_ports_compass_points_and_unknown_ports():
    g, said = read("digraph { a:n -> b:sw; a:e -> c:nope; a:_ -> d }")
    ports = [(d.get("tail_port"), d.get("head_port")) for *_, d in g.edges(data=True)]
    assert ports == [("n", "sw"), ("e", None), (None, None)]
    assert said == [
        "DOT text: attribute 'headport': port 'nope': node 'c' has no such field "
        "(on edge 'a' -> 'c')"
    ]


def test_end_labels_and_xlabels():
    g, _ = read(
        'digraph { a [xlabel="X"]; a -> b [headlabel=H, taillabel=T]; b -> c [xlabel=mid] }'
    )
    assert g.nodes["a"]["xlabel"] == "X"
    assert g.edges["a", "b"] == {"head_label": "H", "tail_label": "T"}
    assert g.edges["b", "c"] == {"label": "mid"}
    svg = dl.render(g)
    assert all(f">{t}</tspan>" in svg for t in ("X", "H", "T", "mid"))


@pytest.mark.parametrize(
    ("graph", "attrs", "expected"),
    [
        ("digraph", "dir=back", {"dir": "back"}),
        ("digraph", "dir=both, arrowtail=odot", {"dir": "both", "arrowtail": "odot"}),
        ("digraph", "arrowhead=none", {"dir": "forward", "arrowhead": "none"}),
        ("digraph", "arrowhead=empty", {"dir": "forward", "arrowhead": "empty"}),
        ("graph", "arrowhead=normal", {"dir": "none", "arrowhead": "normal"}),
        ("graph", "dir=forward", {"dir": "forward"}),
        ("digraph", "", {}),
    ],
)
def test_directions_and_arrowheads(graph, attrs, expected):
    arrow = "->" if graph == "digraph" else "--"
    g, _ = read(f"{graph} {{ a {arrow} b [{attrs}] }}")
    assert g.edges["a", "b"] == expected


def test_arrowheads_are_drawn_as_graphviz_says():
    svg = dl.render(read("digraph { a -> b [dir=none]; b -> c [dir=both, arrowtail=dot] }")[0])
    assert svg.count('class="arrow"') == 2 and "<circle" in svg


def test_styles_and_colours():
    g, _ = read(
        "digraph { a [style=filled, fillcolor=gold, color=grey40, fontcolor=navyblue, penwidth=2]; "
        "b [style=filled]; c [style=filled, color=red]; d [style=invis]; e [style=dashed]; "
        'a -> b [style=dotted, color="#0000ff", fontcolor=red, penwidth=3, label=x]; '
        'b -> c [style="setlinewidth(4)"]; c -> d [style=invis]; d -> e [style=bold] }'
    )
    assert g.nodes["a"] == {
        "label": "a",
        "shape": "ellipse",
        "line_width": 2.0,
        "fill": "#ffd700",
        "color": "#666666",
        "text_color": "#000080",
    }
    assert g.nodes["b"]["fill"] == "#d3d3d3" and g.nodes["c"]["fill"] == "#ff0000"
    assert (g.nodes["d"]["line"], g.nodes["e"]["line"]) == ("invisible", "dashed")
    edges = [d for *_, d in g.edges(data=True)]
    assert edges[0] == {
        "label": "x",
        "line": "dotted",
        "line_width": 3.0,
        "color": "#0000ff",
        "text_color": "#ff0000",
    }
    assert [e.get("line"), e.get("line_width")] == [None, 4.0] if (e := edges[1]) else False
    assert (edges[2]["line"], edges[3]["line"]) == ("invisible", "bold")


def test_nested_clusters_stay_nested_and_unlabelled_ones_have_no_title():
    g, _ = read(
        "digraph { x; subgraph cluster_a { x; subgraph cluster_b { label=B; y } "
        "subgraph cluster_c { z } label=A } subgraph cluster_empty { } }"
    )
    assert g.graph["groups"] == {
        "cluster_a": "A",
        "cluster_b": {"label": "B", "parent": "cluster_a"},
        "cluster_c": {"label": "", "parent": "cluster_a"},
    }
    assert [g.nodes[n]["group"] for n in "xyz"] == ["cluster_a", "cluster_b", "cluster_c"]
    svg = dl.render(g)
    assert svg.count('class="group"') == 3 and svg.count('class="group-label"') == 2


def test_undirected_and_multi_edges_are_kept_one_for_one_and_strict_merges():
    g, _ = read("graph { a -- b; b -- a; a -- b [label=x] }")
    assert isinstance(g, nx.MultiGraph) and g.number_of_edges() == 3
    g, _ = read("strict graph { a -- b; b -- a }")
    assert isinstance(g, nx.Graph) and not g.is_multigraph() and g.number_of_edges() == 1
    g, _ = read("digraph { a -> b; a -> b }")
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_edges() == 2


def test_an_undirected_edge_keeps_its_ends_attributes_at_the_right_node():
    g, _ = read('graph { b; a; a:e -- b:w [headlabel="at b", taillabel="at a"] }')
    edge = read_diagram(g).edges[0]
    ends = {
        edge.source_key: (edge.tail_port, edge.tail_label),
        edge.target_key: (edge.head_port, edge.head_label),
    }
    assert ends == {"a": ("e", "at a"), "b": ("w", "at b")}


def test_what_is_not_drawn_is_one_warning_per_attribute_naming_where():
    g, said = read(
        "digraph { fontname=Arial; node [fontname=Arial, fontsize=9]; a; b; c; "
        "a -> b [arrowsize=2, lhead=x]; subgraph cluster_x { bgcolor=grey; c } }"
    )
    names = [re.search(r"attribute '(\w+)'", m).group(1) for m in said]
    assert sorted(names) == ["arrowsize", "bgcolor", "fontname", "fontsize", "lhead"]
    fontname = next(m for m in said if "'fontname'" in m)
    # the cluster takes the graph's font, as in Graphviz
    assert fontname == (
        "DOT text: attribute 'fontname' is not drawn (on the graph, cluster 'cluster_x' and 3 more)"
    )
    assert dl.render(g).startswith("<svg")


def test_unsafe_urls_are_dropped_with_a_warning_and_safe_ones_link():
    g, said = read('digraph { a [URL="https://example.org"]; b [URL="javascript:alert(1)"] }')
    assert g.nodes["a"]["link"] == "https://example.org" and "link" not in g.nodes["b"]
    assert said == [
        "DOT text: attribute 'URL': URL 'javascript:alert(1)' is not safe to link to; "
        "dropped (on node 'b')"
    ]
    assert 'href="https://example.org"' in dl.render(g)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('digraph G { label="Flow <1>"; a }', "Flow <1>"),
        ("digraph G { label=<<B>Bold</B>>; a }", "Bold"),
        ('digraph "My graph" { a }', "My graph"),
        ("digraph { a }", "Diagram"),
    ],
)
def test_render_of_any_dot_has_a_title(text, title):
    g, _ = read(text)
    assert g.graph["title"] == title
    assert f'-title">{xml_text(title)}</title>' in dl.render(g)
    assert 'class="dl-title"' not in dl.render(g, show_title=False)


def test_label_escapes_and_entities():
    g, _ = read(
        'digraph G { a [label="\\N in \\G"]; b [label="x\\ly\\l"]; a -> b [label="\\T to \\H"]; '
        'c [label="A &amp; B"] }'
    )
    assert g.nodes["a"]["label"] == "a in G"
    assert (g.nodes["b"]["label"], g.nodes["b"]["align"]) == ("x\ny", "left")
    assert g.edges["a", "b"]["label"] == "a to b" and g.nodes["c"]["label"] == "A & B"


def test_control_characters_never_fail_a_render():
    g, _ = read('digraph { "a\x01b" [label="x\x02y"] }')
    assert list(g.nodes(data="label")) == [("ab", "xy")] and dl.render(g)


def test_nesting_too_deep_is_drawn_shallower_or_refused_by_name():
    deep = "digraph { " + "".join(f"subgraph cluster_{i} {{ " for i in range(40)) + "x" + "}" * 40
    g, said = read(deep + " }")
    assert g.nodes["x"]["group"] == "cluster_31" and "more than 32 deep" in said[0]
    assert dl.render(g).count('class="group"') == 32
    deeper = "digraph { " + "subgraph { " * 300 + "x" + "}" * 300 + " }"
    with pytest.raises(dl.DotParseError, match="nested more than 256 deep"):
        dl.from_dot(deeper)
    g, said = read('digraph { r [shape=record, label="' + "{" * 40 + "x" + "}" * 40 + '"] }')
    assert g.nodes["r"]["fields"] == ["r"] and "nested too deep" in said[0]


def test_trapeziums_slant():
    g, _ = read("digraph { a [shape=trapezium] }")
    assert g.nodes["a"]["shape"] == "trapezoid" and g.nodes["a"]["inset"] > 0
