"""The PNG against the SVG drawn by Chromium at the same size: the same text, in the same place.

Chromium draws the SVG with the machine's fonts (on Debian, Liberation Sans stands in for
Helvetica); the PNG is drawn with the fonts shipped with the library. Both pictures are
kept in ``build/test-artifacts/`` to look at.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image, ImageChops

import diagrams_lib as dl
from tests.browser import chromium
from tests.helpers import bug_hunt
from tests.pixels import INK, TextBox, on_white, text_boxes

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "build" / "test-artifacts"
SCALE = 2


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def in_chromium(browser, svg: str, *, size: tuple[int, int]) -> Image.Image:
    """``svg`` alone on a white page of ``size`` PNG pixels, as Chromium draws it."""
    page = browser.new_page(
        viewport={"width": math.ceil(size[0] / SCALE), "height": math.ceil(size[1] / SCALE)},
        device_scale_factor=SCALE,
        color_scheme="light",
    )
    try:
        page.set_content(f'<!DOCTYPE html><body style="margin:0;background:#fff">{svg}</body>')
        return on_white(page.screenshot())
    finally:
        page.close()


def ink_mask(image: Image.Image, box: TextBox) -> Image.Image:
    crop = image.crop((box.left, box.top, box.right, box.bottom)).convert("L")
    return crop.point(lambda v: 255 if v < INK else 0).convert("1")


def overlap(a: Image.Image, b: Image.Image) -> float:
    """Intersection over union of two ink masks."""
    both = ImageChops.logical_and(a, b).convert("L").histogram()[255]
    either = ImageChops.logical_or(a, b).convert("L").histogram()[255]
    return both / either if either else 0.0


def test_png_matches_the_svg_in_chromium(browser):
    svg = dl.render(bug_hunt(), legend=True)
    ours = on_white(dl.render(bug_hunt(), format="png", legend=True, scale=SCALE))
    theirs = in_chromium(browser, svg, size=ours.size)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    ours.save(ARTIFACTS / "export-png.png")
    theirs.save(ARTIFACTS / "export-chromium.png")
    assert theirs.size == ours.size

    # The whole picture: shapes, lines and colours land on the same pixels.
    diff = ImageChops.difference(ours.convert("L"), theirs.convert("L")).histogram()
    same = sum(diff[:33]) / (ours.width * ours.height)
    assert same > 0.97, f"only {same:.1%} of the pixels match"

    # Every line of text: drawn, as letters of the same shape, in the same place.
    boxes = text_boxes(svg, scale=SCALE)
    assert len(boxes) > 10
    for box in boxes:
        mine, reference = ink_mask(ours, box), ink_mask(theirs, box)
        assert reference.getbbox(), f"Chromium drew no {box.text!r}"
        assert mine.getbbox(), f"the PNG has no text {box.text!r}"
        assert overlap(mine, reference) > 0.5, f"{box.text!r} is drawn differently"
        for edge, (a, b) in enumerate(zip(mine.getbbox(), reference.getbbox(), strict=True)):
            assert abs(a - b) <= 2 * SCALE, f"{box.text!r} has moved (side {edge}: {a} vs {b})"
