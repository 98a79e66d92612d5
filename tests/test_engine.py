"""The engine: Graphviz's layout read back through pygraphviz's public API, in process or in
a child process, and the library's memory and import cost."""

from __future__ import annotations

import gc
import json
import os
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.engine import CLUSTER_ENGINES, layout
from tests.helpers import awkward_keys, bug_hunt

ROOT = Path(__file__).resolve().parent.parent


def _dots() -> list[tuple[str, str]]:
    clusters = (
        'digraph G { rankdir=LR; subgraph cluster_g0 { graph [label="x"]; a; b; } '
        'a -> b [id=e0, label="lbl"]; b -> c [id=e1]; c -> a [id=e2]; '
        "subgraph cluster_g1 { c; } }"
    )
    pinned = (
        'digraph { node [shape=box, fixedsize=true]; a [pos="0,0!"]; b [pos="100,50!"]; '
        'a -> b [id=e0]; b -> a [id=e1, label="back"] }'
    )
    rng = random.Random(4)
    edges = " ".join(f"n{rng.randrange(40)} -> n{rng.randrange(40)} [id=e{i}];" for i in range(60))
    ring = "graph { a -- b [id=e0]; b -- c [id=e1]; c -- a [id=e2] }"
    return [
        ("dot", clusters),
        ("nop2", pinned),
        ("osage", clusters),
        ("dot", f"digraph {{ {edges} }}"),
        ("circo", ring),
    ]


@pytest.mark.parametrize(("prog", "dot"), _dots())
def test_geometry_is_what_graphviz_writes_in_its_json(prog, dot):
    import pygraphviz

    geometry = layout(dot, prog=prog)
    graph = pygraphviz.AGraph(string=dot)
    data = json.loads(graph.draw(format="json0", prog=prog))
    assert geometry.bb == data["bb"]
    objects = {o["name"]: o for o in data.get("objects", [])}
    assert geometry.nodes == {name: o["pos"] for name, o in objects.items() if "pos" in o}
    assert geometry.edges == {e["id"]: e["pos"] for e in data["edges"]}
    assert geometry.labels == {e["id"]: e["lp"] for e in data["edges"] if e.get("lp")}
    if prog in CLUSTER_ENGINES:
        assert geometry.clusters == {
            name[len("cluster_") :]: o["bb"]
            for name, o in objects.items()
            if name.startswith("cluster_")
        }


@pytest.mark.parametrize("graph", [bug_hunt, awkward_keys])
def test_the_isolated_worker_gives_the_same_svg(graph):
    assert dl.render(graph(), isolate=True, legend=True) == dl.render(graph(), legend=True)


def test_concentrated_edges_are_drawn_not_refused():
    g = nx.DiGraph(title="Concentrated", dot={"concentrate": "true"})
    for target in "bcdef":
        g.add_edge("a", target)
        g.add_edge("z", target)
    svg = dl.render(g)
    assert svg.count('class="line"') == 10


def test_repeated_renders_do_not_grow_memory():
    g = bug_hunt()
    for _ in range(30):  # fill every bounded cache first
        dl.render(g, legend=True)
    gc.collect()
    rss_before = _rss_mib()
    tracemalloc.start()
    try:
        for _ in range(50):
            dl.render(g, legend=True)
        gc.collect()
        start = tracemalloc.get_traced_memory()[0]
        for _ in range(250):
            dl.render(g, legend=True)
        gc.collect()
        growth = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    # a leak of one small string per render would show: 250 renders x 200 bytes
    assert growth < 50_000, f"Python heap grew by {growth} bytes over 250 renders"
    if rss_before is not None:  # Graphviz's own memory (C) is outside tracemalloc
        assert _rss_mib() - rss_before < 8, "resident memory grew by more than 8 MiB"


def _rss_mib() -> float | None:
    if not os.path.exists("/proc/self/statm"):
        return None
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_import_loads_no_heavy_package():
    code = (
        "import sys, diagrams_lib\n"
        "print(sorted(m for m in ('networkx', 'pygraphviz', 'pydot', 'graphviz')"
        " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_large_graph_renders_without_noise_on_stderr(capfd):
    g = nx.path_graph(1200, create_using=nx.DiGraph)
    g.graph["title"] = "Long chain"
    assert dl.render(g).count("data-key=") == 1200
    assert "Warning" not in capfd.readouterr().err  # pygraphviz's "may take a long time"
