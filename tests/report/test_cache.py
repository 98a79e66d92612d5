"""The figure cache and the parallel build: no needless layout, and never a stale figure."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
import report.cache as rc
from report.build import REPORT_NAME, ReportError, build
from report.cache import FigureCache, graph_fingerprint

NAMES = ("alpha", "beta", "gamma")


def chain(name: str, length: int = 4) -> nx.DiGraph:
    g = nx.DiGraph()
    for i in range(length - 1):
        g.add_edge(f"{name} step {i}", f"{name} step {i + 1}", label="then" if i == 0 else None)
    return g


def alpha() -> nx.DiGraph:
    return chain("alpha")


def beta() -> nx.DiGraph:
    return chain("beta", 6)


def gamma() -> nx.DiGraph:
    g = chain("gamma", 3)
    g.nodes["gamma step 0"]["role"] = "start"
    return g


FIGURES = {"alpha": alpha, "beta": beta, "gamma": gamma}


@pytest.fixture
def report(tmp_path: Path) -> dict:
    """A three-figure report of its own, with its own cache folder."""
    sections = tmp_path / "sections"
    sections.mkdir()
    (sections / "00.md").write_text(
        "# Small\n\n" + "\n\n".join(f"## {n}\n\n{{{{figure:{n}}}}}" for n in NAMES) + "\n"
    )
    texts = tmp_path / "figures.toml"
    texts.write_text(
        "".join(
            f'[{n}]\ntitle = "Figure {n}"\nalt = "the {n} figure, in words"\n'
            f'caption = "About {n}."\ndescription = "All of {n}."\n'
            for n in NAMES
        )
    )
    return {
        "figures": dict(FIGURES),
        "sections": sections,
        "texts_path": texts,
        "cache_dir": tmp_path / "cache",
    }


class Counting:
    """A render function that records which figures it laid out (in this process: jobs=1)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, g, **options) -> str:
        self.calls.append(options["id_prefix"].removeprefix("fig-"))
        return dl.render(g, **options)


def test_rebuild_with_nothing_changed_does_no_layout(report):
    first, second = Counting(), Counting()
    cold = build(**report, render=first, jobs=1)
    warm = build(**report, render=second, jobs=1)
    assert sorted(first.calls) == sorted(NAMES) and cold.rendered == NAMES
    assert second.calls == [] and warm.rendered == ()
    assert warm.files == cold.files


def test_cached_figures_are_the_bytes_a_fresh_build_gives(report):
    build(**report)
    assert build(**report).files == build(**report, use_cache=False).files


def test_changing_one_figure_lays_out_only_that_one(report):
    build(**report, render=Counting(), jobs=1)
    report["figures"]["beta"] = lambda: chain("beta", 7)
    counting = Counting()
    out = build(**report, render=counting, jobs=1)
    assert counting.calls == ["beta"] and out.rendered == ("beta",)
    assert out.files == build(**report, render=Counting(), use_cache=False).files
    assert "beta step 6" in out.files["figures/beta.svg"]


def test_changing_one_figure_in_a_parallel_build_lays_out_only_that_one(report):
    build(**report)
    report["figures"]["gamma"] = lambda: chain("gamma", 5)
    assert build(**report).rendered == ("gamma",)


def test_changing_a_figure_text_lays_it_out_again(report):
    build(**report)
    texts = report["texts_path"]
    texts.write_text(texts.read_text().replace('title = "Figure gamma"', 'title = "New gamma"'))
    out = build(**report)
    assert out.rendered == ("gamma",) and "New gamma" in out.files["figures/gamma.svg"]


@pytest.mark.parametrize("change", ["version", "graphviz", "library source"])
def test_a_new_library_or_graphviz_invalidates_every_figure(report, monkeypatch, change):
    build(**report)
    if change == "version":
        monkeypatch.setattr(dl, "__version__", dl.__version__ + ".post1")
    elif change == "graphviz":
        monkeypatch.setattr(dl, "engine_version", lambda: "99.0.0")
    else:
        monkeypatch.setattr(rc, "library_fingerprint", lambda: "0" * 64)
    assert build(**report).rendered == NAMES


def test_theme_options_and_render_function_are_part_of_the_key(tmp_path):
    cache = FigureCache(tmp_path)
    g = alpha()
    base = cache.key(g, {"theme": "auto", "id_prefix": "fig-a"})
    assert base == cache.key(alpha(), {"id_prefix": "fig-a", "theme": "auto"})
    assert base != cache.key(g, {"theme": "dark", "id_prefix": "fig-a"})
    assert base != cache.key(g, {"theme": dl.LIGHT, "id_prefix": "fig-a"})
    assert base != cache.key(g, {"theme": "auto", "id_prefix": "fig-b"})
    assert base != cache.key(g, {"theme": "auto", "id_prefix": "fig-a", "legend": True})
    assert base != cache.key(g, {"theme": "auto", "id_prefix": "fig-a"}, render=Counting())


def _variants() -> list[nx.Graph]:
    def base(cls=nx.DiGraph) -> nx.Graph:
        g = cls(title="T")
        g.add_node("a", label="A")
        g.add_node("b", label="B")
        g.add_edge("a", "b")
        return g

    out = [base()]
    g = base(nx.Graph)
    out.append(g)
    g = base(nx.MultiDiGraph)
    out.append(g)
    g = base()
    g.graph["title"] = "T2"
    out.append(g)
    g = base()
    g.nodes["a"]["label"] = 1
    out.append(g)
    g = base()
    g.nodes["a"]["label"] = 1.0
    out.append(g)
    g = base()
    g.nodes["a"]["label"] = "1"
    out.append(g)
    g = base()
    g.nodes["a"]["pin"] = (1, 2)
    out.append(g)
    g = base()
    g.nodes["a"]["pin"] = [1, 2]
    out.append(g)
    g = base()
    g.edges["a", "b"]["label"] = "x"
    out.append(g)
    g = base()
    g.graph["groups"] = {1: "One"}
    out.append(g)
    g = base()
    g.graph["groups"] = {"1": "One"}
    out.append(g)
    g = nx.DiGraph(title="T")  # same nodes and edge, other insertion order: other ids
    g.add_node("b", label="B")
    g.add_node("a", label="A")
    g.add_edge("a", "b")
    out.append(g)
    g = base()
    g.add_node(1)
    out.append(g)
    g = base()
    g.add_node("1")
    out.append(g)
    g = base(nx.MultiDiGraph)
    g.add_edge("a", "b")
    out.append(g)
    return out


def test_every_difference_a_render_could_see_gives_another_key(tmp_path):
    cache = FigureCache(tmp_path)
    keys = [cache.key(g, {"theme": "auto"}) for g in _variants()]
    assert len(set(keys)) == len(keys)
    assert keys == [cache.key(g, {"theme": "auto"}) for g in _variants()]  # and is stable


def test_attribute_order_does_not_matter(tmp_path):
    a, b = nx.DiGraph(title="T"), nx.DiGraph(title="T")
    a.add_node("x", label="X", role="start")
    b.add_node("x", role="start", label="X")
    assert graph_fingerprint(a) == graph_fingerprint(b)


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "empty", "garbage header"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(report, damage):
    fresh = build(**report, render=Counting())
    files = sorted(report["cache_dir"].glob("*.svg"))
    assert len(files) == len(NAMES)
    victim = next(p for p in files if "beta step" in p.read_text())
    data = victim.read_bytes()
    damaged = {
        "flip a byte": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "truncate": data[: len(data) // 2],
        "empty": b"",
        "garbage header": b"not a cache file\n" + data.partition(b"\n")[2],
    }[damage]
    victim.write_bytes(damaged)
    counting = Counting()
    again = build(**report, render=counting, jobs=1)
    assert counting.calls == ["beta"]
    assert again.files == fresh.files
    assert victim.read_bytes() == data  # rewritten whole


def test_cache_writes_leave_no_temporary_files(report):
    build(**report)
    build(**report, use_cache=False)
    assert sorted(p.suffix for p in report["cache_dir"].iterdir()) == [".svg"] * len(NAMES)


def test_an_unwritable_cache_folder_only_costs_time(report, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    out = build(**{**report, "cache_dir": blocker})
    assert out.files == build(**report, use_cache=False).files


def test_parallel_build_gives_the_same_bytes_as_serial(report):
    serial = build(**report, use_cache=False, jobs=1)
    parallel = build(**report, use_cache=False, jobs=3)
    assert parallel.files == serial.files and parallel.rendered == NAMES
    assert REPORT_NAME in parallel.files


def test_parallel_build_names_the_failing_figure(report):
    def broken() -> nx.DiGraph:
        g = alpha()
        g.nodes["alpha step 0"]["role"] = "no-such-role"
        return g

    report["figures"]["beta"] = broken
    with pytest.raises(ReportError, match="figure 'beta' failed: .*no-such-role"):
        build(**report, use_cache=False, jobs=3)


def test_progress_reports_every_figure_in_order(report):
    build(**report)
    seen = []
    build(**report, progress=lambda *args: seen.append(args))
    assert seen == [(i, len(NAMES), n) for i, n in enumerate(NAMES, 1)]


class Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def test_a_graph_that_cannot_be_keyed_is_laid_out_every_time(report):
    def odd() -> nx.DiGraph:
        g = alpha()
        g.graph["extra"] = Unprintable()  # not a diagram attribute: the render ignores it
        return g

    report["figures"]["alpha"] = odd
    first = build(**report, jobs=1)
    again = build(**report, jobs=1)
    assert first.rendered == NAMES and again.rendered == ("alpha",)
    assert again.files == first.files
