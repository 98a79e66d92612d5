"""Golden-testing your own diagrams, with failures that say what changed.

A pytest plugin (loaded automatically once diagrams_lib is installed) gives the
``diagram_golden`` fixture::

    def test_pipeline(diagram_golden):
        diagram_golden(build_pipeline_graph(), "pipeline")   # a graph or an SVG string

The first run writes ``<test folder>/golden/pipeline.svg`` and fails; later runs
compare byte for byte. On a difference the failure lists which nodes, edges and
labels changed, then whether only the geometry moved, instead of a wall of XML.
``pytest --diagrams-regen`` rewrites the goldens that differ (look at them before
committing). Override the ``diagram_golden_dir`` fixture to keep goldens elsewhere.

The comparison is also available without pytest:

>>> a = '<svg xmlns="http://www.w3.org/2000/svg"><g data-key="x"><title>Old</title></g></svg>'
>>> b = a.replace("Old", "New")
>>> describe_changes(a, b)
["node 'x': label 'Old' -> 'New'"]
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

__all__ = ["GoldenMismatch", "check_golden", "describe_changes"]

_NS = "{http://www.w3.org/2000/svg}"


class GoldenMismatch(AssertionError):
    """An SVG differs from its golden file; the message lists what changed."""


def _items(svg: str) -> tuple[str, dict, dict, dict]:
    root = ET.fromstring(svg)
    title = root.find(f"{_NS}title")
    nodes, edges, geometry = {}, {}, {}
    for g in root.iter(f"{_NS}g"):
        t = g.find(f"{_NS}title")
        text = (t.text or "") if t is not None else ""
        role = " ".join(c for c in (g.get("class") or "").split() if c.startswith("role-"))
        if g.get("data-key") is not None:
            key = g.get("data-key")
            nodes[key] = (text, role)
            geometry[("node", key)] = ET.tostring(g)
        elif g.get("data-source") is not None:
            pair = (g.get("data-source"), g.get("data-target"))
            n = sum(1 for k in edges if k[:2] == pair)
            edges[(*pair, n)] = (text, role)
            geometry[("edge", *pair, n)] = ET.tostring(g)
    return (title.text or "") if title is not None else "", nodes, edges, geometry


def describe_changes(expected: str, actual: str) -> list[str]:
    """List the human-visible differences between two diagrams_lib SVGs."""
    t0, n0, e0, g0 = _items(expected)
    t1, n1, e1, g1 = _items(actual)
    out = []
    if t0 != t1:
        out.append(f"title: {t0!r} -> {t1!r}")
    for key in n0.keys() - n1.keys():
        out.append(f"node {key!r} removed ({n0[key][0]!r})")
    for key in n1.keys() - n0.keys():
        out.append(f"node {key!r} added ({n1[key][0]!r})")
    for key in n0.keys() & n1.keys():
        (l0, r0), (l1, r1) = n0[key], n1[key]
        if l0 != l1:
            out.append(f"node {key!r}: label {l0!r} -> {l1!r}")
        if r0 != r1:
            out.append(f"node {key!r}: {r0 or 'no role'} -> {r1 or 'no role'}")
    for key in e0.keys() - e1.keys():
        out.append(f"edge {key[0]!r} -> {key[1]!r} removed")
    for key in e1.keys() - e0.keys():
        out.append(f"edge {key[0]!r} -> {key[1]!r} added")
    for key in e0.keys() & e1.keys():
        if e0[key] != e1[key]:
            out.append(f"edge {key[0]!r} -> {key[1]!r}: {e0[key][0]!r} -> {e1[key][0]!r}")
    if not out:
        moved = sorted(str(k[1]) for k in g0.keys() & g1.keys() if g0[k] != g1[k])
        if moved:
            out.append(
                "same nodes, edges and labels; geometry or style changed for: "
                + ", ".join(moved[:12])
                + (" ..." if len(moved) > 12 else "")
            )
        elif expected != actual:
            out.append("same nodes, edges and labels; the page (size, theme, legend) changed")
    return sorted(out)


def check_golden(actual: Any, golden: Path, *, regen: bool = False, **render_options) -> None:
    """Compare an SVG (or a graph, rendered with ``render_options``) with ``golden``.

    Writes the golden when missing (and fails), or when ``regen`` and it differs.
    """
    from .api import render
    from .files import atomic_write

    svg = actual if isinstance(actual, str) else render(actual, **render_options)
    golden = Path(golden)
    if not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(golden, svg)
        raise GoldenMismatch(f"{golden} did not exist; it was written: look at it, then rerun")
    expected = golden.read_text(encoding="utf-8")
    if expected == svg:
        return
    if regen:
        atomic_write(golden, svg)
        return
    changes = "\n  ".join(describe_changes(expected, svg))
    raise GoldenMismatch(
        f"{golden} differs:\n  {changes}\n(rerun with --diagrams-regen to "
        "accept, after looking at the new picture)"
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--diagrams-regen",
        action="store_true",
        default=False,
        help="rewrite diagrams_lib golden SVGs that differ",
    )


@pytest.fixture
def diagram_golden_dir(request: pytest.FixtureRequest) -> Path:
    """Folder of the goldens: ``golden/`` beside the test file. Override to move it."""
    return Path(request.path).parent / "golden"


@pytest.fixture
def diagram_golden(request: pytest.FixtureRequest, diagram_golden_dir: Path):
    """``diagram_golden(graph_or_svg, name, **render_options)``: compare with a golden."""
    regen = request.config.getoption("--diagrams-regen")

    def check(actual: Any, name: str, **render_options: Any) -> None:
        __tracebackhide__ = True
        check_golden(actual, diagram_golden_dir / f"{name}.svg", regen=regen, **render_options)

    return check
