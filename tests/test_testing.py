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
    assert any(c.startswith("edge 'fix' -> 'crash' added") for c in changes)


def test_moves_are_reported_beside_relabels_each_name_once():
    a = dl.render(bug_hunt())
    g = bug_hunt()
    g.nodes["hw"]["label"] = "A much longer label for the hardware faults hypothesis"
    changes = describe_changes(a, dl.render(g))
    assert any(c.startswith("node 'hw': label 'Hardware faults") for c in changes)
    moved = changes[-1]
    assert moved.startswith("geometry or style changed for: ")
    assert "edge 'crash' -> 'data'" in moved and "node 'hw'" not in moved
    names = moved.split(": ", 1)[1].split(", ")
    assert len(names) == len(set(names))


def test_a_text_change_that_keeps_the_layout_rewrites_only_that_nodes_line():
    g = bug_hunt()
    g.nodes["hw"]["note"] = "ruled out early"  # narrower than the label: the box stays
    before, after = dl.render(bug_hunt()).splitlines(), dl.render(g).splitlines()
    changed = [new for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1 and 'data-key="hw"' in changed[0]


def test_check_golden_writes_then_compares_then_regens(tmp_path):
    golden = tmp_path / "g" / "fig.svg"
    with pytest.raises(GoldenMismatch, match="did not exist"):
        check_golden(bug_hunt(), golden)
    check_golden(bug_hunt(), golden)
    changed = bug_hunt()
    changed.nodes["lib"]["label"] = "torch.sum"
    with pytest.raises(GoldenMismatch, match="node 'lib': label") as failure:
        check_golden(changed, golden)
    obtained, page = golden.with_name("fig.obtained.svg"), golden.with_name("fig.diff.html")
    assert str(obtained) in str(failure.value) and str(page) in str(failure.value)
    assert obtained.read_text() == dl.render(changed)
    assert 'src="fig.svg"' in page.read_text() and 'src="fig.obtained.svg"' in page.read_text()
    check_golden(changed, golden, regen=True)
    check_golden(changed, golden)
    assert not obtained.exists() and not page.exists()


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
