"""Drawing a timeline as a pinned graph: gridlines, the axis and its ticks, milestones
with their labels, then the phases' bars (see :mod:`._timeline_layout` for where each
piece goes). Edges are drawn in the order of their first node, so gridlines go first.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..theme import Theme
from . import axis as ax
from ._pieces import row_height
from ._timeline_layout import BESIDE_WRAP, LANE_GAP, Bar, beside_box, lanes, milestone_spots
from ._timeline_read import Phase

__all__ = ["DIAMOND", "draw"]

TICK = 5.0
DIAMOND = 16.0


def draw(
    g: nx.Graph,
    bars: list[Bar],
    marks: list[tuple[str, float]],
    *,
    scale: ax.Scale,
    ticks: list[tuple[float, str]],
    axis_label: str,
    theme: Theme,
) -> None:
    """Add the whole timeline to ``g``: lanes of ``bars`` above the axis, milestone
    labels in rows just above it, tick labels and ``axis_label`` below."""
    row = row_height(theme=theme)
    lane_of = lanes(bars)
    lane_h = max(b.height for b in bars)  # one height for every lane reads calmer
    tops = [(lane_h + LANE_GAP) * lane for lane in lane_of]
    lanes_bottom = max(tops) + lane_h
    sizes = [ax.text_box_size(name, theme=theme) for name, _ in marks]
    spots = milestone_spots(
        [(scale(at), size[0]) for (_, at), size in zip(marks, sizes, strict=True)]
    )
    row_count = max((s.row for s in spots), default=-1) + 1
    axis_y = lanes_bottom + 16 + row_count * row + (DIAMOND / 2 + 2 if spots else 0)
    centres = [axis_y - DIAMOND / 2 - 2 - row / 2 - s.row * row for s in spots]
    texts = [
        ax.Box(s.left, c - h / 2, s.right, c + h / 2)
        for s, c, (_, h) in zip(spots, centres, sizes, strict=True)
    ]
    texts += [
        beside_box(b, top + lane_h / 2) for b, top in zip(bars, tops, strict=True) if not b.inside
    ]
    _axis(g, scale=scale, ticks=ticks, axis_y=axis_y, texts=texts)
    bottom = top = axis_y + TICK + 2
    for i, (value, text) in enumerate(ticks):
        h = ax.text_box_size(text, theme=theme)[1]
        box = ax.add_text(g, f"tick:{i}:label", text, scale(value), top + h / 2, theme=theme)
        bottom = max(bottom, box.bottom)
    if axis_label:
        middle = (scale.start + scale.end) / 2
        ax.add_text(g, "axis:label", axis_label, middle, bottom + 2 + row / 2, theme=theme)
    for i, ((name, at), spot, centre) in enumerate(zip(marks, spots, centres, strict=True)):
        g.add_node(
            f"milestone:{i}",
            label=name,
            role="milestone",
            shape="diamond-point",
            size=(DIAMOND, DIAMOND),
            pin=ax.pin(scale(at), axis_y),
        )
        x = {"left": spot.left, "right": spot.right}.get(spot.align, (spot.left + spot.right) / 2)
        ax.add_text(g, f"milestone:{i}:label", name, x, centre, align=spot.align, theme=theme)
        if spot.row:  # a vertical guide from the diamond up to its raised label
            ax.add_rule(
                g,
                f"milestone:{i}:guide",
                (scale(at), axis_y - DIAMOND / 2),
                (scale(at), centre + row / 2 - 1),
                role="guide",
                label=f"guide to {name}",
            )
    for bar, top in zip(bars, tops, strict=True):
        _bar(g, bar, top=top, height=lane_h, theme=theme)


def _axis(
    g: nx.Graph,
    *,
    scale: ax.Scale,
    ticks: list[tuple[float, str]],
    axis_y: float,
    texts: list[ax.Box],
) -> None:
    """Gridlines up from each tick (broken around ``texts``), the axis and its ticks."""
    for i, (value, text) in enumerate(ticks):
        x = scale(value)
        for j, (y0, y1) in enumerate(ax.open_spans(x, 0.0, axis_y, texts, vertical=True)):
            ax.add_rule(
                g, f"grid:{i}:{j}", (x, y0), (x, y1), role="grid", label=f"gridline at {text}"
            )
    ax.add_rule(
        g, "axis", (scale.start, axis_y), (scale.end, axis_y), role="axis", label="time axis"
    )
    for i, (value, text) in enumerate(ticks):
        x = scale(value)
        ax.add_rule(
            g, f"tick:{i}", (x, axis_y), (x, axis_y + TICK), role="tick", label=f"tick {text}"
        )


def _bar(g: nx.Graph, bar: Bar, *, top: float, height: float, theme: Theme) -> None:
    phase: Phase = bar.phase
    key = f"phase:{phase.index}"
    attrs: dict[str, Any] = {
        "label": phase.label if bar.inside else "",
        "role": phase.role,
        "shape": "rect",
        "size": (round(bar.right - bar.left, 2), round(height, 2)),
        "pin": ax.pin((bar.left + bar.right) / 2, top + height / 2),
    }
    if bar.inside and phase.note:
        attrs["note"] = phase.note
    g.add_node(key, **attrs)
    if not bar.inside:
        box = beside_box(bar, top + height / 2)
        x, align = (box.left, "left") if bar.text_side == "right" else (box.right, "right")
        ax.add_text(
            g,
            f"{key}:label",
            phase.label,
            x,
            top + height / 2,
            align=align,
            note=phase.note,
            max_width=BESIDE_WRAP,
            theme=theme,
        )
