"""The public entry points: :func:`render`, :func:`to_dot` and :func:`save`.

>>> import networkx as nx
>>> g = nx.DiGraph(title="Hello")
>>> g.add_edge("a", "b")
>>> svg = render(g)
>>> svg.startswith("<svg") and 'role="img"' in svg
True
"""

from __future__ import annotations

import os
import time
from numbers import Real
from pathlib import Path
from typing import Any

from .dot import geometry_dot, layout_program
from .dot_in.roundtrip import json_attr, records
from .dot_in.sources import is_dot_source
from .dot_reader import from_dot
from .dot_styled import styled_dot
from .engine import layout, verify_engine
from .errors import DiagramTypeError, UnknownOptionError, ValidationError
from .files import write_atomic
from .model import read_diagram
from .quoting import slug
from .scene import place
from .size import DEFAULT_MAX_LABEL_WIDTH, check_label_width, size_diagram
from .style import check_contrast
from .svg import write_svg
from .theme import DARK, LIGHT, Theme, get_theme

__all__ = ["DEFAULT_MAX_LABEL_WIDTH", "SVG", "render", "save", "to_dot"]

_SAVE_FORMATS = {".svg": "svg", ".dot": "dot", ".gv": "dot"}


class SVG(str):
    """An SVG document: a plain ``str`` that also displays itself in Jupyter."""

    __slots__ = ()

    def _repr_svg_(self) -> str:
        return str(self)


def render(
    g: Any,
    *,
    theme: str | Theme = "light",
    engine: str | None = None,
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
    legend: bool = False,
    show_title: bool = True,
    backend: str = "wheel",
    id_prefix: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
) -> SVG:
    """Lay out the networkx graph ``g`` and return it as an SVG document.

    Args:
        g: a networkx graph with a ``title`` graph attribute, or any DOT
            :func:`~diagrams_lib.from_dot` reads (text, a path, a ``pydot.Dot``...),
            which is read first.
        theme: ``"light"`` (default), ``"dark"``, ``"auto"`` (light colours plus CSS
            that follows ``prefers-color-scheme``) or a :class:`Theme`.
        engine: Graphviz layout engine: ``dot`` (default), ``neato``, ``twopi``,
            ``circo`` or ``fdp``. Diagrams whose nodes are all pinned keep their
            positions.
        max_label_width: wrap labels to this many px.
        legend: add a legend of the roles in use.
        show_title: draw the title at the top of the figure (it always names the
            SVG for screen readers).
        backend: ``"wheel"`` (Graphviz in process, the default) or ``"system"``
            (the user's own ``dot`` through the ``graphviz`` package).
        id_prefix: prefix of every element id; by default derived from the title
            and content, so several SVGs can share one HTML page.
        timeout: seconds the layout (and reading DOT, when ``g`` is DOT) may take in
            all; when set, Graphviz runs in a child process that is stopped at the
            limit (:class:`LayoutTimeoutError`).
        isolate: run Graphviz in a child process even without a timeout, so a
            crash on hostile input raises :class:`EngineError` (or, reading DOT,
            :class:`DotParseError`) instead of taking the caller's process down.

    Example:
        >>> import networkx as nx
        >>> g = nx.DiGraph(title="Steps")
        >>> g.add_edge("plan", "train", label="then")
        >>> "<title>plan</title>" in render(g)
        True
    """
    if timeout is not None and (
        not isinstance(timeout, Real) or isinstance(timeout, bool) or not timeout > 0
    ):
        raise ValidationError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if is_dot_source(g):
        started = time.monotonic()
        g = from_dot(g, timeout=timeout, isolate=isolate)
        if timeout is not None:  # what reading took comes off the layout's time
            timeout = max(timeout - (time.monotonic() - started), 0.01)
    diagram = read_diagram(g)
    look = get_theme(theme)
    width = check_label_width(max_label_width)
    if engine is not None:
        verify_engine(engine, backend=backend)
    if not isinstance(legend, bool) or not isinstance(show_title, bool):
        raise DiagramTypeError("legend and show_title must be True or False")
    if id_prefix is None:
        id_prefix = slug(diagram.title, limit=24)
    elif slug(id_prefix, limit=64) != id_prefix:
        raise ValidationError(
            f"id_prefix {id_prefix!r} is not id-safe; use lowercase letters, digits and '-'"
        )
    if diagram.measured_for not in (None, (look.font_size, look.note_size)):
        label, note = diagram.measured_for
        raise ValidationError(
            f"graph {diagram.title!r} was laid out for text of {label:g} px (notes {note:g} px), "
            f"but theme {look.name!r} draws {look.font_size:g} px ({look.note_size:g} px): "
            "build it again with theme= set to the theme you render with"
        )
    sizes = size_diagram(diagram, theme=look, max_width=width)
    pages = (LIGHT.background, DARK.background) if theme == "auto" else (look.background,)
    check_contrast(
        [(n, sizes.nodes[n.id].style) for n in diagram.nodes],
        [(e, sizes.edge_styles[e.id]) for e in diagram.edges],
        backgrounds=pages,
    )
    prog = layout_program(diagram, engine)
    geometry = layout(
        geometry_dot(diagram, sizes, prog=prog),
        prog=prog,
        backend=backend,
        timeout=timeout,
        isolate=isolate,
    )
    scene = place(diagram, sizes, geometry)
    return SVG(
        write_svg(
            diagram,
            scene,
            theme=look,
            prefix=id_prefix,
            auto=theme == "auto",
            legend=legend,
            show_title=show_title,
        )
    )


def to_dot(
    g: Any, *, theme: str | Theme = "light", max_label_width: float = DEFAULT_MAX_LABEL_WIDTH
) -> str:
    """Return DOT text of the styled diagram, usable with any Graphviz.

    ``g`` may also be DOT (anything :func:`~diagrams_lib.from_dot` reads). Beside the
    styled attributes, each element carries a ``diagrams_lib`` attribute (JSON that
    Graphviz ignores) holding its key and attributes, so that :func:`from_dot` gives
    back the very graph: ``from_dot(to_dot(g))`` equals ``g``.

    >>> import networkx as nx
    >>> g = nx.DiGraph(title="T")
    >>> g.add_node("a:b", label='say "hi"')
    >>> 'label="say \\\\"hi\\\\""' in to_dot(g)
    True
    >>> list(from_dot(to_dot(g)).nodes(data=True))
    [('a:b', {'label': 'say "hi"'})]
    """
    if is_dot_source(g):
        g = from_dot(g)
    diagram = read_diagram(g)
    return styled_dot(
        diagram,
        theme=get_theme(theme),
        max_label_width=check_label_width(max_label_width),
        records={name: json_attr(text) for name, text in records(g).items()},
    )


def save(
    g: Any, path: str | os.PathLike[str], *, format: str | None = None, **options: Any
) -> Path:
    """Render ``g`` and write it atomically to ``path``; the suffix picks the format.

    ``.svg`` writes :func:`render`'s output, ``.dot``/``.gv`` writes :func:`to_dot`'s.
    Other keyword options go to that function. The file is replaced whole, and only
    after rendering succeeded: on any error the previous file is left as it was.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.DiGraph(title="T"); g.add_edge("a", "b")
    >>> save(g, pathlib.Path(tempfile.mkdtemp()) / "t.svg").suffix
    '.svg'
    """
    target = Path(path)
    fmt = format or _SAVE_FORMATS.get(target.suffix.lower())
    if fmt not in ("svg", "dot"):
        raise UnknownOptionError(
            f"cannot tell the format of {str(target)!r}: use a .svg, .dot or .gv suffix, "
            "or format='svg' / 'dot'"
        )
    if not target.parent.is_dir():
        raise ValidationError(
            f"cannot save {str(target)!r}: folder {str(target.parent)!r} does not exist"
        )
    text = render(g, **options) if fmt == "svg" else to_dot(g, **options)
    write_atomic(target, text)
    return target
