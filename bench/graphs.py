"""Synthetic but realistic diagrams for the benchmark, the same on every run (fixed seeds).

A *pipeline* is a layered DAG, the shape most flow diagrams have: steps in ranks of
about ``0.8 * sqrt(n)``, each step fed by one step of the rank before (near its own
position), one in five also by a step one or two ranks back; about 1.15 edges per
node. Labels are one to four words; a few nodes carry a role or a note, a few edges
a label.

>>> g = pipeline(100)
>>> g.number_of_nodes(), g.graph["title"]
(100, 'Synthetic pipeline, 100 steps')
>>> pipeline(100).edges == g.edges
True
"""

from __future__ import annotations

import ast
import math
import random
from pathlib import Path

import networkx as nx

__all__ = ["fan_out", "figure", "imports", "pipeline"]

WORDS = (
    "load",
    "parse",
    "check",
    "merge",
    "split",
    "route",
    "cache",
    "plan",
    "build",
    "test",
    "ship",
    "train",
    "eval",
    "shard",
    "sync",
    "index",
    "filter",
    "score",
    "rank",
    "batch",
)
ROLES = ("process", "data", "decision", "external", "highlight")
EDGE_LABELS = ("then", "on failure", "retry", "if ok", "batch of 64")


def _near(rank: list[int], where: float, spread: float, rng: random.Random) -> int:
    i = round(where * (len(rank) - 1) + rng.uniform(-spread, spread))
    return rank[min(len(rank) - 1, max(0, i))]


def pipeline(n: int, *, seed: int = 0, title: str | None = None) -> nx.DiGraph:
    """A layered DAG of ``n`` labelled steps (see the module docstring)."""
    rng = random.Random(seed)
    g = nx.DiGraph(title=title or f"Synthetic pipeline, {n} steps")
    width = max(2, round(math.sqrt(n) * 0.8))
    ranks: list[list[int]] = []
    start = 0
    while start < n:
        size = min(n - start, max(1, int(width * rng.uniform(0.6, 1.4))))
        ranks.append(list(range(start, start + size)))
        start += size
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 4))]
        attrs: dict[str, str] = {"label": " ".join(words).capitalize() + f" {i}"}
        if rng.random() < 0.15:
            attrs["role"] = rng.choice(ROLES)
        if rng.random() < 0.05:
            attrs["note"] = f"owner: team {rng.randint(1, 9)}"
        g.add_node(f"s{i}", **attrs)
    for r in range(1, len(ranks)):
        before, here = ranks[r - 1], ranks[r]
        for j, node in enumerate(here):
            where = j / max(1, len(here) - 1)
            attrs = {"label": rng.choice(EDGE_LABELS)} if rng.random() < 0.05 else {}
            g.add_edge(f"s{_near(before, where, 1.5, rng)}", f"s{node}", **attrs)
            if rng.random() < 0.2:
                back = ranks[max(0, r - rng.choice((1, 1, 2)))]
                other = _near(back, where, 2.0, rng)
                if other != node:
                    g.add_edge(f"s{other}", f"s{node}")
    return g


def figure(i: int) -> nx.DiGraph:
    """Figure ``i`` of the synthetic 100-figure report: 20 to 60 steps."""
    return pipeline(20 + (i * 7) % 41, seed=1000 + i, title=f"Synthetic figure {i}")


def imports(depth: int = 2) -> nx.DiGraph:
    """networkx's own module import graph, read with ``ast`` from its installed sources:
    one node per module up to ``depth`` dots (tests left out), one edge per import of
    another of them. At depth 2: 158 modules, a few hubs (``networkx``, ``networkx.utils``)
    that almost all import: the wide, flat kind of graph."""
    root = Path(nx.__file__).parent
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if "tests" in parts:
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name.count(".") <= depth:
            modules[name] = path
    g = nx.DiGraph(title=f"networkx imports, {len(modules)} modules")
    for name, path in modules.items():
        g.add_node(name, label=name.removeprefix("networkx.") or name)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    g.add_edge(name, target)
    return g


def fan_out(areas: int = 10, each: int = 14) -> nx.DiGraph:
    """A root over ``areas`` areas of ``each`` modules: one rank of 140 leaves."""
    g = nx.DiGraph(title=f"Fan-out, {areas} x {each}")
    for i in range(areas):
        g.add_edge("root", f"area {i}")
        for j in range(each):
            g.add_edge(f"area {i}", f"module {i}.{j} with a name")
    return g
