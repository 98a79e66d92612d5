"""The SVG markup of one node, edge, group or block of text.

Each function returns markup text. Numbers are written with :func:`~diagrams_lib.quoting.fmt`
(two decimals at most) and user text is escaped with :func:`~diagrams_lib.quoting.xml_text`
or :func:`~diagrams_lib.quoting.xml_attr`, each right where it goes in.

>>> from diagrams_lib.text import measure_block
>>> block = measure_block("a < b", max_width=100, size=10)
>>> lines(block, x=5, top=0, anchor="middle", size=10, fill="#000", cls="label")[-45:]
'<tspan x="5" y="9.75">a &lt; b</tspan></text>'
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .quoting import fmt, xml_attr, xml_text
from .scene import PlacedEdge, PlacedGroup, PlacedNode
from .shapes import outline
from .size import LABEL_PAD, NOTE_GAP, content_height, group_title, label_is_bold
from .text import LINE_HEIGHT, TextBlock, text_width
from .theme import NodeStyle, Theme, role_title

__all__ = ["css_class", "edge", "group", "lines", "node", "style_attrs"]

ARROW, DASH = "\u2192", "\u2013"  # → between the ends of a directed edge, – otherwise


@lru_cache(maxsize=256)
def css_class(role: str | None) -> str:
    """The CSS class of a role: ``role-`` and the role, with anything but ``[A-Za-z0-9_-]``
    replaced by ``_``.

    >>> css_class("ruled out"), css_class(None)
    ('role-ruled_out', 'role-default')
    """
    return "role-" + re.sub(r"[^A-Za-z0-9_-]", "_", role or "default")


def lines(
    block: TextBlock,
    *,
    x: float,
    top: float,
    anchor: str,
    size: float,
    fill: str,
    cls: str,
    bold: bool = False,
) -> str:
    """A ``<text>`` with one ``<tspan>`` per line, the first line's box starting at ``top``."""
    step = size * LINE_HEIGHT
    weight = ' font-weight="600"' if bold else ""
    spans = "".join(
        f'<tspan x="{fmt(x)}" y="{fmt(top + step * i + step / 2 + size * 0.35)}">'
        f"{xml_text(line)}</tspan>"
        for i, line in enumerate(block.lines)
    )
    return (
        f'<text class="{cls}" font-size="{fmt(size)}"{weight} fill="{xml_attr(fill)}" '
        f'text-anchor="{anchor}">{spans}</text>'
    )


# Markers drawn as strokes rather than glyphs: ✓ and ✗ are missing from Helvetica and
# Arial, and a renderer without font fallback would show a box. Unit: one em.
_ICONS = {
    "✓": "M{} L{} L{}",
    "✗": "M{} L{} M{} L{}",
}
_ICON_POINTS = {
    "✓": ((-0.3, 0.02), (-0.1, 0.24), (0.3, -0.26)),
    "✗": ((-0.24, -0.24), (0.24, 0.24), (0.24, -0.24), (-0.24, 0.24)),
}


def _icon(marker: str, cx: float, cy: float, size: float, colour: str) -> str:
    points = [f"{fmt(cx + ux * size)},{fmt(cy + uy * size)}" for ux, uy in _ICON_POINTS[marker]]
    return (
        f'<path class="marker" d="{_ICONS[marker].format(*points)}" fill="none" '
        f'stroke="{xml_attr(colour)}" stroke-width="{fmt(size * 0.14)}" '
        'stroke-linecap="round" stroke-linejoin="round"/>'
    )


def _label(p: PlacedNode, *, tx: float, top: float, anchor: str, theme: Theme) -> str:
    """The label's text; a ✓/✗ marker at its start is drawn as an icon, not a glyph."""
    box = p.box
    size, bold, block, marker = (
        theme.font_size,
        label_is_bold(box.shape),
        box.label,
        box.style.marker,
    )
    first = block.lines[0]
    paint = {"size": size, "fill": box.style.text, "cls": "label", "bold": bold}
    if marker not in _ICONS or not first.startswith(marker + " "):
        return lines(block, x=tx, top=top, anchor=anchor, **paint)
    text = first[len(marker) + 1 :]
    text_w = text_width(text, size=size, bold=bold)
    lead = 0.95 * size  # the icon (0.6 em) and a gap, fixed whatever the font
    start = {"start": tx, "end": tx - lead - text_w}.get(anchor, tx - (lead + text_w) / 2)
    step = size * LINE_HEIGHT
    out = _icon(marker, start + 0.3 * size, top + step / 2, size, box.style.text)
    # The text starts right after the icon, so the pair stays together in any font.
    head = TextBlock(lines=(text,), size=size, bold=bold, width=text_w, height=step)
    out += lines(head, x=start + lead, top=top, anchor="start", **paint)
    if len(block.lines) > 1:
        rest = replace(block, lines=block.lines[1:], height=block.height - step)
        out += lines(rest, x=tx, top=top + step, anchor=anchor, **paint)
    return out


@lru_cache(maxsize=256)
def style_attrs(style: NodeStyle) -> str:
    """The fill and stroke attributes of a node style."""
    if style.shape in ("text", "none"):
        return ""
    out = (
        f' fill="{xml_attr(style.fill)}" stroke="{xml_attr(style.stroke)}" '
        f'stroke-width="{fmt(style.stroke_width)}"'
    )
    if style.fill_opacity < 1:
        out += f' fill-opacity="{fmt(style.fill_opacity)}"'
    if style.dash:
        out += f' stroke-dasharray="{xml_attr(style.dash)}"'
    return out


def node(p: PlacedNode, *, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    """A node's ``<g>``: title, outline, label and note."""
    box, nd = p.box, p.box.node
    x, y = p.x + dx, p.y + dy
    title = nd.label + ". " + nd.note if nd.label and nd.note else nd.label or nd.note or ""
    if title and box.style.marker:  # the marker's meaning, in words, for screen readers
        title += f" ({role_title(theme, nd.role or 'default')})"
    hidden = "" if title else ' aria-hidden="true"'  # nothing to name: decorative, hidden
    out = [
        f'<g id="{prefix}-{nd.id}" class="node {css_class(nd.role)}" '
        f'data-key="{xml_attr(str(nd.key))}"{hidden}>'
    ]
    if nd.link:
        out.append(f'<a href="{xml_attr(nd.link)}">')
    if title:
        out.append(f"<title>{xml_text(title)}</title>")
    shape = outline(box.shape, x, y, box.width, box.height, inset=nd.inset)
    if shape is not None:
        style = box.style
        if box.shape.endswith("point"):  # a filled marker
            style = replace(
                style,
                fill=style.stroke,
                shape=box.shape,
                dash=None,
                stroke_width=1.0,
                marker=None,
                fill_opacity=1.0,
            )
        out.append(f'{shape} class="shape"{style_attrs(style)}/>')
    drawn = not (box.shape.endswith("point") or box.shape == "none")
    content_h = content_height(box.label, box.note) if drawn else 0
    if content_h:
        align = nd.align
        if box.shape == "text":
            pad = 2 if align != "center" else 0
        else:
            pad = 16 + nd.inset if align in ("left", "right") else 0
        anchor, tx = {
            "left": ("start", x - box.width / 2 + pad),
            "right": ("end", x + box.width / 2 - pad),
        }.get(align, ("middle", x))
        top = y - content_h / 2
        if box.label.lines:
            out.append(_label(p, tx=tx, top=top, anchor=anchor, theme=theme))
        if box.note:
            note_top = top + (box.label.height + NOTE_GAP if box.label.lines else 0)
            fill = theme.muted if box.style.text == theme.text else box.style.text
            out.append(
                lines(
                    box.note,
                    x=tx,
                    top=note_top,
                    anchor=anchor,
                    size=theme.note_size,
                    fill=fill,
                    cls="note",
                )
            )
    out.append("</a></g>\n" if nd.link else "</g>\n")
    return "".join(out)


def edge(
    p: PlacedEdge,
    *,
    prefix: str,
    theme: Theme,
    names: dict[str, str],
    keys: dict[str, str],
    dx: float,
    dy: float,
    flip: str,
) -> str:
    """An edge's ``<g>``: title, line, arrowhead and label. ``names`` and ``keys`` map node
    ids to labels and keys; ``flip`` is the SVG transform from Graphviz's coordinates to
    the drawing's (``matrix(1 0 0 -1 x y)``)."""
    e, style, path = p.edge, p.style, p.route
    title = f"{names[e.source]} {ARROW if path.tip else DASH} {names[e.target]}"
    if e.label:
        title = f"{title}: {e.label}"
    out = [
        f'<g id="{prefix}-{e.id}" class="edge {css_class(e.role)}" '
        f'data-source="{xml_attr(keys[e.source])}" data-target="{xml_attr(keys[e.target])}">'
        f"<title>{xml_text(title)}</title>"
    ]
    stroke = xml_attr(style.stroke)
    if path.path:
        dashes = f' stroke-dasharray="{xml_attr(style.dash)}"' if style.dash else ""
        out.append(
            f'<path class="line" transform="{flip}" d="{path.path}" fill="none" '
            f'stroke="{stroke}" stroke-width="{fmt(style.width)}"{dashes}/>'
        )
        if path.tip_at is not None and path.base is not None:
            (bx, by), (tx, ty) = path.base, path.tip_at
            vx, vy = tx - bx, ty - by
            length = (vx * vx + vy * vy) ** 0.5 or 1.0
            nx, ny = vy / length * 4.5, -vx / length * 4.5
            out.append(
                f'<polygon class="arrow" transform="{flip}" points="{path.tip} '
                f'{fmt(bx + nx)},{fmt(by + ny)} {fmt(bx - nx)},{fmt(by - ny)}" '
                f'fill="{stroke}"/>'
            )
    if p.label is not None and p.label_at is not None:
        lx, ly = p.label_at[0] + dx, p.label_at[1] + dy
        text = p.label.text
        w, h = text.width + 2 * LABEL_PAD, text.height + 2 * LABEL_PAD
        out.append(
            f'<rect class="label-bg" x="{fmt(lx - w / 2)}" y="{fmt(ly - h / 2)}" '
            f'width="{fmt(w)}" height="{fmt(h)}" rx="4" fill="{xml_attr(theme.label_bg)}" '
            'fill-opacity="0.9"/>'
        )
        out.append(
            lines(
                text,
                x=lx,
                top=ly - text.height / 2,
                anchor="middle",
                size=theme.edge_label_size,
                fill=theme.text,
                cls="edge-label",
            )
        )
    out.append("</g>\n")
    return "".join(out)


def group(pg: PlacedGroup, *, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    """A group's dashed rectangle and title."""
    x, y = pg.x + dx, pg.y + dy
    block = group_title(pg.group.label, theme=theme, max_width=max(pg.width - 16, 40))
    return (
        f'<g id="{prefix}-{pg.group.id}" class="group" '
        f'data-group="{xml_attr(pg.group.name)}"><title>{xml_text(pg.group.label)}</title>'
        f'<rect class="group-box" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(pg.width)}" '
        f'height="{fmt(pg.height)}" rx="10" fill="{xml_attr(theme.group_fill)}" '
        f'stroke="{xml_attr(theme.group_stroke)}" stroke-dasharray="5 4"/>'
        + lines(
            block,
            x=x + 10,
            top=y + 5,
            anchor="start",
            size=theme.note_size + 1,
            fill=theme.muted,
            cls="group-label",
            bold=True,
        )
        + "</g>\n"
    )
