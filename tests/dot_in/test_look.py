"""Graphviz colours, shapes, arrowheads and styles in the library's terms."""

import pytest

from diagrams_lib.dot_in.look import GV_SHAPES, gv_arrow, gv_color, gv_shape, gv_style
from diagrams_lib.shapes import SHAPES


@pytest.mark.parametrize(
    ("value", "colour"),
    [
        ("red", "#ff0000"),
        ("Red", "#ff0000"),
        ("grey80", "#cccccc"),
        ("navyblue", "#000080"),
        ("#12AB34", "#12ab34"),
        ("#12ab3480", "#12ab34"),
        ("#12ab3400", "none"),
        ("0.000 1.000 1.000", "#ff0000"),
        ("0.5,1,1", "#00ffff"),
        ("/x11/blue", "#0000ff"),
        ("transparent", "none"),
        ("red:blue", "#ff0000"),
    ],
)
def test_colours(value, colour):
    assert gv_color(value)[0] == colour


def test_colours_that_cannot_be_drawn_say_why():
    assert gv_color("/blues9/3") == (None, "colour scheme 'blues9' is not drawn ('/blues9/3')")
    assert gv_color("nosuchcolour")[1] == "colour 'nosuchcolour' is not one Graphviz knows"
    assert "transparency" in gv_color("#ff000080")[1]


def test_every_shape_maps_to_one_the_library_draws():
    assert all(shape in SHAPES for shape, _ in GV_SHAPES.values())
    assert gv_shape("Mrecord") == ("mrecord", None) and gv_shape("box") == ("rect", None)
    assert gv_shape("septagon") == ("hexagon", "shape 'septagon' is drawn as 'hexagon'")
    assert gv_shape("sdl_task")[0] == "rect"


@pytest.mark.parametrize(
    ("name", "arrow", "exact"),
    [
        ("normal", "normal", True),
        ("onormal", "empty", True),
        ("empty", "empty", True),
        ("odot", "odot", True),
        ("ediamond", "odiamond", True),
        ("open", "vee", True),
        ("none", "none", True),
        ("invdot", "inv", False),
        ("lteeoldiamond", "tee", False),
        ("crow", "inv", False),
        ("bogus", "normal", False),
    ],
)
def test_arrowheads(name, arrow, exact):
    found, why = gv_arrow(name)
    assert found == arrow and (why is None) == exact


def test_styles_split_and_line_widths():
    assert gv_style("filled, setlinewidth(3),rounded") == (["filled", "rounded"], 3.0)
    assert gv_style("dashed") == (["dashed"], None)
