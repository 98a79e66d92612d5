"""Reading DOT text (through pydot) into a networkx graph.

>>> g = from_dot('digraph { label="Flow"; a -> b [label="x \\\\"y\\\\""]; }')
>>> g.graph["title"], g.edges["a", "b"]["label"]
('Flow', 'x "y"')
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import warnings
from pathlib import Path
from typing import Any

from . import hatch
from .errors import DiagramTypeError, DiagramWarning, DotParseError, ValidationError
from .quoting import shown

__all__ = ["from_dot", "read_dot"]

_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "l": "\n", "r": "\n"}


def _unquote(value: Any) -> Any:
    if not isinstance(value, str) or len(value) < 2 or not (value[0] == value[-1] == '"'):
        return value
    body, out, i = value[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body) and body[i + 1] in _ESCAPES:
            out.append(_ESCAPES[body[i + 1]])
            i += 2
            continue
        if ch == "\\" and i + 1 < len(body) and body[i + 1] == "\n":  # line continuation
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


# Graphviz shapes with a semantic twin; other shapes keep the role's shape.
_SHAPES = {
    "box": "rect",
    "rect": "rect",
    "rectangle": "rect",
    "square": "rect",
    "ellipse": "ellipse",
    "oval": "ellipse",
    "circle": "circle",
    "diamond": "diamond",
    "hexagon": "hexagon",
    "parallelogram": "parallelogram",
    "note": "note",
    "plaintext": "text",
    "plain": "text",
    "none": "text",
    "point": "point",
    "trapezium": "trapezoid",
}
_SEMANTIC = {"label", "note", "role", "group", "title", "description", "link", "kind", "direction"}
_LAYOUT = {"weight", "minlen", "constraint"}  # the edge's own semantic attributes
_OWN = {"dot", "groups", "measured_for", "graphviz"}  # structured: never taken from DOT text


def _hints(values: dict, context: str, where: str) -> dict[str, Any]:
    """The layout hints among DOT attributes: those the ``dot`` hatch passes on (under
    ``dot``) and an edge's ``weight``, ``minlen`` and ``constraint``. One the library
    refuses is dropped with a :class:`DiagramWarning` naming it: a file is not the
    caller's code, so it is read as far as it can be."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        try:
            if name in _LAYOUT and context == "edge":
                out[name] = _semantic(name, value, where=where)
            elif name in hatch.HINTS and name not in _SEMANTIC:
                hint = hatch.check(name, value, context=context, where=f"{where} attribute 'dot'")
                out.setdefault("dot", {})[name] = hint
        except ValidationError as exc:
            warnings.warn(f"{exc}; dropped", DiagramWarning, stacklevel=2)
    return out


def _semantic(name: str, value: Any, *, where: str) -> Any:
    """An edge's ``weight``, ``minlen`` or ``constraint`` read from DOT text."""
    text = str(value).strip().lower()
    if name == "constraint":
        if text in ("true", "yes", "1", "false", "no", "0"):
            return text in ("true", "yes", "1")
        raise ValidationError(f"{where}: 'constraint' is {shown(value)}; it takes true or false")
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    high = 1e6 if name == "weight" else 100
    if not 0 <= number <= high:
        raise ValidationError(
            f"{where}: {name!r} is {shown(value)}; it takes a number from 0 to {high:g}"
        )
    return round(number)


def _attrs(raw: dict, *, context: str, where: str, hints: bool = True) -> dict:
    """Split DOT attributes into semantic ones, layout hints (``dot``) and the rest
    (``graphviz``: kept for the user, never drawn)."""
    values = {k: _unquote(v) for k, v in raw.items()}
    out: dict[str, Any] = {k: v for k, v in values.items() if k in _SEMANTIC}
    role = values.get("class")
    if isinstance(role, str) and role.startswith("role-"):
        out["role"] = role[len("role-") :]
    if hints:
        out.update(_hints(values, context, where))
    if context == "graph":
        return {**{k: v for k, v in values.items() if k not in _OWN}, **out}
    shape = values.get("shape")
    if isinstance(shape, str) and shape in _SHAPES:
        rounded = "rounded" in str(values.get("style", ""))
        out["shape"] = "round" if rounded and _SHAPES[shape] == "rect" else _SHAPES[shape]
    if values.get("URL") or values.get("href"):
        out.setdefault("link", values.get("URL") or values.get("href"))
    rest = {k: v for k, v in values.items() if k not in _SEMANTIC and k not in _LAYOUT}
    if rest:
        out["graphviz"] = rest
    return out


def _graph_attrs(pd_graph, *, where: str, hints: bool = True) -> dict:
    """Attributes set as ``label=...;`` or in a ``graph [...]`` statement."""
    out = dict(pd_graph.get_attributes())
    for node in pd_graph.get_nodes():
        if node.get_name() == "graph":
            out.update(node.get_attributes())
    return _attrs(out, context="graph", where=where, hints=hints)


def _walk(pd_graph, g, group: str | None, source: str) -> None:
    for node in pd_graph.get_nodes():
        name = _unquote(node.get_name())
        if name in ("node", "edge", "graph", "\\n"):
            continue
        attrs = _attrs(node.get_attributes(), context="node", where=f"{source}: node {shown(name)}")
        if group is not None:
            attrs.setdefault("group", group)
        g.add_node(name, **attrs)
    for sub in pd_graph.get_subgraphs():
        name = _unquote(sub.get_name())
        label = (
            _graph_attrs(sub, where=source, hints=False).get("label", "")
            if name.startswith("cluster")
            else ""
        )
        inner = (label or name) if name.startswith("cluster") else group
        if name.startswith("cluster") and label:
            g.graph.setdefault("groups", {})[inner] = label
        _walk(sub, g, inner, source)
    for edge in pd_graph.get_edges():
        u, v = _unquote(edge.get_source()), _unquote(edge.get_destination())
        if not isinstance(u, str) or not isinstance(v, str):
            raise DotParseError(f"edge {u!r} -> {v!r}: edges between subgraphs are not supported")
        for end in (u, v):
            if end not in g:
                g.add_node(end)
                if group is not None:
                    g.nodes[end].setdefault("group", group)
        where = f"{source}: edge {shown(u)} -> {shown(v)}"
        g.add_edge(u, v, **_attrs(edge.get_attributes(), context="edge", where=where))


MAX_NESTING = 7  # braces, the graph's own included; pydot takes ~0.3 s at 8, doubling per level
# What a brace can hide in: strings, HTML strings' markup, comments.
_TOKENS = re.compile(r'"(?:\\.|[^"\\])*"|/\*.*?\*/|//[^\n]*|^#[^\n]*|[{}<>]', re.S | re.M)


def _check_nesting(text: str, source: str) -> None:
    """Refuse DOT text whose braces nest deeper than :data:`MAX_NESTING`, before parsing.

    >>> _check_nesting("digraph { subgraph { a } }", "DOT text")
    """
    depth = html = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark == "<":
            html += 1
        elif mark == ">":
            html = max(html - 1, 0)
        elif html == 0 and mark in "{}":
            depth += 1 if mark == "{" else -1
            if depth > MAX_NESTING:
                line = text.count("\n", 0, token.start()) + 1
                raise DotParseError(
                    f"{source} nests braces more than {MAX_NESTING} deep (line {line}); "
                    "diagrams_lib reads DOT nested at most that deep"
                )


def from_dot(text: str, *, source: str = "DOT text") -> Any:
    """Parse DOT ``text`` into a networkx graph (MultiDiGraph/MultiGraph if it has
    repeated edges, else DiGraph/Graph). The graph's ``label`` becomes its ``title``
    when it has none; ports are not interpreted, so ``"a:b"`` stays one node.
    Semantic attributes (``label``, a ``class`` of ``role-X``, cluster labels as
    ``group``, shapes with a semantic twin, ``URL`` as ``link``) are kept; ``weight``,
    ``minlen`` and ``constraint`` become the edge's own; the layout hints the ``dot``
    hatch allows go to it (one out of range is dropped with a :class:`DiagramWarning`);
    every other Graphviz attribute is kept under ``graphviz`` and not drawn. Braces
    nested deeper than :data:`MAX_NESTING` are refused before parsing (the parser's time
    doubles with each level).
    """
    import networkx as nx
    import pydot

    if not isinstance(text, str):
        raise DiagramTypeError(f"from_dot expects DOT text (str), not {type(text).__name__}")
    _check_nesting(text, source)
    chatter = io.StringIO()  # pydot prints parse errors instead of raising them
    try:
        with contextlib.redirect_stdout(chatter):
            parsed = pydot.graph_from_dot_data(text)
    except Exception as exc:  # pydot raises pyparsing exceptions
        raise DotParseError(f"{source} is not valid DOT: {exc}") from exc
    if not parsed:
        detail = " ".join(chatter.getvalue().split()) or "no graph found"
        raise DotParseError(f"{source} is not valid DOT: {detail}")
    pd_graph = parsed[0]
    directed = pd_graph.get_type() == "digraph"
    pairs = [
        (_unquote(e.get_source()), _unquote(e.get_destination())) for e in pd_graph.get_edge_list()
    ]
    multi = len(pairs) != len(set(pairs)) and not pd_graph.get_strict()
    cls = {
        (True, True): nx.MultiDiGraph,
        (True, False): nx.DiGraph,
        (False, True): nx.MultiGraph,
        (False, False): nx.Graph,
    }[(directed, multi)]
    g = cls()
    graph_attrs = _graph_attrs(pd_graph, where=f"{source}: the graph")
    g.graph.update(graph_attrs)
    if "title" not in g.graph and isinstance(graph_attrs.get("label"), str):
        g.graph["title"] = graph_attrs["label"]
    _walk(pd_graph, g, None, source)
    return g


def read_dot(path: str | os.PathLike[str]) -> Any:
    """Read a DOT file into a networkx graph; a graph with neither ``title`` nor
    ``label`` gets the file's name (without suffix) as its title."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise DotParseError(f"cannot read DOT file {str(p)!r}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise DotParseError(f"DOT file {str(p)!r} is not UTF-8 text: {exc}") from exc
    g = from_dot(text, source=f"DOT file {str(p)!r}")
    g.graph.setdefault("title", p.stem)
    return g
