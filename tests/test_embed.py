"""The same figure twice on one HTML page: each copy's ids its own, each copy named right."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import networkx as nx
import pytest

import diagrams_lib as dl
from tests.browser import chromium
from tests.helpers import awkward_keys, bug_hunt


class _Ids(HTMLParser):
    """Every id on a page, and each ``<svg>``'s aria-labelledby with the ids inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.figures: list[tuple[list[str], set[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "svg":
            self.figures.append(((values.get("aria-labelledby") or "").split(), set()))
        if values.get("id"):
            self.ids.append(values["id"] or "")
            if self.figures:
                self.figures[-1][1].add(values["id"] or "")


def page(*figures: str) -> str:
    return "<!DOCTYPE html><html><body>" + "".join(figures) + "</body></html>"


def read(html: str) -> _Ids:
    ids = _Ids()
    ids.feed(html)
    return ids


def test_two_plain_copies_clash_and_a_reprefixed_copy_does_not():
    svg = dl.render(bug_hunt(), theme="auto", legend=True)
    clashing = read(page(svg, svg))
    assert any(n > 1 for n in Counter(clashing.ids).values())
    ids = read(page(svg, dl.reprefix(svg, id_prefix="bug-hunt-2")))
    assert [i for i, n in Counter(ids.ids).items() if n > 1] == []
    assert len(ids.figures) == 2
    for names, inside in ids.figures:
        assert len(names) == 2 and set(names) <= inside  # the title and desc of this copy


@pytest.mark.parametrize("theme", ["light", "auto"])
@pytest.mark.parametrize("graph", [bug_hunt, awkward_keys], ids=["bug-hunt", "awkward-keys"])
def test_reprefix_is_render_with_that_prefix(graph, theme):
    svg = dl.render(graph(), theme=theme, legend=True)
    again = dl.render(graph(), theme=theme, legend=True, id_prefix="copy-2")
    assert dl.reprefix(svg, id_prefix="copy-2") == again
    assert isinstance(dl.reprefix(svg, id_prefix="copy-2"), dl.SVG)


def test_text_that_looks_like_an_id_is_left_alone():
    g = nx.DiGraph(title="Plan")
    g.add_node("plan", label='id="plan-n0" #plan aria-labelledby="plan-title"')
    g.add_edge("plan", "plan-n0", label="plan")
    svg = dl.render(g, theme="auto")
    assert dl.reprefix(svg, id_prefix="other") == dl.render(g, theme="auto", id_prefix="other")


def test_reprefix_refuses_bad_prefixes_and_foreign_svg():
    svg = dl.render(bug_hunt())
    with pytest.raises(dl.ValidationError, match="'Bad Prefix'"):
        dl.reprefix(svg, id_prefix="Bad Prefix")
    with pytest.raises(dl.ValidationError, match="diagrams_lib.render"):
        dl.reprefix('<svg xmlns="http://www.w3.org/2000/svg" id="x"/>', id_prefix="y")
    with pytest.raises(dl.DiagramTypeError):
        dl.reprefix(b"<svg/>", id_prefix="y")


def test_both_copies_work_in_chromium():
    svg = dl.render(bug_hunt(), theme="auto")
    html = page(svg, dl.reprefix(svg, id_prefix="bug-hunt-2"))
    with chromium() as browser:
        tab = browser.new_page(color_scheme="dark")
        try:
            tab.set_content(html)
            facts = tab.evaluate("""() => [...document.querySelectorAll("svg")].map(svg => ({
                named: svg.getAttribute("aria-labelledby").split(" ").map(id => {
                    const el = document.getElementById(id);
                    return el !== null && svg.contains(el) ? el.textContent : null;
                }),
                card: getComputedStyle(svg.querySelector(".dl-card")).fill,
            }))""")
        finally:
            tab.close()
    dark_card = "rgb({}, {}, {})".format(*bytes.fromhex(dl.DARK.background[1:]))
    for figure in facts:
        assert figure["named"][0] == "How the bug was found"
        assert None not in figure["named"]
        assert figure["card"] == dark_card  # the auto theme's CSS reaches both copies
