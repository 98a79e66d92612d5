"""Axes for pinned graphs: scales, tick values, number formatting, and the pieces to draw them.

The chart and timeline kinds are built from these, and they are public so that you can
add to what a pinned kind returns (a note above a bar, a bracket, a guide line) in the
same terms. Everything is computed in px with y growing DOWN, like the SVG; :func:`pin`
turns such a point into a Graphviz pin (points, y up), and ``-pin[1]`` turns a node's
pin back into it.
Rules (axes, ticks, gridlines) are edges between invisible ``anchor`` nodes; text is a
``text`` node sized by :func:`diagrams_lib.node_size` for the theme you will render
with (``theme=`` of :func:`add_text` and :func:`text_box_size`), so nothing depends on
installed fonts. The placement helpers (:class:`Box`, :func:`place_near`, ...) and the
graph pieces (:func:`add_text`, ...) live in two small modules and are re-exported here.

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

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ._geometry import Box, crosses, open_spans, overlaps, place_near, segment_hits_box
from ._pieces import NO_CLIP, add_anchor, add_rule, add_text, pin, text_box_size

__all__ = [
    "NO_CLIP",
    "Box",
    "Scale",
    "add_anchor",
    "add_rule",
    "add_text",
    "choose_ticks",
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

_MINUS = "\u2212"
# Values beyond this are refused before any work: the span between two of them, and
# every tick step, must stay a finite float.
MAX_MAGNITUDE = 1e100
_DECIMAL_STEPS = (1.0, 2.0, 2.5, 5.0)


def number(value: Any, *, where: str) -> float:
    """Return ``value`` as a finite float, or raise an error that names ``where``.

    >>> number(3, where="phase 'a' start")
    3.0
    >>> number(float("nan"), where="series 'a' point 2 y")
    Traceback (most recent call last):
    ...
    diagrams_lib.errors.ValidationError: series 'a' point 2 y is nan; values must be finite
    >>> number(1e308, where="end")
    Traceback (most recent call last):
    ...
    diagrams_lib.errors.ValidationError: end is 1e+308; values must be between -1e+100 and 1e+100
    """
    if not isinstance(value, Real) or isinstance(value, bool):
        raise DiagramTypeError(f"{where} must be a number, not {value!r}")
    try:
        out = float(value)
    except OverflowError:  # an int too large for a float
        out = math.copysign(math.inf, value)
    if not math.isfinite(out):
        raise ValidationError(f"{where} is {out!r}; values must be finite")
    if abs(out) > MAX_MAGNITUDE:
        raise ValidationError(
            f"{where} is {out:g}; values must be between {-MAX_MAGNITUDE:g} and {MAX_MAGNITUDE:g}"
        )
    return out


@dataclass(frozen=True, slots=True)
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
    first, last = _step_range(lo, hi, step)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def _step_range(lo: float, hi: float, step: float) -> tuple[int, int]:
    """The first and last multiple of ``step`` (as counts of it) that cover ``[lo, hi]``."""
    return math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)


def _tick_count(lo: float, hi: float, step: float) -> int:
    """How many ticks :func:`step_ticks` would give, without making them."""
    first, last = _step_range(lo, hi, step)
    return last - first + 1


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
        if _tick_count(lo, hi, step) <= max_ticks:
            return step_ticks(lo, hi, step)
    # No allowed step is coarse enough: round decimal steps.
    return nice_ticks(lo, hi, max_ticks=max_ticks)


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


def choose_ticks(
    lo: float,
    hi: float,
    given: Sequence[tuple[float, str | None]] | None,
    *,
    start: float,
    end: float,
    max_ticks: int,
    size: Callable[[str], float],
    room: float,
    steps: Sequence[float] | None = None,
    log: bool = False,
) -> tuple[Scale, list[tuple[float, str]]]:
    """The scale of one numeric axis, from px ``start`` to ``end``, and its ticks as
    (value, label).

    ``given`` ticks (from :func:`read_ticks`) are kept, and the axis covers them and the
    data; a log axis gets a tick at every power of ten; otherwise the most round ticks
    (:func:`nice_ticks`, at most ``max_ticks``) whose labels, ``size(label)`` px long,
    keep ``room`` px apart (:func:`ticks_fit`), or two ticks if none do.

    >>> scale, ticks = choose_ticks(0, 47, None, start=0, end=100, max_ticks=6,
    ...                             size=lambda label: 20, room=4)
    >>> ticks
    [(0.0, '0'), (20.0, '20'), (40.0, '40'), (60.0, '60')]
    >>> scale(60)
    100.0
    """
    if given is not None:
        values = [v for v, _ in given]
        scale = Scale(min(lo, *values), max(hi, *values), start, end, log=log)
        return scale, [(v, label or format_number(v)) for v, label in given]
    if log:
        values = log_ticks(lo, hi)
        scale = Scale(values[0], values[-1], start, end, log=True)
    else:
        for count in range(max(max_ticks, 2), 1, -1):
            values = nice_ticks(lo, hi, max_ticks=count, steps=steps)
            scale = Scale(values[0], values[-1], start, end)
            if ticks_fit(values, scale, room=room, size=size):
                break
    return scale, [(v, format_number(v)) for v in values]


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
