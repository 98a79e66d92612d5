"""DOT text read by Graphviz's own parser (cgraph, from the pygraphviz wheel) into plain data.

cgraph is the one authoritative DOT grammar: it applies ``node [...]`` and ``edge [...]``
defaults, expands ``a -> {b c}``, keeps ``a:port`` as the edge's ``tailport`` and
``headport``, merges the edges of a ``strict`` graph and knows which subgraph holds which
node. This module only runs it and copies the result out, through the same calls
pygraphviz's ``AGraph`` makes (its ``pygraphviz.graphviz`` binding), into the frozen
:class:`DotGraph` below. Edges come in the order Graphviz's own layout visits them (by
tail node, then head). It knows nothing about diagrams.

>>> g = parse(b'digraph { node [shape=box]; a -> {b c}; a:f1 -> b:n }', source="DOT text")
>>> [n.name for n in g.nodes], [(e.tail, e.head) for e in g.edges]
(['a', 'b', 'c'], [('a', 'b'), ('a', 'b'), ('a', 'c')])
>>> g.nodes[2].attrs["shape"], g.edges[1].attrs["tailport"], g.edges[1].attrs["headport"]
('box', 'f1', 'n')
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import DotParseError
from .scan import decode, html_strings

__all__ = ["DotEdge", "DotGraph", "DotNode", "DotSubgraph", "parse"]

MAX_NESTING = 256  # subgraphs nested deeper are refused, never recursed into


@dataclass(frozen=True, slots=True)
class DotNode:
    """A node: its DOT name and the value of every attribute that is not empty."""

    name: str
    attrs: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class DotEdge:
    """An edge from ``tail`` to ``head`` (names), its ``key`` if given, and its attributes."""

    tail: str
    head: str
    key: str | None
    attrs: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class DotSubgraph:
    """A subgraph: its name (``%3``-style for an anonymous one), its graph attributes (as
    Graphviz sees them, inherited ones included), the names of every node in it (nested
    subgraphs' included) and its own subgraphs."""

    name: str
    attrs: Mapping[str, str]
    nodes: tuple[str, ...]
    subgraphs: tuple[DotSubgraph, ...]


@dataclass(frozen=True, slots=True)
class DotGraph:
    """A whole parsed graph; ``html`` holds the text of every HTML-like string
    (``<...>``) in the input, which cgraph stores without its outer brackets."""

    name: str
    directed: bool
    strict: bool
    attrs: Mapping[str, str]
    nodes: tuple[DotNode, ...]
    edges: tuple[DotEdge, ...]
    subgraphs: tuple[DotSubgraph, ...]
    html: frozenset[str]
    messages: tuple[str, ...] = ()  # Graphviz's warnings while parsing


def _gv() -> tuple[Any, Any]:
    try:
        import pygraphviz.graphviz as gv
        from pygraphviz import _graphviz
    except ImportError as exc:  # pragma: no cover - a dependency
        raise DotParseError("reading DOT needs pygraphviz: pip install pygraphviz") from exc
    return gv, _graphviz


def _name(raw: Any, handle: Any) -> str:
    value = raw.agnameof(handle)
    return "" if value is None else value.decode("utf-8", "replace")


def _syms(gv: Any, root: Any, kind: int) -> list[tuple[str, Any]]:
    """The attributes declared for graphs (0), nodes (1) or edges (2)."""
    out, sym = [], None
    while True:
        try:
            sym = gv.agnxtattr(root, kind, sym)
        except StopIteration:
            return out
        if sym is None:
            return out
        out.append((gv.agattrname(sym).decode("utf-8", "replace"), sym))


def _attrs(gv: Any, obj: Any, syms: list[tuple[str, Any]]) -> dict[str, str]:
    out = {}
    for name, sym in syms:
        value = gv.agxget(obj, sym)
        if value:
            out[name] = value.decode("utf-8", "replace")
    return out


def _subgraphs(gv: Any, raw: Any, graph: Any, syms, order: dict[str, int], depth: int = 0):
    """The subgraphs of ``graph``, each with its attributes, nodes and subgraphs, ordered by
    their first node in the file (cgraph keeps them in an order of its own)."""
    if depth > MAX_NESTING:
        raise DotParseError(f"subgraphs are nested more than {MAX_NESTING} deep")
    found = []
    sub = gv.agfstsubg(graph)
    while sub:
        nodes, node = [], gv.agfstnode(sub)
        while node:
            nodes.append(_name(raw, node))
            node = gv.agnxtnode(sub, node)
        nodes.sort(key=order.__getitem__)
        found.append(
            DotSubgraph(
                name=_name(raw, sub),
                attrs=_attrs(gv, sub, syms),
                nodes=tuple(nodes),
                subgraphs=_subgraphs(gv, raw, sub, syms, order, depth + 1),
            )
        )
        sub = gv.agnxtsubg(sub)
    first = {s.name: min((order[n] for n in s.nodes), default=len(order)) for s in found}
    return tuple(sorted(found, key=lambda s: (first[s.name], s.name)))


def _read(gv: Any, raw: Any, root: Any, html: frozenset[str], messages: tuple) -> DotGraph:
    node_syms, edge_syms = _syms(gv, root, 1), _syms(gv, root, 2)
    nodes, handles = [], []
    node = gv.agfstnode(root)
    while node:
        nodes.append(DotNode(name=_name(raw, node), attrs=_attrs(gv, node, node_syms)))
        handles.append(node)
        node = gv.agnxtnode(root, node)
    edges = []
    for node in handles:
        edge = gv.agfstout(root, node)
        while edge:
            key = raw.agnameof(edge)
            edges.append(
                DotEdge(
                    tail=_name(raw, gv.agtail(edge)),
                    head=_name(raw, gv.aghead(edge)),
                    key=None if not key else key.decode("utf-8", "replace"),
                    attrs=_attrs(gv, edge, edge_syms),
                )
            )
            edge = gv.agnxtout(root, edge)
    graph_syms = _syms(gv, root, 0)
    order = {n.name: i for i, n in enumerate(nodes)}
    return DotGraph(
        name=_name(raw, root),
        directed=bool(gv.agisdirected(root)),
        strict=bool(gv.agisstrict(root)),
        attrs=_attrs(gv, root, graph_syms),
        nodes=tuple(nodes),
        edges=tuple(edges),
        subgraphs=_subgraphs(gv, raw, root, graph_syms, order),
        html=html,
        messages=messages,
    )


def _agread(gv: Any, data: bytes) -> tuple[Any, list[str]]:
    """cgraph's ``agread`` on ``data``, and what it wrote to standard error meanwhile
    (cgraph reports errors there, on file descriptor 2)."""
    with tempfile.TemporaryFile() as dot_file, tempfile.TemporaryFile() as err:
        dot_file.write(data)
        dot_file.seek(0)
        saved = os.dup(2)
        try:
            os.dup2(err.fileno(), 2)
            try:
                handle = gv.agread(dot_file, None)
            except ValueError:  # the binding's "no graph read"
                handle = None
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        err.seek(0)
        said = err.read().decode("utf-8", "replace")
    return handle, [" ".join(line.split()) for line in said.splitlines() if line.strip()]


def parse(data: bytes | str, *, source: str) -> DotGraph:
    """Parse DOT ``data`` (bytes in the charset it names, or text) with cgraph.

    A node without a ``label`` shows its name, as with Graphviz's ``dot`` command (which
    declares that default before reading; library use of cgraph does not).

    Raises :class:`DotParseError` naming ``source`` and Graphviz's own message.
    """
    from ..engine import _LOCK

    notes: list[str] = []
    text = data if isinstance(data, str) else None
    if text is None:
        text, notes = decode(data, source=source)
    html, brace, trailing = html_strings(text)
    if brace < 0:
        raise DotParseError(f"{source} is not valid DOT: no graph body ('{{...}}') found")
    body = text[: brace + 1] + ' node [label="\\N"];' + text[brace + 1 :]
    gv, raw = _gv()
    with _LOCK:
        handle, said = _agread(gv, body.encode("utf-8"))
        if not handle:
            errors = [m for m in said if not m.lower().startswith("warning")] or said
            detail = "; ".join(m.removeprefix("Error: ") for m in errors) or "no graph found"
            raise DotParseError(f"{source} is not valid DOT: {detail[:300]}")
        if trailing:
            notes.append(f"{source} holds more than one graph; only the first is drawn")
        try:
            graph = _read(gv, raw, handle, html, tuple(notes + said))
        except DotParseError as exc:
            raise DotParseError(f"{source} is not drawn: {exc}") from None
        finally:
            gv.agclose(handle)
    return graph
