"""A fixed-seed run of random hostile input through the API and the command line.

200 cases by default; ``DIAGRAMS_FUZZ_CASES=1000`` for the full run of the issue. The
run is a child process (``tests/fuzz_hostile.py``), so a crash of the caller would be
seen here as its exit, naming the case it died in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("DIAGRAMS_FUZZ_CASES", "200"))


def test_reading_a_canary_moves_its_access_time(tmp_path):
    """The run's check for files read outside the inputs works on this filesystem."""
    canary = tmp_path / "canary"
    canary.write_text("secret")
    stat = canary.stat()
    os.utime(canary, (stat.st_mtime - 1000, stat.st_mtime))
    canary.read_text()
    assert canary.stat().st_atime > canary.stat().st_mtime - 1000


def test_random_hostile_input_never_hurts_the_caller():
    done = subprocess.run(
        [sys.executable, "-m", "tests.fuzz_hostile", "--cases", str(CASES), "--seed", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120 + CASES * 2,
        check=False,
    )
    last = (done.stderr.strip().splitlines() or ["before the first case"])[-1]
    assert done.returncode == 0, f"the caller died at {last}: {done.stderr[-2000:]}"
    seen = json.loads(done.stdout)
    assert seen["cases"] == CASES
    for finding in ("not_diagram_errors", "hangs", "malformed_svg", "files_read"):
        assert seen[finding] == [], finding
    assert seen["api_svg"] > CASES // 5 and seen["cli_svg"] > CASES // 5  # not all refused
