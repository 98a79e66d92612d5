"""Record nodes (``fields``), rank constraints and invisible elements, for Python users."""

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.dot import geometry_dot, layout_program
from diagrams_lib.engine import layout
from diagrams_lib.model import read_diagram
from diagrams_lib.scene import place
from diagrams_lib.size import size_diagram
from diagrams_lib.theme import LIGHT


def scene_of(g):
    diagram = read_diagram(g)
    sizes = size_diagram(diagram, theme=LIGHT, max_width=180)
    prog = layout_program(diagram, None)
    return place(diagram, sizes, layout(geometry_dot(diagram, sizes, prog=prog), prog=prog))


def placed(scene, key):
    return next(p for p in scene.nodes if p.box.node.key == key)


def cell_box(p, port):
    """A field's box in scene coordinates (left, top, right, bottom)."""
    cell = next(c for c in p.box.fields.cells if c.field.port == port)
    left, top = p.x - p.box.width / 2 + cell.x, p.y - p.box.height / 2 + cell.y
    return left, top, left + cell.width, top + cell.height


def structs(direction="TB"):
    g = nx.DiGraph(title="Structs", direction=direction)
    g.add_node("s1", fields=[{"text": "left", "port": "f0"}, {"text": "mid", "port": "f1"}, "r"])
    g.add_node("s2", fields=[{"text": "one", "port": "f0"}, {"text": "two", "port": "f1"}])
    g.add_node("s3", fields=["hello", ["b", ["c", {"text": "d", "port": "here"}], "f"]])
    g.add_edge("s1", "s2", tail_port="f1", head_port="f0")
    g.add_edge("s1", "s3", tail_port="f0:s", head_port="here")
    return g


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_fields_sit_side_by_side_or_stacked_as_graphviz_records_do(direction):
    p = placed(scene_of(structs(direction)), "s2")
    one, two = cell_box(p, "f0"), cell_box(p, "f1")
    if direction == "TB":  # side by side
        assert one[2] == two[0] and one[1] == two[1]
    else:  # stacked
        assert one[3] == two[1] and one[0] == two[0]


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_an_edge_to_a_field_port_ends_at_that_field(direction):
    scene = scene_of(structs(direction))
    edge = next(e for e in scene.edges if e.edge.target_key == "s3")
    (tx, ty) = edge.route.tip_at
    sx, sy = map(float, edge.route.path[1:].split()[0].split(","))
    ox, oy = scene.origin
    tip, start = (tx - ox, oy - ty), (sx - ox, oy - sy)
    for point, (left, top, right, bottom) in (
        (tip, cell_box(placed(scene, "s3"), "here")),
        (start, cell_box(placed(scene, "s1"), "f0")),
    ):
        assert left - 1 <= point[0] <= right + 1 and top - 1 <= point[1] <= bottom + 1


def test_record_svg_has_outline_separators_and_each_fields_text():
    svg = dl.render(structs())
    node = svg[svg.index('data-key="s3"') :].split("</g>")[0]
    assert node.count('class="label field"') == 5
    assert 'class="shape-detail"' in node and ">hello</tspan>" in node
    assert "<title>hello | b | c | d | f</title>" in node


def test_mrecord_draws_rounded_corners_and_record_needs_no_fields():
    g = nx.DiGraph(title="M")
    g.add_node("a", shape="mrecord", fields=["x", "y"])
    g.add_node("b", shape="record", label="only one")
    svg = dl.render(g)
    assert 'rx="8"' in svg[svg.index('data-key="a"') :].split("</g>")[0]
    assert ">only one</tspan>" in svg


@pytest.mark.parametrize(
    ("attrs", "edge", "message"),
    [
        ({"fields": ["a"], "shape": "ellipse"}, {}, "only shapes record and mrecord draw"),
        ({"fields": ["a"], "note": "n"}, {}, "takes no 'note'"),
        ({"fields": [{"text": "a", "port": "p"}, {"text": "b", "port": "p"}]}, {}, "two fields"),
        ({"fields": []}, {}, "empty list"),
        ({"fields": [{"text": "a", "port": "x:y"}]}, {}, "without ':'"),
        ({"fields": [{"txt": "a"}]}, {}, "unknown key 'txt'"),
        ({"fields": [{"text": "a", "port": "p"}]}, {"head_port": "q"}, "does not have"),
        ({"fields": [{"text": "a", "port": "p"}]}, {"head_port": "p:up"}, "does not have"),
    ],
)
def test_bad_fields_and_ports_are_named(attrs, edge, message):
    g = nx.DiGraph(title="Bad")
    g.add_node("r", **attrs)
    g.add_edge("x", "r", **edge)
    with pytest.raises(dl.ValidationError, match=message):
        read_diagram(g)


def test_field_ports_take_a_compass_point_and_compass_ports_still_work():
    g = nx.DiGraph(title="Ports")
    g.add_node("r", fields=[{"text": "a", "port": "p"}, "b"])
    g.add_edge("x", "r", head_port="p:n", tail_port="s")
    g.add_edge("r", "x", tail_port="p")
    assert 'headport="p0:n"' in geometry_of(g) and 'tailport="s"' in geometry_of(g)


def geometry_of(g):
    diagram = read_diagram(g)
    return geometry_dot(diagram, size_diagram(diagram, theme=LIGHT, max_width=180), prog="dot")


def test_nodes_of_one_rank_share_a_row_and_min_is_the_top():
    g = nx.DiGraph(title="Ranks")
    g.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("x", "y")])
    g.nodes["d"]["rank"] = g.nodes["a"]["rank"] = "top row"
    g.nodes["y"]["rank"] = "min"
    scene = scene_of(g)
    assert placed(scene, "a").y == placed(scene, "d").y
    assert placed(scene, "y").y == min(p.y for p in scene.nodes)


def test_rank_sets_inside_a_group_are_written_in_its_cluster():
    g = nx.DiGraph(title="R", groups={"in": {"label": "Inner", "parent": "out"}})
    g.add_node("a", group="in", rank="r")
    g.add_node("b", group="in", rank="r")
    g.add_node("c", group="out", straight_group="spine")
    text = geometry_of(g)
    # in cluster g1 ("in"), which closes, then g0 ("out"), then the graph
    assert "subgraph rank_n0 {rank=same; n0; n1;}\n}\n}\n}" in text
    assert 'group="spine"' in text


def test_invisible_nodes_and_edges_take_space_but_draw_nothing():
    g = nx.DiGraph(title="Hidden")
    g.add_edge("a", "b", line="invisible")
    g.add_node("b", line="invisible")
    svg = dl.render(g)
    assert 'class="node invisible role-default" data-key="b" aria-hidden="true"></g>' in svg
    assert 'class="edge invisible' in svg and "<path" not in svg.split('class="edge invisible')[1]
    assert "Connections" not in svg  # the summary leaves out what is not drawn
