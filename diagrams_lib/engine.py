"""Running Graphviz: in process through the pygraphviz wheel, or the user's own ``dot``.

The engine knows nothing about diagrams: it takes DOT text and returns the
layout: :func:`run_layout` as the parsed ``json0`` output, :func:`layout_geometry`
as a :class:`Geometry`, only the positions a scene needs; in process it reads them
straight from the laid-out graph, so no output text is written and parsed again.

>>> ENGINES
('dot', 'neato', 'twopi', 'circo', 'fdp')
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

from .errors import EngineError, EngineNotFoundError, LayoutTimeoutError, UnknownOptionError

__all__ = ["BACKENDS", "ENGINES", "Geometry", "engine_version", "layout_geometry",
           "run_layout", "verify_engine"]  # fmt: skip

ENGINES = ("dot", "neato", "twopi", "circo", "fdp")
BACKENDS = ("wheel", "system")
# "nop2" is neato -n2: keep the pinned positions, only route the edges.
_PROGS = (*ENGINES, "nop2")
# Graphviz keeps global state (error buffers, plugin tables); one layout at a time.
_LOCK = threading.Lock()
# One Graphviz context per process, made on first use (creating one registers
# every plugin again); keyed by pid so a forked worker makes its own.
_CONTEXT: dict[int, Any] = {}


def verify_engine(engine: str, *, backend: str = "wheel") -> None:
    """Raise :class:`UnknownOptionError` listing the choices for a bad engine or backend.

    >>> try:
    ...     verify_engine("osage")
    ... except UnknownOptionError as exc:
    ...     print(exc)
    unknown engine 'osage'; choose one of: dot, neato, twopi, circo, fdp
    """
    if engine not in _PROGS:
        raise UnknownOptionError(
            f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}"
        )
    if backend not in BACKENDS:
        raise UnknownOptionError(
            f"unknown backend {backend!r}; choose one of: {', '.join(BACKENDS)}"
        )


def _wheel(dot_text: str, prog: str, fmt: str) -> bytes:
    try:
        import pygraphviz
    except ImportError as exc:  # pragma: no cover - a dependency
        raise EngineNotFoundError(
            "the pygraphviz package is not installed: pip install pygraphviz"
        ) from exc
    with _LOCK:
        try:
            graph = pygraphviz.AGraph(string=dot_text)
            out = graph.draw(format=fmt, prog=prog)
        except Exception as exc:  # pygraphviz raises bare ValueError/DotError
            raise EngineError(f"Graphviz ({prog}) failed: {exc}".strip()) from exc
    return out


def _lowlevel() -> Any:
    """pygraphviz's C module, when it has what the direct path needs (else None)."""
    try:
        from pygraphviz import _graphviz as lib
    except ImportError:  # pragma: no cover - a dependency
        return None
    needed = ("agread", "agclose", "agget", "agnameof", "agfstnode", "agnxtnode", "agfstout",
              "agnxtout", "agfstsubg", "agnxtsubg", "gvContextWithBuiltins", "gvLayout",
              "gvRender", "gvFreeLayout")  # fmt: skip
    return lib if all(hasattr(lib, name) for name in needed) else None


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8") if isinstance(value, bytes) else value


class Geometry(NamedTuple):
    """A layout's positions, Graphviz's own text (points, y up), by name.

    Attributes:
        bb: The drawing's bounding box, ``"llx,lly,urx,ury"``.
        nodes: Each node's centre, ``"x,y"``, by node name.
        clusters: Each cluster's ``bb`` by its name after ``cluster_``.
        edges: Each edge's ``pos`` (its route) by edge ``id``.
        labels: Each labelled edge's label centre (``lp``) by edge ``id``.

    >>> Geometry.from_json0({"bb": "0,0,9,9", "objects": [{"name": "a", "pos": "4,4"}],
    ...                      "edges": [{"id": "e0", "pos": "1,1 2,2", "lp": "3,3"}]}).labels
    {'e0': '3,3'}
    """

    bb: str
    nodes: dict[str, str]
    clusters: dict[str, str]
    edges: dict[str, str]
    labels: dict[str, str]

    @classmethod
    def from_json0(cls, data: dict[str, Any]) -> Geometry:
        """The geometry in Graphviz's parsed ``json0`` output."""
        nodes, clusters = {}, {}
        for obj in data.get("objects", []):
            name = obj.get("name", "")
            if name.startswith("cluster_"):
                if "bb" in obj:
                    clusters[name[len("cluster_"):]] = obj["bb"]
            elif "pos" in obj:
                nodes[name] = obj["pos"]
        edges = data.get("edges", [])
        return cls(data.get("bb", ""), nodes, clusters,
                   {e.get("id", ""): e.get("pos", "") for e in edges},
                   {e.get("id", ""): e["lp"] for e in edges if e.get("lp")})  # fmt: skip


def _read_clusters(lib: Any, graph: Any, clusters: dict[str, str]) -> None:
    sub = lib.agfstsubg(graph)
    while sub is not None:
        name = _text(lib.agnameof(sub))
        bb = _text(lib.agget(sub, b"bb"))
        if bb and name.startswith("cluster_"):
            clusters[name[len("cluster_"):]] = bb
        _read_clusters(lib, sub, clusters)
        sub = lib.agnxtsubg(sub)


def _read_geometry(lib: Any, graph: Any) -> Geometry:
    """The positions a scene uses, read from a laid-out graph's attributes.

    These are the very strings Graphviz's json0 writer prints (both come from the
    attributes Graphviz attaches after the layout), so the result is the same as
    :meth:`Geometry.from_json0` of that output.
    """
    get, name_of, next_node = lib.agget, lib.agnameof, lib.agnxtnode
    first_out, next_out = lib.agfstout, lib.agnxtout
    clusters: dict[str, str] = {}
    _read_clusters(lib, graph, clusters)
    nodes: list[Any] = []  # name, pos for each node
    edges: list[Any] = []  # id, pos, lp for each edge
    node = lib.agfstnode(graph)
    while node is not None:
        nodes += (name_of(node), get(node, b"pos"))
        edge = first_out(graph, node)
        while edge is not None:
            edges += (get(edge, b"id"), get(edge, b"pos"), get(edge, b"lp"))
            edge = next_out(graph, edge)
        node = next_node(graph, node)
    nodes, edges = _texts(nodes), _texts(edges)
    ids = edges[::3]
    return Geometry(_text(get(graph, b"bb")), dict(zip(nodes[::2], nodes[1::2], strict=True)),
                    clusters, dict(zip(ids, edges[1::3], strict=True)),
                    {i: lp for i, lp in zip(ids, edges[2::3], strict=True) if lp})  # fmt: skip


def _texts(values: list[bytes | str | None]) -> list[str]:
    """``_text`` of each value; one decode for all (C strings hold no NUL)."""
    if not values:
        return []
    try:
        return b"\0".join([value or b"" for value in values]).decode("utf-8").split("\0")
    except TypeError:  # str values: a pygraphviz that decodes by itself
        return [_text(value) for value in values]


@lru_cache(maxsize=1)
def _attach_attrs() -> Callable[[Any], None] | None:
    """Graphviz's ``attach_attrs`` (public in ``gvc.h``) from the very libgvc pygraphviz
    runs, or None where it cannot be found for sure (then ``gvRender`` does the job).

    It writes ``pos``, ``bb`` and ``lp`` onto a laid-out graph, which is all the library
    needs; ``gvRender(..., "dot", NULL)`` does the same and also walks every node and
    edge through a renderer, for nothing. Found through ``/proc/self/maps`` (Linux), so
    it is the loaded library itself and never another copy on the system.
    """
    try:
        import ctypes

        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            paths = {line.split(None, 5)[-1].strip() for line in maps if "libgvc" in line}
        paths = {path for path in paths if os.path.basename(path).startswith("libgvc")}
        if len(paths) != 1:
            return None
        function = ctypes.CDLL(paths.pop()).attach_attrs
    except (ImportError, OSError, AttributeError):
        return None
    function.argtypes, function.restype = [ctypes.c_void_p], None
    return lambda graph: function(int(graph))


def _scratch_file() -> Any:
    """An anonymous read-write file: in memory where the OS offers it (Linux)."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("diagrams_lib-dot"), "w+b")
    return tempfile.TemporaryFile()


def _wheel_geometry(dot_text: str, prog: str) -> Geometry:
    """Lay out in process and read the geometry back without rendering any output."""
    lib = _lowlevel()
    if lib is None:  # pragma: no cover - an older pygraphviz
        return Geometry.from_json0(_parse(_wheel(dot_text, prog, "json0"), prog))
    with _LOCK:
        with _scratch_file() as handle:  # agread wants a FILE*
            handle.write(dot_text.encode("utf-8"))
            handle.seek(0)
            try:
                graph = lib.agread(handle, None)
            except ValueError as exc:
                raise EngineError(f"Graphviz ({prog}) failed: Invalid Input") from exc
        try:
            context = _CONTEXT.get(os.getpid())
            if context is None:
                context = _CONTEXT[os.getpid()] = lib.gvContextWithBuiltins()
            if lib.gvLayout(context, graph, prog.encode("ascii")) != 0:
                raise EngineError(f"Graphviz ({prog}) failed: Graphviz raised a layout error.")
            try:
                attach = _attach_attrs()
                if attach is not None:
                    attach(graph)
                # Rendering with no output file only attaches pos, bb and lp to the graph.
                elif lib.gvRender(context, graph, b"dot", None) != 0:
                    raise EngineError(f"Graphviz ({prog}) failed: could not attach the layout")
                return _read_geometry(lib, graph)
            finally:
                lib.gvFreeLayout(context, graph)
        finally:
            lib.agclose(graph)


def _system(dot_text: str, prog: str, fmt: str) -> bytes:
    try:
        import graphviz
    except ImportError as exc:
        raise EngineNotFoundError(
            'backend="system" needs the graphviz package: pip install graphviz'
        ) from exc
    argv_prog, args = ("neato", ["-n2"]) if prog == "nop2" else (prog, [])
    try:
        return graphviz.pipe(argv_prog, fmt, dot_text.encode("utf-8"), renderer=None,
                             formatter=None, neato_no_op=2 if args else None, quiet=True)
    except graphviz.ExecutableNotFound as exc:
        raise EngineNotFoundError(
            f"backend=\"system\" needs Graphviz's {argv_prog!r} program on PATH; "
            "install Graphviz or use the default in-process backend"
        ) from exc
    except graphviz.CalledProcessError as exc:
        stderr = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise EngineError(f"Graphviz ({argv_prog}) failed: {stderr}") from exc


def _raw_layout(dot_text: str, *, prog: str, backend: str) -> bytes:
    run = _wheel if backend == "wheel" else _system
    return run(dot_text, prog, "json0")


def _child_layout(dot_text: str, *, prog: str, backend: str, timeout: float | None) -> bytes:
    """Run the layout in a child Python process that can be killed or may crash alone."""
    argv = [sys.executable, "-m", "diagrams_lib._worker", prog, backend]
    try:
        done = subprocess.run(argv, input=dot_text.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        raise LayoutTimeoutError(
            f"Graphviz ({prog}) did not finish within {timeout:g} s; the layout was stopped. "
            "Simplify the graph, try engine='neato' or 'fdp', or raise timeout="
        ) from None
    if done.returncode == 0:
        return done.stdout
    message = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        raise EngineError(
            f"Graphviz ({prog}) crashed with {name} in the isolated layout process; "
            f"your process is unaffected. {message[-400:]}".strip()
        )
    if done.returncode == 3:
        raise EngineError(message)
    raise EngineError(f"Graphviz ({prog}) layout process failed (exit {done.returncode}): "
                      f"{message[-400:]}")  # fmt: skip


def run_layout(dot_text: str, *, prog: str = "dot", backend: str = "wheel",
               timeout: float | None = None, isolate: bool = False) -> dict[str, Any]:  # fmt: skip
    """Lay out ``dot_text`` with ``prog`` and return Graphviz's ``json0`` output, parsed.

    With ``timeout`` (seconds) or ``isolate=True`` the layout runs in a child
    process: a hang raises :class:`LayoutTimeoutError`, a crash an :class:`EngineError`.
    """
    verify_engine(prog, backend=backend)
    if timeout is not None or isolate:
        raw = _child_layout(dot_text, prog=prog, backend=backend, timeout=timeout)
    else:
        raw = _raw_layout(dot_text, prog=prog, backend=backend)
    return _parse(raw, prog)


def layout_geometry(dot_text: str, *, prog: str = "dot", backend: str = "wheel",
                    timeout: float | None = None, isolate: bool = False) -> Geometry:  # fmt: skip
    """Like :func:`run_layout`, but return only the positions a scene needs, as a
    :class:`Geometry`. In process, with the default backend, they are read from the
    laid-out graph directly, without writing and parsing any output.

    >>> layout_geometry("digraph { a -> b [id=e0] }").edges["e0"][:2]
    'e,'
    """
    if backend == "wheel" and timeout is None and not isolate:
        verify_engine(prog, backend=backend)
        return _wheel_geometry(dot_text, prog)
    return Geometry.from_json0(run_layout(dot_text, prog=prog, backend=backend,
                                          timeout=timeout, isolate=isolate))  # fmt: skip


def _parse(raw: bytes, prog: str) -> dict[str, Any]:
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise EngineError(f"Graphviz ({prog}) returned unreadable output: {exc}") from exc


@lru_cache(maxsize=2)
def engine_version(*, backend: str = "wheel") -> str:
    """Return the version of Graphviz in use, e.g. ``"14.1.5"``.

    >>> engine_version().count(".")
    2
    """
    verify_engine("dot", backend=backend)
    run = _wheel if backend == "wheel" else _system
    svg = run("digraph{}", "dot", "svg").decode("utf-8", "replace")
    match = re.search(r"Generated by graphviz version ([0-9][0-9.]*)", svg)
    if not match:  # pragma: no cover - every Graphviz writes this comment
        raise EngineError("could not read the Graphviz version from its SVG output")
    return match.group(1)
