"""``make bench``: how much diagrams_lib adds on top of Graphviz, and what the report cache saves.

Prints a markdown report and writes it to ``bench/results.md``:

* render time of ``dl.render`` next to the raw engine on the same DOT, the
  ``graphviz`` package (system ``dot``) and pydot, for 10 to 3,000 nodes;
* the time of ``import diagrams_lib``;
* peak memory of the 3,000-node render, and memory over 1,000 repeated renders;
* a 100-figure report build: serial, parallel, and rebuilt from the cache.

``python bench/run.py --sizes 10 100 --no-write`` is a quick look (a few seconds).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import io
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import networkx as nx
import pygraphviz

import diagrams_lib as dl
from diagrams_lib.api import DEFAULT_MAX_LABEL_WIDTH
from diagrams_lib.dot import geometry_dot as _geometry_dot
from diagrams_lib.dot import layout_program
from diagrams_lib.model import read_diagram
from diagrams_lib.size import size_diagram
from diagrams_lib.theme import get_theme

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import graphs  # noqa: E402  (bench/ is not a package: `python bench/run.py`)
import phases  # noqa: E402

ROOT = HERE.parent
SIZES = (10, 100, 1000, 3000)
RUNS = {10: 101, 100: 101, 1000: 5, 3000: 3}  # 100 nodes: its target is tight, see _interval
WARM_UP_UP_TO = 1000  # a first call costs a few ms more: it matters for small graphs only
TARGETS = {10: 2.0, 100: 1.25, 1000: 1.05, 3000: 1.05}
IMPORT_TARGET = 0.25
SMALL_RENDERS = 1000
LONG_RENDERS = 10_000  # the same graph, to see where the heap levels
CLUSTER_RENDERS = 3000
BUILD_FIGURES = 100
Timer = Callable[[], object]


def geometry_dot(g: nx.Graph) -> str:
    """The DOT ``dl.render(g)`` hands to Graphviz (geometry only, no label text)."""
    diagram, theme = read_diagram(g), get_theme("light")
    sizes = size_diagram(diagram, theme=theme, max_width=DEFAULT_MAX_LABEL_WIDTH)
    return _geometry_dot(diagram, sizes, prog=layout_program(diagram, None))


def _engine_svg(dot_text: str) -> bytes:
    # pygraphviz prints a "may take a long time" warning above 1,000 nodes
    with contextlib.redirect_stderr(io.StringIO()):
        return pygraphviz.AGraph(string=dot_text).draw(format="svg", prog="dot")


class EngineClock:
    """Times the Graphviz call inside ``dl.render``, so that what is ours can be told apart.

    Only Graphviz's own work counts as the engine: reading the positions back out of the
    laid-out graph (``engine._read``, Python calls into Graphviz, one per value)
    runs inside ``layout`` but is ours, and its time is taken back out.
    """

    def __init__(self) -> None:
        import diagrams_lib.api as api
        import diagrams_lib.engine as engine

        self.calls: list[tuple[float, float]] = []
        self._patched = [(api, "layout", api.layout), (engine, "_read", engine._read)]
        reading: list[tuple[float, float]] = []

        def clocked(real: Callable, done: Callable[[float, float], None]) -> Callable:
            def timed(*args, **kwargs):
                wall, cpu = time.perf_counter(), _cpu_seconds()
                try:
                    return real(*args, **kwargs)
                finally:
                    done(time.perf_counter() - wall, _cpu_seconds() - cpu)

            return timed

        def engine_done(wall: float, cpu: float) -> None:
            read = reading.pop() if reading else (0.0, 0.0)
            self.calls.append((wall - read[0], cpu - read[1]))

        api.layout = clocked(api.layout, engine_done)
        engine._read = clocked(engine._read, lambda wall, cpu: reading.append((wall, cpu)))

    def close(self) -> None:
        for module, name, real in self._patched:
            setattr(module, name, real)


def methods(g: nx.Graph) -> dict[str, Timer | None]:
    """Every way of turning ``g`` into an SVG we time; None when unavailable here."""
    geometry, styled = geometry_dot(g), dl.to_dot(g)
    out: dict[str, Timer | None] = {
        "dl": lambda: dl.render(g),
        "raw": lambda: _engine_svg(geometry),
        "raw_styled": lambda: _engine_svg(styled),
        "graphviz": None,
    }
    if shutil.which("dot"):
        import graphviz

        out["graphviz"] = lambda: graphviz.Source(geometry).pipe(format="svg")
        out["pydot"] = lambda: nx.nx_pydot.to_pydot(g).create_svg()
    else:  # pydot needs the dot program too: the same path, with the engine in process
        out["pydot"] = lambda: _engine_svg(nx.nx_pydot.to_pydot(g).to_string())
    return out


def time_methods(
    fns: dict[str, Timer | None], runs: int, *, warm_up: bool
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds per run of each method; each round runs every method once, in turn.

    CPU time is this process's (and its children's, for the methods that run ``dot``)."""
    live = [(name, fn) for name, fn in fns.items() if fn is not None]
    for _, fn in live if warm_up else ():
        fn()
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in live}
    for r in range(runs):
        for name, fn in live[r % len(live) :] + live[: r % len(live)]:
            wall, cpu = time.perf_counter(), _cpu_seconds()
            fn()
            samples[name].append((time.perf_counter() - wall, _cpu_seconds() - cpu))
    return samples


def _cpu_seconds() -> float:
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _ratios(a: list[tuple[float, float]], b: list[tuple[float, float]], which: int) -> list[float]:
    """a / b in each round (0: wall, 1: CPU time): two runs made side by side."""
    return [x[which] / y[which] for x, y in zip(a, b, strict=True)]


def _paired(a: list[tuple[float, float]], b: list[tuple[float, float]], which: int) -> float:
    """Median over rounds of a / b (see :func:`_ratios`)."""
    return statistics.median(_ratios(a, b, which))


def _interval(values: list[float], level: float = 0.95) -> tuple[float, float]:
    """A confidence interval of the median of ``values``, without assuming their
    distribution: the ``k``-th smallest and ``k``-th largest value, for the largest ``k``
    whose interval still holds the median with chance ``level`` (the median lies below
    ``k`` to ``n - k`` of the values, binomially); the smallest and largest value when
    there are too few values for ``level``.

    >>> _interval([float(v) for v in range(1, 102)])  # 101 values: ranks 41 and 61
    (41.0, 61.0)
    >>> _interval([3.0, 1.0, 2.0])
    (1.0, 3.0)
    """
    ordered, n = sorted(values), len(values)
    k = 1
    while k < (n + 1) // 2 and _coverage(n, k + 1) >= level:
        k += 1
    return ordered[k - 1], ordered[n - k]


@functools.cache
def _coverage(n: int, k: int) -> float:
    """Chance that the median of ``n`` values lies between the ``k``-th smallest and the
    ``k``-th largest: ``k`` to ``n - k`` of the values fall below it."""
    return sum(math.comb(n, below) for below in range(k, n - k + 1)) / 2**n


DOT_SOURCE = HERE / "wheel_dot.c"
BUILT_DOT = ROOT / "build" / "bench" / "dot"


def ensure_dot() -> str:
    """Make a ``dot`` program available for the methods that start one; say which.

    The system's ``dot`` when there is one. Otherwise, with a C compiler, Graphviz's own
    ``dot`` main() (``bench/wheel_dot.c``) is compiled against the Graphviz libraries in
    the pygraphviz wheel, so that pydot and the ``graphviz`` package are timed as they
    really run: starting a ``dot`` program on every call. It goes first on ``PATH``.
    """
    found = shutil.which("dot")
    if found:
        return f"`{found}` (the system's)"
    libs = Path(pygraphviz.__file__).resolve().parent.parent / "pygraphviz.libs"
    compiler = shutil.which(os.environ.get("CC", "cc"))
    names = (
        "gvc",
        "cgraph",
        "gvplugin_dot_layout",
        "gvplugin_neato_layout",
        "gvplugin_core",
        "gvplugin_gd",
        "gvplugin_pango",
    )
    files = {n: sorted(libs.glob(f"lib{n}-*.so*")) for n in names} if libs.is_dir() else {}
    if compiler is None or not files or not all(files.values()):
        return "not installed (no C compiler, or no Graphviz libraries in the wheel to build one)"
    BUILT_DOT.parent.mkdir(parents=True, exist_ok=True)
    argv = [
        compiler,
        "-O2",
        "-o",
        str(BUILT_DOT),
        str(DOT_SOURCE),
        f"-L{libs}",
        *(f"-l:{files[n][0].name}" for n in names),
        f"-Wl,-rpath,{libs}",
    ]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"not installed (building one failed: {done.stderr.strip()[:200]})"
    os.environ["PATH"] = f"{BUILT_DOT.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    version = subprocess.run(
        [str(BUILT_DOT), "-V"], capture_output=True, text=True, check=False
    ).stderr.strip()
    return (
        f"no system `dot`; `{BUILT_DOT.relative_to(ROOT)}` was compiled from "
        f"`bench/wheel_dot.c` (Graphviz's own `dot` main()) against the wheel's "
        f"libraries: {version}"
    )


def spawn_cost(runs: int = 21) -> float | None:
    """Seconds to run a Graphviz program on a small graph: ``acyclic`` from the wheel.

    A lower bound on what starting ``dot`` adds to every pydot call (``dot`` loads more
    libraries and plugins)."""
    tool = Path(pygraphviz.__file__).parent / "bin" / "acyclic"
    if not tool.exists():
        return None
    data = nx.nx_pydot.to_pydot(graphs.pipeline(10)).to_string().encode("utf-8")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(tool)], input=data, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "not installed"
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def render_rows(sizes: tuple[int, ...], scale: float) -> list[dict]:
    rows = []
    for n in sizes:
        g = graphs.pipeline(n)
        runs = max(1, round(RUNS.get(n, 3) * scale)) | 1
        fns = methods(g)
        clock = EngineClock()
        try:
            samples = time_methods(fns, runs, warm_up=n <= WARM_UP_UP_TO)
        finally:
            clock.close()
        engine = clock.calls[-runs:]  # one Graphviz call per dl.render, in order
        ours = [(d[0] - e[0], d[1] - e[1]) for d, e in zip(samples["dl"], engine, strict=True)]
        t = {name: statistics.median(v[0] for v in values) for name, values in samples.items()}
        ours_ratios = _ratios(ours, samples["raw"], 1)
        pydot_ratios = _ratios(samples["dl"], samples["pydot"], 1)
        rows.append(
            {
                "nodes": n,
                "edges": g.number_of_edges(),
                "runs": runs,
                **t,
                "ours": statistics.median(o[1] for o in ours),
                "spread": max(v[1] for v in samples["raw"]) / min(v[1] for v in samples["raw"]) - 1,
                "ours_cpu": statistics.median(ours_ratios),
                "ours_interval": _interval(ours_ratios),
                "dl_wall": _paired(samples["dl"], samples["raw"], 0),
                "dl_cpu": _paired(samples["dl"], samples["raw"], 1),
                "pydot_wall": _paired(samples["pydot"], samples["raw"], 0),
                "pydot_cpu": _paired(samples["pydot"], samples["raw"], 1),
                "dl_vs_pydot": statistics.median(pydot_ratios),
                "pydot_interval": _interval(pydot_ratios),
            }
        )
        print(f"  {n:>5} nodes: dl {_ms(t['dl'])}, raw {_ms(t['raw'])}", file=sys.stderr)
    return rows


def render_table(rows: list[dict]) -> str:
    mark = "" if shutil.which("dot") else "†"
    lines = [
        "| nodes | edges | runs | `dl.render` | raw engine, geometry DOT | raw engine, styled "
        f"DOT | `graphviz` + `dot` program | pydot{mark} | dl / raw, wall | dl / raw, CPU | "
        f"ours, CPU | 1 + ours / raw | its 95% interval | pydot{mark} / raw, CPU | raw engine, "
        "slowest / fastest run |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['nodes']:,} | {row['edges']:,} | {row['runs']} | {_ms(row['dl'])} | "
            f"{_ms(row['raw'])} | {_ms(row['raw_styled'])} | {_ms(row.get('graphviz'))} | "
            f"{_ms(row['pydot'])} | {row['dl_wall']:.2f}x | **{row['dl_cpu']:.2f}x** | "
            f"{_ms(row['ours'])} | **{1 + row['ours_cpu']:.3f}x** | "
            f"{1 + row['ours_interval'][0]:.3f} to {1 + row['ours_interval'][1]:.3f} | "
            f"{row['pydot_cpu']:.2f}x | "
            f"{1 + row['spread']:.2f}x |"
        )
    return "\n".join(lines)


def _child(code: str) -> dict:
    """Run ``code`` in a fresh interpreter (bench/ importable); it prints one JSON object."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


IMPORT_CODE = """
import json, sys, time
start = time.perf_counter()
import diagrams_lib
took = time.perf_counter() - start
heavy = [m for m in ("networkx", "pygraphviz", "pydot", "graphviz") if m in sys.modules]
print(json.dumps({"seconds": took, "heavy": heavy}))
"""


def import_time(runs: int = 9) -> tuple[float, list[str]]:
    results = [_child(IMPORT_CODE) for _ in range(runs)]
    return statistics.median(r["seconds"] for r in results), results[0]["heavy"]


# Peak resident memory of the render alone: the kernel's high-water mark (VmHWM), reset
# just before the render. (ru_maxrss cannot be reset, and a child started from a big
# parent may report the parent's peak.)
PEAK_CODE = """
import contextlib, io, json, resource
import graphs, pygraphviz
import diagrams_lib as dl
def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
g = graphs.pipeline({n})
if {raw!r}:
    from run import geometry_dot
    dot = geometry_dot(g)
before = status("VmRSS")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")
if {raw!r}:
    with contextlib.redirect_stderr(io.StringIO()):
        pygraphviz.AGraph(string=dot).draw(format="svg", prog="dot")
else:
    dl.render(g)
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"before": before, "peak": status("VmHWM"), "maxrss": maxrss}}))
"""

REPEAT_CODE = """
import gc, json, os, tracemalloc
import networkx as nx
import pygraphviz
import diagrams_lib as dl
page = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * page / 2**20
g = nx.DiGraph(title="Small, rendered again and again")
g.add_node("a", label="Collect the data", role="start")
g.add_node("b", label="Clean and de-duplicate it", group={group!r})
g.add_node("c", label="Tokenize", group={group!r}, note="about 13T tokens")
g.add_node("d", label="Train", role="end")
g.add_edges_from([("a", "b"), ("b", "c"), ("c", "d")])
g.add_edge("a", "d", label="skip when cached")
if {raw!r}:  # the raw engine alone, on the DOT dl.render lays out
    from run import geometry_dot
    dot = geometry_dot(g)
    work = lambda: pygraphviz.AGraph(string=dot).draw(format="svg", prog="dot")
else:
    work = lambda: dl.render(g, legend=True)
for _ in range(20):
    work()
tracemalloc.start()
points, first, offset = [], None, 0
for i in range({count} + 1):
    if i % ({count} // 4) == 0:
        gc.collect()
        points.append([rss(), (tracemalloc.get_traced_memory()[0] - offset) / 1024])
        if {sites!r} and i == {count} // 4:  # where the heap grows from here on
            first = tracemalloc.take_snapshot()  # it is traced: taken off what follows
            offset = tracemalloc.get_traced_memory()[0] - points[-1][1] * 1024
    if i < {count}:
        work()
sites = []
if first is not None:
    import linecache
    for stat in tracemalloc.take_snapshot().compare_to(first, "lineno"):
        frame = stat.traceback[0]
        # Left out: this loop's own list of points and the snapshots themselves.
        if stat.size_diff > 0 and not frame.filename.endswith(("tracemalloc.py", "<string>")):
            name, here = frame.filename, os.getcwd() + os.sep
            where = name[len(here):] if name.startswith(here) else name.split("site-packages"
                                                                              + os.sep)[-1]
            sites.append([where.replace(os.sep, "/"), frame.lineno,
                          linecache.getline(name, frame.lineno).strip(), stat.size_diff / 1024])
            if len(sites) == 3:
                break
print(json.dumps({{"points": points, "sites": sites}}))
"""


def _heap_table(points: list[list[float]], count: int) -> list[str]:
    """Markdown rows of a REPEAT_CODE run: memory after each quarter of ``count`` renders."""
    rows = ["| renders | resident | Python heap (traced) |", "|---:|---:|---:|"]
    for i, (rss, heap) in enumerate(points):
        rows.append(f"| {i * count // 4:,} | {rss:.2f} MiB | {heap:.1f} KiB |")
    return rows


def memory(n_peak: int) -> str:
    if not Path("/proc/self/status").exists():
        return "Memory figures need Linux's `/proc`; skipped on this system."
    ours = _child(PEAK_CODE.format(n=n_peak, raw=False))
    raw = _child(PEAK_CODE.format(n=n_peak, raw=True))
    flat = _child(REPEAT_CODE.format(count=SMALL_RENDERS, group=None, raw=False, sites=False))
    long = _child(REPEAT_CODE.format(count=LONG_RENDERS, group=None, raw=False, sites=True))
    grouped = {
        raw: _child(
            REPEAT_CODE.format(count=CLUSTER_RENDERS, group="Prepare", raw=raw, sites=False)
        )
        for raw in (False, True)
    }
    lines = [
        f"Peak resident memory while rendering the {n_peak:,}-node graph, in a fresh process: "
        "the kernel's high-water mark (`VmHWM`), reset right before the render "
        "(`resource.getrusage` `ru_maxrss` of the whole process in the last column):",
        "",
        "| | resident before | peak during the render | added | `ru_maxrss` |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, m in (("`dl.render`", ours), ("raw engine, geometry DOT → SVG", raw)):
        lines.append(
            f"| {name} | {m['before']:.0f} MiB | {m['peak']:.0f} MiB | "
            f"{m['peak'] - m['before']:.0f} MiB | {m['maxrss']:.0f} MiB |"
        )
    lines += [
        "",
        f"{SMALL_RENDERS:,} renders of one small graph (4 nodes, a note, an edge label, a "
        "legend) in a fresh process, after 20 warm-up renders; resident memory from "
        "`/proc/self/statm`, Python heap from `tracemalloc`, both after `gc.collect()`:",
        "",
        *_heap_table(flat["points"], SMALL_RENDERS),
    ]
    (r0, h0), (r1, h1) = flat["points"][1], flat["points"][-1]
    calls = SMALL_RENDERS * 3 / 4
    lines += [
        "",
        f"From render {SMALL_RENDERS // 4:,} to {SMALL_RENDERS:,}: {r1 - r0:+.2f} MiB resident "
        f"({(r1 - r0) * 2**20 / calls:,.0f} bytes a render), {h1 - h0:+.1f} KiB Python heap "
        f"({(h1 - h0) * 1024 / calls:,.1f} bytes a render).",
        "",
        f"The same graph {LONG_RENDERS:,} times, in another fresh process, to see whether "
        "the heap levels:",
        "",
        *_heap_table(long["points"], LONG_RENDERS),
    ]
    (r0, h0), (r1, h1) = long["points"][2], long["points"][-1]
    lines += [
        "",
        f"From render {LONG_RENDERS // 2:,} to {LONG_RENDERS:,}: {r1 - r0:+.2f} MiB "
        f"resident, {h1 - h0:+.1f} KiB Python heap.",
    ]
    if long["sites"]:
        lines += [
            "",
            f"Where the heap grew from render {LONG_RENDERS // 4:,} to "
            f"{LONG_RENDERS:,}, by the line that was running when it was allocated "
            "(`tracemalloc`; a line that calls into C counts what the C code "
            "allocated as Python objects):",
            "",
            "| line | code | growth |",
            "|---|---|---:|",
        ]
        for where, lineno, code, kib in long["sites"]:
            lines.append(f"| `{where}:{lineno}` | `{code}` | {kib:+.1f} KiB |")
    lines += [
        "",
        f"With two of the nodes in a group (a Graphviz cluster), {CLUSTER_RENDERS:,} calls in "
        "fresh processes, next to Graphviz alone on the same DOT:",
        "",
        f"| | resident after 20 | after {CLUSTER_RENDERS // 4:,} | after "
        f"{CLUSTER_RENDERS:,} | growth per call, last three quarters | Python heap, same |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    growth = {}
    for raw_engine, name in ((False, "`dl.render`"), (True, "raw engine alone, same DOT")):
        points = grouped[raw_engine]["points"]
        (r0, h0), (r1, h1) = points[1], points[-1]
        growth[raw_engine] = ((r1 - r0) * 2**20 / (CLUSTER_RENDERS * 3 / 4), h1 - h0)
        lines.append(
            f"| {name} | {points[0][0]:.2f} MiB | {r0:.2f} MiB | {r1:.2f} MiB | "
            f"{growth[raw_engine][0]:,.0f} bytes | {h1 - h0:+.1f} KiB |"
        )
    (ours, heap), (alone, _) = growth[False], growth[True]
    if ours > 64 and heap * 1024 < ours * CLUSTER_RENDERS * 3 / 4 / 10:
        lines += [
            "",
            f"The resident growth of `dl.render` ({ours:,.0f} bytes a call) is not "
            f"Python objects (the traced heap moved {heap:+.1f} KiB in all) but native "
            f"memory; Graphviz alone on the same DOT grows by {alone:,.0f} bytes a call.",
        ]
    return "\n".join(lines)


def _report_inputs(folder: Path) -> tuple[dict[str, Callable], Path, Path]:
    names = [f"synthetic-{i:03d}" for i in range(BUILD_FIGURES)]
    sections = folder / "sections"
    sections.mkdir()
    body = "\n\n".join(f"## Part {i}\n\n{{{{figure:{name}}}}}" for i, name in enumerate(names))
    (sections / "00-all.md").write_text(f"# Synthetic report\n\n{body}\n", encoding="utf-8")
    texts = folder / "figures.toml"
    texts.write_text(
        "".join(
            f'[{name}]\ntitle = "Synthetic figure {i}"\nalt = "A pipeline"\n'
            f'caption = "Steps."\ndescription = "A synthetic pipeline."\n\n'
            for i, name in enumerate(names)
        ),
        encoding="utf-8",
    )
    figures = {name: functools.partial(graphs.figure, i) for i, name in enumerate(names)}
    return figures, sections, texts


def _spin(count: int) -> float:
    start = time.perf_counter()
    sum(range(count))
    return time.perf_counter() - start


def free_cores(cores: int, count: int = 20_000_000) -> float:
    """How many cores this machine gives us right now: ``cores`` CPU-bound tasks in as many
    processes, against one task alone."""
    from concurrent.futures import ProcessPoolExecutor

    alone = min(_spin(count) for _ in range(2))
    with ProcessPoolExecutor(max_workers=cores) as pool:
        list(pool.map(_spin, [count // 10] * cores))  # start the workers
        start = time.perf_counter()
        list(pool.map(_spin, [count] * cores))
        together = time.perf_counter() - start
    return min(cores, cores * alone / together)


def report_build() -> str:
    from report.build import build

    cores = os.cpu_count() or 1
    free = free_cores(cores)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures, sections, texts = _report_inputs(folder)
        cache = folder / "cache"

        def timed(**options) -> tuple[float, object]:
            start = time.perf_counter()
            out = build(figures=figures, sections=sections, texts_path=texts, **options)
            return time.perf_counter() - start, out

        # Untimed first: imports, font-width tables and the Graphviz context, which the
        # first build would pay for alone. Then serial and parallel take turns, best of two.
        for i in range(5):
            dl.render(graphs.figure(i))
        serials, parallels = [], []
        for _ in range(2):
            serials.append(timed(use_cache=False, jobs=1))
            parallels.append(timed(use_cache=False, jobs=cores))
        (serial, a), (parallel, b) = (
            min(serials, key=lambda r: r[0]),
            min(parallels, key=lambda r: r[0]),
        )
        if a.files != b.files:
            raise SystemExit("the parallel build differs from the serial one")
        cold, _ = timed(cache_dir=cache)
        warm, warm_out = timed(cache_dir=cache)
        figures["synthetic-042"] = functools.partial(
            graphs.pipeline, 33, seed=7, title="Changed figure"
        )
        one, one_out = timed(cache_dir=cache)
    free_after = free_cores(cores)
    sizes = [graphs.figure(i).number_of_nodes() for i in range(BUILD_FIGURES)]
    return "\n".join(
        [
            f"{BUILD_FIGURES} figures of {min(sizes)} to {max(sizes)} nodes "
            f"({sum(sizes):,} in all), `report.build.build()`:",
            "",
            "| build | figures laid out | time | speed-up |",
            "|---|---:|---:|---:|",
            f"| serial, no cache (`jobs=1`, best of 2) | {BUILD_FIGURES} | {_ms(serial)} | 1.00x |",
            f"| parallel, no cache ({cores} processes, best of 2) | {BUILD_FIGURES} | "
            f"{_ms(parallel)} | "
            f"{serial / parallel:.2f}x |",
            f"| parallel, empty cache (fills it) | {BUILD_FIGURES} | {_ms(cold)} | "
            f"{serial / cold:.2f}x |",
            f"| rebuild, nothing changed | {len(warm_out.rendered)} | {_ms(warm)} | "
            f"{serial / warm:.0f}x |",
            f"| rebuild, one figure changed | {len(one_out.rendered)} | {_ms(one)} | "
            f"{serial / one:.0f}x |",
            "",
            f"The parallel build is byte-identical to the serial one. This machine has {cores} "
            f"cores. How much of them other work left free: {cores} CPU-bound tasks in {cores} "
            f"processes ran as fast as {free:.1f} cores would just before these builds, and as "
            f"{free_after:.1f} just after ({cores:.1f} on an idle machine).",
        ]
    )


def engine_phases(n: int) -> str:
    """``dot -v`` on the DOT of each path at ``n`` nodes: the layout problem each solves."""
    program = shutil.which("dot")
    if program is None:
        return "Not measured: no `dot` program here to run with `-v`."
    g = graphs.pipeline(n)
    named = {
        "`dl.render` (geometry DOT)": phases.run_dot(program, geometry_dot(g)),
        "pydot": phases.run_dot(program, nx.nx_pydot.to_pydot(g).to_string()),
    }
    ours, theirs = named.values()
    same = (ours.position.nodes, ours.position.edges) == (
        theirs.position.nodes,
        theirs.position.edges,
    )
    return (
        f"One run of the `dot` program with `-v` on each path's DOT for the {n:,}-node "
        f"graph; `dot` reports each network simplex it solves (graph size, pivots, "
        f"seconds):\n\n{phases.table(named)}\n\n"
        f"Both paths hand `dot` {'the same' if same else 'a different'} x-position "
        f"problem ({ours.position.nodes:,} against {theirs.position.nodes:,} nodes: "
        f"the real nodes, a virtual node wherever an edge crosses a rank, and one "
        f"per edge for its length), and solving it is "
        f"{ours.position_share:.0%} and {theirs.position_share:.0%} of the two runs. "
        f"The number of pivots it takes ({ours.position.pivots:,} against "
        f"{theirs.position.pivots:,}) follows from the DOT each path writes (node "
        f"widths and order), not from anything either library does around the engine: "
        f"at this size, which path is faster is decided inside Graphviz, and the timed "
        f"comparison above adds the machine's noise to that."
    )


def _cpu() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine(load_start: float, dot: str) -> str:
    packages = ", ".join(
        f"{p} {_version(p)}" for p in ("networkx", "pygraphviz", "pydot", "graphviz")
    )
    return "\n".join(
        [
            f"- Date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
            f"- CPU: {_cpu()}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
            f"load average {load_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end",
            f"- Python {platform.python_version()} ({platform.python_implementation()})",
            f"- Graphviz {dl.engine_version()} (pygraphviz wheel, in process); `dot` program: "
            f"{dot}",
            f"- diagrams_lib {dl.__version__}; {packages}",
        ]
    )


METHOD = """\
How each column is measured: wall-clock medians over the runs shown; in each round every
method runs once, in turn, so that load on the machine hits all alike; up to 1,000 nodes
one untimed warm-up call each. The ratios are medians of per-round ratios (two runs made
side by side), in wall-clock time and in CPU time (`getrusage`: this process and its
children). On a shared machine a run can wait for a core, which wall-clock time counts and
CPU time does not; both are shown.

**ours** is the part of `dl.render` outside Graphviz's own work (validation, text, reading
the layout back, the SVG), timed inside the same runs: the Python calls that fetch each
position out of the laid-out graph run inside the Graphviz call, so they are timed apart
and counted as ours. **1 + ours / raw** is what it adds to the raw engine: the targets are
judged on it. Its **95% interval** is that of the median of the per-round ratios, from
their order statistics (no assumption about their spread): a run whose interval holds the
target cannot tell met from missed, and says so. The whole-call ratio `dl / raw` is shown
too, but from 1,000 nodes up it mostly measures how much two layouts of the same DOT differ
on a busy machine (last column: slowest against fastest run of the raw engine itself), and
`dl.render`'s own Graphviz call does a little less than the raw engine's (it writes no SVG).

- **`dl.render`**: `dl.render(g)` with the default options: validate the graph, wrap and
  measure every label, lay out, draw the SVG.
- **raw engine, geometry DOT**: `pygraphviz.AGraph(string=dot).draw(format="svg",
  prog="dot")` on exactly the DOT `dl.render` lays out (`diagrams_lib.layout.geometry_dot`:
  fixed-size boxes and label spacers, no text). This is the baseline of every ratio: the
  same layout problem, through the same Graphviz, with nothing of ours around it. It
  writes an SVG; `dl.render` has Graphviz attach the positions and reads them back instead.
- **raw engine, styled DOT**: the same call on `dl.to_dot(g)`, the styled DOT with the
  label text, as a user without diagrams_lib would hand it to Graphviz.
- **`graphviz` + `dot` program**: `graphviz.Source(dot).pipe(format="svg")` on the geometry
  DOT: it starts the `dot` program on `PATH` for every call.
- **pydot**: `networkx.nx_pydot.to_pydot(g).create_svg()`, which also starts `dot` for
  every call; CPU times include the child processes.{pydot_note}

The graphs are layered pipelines from `bench/graphs.py` (fixed seeds): labelled steps in
ranks of about 0.8·√n, about 1.15 edges per node, some roles and notes, and a label on
one edge in twenty (which makes `dot` insert label ranks: the layout of these graphs
costs about three times that of the same graphs without edge labels).
"""

PYDOT_NOTE = """ `create_svg()` runs the `dot`
  program, which is not installed here (†): the column times the same path with the
  engine in process, `AGraph(string=to_pydot(g).to_string()).draw(format="svg")`, a
  lower bound on pydot's time: it leaves out starting a Graphviz program for every call,
  which costs {spawn} here (`acyclic`, a smaller Graphviz tool from the same wheel, on a
  10-node graph; `dot` loads more)."""


def targets(rows: list[dict], seconds: float, heavy: list[str], spawn: float | None) -> str:
    checks = []
    for row in rows:
        n, ratio, own = row["nodes"], row["dl_cpu"], 1 + row["ours_cpu"]
        if n in TARGETS:
            low, high = row["ours_interval"]
            close = (
                "; the target lies inside that interval, so this run cannot tell met from missed"
                if low <= TARGETS[n] - 1 <= high
                else ""
            )
            checks.append(
                f"- `dl.render` within {TARGETS[n]:g}x of the raw engine at {n:,} "
                f"nodes: our own work adds {(own - 1) * 100:.1f}% to the raw "
                f"engine's time, {_verdict(own <= TARGETS[n])} (95% interval of "
                f"that median: {low * 100:.1f}% to {high * 100:.1f}%{close}; whole "
                f"call against the raw engine: {ratio:.2f}x in CPU time, "
                f"{row['dl_wall']:.2f}x wall)"
            )
    for row in rows:
        line = (
            f"- faster than the pydot path at {row['nodes']:,} nodes: "
            f"{row['dl_vs_pydot']:.2f}x its CPU time ({_ms(row['dl'])} against "
            f"{_ms(row['pydot'])} wall)"
        )
        if shutil.which("dot") or spawn is None:
            line += f", {_verdict(row['dl_vs_pydot'] < 1)}"
        else:
            line += (
                f" without starting a Graphviz program, "
                f"{_verdict(row['dl_vs_pydot'] < 1)}; with the smallest such start "
                f"({_ms(row['pydot'] + spawn)}), "
                f"{_verdict(row['dl'] < row['pydot'] + spawn)}"
            )
        low, high = row["pydot_interval"]
        if low <= 1 <= high:
            line += (
                f"; but the 95% interval of that median, {low:.2f}x to {high:.2f}x, "
                "holds 1, so this run cannot tell the two paths apart "
                "([instructions.md](instructions.md) counts their work)"
            )
        checks.append(line)
    checks.append(
        f"- `import diagrams_lib` under {IMPORT_TARGET * 1000:.0f} ms: "
        f"{seconds * 1000:.0f} ms (median of 9 fresh processes), "
        f"{_verdict(seconds < IMPORT_TARGET)}; of networkx, pygraphviz, pydot and "
        f"graphviz it imports {', '.join(heavy) or 'none'}"
    )
    return "\n".join(checks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(SIZES),
        help="graph sizes in nodes (default: %(default)s)",
    )
    parser.add_argument(
        "--runs-scale",
        type=float,
        default=1.0,
        help="multiply the number of runs per size (default: 1)",
    )
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave bench/results.md as it is"
    )
    args = parser.parse_args(argv)
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    dot = ensure_dot()
    print(f"dot program: {dot}", file=sys.stderr)
    print("timing renders...", file=sys.stderr)
    rows = render_rows(tuple(args.sizes), args.runs_scale)
    print("import time, memory, report build...", file=sys.stderr)
    spawn = None if shutil.which("dot") else spawn_cost()
    seconds, heavy = import_time()
    mem = memory(max(args.sizes))
    build = report_build()
    inside = engine_phases(max(args.sizes))
    note = "" if shutil.which("dot") else PYDOT_NOTE.format(spawn=_ms(spawn))
    text = (
        "\n\n".join(
            [
                "# Benchmark results",
                "Written by `make bench` (`bench/run.py`); every number below was measured on this "
                "machine:\n\n" + machine(load_start, dot),
                "## Render time\n\n" + render_table(rows),
                METHOD.format(pydot_note=note),
                "## Targets\n\n" + targets(rows, seconds, heavy, spawn),
                f"## Inside the engine at {max(args.sizes):,} nodes\n\n" + inside,
                "## Memory\n\n" + mem,
                "## Report build: cache and parallel layout\n\n" + build,
                f"_Whole benchmark: {time.perf_counter() - started:.0f} s._",
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
