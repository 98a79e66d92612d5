"""The golden helper users get: readable failures, regen, and the pytest fixture."""

import pytest

import diagrams_lib as dl
from diagrams_lib.testing import GoldenMismatch, check_golden, describe_changes
from tests.helpers import bug_hunt

pytest_plugins = ["pytester"]


def test_changes_are_described_in_terms_of_the_graph():
    before = dl.render(bug_hunt())
    g = bug_hunt()
    g.nodes["hw"]["label"] = "Faulty hardware"
    g.nodes["data"]["role"] = "open"
    g.remove_node("ours")
    g.add_edge("fix", "crash", label="regression")
    changes = describe_changes(before, dl.render(g))
    assert (
        "node 'hw': label 'Hardware faults. ruled out first (Ruled out)' -> "
        "'Faulty hardware. ruled out first (Ruled out)'" in changes
    )
    assert "node 'data': role-ruled_out -> role-open" in changes
    assert "node 'ours' removed ('Bugs in our own code (Ruled out)')" in changes
    assert "edge 'fix' -> 'crash' added" in changes


def test_geometry_only_changes_say_so():
    a = dl.render(bug_hunt())
    b = dl.render(bug_hunt(), max_label_width=90)
    [message] = describe_changes(a, b)
    assert message.startswith("same nodes, edges and labels; geometry or style changed for:")


def test_check_golden_writes_then_compares_then_regens(tmp_path):
    golden = tmp_path / "g" / "fig.svg"
    with pytest.raises(GoldenMismatch, match="did not exist"):
        check_golden(bug_hunt(), golden)
    check_golden(bug_hunt(), golden)
    changed = bug_hunt()
    changed.nodes["lib"]["label"] = "torch.sum"
    with pytest.raises(GoldenMismatch, match="node 'lib': label"):
        check_golden(changed, golden)
    check_golden(changed, golden, regen=True)
    check_golden(changed, golden)


def test_fixture_in_a_users_project(pytester):
    pytester.makepyfile(
        test_user="""
        import networkx as nx

        def graph(label):
            g = nx.DiGraph(title="User figure")
            g.add_edge("a", "b", label=label)
            return g

        def test_fig(diagram_golden, request):
            diagram_golden(graph(request.config.getoption("label")), "fig")
    """,
        conftest="""
        def pytest_addoption(parser):
            parser.addoption("--label", default="one")
    """,
    )
    assert pytester.runpytest("-p", "no:cacheprovider").ret == 1  # first run writes
    assert (pytester.path / "golden" / "fig.svg").exists()
    assert pytester.runpytest("-p", "no:cacheprovider").ret == 0
    result = pytester.runpytest("-p", "no:cacheprovider", "--label", "two")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*edge 'a' -> 'b': 'a → b: one' -> 'a → b: two'*"])
    assert (
        pytester.runpytest("-p", "no:cacheprovider", "--label", "two", "--diagrams-regen").ret == 0
    )
