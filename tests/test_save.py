"""save(): the suffix picks the format, and a failed save never damages the old file."""

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
    with pytest.raises(dl.UnknownOptionError, match="figure.png"):
        dl.save(bug_hunt(), tmp_path / "figure.png")


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
