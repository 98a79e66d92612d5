"""The mindmap kind: a centre, branches and leaves, balanced left/right or radial."""

from __future__ import annotations

import re

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, UnknownOptionError, ValidationError
from diagrams_lib.kinds.mindmap import CAPTION, example, mindmap

BRANCHES = {
    "North": ["n1", "n2", "n3"],
    "East": ["e1", ("e2", "a note")],
    "South": ["s1"],
    "West": ["w1", "w2"],
}


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    found = re.findall(
        r'class="node [^"]*" data-key="([^"]*)">.*?<tspan x="([\d.]+)" '
        r'y="([\d.]+)"',
        svg,
    )
    return {key: (float(x), float(y)) for key, x, y in found}


def test_keys_roles_and_lines_without_arrows():
    g = mindmap("Centre", BRANCHES, title="Map")
    assert not g.is_directed() and g.graph["kind"] == "mindmap"
    assert sorted(g) == sorted(
        [
            "centre",
            "b0",
            "b0.0",
            "b0.1",
            "b0.2",
            "b1",
            "b1.0",
            "b1.1",
            "b2",
            "b2.0",
            "b3",
            "b3.0",
            "b3.1",
        ]
    )
    assert g.nodes["centre"] == {"label": "Centre", "role": "centre"}
    assert g.nodes["b1"] == {"label": "East", "role": "process"}
    assert g.nodes["b1.1"] == {"label": "e2", "role": "default", "note": "a note"}
    assert sorted(g.neighbors("centre")) == ["b0", "b1", "b2", "b3"]
    assert g.number_of_edges() == 12
    assert '<polygon class="arrow"' not in dl.render(g)


def test_list_of_pairs_is_the_same_as_a_dict():
    a = mindmap("C", BRANCHES, title="Map")
    b = mindmap("C", list(BRANCHES.items()), title="Map")
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert dl.render(a) == dl.render(b)


def test_balanced_puts_branches_on_both_sides_clockwise():
    pos = _centres(dl.render(mindmap("Centre", BRANCHES, title="Map")))
    cx = pos["centre"][0]
    # leaves 3 + 2 of 8 reach half: North and East right, top to bottom; South and West
    # left, bottom to top (clockwise)
    assert pos["b0"][0] > cx and pos["b1"][0] > cx
    assert pos["b2"][0] < cx and pos["b3"][0] < cx
    assert pos["b0"][1] < pos["b1"][1]
    assert pos["b3"][1] < pos["b2"][1]
    assert pos["b0.0"][0] > pos["b0"][0] and pos["b3.0"][0] < pos["b3"][0]


def test_radial_layout_goes_round_the_centre_with_plain_render():
    g = mindmap("Centre", BRANCHES, title="Map", layout="radial")
    assert g.graph["dot"]["layout"] == "twopi"
    assert next(iter(g)) == "centre"  # DOT id n0, the twopi root
    pos = _centres(dl.render(g))
    cx, cy = pos["centre"]
    sides = {(pos[f"b{i}"][0] > cx, pos[f"b{i}"][1] > cy) for i in range(4)}
    assert len(sides) >= 3  # branches spread over at least three quadrants


def test_long_leaf_text_wraps():
    g = mindmap(
        "C", {"B": ["a leaf with quite a long text that cannot fit on one line"]}, title="Wrap"
    )
    node = re.search(r'data-key="b0.0">(.*?)</g>', dl.render(g)).group(1)
    assert node.count("<tspan") >= 3


def test_description_lists_branches_and_leaves():
    g = mindmap("C", {"A": ["x", "y"], "B": []}, title="T")
    assert g.graph["description"] == "A mind map of 'C' with 2 branches: A (x, y); B."


def test_validation_names_the_culprit():
    with pytest.raises(UnknownOptionError, match="layout 'spiral'.*balanced, radial"):
        mindmap("C", BRANCHES, title="T", layout="spiral")
    with pytest.raises(ValidationError, match="branch 'A' is given twice"):
        mindmap("C", [("A", []), ("A", ["x"])], title="T")
    with pytest.raises(DiagramTypeError, match="branch 'A' leaves must be a list"):
        mindmap("C", {"A": "just one"}, title="T")
    with pytest.raises(DiagramTypeError, match="branch 'A' leaf 1 must be a label or"):
        mindmap("C", {"A": ["x", ("y", "note", "extra")]}, title="T")
    with pytest.raises(ValidationError, match="at least one branch"):
        mindmap("C", {}, title="T")
    with pytest.raises(ValidationError, match="centre of a mind map needs a label"):
        mindmap("", BRANCHES, title="T")


def test_example_reads_well():
    g = example()
    assert CAPTION.endswith(".")
    width = float(re.search(r'width="([\d.]+)"', dl.render(g)).group(1))
    assert 600 <= width <= 1000
