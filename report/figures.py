"""The report's figures: one function per figure, each returning a networkx graph.

``report.build`` sets each graph's title and description from ``figures.toml`` and
renders it; the ``content`` entry of that file is the spec each function follows.
Illustrative charts say so on the figure itself.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import networkx as nx

from diagrams_lib.kinds import axis as ax
from diagrams_lib.kinds.chart import chart
from diagrams_lib.kinds.dependencies import dependencies
from diagrams_lib.kinds.flow import flow
from diagrams_lib.kinds.mindmap import mindmap
from diagrams_lib.kinds.overlap import overlap
from diagrams_lib.kinds.pyramid import pyramid
from diagrams_lib.kinds.timeline import timeline
from diagrams_lib.kinds.tree import tree
from diagrams_lib.shapes import MIN_H, PAD_X, PAD_Y
from diagrams_lib.size import NOTE_GAP
from diagrams_lib.text import LINE_HEIGHT, measure_block
from diagrams_lib.theme import LIGHT

__all__ = ["FIGURES"]

# Figure name (as in figures.toml) -> function returning its graph, in the order of
# figures.toml; each function below registers itself with @_figure.
FIGURES: dict[str, Callable[[], nx.Graph]] = {}

# The build replaces every title; the kinds only need a non-empty one meanwhile.
_TITLE = "figure"


def _figure(name: str) -> Callable[[Callable[[], nx.Graph]], Callable[[], nx.Graph]]:
    """Register a figure function under its name in figures.toml."""

    def register(func: Callable[[], nx.Graph]) -> Callable[[], nx.Graph]:
        FIGURES[name] = func
        return func

    return register


@_figure("timeline")
def timeline_figure() -> nx.Graph:
    """Two years to launch: what the talk confirms above, the summary's phases below."""
    # The timeline kind draws the summary's phases, the axis and the launch; the confirmed
    # band is added above its lanes (which start at y = 0), on the same scale.
    width = 800
    g = timeline(
        [
            {
                "label": "Project start (−24)",
                "start": -24,
                "end": -18,
                "role": "muted",
                "note": "Compute planning\nTeam assembly",
            },
            {
                "label": "Planning & de-risking (−18 to −6)",
                "start": -18,
                "end": -6,
                "role": "muted",
                "note": "Algorithmic research\nInfrastructure preparation\nDe-risking experiments",
            },
            {
                "label": "Full training run (−6 to −1)",
                "start": -6,
                "end": -1,
                "role": "muted",
                "note": "Full-scale training\nDebug & optimize\n24/7 operations",
            },
            {
                "label": "GPT-4.5 release (0)",
                "start": 0,
                "end": 0,
                "role": "muted",
                "note": "Evaluation\nDeployment\nUser feedback",
            },
        ],
        title=_TITLE,
        milestones=[{"label": "Launch: liked more than expected", "at": 0}],
        axis_label="Months before launch (per the summary)",
        ticks=[(-24, "−24"), (-18, "−18"), (-12, "−12"), (-6, "−6"), (0, "0 (launch)")],
        width=width,
    )
    x = ax.Scale(-24, 0, 0, width)
    # The launch label ends at the axis instead of running past it.
    launch = g.nodes["milestone:0:label"]
    launch.update(align="right", pin=(round(x(0) + 4 - launch["size"][0] / 2, 2), launch["pin"][1]))
    _text(g, "band:summary", "Phases per the summary", 0, -16, align="left")
    # The confirmed band, built upward from the summary band's title.
    torch = -6 + 0.4 * 5  # about 40% into the training phase
    _boxed(
        g,
        "torch",
        "torch.sum bug fixed, ~40% in",
        x(torch),
        0,
        role="open",
        width=270,
        note="partly confirmed",
    )
    w, h = g.nodes["torch"]["size"]
    g.nodes["torch"]["pin"] = ax.pin(min(x(torch), x(0) - w / 2), -34 - h / 2)
    line_b = -34 - h - 12
    _bracket(g, "planning", x(-18), x(-6) - 2, line_b, label="Planning bracket")
    _bracket(g, "training", x(-6) + 2, x(-1), line_b, label="Training bracket")
    g.add_node(
        "torch:marker",
        label="torch.sum bug fixed",
        role="open",
        shape="diamond-point",
        size=(14, 14),
        pin=ax.pin(x(torch), line_b),
    )
    note = "position approximate: the talk gives no months"
    h = ax.text_box_size("Planning began ~1 year before training", note=note)[1]
    box = _text(
        g,
        "planning:label",
        "Planning began ~1 year before training",
        x(-12),
        line_b - 10 - h / 2,
        role="text",
        note=note,
    )
    h = ax.text_box_size("Training took longer than hoped")[1]
    _text(
        g,
        "training:label",
        "Training took longer than hoped",
        x(-3.5),
        line_b - 10 - h / 2,
        role="text",
    )
    line_a = box.top - 10
    _bracket(g, "project", x(-24), x(0), line_a, label="Project bracket")
    box = _text(
        g, "project:label", "About 2 years, start to launch", x(-12), line_a - 14, role="text"
    )
    _text(g, "band:confirmed", "Confirmed by the talk", 0, box.top - 14, align="left")
    box = _extent(g)
    _text(
        g,
        "footnote",
        "Months per the summary; only the shape is confirmed",
        box.left,
        box.bottom + 12,
        align="left",
    )
    return g


@_figure("resource-pyramid")
def resource_pyramid() -> nx.Graph:
    """Five resources stacked from compute at the base to data, the constraint, at the top."""
    g = pyramid(
        [
            {
                "label": "Compute (GPUs)",
                "role": "resource",
                "note": "No GPU count given; spread over several clusters",
            },
            {
                "label": "Infrastructure",
                "role": "resource",
                "note": "New multi-cluster software stack needed",
            },
            {
                "label": "Technical expertise",
                "role": "resource",
                "note": "Hundreds of people, almost all of OpenAI (Altman)",
            },
            {
                "label": "Time",
                "role": "resource",
                "note": "~2 years; planning ~1 year before training",
            },
            {
                "label": "Data",
                "role": "constraint",
                "note": "The limit for some aspects with GPT-4.5",
            },
        ],
        title=_TITLE,
        notes="right",
    )
    width = g.nodes["tier:0"]["size"][0]
    # Pyramid pins grow upward (the base's bottom edge is at 0); _text takes y growing down.
    _text(g, "correction", "Summary’s ‘hundreds of thousands of GPUs’: not confirmed", 0, 16)
    top = g.nodes["tier:4"]["pin"][1]
    _text(
        g,
        "quote",
        "“A lot of people, and a lot of time, and a lot of compute.”",
        -width / 2,
        -top,
        role="text",
        align="left",
        wrap=190,
        note="Alex Paino, as quoted in the summary",
    )
    return g


@_figure("resource-dependencies")
def resource_dependencies() -> nx.Graph:
    """What each resource is needed for, with data as the binding constraint."""
    people, time, infra = "People and expertise", "Time", "Infrastructure"
    compute, data, algos, model = (
        "Compute (GPUs)",
        "Data",
        "Algorithms / data efficiency",
        "Better model",
    )
    g = dependencies(
        {
            time: [],
            people: [time],
            infra: [people],
            compute: [infra],
            algos: [people],
            data: [algos],
            model: [compute, data],
        },
        title=_TITLE,
        binding=data,
        direction="TB",
    )
    styles = {
        people: ("resource", "Hundreds of people"),
        time: ("resource", "~2 years incl. ~1 year of planning"),
        infra: ("resource", "Networks, storage, multi-cluster stack"),
        compute: ("resource", None),
        data: ("constraint", "Binding constraint for some aspects (talk)"),
        algos: ("process", "Selsam: next 10-100x needs it"),
        model: ("end", "Lower loss, more intelligence"),
    }
    for key, (role, note) in styles.items():
        g.nodes[key]["role"] = role
        if note:
            g.nodes[key]["note"] = note
        else:
            g.nodes[key].pop("note", None)
    _widen(g, time, 240)
    _widen(g, algos, 230)
    labels = {
        (time, people): ("planning, building, training", None),
        (people, infra): ("build and run", None),
        (people, algos): ("research", None),
        (infra, compute): ("makes GPUs work as one", None),
        (compute, model): ("pays off only with enough data", None),
        (data, model): ("binding: limits the gains", "critical"),
        (algos, data): ("get more from each example", None),
    }
    for edge, (label, role) in labels.items():
        g.edges[edge]["label"] = label
        if role:
            g.edges[edge]["role"] = role
    g.add_node("legend", label="Arrow: A is needed for B", role="caption", shape="text")
    return g


@_figure("codesign")
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
        title=_TITLE,
    )
    (x0, _), (x1, _) = g.nodes["set:0"]["pin"], g.nodes["set:1"]["pin"]
    r = g.nodes["set:0"]["size"][0] / 2
    half = (x1 - x0) / 2
    lens = math.sqrt(r * r - half * half)  # the lens's lowest point, below the centres
    box = _text(g, "shared", "Co-design (shared)", (x0 + x1) / 2, r + 30, role="text")
    # A highlighted pill: the overlap is where the two sides must decide together.
    w = g.nodes["shared"]["size"][0]
    g.nodes["shared"].update(role="highlight", shape="pill", size=(w + 2 * PAD_X + 19, 38))
    box = ax.Box(box.left, box.top - 8, box.right, box.bottom + 8)
    ax.add_rule(
        g,
        "shared:guide",
        ((x0 + x1) / 2, box.top - 2),
        ((x0 + x1) / 2, lens + 2),
        role="guide",
        label="Co-design: the overlap",
    )
    _text(
        g,
        "footnote",
        "Items follow the figure in the written summary",
        x0 - r,
        box.bottom + 16,
        align="left",
    )
    return g


@_figure("rare-failures")
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
        ("10k", "~1%: about 1 per 100 steps"),
        ("100k", "~10%: about 1 per 10 steps"),
        ("1M", "63%: a fault on most steps"),
        ("10M", "~100%: Altman's 10M-GPU question"),
    ]
    g = chart(
        {"Chance of a fault per step": points},
        title=_TITLE,
        x_label="Number of GPUs in lockstep (log scale)",
        y_label="Chance of at least one fault per step",
        y_ticks=[(v, f"{v}%") for v in (0, 25, 50, 75, 100)],
        marks=[{"x": x, "y": value[x], "note": note} for x, note in notes],
        width=600,
        height=300,
    )
    # The one real rate from the talk: a box off the curve, not a point of the model.
    _boxed(
        g,
        "real",
        "Real run: torch.sum bug",
        130,
        37.5,
        role="confirmed",
        width=240,
        note="~1 per 100-1,000 steps (talk)",
    )
    box = _extent(g)
    _text(
        g,
        "caption",
        "Assumes a 1-in-a-million fault per GPU step (illustrative)",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return g


@_figure("torch-sum-tree")
def torch_sum_tree() -> nx.Graph:
    """From many symptoms, through a vote, to the one unlikely cause and its fix."""
    fix = {
        "label": "Fix clears all open issues at once",
        "role": "end",
        "note": "Part-way, ~40% into the run\n(partly confirmed)",
        "edge": "found and fixed",
    }
    effect = {
        "label": "Illegal memory access",
        "outcome": "confirmed",
        "note": "~1 per 100-1,000 steps\nat full scale (talk)",
        "edge": "triggers",
        "children": [fix],
    }
    cause = {
        "label": "torch.sum in upstream PyTorch",
        "outcome": "confirmed",
        "note": "Rare, data-dependent\ncode path",
        "edge": "root cause",
        "children": [effect],
    }
    ruled = [
        {"label": label, "outcome": "ruled_out", "note": "not the cause"}
        for label in ("Hardware faults", "Data corruption", "Bugs in OpenAI's own code")
    ]
    vote = {
        "label": "Team vote on the likely cause",
        "role": "process",
        "note": "True cause got the fewest votes (talk)",
        "edge": "many teams, many hypotheses",
        "children": [
            *ruled,
            {
                "label": "Bug in an external library",
                "outcome": "confirmed",
                "note": "Fewest votes - and correct",
                "children": [cause],
            },
        ],
    }
    root = {
        "label": "Crashes and correctness errors",
        "note": "Different symptoms,\nhard to reproduce small",
        "children": [vote],
    }
    g = tree(root, title=_TITLE)
    for key in ("t0.0", "t0.0.3.0.0"):
        _widen(g, key, 250)  # the vote and the effect: label and note on fewer lines
    g.add_node(
        "side",
        label="Most team kernels are Triton; this one was PyTorch's",
        role="caption",
        shape="text",
    )
    g.add_edge("side", "t0.0.3.0", role="relation", dot={"minlen": "0"})
    g.add_node(
        "footnote",
        label="Hypotheses per the summary; vote, cause, fix per the talk",
        role="caption",
        shape="text",
    )
    return g


@_figure("bottleneck-shift")
def bottleneck_shift() -> nx.Graph:
    """Compute and data constraints across model generations, crossing at GPT-4.5."""
    gens = ["GPT-2", "GPT-3", "GPT-4", "GPT-4.5", "Future"]
    g = chart(
        {
            "Compute constraint": list(zip(gens, (9, 9, 8.5, 5, 3), strict=True)),
            "Data constraint": list(zip(gens, (1, 2, 3.5, 5, 8), strict=True)),
        },
        title=_TITLE,
        x_label="Model generation",
        y_label="How tightly it limits progress",
        y_ticks=[(0, "low"), (10, "high")],
        marks=[
            {"x": "GPT-4", "y": 8.5, "note": "Compute-constrained\nthrough GPT-4 (talk)"},
            {
                "x": "GPT-4.5",
                "y": 5,
                "note": "Bottleneck transition point\nData-bound for some aspects (talk)",
            },
            {"x": "Future", "y": 8, "note": "Selsam: next 10-100x\nneeds data efficiency"},
        ],
        width=600,
        height=280,
    )
    box = _extent(g)
    _text(
        g,
        "caption",
        "Illustrative: direction from the talk, heights made up",
        box.left,
        box.bottom + 14,
        align="left",
    )
    _text(
        g,
        "footnote",
        "GPT-2 and GPT-3 points follow the summary's figure",
        box.left,
        box.bottom + 36,
        align="left",
    )
    return g


@_figure("long-tail")
def long_tail() -> nx.Graph:
    """Four slices of concepts, each needing about ten times the one before (illustrative)."""
    # The chart kind has no log scale for bars, so each bar is drawn one decade taller
    # than the last (height: log10 of the value, plus one) and the ticks name the values.
    slices = ["Slice 1: common", "Slice 2", "Slice 3", "Slice 4: rare"]
    values = [1, 10, 100, 1000]
    g = chart(
        {
            "Relative cost": [
                (name, math.log10(v) + 1) for name, v in zip(slices, values, strict=True)
            ]
        },
        title=_TITLE,
        kind="bar",
        x_label="Slices of concepts, common to rare",
        y_label="Relative compute and data needed (log)",
        y_ticks=[(i + 1, f"{v:,}") for i, v in enumerate(values)],
        width=600,  # bars wide enough for "1,000x" on one line
        height=300,
    )
    g = _directed(g)  # so the steps between bars can carry arrowheads
    bars = [g.nodes[f"bar:0:{i}"] for i in range(len(values))]
    for bar, v in zip(bars, values, strict=True):
        # Drawn on the bar; it also replaces the kind's name for it, which holds the
        # drawn height (1 to 4), not the value.
        bar.update(label=f"{v:,}x", hide_label=False)
    for i, (a, b) in enumerate(itertools.pairwise(bars)):
        # From just right of one bar's top to just left of the next one's, a decade up.
        (ax0, ay0), (aw, ah) = a["pin"], a["size"]
        (bx0, by0), (bw, bh) = b["pin"], b["size"]
        start = (ax0 + aw / 2 + 4, -(ay0 + ah / 2) - 4)
        end = (bx0 - bw / 2 - 4, -(by0 + bh / 2) + 6)
        ax.add_anchor(g, f"step:{i}:from", *start, label=f"{values[i]:,}x")
        ax.add_anchor(g, f"step:{i}:to", *end, label=f"{values[i + 1]:,}x")
        g.add_edge(f"step:{i}:from", f"step:{i}:to", role="highlight")
        _text(
            g,
            f"step:{i}:label",
            "~10x (talk)",
            start[0] - 8,
            (start[1] + end[1]) / 2,
            role="text",
            align="right",
        )
    box = _extent(g)
    _text(
        g,
        "caption",
        "Illustrative: only the ~10x step per slice is from the talk",
        box.left,
        box.bottom + 14,
        align="left",
    )
    return g


@_figure("future-directions")
def future_directions() -> nx.Graph:
    """Five directions for frontier training, each marked by its source."""
    # Only branches whose notes mix sources tag each note; the branch style and the
    # legend say where the others come from.
    branches = [
        (
            "Data efficiency",
            "confirmed",
            "Toward human-level learning (summary)\nSelsam: next 10-100x needs it (talk)",
        ),
        ("Algorithmic innovation", "process", "Better use of limited training data"),
        (
            "Fault tolerance",
            "confirmed",
            "Graceful handling of failures (summary)\nTalk: the next big systems need",
        ),
        ("Systems co-design", "process", "Closer ML-systems integration"),
        ("New ways to organize training", "confirmed", "Semi-synchronous or decentralized"),
    ]
    g = mindmap("Future frontier AI", [(label, []) for label, _, _ in branches], title=_TITLE)
    for i, (_, role, note) in enumerate(branches):
        g.nodes[f"b{i}"].update(role=role, note=note)
        _widen(g, f"b{i}", 280 if i < 3 else 260)
    legend = "Green, with a check mark: backed by the talk\nBlue: per the summary only"
    g.add_node("legend", label=legend, role="caption", shape="text", size=ax.text_box_size(legend))
    return g


@_figure("ten-million-gpus")
def ten_million_gpus() -> nx.Graph:
    """Altman's 10-million-GPU question and the three speakers' answers."""
    answers = [
        (
            "paino",
            "Alex Paino, ML lead",
            "Yes, but totally different",
            "May not be pre-training at all",
        ),
        (
            "amin",
            "Amin Tootoonchian, systems",
            "Must be semi-synchronous",
            "Groups in step;\nlooser between groups",
        ),
        (
            "selsam",
            "Daniel Selsam, algorithms",
            "More decentralized",
            "Loosely linked parts,\nless central control",
        ),
    ]
    steps = [
        (
            "question",
            {
                "label": "Ever one job on 10M+ GPUs?",
                "role": "decision",
                "shape": "round",
                "note": "Altman: a synchronous pre-training job,\n10M or more GPUs",
            },
        )
    ]
    steps += [(key, {"label": label, "note": note}) for key, _, label, note in answers]
    steps.append(("shared", {"label": "Shared view: lockstep must change", "role": "highlight"}))
    edges = [("question", key, {"label": speaker}) for key, speaker, _, _ in answers]
    edges += [(key, "shared") for key, *_ in answers]
    g = flow(steps, edges, title=_TITLE, direction="TB")
    for key, width in (
        ("question", 330),
        ("paino", 220),
        ("amin", 220),
        ("selsam", 220),
        ("shared", 300),
    ):
        _widen(g, key, width)
    tallest = max(g.nodes[key]["size"][1] for key, *_ in answers)
    for key, *_ in answers:  # cards of one height read as a row
        g.nodes[key]["size"] = (g.nodes[key]["size"][0], tallest)
    return g


# Helpers: pinned text, boxes and brackets added to a kind's graph.


def _text(
    g: nx.Graph,
    key: str,
    text: str,
    x: float,
    y: float,
    *,
    role: str = "caption",
    note: str | None = None,
    align: str = "center",
    wrap: float = 10_000.0,
) -> ax.Box:
    """Add a pinned text node at plot point (x, y), y growing down; return its box."""
    return ax.add_text(g, key, text, x, y, role=role, note=note, align=align, max_width=wrap)


def _widen(g: nx.Graph, key: str, width: float) -> None:
    """Give a boxed node a fixed width (at least its label's, on one line) and the height
    its label and note need there, so a note wraps less than at the default label width."""
    data = g.nodes[key]
    theme = LIGHT
    style = theme.node_style(data.get("role"))
    text = (f"{style.marker} " if style.marker else "") + data["label"]
    one_line = measure_block(text, max_width=10_000, size=theme.font_size, bold=True).width
    width = max(width, math.ceil(one_line + 2 * PAD_X + 2))
    inner = width - 2 * PAD_X
    label = measure_block(
        text, max_width=inner, size=theme.font_size, bold=True, line_height=LINE_HEIGHT
    )
    height = label.height
    if data.get("note"):
        note = measure_block(
            data["note"],
            max_width=max(inner, label.width),
            size=theme.note_size,
            line_height=LINE_HEIGHT,
        )
        height += NOTE_GAP + note.height
    data["size"] = (width, max(MIN_H, math.ceil(height + 2 * PAD_Y)))


def _extent(g: nx.Graph) -> ax.Box:
    """The box around every pinned node of ``g``, in plot px (y growing down)."""
    boxes = []
    for _, data in g.nodes(data=True):
        x, y = data["pin"][0], -data["pin"][1]
        w, h = data.get("size") or (0.0, 0.0)
        boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    return ax.Box(
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _directed(g: nx.Graph) -> nx.DiGraph:
    """The same pinned graph as a DiGraph, each edge once, so new edges can have arrows.

    The chart kind returns an undirected graph; its own edges (axes, ticks, gridlines)
    have arrowless roles, so their direction does not show.
    """
    out = nx.DiGraph(**g.graph)
    out.add_nodes_from(g.nodes(data=True))
    out.add_edges_from(g.edges(data=True))
    return out


def _boxed(
    g: nx.Graph,
    key: str,
    label: str,
    x: float,
    y: float,
    *,
    role: str,
    width: float,
    note: str | None = None,
) -> None:
    """Add a pinned, boxed node of ``width`` px centred at plot point (x, y), y down."""
    g.add_node(
        key,
        label=label,
        role=role,
        shape="round",
        pin=ax.pin(x, y),
        **({"note": note} if note else {}),
    )
    _widen(g, key, width)


def _bracket(g: nx.Graph, key: str, x0: float, x1: float, y: float, *, label: str) -> None:
    """A horizontal bracket from x0 to x1 at y (plot px, y down), ends turned down."""
    ax.add_rule(g, key, (x0, y), (x1, y), role="axis", label=label)
    for end, x in (("left", x0), ("right", x1)):
        ax.add_rule(g, f"{key}:{end}", (x, y), (x, y + 7), role="axis", label=f"{label} ({end})")
