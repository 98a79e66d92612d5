"""Contrast (WCAG 2.x): text 4.5:1 on its fill, outlines 3:1 on the background."""

import itertools

import pytest

from diagrams_lib.theme import DARK, LIGHT, NodeStyle, Theme, get_theme, role_title


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(fill: str, bg: str, alpha: float) -> str:
    f = [int(fill[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(bg[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = (round(x * alpha + y * (1 - alpha)) for x, y in zip(f, b, strict=True))
    return "#" + "".join(f"{v:02x}" for v in mixed)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_contrast_at_least_4_5(theme: Theme):
    for role, style in theme.nodes.items():
        if style.shape.endswith("point") or style.shape == "none":
            continue
        fill = (
            theme.background
            if style.fill == "none"
            else blend(style.fill, theme.background, style.fill_opacity)
        )
        assert contrast(style.text, fill) >= 4.5, role
    assert contrast(theme.text, theme.background) >= 4.5
    assert contrast(theme.muted, theme.background) >= 4.5
    assert contrast(theme.muted, theme.group_fill) >= 4.5


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_shapes_and_lines_contrast_at_least_3(theme: Theme):
    for role, style in theme.nodes.items():
        if style.stroke != "none":
            assert contrast(style.stroke, theme.background) >= 3, role
    for role, edge in theme.edges.items():
        if role != "grid":  # gridlines are decorative
            assert contrast(edge.stroke, theme.background) >= 3, role


def test_light_and_dark_define_the_same_roles():
    assert set(LIGHT.nodes) == set(DARK.nodes)
    assert set(LIGHT.edges) == set(DARK.edges)


def test_font_stack_ends_in_generic_family():
    assert LIGHT.font_family.endswith("sans-serif")


def test_custom_roles_and_titles():
    t = get_theme(LIGHT.with_roles(nodes={"db": NodeStyle("#fff", "#333", "#111", "ellipse")}))
    assert t.node_style("db").shape == "ellipse"
    assert role_title(t, "ruled_out") == "Ruled out"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_eight_series_differ_by_colour_marker_and_dash_and_bars_by_fill(theme: Theme):
    lines = [theme.edge_style(f"series-{i}") for i in range(1, 9)]
    markers = [theme.node_style(f"series-{i}").shape for i in range(1, 9)]
    bars = [theme.node_style(f"bar-{i}") for i in range(1, 9)]
    assert len({e.stroke for e in lines}) == 8
    assert len({e.dash for e in lines}) == 8
    assert len(set(markers)) == 8 and all(m.endswith("point") for m in markers)
    assert len({(b.fill, b.stroke, b.dash) for b in bars}) == 8
    # each bar differs from its neighbour by fill treatment, not by colour alone
    treatments = [(b.fill == b.stroke, b.fill == theme.background, b.dash) for b in bars]
    assert all(a != b for a, b in itertools.pairwise(treatments))
    for e in lines:
        assert contrast(e.stroke, theme.background) >= 4.5
