"""Hostile text through every diagram kind: the output stays safe and says what was written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import diagrams_lib as dl
from diagrams_lib.kinds import (
    chart,
    dependencies,
    flow,
    mindmap,
    overlap,
    pyramid,
    timeline,
    tree,
)
from tests.test_injection import SAFE_CHARS, SVG_NS, assert_safe_svg, normalise

# Shorter texts than the core suite: the kinds' own layouts (circles, tiers, lanes)
# are what is being exercised, and they are slower to lay out.
WORD = st.one_of(
    st.sampled_from(
        [
            "<script>x</script>",
            "]]>",
            '"q"',
            "\\N",
            "a:b",
            "&amp;",
            "\u202eevil",
            "zw\u200bsp",
            "中文",
            "node",
            "x" * 60,
        ]
    ),
    st.text(SAFE_CHARS, min_size=1, max_size=16),
)
WORDS = st.lists(WORD, min_size=2, max_size=3, unique=True)


def shown_text(svg: str) -> str:
    root = assert_safe_svg(svg)
    return " ".join(t.text or "" for t in root.iter(f"{SVG_NS}title"))


def assert_all_shown(svg: str, texts) -> None:
    titles = "".join(shown_text(svg).split())
    for text in texts:
        assert "".join(normalise(text).split()) in titles, text


@settings(max_examples=30)
@given(words=WORDS)
def test_flow_tree_dependencies_mindmap(words):
    a, b = words[0], words[1]
    svgs = [
        dl.render(flow([(a, {"note": b}), b], [(a, b, {"label": a})], title=a, groups=None)),
        dl.render(
            tree(
                {"label": a, "children": [{"label": b, "outcome": "confirmed", "edge": a}]}, title=b
            )
        ),
        dl.render(dependencies({a: [], b: [a]}, critical=[a, b], title=a)),
        dl.render(mindmap(a, {b: [a]}, title=b)),
    ]
    for svg in svgs:
        assert_all_shown(svg, words[:2])


@settings(max_examples=25)
@given(words=WORDS)
def test_overlap_and_pyramid(words):
    a, b = words[0], words[1]
    assert_all_shown(dl.render(overlap({"S1": [a], "S2": [b]}, title=a)), [a, b])
    assert_all_shown(dl.render(pyramid([a, {"label": b, "note": a}], title=b)), [a, b])


@settings(max_examples=25)
@given(words=WORDS)
def test_timeline_and_chart(words):
    a, b = words[0], words[1]
    svg = dl.render(
        timeline(
            [{"label": a, "start": 0, "end": 3, "note": b}],
            milestones=[{"label": b, "at": 2}],
            title=a,
        )
    )
    assert_all_shown(svg, [a, b])
    svg = dl.render(
        chart(
            {a: [(0, 1), (1, 2)], b: [(0, 2), (1, 1)]},
            x_label=a,
            y_label=b,
            marks=[{"x": 1, "y": 2, "note": a}],
            title=b,
        )
    )
    assert_all_shown(svg, [a, b])
