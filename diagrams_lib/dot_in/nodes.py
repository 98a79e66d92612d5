"""One DOT node's attributes in the library's terms, and what could not be kept.

Graphviz's defaults are the starting point (a node is an ellipse showing its name);
every attribute is either mapped onto a node attribute of the library or noted in an
:class:`~.unshown.Unshown`.

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

from collections.abc import Mapping
from typing import Any

from ..attributes import link
from ..errors import DiagramError
from ..shapes import RECORDS
from .labels import node_label, text_of
from .look import gv_shape
from .unshown import Unshown
from .values import clean, colour, flag, leftovers, line_style, number

__all__ = ["TRAPEZOID_INSET", "field_ports", "node_attrs"]

TRAPEZOID_INSET = 12.0  # px each slanted side takes, like Graphviz's trapezium


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
    peripheries = number(attrs.pop("peripheries", "") or "x")
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
    styles = line_style(a, where, unshown, out)
    shape = _shape(a, shape, styles, where, unshown)
    out["shape"] = shape
    if shape == "trapezoid":  # the library's trapezoid slants by its inset
        out["inset"] = TRAPEZOID_INSET
    stroke = colour(a, "color", where, unshown)
    fill = colour(a, "fillcolor", where, unshown)
    if "filled" in styles or "radial" in styles:
        out["fill"] = fill or stroke or "#d3d3d3"  # Graphviz fills with lightgrey
    if stroke is not None and stroke != "none":
        out["color"] = stroke
    text_color = colour(a, "fontcolor", where, unshown)
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
    leftovers(a, out, context="node", where=where, unshown=unshown)
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
    fixed = raw.lower() == "shape" or flag(raw)
    width, height = (number(a.pop(n, "") or "x") for n in ("width", "height"))
    if fixed and out.get("shape") not in ("point", *RECORDS) and (width or height):
        out["size"] = (max(width or 0.75, 0.0) * 72, max(height or 0.5, 0.0) * 72)
    elif width is not None or height is not None:
        unshown.note("width" if width is not None else "height", where)
