"""Reading DOT: any DOT a user holds, parsed by Graphviz's own parser, as a networkx graph.

:func:`from_dot` takes DOT text, a path, ``bytes``, a ``pydot.Dot``, a
``pygraphviz.AGraph`` or a ``graphviz`` ``Source``/``Graph``/``Digraph``;
:func:`read_dot` takes a path. The graph says what the file says (see
:mod:`diagrams_lib.dot_in`), and everything the library does not draw is named in one
:class:`~diagrams_lib.DiagramWarning` per attribute name.

>>> g = from_dot('digraph { label="Flow"; a -> b [label="x \\\\"y\\\\""]; }')
>>> g.graph["title"], g.edges["a", "b"]["label"]
('Flow', 'x "y"')
"""

from __future__ import annotations

import os
import warnings
from typing import Any

from .dot_in.read import load
from .dot_in.sources import dot_source, read_path
from .errors import DiagramTypeError, DiagramWarning

__all__ = ["from_dot", "read_dot"]


def _warned(found: tuple[Any, list[str]]) -> Any:
    g, messages = found
    for message in messages:
        warnings.warn(message, DiagramWarning, stacklevel=3)
    return g


def from_dot(
    dot: Any,
    *,
    source: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
) -> Any:
    """Read DOT into a networkx graph that :func:`~diagrams_lib.render` draws as Graphviz
    would: ports, ``node [...]`` defaults, records, HTML-like labels, nested clusters,
    ``rankdir``, ``rank=same``, arrowheads and per-element colours included.

    Args:
        dot: DOT text (a ``str`` containing ``{``), a path (any other ``str``, or a
            ``PathLike``), ``bytes`` (in the ``charset`` the graph names), a ``pydot.Dot``,
            a ``pygraphviz.AGraph`` or a ``graphviz`` ``Source``, ``Graph`` or ``Digraph``.
        source: what to call the input in messages (default: ``DOT text``, the file...).
        timeout: seconds parsing may take; when set, it runs in a child process that is
            stopped at the limit (:class:`~diagrams_lib.LayoutTimeoutError`).
        isolate: parse in a child process even without a timeout, so that a crash in
            Graphviz's parser raises :class:`~diagrams_lib.DotParseError` instead.

    The graph's ``title`` is its ``label``, else its name, else the file's name, else
    ``"Diagram"``. Multi-edges stay one for one (a MultiGraph or MultiDiGraph when there
    are any; ``strict`` graphs merge them as Graphviz does). DOT written by
    :func:`~diagrams_lib.to_dot` comes back as the very graph it was written from.

    Raises :class:`~diagrams_lib.DotParseError` (naming the input and Graphviz's message)
    for DOT Graphviz refuses, :class:`~diagrams_lib.DiagramTypeError` for other inputs.

    Example:
        >>> g = from_dot("digraph { rankdir=LR; a:e -> {b c} }")
        >>> g.graph["direction"], list(g.edges), g.edges["a", "b"]["tail_port"]
        ('LR', [('a', 'b'), ('a', 'c')], 'e')
    """
    if hasattr(dot, "graph") and hasattr(dot, "is_directed"):
        raise DiagramTypeError("from_dot: this is already a networkx graph; render it directly")
    return _warned(load(dot_source(dot, name=source), timeout=timeout, isolate=isolate))


def read_dot(
    path: str | os.PathLike[str], *, timeout: float | None = None, isolate: bool = False
) -> Any:
    """Read a DOT file into a networkx graph, as :func:`from_dot` does; the file is read in
    the ``charset`` it names (UTF-8 by default), and titles a graph that has no ``label``
    or name.

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "pipeline.dot"
        >>> _ = path.write_bytes(b'graph { charset=latin1; a -- b [label="caf\\xe9"] }')
        >>> g = read_dot(path)
        >>> g.graph["title"], g.edges["a", "b"]["label"]
        ('pipeline', 'café')
    """
    if not isinstance(path, (str, os.PathLike)):
        raise DiagramTypeError(f"read_dot expects a path, not {type(path).__name__}")
    return _warned(load(read_path(path), timeout=timeout, isolate=isolate))
