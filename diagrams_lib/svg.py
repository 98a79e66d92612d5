"""Stage 6, SVG: the placed :class:`~diagrams_lib.scene.Scene` as an accessible SVG document.

The SVG names itself (``role="img"``, ``<title>``, ``<desc>``), every node and edge
is a ``<g>`` with its own ``<title>``, text is real ``<text>``, ids are derived from
the diagram, and every number has two decimals at most: the same scene always gives
the same bytes.
"""

from __future__ import annotations

from .model import Diagram
from .quoting import fmt, xml_attr, xml_text
from .scene import Scene
from .shapes import outline
from .svg_edges import OPEN_ARROWS, edge
from .svg_elements import css_class, group, lines, node, style_attrs
from .text import measure_block
from .theme import DARK, NodeStyle, Theme, role_title

__all__ = ["MARGIN", "write_svg"]

MARGIN = 20.0
_INTERNAL_ROLES = {"text", "caption", "anchor"}
_SUMMARY_ITEMS = 40  # the generated description names this many nodes and edges at most


def _legend_items(scene: Scene, theme: Theme) -> list[tuple[str, NodeStyle]]:
    """The roles in use and their look (the role's own, whatever a node changed)."""
    roles = dict.fromkeys(p.box.node.role or "default" for p in scene.nodes)
    return [(role, theme.node_style(role)) for role in roles if role not in _INTERNAL_ROLES]


def _legend(
    items: list[tuple[str, NodeStyle]],
    *,
    theme: Theme,
    x0: float,
    y0: float,
    width: float,
    prefix: str,
) -> tuple[str, float]:
    """The markup and height of a legend laid out in rows within ``width``."""
    out = [f'<g id="{prefix}-legend" class="legend"><title>Legend</title>']
    x, y, row_h = x0, y0, 24.0
    for role, style in items:
        block = measure_block(role_title(theme, role), max_width=10_000, size=theme.note_size)
        item_w = 30 + block.width + 18
        if x > x0 and x + item_w > x0 + width:
            x, y = x0, y + row_h
        shape = style.shape if style.shape not in ("text", "none") else "rect"
        point = "point" in shape
        swatch = outline(shape, x + 11, y + 10, 9 if point else 22, 9 if point else 14, inset=3)
        attrs = style_attrs(style) or style_attrs(theme.node_style(None))
        out.append(f'<g class="legend-item {css_class(role)}">{swatch} class="shape"{attrs}/>')
        out.append(
            lines(
                block,
                x=x + 28,
                top=y + 10 - block.height / 2,
                anchor="start",
                size=theme.note_size,
                fill=theme.text,
                cls="legend-label",
            )
        )
        out.append("</g>")
        x += item_w
    out.append("</g>\n")
    return "".join(out), (y - y0) + row_h


def _auto_css(prefix: str, roles: set[str], edge_roles: set[str], open_arrows: bool) -> str:
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
        c = f"{s} .{css_class(role)}"
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
            c = f"{s} .edge.{css_class(role)}"
            a = f"{s} .arrows.{css_class(role)}"
            rules.append(f"{c} .line{{stroke:{st.stroke}}}{a} .arrow{{fill:{st.stroke}}}")
            if open_arrows:
                rules.append(f"{a} .arrow.open{{fill:none;stroke:{st.stroke}}}")
    return "@media (prefers-color-scheme:dark){" + "".join(rules) + "}"


def _summary(diagram: Diagram) -> str:
    """A text alternative when the graph has no description: its nodes and connections."""
    names = {n.id: n.label for n in diagram.nodes}
    shown = [n.label for n in diagram.nodes if n.role != "anchor" and n.line != "invisible"]
    text = f"{len(shown)} items: " + "; ".join(shown[:_SUMMARY_ITEMS])
    if len(shown) > _SUMMARY_ITEMS:
        text += f"; and {len(shown) - _SUMMARY_ITEMS} more"
    links = diagram.edges if diagram.kind != "chart" else [e for e in diagram.edges if e.label]
    links = [e for e in links if e.line != "invisible"]
    if links:
        arrow = "\u2192" if diagram.directed else "\u2013"
        said = [
            f"{names[e.source]} {arrow} {names[e.target]}" + (f" ({e.label})" if e.label else "")
            for e in links[:_SUMMARY_ITEMS]
        ]
        text += ". Connections: " + "; ".join(said)
        if len(links) > _SUMMARY_ITEMS:
            text += f"; and {len(links) - _SUMMARY_ITEMS} more"
    return text + "."


def write_svg(
    diagram: Diagram,
    scene: Scene,
    *,
    theme: Theme,
    prefix: str,
    auto: bool = False,
    legend: bool = False,
    show_title: bool = True,
) -> str:
    """Stage 6: the complete SVG document for a placed diagram."""
    title_block = measure_block(
        diagram.title, max_width=max(scene.width, 360.0), size=theme.title_size, bold=True
    )
    head = title_block.height + 14 if show_title and diagram.title else 0.0
    inner_w = max(scene.width, title_block.width if head else 0.0)
    items = _legend_items(scene, theme) if legend else []
    legend_markup, legend_h = "", 0.0
    if items:
        legend_markup, legend_h = _legend(
            items,
            theme=theme,
            x0=MARGIN,
            y0=MARGIN + head + scene.height + 18,
            width=inner_w,
            prefix=prefix,
        )
        legend_h += 18
    width = round(inner_w + 2 * MARGIN, 2)
    height = round(head + scene.height + legend_h + 2 * MARGIN, 2)
    dx = MARGIN + (inner_w - scene.width) / 2
    dy = MARGIN + head
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{prefix}" class="dl-diagram" '
        f'width="{fmt(width)}" height="{fmt(height)}" viewBox="0 0 {fmt(width)} '
        f'{fmt(height)}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'font-family="{xml_attr(theme.font_family)}">\n'
        f'<title id="{prefix}-title">{xml_text(diagram.title)}</title>\n'
        f'<desc id="{prefix}-desc">{xml_text(diagram.description or _summary(diagram))}'
        "</desc>\n"
    ]
    if auto:
        roles = {n.role or "default" for n in diagram.nodes}
        edge_roles = {e.role or "default" for e in diagram.edges}
        open_arrows = any({p.style.head, p.style.tail} & OPEN_ARROWS for p in scene.edges)
        out.append(f"<style>{_auto_css(prefix, roles, edge_roles, open_arrows)}</style>\n")
    out.append(
        f'<rect class="dl-card" x="0.5" y="0.5" width="{fmt(width - 1)}" '
        f'height="{fmt(height - 1)}" rx="12" fill="{xml_attr(theme.background)}" '
        f'stroke="{xml_attr(theme.card_stroke)}"/>\n'
    )
    if head:
        out.append(
            lines(
                title_block,
                x=MARGIN,
                top=MARGIN - 4,
                anchor="start",
                size=theme.title_size,
                fill=theme.text,
                cls="dl-title",
                bold=True,
            )
        )
        out.append("\n")
    if scene.groups:
        out.append('<g class="groups">\n')
        out += [group(pg, prefix=prefix, theme=theme, dx=dx, dy=dy) for pg in scene.groups]
        out.append("</g>\n")
    # Translucent nodes (set regions) are backdrops: drawn before the edges, so
    # lines between items on top of them keep their full colour.
    backdrop = [p for p in scene.nodes if p.box.style.fill_opacity < 1]
    front = [p for p in scene.nodes if p.box.style.fill_opacity >= 1]
    if backdrop:
        out.append('<g class="nodes backdrop">\n')
        out += [node(p, prefix=prefix, theme=theme, dx=dx, dy=dy) for p in backdrop]
        out.append("</g>\n")
    names = {n.id: n.label for n in diagram.nodes}
    keys = {n.id: str(n.key) for n in diagram.nodes}
    flip = f"matrix(1 0 0 -1 {fmt(dx - scene.origin[0])} {fmt(dy + scene.origin[1])})"
    drawn = [
        edge(p, prefix=prefix, theme=theme, names=names, keys=keys, dx=dx, dy=dy, flip=flip)
        for p in scene.edges
    ]
    out.append('<g class="edges">\n')
    out += [line for line, _ in drawn]
    out.append('</g>\n<g class="nodes">\n')
    out += [node(p, prefix=prefix, theme=theme, dx=dx, dy=dy) for p in front]
    out.append("</g>\n")
    heads = [ends for _, ends in drawn if ends]
    if heads:  # over the nodes, so that no shape covers an arrowhead
        out.append('<g class="edge-ends" aria-hidden="true">\n')
        out += heads
        out.append("</g>\n")
    out.append(legend_markup)
    out.append("</svg>\n")
    return "".join(out)
