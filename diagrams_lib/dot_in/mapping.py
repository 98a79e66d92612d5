"""A parsed DOT graph as the networkx graph the library draws, and what it leaves out.

Clusters become groups (nested as they are; an unlabelled cluster draws no title), a
``rank=same/min/max/source/sink`` subgraph gives its nodes a ``rank``, ``rankdir`` is the
direction, and edges stay one for one: a graph with repeated edges (``a -- b`` and
``b -- a`` too) is a multigraph, unless it is ``strict``. A cluster's attributes are what
Graphviz draws it with, so it takes a ``label`` its parent set before it, as in Graphviz.

>>> from diagrams_lib.dot_in.cgraph import parse
>>> dot = parse(b'digraph G { rankdir=LR; subgraph cluster_a { x; subgraph cluster_b { y } '
...             b'label="A" } {rank=same; x; z} x -> y; x -> y }', source="t")
>>> g, said = to_networkx(dot, source="t", fallback_title=None)
>>> type(g).__name__, g.graph["title"], g.graph["direction"], g.graph["groups"]
('MultiDiGraph', 'G', 'LR', {'cluster_a': 'A', 'cluster_b': {'label': '', 'parent': 'cluster_a'}})
>>> g.nodes["x"]["group"], g.nodes["y"]["group"], g.nodes["x"]["rank"] == g.nodes["z"]["rank"]
('cluster_a', 'cluster_b', True)
"""

from __future__ import annotations

from typing import Any

from ..groups import MAX_DEPTH
from .cgraph import DotGraph, DotSubgraph
from .edges import edge_attrs
from .labels import text_of
from .nodes import field_ports, node_attrs
from .unshown import Unshown
from .values import SILENT, clean, flag, layout_hints, number

__all__ = ["DEFAULT_TITLE", "to_networkx"]

DEFAULT_TITLE = "Diagram"  # when the graph has no label or name and comes from no file
_DIRECTIONS = ("TB", "LR", "BT", "RL")
_RANKS = ("same", "min", "max", "source", "sink")
_ENGINES = ("dot", "neato", "twopi", "circo", "fdp")
_SPLINES = ("spline", "line", "polyline", "ortho", "curved", "true", "false")


def _is_cluster(sub: DotSubgraph) -> bool:
    """Graphviz's rule: a name starting with ``cluster`` (any case), or ``cluster=true``."""
    return sub.name.lower().startswith("cluster") or flag(sub.attrs.get("cluster", "false"))


class _Reader:
    def __init__(self, dot: DotGraph, source: str) -> None:
        self.dot, self.source = dot, source
        self.unshown = Unshown()
        self.graph_name = "" if dot.name.startswith("%") else dot.name
        self.groups: dict[str, Any] = {}
        self.member_of: dict[str, tuple[str, ...]] = {}  # node -> its cluster's ancestry
        self.ranks: dict[str, str] = {}

    def clusters(self, subs: tuple[DotSubgraph, ...], chain: tuple[str, ...]) -> None:
        """Groups from the clusters, nested; a node belongs to its innermost cluster."""
        for sub in subs:
            inner = chain
            if _is_cluster(sub) and len(chain) >= MAX_DEPTH:
                why = f"clusters nested more than {MAX_DEPTH} deep are drawn as the one above"
                self.unshown.note("cluster", f"cluster {sub.name!r}", why)
            elif _is_cluster(sub):
                inner = (*chain, sub.name)
                self.cluster(sub, chain)
                for node in sub.nodes:
                    held = self.member_of.get(node)
                    if held is None or inner[: len(held)] == held:
                        self.member_of[node] = inner
                    elif held[: len(inner)] != inner:
                        where = f"node {node!r}"
                        self.unshown.note(
                            "cluster",
                            where,
                            f"{where} is drawn in {held[-1]!r} only, not also "
                            f"in {sub.name!r} (as Graphviz does)",
                        )
            else:
                self.rank(sub)
            self.clusters(sub.subgraphs, inner)

    def cluster(self, sub: DotSubgraph, chain: tuple[str, ...]) -> None:
        a = dict(sub.attrs)
        where = f"cluster {sub.name!r}"
        raw = a.pop("label", "")
        label = clean(text_of(raw, html_label=raw in self.dot.html, names={"G": sub.name})[0])
        self.groups[sub.name] = {"label": label, "parent": chain[-1]} if chain else label
        a.pop("cluster", None)
        for name in a:
            if name not in SILENT and name != "rankdir":
                self.unshown.note(name, where)

    def rank(self, sub: DotSubgraph) -> None:
        rank = sub.attrs.get("rank", "").lower()
        if rank == "same":
            for node in sub.nodes:
                self.ranks[node] = f"same:{sub.name}"
        elif rank in _RANKS:
            for node in sub.nodes:
                self.ranks[node] = rank

    def graph_attrs(self, fallback_title: str | None) -> dict[str, Any]:
        a = dict(self.dot.attrs)
        out: dict[str, Any] = {}
        raw = a.pop("label", "")
        title = clean(
            text_of(raw, html_label=raw in self.dot.html, names={"G": self.graph_name})[0]
        )
        title = title.strip() or self.graph_name.strip() or fallback_title or DEFAULT_TITLE
        out["title"] = title
        direction = a.pop("rankdir", "TB").upper()
        if direction not in _DIRECTIONS:
            self.unshown.note(
                "rankdir", "graph", f"rankdir {direction!r} is not one Graphviz knows"
            )
            direction = "TB"
        out["direction"] = direction
        engine = a.pop("layout", None)
        if engine in _ENGINES:
            out["engine"] = engine
        elif engine is not None:
            self.unshown.note("layout", "graph", f"layout {engine!r} is drawn with 'dot'")
        hints = self.hints(a) | layout_hints(
            a, context="graph", where="graph", unshown=self.unshown
        )
        if hints:
            out["dot"] = hints
        for name in a:
            if name not in SILENT:
                self.unshown.note(name, "graph")
        return out

    def hints(self, a: dict) -> dict[str, str]:
        """The graph's layout hints the library passes on to Graphviz, checked."""
        out = {}
        for name in ("nodesep", "ranksep"):
            value = number(a.get(name, "").split(" ")[0] or "x")
            if value is not None:
                out[name] = f"{min(max(value, 0.02), 10):g}"
                del a[name]
        if a.get("ordering", "").lower() in ("in", "out"):
            out["ordering"] = a.pop("ordering").lower()
        for name in ("newrank", "concentrate"):
            if name in a:
                out[name] = "true" if flag(a.pop(name)) else "false"
        if a.get("splines", "").lower() in _SPLINES:
            out["splines"] = a.pop("splines").lower()
        return out


_SWAPS = (("tail_port", "head_port"), ("tail_label", "head_label"), ("arrowtail", "arrowhead"))


def _turned(attrs: dict[str, Any]) -> dict[str, Any]:
    """An undirected edge's attributes seen from its other end: networkx gives an
    undirected edge from the end added first, which need not be the tail DOT wrote."""
    out = dict(attrs)
    for a, b in _SWAPS:
        out.pop(a, None)
        out.pop(b, None)
        if b in attrs:
            out[a] = attrs[b]
        if a in attrs:
            out[b] = attrs[a]
    if "dir" in attrs:
        out["dir"] = {"forward": "back", "back": "forward"}.get(attrs["dir"], attrs["dir"])
    return out


def _graph_class(dot: DotGraph) -> Any:
    import networkx as nx

    pairs = [(e.tail, e.head) if dot.directed else frozenset((e.tail, e.head)) for e in dot.edges]
    multi = len(pairs) != len(set(pairs))
    if dot.directed:
        return nx.MultiDiGraph if multi else nx.DiGraph
    return nx.MultiGraph if multi else nx.Graph


def to_networkx(dot: DotGraph, *, source: str, fallback_title: str | None) -> tuple[Any, list[str]]:
    """The networkx graph ``dot`` draws, and one message per attribute name it does not.

    The title is the graph's ``label``, else its name, else ``fallback_title`` (a file's
    name), else :data:`DEFAULT_TITLE`.
    """
    reader = _Reader(dot, source)
    g = _graph_class(dot)()
    g.graph.update(reader.graph_attrs(fallback_title))
    reader.clusters(dot.subgraphs, ())
    horizontal = g.graph["direction"] in ("TB", "BT")
    ports: dict[str, set[str]] = {}
    for node in dot.nodes:
        attrs = node_attrs(
            node.name,
            node.attrs,
            html=dot.html,
            horizontal=horizontal,
            graph_name=reader.graph_name,
            unshown=reader.unshown,
        )
        if node.name in reader.member_of:
            attrs["group"] = reader.member_of[node.name][-1]
        if node.name in reader.ranks:
            attrs["rank"] = reader.ranks[node.name]
        ports[node.name] = field_ports(attrs.get("fields"))
        g.add_node(clean(node.name), **attrs)
    order = {name: i for i, name in enumerate(g.nodes)}
    for edge in dot.edges:
        attrs = edge_attrs(
            edge.tail,
            edge.head,
            edge.attrs,
            directed=dot.directed,
            ports=ports,
            html=dot.html,
            graph_name=reader.graph_name,
            unshown=reader.unshown,
        )
        tail, head = clean(edge.tail), clean(edge.head)
        if not dot.directed and order[tail] > order[head]:
            attrs = _turned(attrs)
        g.add_edge(tail, head, **attrs)
    groups = {k: v for k, v in reader.groups.items() if _used(k, reader)}
    if groups:
        g.graph["groups"] = groups
    return g, [*dot.messages, *reader.unshown.messages(source)]


def _used(name: str, reader: _Reader) -> bool:
    """Whether a cluster holds a node, itself or through a cluster inside it (Graphviz
    draws no empty cluster)."""
    return any(name in chain for chain in reader.member_of.values())
