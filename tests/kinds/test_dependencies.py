"""The dependencies kind: what needs what, a critical path and a binding constraint."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import diagrams_lib as dl
from diagrams_lib.errors import DiagramTypeError, ValidationError
from diagrams_lib.kinds.dependencies import CAPTION, dependencies, example

ITEMS = {
    "design": [],
    "infra": [],
    "build": ["design"],
    "test": ["build", "infra"],
    "ship": ["test"],
}


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    found = re.findall(
        r'class="node [^"]*" data-key="([^"]*)">.*?<tspan x="([\d.]+)" '
        r'y="([\d.]+)"',
        svg,
    )
    return {key: (float(x), float(y)) for key, x, y in found}


def test_arrows_run_from_prerequisite_to_dependent():
    g = dependencies(ITEMS, title="Plan")
    assert list(g) == list(ITEMS)
    assert sorted(g.edges) == [
        ("build", "test"),
        ("design", "build"),
        ("infra", "test"),
        ("test", "ship"),
    ]
    assert {d["role"] for _, d in g.nodes(data=True)} == {"default"}
    pos = _centres(dl.render(g))
    assert pos["design"][0] < pos["build"][0] < pos["test"][0] < pos["ship"][0]


def test_critical_path_and_binding_constraint():
    g = dependencies(
        ITEMS, title="Plan", critical=["design", "build", "test", "ship"], binding="build"
    )
    highlighted = [k for k, d in g.nodes(data=True) if d["role"] == "highlight"]
    assert highlighted == ["design", "test", "ship"]
    assert g.nodes["build"] == {
        "label": "build",
        "role": "constraint",
        "note": "binding constraint",
    }
    assert g.nodes["infra"]["role"] == "default"
    critical = sorted((u, v) for u, v, d in g.edges(data=True) if d.get("role") == "critical")
    assert critical == [("build", "test"), ("design", "build"), ("test", "ship")]
    assert "role" not in g.edges["infra", "test"]
    svg = dl.render(g)
    assert ">binding constraint</tspan>" in svg
    assert svg.count('class="edge role-critical"') == 3


def test_description_names_the_path_and_constraint():
    g = dependencies(ITEMS, title="Plan", critical=["design", "build"], binding="infra")
    assert g.graph["description"] == (
        "5 items and 4 dependencies; critical path: design → build; binding constraint: infra."
    )


def test_list_of_pairs_and_top_down():
    g = dependencies(list(ITEMS.items()), title="Plan", direction="TB")
    pos = _centres(dl.render(g))
    assert pos["design"][1] < pos["build"][1] < pos["ship"][1]


def test_unknown_dependency_is_named():
    with pytest.raises(ValidationError, match="item 'build' depends on 'desing', which is not"):
        dependencies({"design": [], "build": ["desing"]}, title="T")


def test_broken_critical_link_is_named():
    with pytest.raises(
        ValidationError,
        match="critical path is broken between 'design' and "
        "'test': 'test' does not depend on 'design'",
    ):
        dependencies(ITEMS, title="T", critical=["design", "test", "ship"])
    with pytest.raises(ValidationError, match="critical path item 'deploy' is not an item"):
        dependencies(ITEMS, title="T", critical=["test", "deploy"])


IMPORTS = {  # a package whose root imports its modules, which import the root back
    "pkg": ["pkg.core", "pkg.utils", "pkg.io"],
    "pkg.utils": [],
    "pkg.core": ["pkg", "pkg.utils"],
    "pkg.io": ["pkg.core", "pkg.utils"],
    "app": ["pkg"],
}


def test_cycles_are_drawn_with_the_edges_that_close_them_marked():
    g = dependencies(IMPORTS, title="Imports")
    closing = [(u, v) for u, v, role in g.edges(data="role") if role == "cycle"]
    # pkg needs pkg.core and pkg.io, which need pkg: two cycles, each closed once
    assert closing == [("pkg.core", "pkg"), ("pkg.io", "pkg")]
    assert "2 dependencies close a cycle" in g.graph["description"]
    svg = dl.render(g)
    assert svg.count('class="edge role-cycle"') == 2
    assert svg.count("<path") - svg.count('class="marker"') >= g.number_of_edges()
    with pytest.raises(ValidationError, match="item 'a' depends on itself"):
        dependencies({"a": ["a"]}, title="T")


def test_cycles_collapse_into_one_node_each():
    g = dependencies(IMPORTS, title="Imports", collapse_cycles=True, binding="pkg.io")
    assert list(g) == ["pkg", "pkg.utils", "app"]
    assert g.nodes["pkg"] == {
        "label": "pkg + 2 more",
        "note": "binding constraint; a cycle with pkg.core, pkg.io",
        "role": "constraint",  # the binding constraint, pkg.io, is in it
    }
    assert sorted(g.edges) == [("pkg", "app"), ("pkg.utils", "pkg")]
    assert "1 cycle drawn as one item" in g.graph["description"]


def test_a_big_import_graph_is_spread_not_one_tall_column():
    """A root package importing 60 modules that each import it back (as networkx's do)."""
    items = {"pkg": [f"pkg.m{i}" for i in range(60)]}
    items |= {f"pkg.m{i}": ["pkg", "pkg.utils"] for i in range(60)}
    items["pkg.utils"] = []
    g = dependencies(items, title="Imports")
    assert g.graph["dot"] == {"nodesep": "0.12"}
    found = re.findall(
        r'data-key="pkg.m\d+"><title>[^<]*</title><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"',
        dl.render(g),
    )
    columns = Counter(round(float(x) + float(w) / 2) for x, w in found)
    assert len(columns) == 3 and max(columns.values()) == 20


def test_other_validation_names_the_culprit():
    with pytest.raises(ValidationError, match="item 'a' is given twice"):
        dependencies([("a", []), ("a", [])], title="T")
    with pytest.raises(ValidationError, match="item 'b' lists dependency 'a' twice"):
        dependencies({"a": [], "b": ["a", "a"]}, title="T")
    with pytest.raises(ValidationError, match="binding constraint 'z' is not an item"):
        dependencies({"a": []}, title="T", binding="z")
    with pytest.raises(DiagramTypeError, match="dependencies of 'b' must be a list"):
        dependencies({"a": [], "b": "a"}, title="T")


def test_example_reads_well():
    g = example()
    assert CAPTION.endswith(".")
    width = float(re.search(r'width="([\d.]+)"', dl.render(g)).group(1))
    assert 600 <= width <= 1000
