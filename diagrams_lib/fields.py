"""Record nodes: a node's ``fields`` (its compartments), checked and laid out in its box.

``fields`` is a list of fields drawn side by side in a top-to-bottom or bottom-to-top
diagram and stacked in a left-to-right or right-to-left one, as Graphviz draws records; a
list inside it turns the other way, and so on. A field is its text, or a dict with
``text``, an optional ``port`` (which edges name in ``head_port``/``tail_port``, alone or
as ``"port:compass"``) and an optional ``align`` (``left``, ``center``, ``right``).

>>> f = read_fields(["Order", {"text": "id: int", "port": "id"}, ["a", "b"]], where="node 'o'")
>>> [x.text for x in leaves(f)], port_index(f)
(['Order', 'id: int', 'a', 'b'], {'id': 1})
>>> text_sizes = [(len(x.text) * 7.0, 17.5) for x in leaves(f)]
>>> box = layout_fields(f, horizontal=True, text_sizes=text_sizes)
>>> (box.width, box.height), [(c.x, c.y, c.width, c.height) for c in box.cells]
((139, 56), [(0, 0, 51, 56), (51, 0, 65, 56), (116, 0, 23, 28), (116, 28, 23, 28)])
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import DiagramTypeError, ValidationError
from .quoting import check_text

__all__ = [
    "Cell",
    "Field",
    "FieldBox",
    "field_text",
    "layout_fields",
    "leaves",
    "port_index",
    "read_fields",
]

MAX_DEPTH = 32  # nesting deeper than this is refused, never recursed into
MAX_FIELDS = 2000
PAD_X, PAD_Y = 8.0, 5.0  # between a compartment's lines and its text
MIN_W, MIN_H = 16, 24  # the smallest compartment, px
_ALIGNS = ("center", "left", "right")


@dataclass(frozen=True, slots=True)
class Field:
    """One compartment: its text, its port name (or None) and how its text is aligned."""

    text: str
    port: str | None = None
    align: str = "center"


Fields = tuple  # of Field and of nested Fields, orientation alternating with depth


def _field(value: Any, where: str) -> Field:
    if not isinstance(value, Mapping):
        return Field(check_text(value, where=where))
    unknown = set(value) - {"text", "port", "align"}
    if unknown:
        raise ValidationError(
            f"{where} has unknown key {sorted(map(str, unknown))[0]!r}; "
            "a field takes 'text', 'port' and 'align'"
        )
    port = value.get("port")
    if port is not None:
        port = check_text(port, where=f"{where} port", allow_numbers=False)
        if not port or ":" in port:
            raise ValidationError(f"{where} port {port!r} must be a non-empty name without ':'")
    align = value.get("align", "center")
    if align not in _ALIGNS:
        raise ValidationError(f"{where} align is {align!r}; choose one of: {', '.join(_ALIGNS)}")
    return Field(check_text(value.get("text", ""), where=f"{where} text"), port, align)


def read_fields(value: Any, *, where: str) -> Fields:
    """``value`` (a node's ``fields``) checked, as nested tuples of :class:`Field`.

    Raises :class:`DiagramTypeError` or :class:`ValidationError` naming ``where``, the field
    and what is wrong (a list that is empty or nested too deep, a port used twice...).
    """
    count = 0
    ports: set[str] = set()

    def read(items: Any, depth: int, path: str) -> Fields:
        nonlocal count
        if not isinstance(items, (list, tuple)):
            raise DiagramTypeError(f"{where} attribute 'fields'{path} must be a list of fields")
        if not items:
            raise ValidationError(f"{where} attribute 'fields'{path} is an empty list")
        if depth > MAX_DEPTH:
            raise ValidationError(f"{where} attribute 'fields' nests more than {MAX_DEPTH} deep")
        out = []
        for i, item in enumerate(items):
            at = f"{path}[{i}]"
            if isinstance(item, (list, tuple)):
                out.append(read(item, depth + 1, at))
                continue
            count += 1
            if count > MAX_FIELDS:
                raise ValidationError(f"{where} has more than {MAX_FIELDS} fields")
            field = _field(item, f"{where} field {at}")
            if field.port is not None:
                if field.port in ports:
                    raise ValidationError(f"{where} has two fields with port {field.port!r}")
                ports.add(field.port)
            out.append(field)
        return tuple(out)

    return read(value, 0, "")


def leaves(fields: Fields) -> list[Field]:
    """Every field, in reading order (nested lists flattened)."""
    out: list[Field] = []
    for item in fields:
        out += leaves(item) if isinstance(item, tuple) else [item]
    return out


def port_index(fields: Fields) -> dict[str, int]:
    """Each port name and the index of its field among :func:`leaves`."""
    return {f.port: i for i, f in enumerate(leaves(fields)) if f.port is not None}


def field_text(fields: Fields) -> str:
    """The fields' text in reading order, separated by ``" | "`` (a record's name for screen
    readers, when the node has no label)."""
    return " | ".join(f.text.replace("\n", " ") for f in leaves(fields) if f.text.strip())


@dataclass(frozen=True, slots=True)
class Cell:
    """A field placed in its node: index among :func:`leaves`, the field, and its box in
    whole px from the node's top-left corner."""

    index: int
    field: Field
    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class FieldBox:
    """A record's compartments laid out: the whole size, and every field's box. ``tree``
    keeps the nesting (``("h"|"v", children)``, a leaf being its cell) for the layout DOT."""

    width: int
    height: int
    cells: tuple[Cell, ...]
    tree: tuple


def _natural(item, horizontal: bool, sizes: list[tuple[int, int]], at: list[int]) -> tuple:
    """The natural (width, height) of ``item`` and its subtree, leaves numbered in order."""
    if not isinstance(item, tuple):
        size = sizes[at[0]]
        at[0] += 1
        return (size, None)
    kids = [_natural(k, not horizontal, sizes, at) for k in item]
    widths = [k[0][0] for k in kids]
    heights = [k[0][1] for k in kids]
    if horizontal:
        return ((sum(widths), max(heights)), kids)
    return ((max(widths), sum(heights)), kids)


def _spread(sizes: list[int], total: int) -> list[int]:
    """``sizes`` grown to add up to ``total``: the extra shared evenly, the first ones taking
    one px more when it does not divide."""
    extra = total - sum(sizes)
    share, rest = divmod(extra, len(sizes))
    return [s + share + (1 if i < rest else 0) for i, s in enumerate(sizes)]


def _place(item, natural, horizontal, x, y, w, h, leaves_, cells, counter) -> tuple:
    (_, kids) = natural
    if kids is None:
        i = counter[0]
        counter[0] += 1
        cells.append(Cell(i, leaves_[i], x, y, w, h))
        return ("cell", i, w, h)
    if horizontal:
        widths = _spread([k[0][0] for k in kids], w)
        parts, at = [], x
        for child, nat, kw in zip(item, kids, widths, strict=True):
            parts.append(_place(child, nat, False, at, y, kw, h, leaves_, cells, counter))
            at += kw
        return ("h", tuple(parts))
    heights = _spread([k[0][1] for k in kids], h)
    parts, at = [], y
    for child, nat, kh in zip(item, kids, heights, strict=True):
        parts.append(_place(child, nat, True, x, at, w, kh, leaves_, cells, counter))
        at += kh
    return ("v", tuple(parts))


def layout_fields(
    fields: Fields,
    *,
    horizontal: bool,
    text_sizes: Sequence[tuple[float, float]],
    at_least: Sequence[float] = (0, 0),
) -> FieldBox:
    """Lay out ``fields`` (side by side at the top level when ``horizontal``): each field
    as big as its text (``text_sizes`` gives each one's width and height, in the order of
    :func:`leaves`) and padding, at least ``at_least`` in all, stretched so that fields in
    a row share one height and fields in a stack one width, as Graphviz's records do.
    Sizes are whole px."""
    found = leaves(fields)
    sizes = []
    for w, h in text_sizes:
        sizes.append((max(math.ceil(w + 2 * PAD_X), MIN_W), max(math.ceil(h + 2 * PAD_Y), MIN_H)))
    natural = _natural(fields, horizontal, sizes, [0])
    width = max(natural[0][0], math.ceil(at_least[0]))
    height = max(natural[0][1], math.ceil(at_least[1]))
    cells: list[Cell] = []
    tree = _place(fields, natural, horizontal, 0, 0, width, height, found, cells, [0])
    return FieldBox(width=width, height=height, cells=tuple(cells), tree=tree)
