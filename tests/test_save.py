"""save(): the suffix picks the format, and a failed save never damages the old file."""

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import diagrams_lib as dl
from tests.helpers import bug_hunt


def test_suffix_picks_format(tmp_path):
    assert dl.save(bug_hunt(), tmp_path / "f.svg").read_text().startswith("<svg")
    assert dl.save(bug_hunt(), tmp_path / "f.dot").read_text().startswith("digraph")
    assert dl.save(bug_hunt(), tmp_path / "f.gv").read_text().startswith("digraph")
    assert dl.save(bug_hunt(), tmp_path / "f.txt", format="dot").read_text().startswith("di")


def test_options_reach_render(tmp_path):
    assert "@media" in dl.save(bug_hunt(), tmp_path / "f.svg", theme="auto").read_text()


def test_unknown_suffix_names_the_file(tmp_path):
    with pytest.raises(dl.UnknownOptionError, match="figure.jpg"):
        dl.save(bug_hunt(), tmp_path / "figure.jpg")


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(dl.ValidationError, match="does not exist"):
        dl.save(bug_hunt(), tmp_path / "nope" / "f.svg")


def test_failed_render_leaves_old_file_intact(tmp_path):
    target = tmp_path / "f.svg"
    dl.save(bug_hunt(), target)
    before = target.read_bytes()
    bad = nx.DiGraph(title="T")
    bad.add_node("x", role="no-such-role")
    with pytest.raises(dl.UnknownRoleError):
        dl.save(bad, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.svg"]


def test_interrupted_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    import diagrams_lib.files as files

    target = tmp_path / "f.svg"
    target.write_text("old")

    def boom(src, dst):
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        dl.save(bug_hunt(), target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.svg"]


# --- the writer under hostile conditions: kills, umasks, read-only folders, links ------

ROOT = Path(__file__).resolve().parent.parent

# A save that stops just before its temporary file is flushed: it says "writing" on
# stdout, then waits for a line on stdin (or for its death) before going on.
BLOCKED_SAVE = """
import os, sys
import diagrams_lib as dl
import diagrams_lib.files as files
from tests.helpers import bug_hunt
real_fsync = os.fsync
def blocked_fsync(fd):
    print("writing", flush=True)
    sys.stdin.readline()
    real_fsync(fd)
files.os.fsync = blocked_fsync
g = bug_hunt()
g.graph["title"] = "From the child"
dl.save(g, sys.argv[1])
"""


def blocked_save(target: Path) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, "-c", BLOCKED_SAVE, str(target)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline() == "writing\n"
    return child


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_save_killed_mid_write_strands_nothing_past_the_next_save(tmp_path):
    target = tmp_path / "f.svg"
    target.write_text("old")
    child = blocked_save(target)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL
    assert target.read_text() == "old"
    assert len(names(tmp_path)) == 2  # the old file and the dead save's temporary file
    dl.save(bug_hunt(), target)
    assert names(tmp_path) == ["f.svg"]
    assert "How the bug was found" in target.read_text()


def test_a_save_still_running_elsewhere_keeps_its_temporary_file(tmp_path):
    target = tmp_path / "f.svg"
    child = blocked_save(target)
    dl.save(bug_hunt(), target)  # meanwhile, here
    child.communicate("go on\n", timeout=60)
    assert child.returncode == 0
    assert "From the child" in target.read_text() and names(tmp_path) == ["f.svg"]


@pytest.mark.parametrize(
    ("umask", "mode"),
    [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)],
    ids=["umask-022", "umask-077", "umask-002"],
)
def test_new_and_replaced_files_get_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = tmp_path / "old.svg"
    old.write_text("old")
    old.chmod(0o600 if mode != 0o600 else 0o644)
    previous = os.umask(umask)
    try:
        dl.save(bug_hunt(), tmp_path / "new.svg")
        dl.save(bug_hunt(), old)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.svg").stat().st_mode) == mode
    assert stat.S_IMODE(old.stat().st_mode) == mode


# Run as a plain user: root may write into read-only folders, so without root's powers
# (setpriv drops them) when the tests run as root.
READ_ONLY_SAVE = """
import sys
import diagrams_lib as dl
from tests.helpers import bug_hunt
try:
    dl.save(bug_hunt(), sys.argv[1])
except dl.OutputError as exc:
    print(isinstance(exc, OSError), exc.errno, exc, sep="\\n")
"""


def run_as_plain_user(code: str, *args: str) -> str:
    argv = [sys.executable, "-c", code, *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv is not there to drop root's powers")
        powers = "-dac_override,-dac_read_search,-fowner,-linux_immutable"
        argv = ["setpriv", f"--inh-caps={powers}", f"--bounding-set={powers}", *argv]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_saving_into_a_read_only_folder_names_the_target_not_a_temporary_file(tmp_path):
    folder = tmp_path / "published"
    folder.mkdir()
    target = folder / "f.svg"
    target.write_text("old")
    folder.chmod(0o555)
    try:
        out = run_as_plain_user(READ_ONLY_SAVE, str(target))
    finally:
        folder.chmod(0o755)
    is_os_error, code, message = out.splitlines()
    assert is_os_error == "True" and int(code) == errno.EACCES
    assert message.startswith(f"cannot write {str(target)!r}: Permission denied")
    assert f"the folder {str(folder)!r} must be writable" in message
    assert ".tmp" not in message
    assert target.read_text() == "old" and names(folder) == ["f.svg"]


def test_saving_onto_a_symlink_writes_through_and_keeps_the_link(tmp_path):
    real = tmp_path / "assets"
    real.mkdir()
    (real / "f.svg").write_text("old")
    link = tmp_path / "f.svg"
    link.symlink_to(Path("assets") / "f.svg")  # relative, as in a repository
    dl.save(bug_hunt(), link)
    assert link.is_symlink() and os.readlink(link) == str(Path("assets") / "f.svg")
    assert (real / "f.svg").read_text().startswith("<svg")
    assert names(tmp_path) == ["assets", "f.svg"] and names(real) == ["f.svg"]


def test_the_writer_takes_bytes_and_text_as_they_are(tmp_path):
    dl.write_atomic(tmp_path / "a.png", b"\x89PNG\r\n\x1a\n")
    dl.write_atomic(tmp_path / "a.txt", "line\r\nline\n")
    assert (tmp_path / "a.png").read_bytes() == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "a.txt").read_bytes() == b"line\r\nline\n"
    with pytest.raises(dl.DiagramTypeError, match="not int"):
        dl.write_atomic(tmp_path / "n.txt", 3)
