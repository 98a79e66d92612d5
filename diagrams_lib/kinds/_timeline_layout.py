"""Where a timeline's pieces go: each phase's bar and its text (inside or beside), the
lanes the bars share, and the rows of the milestone labels.

Text is measured by :func:`diagrams_lib.measure_node` for the timeline's theme, so a
bar holds its label exactly as the renderer wraps it.

>>> from diagrams_lib import LIGHT
>>> from diagrams_lib.kinds.axis import Scale
>>> from diagrams_lib.kinds._timeline_read import read_phases
>>> phases = read_phases([{"label": "Design", "start": 0, "end": 4},
...                       {"label": "Build", "start": 3, "end": 9}])
>>> bars = [place_bar(p, Scale(0, 9, 0, 450), axis_end=450, theme=LIGHT) for p in phases]
>>> [b.inside for b in bars], lanes(bars)
([True, True], [0, 1])
"""

from __future__ import annotations

from dataclasses import dataclass

from ..size import NodeMeasure, measure_node, node_size
from ..theme import Theme
from . import axis as ax
from ._geometry import Box
from ._timeline_read import Phase

__all__ = [
    "BESIDE_GAP",
    "BESIDE_WRAP",
    "Bar",
    "Spot",
    "beside_box",
    "lanes",
    "milestone_spots",
    "place_bar",
]

BESIDE_WRAP = 200.0  # text beside a bar wraps at this width
BESIDE_GAP = 6.0  # between a bar and the text beside it
LANE_GAP = 10.0
MIN_BAR_W = 6.0
MAX_LINES = 3  # of a label or note inside a bar


@dataclass(frozen=True, slots=True, kw_only=True)
class Bar:
    """A phase in px: its bar, and where its text goes (inside or beside)."""

    phase: Phase
    left: float
    right: float
    inside: bool
    text: tuple[float, float]  # the beside text's box (w, h); (0, 0) when inside
    text_side: str  # "right" or "left" when beside
    height: float  # height the bar (or the beside text) needs

    def footprint(self) -> tuple[float, float]:
        """The span in x the bar and its beside text take up."""
        if self.inside:
            return self.left, self.right
        if self.text_side == "right":
            return self.left, self.right + BESIDE_GAP + self.text[0]
        return self.left - BESIDE_GAP - self.text[0], self.right


def _inside(phase: Phase, width: float, *, theme: Theme) -> NodeMeasure | None:
    """The phase's box as the renderer wraps its text inside a bar ``width`` px wide, or
    None when the bar is narrower than the narrowest box, or the text would break a word
    or take more than :data:`MAX_LINES` lines."""
    if width < node_size(shape="rect", theme=theme)[0]:
        return None
    attrs = {"note": phase.note, "role": phase.role, "shape": "rect", "theme": theme}
    wrapped = measure_node(phase.label, width=width, **attrs)
    whole = measure_node(phase.label, max_label_width=10_000, **attrs)  # unwrapped
    for block, unwrapped in ((wrapped.label, whole.label), (wrapped.note, whole.note)):
        if block is None:
            continue
        words = " ".join(unwrapped.lines).split()
        if len(block.lines) > MAX_LINES or " ".join(block.lines).split() != words:
            return None
    return wrapped


def place_bar(phase: Phase, scale: ax.Scale, *, axis_end: float, theme: Theme) -> Bar:
    """The phase's bar on ``scale``, its text inside when it fits, else beside it (on the
    right unless that runs past the axis end and there is room on the left)."""
    left, right = scale(phase.start), scale(phase.end)
    if right - left < MIN_BAR_W:
        middle = (left + right) / 2
        left, right = middle - MIN_BAR_W / 2, middle + MIN_BAR_W / 2
    bar = {"phase": phase, "left": left, "right": right}
    box = _inside(phase, right - left, theme=theme)
    if box is not None:
        return Bar(**bar, inside=True, text=(0.0, 0.0), text_side="", height=box.height)
    text_w, text_h = ax.text_box_size(
        phase.label, note=phase.note, max_width=BESIDE_WRAP, theme=theme
    )
    side = "right" if right + BESIDE_GAP + text_w <= axis_end + 24 or left < text_w else "left"
    empty = node_size(shape="rect", theme=theme)[1]  # a bar is never lower than an empty box
    return Bar(
        **bar, inside=False, text=(text_w, text_h), text_side=side, height=max(empty, text_h)
    )


def beside_box(bar: Bar, middle: float) -> Box:
    """The box of the text beside ``bar``, centred on the height ``middle``."""
    (width, height), gap = bar.text, BESIDE_GAP
    left = bar.right + gap if bar.text_side == "right" else bar.left - gap - width
    return Box(left, middle - height / 2, left + width, middle + height / 2)


def lanes(bars: list[Bar]) -> list[int]:
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Spot:
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
    placed: list[tuple[Spot, float]],
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


def milestone_spots(labels: list[tuple[float, float]]) -> list[Spot]:
    """Place milestone labels, given as (diamond x, width), in x order.

    Each label tries its row centred on its diamond, then ending just right of it, then
    starting just left of it, before moving one row up. A label may not overlap another in
    its row; a label above row 0 gets a vertical guide down to its diamond, which may not
    cross a lower label, nor may a label sit across a guide from a higher one.
    """
    spots: list[Spot | None] = [None] * len(labels)
    placed: list[tuple[Spot, float]] = []
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
                Spot(row=row, left=lo, right=hi, align=align)
                for strict in (True, False)
                for row in range(len(labels) + 1)
                for lo, hi, align in options
                if _spot_free(row, lo, hi, x=x, later=later if strict else [], placed=placed)
            ),
            Spot(row=len(labels), left=x - w / 2, right=x + w / 2, align="center"),
        )
        spots[i] = chosen
        placed.append((chosen, x))
    return [s for s in spots if s is not None]
