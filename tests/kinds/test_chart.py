"""Tests for the chart kind: validation, pinned geometry, legend, marks and a golden."""

from __future__ import annotations

import itertools
import math
import re

import pytest

import diagrams_lib as dl
from diagrams_lib.kinds._chart_names import COLUMN_CAP
from diagrams_lib.kinds.chart import chart, example, example_hbars

TWO = {"a": [(0, 1), (1, 3), (2, 2)], "b": [(0, 2), (1, 1), (2, 4)]}


def _boxes(g, *, shape="text"):
    """Text node boxes as (left, bottom, right, top) in Graphviz points (y up)."""
    out = {}
    for key, data in g.nodes(data=True):
        if data.get("shape") == shape:
            (x, y), (w, h) = data["pin"], data["size"]
            out[key] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _roles(g, role):
    return [k for k, d in g.nodes(data=True) if d.get("role") == role]


# -- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("series", "options", "error", "words"),
    [
        ({"loss": []}, {}, dl.ValidationError, ["'loss'", "empty"]),
        ({}, {}, dl.ValidationError, ["at least one series"]),
        ({"a": [(0, 1), (1, math.nan)]}, {}, dl.ValidationError, ["'a'", "point 1", "nan"]),
        ({"a": [(0, 1), (math.inf, 2)]}, {}, dl.ValidationError, ["'a'", "point 1", "inf"]),
        (
            {"a": [(0, 1)], "b": [("Q1", 2)]},
            {},
            dl.ValidationError,
            ["'b'", "point 0", "'Q1'", "series 'a' point 0"],
        ),
        ({str(i): [(0, i)] for i in range(9)}, {}, dl.ValidationError, ["at most 8", "'8'"]),
        (
            {"up": [(0, 1), (1, 0)]},
            {"log_y": True},
            dl.ValidationError,
            ["'up'", "point 1", "y = 0", "log"],
        ),
        ({"a": [(0, 1)]}, {"kind": "pie"}, dl.UnknownOptionError, ["'pie'", "line, bar"]),
        ({"a": [("x", 1)]}, {"kind": "bar", "log_y": True}, dl.ValidationError, ["bar"]),
        ({"a": [("x", 1), ("x", 2)]}, {}, dl.ValidationError, ["'a'", "'x' twice"]),
        ({"a": [(0, 1)]}, {"marks": [{"x": "nope", "y": 1}]}, dl.DiagramTypeError, ["mark 0", "x"]),
        (
            {"a": [("Q1", 1)]},
            {"marks": [{"x": "Q9", "y": 1, "note": "hi"}]},
            dl.ValidationError,
            ["'hi'", "'Q9'", "Q1"],
        ),
        ({"a": [(0, "3")]}, {}, dl.DiagramTypeError, ["'a'", "point 0 y"]),
        ({"a": [(0, 1, 2)]}, {}, dl.DiagramTypeError, ["'a'", "point 0", "pair"]),
        ([("a", [(0, 1)])], {}, dl.DiagramTypeError, ["dict"]),
        ({"a": [(0, 1)]}, {"title": " "}, dl.ValidationError, ["title"]),
        ({"a": [(0, 1)]}, {"width": 20}, dl.ValidationError, ["width", "20"]),
        ({"a": [("Q1", 1)]}, {"x_ticks": [0, 1]}, dl.ValidationError, ["x_ticks", "categories"]),
    ],
)
def test_invalid_input_names_the_culprit(series, options, error, words):
    options = {"title": "T", **options}
    with pytest.raises(error) as info:
        chart(series, **options)
    for word in words:
        assert word in str(info.value)


def test_errors_are_library_errors_and_builtins():
    with pytest.raises(ValueError):
        chart({"a": []}, title="T")
    with pytest.raises(dl.DiagramError):
        chart({"a": [(0, None)]}, title="T")


# -- structure --------------------------------------------------------------------------


def test_every_node_is_pinned_and_the_graph_is_a_chart():
    g = example()
    assert g.graph["kind"] == "chart" and g.graph["title"]
    assert all("pin" in data for _, data in g.nodes(data=True))
    assert not g.is_directed()


def test_points_and_segments_per_series():
    g = chart(TWO, title="T")
    assert [k for k in _roles(g, "series-1") if k.startswith("point:")] == [
        "point:0:0",
        "point:0:1",
        "point:0:2",
    ]
    segments = [
        (u, v) for u, v, d in g.edges(data=True) if d["role"] == "series-2" and "legend" not in u
    ]
    assert len(segments) == 2


def test_points_are_pinned_proportionally():
    g = chart({"a": [(0, 0), (5, 50), (10, 100)]}, title="T")
    xs = [g.nodes[f"point:0:{i}"]["pin"][0] for i in range(3)]
    ys = [g.nodes[f"point:0:{i}"]["pin"][1] for i in range(3)]
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])
    assert ys[1] - ys[0] == pytest.approx(ys[2] - ys[1]) and ys[2] > ys[0]  # y grows up


def test_ticks_are_round_and_cover_the_data():
    g = chart({"a": [(0, 3), (7, 47)]}, title="T")
    labels = [g.nodes[k]["label"] for k in g if re.fullmatch(r"tick:y:\d+:label", k)]
    assert labels == ["0", "10", "20", "30", "40", "50"]


def test_y_tick_labels_are_right_aligned_in_one_column():
    g = chart(TWO, title="T")
    rights = {round(b[2], 2) for k, b in _boxes(g).items() if k.startswith("tick:y:")}
    assert len(rights) == 1
    assert all(g.nodes[k]["align"] == "right" for k in g if re.fullmatch(r"tick:y:\d+:label", k))


def test_log_scale_has_decade_ticks_evenly_spaced():
    g = chart({"a": [(0, 3), (1, 450)]}, title="T", log_y=True)
    keys = sorted(
        (k for k in g if re.fullmatch(r"tick:y:\d+:label", k)), key=lambda k: int(k.split(":")[2])
    )
    assert [g.nodes[k]["label"] for k in keys] == ["1", "10", "100", "1000"]
    ys = [g.nodes[k]["pin"][1] for k in keys]
    assert len({round(b - a, 2) for a, b in itertools.pairwise(ys)}) == 1


def test_legend_only_with_several_series():
    assert "legend:1" in chart(TWO, title="T")
    assert not any(k.startswith("legend") for k in chart({"a": TWO["a"]}, title="T"))


def test_illustrative_caption_is_visible_text():
    g = chart(TWO, title="T", illustrative=True)
    assert g.nodes["caption"]["role"] == "caption"
    assert "Illustrative" in g.nodes["caption"]["label"]
    assert "Illustrative" in g.graph["description"]
    assert "caption" not in chart(TWO, title="T")


def test_mark_has_ring_note_and_guide():
    g = chart(TWO, title="T", marks=[{"x": 1, "y": 2, "note": "crossover"}])
    assert g.nodes["mark:0"]["role"] == "highlight"
    assert g.nodes["mark:0:note"]["label"] == "crossover"
    assert g.edges["mark:0", "mark:0:note"]["role"] == "guide"
    assert g.nodes["mark:0"]["pin"][0] == g.nodes["point:0:1"]["pin"][0]


def test_note_stays_clear_of_lines_and_text():
    g = example()
    note = _boxes(g)["mark:0:note"]
    others = [b for k, b in _boxes(g).items() if k != "mark:0:note"]
    assert not any(_overlap(note, b) for b in others)


def test_text_never_overlaps_text():
    for g in (
        example(),
        chart(TWO, title="T", kind="bar", x_label="x", y_label="y" * 40),
        chart({"a": [(x, x * x) for x in range(60)]}, title="T", log_y=False),
    ):
        boxes = list(_boxes(g).values())
        for i, a in enumerate(boxes):
            assert not any(_overlap(a, b) for b in boxes[i + 1 :])


def test_long_legend_wraps_above_the_axis_title_within_the_figure():
    names = ["A rather long series name", "Another long series name here", "Third", "Fourth"]
    g = chart(
        {n: [(0, i), (1, 3 - i)] for i, n in enumerate(names)},
        title="T",
        y_label="A fairly long y axis title",
    )
    boxes = _boxes(g)
    legend = [b for k, b in boxes.items() if k.startswith("legend:")]
    ticks = [b for k, b in boxes.items() if k.startswith("tick:y:")]
    assert min(b[0] for b in legend) >= min(b[0] for b in ticks)  # never left of the labels
    assert min(b[1] for b in legend) >= boxes["title:y"][3]  # above the y title
    assert len({round(b[1], 2) for b in legend}) == 2  # two rows
    everything = list(boxes.values())
    assert not any(_overlap(a, b) for i, a in enumerate(everything) for b in everything[i + 1 :])


def test_bar_chart_groups_bars_and_sizes_them_by_value():
    g = chart({"a": [("Q1", 10), ("Q2", 30)], "b": [("Q1", 20), ("Q2", 5)]}, title="T", kind="bar")
    heights = {
        k: g.nodes[k]["size"][1]
        for k in _roles(g, "bar-1") + _roles(g, "bar-2")
        if k.startswith("bar:")
    }
    assert heights["bar:0:1"] == pytest.approx(3 * heights["bar:0:0"])
    assert heights["bar:1:0"] == pytest.approx(4 * heights["bar:1:1"])
    assert all(g.nodes[k]["shape"] == "rect" for k in heights)
    # bars stand on one baseline
    bottoms = {round(g.nodes[k]["pin"][1] - g.nodes[k]["size"][1] / 2, 2) for k in heights}
    assert len(bottoms) == 1


def test_categories_keep_order_of_first_appearance():
    g = chart({"a": [("b", 1), ("a", 2)], "c": [("z", 1), ("a", 3)]}, title="T")
    labels = [g.nodes[f"tick:x:{i}:label"]["label"] for i in range(3)]
    assert labels == ["b", "a", "z"]


def test_axes_meet_exactly_at_the_corner():
    svg = dl.render(chart(TWO, title="T"))
    paths = dict(re.findall(r'data-source="(axis:[xy]):from"[^>]*>.*?d="M([\d.]+,[\d.]+)', svg))
    assert paths["axis:x"] == paths["axis:y"]


LANGS = ["Python", "JavaScript", "Kotlin", "Swift", "Go", "Rust", "TypeScript", "C++"]


def _langs(**options):
    values = {"2023": [50, 40, 12, 9, 14, 13, 30, 20], "2024": [55, 38, 11, 8, 15, 16, 34, 19]}
    series = {year: list(zip(LANGS, v, strict=True)) for year, v in values.items()}
    return chart(series, title="Languages", kind="bar", **options)


def test_category_labels_never_split_a_word_and_share_a_baseline():
    g = _langs()
    labels = {k: d for k, d in g.nodes(data=True) if k.startswith("tick:x:") and "label" in k}
    for i, name in enumerate(LANGS):
        data = labels[f"tick:x:{i}:label"]
        shown = data["label"]
        assert shown == name or (shown.endswith("…") and name.startswith(shown[:-1]))
        assert data.get("tooltip", shown) == name  # the full name stays in its <title>
    tops = {round(-d["pin"][1] - d["size"][1] / 2, 2) for d in labels.values()}
    assert len(tops) == 1  # all top-aligned: first lines on one baseline
    svg = dl.render(g)
    assert "<title>JavaScript</title>" in svg and "Pyt\n" not in svg


def test_long_category_names_wrap_at_spaces():
    g = chart(
        {"cost": [("Platform engineering", 3), ("Visualisation infrastructure", 2)]},
        title="T",
        kind="bar",
        width=300,
    )
    svg = dl.render(g)
    assert ">Visualisation</tspan>" in svg and ">infrastructure</tspan>" in svg


def test_value_labels_sit_above_grouped_bars_and_must_fit():
    g = _langs(value_labels=True)
    value = g.nodes["bar:1:0:value"]
    assert value["label"] == "55"
    bar = g.nodes["bar:1:0"]
    assert value["pin"][1] > bar["pin"][1] + bar["size"][1] / 2  # above the bar's top
    with pytest.raises(dl.ValidationError, match="value label '1,234,567' .* widen the chart"):
        chart(
            {"a": [("x", 1234567), ("y", 2)], "b": [("x", 1), ("y", 2)]},
            title="T",
            kind="bar",
            value_labels=True,
            width=120,
        )


def test_stacked_bars_stand_on_each_other_and_eight_series_are_allowed():
    series = {f"s{i}": [("a", 1 + i), ("b", 2)] for i in range(8)}
    g = chart(series, title="Stack", kind="bar", stacked=True)
    tops = [
        g.nodes[f"bar:{i}:0"]["pin"][1] + g.nodes[f"bar:{i}:0"]["size"][1] / 2 for i in range(8)
    ]
    bottoms = [
        g.nodes[f"bar:{i}:0"]["pin"][1] - g.nodes[f"bar:{i}:0"]["size"][1] / 2 for i in range(8)
    ]
    for below, above in zip(tops, bottoms[1:], strict=False):
        assert below == pytest.approx(above, abs=0.02)
    assert {g.nodes[f"bar:{i}:0"]["role"] for i in range(8)} == {f"bar-{i}" for i in range(1, 9)}
    assert g.graph["description"].startswith("Stacked bar chart")
    dl.render(g, theme="auto")
    with pytest.raises(dl.ValidationError, match="apply to bar charts"):
        chart({"a": [(0, 1), (1, 2)]}, title="T", stacked=True)


# -- horizontal bars ----------------------------------------------------------------------

TEAMS = [
    "Customer support and success",
    "Go",
    "Supercalifragilisticexpialidociousnessandthensome",
    "Finance and procurement operations across every region",
]


def _hbars(**options):
    values = {"2023": [32, 5, 12, -9], "2024": [41, -3, 15, 7]}
    series = {year: list(zip(TEAMS, v, strict=True)) for year, v in values.items()}
    return chart(series, title="Teams", kind="bar", horizontal=True, **options)


def _zero_x(g) -> float:
    """The x of the value axis' zero: where the category axis stands."""
    return g.nodes["axis:x:from"]["pin"][0]


def test_horizontal_names_are_whole_or_shortened_with_a_tooltip_right_aligned():
    for g in (_hbars(value_labels=True), _hbars(height=160)):
        labels = {k: g.nodes[f"tick:x:{k}:label"] for k in range(len(TEAMS))}
        for i, team in enumerate(TEAMS):
            shown = labels[i]["label"]
            assert shown == team or (shown.endswith("…") and team.startswith(shown[:-1]))
            assert labels[i].get("tooltip", shown) == team
            assert labels[i]["align"] == "right"
        boxes = _boxes(g)
        rights = {round(boxes[f"tick:x:{i}:label"][2], 2) for i in range(len(TEAMS))}
        plot_left = g.nodes["axis:y:from"]["pin"][0]
        assert len(rights) == 1 and rights.pop() < plot_left  # one column, left of the plot
        widths = [boxes[f"tick:x:{i}:label"][2] - boxes[f"tick:x:{i}:label"][0] for i in range(4)]
        assert max(widths) <= COLUMN_CAP + 4  # the text's box has 2 px each side
    short = chart({"a": [("Go", 1), ("Rust", 2)]}, title="T", kind="bar", horizontal=True)
    assert min(b[0] for b in _boxes(short).values()) > -60  # a narrow column for short names
    g = _hbars()
    assert g.nodes["tick:x:1:label"]["label"] == "Go"  # short names stay whole
    assert "tooltip" in g.nodes["tick:x:2:label"]  # a word too long for the column is cut
    svg = dl.render(g)
    assert f"<title>{TEAMS[2]}</title>" in svg
    assert ">Customer support and</tspan>" in svg  # wrapped at a space, never in a word
    # a given height too small for the names keeps the lines that fit, then "…"
    assert _hbars(height=160).nodes["tick:x:3:label"]["tooltip"] == TEAMS[3]


def test_horizontal_text_overlaps_no_text_and_no_bar():
    for g in (_hbars(value_labels=True, x_label="Team", y_label="Hours"), example_hbars()):
        texts, rects = list(_boxes(g).values()), list(_boxes(g, shape="rect").values())
        for i, a in enumerate(texts):
            assert not any(_overlap(a, b) for b in texts[i + 1 :])
            assert not any(_overlap(a, r) for r in rects)
        for theme in ("light", "dark"):
            dl.render(g, theme=theme)


def test_horizontal_bars_grow_right_from_zero_and_left_for_negatives():
    g = _hbars()
    zero, bars = _zero_x(g), _boxes(g, shape="rect")
    assert bars["bar:0:0"][0] == pytest.approx(zero, abs=0.01)  # 32 starts at zero
    assert bars["bar:0:3"][2] == pytest.approx(zero, abs=0.01)  # −9 ends at zero
    width = {k: b[2] - b[0] for k, b in bars.items()}
    assert width["bar:1:0"] == pytest.approx(41 / 32 * width["bar:0:0"], abs=0.05)
    assert width["bar:0:3"] == pytest.approx(9 / 32 * width["bar:0:0"], abs=0.05)
    # categories run down in order, the first series on top within its group
    tops = [bars[f"bar:0:{i}"][3] for i in range(len(TEAMS))]
    assert tops == sorted(tops, reverse=True)
    assert bars["bar:0:0"][1] >= bars["bar:1:0"][3]
    # the values run along the bottom, under the bars, with a gridline up from each tick
    value_labels = [b for k, b in _boxes(g).items() if k.startswith("tick:y:")]
    assert max(b[3] for b in value_labels) < min(b[1] for b in bars.values())
    grid = [k for k, d in g.nodes(data=True) if k.startswith("grid:y:") and k.endswith(":from")]
    assert grid and all(g.nodes[k]["pin"][0] == g.nodes[k[:-4] + "to"]["pin"][0] for k in grid)
    assert g.graph["description"].startswith("Horizontal bar chart")


def test_horizontal_stacked_segments_add_up_along_x():
    series = {
        "a": [("North region", 10), ("South", -4)],
        "b": [("North region", 20), ("South", 6)],
        "c": [("North region", 5), ("South", -8)],
    }
    g = chart(series, title="Stack", kind="bar", horizontal=True, stacked=True, value_labels=True)
    bars, zero = _boxes(g, shape="rect"), _zero_x(g)
    a, b, c = (bars[f"bar:{s}:0"] for s in range(3))
    assert a[0] == pytest.approx(zero, abs=0.01)
    assert b[0] == pytest.approx(a[2], abs=0.02) and c[0] == pytest.approx(b[2], abs=0.02)
    per_unit = (a[2] - a[0]) / 10
    assert c[2] - zero == pytest.approx(35 * per_unit, abs=0.05)  # 10 + 20 + 5
    south = [bars[f"bar:{s}:1"] for s in range(3)]  # −4 and −8 stack left, 6 goes right
    assert south[0][2] == pytest.approx(zero, abs=0.01)
    assert south[2][2] == pytest.approx(south[0][0], abs=0.02)
    assert south[1][0] == pytest.approx(zero, abs=0.01)
    assert len({round(box[1], 2) for box in (a, b, c)}) == 1  # one row
    value = _boxes(g)["bar:1:0:value"]  # written inside its segment, in its colours
    assert b[0] <= value[0] and value[2] <= b[2] and g.nodes["bar:1:0:value"]["role"] == "bar-2"
    assert g.graph["description"].startswith("Horizontal stacked bar chart")


def test_horizontal_value_labels_sit_past_the_bar_ends():
    g = _hbars(value_labels=True)
    bars, texts = _boxes(g, shape="rect"), _boxes(g)
    for key, label in (("bar:1:0", "41"), ("bar:0:3", "−9")):
        bar, value = bars[key], texts[f"{key}:value"]
        assert g.nodes[f"{key}:value"]["label"] == label
        assert (value[1] + value[3]) / 2 == pytest.approx((bar[1] + bar[3]) / 2, abs=0.01)
    assert 0 < texts["bar:1:0:value"][0] - bars["bar:1:0"][2] <= 3  # right of a positive bar
    assert 0 < bars["bar:0:3"][0] - texts["bar:0:3:value"][2] <= 3  # left of a negative one


def test_horizontal_mark_rings_the_end_of_its_bar():
    g = _hbars(marks=[{"x": TEAMS[0], "y": 41, "note": "most"}])
    (x, y), bar = g.nodes["mark:0"]["pin"], _boxes(g, shape="rect")["bar:1:0"]
    assert x == pytest.approx(bar[2], abs=0.01) and y == pytest.approx((bar[1] + bar[3]) / 2)
    note = _boxes(g)["mark:0:note"]
    assert not any(_overlap(note, b) for k, b in _boxes(g).items() if k != "mark:0:note")


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"kind": "line", "horizontal": True}, dl.ValidationError, ["horizontal", "bar charts"]),
        ({"horizontal": "yes"}, dl.DiagramTypeError, ["horizontal", "True or False"]),
        ({"height": 80, "series": 12}, dl.ValidationError, ["height", "12 categories"]),
        ({"height": 100, "value_labels": True}, dl.ValidationError, ["value labels", "height"]),
    ],
)
def test_horizontal_refusals_name_the_option(options, error, words):
    options = {"kind": "bar", "horizontal": True, **options}
    count = options.pop("series", 3)
    series = {s: [(f"c{i}", i + 1) for i in range(count)] for s in ("a", "b")}
    with pytest.raises(error) as info:
        chart(series, title="T", **options)
    for word in words:
        assert word in str(info.value)
