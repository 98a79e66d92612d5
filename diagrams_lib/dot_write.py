"""The one DOT writer: graph, defaults, clusters (nested), nodes, rank constraints, edges.

Both the geometry DOT (:mod:`diagrams_lib.dot`) and ``to_dot``'s styled DOT
(:mod:`diagrams_lib.dot_styled`) are written by :func:`write_dot`, each attribute list
in the order given, so the text is stable.

>>> print(write_dot(name="G", directed=True, graph=[("rankdir", "LR")], node=[], edge=[],
...                 clusters=[], nodes=[("n0", [])], edges=[("n0", "n0", [("id", "e0")])]))
digraph G {
graph [rankdir=LR];
n0;
n0 -> n0 [id=e0];
}
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Attrs", "Cluster", "Ranks", "write_dot"]

Attrs = Sequence[tuple[str, str]]  # name and DOT-ready value, in the order written
Ranks = Sequence[tuple[str, Sequence[str]]]  # rank=same/min/max... and its node ids


@dataclass(frozen=True, slots=True, kw_only=True)
class Cluster:
    """A ``subgraph cluster_<id>``: its attributes and its node statements."""

    id: str
    attrs: Attrs
    nodes: Sequence[tuple[str, Attrs]]
    clusters: Sequence[Cluster] = ()
    ranks: Ranks = ()


def _list(attrs: Attrs) -> str:
    return ", ".join(f"{name}={value}" for name, value in attrs)


def _statement(head: str, attrs: Attrs) -> str:
    return f"{head} [{_list(attrs)}];" if attrs else f"{head};"


def write_dot(
    *,
    name: str,
    directed: bool,
    graph: Attrs,
    node: Attrs,
    edge: Attrs,
    clusters: Sequence[Cluster],
    nodes: Sequence[tuple[str, Attrs]],
    edges: Sequence[tuple[str, str, Attrs]],
    ranks: Ranks = (),
) -> str:
    """DOT text: graph, node and edge defaults, clusters with their nodes, the other
    nodes, rank constraints, then the edges, each attribute list in the order given."""
    lines = _lines(name, directed, graph, node, edge, clusters, nodes, edges, ranks)
    return "\n".join(lines) + "\n"


def _rank_lines(ranks: Ranks) -> Iterator[str]:
    """One subgraph per rank constraint, named after its first node (a node is in one)."""
    for rank, members in ranks:
        yield f"subgraph rank_{members[0]} {{rank={rank}; {' '.join(f'{m};' for m in members)}}}"


def _lines(name, directed, graph, node, edge, clusters, nodes, edges, ranks) -> Iterator[str]:
    yield f"{'digraph' if directed else 'graph'} {name} {{"
    for keyword, attrs in (("graph", graph), ("node", node), ("edge", edge)):
        if attrs:
            yield _statement(keyword, attrs)
    yield from _cluster_lines(clusters)
    yield from (_statement(node_id, attrs) for node_id, attrs in nodes)
    yield from _rank_lines(ranks)
    arrow = "->" if directed else "--"
    yield from (_statement(f"{u} {arrow} {v}", attrs) for u, v, attrs in edges)
    yield "}"


def _cluster_lines(clusters: Sequence[Cluster]) -> Iterator[str]:
    for cluster in clusters:
        yield f"subgraph cluster_{cluster.id} {{"
        if cluster.attrs:
            yield _statement("graph", cluster.attrs)
        yield from (_statement(node_id, attrs) for node_id, attrs in cluster.nodes)
        yield from _cluster_lines(cluster.clusters)
        yield from _rank_lines(cluster.ranks)
        yield "}"
