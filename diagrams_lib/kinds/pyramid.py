"""Pyramid: tiers stacked from a wide base to a narrow apex, each with an optional note.

Every tier is a pinned trapezoid whose slanted sides continue the same two straight
lines, so the widths step evenly from the base to the apex. Labels wrap to the width of
their tier's top edge, the narrowest line they sit under, so text never crosses a side.
Notes go inside the tiers when every one of them fits there on one line, otherwise all
of them go in a column to the right, each joined to its tier by a thin guide line.
Tiers are measured with :func:`diagrams_lib.measure_node` for the theme given, so each
holds its text exactly as the renderer wraps it (``max_label_width`` does not change it).

>>> g = pyramid(["Data", "Information", "Knowledge"], title="From data to knowledge")
>>> [g.nodes[k]["label"] for k in ("tier:0", "tier:2")], g.graph["kind"]
(['Data', 'Knowledge'], 'pyramid')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, UnknownOptionError, ValidationError
from ..quoting import check_text
from ..theme import Theme, get_theme
from ._common import check_title
from ._pieces import measured_for, text_box_size
from ._pyramid_geometry import GAP, NOTE_WRAP, Tier, geometry

__all__ = ["CAPTION", "MAX_TIERS", "NOTE_PLACES", "TIER_KEYS", "example", "pyramid"]

MAX_TIERS = 8
TIER_KEYS = ("label", "note", "role")
NOTE_PLACES = ("auto", "inside", "right")

CAPTION = (
    "A pyramid of needs read from the broad base to the narrow apex: five evenly stepped "
    "tiers, one highlighted, each explained by a note in a column to the right."
)

_NOTE_COLUMN = 30.0  # from the base's right corner to the notes column
_GUIDE_INSET = 6.0  # guide lines stop this far from the tier side and the note


def _read_tier(item: Any, index: int) -> Tier:
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
    return Tier(label=label, note=note, role=role)


def _read_tiers(tiers: Any) -> list[Tier]:
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


def _summary(tiers: list[Tier]) -> str:
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
    theme: str | Theme = "light",
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
        theme: the theme you will render with: text is measured at its type sizes, and
            :func:`~diagrams_lib.render` refuses a theme with other sizes.

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
    look = get_theme(theme)
    geo = geometry(rows, width=width, tier_height=tier_height, notes=notes, theme=look)
    g = nx.DiGraph(
        title=title,
        description=description or _summary(rows),
        kind="pyramid",
        measured_for=measured_for(look),
    )
    h = geo.height
    for i, tier in enumerate(rows):
        attrs: dict[str, Any] = {
            "label": tier.label,
            "role": tier.role or "process",
            "shape": "trapezoid",
            "inset": geo.inset,
            "size": (round(2 * geo.half[i], 2), h),
            "pin": (0.0, round(i * (h + GAP) + h / 2, 2)),
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
        y = round(i * (h + GAP) + h / 2, 2)
        size = text_box_size(tier.note, max_width=NOTE_WRAP, theme=look)
        g.add_node(
            f"note:{i}",
            label=tier.note,
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
