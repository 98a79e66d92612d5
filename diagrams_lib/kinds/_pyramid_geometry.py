"""A pyramid's shape: tiers whose slanted sides continue two straight lines, each as
low as its text allows.

Every tier is measured by :func:`diagrams_lib.measure_node` as the trapezoid it will be,
for the theme given, so it holds its text exactly as the renderer wraps it.

>>> from diagrams_lib import LIGHT
>>> geo = geometry([Tier(label="Base", note=None, role=None), Tier(label="Apex", note=None,
...                 role=None)], width=300, tier_height=None, notes="auto", theme=LIGHT)
>>> geo.height, geo.half
(52.0, (150.0, 89.74))
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import ValidationError
from ..size import NodeMeasure, label_is_bold, measure_node
from ..text import text_width
from ..theme import Theme
from ._pieces import text_box_size

__all__ = ["GAP", "MIN_TIER_H", "NOTE_WRAP", "Geometry", "Tier", "geometry"]

GAP = 6.0  # between tiers
MIN_TIER_H = 52.0
NOTE_WRAP = 240.0  # notes set to the right of the pyramid wrap at this width
_LABEL_WRAP = 180.0  # the apex label never wraps wider than render()'s default
# Each side's two corners are rounded to 0.01 px, which can take up to 0.02 px off a
# tier's top edge: the apex is made that much wider than its label's box.
_ROUNDING = 0.02


@dataclass(frozen=True, slots=True, kw_only=True)
class Tier:
    """One tier as given: its label, optional note and optional theme role."""

    label: str
    note: str | None
    role: str | None


def _tier(tier: Tier, half: float, inset: float, *, note: bool, theme: Theme) -> NodeMeasure:
    """A tier's box as the renderer wraps its label (and its note, when ``note``) inside
    a trapezoid ``2 * half`` wide at the base and ``inset`` narrower on each side."""
    return measure_node(
        tier.label,
        note=tier.note if note else None,
        role=tier.role or "process",
        shape="trapezoid",
        inset=inset,
        width=2 * half,
        theme=theme,
    )


def _apex_top(tier: Tier, width: float, count: int, *, theme: Theme) -> float:
    """Width of the apex's top edge: just enough for its label on at most two lines."""
    bold = label_is_bold("trapezoid")
    longest = max(text_width(w, size=theme.font_size, bold=bold) for w in tier.label.split())
    wrap = min(_LABEL_WRAP, max(width / (count + 1), longest, 40.0))  # 40: the least wrap
    role = tier.role or "process"

    def box(at: float) -> NodeMeasure:  # as a box with straight sides: the top edge's width
        return measure_node(tier.label, role=role, shape="rect", max_label_width=at, theme=theme)

    while wrap < _LABEL_WRAP and len(box(wrap).label.lines) > 2:
        wrap = min(_LABEL_WRAP, wrap + 4)
    return box(wrap).width + _ROUNDING


@dataclass(frozen=True, slots=True, kw_only=True)
class Geometry:
    """The pyramid's shape: every tier's height and base width, and the slant."""

    height: float  # of one tier
    half: tuple[float, ...]  # half width of each tier's bottom edge
    inset: float  # each tier's top is this much narrower on either side
    inside: bool  # notes drawn inside the tiers


def _needs(
    tiers: list[Tier], half: list[float], inset: float, inside: bool, *, theme: Theme
) -> list[float]:
    """The height each tier needs for its text (and a note beside it), given its edges."""
    out = []
    for tier, h in zip(tiers, half, strict=True):
        need = _tier(tier, h, inset, note=inside, theme=theme).height
        if tier.note and not inside:
            need = max(need, text_box_size(tier.note, max_width=NOTE_WRAP, theme=theme)[1])
        out.append(need)
    return out


def _notes_fit(tiers: list[Tier], half: list[float], inset: float, *, theme: Theme) -> bool:
    """Whether every note fits on one line inside its tier."""
    return all(
        len(_tier(tier, h, inset, note=True, theme=theme).note.lines) == 1
        for tier, h in zip(tiers, half, strict=True)
        if tier.note
    )


def geometry(
    tiers: list[Tier], *, width: float, tier_height: float | None, notes: str, theme: Theme
) -> Geometry:
    """The shape that holds every tier's text: the apex just wide enough for its label,
    straight sides down to a base ``width`` wide, and tiers as low as the text allows
    (at least :data:`MIN_TIER_H`), or ``tier_height`` if given and enough."""
    count = len(tiers)
    top = _apex_top(tiers[-1], width, count, theme=theme)
    if top > width:
        raise ValidationError(
            f"width {width:g} is too narrow for the apex label {tiers[-1].label!r}, "
            f"which needs {top:.0f} px"
        )
    height = tier_height or MIN_TIER_H
    inside = notes == "inside"
    while True:  # the height changes the slope, so the widths: grow until all text fits
        total = count * height + (count - 1) * GAP
        slope = (width - top) / 2 / total  # px the side moves in per px of height
        half = [round(width / 2 - slope * i * (height + GAP), 2) for i in range(count)]
        inset = round(slope * height, 2)
        if notes == "auto":
            inside = _notes_fit(tiers, half, inset, theme=theme)
        needs = _needs(tiers, half, inset, inside, theme=theme)
        need = max(needs)
        if need <= height:
            break
        if tier_height is not None:
            worst = needs.index(need)
            raise ValidationError(
                f"tier_height {tier_height:g} is too small for tier {worst} "
                f"({tiers[worst].label!r}), which needs {need:.0f} px"
            )
        height = math.ceil(need)
    return Geometry(height=height, half=tuple(half), inset=inset, inside=inside)
