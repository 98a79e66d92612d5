"""Axes and annotations for pinned graphs: scales, tick values and graph pieces.

The chart and timeline kinds are built from these, and they are public so that you can
add to what a pinned kind returns (a note above a bar, a bracket, a guide line) in the
same terms. Everything is computed in px with y growing DOWN, like the SVG; :func:`pin`
turns such a point into a Graphviz pin (points, y up), and ``-pin[1]`` turns a node's
pin back into it.
Rules (axes, ticks, gridlines) are edges between invisible ``anchor`` nodes; text is a
``text`` node sized from the shipped font metrics, so nothing depends on installed fonts.

>>> nice_ticks(0, 47, max_ticks=6)
[0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
>>> [format_number(v) for v in (-24, 0.5, 12000)]
['−24', '0.5', '12,000']
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from numbers import Real
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ..text import LINE_HEIGHT, measure_block

__all__ = [
    "FONT",
    "NO_CLIP",
    "Box",
    "Scale",
    "add_anchor",
    "add_rule",
    "add_text",
    "crosses",
    "format_number",
    "log_ticks",
    "nice_ticks",
    "number",
    "open_spans",
    "overlaps",
    "pin",
    "place_near",
    "read_ticks",
    "segment_hits_box",
    "step_ticks",
    "text_box_size",
    "ticks_fit",
]

Point = tuple[float, float]
FONT = 14.0  # the theme's label size: text nodes are drawn at it
NOTE_FONT = 12.0
# Graphviz clips an edge where it meets its end node; even the smallest node (0.01 x 0.02
# in) would make a line stop 0.6-1.3 px short, so rules and series lines run centre to
# centre (markers are drawn over the line ends anyway).
NO_CLIP = {"headclip": "false", "tailclip": "false"}
_MINUS = "\u2212"
_DECIMAL_STEPS = (1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True)
class Box:
    """A rectangle in plot px (y down), used to keep text clear of lines and other text."""

    left: float
    top: float
    right: float
    bottom: float

    def grow(self, by: float) -> Box:
        """Return the box enlarged by ``by`` px on every side."""
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


def overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes overlap.

    >>> overlaps(Box(0, 0, 10, 10), Box(5, 5, 20, 20)), overlaps(Box(0, 0, 1, 1), Box(2, 2, 3, 3))
    (True, False)
    """
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom


def segment_hits_box(p: Point, q: Point, box: Box) -> bool:
    """Whether the segment ``p``-``q`` crosses or touches ``box`` (Liang-Barsky clipping).

    >>> segment_hits_box((0, 0), (10, 10), Box(4, 4, 6, 6))
    True
    >>> segment_hits_box((0, 0), (10, 0), Box(4, 4, 6, 6))
    False
    """
    (x0, y0), (x1, y1) = p, q
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for step, dist in (
        (-dx, x0 - box.left),
        (dx, box.right - x0),
        (-dy, y0 - box.top),
        (dy, box.bottom - y0),
    ):
        if step == 0:
            if dist < 0:
                return False
            continue
        t = dist / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def crosses(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether the segments a-b and c-d cross (touching does not count).

    >>> crosses((0, 0), (2, 2), (0, 2), (2, 0)), crosses((0, 0), (1, 1), (2, 0), (3, 1))
    (True, False)
    """

    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def open_spans(
    at: float, lo: float, hi: float, boxes: Sequence[Box], *, vertical: bool
) -> list[tuple[float, float]]:
    """The parts of a rule at ``at`` from ``lo`` to ``hi`` that stay 3 px clear of ``boxes``.

    A vertical rule runs at x = ``at`` from y = ``lo`` to ``hi``, a horizontal one at
    y = ``at``. Pieces shorter than 8 px are dropped. Gridlines use it to break around text.

    >>> open_spans(5, 0, 100, [Box(0, 40, 10, 60)], vertical=True)
    [(0, 37), (63, 100)]
    """
    spans = [(lo, hi)]
    for box in boxes:
        across = (box.left, box.right) if vertical else (box.top, box.bottom)
        along = (box.top, box.bottom) if vertical else (box.left, box.right)
        if not across[0] - 3 <= at <= across[1] + 3:
            continue
        cut_lo, cut_hi = along[0] - 3, along[1] + 3
        spans = [
            piece
            for a, b in spans
            for piece in ((a, min(b, cut_lo)), (max(a, cut_hi), b))
            if piece[1] > piece[0]
        ]
    return [(a, b) for a, b in sorted(spans) if b - a >= 8]


def place_near(
    point: Point,
    size: tuple[float, float],
    *,
    area: Box,
    boxes: Sequence[Box],
    segments: Sequence[tuple[Point, Point]],
) -> tuple[Box, str]:
    """Find a spot for a ``size`` text box near ``point``, clear of lines and other boxes.

    Tries the four diagonals, then above, below, right and left, at growing distances; the
    first spot inside ``area`` that touches no box or segment, and whose guide from the
    point (leaving out the 12 px around it) crosses none, wins; otherwise the spot with the
    fewest collisions. Returns the box and the text alignment that keeps it off the point.

    >>> place_near((50, 50), (20, 10), area=Box(0, 0, 100, 100), boxes=[], segments=[])
    (Box(left=76.0, top=19.2, right=96.0, bottom=29.2), 'left')
    """
    w, h = size
    scored: list[tuple[int, int, Box, str]] = []
    for r in (26.0, 44.0, 70.0, 100.0):
        for ux, uy in ((1, -1), (-1, -1), (1, 1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0)):
            cx, cy = point[0] + ux * r, point[1] + uy * r * 0.8
            left = {1: cx, -1: cx - w}.get(ux, cx - w / 2)
            top = {1: cy, -1: cy - h}.get(uy, cy - h / 2)
            box = Box(round(left, 2), round(top, 2), round(left + w, 2), round(top + h, 2))
            hits = _collisions(point, box, boxes=boxes, segments=segments)
            inside = (
                area.left <= box.left
                and box.right <= area.right
                and area.top <= box.top
                and box.bottom <= area.bottom
            )
            score = hits + (0 if inside else 10)
            align = {1: "left", -1: "right"}.get(ux, "center")
            if score == 0:
                return box, align
            scored.append((score, len(scored), box, align))
    _, _, box, align = min(scored)
    return box, align


def _collisions(
    point: Point, box: Box, *, boxes: Sequence[Box], segments: Sequence[tuple[Point, Point]]
) -> int:
    padded = box.grow(3)
    hits = sum(overlaps(padded, other) for other in boxes)
    hits += sum(segment_hits_box(p, q, padded) for p, q in segments)
    tx, ty = (box.left + box.right) / 2, (box.top + box.bottom) / 2
    length = math.hypot(tx - point[0], ty - point[1]) or 1.0
    start = (point[0] + (tx - point[0]) / length * 12, point[1] + (ty - point[1]) / length * 12)
    end = (min(max(point[0], box.left), box.right), min(max(point[1], box.top), box.bottom))
    hits += sum(crosses(start, end, p, q) for p, q in segments)
    return hits + sum(segment_hits_box(start, end, other) for other in boxes)


def number(value: Any, *, where: str) -> float:
    """Return ``value`` as a finite float, or raise an error that names ``where``.

    >>> number(3, where="phase 'a' start")
    3.0
    >>> number(float("nan"), where="series 'a' point 2 y")
    Traceback (most recent call last):
    ...
    diagrams_lib.errors.ValidationError: series 'a' point 2 y is nan; values must be finite
    """
    if not isinstance(value, Real) or isinstance(value, bool):
        raise DiagramTypeError(f"{where} must be a number, not {value!r}")
    out = float(value)
    if not math.isfinite(out):
        raise ValidationError(f"{where} is {out!r}; values must be finite")
    return out


def pin(x: float, y: float) -> tuple[float, float]:
    """Turn a plot point (px, y down) into a Graphviz pin (points, y up), 2 decimals.

    >>> pin(10.004, 20)
    (10.0, -20.0)
    """
    return (round(x, 2) + 0.0, round(-y, 2) + 0.0)


@dataclass(frozen=True)
class Scale:
    """Maps data values in ``[lo, hi]`` linearly (or by log10) onto px ``[start, end]``.

    >>> Scale(0, 10, 0, 200)(2.5)
    50.0
    >>> Scale(1, 100, 300, 0, log=True)(10)
    150.0
    """

    lo: float
    hi: float
    start: float
    end: float
    log: bool = False

    def __call__(self, value: float) -> float:
        lo, hi, v = self.lo, self.hi, value
        if self.log:
            lo, hi, v = math.log10(lo), math.log10(hi), math.log10(value)
        if hi == lo:
            return (self.start + self.end) / 2
        return self.start + (v - lo) / (hi - lo) * (self.end - self.start)


def step_ticks(lo: float, hi: float, step: float) -> list[float]:
    """Multiples of ``step`` from the one at or below ``lo`` to the one at or above ``hi``.

    >>> step_ticks(-24, -1, 6)
    [-24.0, -18.0, -12.0, -6.0, 0.0]
    """
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def nice_ticks(
    lo: float, hi: float, *, max_ticks: int, steps: Sequence[float] | None = None
) -> list[float]:
    """Round tick values covering ``[lo, hi]``, at most ``max_ticks`` of them where possible.

    ``steps`` are the allowed tick steps in data units (e.g. 1, 3, 6, 12 for months); by
    default 1, 2, 2.5 and 5 times a power of ten.

    >>> nice_ticks(-24, 0, max_ticks=8, steps=(1, 2, 3, 6, 12))
    [-24.0, -18.0, -12.0, -6.0, 0.0]
    >>> nice_ticks(0, 0, max_ticks=3)
    [-1.0, 0.0, 1.0]
    """
    if hi == lo:
        pad = abs(lo) * 0.2 or 1.0
        return nice_ticks(lo - pad, hi + pad, max_ticks=max_ticks, steps=steps)
    if steps is None:
        power = 10.0 ** math.floor(math.log10((hi - lo) / max(max_ticks - 1, 1)))
        candidates = [m * power * k for k in (1, 10, 100) for m in _DECIMAL_STEPS]
    else:
        candidates = sorted(steps)
    for step in candidates:
        ticks = step_ticks(lo, hi, step)
        if len(ticks) <= max_ticks:
            return ticks
    # No allowed step is coarse enough: keep doubling the largest one.
    step = candidates[-1]
    while len(step_ticks(lo, hi, step)) > max_ticks:
        step *= 2
    return step_ticks(lo, hi, step)


def ticks_fit(
    ticks: Sequence[float], scale: Scale, *, room: float, size: Callable[[str], float]
) -> bool:
    """Whether neighbouring tick labels, ``size(label)`` px long, keep ``room`` px apart.

    >>> ticks_fit([0, 1, 2], Scale(0, 2, 0, 40), room=4, size=lambda label: 10)
    True
    """
    pos = [scale(t) for t in ticks]
    for (a, b), (ta, tb) in zip(pairwise(pos), pairwise(ticks), strict=True):
        if abs(b - a) < (size(format_number(ta)) + size(format_number(tb))) / 2 + room:
            return False
    return True


def log_ticks(lo: float, hi: float) -> list[float]:
    """Powers of ten covering ``[lo, hi]`` (both > 0).

    >>> log_ticks(3, 450)
    [1.0, 10.0, 100.0, 1000.0]
    """
    first = math.floor(math.log10(lo) + 1e-9)
    last = math.ceil(math.log10(hi) - 1e-9)
    last = max(last, first + 1)
    return [float(10.0**k) for k in range(first, last + 1)]


def format_number(value: float) -> str:
    """Format a tick value: at most 3 decimals, a real minus sign, thousands separators
    from 10,000 on (so years stay 2024), powers of ten beyond.

    >>> [format_number(v) for v in (0.0, 2.5, -6, 1e-3, 2024, 1000000, 1e7, 0.00001)]
    ['0', '2.5', '−6', '0.001', '2024', '1,000,000', '10⁷', '10⁻⁵']
    """
    if value == 0:
        return "0"
    magnitude = abs(value)
    exponent = math.log10(magnitude)
    if (magnitude >= 1e7 or magnitude < 1e-3) and abs(exponent - round(exponent)) < 1e-9:
        digits = str(round(exponent)).translate(_SUPERSCRIPT)
        return (_MINUS if value < 0 else "") + "10" + digits
    if magnitude >= 1e7 or magnitude < 1e-3:
        text = f"{magnitude:.2g}"
    else:
        text = f"{magnitude:{',' if magnitude >= 1e4 else ''}.3f}".rstrip("0").rstrip(".")
    return (_MINUS if value < 0 else "") + text


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def read_ticks(ticks: Any, *, where: str) -> list[tuple[float, str | None]] | None:
    """Read user ticks: numbers, or ``(value, "label")`` pairs; ``None`` means automatic.

    >>> read_ticks([0, (12, "launch")], where="ticks")
    [(0.0, None), (12.0, 'launch')]
    """
    if ticks is None:
        return None
    if isinstance(ticks, (str, bytes)) or not isinstance(ticks, Sequence):
        raise DiagramTypeError(f"{where} must be a list of numbers or (value, label) pairs")
    out: list[tuple[float, str | None]] = []
    for i, item in enumerate(ticks):
        if isinstance(item, (tuple, list)):
            if len(item) != 2:
                raise DiagramTypeError(f"{where}[{i}] must be a number or a (value, label) pair")
            value = number(item[0], where=f"{where}[{i}] value")
            out.append((value, check_text(item[1], where=f"{where}[{i}] label")))
        else:
            out.append((number(item, where=f"{where}[{i}]"), None))
    if not out:
        raise ValidationError(f"{where} is empty; pass None for automatic ticks")
    return sorted(out, key=lambda pair: pair[0])


def text_box_size(
    text: str, *, note: str | None = None, max_width: float = 10_000.0
) -> tuple[float, float]:
    """Size (w, h) in px of a ``text`` node holding ``text`` (and a smaller ``note``).

    The layout wraps a text node's label with the bold metrics at its width minus 4 px, so
    the width is measured bold; the regular weight it is drawn in is never wider.

    >>> text_box_size("20")
    (25.49, 21.5)
    """
    label = measure_block(text, max_width=max_width, size=FONT, bold=True, line_height=LINE_HEIGHT)
    width, height = label.width, label.height
    if note:
        block = measure_block(
            note, max_width=max(max_width, width), size=NOTE_FONT, line_height=LINE_HEIGHT
        )
        width, height = max(width, block.width), height + 4 + block.height
    return round(width + 6, 2), round(height + 4, 2)


def add_anchor(g: nx.Graph, key: str, x: float, y: float, *, label: str) -> None:
    """Add an invisible anchor node (an edge end) at plot point (x, y)."""
    g.add_node(key, label=label, role="anchor", shape="none", size=(0, 0), pin=pin(x, y))


def add_rule(
    g: nx.Graph,
    key: str,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    role: str,
    label: str,
) -> None:
    """Add a straight line (axis, tick, gridline, guide) as an edge between two anchors.

    The anchors are ``key + ":from"`` and ``key + ":to"``; the line is not clipped, so it
    runs exactly between the two points.
    """
    add_anchor(g, f"{key}:from", *start, label=f"{label} (start)")
    add_anchor(g, f"{key}:to", *end, label=f"{label} (end)")
    g.add_edge(f"{key}:from", f"{key}:to", role=role, dot=dict(NO_CLIP))


def add_text(
    g: nx.Graph,
    key: str,
    text: str,
    x: float,
    y: float,
    *,
    align: str = "center",
    role: str = "text",
    note: str | None = None,
    max_width: float = 10_000.0,
) -> Box:
    """Add a text node and return its box.

    ``x`` is the left edge for ``align="left"``, the right edge for ``"right"`` and the
    centre otherwise; ``y`` is the vertical centre.
    """
    width, height = text_box_size(text, note=note, max_width=max_width)
    left = {"left": x, "right": x - width}.get(align, x - width / 2)
    attrs = {
        "label": text,
        "role": role,
        "shape": "text",
        "align": align,
        "size": (width, height),
        "pin": pin(left + width / 2, y),
    }
    if note:
        attrs["note"] = note
    g.add_node(key, **attrs)
    return Box(left, y - height / 2, left + width, y + height / 2)
