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
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, overload

from .arrange import arrange
from .child import check_limits
from .dot import layout_program
from .dot_in.roundtrip import json_attr, records
from .dot_in.sources import is_dot_source
from .dot_reader import from_dot
from .dot_styled import styled_dot
from .embed import check_id_prefix
from .engine import verify_engine
from .errors import DiagramTypeError, UnknownOptionError, ValidationError
from .export import EXPORT_FONT_FAMILY, FORMATS, SUFFIXES, check_format, convert, png_zoom
from .files import write_atomic
from .groups import for_engine
from .layered import LAYERED
from .model import read_diagram
from .quoting import slug
from .scene import place
from .size import DEFAULT_MAX_LABEL_WIDTH, check_label_width, size_diagram
from .style import check_contrast
from .svg import write_svg
from .theme import DARK, LIGHT, Theme, get_theme

__all__ = ["DEFAULT_MAX_LABEL_WIDTH", "SVG", "render", "save", "to_dot"]

_EDGE_LABELS = ("auto", "ranks", "placed")


class SVG(str):
    """An SVG document: a plain ``str`` that also displays itself in Jupyter."""

    __slots__ = ()

    def _repr_svg_(self) -> str:
        return str(self)


@overload
def render(
    g: Any,
    *,
    format: Literal["svg"] = "svg",
    scale: None = None,
    dpi: None = None,
    theme: str | Theme = "light",
    engine: str | None = None,
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
    legend: bool = False,
    show_title: bool = True,
    backend: str = "wheel",
    id_prefix: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
    edge_labels: str = "auto",
    fold: bool | None = None,
) -> SVG: ...


@overload
def render(
    g: Any,
    *,
    format: Literal["png", "pdf"],
    scale: float | None = None,
    dpi: float | None = None,
    theme: str | Theme = "light",
    engine: str | None = None,
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
    legend: bool = False,
    show_title: bool = True,
    backend: str = "wheel",
    id_prefix: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
    edge_labels: str = "auto",
    fold: bool | None = None,
) -> bytes: ...


@overload
def render(
    g: Any,
    *,
    format: str,
    scale: float | None = None,
    dpi: float | None = None,
    theme: str | Theme = "light",
    engine: str | None = None,
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
    legend: bool = False,
    show_title: bool = True,
    backend: str = "wheel",
    id_prefix: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
    edge_labels: str = "auto",
    fold: bool | None = None,
) -> SVG | bytes: ...


def render(
    g: Any,
    *,
    format: str = "svg",
    scale: float | None = None,
    dpi: float | None = None,
    theme: str | Theme = "light",
    engine: str | None = None,
    max_label_width: float = DEFAULT_MAX_LABEL_WIDTH,
    legend: bool = False,
    show_title: bool = True,
    backend: str = "wheel",
    id_prefix: str | None = None,
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
    edge_labels: str = "auto",
    fold: bool | None = None,
) -> SVG | bytes:
    """Lay out the networkx graph ``g`` and return it as an SVG document, PNG or PDF.

    Args:
        g: a networkx graph with a ``title`` graph attribute, or any DOT
            :func:`~diagrams_lib.from_dot` reads (text, a path, a ``pydot.Dot``...),
            which is read first.
        format: ``"svg"`` (default) returns an :class:`SVG` (a ``str``); ``"png"`` and
            ``"pdf"`` return ``bytes``, drawn with fonts shipped with the library, so the
            same graph gives the same bytes on every machine (see the guide's Export).
        scale: PNG only: pixels per SVG pixel (default 1; 2 for a sharp picture on a
            high-density screen or a slide).
        dpi: PNG only, instead of ``scale``: pixels per inch, 96 per unit of scale;
            the PNG records it, so it prints at the SVG's size.
        theme: ``"light"`` (default), ``"dark"``, ``"auto"`` (light colours plus CSS
            that follows ``prefers-color-scheme``; PNG and PDF have no such preference
            and are drawn light) or a :class:`Theme`.
        engine: Graphviz layout engine: ``dot`` (default), ``neato``, ``twopi``,
            ``circo``, ``fdp``, ``sfdp`` (big undirected graphs) or ``osage`` (groups
            packed in a grid); or ``layered``: dot's ranks and order with its own
            placement, for thousands of nodes (:mod:`~diagrams_lib.layered`). Groups
            are drawn by ``dot``, ``fdp`` and ``osage``; the others warn
            (:class:`DiagramWarning`) and leave them out. Diagrams whose nodes are all
            pinned keep their positions.
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
            ``float("inf")`` isolates without a time limit.
        isolate: run Graphviz in a child process even without a timeout, so a
            crash on hostile input raises :class:`LayoutCrashError` (reading DOT,
            :class:`DotParseError`) instead of
            taking the caller's process down. The hatch's allow-list keeps the
            crashes we know of out of reach in process too; isolate input you
            did not write (the command line always does).
        memory_limit: MiB the child process may use (default 2048 when isolated);
            setting it isolates. Past it: :class:`LayoutMemoryError`.
        edge_labels: how ``dot`` makes room for edge labels: ``"ranks"`` lays each out
            as a node on a rank of its own (the best look, but it doubles the ranks),
            ``"placed"`` lays the graph out without them and puts each beside its edge
            afterwards, never over a node or another label; ``"auto"`` (default) uses
            ranks up to 300 nodes (:data:`~diagrams_lib.labels.LABEL_RANKS_UP_TO`).
        fold: spread the nodes of over-wide ranks over several ranks, so a wide, flat
            graph (many nodes off a few hubs) gets a shape that reads at its natural
            size (:mod:`~diagrams_lib.fold`). ``None`` (default) folds when one rank's
            nodes take over 2,400 px side by side and 4 times the drawing's depth;
            ``True`` folds any rank wider than the drawing's target width; ``False``
            never folds. Engines ``dot`` and ``layered`` only.

    Example:
        >>> import networkx as nx
        >>> g = nx.DiGraph(title="Steps")
        >>> g.add_edge("plan", "train", label="then")
        >>> "<title>plan</title>" in render(g)
        True
        >>> render(g, format="png", scale=2)[:4]
        b'\\x89PNG'
    """
    check_format(format)
    zoom = png_zoom(format, scale=scale, dpi=dpi)
    if format != "svg" and theme == "auto":
        theme = "light"  # no prefers-color-scheme in a picture: what the SVG shows by default
    check_limits(timeout=timeout, memory_limit=memory_limit)
    if is_dot_source(g):
        started = time.monotonic()
        g = from_dot(g, timeout=timeout, isolate=isolate)
        if timeout is not None and timeout != float("inf"):  # reading's time comes off
            timeout = max(timeout - (time.monotonic() - started), 0.01)
    diagram = read_diagram(g)
    look = get_theme(theme)
    if format != "svg":  # drawn only with the shipped fonts, whatever the theme names
        look = replace(look, font_family=EXPORT_FONT_FAMILY)
    width = check_label_width(max_label_width)
    if engine is not None and engine != LAYERED:
        verify_engine(engine, backend=backend)
    if fold is not None and not isinstance(fold, bool):
        raise DiagramTypeError(f"fold must be True, False or None, not {fold!r}")
    if not isinstance(legend, bool) or not isinstance(show_title, bool):
        raise DiagramTypeError("legend and show_title must be True or False")
    if edge_labels not in _EDGE_LABELS:
        raise UnknownOptionError(
            f"unknown edge_labels {edge_labels!r}; choose one of: {', '.join(_EDGE_LABELS)}"
        )
    id_prefix = slug(diagram.title, limit=24) if id_prefix is None else check_id_prefix(id_prefix)
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
    diagram = for_engine(diagram, prog)
    geometry = arrange(
        diagram,
        sizes,
        theme=look,
        prog=prog,
        backend=backend,
        timeout=timeout,
        isolate=isolate,
        memory_limit=memory_limit,
        edge_labels=edge_labels,
        fold=fold,
    )
    scene = place(diagram, sizes, geometry)
    svg = write_svg(
        diagram,
        scene,
        theme=look,
        prefix=id_prefix,
        auto=theme == "auto",
        legend=legend,
        show_title=show_title,
    )
    return SVG(svg) if format == "svg" else convert(svg, format=format, zoom=zoom)


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

    ``.svg``, ``.png`` and ``.pdf`` write :func:`render`'s output in that format,
    ``.dot``/``.gv`` writes :func:`to_dot`'s; ``format=`` (``"svg"``, ``"png"``,
    ``"pdf"`` or ``"dot"``) overrides the suffix. Other keyword options go to that
    function (``scale=``/``dpi=`` for PNG). The file is replaced whole, and only after
    rendering succeeded: on any error the previous file is left as it was.

    >>> import networkx as nx, tempfile, pathlib
    >>> g = nx.DiGraph(title="T"); g.add_edge("a", "b")
    >>> save(g, pathlib.Path(tempfile.mkdtemp()) / "t.svg").suffix
    '.svg'
    """
    target = Path(path)
    if format is None:
        format = SUFFIXES.get(target.suffix.lower())
        if format is None:
            raise UnknownOptionError(
                f"cannot tell the format of {str(target)!r} from its suffix: use .svg, .png, "
                ".pdf, .dot or .gv, or format='svg' / 'png' / 'pdf' / 'dot'"
            )
    elif format not in (*FORMATS, "dot"):
        raise UnknownOptionError(f"unknown format {format!r}: use 'svg', 'png', 'pdf' or 'dot'")
    if not target.parent.is_dir():
        raise ValidationError(
            f"cannot save {str(target)!r}: folder {str(target.parent)!r} does not exist"
        )
    data = to_dot(g, **options) if format == "dot" else render(g, format=format, **options)
    write_atomic(target, data)
    return target
