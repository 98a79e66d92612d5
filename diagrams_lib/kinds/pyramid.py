"""Pyramid: tiers stacked from a wide base to a narrow apex, each with an optional note.

Every tier is a pinned trapezoid whose slanted sides continue the same two straight
lines, so the widths step evenly from the base to the apex. Labels wrap to the width of
their tier's top edge, the narrowest line they sit under, so text never crosses a side.
Notes go inside the tiers when every one of them fits there on one line, otherwise all
of them go in a column to the right, each joined to its tier by a thin guide line.
Tiers are sized for render()'s default ``max_label_width`` (180 px); a smaller one may
wrap a label onto more lines than its tier was sized for.

>>> g = pyramid(["Data", "Information", "Knowledge"], title="From data to knowledge")
>>> [g.nodes[k]["label"] for k in ("tier:0", "tier:2")], g.graph["kind"]
(['Data', 'Knowledge'], 'pyramid')
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ..shapes import PAD_X, PAD_Y
from ..size import NOTE_GAP
from ..text import LINE_HEIGHT, TextBlock, measure_block, text_width
from ..theme import LIGHT
from ._common import check_title

__all__ = ["CAPTION", "MAX_TIERS", "NOTE_PLACES", "TIER_KEYS", "example", "pyramid"]

MAX_TIERS = 8
TIER_KEYS = ("label", "note", "role")
NOTE_PLACES = ("auto", "inside", "right")

CAPTION = (
    "A pyramid of needs read from the broad base to the narrow apex: five evenly stepped "
    "tiers, one highlighted, each explained by a note in a column to the right."
)

# render()'s default max_label_width: sizing never wraps a boxed label wider than this.
_LABEL_WRAP = 180.0
_GAP = 6.0  # between tiers
_MIN_TIER_H = 52.0
_NOTE_WRAP = 240.0  # notes set to the right of the pyramid wrap at this width
_NOTE_COLUMN = 30.0  # from the base's right corner to the notes column
_GUIDE_INSET = 6.0  # guide lines stop this far from the tier side and the note
_SLACK = 2.0  # px of room kept beside wrapped text, against rounding


@dataclass(frozen=True)
class _Tier:
    label: str
    note: str | None
    role: str | None


def _read_tier(item: Any, index: int) -> _Tier:
    where = f"tier {index}"
    if isinstance(item, str):
        item = {"label": item}
    if not isinstance(item, Mapping):
        raise DiagramTypeError(
            f"{where} must be a string or a dict with 'label', not {type(item).__name__}"
        )
    for name in item:
        if name not in TIER_KEYS:
            raise UnknownOptionError(
                f"{where} has unknown key {name!r}; choose from: {', '.join(TIER_KEYS)}"
            )
    label = item.get("label")
    label = "" if label is None else check_text(label, where=f"{where} label")
    if not label.strip():
        raise ValidationError(f"{where} has no label")
    note = item.get("note")
    note = None if note is None else check_text(note, where=f"{where} note").strip() or None
    role = item.get("role")
    role = None if role is None else check_text(role, where=f"{where} role")
    return _Tier(label, note, role)


def _read_tiers(tiers: Any) -> list[_Tier]:
    if isinstance(tiers, (str, Mapping)) or not isinstance(tiers, Sequence):
        raise DiagramTypeError(
            "tiers must be a list of tiers from base to apex (strings or dicts), "
            f"not {type(tiers).__name__}"
        )
    if not tiers:
        raise ValidationError("a pyramid needs at least one tier; tiers is empty")
    if len(tiers) > MAX_TIERS:
        raise ValidationError(
            f"a pyramid has at most {MAX_TIERS} tiers to stay readable; got {len(tiers)}"
        )
    return [_read_tier(item, i) for i, item in enumerate(tiers)]


def _number(value: Any, *, name: str, low: float) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise DiagramTypeError(f"{name} must be a number, not {value!r}")
    if not value >= low or value == float("inf"):
        raise ValidationError(f"{name} must be at least {low:g} (px), not {value!r}")
    return float(value)


def _block(text: str, wrap: float, *, note: bool = False) -> TextBlock:
    """Measure text as sizing.py will: boxed labels bold, notes at the note size."""
    size = LIGHT.note_size if note else LIGHT.font_size
    return measure_block(text, max_width=wrap, size=size, bold=not note)


def _text_node(text: str, wrap: float) -> tuple[str, tuple[float, float]]:
    """Lines and box of a text node, broken here: sizing measures it bold, the SVG is not.

    The lines are wrapped in the regular weight the SVG draws; the box is as wide as the
    widest line in bold (what sizing measures), so sizing keeps exactly these lines.
    """
    size = LIGHT.font_size
    lines = measure_block(text, max_width=wrap, size=size).lines
    bold = max(text_width(line, size=size, bold=True) for line in lines)
    height = len(lines) * size * LINE_HEIGHT
    return "\n".join(lines), (round(bold + 4 + _SLACK, 2), round(height + 4, 2))


def _apex_top(label: str, width: float, count: int) -> float:
    """Width of the apex's top edge: just enough for its label on at most two lines."""
    longest = max(text_width(w, size=LIGHT.font_size, bold=True) for w in label.split())
    wrap = min(_LABEL_WRAP, max(width / (count + 1), longest))
    while wrap < _LABEL_WRAP and len(_block(label, wrap).lines) > 2:
        wrap = min(_LABEL_WRAP, wrap + 4)
    return _block(label, wrap).width + 2 * PAD_X + _SLACK


@dataclass(frozen=True)
class _Geometry:
    height: float  # of one tier
    half: tuple[float, ...]  # half width of each tier's bottom edge
    inset: float  # each tier's top is this much narrower on either side
    inside: bool  # notes drawn inside the tiers


def _needs(tiers: list[_Tier], half: list[float], inset: float, inside: bool) -> list[float]:
    """The height each tier needs for its text, given its top edge."""
    out = []
    for tier, h in zip(tiers, half, strict=True):
        wrap = max(24.0, min(_LABEL_WRAP, 2 * (h - inset) - 2 * PAD_X))
        label = _block(tier.label, wrap)
        need = label.height + 2 * PAD_Y
        if tier.note and inside:
            need += NOTE_GAP + _block(tier.note, max(wrap, label.width), note=True).height
        elif tier.note:
            need = max(need, _text_node(tier.note, _NOTE_WRAP)[1][1])
        out.append(need)
    return out


def _notes_fit(tiers: list[_Tier], half: list[float], inset: float) -> bool:
    for tier, h in zip(tiers, half, strict=True):
        if tier.note:
            wrap = max(24.0, min(_LABEL_WRAP, 2 * (h - inset) - 2 * PAD_X))
            if len(_block(tier.note, wrap, note=True).lines) > 1:
                return False
    return True


def _geometry(
    tiers: list[_Tier], *, width: float, tier_height: float | None, notes: str
) -> _Geometry:
    count = len(tiers)
    top = _apex_top(tiers[-1].label, width, count)
    if top > width:
        raise ValidationError(
            f"width {width:g} is too narrow for the apex label {tiers[-1].label!r}, "
            f"which needs {top:.0f} px"
        )
    height = tier_height or _MIN_TIER_H
    inside = notes == "inside"
    while True:  # the height changes the slope, so the widths: grow until all text fits
        total = count * height + (count - 1) * _GAP
        slope = (width - top) / 2 / total  # px the side moves in per px of height
        half = [round(width / 2 - slope * i * (height + _GAP), 2) for i in range(count)]
        inset = round(slope * height, 2)
        if notes == "auto":
            inside = _notes_fit(tiers, half, inset)
        needs = _needs(tiers, half, inset, inside)
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
    return _Geometry(height, tuple(half), inset, inside)


def _summary(tiers: list[_Tier]) -> str:
    parts = [t.label + (f" ({t.note})" if t.note else "") for t in tiers]
    return f"A pyramid of {len(tiers)} tiers, from base to apex: " + "; ".join(parts) + "."


def pyramid(
    tiers: Sequence[str | Mapping[str, Any]],
    *,
    title: str,
    description: str = "",
    width: float = 520,
    tier_height: float | None = None,
    notes: str = "auto",
) -> nx.DiGraph:
    """Build a pyramid of tiers from a wide base to a narrow apex.

    Args:
        tiers: from base to apex, at most 8; each a label, or a dict with ``label``,
            optional ``note`` (a smaller explanation) and optional ``role`` (a theme role,
            e.g. ``"highlight"`` for the tier to stress; tiers are ``"process"`` otherwise).
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; by default the tiers in order.
        width: width of the base in px; the apex is as narrow as its label allows.
        tier_height: height of every tier in px; by default the least that fits every
            tier's text. Too small a value is an error naming the tier that does not fit.
        notes: where notes go: ``"inside"`` the tiers, in a column to the ``"right"``
            with guide lines, or ``"auto"`` (inside when all fit on one line there).

    Returns:
        A ``networkx.DiGraph`` with every node pinned: tiers ``tier:0`` (base) up to the
        apex, and for notes on the right a text node ``note:<i>`` and two anchors joined
        by a ``guide`` edge.

    Raises:
        ValidationError: no tiers, more than 8, a tier without a label, or a size too
            small for the text.
        DiagramTypeError: tiers or a tier of the wrong type.

    Example:
        >>> g = pyramid([{"label": "Base", "note": "most"}, "Apex"], title="Two tiers")
        >>> sorted(g.nodes), g.nodes["tier:1"]["shape"]
        (['tier:0', 'tier:1'], 'trapezoid')
    """
    title = check_title(title)
    description = check_text(description, where="description")
    rows = _read_tiers(tiers)
    width = _number(width, name="width", low=120)
    if tier_height is not None:
        tier_height = _number(tier_height, name="tier_height", low=24)
    if notes not in NOTE_PLACES:
        raise UnknownOptionError(f"notes is {notes!r}; choose one of: {', '.join(NOTE_PLACES)}")
    geo = _geometry(rows, width=width, tier_height=tier_height, notes=notes)
    g = nx.DiGraph(title=title, description=description or _summary(rows), kind="pyramid")
    h = geo.height
    for i, tier in enumerate(rows):
        attrs: dict[str, Any] = {
            "label": tier.label,
            "role": tier.role or "process",
            "shape": "trapezoid",
            "inset": geo.inset,
            "size": (round(2 * geo.half[i], 2), h),
            "pin": (0.0, round(i * (h + _GAP) + h / 2, 2)),
        }
        if tier.note and geo.inside:
            attrs["note"] = tier.note
        g.add_node(f"tier:{i}", **attrs)
    if geo.inside:
        return g
    column = width / 2 + _NOTE_COLUMN
    for i, tier in enumerate(rows):
        if not tier.note:
            continue
        y = round(i * (h + _GAP) + h / 2, 2)
        text, size = _text_node(tier.note, _NOTE_WRAP)
        g.add_node(
            f"note:{i}",
            label=text,
            role="caption",
            shape="text",
            align="left",
            size=size,
            pin=(round(column + size[0] / 2, 2), y),
        )
        side = geo.half[i] - geo.inset / 2  # the slanted side at the tier's middle
        g.add_node(
            f"guide:{i}:from",
            label=tier.label,
            role="anchor",
            size=(1, 1),
            pin=(round(side + _GUIDE_INSET, 2), y),
        )
        g.add_node(
            f"guide:{i}:to",
            label=tier.note,
            role="anchor",
            size=(1, 1),
            pin=(round(column - _GUIDE_INSET, 2), y),
        )
        g.add_edge(f"guide:{i}:from", f"guide:{i}:to", role="guide")
    return g


def example() -> nx.DiGraph:
    """A pyramid of needs, base first, with one tier highlighted."""
    return pyramid(
        [
            {"label": "Physiological", "note": "food, water, warmth, rest"},
            {"label": "Safety", "note": "security, stable work, health"},
            {"label": "Belonging", "note": "friendship, family, community", "role": "highlight"},
            {"label": "Esteem", "note": "respect, recognition, confidence"},
            {"label": "Self-actualisation", "note": "reaching one's own potential"},
        ],
        title="A hierarchy of needs",
    )
