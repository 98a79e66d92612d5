"""DOT of the styled diagram, for users who want to run their own Graphviz on it.

Unlike the geometry DOT the renderer uses, this DOT carries the wrapped labels,
colours, shapes and line styles, so ``dot -Tpng`` gives a faithful picture. Ids
are synthetic (``n0``, ``n1``...), attributes are sorted, so the text is stable.

>>> import networkx as nx
>>> g = nx.DiGraph(title="T")
>>> g.add_edge("a", "b")
>>> print(to_styled_dot(read_diagram(g), theme=LIGHT, max_label_width=180).splitlines()[0])
digraph "T" {
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import Diagram, read_diagram  # noqa: F401  (doctest)
from .quoting import dot_string
from .sizing import size_edge_label, size_node
from .theme import LIGHT, Theme  # noqa: F401  (doctest)

__all__ = ["to_styled_dot"]

_GV_SHAPE = {"round": "box", "rect": "box", "pill": "box", "note": "note", "text": "plaintext",
             "none": "point", "trapezoid": "trapezium", "point": "point",
             "square-point": "square", "diamond-point": "diamond",
             "triangle-point": "triangle"}  # fmt: skip


def _attr_list(attrs: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(attrs.items()))


def to_styled_dot(diagram: Diagram, *, theme: Theme, max_label_width: float) -> str:
    """Return styled DOT text for ``diagram`` (see module docstring)."""
    return "\n".join(_lines(diagram, theme=theme, max_label_width=max_label_width)) + "\n"


def _lines(diagram: Diagram, *, theme: Theme, max_label_width: float) -> Iterator[str]:
    kind = "digraph" if diagram.directed else "graph"
    arrow = "->" if diagram.directed else "--"
    font = dot_string("Helvetica,Arial,sans-serif")
    yield f"{kind} {dot_string(diagram.title)} {{"
    graph = {"bgcolor": dot_string(theme.background), "fontname": font,
             "fontsize": f"{theme.title_size:g}", "label": dot_string(diagram.title),
             "labeljust": "l", "labelloc": "t", "nodesep": "0.45", "pad": "0.3",
             "rankdir": diagram.direction, "ranksep": "0.6", "fontcolor": dot_string(theme.text)}
    if diagram.description:
        graph["comment"] = dot_string(diagram.description)
    graph.update({k: dot_string(v) for k, v in diagram.dot})
    yield f"graph [{_attr_list(graph)}];"
    yield f"node [fontname={font}, fontsize={theme.font_size:g}];"
    yield f"edge [fontname={font}, fontsize={theme.edge_label_size:g}];"
    node_lines = {}
    for node in diagram.nodes:
        box = size_node(node, theme=theme, max_width=max_label_width)
        st = box.style
        text = "\n".join(box.label.lines + (box.note.lines if box.note else ()))
        styles = ["filled"] if st.fill != "none" else []
        if box.shape in ("round", "pill"):
            styles.append("rounded")
        if st.dash:
            styles.append("dashed" if len(st.dash.split()[0]) > 1 else "dotted")
        attrs = {"label": dot_string(text), "shape": _GV_SHAPE.get(box.shape, box.shape),
                 "style": dot_string(",".join(styles)), "fillcolor": dot_string(st.fill),
                 "color": dot_string(st.stroke), "fontcolor": dot_string(st.text),
                 "penwidth": f"{st.stroke_width:g}", "class": dot_string(
                     f"role-{node.role or 'default'}")}  # fmt: skip
        if node.pin is not None:
            attrs["pos"] = dot_string(f"{node.pin[0]:.2f},{node.pin[1]:.2f}!")
        if node.link:
            attrs["URL"] = dot_string(node.link)
        attrs.update({k: dot_string(v) for k, v in node.dot})
        node_lines[node.id] = f"{node.id} [{_attr_list(attrs)}];"
    in_group = set()
    for group in diagram.groups:
        yield f"subgraph cluster_{group.id} {{"
        yield (f"graph [color={dot_string(theme.group_stroke)}, fillcolor="
               f"{dot_string(theme.group_fill)}, label={dot_string(group.label)}, "
               'style="dashed,filled,rounded"];')  # fmt: skip
        for member in group.members:
            yield node_lines[member]
            in_group.add(member)
        yield "}"
    for node in diagram.nodes:
        if node.id not in in_group:
            yield node_lines[node.id]
    for edge in diagram.edges:
        st = theme.edge_style(edge.role)
        attrs = {"color": dot_string(st.stroke), "penwidth": f"{st.width:g}",
                 "class": dot_string(f"role-{edge.role or 'default'}")}  # fmt: skip
        if not st.arrow:
            attrs["arrowhead"] = "none"
        if st.dash:
            attrs["style"] = "dashed"
        label = size_edge_label(edge, theme=theme, max_width=max_label_width)
        if label is not None:
            attrs["label"] = dot_string("\n".join(label.text.lines))
        attrs.update({k: dot_string(v) for k, v in edge.dot})
        yield f"{edge.source} {arrow} {edge.target} [{_attr_list(attrs)}];"
    yield "}"
