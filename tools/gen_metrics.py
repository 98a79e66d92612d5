r"""Generate ``diagrams_lib/_metrics_data.py``: conservative glyph advance widths.

For every character in the covered ranges the table stores, per weight (regular/bold), the
MAXIMUM advance width over the fonts of our CSS font stack, in integer 1/1000 em, rounded UP:

* Helvetica: the Adobe core-font AFM metrics (``phvr8a.afm`` / ``phvb8a.afm``, shipped in the
  matplotlib wheel under ``matplotlib/mpl-data/fonts/afm/``). Arial shares these metrics.
* Liberation Sans 2 (Arial-metric-compatible; covers what the Adobe core set lacks, e.g. Greek,
  Latin Extended-A, arrows, math), Debian package ``fonts-liberation2``.
* Nimbus Sans (URW Helvetica clone), Debian package ``fonts-urw-base35``.
* DejaVu Sans (the wider Linux default), ``/usr/share/fonts/truetype/dejavu/``.

A character that no Helvetica-family font (the first three) has is drawn, on a machine without
DejaVu, with some unknown fallback font; for those the width is also raised to at least 1 em.
A bold width is never below the regular one (a browser lacking the bold face synthesizes it from
the regular glyphs). Characters of category Cc, Cf, Mn, Me, Zl, Zp, Co, Cs and unassigned ones
are left out: the runtime (``diagrams_lib/text.py``) handles them by rule. Kerning is ignored.
Categories come from the ``unicodedata`` of the Python running this script (3.11).

This script is not imported by the library. It needs fontTools and the font files above. The
command used to generate the committed table (run from the repo root)::

    python3 -m venv /tmp/metricsvenv && /tmp/metricsvenv/bin/pip install fonttools
    python3 -m pip download --no-deps --only-binary=:all: matplotlib -d /tmp/mpldl
    (cd /tmp/mpldl && unzip -o -q matplotlib-*.whl 'matplotlib/mpl-data/fonts/afm/*')
    mkdir -p /tmp/fontdebs && cd /tmp/fontdebs && apt-get download fonts-liberation2 \\
        fonts-urw-base35 && for d in *.deb; do dpkg-deb -x "$d" x; done; cd -
    /tmp/metricsvenv/bin/python tools/gen_metrics.py \\
        --afm-dir /tmp/mpldl/matplotlib/mpl-data/fonts/afm \\
        --liberation-dir /tmp/fontdebs/x/usr/share/fonts/truetype/liberation2 \\
        --nimbus-dir /tmp/fontdebs/x/usr/share/fonts/opentype/urw-base35 \\
        --dejavu-dir /usr/share/fonts/truetype/dejavu
"""

from __future__ import annotations

import argparse
import hashlib
import math
import unicodedata
from pathlib import Path

from fontTools import agl
from fontTools.afmLib import AFM
from fontTools.ttLib import TTFont

# Inclusive code point ranges covered by the table (only characters some source font has).
RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0020, 0x007E, "Basic Latin"),
    (0x00A0, 0x00FF, "Latin-1 Supplement"),
    (0x0100, 0x017F, "Latin Extended-A"),
    (0x0180, 0x024F, "Latin Extended-B"),
    (0x02B0, 0x02FF, "Spacing Modifier Letters"),
    (0x0370, 0x03FF, "Greek and Coptic"),
    (0x0400, 0x04FF, "Cyrillic"),
    (0x1E00, 0x1EFF, "Latin Extended Additional"),
    (0x2000, 0x206F, "General Punctuation"),
    (0x2070, 0x209F, "Superscripts and Subscripts"),
    (0x20A0, 0x20CF, "Currency Symbols"),
    (0x2100, 0x214F, "Letterlike Symbols"),
    (0x2150, 0x218F, "Number Forms"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2200, 0x22FF, "Mathematical Operators"),
    (0xFB00, 0xFB06, "Alphabetic Presentation Forms (Latin ligatures)"),
)
EXCLUDED_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me", "Zl", "Zp"})
HELVETICA_FAMILY = ("helvetica", "liberation", "nimbus")
UNKNOWN_FONT_MIN = 1000  # 1 em, for glyphs no Helvetica-family font has
OUTPUT = Path(__file__).resolve().parent.parent / "diagrams_lib" / "_metrics_data.py"
PER_LINE = 6

Widths = dict[int, float]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def load_afm(path: Path) -> tuple[Widths, str]:
    """Read the advance widths (1/1000 em) of an AFM file, keyed by code point."""
    afm = AFM(str(path))
    widths: Widths = {}
    for name in afm.chars():
        _code, width, _bbox = afm[name]
        text = agl.toUnicode(name)
        if len(text) == 1:
            widths[ord(text)] = float(width)
    desc = f"{afm.FontName} {afm.Version} ({path.name}, sha256 {_sha(path)})"
    return widths, desc


def load_sfnt(path: Path) -> tuple[Widths, str]:
    """Read the advance widths (1/1000 em) of a TrueType/OpenType font, keyed by code point."""
    font = TTFont(str(path), lazy=True)
    upem = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[g][0] * 1000 / upem for cp, g in font.getBestCmap().items()}
    name = font["name"]
    desc = f"{name.getDebugName(4)} {name.getDebugName(5)} ({path.name}, sha256 {_sha(path)})"
    return widths, desc


def covered_code_points() -> list[int]:
    """List the code points of RANGES that are assigned and not handled by runtime rules."""
    return [
        cp
        for lo, hi, _ in RANGES
        for cp in range(lo, hi + 1)
        if unicodedata.category(chr(cp)) not in EXCLUDED_CATEGORIES
    ]


def combine(sources: dict[str, Widths]) -> dict[int, int]:
    """Per code point, take the max over the sources that have it, rounded up to an int."""
    table: dict[int, int] = {}
    for cp in covered_code_points():
        found = [widths[cp] for widths in sources.values() if cp in widths]
        if not found:
            continue
        best = max(found)
        if not any(cp in sources[name] for name in HELVETICA_FAMILY):
            best = max(best, UNKNOWN_FONT_MIN)
        table[cp] = math.ceil(round(best, 6))
    return table


def format_table(name: str, table: dict[int, int]) -> list[str]:
    """Return the Python source lines of one dict literal."""
    lines = [f"{name}: dict[int, int] = {{"]
    items = sorted(table.items())
    for i in range(0, len(items), PER_LINE):
        chunk = items[i : i + PER_LINE]
        lines.append("    " + " ".join(f"0x{cp:04X}: {w}," for cp, w in chunk))
    lines.append("}")
    return lines


def render(tables: dict[str, dict[int, int]], descriptions: dict[str, list[str]]) -> str:
    """Return the full text of the generated module."""
    out = [
        '"""Advance widths for text measuring, in 1/1000 em. GENERATED: do not edit.',
        "",
        "Generated by tools/gen_metrics.py (see its docstring for the exact command). Each value",
        "is the maximum advance width over the fonts below, rounded up; characters that no",
        "Helvetica-family font has are at least 1000 (1 em); a bold value is never below the",
        "regular one. Kerning is ignored.",
        "Keys are code points. Covered ranges (only characters some source font has):",
        "",
    ]
    out += [f"* U+{lo:04X}..U+{hi:04X} {label}" for lo, hi, label in RANGES]
    for weight, descs in descriptions.items():
        out += ["", f"{weight} sources:", ""]
        out += [f"* {d}" for d in descs]
    out += ['"""', "", "UNITS_PER_EM = 1000", ""]
    for name, table in tables.items():
        out += [*format_table(name, table), ""]
    return "\n".join(out)


def main() -> None:
    """Parse the command line, read the fonts and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--afm-dir", type=Path, required=True, help="directory with phvr8a.afm and phvb8a.afm"
    )
    parser.add_argument(
        "--liberation-dir",
        type=Path,
        required=True,
        help="directory with LiberationSans-Regular.ttf and -Bold.ttf",
    )
    parser.add_argument(
        "--nimbus-dir",
        type=Path,
        required=True,
        help="directory with NimbusSans-Regular.otf and -Bold.otf",
    )
    parser.add_argument(
        "--dejavu-dir",
        type=Path,
        default=Path("/usr/share/fonts/truetype/dejavu"),
        help="directory with DejaVuSans.ttf and DejaVuSans-Bold.ttf",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    files = {
        "REGULAR": {
            "helvetica": (load_afm, args.afm_dir / "phvr8a.afm"),
            "liberation": (load_sfnt, args.liberation_dir / "LiberationSans-Regular.ttf"),
            "nimbus": (load_sfnt, args.nimbus_dir / "NimbusSans-Regular.otf"),
            "dejavu": (load_sfnt, args.dejavu_dir / "DejaVuSans.ttf"),
        },
        "BOLD": {
            "helvetica": (load_afm, args.afm_dir / "phvb8a.afm"),
            "liberation": (load_sfnt, args.liberation_dir / "LiberationSans-Bold.ttf"),
            "nimbus": (load_sfnt, args.nimbus_dir / "NimbusSans-Bold.otf"),
            "dejavu": (load_sfnt, args.dejavu_dir / "DejaVuSans-Bold.ttf"),
        },
    }
    tables: dict[str, dict[int, int]] = {}
    descriptions: dict[str, list[str]] = {}
    for weight, fonts in files.items():
        sources: dict[str, Widths] = {}
        descriptions[weight] = []
        for key, (loader, path) in fonts.items():
            sources[key], desc = loader(path)
            descriptions[weight].append(desc)
        tables[weight] = combine(sources)
    regular = tables["REGULAR"]
    tables["BOLD"] = {cp: max(w, regular.get(cp, 0)) for cp, w in tables["BOLD"].items()}
    args.output.write_text(render(tables, descriptions), encoding="utf-8")
    print(f"wrote {args.output}: " + ", ".join(f"{k} {len(v)}" for k, v in tables.items()))


if __name__ == "__main__":
    main()
