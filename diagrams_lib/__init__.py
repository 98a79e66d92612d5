"""diagrams_lib: a networkx graph in, a deterministic, themed, accessible SVG out.

>>> import networkx as nx
>>> import diagrams_lib as dl
>>> g = nx.DiGraph(title="How the bug was found")
>>> g.add_node("crash", label="Crashes that look unrelated", role="symptom")
>>> g.add_node("hw", label="Hardware faults", role="hypothesis", note="ruled out")
>>> g.add_edge("crash", "hw", label="suspected")
>>> svg = dl.render(g)
>>> 'data-key="crash"' in svg
True
"""

from __future__ import annotations

from .api import SVG, render, save, to_dot
from .dot_reader import from_dot, read_dot
from .embed import reprefix
from .engine import ENGINES, engine_version
from .errors import (
    DiagramError,
    DiagramTypeError,
    DiagramWarning,
    DotParseError,
    EngineError,
    EngineNotFoundError,
    ExportError,
    LayoutCrashError,
    LayoutMemoryError,
    LayoutTimeoutError,
    MissingDependencyError,
    OutputError,
    UnknownOptionError,
    UnknownRoleError,
    ValidationError,
)
from .files import write_atomic
from .size import NodeMeasure, measure_node, node_size
from .theme import DARK, LIGHT, THEMES, EdgeStyle, NodeStyle, Theme, get_theme

__version__ = "0.1.0"

__all__ = [
    "DARK",
    "ENGINES",
    "LIGHT",
    "SVG",
    "THEMES",
    "DiagramError",
    "DiagramTypeError",
    "DiagramWarning",
    "DotParseError",
    "EdgeStyle",
    "EngineError",
    "EngineNotFoundError",
    "ExportError",
    "LayoutCrashError",
    "LayoutMemoryError",
    "LayoutTimeoutError",
    "MissingDependencyError",
    "NodeMeasure",
    "NodeStyle",
    "OutputError",
    "Theme",
    "UnknownOptionError",
    "UnknownRoleError",
    "ValidationError",
    "__version__",
    "engine_version",
    "from_dot",
    "get_theme",
    "measure_node",
    "node_size",
    "read_dot",
    "render",
    "reprefix",
    "save",
    "to_dot",
    "write_atomic",
]
