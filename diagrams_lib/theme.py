"""Themes: how semantic roles become fill, stroke, shape and line style.

A role always changes more than colour (shape, line style, stroke width or a
text marker), so colour is never the only signal (WCAG 1.4.1).

>>> theme = get_theme("light")
>>> theme.node_style("confirmed").marker
'✓'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from .errors import UnknownOptionError, UnknownRoleError
from .shapes import POINT_SHAPES
from .theme_check import edge_style_values, node_style_values, theme_values

__all__ = [
    "DARK",
    "LIGHT",
    "THEMES",
    "EdgeStyle",
    "NodeStyle",
    "Theme",
    "get_theme",
    "role_title",
]

FONT_FAMILY = 'Helvetica, Arial, "Liberation Sans", "Nimbus Sans", "DejaVu Sans", sans-serif'


@dataclass(frozen=True)
class NodeStyle:
    """The look of one node role."""

    fill: str
    stroke: str
    text: str
    shape: str = "round"
    dash: str | None = None
    stroke_width: float = 1.5
    marker: str | None = None
    fill_opacity: float = 1.0
    own: tuple[str, ...] = ()  # of fill, stroke, text: set on the node itself, kept in dark mode

    def __post_init__(self) -> None:
        _settle(self, node_style_values(_values(self)))


@dataclass(frozen=True)
class EdgeStyle:
    """The look of one edge role."""

    stroke: str
    dash: str | None = None
    width: float = 1.5
    arrow: bool = True
    head: str = "normal"  # the arrowhead drawn at the target ("none" for none)
    tail: str = "none"  # the one drawn at the source
    text: str | None = None  # the label's colour, when not the theme's text colour
    own: tuple[str, ...] = ()  # of stroke, text: set on the edge itself, kept in dark mode

    def __post_init__(self) -> None:
        _settle(self, edge_style_values(_values(self)))


def _values(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _settle(obj: object, values: dict) -> None:
    """Store checked, normalised values on a frozen dataclass (``#F00`` becomes ``#ff0000``)."""
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def _ro(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Theme:
    """A complete look: page colours, type sizes and the style of every role."""

    name: str
    background: str
    card_stroke: str
    text: str
    muted: str
    group_fill: str
    group_stroke: str
    label_bg: str
    nodes: Mapping[str, NodeStyle]
    edges: Mapping[str, EdgeStyle]
    font_family: str = FONT_FAMILY
    font_size: float = 14.0
    note_size: float = 12.0
    edge_label_size: float = 12.0
    title_size: float = 18.0
    role_labels: Mapping[str, str] = field(default_factory=lambda: _ro({}))

    def __post_init__(self) -> None:
        """Check every value when the theme is made: a bad one never reaches the SVG."""
        _settle(self, theme_values(_values(self)))

    def node_style(self, role: str | None, *, where: str = "node") -> NodeStyle:
        """Return the style of a node role, or raise :class:`UnknownRoleError`."""
        try:
            return self.nodes[role or "default"]
        except KeyError:
            known = ", ".join(sorted(self.nodes))
            raise UnknownRoleError(
                f"{where} has role {role!r}, which theme {self.name!r} does not know; "
                f"known node roles: {known}"
            ) from None

    def edge_style(self, role: str | None, *, where: str = "edge") -> EdgeStyle:
        """Return the style of an edge role, or raise :class:`UnknownRoleError`."""
        try:
            return self.edges[role or "default"]
        except KeyError:
            known = ", ".join(sorted(self.edges))
            raise UnknownRoleError(
                f"{where} has role {role!r}, which theme {self.name!r} does not know; "
                f"known edge roles: {known}"
            ) from None

    def with_roles(
        self,
        *,
        nodes: Mapping[str, NodeStyle] | None = None,
        edges: Mapping[str, EdgeStyle] | None = None,
        name: str | None = None,
    ) -> Theme:
        """Return a copy with extra or replaced roles.

        >>> t = LIGHT.with_roles(nodes={"db": NodeStyle("#fff", "#333", "#111", "ellipse")})
        >>> t.node_style("db").shape
        'ellipse'
        """
        return replace(
            self,
            name=name or self.name,
            nodes=_ro({**self.nodes, **(nodes or {})}),
            edges=_ro({**self.edges, **(edges or {})}),
        )


def role_title(theme: Theme, role: str) -> str:
    """Human name of a role for legends: ``ruled_out`` becomes ``Ruled out``."""
    if role in theme.role_labels:
        return theme.role_labels[role]
    words = role.replace("_", " ").replace("-", " ")
    return words[:1].upper() + words[1:]


# Series: colour, dash and point marker all differ, so series stay apart in grey.
SERIES_COUNT = 8

_SERIES_DASH = (None, "8 4", "2 4", "12 4 2 4", "4 2", "16 4", "12 3 2 3 2 3", "2 2 8 2")
# Bars differ by fill treatment as well as colour: solid, tinted, outlined, dashed outline.
_BAR_TREATMENT = ("solid", "tint", "outline", "dashed") * 2


def _palette(
    *,
    neutral: tuple[str, str],
    hues: Mapping[str, tuple[str, str]],
    text: str,
    muted: str,
    series: tuple[str, ...],
    tints: tuple[str, ...],
    set_fills: tuple[str, ...],
    background: str,
    on_series: str,
) -> tuple[dict[str, NodeStyle], dict[str, EdgeStyle]]:
    t = hues
    nodes = {
        "default": NodeStyle(*neutral, text),
        "process": NodeStyle(*t["blue"], text),
        "start": NodeStyle(*t["green"], text, shape="pill"),
        "end": NodeStyle(*neutral, text, shape="pill", stroke_width=2.5),
        "decision": NodeStyle(*t["amber"], text, shape="diamond"),
        "data": NodeStyle(*t["sky"], text, shape="parallelogram"),
        "symptom": NodeStyle(*t["red"], text, shape="hexagon"),
        "hypothesis": NodeStyle(*t["violet"], text, dash="6 4"),
        "confirmed": NodeStyle(*t["green"], text, stroke_width=2.75, marker="✓"),
        "ruled_out": NodeStyle(*t["slate"], muted, dash="2 3", marker="✗"),
        "open": NodeStyle(*t["amber"], text, dash="7 4", marker="?"),
        "highlight": NodeStyle(*t["orange"], text, stroke_width=2.75),
        "muted": NodeStyle(*t["slate"], muted, dash="4 3"),
        "note": NodeStyle(*t["yellow"], text, shape="note"),
        "external": NodeStyle(*t["slate"], text, shape="rect", dash="5 3"),
        "resource": NodeStyle(*t["sky"], text, shape="rect"),
        "constraint": NodeStyle(*t["red"], text, shape="rect", stroke_width=2.75),
        "milestone": NodeStyle(*t["violet"], text, shape="diamond", stroke_width=2),
        "centre": NodeStyle(*t["blue"], text, shape="ellipse", stroke_width=2.5),
        "cycle": NodeStyle(*t["red"], text, shape="rect", dash="10 4", stroke_width=2.5),
        "text": NodeStyle("none", "none", text, shape="text", stroke_width=0),
        "caption": NodeStyle("none", "none", muted, shape="text", stroke_width=0),
        "anchor": NodeStyle("none", "none", text, shape="none", stroke_width=0),
    }
    for i, fill in enumerate(set_fills, start=1):
        colour = series[i - 1]
        nodes[f"set-{i}"] = NodeStyle(
            fill,
            colour,
            text,
            shape="ellipse",
            stroke_width=2,
            dash=_SERIES_DASH[i - 1],
            fill_opacity=0.35,
        )
    for i, colour in enumerate(series, start=1):
        nodes[f"series-{i}"] = NodeStyle(
            colour, colour, text, shape=POINT_SHAPES[i - 1], stroke_width=1
        )
    for i, (colour, tint, treatment) in enumerate(
        zip(series, tints, _BAR_TREATMENT, strict=True), start=1
    ):
        fill = {"solid": colour, "tint": tint}.get(treatment, background)
        nodes[f"bar-{i}"] = NodeStyle(
            fill,
            colour,
            on_series if treatment == "solid" else text,
            shape="rect",
            stroke_width=1 if treatment == "solid" else 2,
            dash="4 3" if treatment == "dashed" else None,
        )
    edges = {
        "default": EdgeStyle(neutral[1]),
        "highlight": EdgeStyle(t["orange"][1], width=2.75),
        "critical": EdgeStyle(t["red"][1], width=3),
        "weak": EdgeStyle(neutral[1], dash="6 4"),
        "cycle": EdgeStyle(t["red"][1], dash="10 4", width=2),
        "relation": EdgeStyle(t["violet"][1], dash="2 4", width=1.75, arrow=False),
        "link": EdgeStyle(neutral[1], arrow=False),
        "axis": EdgeStyle(text, width=1.25, arrow=False),
        "tick": EdgeStyle(text, width=1, arrow=False),
        "grid": EdgeStyle(muted, width=0.5, dash="3 3", arrow=False),
        "guide": EdgeStyle(muted, width=1, dash="4 4", arrow=False),
    }
    for i, colour in enumerate(series, start=1):
        edges[f"series-{i}"] = EdgeStyle(colour, dash=_SERIES_DASH[i - 1], width=2.5, arrow=False)
    return nodes, edges


_LIGHT_NODES, _LIGHT_EDGES = _palette(
    neutral=("#f1f5f9", "#64748b"),
    hues={
        "blue": ("#eff6ff", "#2563eb"),
        "green": ("#ecfdf5", "#047857"),
        "amber": ("#fffbeb", "#b45309"),
        "sky": ("#f0f9ff", "#0369a1"),
        "red": ("#fef2f2", "#dc2626"),
        "violet": ("#f5f3ff", "#7c3aed"),
        "orange": ("#fff7ed", "#c2410c"),
        "slate": ("#f8fafc", "#64748b"),
        "yellow": ("#fefce8", "#a16207"),
    },
    text="#0f172a",
    muted="#475569",
    # blue, orange, green, violet, cyan, pink, amber, lime: 4.5:1 or more on white
    series=("#2563eb", "#c2410c", "#047857", "#7c3aed", "#0e7490", "#be185d", "#a16207", "#4d7c0f"),
    tints=("#bfdbfe", "#fed7aa", "#a7f3d0", "#ddd6fe", "#a5f3fc", "#fbcfe8", "#fde68a", "#d9f99d"),
    set_fills=("#bfdbfe", "#fed7aa", "#a7f3d0"),
    background="#ffffff",
    on_series="#ffffff",
)

_DARK_NODES, _DARK_EDGES = _palette(
    neutral=("#1e293b", "#94a3b8"),
    hues={
        "blue": ("#172554", "#60a5fa"),
        "green": ("#052e16", "#34d399"),
        "amber": ("#2d1a05", "#fbbf24"),
        "sky": ("#082f49", "#38bdf8"),
        "red": ("#350a0a", "#f87171"),
        "violet": ("#2e1065", "#a78bfa"),
        "orange": ("#331405", "#fb923c"),
        "slate": ("#111827", "#94a3b8"),
        "yellow": ("#2a2005", "#facc15"),
    },
    text="#e2e8f0",
    muted="#a3b1c6",
    series=("#60a5fa", "#fb923c", "#34d399", "#c4b5fd", "#22d3ee", "#f472b6", "#facc15", "#a3e635"),
    tints=("#1e3a8a", "#7c2d12", "#065f46", "#4c1d95", "#164e63", "#831843", "#713f12", "#365314"),
    set_fills=("#1e3a8a", "#7c2d12", "#065f46"),
    background="#0f172a",
    on_series="#0f172a",
)

LIGHT = Theme(
    name="light",
    background="#ffffff",
    card_stroke="#e2e8f0",
    text="#0f172a",
    muted="#475569",
    group_fill="#f8fafc",
    group_stroke="#94a3b8",
    label_bg="#ffffff",
    nodes=_ro(_LIGHT_NODES),
    edges=_ro(_LIGHT_EDGES),
)

DARK = Theme(
    name="dark",
    background="#0f172a",
    card_stroke="#334155",
    text="#e2e8f0",
    muted="#a3b1c6",
    group_fill="#162032",
    group_stroke="#64748b",
    label_bg="#0f172a",
    nodes=_ro(_DARK_NODES),
    edges=_ro(_DARK_EDGES),
)

THEMES: Mapping[str, Theme] = _ro({"light": LIGHT, "dark": DARK})


def get_theme(theme: str | Theme) -> Theme:
    """Return a :class:`Theme` from a name (``light``, ``dark``, ``auto``) or a Theme.

    ``auto`` draws with the light colours and adds CSS that switches to the dark
    ones when the page prefers a dark colour scheme; it returns the light theme
    here (the SVG writer adds the CSS).

    >>> get_theme("dark").background
    '#0f172a'
    """
    if isinstance(theme, Theme):
        return theme
    if theme == "auto":
        return LIGHT
    if isinstance(theme, str) and theme in THEMES:
        return THEMES[theme]
    choices = ", ".join([*THEMES, "auto"])
    raise UnknownOptionError(f"unknown theme {theme!r}; choose one of: {choices}")
