"""The report build: complete figures, working links, freshness check, nothing half-written."""

from __future__ import annotations

import ast
import json
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from report.build import (
    REPORT_NAME,
    WORDS_PER_MINUTE,
    Output,
    ReportError,
    build,
    check,
    prose_words,
    write,
)
from report.publish import STAGING, recover

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
    problems = check(build(use_cache=False), out_dir=DOCS)
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
    assert {
        "timeline",
        "resources",
        "codesign",
        "rare-failures",
        "torch-sum",
        "bottleneck-shift",
        "compression",
        "long-tail",
        "three-ways",
    } <= names


def test_illustrative_figures_say_so_on_the_figure():
    for name in ("rare-failures", "bottleneck-shift", "compression", "long-tail"):
        svg = (DOCS / "figures" / f"{name}.svg").read_text(encoding="utf-8")
        assert "Illustrative" in svg or "illustrative" in svg, name


def test_structure_toc_and_links(text):
    assert text.startswith("# Inside GPT-4.5")
    assert (
        text.index("## TL;DR")
        < text.index("## Contents")
        < text.index("\n## ", text.index("## Contents") + 1)
    ), "TL;DR first, then the contents, then the sections"
    assert "{{" not in text and "}}" not in text
    assert not re.search(r"^#### ", text, re.M), "at most three heading levels"
    contents = text.split("## Contents", 1)[1].split("\n## ", 1)[0]
    entries = re.findall(r"^- \[([^\]]+)\]", contents, re.M)
    sections = re.findall(r"^## (.+)$", text.split("## Contents", 1)[1], re.M)
    assert entries == sections and len(entries) <= 15, "contents: every H2, no H3, at most 15"
    headings = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
        for h in re.findall(r"^#{1,3} (.+)$", text, re.M)
    }
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
    assert not re.search(r"\[\d\d(, \d\d)*\]|\bminute \d+\b(?! to)", text.split("<details>")[0]), (
        "minutes outside the descriptions are written (min N)"
    )


def test_no_key_phrase_is_said_more_than_three_times(text):
    lower = text.lower()
    for phrase in (
        "about two years",
        "one-in-a-million",
        "some aspects",
        "semi-synchronous",
        "fewest votes",
        "longer than hoped",
        "flour",
    ):
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


# A build that dies by SIGKILL at the n-th rename it makes (n = 0: never), staging
# files and swapping them in alike; it prints how many renames it made.
KILLED_WRITE = """
import json, os, signal, sys
from pathlib import Path
from report.build import Output, write
files, out_dir, kill_at = json.loads(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
renames = 0
real_replace = os.replace
def replace(src, dst):
    global renames
    renames += 1
    if renames == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(src, dst)
os.replace = replace
write(Output(files), out_dir=out_dir)
print(renames)
"""

OLD_SET = {
    REPORT_NAME: "Old: ![](figures/a.svg) ![](figures/b.svg)\n",
    "figures/a.svg": "<svg>old a</svg>\n",
    "figures/b.svg": "<svg>old b</svg>\n",
}
NEW_SET = {
    REPORT_NAME: "New: ![](figures/a.svg) ![](figures/c.svg)\n",
    "figures/a.svg": "<svg>new a</svg>\n",
    "figures/c.svg": "<svg>new c</svg>\n",
}


def killed_write(files: dict, out_dir: Path, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", KILLED_WRITE, json.dumps(files), str(out_dir), str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def docs_with_old_report(folder: Path) -> Path:
    """docs/ with the old report in it, and files of its own the report must not touch."""
    out_dir = folder / "docs"
    write(Output(OLD_SET), out_dir=out_dir)
    (out_dir / "guide.md").write_text("not the report's\n")
    (out_dir / "gallery").mkdir()
    (out_dir / "gallery" / "flow.svg").write_text("<svg>gallery</svg>\n")
    return out_dir


def snapshot(out_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out_dir).as_posix(): p.read_bytes()
        for p in sorted(out_dir.rglob("*"))
        if p.is_file()
    }


def test_a_build_killed_at_any_rename_leaves_the_old_set_or_the_new_one(tmp_path):
    own = {"guide.md": b"not the report's\n", "gallery/flow.svg": b"<svg>gallery</svg>\n"}
    old = {**own, **{rel: text.encode() for rel, text in OLD_SET.items()}}
    new = {**own, **{rel: text.encode() for rel, text in NEW_SET.items()}}
    done = killed_write(NEW_SET, docs_with_old_report(tmp_path / "count"), 0)
    assert done.returncode == 0, done.stderr
    outcomes = []
    for kill_at in range(1, int(done.stdout) + 1):
        out_dir = docs_with_old_report(tmp_path / str(kill_at))
        assert killed_write(NEW_SET, out_dir, kill_at).returncode == -signal.SIGKILL
        if (out_dir / STAGING).exists():
            assert any("interrupted build" in p for p in check(Output(NEW_SET), out_dir=out_dir))
        recover(out_dir)  # what the next build does first
        after = snapshot(out_dir)
        assert after in (old, new), f"killed at rename {kill_at}: a mix {sorted(after)}"
        outcomes.append("old" if after == old else "new")
        assert write(Output(NEW_SET), out_dir=out_dir) == (
            []
            if after == new
            else ["figures/a.svg", "figures/c.svg", REPORT_NAME, "figures/b.svg (removed)"]
        )
        assert snapshot(out_dir) == new and not (out_dir / STAGING).exists()
    # killed while staging: the old set; killed once committed, while swapping: the new
    assert outcomes == sorted(outcomes, reverse=True) and {"old", "new"} == set(outcomes)


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


def test_check_catches_crlf_line_ends(tmp_path):
    report = small_report(tmp_path)
    out_dir = tmp_path / "docs"
    write(build(**report), out_dir=out_dir)
    assert check(build(**report), out_dir=out_dir) == []
    markdown = out_dir / REPORT_NAME
    markdown.write_bytes(markdown.read_bytes().replace(b"\n", b"\r\n"))
    assert check(build(**report), out_dir=out_dir) == [
        f"docs/{REPORT_NAME} has CRLF line ends (the report is written with LF)"
    ]


def test_check_is_not_fooled_by_a_cached_figure_edited_like_docs(tmp_path, monkeypatch, capsys):
    import report.build as rb
    import report.cache as rc
    from report.__main__ import main

    monkeypatch.setattr(rb, "CACHE_DIR", tmp_path / "cache")
    out_dir = tmp_path / "docs"
    shutil.copytree(DOCS, out_dir)
    assert main(["--out", str(out_dir)]) == 0  # fills the cache; docs/ is up to date
    entry = next(p for p in (tmp_path / "cache").glob("*.svg") if "fig-codesign" in p.read_text())
    body = entry.read_bytes().partition(b"\n")[2].replace(b"Systems", b"Sistems")
    entry.write_bytes(f"{rc._MAGIC}{rc._digest(body)}\n".encode() + body)  # a valid entry
    svg = out_dir / "figures" / "codesign.svg"
    svg.write_text(svg.read_text().replace("Systems", "Sistems"))
    assert "Sistems" in build().files["figures/codesign.svg"]  # the cache now vouches for it
    capsys.readouterr()
    assert main(["--check", "--out", str(out_dir)]) == 1
    assert "docs/figures/codesign.svg is out of date" in capsys.readouterr().err


def test_a_report_that_cannot_be_written_is_an_error_naming_the_folder(tmp_path, capsys):
    from report.__main__ import main

    (tmp_path / "notes.txt").write_text("a file where a folder should be")
    out_dir = tmp_path / "notes.txt" / "docs"
    assert main(["--out", str(out_dir)]) == 2
    error = capsys.readouterr().err
    assert f"cannot write the report to {str(out_dir)!r}: Not a directory" in error
