"""Rendering again and again does not grow memory; the fast paths give what the slow ones do."""

from __future__ import annotations

import gc
import math
import os
import random
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib import engine
from diagrams_lib._metrics_data import UNITS_PER_EM
from diagrams_lib.engine import Geometry, layout_geometry, run_layout
from diagrams_lib.positions import _route_by_token, route, routes
from diagrams_lib.quoting import NUM, fill_numbers, fmt, round2
from diagrams_lib.text import _px
from tests.helpers import awkward_keys, bug_hunt

ROOT = Path(__file__).resolve().parent.parent


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_repeated_renders_do_not_grow_memory():
    g = bug_hunt()
    for _ in range(30):  # fill every bounded cache first
        dl.render(g, legend=True)
    gc.collect()
    rss_before = _rss_mib() if os.path.exists("/proc/self/statm") else None
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


def _dots() -> list[tuple[str, str]]:
    clusters = ("digraph G { rankdir=LR; subgraph cluster_g0 { graph [label=\"x\"]; a; b; } "
                "a -> b [id=e0, label=\"lbl\"]; b -> c [id=e1]; c -> a [id=e2]; "
                "subgraph cluster_g1 { c; } }")  # fmt: skip
    pinned = ('digraph { node [shape=box, fixedsize=true]; a [pos="0,0!"]; b [pos="100,50!"]; '
              "a -> b [id=e0]; b -> a [id=e1, label=\"back\"] }")  # fmt: skip
    rng = random.Random(4)
    edges = " ".join(f"n{rng.randrange(40)} -> n{rng.randrange(40)} [id=e{i}];" for i in range(60))
    ring = "graph { a -- b [id=e0]; b -- c [id=e1]; c -- a [id=e2] }"
    # not fdp: its layout can differ from one call to the next in one process, through
    # pygraphviz alone too, so the two paths cannot be compared on it
    return [("dot", clusters), ("nop2", pinned), ("neato", clusters),
            ("dot", f"digraph {{ {edges} }}"), ("circo", ring)]


@pytest.mark.parametrize("attach", ["attach_attrs", "gvRender"])
@pytest.mark.parametrize(("prog", "dot"), _dots())
def test_in_process_geometry_is_what_graphviz_json0_says(prog, dot, attach, monkeypatch):
    if attach == "gvRender":  # where attach_attrs cannot be found
        monkeypatch.setattr(engine, "_attach_attrs", lambda: None)
    elif engine._attach_attrs() is None:
        pytest.skip("Graphviz's attach_attrs is found through /proc/self/maps (Linux)")
    fast = layout_geometry(dot, prog=prog)
    json0 = run_layout(dot, prog=prog)
    assert fast == Geometry.from_json0(json0)
    assert fast.bb and fast.nodes and fast.edges
    names = {o["name"] for o in json0.get("objects", [])}
    assert {*fast.nodes, *(f"cluster_{name}" for name in fast.clusters)} == names
    assert set(fast.edges) == {e["id"] for e in json0["edges"]}
    assert set(fast.labels) == {e["id"] for e in json0["edges"] if e.get("lp")}


def test_geometry_strings_are_decoded_together_as_one_by_one():
    values = [b"n0", b"1.5,2", None, "\u00e9t\u00e9".encode(), b""]
    assert engine._texts(values) == [engine._text(v) for v in values] == [
        "n0", "1.5,2", "", "\u00e9t\u00e9", ""]
    assert engine._texts(["a", None, b"b"]) == ["a", "", "b"]  # a pygraphviz giving str
    assert engine._texts([]) == []


def test_routes_read_all_at_once_are_each_route_read_token_by_token():
    poses = [pos for prog, dot in _dots() for pos in layout_geometry(dot, prog=prog).edges.values()]
    odd = ["s,1,2 e,3,4 5,6 7,8 9,10 11,12", "s,1,2 5,6 7,8", "e,1,2", "", "1.5,2 3,4.25",
           "e,1e3,-2 0,0 1,1 2,2 3,3", "e,12.345,-0 1,2 3,4", "1.2346e+05,3 4,5",
           "e,91.739,38.45 91.739,98.233 91.739,82.735 91.739,63.264 91.739,47.623",
           "-0.004,1 2,3", "1,2"]  # fmt: skip
    assert any(p.startswith("e,") for p in poses) and any(p[:1].isdigit() for p in poses)
    for batch in (poses, odd, poses + odd, odd[:1] + poses):
        assert routes(batch) == [_route_by_token(p) for p in batch]
    assert [route(p) for p in odd] == [_route_by_token(p) for p in odd]


def test_routes_checked_at_once_agree_with_each_token_on_random_text():
    # Random routes, some with a character put in: every batch the token reader reads must
    # come out of the batch reader exactly the same.
    rng = random.Random(5)
    pieces = ["1", "23.4", "99.125", "e,", ",", " ", "\n", "-", "e", "s,", "+", "x", "1e5", "%s",
              '"', "\t"]  # and none that makes a number Graphviz would not write, like "1.50"

    def read(poses, how):
        try:
            return how(poses)
        except ValueError:
            return ValueError

    for _ in range(3000):
        poses = []
        for _ in range(rng.randint(1, 4)):
            points = [f"{rng.choice((-1, 1, 1)) * rng.uniform(1, 500):.5g},"
                      f"{rng.uniform(1, 900):.5g}" for _ in range(rng.choice((1, 2, 4, 7)))]
            pos = ("e,1.5,2.125 " if rng.random() < 0.7 else "") + " ".join(points)
            if rng.random() < 0.3:
                at = rng.randint(0, len(pos))
                pos = pos[:at] + rng.choice(pieces) + pos[at:]
            poses.append(pos)
        by_token = read(poses, lambda ps: [_route_by_token(p) for p in ps])
        if by_token is not ValueError:  # else plain characters may still pass, unread
            assert read(poses, routes) == by_token, poses


def test_route_numbers_have_two_decimals_at_most():
    poses = [pos for prog, dot in _dots() for pos in layout_geometry(dot, prog=prog).edges.values()]
    for line in routes([*poses, "e,91.739,1.2346e+05 -0.004,98.2 1,2 3,4 5,6"]):
        for number in re.split(r"[ ,]", f"{line.path[1:]} {line.tip}".replace("C", "")
                               .replace("L", "")):  # fmt: skip
            assert number == "" or re.fullmatch(r"-?[0-9]+(\.[0-9]{1,2})?", number), number
            assert number != "-0"


def test_routes_let_only_numbers_into_the_markup():
    with pytest.raises(ValueError):  # not "x,y" pairs, in a batch or alone
        routes(["1,2 3,4", "1,2 3"])
    with pytest.raises(ValueError):
        route('1,2 3,4"/><script>')
    with pytest.raises(ValueError):
        route("1,2 3,4%s")


@pytest.mark.parametrize("graph", [bug_hunt, awkward_keys])
def test_in_process_render_matches_the_json0_path(graph, monkeypatch):
    import diagrams_lib.api as api

    fast = dl.render(graph(), legend=True)
    monkeypatch.setattr(api, "layout_geometry",
                        lambda dot, **options: Geometry.from_json0(run_layout(dot, **options)))
    assert dl.render(graph(), legend=True) == fast


def test_batched_number_formatting_is_fmt():
    rng = random.Random(11)
    values = ([rng.uniform(-5000, 5000) for _ in range(20_000)]
              + [rng.randint(-10**6, 10**6) / 1000 for _ in range(20_000)]
              + [0.0, -0.0, -0.001, -0.005, 0.005, 0.015, 1.005, 2.675, -10.5, 100, -100, 7,
                 1e20, float("inf"), float("-inf"), float("nan")])  # fmt: skip
    for i in range(0, len(values), 9):
        chunk = values[i:i + 9]
        assert fill_numbers(",".join([NUM] * len(chunk)), chunk) == ",".join(map(fmt, chunk))


def test_fast_rounding_is_round():
    rng = random.Random(12)
    values = ([rng.uniform(-5000, 5000) for _ in range(20_000)]
              + [rng.randint(-10**6, 10**6) / 100 + rng.choice((0, 32, 1e-13, -1e-13))
                 for _ in range(20_000)]
              + [rng.randint(0, 10**5) / 100 * 1.42 + 20 for _ in range(20_000)]
              + [0.0, -0.0, -1e-12, 1e-12, -0.004, 0.005, 2.675, 1.005, 1e308, -1e308,
                 float("inf"), float("-inf")])  # fmt: skip
    for value in values:
        assert repr(round2(value)) == repr(round(value, 2)), value
    assert repr(round2(float("nan"))) == "nan"


def test_whole_font_sizes_take_the_exact_integer_path():
    def slow(units, size):  # the general formula, for every size
        return math.ceil(round(units * size * 100 / UNITS_PER_EM, 6)) / 100

    rng = random.Random(13)
    for _ in range(50_000):
        units = rng.randint(0, 400_000)
        size = rng.choice((1, 7, 9, 11, 12, 13, 14, 16, 18, 24, 12.0, 14.0, 36.0))
        assert _px(units, size) == slow(units, size), (units, size)


def test_import_loads_no_heavy_package():
    code = ("import sys, diagrams_lib\n"
            "print(sorted(m for m in ('networkx', 'pygraphviz', 'pydot', 'graphviz')"
            " if m in sys.modules))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"


def test_a_large_graph_renders_without_noise_on_stderr(capfd):
    g = nx.path_graph(1200, create_using=nx.DiGraph)
    g.graph["title"] = "Long chain"
    assert dl.render(g).count("data-key=") == 1200
    assert "Warning" not in capfd.readouterr().err  # pygraphviz's "may take a long time"


def test_nodes_drawn_in_one_step_are_what_the_general_path_draws():
    from diagrams_lib.layout import build_scene
    from diagrams_lib.model import read_diagram
    from diagrams_lib.svg_elements import Markup, node, nodes, pct_attr, pct_text
    from diagrams_lib.theme import get_theme

    g = awkward_keys()
    for i, role in enumerate(("process", "external", "resource", None, "highlight")):
        g.add_node(f"plain {i}", label=f'50% <of> "{role}" & more', role=role)
        g.add_node(f"wrapped {i}", label="a label long enough to wrap on two lines", role=role)
    for theme in ("light", "dark"):
        look = get_theme(theme)
        diagram = read_diagram(g)
        scene = build_scene(diagram, theme=look, max_label_width=120,
                            run=lambda dot, prog: layout_geometry(dot, prog=prog))  # fmt: skip
        keys = {n.id: pct_attr(str(n.key)) for n in diagram.nodes}
        titles = {n.id: pct_text(n.label) for n in diagram.nodes}
        fast, slow = Markup(), Markup()
        nodes(fast, scene.nodes, prefix="p", theme=look, keys=keys, titles=titles, dx=3.5, dy=7)
        for p in scene.nodes:
            node(slow, p, prefix="p", theme=look, key=keys[p.box.node.id], dx=3.5, dy=7)
        assert fast.text() == slow.text()
        assert fast.parts != slow.parts  # most nodes took the one-step path


def test_nodes_sized_in_one_step_are_what_size_node_gives():
    from diagrams_lib.model import read_diagram
    from diagrams_lib.sizing import size_node, size_nodes
    from diagrams_lib.theme import SHAPES, get_theme

    g = nx.DiGraph(title="Sizes")
    rng = random.Random(5)
    words = ["a", "label", "wraps", "here", "50%", "x" * 40, "naïve", "→"]
    for i in range(160):
        attrs = {"label": " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))}
        if i % 3:
            attrs["shape"] = rng.choice(SHAPES)
        if i % 7 == 0:
            attrs["note"] = "a note"
        if i % 5 == 0:
            attrs["role"] = rng.choice(["process", "confirmed", "ruled_out", "external"])
        if i % 11 == 0:
            attrs["inset"] = rng.choice([0.5, 3, 7.25])
        if i % 13 == 0:
            attrs["size"] = (rng.uniform(40, 200), rng.uniform(30, 90))
        if i % 17 == 0:
            attrs["hide_label"] = True
        g.add_node(i, **attrs)
    nodes = read_diagram(g).nodes
    for theme in ("light", "dark"):
        look = get_theme(theme)
        for width in (40, 120, 180.5):
            boxes = size_nodes(nodes, theme=look, max_width=width)
            assert boxes == {n.id: size_node(n, theme=look, max_width=width) for n in nodes}
