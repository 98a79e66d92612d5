"""Where Graphviz's own time goes, read from ``dot -v``: the same layout problem, or not?

From 1,000 nodes up the engine is nearly all of a render, for ``dl.render`` and the pydot
path alike, so whether one can beat the other comes down to the layout problem each
hands to ``dot``. ``dot -v`` reports, for every network simplex it solves, the size of
the graph and the number of pivots, and the time of the crossing minimisation and of the
spline routing. This module runs the ``dot`` program with ``-v`` on a DOT text and reads
those lines back.

>>> log = '''[Graphviz] dotinit.c:320: 2026-12-03 14:56:22 Starting phase 3 [dot_position]
... network simplex: 14161 nodes 21332 edges 10408 iter 21.52 sec
... [Graphviz] routespl.c:234: 2026-12-03 routesplines: 3447 edges, 18055 boxes 0.16 sec'''
>>> p = parse(log)
>>> p.position.nodes, p.position.pivots, p.position.seconds, p.splines
(14161, 10408, 21.52, 0.16)
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass, field, replace

__all__ = ["Phases", "Simplex", "parse", "run_dot", "table"]

_PHASE = re.compile(r"Starting phase (\d)")
_SIMPLEX = re.compile(r"network simplex: (\d+) nodes (\d+) edges (\d+) iter ([\d.]+) sec")
_MINCROSS = re.compile(r"mincross .*?: (\d+) crossings, ([\d.]+) secs")
_SPLINES = re.compile(r"routesplines: .*? ([\d.]+) sec")


@dataclass(frozen=True)
class Simplex:
    """The largest network simplex of one phase: graph size, pivots, seconds."""

    nodes: int = 0
    edges: int = 0
    pivots: int = 0
    seconds: float = 0.0


@dataclass
class Phases:
    """What ``dot -v`` said of one layout (``wall`` is filled in by :func:`run_dot`)."""

    rank: Simplex = field(default_factory=Simplex)
    position: Simplex = field(default_factory=Simplex)
    crossings: int = 0
    mincross: float = 0.0
    splines: float = 0.0
    wall: float = 0.0

    @property
    def position_share(self) -> float:
        """The x-position network simplex's seconds as a share of the whole run."""
        return self.position.seconds / self.wall if self.wall else 0.0


def parse(log: str) -> Phases:
    """Read a ``dot -v`` log: phase 1 (ranking) and 3 (x positions) network simplexes.

    A phase can solve several (one per connected component in ranking); the largest
    by graph size is kept, and the seconds of all of them are summed."""
    out, phase = Phases(), 0
    sizes: dict[int, Simplex] = {}
    seconds: dict[int, float] = {}
    for line in log.splitlines():
        if found := _PHASE.search(line):
            phase = int(found[1])
        elif found := _SIMPLEX.search(line):
            nodes, edges, pivots = int(found[1]), int(found[2]), int(found[3])
            seconds[phase] = seconds.get(phase, 0.0) + float(found[4])
            if nodes >= sizes.get(phase, Simplex()).nodes:
                sizes[phase] = Simplex(nodes, edges, pivots)
        elif found := _MINCROSS.search(line):
            out.crossings, out.mincross = int(found[1]), out.mincross + float(found[2])
        elif found := _SPLINES.search(line):
            out.splines += float(found[1])
    for phase, name in ((1, "rank"), (3, "position")):
        if phase in sizes:
            setattr(out, name, replace(sizes[phase], seconds=round(seconds[phase], 2)))
    return out


def run_dot(dot_program: str, dot_text: str) -> Phases:
    """Lay ``dot_text`` out with ``dot_program -v`` (plain output, thrown away)."""
    start = time.perf_counter()
    done = subprocess.run(
        [dot_program, "-v", "-Tplain", "-o", "/dev/null"],
        input=dot_text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{dot_program} -v failed: {done.stderr.decode()[-300:]}")
    phases = parse(done.stderr.decode("utf-8", "replace"))
    phases.wall = wall
    return phases


def table(named: dict[str, Phases]) -> str:
    """A markdown table, one column per way of writing the DOT."""
    names = list(named)
    rows = [
        (
            "graph of the x-position network simplex",
            lambda p: f"{p.position.nodes:,} nodes, {p.position.edges:,} edges",
        ),
        ("its pivots", lambda p: f"{p.position.pivots:,}"),
        ("its time", lambda p: f"{p.position.seconds:.2f} s"),
        (
            "ranking network simplex",
            lambda p: f"{p.rank.nodes:,} nodes, {p.rank.pivots:,} pivots, {p.rank.seconds:.2f} s",
        ),
        ("crossing minimisation", lambda p: f"{p.crossings:,} crossings, {p.mincross:.2f} s"),
        ("spline routing", lambda p: f"{p.splines:.2f} s"),
        ("whole `dot` run", lambda p: f"{p.wall:.2f} s"),
        ("x positions, share of the whole run", lambda p: f"{p.position_share:.0%}"),
    ]
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    lines += [
        f"| {label} | " + " | ".join(cell(named[n]) for n in names) + " |" for label, cell in rows
    ]
    return "\n".join(lines)
