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

import math
import random

import networkx as nx

__all__ = ["figure", "pipeline"]

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
