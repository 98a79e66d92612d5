"""Stage 3, DOT: the one DOT writer, and the two graphs it writes.

* :func:`geometry_dot` is what the renderer lays out. Graphviz never sees label text:
  nodes are fixed-size boxes, edge labels and group titles fixed-size empty HTML
  tables, so the layout cannot depend on the fonts installed on a machine.
* :func:`styled_dot` is for users who run their own Graphviz: wrapped labels, colours,
  shapes and line styles, so ``dot -Tpng`` gives a faithful picture.

Both use synthetic ids (``n0``, ``e0``, ``g0``), so the text is stable.

>>> print(write_dot(name="G", directed=True, graph=[("rankdir", "LR")], node=[], edge=[],
...                 clusters=[], nodes=[("n0", [])], edges=[("n0", "n0", [("id", "e0")])]))
digraph G {
graph [rankdir=LR];
n0;
n0 -> n0 [id=e0];
}
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .errors import ValidationError
from .model import Diagram
from .quoting import dot_string
from .shapes import SHAPES
from .size import GROUP_TITLE_H, Sizes, size_edge_label, size_node
from .theme import Theme

__all__ = ["Cluster", "geometry_dot", "layout_program", "styled_dot", "write_dot"]

Attrs = Sequence[tuple[str, str]]  # name and DOT-ready value, in the order written
NODESEP, RANKSEP = "0.45", "0.6"  # inches between nodes in a rank, and between ranks
GROUP_MARGIN = 14.0  # px between a group's outline and its members
FONT = dot_string("Helvetica,Arial,sans-serif")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cluster:
    """A ``subgraph cluster_<id>``: its attributes and its node statements."""

    id: str
    attrs: Attrs
    nodes: Sequence[tuple[str, Attrs]]


def _list(attrs: Attrs) -> str:
    return ", ".join(f"{name}={value}" for name, value in attrs)


def _statement(head: str, attrs: Attrs) -> str:
    return f"{head} [{_list(attrs)}];" if attrs else f"{head};"


def write_dot(
    *,
    name: str,
    directed: bool,
    graph: Attrs,
    node: Attrs,
    edge: Attrs,
    clusters: Sequence[Cluster],
    nodes: Sequence[tuple[str, Attrs]],
    edges: Sequence[tuple[str, str, Attrs]],
) -> str:
    """DOT text: graph, node and edge defaults, clusters with their nodes, the other
    nodes, then the edges, each attribute list in the order given."""
    return "\n".join(_lines(name, directed, graph, node, edge, clusters, nodes, edges)) + "\n"


def _lines(name, directed, graph, node, edge, clusters, nodes, edges) -> Iterator[str]:
    yield f"{'digraph' if directed else 'graph'} {name} {{"
    for keyword, attrs in (("graph", graph), ("node", node), ("edge", edge)):
        if attrs:
            yield _statement(keyword, attrs)
    for cluster in clusters:
        yield f"subgraph cluster_{cluster.id} {{"
        yield _statement("graph", cluster.attrs)
        yield from (_statement(node_id, attrs) for node_id, attrs in cluster.nodes)
        yield "}"
    yield from (_statement(node_id, attrs) for node_id, attrs in nodes)
    arrow = "->" if directed else "--"
    yield from (_statement(f"{u} {arrow} {v}", attrs) for u, v, attrs in edges)
    yield "}"


def _hatch(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The ``dot`` escape hatch's attributes, quoted."""
    return [(name, dot_string(value)) for name, value in pairs]


def _inches(px: float) -> str:
    return f"{px / 72:.4f}".rstrip("0").rstrip(".")


def _spacer(width: float, height: float) -> str:
    """An empty fixed-size HTML label: reserves space without measuring text."""
    return (
        f'<<TABLE FIXEDSIZE="TRUE" WIDTH="{round(width)}" HEIGHT="{round(height)}" '
        'BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD></TD></TR></TABLE>>'
    )


def layout_program(diagram: Diagram, engine: str | None) -> str:
    """Pick the Graphviz program: pinned diagrams keep their positions (``nop2``)."""
    pinned = [n for n in diagram.nodes if n.pin is not None]
    engine = engine or diagram.engine
    if not pinned:
        return engine or "dot"
    loose = next((n for n in diagram.nodes if n.pin is None), None)
    if loose is not None:
        raise ValidationError(
            f"node {loose.key!r} has no 'pin' while node {pinned[0].key!r} has one: "
            "pin every node or none"
        )
    if engine not in (None, "neato"):
        raise ValidationError(f"pinned nodes need engine 'neato' (or none), not {engine!r}")
    return "nop2"


def _grouped(diagram: Diagram, statements: dict[str, Attrs], cluster_attrs) -> tuple:
    """The clusters (each with its members' statements) and the ungrouped statements."""
    clusters = [
        Cluster(id=g.id, attrs=cluster_attrs(g), nodes=[(m, statements[m]) for m in g.members])
        for g in diagram.groups
    ]
    grouped = {m for g in diagram.groups for m in g.members}
    return clusters, [(n.id, statements[n.id]) for n in diagram.nodes if n.id not in grouped]


def geometry_dot(diagram: Diagram, sizes: Sizes, *, theme: Theme, prog: str) -> str:
    """The geometry-only DOT text that the renderer lays out with ``prog``."""
    graph = [
        ("rankdir", diagram.direction),
        ("nodesep", NODESEP),
        ("ranksep", RANKSEP),
        ("pad", "0"),
        ("margin", "0"),
        ("outputorder", "edgesfirst"),
    ]
    if prog == "nop2":
        graph.append(("splines", "false"))
    elif prog != "dot":
        graph += [("overlap", "scale"), ("sep", '"+14"'), ("splines", "true")]
    graph += _hatch(diagram.dot)
    nodes: dict[str, Attrs] = {}
    for node in diagram.nodes:
        box = sizes.nodes[node.id]
        attrs = [("width", _inches(box.width)), ("height", _inches(box.height))]
        if SHAPES[box.shape].clip != "box":
            attrs.append(("shape", SHAPES[box.shape].clip))
        if node.pin is not None:
            attrs.append(("pos", f'"{node.pin[0]:.2f},{node.pin[1]:.2f}!"'))
        nodes[node.id] = attrs + _hatch(node.dot)

    def cluster_attrs(group) -> Attrs:
        title = sizes.group_titles[group.id]
        return [
            ("label", _spacer(title.width + 8, GROUP_TITLE_H)),
            ("labeljust", "l"),
            ("labelloc", "t"),
            ("margin", f"{GROUP_MARGIN:g}"),
        ]

    clusters, loose = _grouped(diagram, nodes, cluster_attrs)
    if prog == "nop2":  # pinned: group boxes are drawn around the members, not laid out
        clusters, loose = [], [(n.id, nodes[n.id]) for n in diagram.nodes]
    edges = []
    for edge in diagram.edges:
        attrs = [("id", edge.id)]
        if not (theme.edge_style(edge.role).arrow and diagram.directed):
            attrs.append(("arrowhead", "none"))
        label = sizes.labels.get(edge.id)
        if label is not None:
            attrs.append(("label", _spacer(label.width, label.height)))
        edges.append((edge.source, edge.target, attrs + _hatch(edge.dot)))
    return write_dot(
        name="G",
        directed=True,
        graph=graph,
        node=[("shape", "box"), ("fixedsize", "true"), ("label", '""')],
        edge=[("arrowsize", "0.8")],
        clusters=clusters,
        nodes=loose,
        edges=edges,
    )


def _sorted(attrs: dict[str, str]) -> Attrs:
    return sorted(attrs.items())


def styled_dot(diagram: Diagram, *, theme: Theme, max_label_width: float) -> str:
    """DOT text of the styled diagram, usable with any Graphviz (attributes sorted)."""
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
    graph.update(_hatch(diagram.dot))
    nodes = {}
    for node in diagram.nodes:
        box = size_node(node, theme=theme, max_width=max_label_width)
        st = box.style
        text = "\n".join(box.label.lines + (box.note.lines if box.note else ()))
        styles = ["filled"] if st.fill != "none" else []
        if box.shape in ("round", "pill"):
            styles.append("rounded")
        if st.dash:
            styles.append("dashed" if len(st.dash.split()[0]) > 1 else "dotted")
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
        attrs.update(_hatch(node.dot))
        nodes[node.id] = _sorted(attrs)

    def cluster_attrs(group) -> Attrs:
        return [
            ("color", dot_string(theme.group_stroke)),
            ("fillcolor", dot_string(theme.group_fill)),
            ("label", dot_string(group.label)),
            ("style", '"dashed,filled,rounded"'),
        ]

    clusters, loose = _grouped(diagram, nodes, cluster_attrs)
    edges = []
    for edge in diagram.edges:
        st = theme.edge_style(edge.role)
        attrs = {
            "color": dot_string(st.stroke),
            "penwidth": f"{st.width:g}",
            "class": dot_string(f"role-{edge.role or 'default'}"),
        }
        if not st.arrow:
            attrs["arrowhead"] = "none"
        if st.dash:
            attrs["style"] = "dashed"
        label = size_edge_label(edge, theme=theme, max_width=max_label_width)
        if label is not None:
            attrs["label"] = dot_string("\n".join(label.text.lines))
        attrs.update(_hatch(edge.dot))
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
    )
