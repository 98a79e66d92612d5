"""Where an overlap's circles and item stacks go.

Circles all have one radius. Each region's stack of text lines goes where it has the
most room; the radius is the smallest (within 2 px) at which every stack clears every
circle's outline by :data:`MARGIN`, for the spacing of the circles that gives the
smallest figure. A line of text is (offset of its middle from the stack's middle, half
its width, half its height), so the stacks are measured by whoever builds them.

>>> r, centres, spots = layout([Region(members=(0,), shapes=(((0.0, 20.0, 9.0),),))], 2)
>>> r, len(spots)
(110.0, 1)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import ValidationError

__all__ = ["MARGIN", "Line", "Region", "layout", "name_spots"]

MARGIN = 8.0  # between an item's text and any circle outline
_NAME_GAP = 8.0  # between a circle and its name
_MIN_RADIUS = 110.0
_MAX_RADIUS = 2000.0
_NAME_APART = 24.0  # between the names of the top two circles
# Centre distance / radius tried; the smallest figure wins, a little biased towards 1.
_SPACINGS = (0.85, 1.0, 1.15)

Point = tuple[float, float]
Line = tuple[float, float, float]  # (offset, half width, half height) in a stack


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    """A region with items: the sets it is inside, and its stack of lines wrapped wide,
    then (when that differs) narrow."""

    members: tuple[int, ...]
    shapes: tuple[tuple[Line, ...], ...]


def _centres(count: int, distance: float) -> list[tuple[float, float]]:
    """Circle centres around the origin, y growing downward: two side by side, or a
    triangle with two on top and one below."""
    if count == 2:
        return [(-distance / 2, 0.0), (distance / 2, 0.0)]
    lift = distance * math.sqrt(3) / 6
    return [(-distance / 2, -lift), (distance / 2, -lift), (0.0, 2 * lift)]


def _clearance(members, shape, x: float, y: float, centres, r: float) -> float:
    """How far a stack of lines centred at (x, y) stays inside the circles in ``members``
    and outside the others (negative: a line of text crosses an outline)."""
    worst = math.inf
    for i, (cx, cy) in enumerate(centres):
        dx, dy = abs(x - cx), y - cy
        if i in members:  # the line's farthest corner must be inside
            for oy, hw, hh in shape:
                worst = min(worst, r - math.hypot(dx + hw, abs(dy + oy) + hh))
        else:  # the line's nearest point must be outside
            for oy, hw, hh in shape:
                near = math.hypot(max(dx - hw, 0.0), max(abs(dy + oy) - hh, 0.0))
                worst = min(worst, near - r)
    return worst


def _within(members, x: float, y: float, centres, r: float) -> bool:
    """Whether the point (x, y) lies in the region of exactly the sets in ``members``."""
    return all(
        (math.hypot(x - cx, y - cy) < r) == (i in members) for i, (cx, cy) in enumerate(centres)
    )


def _best_spot(members, shape, centres, r: float) -> tuple[float, float, float]:
    """The stack centre with the most clearance, as (clearance, x, y): a grid over the
    region, then finer grids around the best point."""
    inside = [centres[i] for i in members]
    left, right = max(cx for cx, _ in inside) - r, min(cx for cx, _ in inside) + r
    top, bottom = max(cy for _, cy in inside) - r, min(cy for _, cy in inside) + r
    step = r / 8
    best = (-math.inf, (left + right) / 2, (top + bottom) / 2)
    for i in range(int((right - left) / step) + 1):
        for j in range(int((bottom - top) / step) + 1):
            x, y = left + i * step, top + j * step
            if _within(members, x, y, centres, r):
                best = max(best, (_clearance(members, shape, x, y, centres, r), x, y))
    for _ in range(4):
        step /= 3
        _, bx, by = best
        for i in (-1, 0, 1):
            for j in (-1, 0, 1):
                x, y = bx + i * step, by + j * step
                best = max(best, (_clearance(members, shape, x, y, centres, r), x, y))
    return best


def _room(regions: list[Region], count: int, spacing: float, r: float, wide: bool):
    """(least room left, centres, spots) at radius ``r``; a region's spot is (x, y,
    variant), the first variant that fits (only the wide one when ``wide``)."""
    centres = _centres(count, spacing * r)
    least, spots = math.inf, []
    for region in regions:
        shapes = region.shapes[:1] if wide else region.shapes
        spot = None
        for index, shape in enumerate(shapes):
            room, x, y = _best_spot(region.members, shape, centres, r)
            if spot is None or room > spot[0]:
                spot = (room, x, y, index)
            if room >= MARGIN:
                break
        least = min(least, spot[0] - MARGIN)
        spots.append(spot[1:])
    return least, centres, spots


def _smallest(regions: list[Region], count: int, spacing: float, wide: bool):
    """The smallest radius (within 2 px) where every stack fits: (r, centres, spots).

    The room left grows about linearly with the radius, so after bracketing the root,
    false position (Illinois variant) finds it in a few steps.
    """
    low, high = _MIN_RADIUS, _MIN_RADIUS
    f_high, *placed = _room(regions, count, spacing, high, wide)
    f_low = f_high
    while f_high < 0:
        if high >= _MAX_RADIUS:
            return None
        low, f_low = high, f_high
        high = min(_MAX_RADIUS, high * 1.6)
        f_high, *placed = _room(regions, count, spacing, high, wide)
    side = 0
    while high - low > 2 and f_high > 1 and f_low < 0:
        mid = high - f_high * (high - low) / (f_high - f_low)
        mid = min(max(mid, low + 0.5), high - 0.5)
        f_mid, *at_mid = _room(regions, count, spacing, mid, wide)
        if f_mid >= 0:
            high, f_high, placed = mid, f_mid, at_mid
            f_low = f_low / 2 if side == 1 else f_low
            side = 1
        else:
            low, f_low = mid, f_mid
            f_high = f_high / 2 if side == -1 else f_high
            side = -1
    return (high, *placed)


def layout(
    regions: list[Region], count: int
) -> tuple[float, list[Point], list[tuple[float, float, int]]]:
    """Radius, centres and spots (x, y, variant) of the smallest good figure.

    Every spacing of the circles is tried, items wrapped wide and, where that helps,
    narrow; narrow wrapping is used only when it makes the circles much smaller.
    """
    best: dict[bool, tuple] = {}
    for wide in (True, False):
        for spacing in _SPACINGS:
            found = _smallest(regions, count, spacing, wide)
            if found is None:
                continue
            r = found[0]
            extent = r * (2 + spacing) * r * (2 + (spacing * 0.87 if count == 3 else 0))
            score = extent * (1 + 0.5 * abs(spacing - 1))
            if wide not in best or score < best[wide][0]:
                best[wide] = (score, *found)
    if not best:
        raise ValidationError("the items are too many or too long to fit in the circles")
    if True in best and (False not in best or best[False][1] > 0.7 * best[True][1]):
        return best[True][1:]
    return best[False][1:]


def name_spots(boxes: list[tuple[float, float]], centres, r: float) -> list[Point]:
    """Centres of the set names, given their boxes: above the top circles (pushed apart
    if they would touch), below the third."""
    spots = []
    for (cx, cy), (_, h) in zip(centres, boxes, strict=True):
        below = cy > 0
        spots.append((cx, cy + (r + _NAME_GAP + h / 2) * (1 if below else -1)))
    (ax, ay), (bx, by) = spots[0], spots[1]
    crowd = (boxes[0][0] + boxes[1][0]) / 2 + _NAME_APART - (bx - ax)
    if crowd > 0:
        spots[0], spots[1] = (ax - crowd / 2, ay), (bx + crowd / 2, by)
    return spots
