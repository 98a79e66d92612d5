"""The ``diagrams-lib`` command, in process (``main([...])``) and as ``python -m diagrams_lib``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib import cli

SAMPLE_MODULE = "dl_cli_sample_graphs"


def run(*args: str, cwd: Path | None = None, stdin: str | None = None):
    """Run ``python -m diagrams_lib ARGS`` and return the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "diagrams_lib", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def flow_dot(tmp_path: Path) -> Path:
    path = tmp_path / "flow.dot"
    path.write_text('digraph { label="Request flow"; a -> b [label="calls"]; }\n')
    return path


@pytest.fixture(scope="module")
def sample_dir(tmp_path_factory) -> Path:
    """A folder holding a module with graph functions, good and bad."""
    folder = tmp_path_factory.mktemp("module")
    (folder / f"{SAMPLE_MODULE}.py").write_text(
        textwrap.dedent("""
        import networkx as nx

        def pipeline():
            g = nx.DiGraph(title="Pipeline")
            g.add_edge("load", "train")
            return g

        def not_a_graph():
            return ["load", "train"]

        def broken():
            raise RuntimeError("no data today")

        NUMBER = 3
    """)
    )
    return folder


@pytest.fixture
def sample_module(sample_dir: Path, monkeypatch) -> str:
    monkeypatch.syspath_prepend(str(sample_dir))
    return SAMPLE_MODULE


def test_render_dot_file_to_svg(flow_dot: Path, tmp_path: Path) -> None:
    out = tmp_path / "flow.svg"
    assert cli.main(["render", str(flow_dot), "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and ">Request flow</title>" in svg


def test_plain_dot_without_title_or_label_is_titled_by_file_name(tmp_path: Path) -> None:
    (tmp_path / "plain.dot").write_text("digraph { a -> b; }\n")
    result = run("render", "plain.dot", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<svg") and ">plain</title>" in result.stdout


def test_dot_on_stdin(flow_dot: Path) -> None:
    result = run("render", "-", "--format", "dot", stdin=flow_dot.read_text())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('digraph "Request flow"')


def test_what_a_dot_file_has_that_is_not_drawn_is_one_warning_line_each(tmp_path: Path) -> None:
    (tmp_path / "fonts.dot").write_text(
        'digraph { fontname=Arial; node [fontsize=9]; a -> b [arrowsize=2, lhead="x\ny"]; }\n'
    )
    result = run("render", "fonts.dot", "-o", "fonts.svg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 4 and all(
        line.startswith("diagrams-lib: warning: DOT file") for line in lines
    )
    assert "attribute 'fontsize' is not drawn (on node 'a', node 'b')" in result.stderr


@pytest.mark.parametrize("edges_key", ["edges", "links"])
def test_render_node_link_json(tmp_path: Path, capsys, edges_key: str) -> None:
    g = nx.DiGraph(label="From JSON")
    g.add_edge("a", "b", label="then")
    data = nx.node_link_data(g, edges=edges_key)
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data))
    assert cli.main(["render", str(path)]) == 0
    svg = capsys.readouterr().out
    assert ">From JSON</title>" in svg and "<title>a → b: then</title>" in svg


def test_json_without_title_or_label_is_titled_by_file_name(tmp_path: Path, capsys) -> None:
    (tmp_path / "deps.json").write_text('{"directed": true, "nodes": [{"id": "x"}]}')
    assert cli.main(["render", str(tmp_path / "deps.json")]) == 0
    assert ">deps</title>" in capsys.readouterr().out


def test_render_module_function(sample_dir: Path) -> None:
    result = run("render", f"{SAMPLE_MODULE}:pipeline", "-o", "out.dot", cwd=sample_dir)
    assert result.returncode == 0, result.stderr
    assert (sample_dir / "out.dot").read_text().startswith('digraph "Pipeline"')


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("out.svg", b"<svg"),
        ("out.dot", b"digraph"),
        ("out.gv", b"digraph"),
        ("out.png", b"\x89PNG"),
        ("out.pdf", b"%PDF-"),
    ],
)
def test_format_follows_output_suffix(flow_dot, tmp_path, name: str, start: bytes) -> None:
    assert cli.main(["render", str(flow_dot), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / name).read_bytes().startswith(start)


def test_png_takes_scale_or_dpi(flow_dot: Path, tmp_path: Path) -> None:
    g = dl.read_dot(flow_dot)
    for flag, value, scale in (("--scale", "2", 2), ("--dpi", "288", 3)):
        out = tmp_path / f"flow{scale}.png"
        assert cli.main(["render", str(flow_dot), "-o", str(out), flag, value, "--legend"]) == 0
        assert out.read_bytes() == dl.render(g, format="png", scale=scale, legend=True)


def test_png_and_pdf_go_to_stdout_when_it_is_redirected(flow_dot: Path) -> None:
    for fmt, start in (("png", b"\x89PNG"), ("pdf", b"%PDF-")):
        result = subprocess.run(
            [sys.executable, "-m", "diagrams_lib", "render", str(flow_dot), "--format", fmt],
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(start)


def test_format_flag_wins_over_suffix(flow_dot: Path, tmp_path: Path) -> None:
    out = tmp_path / "flow.txt"
    assert cli.main(["render", str(flow_dot), "-o", str(out), "--format", "dot"]) == 0
    assert out.read_text().startswith("digraph")


def test_options_reach_the_renderer(flow_dot: Path, capsys) -> None:
    assert (
        cli.main(
            [
                "render",
                str(flow_dot),
                "--theme",
                "dark",
                "--engine",
                "neato",
                "--legend",
                "--max-label-width",
                "90",
                "--timeout",
                "60",
            ]
        )
        == 0
    )
    g = dl.read_dot(flow_dot)
    expected = dl.render(g, theme="dark", engine="neato", legend=True, max_label_width=90)
    assert capsys.readouterr().out == expected


def test_the_layered_engine_is_offered(flow_dot: Path, capsys) -> None:
    assert cli.main(["render", str(flow_dot), "--engine", "layered"]) == 0
    assert capsys.readouterr().out == dl.render(dl.read_dot(flow_dot), engine="layered")


def test_stdout_defaults_to_svg(flow_dot: Path, capsys) -> None:
    assert cli.main(["render", str(flow_dot)]) == 0
    assert capsys.readouterr().out == dl.render(dl.read_dot(flow_dot))


def _one_line_error(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("diagrams-lib: error: ")
    return lines[0]


@pytest.mark.parametrize(
    ("make_input", "culprit"),
    [
        (lambda d: "missing.dot", "missing.dot"),
        (lambda d: "missing-input", "missing-input"),
        (lambda d: _write(d / "bad.json", "{nodes: oops"), "bad.json"),
        (lambda d: _write(d / "list.json", "[1, 2]"), "list.json"),
        (lambda d: _write(d / "broken.dot", "digraph { a -> ; }"), "broken.dot"),
        (lambda d: _write(d / "notes.txt", "hello"), "notes.txt"),
        (lambda d: "no_such_module_xyz:graph", "no_such_module_xyz"),
        (lambda d: f"{SAMPLE_MODULE}:missing", "missing"),
        (lambda d: f"{SAMPLE_MODULE}:not_a_graph", "not_a_graph"),
        (lambda d: f"{SAMPLE_MODULE}:broken", "no data today"),
        (lambda d: f"{SAMPLE_MODULE}:NUMBER", "NUMBER"),
    ],
)
def test_bad_input_fails_with_one_line_naming_it(
    tmp_path, capsys, sample_module, make_input, culprit
) -> None:
    source = make_input(tmp_path)
    assert cli.main(["render", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert culprit in _one_line_error(captured.err)


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_failed_render_keeps_the_previous_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "figure.svg"
    out.write_text("previous")
    broken = _write(tmp_path / "broken.dot", "digraph {")
    assert cli.main(["render", str(broken), "-o", str(out)]) == 1
    assert out.read_text() == "previous"
    _one_line_error(capsys.readouterr().err)


def test_missing_output_folder_is_named(flow_dot: Path, tmp_path: Path, capsys) -> None:
    assert cli.main(["render", str(flow_dot), "-o", str(tmp_path / "nope" / "x.svg")]) == 1
    assert "nope" in _one_line_error(capsys.readouterr().err)


@pytest.mark.parametrize(
    "args",
    [
        ["render", "{dot}", "-o", "{tmp}/out.jpg"],
        ["render", "{dot}", "--format", "jpeg"],
        ["render", "{dot}", "--scale", "2"],
        ["render", "{dot}", "-o", "{tmp}/out.pdf", "--dpi", "300"],
        ["render", "{dot}", "--format", "dot", "--engine", "neato"],
        ["render"],
        [],
        ["paint", "{dot}"],
    ],
)
def test_usage_errors_exit_2_with_one_line(flow_dot, tmp_path, capsys, args) -> None:
    argv = [a.format(dot=flow_dot, tmp=tmp_path) for a in args]
    assert cli.main(argv) == 2
    _one_line_error(capsys.readouterr().err)


def test_errors_through_python_m_have_no_traceback(tmp_path: Path) -> None:
    result = run("render", "missing.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "missing.json" in _one_line_error(result.stderr)


def test_help() -> None:
    top = run("--help")
    assert top.returncode == 0
    assert "render" in top.stdout and "gallery" in top.stdout
    render = run("render", "--help")
    assert render.returncode == 0
    for word in (
        "INPUT",
        "-o OUT",
        "--format",
        "--theme",
        "--engine",
        "--legend",
        "--max-label-width",
        "--timeout",
        "--scale",
        "--dpi",
        "png",
        "pdf",
        "module:function",
        ".json",
    ):
        assert word in render.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"diagrams-lib {dl.__version__}"


def test_gallery_forwards_its_options(monkeypatch, tmp_path: Path) -> None:
    seen = []
    monkeypatch.setattr("diagrams_lib.gallery.main", lambda argv: seen.append(argv) or 0)
    assert cli.main(["gallery", "--check", "-o", str(tmp_path)]) == 0
    assert cli.main(["gallery", "--force", "--out", str(tmp_path)]) == 0
    assert seen == [["--check", "--out", str(tmp_path)], ["--force", "--out", str(tmp_path)]]


def test_console_script_is_declared() -> None:
    (script,) = entry_points(group="console_scripts", name="diagrams-lib")
    assert script.value == "diagrams_lib.cli:main"


def test_import_diagrams_lib_does_not_load_the_cli() -> None:
    code = "import sys, diagrams_lib; print('diagrams_lib.cli' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
