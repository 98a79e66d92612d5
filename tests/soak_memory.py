"""Resident memory over many renders of different graphs: ``python -m tests.soak_memory N``.

Renders N distinct graphs (new keys, labels, groups, edge labels each time) in one
process and prints, as JSON, the resident set size (MiB, from ``/proc/self/statm``)
after every tenth of them. Run by ``tests/test_soak.py``.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys

import networkx as nx

import diagrams_lib as dl


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def graph(i: int) -> nx.DiGraph:
    rng = random.Random(i)
    g = nx.DiGraph(title=f"Graph {i}", groups={"g": f"Group {i}"})
    k = rng.randrange(3, 12)
    for j in range(k):
        g.add_node(
            f"n{i}-{j}",
            label="word " * rng.randrange(1, 9) + str(i),
            note=f"note {i}" if j % 3 == 0 else None,
            group="g" if j % 2 else None,
            xlabel=f"x{i}" if j == 1 else None,
        )
    for j in range(k):
        label = f"e{i}-{j}" * rng.randrange(0, 3) or None
        g.add_edge(f"n{i}-{j}", f"n{i}-{rng.randrange(k)}", label=label)
    return g


def main() -> int:
    renders = int(sys.argv[1])
    samples = []
    for i in range(renders):
        dl.render(graph(i), engine="neato" if i % 5 == 0 else None)
        if (i + 1) % max(renders // 10, 1) == 0:
            gc.collect()
            samples.append(round(rss_mib(), 2))
    print(json.dumps(samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
