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
from typing import Any

import networkx as nx

from ..errors import ValidationError
from ..quoting import check_text
from ..theme import Theme, get_theme
from . import axis as ax
from ._common import check_title
from ._pieces import measured_for
from ._timeline_dates import date_ticks, day_name, is_date
from ._timeline_draw import draw
from ._timeline_layout import place_bar
from ._timeline_read import MILESTONE_KEYS, PHASE_KEYS, Phase, read_milestones, read_phases

__all__ = [
    "CAPTION",
    "MILESTONE_KEYS",
    "MORE_EXAMPLES",
    "PHASE_KEYS",
    "UNIT_STEPS",
    "example",
    "timeline",
]
MORE_EXAMPLES = ("example_dates",)

CAPTION = (
    "A product roadmap on a months-before-launch axis: overlapping phases on their own "
    "lanes, activities as notes, and three milestones on the axis."
)
# Tick steps that read naturally for each unit (months: quarters, halves, years...).
UNIT_STEPS = {
    "month": (1, 2, 3, 6, 12, 24, 36, 60, 120),
    "week": (1, 2, 4, 8, 13, 26, 52, 104),
    "day": (1, 2, 7, 14, 28, 91, 182, 364),
    "quarter": (1, 2, 4, 8, 16),
    "hour": (1, 2, 3, 6, 12, 24, 48),
}


def _unit_steps(unit: str) -> tuple[int, ...] | None:
    word = unit.strip().lower()
    return UNIT_STEPS.get(word[:-1] if word.endswith("s") else word)


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
    theme: str | Theme = "light",
) -> nx.Graph:
    """Build a timeline of phases and milestones on a proportional horizontal axis.

    Args:
        phases: ``{"label", "start", "end"}`` dicts, optionally with ``"note"`` (a smaller
            second line, e.g. the activities) and ``"role"`` (a theme role; default
            ``process``). start and end are numbers in ``unit`` (e.g. -24 for two years
            before launch), or ``datetime.date``/``datetime`` values for a date axis with
            ticks on month or year boundaries; a phase with start == end is drawn as a
            thin bar.
        title: The figure's title (required).
        description: Text for screen readers; by default one sentence listing the phases
            and milestones with their times.
        milestones: ``{"label", "at"}`` dicts, drawn as diamonds on the axis; ``at`` is
            a date when the phases' times are.
        unit: The time unit; months, weeks, days, quarters and hours get tick steps that
            read naturally (months: 3, 6, 12...), anything else round decimal steps.
        axis_label: Title under the axis (e.g. "months before launch"); by default the
            unit, and "" for none.
        ticks: Tick values (numbers or ``(value, "label")`` pairs); by default chosen.
        width: Length of the axis in px.
        theme: The theme you will render with: text is measured at its type sizes, and
            :func:`~diagrams_lib.render` refuses a theme with other sizes.

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
    look = get_theme(theme)
    unit = check_text(unit, where="unit")
    dated = _dated(phases)
    items = read_phases(phases, dated=dated)
    marks = read_milestones(milestones, dated=dated)
    axis_w = ax.number(width, where="width")
    if not 200 <= axis_w <= 4000:
        raise ValidationError(f"width must be between 200 and 4000 px, not {axis_w:g}")
    label = unit if axis_label is None else check_text(axis_label, where="axis_label")
    if dated:
        label = "" if axis_label is None else label
        if ticks is not None:
            raise ValidationError("ticks are chosen on a date axis (months or years); omit ticks")
    values = [p.start for p in items] + [p.end for p in items] + [at for _, at in marks]
    max_ticks = max(3, min(9, int(axis_w // 90)))
    if dated:
        tick_list = date_ticks(min(values), max(values), max_ticks=max_ticks)
        scale = ax.Scale(tick_list[0][0], tick_list[-1][0], 0.0, axis_w)
    else:
        scale, tick_list = ax.choose_ticks(
            min(values),
            max(values),
            ax.read_ticks(ticks, where="ticks"),
            start=0.0,
            end=axis_w,
            max_ticks=max_ticks,
            size=lambda text: ax.text_box_size(text, theme=look)[0],
            room=14,
            steps=_unit_steps(unit),
        )
    name = day_name if dated else ax.format_number
    summary = description or _describe(
        items, marks, unit="dates" if dated else unit, scale=scale, name=name
    )
    g = nx.Graph(
        title=title,
        description=check_text(summary, where="timeline description"),
        kind="timeline",
        measured_for=measured_for(look),
    )
    bars = [place_bar(p, scale, axis_end=scale.end, theme=look) for p in items]
    draw(g, bars, marks, scale=scale, ticks=tick_list, axis_label=label, theme=look)
    return g


def _dated(phases: Any) -> bool:
    """Whether the first phase starts at a date: then every time must be one."""
    try:
        return is_date(phases[0]["start"])
    except (TypeError, LookupError):
        return False  # read_phases names what is wrong


def _describe(
    items: list[Phase], marks: list[tuple[str, float]], *, unit: str, scale: ax.Scale, name
) -> str:
    f = name
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


def example_dates() -> nx.Graph:
    """A year's release plan in calendar dates: a date axis with a tick every two months."""
    import datetime as dt

    day = dt.date
    return timeline(
        [
            {"label": "Research", "start": day(2025, 1, 6), "end": day(2025, 3, 28)},
            {"label": "Design", "start": day(2025, 3, 3), "end": day(2025, 5, 30)},
            {"label": "Build", "start": day(2025, 5, 5), "end": day(2025, 10, 31)},
            {
                "label": "Beta",
                "start": day(2025, 9, 1),
                "end": day(2025, 11, 28),
                "role": "highlight",
            },
        ],
        title="Release plan 2025",
        milestones=[
            {"label": "Design sign-off", "at": day(2025, 5, 30)},
            {"label": "Release", "at": day(2025, 12, 8)},
        ],
    )
