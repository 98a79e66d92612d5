"""The ``dot`` escape hatch: the few Graphviz layout hints a graph, node or edge may pass on.

Graphviz has hundreds of attributes, and some open files (``shapefile``, ``imagepath``,
``fontpath``, ``stylesheet``), carry links into its own SVG (``URL``, ``edgehref``...) or
end the process on values out of range (``ratio=1e308``, ``K=0``, ``maxiter=-1``). So the
hatch is an allow-list: layout hints only, each with the values it may take, the same for
:func:`~diagrams_lib.render`, :func:`~diagrams_lib.to_dot`, DOT files and node-link JSON.
Anything else is refused with an error that names it.

>>> read({"nodesep": 0.3, "splines": "ortho"}, context="graph", where="graph attribute 'dot'")
(('nodesep', '0.3'), ('splines', 'ortho'))
>>> read({"headclip": False}, context="edge", where="edge 'a' -> 'b' attribute 'dot'")
(('headclip', 'false'),)
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from numbers import Real
from typing import Any

from .errors import DiagramTypeError, ValidationError
from .quoting import check_text, shown

__all__ = ["HINTS", "Hint", "allowed", "check", "read"]

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?\Z")
_NODE_ID = re.compile(r"n\d{1,9}\Z")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True, slots=True)
class Hint:
    """One attribute the hatch passes on: where it may be set, and what values it takes.

    ``check`` turns a value into the text Graphviz gets, or raises :class:`ValueError`
    with the reason; ``takes`` says in words what it accepts, for error messages.
    """

    contexts: tuple[str, ...]
    takes: str
    check: Callable[[Any], str]


def _number(value: Any, low: float, high: float, *, whole: bool = False) -> str:
    if isinstance(value, str) and _NUMBER.match(value.strip()):
        value = float(value)
    if not isinstance(value, Real) or isinstance(value, bool):
        raise ValueError("not a number")
    out = float(value)
    if not (math.isfinite(out) and low <= out <= high) or (whole and out != int(out)):
        raise ValueError("out of range")
    return str(int(out)) if whole else f"{out:.6g}"


def number(low: float, high: float) -> Hint:
    return Hint((), f"a number from {low:g} to {high:g}", lambda v: _number(v, low, high))


def whole(low: int, high: int) -> Hint:
    return Hint(
        (), f"a whole number from {low} to {high}", lambda v: _number(v, low, high, whole=True)
    )


def _flag(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.strip().lower() in _TRUE + _FALSE:
        return "true" if value.strip().lower() in _TRUE else "false"
    raise ValueError("not true or false")


FLAG = Hint((), "true or false", _flag)


def choice(*options: str) -> Hint:
    def check_choice(value: Any) -> str:
        if isinstance(value, str) and value.strip().lower() in {o.lower() for o in options}:
            return next(o for o in options if o.lower() == value.strip().lower())
        raise ValueError("not one of the choices")

    return Hint((), f"one of: {', '.join(options)}", check_choice)


def _name(value: Any) -> str:
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ValueError("not a name")
    text = check_text(value, where="name")
    if not text.strip() or len(text) > 64 or "\n" in text:
        raise ValueError("not a short name")
    return text


NAME = Hint((), "a name of at most 64 characters on one line", _name)


def _node_id(value: Any) -> str:
    if isinstance(value, str) and _NODE_ID.match(value):
        return value
    raise ValueError("not a node id")


def _margin(value: Any) -> str:
    """``sep``/``esep``: a margin in points, ``+`` meaning added to the node's size."""
    text = value.strip() if isinstance(value, str) else value
    plus = isinstance(text, str) and text.startswith("+")
    return ("+" if plus else "") + _number(text[1:] if plus else text, 0, 100)


def _seed(value: Any) -> str:
    if isinstance(value, str) and value.strip() == "regular":
        return "regular"
    return _number(value, 0, 2**31 - 1, whole=True)


def _on(hint: Hint, *contexts: str) -> Hint:
    return Hint(contexts, hint.takes, hint.check)


# Only layout hints, each bounded; nothing that names a file, a URL or a stylesheet, and
# nothing the library computes itself (sizes, shapes, labels, positions, ports, arrows).
HINTS: Mapping[str, Hint] = {
    "K": _on(number(0.01, 10), "graph"),
    "concentrate": _on(FLAG, "graph"),
    "esep": _on(Hint((), "a margin from 0 to 100 points, '+' to add it", _margin), "graph"),
    "group": _on(NAME, "node"),
    "headclip": _on(FLAG, "edge"),
    "labelangle": _on(number(-180, 180), "edge"),
    "labeldistance": _on(number(0, 10), "edge"),
    "layout": _on(choice("dot", "neato", "twopi", "circo", "fdp"), "graph"),
    "len": _on(number(0.01, 100), "edge"),
    "maxiter": _on(whole(1, 10000), "graph"),
    "mindist": _on(number(0, 10), "graph"),
    "mode": _on(choice("major", "KK", "sgd"), "graph"),
    "model": _on(choice("circuit", "subset", "shortpath", "mds"), "graph"),
    "newrank": _on(FLAG, "graph"),
    "nodesep": _on(number(0.02, 10), "graph"),
    "ordering": _on(choice("in", "out"), "graph", "node"),
    "overlap": _on(choice("false", "true", "scale", "compress", "vpsc"), "graph"),
    "pack": _on(FLAG, "graph"),
    "packmode": _on(choice("node", "clust", "graph"), "graph"),
    "ranksep": _on(number(0.02, 10), "graph"),
    "root": _on(Hint((), "a node's DOT id, such as n0", _node_id), "graph"),
    "samehead": _on(NAME, "edge"),
    "sametail": _on(NAME, "edge"),
    "sep": _on(Hint((), "a margin from 0 to 100 points, '+' to add it", _margin), "graph"),
    "splines": _on(
        choice("true", "false", "none", "line", "polyline", "spline", "curved", "ortho"), "graph"
    ),
    "start": _on(
        Hint((), "a whole-number seed from 0 to 2147483647, or 'regular'", _seed), "graph"
    ),
    "tailclip": _on(FLAG, "edge"),
}

# Attributes with a semantic twin, named in the error so the user knows what to set instead.
_TWINS = {
    "label": "label",
    "xlabel": "xlabel",
    "headlabel": "head_label",
    "taillabel": "tail_label",
    "width": "size",
    "height": "size",
    "fixedsize": "size",
    "shape": "shape",
    "pos": "pin",
    "pin": "pin",
    "URL": "link",
    "href": "link",
    "dir": "dir",
    "arrowhead": "arrowhead",
    "arrowtail": "arrowtail",
    "headport": "head_port",
    "tailport": "tail_port",
    "weight": "weight",
    "minlen": "minlen",
    "constraint": "constraint",
    "rankdir": "direction",
    "color": "color",
    "fillcolor": "fill",
    "fontcolor": "text_color",
    "style": "line",
    "penwidth": "line_width",
    "comment": "description",
}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}\Z")


def allowed(context: str) -> list[str]:
    """The names the hatch passes on for ``context`` (``graph``, ``node`` or ``edge``).

    >>> allowed("node")
    ['group', 'ordering']
    """
    return sorted((name for name, hint in HINTS.items() if context in hint.contexts), key=str.lower)


def check(name: Any, value: Any, *, context: str, where: str) -> str:
    """The text Graphviz gets for hatch attribute ``name``, or an error naming it.

    >>> check("K", "0.5", context="graph", where="graph attribute 'dot'")
    '0.5'
    >>> try:
    ...     check("K", 0, context="graph", where="graph")
    ... except ValidationError as exc:
    ...     print(exc)
    graph: 'K' is 0; it takes a number from 0.01 to 10
    """
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValidationError(f"{where}: {shown(name)} is not a Graphviz attribute name")
    hint = HINTS.get(name)
    if hint is None or context not in hint.contexts:
        twin = _TWINS.get(name)
        if twin is not None:
            raise ValidationError(
                f"{where}: {name!r} is computed by diagrams_lib or has an attribute of its "
                f"own: set the {context}'s {twin!r} instead"
            )
        raise ValidationError(
            f"{where}: {name!r} is not a layout hint diagrams_lib passes to Graphviz; "
            f"a {context} takes: {', '.join(allowed(context))}"
        )
    try:
        return hint.check(value)
    except (ValueError, DiagramTypeError):
        raise ValidationError(
            f"{where}: {name!r} is {shown(value)}; it takes {hint.takes}"
        ) from None


def read(value: Any, *, context: str, where: str) -> tuple[tuple[str, str], ...]:
    """A ``dot`` attribute (a dict of hints) checked, as (name, text) pairs sorted by name."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise DiagramTypeError(f"{where} must be a dict of Graphviz attributes")
    pairs = [(name, check(name, raw, context=context, where=where)) for name, raw in value.items()]
    return tuple(sorted(pairs))
