"""The report build: complete figures, working links, freshness check, nothing half-written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from report.build import REPORT_NAME, ReportError, build, check, write

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REPORT = DOCS / REPORT_NAME
NOISE = [
    "youtu.be",
    "itvbmgLZvcM",
    "Plasmic",
    "Vercel",
    "Obsidian",
    "Foxi",
    "digital garden",
    "把这个",
    "Learn More",
]


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text(encoding="utf-8")


def test_report_is_up_to_date():
    problems = check(build(), out_dir=DOCS)
    assert not problems, "run `make report`: " + "; ".join(problems)


def test_every_figure_is_present_numbered_captioned_and_described(text):
    figures = re.findall(r"!\[([^\]]*)\]\((figures/[a-z0-9-]+\.svg)\)", text)
    assert len(figures) >= 9
    for alt, path in figures:
        assert len(alt.split()) >= 6, f"{path}: alt text too short"
        svg = (DOCS / path).read_text(encoding="utf-8")
        assert svg.startswith("<svg") and 'role="img"' in svg
    numbers = [int(n) for n in re.findall(r"\*\*Figure (\d+)\. ", text)]
    assert numbers == list(range(1, len(figures) + 1))
    assert text.count("<summary>Text description of Figure") == len(figures)
    for n in numbers:
        assert f'<a id="figure-{n}"></a>' in text
        first_ref = text.find(f"](#figure-{n})")
        assert first_ref != -1, f"Figure {n} is never referenced from the text"


def test_required_figures_are_there():
    names = {p.stem for p in (DOCS / "figures").glob("*.svg")}
    assert {
        "timeline",
        "resource-pyramid",
        "resource-dependencies",
        "codesign",
        "torch-sum-tree",
        "rare-failures",
        "bottleneck-shift",
        "future-directions",
        "ten-million-gpus",
    } <= names


def test_illustrative_figures_say_so_on_the_figure():
    for name in ("rare-failures", "bottleneck-shift"):
        svg = (DOCS / "figures" / f"{name}.svg").read_text(encoding="utf-8")
        assert "Illustrative" in svg or "illustrative" in svg, name


def test_structure_toc_and_links(text):
    assert text.startswith("# Inside GPT-4.5")
    assert "{{" not in text and "}}" not in text
    assert not re.search(r"^#### ", text, re.M), "at most three heading levels"
    assert "## TL;DR" in text and "## Contents" in text
    assert re.search(r"\*\*Reading time:\*\* about \d+ minutes", text)
    headings = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
        for h in re.findall(r"^#{1,3} (.+)$", text, re.M)
    }
    anchors = headings | set(re.findall(r'<a id="([^"]+)"></a>', text))
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"link to #{target} has no target"
    for target in re.findall(r"\]\((figures/[^)]+)\)", text):
        assert (DOCS / target).exists()


def test_no_noise_from_the_raw_paste(text):
    for word in NOISE:
        assert word not in text, word
    assert not re.search(r"^\s*(love|hello)\s*$", text, re.M | re.I)


def test_building_twice_changes_no_byte():
    assert build().files == build().files


# --- the build mechanics, on a small report of its own --------------------------------


def small_report(tmp_path: Path, *, fail: bool = False):
    sections = tmp_path / "sections"
    sections.mkdir(exist_ok=True)
    (sections / "00.md").write_text(
        "# Small\n\n{{reading_time}}\n\n{{toc}}\n\n## One\n\n"
        "See {{ref:a}}.\n\n{{figure:a}}\n\n## Two\n\n"
        "{{figure:b}}\n\nAnd {{ref:b}}.\n"
    )
    texts = tmp_path / "figures.toml"
    texts.write_text(
        "".join(
            f'[{n}]\ntitle = "Figure {n}"\nalt = "alt text for figure {n} here"\n'
            f'caption = "The takeaway of {n}."\ndescription = "Long text of {n}."\n'
            for n in "ab"
        )
    )

    def graph(name):
        def make():
            if fail and name == "b":
                raise ValueError("boom in b")
            g = nx.DiGraph()
            g.add_edge(f"{name}1", f"{name}2")
            return g

        return make

    return dict(figures={"a": graph("a"), "b": graph("b")}, sections=sections, texts_path=texts)


def test_small_report_numbers_figures_and_builds_toc(tmp_path):
    out = build(**small_report(tmp_path))
    md = out.files[REPORT_NAME]
    assert "See [Figure 1](#figure-1)." in md and "And [Figure 2](#figure-2)." in md
    assert "- [One](#one)" in md and "- [Two](#two)" in md
    assert sorted(out.files) == ["figures/a.svg", "figures/b.svg", REPORT_NAME]


def test_failing_figure_names_itself_and_leaves_the_old_report(tmp_path):
    out_dir = tmp_path / "docs"
    write(build(**small_report(tmp_path)), out_dir=out_dir)
    before = {p: p.read_bytes() for p in out_dir.rglob("*") if p.is_file()}
    bad = tmp_path / "bad"
    bad.mkdir()
    with pytest.raises(ReportError, match="figure 'b' failed: boom in b"):
        build(**small_report(bad, fail=True))
    assert {p: p.read_bytes() for p in out_dir.rglob("*") if p.is_file()} == before


def test_interrupted_write_leaves_every_file_whole(tmp_path, monkeypatch):
    import report.build as rb

    out_dir = tmp_path / "docs"
    write(build(**small_report(tmp_path)), out_dir=out_dir)
    old = (out_dir / REPORT_NAME).read_text()
    changed = build(**small_report(tmp_path))
    changed.files[REPORT_NAME] = old + "\nnew paragraph\n"
    changed.files["figures/a.svg"] = changed.files["figures/a.svg"].replace("a1", "A1")
    calls = []

    def dying_write(path, text):
        calls.append(path)
        raise KeyboardInterrupt("killed mid-build")

    monkeypatch.setattr(rb, "atomic_write", dying_write)
    with pytest.raises(KeyboardInterrupt):
        write(changed, out_dir=out_dir)
    assert calls and (out_dir / REPORT_NAME).read_text() == old
    assert not [p for p in out_dir.rglob("*.tmp")]


def test_unknown_reference_and_missing_texts_are_named(tmp_path):
    kwargs = small_report(tmp_path)
    (kwargs["sections"] / "01.md").write_text("{{ref:nope}}\n")
    with pytest.raises(ReportError, match="nope"):
        build(**kwargs)


def test_check_mode_names_the_stale_file(tmp_path):
    out_dir = tmp_path / "docs"
    shutil.copytree(DOCS, out_dir)
    code = [sys.executable, "-m", "report", "--check", "--out", str(out_dir)]
    assert subprocess.run(code, cwd=ROOT, capture_output=True).returncode == 0
    svg = out_dir / "figures" / "codesign.svg"
    svg.write_text(svg.read_text().replace("Systems", "Sistems"))
    done = subprocess.run(code, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "figures/codesign.svg is out of date" in done.stderr
