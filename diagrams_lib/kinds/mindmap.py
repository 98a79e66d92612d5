"""Mind map: a central idea, its branches and their leaves.

The graph is undirected: lines, no arrows. ``layout="balanced"`` (the default) lays
the branches out left and right of the centre with Graphviz ``dot``; ``"radial"``
puts them on rings around it with ``twopi``.

>>> g = mindmap("Testing", {"Unit": ["fast", "isolated"], "End to end": ["slow"]},
...             title="Kinds of tests")
>>> g.nodes["centre"]["role"], g.nodes["b0"]["label"], g.nodes["b0.1"]["label"]
('centre', 'Unit', 'isolated')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ._common import check_title

__all__ = ["CAPTION", "LAYOUTS", "example", "mindmap"]

LAYOUTS = ("balanced", "radial")
# Graphviz attributes that make any program lay a radial map out with twopi around
# the centre (the centre is always the first node, so its DOT id is "n0").
RADIAL_DOT = {
    "layout": "twopi",
    "root": "n0",
    "ranksep": "1.1",
    "overlap": "false",
    "splines": "true",
}

CAPTION = (
    "A mind map of a service's observability: the centre idea in an ellipse, four "
    "branches balanced left and right, and short leaves, one with a note."
)

Leaf = str | tuple[str, str]


def _leaf(value: Any, *, branch: str, index: int) -> tuple[str, str | None]:
    where = f"branch {branch!r} leaf {index}"
    if isinstance(value, tuple):
        if len(value) != 2:
            raise DiagramTypeError(f"{where} must be a label or a (label, note) pair")
        label, note = value
        return (
            check_text(label, where=f"{where} label"),
            None if note is None else check_text(note, where=f"{where} note"),
        )
    return check_text(value, where=where), None


def _branches(branches: Any) -> list[tuple[str, list[tuple[str, str | None]]]]:
    if isinstance(branches, Mapping):
        pairs = list(branches.items())
    elif isinstance(branches, Iterable) and not isinstance(branches, (str, bytes)):
        pairs = list(branches)
    else:
        raise DiagramTypeError("branches must be a dict {branch: leaves} or a list of pairs")
    if not pairs:
        raise ValidationError("a mind map needs at least one branch")
    out, seen = [], set()
    for index, pair in enumerate(pairs):
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise DiagramTypeError(f"branch {index} must be a (label, leaves) pair")
        label = check_text(pair[0], where=f"branch {index} label")
        if not label.strip():
            raise ValidationError(f"branch {index} has an empty label")
        if label in seen:
            raise ValidationError(f"branch {label!r} is given twice")
        seen.add(label)
        leaves = pair[1] if pair[1] is not None else ()
        if isinstance(leaves, (str, bytes, Mapping)) or not isinstance(leaves, Iterable):
            raise DiagramTypeError(
                f"branch {label!r} leaves must be a list of labels or (label, note) pairs"
            )
        out.append((label, [_leaf(v, branch=label, index=i) for i, v in enumerate(leaves)]))
    return out


def _split(weights: list[int]) -> int:
    """How many branches go right: the fewest whose leaves reach half the total."""
    total, running = sum(weights), 0
    for count, weight in enumerate(weights, start=1):
        running += weight
        if 2 * running >= total:
            return count
    return len(weights)  # pragma: no cover - the loop always returns


def mindmap(
    centre: str,
    branches: Mapping[str, Iterable[Leaf]] | Iterable[tuple],
    *,
    title: str,
    description: str = "",
    layout: str = "balanced",
) -> nx.Graph:
    """Build a mind map: a centre, branches around it, leaves on each branch.

    Node keys: ``"centre"``, branches ``"b0"``, ``"b1"``..., leaves ``"b0.0"``,
    ``"b0.1"``... in the order given. Roles: the centre is ``"centre"``, branches
    ``"process"``, leaves ``"default"``. Long text wraps at the renderer's
    ``max_label_width``.

    Args:
        centre: the central idea.
        branches: ``{branch label: [leaf, ...]}`` or a list of ``(branch label, leaves)``;
            a leaf is a label or a ``(label, note)`` pair.
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; empty generates one listing the
            branches and leaves.
        layout: ``"balanced"`` (default): branches to the right of the centre, then to
            its left, read clockwise, so both sides hold about as many leaves;
            ``"radial"``: branches on a ring around the centre (Graphviz ``twopi``,
            chosen through the graph's ``dot`` attributes, so plain ``render`` works).

    Returns:
        An undirected ``networkx.Graph`` with ``kind="mindmap"``.

    Raises:
        ValidationError: no branches, a branch given twice, an empty centre or label.
        UnknownOptionError: an unknown layout.

    Example:
        >>> g = mindmap("Release", [("Docs", ["changelog"]), ("Code", [])],
        ...             title="Release", layout="radial")
        >>> g.graph["dot"]["layout"], list(g.neighbors("centre"))
        ('twopi', ['b0', 'b1'])
    """
    if layout not in LAYOUTS:
        raise UnknownOptionError(
            f"layout {layout!r} is not known; choose one of: {', '.join(LAYOUTS)}"
        )
    title = check_title(title)
    centre = check_text(centre, where="centre")
    if not centre.strip():
        raise ValidationError("the centre of a mind map needs a label")
    parts = _branches(branches)
    g = nx.Graph(title=title, kind="mindmap", direction="LR")
    g.graph["description"] = (
        check_text(description, where="description") if description else _summary(centre, parts)
    )
    indexed = list(enumerate(parts))
    if layout == "radial":
        g.graph["dot"] = dict(RADIAL_DOT)
        g.add_node("centre", label=centre, role="centre")
        for i, (label, leaves) in indexed:
            _add_branch(g, i, label, leaves, outward=True)
    else:
        _add_balanced(g, centre, indexed)
    for i in range(len(parts)):
        g.add_edge("centre", f"b{i}")
    return g


def _add_balanced(g: nx.Graph, centre: str, indexed: list) -> None:
    # dot ranks each edge from its first node to its second, and an undirected
    # networkx graph gives every edge from the endpoint added first; so the left side
    # is added leaves first, before the centre, and the right side after it.
    right = _split([max(1, len(leaves)) for _, (_, leaves) in indexed])
    for i, (label, leaves) in reversed(indexed[right:]):
        _add_branch(g, i, label, leaves, outward=False)
    g.add_node("centre", label=centre, role="centre")
    for i, (label, leaves) in indexed[:right]:
        _add_branch(g, i, label, leaves, outward=True)


def _add_branch(g: nx.Graph, index: int, label: str, leaves: list, *, outward: bool) -> None:
    key = f"b{index}"
    leaf_keys = [f"{key}.{j}" for j in range(len(leaves))]
    if outward:
        g.add_node(key, label=label, role="process")
    for leaf_key, (text, note) in zip(leaf_keys, leaves, strict=True):
        g.add_node(leaf_key, label=text, role="default", **({"note": note} if note else {}))
    if not outward:
        g.add_node(key, label=label, role="process")
    for leaf_key in leaf_keys:
        g.add_edge(key, leaf_key)


def _summary(centre: str, parts: list) -> str:
    shown = []
    for label, leaves in parts:
        names = ", ".join(text for text, _ in leaves)
        shown.append(f"{label} ({names})" if names else label)
    return f"A mind map of {centre!r} with {len(parts)} branches: {'; '.join(shown)}."


def example() -> nx.Graph:
    """What to watch in a web service, as a mind map."""
    return mindmap(
        "Observability",
        {
            "Metrics": ["Request rate", "Error ratio", "Latency percentiles"],
            "Logs": ["Structured JSON", ("Retention", "30 days hot, 1 year cold")],
            "Traces": ["Sampling at the edge", "Spans across queues"],
            "Alerts": ["Page on symptoms, not causes", "Runbook link in every alert"],
        },
        title="Observability for a web service",
    )
