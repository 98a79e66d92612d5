"""The benchmark's crossing count (``bench/crossings.py``), which judges the engines."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def crossings():
    spec = importlib.util.spec_from_file_location("bench_crossings", BENCH / "crossings.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_docstring_examples(crossings):
    assert doctest.testmod(crossings, verbose=False).failed == 0


def test_a_line_crossing_another_twice_counts_twice(crossings):
    zigzag = [(0, 0), (10, 10), (20, 0)]
    flat = [(-5, 4), (25, 4)]
    assert crossings.crossings({"a": zigzag, "b": flat}) == 2


def test_far_apart_lines_in_the_same_cells_do_not_cross(crossings):
    lines = {f"e{i}": [(i * 3.0, 0.0), (i * 3.0 + 1, 30.0)] for i in range(20)}
    assert crossings.crossings(lines) == 0


def test_graphviz_routes_are_read_as_drawn(crossings):
    # a Bezier from (0,0) to (30,0) bulging up to y=7.5, and a vertical line through it
    arc = crossings.polyline("e,30,0 0,0 10,10 20,10 30,0")
    assert max(y for _, y in arc) == pytest.approx(7.5)
    assert crossings.crossings({"arc": arc, "post": [(14, -1), (14, 20)]}) == 1
