"""Hostile text: every output parses, shows what the user wrote, and cannot run script.

Property-based: hypothesis throws arbitrary unicode plus known-nasty strings at every
text field. The CI profile (derandomized, so CI is repeatable) runs 1,200 generated
inputs in all; set HYPOTHESIS_PROFILE=dev for a quick local run.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pydot
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diagrams_lib as dl

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

NASTY = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "]]>",
    "<![CDATA[x]]>",
    '"',
    "'",
    "\\",
    "\\N",
    "\\G",
    "\\l",
    "\\n",
    "<b>bold</b>",
    "<<TABLE>>",
    "&amp;",
    "&#x3C;",
    "node",
    "edge",
    "graph",
    "subgraph",
    "digraph",
    "strict",
    "a:b:c",
    "a -> b",
    "{ }",
    "[label=x]",
    ";",
    "//",
    "/*",
    "#",
    "\u202e evil",
    "zero\u200bwidth",
    "\ufeffbom",
    "e\u0301",
    "👩‍🔬",
    "中文标签",
    "x" * 300,
    "on" + "load=alert(1)",
    "url(http://evil/x.png)",
    "%s%n",
    "100%",
    "%%",
    "%(x)s",
    "%.2f",
]
SVG_NS = "{http://www.w3.org/2000/svg}"
# Text XML 1.0 can carry, minus surrogates; control characters are tested separately.
SAFE_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(SAFE_CHARS, min_size=1, max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(SAFE_CHARS, max_size=20)),
)
FORBIDDEN_ELEMENTS = {
    "script",
    "foreignObject",
    "iframe",
    "object",
    "embed",
    "use",
    "image",
    "animate",
    "set",
    "handler",
    "listener",
}


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def squash(text: str) -> str:
    return "".join(normalise(text).split())


def assert_safe_svg(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # parses as XML
    for el in root.iter():
        name = el.tag.replace(SVG_NS, "")
        assert name not in FORBIDDEN_ELEMENTS, name
        for attr, value in el.attrib.items():
            local = attr.split("}")[-1].lower()
            assert not local.startswith("on"), attr
            if local == "href":
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I)
                assert not value.startswith("//")
        if name == "style":
            assert "url(" not in (el.text or "") and "@import" not in (el.text or "")
    return root


def titles(root: ET.Element, attr: str) -> dict[str, str]:
    return {
        g.get(attr): g.find(f"{SVG_NS}title").text or ""
        for g in root.iter(f"{SVG_NS}g")
        if g.get(attr) is not None
    }


@settings(max_examples=500)
@given(
    items=st.lists(
        st.tuples(TEXT, TEXT, st.one_of(st.none(), TEXT)),
        min_size=1,
        max_size=4,
        unique_by=lambda t: t[0],
    )
)
def test_node_keys_labels_and_notes(items):
    g = nx.DiGraph(title="Nodes")
    for key, label, note in items:
        g.add_node(key, label=label, note=note)
    root = assert_safe_svg(dl.render(g))
    shown = titles(root, "data-key")
    for key, label, note in items:
        expected = ". ".join(normalise(p) for p in (label, note) if p)
        assert shown[normalise(key)] == expected
    again = dl.from_dot(dl.to_dot(g))  # the library's own DOT comes back exactly
    assert list(again.nodes(data=True)) == list(g.nodes(data=True))


@settings(max_examples=350)
@given(title=TEXT, description=TEXT, group=TEXT, group_label=TEXT)
def test_titles_descriptions_and_groups(title, description, group, group_label):
    g = nx.DiGraph(title=title, description=description, groups={group: group_label})
    g.add_node("a", group=group)
    g.add_node("b", group=group)
    g.add_edge("a", "b")
    for theme in ("light", "auto"):
        root = assert_safe_svg(dl.render(g, theme=theme))
        assert root.find(f"{SVG_NS}title").text == normalise(title)
        assert root.find(f"{SVG_NS}desc").text == normalise(description)
        group_el = next(el for el in root.iter(f"{SVG_NS}g") if el.get("data-group"))
        assert group_el.get("data-group") == normalise(group)
        assert group_el.find(f"{SVG_NS}title").text == normalise(group_label)
    assert pydot.graph_from_dot_data(dl.to_dot(g))


@settings(max_examples=350)
@given(labels=st.lists(TEXT, min_size=1, max_size=3))
def test_edge_labels(labels):
    g = nx.MultiDiGraph(title="Edges")
    for label in labels:
        g.add_edge("src", "dst", label=label)
    root = assert_safe_svg(dl.render(g))
    edge_titles = [
        g_el.find(f"{SVG_NS}title").text
        for g_el in root.iter(f"{SVG_NS}g")
        if g_el.get("data-source") is not None
    ]
    assert edge_titles == [f"src → dst: {normalise(label)}" for label in labels]
    parsed = pydot.graph_from_dot_data(dl.to_dot(g))[0]
    assert len(parsed.get_edges()) == len(labels)


CONTROL = st.sampled_from([chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85]])


@settings(max_examples=100)
@given(before=TEXT, bad=CONTROL, field=st.sampled_from(["label", "note", "key", "edge"]))
def test_control_characters_get_an_error_naming_the_node(before, bad, field):
    g = nx.DiGraph(title="T")
    text = before + bad
    if field == "key":
        g.add_node(text)
        where = repr(text)
    elif field == "edge":
        g.add_edge("a", "b", label=text)
        where = "edge 'a' -> 'b'"
    else:
        g.add_node("k", **{field: text})
        where = f"node 'k' attribute '{field}'"
    with pytest.raises(dl.ValidationError) as info:
        dl.render(g)
    assert where in str(info.value) and "U+" in str(info.value)


@settings(max_examples=50)
@given(
    link=st.one_of(
        TEXT,
        st.sampled_from(
            [
                "javascript:x",
                " javascript:x",
                "JAVASCRIPT:x",
                "data:text/html,<script>",
                "vbscript:x",
                "//evil.example/x",
                "java\nscript:x",
            ]
        ),
    )
)
def test_links_are_http_https_or_relative_only(link):
    g = nx.DiGraph(title="Links")
    g.add_node("n", link=link)
    try:
        svg = dl.render(g)
    except dl.ValidationError as exc:
        assert "node 'n' attribute 'link'" in str(exc)
        return
    root = assert_safe_svg(svg)
    anchor = next(root.iter(f"{SVG_NS}a"))
    assert anchor.get("href") == link
