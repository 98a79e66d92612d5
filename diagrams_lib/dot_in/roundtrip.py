"""The library's own DOT read back exactly: ``from_dot(to_dot(g))`` is ``g`` again.

:func:`~diagrams_lib.to_dot` writes, beside the styled attributes any Graphviz draws, one
``diagrams_lib`` attribute on the graph and on every node and edge: JSON holding the key,
the position and every attribute the element had. Graphviz ignores attributes it does not
know, so the file still draws as before; :func:`restore` rebuilds the graph from them.
Tuples are kept as tuples (``{"__tuple__": [...]}``), so keys such as ``("db", 1)`` and
``pin`` pairs come back as they were.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(title="T", groups={"g": "Group"})
>>> g.add_edge(("db", 1), 42, label="reads", pin=None)
0
>>> texts = records(g)
>>> texts["n0"]
'{"i":0,"key":{"__tuple__":["db",1]},"attrs":{}}'
>>> json_attr(texts["graph"]).startswith('"{\\\\"v\\\\":1')
True
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

from ..errors import DiagramWarning
from .cgraph import DotGraph

__all__ = ["ATTRIBUTE", "graph_from_json", "graph_to_json", "json_attr", "records", "restore"]

ATTRIBUTE = "diagrams_lib"
_VERSION = 1
_TUPLE = "__tuple__"
_CLASSES = ("Graph", "DiGraph", "MultiGraph", "MultiDiGraph")
_ESCAPE = re.compile(r"\\(.)")  # a JSON escape: backslash and the character after it


class _Unencodable(TypeError):
    pass


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _encode(v) for k, v in value.items()}
    raise _Unencodable(type(value).__name__)


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {_TUPLE}:
            return tuple(_decode(v) for v in value[_TUPLE])
        return {k: _decode(v) for k, v in value.items()}
    return value


def _attrs(data: dict, where: str) -> dict:
    out = {}
    for name, value in data.items():
        try:
            out[str(name)] = _encode(value)
        except _Unencodable as exc:
            warnings.warn(
                f"to_dot: {where} attribute {name!r} ({exc}) cannot be written to DOT; "
                "from_dot will not give it back",
                DiagramWarning,
                stacklevel=4,
            )
    return out


def _dump(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def records(g: Any) -> dict[str, str]:
    """The ``diagrams_lib`` JSON of graph ``g`` (``"graph"``), of each node (by its DOT id,
    ``n0``...) and of each edge (``e0``...), in the order the library numbers them."""
    out = {
        "graph": _dump(
            {"v": _VERSION, "class": type(g).__name__, "attrs": _attrs(g.graph, "graph")}
        )
    }
    for i, (key, data) in enumerate(g.nodes(data=True)):
        try:
            encoded = _encode(key)
        except _Unencodable:
            encoded = str(key)
            warnings.warn(
                f"to_dot: node key {key!r} cannot be written to DOT; from_dot gives it as text",
                DiagramWarning,
                stacklevel=3,
            )
        out[f"n{i}"] = _dump({"i": i, "key": encoded, "attrs": _attrs(data, f"node {key!r}")})
    multi = g.is_multigraph()
    triples = g.edges(keys=True, data=True) if multi else g.edges(data=True)
    for i, item in enumerate(triples):
        record: dict[str, Any] = {"i": i}
        if multi:
            try:
                record["key"] = _encode(item[2])
            except _Unencodable:
                record["key"] = str(item[2])
        record["attrs"] = _attrs(item[-1], f"edge {item[0]!r} -> {item[1]!r}")
        out[f"e{i}"] = _dump(record)
    return out


def json_attr(text: str) -> str:
    """JSON as a DOT string cgraph reads back unchanged. cgraph turns ``\\"`` into ``"``
    and keeps any other backslash, alone or paired, so: a quote JSON escapes inside a
    string is written ``\\u0022`` (never a backslash before a quote), then every quote is
    escaped."""
    text = _ESCAPE.sub(lambda m: "\\u0022" if m.group(1) == '"' else m.group(0), text)
    return '"' + text.replace('"', '\\"') + '"'


def _load(attrs: Any) -> dict | None:
    text = attrs.get(ATTRIBUTE)
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def restore(dot: DotGraph) -> Any | None:
    """The graph the library's own DOT came from, or None when ``dot`` is not that (or was
    edited so that some node or edge has no record)."""
    import networkx as nx

    head = _load(dot.attrs)
    if not head or head.get("v") != _VERSION or head.get("class") not in _CLASSES:
        return None
    nodes, edges = {}, []
    for node in dot.nodes:
        found = _load(node.attrs)
        if found is None or "key" not in found:
            return None
        nodes[node.name] = found
    for edge in dot.edges:
        found = _load(edge.attrs)
        if found is None or edge.tail not in nodes or edge.head not in nodes:
            return None
        edges.append((found, edge))
    g = getattr(nx, head["class"])()
    g.graph.update(_decode(head.get("attrs", {})))
    keys = {name: _decode(found["key"]) for name, found in nodes.items()}
    for name, found in sorted(nodes.items(), key=lambda item: item[1].get("i", 0)):
        g.add_node(keys[name], **_decode(found.get("attrs", {})))
    for found, edge in sorted(edges, key=lambda item: item[0].get("i", 0)):
        ends = (keys[edge.tail], keys[edge.head])
        attrs = _decode(found.get("attrs", {}))
        if g.is_multigraph():
            g.add_edge(*ends, key=_decode(found.get("key")), **attrs)
        else:
            g.add_edge(*ends, **attrs)
    return g


def graph_to_json(g: Any) -> str:
    """A graph read from DOT as JSON, to pass it between processes (:func:`graph_from_json`
    reads it back); its keys and values are the strings, numbers, lists and dicts DOT
    gives, and tuples."""
    multi = g.is_multigraph()
    triples = g.edges(keys=True, data=True) if multi else g.edges(data=True)
    return _dump(
        {
            "class": type(g).__name__,
            "graph": _encode(g.graph),
            "nodes": [[_encode(k), _encode(d)] for k, d in g.nodes(data=True)],
            "edges": [[_encode(x) for x in item] for item in triples],
        }
    )


def graph_from_json(text: str | bytes) -> Any:
    """The graph :func:`graph_to_json` wrote."""
    import networkx as nx

    found = json.loads(text)
    if found.get("class") not in _CLASSES:
        raise ValueError("not a graph written by graph_to_json")
    g = getattr(nx, found["class"])()
    g.graph.update(_decode(found["graph"]))
    for key, data in found["nodes"]:
        g.add_node(_decode(key), **_decode(data))
    for *ends, data in found["edges"]:
        ends = [_decode(x) for x in ends]
        if g.is_multigraph():
            g.add_edge(ends[0], ends[1], key=ends[2], **_decode(data))
        else:
            g.add_edge(*ends, **_decode(data))
    return g
