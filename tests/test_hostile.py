"""Hostile input, one test per way it used to hurt: files read, links passed on, the caller
killed or hung, parsing that never ends, bytes that change with the host's locale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from diagrams_lib import child, cli
from diagrams_lib.hatch import HINTS, allowed
from tests.helpers import awkward_keys, bug_hunt

ROOT = Path(__file__).resolve().parent.parent
FILE_ATTRIBUTES = ["shapefile", "imagepath", "fontpath", "fontnames", "stylesheet", "image"]
LINK_ATTRIBUTES = [
    *("URL", "href", "edgeURL", "labelURL", "headURL", "tailURL"),
    *("edgehref", "labelhref", "headhref", "tailhref", "edgetarget", "target"),
]
# Values that ended the caller's process in Graphviz 14 (SIGFPE, exit()), or hung it.
CRASHERS = [
    ("graph", "ratio", "1e308"),
    ("edge", "arrowsize", "nan"),
    ("graph", "orientation", "nan"),
    ("graph", "K", "0"),
    ("graph", "maxiter", "-1"),
    ("node", "peripheries", "1e9"),
    ("node", "sides", "2000000000"),
    ("edge", "minlen", "2000000000"),
    ("edge", "weight", "1e308"),
]


def hatched(context: str, name: str, value: object) -> nx.DiGraph:
    g = nx.DiGraph(title="Hatch")
    g.add_edge("a", "b")
    target = {"graph": g.graph, "node": g.nodes["a"], "edge": g.edges["a", "b"]}[context]
    target["dot"] = {name: value}
    return g


@pytest.mark.parametrize("context", ["graph", "node", "edge"])
@pytest.mark.parametrize("name", FILE_ATTRIBUTES + LINK_ATTRIBUTES)
def test_attributes_that_name_files_or_links_are_refused_everywhere(context, name):
    g = hatched(context, name, "/etc/passwd" if name in FILE_ATTRIBUTES else "javascript:x")
    for call in (dl.render, dl.to_dot):
        with pytest.raises(dl.ValidationError, match=f"'{name}'"):
            call(g)


def test_no_allowed_hint_names_a_file_or_a_link():
    risky = ("file", "path", "font", "image", "style", "url", "href", "target", "ratio", "size")
    for name in HINTS:
        assert not any(word in name.lower() for word in risky), name


def test_every_allowed_hint_is_bounded_and_lays_out():
    samples = {
        "number": "1",
        "whole": "5",
        "true": "true",
        "one of": None,
        "name": "g1",
        "node's": "n0",
        "margin": "+4",
        "seed": "7",
    }
    for name, hint in HINTS.items():
        key = next(k for k in samples if k in hint.takes)
        value = samples[key] or hint.takes.split(": ")[1].split(", ")[0]
        for context in hint.contexts:
            g = hatched(context, name, value)
            assert dl.render(g).startswith("<svg"), name
            assert name in dl.to_dot(g)
        with pytest.raises(dl.ValidationError, match=name):
            dl.render(hatched(hint.contexts[0], name, "1e308" if key != "name" else "x" * 65))


def test_the_kinds_hatch_hints_are_allowed():
    from diagrams_lib.kinds._pieces import NO_CLIP
    from diagrams_lib.kinds.mindmap import RADIAL_DOT

    assert set(NO_CLIP) <= set(allowed("edge"))
    assert set(RADIAL_DOT) <= set(allowed("graph"))


def test_to_dot_passes_on_no_link_the_library_refuses():
    g = nx.DiGraph(title="Links")
    g.add_node("a", link="https://example.org/a")
    g.add_edge("a", "b")
    text = dl.to_dot(g)
    assert 'URL="https://example.org/a"' in text
    assert text.count("URL") == 1 and "href" not in text


def test_the_known_crashers_never_reach_graphviz_through_the_api():
    """Each in a child Python, so that a crash could not take this test run down."""
    code = (
        "import json, sys\nimport diagrams_lib as dl\nfrom tests.test_hostile import hatched\n"
        "out = []\n"
        "for context, name, value in json.loads(sys.argv[1]):\n"
        "    g = hatched(context, name, value)\n"
        "    for call in (dl.render, dl.to_dot):\n"
        "        try:\n"
        "            call(g)\n"
        "            out.append('drawn')\n"
        "        except dl.ValidationError as exc:\n"
        "            out.append(str(exc))\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, json.dumps(CRASHERS)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    said = json.loads(done.stdout)
    for (_, name, _), message in zip([c for c in CRASHERS for _ in (0, 1)], said, strict=True):
        assert f"'{name}'" in message, message


def test_a_hostile_dot_file_is_read_with_its_hints_dropped(tmp_path):
    path = tmp_path / "hostile.dot"
    path.write_text(
        'digraph { label="Hostile"; K="0"; ratio="1e308"; nodesep="0.3"; '
        'a [shapefile="/etc/passwd", URL="javascript:x"]; '
        'b -> c [weight="1e308", minlen="2000000000", constraint=maybe, headclip=false] }'
    )
    with pytest.warns(dl.DiagramWarning) as said:
        g = dl.read_dot(path)
    dropped = " ".join(str(w.message) for w in said)
    for name in ("'K'", "'weight'", "'minlen'"):
        assert name in dropped
    assert g.edges["b", "c"]["constraint"] is False  # "maybe" is false, as Graphviz reads it
    assert g.graph["dot"] == {"nodesep": "0.3"}
    assert g.edges["b", "c"]["dot"] == {"headclip": "false"}
    assert "weight" not in g.edges["b", "c"]
    assert "'javascript:x' is not safe to link to; dropped" in dropped
    assert "link" not in g.nodes["a"]
    assert "/etc/passwd" not in dl.render(g) + dl.to_dot(g)


@pytest.mark.parametrize("braces", [40, 100_000])
def test_deeply_nested_dot_is_read_or_refused_at_once(tmp_path, braces):
    # pydot's grammar took twice as long per level (35 s at 40 levels); Graphviz's own
    # parser reads it at once, and refuses nesting past 256 levels by name
    text = "digraph {" + "{" * (braces - 1) + "a" + "}" * braces
    start = time.monotonic()
    path = tmp_path / "nested.dot"
    path.write_text(text)
    if braces < 256:
        assert list(dl.from_dot(text)) == ["a"] and list(dl.read_dot(path)) == ["a"]
        assert cli.main(["render", str(path), "-o", str(tmp_path / "x.svg")]) == 0
    else:
        with pytest.raises(dl.DotParseError, match="nested more than 256 deep"):
            dl.from_dot(text)
        with pytest.raises(dl.DotParseError, match="nested.dot"):
            dl.read_dot(path)
        assert cli.main(["render", str(path), "-o", str(tmp_path / "x.svg")]) == 1
    assert time.monotonic() - start < 10


def test_nesting_inside_strings_and_html_labels_does_not_count():
    text = 'digraph { a [label="{{{{{{{{{{"]; b [label=<{{{{{{{{{{{{>]; a -> b }'
    assert set(dl.from_dot(text)) == {"a", "b"}


def _nested(depth: int) -> str:
    label = "[" * depth + '"x"' + "]" * depth
    return f'{{"nodes": [{{"id": "a", "label": {label}}}], "edges": []}}'


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_one_line_on_the_command_line(tmp_path, capsys, depth):
    path = tmp_path / "deep.json"
    path.write_text(_nested(depth))
    assert cli.main(["render", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nests deeper than 32" in err and "Traceback" not in err


def test_the_command_line_lays_out_every_input_in_a_limited_child(tmp_path, monkeypatch):
    sent = []
    real_run = child.run

    def run(dot_text, **options):
        sent.append(options)
        return real_run(dot_text, **options)

    monkeypatch.setattr(child, "run", run)
    path = tmp_path / "g.json"
    path.write_text(json.dumps(nx.node_link_data(bug_hunt(), edges="edges")))
    assert cli.main(["render", str(path), "-o", str(tmp_path / "a.svg")]) == 0
    assert cli.main(["render", str(path), "-o", str(tmp_path / "b.svg"), "--timeout", "9"]) == 0
    args = ["--memory-limit", "512", "-o", str(tmp_path / "c.svg")]
    assert cli.main(["render", str(path), *args]) == 0
    assert [(o["timeout"], o["memory_limit"]) for o in sent] == [(60, 2048), (9, 2048), (60, 512)]


def test_a_layout_that_hangs_on_the_command_line_is_stopped(tmp_path, capsys):
    g = nx.gnm_random_graph(3000, 6000, seed=3, directed=True)
    g.graph["title"] = "Slow"
    path = tmp_path / "slow.json"
    path.write_text(json.dumps(nx.node_link_data(g, edges="edges")))
    start = time.monotonic()
    assert cli.main(["render", str(path), "--timeout", "0.5"]) == 1
    assert time.monotonic() - start < 15
    assert "did not finish within 0.5 s" in capsys.readouterr().err


def _comma_locale(tmp_path: Path) -> Path | None:
    """A compiled de_DE.UTF-8 (decimal comma) for LOCPATH, or None where it cannot be made."""
    source = Path("/usr/share/i18n/locales/de_DE")
    if not shutil.which("localedef") or not source.exists():
        return None
    out = tmp_path / "locales"
    out.mkdir()
    done = subprocess.run(
        ["localedef", "-i", "de_DE", "-f", "UTF-8", str(out / "de_DE.UTF-8")],
        capture_output=True,
        check=False,
    )
    return out if (out / "de_DE.UTF-8").exists() and done.returncode in (0, 1) else None


def test_a_comma_decimal_locale_does_not_change_the_bytes(tmp_path):
    locales = _comma_locale(tmp_path)
    if locales is None:
        pytest.skip("no de_DE locale and no localedef to make one")
    code = (
        "import locale, sys\nimport diagrams_lib as dl\n"
        "from tests.helpers import awkward_keys, bug_hunt\n"
        "from tests.test_isolation import fdp_graph\n"
        "locale.setlocale(locale.LC_ALL, 'de_DE.UTF-8')\n"
        "assert locale.localeconv()['decimal_point'] == ','\n"
        "for g in (bug_hunt(), awkward_keys(), fdp_graph()):\n"
        "    for engine in ('dot', 'osage'):\n"
        "        sys.stdout.write(dl.render(g, engine=engine if g.graph.get('engine') is None "
        "else None))\n"
        "    sys.stdout.write(dl.render(g, isolate=True))\n"
    )
    env = {**os.environ, "LOCPATH": str(locales)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    expected = ""
    from tests.test_isolation import fdp_graph

    for g in (bug_hunt(), awkward_keys(), fdp_graph()):
        for engine in ("dot", "osage"):
            expected += dl.render(g, engine=engine if g.graph.get("engine") is None else None)
        expected += dl.render(g, isolate=True)
    assert done.stdout == expected


def test_warnings_from_a_read_dot_file_name_it(tmp_path):
    path = tmp_path / "k.dot"
    path.write_text("digraph { K=0; a -> b }")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        dl.read_dot(path)
    assert any("k.dot" in str(w.message) and "'K'" in str(w.message) for w in said)
