"""Reading DOT in a child process: timeout= and isolate= cover parsing as well as layout."""

import warnings

import pytest

import diagrams_lib as dl

TEXT = 'digraph { rankdir=LR; node [fontname=Arial]; s [shape=record, label="<p> x|y"]; s:p -> t }'


def test_isolated_reading_gives_the_same_graph_and_the_same_warnings():
    with warnings.catch_warnings(record=True) as here:
        warnings.simplefilter("always")
        g = dl.from_dot(TEXT)
    with warnings.catch_warnings(record=True) as there:
        warnings.simplefilter("always")
        isolated = dl.from_dot(TEXT, isolate=True)
    assert list(isolated.nodes(data=True)) == list(g.nodes(data=True))
    assert list(isolated.edges(data=True)) == list(g.edges(data=True))
    assert [str(w.message) for w in there] == [str(w.message) for w in here] != []


def test_errors_in_the_child_are_the_same_one_line_errors():
    with pytest.raises(
        dl.DotParseError, match="^DOT text is not valid DOT: syntax error in line 1"
    ):
        dl.from_dot("digraph { a -> }", isolate=True)


def test_a_timeout_stops_reading(monkeypatch):
    big = "digraph {" + "".join(f"n{i} -> n{i + 1};" for i in range(200_000)) + "}"
    with pytest.raises(dl.LayoutTimeoutError, match="reading DOT text did not finish within"):
        dl.from_dot(big, timeout=0.05)


def test_render_of_dot_with_a_timeout_reads_it_in_the_child_too():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dl.DiagramWarning)
        assert dl.render(TEXT, timeout=60) == dl.render(dl.from_dot(TEXT))
        assert dl.render(TEXT, isolate=True) == dl.render(TEXT)
