"""Small graph builders shared by the tests."""

from __future__ import annotations

import networkx as nx


def bug_hunt() -> nx.DiGraph:
    """The README's example: a symptom, four hypotheses in a group, one confirmed."""
    g = nx.DiGraph(
        title="How the bug was found",
        description="Symptoms led to four hypotheses; the least likely was right.",
    )
    g.add_node("crash", label="Crashes that look unrelated", role="symptom")
    hypotheses = [
        ("hw", "Hardware faults", "ruled_out", "ruled out first"),
        ("data", "Data corruption", "ruled_out", None),
        ("ours", "Bugs in our own code", "ruled_out", None),
        ("lib", "Bug in an external library", "confirmed", "the true cause"),
    ]
    for key, label, role, note in hypotheses:
        g.add_node(key, label=label, role=role, note=note, group="Hypotheses")
        g.add_edge("crash", key, label="suspected")
    g.add_node("fix", label="One fix clears every open issue", role="end")
    g.add_edge("lib", "fix", role="highlight")
    return g


def ungrouped(g: nx.Graph) -> nx.Graph:
    """``g`` with no node in a group, for engines that draw no groups."""
    for _, data in g.nodes(data=True):
        data.pop("group", None)
    return g


def awkward_keys() -> nx.MultiDiGraph:
    """Keys and labels that break naive DOT emitters."""
    g = nx.MultiDiGraph(title='Keys: "quoted" <b>&</b>')
    g.add_node("a:b", label="port? a:b")
    g.add_node(("tuple", 1), label='say "hi" \\N <i>not html</i> & done')
    g.add_node(42)
    g.add_edge("a:b", ("tuple", 1), label="edge \\l label")
    g.add_edge("a:b", ("tuple", 1), label="parallel")
    g.add_edge(42, 42)
    return g


def chain_tree(depth: int) -> dict:
    """A tree item with one child, which has one child... ``depth`` times."""
    root = item = {"label": "level 0"}
    for i in range(1, depth + 1):
        child = {"label": f"level {i}"}
        item["children"] = [child]
        item = child
    return root
