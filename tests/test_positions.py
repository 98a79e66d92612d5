"""Graphviz's edge routes read into SVG path data: every number at two decimals at most,
and nothing but numbers reaches the markup."""

import re

import pytest

from diagrams_lib.positions import Route, route


def test_a_route_with_an_arrow_tip():
    assert route("e,5,1 5,9 5,7 5,5 5,3") == Route(
        "M5,9 C5,7 5,5 5,3", "5,1", (5.0, 3.0), (5.0, 1.0)
    )


def test_start_arrows_exponents_and_negative_zero_are_written_plainly():
    r = route("s,0,0 e,91.739,1.2346e+05 -0.004,98.2 1,2 3,4 5,6")
    assert r.path == "M0,98.2 C1,2 3,4 5,6" and r.tip == "91.74,123460"
    for number in re.split(r"[ ,MCL]+", f"{r.path} {r.tip}"):
        assert number == "" or re.fullmatch(r"-?[0-9]+(\.[0-9]{1,2})?", number), number


def test_points_that_are_not_a_bezier_become_lines():
    assert route("1.5,2 3,4").path == "M1.5,2 L3,4"
    assert route("1,2").path == "M1,2" and route("").path == ""


def test_concentrated_splines_become_one_path_with_the_arrow_at_its_own_end():
    r = route("1,1 2,2 3,3 4,4;e,9,9 4,4 5,5 6,6 7,7")
    assert r.path == "M1,1 C2,2 3,3 4,4 M4,4 C5,5 6,6 7,7"
    assert (r.tip_at, r.base) == ((9.0, 9.0), (7.0, 7.0))


@pytest.mark.parametrize("pos", ['1,2 3,4"/><script>', "1,2 3,4%s", "1,2 3", "e,1 2,3"])
def test_anything_but_points_is_refused(pos):
    with pytest.raises(ValueError):
        route(pos)
