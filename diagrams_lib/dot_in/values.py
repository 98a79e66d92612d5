"""Small readings shared by the node and edge mappings: text Graphviz can show, its
booleans and numbers, colours and line styles, and the attributes never worth a word.

>>> flag("yes"), flag("0"), number("2.5"), number("x"), clean("a\x01b")
(True, False, 2.5, None, 'ab')
"""

from __future__ import annotations

import re

from .. import hatch
from ..errors import ValidationError
from .look import gv_color, gv_style
from .unshown import Unshown

__all__ = [
    "SILENT",
    "clean",
    "colour",
    "flag",
    "layout_hints",
    "leftovers",
    "line_style",
    "number",
    "rest",
]

# Attributes no Graphviz picture shows (the last is the round trip's record): never noted.
SILENT = frozenset({"comment", "id", "class", "charset", "diagrams_lib"})
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINES = {"dashed": "dashed", "dotted": "dotted", "bold": "bold", "invis": "invisible"}
_TRUE = ("true", "yes")


def clean(text: str) -> str:
    """Text without the control characters an SVG cannot carry (Graphviz skips them too)."""
    return _FORBIDDEN.sub("", text)


def flag(value: str) -> bool:
    """Graphviz's reading of a boolean: true, yes or a non-zero number."""
    low = value.strip().lower()
    if low in _TRUE:
        return True
    try:
        return float(low) != 0
    except ValueError:
        return False


def number(value: str) -> float | None:
    try:
        out = float(value)
    except ValueError:
        return None
    return out if out == out and abs(out) != float("inf") else None


def colour(attrs: dict, name: str, where: str, unshown: Unshown) -> str | None:
    raw = attrs.pop(name, None)
    if raw is None:
        return None
    value, why = gv_color(raw)
    if why:
        unshown.note(name, where, why)
    return value


def line_style(attrs: dict, where: str, unshown: Unshown, out: dict) -> list[str]:
    """The line style and width a ``style`` and ``penwidth`` ask for, into ``out``; the
    other style names, for the caller."""
    names, width = gv_style(attrs.pop("style", ""))
    pen = number(attrs.pop("penwidth", "") or "x")
    width = pen if pen is not None else width
    if width is not None:
        if not 0 <= width <= 20:
            unshown.note("penwidth", where, f"line width {width:g} is drawn as at most 20")
        out["line_width"] = min(max(width, 0.0), 20.0)
    for name in names:
        if name in _LINES:
            out["line"] = _LINES[name]
    return [n for n in names if n not in _LINES and n != "solid"]


def layout_hints(a: dict, *, context: str, where: str, unshown: Unshown) -> dict[str, str]:
    """The attributes the ``dot`` escape hatch passes to Graphviz for ``context``
    (``graph``, ``node``, ``edge``), taken out of ``a`` and checked; a value out of the
    hatch's range is dropped with a note."""
    kept = {}
    for name in [n for n in a if context in getattr(hatch.HINTS.get(n), "contexts", ())]:
        raw = a.pop(name)
        try:
            kept[name] = hatch.check(name, raw, context=context, where=where)
        except ValidationError:
            unshown.note(name, where, f"{clean(str(raw))[:40]!r} is out of its range; dropped")
    return kept


def leftovers(a: dict, out: dict, *, context: str, where: str, unshown: Unshown) -> None:
    """What a node's or edge's mapping did not take: the hatch's layout hints go to
    ``out["dot"]``, and every other attribute is noted as not drawn."""
    hints = layout_hints(a, context=context, where=where, unshown=unshown)
    if hints:
        out["dot"] = hints
    rest(a, where, unshown)


def rest(a: dict, where: str, unshown: Unshown) -> None:
    for name in a:
        if name not in SILENT:
            unshown.note(name, where)
