"""The gallery: written only where told, never over other files without --force, and each
snippet draws the very picture shown above it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diagrams_lib import cli
from diagrams_lib.gallery import build_gallery, main

SNIPPET = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_gallery_writes_nothing_unless_given_a_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["gallery"]) == 2
    assert "-o" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([])
    assert list(tmp_path.iterdir()) == []


def test_gallery_writes_into_the_folder_given(tmp_path):
    assert cli.main(["gallery", "-o", str(tmp_path / "out")]) == 0
    assert sorted(build_gallery()) == sorted(
        str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.*")
    )
    assert cli.main(["gallery", "-o", str(tmp_path / "out"), "--check"]) == 0


def test_gallery_never_replaces_other_files_without_force(tmp_path, capsys):
    (tmp_path / "gallery.md").write_text("my own notes")
    assert cli.main(["gallery", "-o", str(tmp_path)]) == 1
    assert "gallery.md" in capsys.readouterr().err
    assert (tmp_path / "gallery.md").read_text() == "my own notes"
    assert not (tmp_path / "gallery").exists()  # all or nothing
    assert cli.main(["gallery", "-o", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "gallery.md").read_text(encoding="utf-8") == build_gallery()["gallery.md"]


def test_each_snippet_draws_the_picture_it_is_shown_with(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = build_gallery()
    snippets = SNIPPET.findall(files["gallery.md"])
    assert len(snippets) == len(files) - 1
    for code in snippets:
        exec(compile(code, "gallery.md", "exec"), {"__name__": "__gallery__"})
    for rel, svg in files.items():
        if rel.endswith(".svg"):
            drawn = Path(rel).name
            assert (tmp_path / drawn).read_text(encoding="utf-8") == svg, drawn
