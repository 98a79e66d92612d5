"""One figure, many copies on one HTML page: give each copy its own element ids.

Every id in an SVG from :func:`~diagrams_lib.render` starts with its id prefix (the
``<svg>``'s own id), and so do the references to them: ``aria-labelledby`` (which
names the figure for screen readers), ``data-edge`` and the ``auto`` theme's CSS.
Two copies with the same prefix on one page have duplicate ids, and a screen reader
reads the first copy's title for both. :func:`reprefix` moves a copy to a new prefix;
``render(..., id_prefix=...)`` does the same when you still have the graph.

>>> import networkx as nx
>>> import diagrams_lib as dl
>>> g = nx.DiGraph(title="Plan"); g.add_edge("plan", "train")
>>> svg = dl.render(g)
>>> reprefix(svg, id_prefix="plan-2") == dl.render(g, id_prefix="plan-2")
True
"""

from __future__ import annotations

import re

from .errors import DiagramTypeError, ValidationError
from .quoting import slug

__all__ = ["check_id_prefix", "reprefix"]

_ROOT_ID = re.compile(r'<svg\b[^>]*?\sid="([a-z0-9-]+)"')
_TAG = re.compile(r"<[^>]*>")  # user text escapes < and > everywhere, so tags are exact
_STYLE = re.compile(r"(<style>)(.*?)(</style>)", re.S)


def check_id_prefix(prefix: str) -> str:
    """Return ``prefix`` if it can start an element id, else raise :class:`ValidationError`.

    >>> check_id_prefix("fig-2")
    'fig-2'
    """
    if not isinstance(prefix, str) or slug(prefix, limit=64) != prefix:
        raise ValidationError(
            f"id_prefix {prefix!r} is not id-safe; use lowercase letters, digits and '-'"
        )
    return prefix


def reprefix(svg: str, *, id_prefix: str) -> str:
    """Return ``svg`` (as :func:`~diagrams_lib.render` wrote it) with every element id,
    and every reference to one, moved to ``id_prefix``; nothing else changes.

    Use it to put several copies of one figure inline on a page: give each copy its
    own prefix. An :class:`~diagrams_lib.SVG` comes back as an ``SVG``.

    Example:
        >>> import networkx as nx, diagrams_lib as dl
        >>> g = nx.DiGraph(title="Plan"); g.add_edge("plan", "train")
        >>> copy = reprefix(dl.render(g), id_prefix="plan-2")
        >>> 'aria-labelledby="plan-2-title plan-2-desc"' in copy
        True
    """
    if not isinstance(svg, str):
        raise DiagramTypeError(f"reprefix takes SVG text, not {type(svg).__name__}")
    check_id_prefix(id_prefix)
    root = _ROOT_ID.search(svg)
    if root is None or 'class="dl-diagram"' not in svg[root.start() : svg.index(">", root.start())]:
        raise ValidationError("reprefix takes an SVG written by diagrams_lib.render")
    old = root.group(1)
    own_id = re.compile(rf'(\s(?:id|data-edge)=")({re.escape(old)})(?=["-])')
    named = re.compile(r'(\saria-(?:labelledby|describedby)=")([^"]*)(")')
    selector = re.compile(rf"#{re.escape(old)}(?![A-Za-z0-9_-])")

    def moved(token: str) -> str:
        return (
            id_prefix + token[len(old) :] if token == old or token.startswith(old + "-") else token
        )

    def tag(match: re.Match[str]) -> str:
        text = own_id.sub(lambda m: m.group(1) + id_prefix, match.group(0))
        return named.sub(
            lambda m: m.group(1) + " ".join(map(moved, m.group(2).split())) + m.group(3), text
        )

    def style(match: re.Match[str]) -> str:
        return match.group(1) + selector.sub("#" + id_prefix, match.group(2)) + match.group(3)

    out = _STYLE.sub(style, _TAG.sub(tag, svg))
    return type(svg)(out) if type(svg) is not str else out
