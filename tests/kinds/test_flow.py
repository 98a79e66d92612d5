"""The flow kind: steps and edges in, a grouped, labelled directed graph out."""

from __future__ import annotations

import re

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, UnknownOptionError, ValidationError
from diagrams_lib.kinds.flow import CAPTION, example, flow


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    """Node key -> position of its first text line (the box's centre line)."""
    found = re.findall(
        r'class="node [^"]*" data-key="([^"]*)">.*?<tspan x="([\d.]+)" '
        r'y="([\d.]+)"',
        svg,
    )
    return {key: (float(x), float(y)) for key, x, y in found}


def test_steps_keep_their_attributes_and_order():
    g = flow(
        [("a", {"label": "Ask", "role": "start", "note": "first"}), "b", "c"],
        [("a", "b", {"label": "then"}), ("b", "c")],
        title="Steps",
    )
    assert list(g) == ["a", "b", "c"]
    assert g.nodes["a"] == {"label": "Ask", "role": "start", "note": "first"}
    assert g.nodes["b"] == {}
    assert g.edges["a", "b"] == {"label": "then"}
    assert g.graph["kind"] == "flow" and g.graph["direction"] == "LR"


def test_groups_become_labelled_boxes():
    g = flow(
        [("a", {"group": "x"}), ("b", {"group": "x"}), ("c", {"group": "y"})],
        [("a", "b"), ("b", "c")],
        title="Grouped",
        groups={"x": "Group X", "y": "Group Y"},
    )
    svg = dl.render(g)
    assert svg.count('class="group"') == 2
    assert ">Group X</tspan>" in svg and ">Group Y</tspan>" in svg


@pytest.mark.parametrize(("direction", "axis"), [("LR", 0), ("TB", 1)])
def test_direction_orders_steps(direction, axis):
    g = flow(["a", "b", "c"], [("a", "b"), ("b", "c")], title="Line", direction=direction)
    pos = _centres(dl.render(g))
    assert pos["a"][axis] < pos["b"][axis] < pos["c"][axis]


def test_edge_naming_an_unknown_step_names_it():
    with pytest.raises(ValidationError, match="unknown step 'tset'"):
        flow(["build", "test"], [("build", "tset")], title="Typo")


def test_duplicate_step_names_the_key():
    with pytest.raises(ValidationError, match="step 'b' is given twice"):
        flow(["a", "b", ("b", {"label": "again"})], title="Dup")


def test_duplicate_edge_is_refused():
    with pytest.raises(ValidationError, match="edge 'a' -> 'b' is given twice"):
        flow(["a", "b"], [("a", "b"), ("a", "b", {"label": "x"})], title="Dup")


def test_unknown_attribute_lists_the_choices():
    with pytest.raises(
        UnknownOptionError,
        match="step 'a' has unknown attribute 'colour'.*label, role, group, note",
    ):
        flow([("a", {"colour": "red"})], title="Bad")
    with pytest.raises(UnknownOptionError, match="edge 'a' -> 'b' has unknown attribute 'w'"):
        flow(["a", "b"], [("a", "b", {"w": 2})], title="Bad")


def test_bad_shapes_of_input_are_type_errors():
    with pytest.raises(DiagramTypeError, match="step 1 must be hashable"):
        flow(["a", ["b"]], title="Bad")
    with pytest.raises(DiagramTypeError, match="edge 0 must be"):
        flow(["a"], ["a"], title="Bad")


def test_groups_must_label_every_group_used_and_only_those():
    with pytest.raises(ValidationError, match="step 'a' is in group 'x'"):
        flow([("a", {"group": "x"})], title="G", groups={"y": "Y"})
    with pytest.raises(ValidationError, match="group 'y' has no steps"):
        flow([("a", {"group": "x"})], title="G", groups={"x": "X", "y": "Y"})


def test_options_are_checked_early():
    with pytest.raises(UnknownOptionError, match="direction 'diagonal'"):
        flow(["a"], title="D", direction="diagonal")
    with pytest.raises(ValidationError, match="title must not be empty"):
        flow(["a"], title=" ")


def test_example_reads_well():
    g = example()
    assert CAPTION.endswith(".") and len(CAPTION) < 200
    assert g.graph["groups"] == {"checks": "Checks", "deploy": "Deployment"}
    svg = dl.render(g)
    width = float(re.search(r'width="([\d.]+)"', svg).group(1))
    assert 600 <= width <= 1050
