"""What `pip install` puts into site-packages: diagrams_lib, its fonts, and nothing else."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = (".git", ".venv", "build", "*.egg-info", "__pycache__", ".hypothesis", "docs", "golden")


def test_the_wheel_holds_diagrams_lib_only(tmp_path):
    """No top-level `report` (or `tests`, `tools`) package to shadow a user's own module."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*LEFT_OUT))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", "wheel"],
        cwd=tmp_path,
        check=True,
        timeout=600,
    )
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"diagrams_lib"}
    for font in ("LiberationSans-Regular.ttf", "DejaVuSans-Bold.ttf", "LICENSE-Liberation.txt"):
        assert f"diagrams_lib/fonts/{font}" in names
