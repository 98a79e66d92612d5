"""``make bench``: big graphs side by side with their peers, and the small-graph alarms.

Prints a markdown report and writes it to ``bench/results.md``:

* **big graphs** (1,000, 3,000 and 10,000 nodes): ``dot`` on the plain fixed-size DOT
  without edge labels (the reference), ``dl.render`` as it is (dot, labels placed after
  the layout), ``dl.render`` with dot's label ranks (the old path), ``dl.render`` with
  ``engine="layered"``, and the peers installed here (OGDF, ELK, dagre: ``make
  bench-peers``), with the CPU time of each layout and its edge crossings;
* **folding**: the size of two wide, flat graphs as drawn, with and without the fold;
* **regression alarms**: ``dl.render`` against the raw engine on the same DOT at 10,
  100 and 1,000 nodes, flagged past 2.5x, 1.5x and 1.1x.

Times are CPU seconds (``getrusage``, this process and its children), which other work
on the machine does not inflate the way it does wall time; the load is reported too.
``python bench/run.py --quick`` is a look in well under a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from importlib import metadata
from pathlib import Path

import pygraphviz

import diagrams_lib as dl
import diagrams_lib.arrange as arrange
from diagrams_lib.dot import geometry_dot
from diagrams_lib.engine import Geometry, layout
from diagrams_lib.labels import uses_label_ranks
from diagrams_lib.model import read_diagram
from diagrams_lib.size import DEFAULT_MAX_LABEL_WIDTH, size_diagram
from diagrams_lib.theme import get_theme

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import crossings  # noqa: E402  (bench/ is not a package: `python bench/run.py`)
import graphs  # noqa: E402

ROOT = HERE.parent
LIGHT = get_theme("light")
ALARMS = {10: 2.5, 100: 1.5, 1000: 1.1}  # dl.render over the raw engine, same DOT
ALARM_ROUNDS = {10: 51, 100: 31, 1000: 5}
BIG = (1000, 3000, 10000)
RANKS_UP_TO = 3000  # dot with label ranks: about 30 s at 3,000 nodes, minutes past it
DAGRE_UP_TO = 3000  # dagre: about 30 s at 3,000 nodes
LABELS_TARGET, LABELS_AT = 1.3, (1000, 3000)  # dl.render with labels / plain dot without
FAST_TARGET, CROSSINGS_TARGET, FAST_AT = 10.0, 1.3, (3000,)  # engine="layered" / plain dot
NODE = shutil.which("node")
PEERS = ROOT / "build" / "peers" / "node_modules"


def cpu() -> float:
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = cpu()
    out = fn()
    return cpu() - start, out


def parts(g):
    """The diagram, its sizes without edge labels, and each edge's two ends."""
    diagram = read_diagram(g)
    sizes = size_diagram(diagram, theme=LIGHT, max_width=DEFAULT_MAX_LABEL_WIDTH)
    ends = {e.id: (e.source, e.target) for e in diagram.edges}
    return diagram, sizes, ends


def count(geometry: Geometry, ends) -> int:
    return crossings.crossings(
        {k: crossings.polyline(v) for k, v in geometry.edges.items()}, ends=ends
    )


@contextlib.contextmanager
def layouts():
    """Record each layout ``dl.render`` makes (its geometry and CPU seconds)."""
    seen: list[tuple[float, Geometry]] = []
    real = {"layout": arrange.layout, "layout_layered": arrange.layout_layered}

    def spy(name):
        def call(*args, **kwargs):
            seconds, geometry = timed(lambda: real[name](*args, **kwargs))
            seen.append((seconds, geometry))
            return geometry

        return call

    for name in real:
        setattr(arrange, name, spy(name))
    try:
        yield seen
    finally:
        for name, fn in real.items():
            setattr(arrange, name, fn)


def median_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    results = [timed(fn) for _ in range(runs)]
    return statistics.median(r[0] for r in results), results[-1][1]


def render_row(g, runs: int, ends, **options) -> dict:
    """``dl.render(g, **options)``: whole-call and layout CPU seconds, and crossings."""
    with layouts() as seen:
        total, _ = median_of(runs, lambda: dl.render(g, **options))
    engine = statistics.median(s for s, _ in seen)
    return {"total": total, "layout": engine, "crossings": count(seen[-1][1], ends)}


def ogdf_row(g, sizes) -> dict | None:
    """OGDF's SugiyamaLayout through the ogdf-py wheel: its time and its own crossing
    count (the wheel gives no bend points to count them on the drawing)."""
    try:
        import ogdf
    except ImportError:
        return None
    graph = ogdf.Graph()
    index = {key: graph.new_node() for key in sizes.nodes}
    for edge in read_diagram(g).edges:
        graph.new_edge(index[edge.source], index[edge.target])
    attrs = ogdf.GraphAttributes(graph)
    for key, node in index.items():
        attrs.set_width(node, sizes.nodes[key].width)
        attrs.set_height(node, sizes.nodes[key].height)
    sugiyama = ogdf.SugiyamaLayout()
    seconds, _ = timed(lambda: sugiyama.call(attrs))
    return {"layout": seconds, "crossings": sugiyama.number_of_crossings(), "own_count": True}


def node_row(peer: str, diagram, sizes, ends) -> dict | None:
    """ELK or dagre under node (bench/peers.js): the layout call's own CPU time."""
    if NODE is None or not PEERS.is_dir():
        return None
    data = {
        "nodes": [[n.id, sizes.nodes[n.id].width, sizes.nodes[n.id].height] for n in diagram.nodes],
        "edges": [[e.id, e.source, e.target] for e in diagram.edges],
    }
    done = subprocess.run(
        [NODE, str(HERE / "peers.js"), peer],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return None
    out = json.loads(done.stdout)
    lines = {k: [tuple(p) for p in v] for k, v in out["edges"].items()}
    return {"layout": out["cpu"], "crossings": crossings.crossings(lines, ends=ends)}


def big_rows(n: int, runs: int, *, quick: bool) -> dict:
    """Every layout of the ``n``-node pipeline, as a row each (None: not installed)."""
    g = graphs.pipeline(n)
    diagram, sizes, ends = parts(g)
    plain_dot = geometry_dot(diagram, replace(sizes, labels={}), prog="dot")
    print(f"  {n:,} nodes: plain dot", file=sys.stderr, flush=True)
    with contextlib.redirect_stderr(io.StringIO()):
        seconds, geometry = median_of(runs, lambda: layout(plain_dot))
    rows = {"plain dot, no labels": {"layout": seconds, "crossings": count(geometry, ends)}}
    print("    dl.render", file=sys.stderr, flush=True)
    rows["`dl.render` (dot, labels placed)"] = render_row(g, runs, ends)
    if n <= RANKS_UP_TO and not quick:
        print("    dl.render with label ranks", file=sys.stderr, flush=True)
        rows["`dl.render`, label ranks (before)"] = render_row(g, 1, ends, edge_labels="ranks")
    print("    dl.render engine=layered", file=sys.stderr, flush=True)
    rows['`dl.render`, `engine="layered"`'] = render_row(g, max(runs, 3), ends, engine="layered")
    rows["OGDF SugiyamaLayout (ogdf-py)"] = ogdf_row(g, sizes)
    print("    peers", file=sys.stderr, flush=True)
    rows["ELK layered (elkjs, polyline routing)"] = node_row("elk", diagram, sizes, ends)
    if n <= DAGRE_UP_TO and not quick:
        rows["dagre (@dagrejs/dagre)"] = node_row("dagre", diagram, sizes, ends)
    labelled = sum(1 for e in diagram.edges if e.label)
    return {"n": n, "edges": len(diagram.edges), "labelled": labelled, "rows": rows}


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:,.0f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def big_table(results: list[dict]) -> str:
    sizes = [r["n"] for r in results]
    head = "| layout | " + " | ".join(f"{n:,} nodes: CPU, crossings" for n in sizes) + " |"
    lines = [head, "|---|" + "---:|" * len(sizes)]
    names = list(dict.fromkeys(name for r in results for name in r["rows"]))
    for name in names:
        cells = []
        for r in results:
            row = r["rows"].get(name)
            if row is None:
                cells.append("not measured" if name in r["rows"] else "skipped")
                continue
            text = f"{_s(row['layout'])}"
            if "total" in row:
                text = f"{_s(row['total'])} (layout {_s(row['layout'])})"
            mark = "†" if row.get("own_count") else ""
            cells.append(f"{text}, {row['crossings']:,}{mark}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def big_targets(results: list[dict]) -> str:
    """The two big-graph targets, judged at the sizes the issue names them for
    (:data:`LABELS_AT`, :data:`FAST_AT`); other sizes are shown without a verdict."""
    out = []
    for r in results:
        rows, n = r["rows"], r["n"]
        plain = rows["plain dot, no labels"]
        ours = rows["`dl.render` (dot, labels placed)"]
        ratio = ours["total"] / plain["layout"]
        out.append(
            f"- {n:,} nodes, `dl.render` with its {r['labelled']} edge labels within "
            f"{LABELS_TARGET}x of plain dot without them: {ratio:.2f}x "
            f"({_s(ours['total'])} against {_s(plain['layout'])})"
            + _verdict(n in LABELS_AT, ratio <= LABELS_TARGET)
        )
        fast = rows['`dl.render`, `engine="layered"`']
        speed = plain["layout"] / fast["layout"]
        cross = fast["crossings"] / max(plain["crossings"], 1)
        out.append(
            f'- {n:,} nodes, `engine="layered"` at least {FAST_TARGET:g}x faster than dot '
            f"with at most {CROSSINGS_TARGET}x its crossings: {speed:.1f}x faster (layout "
            f"{_s(fast['layout'])} against {_s(plain['layout'])}; whole render "
            f"{_s(fast['total'])}), {cross:.2f}x the crossings"
            + _verdict(n in FAST_AT, speed >= FAST_TARGET and cross <= CROSSINGS_TARGET)
        )
    return "\n".join(out)


def _verdict(judged: bool, ok: bool) -> str:
    if not judged:
        return " (not a target size)"
    return ", met" if ok else ", **missed**"


def fold_rows() -> str:
    lines = [
        "| graph | nodes, edges | engine | not folded: w x h px | folded (default): w x h px | "
        "CPU, not folded / folded |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for name, g in (
        ("networkx's own imports (depth 2)", graphs.imports()),
        ("fan-out", graphs.fan_out()),
    ):
        for engine in ("dot", "layered"):
            cells = []
            for fold in (False, None):
                seconds, svg = timed(lambda g=g, e=engine, f=fold: dl.render(g, engine=e, fold=f))
                w, h = re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups()
                cells.append((seconds, float(w), float(h)))
            (t0, w0, h0), (t1, w1, h1) = cells
            lines.append(
                f"| {name} | {g.number_of_nodes()}, {g.number_of_edges()} | {engine} | "
                f"{w0:,.0f} x {h0:,.0f} ({w0 / h0:.1f}:1) | {w1:,.0f} x {h1:,.0f} "
                f"({w1 / h1:.1f}:1) | {_s(t0)} / {_s(t1)} |"
            )
    return "\n".join(lines)


def alarm_rows(sizes: tuple[int, ...], quick: bool) -> tuple[str, list[str]]:
    """``dl.render`` against the raw engine on the DOT it lays out; the alarms raised."""
    lines = [
        "| nodes | rounds | `dl.render` | raw engine, same DOT | dl / raw, CPU | alarm at |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    raised = []
    for n in sizes:
        g = graphs.pipeline(n)
        diagram, sizes_, _ = parts(g)
        keep = uses_label_ranks(len(diagram.nodes))
        text = geometry_dot(diagram, sizes_ if keep else replace(sizes_, labels={}), prog="dot")
        rounds = max(3, ALARM_ROUNDS[n] // (3 if quick else 1)) | 1

        def raw(text=text):
            with contextlib.redirect_stderr(io.StringIO()):
                return pygraphviz.AGraph(string=text).draw(format="svg", prog="dot")

        ours, theirs = [], []
        dl.render(g)
        raw()
        for i in range(rounds):
            pair = [(ours, lambda g=g: dl.render(g)), (theirs, raw)]
            for sink, fn in pair if i % 2 else reversed(pair):
                sink.append(timed(fn)[0])
        ratio = statistics.median(a / b for a, b in zip(ours, theirs, strict=True))
        limit = ALARMS[n]
        flag = "" if ratio <= limit else " **regression**"
        if flag:
            raised.append(f"{n:,} nodes: {ratio:.2f}x, over {limit}x")
        lines.append(
            f"| {n:,} | {rounds} | {_s(statistics.median(ours))} | "
            f"{_s(statistics.median(theirs))} | {ratio:.2f}x{flag} | {limit}x |"
        )
    return "\n".join(lines), raised


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _node_version(package: str) -> str:
    found = PEERS / package / "package.json"
    return json.loads(found.read_text())["version"] if found.exists() else "not installed"


def machine(load_start: float) -> str:
    cpu_name = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_name = line.split(":", 1)[1].strip()
                break
    return "\n".join(
        [
            f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
            f"- CPU: {cpu_name}, {os.cpu_count()} cores; load average {load_start:.2f} at the "
            f"start, {os.getloadavg()[0]:.2f} at the end (other work shares this machine: "
            "times are CPU seconds, which waiting for a core does not add to)",
            f"- Python {platform.python_version()}; Graphviz {dl.engine_version()} (pygraphviz "
            f"wheel, in process); networkx {_version('networkx')}",
            f"- Peers: ogdf-py {_version('ogdf-py')}; node {_node_runtime()}, elkjs "
            f"{_node_version('elkjs')}, @dagrejs/dagre {_node_version('@dagrejs/dagre')}",
        ]
    )


def _node_runtime() -> str:
    if NODE is None:
        return "not installed"
    return subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip()


NOTES = """\
The graphs are the layered pipelines of `bench/graphs.py` (fixed seeds): labelled steps
in ranks of about 0.8·√n, about 1.15 edges per node, one edge in twenty labelled. Each
cell is the layout's CPU seconds (median of {runs}) and the edge crossings of the
drawing: `bench/crossings.py` counts every point where the lines of two edges that share
no end meet, on the lines as drawn (Bezier pieces flattened), so every engine is counted
the same way; † marks OGDF's own count of its drawing (the ogdf-py wheel gives no bend
points). `dl.render` rows give the whole call and, in brackets, its layout; the placed
labels do not change the layout, so that row has plain dot's crossings. Peers run on the
same node sizes; ELK and dagre under node, their time being that of the layout call
alone (no start-up, no JSON). "not measured" means the peer is not installed here
(`make bench-peers`); "skipped", too slow to run at that size."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a look in well under a minute")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    big = BIG[:1] if args.quick else BIG
    print("big graphs...", file=sys.stderr)
    results = [big_rows(n, 1 if args.quick or n > 3000 else 3, quick=args.quick) for n in big]
    print("folding...", file=sys.stderr)
    folds = fold_rows()
    print("regression alarms...", file=sys.stderr)
    alarms, raised = alarm_rows((10, 100) if args.quick else tuple(ALARMS), args.quick)
    verdict = "none raised" if not raised else "**raised**: " + "; ".join(raised)
    text = (
        "\n\n".join(
            [
                "# Benchmark results",
                "Written by `make bench` (`bench/run.py`); every number below was measured on "
                "this machine:\n\n" + machine(load_start),
                "## Big graphs\n\n" + big_table(results),
                NOTES.format(
                    runs="3 up to 3,000 nodes, one run past that" if not args.quick else "one run"
                ),
                "### Targets\n\n" + big_targets(results),
                "## Folding wide, flat graphs\n\n" + folds,
                "Sizes of the whole SVG. `fold=None`, the default, folds when one rank's nodes "
                "take over 2,400 px side by side and 4 times the drawing's depth "
                "(`diagrams_lib/fold.py`).",
                f"## Regression alarms: {verdict}\n\n" + alarms,
                "`dl.render(g)` against Graphviz alone "
                "(`AGraph(string=dot).draw(format='svg')`) on the DOT that `dl.render` lays out, "
                "in alternating rounds; the ratio is the median "
                "of the rounds' ratios of CPU seconds. Graphviz writes its own SVG; `dl.render` "
                "reads the positions back, places the labels (past 300 nodes) and writes its SVG. "
                "Past 300 nodes the DOT has no label ranks any more, so the raw engine takes about "
                "a third of the time it took, and the library's own work weighs three times as "
                "much in the ratio.",
                f"_Whole benchmark: {time.perf_counter() - started:.0f} s wall._",
            ]
        )
        + "\n"
    )
    print(text)
    if not args.no_write:
        (HERE / "results.md").write_text(text, encoding="utf-8")
        print(f"wrote {HERE / 'results.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
