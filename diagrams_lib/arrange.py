"""The layout stage as ``render`` runs it: the engine, then the big-graph steps.

One function, :func:`arrange`, so that the renderer makes one call: it lays the
diagram out (Graphviz through :mod:`~diagrams_lib.engine`, or
:mod:`~diagrams_lib.layered`), lays it out again folded when a rank is crowded
(:mod:`~diagrams_lib.fold`), and places the edge labels that the layout left out
(:mod:`~diagrams_lib.labels`). Small graphs go straight through: one Graphviz layout
with dot's label ranks, as before.
"""

from __future__ import annotations

from dataclasses import replace

from .dot import geometry_dot
from .engine import Geometry, layout
from .fold import stagger, target_width, too_wide
from .labels import place_labels, uses_label_ranks
from .layered import LAYERED, layout_layered
from .model import Diagram
from .size import GROUP_TITLE_H, Sizes
from .theme import Theme

__all__ = ["arrange"]


def arrange(
    diagram: Diagram,
    sizes: Sizes,
    *,
    theme: Theme,
    prog: str,
    backend: str = "wheel",
    timeout: float | None = None,
    isolate: bool = False,
    memory_limit: float | None = None,
    edge_labels: str = "auto",
    fold: bool | None = None,
) -> Geometry:
    """The positions of ``diagram`` laid out with ``prog`` (see the module docstring);
    the options are :func:`~diagrams_lib.render`'s, already checked."""
    placed = prog == LAYERED or (
        prog == "dot"
        and bool(sizes.labels)
        and not uses_label_ranks(len(diagram.nodes), edge_labels)
    )

    def lay_out(diagram: Diagram) -> Geometry:
        if prog == LAYERED:
            return layout_layered(
                diagram,
                sizes,
                backend=backend,
                timeout=timeout,
                isolate=isolate,
                memory_limit=memory_limit,
            )
        laid_out = replace(sizes, labels={}) if placed else sizes
        return layout(
            geometry_dot(diagram, laid_out, prog=prog),
            prog=prog,
            backend=backend,
            timeout=timeout,
            isolate=isolate,
            memory_limit=memory_limit,
        )

    geometry = lay_out(diagram)
    boxes = {k: (box.width, box.height) for k, box in sizes.nodes.items()}
    if prog in (LAYERED, "dot") and (
        fold or (fold is None and too_wide(geometry, boxes, diagram.direction))
    ):
        staggered = stagger(diagram, boxes, geometry, width=target_width(boxes, diagram.direction))
        if staggered is not None:
            geometry = lay_out(staggered)
    if placed and sizes.labels:
        geometry = place_labels(
            geometry,
            boxes,
            {k: (box.width, box.height) for k, box in sizes.labels.items()},
            direction=diagram.direction,
            titles={k: (t.width + 8, GROUP_TITLE_H) for k, t in sizes.group_titles.items()},
        )
    return geometry
