"""The report's figures: one function per figure, each returning a networkx graph.

``report.build`` sets each graph's title and description from ``figures.toml`` and
renders it; the ``content`` entry of that file is the spec each function follows.
The modules hold the figures by theme: the project, the run, data, and scale.
"""

from __future__ import annotations

from report.figures import data, project, run, scale  # noqa: F401  (each module registers its figures)
from report.figures.common import FIGURES

__all__ = ["FIGURES"]
