"""Dependencies: what depends on what, with an optional critical path and binding constraint.

Arrows point from a prerequisite to the item that needs it, so with the default
``direction="LR"`` the work reads left to right in the order it can be done. Cycles (as
in the import graph of almost any real package) are drawn: the edges that close them
are marked ``"cycle"``, and ``collapse_cycles=True`` draws each set of items that
depend on each other (a strongly connected component) as one node.

>>> g = dependencies({"design": [], "build": ["design"], "ship": ["build"]},
...                  title="Release", critical=["design", "build", "ship"])
>>> list(g.edges), g.edges["design", "build"]["role"]
([('design', 'build'), ('build', 'ship')], 'critical')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import pairwise
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ._common import check_direction, check_title

__all__ = ["CAPTION", "MORE_EXAMPLES", "dependencies", "example"]
MORE_EXAMPLES = ("example_cycles",)

BINDING_NOTE = "binding constraint"
LISTED_MEMBERS = 4  # a collapsed cycle's note names this many of its items
COLUMN = 24  # a rank of more items than this is spread over several
# A big graph's nodes closer together: with its ranks spread, networkx's own import graph
# (158 modules) is 3,200 x 5,700 px, against 2,200 x 13,700 before. (concentrate=true
# would save another 1,200 px, but it merges the two edges of a 2-cycle into one.)
BIG_GRAPH_DOT = {"nodesep": "0.12"}

CAPTION = (
    "Dependencies of a database migration: arrows run from prerequisite to dependent, "
    "the critical path is drawn bold, and the binding constraint is boxed and labelled."
)


def _pairs(items: Any) -> list[tuple[Hashable, list]]:
    if isinstance(items, Mapping):
        pairs = list(items.items())
    elif isinstance(items, Iterable) and not isinstance(items, (str, bytes)):
        pairs = list(items)
    else:
        raise DiagramTypeError("items must be a dict {item: [dependencies]} or a list of pairs")
    if not pairs:
        raise ValidationError("dependencies needs at least one item")
    out, seen = [], set()
    for index, pair in enumerate(pairs):
        if not isinstance(pair, Sequence) or isinstance(pair, str) or len(pair) != 2:
            raise DiagramTypeError(f"item {index} must be an (item, dependencies) pair")
        item, needs = pair
        try:
            hash(item)
        except TypeError:
            raise DiagramTypeError(
                f"item {index} must be hashable, not {type(item).__name__}"
            ) from None
        if item is None:
            raise DiagramTypeError(f"item {index} must not be None")
        if item in seen:
            raise ValidationError(f"item {item!r} is given twice")
        seen.add(item)
        needs = () if needs is None else needs
        if isinstance(needs, (str, bytes, Mapping)) or not isinstance(needs, Iterable):
            raise DiagramTypeError(
                f"dependencies of {item!r} must be a list of items, not {type(needs).__name__}"
            )
        out.append((item, list(needs)))
    return out


def dependencies(
    items: Mapping[Hashable, Iterable[Hashable]] | Iterable[tuple],
    *,
    title: str,
    description: str = "",
    critical: Sequence[Hashable] | None = None,
    binding: Hashable | None = None,
    direction: str = "LR",
    collapse_cycles: bool = False,
) -> nx.DiGraph:
    """Build a dependency graph: an arrow from each prerequisite to the item needing it.

    Node keys are the items themselves, labelled with their text. Roles: items on the
    critical path are ``"highlight"`` and the edges between them ``"critical"``; the
    binding constraint is ``"constraint"`` with the note "binding constraint"; other
    items are ``"default"``.

    Cycles are drawn, not refused: each edge that closes one (a back edge of a
    depth-first walk in input order, so every cycle has at least one) gets the role
    ``"cycle"``, and the description counts them. With ``collapse_cycles=True`` the
    items of each strongly connected component become one node, keyed by its first
    item, labelled "first + N more" and noting the others (role ``"cycle"``).

    Args:
        items: ``{item: [items it depends on]}`` or a list of ``(item, dependencies)``
            pairs; every dependency must itself be an item (list it with ``[]``).
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; empty generates one naming the
            critical path and the binding constraint.
        critical: items forming the critical path, first to last; each must depend on
            the one before it.
        binding: the item that is the binding constraint.
        direction: ``"LR"`` (default), ``"TB"``, ``"RL"`` or ``"BT"``.
        collapse_cycles: draw each group of items that depend on each other as one node.

    Returns:
        A ``networkx.DiGraph`` with ``kind="dependencies"``.

    Raises:
        ValidationError: an unknown dependency, item, critical or binding item; a
            critical path link that is not a dependency; an item that depends on itself;
            a critical path together with ``collapse_cycles``.

    Example:
        >>> g = dependencies([("api", ["db"]), ("db", [])], title="Stack", binding="db")
        >>> g.nodes["db"]["role"], g.nodes["db"]["note"]
        ('constraint', 'binding constraint')
    """
    g = nx.DiGraph(
        title=check_title(title), kind="dependencies", direction=check_direction(direction)
    )
    pairs = _pairs(items)
    for item, _ in pairs:
        g.add_node(item, label=check_text(item, where=f"item {item!r}"), role="default")
    for item, needs in pairs:
        for need in needs:
            if not _known(g, need):
                raise ValidationError(
                    f"item {item!r} depends on {need!r}, which is not an item; add it to "
                    f"items (with [] if it depends on nothing)"
                )
            if g.has_edge(need, item):
                raise ValidationError(f"item {item!r} lists dependency {need!r} twice")
            if need == item:
                raise ValidationError(f"item {item!r} depends on itself")
            g.add_edge(need, item)
    collapsed = 0
    if not isinstance(collapse_cycles, bool):
        raise DiagramTypeError("collapse_cycles must be True or False")
    if collapse_cycles:
        if critical is not None:
            raise ValidationError(
                "critical cannot be combined with collapse_cycles: a path through a "
                "collapsed cycle has no order"
            )
        g, binding, collapsed = _collapse(g, binding)
    cycles = _mark_cycles(g)
    if _stagger(g):
        g.graph["dot"] = dict(BIG_GRAPH_DOT)
    path = _mark_critical(g, critical)
    if binding is not None:
        if not _known(g, binding):
            raise ValidationError(f"binding constraint {binding!r} is not an item")
        note = g.nodes[binding].get("note")
        g.nodes[binding].update(
            role="constraint", note=BINDING_NOTE + (f"; {note}" if note else "")
        )
    g.graph["description"] = (
        check_text(description, where="description")
        if description
        else _summary(g, path, binding, cycles=cycles, collapsed=collapsed)
    )
    return g


def _known(g: nx.DiGraph, key: Any) -> bool:
    try:
        return key in g
    except TypeError:
        return False


def _mark_cycles(g: nx.DiGraph) -> int:
    """Give every edge that closes a cycle (a back edge of a depth-first walk in input
    order: it leads to an item still being walked) the role ``"cycle"``; return how many."""
    walking, back = set(), []
    for u, v, kind in nx.dfs_labeled_edges(g):
        if kind == "forward":
            walking.add(v)
        elif kind == "reverse":
            walking.discard(v)
        elif kind == "nontree" and v in walking:
            back.append((u, v))
    for u, v in back:
        g.edges[u, v]["role"] = "cycle"
    return len(back)


def _stagger(g: nx.DiGraph) -> bool:
    """Spread a rank of more than :data:`COLUMN` items over up to four ranks, as
    Graphviz's ``unflatten`` does: a real import graph otherwise puts a hundred modules
    in one column, a drawing six times taller than wide. Ranks are counted as Graphviz
    counts them, along the longest path, with the edges that close cycles turned away.
    Return whether any rank was spread."""
    spread_any = False
    acyclic = nx.DiGraph(g)
    acyclic.remove_edges_from([(u, v) for u, v, role in g.edges(data="role") if role == "cycle"])
    for rank in nx.topological_generations(acyclic):
        if len(rank) <= COLUMN:
            continue
        spread_any = True
        spread = min(4, -(-len(rank) // COLUMN))
        for i, key in enumerate(rank):  # pushed i % spread ranks on, both sides held
            for u, v in acyclic.in_edges(key):
                g.edges[u, v]["minlen"] = 1 + i % spread
            for u, v in acyclic.out_edges(key):
                g.edges[u, v]["minlen"] = spread - i % spread
    return spread_any


def _collapse(g: nx.DiGraph, binding: Hashable | None) -> tuple[nx.DiGraph, Hashable, int]:
    """``g`` with each strongly connected component as one node, keyed by its first item;
    the binding constraint's new key; how many components were collapsed."""
    order = {key: i for i, key in enumerate(g)}
    first, collapsed = {}, 0
    for component in nx.strongly_connected_components(g):
        members = sorted(component, key=order.__getitem__)
        for key in members:
            first[key] = members[0]
        if len(members) > 1:
            g.nodes[members[0]].update(_collapsed(g, members))
            collapsed += 1
    out = nx.DiGraph(**g.graph)
    out.add_nodes_from((key, data) for key, data in g.nodes(data=True) if first[key] == key)
    out.add_edges_from((first[u], first[v]) for u, v in g.edges if first[u] != first[v])
    if binding is not None and _known(g, binding):
        binding = first[binding]
    return out, binding, collapsed


def _collapsed(g: nx.DiGraph, members: list) -> dict[str, str]:
    """The attributes of the node that stands for ``members``, which depend on each other."""
    others = [str(g.nodes[key]["label"]) for key in members[1:]]
    listed = ", ".join(others[:LISTED_MEMBERS])
    if len(others) > LISTED_MEMBERS:
        listed += f" and {len(others) - LISTED_MEMBERS} more"
    return {
        "label": f"{g.nodes[members[0]]['label']} + {len(others)} more",
        "note": f"a cycle with {listed}",
        "role": "cycle",
    }


def _mark_critical(g: nx.DiGraph, critical: Any) -> list:
    if critical is None:
        return []
    if isinstance(critical, (str, bytes)) or not isinstance(critical, Iterable):
        raise DiagramTypeError("critical must be a list of items, first to last")
    path = list(critical)
    for item in path:
        if not _known(g, item):
            raise ValidationError(f"critical path item {item!r} is not an item")
    for before, after in pairwise(path):
        if not g.has_edge(before, after):
            raise ValidationError(
                f"critical path is broken between {before!r} and {after!r}: {after!r} does "
                f"not depend on {before!r}"
            )
        g.edges[before, after]["role"] = "critical"
    for item in path:
        g.nodes[item]["role"] = "highlight"
    return path


def _summary(
    g: nx.DiGraph, path: list, binding: Hashable | None, *, cycles: int, collapsed: int
) -> str:
    parts = [f"{g.number_of_nodes()} items and {g.number_of_edges()} dependencies"]
    if cycles:
        parts.append(
            f"{cycles} {'dependency closes' if cycles == 1 else 'dependencies close'} a cycle"
        )
    if collapsed:
        parts.append(
            f"{collapsed} {'cycle' if collapsed == 1 else 'cycles'} drawn as one item each"
        )
    if path:
        parts.append("critical path: " + " → ".join(str(k) for k in path))
    if binding is not None:
        parts.append(f"binding constraint: {binding}")
    return "; ".join(parts) + "."


def example() -> nx.DiGraph:
    """Moving a service to a new database: what must happen before what."""
    items = {
        "Schema design": [],
        "Provision DB": [],
        "Migration scripts": ["Schema design"],
        "Backfill": ["Migration scripts", "Provision DB"],
        "Load test": ["Provision DB"],
        "Switch reads": ["Backfill", "Load test"],
        "Retire old DB": ["Switch reads"],
    }
    critical = ["Schema design", "Migration scripts", "Backfill", "Switch reads", "Retire old DB"]
    return dependencies(items, title="Database migration", critical=critical, binding="Backfill")


def example_cycles() -> nx.DiGraph:
    """A small package's imports, cycles and all: each import that closes a cycle is red
    and dashed."""
    imports = {
        "pkg": ["pkg.graph", "pkg.algorithms", "pkg.io"],
        "pkg.utils": [],
        "pkg.graph": ["pkg.utils"],
        "pkg.algorithms": ["pkg", "pkg.graph", "pkg.utils"],
        "pkg.io": ["pkg", "pkg.graph"],
        "pkg.drawing": ["pkg.io", "pkg.algorithms"],
        "app": ["pkg", "pkg.drawing"],
    }
    return dependencies(imports, title="Imports of a small package")
