"""Flow: a process, or any directed graph, from a list of steps and the edges between them.

>>> g = flow(["plan", "build", "ship"], [("plan", "build"), ("build", "ship")], title="Release")
>>> list(g.edges), g.graph["kind"]
([('plan', 'build'), ('build', 'ship')], 'flow')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ._common import check_direction, check_title

__all__ = [
    "CAPTION",
    "LINK_ATTRIBUTES",
    "MORE_EXAMPLES",
    "STEP_ATTRIBUTES",
    "example",
    "example_architecture",
    "flow",
]

_LOOK = ("color", "text_color", "line", "line_width")  # one element's own look
STEP_ATTRIBUTES = ("label", "role", "group", "note", "shape", "link", "fill", *_LOOK)
LINK_ATTRIBUTES = (
    "label",
    "role",
    *_LOOK,
    "arrowhead",
    "arrowtail",
    "dir",
    "head_label",
    "tail_label",
)
MORE_EXAMPLES = ("example_architecture",)

CAPTION = (
    "A release pipeline read left to right: checks and deployment sit in their own groups, "
    "a decision diamond branches on labelled edges, and the failure path loops back."
)


def _attrs(value: Any, *, allowed: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise DiagramTypeError(f"{where} attributes must be a dict, not {type(value).__name__}")
    for name in value:
        if name not in allowed:
            raise UnknownOptionError(
                f"{where} has unknown attribute {name!r}; choose from: {', '.join(allowed)}"
            )
    return {name: value[name] for name in allowed if value.get(name) is not None}


def _key(value: Any, *, where: str) -> Hashable:
    try:
        hash(value)
    except TypeError:
        raise DiagramTypeError(f"{where} must be hashable, not {type(value).__name__}") from None
    if value is None:
        raise DiagramTypeError(f"{where} must not be None")
    return value


def _step(item: Any, index: int) -> tuple[Hashable, dict[str, Any]]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        key = _key(item[0], where=f"step {index} key")
        return key, _attrs(item[1], allowed=STEP_ATTRIBUTES, where=f"step {key!r}")
    return _key(item, where=f"step {index}"), {}


def _link(item: Any, index: int, known: Mapping) -> tuple[Hashable, Hashable, dict[str, Any]]:
    if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
        raise DiagramTypeError(
            f"edge {index} must be (source, target) or (source, target, attrs), not {item!r}"
        )
    u, v = item[0], item[1]
    where = f"edge {u!r} -> {v!r}"
    for end in (u, v):
        try:
            ok = end in known
        except TypeError:
            ok = False
        if not ok:
            shown = ", ".join(repr(k) for k in list(known)[:12])
            more = ", ..." if len(known) > 12 else ""
            raise ValidationError(
                f"{where} names unknown step {end!r}; add it to the steps (steps: {shown}{more})"
            )
    attrs = _attrs(item[2], allowed=LINK_ATTRIBUTES, where=where) if len(item) == 3 else {}
    return u, v, attrs


def flow(
    steps: Iterable[Hashable | tuple[Hashable, Mapping[str, Any]]],
    edges: Iterable[tuple] = (),
    *,
    title: str,
    description: str = "",
    direction: str = "LR",
    groups: Mapping[str, str] | None = None,
) -> nx.DiGraph:
    """Build a flow diagram: steps joined by arrows, optionally in labelled groups.

    Args:
        steps: step keys in reading order, each a key or a ``(key, attrs)`` pair whose
            attrs may hold ``label``, ``role``, ``group``, ``note``, ``shape`` and ``link``.
            A step without a label shows its key.
        edges: ``(source, target)`` or ``(source, target, attrs)`` with ``label``/``role``.
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; empty lets the renderer summarise.
        direction: ``"LR"`` (default), ``"TB"``, ``"RL"``, ``"BT"`` or
            ``"right"``/``"down"``/``"left"``/``"up"``.
        groups: optional labels of the step groups, ``{group name: label}``; each group
            becomes a labelled box around its steps.

    Returns:
        A ``networkx.DiGraph`` with ``kind="flow"``.

    Raises:
        ValidationError: a duplicate step or edge, an edge naming an unknown step, a
            group with no label or no steps, an empty title.
        DiagramTypeError: a step key that is not hashable, a malformed edge.

    Example:
        >>> g = flow([("a", {"label": "Ask", "role": "start"}), "b"],
        ...          [("a", "b", {"label": "then"})], title="Two steps", direction="TB")
        >>> g.nodes["a"]["role"], g.edges["a", "b"]["label"]
        ('start', 'then')
    """
    g = nx.DiGraph(title=check_title(title), kind="flow", direction=check_direction(direction))
    if description:
        g.graph["description"] = check_text(description, where="description")
    if isinstance(steps, (str, bytes, Mapping)):
        raise DiagramTypeError("steps must be a list of keys or (key, attrs) pairs")
    for index, item in enumerate(steps):
        key, attrs = _step(item, index)
        if key in g:
            raise ValidationError(f"step {key!r} is given twice; step keys must be unique")
        g.add_node(key, **attrs)
    for index, item in enumerate(edges):
        u, v, attrs = _link(item, index, g.nodes)
        if g.has_edge(u, v):
            raise ValidationError(f"edge {u!r} -> {v!r} is given twice")
        g.add_edge(u, v, **attrs)
    if groups is not None:
        g.graph["groups"] = _check_groups(g, groups)
    return g


def _check_groups(g: nx.DiGraph, groups: Any) -> dict[str, Any]:
    """``groups`` checked against the steps: each names a title, or a title and the group
    it sits in (``{"label": ..., "parent": ...}``); every group holds steps or groups."""
    if not isinstance(groups, Mapping):
        raise DiagramTypeError("groups must map group names to labels")
    for key, data in g.nodes(data=True):
        name = data.get("group")
        if name is not None and name not in groups:
            raise ValidationError(
                f"step {key!r} is in group {name!r}, which groups does not label; "
                f"groups: {', '.join(map(repr, groups))}"
            )
    out, parents = {}, {}
    for name, entry in groups.items():
        where = f"group {name!r}"
        if isinstance(entry, Mapping):
            unknown = set(entry) - {"label", "parent"}
            if unknown or "label" not in entry:
                raise ValidationError(
                    f"{where} takes 'label' and, inside another group, "
                    f"'parent'; got {sorted(map(str, entry))}"
                )
            parent = entry.get("parent")
            if parent is not None and parent not in groups:
                raise ValidationError(f"{where} has parent {parent!r}, which groups does not name")
            parents[name] = parent
            out[name] = {
                "label": check_text(entry["label"], where=f"{where} label"),
                **({"parent": parent} if parent is not None else {}),
            }
        else:
            out[name] = check_text(entry, where=f"{where} label")
    holding = {data.get("group") for _, data in g.nodes(data=True)}
    for name in groups:  # a group holds steps, or a group that does
        if name not in holding and name not in parents.values():
            raise ValidationError(f"group {name!r} has no steps; set 'group' on its steps")
    return out


def example() -> nx.DiGraph:
    """A release pipeline: parallel checks, a decision, then deployment."""
    steps = [
        ("push", {"label": "Push", "role": "start"}),
        ("lint", {"label": "Lint", "group": "checks", "note": "ruff, mypy"}),
        ("test", {"label": "Unit tests", "group": "checks", "note": "4 min"}),
        ("green", {"label": "Green?", "role": "decision", "group": "checks"}),
        ("fix", {"label": "Fix, push again", "role": "muted"}),
        ("stage", {"label": "Staging", "group": "deploy"}),
        ("prod", {"label": "Production", "role": "end", "group": "deploy"}),
    ]
    edges = [
        ("push", "lint"),
        ("push", "test"),
        ("lint", "green"),
        ("test", "green"),
        ("green", "stage", {"label": "yes", "role": "highlight"}),
        ("green", "fix", {"label": "no", "role": "weak"}),
        ("stage", "prod", {"label": "smoke tests pass"}),
    ]
    groups = {"checks": "Checks", "deploy": "Deployment"}
    return flow(steps, edges, title="Release pipeline", groups=groups)


def example_architecture() -> nx.DiGraph:
    """A web service's architecture: groups inside groups for the account, its private
    network and its database tier; a database cylinder, a component and a document;
    one step and one link coloured by hand, a dashed call and a two-way arrow."""
    steps = [
        ("user", {"label": "Browser", "role": "external"}),
        ("cdn", {"label": "CDN", "group": "cloud", "shape": "component"}),
        ("api", {"label": "API service", "group": "vpc", "fill": "#dbeafe", "color": "#1d4ed8"}),
        ("jobs", {"label": "Job queue", "group": "vpc", "shape": "tab"}),
        ("db", {"label": "Orders", "group": "data", "shape": "cylinder", "note": "Postgres"}),
        ("cache", {"label": "Cache", "group": "data", "shape": "cylinder", "line": "dashed"}),
        ("docs", {"label": "Runbook", "shape": "document"}),
    ]
    links = [
        ("user", "cdn", {"label": "HTTPS"}),
        ("cdn", "api"),
        ("api", "db", {"label": "reads, writes", "dir": "both"}),
        ("api", "cache", {"line": "dashed"}),
        ("api", "jobs", {"color": "#b45309", "arrowhead": "vee"}),
        ("api", "docs", {"role": "relation"}),
    ]
    groups = {
        "cloud": "Cloud account",
        "vpc": {"label": "Private network", "parent": "cloud"},
        "data": {"label": "Database tier", "parent": "vpc"},
    }
    return flow(steps, links, title="Web service", groups=groups, direction="TB")
