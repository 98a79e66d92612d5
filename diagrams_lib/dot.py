"""Stage 3, DOT: the geometry DOT the renderer lays out, written by :mod:`diagrams_lib.dot_write`.

Graphviz never sees label text: nodes are fixed-size boxes, edge labels and group titles
fixed-size empty HTML tables, so the layout cannot depend on the fonts installed on a
machine. :mod:`diagrams_lib.dot_styled` writes the styled DOT of ``to_dot`` with the same
writer. Both use synthetic ids (``n0``, ``e0``, ``g0``), so the text is stable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .dot_write import Attrs, Cluster, write_dot
from .errors import ValidationError
from .fields import FieldBox, port_index
from .groups import ancestors
from .model import Diagram, Edge, Node
from .quoting import dot_string
from .shapes import SHAPES
from .size import GROUP_TITLE_H, LabelBox, Sizes
from .theme import EdgeStyle

__all__ = [
    "FONT",
    "NODESEP",
    "RANKSEP",
    "SPLINE_EDGES",
    "XLABEL_ENGINES",
    "Cluster",
    "edge_attrs",
    "engine_attrs",
    "field_port",
    "geometry_dot",
    "grouped",
    "hatch",
    "layout_program",
    "rank_sets",
    "record_label",
    "write_dot",
]

_RANKS = ("min", "max", "source", "sink")  # the ranks a node's ``rank`` may name
NODESEP, RANKSEP = "0.45", "0.6"  # inches between nodes in a rank, and between ranks
# Routing splines around every node costs seconds beyond about a hundred edges (5 s for a
# 158-node, 467-edge import graph with neato, 0.1 s with straight lines; circo's curves
# took 8 minutes): draw those straight.
SPLINE_EDGES = 100
# Engines whose edge labels Graphviz places only after the layout, as external labels
# kept clear of nodes: circo's and twopi's reserve no room for a label on the edge.
XLABEL_ENGINES = ("circo", "twopi")
GROUP_MARGIN = 14.0  # px between a group's outline and its members
FONT = dot_string("Helvetica,Arial,sans-serif")


def hatch(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
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


def _spacer_for(box: LabelBox) -> str:
    return _spacer(box.width, box.height)


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


def rank_sets(diagram: Diagram) -> dict[str | None, list[tuple[str, list[str]]]]:
    """The nodes' ``rank`` constraints, by the id of the innermost group holding all of a
    set's members (None: the whole graph). Nodes sharing a ``rank`` name are on one rank;
    ``min``, ``max``, ``source`` and ``sink`` are Graphviz's own ranks."""
    members: dict[str, list[Node]] = {}
    for node in diagram.nodes:
        if node.rank is not None:
            members.setdefault(node.rank, []).append(node)
    in_group = {m: g for g in diagram.groups for m in g.members}
    out: dict[str | None, list[tuple[str, list[str]]]] = {}
    for name, nodes in members.items():
        chains = []
        for node in nodes:
            group = in_group.get(node.id)
            chains.append(
                []
                if group is None
                else [group.id] + [a.id for a in ancestors(group, diagram.groups)]
            )
        common = next((g for g in chains[0] if all(g in c for c in chains[1:])), None)
        rank = name if name in _RANKS else "same"
        out.setdefault(common, []).append((rank, [n.id for n in nodes]))
    return out


def grouped(diagram: Diagram, statements: dict[str, Attrs], cluster_attrs) -> tuple:
    """The clusters, nested as the groups are, each with its members' statements and rank
    constraints; the statements of the nodes in no group; and the graph's own ranks."""
    ranks = rank_sets(diagram)

    def clusters(parent: str | None) -> list[Cluster]:
        return [
            Cluster(
                id=g.id,
                attrs=cluster_attrs(g),
                clusters=clusters(g.id),
                nodes=[(m, statements[m]) for m in g.members],
                ranks=ranks.get(g.id, ()),
            )
            for g in diagram.groups
            if g.parent == parent
        ]

    grouped = {m for g in diagram.groups for m in g.members}
    loose = [(n.id, statements[n.id]) for n in diagram.nodes if n.id not in grouped]
    return clusters(None), loose, ranks.get(None, ())


def edge_attrs(
    edge: Edge,
    style: EdgeStyle,
    *,
    directed: bool = True,
    port: Callable[[str, str], str] | None = None,
) -> list[tuple[str, str]]:
    """The arrowheads, ports and layout hints of an edge, for any Graphviz, in a directed
    graph (what the renderer lays out) or an undirected one (``to_dot``'s). ``port`` names
    an end's port in the DOT from its node id and the edge's port (default: unchanged)."""
    ends = (style.head, style.tail)
    attrs = []
    if ends == ("none", "none"):
        if directed:
            attrs.append(("arrowhead", "none"))
    elif ends != ("normal", "none") or not directed:
        way = {"none": "back", "normal": "both"}.get(style.head, "both")
        if style.tail == "none":
            way = "forward"
        attrs.append(("dir", way))
        attrs += [
            (name, kind)
            for name, kind in (("arrowhead", style.head), ("arrowtail", style.tail))
            if kind != "none"
        ]
    name = port or (lambda node_id, value: value)
    if edge.tail_port:
        attrs.append(("tailport", dot_string(name(edge.source, edge.tail_port))))
    if edge.head_port:
        attrs.append(("headport", dot_string(name(edge.target, edge.head_port))))
    if edge.constraint is not None:
        attrs.append(("constraint", "true" if edge.constraint else "false"))
    attrs += [
        (name, str(value))
        for name, value in (("weight", edge.weight), ("minlen", edge.minlen))
        if value is not None
    ]
    return attrs


def engine_attrs(prog: str, *, edges: int) -> list[tuple[str, str]]:
    """The graph attributes that suit ``prog``: how it keeps nodes apart and routes edges.

    >>> engine_attrs("neato", edges=500)
    [('overlap', 'scale'), ('sep', '"+14"'), ('splines', 'line')]
    >>> engine_attrs("circo", edges=5)
    [('overlap', 'scale'), ('sep', '"+14"'), ('splines', 'curved'), ('concentrate', 'false')]
    """
    if prog == "dot":
        return []
    if prog == "nop2":
        return [("splines", "false")]
    if prog == "osage":  # packs clusters in a grid; the edges go straight across
        return [("pack", "14"), ("splines", "line")]
    # sfdp's "scale" needs a triangulation library the wheel lacks; "false" (Voronoi) works
    overlap = "false" if prog == "sfdp" else "scale"
    attrs = [("overlap", overlap), ("sep", '"+14"')]
    few = edges <= SPLINE_EDGES
    if prog == "circo":  # curves keep the two edges of a pair apart, and loops visible
        return [*attrs, ("splines", "curved" if few else "line"), ("concentrate", "false")]
    return [*attrs, ("splines", "true" if few else "line")]


def _cell(tree: tuple) -> str:
    """A table cell of a record's layout: a field's fixed-size cell (``PORT`` p0, p1...
    after its index) or a cell holding a nested table."""
    if tree[0] == "cell":
        _, index, width, height = tree
        return f'<TD PORT="p{index}" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}"></TD>'
    return f"<TD>{_table(tree)}</TD>"


def _table(tree: tuple) -> str:
    kind, parts = tree
    cells = [_cell(part) for part in parts]
    rows = ["".join(cells)] if kind == "h" else cells
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0">{body}</TABLE>'


def record_label(fields: FieldBox) -> str:
    """A record's compartments as an empty HTML table of fixed-size cells, each with a
    ``PORT``, so Graphviz attaches an edge to ``node:port`` at the right field."""
    return f"<{_table(fields.tree)}>"


def field_port(nodes: dict[str, Node]) -> Callable[[str, str], str]:
    """The geometry DOT's name of a port: a field's becomes its cell's (``p`` and the
    field's index), keeping a ``:compass`` after it; a compass point stays as it is."""

    def name(node_id: str, port: str) -> str:
        fields = nodes[node_id].fields
        names = port_index(fields) if fields else {}
        if port in names:
            return f"p{names[port]}"
        field, _, compass = port.rpartition(":")
        return f"p{names[field]}:{compass}" if field in names else port

    return name


def geometry_dot(diagram: Diagram, sizes: Sizes, *, prog: str) -> str:
    """The geometry-only DOT text that the renderer lays out with ``prog``."""
    graph = [
        ("rankdir", diagram.direction),
        ("nodesep", NODESEP),
        ("ranksep", RANKSEP),
        ("pad", "0"),
        ("margin", "0"),
        ("outputorder", "edgesfirst"),
    ]
    graph += engine_attrs(prog, edges=len(diagram.edges))
    graph += hatch(diagram.dot)
    nodes: dict[str, Attrs] = {}
    for node in diagram.nodes:
        box = sizes.nodes[node.id]
        if box.fields is not None:
            attrs = [("shape", "plain"), ("fixedsize", "false")]
            attrs.append(("label", record_label(box.fields)))
        else:
            attrs = [("width", _inches(box.width)), ("height", _inches(box.height))]
            attrs += SHAPES[box.shape].clip
        if node.straight_group is not None:
            attrs.append(("group", dot_string(node.straight_group)))
        if node.pin is not None:
            attrs.append(("pos", f'"{node.pin[0]:.2f},{node.pin[1]:.2f}!"'))
        if node.id in sizes.xlabels:
            attrs.append(("xlabel", _spacer_for(sizes.xlabels[node.id])))
        nodes[node.id] = attrs + hatch(node.dot)

    def cluster_attrs(group) -> Attrs:
        title = sizes.group_titles[group.id]
        label = [("label", _spacer(title.width + 8, GROUP_TITLE_H))] if group.label else []
        return [*label, ("labeljust", "l"), ("labelloc", "t"), ("margin", f"{GROUP_MARGIN:g}")]

    clusters, loose, ranks = grouped(diagram, nodes, cluster_attrs)
    if prog == "nop2":  # pinned: group boxes are drawn around the members, not laid out
        clusters, loose, ranks = [], [(n.id, nodes[n.id]) for n in diagram.nodes], []
    port = field_port({n.id: n for n in diagram.nodes})
    edges = []
    for edge in diagram.edges:
        attrs = [("id", edge.id), *edge_attrs(edge, sizes.edge_styles[edge.id], port=port)]
        for name, box in (
            ("xlabel" if prog in XLABEL_ENGINES else "label", sizes.labels.get(edge.id)),
            ("headlabel", sizes.end_labels.get((edge.id, "head"))),
            ("taillabel", sizes.end_labels.get((edge.id, "tail"))),
        ):
            if box is not None:
                attrs.append((name, _spacer_for(box)))
        edges.append((edge.source, edge.target, attrs + hatch(edge.dot)))
    return write_dot(
        name="G",
        directed=True,
        graph=graph,
        node=[("shape", "box"), ("fixedsize", "true"), ("label", '""')],
        edge=[("arrowsize", "0.8")],
        clusters=clusters,
        nodes=loose,
        edges=edges,
        ranks=ranks,
    )
