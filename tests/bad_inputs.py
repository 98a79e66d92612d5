"""Every bad input we know of, the error it gets, and what the message must name.

``tests/test_bad_input.py`` runs each case; ``tools/gen_errors_doc.py`` writes the
table in ``docs/errors.md`` from the same cases and the messages they really give.
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

import diagrams_lib as dl
from diagrams_lib.cli import CLIError, load_graph
from diagrams_lib.engine import layout
from tests.helpers import chain_tree

HUGE_POLYGON = "digraph { node [shape=polygon, sides=2000000000]; a -> b }"
# Graphviz 14 asserts that coordinates fit an int (xlabels.c) and aborts on this node.
ABORTING_DOT = 'digraph { node [shape=box, fixedsize=true]; a [width="1e10", xlabel=x]; a -> b }'


@dataclass(frozen=True)
class Case:
    id: str
    what: str
    call: Callable[[], Any]
    error: type[Exception]
    names: str  # text the message must contain: the culprit


def titled(**attrs: Any) -> nx.DiGraph:
    g = nx.DiGraph(title="T", **attrs)
    g.add_node("a")
    return g


def with_node(key: Any = "x", **attrs: Any) -> nx.DiGraph:
    g = titled()
    g.add_node(key, **attrs)
    return g


def with_edge(**attrs: Any) -> nx.DiGraph:
    g = titled()
    g.add_edge("a", "b", **attrs)
    return g


def kind(name: str) -> Callable[..., Any]:
    import importlib

    return getattr(importlib.import_module(f"diagrams_lib.kinds.{name}"), name)


def made(path: str, what: str) -> str:
    """Create ``what`` ("folder" or "link loop") at ``path``, in the current folder."""
    if not os.path.lexists(path):
        os.mkdir(path) if what == "folder" else os.symlink(path, path)
    return path


def without_module(name: str, call: Callable[[], Any]) -> Any:
    """Run ``call`` as if the package ``name`` were not installed."""
    saved = sys.modules.get(name)
    sys.modules[name] = None  # type: ignore[assignment]
    try:
        return call()
    finally:
        if saved is None:
            del sys.modules[name]
        else:
            sys.modules[name] = saved


def nested_key(depth: int) -> tuple:
    key: Any = "x"
    for _ in range(depth):
        key = (key,)
    return key


def slow_graph() -> nx.DiGraph:
    g = nx.gnm_random_graph(3000, 6000, seed=3, directed=True)  # dot needs many seconds
    g.graph["title"] = "Slow"
    return g


def deep_json(depth: int) -> str:
    return '{"nodes": [{"id": "a", "label": ' + "[" * depth + '"x"' + "]" * depth + "}]}"


def written(path: str, text: str) -> str:
    """Write ``text`` to ``path`` in the current folder; return the path."""
    Path(path).write_text(text, encoding="utf-8")
    return path


def untitled() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_node("a")
    return g


CASES: list[Case] = [
    # the graph itself
    Case(
        "not-a-graph",
        "a dict instead of a graph",
        lambda: dl.render({"a": ["b"]}),
        dl.DiagramTypeError,
        "dict",
    ),
    Case(
        "no-title",
        "graph without a title",
        lambda: dl.render(untitled()),
        dl.ValidationError,
        "'title'",
    ),
    Case(
        "empty-graph",
        "graph with no nodes",
        lambda: dl.render(nx.DiGraph(title="Empty")),
        dl.ValidationError,
        "'Empty' has no nodes",
    ),
    Case(
        "unknown-kind",
        "graph kind that does not exist",
        lambda: dl.render(titled(kind="sankey")),
        dl.UnknownOptionError,
        "'sankey'",
    ),
    Case(
        "unknown-direction",
        "direction that does not exist",
        lambda: dl.render(titled(direction="sideways")),
        dl.UnknownOptionError,
        "'sideways'",
    ),
    Case(
        "unknown-graph-engine",
        "graph attribute engine that does not exist",
        lambda: dl.render(titled(engine="gvpr")),
        dl.UnknownOptionError,
        "'gvpr'",
    ),
    Case(
        "groups-not-mapping",
        "graph attribute groups that is a list",
        lambda: dl.render(titled(groups=["a"])),
        dl.DiagramTypeError,
        "'groups'",
    ),
    # nodes
    Case(
        "label-type",
        "a label that is a list",
        lambda: dl.render(with_node(label=["a"])),
        dl.DiagramTypeError,
        "node 'x' attribute 'label'",
    ),
    Case(
        "label-control",
        "a control character in a label",
        lambda: dl.render(with_node(label="bell\x07")),
        dl.ValidationError,
        "node 'x' attribute 'label'",
    ),
    Case(
        "key-control",
        "a control character in a node key (used as its label)",
        lambda: dl.render(with_node("esc\x1b")),
        dl.ValidationError,
        "node 'esc\\x1b'",
    ),
    Case(
        "label-nan",
        "a label that is NaN",
        lambda: dl.render(with_node(label=math.nan)),
        dl.ValidationError,
        "node 'x' attribute 'label'",
    ),
    Case(
        "unknown-role",
        "a node role the theme does not know",
        lambda: dl.render(with_node(role="villain")),
        dl.UnknownRoleError,
        "node 'x'",
    ),
    Case(
        "unknown-shape",
        "a shape that does not exist",
        lambda: dl.render(with_node(shape="star")),
        dl.UnknownOptionError,
        "node 'x'",
    ),
    Case(
        "unknown-align",
        "an align that does not exist",
        lambda: dl.render(with_node(align="justify")),
        dl.UnknownOptionError,
        "node 'x'",
    ),
    Case(
        "pin-type",
        "a pin that is not a pair of numbers",
        lambda: dl.render(with_node(pin="here")),
        dl.DiagramTypeError,
        "node 'x' attribute 'pin'",
    ),
    Case(
        "pin-inf",
        "a pin at infinity",
        lambda: dl.render(with_node(pin=(0, math.inf))),
        dl.ValidationError,
        "node 'x' attribute 'pin'",
    ),
    Case(
        "pin-partial",
        "some nodes pinned, others not",
        lambda: dl.render(with_node(pin=(1, 1))),
        dl.ValidationError,
        "node 'a'",
    ),
    Case(
        "size-negative",
        "a negative size",
        lambda: dl.render(with_node(size=(-1, 10))),
        dl.ValidationError,
        "node 'x' attribute 'size'",
    ),
    Case(
        "size-huge",
        "a size 1e308 px wide (which aborted Graphviz)",
        lambda: dl.render(with_node(size=(1e308, 1))),
        dl.ValidationError,
        "node 'x' attribute 'size'",
    ),
    Case(
        "pin-far",
        "a pin 1e300 points away",
        lambda: dl.render(with_node(pin=(1e300, 0))),
        dl.ValidationError,
        "node 'x' attribute 'pin'",
    ),
    Case(
        "hide-label-type",
        "hide_label that is not a bool",
        lambda: dl.render(with_node(hide_label="yes")),
        dl.DiagramTypeError,
        "node 'x'",
    ),
    Case(
        "link-javascript",
        "a javascript: link",
        lambda: dl.render(with_node(link="javascript:alert(1)")),
        dl.ValidationError,
        "node 'x' attribute 'link'",
    ),
    Case(
        "link-scheme-relative",
        "a scheme-relative //host link",
        lambda: dl.render(with_node(link="//evil.example")),
        dl.ValidationError,
        "node 'x' attribute 'link'",
    ),
    Case(
        "dot-reserved",
        "escape hatch overriding a computed attribute",
        lambda: dl.render(with_node(dot={"label": "x"})),
        dl.ValidationError,
        "node 'x' attribute 'dot'",
    ),
    Case(
        "dot-bad-name",
        "escape hatch with a malformed attribute name",
        lambda: dl.render(with_node(dot={"a b": "1"})),
        dl.ValidationError,
        "'a b'",
    ),
    Case(
        "dot-not-mapping",
        "escape hatch that is not a dict",
        lambda: dl.render(with_node(dot="rank=same")),
        dl.DiagramTypeError,
        "node 'x'",
    ),
    Case(
        "dot-file-attribute",
        "escape hatch naming a file Graphviz would read (shapefile)",
        lambda: dl.render(with_node(dot={"shapefile": "/etc/passwd"})),
        dl.ValidationError,
        "'shapefile'",
    ),
    Case(
        "dot-link-attribute",
        "escape hatch passing a link to Graphviz's own SVG (edgeURL), through to_dot",
        lambda: dl.to_dot(with_edge(dot={"edgeURL": "javascript:alert(1)"})),
        dl.ValidationError,
        "'edgeURL'",
    ),
    Case(
        "dot-not-a-hint",
        "escape hatch with an attribute that is no layout hint (ratio)",
        lambda: dl.render(titled(dot={"ratio": "1e308"})),
        dl.ValidationError,
        "'ratio'",
    ),
    Case(
        "dot-out-of-range",
        "escape hatch layout hint out of range (K=0, which crashed Graphviz)",
        lambda: dl.render(titled(dot={"K": 0})),
        dl.ValidationError,
        "'K' is 0",
    ),
    Case(
        "dot-semantic-twin",
        "escape hatch setting what has a semantic attribute (minlen)",
        lambda: dl.render(with_edge(dot={"minlen": "2000000000"})),
        dl.ValidationError,
        "'minlen'",
    ),
    Case(
        "key-nested",
        "a node key of tuples nested 100,000 deep",
        lambda: dl.render(with_node(nested_key(100_000))),
        dl.ValidationError,
        "nested more than 32 deep",
    ),
    # edges
    Case(
        "edge-role",
        "an edge role the theme does not know",
        lambda: dl.render(with_edge(role="wormhole")),
        dl.UnknownRoleError,
        "edge 'a' -> 'b'",
    ),
    Case(
        "edge-label-type",
        "an edge label that is a dict",
        lambda: dl.render(with_edge(label={"x": 1})),
        dl.DiagramTypeError,
        "edge 'a' -> 'b'",
    ),
    # options
    Case(
        "unknown-engine",
        "render(engine=...) that does not exist",
        lambda: dl.render(titled(), engine="patchwork"),
        dl.UnknownOptionError,
        "'patchwork'",
    ),
    Case(
        "unknown-theme",
        "render(theme=...) that does not exist",
        lambda: dl.render(titled(), theme="neon"),
        dl.UnknownOptionError,
        "'neon'",
    ),
    Case(
        "unknown-backend",
        "render(backend=...) that does not exist",
        lambda: dl.render(titled(), backend="cloud"),
        dl.UnknownOptionError,
        "'cloud'",
    ),
    Case(
        "label-width",
        "max_label_width too small",
        lambda: dl.render(titled(), max_label_width=5),
        dl.ValidationError,
        "max_label_width",
    ),
    Case(
        "timeout",
        "a negative timeout",
        lambda: dl.render(titled(), timeout=-1),
        dl.ValidationError,
        "timeout",
    ),
    Case(
        "timeout-nan",
        "a timeout that is NaN",
        lambda: dl.render(titled(), timeout=math.nan),
        dl.ValidationError,
        "timeout",
    ),
    Case(
        "memory-limit",
        "a memory_limit too small to start Graphviz",
        lambda: dl.render(titled(), memory_limit=10),
        dl.ValidationError,
        "memory_limit",
    ),
    Case(
        "layout-memory",
        "a layout that needs more than its memory_limit",
        lambda: layout(HUGE_POLYGON, memory_limit=300),
        dl.LayoutMemoryError,
        "may use 300 MiB",
    ),
    Case(
        "layout-crash",
        "raw DOT that aborts Graphviz, laid out isolated",
        lambda: layout(ABORTING_DOT, prog="circo", isolate=True),
        dl.LayoutCrashError,
        "crashed with SIGABRT",
    ),
    Case(
        "layout-timeout",
        "a layout that takes longer than its timeout",
        lambda: dl.render(slow_graph(), timeout=0.2),
        dl.LayoutTimeoutError,
        "within 0.2 s",
    ),
    Case(
        "theme-colour",
        "a theme colour that is CSS, not a colour",
        lambda: dataclasses.replace(dl.LIGHT, background="red;}</style><script>"),
        dl.ValidationError,
        "'background'",
    ),
    Case(
        "theme-surrogate",
        "a theme text colour that is a lone surrogate",
        lambda: dataclasses.replace(dl.LIGHT, text="\ud800"),
        dl.ValidationError,
        "'text'",
    ),
    Case(
        "theme-size",
        "a theme font size that is not a number",
        lambda: dataclasses.replace(dl.LIGHT, font_size="14px"),
        dl.DiagramTypeError,
        "'font_size'",
    ),
    Case(
        "theme-role-name",
        "a theme role name with a control character",
        lambda: dl.LIGHT.with_roles(nodes={"db\x07": dl.LIGHT.nodes["default"]}),
        dl.ValidationError,
        "role name",
    ),
    Case(
        "node-style-dash",
        "a node style whose dash is not a dash pattern",
        lambda: dl.NodeStyle("#fff", "#333", "#111", dash="1;x"),
        dl.ValidationError,
        "'dash'",
    ),
    Case(
        "id-prefix",
        "an id_prefix that is not id-safe",
        lambda: dl.render(titled(), id_prefix="a b"),
        dl.ValidationError,
        "'a b'",
    ),
    Case(
        "save-suffix",
        "save() to an unknown suffix",
        lambda: dl.save(titled(), "figure.jpg"),
        dl.UnknownOptionError,
        "figure.jpg",
    ),
    Case(
        "save-format",
        "save() with a format= that does not exist",
        lambda: dl.save(titled(), "figure.out", format="jpeg"),
        dl.UnknownOptionError,
        "'jpeg'",
    ),
    Case(
        "render-format",
        "render() with a format= that does not exist",
        lambda: dl.render(titled(), format="dot"),
        dl.UnknownOptionError,
        "to_dot",
    ),
    Case(
        "png-scale",
        "a PNG scale that is not a positive number",
        lambda: dl.render(titled(), format="png", scale=0),
        dl.ValidationError,
        "scale",
    ),
    Case(
        "scale-not-png",
        "scale= for a format other than PNG",
        lambda: dl.render(titled(), format="pdf", scale=2),
        dl.ValidationError,
        "scale=",
    ),
    Case(
        "png-too-big",
        "a PNG scale that would need too many pixels",
        lambda: dl.render(titled(), format="png", scale=500),
        dl.ValidationError,
        "pixels",
    ),
    Case(
        "pdf-no-extra",
        "PDF without the pdf extra installed",
        lambda: without_module("typst", lambda: dl.render(titled(), format="pdf")),
        dl.MissingDependencyError,
        "diagrams_lib[pdf]",
    ),
    Case(
        "save-folder",
        "save() into a missing folder",
        lambda: dl.save(titled(), "no/such/folder/f.svg"),
        dl.ValidationError,
        "no/such/folder",
    ),
    Case(
        "save-onto-folder",
        "save() onto a path that is a folder",
        lambda: dl.save(titled(), made("figure.svg", "folder")),
        dl.OutputError,
        "cannot write 'figure.svg'",
    ),
    Case(
        "save-link-loop",
        "save() onto a symbolic link that points at itself",
        lambda: dl.save(titled(), made("loop.svg", "link loop")),
        dl.OutputError,
        "cannot write 'loop.svg'",
    ),
    Case(
        "dot-syntax",
        "from_dot() on text that is not DOT",
        lambda: dl.from_dot("digraph { a -> "),
        dl.DotParseError,
        "not valid DOT",
    ),
    Case(
        "dot-missing-file",
        "read_dot() on a missing file",
        lambda: dl.read_dot(Path("missing-file.dot")),
        dl.DotParseError,
        "missing-file.dot",
    ),
    Case(
        "dot-nesting",
        "from_dot() on subgraphs nested 100,000 deep",
        lambda: dl.from_dot("digraph {" + "{" * 99_999 + "a" + "}" * 100_000),
        dl.DotParseError,
        "nested more than 256 deep",
    ),
    Case(
        "json-nesting",
        "the command line's node-link JSON nested 100,000 deep",
        lambda: load_graph(written("deep.json", deep_json(100_000))),
        CLIError,
        "nests deeper than 32",
    ),
    # kinds
    Case(
        "flow-unknown-step",
        "flow: an edge to a step that does not exist",
        lambda: kind("flow")(["a"], [("a", "zz")], title="T"),
        dl.ValidationError,
        "'zz'",
    ),
    Case(
        "flow-duplicate-step",
        "flow: the same step key twice",
        lambda: kind("flow")(["a", "a"], title="T"),
        dl.ValidationError,
        "'a'",
    ),
    Case(
        "tree-no-label",
        "tree: an item without a label",
        lambda: kind("tree")({"label": "r", "children": [{"outcome": "open"}]}, title="T"),
        dl.ValidationError,
        "t0.0",
    ),
    Case(
        "tree-cycle",
        "tree: an item that contains itself",
        lambda: _cyclic_tree(),
        dl.ValidationError,
        "cycle",
    ),
    Case(
        "tree-too-deep",
        "tree: a chain 10,000 items deep",
        lambda: kind("tree")(chain_tree(10_000), title="T"),
        dl.ValidationError,
        "200 levels",
    ),
    Case(
        "tree-outcome",
        "tree: an unknown outcome",
        lambda: kind("tree")({"label": "r", "outcome": "maybe"}, title="T"),
        dl.ValidationError,
        "'maybe'",
    ),
    Case(
        "dependencies-unknown",
        "dependencies: depending on an unknown item",
        lambda: kind("dependencies")({"build": ["desing"]}, title="T"),
        dl.ValidationError,
        "'desing'",
    ),
    Case(
        "dependencies-self-loop",
        "dependencies: an item that depends on itself",
        lambda: kind("dependencies")({"a": ["a"]}, title="T"),
        dl.ValidationError,
        "'a'",
    ),
    Case(
        "dependencies-collapse-critical",
        "dependencies: a critical path through cycles drawn as one node",
        lambda: kind("dependencies")(
            {"a": ["b"], "b": ["a"]}, title="T", critical=["a", "b"], collapse_cycles=True
        ),
        dl.ValidationError,
        "collapse_cycles",
    ),
    Case(
        "mindmap-empty",
        "mindmap: no branches",
        lambda: kind("mindmap")("Centre", {}, title="T"),
        dl.ValidationError,
        "branch",
    ),
    Case(
        "overlap-one-set",
        "overlap: a single set",
        lambda: kind("overlap")({"A": ["x"]}, title="T"),
        dl.ValidationError,
        "set",
    ),
    Case(
        "overlap-unknown-set",
        "overlap: an intersection naming an unknown set",
        lambda: kind("overlap")({"A": ["x"], "B": ["y"]}, shared={("A", "C"): ["z"]}, title="T"),
        dl.ValidationError,
        "'C'",
    ),
    Case(
        "overlap-duplicate-item",
        "overlap: the same item in two regions",
        lambda: kind("overlap")({"A": ["x"], "B": ["x"]}, title="T"),
        dl.ValidationError,
        "'x'",
    ),
    Case(
        "pyramid-empty",
        "pyramid: no tiers",
        lambda: kind("pyramid")([], title="T"),
        dl.ValidationError,
        "tier",
    ),
    Case(
        "pyramid-no-label",
        "pyramid: a tier without a label",
        lambda: kind("pyramid")(["Base", {"note": "n"}], title="T"),
        dl.ValidationError,
        "tier 1",
    ),
    Case(
        "chart-empty-series",
        "chart: a series with no points",
        lambda: kind("chart")({"loss": []}, title="T"),
        dl.ValidationError,
        "'loss'",
    ),
    Case(
        "chart-nan",
        "chart: a NaN value",
        lambda: kind("chart")({"loss": [(0, 1.0), (1, math.nan)]}, title="T"),
        dl.ValidationError,
        "'loss'",
    ),
    Case(
        "chart-inf",
        "chart: an infinite value",
        lambda: kind("chart")({"loss": [(0, 1.0), (math.inf, 2.0)]}, title="T"),
        dl.ValidationError,
        "'loss'",
    ),
    Case(
        "chart-huge",
        "chart: a finite but extreme value",
        lambda: kind("chart")({"loss": [(0, 1e308), (1, -1e308)]}, title="T"),
        dl.ValidationError,
        "point 0 y is 1e+308",
    ),
    Case(
        "chart-log-zero",
        "chart: zero on a log scale",
        lambda: kind("chart")({"loss": [(0, 1.0), (1, 0.0)]}, log_y=True, title="T"),
        dl.ValidationError,
        "'loss'",
    ),
    Case(
        "chart-mixed-x",
        "chart: numbers and categories mixed on x",
        lambda: kind("chart")({"s": [(0, 1.0), ("b", 2.0)]}, title="T"),
        dl.ValidationError,
        "'s'",
    ),
    Case(
        "timeline-backwards",
        "timeline: a phase that ends before it starts",
        lambda: kind("timeline")([{"label": "Training", "start": 5, "end": 3}], title="T"),
        dl.ValidationError,
        "'Training'",
    ),
    Case(
        "timeline-huge",
        "timeline: a phase ending at 1e308",
        lambda: kind("timeline")([{"label": "Training", "start": 0, "end": 1e308}], title="T"),
        dl.ValidationError,
        "phase 'Training' end is 1e+308",
    ),
    Case(
        "timeline-empty",
        "timeline: no phases",
        lambda: kind("timeline")([], title="T"),
        dl.ValidationError,
        "phase",
    ),
]


def _cyclic_tree() -> Any:
    root: dict[str, Any] = {"label": "root", "children": []}
    root["children"].append(root)
    return kind("tree")(root, title="T")
