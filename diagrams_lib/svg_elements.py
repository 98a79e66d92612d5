"""The markup of nodes, edges, groups and text, written as one template filled in one pass.

Every element appends markup to a :class:`Markup`: our own tags with a :data:`NUM` slot
for each number, and user text escaped for XML *and* for ``%``. The numbers go to a
list, and :meth:`Markup.text` formats them all at once and fills every slot with one ``%``
(:func:`~diagrams_lib.quoting.fill_numbers_utf8`), instead of a formatting call per number:
the numbers of a 1,000-node diagram are formatted at once.

>>> m = Markup()
>>> m.add(f'<circle cx="{NUM}" r="{NUM}"/>', 3.14159, 2.0)
>>> m.add(f"<title>{pct_text('100% <sure>')}</title>")
>>> m.text()
'<circle cx="3.14" r="2"/><title>100% &lt;sure&gt;</title>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .layout import Placed, PlacedEdge, PlacedGroup
from .quoting import NUM, fill_numbers_utf8, fmt, xml_attr, xml_text
from .shapes import CORNER, RECT, XY, outline_template
from .sizing import LABEL_PAD, NOTE_GAP, label_is_bold
from .text import TextBlock, measure_block, text_width
from .theme import NodeStyle, Theme, role_title

__all__ = ["ARROW", "DASH", "NUM", "Markup", "css_class", "pct_attr", "pct_attrs", "pct_text",
           "pct_texts"]  # fmt: skip


# Most text has nothing to escape. Four or six substring tests tell (each a fast scan
# in C), in about half the time of one search for a character class.
def pct_text(text: str) -> str:
    """``text`` escaped for XML character data and with ``%`` doubled, for a template.

    >>> pct_text("50% <off>"), pct_text("plain")
    ('50%% &lt;off&gt;', 'plain')
    """
    if "&" in text or "<" in text or ">" in text or "%" in text:
        return xml_text(text).replace("%", "%%")
    return text


def pct_attr(text: str) -> str:
    """``text`` escaped for a double-quoted XML attribute and with ``%`` doubled.

    >>> pct_attr('say "hi"')
    'say &quot;hi&quot;'
    """
    if ("&" in text or "<" in text or ">" in text or "%" in text or '"' in text
            or "\n" in text):  # fmt: skip
        return xml_attr(text).replace("%", "%%")
    return text


def pct_texts(texts: list[str]) -> list[str]:
    """:func:`pct_text` of each text; when none has anything to escape (the usual case),
    one check of them all tells, and the list comes back as it is.

    >>> pct_texts(["a", "b"]), pct_texts(["a", "5%"])
    (['a', 'b'], ['a', '5%%'])
    """
    joined = "".join(texts)
    if "&" in joined or "<" in joined or ">" in joined or "%" in joined:
        return [pct_text(text) for text in texts]
    return texts


def pct_attrs(texts: list[str]) -> list[str]:
    """:func:`pct_attr` of each text, checked all at once like :func:`pct_texts`.

    >>> pct_attrs(["a", 'say "b"'])
    ['a', 'say &quot;b&quot;']
    """
    joined = "".join(texts)
    if ("&" in joined or "<" in joined or ">" in joined or "%" in joined or '"' in joined
            or "\n" in joined):  # fmt: skip
        return [pct_attr(text) for text in texts]
    return texts


@lru_cache(maxsize=256)
def css_class(role: str | None) -> str:
    """The CSS class of a role: ``role-`` and the role, with anything but ``[A-Za-z0-9_-]``
    replaced by ``_``.

    >>> css_class("ruled out"), css_class(None)
    ('role-ruled_out', 'role-default')
    """
    return "role-" + re.sub(r"[^A-Za-z0-9_-]", "_", role or "default")


_fmt_const = lru_cache(maxsize=256)(fmt)  # sizes and widths: a few values, used again and again


class Markup:
    """Templates and the numbers for their slots, in document order."""

    __slots__ = ("parts", "values")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.values: list[float] = []

    def add(self, template: str, *values: float) -> None:
        """Append ``template`` (a literal ``%`` written ``%%``) and its slots' numbers."""
        self.parts.append(template)
        self.values += values

    def text(self) -> str:
        """The markup with every number written as :func:`~diagrams_lib.quoting.fmt` would,
        and :data:`ARROW` and :data:`DASH` as the characters they stand for."""
        text = fill_numbers_utf8("".join(self.parts).encode(), self.values).decode()
        # Put in after decoding: ASCII bytes decode as a plain copy, UTF-8 with arrows does not.
        if ARROW in text:
            text = text.replace(ARROW, "\u2192")
        if DASH in text:
            text = text.replace(DASH, "\u2013")
        return text


# The arrow (→) and dash (–) of edge titles, as stand-ins while the markup is built: one
# character beyond Latin-1 makes Python store a text with two bytes per character, and
# every piece of markup joined to it would be widened to match; so they are put in once,
# at the end. User text cannot hold them (check_text refuses control characters), and a
# label's own arrow is written as it is.
ARROW, DASH = "\x03", "\x04"


_TSPAN = f'<tspan x="{NUM}" y="{NUM}">'


def lines(m: Markup, block: TextBlock, *, x: float, top: float, anchor: str, size: float,
          fill: str, cls: str, bold: bool = False) -> None:  # fmt: skip
    """A ``<text>`` with one ``<tspan>`` per line, first line box starting at ``top``."""
    step = size * 1.25
    weight = ' font-weight="600"' if bold else ""
    m.parts.append(f'<text class="{cls}" font-size="{_fmt_const(size)}"{weight} '
                   f'fill="{pct_attr(fill)}" text-anchor="{anchor}">')  # fmt: skip
    if len(block.lines) == 1:  # most labels
        m.parts.append(f"{_TSPAN}{pct_text(block.lines[0])}</tspan></text>")
        m.values += (x, top + step / 2 + size * 0.35)
        return
    for i, line in enumerate(block.lines):
        m.parts.append(f"{_TSPAN}{pct_text(line)}</tspan>")
        m.values += (x, top + step * i + step / 2 + size * 0.35)
    m.parts.append("</text>")


# Markers drawn as strokes rather than glyphs: ✓ and ✗ are missing from Helvetica and
# Arial, and a renderer without font fallback would show a box. Unit: one em.
_ICONS = {
    "✓": (f"M{XY} L{XY} L{XY}", ((-0.3, 0.02), (-0.1, 0.24), (0.3, -0.26))),
    "✗": (f"M{XY} L{XY} M{XY} L{XY}",
          ((-0.24, -0.24), (0.24, 0.24), (0.24, -0.24), (-0.24, 0.24))),
}  # fmt: skip


def _icon(m: Markup, marker: str, cx: float, cy: float, size: float, colour: str) -> None:
    path, points = _ICONS[marker]
    m.add(f'<path class="marker" d="{path}" fill="none" stroke="{pct_attr(colour)}" '
          f'stroke-width="{fmt(size * 0.14)}" stroke-linecap="round" '
          'stroke-linejoin="round"/>',
          *(v for ux, uy in points for v in (cx + ux * size, cy + uy * size)))  # fmt: skip


def _label(m: Markup, box, *, tx: float, top: float, anchor: str, theme: Theme) -> None:
    """The label's text; a ✓/✗ marker at its start is drawn as an icon, not a glyph."""
    size, bold, block = theme.font_size, label_is_bold(box.shape), box.label
    marker = box.style.marker
    first = block.lines[0]
    if marker not in _ICONS or not first.startswith(marker + " "):
        lines(m, block, x=tx, top=top, anchor=anchor, size=size, fill=box.style.text,
              cls="label", bold=bold)  # fmt: skip
        return
    text = first[len(marker) + 1:]
    text_w = text_width(text, size=size, bold=bold)
    lead = 0.95 * size  # the icon (0.6 em) and a gap, fixed whatever the font
    start = {"start": tx, "end": tx - lead - text_w}.get(anchor, tx - (lead + text_w) / 2)
    step = size * 1.25
    _icon(m, marker, start + 0.3 * size, top + step / 2, size, box.style.text)
    head = TextBlock((text,), size, bold, text_w, step)
    # The text starts right after the icon, so the pair stays together in any font.
    lines(m, head, x=start + lead, top=top, anchor="start", size=size, fill=box.style.text,
          cls="label", bold=bold)  # fmt: skip
    if len(block.lines) > 1:
        rest = TextBlock(block.lines[1:], size, bold, block.width, block.height - step)
        lines(m, rest, x=tx, top=top + step, anchor=anchor, size=size, fill=box.style.text,
              cls="label", bold=bold)  # fmt: skip


@lru_cache(maxsize=256)
def style_attrs(style: NodeStyle) -> str:
    """The fill and stroke attributes of a node style (``%`` doubled)."""
    if style.shape in ("text", "none"):
        return ""
    out = (f' fill="{pct_attr(style.fill)}" stroke="{pct_attr(style.stroke)}" '
           f'stroke-width="{_fmt_const(style.stroke_width)}"')  # fmt: skip
    if style.fill_opacity < 1:
        out += f' fill-opacity="{fmt(style.fill_opacity)}"'
    if style.dash:
        out += f' stroke-dasharray="{pct_attr(style.dash)}"'
    return out


_BOXES = {"round": f'{RECT} rx="{_fmt_const(CORNER)}"', "rect": RECT}


def nodes(m: Markup, placed: Iterable[Placed], *, prefix: str, theme: Theme,
          keys: dict[str, str], titles: dict[str, str], dx: float, dy: float) -> None:  # fmt: skip
    """Every node's ``<g>`` (see :func:`node`). ``keys`` maps node ids to escaped data-keys,
    ``titles`` to escaped labels.

    The most common node, a label in a box with a fixed corner, with no note, link, marker
    or alignment, is written here in one step; any other by :func:`node`.
    """
    size = theme.font_size
    step = size * 1.25
    half_step, lift = step / 2, size * 0.35
    font = _fmt_const(size)
    parts, values = m.parts, m.values
    # Class and paint by role: the nodes of a role share its style (sizing took it from
    # the theme by role).
    paints: dict[str | None, tuple[str, str, str]] = {}
    for p in placed:
        # Unpacked, not read field by field: a NamedTuple field is a descriptor that the
        # interpreter looks up on the type each time.
        box, x, y = p
        nd, style, shape, block, note, w, h = box
        lines_ = block[0]
        if (note is not None or shape not in _BOXES or nd.link or style.marker
                or nd.align != "center" or not nd.label or not lines_):
            node(m, p, prefix=prefix, theme=theme, key=keys[nd.id], dx=dx, dy=dy)
            continue
        paint = paints.get(nd.role)
        if paint is None:
            paint = paints[nd.role] = (css_class(nd.role), style_attrs(style),
                                       pct_attr(style.text))  # fmt: skip
        x, y = x + dx, y + dy
        title = titles[nd.id]
        top = y - block[4] / 2  # the label's height
        if len(lines_) == 1:
            line = lines_[0]
            text = f"{_TSPAN}{title if line == nd.label else pct_text(line)}</tspan>"
            values += (x - w / 2, y - h / 2, w, h, x, top + half_step + lift)
        else:
            text = "".join([f"{_TSPAN}{pct_text(line)}</tspan>" for line in lines_])
            values += (x - w / 2, y - h / 2, w, h)
            for i in range(len(lines_)):
                values += (x, top + step * i + half_step + lift)
        parts.append(f'<g id="{prefix}-{nd.id}" class="node {paint[0]}" '
                     f'data-key="{keys[nd.id]}"><title>{title}</title>{_BOXES[shape]} '
                     f'class="shape"{paint[1]}/><text class="label" font-size="{font}" '
                     f'font-weight="600" fill="{paint[2]}" text-anchor="middle">{text}'
                     "</text></g>\n")  # fmt: skip


def node(m: Markup, p: Placed, *, prefix: str, theme: Theme, key: str, dx: float,
         dy: float) -> None:  # fmt: skip
    """A node's ``<g>``: title, outline, label and note. ``key`` is its escaped data-key."""
    box, nd = p.box, p.box.node
    x, y = p.x + dx, p.y + dy
    title = nd.label + ". " + nd.note if nd.label and nd.note else nd.label or nd.note or ""
    if title and box.style.marker:  # the marker's meaning, in words, for screen readers
        title += f" ({role_title(theme, nd.role or 'default')})"
    hidden = "" if title else ' aria-hidden="true"'  # nothing to name: decorative, hidden
    m.parts.append(f'<g id="{prefix}-{nd.id}" class="node {css_class(nd.role)}" '
                   f'data-key="{key}"{hidden}>')  # fmt: skip
    if nd.link:
        m.parts.append(f'<a href="{pct_attr(nd.link)}">')
    if title:
        m.parts.append(f"<title>{pct_text(title)}</title>")
    shape = outline_template(box.shape, x, y, box.width, box.height, inset=nd.inset)
    if shape is not None:
        style = box.style
        if box.shape.endswith("point"):
            style = NodeStyle(style.stroke, style.stroke, style.text, box.shape, None, 1.0)
        m.parts.append(f'{shape[0]} class="shape"{style_attrs(style)}/>')
        m.values += shape[1]
    content_h = box.label.height + (box.note.height if box.note else 0)
    content_h += NOTE_GAP if box.note and box.label.lines else 0
    if box.shape.endswith("point") or box.shape == "none":
        content_h = 0
    if content_h:
        align = nd.align
        if box.shape == "text":
            pad = 2 if align != "center" else 0
        else:
            pad = 16 + nd.inset if align in ("left", "right") else 0
        if align == "left":
            anchor, tx = "start", x - box.width / 2 + pad
        elif align == "right":
            anchor, tx = "end", x + box.width / 2 - pad
        else:
            anchor, tx = "middle", x
        top = y - content_h / 2
        if box.label.lines:
            _label(m, box, tx=tx, top=top, anchor=anchor, theme=theme)
        if box.note:
            note_top = top + (box.label.height + NOTE_GAP if box.label.lines else 0)
            fill = theme.muted if box.style.text == theme.text else box.style.text
            lines(m, box.note, x=tx, top=note_top, anchor=anchor, size=theme.note_size,
                  fill=fill, cls="note")  # fmt: skip
    m.parts.append("</a></g>\n" if nd.link else "</g>\n")


# The line and arrowhead are drawn in Graphviz's coordinates (y up) through the edge's
# ``flip`` transform, so the route's numbers go in as Graphviz wrote them.
_BASE = f"{XY} {XY}"  # the arrowhead's base corners, after its tip
_LABEL_BG = f'<rect class="label-bg" x="{NUM}" y="{NUM}" width="{NUM}" height="{NUM}" rx="4"'


def _edge_paint(stroke: str, width: float, dash: str | None) -> tuple[str, str]:
    """The end of an edge's ``<path>`` (fill, stroke, width, dashes) and its arrowhead's fill."""
    stroke = pct_attr(stroke)
    dashes = f' stroke-dasharray="{pct_attr(dash)}"' if dash else ""
    return (f'fill="none" stroke="{stroke}" stroke-width="{_fmt_const(width)}"{dashes}/>',
            f'fill="{stroke}"/>')  # fmt: skip


def edges(m: Markup, placed: Iterable[PlacedEdge], *, prefix: str, theme: Theme,
          titles: dict[str, str], keys: dict[str, str], dx: float, dy: float,
          flip: str) -> None:  # fmt: skip
    """Every edge's ``<g>``: title, line, arrowhead and label. ``titles`` maps node ids to
    escaped labels, ``keys`` to escaped data-keys; ``flip`` is the SVG transform from
    Graphviz's coordinates to the drawing's (``matrix(1 0 0 -1 x y)``)."""
    parts, values = m.parts, m.values
    paints: dict[str | None, tuple[str, str, str]] = {}  # by role: each role has one style
    for e, style, (path, tip, base, tip_at), label, label_at in placed:  # unpacked: see nodes()
        title = f"{titles[e.source]} {ARROW if tip else DASH} {titles[e.target]}"
        if e.label:
            title = f"{title}: {pct_text(e.label)}"
        labelled = label is not None and label_at is not None
        end = "" if labelled else "</g>\n"
        cls, paint, fill = paints.get(e.role) or paints.setdefault(
            e.role, (css_class(e.role), *_edge_paint(style.stroke, style.width, style.dash)))
        head = (f'<g id="{prefix}-{e.id}" class="edge {cls}" '
                f'data-source="{keys[e.source]}" data-target="{keys[e.target]}">'
                f"<title>{title}</title>")  # fmt: skip
        if not path:
            parts.append(head + end)
        else:
            head = f'{head}<path class="line" transform="{flip}" d="{path}" {paint}'
            if tip_at is None or base is None:
                parts.append(head + end)
            else:
                (bx, by), (tx, ty) = base, tip_at
                vx, vy = tx - bx, ty - by
                length = (vx * vx + vy * vy) ** 0.5 or 1.0
                nx, ny = vy / length * 4.5, -vx / length * 4.5
                parts.append(f'{head}<polygon class="arrow" transform="{flip}" '
                             f'points="{tip} {_BASE}" {fill}{end}')  # fmt: skip
                values += (bx + nx, by + ny, bx - nx, by - ny)
        if labelled:
            lx, ly = label_at[0] + dx, label_at[1] + dy
            text = label.text
            w, h = text.width + 2 * LABEL_PAD, text.height + 2 * LABEL_PAD
            m.add(f'{_LABEL_BG} fill="{pct_attr(theme.label_bg)}" fill-opacity="0.9"/>',
                  lx - w / 2, ly - h / 2, w, h)  # fmt: skip
            lines(m, text, x=lx, top=ly - text.height / 2, anchor="middle",
                  size=theme.edge_label_size, fill=theme.text, cls="edge-label")  # fmt: skip
            parts.append("</g>\n")


def group(m: Markup, pg: PlacedGroup, *, prefix: str, theme: Theme, dx: float,
          dy: float) -> None:  # fmt: skip
    """A group's dashed rectangle and title."""
    x, y = pg.x + dx, pg.y + dy
    block = measure_block(pg.group.label, max_width=max(pg.width - 16, 40),
                          size=theme.note_size + 1, bold=True)  # fmt: skip
    m.add(f'<g id="{prefix}-{pg.group.id}" class="group" '
          f'data-group="{pct_attr(pg.group.name)}"><title>{pct_text(pg.group.label)}</title>'
          f'<rect class="group-box" x="{NUM}" y="{NUM}" width="{NUM}" height="{NUM}" rx="10" '
          f'fill="{pct_attr(theme.group_fill)}" stroke="{pct_attr(theme.group_stroke)}" '
          'stroke-dasharray="5 4"/>', x, y, pg.width, pg.height)  # fmt: skip
    lines(m, block, x=x + 10, top=y + 5, anchor="start", size=theme.note_size + 1,
          fill=theme.muted, cls="group-label", bold=True)  # fmt: skip
    m.parts.append("</g>\n")
