"""One DOT node's or edge's attributes in the library's terms, and what could not be kept.

Graphviz's defaults are the starting point (a node is an ellipse showing its name; an
edge in a ``digraph`` points forward); every attribute is either mapped onto a node or
edge attribute of the library or noted in an :class:`~.unshown.Unshown`.

>>> from diagrams_lib.dot_in.unshown import Unshown
>>> seen = Unshown()
>>> node_attrs("a", {"label": "\\\\N", "shape": "box", "style": "filled,rounded",
...                  "fillcolor": "gold", "fontname": "Arial"},
...            html=frozenset(), horizontal=True, graph_name="G", unshown=seen)
{'label': 'a', 'shape': 'round', 'fill': '#ffd700'}
>>> seen.messages("x")
["x: attribute 'fontname' is not drawn (on node 'a')"]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..attributes import PORTS, link
from ..errors import DiagramError
from ..shapes import RECORDS
from .labels import node_label, text_of
from .look import gv_arrow, gv_color, gv_shape, gv_style
from .unshown import Unshown

__all__ = ["SILENT", "clean", "edge_attrs", "field_ports", "node_attrs"]

# Attributes no Graphviz picture shows (the last is the round trip's record): never noted.
SILENT = frozenset({"comment", "id", "class", "charset", "diagrams_lib"})
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINES = {"dashed": "dashed", "dotted": "dotted", "bold": "bold", "invis": "invisible"}
_TRUE = ("true", "yes")
TRAPEZOID_INSET = 12.0  # px each slanted side takes, like Graphviz's trapezium


def clean(text: str) -> str:
    """Text without the control characters an SVG cannot carry (Graphviz skips them too)."""
    return _FORBIDDEN.sub("", text)


def _flag(value: str) -> bool:
    """Graphviz's reading of a boolean: true, yes or a non-zero number."""
    low = value.strip().lower()
    if low in _TRUE:
        return True
    try:
        return float(low) != 0
    except ValueError:
        return False


def _number(value: str) -> float | None:
    try:
        out = float(value)
    except ValueError:
        return None
    return out if out == out and abs(out) != float("inf") else None


def _colour(attrs: dict, name: str, where: str, unshown: Unshown) -> str | None:
    raw = attrs.pop(name, None)
    if raw is None:
        return None
    value, why = gv_color(raw)
    if why:
        unshown.note(name, where, why)
    return value


def _style(attrs: dict, where: str, unshown: Unshown, out: dict) -> list[str]:
    """The line style and width a ``style`` and ``penwidth`` ask for, into ``out``; the
    other style names, for the caller."""
    names, width = gv_style(attrs.pop("style", ""))
    pen = _number(attrs.pop("penwidth", "") or "x")
    width = pen if pen is not None else width
    if width is not None:
        if not 0 <= width <= 20:
            unshown.note("penwidth", where, f"line width {width:g} is drawn as at most 20")
        out["line_width"] = min(max(width, 0.0), 20.0)
    for name in names:
        if name in _LINES:
            out["line"] = _LINES[name]
    return [n for n in names if n not in _LINES and n != "solid"]


def _dedupe_ports(fields: list, seen: set[str], where: str, unshown: Unshown) -> list:
    """Fields with each port name once and without ``:`` (Graphviz uses the first)."""
    out: list = []
    for item in fields:
        if isinstance(item, list):
            out.append(_dedupe_ports(item, seen, where, unshown))
            continue
        if isinstance(item, dict) and "port" in item:
            port = item["port"]
            if port in seen or ":" in port:
                unshown.note("label", where, f"port {port!r} is not kept (repeated, or has ':')")
                item = {k: v for k, v in item.items() if k != "port"}
            else:
                seen.add(port)
        out.append(item)
    return out


def field_ports(fields: list | None) -> set[str]:
    """The port names a node's ``fields`` give it."""
    out: set[str] = set()
    for item in fields or ():
        if isinstance(item, list):
            out |= field_ports(item)
        elif isinstance(item, dict) and "port" in item:
            out.add(item["port"])
    return out


def _shape(attrs: dict, shape: str, styles: list[str], where: str, unshown: Unshown) -> str:
    if shape == "rect" and "rounded" in styles:
        return "round"
    peripheries = _number(attrs.pop("peripheries", "") or "x")
    if shape == "circle" and peripheries is not None and peripheries >= 2:
        return "doublecircle"
    if peripheries is not None and peripheries != (2 if shape == "doublecircle" else 1):
        unshown.note("peripheries", where)
    return shape


def node_attrs(
    name: str,
    attrs: Mapping[str, str],
    *,
    html: frozenset[str],
    horizontal: bool,
    graph_name: str,
    unshown: Unshown,
) -> dict[str, Any]:
    """A DOT node's attributes (as Graphviz sees them, defaults applied) as the library's."""
    a = dict(attrs)
    where = f"node {name!r}"
    out: dict[str, Any] = {}
    raw_shape = a.pop("shape", "ellipse")
    shape, why = gv_shape(raw_shape)
    if why:
        unshown.note("shape", where, why)
    raw = a.pop("label", "\\N")
    label = node_label(
        raw,
        html_label=raw in html,
        record=shape in RECORDS,
        horizontal=horizontal,
        names={"N": name, "G": graph_name},
    )
    if label is None:
        unshown.note(
            "label",
            where,
            "a record label Graphviz cannot read (or nested too deep) shows the node's name",
        )
        label = node_label(name, html_label=False, record=True, horizontal=horizontal, names={})
    if label.dropped:
        unshown.note("label", where, f"HTML {', '.join(label.dropped)} not drawn, only the text")
    if label.fields is not None:
        out["fields"] = _clean_fields(_dedupe_ports(label.fields, set(), where, unshown))
        shape = shape if shape in RECORDS else "record"
    else:
        out["label"] = clean(label.text)
        if label.align != "center":
            out["align"] = label.align
    styles = _style(a, where, unshown, out)
    shape = _shape(a, shape, styles, where, unshown)
    out["shape"] = shape
    if shape == "trapezoid":  # the library's trapezoid slants by its inset
        out["inset"] = TRAPEZOID_INSET
    stroke = _colour(a, "color", where, unshown)
    fill = _colour(a, "fillcolor", where, unshown)
    if "filled" in styles or "radial" in styles:
        out["fill"] = fill or stroke or "#d3d3d3"  # Graphviz fills with lightgrey
    if stroke is not None and stroke != "none":
        out["color"] = stroke
    text_color = _colour(a, "fontcolor", where, unshown)
    if text_color is not None and text_color != "none":
        out["text_color"] = text_color
    for style in styles:
        if style not in ("filled", "rounded") or (style == "rounded" and shape != "round"):
            unshown.note("style", where, f"style {style!r} is not drawn")
    if "xlabel" in a:
        raw = a.pop("xlabel")
        names = {"N": name, "G": graph_name}
        out["xlabel"] = clean(text_of(raw, html_label=raw in html, names=names)[0])
    url = a.pop("URL", None) or a.pop("href", None)
    if url:
        try:
            out["link"] = link(url, where=where)
        except DiagramError:
            unshown.note("URL", where, f"URL {url!r} is not safe to link to; dropped")
    if "group" in a:
        out["straight_group"] = clean(a.pop("group"))
    _size(a, out, where, unshown)
    _rest(a, where, unshown)
    return out


def _clean_fields(fields: list) -> list:
    out = []
    for item in fields:
        if isinstance(item, list):
            out.append(_clean_fields(item))
        elif isinstance(item, dict):
            out.append({**item, "text": clean(item["text"])})
        else:
            out.append(clean(item))
    return out


def _size(a: dict, out: dict, where: str, unshown: Unshown) -> None:
    """``fixedsize`` with ``width``/``height`` fixes the node's size; alone they are
    minimums the library does not keep."""
    raw = a.pop("fixedsize", "false")
    fixed = raw.lower() == "shape" or _flag(raw)
    width, height = (_number(a.pop(n, "") or "x") for n in ("width", "height"))
    if fixed and out.get("shape") not in ("point", *RECORDS) and (width or height):
        out["size"] = (max(width or 0.75, 0.0) * 72, max(height or 0.5, 0.0) * 72)
    elif width is not None or height is not None:
        unshown.note("width" if width is not None else "height", where)


def _rest(a: dict, where: str, unshown: Unshown) -> None:
    for name in a:
        if name not in SILENT:
            unshown.note(name, where)


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
    for style in _style(a, where, unshown, out):
        unshown.note("style", where, f"style {style!r} is not drawn")
    stroke = _colour(a, "color", where, unshown)
    if stroke == "none":
        out["line"] = "invisible"
    elif stroke is not None:
        out["color"] = stroke
    text_color = _colour(a, "fontcolor", where, unshown)
    if text_color is not None and text_color != "none":
        out["text_color"] = text_color
    for dot_name, ours, node in (("tailport", "tail_port", tail), ("headport", "head_port", head)):
        raw = a.pop(dot_name, None)
        if raw:
            port = _port(raw, ports.get(node, set()), node, where, dot_name, unshown)
            if port is not None:
                out[ours] = port
    _layout_hints(a, out, where, unshown)
    _rest(a, where, unshown)
    return out


def _layout_hints(a: dict, out: dict, where: str, unshown: Unshown) -> None:
    if "constraint" in a:
        out["constraint"] = _flag(a.pop("constraint"))
    weight = _number(a.pop("weight", "") or "x")
    if weight is not None:
        if weight < 0:
            unshown.note("weight", where, f"weight {weight:g} is below 0; not kept")
        else:
            out["weight"] = round(weight)
    minlen = _number(a.pop("minlen", "") or "x")
    if minlen is not None:
        out["minlen"] = min(max(round(minlen), 0), 100)
