"""The tree kind: nested dicts in, a hypothesis tree with outcome markers out."""

from __future__ import annotations

import re

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, UnknownOptionError, ValidationError
from diagrams_lib.kinds.tree import CAPTION, example, tree
from tests.helpers import chain_tree

ROOT = {
    "label": "Build is slow",
    "children": [
        {
            "label": "Cache",
            "edge": "suspect",
            "children": [
                {"label": "Cache misses", "outcome": "confirmed", "note": "key changed"},
                {"label": "Cache too small", "outcome": "ruled_out"},
            ],
        },
        {"label": "Slow disk", "outcome": "ruled_out"},
        {"label": "Network", "outcome": "open"},
    ],
}


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    found = re.findall(
        r'class="node [^"]*" data-key="([^"]*)">.*?<tspan x="([\d.]+)" '
        r'y="([\d.]+)"',
        svg,
    )
    return {key: (float(x), float(y)) for key, x, y in found}


def test_keys_count_items_in_reading_order_and_outcomes_become_roles():
    g = tree(ROOT, title="Slow build")
    roles = {key: data["role"] for key, data in g.nodes(data=True)}
    assert roles == {
        "t0": "symptom",
        "t1": "default",
        "t2": "confirmed",
        "t3": "ruled_out",
        "t4": "ruled_out",
        "t5": "open",
    }
    assert g.nodes["t2"]["note"] == "key changed"
    assert g.edges["t0", "t1"]["label"] == "suspect"


def test_edges_lead_bold_to_what_was_confirmed_and_dashed_to_what_was_ruled_out():
    g = tree(ROOT, title="Slow build")
    edge_roles = {(u, v): d.get("role") for u, v, d in g.edges(data=True)}
    assert edge_roles == {
        ("t0", "t1"): "highlight",
        ("t1", "t2"): "highlight",
        ("t1", "t3"): "weak",
        ("t0", "t4"): "weak",
        ("t0", "t5"): None,
    }


def test_outcomes_show_a_marker_not_only_colour():
    svg = dl.render(tree(ROOT, title="Slow build"))
    # ✓ and ✗ are drawn icons (no font needed); ? is text; titles say it in words
    assert re.search(
        r'Cache misses[^<]*\(Confirmed\)</title>.*?class="marker".*?>Cache misses<', svg
    )
    assert re.search(r'Slow disk[^<]*\(Ruled out\)</title>.*?class="marker".*?>Slow disk<', svg)
    assert ">? Network</tspan>" in svg
    # and a line style: ruled out and open items are dashed, differently
    dashes = set(
        re.findall(r'class="node role-(?:ruled_out|open)".*?stroke-dasharray="([^"]+)"', svg)
    )
    assert len(dashes) == 2


def test_description_lists_the_outcomes():
    g = tree(ROOT, title="Slow build")
    assert g.graph["description"] == (
        "A tree of 6 items under 'Build is slow'; confirmed: 'Cache misses'; "
        "ruled out: 'Cache too small', 'Slow disk'; open: 'Network'."
    )
    assert tree(ROOT, title="T", description="Own.").graph["description"] == "Own."


def test_role_key_overrides_the_default_role():
    g = tree(
        {"label": "Deploy?", "role": "decision", "children": [{"label": "Ship"}]}, title="Decide"
    )
    assert g.nodes["t0"]["role"] == "decision"


@pytest.mark.parametrize(("direction", "axis"), [("TB", 1), ("LR", 0)])
def test_root_comes_first_in_the_direction(direction, axis):
    pos = _centres(dl.render(tree(ROOT, title="Slow build", direction=direction)))
    assert pos["t0"][axis] < pos["t1"][axis] < pos["t2"][axis]


def test_missing_label_names_the_path():
    bad = {"label": "root", "children": [{"label": "a"}, {"outcome": "open"}]}
    with pytest.raises(ValidationError, match=r"tree item t0\.1 has no label"):
        tree(bad, title="T")


def test_unknown_outcome_names_the_item_and_lists_choices():
    bad = {"label": "root", "children": [{"label": "Disk", "outcome": "maybe"}]}
    with pytest.raises(
        UnknownOptionError,
        match=r"item 'Disk' \(t0\.0\) has outcome 'maybe'; "
        "choose one of: confirmed, ruled_out, open",
    ):
        tree(bad, title="T")


def test_unknown_key_is_a_named_error():
    with pytest.raises(UnknownOptionError, match="unknown key 'childern'"):
        tree({"label": "root", "childern": []}, title="T")


def test_cycle_names_the_item():
    root = {"label": "root", "children": []}
    child = {"label": "loop", "children": [root]}
    root["children"].append(child)
    with pytest.raises(ValidationError, match=r"tree has a cycle at item 'root' \(t0\.0\.0\)"):
        tree(root, title="T")


def test_shared_subtree_is_refused():
    shared = {"label": "shared"}
    root = {"label": "root", "children": [{"label": "a", "children": [shared]}, shared]}
    with pytest.raises(
        ValidationError,
        match="item with two parents at item 'shared' "
        r"\(t0\.1\).*already at t0\.0\.0",
    ):
        tree(root, title="T")


def test_malformed_items_are_type_errors():
    with pytest.raises(DiagramTypeError, match=r"tree item t0\.0 must be a dict"):
        tree({"label": "root", "children": ["child"]}, title="T")
    with pytest.raises(DiagramTypeError, match="'children' must be a list"):
        tree({"label": "root", "children": "child"}, title="T")
    with pytest.raises(ValidationError, match="root .* has an 'edge' label"):
        tree({"label": "root", "edge": "x"}, title="T")


def test_keys_stay_short_however_deep_the_tree():
    g = tree(chain_tree(200), title="Deep")
    assert max(len(key) for key in g) == 4  # t200
    assert len(dl.render(g)) < 250_000  # was quadratic in the depth: 308 MB at 10,000


def test_a_tree_too_deep_to_draw_is_refused_before_any_work():
    with pytest.raises(ValidationError, match="deeper than 200 levels: item 'level 201'"):
        tree(chain_tree(10_000), title="Deep")


def test_example_reads_well():
    g = example()
    assert CAPTION.endswith(".")
    assert {d["role"] for _, d in g.nodes(data=True)} >= {"confirmed", "ruled_out", "open"}
    width = float(re.search(r'width="([\d.]+)"', dl.render(g)).group(1))
    assert 500 <= width <= 1000
