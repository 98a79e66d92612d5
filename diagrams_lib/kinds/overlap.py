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
from typing import Any

import networkx as nx

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from ..size import NodeMeasure, measure_node
from ..text import text_width
from ..theme import Theme, get_theme
from ._common import check_title
from ._overlap_geometry import Line, Region, layout, name_spots
from ._pieces import measured_for, pin

__all__ = ["CAPTION", "example", "overlap"]

CAPTION = (
    "Three overlapping skill sets: each item sits in the exact region of the sets it "
    "belongs to, the circles grow to fit them, and one dotted line relates two items."
)

_GAP = 10.0  # between items of one stack
_NAME_WRAP = 170.0


def _text_node(text: str, wrap: float, *, theme: Theme) -> NodeMeasure:
    """A text node's box and lines, wrapped at ``wrap`` or, when wider, its longest word:
    words are not broken to fit."""
    longest = max(text_width(word, size=theme.font_size) for word in text.split())
    return measure_node(text, shape="text", max_label_width=max(wrap, longest), theme=theme)


def _shape(stack: tuple[NodeMeasure, ...]) -> tuple[Line, ...]:
    """Each drawn line of a stack of text nodes, as a :data:`Line`."""
    height = sum(item.label.height for item in stack) + _GAP * (len(stack) - 1)
    out, top = [], -height / 2
    for item in stack:
        block = item.label
        step = block.height / len(block.lines)
        for line in block.lines:
            width = text_width(line, size=block.size, bold=block.bold)
            out.append((top + step / 2, width / 2, step / 2))
            top += step
        top += _GAP
    return tuple(out)


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
    theme: str | Theme = "light",
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
        theme: the theme you will render with: text is measured at its type sizes, and
            :func:`~diagrams_lib.render` refuses a theme with other sizes.

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
    look = get_theme(theme)
    names, given = _read(sets, shared)
    links = _relations(relations, {item for items in given.values() for item in items})
    narrow = max(40.0, round(item_width * 0.55, 2))
    filled = [(members, items) for members, items in given.items() if items]
    stacks = []  # per region: its items measured wrapped wide, then narrow if that differs
    for _, items in filled:
        variants = [
            tuple(_text_node(item, width, theme=look) for item in items)
            for width in (item_width, narrow)
        ]
        stacks.append(tuple(variants[:1] if variants[1] == variants[0] else variants))
    regions = [
        Region(members=members, shapes=tuple(_shape(v) for v in variants))
        for (members, _), variants in zip(filled, stacks, strict=True)
    ]
    r, centres, spots = layout(regions, len(names))
    g = nx.DiGraph(
        title=title,
        description=description or _summary(names, given),
        kind="overlap",
        measured_for=measured_for(look),
    )
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
    labels = [_text_node(name, _NAME_WRAP, theme=look) for name in names]
    for i, (x, y) in enumerate(name_spots([(m.width, m.height) for m in labels], centres, r)):
        size = (labels[i].width, labels[i].height)
        g.add_node(f"name:{i}", label=names[i], role="text", shape="text", size=size, pin=pin(x, y))
    for (_, items), variants, (x, y, variant) in zip(filled, stacks, spots, strict=True):
        stack = variants[variant]
        top = y - (sum(m.label.height for m in stack) + _GAP * (len(stack) - 1)) / 2
        for key, item in zip(items, stack, strict=True):
            h = item.label.height
            g.add_node(
                f"item:{key}",
                label=key,
                role="text",
                shape="text",
                size=(item.width, item.height),
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
