"""Scale: three ways to run one training job across very many GPUs."""

from __future__ import annotations

import networkx as nx

from report.figures.common import TITLE, box_size, boxed, extent, figure, text

PANEL = 290.0  # width of each of the three panels
GAP = 40.0  # between panels


def _small(g: nx.DiGraph, key: str, label: str, x: float, y: float) -> None:
    """A small plain box (a GPU, a part) centred at (x, y)."""
    boxed(g, key, label, x, y, role="default", width=0)


@figure("three-ways")
def three_ways() -> nx.Graph:
    """Altman's question, the answers, and a sketch of each way of training named."""
    g = nx.DiGraph(title=TITLE)
    total = 3 * PANEL + 2 * GAP
    # The question and Paino's answer, side by side across the top.
    ask = "Altman: will anyone run one synchronous pre-training job on 10 million GPUs or more?"
    yes = "Paino: yes, but it will look “totally different”, and may not be pre-training"
    half = (total - GAP) / 2
    h = max(box_size(t, role="confirmed", width=half, wrap=True)[1] for t in (ask, yes))
    boxed(g, "ask", ask, half / 2, h / 2, role="confirmed", width=half, wrap=True, note="min 30")
    boxed(
        g,
        "yes",
        yes,
        total - half / 2,
        h / 2,
        role="confirmed",
        width=half,
        wrap=True,
        note="min 30–31",
    )
    top = max(g.nodes[k]["size"][1] for k in ("ask", "yes")) + 34
    heads = [
        ("Synchronous", "The kind of job Altman asks about"),
        ("Semi-synchronous", "Tootoonchian: it would have to be (min 30–31)"),
        ("More decentralized", "Selsam (min 30–31)"),
    ]
    for i, (name, who) in enumerate(heads):
        text(g, f"head:{i}", name, i * (PANEL + GAP) + PANEL / 2, top, role="text", note=who)
    row = top + 60
    # Synchronous: every GPU hands in its share, all combine, then all move on.
    for i in range(4):
        _small(g, f"sync:gpu{i}", "GPU", PANEL * (i + 0.5) / 4, row)
        g.add_edge(f"sync:gpu{i}", "sync:step")
    step = boxed(
        g,
        "sync:step",
        "All combine, then all move on",
        PANEL / 2,
        row + 120,
        role="default",
        width=270,
        wrap=True,
        note="Every GPU waits for the slowest; one fault stops them all",
    )
    # Semi-synchronous: in step inside each group, loosely in step between groups.
    left = PANEL + GAP
    for t, team in enumerate("AB"):
        centre = left + PANEL * (0.25 + 0.5 * t)
        for i in range(2):
            _small(g, f"semi:{team}{i}", "GPU", centre + (i - 0.5) * 70, row)
            g.add_edge(f"semi:{team}{i}", f"semi:{team}")
        boxed(
            g,
            f"semi:{team}",
            f"Group {team}",
            centre,
            row + 80,
            role="default",
            width=110,
            note="in step",
        )
        g.add_edge(f"semi:{team}", "semi:both")
    boxed(
        g,
        "semi:both",
        "Groups combine now and then",
        left + PANEL / 2,
        row + 190,
        role="default",
        width=270,
        wrap=True,
        note="Between times, groups do not wait for each other",
    )
    # Decentralized: parts that learn on their own and trade with neighbours.
    left = 2 * (PANEL + GAP)
    spots = [(0.5, 0), (0.18, 1), (0.82, 1), (0.5, 2)]
    for i, (fx, fy) in enumerate(spots):
        _small(g, f"dec:{i}", f"Part {i + 1}", left + fx * PANEL, row + fy * 65)
    for a, b in ((0, 1), (0, 2), (1, 3), (2, 3)):
        g.add_edge(f"dec:{a}", f"dec:{b}", role="link")
    text(
        g,
        "dec:note",
        "Parts learn on their own and share with\nneighbours; no step for all",
        left + PANEL / 2,
        row + 180,
        role="caption",
    )
    box = extent(g)
    text(
        g,
        "footnote",
        "Words and minutes: the talk. The sketches: this report’s explanation",
        box.left,
        max(box.bottom, step.bottom) + 18,
        align="left",
    )
    return g
