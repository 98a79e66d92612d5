"""PNG and PDF: the SVG's picture, with its text, in the same bytes in any process."""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import struct
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

import diagrams_lib as dl
import diagrams_lib.export as export
from tests.helpers import bug_hunt
from tests.pixels import ink, on_white, text_boxes

ROOT = Path(__file__).resolve().parent.parent


def size_of(svg: str) -> tuple[float, float]:
    width, height = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return float(width), float(height)


def chunks(png: bytes) -> dict[bytes, bytes]:
    found, at = {}, 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        found[png[at + 4 : at + 8]] = png[at + 8 : at + 8 + length]
        at += 12 + length
    return found


# --- fonts -------------------------------------------------------------------------------


def test_the_shipped_fonts_are_the_ones_text_is_measured_with():
    from diagrams_lib import _metrics_data

    for path in export.FONT_FILES:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert f"({path.name}, sha256 {digest})" in _metrics_data.__doc__, path.name
    licences = {p.name for p in export.FONT_DIR.glob("LICENSE-*.txt")}
    assert licences == {"LICENSE-Liberation.txt", "LICENSE-DejaVu.txt"}


# --- PNG ---------------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2, 0.5])
def test_png_is_the_svg_at_scale_pixels_per_px(scale):
    width, height = size_of(dl.render(bug_hunt()))
    png = dl.render(bug_hunt(), format="png", scale=scale)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    # the SVG's size in whole pixels (rounded up), times scale
    assert image.size == (math.ceil(math.ceil(width) * scale), math.ceil(math.ceil(height) * scale))


def test_dpi_is_scale_in_pixels_per_inch_and_the_png_records_it():
    assert dl.render(bug_hunt(), format="png", dpi=192) == dl.render(
        bug_hunt(), format="png", scale=2
    )
    density = chunks(dl.render(bug_hunt(), format="png", dpi=192))[b"pHYs"]
    assert struct.unpack(">IIB", density) == (7559, 7559, 1)  # 192 per inch, in metres
    assert Image.open(io.BytesIO(dl.render(bug_hunt(), format="png"))).info["dpi"] == (
        pytest.approx(96, abs=0.02),
        pytest.approx(96, abs=0.02),
    )


def test_png_draws_every_line_of_text_where_the_svg_puts_it():
    svg = dl.render(bug_hunt(), legend=True)
    image = on_white(dl.render(bug_hunt(), format="png", legend=True, scale=2))
    boxes = text_boxes(svg, scale=2)
    assert {"Hardware faults", "suspected", "How the bug was found"} <= {b.text for b in boxes}
    for box in boxes:
        share, _ = ink(image, box)
        assert share > 0.04, f"no text drawn for {box.text!r} at {box}"


def test_the_ink_check_sees_a_png_drawn_without_fonts(monkeypatch):
    """What the check above catches: with no font to draw with, the boxes stay empty."""
    monkeypatch.setattr(export, "FONT_FILES", ())
    image = on_white(dl.render(bug_hunt(), format="png"))
    box = next(b for b in text_boxes(dl.render(bug_hunt())) if b.text == "Hardware faults")
    assert ink(image, box)[0] == 0


def test_text_outside_the_main_font_comes_from_the_fallback_font_not_a_box():
    g = nx.DiGraph(title="T")
    g.add_node("a", label="done ✓")
    g.add_node("b", label="done ☐")
    image = on_white(dl.render(g, format="png", scale=3))
    ticks = [b for b in text_boxes(dl.render(g), scale=3) if b.text.startswith("done")]
    tick, box = (image.crop((b.right - 3 * 14, b.top, b.right, b.bottom)) for b in ticks)
    assert tick.tobytes() != box.tobytes()  # two glyphs, not the same missing-glyph box


def test_auto_theme_is_drawn_light_and_any_theme_font_is_replaced_by_the_shipped_ones():
    light = dl.render(bug_hunt(), format="png")
    assert dl.render(bug_hunt(), format="png", theme="auto") == light
    fancy = replace(dl.LIGHT, font_family="Comic Sans MS, cursive")
    assert dl.render(bug_hunt(), format="png", theme=fancy) == light
    assert dl.render(bug_hunt(), format="png", theme="dark") != light


def test_png_is_refused_when_too_big():
    with pytest.raises(dl.ValidationError, match="over the limit"):
        dl.render(bug_hunt(), format="png", scale=1000)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"format": "svg", "scale": 2}, "scale= is for PNG only"),
        ({"format": "pdf", "dpi": 300}, "dpi= is for PNG only"),
        ({"format": "png", "scale": 2, "dpi": 300}, "not both"),
        ({"format": "png", "scale": 0}, "positive"),
        ({"format": "png", "dpi": float("nan")}, "positive"),
        ({"format": "png", "scale": True}, "positive"),
    ],
)
def test_bad_scale_or_dpi_is_named(options, message):
    with pytest.raises(dl.ValidationError, match=message):
        dl.render(bug_hunt(), **options)


def test_a_broken_svg_is_an_export_error():
    with pytest.raises(dl.ExportError, match="PNG"):
        export.convert(
            '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>', format="png"
        )
    with pytest.raises(dl.ExportError, match="width and height"):
        export.convert("<svg", format="pdf")


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_is_one_page_the_size_of_the_svg_with_its_text_in_the_shipped_fonts():
    svg = dl.render(bug_hunt())
    pdf = dl.render(bug_hunt(), format="pdf")
    assert pdf.startswith(b"%PDF-")
    width, height = size_of(svg)
    box = re.search(rb"/MediaBox\[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups()
    assert [float(v) for v in box] == pytest.approx([width * 0.75, height * 0.75], abs=0.01)
    assert pdf.count(b"/Type/Page/") + pdf.count(b"/Type/Page>") == 1
    fonts = set(re.findall(rb"/BaseFont/[A-Z]{6}\+([A-Za-z-]+?)(?:-Identity-H)?[/>\]]", pdf))
    assert fonts and fonts <= {b"LiberationSans", b"LiberationSans-Bold", b"DejaVuSans"}
    assert b"/Title(How the bug was found)" in pdf


def test_pdf_has_no_date():
    pdf = dl.render(bug_hunt(), format="pdf")
    assert b"CreationDate" not in pdf and b"ModDate" not in pdf and b"xmp:CreateDate" not in pdf


def test_pdf_without_its_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "typst", None)  # as if not installed
    with pytest.raises(dl.MissingDependencyError, match=r"pip install 'diagrams_lib\[pdf\]'"):
        dl.render(bug_hunt(), format="pdf")
    assert issubclass(dl.MissingDependencyError, ImportError)


def test_png_without_resvg_names_the_package(monkeypatch):
    monkeypatch.setitem(sys.modules, "resvg_py", None)
    with pytest.raises(dl.MissingDependencyError, match="pip install resvg-py"):
        dl.render(bug_hunt(), format="png")


# --- same bytes in any process -----------------------------------------------------------

DIGESTS = """
import hashlib, sys
import diagrams_lib as dl
from tests.helpers import bug_hunt
for fmt in ("png", "pdf"):
    print(hashlib.sha256(dl.render(bug_hunt(), format=fmt, legend=True)).hexdigest())
"""


def test_png_and_pdf_bytes_repeat_across_processes_and_hash_seeds(tmp_path):
    here = [
        hashlib.sha256(dl.render(bug_hunt(), format=fmt, legend=True)).hexdigest()
        for fmt in ("png", "pdf")
    ]
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", DIGESTS],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout.split()
        assert out == here, f"PYTHONHASHSEED={seed}"


# --- save --------------------------------------------------------------------------------


def test_save_picks_png_and_pdf_from_the_suffix_and_writes_with_the_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        png = dl.save(bug_hunt(), tmp_path / "f.png", scale=2)
        pdf = dl.save(bug_hunt(), tmp_path / "f.PDF")
    finally:
        os.umask(previous)
    assert png.read_bytes() == dl.render(bug_hunt(), format="png", scale=2)
    assert pdf.read_bytes() == dl.render(bug_hunt(), format="pdf")
    assert {p.stat().st_mode & 0o777 for p in (png, pdf)} == {0o644}
    assert dl.save(bug_hunt(), tmp_path / "f.out", format="png").read_bytes().startswith(b"\x89PNG")


def test_save_with_an_unknown_format_names_the_format_not_a_file(tmp_path):
    with pytest.raises(dl.UnknownOptionError, match="unknown format 'jpeg'") as info:
        dl.save(bug_hunt(), tmp_path / "x.out", format="jpeg")
    assert "x.out" not in str(info.value)
