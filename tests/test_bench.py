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
