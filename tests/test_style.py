"""A user's own look on one element: colours, lines, arrowheads, ports, extra labels and
nested groups, without defining a theme role."""

import re
import warnings
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import diagrams_lib as dl

NS = {"s": "http://www.w3.org/2000/svg"}


def element(svg: str, key: str) -> ET.Element:
    root = ET.fromstring(svg)
    found = root.find(f".//s:g[@data-key='{key}']", NS)
    if found is None:
        found = root.find(f".//s:g[@id='{key}']", NS)
    assert found is not None, key
    return found


def edge_of(svg: str, source: str, target: str) -> ET.Element:
    found = ET.fromstring(svg).find(f".//s:g[@data-source='{source}'][@data-target='{target}']", NS)
    assert found is not None, (source, target)
    return found


def heads(svg: str, edge: ET.Element) -> list[ET.Element]:
    """An edge's arrowheads, which are drawn over the nodes, apart from its line."""
    found = ET.fromstring(svg).find(f".//s:g[@data-edge='{edge.get('id')}']", NS)
    return [] if found is None else list(found)


def colour(el: ET.Element, prop: str) -> str | None:
    """A paint property, from its attribute or (a colour set on the element) its style."""
    found = dict(part.split(":") for part in (el.get("style") or "").split(";") if part)
    return found.get(prop, el.get(prop))


def styled() -> nx.DiGraph:
    g = nx.DiGraph(title="Own styles")
    g.add_node("db", label="Orders", fill="mistyrose", color="#B91C1C", line="dashed")
    g.add_node("api", label="API", line_width=3)
    g.add_node("ui", label="UI")
    g.add_edge("ui", "api", line="dotted", color="teal", text_color="#0f766e", label="calls")
    g.add_edge("api", "db", dir="both", arrowhead="vee", arrowtail="dot")
    g.add_edge("db", "ui", arrowhead="none", line="bold")
    return g


def test_a_red_node_a_dashed_edge_and_arrows_of_ones_choice():
    svg = dl.render(styled(), id_prefix="s")
    shape = element(svg, "db").find("s:rect", NS)
    assert colour(shape, "fill") == "#ffe4e1" and colour(shape, "stroke") == "#b91c1c"
    assert shape.get("stroke-dasharray") == "6 4"
    assert element(svg, "api").find("s:rect", NS).get("stroke-width") == "3"
    dotted = edge_of(svg, "ui", "api")
    assert colour(dotted.find("s:path", NS), "stroke") == "#008080"
    assert dotted.find("s:path", NS).get("stroke-dasharray") == "2 3"
    assert colour(dotted.find("s:text", NS), "fill") == "#0f766e"
    both = edge_of(svg, "api", "db")
    assert both.find("s:title", NS).text == "API ↔ Orders"
    assert [a.tag.split("}")[1] for a in heads(svg, both)] == ["polygon", "circle"]
    plain = edge_of(svg, "db", "ui")
    assert plain.find("s:title", NS).text == "Orders – UI"
    assert heads(svg, plain) == []
    assert plain.find("s:path", NS).get("stroke-width") == "3"


def test_every_arrowhead_kind_is_drawn_at_the_right_end():
    g = nx.DiGraph(title="Arrowheads", direction="LR")
    kinds = ("normal", "empty", "inv", "dot", "odot", "diamond", "odiamond", "tee", "vee")
    for i, kind in enumerate(kinds):
        g.add_edge(f"a{i}", f"b{i}", arrowhead=kind)
    g.add_edge("x", "y", dir="back")
    svg = dl.render(g, id_prefix="k")
    for i, kind in enumerate(kinds):
        arrow = heads(svg, edge_of(svg, f"a{i}", f"b{i}"))
        assert len(arrow) == 1, kind
        assert ("open" in arrow[0].get("class")) == (kind in ("empty", "odot", "odiamond", "tee"))
    back = edge_of(svg, "x", "y")
    assert back.find("s:title", NS).text == "x ← y"
    points = heads(svg, back)[0].get("points").split()
    line_start = re.match(r"M([-\d.]+,[-\d.]+)", back.find("s:path", NS).get("d")).group(1)
    assert points[0] != line_start  # the tip lies beyond the line's first point, at x
    assert "s," not in svg


def test_colours_are_checked_and_never_reach_the_svg_as_given():
    g = nx.DiGraph(title="T")
    g.add_node("a", fill="red; background: url(//evil)")
    with pytest.raises(dl.ValidationError, match=r"node 'a' attribute 'fill' .*not a colour"):
        dl.render(g)
    g.nodes["a"]["fill"] = "#12345"
    with pytest.raises(dl.ValidationError, match="'#12345'"):
        dl.render(g)
    g.nodes["a"]["fill"] = 3
    with pytest.raises(dl.DiagramTypeError, match="attribute 'fill'"):
        dl.render(g)


def test_own_colours_stay_in_the_dark_half_of_the_auto_theme():
    with pytest.warns(dl.DiagramWarning, match="label text #0f766e on #0f172a"):
        svg = dl.render(styled(), theme="auto", id_prefix="a")  # no colour reads on both
    node = element(svg, "db")
    assert "fill:#ffe4e1" in node.find("s:rect", NS).get("style")
    # a light fill without a text colour gets dark text, kept dark on a dark page too
    assert node.find("s:text", NS).get("style") == "fill:#0f172a"
    assert element(svg, "ui").find("s:rect", NS).get("style") is None  # role colours switch


def test_colours_that_cannot_be_read_are_named_in_a_warning():
    g = nx.DiGraph(title="T")
    g.add_node("pale", fill="white", text_color="#eeeeee")
    g.add_node("ok", fill="white")
    g.add_edge("pale", "ok", color="#fafafa")
    with pytest.warns(dl.DiagramWarning) as caught:
        dl.render(g)
    said = " ".join(str(w.message) for w in caught)
    assert "node 'pale': text #eeeeee on #ffffff" in said
    assert "edge 'pale' -> 'ok': line #fafafa" in said
    assert "'ok'" not in said.replace("-> 'ok'", "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dl.render(styled())  # readable colours: no warning


def test_ports_end_labels_and_external_labels_are_drawn():
    g = nx.DiGraph(title="Ends", direction="LR")
    g.add_node("a", xlabel="external")
    g.add_edge("a", "b", head_port="s", head_label="1..*", tail_label="1")
    svg = dl.render(g, id_prefix="p")
    edge = edge_of(svg, "a", "b")
    assert [t.text for t in edge.iter(f"{{{NS['s']}}}tspan")] == ["1..*", "1"]
    assert element(svg, "a").find("s:text[@class='xlabel']", NS) is not None
    b = element(svg, "b").find("s:rect", NS)
    tip_y = float(re.findall(r"[-\d.]+", heads(svg, edge)[0].get("points"))[1])
    # the headport is b's bottom: the tip is on b's bottom edge (Graphviz's y points up)
    height = float(re.search(r'height="([\d.]+)"', svg).group(1))
    assert b is not None and tip_y < height


def test_groups_nest_to_any_depth_and_untitled_groups_draw_no_title():
    g = nx.DiGraph(
        title="Nested",
        groups={"db": {"label": "Database", "parent": "be"}, "be": "Backend", "misc": ""},
    )
    g.add_node("api", group="be")
    g.add_node("pg", group="db")
    g.add_node("x", group="misc")
    g.add_edges_from([("api", "pg"), ("api", "x")])
    svg = dl.render(g, id_prefix="n")
    boxes = {}
    for grp in ET.fromstring(svg).iterfind(".//s:g[@class='group']", NS):
        rect = grp.find("s:rect", NS)
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        boxes[grp.get("data-group")] = (x, y, x + w, y + h, grp.find("s:text", NS))
    outer, inner = boxes["be"], boxes["db"]
    assert (
        outer[0] < inner[0] and outer[1] < inner[1] and inner[2] < outer[2] and inner[3] < outer[3]
    )
    assert boxes["misc"][4] is None and boxes["db"][4] is not None
    assert "subgraph cluster_g1" in dl.to_dot(g).split("subgraph cluster_g0", 1)[1]
    g.graph["groups"]["be"] = {"label": "Backend", "parent": "db"}
    with pytest.raises(dl.ValidationError, match="cycle"):
        dl.render(g)


def test_layout_hints_reach_graphviz():
    g = nx.DiGraph(title="Hints")
    g.add_edge("a", "b", minlen=3)
    g.add_edge("a", "c")
    g.add_edge("b", "c", constraint=False, weight=5)
    dot_text = dl.to_dot(g)
    assert "minlen=3" in dot_text and "constraint=false" in dot_text and "weight=5" in dot_text
    g.edges["a", "b"]["weight"] = 10**9  # networkx's own weights: capped, with a warning
    with pytest.warns(dl.DiagramWarning, match="at most 1000"):
        dl.render(g)
    g.edges["a", "b"]["weight"] = 2
    g.edges["a", "b"]["minlen"] = 2_000_000_000
    with pytest.raises(dl.ValidationError, match="minlen"):
        dl.render(g)
