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

from .fields import PAD_X as FIELD_PAD
from .quoting import fmt, xml_attr, xml_text
from .scene import PlacedGroup, PlacedNode
from .shapes import details, outline
from .size import (
    LABEL_PAD,
    NOTE_GAP,
    LabelBox,
    NodeBox,
    content_height,
    group_title,
    label_is_bold,
)
from .text import LINE_HEIGHT, TextBlock, text_width
from .theme import NodeStyle, Theme, role_title

__all__ = ["css_class", "free_label", "group", "lines", "node", "paint", "style_attrs"]


@lru_cache(maxsize=256)
def css_class(role: str | None) -> str:
    """The CSS class of a role: ``role-`` and the role, with anything but ``[A-Za-z0-9_-]``
    replaced by ``_``.

    >>> css_class("ruled out"), css_class(None)
    ('role-ruled_out', 'role-default')
    """
    return "role-" + re.sub(r"[^A-Za-z0-9_-]", "_", role or "default")


def paint(own: tuple[str, ...] = (), **colours: str) -> str:
    """Fill and stroke attributes; a colour the element set itself (named in ``own``) goes
    in its ``style``, which the dark half of the ``auto`` theme's CSS does not override.

    >>> paint(("fill",), fill="#ff0000", stroke="#000000")
    ' stroke="#000000" style="fill:#ff0000"'
    """
    attrs = "".join(f' {k}="{xml_attr(v)}"' for k, v in colours.items() if k not in own)
    inline = ";".join(f"{k}:{v}" for k, v in colours.items() if k in own)
    return attrs + (f' style="{xml_attr(inline)}"' if inline else "")


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
    own: bool = False,
    underline: bool = False,
) -> str:
    """A ``<text>`` with one ``<tspan>`` per line, the first line's box starting at ``top``;
    ``own`` when its colour was set on the element, ``underline`` for a link."""
    step = size * LINE_HEIGHT
    weight = ' font-weight="600"' if bold else ""
    spans = "".join(
        f'<tspan x="{fmt(x)}" y="{fmt(top + step * i + step / 2 + size * 0.35)}">'
        f"{xml_text(line)}</tspan>"
        for i, line in enumerate(block.lines)
    )
    colour = paint(("fill",) if own else (), fill=fill)
    line = ' text-decoration="underline"' if underline else ""
    return (
        f'<text class="{cls}" font-size="{fmt(size)}"{weight}{colour} '
        f'text-anchor="{anchor}"{line}>{spans}</text>'
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


def _icon(marker: str, cx: float, cy: float, size: float, colour: str, own: bool) -> str:
    points = [f"{fmt(cx + ux * size)},{fmt(cy + uy * size)}" for ux, uy in _ICON_POINTS[marker]]
    return (
        f'<path class="marker" d="{_ICONS[marker].format(*points)}" fill="none"'
        f'{paint(("stroke",) if own else (), stroke=colour)} stroke-width="{fmt(size * 0.14)}" '
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
    own = "text" in box.style.own
    look = {
        "size": size,
        "fill": box.style.text,
        "cls": "label",
        "bold": bold,
        "own": own,
        "underline": bool(p.box.node.link),
    }
    if marker not in _ICONS or not first.startswith(marker + " "):
        return lines(block, x=tx, top=top, anchor=anchor, **look)
    text = first[len(marker) + 1 :]
    text_w = text_width(text, size=size, bold=bold)
    lead = 0.95 * size  # the icon (0.6 em) and a gap, fixed whatever the font
    start = {"start": tx, "end": tx - lead - text_w}.get(anchor, tx - (lead + text_w) / 2)
    step = size * LINE_HEIGHT
    out = _icon(marker, start + 0.3 * size, top + step / 2, size, box.style.text, own)
    # The text starts right after the icon, so the pair stays together in any font.
    head = TextBlock(lines=(text,), size=size, bold=bold, width=text_w, height=step)
    out += lines(head, x=start + lead, top=top, anchor="start", **look)
    if len(block.lines) > 1:
        rest = replace(block, lines=block.lines[1:], height=block.height - step)
        out += lines(rest, x=tx, top=top + step, anchor=anchor, **look)
    return out


@lru_cache(maxsize=256)
def style_attrs(style: NodeStyle) -> str:
    """The fill and stroke attributes of a node style."""
    if style.shape in ("text", "none"):
        return ""
    out = paint(style.own, fill=style.fill, stroke=style.stroke)
    out += f' stroke-width="{fmt(style.stroke_width)}"'
    if style.fill_opacity < 1:
        out += f' fill-opacity="{fmt(style.fill_opacity)}"'
    if style.dash:
        out += f' stroke-dasharray="{xml_attr(style.dash)}"'
    return out


def _compartments(box: NodeBox, x: float, y: float, *, theme: Theme) -> str:
    """A record's lines between its fields, and each field's text."""
    left, top = x - box.width / 2, y - box.height / 2
    lines_d = []
    for cell in box.fields.cells:  # every inner line is a field's left or top edge
        cx, cy = left + cell.x, top + cell.y
        if cell.x > 0:
            lines_d.append(f"M{fmt(cx)},{fmt(cy)} V{fmt(cy + cell.height)}")
        if cell.y > 0:
            lines_d.append(f"M{fmt(cx)},{fmt(cy)} H{fmt(cx + cell.width)}")
    style = box.style
    out = []
    if lines_d:
        out.append(
            f'<path class="shape-detail" d="{" ".join(lines_d)}" fill="none"'
            f'{paint(style.own, stroke=style.stroke)} stroke-width="{fmt(style.stroke_width)}"/>'
        )
    for cell, block in zip(box.fields.cells, box.field_text, strict=True):
        if not block.lines or not cell.field.text:
            continue
        cx, cy = left + cell.x, top + cell.y
        anchor, tx = {
            "left": ("start", cx + FIELD_PAD),
            "right": ("end", cx + cell.width - FIELD_PAD),
        }.get(cell.field.align, ("middle", cx + cell.width / 2))
        out.append(
            lines(
                block,
                x=tx,
                top=cy + (cell.height - block.height) / 2,
                anchor=anchor,
                size=theme.font_size,
                fill=style.text,
                cls="label field",
                own="text" in style.own,
            )
        )
    return "".join(out)


def node(p: PlacedNode, *, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    """A node's ``<g>``: title, outline, label and note (a record's fields)."""
    box, nd = p.box, p.box.node
    x, y = p.x + dx, p.y + dy
    if nd.line == "invisible":  # takes its place in the layout, draws nothing
        return (
            f'<g id="{prefix}-{nd.id}" class="node invisible {css_class(nd.role)}" '
            f'data-key="{xml_attr(str(nd.key))}" aria-hidden="true"></g>\n'
        )
    label = nd.tooltip or nd.label
    title = label + ". " + nd.note if label and nd.note else label or nd.note or ""
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
                own=("fill", "stroke") if "stroke" in style.own else (),
            )
        out.append(f'{shape} class="shape"{style_attrs(style)}/>')
        inner = details(box.shape, x, y, box.width, box.height)
        if box.fields is not None:
            out.append(_compartments(box, x, y, theme=theme))
        if inner:
            out.append(
                f'<path class="shape-detail" d="{inner}" fill="none"'
                f"{paint(style.own, stroke=style.stroke)} stroke-width="
                f'"{fmt(style.stroke_width)}"/>'
            )
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
                    own="text" in box.style.own,
                )
            )
    if nd.link:
        out.append("</a>")
    if p.xlabel is not None and p.xlabel_at is not None:
        out.append(free_label(p.xlabel, p.xlabel_at, theme=theme, dx=dx, dy=dy, cls="xlabel"))
    out.append("</g>\n")
    return "".join(out)


def free_label(
    box: LabelBox,
    at: tuple[float, float],
    *,
    theme: Theme,
    dx: float,
    dy: float,
    cls: str,
    colour: str | None = None,
) -> str:
    """A label placed by the layout (an edge's, an edge end's, a node's ``xlabel``) on a
    background that keeps it readable over lines, centred at ``at``."""
    x, y = at[0] + dx, at[1] + dy
    text = box.text
    w, h = text.width + 2 * LABEL_PAD, text.height + 2 * LABEL_PAD
    background = (
        f'<rect class="label-bg" x="{fmt(x - w / 2)}" y="{fmt(y - h / 2)}" width="{fmt(w)}" '
        f'height="{fmt(h)}" rx="4" fill="{xml_attr(theme.label_bg)}" fill-opacity="0.9"/>'
    )
    return background + lines(
        text,
        x=x,
        top=y - text.height / 2,
        anchor="middle",
        size=theme.edge_label_size,
        fill=colour or theme.text,
        cls=cls,
        own=colour is not None,
    )


def group(pg: PlacedGroup, *, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    """A group's dashed rectangle and title (none for a group with an empty label)."""
    x, y = pg.x + dx, pg.y + dy
    label = pg.group.label
    out = [
        f'<g id="{prefix}-{pg.group.id}" class="group" data-group="{xml_attr(pg.group.name)}">',
        f"<title>{xml_text(label)}</title>" if label else "",
        f'<rect class="group-box" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(pg.width)}" '
        f'height="{fmt(pg.height)}" rx="10" fill="{xml_attr(theme.group_fill)}" '
        f'stroke="{xml_attr(theme.group_stroke)}" stroke-dasharray="5 4"/>',
    ]
    if label:
        block = group_title(label, theme=theme, max_width=max(pg.width - 16, 40))
        size = theme.note_size + 1
        out.append(
            lines(
                block,
                x=x + 10,
                top=y + 5,
                anchor="start",
                size=size,
                fill=theme.muted,
                cls="group-label",
                bold=True,
            )
        )
    out.append("</g>\n")
    return "".join(out)
