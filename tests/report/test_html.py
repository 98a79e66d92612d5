"""The report as an HTML page: its markup, its files, and how it looks in Chromium.

The browser tests drive Debian's ``/usr/bin/chromium`` through Playwright (never a
downloaded browser); without either they are skipped, saying why. Their full-page
screenshots are kept in ``build/test-artifacts/``.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
import report.__main__ as report_main
from report import build as report_build
from report.build import REPORT_NAME, Output, ReportError
from report.html import build_html, slugify, to_html, write_html
from tests.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "test-artifacts"
REAL_REPORT = ROOT / "docs" / REPORT_NAME

FIXTURE_MD = """\
# A small report

*A subtitle in italics.*

## Contents

- [Why: the plan, v2!](#why-the-plan-v2)
  - [Numbers & units](#numbers--units)
- [Code](#code)

## Why: the plan, v2!

The plan is in [Figure 1](#figure-1).

<a id="figure-1"></a>

![Two steps, plan then train](figures/plan.svg)

**Figure 1. The plan.** Plan, then train.

<details>
<summary>Text description of Figure 1</summary>

The figure shows:

- **plan**, then
- **train**.

</details>

### Numbers & units

| Quantity | Value |
|----------|-------|
| GPUs     | many  |
| Time     | 2 years |

## Code

```html
<details>
not markdown
</details>
```
"""


def plan_svg() -> str:
    g = nx.DiGraph(title="The plan", description="Plan, then train.")
    g.add_edge("plan", "train", label="then")
    return dl.render(g, theme="auto", id_prefix="fixture-plan")


def fixture_files() -> dict[str, str]:
    return {REPORT_NAME: FIXTURE_MD, "figures/plan.svg": plan_svg()}


# --- the page ---------------------------------------------------------------------------------


def test_page_is_a_complete_readable_document() -> None:
    page = build_html(fixture_files())["index.html"]
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<title>A small report</title>" in page
    assert "img{max-width:100%;height:auto}" in page
    assert "@media (prefers-color-scheme:dark)" in page
    assert "<table>" in page and "<th>Quantity</th>" in page
    assert "<link" not in page.replace('<link rel="icon" href="data:,">', "")  # no outside CSS


def test_heading_ids_follow_githubs_rule_like_the_report_contents() -> None:
    for heading in (
        "Why: the plan, v2!",
        "Numbers & units",
        "Inside GPT-4.5's pre-training",
        'The goal: "10x smarter", measured in compute',
        "TL;DR",
    ):
        assert slugify(heading) == report_build._anchor(heading)
    page = to_html(FIXTURE_MD)
    assert '<h2 id="why-the-plan-v2">' in page and '<h3 id="numbers--units">' in page


def test_markdown_inside_details_is_rendered_but_code_is_left_alone() -> None:
    page = to_html(FIXTURE_MD)
    details = page[page.index("<details") : page.index("</details>")]
    assert "<strong>plan</strong>" in details and "<li>" in details
    assert "&lt;details&gt;\nnot markdown" in page


def test_contents_nest_like_on_github() -> None:
    page = to_html(FIXTURE_MD)
    nested = r'<a href="#why-the-plan-v2">[^<]*</a>\s*<ul>\s*<li><a href="#numbers--units">'
    assert re.search(nested, page)


def test_figures_get_their_size_so_the_page_does_not_jump() -> None:
    svg = plan_svg()
    width, height = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups()
    page = build_html(fixture_files())["index.html"]
    assert (
        f'<img alt="Two steps, plan then train" height="{round(float(height))}" '
        f'src="figures/plan.svg" width="{round(float(width))}">'
    ) in page


def test_a_missing_figure_or_a_broken_link_is_named() -> None:
    with pytest.raises(ReportError, match="figures/gone.svg"):
        build_html({REPORT_NAME: "# R\n\n![x](figures/gone.svg)\n"})
    with pytest.raises(ReportError, match="#nowhere"):
        build_html({REPORT_NAME: "# R\n\nSee [this](#nowhere).\n"})


def test_every_link_of_the_real_sections_resolves() -> None:
    """The report's own text and contents, with stand-in figures: every in-page link
    (contents, figure references) lands on a heading or anchor."""
    texts = report_build.load_texts()

    def stand_in() -> nx.DiGraph:
        return nx.DiGraph([("a", "b")], title="stand-in")

    def render(g, **options) -> str:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'

    output = report_build.build(figures=dict.fromkeys(texts, stand_in), render=render)
    page = build_html(output.files)["index.html"]  # raises on a broken link
    assert page.count('href="#') > 20


def test_write_html_replaces_files_and_drops_old_figures(tmp_path: Path) -> None:
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "old.svg").write_text("<svg/>")
    files = build_html(fixture_files())
    assert write_html(files, out_dir=tmp_path) == [
        "figures/plan.svg",
        "index.html",
        "figures/old.svg (removed)",
    ]
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == files["index.html"]
    assert write_html(files, out_dir=tmp_path) == []
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["figures", "index.html", "plan.svg"]


def test_python_m_report_html_writes_the_page_quietly_when_piped(
    tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(report_main, "build", lambda **_: Output(fixture_files()))
    status = report_main.main(["--out", str(tmp_path / "docs"), "--html", str(tmp_path / "h")])
    assert status == 0
    assert (tmp_path / "h" / "index.html").is_file()
    assert (tmp_path / "h" / "figures" / "plan.svg").is_file()
    assert (tmp_path / "docs" / REPORT_NAME).is_file()
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "index.html" in captured.out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only() -> None:
    assert report_main._progress(io.StringIO()) is None
    terminal = _Terminal()
    show = report_main._progress(terminal)
    show(3, 10, "torch-sum-tree")
    show("writing docs…")
    assert terminal.getvalue() == "[3/10] figure torch-sum-tree\nreport: writing docs…\n"


# --- in Chromium ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def look(browser, url: str, *, scheme: str, width: int, screenshot: Path | None) -> dict:
    """Open ``url`` and return what a reader would notice going wrong."""
    page = browser.new_page(color_scheme=scheme, viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda r: errors.append(f"{r.url}: {r.failure}"))
    page.on(
        "response",
        lambda r: errors.append(f"{r.url}: HTTP {r.status}") if r.status >= 400 else None,
    )
    try:
        response = page.goto(url, wait_until="load", timeout=60_000)
        facts = page.evaluate("""() => ({
            images: [...document.images].map(i => ({src: i.getAttribute("src"),
                      loaded: i.complete && i.naturalWidth > 0,
                      fits: i.getBoundingClientRect().right <= innerWidth})),
            missing: [...document.querySelectorAll('a[href^="#"]')]
                     .map(a => decodeURIComponent(a.getAttribute("href").slice(1)))
                     .filter(id => id && !document.getElementById(id)),
            overflow: document.documentElement.scrollWidth > innerWidth,
            background: getComputedStyle(document.body).backgroundColor,
        })""")
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            print(f"screenshot: {screenshot}")
    finally:
        page.close()
    return {"status": response.status if response else None, "errors": errors, **facts}


def assert_reads_well(facts: dict, *, scheme: str) -> None:
    assert facts["status"] == 200
    assert facts["errors"] == []
    assert facts["images"], "the page shows no figure"
    assert [i["src"] for i in facts["images"] if not i["loaded"]] == []
    assert [i["src"] for i in facts["images"] if not i["fits"]] == []
    assert facts["missing"] == [], "in-page links without a target"
    assert not facts["overflow"], "the page scrolls sideways"
    dark = facts["background"] == "rgb(13, 17, 23)"
    assert dark == (scheme == "dark"), facts["background"]


def check_in_browser(browser, folder: Path, name: str) -> None:
    with served(folder) as base:
        for scheme, width, suffix in (
            ("light", 1000, ""),
            ("dark", 1000, "-dark"),
            ("light", 390, "-narrow"),
        ):
            shot = ARTIFACTS / f"{name}{suffix}.png" if width == 1000 else None
            facts = look(browser, base + "index.html", scheme=scheme, width=width, screenshot=shot)
            assert_reads_well(facts, scheme=scheme)


def test_fixture_page_in_chromium(browser, tmp_path: Path) -> None:
    write_html(build_html(fixture_files()), out_dir=tmp_path)
    check_in_browser(browser, tmp_path, "report-fixture")


@pytest.mark.skipif(not REAL_REPORT.exists(), reason=f"{REAL_REPORT} is not built yet")
def test_real_report_in_chromium(browser, tmp_path: Path) -> None:
    docs = REAL_REPORT.parent
    files = {REPORT_NAME: REAL_REPORT.read_text(encoding="utf-8")}
    for svg in sorted((docs / "figures").glob("*.svg")):
        files[f"figures/{svg.name}"] = svg.read_text(encoding="utf-8")
    write_html(build_html(files), out_dir=tmp_path)
    check_in_browser(browser, tmp_path, "report")
