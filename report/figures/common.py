"""What every figure module shares: the registry and a few pinned-graph helpers.

One visual language holds across the figures (the report states it once, at the top):
a box with a check mark (role ``confirmed``) says what the talk says; a dashed grey box
(``muted``) holds what only the written summary says; a dashed amber box with a
question mark (``open``) is what the talk seems to say where its captions are unclear.
Plain text says where it comes from the same way the prose does: a minute of the talk,
"(min 20)", or "(summary)". Red is kept for a limit or a fault; charts whose numbers
are made up say "Illustrative" on the chart.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

import diagrams_lib as dl
from diagrams_lib.kinds import axis as ax

__all__ = ["FIGURES", "TITLE", "box_size", "boxed", "bracket", "extent", "figure", "text", "widen"]

# Figure name (as in figures.toml) -> function returning its graph.
FIGURES: dict[str, Callable[[], nx.Graph]] = {}

# The build replaces every title; the kinds only need a non-empty one meanwhile.
TITLE = "figure"


def figure(name: str) -> Callable[[Callable[[], nx.Graph]], Callable[[], nx.Graph]]:
    """Register a figure function under its name in figures.toml."""

    def register(func: Callable[[], nx.Graph]) -> Callable[[], nx.Graph]:
        FIGURES[name] = func
        return func

    return register


def text(
    g: nx.Graph,
    key: str,
    label: str,
    x: float,
    y: float,
    *,
    role: str = "caption",
    note: str | None = None,
    align: str = "center",
    wrap: float = 10_000.0,
) -> ax.Box:
    """Add a pinned text node at plot point (x, y), y growing down; return its box."""
    return ax.add_text(g, key, label, x, y, role=role, note=note, align=align, max_width=wrap)


def box_size(
    label: str, *, role: str | None, width: float, note: str | None = None, wrap: bool = False
) -> tuple[float, float]:
    """The size of a box ``width`` px wide, as high as its label and note need there.

    Unless ``wrap``, the box is widened to keep its label on one line."""
    if not wrap:
        width = max(width, dl.node_size(label, role=role, max_label_width=10_000)[0])
    return dl.node_size(label, note=note, role=role, width=width)


def widen(g: nx.Graph, key: str, width: float, *, wrap: bool = False) -> None:
    """Give a boxed node of ``g`` the size :func:`box_size` gives it."""
    data = g.nodes[key]
    data["size"] = box_size(
        data["label"], role=data.get("role"), width=width, note=data.get("note"), wrap=wrap
    )


def boxed(
    g: nx.Graph,
    key: str,
    label: str,
    x: float,
    y: float,
    *,
    role: str,
    width: float,
    note: str | None = None,
    shape: str = "round",
    wrap: bool = False,
) -> ax.Box:
    """Add a pinned box (sized by :func:`box_size`) centred at plot point (x, y), y down;
    return it."""
    g.add_node(
        key,
        label=label,
        role=role,
        shape=shape,
        pin=ax.pin(x, y),
        **({"note": note} if note else {}),
    )
    widen(g, key, width, wrap=wrap)
    w, h = g.nodes[key]["size"]
    return ax.Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def bracket(g: nx.Graph, key: str, x0: float, x1: float, y: float, *, label: str) -> None:
    """A horizontal bracket from x0 to x1 at y (plot px, y down), its ends turned down."""
    ax.add_rule(g, key, (x0, y), (x1, y), role="axis", label=label)
    for end, x in (("left", x0), ("right", x1)):
        ax.add_rule(g, f"{key}:{end}", (x, y), (x, y + 7), role="axis", label=f"{label} ({end})")


def extent(g: nx.Graph) -> ax.Box:
    """The box around every pinned node of ``g``, in plot px (y growing down)."""
    boxes = []
    for _, data in g.nodes(data=True):
        x, y = data["pin"][0], -data["pin"][1]
        w, h = data.get("size") or (0.0, 0.0)
        boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return ax.Box(
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
