"""Checking a theme's values when it is made: colours, sizes, dashes, shapes, names.

Theme values reach the SVG's attributes and its dark-mode CSS, so each one is checked
like user text: a colour must be a colour (and is written as ``#rrggbb``), a size a
finite number in range, a name text that XML can carry. Each error names the value.

>>> node_style_values({"fill": "Tomato", "stroke": "#333", "text": "#111", "shape": "round",
...                    "dash": "4 2", "stroke_width": 2, "marker": None, "fill_opacity": 1})
{'fill': '#ff6347', 'stroke': '#333333', 'text': '#111111', 'dash': '4 2', 'stroke_width': 2.0, \
'fill_opacity': 1.0}
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from . import attributes as attr
from .colors import color
from .errors import DiagramTypeError, UnknownOptionError, ValidationError
from .quoting import check_text, shown

__all__ = ["edge_style_values", "name", "node_style_values", "theme_values"]

_DASH = re.compile(r"\d{1,4}(\.\d{1,3})?([ ,]+\d{1,4}(\.\d{1,3})?){0,7}\Z")
_FONT_FAMILY = re.compile(r"[\w \-,.\"']{1,200}\Z")
PAGE_COLOURS = (
    "background",
    "card_stroke",
    "text",
    "muted",
    "group_fill",
    "group_stroke",
    "label_bg",
)
TYPE_SIZES = ("font_size", "note_size", "edge_label_size", "title_size")


def name(value: Any, *, where: str) -> str:
    """A theme's or role's name: text on one line, 1 to 64 characters."""
    text = check_text(value, where=where, allow_numbers=False)
    if not text.strip() or len(text) > 64 or "\n" in text:
        raise ValidationError(f"{where} must be 1 to 64 characters on one line, not {shown(text)}")
    return text


def _dash(value: Any, *, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DASH.match(value.strip()):
        raise ValidationError(
            f"{where} is {shown(value)}; a dash pattern is up to 8 numbers such as '6 4'"
        )
    return value.strip()


def node_style_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The checked (and normalised) values of a :class:`~diagrams_lib.theme.NodeStyle`."""
    from .shapes import SHAPES

    where = "NodeStyle attribute"
    out = {
        key: color(values[key], where=f"{where} {key!r}", allow_none=key != "text")
        for key in ("fill", "stroke", "text")
    }
    if values["shape"] not in SHAPES:
        raise UnknownOptionError(
            f"{where} 'shape' is {shown(values['shape'])}; choose one of: {', '.join(SHAPES)}"
        )
    out["dash"] = _dash(values["dash"], where=f"{where} 'dash'")
    out["stroke_width"] = attr.number(
        values["stroke_width"], where=f"{where} 'stroke_width'", low=0, high=50
    )
    marker = values["marker"]
    if marker is not None and (
        not isinstance(marker, str) or not 0 < len(marker) <= 4 or not marker.strip()
    ):
        raise ValidationError(f"{where} 'marker' must be 1 to 4 characters, not {shown(marker)}")
    if marker is not None:
        check_text(marker, where=f"{where} 'marker'")
    out["fill_opacity"] = attr.number(
        values["fill_opacity"], where=f"{where} 'fill_opacity'", low=0, high=1
    )
    return out


def edge_style_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The checked (and normalised) values of an :class:`~diagrams_lib.theme.EdgeStyle`."""
    where = "EdgeStyle attribute"
    out: dict[str, Any] = {"stroke": color(values["stroke"], where=f"{where} 'stroke'")}
    out["dash"] = _dash(values["dash"], where=f"{where} 'dash'")
    out["width"] = attr.number(values["width"], where=f"{where} 'width'", low=0, high=50)
    attr.flag(values["arrow"], where=f"{where} 'arrow'")
    for end in ("head", "tail"):
        attr.arrow(values[end], where=f"{where} {end!r}")
    if values["text"] is not None:
        out["text"] = color(values["text"], where=f"{where} 'text'")
    return out


def theme_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The checked (and normalised) values of a :class:`~diagrams_lib.theme.Theme`."""
    from .theme import EdgeStyle, NodeStyle

    theme = name(values["name"], where="Theme attribute 'name'")
    where = f"theme {theme!r} attribute"
    out: dict[str, Any] = {
        key: color(values[key], where=f"{where} {key!r}") for key in PAGE_COLOURS
    }
    for key in TYPE_SIZES:
        out[key] = attr.number(values[key], where=f"{where} {key!r}", low=4, high=200)
    family = values["font_family"]
    if not isinstance(family, str) or not _FONT_FAMILY.match(family):
        raise ValidationError(
            f"{where} 'font_family' is {shown(family)}; use up to 200 letters, digits, "
            "spaces, quotes, commas, dots and hyphens, e.g. 'Helvetica, Arial, sans-serif'"
        )
    for key, kind in (("nodes", NodeStyle), ("edges", EdgeStyle)):
        roles = values[key]
        if not isinstance(roles, Mapping):
            raise DiagramTypeError(f"{where} {key!r} must map role names to {kind.__name__}s")
        for role, style in roles.items():
            name(role, where=f"{where} {key!r}: role name {shown(role)}")
            if not isinstance(style, kind):
                raise DiagramTypeError(
                    f"{where} {key!r}: role {role!r} must be a {kind.__name__}, "
                    f"not {type(style).__name__}"
                )
    labels = values["role_labels"]
    if not isinstance(labels, Mapping):
        raise DiagramTypeError(f"{where} 'role_labels' must map role names to text")
    for role, label in labels.items():
        name(role, where=f"{where} 'role_labels': role name {shown(role)}")
        check_text(label, where=f"{where} 'role_labels'[{role!r}]", allow_numbers=False)
    return out
