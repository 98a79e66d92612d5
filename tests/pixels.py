"""Reading pictures in tests: where an SVG puts its text, and whether a PNG has ink there."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.etree import ElementTree

from PIL import Image

from diagrams_lib.text import text_width

SVG = "{http://www.w3.org/2000/svg}"
INK = 110  # luminance below this (of 255) is ink: the themes' text, never a node's fill


@dataclass(frozen=True)
class TextBox:
    """Where one line of an SVG's text is drawn, in PNG pixels."""

    text: str
    left: int
    top: int
    right: int
    bottom: int


def on_white(png: bytes) -> Image.Image:
    """The PNG as an RGB picture, its transparent parts (the card's corners) white."""
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    white = Image.new("RGBA", image.size, "white")
    return Image.alpha_composite(white, image).convert("RGB")


def text_boxes(svg: str, *, scale: float = 1.0) -> list[TextBox]:
    """The box of every line of dark text in ``svg``: its measured width, from the top of
    its capitals to below its baseline, at ``scale`` pixels per SVG pixel."""
    boxes = []
    for text in ElementTree.fromstring(svg).iter(f"{SVG}text"):
        if text.get("class") not in ("label", "dl-title", "edge-label", "group-label"):
            continue
        size = float(text.get("font-size", "14"))
        bold = text.get("font-weight") == "600"
        anchor = text.get("text-anchor", "start")
        for span in text.iter(f"{SVG}tspan"):
            line = span.text or ""
            if not line.strip():
                continue
            x, y = float(span.get("x", "0")), float(span.get("y", "0"))
            width = text_width(line, size=size, bold=bold)
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            boxes.append(
                TextBox(
                    line,
                    int(left * scale),
                    int((y - 0.8 * size) * scale),
                    int((left + width) * scale) + 1,
                    int((y + 0.25 * size) * scale) + 1,
                )
            )
    return boxes


def ink(image: Image.Image, box: TextBox) -> tuple[float, tuple[int, int, int, int] | None]:
    """The share of ``box``'s pixels that are ink, and the bounding box of that ink."""
    crop = image.crop((box.left, box.top, box.right, box.bottom)).convert("L")
    mask = crop.point(lambda v: 255 if v < INK else 0)
    area = crop.width * crop.height
    share = mask.histogram()[255] / area if area else 0.0
    return share, mask.getbbox()
