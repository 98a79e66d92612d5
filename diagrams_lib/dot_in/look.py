"""Graphviz's looks in the library's terms: colours, shapes, arrowheads and styles.

Each function returns the library's value and, when it could not keep what Graphviz
draws, a reason to say so (None when nothing was lost).

>>> gv_color("grey80"), gv_color("0.000 1.000 1.000"), gv_color("red:blue")[0]
(('#cccccc', None), ('#ff0000', None), '#ff0000')
>>> gv_shape("house"), gv_shape("box")
(('trapezoid', "shape 'house' is drawn as 'trapezoid'"), ('rect', None))
>>> gv_arrow("invodot"), gv_arrow("empty")
(('inv', "arrow 'invodot' is drawn as 'inv'"), ('empty', None))
>>> gv_style("filled, setlinewidth(3),rounded,diagonals")
(['filled', 'rounded', 'diagonals'], 3.0)
"""

from __future__ import annotations

import colorsys
import re

from ..colors import NAMED
from ._x11_colors import X11

__all__ = ["GV_SHAPES", "gv_arrow", "gv_color", "gv_shape", "gv_style"]

_HEX = re.compile(r"#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?\Z")
_WIDTH = re.compile(r"setlinewidth\(\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*\)")
_HSV = re.compile(r"\s*([0-9.]+)[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*\Z")

# Graphviz shapes: the library's equal (None: no note) or nearest (a note says so).
GV_SHAPES: dict[str, tuple[str, bool]] = {
    "box": ("rect", True),
    "rect": ("rect", True),
    "rectangle": ("rect", True),
    "square": ("rect", True),
    "ellipse": ("ellipse", True),
    "oval": ("ellipse", True),
    "circle": ("circle", True),
    "doublecircle": ("doublecircle", True),
    "diamond": ("diamond", True),
    "Mdiamond": ("mdiamond", True),
    "Msquare": ("msquare", True),
    "hexagon": ("hexagon", True),
    "parallelogram": ("parallelogram", True),
    "cylinder": ("cylinder", True),
    "note": ("note", True),
    "folder": ("folder", True),
    "tab": ("tab", True),
    "component": ("component", True),
    "trapezium": ("trapezoid", True),
    "plaintext": ("text", True),
    "plain": ("text", True),
    "none": ("text", True),
    "point": ("point", True),
    "record": ("record", True),
    "Mrecord": ("mrecord", True),
    "underline": ("text", False),
    "box3d": ("rect", False),
    "Mcircle": ("circle", False),
    "egg": ("ellipse", False),
    "invtrapezium": ("trapezoid", False),
    "house": ("trapezoid", False),
    "invhouse": ("trapezoid", False),
    "triangle": ("trapezoid", False),
    "invtriangle": ("trapezoid", False),
    "pentagon": ("hexagon", False),
    "septagon": ("hexagon", False),
    "octagon": ("hexagon", False),
    "doubleoctagon": ("hexagon", False),
    "tripleoctagon": ("hexagon", False),
    "polygon": ("hexagon", False),
    "star": ("diamond", False),
    "square-point": ("rect", False),
}
# Arrowhead shapes (after Graphviz's o/l/r modifiers): the library's equal or nearest.
_ARROWS = {
    "normal": "normal",
    "inv": "inv",
    "dot": "dot",
    "diamond": "diamond",
    "tee": "tee",
    "vee": "vee",
    "none": "none",
    "box": "diamond",
    "crow": "inv",
    "curve": "vee",
    "icurve": "inv",
}
_OPEN = {"normal": "empty", "dot": "odot", "diamond": "odiamond", "box": "odiamond"}
_LEGACY = {"empty": "onormal", "invempty": "oinv", "open": "vee", "halfopen": "lvee",
           "ediamond": "odiamond", "invdot": "invdot", "invodot": "invodot"}  # fmt: skip
_ARROW_SHAPE = re.compile(r"(o?)([lr]?)(" + "|".join(sorted(_ARROWS, key=len, reverse=True)) + ")")


def gv_color(value: str) -> tuple[str | None, str | None]:
    """A Graphviz colour as ``#rrggbb`` (or ``none``), or None when it is not one the
    library can draw; and the reason when something was dropped. A list (``red:blue``)
    gives its first colour."""
    reason = None
    if ":" in value:
        value = value.split(":")[0].split(";")[0]
        reason = f"colour list {value!r}... is drawn in its first colour"
    value = value.strip()
    low = value.lower()
    if low.startswith("/"):  # /scheme/name: only X11's names are known
        scheme, _, name = low[1:].rpartition("/")
        if scheme not in ("", "x11", "svg"):
            return None, f"colour scheme {scheme!r} is not drawn ({value!r})"
        low = name
    if low in ("transparent", "none", "invis"):
        return "none", reason
    if low in NAMED:
        return NAMED[low], reason
    if low in X11:
        return X11[low], reason
    found = _HEX.match(value)
    if found:
        if found.group(2) == "00":
            return "none", reason
        if found.group(2):
            reason = f"colour {value!r} is drawn without its transparency"
        return "#" + found.group(1).lower(), reason
    found = _HSV.match(value)
    if found:
        h, s, v = (min(max(float(x), 0.0), 1.0) for x in found.groups())
        r, g, b = colorsys.hsv_to_rgb(h, s, v)
        return "#" + "".join(f"{round(c * 255):02x}" for c in (r, g, b)), reason
    return None, f"colour {value!r} is not one Graphviz knows"


def gv_shape(value: str) -> tuple[str, str | None]:
    """The library's shape for a Graphviz shape, and a note when it is only the nearest."""
    found = GV_SHAPES.get(value) or GV_SHAPES.get(value.lower())
    if found is None:
        return "rect", f"shape {value!r} is drawn as 'rect'"
    shape, same = found
    return shape, None if same else f"shape {value!r} is drawn as {shape!r}"


def gv_arrow(value: str) -> tuple[str, str | None]:
    """The library's arrowhead for a Graphviz arrow name, and a note when it is only the
    nearest (several shapes in one name, half arrows, shapes the library lacks)."""
    name = value.strip().lower()
    name = _LEGACY.get(name, name)
    shapes = list(_ARROW_SHAPE.finditer(name))
    if not shapes or "".join(m.group() for m in shapes) != name:
        return "normal", f"arrow {value!r} is drawn as 'normal'"
    opened, half, shape = shapes[0].groups()
    out = _OPEN.get(shape, _ARROWS[shape]) if opened else _ARROWS[shape]
    native = shape == _ARROWS[shape] and (not opened or shape in _OPEN)
    exact = len(shapes) == 1 and not half and native
    return out, None if exact else f"arrow {value!r} is drawn as {out!r}"


def gv_style(value: str) -> tuple[list[str], float | None]:
    """A ``style`` as its names (lower case) and the width ``setlinewidth(N)`` asks for."""
    names, width = [], None
    for part in re.findall(r"[^,()\s]+(?:\([^)]*\))?", value):
        low = part.lower()
        found = _WIDTH.fullmatch(low)
        if found:
            width = float(found.group(1))
        elif not low.startswith("setlinewidth("):
            names.append(low)
    return names, width
