"""The styled DOT of :func:`~diagrams_lib.to_dot`: for users who run their own Graphviz.

Unlike the geometry DOT the renderer lays out, this carries the wrapped labels, colours,
shapes, line styles and arrowheads, so ``dot -Tpng`` gives a faithful picture. Ids are
synthetic (``n0``, ``n1``...) and attributes sorted, so the text is stable.

>>> import networkx as nx
>>> from diagrams_lib.model import read_diagram
>>> from diagrams_lib.theme import LIGHT
>>> g = nx.DiGraph(title="T")
>>> g.add_edge("a", "b")
>>> print(styled_dot(read_diagram(g), theme=LIGHT, max_label_width=180).splitlines()[0])
digraph "T" {
"""

from __future__ import annotations

from collections.abc import Mapping

from .dot import FONT, NODESEP, RANKSEP, Attrs, edge_attrs, grouped, hatch, write_dot
from .model import Diagram
from .quoting import dot_string
from .shapes import SHAPES
from .size import size_label, size_node
from .style import edge_style
from .theme import Theme

__all__ = ["styled_dot"]


def _line_style(dash: str | None) -> list[str]:
    """Graphviz's name for a dash pattern: a long first dash is dashed, else dotted."""
    if not dash:
        return []
    return ["dashed" if len(dash.split()[0]) > 1 or float(dash.split()[0]) > 3 else "dotted"]


def _record_escape(text: str) -> str:
    """Wrapped text (single spaces, no outer ones) as a record field shows it: ``{ } | < >``
    and backslashes escaped, newlines as ``\\n``; the DOT string around it then escapes
    only double quotes."""
    for ch in "\\{}|<>":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "\\n")


def record_label(fields: tuple, texts) -> str:
    """A record label (``<port> text|{...}``) for the fields, each field's text taken in
    turn from ``texts`` (its wrapped lines); quoted for DOT.

    >>> from diagrams_lib.fields import read_fields
    >>> f = read_fields(["a|b", [{"text": "c", "port": "p"}, "d"]], where="x")
    >>> record_label(f, iter(["a|b", "c", "d"]))
    '"a\\\\|b|{<p> c|d}"'
    """

    def part(item) -> str:
        if isinstance(item, tuple):
            return "{" + "|".join(part(x) for x in item) + "}"
        port = f"<{_record_escape(item.port)}> " if item.port is not None else ""
        return port + _record_escape(next(texts))

    body = "|".join(part(x) for x in fields)
    return '"' + body.replace('"', '\\"') + '"'


def _sorted(attrs: dict[str, str]) -> Attrs:
    return sorted(attrs.items())


def styled_dot(
    diagram: Diagram,
    *,
    theme: Theme,
    max_label_width: float,
    records: Mapping[str, str] | None = None,
) -> str:
    """DOT text of the styled diagram, usable with any Graphviz (attributes sorted).

    ``records`` gives the graph (``"graph"``), nodes and edges (by id) a ``diagrams_lib``
    attribute each, DOT-ready (the round trip's JSON, see :mod:`diagrams_lib.dot_in`)."""
    extra = records or {}
    graph = {
        "bgcolor": dot_string(theme.background),
        "fontname": FONT,
        "fontsize": f"{theme.title_size:g}",
        "label": dot_string(diagram.title),
        "labeljust": "l",
        "labelloc": "t",
        "nodesep": NODESEP,
        "pad": "0.3",
        "rankdir": diagram.direction,
        "ranksep": RANKSEP,
        "fontcolor": dot_string(theme.text),
    }
    if diagram.description:
        graph["comment"] = dot_string(diagram.description)
    graph.update(hatch(diagram.dot))
    if "graph" in extra:
        graph["diagrams_lib"] = extra["graph"]
    nodes = {}
    for node in diagram.nodes:
        box = size_node(node, theme=theme, max_width=max_label_width, direction=diagram.direction)
        st = box.style
        text = "\n".join(box.label.lines + (box.note.lines if box.note else ()))
        styles = ["filled"] if st.fill != "none" else []
        if box.shape in ("round", "pill"):
            styles.append("rounded")
        styles += _line_style(st.dash)
        if node.line == "invisible":
            styles = ["invis"]
        attrs = {
            "label": dot_string(text),
            "shape": SHAPES[box.shape].styled,
            "style": dot_string(",".join(styles)),
            "fillcolor": dot_string(st.fill),
            "color": dot_string(st.stroke),
            "fontcolor": dot_string(st.text),
            "penwidth": f"{st.stroke_width:g}",
            "class": dot_string(f"role-{node.role or 'default'}"),
        }
        if node.pin is not None:
            attrs["pos"] = dot_string(f"{node.pin[0]:.2f},{node.pin[1]:.2f}!")
        if node.link:
            attrs["URL"] = dot_string(node.link)
        if node.xlabel:
            attrs["xlabel"] = dot_string(node.xlabel)
        if box.fields is not None:
            attrs["label"] = record_label(
                node.fields, iter("\n".join(t.lines) for t in box.field_text)
            )
        if node.straight_group is not None:
            attrs["group"] = dot_string(node.straight_group)
        attrs.update(hatch(node.dot))
        if node.id in extra:
            attrs["diagrams_lib"] = extra[node.id]
        nodes[node.id] = _sorted(attrs)

    def cluster_attrs(group) -> Attrs:
        return [
            ("color", dot_string(theme.group_stroke)),
            ("fillcolor", dot_string(theme.group_fill)),
            ("label", dot_string(group.label)),
            ("style", '"dashed,filled,rounded"'),
        ]

    clusters, loose, ranks = grouped(diagram, nodes, cluster_attrs)
    edges = []
    for edge in diagram.edges:
        st = edge_style(edge, theme, directed=diagram.directed)
        attrs = {
            "color": dot_string(st.stroke),
            "penwidth": f"{st.width:g}",
            "class": dot_string(f"role-{edge.role or 'default'}"),
            **dict(edge_attrs(edge, st, directed=diagram.directed)),
        }
        if st.dash:
            attrs["style"] = _line_style(st.dash)[0]
        if edge.line == "invisible":
            attrs["style"] = "invis"
        if st.text:
            attrs["fontcolor"] = dot_string(st.text)
        for name, text in (
            ("label", edge.label),
            ("headlabel", edge.head_label),
            ("taillabel", edge.tail_label),
        ):
            if text:
                box = size_label(text, theme=theme, max_width=max_label_width)
                attrs[name] = dot_string("\n".join(box.text.lines))
        attrs.update(hatch(edge.dot))
        if edge.id in extra:
            attrs["diagrams_lib"] = extra[edge.id]
        edges.append((edge.source, edge.target, _sorted(attrs)))
    return write_dot(
        name=dot_string(diagram.title),
        directed=diagram.directed,
        graph=_sorted(graph),
        node=[("fontname", FONT), ("fontsize", f"{theme.font_size:g}")],
        edge=[("fontname", FONT), ("fontsize", f"{theme.edge_label_size:g}")],
        clusters=clusters,
        nodes=loose,
        edges=edges,
        ranks=ranks,
    )
