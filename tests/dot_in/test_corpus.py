"""Every DOT file of the corpus is drawn as Graphviz draws it: the same nodes, the same
edges one for one, the same clusters nested the same way, every word Graphviz draws, edges
at their ports, and the layout running the way ``rankdir`` says.

The corpus is ``tests/data/dot`` (files written for this project, see its README); set
``DIAGRAMS_DOT_CORPUS`` to more folders (separated by ``os.pathsep``) to check those too,
e.g. pydot's test graphs or Graphviz's own gallery and regression graphs.
"""

import os
from pathlib import Path

import pytest

from tests.dot_in.faithful import compare

HERE = Path(__file__).resolve().parent.parent / "data" / "dot"
FOLDERS = [
    HERE,
    *(Path(p) for p in os.environ.get("DIAGRAMS_DOT_CORPUS", "").split(os.pathsep) if p),
]
FILES = sorted(p for folder in FOLDERS for p in folder.rglob("*") if p.suffix in (".dot", ".gv"))


def test_the_corpus_is_there():
    assert len([p for p in FILES if p.parent == HERE]) >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_drawn_as_graphviz_draws_it(path):
    assert compare(path) == []
