"""The report build: complete figures, working links, freshness check, nothing half-written."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from report.build import (
    REPORT_NAME,
    WORDS_PER_MINUTE,
    ReportError,
    build,
    check,
    prose_words,
    write,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REPORT = DOCS / REPORT_NAME
NOISE = ["youtu.be", "itvbmgLZvcM", "Plasmic", "Vercel", "Obsidian", "Foxi", "digital garden",
         "把这个", "Learn More"]  # fmt: skip


@pytest.fixture(scope="module")
def text() -> str:
    return REPORT.read_text(encoding="utf-8")


def test_report_is_up_to_date():
    problems = check(build(), out_dir=DOCS)
    assert not problems, "run `make report`: " + "; ".join(problems)


def test_every_figure_is_present_numbered_captioned_and_described(text):
    figures = re.findall(r"!\[([^\]]*)\]\((figures/[a-z0-9-]+\.svg)\)", text)
    assert 8 <= len(figures) <= 10, "8 to 10 figures, each one necessary"
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
    assert {"timeline", "resources", "codesign", "rare-failures", "torch-sum",
            "bottleneck-shift", "compression", "long-tail", "three-ways"} <= names  # fmt: skip


def test_illustrative_figures_say_so_on_the_figure():
    for name in ("rare-failures", "bottleneck-shift", "compression", "long-tail"):
        svg = (DOCS / "figures" / f"{name}.svg").read_text(encoding="utf-8")
        assert "Illustrative" in svg or "illustrative" in svg, name


def test_structure_toc_and_links(text):
    assert text.startswith("# Inside GPT-4.5")
    assert text.index("## TL;DR") < text.index("## Contents") < text.index("\n## ", text.index(
        "## Contents") + 1), "TL;DR first, then the contents, then the sections"
    assert "{{" not in text and "}}" not in text
    assert not re.search(r"^#### ", text, re.M), "at most three heading levels"
    contents = text.split("## Contents", 1)[1].split("\n## ", 1)[0]
    entries = re.findall(r"^- \[([^\]]+)\]", contents, re.M)
    sections = re.findall(r"^## (.+)$", text.split("## Contents", 1)[1], re.M)
    assert entries == sections and len(entries) <= 15, "contents: every H2, no H3, at most 15"
    headings = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
                for h in re.findall(r"^#{1,3} (.+)$", text, re.M)}  # fmt: skip
    anchors = headings | set(re.findall(r'<a id="([^"]+)"></a>', text))
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"link to #{target} has no target"
    for target in re.findall(r"\]\((figures/[^)]+)\)", text):
        assert (DOCS / target).exists()


def test_prose_length_and_the_reading_time_it_gives(text):
    words = prose_words(text)
    assert 3_500 <= words <= 5_500, f"{words} words of prose"
    minutes = int(re.search(r"\*\*Reading time:\*\* about (\d+) minutes", text).group(1))
    assert minutes == -(-words // WORDS_PER_MINUTE) and minutes < 25


def test_claims_carry_minute_marks_written_one_way(text):
    marks = re.findall(r"\(min [^)]*\)", text)
    assert len(marks) >= 15
    one_way = re.compile(r"\(min \d{1,2}(–\d{1,2})?(, \d{1,2}(–\d{1,2})?)*\)")
    assert [m for m in marks if not one_way.fullmatch(m)] == []
    assert not re.search(r"\[\d\d(, \d\d)*\]|\bminute \d+\b(?! to)", text.split(
        "<details>")[0]), "minutes outside the descriptions are written (min N)"


def test_no_key_phrase_is_said_more_than_three_times(text):
    lower = text.lower()
    for phrase in ("about two years", "one-in-a-million", "some aspects", "semi-synchronous",
                   "fewest votes", "longer than hoped", "flour"):
        assert lower.count(phrase) <= 3, phrase


def test_glossary_holds_only_terms_met_more_than_once(text):
    body, glossary = text.split("## Glossary")
    terms = re.findall(r"^\| ([^|]+?) \| ", glossary, re.M)[1:]
    assert 20 <= len(terms) <= 30
    for term in terms:
        word = re.sub(r"\s*\(.*\)|\s+training$", "", term).strip().lower()
        assert body.lower().count(word) >= 2, term


def test_no_noise_from_the_raw_paste(text):
    for word in NOISE:
        assert word not in text, word
    assert not re.search(r"^\s*(love|hello)\s*$", text, re.M | re.I)


def test_figures_use_only_the_public_api_of_the_library():
    """The library's internals may change under the same public API; the figures must not
    notice."""
    public = {"diagrams_lib", "diagrams_lib.kinds", "diagrams_lib.kinds.axis"}
    for path in sorted((ROOT / "report" / "figures").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                used = [(alias.name, "") for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                used = [(node.module or "", alias.name) for alias in node.names]
            else:
                continue
            for module, name in used:
                if module.startswith("diagrams_lib"):
                    assert module in public, f"{path.name} imports {module}"
                    assert not name.startswith("_"), f"{path.name} imports {module}.{name}"


def test_building_twice_changes_no_byte():
    assert build().files == build().files


# --- the build mechanics, on a small report of its own --------------------------------


def small_report(tmp_path: Path, *, fail: bool = False):
    sections = tmp_path / "sections"
    sections.mkdir(exist_ok=True)
    (sections / "00.md").write_text("# Small\n\n{{reading_time}}\n\n{{toc}}\n\n## One\n\n"
                                    "See {{ref:a}}.\n\n{{figure:a}}\n\n## Two\n\n"
                                    "{{figure:b}}\n\nAnd {{ref:b}}.\n")  # fmt: skip
    texts = tmp_path / "figures.toml"
    texts.write_text("".join(
        f'[{n}]\ntitle = "Figure {n}"\nalt = "alt text for figure {n} here"\n'
        f'caption = "The takeaway of {n}."\ndescription = "Long text of {n}."\n'
        for n in "ab"))  # fmt: skip

    def graph(name):
        def make():
            if fail and name == "b":
                raise ValueError("boom in b")
            g = nx.DiGraph()
            g.add_edge(f"{name}1", f"{name}2")
            return g
        return make

    return dict(figures={"a": graph("a"), "b": graph("b")}, sections=sections,
                texts_path=texts)  # fmt: skip


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
