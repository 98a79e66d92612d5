"""Hangs, crashes and concurrency: the caller's process and files always survive."""

import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.engine import layout
from tests.helpers import awkward_keys, bug_hunt

ROOT = Path(__file__).resolve().parent.parent
# A real DOT input that makes Graphviz 14 call exit() ("out of memory") from inside
# the library: run in process, it would end the caller's interpreter.
CRASHING_DOT = "digraph { node [shape=polygon, sides=2000000000]; a -> b }"


def test_in_process_crash_would_kill_the_caller():
    code = f"from diagrams_lib.engine import layout\nlayout({CRASHING_DOT!r})\nprint('survived')"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode != 0 and "survived" not in done.stdout


def test_isolated_layout_turns_a_crash_into_an_error():
    with pytest.raises(dl.EngineError, match="out of memory"):
        layout(CRASHING_DOT, isolate=True)
    # and this process is fine afterwards
    assert dl.render(bug_hunt()).startswith("<svg")


def test_isolated_render_gives_the_same_bytes():
    assert dl.render(bug_hunt(), isolate=True) == dl.render(bug_hunt())


def slow_graph() -> nx.DiGraph:
    g = nx.gnm_random_graph(3000, 6000, seed=3, directed=True)  # dot needs many seconds
    g.graph["title"] = "Slow"
    return g


def test_timeout_stops_a_long_layout():
    start = time.monotonic()
    with pytest.raises(dl.LayoutTimeoutError, match=r"did not finish within 0\.5 s"):
        dl.render(slow_graph(), timeout=0.5)
    assert time.monotonic() - start < 10


def test_5000_node_graph_renders_or_fails_cleanly_within_the_limit():
    g = nx.gnm_random_graph(5000, 7000, seed=7, directed=True)
    g.graph["title"] = "Five thousand nodes"
    start = time.monotonic()
    try:
        svg = dl.render(g, timeout=10)
    except dl.LayoutTimeoutError:
        svg = None
    elapsed = time.monotonic() - start
    assert elapsed < 20
    assert svg is None or svg.count("data-key=") == 5000


@pytest.mark.parametrize("bad", [0, -1, "5", True])
def test_bad_timeout_is_rejected(bad):
    with pytest.raises(dl.DiagramError, match="timeout"):
        dl.render(bug_hunt(), timeout=bad)


def graphs():
    out = [bug_hunt(), awkward_keys()]
    for n in (5, 12, 30):
        g = nx.gnm_random_graph(n, n * 2, seed=n, directed=True)
        g.graph["title"] = f"Random {n}"
        out.append(g)
    return out


def render_index(i: int) -> str:
    return dl.render(graphs()[i])


def test_threads_give_the_same_bytes_as_serial():
    serial = [render_index(i) for i in range(5)]
    barrier = threading.Barrier(8)

    def work(i):
        barrier.wait()
        return render_index(i % 5)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    assert results == [serial[i % 5] for i in range(8)]


def test_processes_give_the_same_bytes_as_serial():
    serial = [render_index(i) for i in range(5)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(render_index, range(5))) == serial
