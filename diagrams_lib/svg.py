"""Drawing a placed :class:`~diagrams_lib.layout.Scene` as an accessible SVG document.

The SVG names itself (``role="img"``, ``<title>``, ``<desc>``), every node and edge
is a ``<g>`` with its own ``<title>``, text is real ``<text>``, ids are derived from
the diagram, and every number has two decimals at most: the same scene always gives
the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .layout import Placed, PlacedEdge, PlacedGroup, Scene
from .model import Diagram
from .quoting import fmt, xml_attr, xml_text
from .shapes import outline
from .sizing import LABEL_PAD, NOTE_GAP, label_is_bold
from .text import TextBlock, measure_block, text_width
from .theme import DARK, NodeStyle, Theme, role_title

__all__ = ["MARGIN", "write_svg"]

MARGIN = 20.0
_INTERNAL_ROLES = {"text", "caption", "anchor"}


# A number slot in a template: "%.2f" closed by a mark, so that the zeros fmt() strips can
# be found and stripped in one pass. Templates hold only our own markup, never user text.
_N = "%.2f\x01"
_XY = f"{_N},{_N}"


def _numbers(template: str, values: Sequence[float]) -> str:
    """Fill the ``_N`` slots of ``template``; each number comes out as :func:`fmt` writes it.

    One ``%`` and four replacements instead of a call per number:

    >>> _numbers(f"M{_XY} L{_XY}", (3.14159, 2.0, -0.001, 12.5))
    'M3.14,2 L0,12.5'
    """
    return ((template % tuple(values)).replace("-0.00\x01", "0").replace(".00\x01", "")
            .replace("0\x01", "").replace("\x01", ""))  # fmt: skip


_fmt_const = lru_cache(maxsize=256)(fmt)  # sizes and widths: a few values, used again and again


@lru_cache(maxsize=256)
def _cls(role: str | None) -> str:
    return "role-" + re.sub(r"[^A-Za-z0-9_-]", "_", role or "default")


def _lines(block: TextBlock, *, x: float, top: float, anchor: str, size: float, fill: str,
           cls: str, bold: bool = False) -> str:  # fmt: skip
    """A ``<text>`` with one ``<tspan>`` per line, first line box starting at ``top``."""
    step = size * 1.25
    weight = ' font-weight="600"' if bold else ""
    sx = fmt(x)
    if len(block.lines) == 1:  # most labels: no generator
        spans = (f'<tspan x="{sx}" y="{fmt(top + step * 0 + step / 2 + size * 0.35)}">'
                 f"{xml_text(block.lines[0])}</tspan>")  # fmt: skip
    else:
        spans = "".join(
            f'<tspan x="{sx}" y="{fmt(top + step * i + step / 2 + size * 0.35)}">'
            f"{xml_text(line)}</tspan>"
            for i, line in enumerate(block.lines)
        )
    return (f'<text class="{cls}" font-size="{_fmt_const(size)}"{weight} fill="{fill}" '
            f'text-anchor="{anchor}">{spans}</text>')  # fmt: skip


# Markers drawn as strokes rather than glyphs: ✓ and ✗ are missing from Helvetica and
# Arial, and a renderer without font fallback would show a box. Unit: one em.
_ICONS = {"✓": "M-0.3,0.02 L-0.1,0.24 L0.3,-0.26", "✗": "M-0.24,-0.24 L0.24,0.24 "
          "M0.24,-0.24 L-0.24,0.24"}  # fmt: skip


def _icon(marker: str, cx: float, cy: float, size: float, colour: str) -> str:
    def scaled(match: re.Match) -> str:
        return f"{fmt(cx + float(match[1]) * size)},{fmt(cy + float(match[2]) * size)}"

    d = re.sub(r"(-?[\d.]+),(-?[\d.]+)", scaled, _ICONS[marker])
    return (f'<path class="marker" d="{d}" fill="none" stroke="{colour}" '
            f'stroke-width="{fmt(size * 0.14)}" stroke-linecap="round" '
            'stroke-linejoin="round"/>')


def _label(box, *, tx: float, top: float, anchor: str, theme: Theme) -> str:
    """The label's text; a ✓/✗ marker at its start is drawn as an icon, not a glyph."""
    size, bold, block = theme.font_size, label_is_bold(box.shape), box.label
    marker = box.style.marker
    first = block.lines[0]
    if marker not in _ICONS or not first.startswith(marker + " "):
        return _lines(block, x=tx, top=top, anchor=anchor, size=size, fill=box.style.text,
                      cls="label", bold=bold)  # fmt: skip
    text = first[len(marker) + 1:]
    text_w = text_width(text, size=size, bold=bold)
    lead = 0.95 * size  # the icon (0.6 em) and a gap, fixed whatever the font
    start = {"start": tx, "end": tx - lead - text_w}.get(anchor, tx - (lead + text_w) / 2)
    step = size * 1.25
    icon = _icon(marker, start + 0.3 * size, top + step / 2, size, box.style.text)
    head = TextBlock((text,), size, bold, text_w, step)
    # The text starts right after the icon, so the pair stays together in any font.
    out = icon + _lines(head, x=start + lead, top=top, anchor="start", size=size,
                        fill=box.style.text, cls="label", bold=bold)  # fmt: skip
    if len(block.lines) > 1:
        rest = TextBlock(block.lines[1:], size, bold, block.width, block.height - step)
        out += _lines(rest, x=tx, top=top + step, anchor=anchor, size=size,
                      fill=box.style.text, cls="label", bold=bold)  # fmt: skip
    return out


def _style_attrs(style: NodeStyle) -> str:
    if style.shape in ("text", "none"):
        return ""
    out = (f' fill="{style.fill}" stroke="{style.stroke}" '
           f'stroke-width="{_fmt_const(style.stroke_width)}"')  # fmt: skip
    if style.fill_opacity < 1:
        out += f' fill-opacity="{fmt(style.fill_opacity)}"'
    if style.dash:
        out += f' stroke-dasharray="{style.dash}"'
    return out


def _node(p: Placed, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    box, node = p.box, p.box.node
    x, y = p.x + dx, p.y + dy
    parts = []
    title = (f"{node.label}. {node.note}" if node.label and node.note
             else node.label or node.note or "")  # fmt: skip
    if title and box.style.marker:  # the marker's meaning, in words, for screen readers
        title += f" ({role_title(theme, node.role or 'default')})"
    parts.append(f"<title>{xml_text(title)}</title>")
    shape = outline(box.shape, x, y, box.width, box.height, inset=node.inset)
    if shape is not None:
        style = box.style
        if box.shape.endswith("point"):
            style = NodeStyle(style.stroke, style.stroke, style.text, box.shape, None, 1.0)
        parts.append(f'{shape} class="shape"{_style_attrs(style)}/>')
    content_h = box.label.height + (box.note.height if box.note else 0)
    content_h += NOTE_GAP if box.note and box.label.lines else 0
    if box.shape.endswith("point") or box.shape == "none":
        content_h = 0
    if content_h:
        align = node.align
        if box.shape == "text":
            pad = 2 if align != "center" else 0
        else:
            pad = 16 + node.inset if align in ("left", "right") else 0
        if align == "left":
            anchor, tx = "start", x - box.width / 2 + pad
        elif align == "right":
            anchor, tx = "end", x + box.width / 2 - pad
        else:
            anchor, tx = "middle", x
        top = y - content_h / 2
        if box.label.lines:
            parts.append(_label(box, tx=tx, top=top, anchor=anchor, theme=theme))
        if box.note:
            note_top = top + (box.label.height + NOTE_GAP if box.label.lines else 0)
            parts.append(_lines(box.note, x=tx, top=note_top, anchor=anchor,
                                size=theme.note_size, fill=theme.muted if box.style.text ==
                                theme.text else box.style.text, cls="note"))  # fmt: skip
    body = "".join(parts)
    if node.link:
        body = f'<a href="{xml_attr(node.link)}">{body}</a>'
    hidden = ""
    if not title:  # nothing to name: decorative, hidden from screen readers
        body = body.replace("<title></title>", "", 1)
        hidden = ' aria-hidden="true"'
    return (f'<g id="{prefix}-{node.id}" class="node {_cls(node.role)}" '
            f'data-key="{xml_attr(str(node.key))}"{hidden}>{body}</g>')  # fmt: skip


@lru_cache(maxsize=256)
def _path_template(rest: int) -> str:
    """``M`` then cubic Beziers (``C``, three points each) or, failing that, lines (``L``)."""
    if rest % 3 == 0:
        return f"M{_XY}" + f" C{_XY} {_XY} {_XY}" * (rest // 3)
    return f"M{_XY}" + f" L{_XY}" * rest


def _path(points, dx: float, dy: float) -> str:
    values = [0.0] * (2 * len(points))
    values[0::2] = [x + dx for x, _ in points]
    values[1::2] = [y + dy for _, y in points]
    return _numbers(_path_template(len(points) - 1), values)


def _arrow(last, tip, dx: float, dy: float) -> str:
    (bx, by), (tx, ty) = last, tip
    vx, vy = tx - bx, ty - by
    length = (vx * vx + vy * vy) ** 0.5 or 1.0
    nx, ny = -vy / length * 4.5, vx / length * 4.5
    return _numbers(f"{_XY} {_XY} {_XY}", (tx + dx, ty + dy, bx + nx + dx, by + ny + dy,
                                           bx - nx + dx, by - ny + dy))  # fmt: skip


def _edge(pe: PlacedEdge, prefix: str, theme: Theme, names: dict, dx: float, dy: float) -> str:
    edge, style = pe.edge, pe.style
    arrow = "→" if pe.tip is not None else "–"
    title = f"{names[edge.source]} {arrow} {names[edge.target]}"
    if edge.label:
        title += f": {edge.label}"
    parts = [f"<title>{xml_text(title)}</title>"]
    if pe.points:
        dash = f' stroke-dasharray="{style.dash}"' if style.dash else ""
        parts.append(f'<path class="line" d="{_path(pe.points, dx, dy)}" fill="none" '
                     f'stroke="{style.stroke}" stroke-width="{_fmt_const(style.width)}"{dash}/>')
        if pe.tip is not None:
            parts.append(f'<polygon class="arrow" points="{_arrow(pe.points[-1], pe.tip, dx, dy)}"'
                         f' fill="{style.stroke}"/>')  # fmt: skip
    if pe.label is not None and pe.label_at is not None:
        lx, ly = pe.label_at[0] + dx, pe.label_at[1] + dy
        w = pe.label.text.width + 2 * LABEL_PAD
        h = pe.label.text.height + 2 * LABEL_PAD
        box = _numbers(f'x="{_N}" y="{_N}" width="{_N}" height="{_N}"',
                       (lx - w / 2, ly - h / 2, w, h))  # fmt: skip
        parts.append(f'<rect class="label-bg" {box} rx="4" fill="{theme.label_bg}" '
                     'fill-opacity="0.9"/>')
        parts.append(_lines(pe.label.text, x=lx, top=ly - pe.label.text.height / 2,
                            anchor="middle", size=theme.edge_label_size, fill=theme.text,
                            cls="edge-label"))  # fmt: skip
    return (f'<g id="{prefix}-{edge.id}" class="edge {_cls(edge.role)}" '
            f'data-source="{xml_attr(str(edge.source_key))}" '
            f'data-target="{xml_attr(str(edge.target_key))}">{"".join(parts)}</g>')


def _group(pg: PlacedGroup, prefix: str, theme: Theme, dx: float, dy: float) -> str:
    x, y = pg.x + dx, pg.y + dy
    block = measure_block(pg.group.label, max_width=max(pg.width - 16, 40),
                          size=theme.note_size + 1, bold=True)  # fmt: skip
    return (f'<g id="{prefix}-{pg.group.id}" class="group" '
            f'data-group="{xml_attr(pg.group.name)}"><title>{xml_text(pg.group.label)}</title>'
            f'<rect class="group-box" x="{fmt(x)}" y="{fmt(y)}" width="{fmt(pg.width)}" '
            f'height="{fmt(pg.height)}" rx="10" fill="{theme.group_fill}" '
            f'stroke="{theme.group_stroke}" stroke-dasharray="5 4"/>'
            + _lines(block, x=x + 10, top=y + 5, anchor="start", size=theme.note_size + 1,
                     fill=theme.muted, cls="group-label", bold=True)
            + "</g>")  # fmt: skip


def _legend_items(scene: Scene) -> list[tuple[str, NodeStyle]]:
    seen: dict[str, NodeStyle] = {}
    for p in scene.nodes:
        role = p.box.node.role or "default"
        if role not in _INTERNAL_ROLES and role not in seen:
            seen[role] = p.box.style
    return list(seen.items())


def _legend(items, *, theme: Theme, x0: float, y0: float, width: float, prefix: str):
    """Return (svg, height) of a legend laid out in rows within ``width``."""
    parts, x, y, row_h = [], x0, y0, 24.0
    for role, style in items:
        block = measure_block(role_title(theme, role), max_width=10_000, size=theme.note_size)
        item_w = 30 + block.width + 18
        if x > x0 and x + item_w > x0 + width:
            x, y = x0, y + row_h
        shape = style.shape if style.shape not in ("text", "none") else "rect"
        swatch = outline(shape, x + 11, y + 10, 22 if "point" not in shape else 9,
                         14 if "point" not in shape else 9, inset=3)  # fmt: skip
        parts.append(f'<g class="legend-item {_cls(role)}">{swatch} class="shape"'
                     f"{_style_attrs(style) or _style_attrs(theme.node_style(None))}/>"
                     + _lines(block, x=x + 28, top=y + 10 - block.height / 2, anchor="start",
                              size=theme.note_size, fill=theme.text, cls="legend-label")
                     + "</g>")  # fmt: skip
        x += item_w
    svg = (f'<g id="{prefix}-legend" class="legend"><title>Legend</title>{"".join(parts)}</g>')
    return svg, (y - y0) + row_h


def _auto_css(prefix: str, light: Theme, roles: set[str], edge_roles: set[str]) -> str:
    """CSS switching to the dark palette when the page prefers it."""
    d = DARK
    s = f"#{prefix}"
    rules = [
        f"{s} .dl-card{{fill:{d.background};stroke:{d.card_stroke}}}",
        f"{s} .dl-title{{fill:{d.text}}}",
        f"{s} .group-box{{fill:{d.group_fill};stroke:{d.group_stroke}}}",
        f"{s} .group-label{{fill:{d.muted}}}",
        f"{s} .edge-label,{s} .legend-label{{fill:{d.text}}}",
        f"{s} .label-bg{{fill:{d.label_bg}}}",
        f"{s} .note{{fill:{d.muted}}}",
    ]
    for role in sorted(roles):
        if role not in d.nodes:
            continue
        st = d.nodes[role]
        c = f"{s} .{_cls(role)}"
        if st.shape.endswith("point"):
            rules.append(f"{c}>.shape{{fill:{st.stroke};stroke:{st.stroke}}}")
        elif st.shape not in ("text", "none"):
            rules.append(f"{c}>.shape,{c} a>.shape{{fill:{st.fill};stroke:{st.stroke}}}")
        rules.append(f"{c} .label{{fill:{st.text}}}")
        if st.marker:
            rules.append(f"{c} .marker{{stroke:{st.text}}}")
    for role in sorted(edge_roles):
        if role in d.edges:
            st = d.edges[role]
            c = f"{s} .edge.{_cls(role)}"
            rules.append(f"{c} .line{{stroke:{st.stroke}}}{c} .arrow{{fill:{st.stroke}}}")
    return "@media (prefers-color-scheme:dark){" + "".join(rules) + "}"


def _summary(diagram: Diagram, names: dict) -> str:
    nodes = [n.label for n in diagram.nodes if n.role not in ("anchor",)]
    text = f"{len(nodes)} items: " + "; ".join(nodes[:40])
    if len(nodes) > 40:
        text += f"; and {len(nodes) - 40} more"
    links = [e for e in diagram.edges if e.label or diagram.kind not in ("chart",)]
    if links:
        arrow = "→" if diagram.directed else "–"
        shown = [f"{names[e.source]} {arrow} {names[e.target]}" + (f" ({e.label})" if e.label
                 else "") for e in links[:40]]  # fmt: skip
        text += ". Connections: " + "; ".join(shown)
        if len(links) > 40:
            text += f"; and {len(links) - 40} more"
    return text + "."


def write_svg(diagram: Diagram, scene: Scene, *, theme: Theme, prefix: str, auto: bool = False,
              legend: bool = False, show_title: bool = True) -> str:  # fmt: skip
    """Return the complete SVG document for a placed diagram."""
    return "".join(_document(diagram, scene, theme=theme, prefix=prefix, auto=auto,
                             legend=legend, show_title=show_title))  # fmt: skip


def _document(diagram, scene, *, theme, prefix, auto, legend, show_title) -> Iterator[str]:
    names = {n.id: n.label for n in diagram.nodes}
    title_block = measure_block(diagram.title, max_width=max(scene.width, 360.0),
                                size=theme.title_size, bold=True)  # fmt: skip
    head = title_block.height + 14 if show_title and diagram.title else 0.0
    inner_w = max(scene.width, title_block.width if head else 0.0)
    items = _legend_items(scene) if legend else []
    legend_svg, legend_h = ("", 0.0)
    if items:
        legend_svg, legend_h = _legend(items, theme=theme, x0=MARGIN,
                                       y0=MARGIN + head + scene.height + 18, width=inner_w,
                                       prefix=prefix)  # fmt: skip
        legend_h += 18
    width = round(inner_w + 2 * MARGIN, 2)
    height = round(head + scene.height + legend_h + 2 * MARGIN, 2)
    dx = MARGIN + (inner_w - scene.width) / 2
    dy = MARGIN + head
    description = diagram.description or _summary(diagram, names)
    yield (f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}" class="dl-diagram" '
           f'width="{fmt(width)}" height="{fmt(height)}" viewBox="0 0 {fmt(width)} '
           f'{fmt(height)}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
           f'font-family="{xml_attr(theme.font_family)}">\n')
    yield f'<title id="{prefix}-title">{xml_text(diagram.title)}</title>\n'
    yield f'<desc id="{prefix}-desc">{xml_text(description)}</desc>\n'
    if auto:
        roles = {n.role or "default" for n in diagram.nodes}
        edge_roles = {e.role or "default" for e in diagram.edges}
        yield f"<style>{_auto_css(prefix, theme, roles, edge_roles)}</style>\n"
    yield (f'<rect class="dl-card" x="0.5" y="0.5" width="{fmt(width - 1)}" '
           f'height="{fmt(height - 1)}" rx="12" fill="{theme.background}" '
           f'stroke="{theme.card_stroke}"/>\n')
    if head:
        yield _lines(title_block, x=MARGIN, top=MARGIN - 4, anchor="start",
                     size=theme.title_size, fill=theme.text, cls="dl-title", bold=True) + "\n"
    if scene.groups:
        yield '<g class="groups">\n'
        for pg in scene.groups:
            yield _group(pg, prefix, theme, dx, dy) + "\n"
        yield "</g>\n"
    # Translucent nodes (set regions) are backdrops: drawn before the edges, so
    # lines between items on top of them keep their full colour.
    backdrop = [p for p in scene.nodes if p.box.style.fill_opacity < 1]
    if backdrop:
        yield '<g class="nodes backdrop">\n'
        for p in backdrop:
            yield _node(p, prefix, theme, dx, dy) + "\n"
        yield "</g>\n"
    yield '<g class="edges">\n'
    for pe in scene.edges:
        yield _edge(pe, prefix, theme, names, dx, dy) + "\n"
    yield '</g>\n<g class="nodes">\n'
    for p in scene.nodes:
        if p.box.style.fill_opacity >= 1:
            yield _node(p, prefix, theme, dx, dy) + "\n"
    yield "</g>\n"
    if legend_svg:
        yield legend_svg + "\n"
    yield "</svg>\n"
