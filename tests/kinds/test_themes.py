"""Pinned kinds measure their text for the theme they are built for, and say so."""

from __future__ import annotations

import dataclasses

import pytest

import diagrams_lib as dl
from diagrams_lib.kinds import chart, overlap, pyramid, timeline

BIG = dataclasses.replace(dl.LIGHT, font_size=18, note_size=15)


def _pinned(theme):
    """One graph of each pinned kind, with text packed close: legends, marks, notes,
    lanes, raised milestone labels, notes beside tiers and a crowded overlap."""
    return [
        chart(
            {"Self-hosted": [(0, 40), (5, 45), (10, 52)], "Managed": [(0, 10), (5, 35), (10, 60)]},
            title="Cost",
            x_label="Requests per day",
            y_label="Cost per month",
            marks=[{"x": 5, "y": 40, "note": "about even"}],
            illustrative=True,
            theme=theme,
        ),
        chart({"a": [("North", 3), ("South", 5)]}, title="Bars", kind="bar", theme=theme),
        timeline(
            [
                {"label": "Discovery", "start": -24, "end": -18, "note": "interviews"},
                {"label": "Build", "start": -20, "end": -3, "note": "core features"},
                {"label": "Launch prep", "start": -2, "end": 0, "note": "docs, pricing"},
            ],
            title="Roadmap",
            milestones=[{"label": "Freeze", "at": -6}, {"label": "Beta", "at": -5}],
            theme=theme,
        ),
        pyramid(
            [{"label": "Base", "note": "the widest tier of all"}, "Middle", "Apex"],
            title="Tiers",
            theme=theme,
        ),
        overlap(
            {"Cats": ["purr", "climb trees"], "Dogs": ["bark", "fetch"]},
            shared={("Cats", "Dogs"): ["fur", "four legs"]},
            title="Pets",
            theme=theme,
        ),
    ]


def _text_boxes(g, theme):
    """(key, box) of every node that draws text, box as (left, bottom, right, top), after
    checking that the text, as render() wraps it with ``theme``, fits its pinned box."""
    out = []
    for key, data in g.nodes(data=True):
        if data.get("hide_label") or "size" not in data or data.get("role") == "anchor":
            continue  # no text drawn: the label only names a bar, circle or line end
        if data.get("shape", "").endswith("point"):
            continue  # a marker: its label names it for screen readers
        (x, y), (w, h) = data["pin"], data["size"]
        drawn = dl.measure_node(
            data["label"],
            note=data.get("note"),
            role=data.get("role"),
            shape=data.get("shape"),
            inset=data.get("inset", 0.0),
            width=w,
            theme=theme,
        )
        assert drawn.height <= h, (g.graph["title"], key, drawn.label.lines, h)
        out.append((key, (x - w / 2, y - h / 2, x + w / 2, y + h / 2)))
    return out


def test_larger_type_fits_every_box_and_no_text_overlaps():
    for g in _pinned(BIG):
        assert 'role="img"' in dl.render(g, theme=BIG)
        boxes = _text_boxes(g, BIG)
        for i, (ka, a) in enumerate(boxes):
            for kb, b in boxes[i + 1 :]:
                overlap_ = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
                assert not overlap_, (g.graph["title"], ka, kb)


def test_a_theme_with_other_type_sizes_is_refused_naming_the_sizes():
    for big, default in zip(_pinned(BIG), _pinned("light"), strict=True):
        with pytest.raises(dl.ValidationError, match=r"18 px \(notes 15 px\).*14 px \(12 px\)"):
            dl.render(big)
        with pytest.raises(dl.ValidationError, match=r"14 px \(notes 12 px\).*18 px \(15 px\)"):
            dl.render(default, theme=BIG)
        dl.render(default, theme="dark")  # same type sizes, other colours: fine
