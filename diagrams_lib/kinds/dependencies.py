"""Dependencies: what depends on what, with an optional critical path and binding constraint.

Arrows point from a prerequisite to the item that needs it, so with the default
``direction="LR"`` the work reads left to right in the order it can be done.

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

__all__ = ["CAPTION", "dependencies", "example"]

BINDING_NOTE = "binding constraint"

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
) -> nx.DiGraph:
    """Build a dependency graph: an arrow from each prerequisite to the item needing it.

    Node keys are the items themselves, labelled with their text. Roles: items on the
    critical path are ``"highlight"`` and the edges between them ``"critical"``; the
    binding constraint is ``"constraint"`` with the note "binding constraint"; other
    items are ``"default"``.

    A dependency cycle cannot be scheduled, so it is an error that names the cycle.

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

    Returns:
        A ``networkx.DiGraph`` with ``kind="dependencies"``.

    Raises:
        ValidationError: an unknown dependency, item, critical or binding item; a
            critical path link that is not a dependency; a dependency cycle.

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
            g.add_edge(need, item)
    _refuse_cycles(g)
    path = _mark_critical(g, critical)
    if binding is not None:
        if not _known(g, binding):
            raise ValidationError(f"binding constraint {binding!r} is not an item")
        g.nodes[binding].update(role="constraint", note=BINDING_NOTE)
    g.graph["description"] = (
        check_text(description, where="description") if description else _summary(g, path, binding)
    )
    return g


def _known(g: nx.DiGraph, key: Any) -> bool:
    try:
        return key in g
    except TypeError:
        return False


def _refuse_cycles(g: nx.DiGraph) -> None:
    try:
        cycle = nx.find_cycle(g)
    except nx.NetworkXNoCycle:
        return
    loop = [u for u, _ in cycle] + [cycle[0][0]]
    # Edges run prerequisite -> dependent; say it as "a depends on b depends on ...".
    chain = " -> ".join(repr(k) for k in reversed(loop))
    raise ValidationError(
        f"dependency cycle: {chain} (each depends on the next); a cycle cannot be scheduled"
    )


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


def _summary(g: nx.DiGraph, path: list, binding: Hashable | None) -> str:
    parts = [f"{g.number_of_nodes()} items and {g.number_of_edges()} dependencies"]
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
