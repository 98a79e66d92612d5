"""PNG and PDF: the finished SVG drawn by resvg (PNG) or Typst (PDF), with shipped fonts.

Both read the SVG with the same Rust SVG library (usvg) and draw text only with the
fonts in ``diagrams_lib/fonts/`` (Liberation Sans, and DejaVu Sans for what it lacks),
never with the fonts installed on the machine, so the same graph gives the same bytes
in any process. Those are fonts whose widths :mod:`diagrams_lib.text` measures with,
so text fits its boxes as it was measured.

* PNG: ``resvg-py`` (MIT, a 1.4 MB wheel with no system library), a dependency.
  ``scale`` (or ``dpi``, 96 per scale step) multiplies the SVG's size in pixels, and
  the PNG records that density, so it prints and pastes at the SVG's size.
* PDF: ``typst`` (Apache-2.0, a 30-35 MB wheel), the ``pdf`` extra. One page the
  size of the SVG (1 px = 0.75 pt), vector shapes, real text in embedded font
  subsets, the diagram's title as the document's title and its description as the
  figure's alternative text, and no date.

>>> SUFFIXES[".png"], png_zoom("png", scale=None, dpi=192)
('png', 2.0)
"""

from __future__ import annotations

import importlib
import math
import struct
import zlib
from numbers import Real
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

from .errors import ExportError, MissingDependencyError, UnknownOptionError, ValidationError

__all__ = [
    "EXPORT_FONT_FAMILY",
    "FONT_DIR",
    "FONT_FILES",
    "FORMATS",
    "MAX_PIXELS",
    "SUFFIXES",
    "check_format",
    "convert",
    "png_zoom",
]

FORMATS = ("svg", "png", "pdf")
SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILES = tuple(
    FONT_DIR / name
    for name in (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
    )
)
EXPORT_FONT_FAMILY = '"Liberation Sans", "DejaVu Sans"'
MAX_PIXELS = 100_000_000  # about 400 MB of memory while drawing
_SVG = "{http://www.w3.org/2000/svg}"
_PX_PER_INCH = 96.0  # a CSS pixel
_PT_PER_PX = 0.75
_TYPST_PAGE = """#set document(title: sys.inputs.title, date: none)
#set page(width: {width}pt, height: {height}pt, margin: 0pt)
#image(bytes(sys.inputs.svg), format: "svg", width: 100%, alt: sys.inputs.alt)
"""


def check_format(format: Any) -> str:
    """Return ``format`` if :func:`~diagrams_lib.render` can draw it, else raise.

    >>> check_format("pdf")
    'pdf'
    """
    if format not in FORMATS:
        hint = " (DOT text comes from to_dot)" if format == "dot" else ""
        raise UnknownOptionError(
            f"unknown format {format!r}{hint}; render draws {', '.join(map(repr, FORMATS))}"
        )
    return format


def png_zoom(format: str, *, scale: Any, dpi: Any) -> float:
    """How many PNG pixels per SVG pixel ``scale`` or ``dpi`` ask for (1 by default).

    Raises :class:`ValidationError` when either is given for another format than PNG,
    when both are given, or when one is not a positive number.

    >>> png_zoom("png", scale=None, dpi=None), png_zoom("svg", scale=None, dpi=None)
    (1.0, 1.0)
    """
    given = {name: value for name, value in (("scale", scale), ("dpi", dpi)) if value is not None}
    if not given:
        return 1.0
    if format != "png":
        raise ValidationError(f"{next(iter(given))}= is for PNG only, not format={format!r}")
    if len(given) == 2:
        raise ValidationError("give scale or dpi, not both: dpi=96 is scale=1")
    ((name, value),) = given.items()
    if not (isinstance(value, Real) and not isinstance(value, bool) and 0 < value < math.inf):
        raise ValidationError(f"{name} must be a positive number, not {value!r}")
    return float(value) if name == "scale" else float(value) / _PX_PER_INCH


def convert(svg: str, *, format: str, zoom: float = 1.0) -> bytes:
    """Draw the SVG document ``svg`` (as :func:`~diagrams_lib.render` writes it) as PNG or PDF.

    Example:
        >>> import networkx as nx, diagrams_lib as dl
        >>> g = nx.DiGraph(title="T"); g.add_edge("a", "b")
        >>> convert(dl.render(g), format="png")[:4]
        b'\\x89PNG'
    """
    if format == "png":
        return _png(svg, zoom)
    if format == "pdf":
        return _pdf(svg)
    raise UnknownOptionError(f"convert draws 'png' or 'pdf', not {format!r}")


def _optional(module: str, *, format: str, install: str) -> ModuleType:
    """Import ``module``, or raise :class:`MissingDependencyError` saying what to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{format.upper()} output needs the {module!r} package, which is not installed: "
            f"pip install {install}"
        ) from exc


def _size(svg: str) -> tuple[ElementTree.Element, float, float]:
    """The parsed SVG and its width and height in px."""
    try:
        root = ElementTree.fromstring(svg)
        return root, float(root.get("width", "")), float(root.get("height", ""))
    except (ElementTree.ParseError, ValueError) as exc:
        raise ExportError(f"not an SVG document with a width and height: {exc}") from exc


def _png(svg: str, zoom: float) -> bytes:
    resvg = _optional("resvg_py", format="png", install="resvg-py")
    _, width, height = _size(svg)
    across, down = (math.ceil(math.ceil(side) * zoom) for side in (width, height))  # as resvg
    if across * down > MAX_PIXELS:
        raise ValidationError(
            f"a PNG of {across} x {down} pixels is over the limit of {MAX_PIXELS:,}: "
            "use a smaller scale or dpi"
        )
    family = "Liberation Sans"
    try:
        png = bytes(
            resvg.svg_to_bytes(
                svg_string=svg,
                zoom=zoom,
                skip_system_fonts=True,
                font_files=[str(path) for path in FONT_FILES],
                font_family=family,
                sans_serif_family=family,
                serif_family=family,
                monospace_family=family,
                cursive_family=family,
                fantasy_family=family,
            )
        )
    except Exception as exc:  # resvg raises ValueError; any failure is named the same way
        raise ExportError(f"cannot draw the PNG: {exc}") from exc
    return _with_density(png, zoom * _PX_PER_INCH)


def _with_density(png: bytes, dpi: float) -> bytes:
    """``png`` with a pHYs chunk after its header, saying ``dpi`` pixels per inch."""
    if png[12:16] != b"IHDR":
        raise ExportError("the PNG drawn has no header chunk first")
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    return png[:33] + chunk + png[33:]


def _pdf(svg: str) -> bytes:
    typst = _optional("typst", format="pdf", install="'diagrams_lib[pdf]'")
    root, width, height = _size(svg)
    title = root.findtext(f"{_SVG}title") or ""
    desc = root.findtext(f"{_SVG}desc") or ""
    page = _TYPST_PAGE.format(
        width=f"{width * _PT_PER_PX:.4f}", height=f"{height * _PT_PER_PX:.4f}"
    )
    try:
        return typst.compile(
            page.encode(),
            font_paths=[str(FONT_DIR)],
            ignore_system_fonts=True,
            sys_inputs={"svg": svg, "title": title, "alt": f"{title}: {desc}" if desc else title},
        )
    except Exception as exc:  # typst raises its own error types; name them all the same way
        raise ExportError(f"cannot draw the PDF: {exc}") from exc
