"""Golden-testing your own diagrams, with failures that say what changed.

A pytest plugin (loaded automatically once diagrams_lib is installed) gives the
``diagram_golden`` fixture::

    def test_pipeline(diagram_golden):
        diagram_golden(build_pipeline_graph(), "pipeline")   # a graph or an SVG string

The first run writes ``<test folder>/golden/pipeline.svg`` and fails; later runs
compare byte for byte. On a difference the failure lists which nodes, edges and
labels changed and which only moved, instead of a wall of XML, and writes the new
picture beside the golden (``pipeline.obtained.svg``) with a page showing both side by
side (``pipeline.diff.html``). ``pytest --diagrams-regen`` rewrites the goldens that
differ (look at them before committing). Override the ``diagram_golden_dir`` fixture to
keep goldens elsewhere.

The comparison is also available without pytest:

>>> a = '<svg xmlns="http://www.w3.org/2000/svg"><g data-key="x"><title>Old</title></g></svg>'
>>> b = a.replace("Old", "New")
>>> describe_changes(a, b)
["node 'x': label 'Old' -> 'New'"]
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

__all__ = ["GoldenMismatch", "check_golden", "describe_changes"]

_NS = "{http://www.w3.org/2000/svg}"
_SHOWN = 12  # names listed in one line of a failure


class GoldenMismatch(AssertionError):
    """An SVG differs from its golden file; the message lists what changed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """A node or edge of a rendered diagram: its name, what it says, and its markup."""

    name: str
    title: str
    role: str
    markup: bytes


def _items(svg: str) -> tuple[str, dict[tuple, _Item]]:
    """The diagram's title, and its nodes (by key) and edges (by ends and count)."""
    root = ET.fromstring(svg)
    title = root.find(f"{_NS}title")
    items: dict[tuple, _Item] = {}
    for g in root.iter(f"{_NS}g"):
        t = g.find(f"{_NS}title")
        text = (t.text or "") if t is not None else ""
        role = " ".join(c for c in (g.get("class") or "").split() if c.startswith("role-"))
        if g.get("data-key") is not None:
            key: tuple = ("node", g.get("data-key"))
            name = f"node {key[1]!r}"
        elif g.get("data-source") is not None:
            ends = (g.get("data-source"), g.get("data-target"))
            count = sum(1 for k in items if k[:3] == ("edge", *ends))
            key = ("edge", *ends, count)
            name = f"edge {ends[0]!r} -> {ends[1]!r}" + (f" (#{count + 1})" if count else "")
        else:
            continue
        items[key] = _Item(name=name, title=text, role=role, markup=ET.tostring(g))
    return (title.text or "") if title is not None else "", items


def _listed(names: list[str]) -> str:
    more = f" and {len(names) - _SHOWN} more" if len(names) > _SHOWN else ""
    return ", ".join(names[:_SHOWN]) + more


def describe_changes(expected: str, actual: str) -> list[str]:
    """List the human-visible differences between two diagrams_lib SVGs: what was added,
    removed or relabelled, then what only moved or changed style (each name once)."""
    t0, before = _items(expected)
    t1, after = _items(actual)
    out = []
    if t0 != t1:
        out.append(f"title: {t0!r} -> {t1!r}")
    for key in before.keys() - after.keys():
        out.append(f"{before[key].name} removed ({before[key].title!r})")
    for key in after.keys() - before.keys():
        out.append(f"{after[key].name} added ({after[key].title!r})")
    moved = []
    for key in sorted(before.keys() & after.keys(), key=repr):
        old, new = before[key], after[key]
        said = False
        if old.title != new.title:
            what = "label " if key[0] == "node" else ""
            out.append(f"{new.name}: {what}{old.title!r} -> {new.title!r}")
            said = True
        if old.role != new.role:
            out.append(f"{new.name}: {old.role or 'no role'} -> {new.role or 'no role'}")
            said = True
        if not said and old.markup != new.markup:
            moved.append(new.name)
    out.sort()
    if moved:
        out.append(f"geometry or style changed for: {_listed(moved)}")
    elif not out and expected != actual:
        out.append("same nodes, edges and labels; the page (size, theme, legend) changed")
    return out


def _side_by_side(golden: Path, obtained: Path) -> str:
    """A page showing the golden and the new picture next to each other."""
    cells = "".join(
        f"<figure><figcaption>{caption}: {html.escape(path.name)}</figcaption>"
        f'<img src="{html.escape(path.name)}" alt="{caption}"></figure>'
        for caption, path in (("expected", golden), ("obtained", obtained))
    )
    return (
        "<!doctype html>\n<meta charset=utf-8>\n"
        f"<title>{html.escape(golden.stem)}: golden and obtained</title>\n"
        "<style>body{font-family:sans-serif;display:flex;gap:24px;align-items:flex-start}"
        "figure{margin:0}img{max-width:48vw;border:1px solid #ccc}</style>\n"
        f"{cells}\n"
    )


def _leftovers(golden: Path) -> tuple[Path, Path]:
    stem = golden.with_suffix("")
    return Path(f"{stem}.obtained.svg"), Path(f"{stem}.diff.html")


def check_golden(actual: Any, golden: Path, *, regen: bool = False, **render_options) -> None:
    """Compare an SVG (or a graph, rendered with ``render_options``) with ``golden``.

    Writes the golden when missing (and fails), or when ``regen`` and it differs. On a
    difference, writes ``<name>.obtained.svg`` and ``<name>.diff.html`` beside the golden
    and names both in the failure; they are removed once the two agree again.
    """
    from .api import render
    from .files import write_atomic

    svg = actual if isinstance(actual, str) else render(actual, **render_options)
    golden = Path(golden)
    obtained, page = _leftovers(golden)
    if not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(golden, svg)
        raise GoldenMismatch(f"{golden} did not exist; it was written: look at it, then rerun")
    expected = golden.read_text(encoding="utf-8")
    if expected == svg or regen:
        if expected != svg:
            write_atomic(golden, svg)
        obtained.unlink(missing_ok=True)
        page.unlink(missing_ok=True)
        return
    write_atomic(obtained, svg)
    write_atomic(page, _side_by_side(golden, obtained))
    changes = "\n  ".join(describe_changes(expected, svg))
    raise GoldenMismatch(
        f"{golden} differs:\n  {changes}\n"
        f"new picture: {obtained}\nside by side: {page}\n"
        "(rerun with --diagrams-regen to accept, after looking at the new picture)"
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--diagrams-regen",
        action="store_true",
        default=False,
        help="rewrite diagrams_lib golden SVGs that differ",
    )


@pytest.fixture
def diagram_golden_dir(request: pytest.FixtureRequest) -> Path:
    """Folder of the goldens: ``golden/`` beside the test file. Override to move it."""
    return Path(request.path).parent / "golden"


@pytest.fixture
def diagram_golden(request: pytest.FixtureRequest, diagram_golden_dir: Path):
    """``diagram_golden(graph_or_svg, name, **render_options)``: compare with a golden."""
    regen = request.config.getoption("--diagrams-regen")

    def check(actual: Any, name: str, **render_options: Any) -> None:
        __tracebackhide__ = True
        check_golden(actual, diagram_golden_dir / f"{name}.svg", regen=regen, **render_options)

    return check
