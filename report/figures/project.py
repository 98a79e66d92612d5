"""The project as a whole: its two years, its five resources, and ML-systems co-design."""

from __future__ import annotations

import networkx as nx

from diagrams_lib.kinds import axis as ax
from diagrams_lib.kinds import overlap, pyramid, timeline
from report.figures.common import TITLE, box_size, boxed, bracket, extent, figure, text


@figure("timeline")
def timeline_figure() -> nx.Graph:
    """Two years to launch: what the talk says above, the summary's phases below."""
    width = 820
    g = timeline(
        [
            {
                "label": "Project start",
                "start": -24,
                "end": -18,
                "role": "muted",
                "note": "Compute planning\nTeam assembly",
            },
            {
                "label": "Planning and de-risking",
                "start": -18,
                "end": -6,
                "role": "muted",
                "note": "Algorithmic research\nInfrastructure preparation\nDe-risking experiments",
            },
            {
                "label": "Full training run",
                "start": -6,
                "end": -1,
                "role": "muted",
                "note": "Full-scale training\nDebugging, optimizing\n24/7 operations",
            },
        ],
        title=TITLE,
        milestones=[{"label": "Launch", "at": 0}],
        axis_label="Months before launch (summary)",
        ticks=[(-24, "−24"), (-18, "−18"), (-12, "−12"), (-6, "−6"), (0, "0")],
        width=width,
    )
    x = ax.Scale(-24, 0, 0, width)
    lane = g.nodes["phase:0"]
    lane_top = -lane["pin"][1] - lane["size"][1] / 2
    after = x(0) + 28  # left edge of the column after launch, beyond the axis
    # The summary's release phase has no length, so it sits after launch as a box.
    w, _ = box_size(
        "Release, month 0", role="muted", width=170, note="Evaluation\nDeployment\nUser feedback"
    )
    boxed(
        g,
        "release",
        "Release, month 0",
        after + w / 2,
        -lane["pin"][1],
        role="muted",
        width=170,
        note="Evaluation\nDeployment\nUser feedback",
    )
    # Above the phases, what the talk says, on brackets built upward.
    line = lane_top - 24
    bracket(g, "planning", x(-18), x(-6) - 2, line, label="Planning bracket")
    bracket(g, "training", x(-6) + 2, x(-1), line, label="Training bracket")
    plan = "Planning began a year before training"
    ran = "Training took longer than hoped"
    ph = box_size(plan, role="confirmed", width=230, wrap=True)[1]
    tw, th = box_size(ran, role="confirmed", width=w, wrap=True)
    boxed(
        g,
        "planning:label",
        plan,
        x(-12),
        line - 10 - ph / 2,
        role="confirmed",
        width=230,
        wrap=True,
    )
    boxed(
        g,
        "training:label",
        ran,
        x(-1) + 10 - tw / 2,
        line - 10 - th / 2,
        role="confirmed",
        width=w,
        wrap=True,
    )
    top = line - 10 - max(ph, th) - 22
    bracket(g, "project", x(-24), x(0), top, label="Project bracket")
    two = "About two years from start to launch"
    h = box_size(two, role="confirmed", width=0)[1]
    boxed(g, "project:label", two, x(-12), top - 10 - h / 2, role="confirmed", width=0)
    liked = "Users liked it more than expected"
    lw, lh = box_size(liked, role="confirmed", width=w, wrap=True)
    boxed(
        g, "liked", liked, after + lw / 2, line - 10 - lh / 2, role="confirmed", width=w, wrap=True
    )
    box = extent(g)
    text(
        g,
        "footnote",
        "Talk: min 0, 1, 5, 19. Phases and months: the written summary",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return g


@figure("resources")
def resources() -> nx.Graph:
    """Five resources stacked from compute at the base to data, now the limit, on top."""
    g = pyramid(
        [
            {
                "label": "Compute (GPUs)",
                "role": "resource",
                "note": "More than one cluster could hold (min 10)",
            },
            {
                "label": "Infrastructure",
                "role": "resource",
                "note": "A new software stack to run across clusters (min 10)",
            },
            {
                "label": "People",
                "role": "resource",
                "note": "Hundreds; almost all of OpenAI at some point (min 6)",
            },
            {
                "label": "Time",
                "role": "resource",
                "note": "Two years, start to launch (min 1, 5, 19)",
            },
            {
                "label": "Data",
                "role": "constraint",
                "note": "Now the limit, for some of the data (min 14)",
            },
        ],
        title=TITLE,
        width=420,
        notes="right",
    )
    # Under the base (pins grow upward from 0 there; plot points grow down), what only the
    # written summary says about these resources.
    box = extent(g)
    gpus = "“Hundreds of thousands of GPUs”"
    gpu_note = "Summary only: the talk gives no GPU count"
    quote = "“A lot of people, and a lot of time, and a lot of compute”"
    quote_note = "Paino, as the summary quotes him"
    (gw, gh), (qw, qh) = (
        box_size(gpus, role="muted", width=300, note=gpu_note, wrap=True),
        box_size(quote, role="muted", width=300, note=quote_note, wrap=True),
    )
    y = box.bottom + 24 + max(gh, qh) / 2
    boxed(g, "gpus", gpus, box.left + gw / 2, y, role="muted", width=300, note=gpu_note, wrap=True)
    boxed(
        g,
        "quote",
        quote,
        box.left + gw + 24 + qw / 2,
        y,
        role="muted",
        width=300,
        note=quote_note,
        wrap=True,
    )
    return g


@figure("codesign")
def codesign() -> nx.Graph:
    """Machine learning and systems engineering, with the co-design items they share."""
    ml, systems = "Machine learning", "Systems engineering"
    g = overlap(
        {
            ml: [
                "Model architecture",
                "Training algorithms",
                "Data processing",
                "Loss functions",
                "Optimization methods",
            ],
            systems: [
                "Compute infrastructure",
                "Networking fabric",
                "Memory management",
                "Fault tolerance",
                "Cluster orchestration",
            ],
        },
        shared={
            (ml, systems): [
                "Parallelization strategies",
                "Checkpoint management",
                "Memory optimization",
                "Training efficiency",
            ]
        },
        title=TITLE,
    )
    # Both circles in the one solid style: in these figures a dashed outline means
    # "only in the written summary", and this whole figure is the summary's.
    g.nodes["set:1"]["role"] = g.nodes["set:0"]["role"]
    (x0, _), (x1, _) = g.nodes["set:0"]["pin"], g.nodes["set:1"]["pin"]
    r = g.nodes["set:0"]["size"][0] / 2
    half = (x1 - x0) / 2
    lens = (r * r - half * half) ** 0.5  # the lens's lowest point, below the centres
    label = text(g, "shared", "Co-design: decided together", (x0 + x1) / 2, r + 30, role="text")
    ax.add_rule(
        g,
        "shared:guide",
        ((x0 + x1) / 2, label.top - 2),
        ((x0 + x1) / 2, lens + 2),
        role="guide",
        label="Co-design: the overlap",
    )
    text(
        g,
        "footnote",
        "Items as the written summary drew them (summary)",
        x0 - r,
        label.bottom + 16,
        align="left",
    )
    return g
