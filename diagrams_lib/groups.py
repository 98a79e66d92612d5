"""Groups of nodes, drawn as boxes around them (Graphviz clusters), nested to any depth.

A node names its group with its ``group`` attribute. The graph's ``groups`` attribute
gives each group a title, ``{name: "Title"}``, or a title and the group it sits in,
``{name: {"label": "Title", "parent": other}}``; a group with no entry is titled with
its name, and ``""`` draws no title.

>>> import networkx as nx
>>> from diagrams_lib.model import read_diagram
>>> g = nx.DiGraph(title="T", groups={"db": {"label": "Database", "parent": "be"},
...                                   "be": "Backend"})
>>> g.add_node("api", group="be"); g.add_node("pg", group="db")
>>> [(x.id, x.label, x.parent) for x in read_diagram(g).groups]
[('g0', 'Backend', None), ('g1', 'Database', 'g0')]
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .errors import DiagramTypeError, DiagramWarning, ValidationError
from .model import Diagram, Group, Node
from .quoting import check_text

__all__ = ["ancestors", "for_engine", "read_groups"]

MAX_DEPTH = 32  # nesting deeper than this is refused, never recursed into


def _entry(name: Any, value: Any) -> tuple[str | None, str | None]:
    """A ``groups`` entry as (label, parent name); None label means "the name"."""
    if isinstance(value, Mapping):
        unknown = set(value) - {"label", "parent"}
        if unknown:
            raise ValidationError(
                f"group {name!r} has unknown key {sorted(map(str, unknown))[0]!r}; "
                "a group entry takes 'label' and 'parent'"
            )
        label, parent = value.get("label"), value.get("parent")
    else:
        label, parent = value, None
    label = None if label is None else check_text(label, where=f"group {name!r} label")
    if parent is not None:
        parent = check_text(parent, where=f"group {name!r} parent")
    return label, parent


def read_groups(entries: Any, nodes: tuple[Node, ...]) -> tuple[Group, ...]:
    """The groups the nodes name, with their ancestors, parents before children."""
    entries = entries or {}
    if not isinstance(entries, Mapping):
        raise DiagramTypeError("graph attribute 'groups' must map group names to titles")
    info = {str(name): _entry(name, value) for name, value in entries.items()}
    members: dict[str, list[str]] = {}
    for node in nodes:
        if node.group is not None:
            members.setdefault(node.group, []).append(node.id)
    order: list[str] = []  # every group in use, each after its parent

    def add(name: str, chain: tuple[str, ...]) -> None:
        if name in order:
            return
        if name in chain:
            raise ValidationError(f"groups {' -> '.join((*chain, name))} form a cycle")
        if len(chain) >= MAX_DEPTH:
            raise ValidationError(f"group {name!r} is nested more than {MAX_DEPTH} deep")
        parent = info.get(name, (None, None))[1]
        if parent is not None:
            if parent not in info and parent not in members:
                raise ValidationError(
                    f"group {name!r} has parent {parent!r}, which no node or group entry names"
                )
            add(parent, (*chain, name))
        order.append(name)

    for name in members:
        add(name, ())
    ids = {name: f"g{i}" for i, name in enumerate(order)}
    out = []
    for name in order:
        label, parent = info.get(name, (None, None))
        out.append(
            Group(
                id=ids[name],
                name=name,
                label=name if label is None else label,
                members=tuple(members.get(name, ())),
                parent=None if parent is None else ids[parent],
            )
        )
    return tuple(out)


def ancestors(group: Group, groups: tuple[Group, ...]) -> list[Group]:
    """The groups ``group`` sits in, innermost first."""
    by_id = {g.id: g for g in groups}
    out = []
    while group.parent is not None:
        group = by_id[group.parent]
        out.append(group)
    return out


def for_engine(diagram: Diagram, prog: str) -> Diagram:
    """``diagram`` as ``prog`` can draw it: without its groups, and a
    :class:`DiagramWarning`, when ``prog`` does not keep groups together (neato, twopi,
    circo and sfdp would give each group a box spanning half the drawing).

    >>> import networkx as nx, warnings
    >>> from diagrams_lib.model import read_diagram
    >>> g = nx.Graph(title="T"); g.add_node("a", group="x")
    >>> with warnings.catch_warnings(record=True) as seen:
    ...     warnings.simplefilter("always")
    ...     for_engine(read_diagram(g), "circo").groups, str(seen[0].message)[:40]
    ((), "engine 'circo' cannot keep groups togeth")
    """
    from .engine import CLUSTER_ENGINES

    # Pinned diagrams ("nop2") keep their groups: the renderer boxes the pinned members.
    if not diagram.groups or prog in (*CLUSTER_ENGINES, "nop2"):
        return diagram
    warnings.warn(
        f"engine {prog!r} cannot keep groups together, so group "
        f"{diagram.groups[0].name!r} and the others are not drawn; use engine 'dot', "
        "'fdp' or 'osage' to draw groups",
        DiagramWarning,
        stacklevel=3,
    )
    return replace(diagram, groups=())
