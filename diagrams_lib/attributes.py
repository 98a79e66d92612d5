"""Checking one attribute value of a node, edge or graph; each error names where it was.

>>> line("dashed", where="edge 'a' -> 'b'")
'dashed'
>>> arrow("vee", where="edge 'a' -> 'b' attribute 'arrowhead'")
'vee'
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping
from numbers import Real
from typing import Any
from urllib.parse import urlsplit

from .errors import DiagramTypeError, DiagramWarning, UnknownOptionError, ValidationError
from .quoting import check_text, shown

__all__ = [
    "ARROWS",
    "DIRS",
    "LINES",
    "PORTS",
    "arrow",
    "choice",
    "flag",
    "line",
    "link",
    "number",
    "pair",
    "port",
    "text",
    "weight",
]

LINES = ("solid", "dashed", "dotted", "bold", "invisible")  # invisible: laid out, not drawn
ARROWS = ("normal", "empty", "inv", "dot", "odot", "diamond", "odiamond", "tee", "vee", "none")
DIRS = ("forward", "back", "both", "none")
PORTS = ("n", "ne", "e", "se", "s", "sw", "w", "nw", "c")
MAX_WEIGHT = 1000  # Graphviz's network simplex is exact; larger weights only risk overflow


def text(data: Mapping, name: str, *, where: str) -> str | None:
    """The attribute ``name`` as text, or None when unset."""
    value = data.get(name)
    return None if value is None else check_text(value, where=f"{where} attribute {name!r}")


def choice(value: Any, choices: tuple[str, ...], *, where: str) -> str:
    """``value`` if it is one of ``choices``, else an error listing them."""
    if not isinstance(value, str) or value not in choices:
        raise UnknownOptionError(f"{where} is {shown(value)}; choose one of: {', '.join(choices)}")
    return value


def line(value: Any, *, where: str) -> str:
    return choice(value, LINES, where=where)


def arrow(value: Any, *, where: str) -> str:
    return choice(value, ARROWS, where=where)


def port(value: Any, *, where: str) -> str:
    return choice(value, PORTS, where=where)


def number(value: Any, *, where: str, low: float, high: float) -> float:
    """``value`` as a float from ``low`` to ``high``, or an error naming ``where``."""
    if not isinstance(value, Real) or isinstance(value, bool):
        raise DiagramTypeError(f"{where} must be a number, not {shown(value)}")
    out = float(value)
    if not (math.isfinite(out) and low <= out <= high):
        raise ValidationError(
            f"{where} must be a number from {low:g} to {high:g}, not {shown(value)}"
        )
    return out


def weight(value: Any, *, where: str) -> int:
    """A layout weight: a whole number from 0 to :data:`MAX_WEIGHT`. A larger one (a
    distance or capacity kept under networkx's usual name) is capped, with a warning."""
    if not isinstance(value, Real) or isinstance(value, bool):
        raise DiagramTypeError(f"{where} must be a number, not {shown(value)}")
    out = float(value)
    if not (math.isfinite(out) and out >= 0):
        raise ValidationError(f"{where} must be a number of at least 0, not {shown(value)}")
    if out > MAX_WEIGHT:
        warnings.warn(
            f"{where} is {shown(value)}; the layout uses at most {MAX_WEIGHT}",
            DiagramWarning,
            stacklevel=4,
        )
        return MAX_WEIGHT
    return round(out)


def flag(value: Any, *, where: str) -> bool:
    if not isinstance(value, bool):
        raise DiagramTypeError(f"{where} must be True or False, not {shown(value)}")
    return value


def pair(value: Any, *, where: str) -> tuple[float, float]:
    ok = isinstance(value, (tuple, list)) and len(value) == 2
    if not ok or not all(isinstance(v, Real) and not isinstance(v, bool) for v in value):
        raise DiagramTypeError(f"{where} must be a pair of numbers (x, y), not {shown(value)}")
    x, y = float(value[0]), float(value[1])
    if not (math.isfinite(x) and math.isfinite(y)):
        raise ValidationError(f"{where} must be finite, not {shown(value)}")
    return x, y


def link(value: Any, *, where: str) -> str | None:
    """A node's link: http, https or relative, nothing that could run script."""
    if value is None:
        return None
    out = check_text(value, where=f"{where} attribute 'link'", allow_numbers=False)
    parts = urlsplit(out)
    external_without_scheme = not parts.scheme and (parts.netloc or out.startswith("//"))
    if (
        any(c.isspace() for c in out)
        or "\\" in out
        or external_without_scheme
        or parts.scheme.lower() not in ("", "http", "https")
    ):
        raise ValidationError(
            f"{where} attribute 'link' {out!r} is not allowed: only http, https and "
            "relative URLs (no whitespace, backslashes or scheme-relative '//host')"
        )
    return out
