"""The dependencies kind: what needs what, a critical path and a binding constraint."""

from __future__ import annotations

import re

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


def test_cycle_is_refused_and_named():
    with pytest.raises(ValidationError, match="dependency cycle: 'a' -> 'c' -> 'b' -> 'a'"):
        dependencies({"a": ["c"], "b": ["a"], "c": ["b"]}, title="T")
    with pytest.raises(ValidationError, match="dependency cycle: 'a' -> 'a'"):
        dependencies({"a": ["a"]}, title="T")


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
