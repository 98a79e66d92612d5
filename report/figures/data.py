"""Data: the shift from compute to data, pre-training as compression, and the long tail."""

from __future__ import annotations

import networkx as nx

from diagrams_lib.kinds import axis as ax
from diagrams_lib.kinds import chart
from report.figures.common import TITLE, extent, figure, text


@figure("bottleneck-shift")
def bottleneck_shift() -> nx.Graph:
    """Which resource held progress back, generation by generation (illustrative heights)."""
    gens = ["GPT-2", "GPT-3", "GPT-4", "GPT-4.5"]
    g = chart(
        {
            "Compute": list(zip(gens, (9, 9, 8.5, 5), strict=True)),
            "Data": list(zip(gens, (1, 2, 3.5, 6.5), strict=True)),
        },
        title=TITLE,
        kind="bar",
        x_label="Model generation",
        y_label="How much it held progress back",
        y_ticks=[(0, "little"), (10, "most")],
        width=460,
        height=240,
    )
    box = extent(g)
    # What the talk says, beside the bars; the heights themselves are made up.
    right = box.right + 24
    said = [
        ("Through GPT-4: limited by compute", "(min 14)"),
        ("GPT-4.5: limited by data, for some of the data", "(min 14)"),
        ("Best models: no longer compute-bound", "Altman (min 8–9)"),
        ("Next 10–100x: needs data efficiency", "Selsam (min 8–9)"),
    ]
    y = box.top + 10
    for i, (line, source) in enumerate(said):
        h = ax.text_box_size(line, note=source, max_width=220)[1]
        text(
            g, f"said:{i}", line, right, y + h / 2, role="text", note=source, align="left", wrap=220
        )
        y += h + 10
    box = extent(g)
    text(
        g,
        "caption",
        "Illustrative heights: the talk gives the direction, not amounts",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return g


@figure("compression")
def compression() -> nx.Graph:
    """Prequential coding: bits paid for each chunk before the model learns from it."""
    chunks = [str(i) for i in range(1, 9)]
    learner = (8, 6, 4.5, 3.5, 3, 2.6, 2.4, 2.2)
    raw = 8  # bits a chunk costs stored as it is
    width, height = 520, 220
    g = chart(
        {"Coded by a model that learns as it reads": list(zip(chunks, learner, strict=True))},
        title=TITLE,
        kind="bar",
        x_label="Chunks of text, in reading order",
        y_label="Bits paid for each chunk by a model that learns as it reads",
        y_ticks=[0, 2, 4, 6, 8, 10],
        width=width,
        height=height,
    )
    y = ax.Scale(0, 10, height, 0)(raw)
    ax.add_rule(g, "raw", (0, y), (width, y), role="axis", label="Stored as it is")
    text(
        g,
        "raw:label",
        f"Stored as it is: {raw} bits a chunk",
        width,
        y - 14,
        role="text",
        align="right",
    )
    box = extent(g)
    total = sum(learner)
    text(
        g,
        "total",
        f"Totals: {raw * len(chunks)} bits stored, {total:g} bits coded",
        box.left,
        box.bottom + 26,
        role="text",
        align="left",
        note="The coded total is the compressed size: the surprise the model meets "
        "before it learns each chunk",
    )
    box = extent(g)
    text(g, "caption", "Illustrative numbers", box.left, box.bottom + 12, align="left")
    return g


@figure("long-tail")
def long_tail() -> nx.Graph:
    """How often each concept appears, by rank, in slices that each cost ~10x more."""
    # Rank on a log axis (x = log10 of the rank), frequency falling as 1 / rank.
    points = [(x / 20, 100 / 10 ** (x / 20)) for x in range(0, 81)]
    width, height = 560, 250
    g = chart(
        {"How often a concept appears": points},
        title=TITLE,
        x_label="Concepts ranked from most to least common (each tick ten times the last)",
        y_label="How often a concept appears in the data",
        x_ticks=[(0, "1st"), (1, "10th"), (2, "100th"), (3, "1,000th"), (4, "10,000th")],
        y_ticks=[(0, "rarely"), (100, "very often")],
        width=width,
        height=height,
    )
    # One slice per decade of rank, every other one shaded. A new graph holds the shading
    # first: translucent nodes are drawn under the lines, in the order they were added.
    slice_w = width / 4
    costs = ["1x", "~10x", "~100x", "~1,000x"]
    shaded = nx.Graph(**g.graph)
    for i in range(0, len(costs), 2):
        shaded.add_node(
            f"slice:{i}",
            label=f"Slice {i + 1}",
            hide_label=True,
            role="set-1",
            shape="rect",
            size=(round(slice_w, 2), height),
            pin=ax.pin((i + 0.5) * slice_w, height / 2),
        )
    shaded.add_nodes_from(g.nodes(data=True))
    shaded.add_edges_from(g.edges(data=True))
    for i, cost in enumerate(costs):
        text(
            shaded,
            f"slice:{i}:label",
            f"Cost {cost}",
            (i + 0.5) * slice_w,
            20,
            role="text",
            note=f"Slice {i + 1}",
        )
    box = extent(shaded)
    text(
        shaded,
        "caption",
        "Each slice needs ~10x the compute and data of the one before (min 45–46); "
        "the curve is illustrative",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return shaded
