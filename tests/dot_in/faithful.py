"""Draw a DOT file with the library and compare it with what Graphviz itself makes of it.

Graphviz's side comes from pygraphviz alone (its own parse and its own SVG), never from
diagrams_lib's reading: node names, edges (tail, head) one for one, non-empty clusters
and their nesting, the words of every text Graphviz draws, and the direction its layout
runs in. :func:`compare` lists every difference in words a reader understands.

Run over a folder of DOT files (``python -m tests.dot_in.faithful FOLDER``) it prints a
summary, as the report on a corpus.
"""

from __future__ import annotations

import collections
import html
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pygraphviz

import diagrams_lib as dl
from diagrams_lib.dot import geometry_dot, layout_program
from diagrams_lib.engine import layout
from diagrams_lib.model import read_diagram
from diagrams_lib.scene import place
from diagrams_lib.size import size_diagram
from diagrams_lib.theme import LIGHT

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ATTR = re.compile(r'<g id="[^"]+" class="(node|edge|group)[^"]*"([^>]*)>')


@dataclass
class Seen:
    """What one side drew."""

    nodes: collections.Counter = field(default_factory=collections.Counter)
    edges: collections.Counter = field(default_factory=collections.Counter)
    clusters: dict[str, str | None] = field(default_factory=dict)  # name -> parent
    words: list[str] = field(default_factory=list)  # in the order drawn
    flow: tuple[int, int] | None = None  # edges running along rankdir, and against it
    misplaced: list[str] = field(default_factory=list)  # edge ends not at their port


def _words(svg: str) -> list[str]:
    text = " ".join(_TAG.sub(" ", t) for t in _TEXT.findall(svg))
    return html.unescape(text).split()


def _ends(tail: str, head: str, directed: bool) -> tuple[str, ...]:
    """An edge's ends; an undirected edge's in either order."""
    return (tail, head) if directed else tuple(sorted((tail, head)))


_AXES = {"TB": (1, 1), "BT": (1, -1), "LR": (0, 1), "RL": (0, -1)}


def _flow(points, direction: str, *, y_up: bool) -> tuple[int, int]:
    """How many edges (tail x, y, head x, y) run along ``direction``, and how many against."""
    axis, sign = _AXES[direction]
    if axis == 1 and y_up:
        sign = -sign
    deltas = [sign * (p[2 + axis] - p[axis]) for p in points]
    return sum(d > 1 for d in deltas), sum(d < -1 for d in deltas)


def rankdir(graph) -> str:
    value = (graph.graph_attr.get("rankdir") or "TB").upper()
    return value if value in _AXES else "TB"


def graphviz_side(path: Path) -> tuple[Seen, str]:
    """What Graphviz parses and draws, and the layout engine it uses."""
    graph = pygraphviz.AGraph(filename=str(path))
    seen = Seen()
    seen.nodes.update(str(n) for n in graph.nodes_iter())
    seen.edges.update(_ends(str(e[0]), str(e[1]), graph.is_directed()) for e in graph.edges_iter())

    def walk(sub, parent):
        for child in sub.subgraphs_iter():
            name = child.name or ""
            is_cluster = name.lower().startswith("cluster")
            if is_cluster and child.number_of_nodes():
                seen.clusters[name] = parent
            walk(child, name if is_cluster and child.number_of_nodes() else parent)

    walk(graph, None)
    engine = graph.graph_attr.get("layout") or "dot"
    if engine not in dl.ENGINES:
        engine = "dot"
    svg = graph.draw(format="svg", prog=engine).decode("utf-8", "replace")
    seen.words = _words(svg)
    if engine == "dot":  # a graph of its own: pygraphviz may crash laying out a drawn one
        graph = pygraphviz.AGraph(filename=str(path))
        graph.layout(prog="dot")
        pos = {str(n): tuple(map(float, n.attr["pos"].split(","))) for n in graph.nodes_iter()}
        ends = [(*pos[str(u)], *pos[str(v)]) for u, v in graph.edges_iter() if u != v]
        seen.flow = _flow(ends, rankdir(graph), y_up=True)
    return seen, engine


def library_side(path: Path, engine: str, direction: str) -> Seen:
    """What diagrams_lib draws of the file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dl.DiagramWarning)
        g = dl.read_dot(path)
        diagram = read_diagram(g)
        svg = dl.render(g)
        sizes = size_diagram(diagram, theme=LIGHT, max_width=180)
        prog = layout_program(diagram, None)
        scene = place(diagram, sizes, layout(geometry_dot(diagram, sizes, prog=prog), prog=prog))
    seen = Seen()
    for kind, attrs in _ATTR.findall(svg):
        found = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', attrs))
        if kind == "node":
            seen.nodes[html.unescape(found["data-key"])] += 1
        elif kind == "edge":
            tail, head = (html.unescape(found[f"data-{end}"]) for end in ("source", "target"))
            seen.edges[_ends(tail, head, diagram.directed)] += 1
    names = {x.id: x.name for x in diagram.groups}
    seen.clusters = {x.name: names.get(x.parent) for x in diagram.groups}
    seen.words = _words(svg)
    if dict(diagram.dot).get("concentrate") != "true":  # merged edges share their ends
        seen.misplaced = misplaced_ports(scene)
    if engine == "dot":
        at = {p.box.node.key: (p.x, p.y) for p in scene.nodes}
        ends = [(*at[e.source_key], *at[e.target_key]) for e in diagram.edges]
        seen.flow = _flow([p for p in ends if p[:2] != p[2:]], direction, y_up=False)
    return seen


_SIDES = {"n": (0, -1), "s": (0, 1), "e": (1, 0), "w": (-1, 0)}


def _end_points(placed_edge, origin) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """An edge's first and last point in the scene's coordinates (y down)."""
    route = placed_edge.route
    numbers = re.findall(r"-?[0-9.]+,-?[0-9.]+", route.path)
    if not numbers:
        return None
    first = tuple(map(float, numbers[0].split(",")))
    last = route.tip_at or tuple(map(float, numbers[-1].split(",")))
    if route.tail is not None:
        first = route.tail
    return tuple((x - origin[0], origin[1] - y) for x, y in (first, last))


def misplaced_ports(scene) -> list[str]:
    """Edge ends that miss the field or the side of the node their port names."""
    nodes = {p.box.node.id: p for p in scene.nodes}
    out = []
    for placed_edge in scene.edges:
        edge = placed_edge.edge
        ends = _end_points(placed_edge, scene.origin)
        if ends is None or edge.line == "invisible":
            continue
        for port, node_id, (x, y) in (
            (edge.tail_port, edge.source, ends[0]),
            (edge.head_port, edge.target, ends[1]),
        ):
            if not port:
                continue
            p = nodes[node_id]
            name, _, compass = port.partition(":") if ":" in port else (port, "", "")
            cells = {c.field.port: c for c in p.box.fields.cells} if p.box.fields else {}
            if name in cells:
                c = cells[name]
                left, top = p.x - p.box.width / 2 + c.x, p.y - p.box.height / 2 + c.y
                inside = left - 3 <= x <= left + c.width + 3 and top - 3 <= y <= top + c.height + 3
                if not inside:
                    out.append(f"{edge.source_key}->{edge.target_key} at {port}")
                continue
            side = (
                _SIDES.get((compass or name)[:1])
                if (compass or name) in ("n", "s", "e", "w", "ne", "nw", "se", "sw")
                else None
            )
            if side and (x - p.x) * side[0] + (y - p.y) * side[1] < 0:
                out.append(f"{edge.source_key}->{edge.target_key} at {port}")
    return out


def compare(path: Path) -> list[str]:
    """Every way the library's picture of ``path`` differs from Graphviz's."""
    theirs, engine = graphviz_side(path)
    direction = rankdir(pygraphviz.AGraph(filename=str(path)))
    ours = library_side(path, engine, direction)
    problems = []
    if ours.nodes != theirs.nodes:
        problems.append(
            f"nodes differ: only Graphviz {sorted(theirs.nodes - ours.nodes)[:5]}, "
            f"only ours {sorted(ours.nodes - theirs.nodes)[:5]}"
        )
    if ours.edges != theirs.edges:
        problems.append(
            f"edges differ: only Graphviz {sorted(theirs.edges - ours.edges)[:5]}, "
            f"only ours {sorted(ours.edges - theirs.edges)[:5]}"
        )
    if ours.clusters != theirs.clusters:
        problems.append(f"clusters differ: Graphviz {theirs.clusters}, ours {ours.clusters}")
    flat = "".join(" ".join(ours.words).split())
    missing = sorted(w for w in theirs.words if w not in flat)
    if missing:
        problems.append(f"words Graphviz draws are missing: {missing[:8]}")
    if ours.misplaced:
        problems.append(f"edge ends miss their port: {ours.misplaced[:5]}")
    if theirs.flow and theirs.flow[0] > theirs.flow[1] and not ours.flow[0] > ours.flow[1]:
        problems.append(
            f"edges do not run {direction}: {ours.flow[0]} do, {ours.flow[1]} run back "
            f"(Graphviz: {theirs.flow[0]} and {theirs.flow[1]})"
        )
    return problems


def main(folder: str) -> None:
    files = sorted(p for p in Path(folder).rglob("*") if p.suffix in (".dot", ".gv"))
    kinds, faithful = collections.Counter(), 0
    for path in files:
        try:
            problems = compare(path)
        except Exception as exc:  # report every file, whatever happens
            problems = [f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"]
        faithful += not problems
        for problem in problems:
            kinds[problem.split(":")[0]] += 1
            print(f"{path.name}: {problem}")
    print(f"{faithful} of {len(files)} files drawn as Graphviz draws them; problems: {dict(kinds)}")


if __name__ == "__main__":
    main(sys.argv[1])
