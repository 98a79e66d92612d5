"""Stage 4, engine: run Graphviz on DOT text and read back the layout's positions.

The engine knows nothing about diagrams. By default Graphviz runs in process, from the
pygraphviz wheel (no system Graphviz needed); ``backend="system"`` runs the user's own
``dot`` through the ``graphviz`` package. Either way the laid-out graph is read through
pygraphviz's public API into a :class:`Geometry`. With ``timeout=``, ``memory_limit=`` or
``isolate=True`` the same function runs in a child process (:mod:`diagrams_lib.child`),
which can be stopped, or may crash, without taking the caller down.

Two kinds of layout run in a child even without those options, with the same bytes:

- ``fdp``, in a fresh child each time: its result depends on the heap's layout and on
  earlier layouts in the same process (it orders nodes by memory address), so it only
  repeats when it is the first layout of a process started the same way.
- layouts with clusters, once this process has done ``LEAK_BUDGET`` of their edges and
  clusters, in a long-lived child replaced every few thousand layouts
  (:mod:`diagrams_lib.recycled`): Graphviz never frees the virtual edges dot makes for
  edges that cross a cluster (``interclrep``, ~370 bytes each) nor neato's cluster
  labels (``add_cluster``), so a long-running process that renders grouped graphs
  would grow without bound (~1.3 KiB a render); past the budget it stays level.

>>> layout("digraph { a -> b [id=e0] }").edges["e0"][:2]
'e,'
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from . import child, recycled
from .errors import EngineError, EngineNotFoundError, UnknownOptionError
from .model import ENGINES

__all__ = ["BACKENDS", "ENGINES", "Geometry", "engine_version", "layout", "verify_engine"]

BACKENDS = ("wheel", "system")
# "nop2" is neato -n2: keep the pinned positions, only route the edges.
_PROGS = (*ENGINES, "nop2")
# The engines that lay out clusters (see groups.for_engine); the others are given none.
CLUSTER_ENGINES = ("dot", "fdp", "osage")
# Graphviz keeps global state (error buffers, plugin tables): one layout at a time.
_LOCK = threading.Lock()
LEAK_BUDGET = 20_000  # edges and clusters of clustered layouts done in process (~7 MiB)
_leaked = 0  # edges and clusters of clustered layouts done in this process so far


def verify_engine(engine: str, *, backend: str = "wheel") -> None:
    """Raise :class:`UnknownOptionError` listing the choices for a bad engine or backend.

    >>> try:
    ...     verify_engine("patchwork")
    ... except UnknownOptionError as exc:
    ...     print(exc)
    unknown engine 'patchwork'; choose one of: dot, neato, twopi, circo, fdp, sfdp, osage
    """
    if engine not in _PROGS:
        raise UnknownOptionError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if backend not in BACKENDS:
        raise UnknownOptionError(
            f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Geometry:
    """A layout's positions, as Graphviz writes them (points, y up), by name.

    Attributes:
        bb: The drawing's bounding box, ``"llx,lly,urx,ury"``.
        nodes: Each node's centre, ``"x,y"``, by node name.
        clusters: Each cluster's ``bb`` by its name after ``cluster_``.
        edges: Each edge's ``pos`` (its route) by edge ``id``.
        labels: Each labelled edge's label centre (``lp``) by edge ``id``.
        head_labels: Each ``headlabel``'s centre (``head_lp``) by edge ``id``.
        tail_labels: Each ``taillabel``'s centre (``tail_lp``) by edge ``id``.
        xlabels: Each node ``xlabel``'s centre (``xlp``) by node name.
        orders: For a graph laid out only up to a ``phase`` (1: ranks, 2: orders too),
            each node's rank and its place in its rank, by node name.
    """

    bb: str
    nodes: dict[str, str]
    clusters: dict[str, str]
    edges: dict[str, str]
    labels: dict[str, str]
    head_labels: dict[str, str] = field(default_factory=dict)
    tail_labels: dict[str, str] = field(default_factory=dict)
    xlabels: dict[str, str] = field(default_factory=dict)
    orders: dict[str, tuple[int, int]] = field(default_factory=dict)

    def to_json(self) -> str:
        """The geometry as JSON text, to pass it between processes."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Geometry:
        """The geometry that :meth:`to_json` wrote."""
        data = json.loads(text)
        data["orders"] = {name: tuple(found) for name, found in data.get("orders", {}).items()}
        return cls(**data)


def _pygraphviz() -> Any:
    try:
        import pygraphviz
    except ImportError as exc:  # pragma: no cover - a dependency
        raise EngineNotFoundError(
            "the pygraphviz package is not installed: pip install pygraphviz"
        ) from exc
    return pygraphviz


def _read(graph: Any, prog: str) -> Geometry:
    """The positions Graphviz attached to a laid-out pygraphviz graph."""
    clusters: dict[str, str] = {}
    todo = list(graph.subgraphs_iter()) if prog in CLUSTER_ENGINES else []
    while todo:
        sub = todo.pop(0)
        if sub.name.startswith("cluster_") and sub.graph_attr.get("bb"):
            clusters[sub.name[len("cluster_") :]] = sub.graph_attr["bb"]
        todo += sub.subgraphs_iter()
    # Only the attributes the layout declared are read: most graphs have no labels.
    declared = set(graph.edge_attr.keys())
    edges: dict[str, str] = {}
    at: dict[str, dict[str, str]] = {k: {} for k in ("lp", "head_lp", "tail_lp", "xlp")}
    found_at = [(key, found) for key, found in at.items() if key in declared]
    for edge in graph.edges_iter():
        name = edge.attr["id"]
        edges[name] = edge.attr["pos"] or ""
        for key, found in found_at:
            if edge.attr[key]:
                found[name] = edge.attr[key]
    at["lp"].update(at.pop("xlp"))  # a label placed after the layout (circo, twopi)
    nodes, xlabels, orders = {}, {}, {}
    phased = bool(graph.graph_attr.get("phase"))
    with_xlabels = "xlp" in set(graph.node_attr.keys())
    for node in graph.nodes_iter():
        nodes[str(node)] = node.attr["pos"] or ""
        if with_xlabels and node.attr["xlp"]:
            xlabels[str(node)] = node.attr["xlp"]
        if phased and node.attr["rank"]:
            orders[str(node)] = (int(node.attr["rank"]), int(node.attr["order"] or 0))
    return Geometry(
        bb=graph.graph_attr["bb"] or "",
        nodes=nodes,
        clusters=clusters,
        edges=edges,
        labels=at["lp"],
        head_labels=at["head_lp"],
        tail_labels=at["tail_lp"],
        xlabels=xlabels,
        orders=orders,
    )


def _system_dot(dot_text: str, prog: str) -> str:
    """The user's own Graphviz program run on ``dot_text``: the laid-out graph as DOT."""
    try:
        import graphviz
    except ImportError as exc:
        raise EngineNotFoundError(
            'backend="system" needs the graphviz package: pip install graphviz'
        ) from exc
    argv_prog = "neato" if prog == "nop2" else prog
    try:
        out = graphviz.pipe(
            argv_prog,
            "dot",
            dot_text.encode("utf-8"),
            quiet=True,
            neato_no_op=2 if prog == "nop2" else None,
        )
    except graphviz.ExecutableNotFound as exc:
        raise EngineNotFoundError(
            f'backend="system" needs Graphviz\'s {argv_prog!r} program on PATH; '
            "install Graphviz or use the default in-process backend"
        ) from exc
    except graphviz.CalledProcessError as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise EngineError(f"Graphviz ({argv_prog}) failed: {stderr}") from exc
    return out.decode("utf-8")


def layout_here(dot_text: str, *, prog: str, backend: str) -> Geometry:
    """Lay out ``dot_text`` with ``prog`` in this process and read the positions back."""
    pygraphviz = _pygraphviz()
    with _LOCK:
        try:
            if backend == "system":
                graph = pygraphviz.AGraph(string=_system_dot(dot_text, prog))
            else:
                graph = pygraphviz.AGraph(string=dot_text)
                graph.layout(prog=prog)
            return _read(graph, prog)
        except (EngineError, MemoryError):
            raise
        except Exception as exc:  # pygraphviz raises bare ValueError/DotError
            raise EngineError(f"Graphviz ({prog}) failed: {exc}".strip()) from exc


def _past_leak_budget(dot_text: str) -> bool:
    """Whether this process has leaked its budget (see the module's doc), counting this
    layout; only layouts with clusters leak."""
    global _leaked
    clusters = dot_text.count("subgraph cluster_")
    if not clusters:
        return False
    with _LOCK:
        _leaked += clusters + dot_text.count("->") + dot_text.count("--")
        return _leaked > LEAK_BUDGET


def layout(
    dot_text: str,
    *,
    prog: str = "dot",
    backend: str = "wheel",
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
) -> Geometry:
    """Lay out ``dot_text`` with ``prog`` and return the positions as a :class:`Geometry`.

    With ``timeout`` (seconds), ``memory_limit`` (MiB, default
    :data:`~diagrams_lib.child.DEFAULT_MEMORY_LIMIT` in a child) or ``isolate=True`` the
    layout runs in a child process: a hang raises :class:`LayoutTimeoutError`, too much
    memory :class:`LayoutMemoryError`, a crash :class:`LayoutCrashError`.
    """
    verify_engine(prog, backend=backend)
    seconds, mib = child.check_limits(timeout=timeout, memory_limit=memory_limit)
    isolate = isolate or timeout is not None or memory_limit is not None
    if isolate or prog == "fdp":
        text = child.run(
            dot_text,
            job=(prog, backend),
            what=f"Graphviz ({prog})",
            timeout=seconds,
            memory_limit=mib,
        )
        return Geometry.from_json(text)
    if _past_leak_budget(dot_text):
        return Geometry.from_json(recycled.layout(dot_text, prog=prog, backend=backend))
    return layout_here(dot_text, prog=prog, backend=backend)


@lru_cache(maxsize=2)
def engine_version(*, backend: str = "wheel") -> str:
    """Return the version of Graphviz in use, e.g. ``"14.1.5"``.

    >>> engine_version().count(".")
    2
    """
    verify_engine("dot", backend=backend)
    if backend == "wheel":
        return _pygraphviz().__graphviz_version__
    try:
        import graphviz

        return ".".join(map(str, graphviz.version()))
    except ImportError as exc:
        raise EngineNotFoundError(
            'backend="system" needs the graphviz package: pip install graphviz'
        ) from exc
    except graphviz.ExecutableNotFound as exc:
        raise EngineNotFoundError(
            "backend=\"system\" needs Graphviz's 'dot' program on PATH"
        ) from exc
