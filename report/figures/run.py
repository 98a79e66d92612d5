"""The training run: why rare faults become routine, and the torch.sum investigation."""

from __future__ import annotations

import networkx as nx

from diagrams_lib.kinds import chart, tree
from report.figures.common import TITLE, extent, figure, text, widen


@figure("rare-failures")
def rare_failures() -> nx.Graph:
    """Chance of at least one fault per step as the GPU count grows (illustrative)."""
    counts = [
        ("1", 1),
        ("10", 10),
        ("100", 100),
        ("1k", 10**3),
        ("10k", 10**4),
        ("100k", 10**5),
        ("1M", 10**6),
        ("10M", 10**7),
    ]
    points = [(name, 100 * (1 - (1 - 1e-6) ** n)) for name, n in counts]
    value = dict(points)
    notes = [
        ("10k", "~1%: one step in 100"),
        ("100k", "~10%: one step in 10"),
        ("1M", "63%: most steps"),
    ]
    g = chart(
        {"Chance of a fault per step": points},
        title=TITLE,
        x_label="GPUs working in lockstep (each tick ten times the last)",
        y_label="Chance that at least one GPU faults in a step",
        y_ticks=[(v, f"{v}%") for v in (0, 25, 50, 75, 100)],
        marks=[{"x": x, "y": value[x], "note": note} for x, note in notes],
        width=560,
        height=260,
    )
    box = extent(g)
    text(
        g,
        "caption",
        "Illustrative: each GPU faults once in a million steps",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return g


@figure("torch-sum")
def torch_sum() -> nx.Graph:
    """From several symptoms, through a vote, to the one unlikely cause and its fix."""
    when = {
        "label": "About 40% into the run",
        "outcome": "open",
        "note": "Captions unclear (min 24)",
        "edge": "when",
    }
    fix = {
        "label": "Fix cleared every open problem",
        "outcome": "confirmed",
        "edge": "found, fixed",
        "children": [when],
    }
    effect = {
        "label": "Illegal memory access",
        "outcome": "confirmed",
        "note": "About once every 100 to 1,000 steps",
        "edge": "causes",
        "children": [fix],
    }
    suspects = [
        {"label": label, "outcome": "ruled_out", "note": "Summary’s list"}
        for label in ("Hardware faults", "Data corruption", "OpenAI’s own code")
    ]
    culprit = {
        "label": "Bug in PyTorch’s torch.sum",
        "outcome": "confirmed",
        "note": "Fewest votes. Upstream code, not the team’s own Triton "
        "kernels; a rare path that depends on the data",
        "children": [effect],
    }
    vote = {
        "label": "Team vote on the likely cause",
        "outcome": "confirmed",
        "note": "The true cause got the fewest votes",
        "children": [*suspects, culprit],
    }
    root = {
        "label": "Crashes and wrong results",
        "note": "Several problems, different\nsymptoms (min 20–25)",
        "children": [vote],
    }
    g = tree(root, title=TITLE)
    widen(g, "t1", 250)  # the vote: its note on one line
    # the culprit, the effect, the fix and when: one column, one width (keys count the
    # items in reading order: t2-t4 are the three suspects)
    for key in ("t5", "t6", "t7", "t8"):
        widen(g, key, 290, wrap=True)
    return g
