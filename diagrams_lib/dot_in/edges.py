"""One DOT edge's attributes in the library's terms, and what could not be kept.

An edge in a ``digraph`` points forward and one in a ``graph`` has no arrowheads, as in
Graphviz; ``dir``, arrowheads, ports, labels, styles and layout hints are mapped onto the
library's edge attributes, anything else is noted in an :class:`~.unshown.Unshown`.

>>> from diagrams_lib.dot_in.unshown import Unshown
>>> edge_attrs("a", "b", {"dir": "back", "arrowtail": "odiamond", "tailport": "e"},
...            directed=True, ports={}, html=frozenset(), graph_name="G", unshown=Unshown())
{'dir': 'back', 'arrowtail': 'odiamond', 'tail_port': 'e'}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..attributes import MAX_WEIGHT, PORTS
from .labels import text_of
from .look import gv_arrow
from .unshown import Unshown
from .values import clean, colour, flag, leftovers, line_style, number

__all__ = ["edge_attrs"]


def _arrow(a: dict, name: str, where: str, unshown: Unshown, drawn: bool) -> str | None:
    raw = a.pop(name, None)
    if raw is None:
        return None
    value, why = gv_arrow(raw)
    if why and drawn:
        unshown.note(name, where, why)
    return value


def _port(value: str, ports: set[str], node: str, where: str, end: str, unshown) -> str | None:
    """An edge end's port if the library can attach it: a field's port (perhaps with a
    compass point) or a compass point. Graphviz ignores an unknown one too."""
    value = value.strip()
    name, _, compass = value.rpartition(":")
    if value in ports or value in PORTS:
        return value
    if name in ports and compass in PORTS:
        return value
    if name in ports and compass == "_":
        return name
    if value != "_" and compass != "_":
        unshown.note(end, where, f"port {value!r}: node {node!r} has no such field")
    return None


def edge_attrs(
    tail: str,
    head: str,
    attrs: Mapping[str, str],
    *,
    directed: bool,
    ports: Mapping[str, set[str]],
    html: frozenset[str],
    graph_name: str,
    unshown: Unshown,
) -> dict[str, Any]:
    """A DOT edge's attributes (defaults applied) as the library's; ``ports`` gives each
    record node's field ports."""
    a = dict(attrs)
    where = f"edge {tail!r} {'->' if directed else '--'} {head!r}"
    names = {"E": f"{tail}{'->' if directed else '--'}{head}", "T": tail, "H": head}
    names["G"] = graph_name
    out: dict[str, Any] = {}
    for dot_name, ours in (("label", "label"), ("headlabel", "head_label"),
                           ("taillabel", "tail_label")):  # fmt: skip
        raw = a.pop(dot_name, None)
        if raw:
            text, _, dropped = text_of(raw, html_label=raw in html, names=names)
            out[ours] = clean(text)
            if dropped:
                unshown.note(dot_name, where, f"HTML {', '.join(dropped)} not drawn, only the text")
    xlabel = a.pop("xlabel", None)
    if xlabel and "label" not in out:
        out["label"] = clean(text_of(xlabel, html_label=xlabel in html, names=names)[0])
    elif xlabel:
        unshown.note("xlabel", where, "an edge's xlabel is not drawn beside its label")
    way = a.pop("dir", None)
    if way is not None and way.lower() not in ("forward", "back", "both", "none"):
        unshown.note("dir", where, f"dir {way!r} is not one Graphviz knows")
        way = None
    way = (way or ("forward" if directed else "none")).lower()
    head_arrow = _arrow(a, "arrowhead", where, unshown, way in ("forward", "both"))
    tail_arrow = _arrow(a, "arrowtail", where, unshown, way in ("back", "both"))
    if (way != ("forward" if directed else "none")) or head_arrow or tail_arrow:
        out["dir"] = way
    if head_arrow is not None:
        out["arrowhead"] = head_arrow
    if tail_arrow is not None:
        out["arrowtail"] = tail_arrow
    for style in line_style(a, where, unshown, out):
        unshown.note("style", where, f"style {style!r} is not drawn")
    stroke = colour(a, "color", where, unshown)
    if stroke == "none":
        out["line"] = "invisible"
    elif stroke is not None:
        out["color"] = stroke
    text_color = colour(a, "fontcolor", where, unshown)
    if text_color is not None and text_color != "none":
        out["text_color"] = text_color
    for dot_name, ours, node in (("tailport", "tail_port", tail), ("headport", "head_port", head)):
        raw = a.pop(dot_name, None)
        if raw:
            port = _port(raw, ports.get(node, set()), node, where, dot_name, unshown)
            if port is not None:
                out[ours] = port
    _layout_hints(a, out, where, unshown)
    leftovers(a, out, context="edge", where=where, unshown=unshown)
    return out


def _layout_hints(a: dict, out: dict, where: str, unshown: Unshown) -> None:
    if "constraint" in a:
        out["constraint"] = flag(a.pop("constraint"))
    for name, high in (("weight", MAX_WEIGHT), ("minlen", 100)):
        value = number(a.pop(name, "") or "x")
        if value is not None and 0 <= value <= high:
            out[name] = round(value)
        elif value is not None:
            unshown.note(name, where, f"{name} {value:g} is outside 0 to {high}; dropped")
