"""The overlap kind: validation, exact regions, circles that grow, and its golden."""

from __future__ import annotations

import math

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, ValidationError
from diagrams_lib.kinds.overlap import CAPTION, example, overlap
from diagrams_lib.model import read_diagram
from diagrams_lib.size import size_node
from diagrams_lib.text import text_width
from diagrams_lib.theme import LIGHT

TWO = {"Cats": ["purr", "climb trees"], "Dogs": ["bark"]}
BUSY = dict(
    sets={
        "Frontend": ["HTML", "CSS", "Accessibility", "Browser quirks", "Design systems"],
        "Backend": ["Databases", "Queues"],
        "Operations": ["Monitoring"],
    },
    shared={
        ("Frontend", "Backend"): ["APIs", "Authentication and authorisation flows"],
        ("Frontend", "Backend", "Operations"): ["Performance"],
    },
)


def _circles(g):
    out = {}
    for key, data in g.nodes(data=True):
        if key.startswith("set:"):
            out[int(key[4:])] = (*data["pin"], data["size"][0] / 2)
    return out


def _lines(g, key):
    """The rectangles of the text lines the renderer draws for a node (y up, like pins)."""
    node = next(n for n in read_diagram(g).nodes if n.key == key)
    box = size_node(node, theme=LIGHT, max_width=180)
    x, y = g.nodes[key]["pin"]
    step = LIGHT.font_size * 1.25
    top = y + box.label.height / 2
    out = []
    for i, line in enumerate(box.label.lines):
        w = text_width(line, size=LIGHT.font_size)
        out.append((x - w / 2, x + w / 2, top - (i + 1) * step, top - i * step))
    return out


def _far(rect, cx, cy):
    x0, x1, y0, y1 = rect
    return math.hypot(max(abs(x0 - cx), abs(x1 - cx)), max(abs(y0 - cy), abs(y1 - cy)))


def _near(rect, cx, cy):
    x0, x1, y0, y1 = rect
    return math.hypot(max(x0 - cx, 0, cx - x1), max(y0 - cy, 0, cy - y1))


def _check_regions(g, regions):
    """Every drawn line of every item lies inside exactly the circles of its region."""
    circles = _circles(g)
    for members, items in regions.items():
        for item in items:
            for rect in _lines(g, f"item:{item}"):
                for i, (cx, cy, r) in circles.items():
                    if i in members:
                        assert _far(rect, cx, cy) <= r - 6, (item, i)
                    else:
                        assert _near(rect, cx, cy) >= r + 6, (item, i)


def _overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


# --- validation -------------------------------------------------------------------------


@pytest.mark.parametrize("sets", [{"A": []}, {"A": [], "B": [], "C": [], "D": []}])
def test_two_or_three_sets(sets):
    with pytest.raises(ValidationError, match=rf"2 or 3 sets; got {len(sets)}"):
        overlap(sets, title="T")


def test_intersection_naming_an_unknown_set_is_named():
    with pytest.raises(ValidationError, match=r"unknown set 'Birds'"):
        overlap(TWO, shared={("Cats", "Birds"): ["wings"]}, title="T")


def test_intersection_of_one_set_is_refused():
    with pytest.raises(ValidationError, match=r"\('Cats', 'Cats'\).*two or more different"):
        overlap(TWO, shared={("Cats", "Cats"): ["x"]}, title="T")


def test_intersection_given_twice_in_another_order():
    shared = {("Cats", "Dogs"): ["fur"], ("Dogs", "Cats"): ["tails"]}
    with pytest.raises(ValidationError, match=r"\('Dogs', 'Cats'\) is given twice"):
        overlap(TWO, shared=shared, title="T")


def test_same_item_twice_is_named_with_both_regions():
    with pytest.raises(ValidationError, match=r"item 'purr' appears twice.*'Cats'.*'Cats & Dogs'"):
        overlap(TWO, shared={("Cats", "Dogs"): ["purr"]}, title="T")


def test_relation_naming_an_unknown_item_is_named():
    with pytest.raises(ValidationError, match=r"unknown item 'meow'"):
        overlap(TWO, relations=[("purr", "meow")], title="T")


def test_relation_of_an_item_with_itself_is_refused():
    with pytest.raises(ValidationError, match=r"item 'purr' to itself"):
        overlap(TWO, relations=[("purr", "purr")], title="T")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sets": [("Cats", []), ("Dogs", [])]},
        {"sets": {"Cats": "purr", "Dogs": []}},
        {"sets": TWO, "shared": {"Cats": ["x"]}},
        {"sets": TWO, "relations": [("purr",)]},
        {"sets": TWO, "item_width": "wide"},
    ],
)
def test_wrong_types(kwargs):
    with pytest.raises(DiagramTypeError):
        overlap(title="T", **kwargs)


def test_title_is_required_and_not_blank():
    with pytest.raises(ValidationError, match="title"):
        overlap(TWO, title="  ")


# --- structure --------------------------------------------------------------------------


def test_nodes_are_sets_then_names_then_items_all_pinned():
    g = overlap(TWO, shared={("Cats", "Dogs"): ["fur"]}, title="Pets")
    assert list(g.nodes) == [
        "set:0",
        "set:1",
        "name:0",
        "name:1",
        "item:purr",
        "item:climb trees",
        "item:bark",
        "item:fur",
    ]
    assert all("pin" in d and "size" in d for _, d in g.nodes(data=True))
    assert g.graph["kind"] == "overlap"
    assert [g.nodes[f"set:{i}"]["role"] for i in range(2)] == ["set-1", "set-2"]
    assert {g.nodes[k]["role"] for k in g.nodes if not k.startswith("set:")} == {"text"}
    assert g.nodes["name:1"]["label"] == "Dogs"


def test_sets_differ_by_dash_as_well_as_colour():
    dashes = {LIGHT.node_style(f"set-{i}").dash for i in (1, 2, 3)}
    assert len(dashes) == 3


def test_three_sets_put_the_third_below():
    g = example()
    (ax, ay, ar), (bx, by, br), (cx, cy, cr) = (_circles(g)[i] for i in range(3))
    assert ar == br == cr
    assert ay == by > cy and ax < cx < bx


def test_items_sit_in_their_exact_region():
    _check_regions(
        overlap(TWO, shared={("Cats", "Dogs"): ["fur", "four legs"]}, title="T"),
        {(0,): TWO["Cats"], (1,): TWO["Dogs"], (0, 1): ["fur", "four legs"]},
    )
    g = example()
    _check_regions(
        g,
        {
            (0,): ["Hypothesis tests", "Sampling"],
            (1,): ["Algorithms", "Version control"],
            (2,): ["Customer needs", "Regulation"],
            (0, 1): ["Machine learning"],
            (0, 2): ["Experiment design"],
            (1, 2): ["Product features"],
            (0, 1, 2): ["Data science"],
        },
    )
    busy = overlap(BUSY["sets"], shared=BUSY["shared"], title="Busy")
    _check_regions(
        busy,
        {
            (0,): BUSY["sets"]["Frontend"],
            (1,): BUSY["sets"]["Backend"],
            (2,): BUSY["sets"]["Operations"],
            (0, 1): BUSY["shared"][("Frontend", "Backend")],
            (0, 1, 2): ["Performance"],
        },
    )


def test_no_two_texts_overlap_and_names_stay_outside():
    g = overlap(BUSY["sets"], shared=BUSY["shared"], title="Busy")
    texts = [k for k in g.nodes if not k.startswith("set:")]
    rects = [(k, rect) for k in texts for rect in _lines(g, k)]
    for i, (ka, a) in enumerate(rects):
        for kb, b in rects[i + 1 :]:
            assert not _overlaps(a, b), (ka, kb)
    for key in ("name:0", "name:1", "name:2"):
        for rect in _lines(g, key):
            assert all(_near(rect, cx, cy) > r for cx, cy, r in _circles(g).values())


def test_circles_grow_to_fit_more_items():
    small = overlap({"A": ["one"], "B": ["two"]}, title="T")
    many = [f"item number {i}" for i in range(8)]
    big = overlap({"A": many, "B": ["two"]}, title="T")
    assert _circles(big)[0][2] > _circles(small)[0][2]


def test_relations_are_relation_edges_between_items():
    g = example()
    assert list(g.edges(data=True)) == [
        ("item:Sampling", "item:Experiment design", {"role": "relation"})
    ]
    labelled = overlap(TWO, relations=[("purr", "bark", "both say hello")], title="T")
    assert labelled.edges["item:purr", "item:bark"]["label"] == "both say hello"


def test_default_description_names_every_region():
    g = overlap(TWO, shared={("Cats", "Dogs"): ["fur"]}, title="Pets")
    assert g.graph["description"] == (
        "Two overlapping sets, Cats, Dogs. Only in Cats: purr, climb trees; only in Dogs: "
        "bark; in Cats and Dogs: fur."
    )
    assert overlap(TWO, title="T", description="Mine").graph["description"] == "Mine"


def test_example_and_caption():
    assert CAPTION.endswith(".") and CAPTION.count(".") == 1
    svg = dl.render(example(), theme="dark")
    assert svg.count('class="node role-set-') == 3 and 'fill-opacity="0.35"' in svg
