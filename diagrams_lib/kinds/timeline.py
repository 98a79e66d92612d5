"""Timeline: phases as bars on a proportional time axis, with milestones on the axis.

Every node is pinned. Phases are rectangles whose length is their duration; phases that
overlap in time (or whose label beside them would collide) go on separate lanes, filled
greedily in input order. A phase's label goes inside its bar when it fits (wrapped onto a
second line if needed), otherwise beside the bar. Milestones are diamonds on the axis with
their labels just above it, stacked in rows when they would collide.

The axis always covers every phase, milestone and tick: a milestone outside the phases'
span extends the axis rather than being rejected or clipped.

>>> g = timeline([{"label": "Build", "start": -12, "end": 0}], title="Plan")
>>> g.graph["kind"], g.nodes["phase:0"]["role"]
('timeline', 'process')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ..shapes import PAD_X
from ..size import NOTE_GAP
from ..text import LINE_HEIGHT, TextBlock, measure_block
from ..theme import LIGHT
from . import axis as ax
from ._common import check_title
from .axis import Box

__all__ = ["CAPTION", "MILESTONE_KEYS", "PHASE_KEYS", "UNIT_STEPS", "example", "timeline"]

CAPTION = (
    "A product roadmap on a months-before-launch axis: overlapping phases on their own "
    "lanes, activities as notes, and three milestones on the axis."
)
PHASE_KEYS = ("label", "start", "end", "note", "role")
MILESTONE_KEYS = ("label", "at")
# Tick steps that read naturally for each unit (months: quarters, halves, years...).
UNIT_STEPS = {
    "month": (1, 2, 3, 6, 12, 24, 36, 60, 120),
    "week": (1, 2, 4, 8, 13, 26, 52, 104),
    "day": (1, 2, 7, 14, 28, 91, 182, 364),
    "quarter": (1, 2, 4, 8, 16),
    "hour": (1, 2, 3, 6, 12, 24, 48),
}
_LABEL_WRAP = 180.0  # render()'s default max_label_width: boxed labels never wrap wider
_BESIDE_WRAP = 200.0
BAR_PAD_Y = 8.0
MIN_BAR_H = 34.0
MIN_BAR_W = 6.0
LANE_GAP = 10.0
BESIDE_GAP = 6.0
TICK = 5.0
ROW = 22.0
DIAMOND = 16.0


@dataclass(frozen=True)
class _Phase:
    index: int
    label: str
    start: float
    end: float
    note: str | None
    role: str


@dataclass(frozen=True)
class _Bar:
    """A phase in px: its bar, and where its text goes (inside or beside)."""

    phase: _Phase
    left: float
    right: float
    inside: bool
    text_w: float  # the beside text's width (0 when inside)
    text_side: str  # "right" or "left" when beside
    height: float  # height the bar (or the beside text) needs

    def footprint(self) -> tuple[float, float]:
        if self.inside:
            return self.left, self.right
        if self.text_side == "right":
            return self.left, self.right + BESIDE_GAP + self.text_w
        return self.left - BESIDE_GAP - self.text_w, self.right


def _mapping(item: Any, *, where: str, keys: tuple[str, ...]) -> Mapping:
    if not isinstance(item, Mapping):
        raise DiagramTypeError(f"{where} must be a dict with keys {', '.join(keys)}")
    unknown = [k for k in item if k not in keys]
    if unknown:
        raise ValidationError(
            f"{where} has unknown key {unknown[0]!r}; known keys: {', '.join(keys)}"
        )
    return item


def _label(item: Mapping, *, where: str) -> str:
    raw = item.get("label")
    label = "" if raw is None else check_text(raw, where=f"{where} label")
    if not label.strip():
        raise ValidationError(f"{where} has no label")
    return label


def _read_phases(phases: Any) -> list[_Phase]:
    if isinstance(phases, (str, bytes, Mapping)) or not isinstance(phases, Sequence):
        raise DiagramTypeError('phases must be a list of {"label", "start", "end"} dicts')
    if not phases:
        raise ValidationError("timeline needs at least one phase")
    out = []
    for i, item in enumerate(phases):
        item = _mapping(item, where=f"phase {i}", keys=PHASE_KEYS)
        label = _label(item, where=f"phase {i}")
        where = f"phase {label!r}"
        for key in ("start", "end"):
            if key not in item:
                raise ValidationError(f"{where} has no {key!r}")
        start = ax.number(item["start"], where=f"{where} start")
        end = ax.number(item["end"], where=f"{where} end")
        if end < start:
            raise ValidationError(
                f"{where} ends ({item['end']}) before it starts ({item['start']})"
            )
        note = item.get("note")
        note = None if note is None else check_text(note, where=f"{where} note") or None
        role = check_text(item.get("role") or "process", where=f"{where} role")
        out.append(_Phase(i, label, start, end, note, role))
    return out


def _read_milestones(milestones: Any) -> list[tuple[str, float]]:
    if isinstance(milestones, (str, bytes, Mapping)) or not isinstance(milestones, Sequence):
        raise DiagramTypeError('milestones must be a list of {"label", "at"} dicts')
    out = []
    for i, item in enumerate(milestones):
        item = _mapping(item, where=f"milestone {i}", keys=MILESTONE_KEYS)
        label = _label(item, where=f"milestone {i}")
        if "at" not in item:
            raise ValidationError(f"milestone {label!r} has no 'at'")
        out.append((label, ax.number(item["at"], where=f"milestone {label!r} at")))
    return out


def _unit_steps(unit: str) -> tuple[int, ...] | None:
    word = unit.strip().lower()
    return UNIT_STEPS.get(word[:-1] if word.endswith("s") else word)


def _inside_block(phase: _Phase, width: float) -> tuple[TextBlock, TextBlock | None] | None:
    """The label (and note) as sizing will wrap them inside a bar ``width`` px wide, or
    None when they do not fit without breaking a word or taking too many lines."""
    inner = width - 2 * PAD_X
    if inner < 24:
        return None
    marker = LIGHT.nodes[phase.role].marker if phase.role in LIGHT.nodes else None
    text = f"{marker} {phase.label}" if marker else phase.label
    wrap_at = min(_LABEL_WRAP, inner)
    label = measure_block(text, max_width=wrap_at, size=ax.FONT, bold=True, line_height=LINE_HEIGHT)
    if len(label.lines) > 3 or " ".join(label.lines).split() != text.split():
        return None
    note = None
    if phase.note:
        note = measure_block(
            phase.note,
            max_width=max(wrap_at, label.width),
            size=ax.NOTE_FONT,
            line_height=LINE_HEIGHT,
        )
        if len(note.lines) > 3 or " ".join(note.lines).split() != phase.note.split():
            return None
    return label, note


def _bar(phase: _Phase, scale: ax.Scale, *, axis_end: float) -> _Bar:
    left, right = scale(phase.start), scale(phase.end)
    if right - left < MIN_BAR_W:
        middle = (left + right) / 2
        left, right = middle - MIN_BAR_W / 2, middle + MIN_BAR_W / 2
    blocks = _inside_block(phase, right - left)
    if blocks is not None:
        label, note = blocks
        content = label.height + (NOTE_GAP + note.height if note else 0.0)
        return _Bar(phase, left, right, True, 0.0, "", max(MIN_BAR_H, content + 2 * BAR_PAD_Y))
    text_w, text_h = ax.text_box_size(phase.label, note=phase.note, max_width=_BESIDE_WRAP)
    side = "right" if right + BESIDE_GAP + text_w <= axis_end + 24 or left < text_w else "left"
    return _Bar(phase, left, right, False, text_w, side, max(MIN_BAR_H, text_h))


def _lanes(bars: list[_Bar]) -> list[int]:
    """Greedy lanes in input order: each bar goes on the first lane it does not collide on."""
    taken: list[list[tuple[float, float]]] = []
    lanes = []
    for bar in bars:
        lo, hi = bar.footprint()
        for lane, spans in enumerate(taken):
            if all(hi + LANE_GAP <= a or b + LANE_GAP <= lo for a, b in spans):
                spans.append((lo, hi))
                lanes.append(lane)
                break
        else:
            taken.append([(lo, hi)])
            lanes.append(len(taken) - 1)
    return lanes


@dataclass(frozen=True)
class _Spot:
    """Where a milestone label goes: its row (0 nearest the axis) and horizontal span."""

    row: int
    left: float
    right: float
    align: str


def _spot_free(
    row: int,
    lo: float,
    hi: float,
    *,
    x: float,
    later: list[float],
    placed: list[tuple[_Spot, float]],
) -> bool:
    """Whether a label spanning [lo, hi] in ``row`` for a diamond at ``x`` collides."""
    if any(lo - 3 <= lx <= hi + 3 for lx in later):
        return False  # it would sit across a diamond whose label is still to come
    return not any(
        (s.row == row and lo < s.right + 8 and s.left < hi + 8)  # same row: overlap
        or (s.row < row and s.left - 3 <= x <= s.right + 3)  # our guide crosses it
        or (s.row > row and lo - 3 <= sx <= hi + 3)  # its guide crosses us
        for s, sx in placed
    )


def _milestone_spots(labels: list[tuple[float, float]]) -> list[_Spot]:
    """Place milestone labels, given as (diamond x, width), in x order.

    Each label tries its row centred on its diamond, then ending just right of it, then
    starting just left of it, before moving one row up. A label may not overlap another in
    its row; a label above row 0 gets a vertical guide down to its diamond, which may not
    cross a lower label, nor may a label sit across a guide from a higher one.
    """
    spots: list[_Spot | None] = [None] * len(labels)
    placed: list[tuple[_Spot, float]] = []
    order = sorted(range(len(labels)), key=lambda i: labels[i][0])
    for n, i in enumerate(order):
        x, w = labels[i]
        later = [labels[j][0] for j in order[n + 1 :]]
        options = [
            (x - w / 2, x + w / 2, "center"),
            (x + 4 - w, x + 4, "right"),
            (x - 4, x - 4 + w, "left"),
        ]

        chosen = next(
            (
                _Spot(row, lo, hi, align)
                for strict in (True, False)
                for row in range(len(labels) + 1)
                for lo, hi, align in options
                if _spot_free(row, lo, hi, x=x, later=later if strict else [], placed=placed)
            ),
            _Spot(len(labels), x - w / 2, x + w / 2, "center"),
        )
        spots[i] = chosen
        placed.append((chosen, x))
    return [s for s in spots if s is not None]


def timeline(
    phases: Sequence[Mapping[str, Any]],
    *,
    title: str,
    description: str = "",
    milestones: Sequence[Mapping[str, Any]] = (),
    unit: str = "months",
    axis_label: str | None = None,
    ticks: Sequence[float | tuple[float, str]] | None = None,
    width: float = 760,
) -> nx.Graph:
    """Build a timeline of phases and milestones on a proportional horizontal axis.

    Args:
        phases: ``{"label", "start", "end"}`` dicts, optionally with ``"note"`` (a smaller
            second line, e.g. the activities) and ``"role"`` (a theme role; default
            ``process``). start and end are numbers in ``unit`` (e.g. -24 for two years
            before launch); a phase with start == end is drawn as a thin bar.
        title: The figure's title (required).
        description: Text for screen readers; by default one sentence listing the phases
            and milestones with their times.
        milestones: ``{"label", "at"}`` dicts, drawn as diamonds on the axis.
        unit: The time unit; months, weeks, days, quarters and hours get tick steps that
            read naturally (months: 3, 6, 12...), anything else round decimal steps.
        axis_label: Title under the axis (e.g. "months before launch"); by default the
            unit, and "" for none.
        ticks: Tick values (numbers or ``(value, "label")`` pairs); by default chosen.
        width: Length of the axis in px.

    Returns:
        A ``networkx.Graph`` with ``kind="timeline"``, every node pinned.

    Raises:
        ValidationError: no phases, a phase or milestone without a label, a phase that
            ends before it starts, a non-finite time; the message names the phase.
        DiagramTypeError: a time that is not a number, data of the wrong shape.

    Example:
        >>> g = timeline(
        ...     [{"label": "Design", "start": 0, "end": 4},
        ...      {"label": "Build", "start": 3, "end": 9}],
        ...     title="Plan", milestones=[{"label": "Ship", "at": 9}])
        >>> g.nodes["phase:1"]["pin"][1] != g.nodes["phase:0"]["pin"][1]  # overlap: 2 lanes
        True
    """
    title = check_title(title, kind="timeline")
    unit = check_text(unit, where="unit")
    items = _read_phases(phases)
    marks = _read_milestones(milestones)
    given = ax.read_ticks(ticks, where="ticks")
    axis_w = ax.number(width, where="width")
    if not 200 <= axis_w <= 4000:
        raise ValidationError(f"width must be between 200 and 4000 px, not {axis_w:g}")
    label = unit if axis_label is None else check_text(axis_label, where="axis_label")
    values = [p.start for p in items] + [p.end for p in items] + [at for _, at in marks]
    scale, tick_list = _axis_ticks(min(values), max(values), given, unit=unit, width=axis_w)
    summary = description or _describe(items, marks, unit=unit, scale=scale)
    g = nx.Graph(
        title=title, description=check_text(summary, where="timeline description"), kind="timeline"
    )
    _draw(g, items, marks, scale=scale, ticks=tick_list, axis_label=label)
    return g


def _axis_ticks(lo: float, hi: float, given, *, unit: str, width: float):
    if given is not None:
        values = [v for v, _ in given]
        scale = ax.Scale(min(lo, *values), max(hi, *values), 0.0, width)
        return scale, [(v, text or ax.format_number(v)) for v, text in given]
    steps = _unit_steps(unit)
    for count in range(max(3, min(9, int(width // 90))), 1, -1):
        values = ax.nice_ticks(lo, hi, max_ticks=count, steps=steps)
        scale = ax.Scale(values[0], values[-1], 0.0, width)
        if ax.ticks_fit(values, scale, room=14, size=lambda t: ax.text_box_size(t)[0]):
            break
    return scale, [(v, ax.format_number(v)) for v in values]


def _draw(
    g: nx.Graph,
    items: list[_Phase],
    marks: list[tuple[str, float]],
    *,
    scale: ax.Scale,
    ticks: list,
    axis_label: str,
) -> None:
    bars = [_bar(p, scale, axis_end=scale.end) for p in items]
    lanes = _lanes(bars)
    lane_h = max(b.height for b in bars)  # one height for every lane reads calmer
    tops = [(lane_h + LANE_GAP) * lane for lane in lanes]
    lanes_bottom = max(tops) + lane_h
    sizes = [ax.text_box_size(name) for name, _ in marks]
    spots = _milestone_spots(
        [(scale(at), size[0]) for (_, at), size in zip(marks, sizes, strict=True)]
    )
    row_count = max((s.row for s in spots), default=-1) + 1
    axis_y = lanes_bottom + 16 + row_count * ROW + (DIAMOND / 2 + 2 if spots else 0)
    centres = [axis_y - DIAMOND / 2 - 2 - ROW / 2 - s.row * ROW for s in spots]
    # Gridlines first (edges are drawn in the order of their first node), broken around text.
    texts = [
        Box(s.left, c - h / 2, s.right, c + h / 2)
        for s, c, (_, h) in zip(spots, centres, sizes, strict=True)
    ]
    texts += [
        _beside_box(b, top + lane_h / 2) for b, top in zip(bars, tops, strict=True) if not b.inside
    ]
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
        ax.add_rule(
            g,
            f"tick:{i}",
            (scale(value), axis_y),
            (scale(value), axis_y + TICK),
            role="tick",
            label=f"tick {text}",
        )
    bottom = axis_y + TICK + 2
    for i, (value, text) in enumerate(ticks):
        box = ax.add_text(
            g,
            f"tick:{i}:label",
            text,
            scale(value),
            axis_y + TICK + 2 + ax.text_box_size(text)[1] / 2,
        )
        bottom = max(bottom, box.bottom)
    if axis_label:
        ax.add_text(
            g, "axis:label", axis_label, (scale.start + scale.end) / 2, bottom + 2 + ROW / 2
        )
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
        ax.add_text(g, f"milestone:{i}:label", name, x, centre, align=spot.align)
        if spot.row:  # a vertical guide from the diamond up to its raised label
            ax.add_rule(
                g,
                f"milestone:{i}:guide",
                (scale(at), axis_y - DIAMOND / 2),
                (scale(at), centre + ROW / 2 - 1),
                role="guide",
                label=f"guide to {name}",
            )
    for bar, top in zip(bars, tops, strict=True):
        _draw_bar(g, bar, top=top, height=lane_h)


def _beside_box(bar: _Bar, middle: float) -> Box:
    height = ax.text_box_size(bar.phase.label, note=bar.phase.note, max_width=_BESIDE_WRAP)[1]
    left = (
        bar.right + BESIDE_GAP if bar.text_side == "right" else bar.left - BESIDE_GAP - bar.text_w
    )
    return Box(left, middle - height / 2, left + bar.text_w, middle + height / 2)


def _draw_bar(g: nx.Graph, bar: _Bar, *, top: float, height: float) -> None:
    phase = bar.phase
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
        box = _beside_box(bar, top + height / 2)
        x, align = (box.left, "left") if bar.text_side == "right" else (box.right, "right")
        ax.add_text(
            g,
            f"{key}:label",
            phase.label,
            x,
            top + height / 2,
            align=align,
            note=phase.note,
            max_width=_BESIDE_WRAP,
        )


def _describe(
    items: list[_Phase], marks: list[tuple[str, float]], *, unit: str, scale: ax.Scale
) -> str:
    f = ax.format_number
    text = f"Timeline in {unit} from {f(scale.lo)} to {f(scale.hi)}. Phases: "
    text += (
        "; ".join(
            f"{p.label} from {f(p.start)} to {f(p.end)}" + (f" ({p.note})" if p.note else "")
            for p in items
        )
        + "."
    )
    if marks:
        text += " Milestones: " + "; ".join(f"{name} at {f(at)}" for name, at in marks) + "."
    return text


def example() -> nx.Graph:
    """A product roadmap, in months before launch."""
    return timeline(
        [
            {"label": "Discovery", "start": -24, "end": -18, "note": "interviews, prototypes"},
            {"label": "Design", "start": -20, "end": -12},
            {"label": "Build", "start": -14, "end": -3, "note": "core features, integrations"},
            {"label": "Private beta", "start": -6, "end": -1, "role": "highlight"},
            {"label": "Launch prep", "start": -2, "end": 0, "note": "docs, pricing"},
        ],
        title="Product roadmap",
        milestones=[
            {"label": "Design freeze", "at": -12},
            {"label": "Beta", "at": -6},
            {"label": "Launch", "at": 0},
        ],
        axis_label="months before launch",
    )
