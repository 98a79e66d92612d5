"""The benchmark's own statistics (``bench/run.py``), which judge the speed targets."""

from __future__ import annotations

import doctest
import importlib.util
import math
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(BENCH))


def test_docstring_examples(bench):
    assert doctest.testmod(bench, verbose=False).failed == 0


def _ranks(bench, n: int) -> tuple[int, int]:
    low, high = bench._interval([float(rank) for rank in range(1, n + 1)])
    return int(low), int(high)


@pytest.mark.parametrize("n", [9, 15, 31, 51, 101, 201, 301])
def test_interval_is_the_narrowest_with_95_percent(bench, n):
    low, high = _ranks(bench, n)
    assert low + high == n + 1  # as many values outside on each side
    # exact binomial chance that the median lies inside, counted here independently
    inside = sum(math.comb(n, below) for below in range(low, high)) / 2**n
    narrower = sum(math.comb(n, below) for below in range(low + 1, high - 1)) / 2**n
    assert inside >= 0.95 > narrower


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_too_few_values_give_the_whole_range(bench, n):
    assert _ranks(bench, n) == (1, n)


def test_interval_holds_the_median_about_95_percent_of_the_time(bench):
    rng = random.Random(6)
    hits = 0
    for _ in range(2000):  # skewed samples, as timings are; the true median is ln 2
        low, high = bench._interval([rng.expovariate(1.0) for _ in range(101)])
        hits += low <= math.log(2) <= high
    assert 0.93 <= hits / 2000 <= 0.975


@pytest.fixture(scope="module")
def phases():
    spec = importlib.util.spec_from_file_location("bench_phases", BENCH / "phases.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_phases_docstring_examples(phases):
    assert doctest.testmod(phases, verbose=False).failed == 0


def test_phases_keep_the_largest_simplex_of_each_phase_and_sum_its_seconds(phases):
    log = "\n".join(
        [
            "[Graphviz] dotinit.c:305: Starting phase 1 [dot_rank]",
            "network simplex: 1 nodes 0 edges 0 iter 0.00 sec",
            "network simplex: 2960 nodes 3427 edges 218 iter 0.05 sec",
            "network simplex: 2 nodes 1 edges 1 iter 0.01 sec",
            "[Graphviz] dotinit.c:311: Starting phase 2 [dot_mincross]",
            "mincross: pass 0 iter 0 trying 0 cur_cross 844 best_cross 844",
            "mincross G: 928 crossings, 0.35 secs.",
            "[Graphviz] dotinit.c:320: Starting phase 3 [dot_position]",
            "network simplex: 14161 nodes 21332 edges 10408 iter 21.52 sec",
            "[Graphviz] routespl.c:234: routesplines: 3447 edges, 18055 boxes 0.16 sec",
        ]
    )
    p = phases.parse(log)
    assert (p.rank.nodes, p.rank.edges, p.rank.pivots, p.rank.seconds) == (2960, 3427, 218, 0.06)
    assert (p.position.nodes, p.position.pivots, p.position.seconds) == (14161, 10408, 21.52)
    assert (p.crossings, p.mincross, p.splines) == (928, 0.35, 0.16)
