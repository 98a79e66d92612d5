"""Same graph, same bytes: across processes, hash seeds, PATH and installed fonts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import diagrams_lib as dl
from tests.helpers import awkward_keys, bug_hunt

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_ENGINE = "14.1.5"  # the Graphviz the goldens in golden/ were made with

SCRIPT = (
    "import sys, diagrams_lib as dl\n"
    "from tests.helpers import bug_hunt, awkward_keys\n"
    "sys.stdout.write(dl.render(bug_hunt(), legend=True) + dl.render(awkward_keys(), "
    "theme='auto'))\n"
)


def render_in_child(tmp_path: Path, **env: str) -> str:
    child_env = {"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), **env}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def expected() -> str:
    return dl.render(bug_hunt(), legend=True) + dl.render(awkward_keys(), theme="auto")


@pytest.mark.parametrize("seed", ["0", "1", "12345"])
def test_same_bytes_in_any_process_and_hash_seed(tmp_path, seed):
    assert render_in_child(tmp_path, PYTHONHASHSEED=seed) == expected()


def test_renders_with_empty_path_no_system_dot(tmp_path):
    assert render_in_child(tmp_path, PATH="") == expected()


def test_same_bytes_with_no_fonts_at_all(tmp_path):
    conf = tmp_path / "empty-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
    assert render_in_child(tmp_path, FONTCONFIG_FILE=str(conf)) == expected()


def test_repeated_renders_in_one_process_are_identical():
    assert len({dl.render(bug_hunt()) for _ in range(5)}) == 1


def test_engine_is_the_one_the_goldens_were_made_with():
    version = dl.engine_version()
    assert version == GOLDEN_ENGINE, (
        f"Graphviz {version} is in use but the goldens in golden/ were made with "
        f"{GOLDEN_ENGINE}. Install the pinned versions (make test uses constraints.txt), or "
        "regenerate with `make regen`, look at every changed SVG, and update GOLDEN_ENGINE."
    )


@pytest.mark.system_dot
def test_system_backend_gives_the_same_geometry_when_dot_is_installed():
    import shutil

    if shutil.which("dot") is None:
        pytest.skip("no Graphviz 'dot' program on PATH; backend='system' cannot be tested")
    svg = dl.render(bug_hunt(), backend="system")
    assert svg.count("data-key=") == 6
    if dl.engine_version(backend="system") == dl.engine_version():
        assert svg == dl.render(bug_hunt())


def test_system_backend_names_missing_program(monkeypatch):
    import shutil

    monkeypatch.setenv("PATH", "")
    if shutil.which("dot"):
        pytest.skip("dot unexpectedly found with an empty PATH")
    with pytest.raises(dl.EngineNotFoundError, match="'dot' program"):
        dl.render(bug_hunt(), backend="system")
    assert os.environ["PATH"] == ""
