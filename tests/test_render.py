"""What a user sees in the SVG: structure, accessibility, themes and goldens."""

import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib.engine import CLUSTER_ENGINES
from tests.helpers import awkward_keys, bug_hunt, ungrouped

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_root_names_itself_for_screen_readers():
    root = parse(dl.render(bug_hunt()))
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    first = root[0]
    assert first.tag.endswith("title") and first.get("id") == title_id
    assert first.text == "How the bug was found"
    desc = root.find("s:desc", NS)
    assert desc.get("id") == desc_id and "least likely" in desc.text


def test_description_is_generated_when_missing():
    g = nx.DiGraph(title="T")
    g.add_edge("plan", "train", label="then")
    desc = parse(dl.render(g)).find("s:desc", NS).text
    assert "plan" in desc and "train" in desc and "then" in desc


def test_every_node_and_edge_is_a_titled_group_with_its_key():
    root = parse(dl.render(bug_hunt()))
    nodes = root.findall(".//s:g[@data-key]", NS)
    assert [n.get("data-key") for n in nodes] == ["crash", "hw", "data", "ours", "lib", "fix"]
    crash = nodes[0]
    assert crash.get("class") == "node role-symptom"
    assert crash.find("s:title", NS).text == "Crashes that look unrelated"
    for node in nodes:
        assert not re.fullmatch(r"n\d+", node.find("s:title", NS).text)
    edges = root.findall(".//s:g[@data-source]", NS)
    assert len(edges) == 5 and all("edge" in e.get("class").split() for e in edges)
    assert edges[0].find("s:title", NS).text == (
        "Crashes that look unrelated → Hardware faults: suspected"
    )


def test_text_is_real_text_with_wrapped_tspans():
    g = nx.DiGraph(title="T")
    g.add_node("a", label="a fairly long label that must wrap onto several lines")
    svg = dl.render(g, max_label_width=100)
    tspans = parse(svg).findall(".//s:g[@data-key='a']/s:text/s:tspan", NS)
    assert len(tspans) >= 3
    assert " ".join(t.text for t in tspans) == (
        "a fairly long label that must wrap onto several lines"
    )


def test_labels_come_out_literally():
    svg = dl.render(awkward_keys())
    root = parse(svg)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert 'Keys: "quoted" <b>&</b>' in texts
    assert 'say "hi" \\N <i>not html</i> & done' in texts
    keys = [g.get("data-key") for g in root.findall(".//s:g[@data-key]", NS)]
    assert keys == ["a:b", "('tuple', 1)", "42"]


def test_ids_are_prefixed_and_unique():
    svg = dl.render(bug_hunt())
    ids = re.findall(r' id="([^"]+)"', svg)
    prefix = parse(svg).get("id")
    assert len(ids) == len(set(ids))
    assert all(i == prefix or i.startswith(prefix + "-") for i in ids)
    assert prefix == "how-the-bug-was-found"  # from the title alone: a label change
    assert dl.render(bug_hunt(), theme="dark").count(prefix) == svg.count(prefix)  # moves no id
    custom = dl.render(bug_hunt(), id_prefix="fig-1")
    assert 'id="fig-1-n0"' in custom
    with pytest.raises(dl.ValidationError, match="id_prefix"):
        dl.render(bug_hunt(), id_prefix='x" onload="alert(1)')


def test_no_version_comments_or_timestamps_and_fixed_precision():
    svg = dl.render(bug_hunt())
    assert "<!--" not in svg and "Generated" not in svg
    numbers = re.findall(r"-?\d+\.\d+", svg)
    assert numbers and all(len(n.split(".")[1]) <= 2 for n in numbers)


def test_dark_theme_and_auto_css():
    dark = dl.render(bug_hunt(), theme="dark")
    assert 'fill="#0f172a"' in dark and "<style>" not in dark
    auto = dl.render(bug_hunt(), theme="auto")
    light = dl.render(bug_hunt())
    assert "@media (prefers-color-scheme:dark)" in auto
    prefix = parse(auto).get("id")
    assert f"#{prefix} .role-symptom>.shape" in auto
    # attribute colours keep the light look as the fallback
    assert re.sub(r"<style>.*?</style>\n", "", auto) == light


def test_legend_lists_roles_in_use():
    root = parse(dl.render(bug_hunt(), legend=True))
    labels = [t.text for t in root.findall(".//s:g[@class='legend']//s:tspan", NS)]
    assert labels == ["Symptom", "Ruled out", "Confirmed", "End"]


def test_roles_differ_by_more_than_colour():
    svg = dl.render(bug_hunt())
    root = parse(svg)

    def shape_of(key):
        return root.find(f".//s:g[@data-key='{key}']/*[@class='shape']", NS)

    assert shape_of("hw").get("stroke-dasharray")  # ruled out: dotted
    assert shape_of("lib").get("stroke-dasharray") is None
    assert float(shape_of("lib").get("stroke-width")) > float(shape_of("hw").get("stroke-width"))
    assert root.find(".//s:g[@data-key='lib']/s:path[@class='marker']", NS) is not None
    assert shape_of("crash").tag.endswith("polygon")  # symptom: hexagon


def test_text_fits_inside_its_box():
    """Every wrapped line is narrower than its node box (measured with shipped metrics)."""
    from diagrams_lib.text import text_width

    g = bug_hunt()
    g.add_node("long", label="Supercalifragilisticexpialidocious-and-more-words-here")
    svg = dl.render(g, max_label_width=120)
    root = parse(svg)
    for node in root.findall(".//s:g[@data-key]", NS):
        rect = node.find("s:rect", NS)
        if rect is None:
            continue
        for tspan in node.findall(".//s:text[@class='label']/s:tspan", NS):
            assert text_width(tspan.text, size=14, bold=True) <= float(rect.get("width")) - 16


def test_jupyter_display_hook():
    svg = dl.render(bug_hunt())
    assert isinstance(svg, str) and svg._repr_svg_() == str(svg)


def test_undirected_graphs_have_no_arrows():
    g = nx.Graph(title="Undirected")
    g.add_edge("a", "b")
    assert 'class="arrow"' not in dl.render(g)


@pytest.mark.parametrize("engine", dl.ENGINES)
def test_every_engine_renders(engine):
    if engine in CLUSTER_ENGINES:
        svg = dl.render(bug_hunt(), engine=engine)
        assert svg.count('class="group"') == 1
    else:
        with pytest.warns(dl.DiagramWarning, match=f"engine '{engine}' cannot keep groups"):
            svg = dl.render(bug_hunt(), engine=engine)
        assert 'class="group"' not in svg
        assert svg == dl.render(ungrouped(bug_hunt()), engine=engine)
    assert len(parse(svg).findall(".//s:g[@data-key]", NS)) == 6


def test_golden_core(diagram_golden):
    diagram_golden(bug_hunt(), "core-bug-hunt", legend=True)


def test_golden_core_dark_auto(diagram_golden):
    diagram_golden(bug_hunt(), "core-bug-hunt-auto", theme="auto")


def test_golden_awkward(diagram_golden):
    diagram_golden(awkward_keys(), "core-awkward-keys")


def test_hidden_labels_still_name_the_node_and_empty_nodes_are_decorative():
    g = nx.DiGraph(title="T")
    g.add_node("region", label="Set: Statistics", hide_label=True)
    g.add_node("dot", label="")
    root = parse(dl.render(g))
    region = root.find(".//s:g[@data-key='region']", NS)
    assert region.find("s:title", NS).text == "Set: Statistics"
    assert region.find("s:text", NS) is None
    empty = root.find(".//s:g[@data-key='dot']", NS)
    assert empty.get("aria-hidden") == "true" and empty.find("s:title", NS) is None


def test_graph_engine_attribute_picks_the_layout():
    g = ungrouped(bug_hunt())
    g.graph["engine"] = "circo"
    assert dl.render(g) == dl.render(ungrouped(bug_hunt()), engine="circo")
    g.graph["engine"] = "sfdp-ish"
    with pytest.raises(dl.UnknownOptionError, match="graph attribute 'engine'"):
        dl.render(g)


def test_edge_label_background_clears_its_own_line():
    """The drawn label box is smaller than the space Graphviz reserved around it."""
    from diagrams_lib.model import read_diagram
    from diagrams_lib.size import LABEL_PAD, size_edge_label
    from diagrams_lib.theme import LIGHT

    edge = read_diagram(bug_hunt()).edges[0]
    reserved = size_edge_label(edge, theme=LIGHT, max_width=180)
    drawn_width = reserved.text.width + 2 * LABEL_PAD
    assert reserved.width - drawn_width >= 7.99


def test_outcome_markers_are_drawn_not_glyphs_and_named_in_words():
    root = parse(dl.render(bug_hunt()))
    lib = root.find(".//s:g[@data-key='lib']", NS)
    assert lib.find("s:path[@class='marker']", NS) is not None
    assert "✓" not in "".join(lib.find("s:text", NS).itertext())
    assert lib.find("s:title", NS).text == "Bug in an external library. the true cause (Confirmed)"


@pytest.mark.parametrize("engine", ["dot", "neato", "twopi", "circo", "sfdp", "osage"])
def test_byte_stable_engines_repeat_exactly_and_print_no_warnings(engine, capfd):
    outputs = {dl.render(ungrouped(bug_hunt()), engine=engine) for _ in range(3)}
    assert len(outputs) == 1
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("directed", [True, False])
def test_edge_titles_and_description_name_their_ends_with_an_arrow_or_dash(directed):
    g = (nx.DiGraph if directed else nx.Graph)(title="Arrows")
    g.add_edge("plain", "naïve → next", label="50% – ok")
    svg = dl.render(g)
    mark = "→" if directed else "–"
    assert f"<title>plain {mark} naïve → next: 50% – ok</title>" in svg
    assert f"plain {mark} naïve → next (50% – ok)." in svg  # the description
    assert "\x03" not in svg and "\x04" not in svg
