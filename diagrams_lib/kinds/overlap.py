"""Overlap: two or three sets and what they share, drawn as a Venn diagram.

Sets are large translucent circles, all of one radius, and every item is a text node
pinned inside its exact region (only in one set, in two, or in all three). The items of
a region are stacked vertically; the circles grow, and their spacing is chosen, until
every stack clears every circle's outline by a margin. Set names sit outside the
circles, at their outer edge, away from the busy middle.

>>> g = overlap({"Cats": ["purr"], "Dogs": ["bark"]}, shared={("Cats", "Dogs"): ["fur"]},
...             title="Pets")
>>> [k for k in g.nodes if k.startswith("item:")], g.graph["kind"]
(['item:purr', 'item:bark', 'item:fur'], 'overlap')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ..text import LINE_HEIGHT, measure_block, text_width
from ..theme import LIGHT
from ._common import check_title

__all__ = ["CAPTION", "example", "overlap"]

CAPTION = (
    "Three overlapping skill sets: each item sits in the exact region of the sets it "
    "belongs to, the circles grow to fit them, and one dotted line relates two items."
)

_GAP = 10.0  # between items of one stack
_MARGIN = 8.0  # between an item's text and any circle outline
_LINE = LIGHT.font_size * LINE_HEIGHT
_NAME_GAP = 8.0  # between a circle and its name
_NAME_WRAP = 170.0
_SLACK = 2.0
_MIN_RADIUS = 110.0
_MAX_RADIUS = 2000.0
_NAME_APART = 24.0  # between the names of the top two circles
# Centre distance / radius tried; the smallest figure wins, a little biased towards 1.
_SPACINGS = (0.85, 1.0, 1.15)

Box = tuple[float, float]


@dataclass(frozen=True)
class _Item:
    text: str  # wrapped into lines
    box: Box  # the node's box, as sizing measures it
    lines: tuple[float, ...]  # width of each drawn line


@dataclass(frozen=True)
class _Region:
    members: tuple[int, ...]  # indices of the sets the region is inside
    items: tuple[str, ...]
    variants: tuple[tuple[_Item, ...], ...]  # the items wrapped wide, then narrow
    shapes: tuple[tuple[tuple[float, float], ...], ...]  # each variant's lines (_shape)


def _text_node(text: str, wrap: float) -> _Item:
    """A text node's lines and box, broken here: sizing measures it bold, the SVG is not.

    The lines are wrapped in the regular weight the SVG draws; the box is as wide as the
    widest line in bold (what sizing measures), so sizing keeps exactly these lines.
    """
    size = LIGHT.font_size
    lines = measure_block(text, max_width=wrap, size=size).lines
    bold = max(text_width(line, size=size, bold=True) for line in lines)
    box = (round(bold + 4 + _SLACK, 2), round(len(lines) * _LINE + 4, 2))
    return _Item("\n".join(lines), box, tuple(text_width(ln, size=size) for ln in lines))


def _wrap(text: str, width: float) -> float:
    """``width``, or the longest word's width if more: words are not broken to fit."""
    longest = max(text_width(word, size=LIGHT.font_size) for word in text.split())
    return max(width, longest)


def _items(value: Any, *, where: str) -> list[str]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise DiagramTypeError(f"{where} must be a list of items, not {type(value).__name__}")
    out = []
    for item in value:
        text = check_text(item, where=f"an item of {where}")
        if not text.strip():
            raise ValidationError(f"{where} has an empty item")
        out.append(text)
    return out


def _read(sets: Any, shared: Any) -> tuple[list[str], dict[tuple[int, ...], list[str]]]:
    if not isinstance(sets, Mapping):
        raise DiagramTypeError(
            f"sets must be a dict {{set name: [items only in it]}}, not {type(sets).__name__}"
        )
    names = [check_text(name, where="a set name") for name in sets]
    if not 2 <= len(names) <= 3:
        raise ValidationError(f"an overlap shows 2 or 3 sets; got {len(names)}: {names!r}")
    for name in names:
        if not name.strip():
            raise ValidationError("a set name is empty")
    regions: dict[tuple[int, ...], list[str]] = {}
    for i, (name, items) in enumerate(sets.items()):
        regions[(i,)] = _items(items, where=f"set {name!r}")
    if shared is None:
        shared = {}
    if not isinstance(shared, Mapping):
        raise DiagramTypeError(
            "shared must be a dict {(set name, set name): [items in both]}, "
            f"not {type(shared).__name__}"
        )
    index = {name: i for i, name in enumerate(names)}
    for key, items in shared.items():
        if not isinstance(key, tuple):
            raise DiagramTypeError(f"intersection {key!r} must be a tuple of set names")
        for name in key:
            if name not in index:
                raise ValidationError(
                    f"intersection {key!r} names unknown set {name!r}; sets: "
                    + ", ".join(repr(n) for n in names)
                )
        members = tuple(sorted({index[name] for name in key}))
        if len(members) < 2 or len(members) != len(key):
            raise ValidationError(f"intersection {key!r} must name two or more different sets")
        if members in regions:
            raise ValidationError(f"intersection {key!r} is given twice")
        regions[members] = _items(items, where=f"intersection {key!r}")
    seen: dict[str, str] = {}
    for members, items in regions.items():
        where = " & ".join(names[i] for i in members)
        for item in items:
            if item in seen:
                raise ValidationError(
                    f"item {item!r} appears twice (in {seen[item]!r} and in {where!r}); "
                    "put each item in one region"
                )
            seen[item] = where
    return names, regions


def _centres(count: int, distance: float) -> list[tuple[float, float]]:
    """Circle centres around the origin, y growing downward: two side by side, or a
    triangle with two on top and one below."""
    if count == 2:
        return [(-distance / 2, 0.0), (distance / 2, 0.0)]
    lift = distance * math.sqrt(3) / 6
    return [(-distance / 2, -lift), (distance / 2, -lift), (0.0, 2 * lift)]


def _shape(items: tuple[_Item, ...]) -> tuple[tuple[float, float], ...]:
    """Each drawn line of a stack as (offset of its middle from the stack's, half width)."""
    height = sum(len(item.lines) for item in items) * _LINE + _GAP * (len(items) - 1)
    out, top = [], -height / 2
    for item in items:
        for width in item.lines:
            out.append((top + _LINE / 2, width / 2))
            top += _LINE
        top += _GAP
    return tuple(out)


def _clearance(members, shape, x: float, y: float, centres, r: float) -> float:
    """How far a stack of lines centred at (x, y) stays inside the circles in ``members``
    and outside the others (negative: a line of text crosses an outline)."""
    worst = math.inf
    half = _LINE / 2
    for i, (cx, cy) in enumerate(centres):
        ax, ay = abs(x - cx), y - cy
        if i in members:  # the line's farthest corner must be inside
            for oy, hw in shape:
                worst = min(worst, r - math.hypot(ax + hw, abs(ay + oy) + half))
        else:  # the line's nearest point must be outside
            for oy, hw in shape:
                near = math.hypot(max(ax - hw, 0.0), max(abs(ay + oy) - half, 0.0))
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


def _room(regions: list[_Region], count: int, spacing: float, r: float, wide: bool):
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
            if room >= _MARGIN:
                break
        least = min(least, spot[0] - _MARGIN)
        spots.append(spot[1:])
    return least, centres, spots


def _smallest(regions: list[_Region], count: int, spacing: float, wide: bool):
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


def _layout(regions: list[_Region], count: int):
    """Radius, centres and spots of the smallest good figure.

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


def _name_spots(names: list[str], centres, r: float) -> list[tuple[float, float]]:
    """Centres of the set names: above the top circles (pushed apart if they would
    touch), below the third."""
    boxes = [_text_node(name, _NAME_WRAP).box for name in names]
    spots = []
    for (cx, cy), (_, h) in zip(centres, boxes, strict=True):
        below = cy > 0
        spots.append((cx, cy + (r + _NAME_GAP + h / 2) * (1 if below else -1)))
    (ax, ay), (bx, by) = spots[0], spots[1]
    crowd = (boxes[0][0] + boxes[1][0]) / 2 + _NAME_APART - (bx - ax)
    if crowd > 0:
        spots[0], spots[1] = (ax - crowd / 2, ay), (bx + crowd / 2, by)
    return spots


def _relations(relations: Any, items: set[str]) -> list[tuple[str, str, str | None]]:
    if isinstance(relations, (str, Mapping)) or not isinstance(relations, Iterable):
        raise DiagramTypeError("relations must be a list of (item, item, label) tuples")
    out = []
    for rel in relations:
        if not isinstance(rel, (tuple, list)) or len(rel) not in (2, 3):
            raise DiagramTypeError(f"relation {rel!r} must be (item, item) or (item, item, label)")
        for end in rel[:2]:
            if end not in items:
                raise ValidationError(
                    f"relation {tuple(rel)!r} names unknown item {end!r}; relate items "
                    "listed in sets or shared"
                )
        if rel[0] == rel[1]:
            raise ValidationError(f"relation {tuple(rel)!r} relates item {rel[0]!r} to itself")
        label = None
        if len(rel) == 3 and rel[2] is not None:
            label = check_text(rel[2], where=f"relation {tuple(rel)!r} label")
        out.append((rel[0], rel[1], label))
    return out


def _summary(names: list[str], regions: Mapping[tuple[int, ...], list[str]]) -> str:
    words = {2: "Two", 3: "Three"}[len(names)]
    parts = []
    for members, items in regions.items():
        if items:
            where = " and ".join(names[i] for i in members)
            where = f"only in {where}" if len(members) == 1 else f"in {where}"
            parts.append(f"{where}: {', '.join(items)}")
    text = f"{words} overlapping sets, {', '.join(names)}."
    if parts:
        text += " " + "; ".join(parts)[:1].upper() + "; ".join(parts)[1:] + "."
    return text


def overlap(
    sets: Mapping[str, Sequence[str]],
    *,
    title: str,
    description: str = "",
    shared: Mapping[tuple[str, ...], Sequence[str]] | None = None,
    relations: Iterable[tuple] = (),
    item_width: float = 160,
) -> nx.DiGraph:
    """Build a Venn-like diagram of two or three sets and the items they share.

    Args:
        sets: ``{set name: [items only in that set]}``, two or three sets, in order (the
            third goes below the first two).
        title: the figure's name (shown, and read by screen readers).
        description: a one-sentence text alternative; by default every region's items.
        shared: ``{(set name, set name, ...): [items in exactly those sets]}``; with three
            sets, pairs and the triple.
        relations: ``(item, item)`` or ``(item, item, label)``, drawn as dotted lines.
        item_width: items wrap to this many px.

    Returns:
        A ``networkx.DiGraph`` with every node pinned: circles ``set:<i>``, their names
        ``name:<i>`` and items ``item:<text>``, drawn in that order.

    Raises:
        ValidationError: not 2 or 3 sets, an intersection naming an unknown set, an item
            given twice, or a relation naming an unknown item.
        DiagramTypeError: arguments of the wrong type.

    Example:
        >>> g = overlap({"A": ["a"], "B": []}, shared={("A", "B"): ["both"]}, title="T")
        >>> g.nodes["set:0"]["role"], g.nodes["item:both"]["role"]
        ('set-1', 'text')
    """
    title = check_title(title)
    description = check_text(description, where="description")
    if not isinstance(item_width, (int, float)) or isinstance(item_width, bool):
        raise DiagramTypeError(f"item_width must be a number, not {item_width!r}")
    if not 40 <= item_width < math.inf:
        raise ValidationError(f"item_width must be at least 40 (px), not {item_width!r}")
    names, given = _read(sets, shared)
    links = _relations(relations, {item for items in given.values() for item in items})
    narrow = max(40.0, round(item_width * 0.55, 2))
    regions = []
    for members, items in given.items():
        if items:
            variants = [
                tuple(_text_node(item, _wrap(item, width)) for item in items)
                for width in (item_width, narrow)
            ]
            if variants[1] == variants[0]:
                variants.pop()
            regions.append(
                _Region(members, tuple(items), tuple(variants), tuple(_shape(v) for v in variants))
            )
    count = len(names)
    r, centres, spots = _layout(regions, count)
    g = nx.DiGraph(title=title, description=description or _summary(names, given), kind="overlap")

    def pin(x: float, y: float) -> tuple[float, float]:
        return (round(x, 2), round(-y, 2))  # Graphviz's y grows upward

    for i, (cx, cy) in enumerate(centres):
        g.add_node(
            f"set:{i}",
            label=f"Set: {names[i]}",
            hide_label=True,
            role=f"set-{i + 1}",
            shape="circle",
            size=(round(2 * r, 2), round(2 * r, 2)),
            pin=pin(cx, cy),
        )
    for i, (x, y) in enumerate(_name_spots(names, centres, r)):
        label = _text_node(names[i], _NAME_WRAP)
        g.add_node(
            f"name:{i}", label=label.text, role="text", shape="text", size=label.box, pin=pin(x, y)
        )
    for region, (x, y, variant) in zip(regions, spots, strict=True):
        stack = region.variants[variant]
        height = sum(item.box[1] - 4 for item in stack) + _GAP * (len(stack) - 1)
        top = y - height / 2
        for key, item in zip(region.items, stack, strict=True):
            h = item.box[1] - 4
            g.add_node(
                f"item:{key}",
                label=item.text,
                role="text",
                shape="text",
                size=item.box,
                pin=pin(x, top + h / 2),
            )
            top += h + _GAP
    for a, b, label in links:
        attrs = {"role": "relation"} | ({"label": label} if label else {})
        g.add_edge(f"item:{a}", f"item:{b}", **attrs)
    return g


def example() -> nx.DiGraph:
    """Three skill sets of a data team and where they meet."""
    return overlap(
        {
            "Statistics": ["Hypothesis tests", "Sampling"],
            "Programming": ["Algorithms", "Version control"],
            "Domain knowledge": ["Customer needs", "Regulation"],
        },
        shared={
            ("Statistics", "Programming"): ["Machine learning"],
            ("Statistics", "Domain knowledge"): ["Experiment design"],
            ("Programming", "Domain knowledge"): ["Product features"],
            ("Statistics", "Programming", "Domain knowledge"): ["Data science"],
        },
        relations=[("Sampling", "Experiment design")],
        title="Where a data team's skills meet",
    )
