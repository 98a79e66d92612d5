"""Tree: a hypothesis or decision tree, each item marked confirmed, ruled out or open.

An outcome is never shown by colour alone: the theme gives each outcome role its own
line style and a marker (✓ confirmed, ✗ ruled out, ? open).

>>> g = tree({"label": "Build is slow", "children": [
...     {"label": "Cache misses", "outcome": "confirmed"},
...     {"label": "Slow disk", "outcome": "ruled_out"}]}, title="Why is the build slow?")
>>> [g.nodes[k]["role"] for k in g]
['symptom', 'confirmed', 'ruled_out']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ._common import check_direction, check_title

__all__ = ["CAPTION", "ITEM_KEYS", "OUTCOMES", "example", "tree"]

OUTCOMES = ("confirmed", "ruled_out", "open")
ITEM_KEYS = ("label", "outcome", "note", "children", "edge", "role")
ROOT_ROLE = "symptom"
# Deeper trees are refused as they are read: no picture of one is readable, and the
# layout of a chain thousands deep takes minutes and gigabytes.
MAX_DEPTH = 200

CAPTION = (
    "A hypothesis tree for a slow API: each cause carries a marker and line style for "
    "confirmed (✓), ruled out (✗) or still open (?), and a bold path leads to what was found."
)


def _describe(item: Mapping, path: str) -> str:
    label = item.get("label")
    return f"item {label!r} ({path})" if isinstance(label, str) else f"item {path}"


def _check_item(item: Any, path: str) -> Mapping:
    if not isinstance(item, Mapping):
        raise DiagramTypeError(f"tree item {path} must be a dict, not {type(item).__name__}")
    where = _describe(item, path)
    for name in item:
        if name not in ITEM_KEYS:
            raise UnknownOptionError(
                f"{where} has unknown key {name!r}; choose from: {', '.join(ITEM_KEYS)}"
            )
    if item.get("label") is None:
        raise ValidationError(f"tree item {path} has no label")
    outcome = item.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise UnknownOptionError(
            f"{where} has outcome {outcome!r}; choose one of: {', '.join(OUTCOMES)} or None"
        )
    children = item.get("children") or ()
    if isinstance(children, (str, bytes, Mapping)) or not hasattr(children, "__iter__"):
        raise DiagramTypeError(f"{where}: 'children' must be a list of items")
    return item


def _walk(root: Any):
    """Yield (key, parent key, path, item) in reading order, refusing cycles, shared items
    and trees deeper than :data:`MAX_DEPTH`. Keys count the items (``t0``, ``t1``...),
    so they stay short however deep the tree; the path (``t0.1.0``) names an item in
    messages."""
    seen: dict[int, str] = {}
    stack: list[tuple[str, str | None, Any, tuple[int, ...]]] = [("t0", None, root, ())]
    keys: dict[str | None, str | None] = {None: None}
    count = 0
    while stack:
        path, parent, item, ancestors = stack.pop()
        item = _check_item(item, path)
        if len(ancestors) > MAX_DEPTH:
            raise ValidationError(
                f"tree is deeper than {MAX_DEPTH} levels: item {item.get('label')!r} is "
                f"{len(ancestors)} levels below the root; split it into several trees"
            )
        first = seen.get(id(item))
        if first is not None:
            what = "a cycle" if id(item) in ancestors else "an item with two parents"
            raise ValidationError(
                f"tree has {what} at {_describe(item, path)}: the same item is already "
                f"at {first}; a tree item has exactly one parent"
            )
        seen[id(item)] = path
        keys[path] = key = f"t{count}"
        count += 1
        yield key, keys[parent], path, item
        children = list(item.get("children") or ())
        for index in range(len(children) - 1, -1, -1):
            stack.append((f"{path}.{index}", path, children[index], (*ancestors, id(item))))


def tree(
    root: Mapping[str, Any], *, title: str, description: str = "", direction: str = "TB"
) -> nx.DiGraph:
    """Build a hypothesis or decision tree from nested dicts.

    Each item is a dict with ``label`` (required), ``outcome`` (``"confirmed"``,
    ``"ruled_out"``, ``"open"`` or None), ``note`` (a smaller second line), ``children``
    (a list of items), ``edge`` (a label on the edge from its parent) and ``role`` (a
    theme role that overrides the one the outcome gives; the outcome marker comes from
    the role, so overriding it drops the marker). Node keys count the items in reading
    order (the root ``"t0"``, then ``"t1"``... depth first), so they stay short however
    deep the tree; messages name an item by its path (``t0.1.0``: the root's second
    child's first child). A tree deeper than 200 levels is refused.

    Roles: an outcome becomes the role of the same name; the root without an outcome is
    a ``"symptom"`` (what is being explained); other items without one are
    ``"default"``. Edges into a ruled-out item are ``"weak"`` (dashed); every edge on
    the way from the root to a confirmed item is ``"highlight"``.

    Args:
        root: the root item.
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; empty generates one that lists
            the outcomes.
        direction: ``"TB"`` (default, root on top), ``"LR"``, ``"BT"`` or ``"RL"``.

    Returns:
        A ``networkx.DiGraph`` with ``kind="tree"``.

    Raises:
        ValidationError: an item without a label, an unknown outcome or key, an item
            reached twice (a cycle or a shared subtree), a tree deeper than 200 levels;
            the message names the item.

    Example:
        >>> g = tree({"label": "Deploy?", "role": "decision", "children": [
        ...     {"label": "Ship", "edge": "tests pass"}]}, title="Deploy")
        >>> sorted(g.nodes), g.edges["t0", "t1"]["label"]
        (['t0', 't1'], 'tests pass')
    """
    g = nx.DiGraph(title=check_title(title), kind="tree", direction=check_direction(direction))
    for key, parent, path, item in _walk(root):
        where = _describe(item, path)
        outcome = item.get("outcome")
        role = item.get("role") or outcome or (ROOT_ROLE if parent is None else "default")
        attrs = {"label": check_text(item["label"], where=f"tree {where} label"), "role": role}
        if item.get("note") is not None:
            attrs["note"] = check_text(item["note"], where=f"tree {where} note")
        g.add_node(key, **attrs)
        if parent is None and item.get("edge") is not None:
            raise ValidationError(f"tree root {where} has an 'edge' label but no parent edge")
        if parent is not None:
            edge = {"role": "weak"} if outcome == "ruled_out" else {}
            if item.get("edge") is not None:
                edge["label"] = check_text(item["edge"], where=f"tree {where} edge label")
            g.add_edge(parent, key, **edge)
    for path, data in g.nodes(data=True):
        if data["role"] == "confirmed":
            for parent, child in _path_to(g, path):
                g.edges[parent, child]["role"] = "highlight"
    g.graph["description"] = (
        check_text(description, where="description") if description else _summary(g)
    )
    return g


def _path_to(g: nx.DiGraph, key: str) -> list[tuple[str, str]]:
    out = []
    while True:
        parents = list(g.predecessors(key))
        if not parents:
            return out
        out.append((parents[0], key))
        key = parents[0]


def _summary(g: nx.DiGraph) -> str:
    root = g.nodes["t0"]["label"]
    parts = [f"A tree of {g.number_of_nodes()} items under {root!r}"]
    names = {"confirmed": "confirmed", "ruled_out": "ruled out", "open": "open"}
    for role, name in names.items():
        labels = [repr(d["label"]) for _, d in g.nodes(data=True) if d["role"] == role]
        if labels:
            parts.append(f"{name}: {', '.join(labels)}")
    return "; ".join(parts) + "."


def example() -> nx.DiGraph:
    """Why an API got slow: causes checked one by one, one confirmed."""
    root = {
        "label": "p99 latency doubled",
        "note": "after Tuesday's release",
        "children": [
            {
                "label": "Database",
                "edge": "slow query log",
                "children": [
                    {
                        "label": "Missing index",
                        "outcome": "confirmed",
                        "note": "orders.customer_id",
                    },
                    {"label": "Lock contention", "outcome": "ruled_out"},
                ],
            },
            {"label": "Network", "outcome": "ruled_out", "note": "same in one zone"},
            {
                "label": "Garbage collection",
                "edge": "CPU spikes",
                "outcome": "open",
                "note": "pauses not yet measured",
            },
        ],
    }
    return tree(root, title="Why did the API get slower?")
