"""Diagram kinds: small functions that turn plain Python data into networkx graphs.

Each returns an ordinary graph with ``graph["kind"]`` set, so it can be inspected
or edited before :func:`diagrams_lib.render` lays it out.

>>> from diagrams_lib.kinds import flow
>>> flow(["a", "b"], [("a", "b")], title="Two steps").graph["kind"]
'flow'
"""

from __future__ import annotations

from .chart import chart
from .dependencies import dependencies
from .flow import flow
from .mindmap import mindmap
from .overlap import overlap
from .pyramid import pyramid
from .timeline import timeline
from .tree import tree

__all__ = ["chart", "dependencies", "flow", "mindmap", "overlap", "pyramid", "timeline", "tree"]
