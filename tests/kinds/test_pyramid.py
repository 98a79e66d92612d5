"""The pyramid kind: validation, straight sides, text inside the slants, and its golden."""

from __future__ import annotations

import itertools

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, UnknownOptionError, ValidationError
from diagrams_lib.kinds.pyramid import CAPTION, example, pyramid
from diagrams_lib.model import read_diagram
from diagrams_lib.shapes import PAD_X
from diagrams_lib.size import size_node
from diagrams_lib.text import text_width
from diagrams_lib.theme import LIGHT

SHORT = [
    {"label": "Data", "note": "raw"},
    {"label": "Information", "note": "sorted"},
    {"label": "Knowledge", "note": "used"},
]


def _tiers(g):
    return [g.nodes[k] for k in g.nodes if k.startswith("tier:")]


def _boxes(g):
    """The renderer's sized boxes, keyed by node key."""
    return {n.key: size_node(n, theme=LIGHT, max_width=180) for n in read_diagram(g).nodes}


# --- validation -------------------------------------------------------------------------


def test_empty_tiers():
    with pytest.raises(ValidationError, match="at least one tier"):
        pyramid([], title="T")


def test_too_many_tiers():
    with pytest.raises(ValidationError, match="at most 8 tiers.*got 9"):
        pyramid([str(i) for i in range(9)], title="T")


@pytest.mark.parametrize("tier", [{"note": "no label"}, {"label": "  "}, ""])
def test_a_tier_without_label_is_named_by_index(tier):
    with pytest.raises(ValidationError, match="tier 2 has no label"):
        pyramid(["a", "b", tier], title="T")


def test_unknown_tier_key_is_named():
    with pytest.raises(UnknownOptionError, match="tier 1 has unknown key 'colour'"):
        pyramid(["a", {"label": "b", "colour": "red"}], title="T")


@pytest.mark.parametrize("tiers", ["abc", [3.5], [["a"]]])
def test_wrong_types(tiers):
    with pytest.raises(DiagramTypeError):
        pyramid(tiers, title="T")


def test_tier_height_too_small_names_the_tier():
    with pytest.raises(ValidationError, match=r"tier_height 30 is too small for tier \d"):
        pyramid(SHORT, title="T", tier_height=30, notes="inside")


def test_width_too_narrow_for_the_apex():
    with pytest.raises(ValidationError, match="too narrow for the apex label 'Understanding'"):
        pyramid(["Data", "Understanding"], title="T", width=120)


def test_unknown_notes_option():
    with pytest.raises(UnknownOptionError, match="notes is 'left'"):
        pyramid(SHORT, title="T", notes="left")


# --- structure --------------------------------------------------------------------------


def test_tiers_are_pinned_trapezoids_from_base_up():
    g = pyramid(SHORT, title="T")
    tiers = _tiers(g)
    assert [t["label"] for t in tiers] == ["Data", "Information", "Knowledge"]
    assert {t["shape"] for t in tiers} == {"trapezoid"}
    assert all(t["pin"][0] == 0 for t in tiers)
    ys = [t["pin"][1] for t in tiers]
    assert ys == sorted(ys)  # Graphviz's y grows upward: the base is lowest
    assert g.graph["kind"] == "pyramid"


@pytest.mark.parametrize(
    "build",
    [
        example,
        lambda: pyramid(SHORT, title="T"),
        lambda: pyramid([str(i) for i in range(8)], title="T"),
    ],
)
def test_sides_are_two_straight_lines(build):
    """Every tier's corners lie on the same two lines: widths step evenly."""
    tiers = _tiers(build())
    corners = []
    for t in tiers:
        (w, h), (_, y), inset = t["size"], t["pin"], t["inset"]
        corners += [(w / 2, y - h / 2), (w / 2 - inset, y + h / 2)]
    (x0, y0), (x1, y1) = corners[0], corners[-1]
    for x, y in corners:
        assert abs(x - (x0 + (x1 - x0) * (y - y0) / (y1 - y0))) < 0.05
    steps = [a["size"][0] - b["size"][0] for a, b in itertools.pairwise(tiers)]
    assert max(steps) - min(steps) < 0.05


@pytest.mark.parametrize(
    "build",
    [
        example,
        lambda: pyramid(SHORT, title="T"),
        lambda: pyramid([f"Tier {i} with a long label that wraps" for i in range(8)], title="T"),
    ],
)
def test_text_never_crosses_the_slanted_sides(build):
    g = build()
    boxes = _boxes(g)
    for key in (k for k in g.nodes if k.startswith("tier:")):
        box, data = boxes[key], g.nodes[key]
        top = data["size"][0] - 2 * data["inset"]
        blocks = [box.label] + ([box.note] if box.note else [])
        widest = max(text_width(line, size=b.size, bold=b.bold) for b in blocks for line in b.lines)
        assert widest <= top - 2 * PAD_X, key
        content = box.label.height + (4 + box.note.height if box.note else 0)
        assert content <= data["size"][1], key


def test_long_notes_go_right_with_guides():
    g = example()
    notes = [k for k in g.nodes if k.startswith("note:")]
    assert len(notes) == 5
    assert {g.nodes[k]["role"] for k in notes} == {"caption"}
    assert all("note" not in t for t in _tiers(g))
    guides = list(g.edges(data="role"))
    assert guides == [(f"guide:{i}:from", f"guide:{i}:to", "guide") for i in range(5)]
    right = g.nodes["tier:0"]["size"][0] / 2
    for i in range(5):
        assert g.nodes[f"note:{i}"]["pin"][1] == g.nodes[f"tier:{i}"]["pin"][1]
        assert g.nodes[f"note:{i}"]["pin"][0] - g.nodes[f"note:{i}"]["size"][0] / 2 > right


def test_notes_that_fit_go_inside():
    g = pyramid(SHORT, title="T")
    assert [t["note"] for t in _tiers(g)] == ["raw", "sorted", "used"]
    assert not g.edges
    right = pyramid(SHORT, title="T", notes="right")
    assert len([k for k in right.nodes if k.startswith("note:")]) == 3


def test_annotations_do_not_overlap_each_other():
    g = example()
    boxes = [
        (g.nodes[k]["pin"][1], g.nodes[k]["size"][1]) for k in g.nodes if k.startswith("note:")
    ]
    for (ya, ha), (yb, hb) in itertools.pairwise(boxes):
        assert yb - hb / 2 > ya + ha / 2


def test_roles_default_and_override():
    g = example()
    assert [t["role"] for t in _tiers(g)] == [
        "process",
        "process",
        "highlight",
        "process",
        "process",
    ]


def test_default_description_lists_tiers():
    g = pyramid(SHORT[:2], title="T")
    assert g.graph["description"] == (
        "A pyramid of 2 tiers, from base to apex: Data (raw); Information (sorted)."
    )


def test_example_and_caption():
    assert CAPTION.endswith(".") and CAPTION.count(".") == 1
    svg = dl.render(example(), theme="dark")
    assert svg.count("role-process") == 4 and "role-highlight" in svg
