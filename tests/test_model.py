import math
import re

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.model import read_diagram


def graph(**graph_attrs):
    g = nx.DiGraph(**{"title": "T", **graph_attrs})
    g.add_node("a")
    return g


def test_not_a_graph():
    with pytest.raises(dl.DiagramTypeError, match="expected a networkx graph.*dict"):
        dl.render({"a": "b"})


@pytest.mark.parametrize("title", [None, "", "   "])
def test_missing_title_explains_why(title):
    g = nx.DiGraph() if title is None else nx.DiGraph(title=title)
    g.add_node("a")
    with pytest.raises(dl.ValidationError, match="'title' is required"):
        dl.render(g)


def test_unknown_role_lists_known_roles():
    g = graph()
    g.add_node("x", role="villain")
    with pytest.raises(
        dl.UnknownRoleError,
        match=r"node 'x' has role 'villain'.*known node roles:"
        r".*confirmed",
    ):
        dl.render(g)


def test_unknown_edge_role_names_the_edge():
    g = graph()
    g.add_edge("a", "b", role="wormhole")
    with pytest.raises(dl.UnknownRoleError, match="edge 'a' -> 'b' has role 'wormhole'"):
        dl.render(g)


def test_unknown_engine_lists_choices():
    with pytest.raises(dl.UnknownOptionError, match="unknown engine 'patchwork'.*dot, neato"):
        dl.render(graph(), engine="patchwork")


def test_unknown_theme_lists_choices():
    with pytest.raises(dl.UnknownOptionError, match="unknown theme 'neon'.*light, dark, auto"):
        dl.render(graph(), theme="neon")


def test_control_character_in_label_names_node():
    g = graph()
    g.add_node("bad", label="line\x0bfeed")
    with pytest.raises(dl.ValidationError, match="node 'bad' attribute 'label'.*U\\+000B"):
        dl.render(g)


def test_wrong_label_type_names_node():
    g = graph()
    g.add_node(7, label=["a", "list"])
    with pytest.raises(dl.DiagramTypeError, match="node 7 attribute 'label' must be a string"):
        dl.render(g)


def test_unknown_kind_and_direction():
    with pytest.raises(dl.UnknownOptionError, match="'kind' is 'sankey'"):
        dl.render(graph(kind="sankey"))
    with pytest.raises(dl.UnknownOptionError, match="'direction' is 'sideways'"):
        dl.render(graph(direction="sideways"))


def test_escape_hatch_is_explicit_and_guarded():
    g = graph()
    g.add_node("b", dot={"width": "9"})
    with pytest.raises(dl.ValidationError, match="node 'b' attribute 'dot': 'width' is computed"):
        dl.render(g)
    g = graph()
    g.add_node("c", dot={"bad name": "1"})
    with pytest.raises(dl.ValidationError, match="not a Graphviz attribute name"):
        dl.render(g)


def styled_only(dot_text: str) -> str:
    """to_dot's text without the round trip's ``diagrams_lib`` records (Graphviz ignores
    them; they hold the graph's own keys and attributes for from_dot)."""
    return re.sub(r'diagrams_lib="(?:[^"\\]|\\.)*", ', "", dot_text)


def test_non_semantic_attributes_are_ignored_not_passed_to_graphviz():
    g = graph()
    g.add_node("b", shape_hint="x", weight=3)
    assert "shape_hint" not in styled_only(dl.to_dot(g)) and "weight" not in styled_only(
        dl.to_dot(g)
    )


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "JaVaScRiPt:x",
        "file:///etc/passwd",
        "http://a b",
        "//evil.example/x",
        "\\\\evil.example\\x",
    ],
)
def test_links_allow_only_http_https_relative(link):
    g = graph()
    g.add_node("l", link=link)
    with pytest.raises(dl.ValidationError, match="node 'l' attribute 'link'"):
        dl.render(g)


def test_good_links_render_as_anchors():
    g = graph()
    g.add_node("l", link="https://example.org/?a=1&b=2")
    g.add_node("r", link="docs/page.html")
    svg = dl.render(g)
    assert '<a href="https://example.org/?a=1&amp;b=2">' in svg
    assert '<a href="docs/page.html">' in svg


def test_pins_must_be_all_or_nothing():
    g = graph()
    g.add_node("p", pin=(1, 2))
    with pytest.raises(dl.ValidationError, match="node 'a' has no 'pin' while node 'p' has one"):
        dl.render(g)


def test_bad_pin_and_size():
    g = graph()
    g.add_node("a", pin=(1, math.inf))
    with pytest.raises(dl.ValidationError, match="node 'a' attribute 'pin' must be finite"):
        dl.render(g)
    g = graph()
    g.add_node("a", size="big")
    with pytest.raises(dl.DiagramTypeError, match="node 'a' attribute 'size' must be a pair"):
        dl.render(g)


def test_ids_are_synthetic_in_insertion_order_and_colons_never_ports():
    g = nx.DiGraph(title="T")
    g.add_edge("z:1", "a:2")
    d = read_diagram(g)
    assert [(n.id, n.key) for n in d.nodes] == [("n0", "z:1"), ("n1", "a:2")]
    assert "z:1" not in styled_only(dl.to_dot(g)).replace('"z:1"', "")


def test_groups_take_labels_from_graph_attribute():
    g = graph(groups={"ml": "Machine learning"})
    g.add_node("b", group="ml")
    d = read_diagram(g)
    assert [(x.name, x.label, x.members) for x in d.groups] == [("ml", "Machine learning", ("n1",))]


NOT_PRINTABLE = [
    "no\u00a0break",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    "line\u2028break",
    "tab\there",
    "cr\r\nlf",
    "two\nlines",
]


@pytest.mark.parametrize("text", NOT_PRINTABLE)
def test_text_that_is_not_printable_is_read_as_check_text_gives_it(text):
    from diagrams_lib.quoting import check_text

    g = graph()
    g.add_node("b", label=text, note=text)
    g.add_edge("a", "b", label=text, role=text)
    d = read_diagram(g)
    expected = check_text(text, where="x")
    assert (d.nodes[1].label, d.nodes[1].note) == (expected, expected)
    assert (d.edges[0].label, d.edges[0].role) == (expected, expected)
