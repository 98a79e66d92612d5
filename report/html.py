"""The report as one HTML page: ``build/report/index.html`` plus its ``figures/`` folder.

The markdown is rendered with the ``markdown`` package (tables, fenced code, heading
ids, attribute lists, markdown inside ``<details>``) into a single page whose CSS is
inline: a readable measure, light and dark page styles, figures that scale down to
the page width. Figures stay files next to the page (``figures/NAME.svg``), exactly
as the markdown references them, so the page and ``docs/`` read the same.

Heading ids follow GitHub's rule, the one ``report.build`` uses for its contents
and cross-references, so every in-page link resolves:

>>> page = to_html("# Report\\n\\nSee [the plan](#the-plan-v2).\\n\\n## The plan: v2!\\n")
>>> '<h2 id="the-plan-v2">' in page and "<title>Report</title>" in page
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from diagrams_lib import write_atomic
from report.build import FIGURE_DIR, REPORT_NAME, ReportError

__all__ = ["PAGE_NAME", "build_html", "slugify", "to_html", "write_html"]

PAGE_NAME = "index.html"
_ITEM = re.compile(r"^( *)([-*+]|\d+[.)]) ")
_DETAILS = re.compile(r"^<details(?![^>]*\bmarkdown=)(\s[^>]*)?>", re.I)
_SVG_SIZE = re.compile(r"<svg\b[^>]*?\swidth=\"([\d.]+)\"[^>]*?\sheight=\"([\d.]+)\"")

CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#57606a;--link:#0a58b8;
--border:#d0d7de;--subtle:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;
--link:#6cb6ff;--border:#3d444d;--subtle:#161b22}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font-size:1.0625rem;line-height:1.6;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",
"Liberation Sans",sans-serif}
main{max-width:46rem;margin:0 auto;padding:2.5rem 1.25rem 5rem}
h1,h2,h3,h4{line-height:1.25;margin:2em 0 .6em;font-weight:650}
h1{font-size:2.1rem;margin-top:0}
h2{font-size:1.5rem;padding-bottom:.3em;border-bottom:1px solid var(--border)}
h3{font-size:1.2rem}
p,ul,ol,dl,table,pre,blockquote{margin:0 0 1.1em}
li+li{margin-top:.25em}
li>ul,li>ol{margin:.25em 0 .5em}
a{color:var(--link);text-underline-offset:.15em}
strong{font-weight:650}
img{max-width:100%;height:auto}
p>img{display:block;margin:2em auto 1em}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;
font-size:.9em;background:var(--subtle);padding:.1em .3em;border-radius:4px}
pre{background:var(--subtle);padding:1em;overflow-x:auto;border-radius:6px;line-height:1.45}
pre code{background:none;padding:0}
table{border-collapse:collapse;display:block;max-width:100%;overflow-x:auto}
th,td{border:1px solid var(--border);padding:.4em .75em;text-align:left;vertical-align:top}
th{background:var(--subtle);font-weight:650}
tbody tr:nth-child(even){background:var(--subtle)}
blockquote{padding:0 1em;border-left:.25em solid var(--border);color:var(--muted)}
details{border:1px solid var(--border);border-radius:6px;background:var(--subtle);
padding:.5em 1em;margin:0 0 2em}
details>summary{cursor:pointer;color:var(--muted);font-weight:600;font-size:.95em}
details[open]>summary{margin-bottom:.6em}
details>:last-child{margin-bottom:0}
hr{border:0;border-top:1px solid var(--border);margin:2em 0}
[id]{scroll-margin-top:1rem}
@media print{details{border:0;padding:0;background:none}body{font-size:11pt}}
""".strip()

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""


def slugify(value: str, separator: str = "-") -> str:
    """GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens.

    The same rule as ``report.build``'s contents and the anchors GitHub makes
    (markdown's own slugify would also fold accents and merge runs of hyphens).

    >>> slugify("Debugging at scale: the torch.sum story")
    'debugging-at-scale-the-torchsum-story'
    >>> slugify("Inside GPT-4.5's pre-training")
    'inside-gpt-45s-pre-training'
    """
    text = re.sub(r"[^\w\- ]", "", value.strip().lower())
    return text.replace(" ", separator)


class _MarkdownInDetails(Preprocessor):
    """Mark each ``<details>`` block ``markdown="1"`` so md_in_html renders its inside.
    Runs after fenced code is stashed, so a ``<details>`` inside a code block is left alone."""

    def run(self, lines: list[str]) -> list[str]:
        return [
            _DETAILS.sub(lambda m: f'<details markdown="1"{m.group(1) or ""}>', line)
            for line in lines
        ]


class _NestedLists(Preprocessor):
    """Nest list items the way GitHub does: an item indented as far as its parent's
    text (two spaces under ``- ``) is its child. Python-Markdown wants four spaces,
    so each nested item is re-indented by four per level. Only items inside a list
    are touched, so an indented code block stays code."""

    def run(self, lines: list[str]) -> list[str]:
        out, columns = [], []  # columns: where each open item's text starts
        for line in lines:
            match = _ITEM.match(line)
            if match is None:
                if line.strip() and not line[0].isspace():
                    columns = []
                out.append(line)
                continue
            indent = len(match[1])
            if indent and not columns:
                out.append(line)
                continue
            while columns and indent < columns[-1]:
                columns.pop()
            out.append(" " * (4 * len(columns)) + line[indent:])
            columns.append(indent + len(match[2]) + 1)
        return out


class _ImageSizes(Treeprocessor):
    """Give each known image its width and height, so the page does not jump as
    figures load and links to a figure land where the figure ends up."""

    def __init__(self, md: markdown.Markdown, sizes: Mapping[str, tuple[int, int]]) -> None:
        super().__init__(md)
        self.sizes = sizes

    def run(self, root: Element) -> None:
        for img in root.iter("img"):
            size = self.sizes.get(img.get("src", ""))
            if size:
                img.set("width", str(size[0]))
                img.set("height", str(size[1]))


class _ReportExtension(Extension):
    def __init__(self, sizes: Mapping[str, tuple[int, int]]) -> None:
        super().__init__()
        self.sizes = sizes

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(_MarkdownInDetails(md), "details_markdown", 22)
        md.preprocessors.register(_NestedLists(md), "nested_lists", 21)
        md.treeprocessors.register(_ImageSizes(md, self.sizes), "image_sizes", 8)


def to_html(
    text: str,
    *,
    title: str | None = None,
    lang: str = "en",
    image_sizes: Mapping[str, tuple[int, int]] | None = None,
) -> str:
    """Render markdown ``text`` into a complete HTML page with inline CSS.

    Args:
        text: the markdown.
        title: the page's ``<title>``; by default the first ``#`` heading.
        lang: the page's language.
        image_sizes: ``src -> (width, height)`` in px, set on those ``<img>``.
    """
    md = markdown.Markdown(
        extensions=[
            "tables",
            "fenced_code",
            "toc",
            "attr_list",
            "md_in_html",
            _ReportExtension(image_sizes or {}),
        ],
        extension_configs={"toc": {"slugify": slugify}},
        output_format="html",
    )
    body = md.convert(text)
    if title is None:
        tops = [t for t in md.toc_tokens if t["level"] == 1]  # type: ignore[attr-defined]
        title = html.unescape(tops[0]["name"]) if tops else "Report"
    return PAGE.format(lang=html.escape(lang), title=html.escape(title), css=CSS, body=body)


class _Refs(HTMLParser):
    """The ids, in-page links and image sources of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.links.append(href[1:])
        if tag == "img":
            self.images.append(values.get("src") or "")


def build_html(files: Mapping[str, str], *, source: str = REPORT_NAME) -> dict[str, str]:
    """Turn the report's files (``source`` markdown + figures) into the HTML page's files.

    Returns ``{"index.html": page, "figures/NAME.svg": svg, ...}``. Raises
    :class:`ReportError` naming the image or link when the page references an image
    that is not among ``files`` or links to an anchor that does not exist.
    """
    if source not in files:
        raise ReportError(f"no {source!r} among the report's files")
    figures = {rel: text for rel, text in files.items() if rel != source}
    sizes = {}
    for rel, svg in figures.items():
        match = _SVG_SIZE.search(svg)
        if rel.endswith(".svg") and match:
            sizes[rel] = (round(float(match[1])), round(float(match[2])))
    page = to_html(files[source], image_sizes=sizes)
    refs = _Refs()
    refs.feed(page)
    for src in refs.images:
        if "://" not in src and not src.startswith("data:") and src not in figures:
            raise ReportError(f"{PAGE_NAME}: image {src!r} is not among the report's files")
    for target in refs.links:
        if target and target not in refs.ids:
            raise ReportError(f"{PAGE_NAME}: link '#{target}' points at no heading or anchor")
    return {PAGE_NAME: page, **figures}


def write_html(files: Mapping[str, str], *, out_dir: Path) -> list[str]:
    """Write :func:`build_html`'s files into ``out_dir``, each atomically, and remove
    figures no longer in the page. Returns the relative paths that changed."""
    changed = []
    for rel, text in sorted(files.items()):
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            changed.append(rel)
    for old in sorted((out_dir / FIGURE_DIR).glob("*.svg")):
        if f"{FIGURE_DIR}/{old.name}" not in files:
            old.unlink()
            changed.append(f"{FIGURE_DIR}/{old.name} (removed)")
    return changed
