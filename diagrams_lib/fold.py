"""Folding a wide, flat layered drawing into a shape that can be read at its natural size.

Graphs where many nodes hang off a few hubs (imports, fan-outs) get ranks of hundreds
of nodes side by side: networkx's own 158-module import graph comes out 21,000 px wide
and 1,000 px high. Like Graphviz's ``unflatten``, which staggers leaves over several
ranks, :func:`stagger` spreads the nodes of each over-wide rank over ``k`` ranks in
turn (the first node stays, the next goes one rank down, ...): it raises the
``minlen`` of the edges into each node it moves (out of it, for a node with no edges
in), so that dot, or the layered engine, lays the graph out again ``k`` ranks deep
there. The width aimed at is that of a drawing twice as wide as high holding the
same boxes (:func:`target_width`). Staggering alone is not enough when a hub's edges
fill the ranks they pass (a 140-leaf fan-out went from 29,248 to 11,455 px wide), so
the folded graph also has dot merge edges that share an end (``concentrate``): the
same fan-out is then 4,115 x 2,254 px. Only in graphs without cycles: where dot turns
edges round to break a cycle, merged edges get arrowheads far from their nodes.

:func:`too_wide` says when ``render`` folds by default: when the nodes of one rank
take more than :data:`FOLD_WIDTH` px side by side and :data:`FOLD_ASPECT` times the
drawing's depth.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from .dot import NODESEP, RANKSEP
from .engine import Geometry
from .model import Diagram
from .positions import floats

__all__ = ["FOLD_ASPECT", "FOLD_WIDTH", "stagger", "target_width", "too_wide"]

# Past this width a drawing is wider than a large screen (2,560 px) with its margins,
# so it cannot be seen whole at its natural size; and past this ratio of width to
# depth, fitting it to a screen's or a page's width leaves most of that empty.
FOLD_WIDTH = 2400.0
FOLD_ASPECT = 4.0
_ASPECT = 2.0  # the shape a folded drawing aims at: twice as wide as deep
_GAP, _RANK_GAP = float(NODESEP) * 72, float(RANKSEP) * 72

Size = tuple[float, float]


def _axes(direction: str) -> tuple[int, int]:
    """The indices of the across-rank and along-rank coordinates."""
    return (0, 1) if direction in ("TB", "BT") else (1, 0)


def too_wide(geometry: Geometry, sizes: Mapping[str, Size], direction: str) -> bool:
    """Whether a drawing is flat enough to fold by default (see the module docstring):
    its widest rank needs more than :data:`FOLD_WIDTH` px for its nodes alone, and
    :data:`FOLD_ASPECT` times the drawing's depth. (Its nodes, not the drawing's width:
    a layout can spread ranks wide without any of them being crowded.)

    >>> nodes = {f"n{i}": f"{i * 150},20" for i in range(40)}
    >>> flat = Geometry(bb="0,0,6000,40", nodes=nodes, clusters={}, edges={}, labels={})
    >>> too_wide(flat, dict.fromkeys(nodes, (120.0, 38.0)), "TB")
    True
    """
    across, along = _axes(direction)
    bb = floats(geometry.bb)
    crowded = max(_need(rank, sizes, across) for rank in _ranks(geometry, direction))
    return crowded > FOLD_WIDTH and crowded > FOLD_ASPECT * max(bb[along + 2] - bb[along], 1.0)


def _need(rank: list[tuple[float, str]], sizes: Mapping[str, Size], across: int) -> float:
    """The width a rank's nodes take side by side, with dot's gap between them."""
    return sum(sizes[key][across] + _GAP for _, key in rank) - _GAP


def target_width(sizes: Mapping[str, Size], direction: str) -> float:
    """The width of a drawing twice as wide as deep with room for every box.

    >>> round(target_width({"a": (100.0, 40.0)}, "TB"))
    148
    """
    across, along = _axes(direction)
    area = sum((s[across] + _GAP) * (s[along] + _RANK_GAP) for s in sizes.values())
    return math.sqrt(_ASPECT * area)


def _ranks(geometry: Geometry, direction: str) -> list[list[tuple[float, str]]]:
    """The nodes of each rank, as (position across, node id), in order across."""
    across, along = _axes(direction)
    ranks: dict[float, list[tuple[float, str]]] = {}
    for key, pos in geometry.nodes.items():
        point = floats(pos)
        ranks.setdefault(round(point[along], 1), []).append((point[across], key))
    return [sorted(nodes) for _, nodes in sorted(ranks.items())]


def stagger(
    diagram: Diagram, sizes: Mapping[str, Size], geometry: Geometry, *, width: float
) -> Diagram | None:
    """``diagram`` with the nodes of each rank wider than ``width`` spread over as many
    ranks as it takes (see the module docstring), or None when no rank is that wide."""
    across, _ = _axes(diagram.direction)
    shift: dict[str, int] = {}
    for rank in _ranks(geometry, diagram.direction):
        ends = [(x - sizes[k][across] / 2, x + sizes[k][across] / 2) for x, k in rank]
        wide = max(e[1] for e in ends) - min(e[0] for e in ends)  # with the edges between
        depth = math.ceil(wide / width)
        for i, (_, key) in enumerate(rank if depth > 1 else ()):
            if i % depth:
                shift[key] = i % depth
    if not shift:
        return None
    into = {e.target for e in diagram.edges}
    edges = []
    for edge in diagram.edges:
        steps = shift.get(edge.target, 0) or (
            shift.get(edge.source, 0) if edge.source not in into else 0
        )
        if steps:
            kept = tuple((k, v) for k, v in edge.dot if k != "minlen")
            minlen = _minlen(dict(edge.dot).get("minlen", "1")) + steps
            edge = replace(edge, dot=(*kept, ("minlen", str(minlen))))
        edges.append(edge)
    graph = diagram.dot
    if "concentrate" not in dict(graph) and _acyclic(diagram):
        graph = (*graph, ("concentrate", "true"))
    return replace(diagram, edges=tuple(edges), dot=graph)


def _minlen(value: str) -> int:
    """An edge's ``minlen`` escape-hatch value as a whole number of ranks (1 if unreadable)."""
    try:
        return max(int(float(value)), 0)
    except ValueError:
        return 1


def _acyclic(diagram: Diagram) -> bool:
    """Whether the diagram's edges, taken as directed, form no cycle."""
    import networkx as nx  # here, so that importing diagrams_lib stays light

    graph = nx.DiGraph((e.source, e.target) for e in diagram.edges)
    return nx.is_directed_acyclic_graph(graph)
