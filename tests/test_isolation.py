"""The isolated layout: its limits, its end as one named error, and its death with the caller."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib import child, engine, recycled
from diagrams_lib.engine import layout
from tests.helpers import bug_hunt

ROOT = Path(__file__).resolve().parent.parent
HUGE_POLYGON = "digraph { node [shape=polygon, sides=2000000000]; a -> b }"
posix_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def test_a_layout_past_its_memory_limit_is_a_memory_error():
    with pytest.raises(dl.LayoutMemoryError, match="may use 300 MiB"):
        layout(HUGE_POLYGON, memory_limit=300)


def test_a_big_graph_past_a_small_memory_limit_is_a_memory_error():
    g = nx.gnm_random_graph(4000, 8000, seed=1, directed=True)
    g.graph["title"] = "Big"
    with pytest.raises(dl.LayoutMemoryError, match="memory_limit"):
        dl.render(g, memory_limit=256)


@pytest.mark.parametrize("bad", [0, 100, -1, float("nan"), float("inf"), "2G", True])
def test_bad_memory_limits_are_refused(bad):
    with pytest.raises(dl.ValidationError, match="memory_limit"):
        dl.render(bug_hunt(), memory_limit=bad)


def test_an_infinite_timeout_isolates_without_a_limit():
    assert dl.render(bug_hunt(), timeout=float("inf")) == dl.render(bug_hunt())


def test_nan_timeout_is_refused():
    with pytest.raises(dl.ValidationError, match="timeout"):
        dl.render(bug_hunt(), timeout=float("nan"))


@pytest.mark.parametrize(
    ("status", "error", "said"),
    [
        (-signal.SIGSEGV, dl.LayoutCrashError, "crashed with SIGSEGV"),
        (-signal.SIGABRT, dl.LayoutCrashError, "crashed with SIGABRT"),
        (-signal.SIGFPE, dl.LayoutCrashError, "crashed with SIGFPE"),
        (1, dl.LayoutCrashError, "ended the isolated process (exit 1)"),
        (1, dl.LayoutMemoryError, "ran out of memory"),
        (child.OUT_OF_MEMORY, dl.LayoutMemoryError, "ran out of memory"),
        (child.ERROR, dl.EngineError, "syntax error"),
    ],
)
def test_every_end_of_the_child_is_one_named_error(status, error, said):
    message = "out of memory" if error is dl.LayoutMemoryError else "syntax error in line 1"
    exc = child.error(status, message, "dot", 2048)
    assert type(exc) is error and said in str(exc)
    assert isinstance(exc, dl.EngineError) and isinstance(exc, dl.DiagramError)


def _state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]  # 'Z' is a zombie: dead, not yet reaped


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(p) for p in (task / "children").read_text().split()]
    return out


@posix_only
def test_the_worker_dies_with_its_caller_even_on_sigkill():
    slow = "digraph { " + " ".join(f"n{i} -> n{(i * 7919) % 3000};" for i in range(6000)) + " }"
    code = (
        "import sys\nfrom diagrams_lib.engine import layout\n"
        "layout(sys.stdin.read(), isolate=True)\n"
    )
    caller = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, cwd=ROOT, text=True
    )
    caller.stdin.write(slow)
    caller.stdin.close()
    deadline = time.monotonic() + 20
    workers: list[int] = []
    while not workers and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(caller.pid)
    assert workers, "the caller started no layout process"
    time.sleep(1.0)  # the worker is in Graphviz now
    assert _state(workers[0]) not in (None, "Z")
    os.kill(caller.pid, signal.SIGKILL)
    caller.wait()
    deadline = time.monotonic() + 10
    while _state(workers[0]) not in (None, "Z") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _state(workers[0]) in (None, "Z"), "the layout process outlived its caller"


def test_a_child_environment_does_not_depend_on_the_callers(monkeypatch):
    monkeypatch.setenv("DIAGRAMS_LIB_NOISE", "x" * 100_000)
    monkeypatch.setenv("LC_ALL", "C")
    env = child.environment()
    assert "DIAGRAMS_LIB_NOISE" not in env and "LC_ALL" not in env
    assert env["PYTHONHASHSEED"] == "0"


def fdp_graph() -> nx.DiGraph:
    g = nx.gnm_random_graph(30, 60, seed=3, directed=True)
    g.graph.update(title="Force directed", engine="fdp")
    return g


def test_fdp_is_byte_stable_whatever_was_rendered_before():
    first = dl.render(fdp_graph())
    for n in (5, 9, 14):
        other = nx.gnm_random_graph(n, 2 * n, seed=n, directed=True)
        other.graph["title"] = "Other"
        dl.render(other, engine="fdp")
        dl.render(other, engine="neato")
        assert dl.render(fdp_graph()) == first


def test_fdp_is_byte_stable_across_processes_and_environments():
    code = (
        "import sys, networkx as nx, diagrams_lib as dl\n"
        "from tests.test_isolation import fdp_graph\n"
        "sys.stdout.write(dl.render(fdp_graph()))\n"
    )
    env = {**os.environ, "DIAGRAMS_LIB_NOISE": "y" * 100_000, "PYTHONHASHSEED": "123"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True
    )
    assert done.stdout == dl.render(fdp_graph())


def test_clustered_layouts_leave_the_process_once_the_leak_budget_is_spent(monkeypatch):
    sent = []
    real_layout = recycled.layout

    def layout(dot_text, **options):
        sent.append(options)
        return real_layout(dot_text, **options)

    monkeypatch.setattr(recycled, "layout", layout)
    monkeypatch.setattr(engine, "_leaked", 0)
    monkeypatch.setattr(engine, "LEAK_BUDGET", 3)
    grouped = nx.DiGraph(title="Grouped")  # a group is a cluster in the dot layout
    grouped.add_nodes_from(["a", "b"], group="g")
    grouped.add_edges_from([("a", "b"), ("b", "c")])  # two edges, one cluster: the budget
    plain = nx.path_graph(4, create_using=nx.DiGraph)
    plain.graph["title"] = "Plain"
    in_process = dl.render(grouped)
    assert sent == []  # within the budget
    assert dl.render(grouped) == in_process and len(sent) == 1  # past it: same bytes
    assert dl.render(grouped, engine="osage") and len(sent) == 2
    dl.render(plain)
    assert len(sent) == 2  # no clusters, no leak: stays in process


def test_the_recycled_process_is_replaced_after_its_layouts(monkeypatch):
    monkeypatch.setattr(recycled, "RECYCLE", 2)
    text = "digraph { a -> b [id=e0] }"
    pids = []
    for _ in range(5):
        recycled.layout(text, prog="dot", backend="wheel")
        pids.append(recycled._server.proc.pid)
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]


def test_the_recycled_process_turns_errors_and_crashes_into_errors():
    with pytest.raises(dl.EngineError, match="Invalid Input"):
        recycled.layout("digraph { a -> }", prog="dot", backend="wheel")
    with pytest.raises(dl.LayoutCrashError, match=r"exit 1"):
        recycled.layout(HUGE_POLYGON, prog="dot", backend="wheel")  # Graphviz calls exit()
    assert recycled.layout("digraph { a }", prog="dot", backend="wheel").startswith("{")
