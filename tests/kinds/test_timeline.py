"""Tests for the timeline kind: validation, lanes, proportional bars, milestones, golden."""

from __future__ import annotations

import datetime as dt
import math
import re

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.kinds.timeline import example, timeline


def _phase(label, start, end, **extra):
    return {"label": label, "start": start, "end": end, **extra}


def _box(data):
    (x, y), (w, h) = data["pin"], data["size"]
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _tick_labels(g):
    keys = sorted(
        (k for k in g if re.fullmatch(r"tick:\d+:label", k)), key=lambda k: int(k.split(":")[1])
    )
    return [g.nodes[k]["label"] for k in keys]


# -- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phases", "options", "error", "words"),
    [
        ([_phase("Training", 5, 3)], {}, dl.ValidationError, ["'Training'", "(3)", "(5)"]),
        ([], {}, dl.ValidationError, ["at least one phase"]),
        (
            [_phase("a", 0, 1), {"start": 1, "end": 2}],
            {},
            dl.ValidationError,
            ["phase 1 has no label"],
        ),
        ([_phase("Build", "2024-01", 3)], {}, dl.DiagramTypeError, ["'Build' start", "2024-01"]),
        ([_phase("Build", 0, math.nan)], {}, dl.ValidationError, ["'Build' end", "nan"]),
        ([_phase("Build", 0, True)], {}, dl.DiagramTypeError, ["'Build' end"]),
        ([{"label": "Build", "start": 0}], {}, dl.ValidationError, ["'Build'", "'end'"]),
        ([_phase("a", 0, 1, colour="red")], {}, dl.ValidationError, ["'colour'", "label"]),
        ("abc", {}, dl.DiagramTypeError, ["list"]),
        (
            [_phase("a", 0, 1)],
            {"milestones": [{"label": "Ship", "at": "soon"}]},
            dl.DiagramTypeError,
            ["'Ship'", "soon"],
        ),
        (
            [_phase("a", 0, 1)],
            {"milestones": [{"at": 1}]},
            dl.ValidationError,
            ["milestone 0 has no label"],
        ),
        ([_phase("a", 0, 1)], {"ticks": []}, dl.ValidationError, ["ticks"]),
        ([_phase("a", 0, 1)], {"title": ""}, dl.ValidationError, ["title"]),
        ([_phase("a", 0, 1)], {"width": 50}, dl.ValidationError, ["width", "50"]),
    ],
)
def test_invalid_input_names_the_culprit(phases, options, error, words):
    options = {"title": "T", **options}
    with pytest.raises(error) as info:
        timeline(phases, **options)
    for word in words:
        assert word in str(info.value)


# -- structure --------------------------------------------------------------------------


def test_every_node_is_pinned_and_the_graph_is_a_timeline():
    g = example()
    assert g.graph["kind"] == "timeline"
    assert all("pin" in data for _, data in g.nodes(data=True))
    assert "Launch at 0" in g.graph["description"]


def test_bars_are_proportional_to_duration():
    g = timeline([_phase("a", 0, 2), _phase("b", 2, 8)], title="T")
    wa, wb = g.nodes["phase:0"]["size"][0], g.nodes["phase:1"]["size"][0]
    assert wb == pytest.approx(3 * wa)
    left_b = g.nodes["phase:1"]["pin"][0] - wb / 2
    right_a = g.nodes["phase:0"]["pin"][0] + wa / 2
    assert left_b == pytest.approx(right_a)


def test_overlapping_phases_get_their_own_lanes_in_input_order():
    g = timeline([_phase("a", 0, 6), _phase("b", 4, 10), _phase("c", 7, 12)], title="T", width=600)
    y = [g.nodes[f"phase:{i}"]["pin"][1] for i in range(3)]
    assert y[0] == y[2] != y[1]  # c fits back on the first lane
    assert y[0] > y[1]  # the first lane is on top (y grows up)


def test_label_inside_when_it_fits_beside_when_not():
    g = timeline(
        [_phase("Long enough bar", 0, 10), _phase("Tiny", 10, 10.2, note="x")],
        title="T",
        unit="days",
    )
    assert g.nodes["phase:0"]["label"] == "Long enough bar"
    assert "phase:0:label" not in g
    assert g.nodes["phase:1"]["label"] == ""
    beside = g.nodes["phase:1:label"]
    assert beside["label"] == "Tiny" and beside["note"] == "x"
    assert _box(beside)[0] > _box(g.nodes["phase:1"])[2]  # to the right of its bar


def test_wrapped_label_makes_the_bar_as_tall_as_the_renderer_needs():
    label = "Build the whole product, then test it with users"
    short = timeline([_phase("Build", 0, 3)], title="T", width=300)
    bar = timeline([_phase(label, 0, 3)], title="T", width=300).nodes["phase:0"]
    assert bar["label"] == label
    drawn = dl.measure_node(label, shape="rect", width=bar["size"][0])  # as render() wraps it
    assert len(drawn.label.lines) > 1 and bar["size"][1] == drawn.height
    assert bar["size"][1] > short.nodes["phase:0"]["size"][1]


def test_month_ticks_and_axis_label():
    g = example()
    assert _tick_labels(g) == ["−24", "−18", "−12", "−6", "0"]
    assert g.nodes["axis:label"]["label"] == "months before launch"
    assert timeline([_phase("a", 0, 1)], title="T").nodes["axis:label"]["label"] == "months"


def test_explicit_ticks_with_labels():
    g = timeline([_phase("a", 0, 6)], title="T", ticks=[0, 3, (6, "half year")], axis_label="")
    assert _tick_labels(g) == ["0", "3", "half year"]
    assert "axis:label" not in g


def test_milestones_are_diamonds_on_the_axis():
    g = example()
    axis_y = g.nodes["axis:from"]["pin"][1]
    for i in range(3):
        node = g.nodes[f"milestone:{i}"]
        assert (node["role"], node["shape"]) == ("milestone", "diamond-point")
        assert node["pin"][1] == axis_y
    launch = g.nodes["milestone:2"]["pin"][0]
    assert launch == pytest.approx(g.nodes["axis:to"]["pin"][0])  # at 0, the axis end


def test_a_milestone_outside_the_phases_extends_the_axis():
    g = timeline([_phase("a", 0, 6)], title="T", milestones=[{"label": "Review", "at": 9}])
    assert _tick_labels(g)[-1] in ("9", "10", "12")
    assert g.nodes["milestone:0"]["pin"][0] <= g.nodes["axis:to"]["pin"][0]


def test_crowded_milestone_labels_do_not_collide():
    g = timeline(
        [_phase("a", 0, 40)],
        title="T",
        unit="weeks",
        milestones=[
            {"label": n, "at": at}
            for n, at in [("Go/no-go", 13), ("Code freeze", 14), ("Review", 15)]
        ],
    )
    boxes = [_box(g.nodes[f"milestone:{i}:label"]) for i in range(3)]
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert any(d["role"] == "guide" for *_, d in g.edges(data=True))  # one label was raised


def test_text_never_overlaps_text_or_bars():
    g = example()
    texts = [_box(d) for _, d in g.nodes(data=True) if d.get("shape") == "text"]
    bars = [_box(g.nodes[k]) for k in g if re.fullmatch(r"phase:\d+", k)]
    for i, a in enumerate(texts):
        assert not any(_overlap(a, b) for b in texts[i + 1 :] + bars)


def test_build_is_deterministic():
    assert nx.utils.graphs_equal(example(), example())


def test_dates_get_a_date_axis_with_month_ticks():

    g = timeline(
        [
            {"label": "Design", "start": dt.date(2024, 1, 8), "end": dt.date(2024, 3, 29)},
            {"label": "Beta", "start": dt.datetime(2024, 5, 1, 9), "end": dt.date(2024, 9, 1)},
        ],
        title="Plan",
        milestones=[{"label": "Launch", "at": dt.date(2024, 10, 15)}],
    )
    ticks = [d["label"] for k, d in g.nodes(data=True) if k.endswith(":label") and "tick" in k]
    assert ticks == ["Jan 2024", "Mar", "May", "Jul", "Sep", "Nov"]
    assert "Design from 2024-01-08 to 2024-03-29" in g.graph["description"]
    assert "axis:label" not in g  # the dates say it all
    launch = g.nodes["milestone:0"]["pin"][0]
    nov, sep = (g.nodes[f"tick:{i}:label"]["pin"][0] for i in (5, 4))
    assert sep < launch < nov


def test_dates_span_years_get_year_ticks_and_numbers_do_not_mix_with_dates():

    g = timeline(
        [{"label": "Migration", "start": dt.date(2019, 5, 1), "end": dt.date(2026, 2, 1)}],
        title="Y",
    )
    ticks = [d["label"] for k, d in g.nodes(data=True) if k.endswith(":label") and "tick" in k]
    assert ticks == ["2018", "2020", "2022", "2024", "2026", "2028"]
    with pytest.raises(
        dl.ValidationError, match="phase 'b' end is 3, but the first phase starts at a date"
    ):
        timeline(
            [
                {"label": "a", "start": dt.date(2024, 1, 1), "end": dt.date(2024, 2, 1)},
                {"label": "b", "start": dt.date(2024, 1, 1), "end": 3},
            ],
            title="Mixed",
        )
