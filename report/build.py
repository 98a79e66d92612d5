"""Assemble the report: sections + figures -> ``docs/gpt-4.5-pretraining.md`` and SVGs.

Everything is built in memory first; files are written only when every figure
rendered, each through an atomic rename, so a failing figure leaves the previous
report untouched and the error names the figure.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import diagrams_lib as dl
from diagrams_lib.files import atomic_write

__all__ = ["Output", "ReportError", "build", "check", "write", "ROOT"]

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = Path(__file__).resolve().parent / "sections"
FIGURE_TEXTS = Path(__file__).resolve().parent / "figures.toml"
REPORT_NAME = "gpt-4.5-pretraining.md"
FIGURE_DIR = "figures"
WORDS_PER_MINUTE = 220
_PLACEHOLDER = re.compile(r"\{\{(figure|ref):([a-z0-9-]+)\}\}|\{\{(toc|reading_time)\}\}")


class ReportError(dl.DiagramError):
    """The report cannot be built; the message names the section or figure."""


@dataclass(frozen=True)
class Output:
    """Every file of the report, as relative path -> text."""

    files: dict[str, str]


def _anchor(heading: str) -> str:
    """GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _toc(markdown: str) -> str:
    lines = []
    for match in re.finditer(r"^(##|###) (.+)$", markdown, flags=re.M):
        depth, heading = match.groups()
        if heading.strip() in ("TL;DR", "Contents"):
            continue
        indent = "" if depth == "##" else "  "
        lines.append(f"{indent}- [{heading.strip()}](#{_anchor(heading)})")
    return "## Contents\n\n" + "\n".join(lines)


def _reading_time(markdown: str) -> str:
    prose = re.sub(r"<details>.*?</details>", "", markdown, flags=re.S)
    words = len(re.findall(r"[A-Za-z0-9'’-]+", prose))
    return f"about {math.ceil(words / WORDS_PER_MINUTE)} minutes ({words:,} words)"


def _figure_block(number: int, name: str, meta: dict) -> str:
    return (
        f'<a id="figure-{number}"></a>\n\n'
        f"![{meta['alt']}]({FIGURE_DIR}/{name}.svg)\n\n"
        f"**Figure {number}. {meta['title']}.** {meta['caption']}\n\n"
        f"<details>\n<summary>Text description of Figure {number}</summary>\n\n"
        f"{meta['description'].strip()}\n\n</details>"
    )


def load_texts(path: Path = FIGURE_TEXTS) -> dict[str, dict]:
    """Read the figure texts, checking every figure has title, alt, caption, description."""
    try:
        texts = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ReportError(f"cannot read figure texts {path}: {exc}") from exc
    for name, meta in texts.items():
        for key in ("title", "alt", "caption", "description"):
            if not str(meta.get(key, "")).strip():
                raise ReportError(f"figure {name!r} in {path.name} has no {key!r}")
    return texts


def build(*, figures: dict[str, Callable] | None = None, sections: Path = SECTIONS,
          texts_path: Path = FIGURE_TEXTS,
          render: Callable[..., str] = dl.render) -> Output:  # fmt: skip
    """Build the whole report in memory and return its files."""
    if figures is None:
        from report.figures import FIGURES as figures
    texts = load_texts(texts_path)
    parts = sorted(sections.glob("*.md"))
    if not parts:
        raise ReportError(f"no section files in {sections}")
    markdown = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in parts) + "\n"
    order = re.findall(r"\{\{figure:([a-z0-9-]+)\}\}", markdown)
    numbers = {}
    for name in order:
        if name in numbers:
            raise ReportError(f"figure {name!r} is placed twice")
        if name not in texts:
            raise ReportError(f"figure {name!r} has no entry in {texts_path.name}")
        if name not in figures:
            raise ReportError(f"figure {name!r} has no function in report/figures.py")
        numbers[name] = len(numbers) + 1
    files = {}
    for name in order:
        try:
            g = figures[name]()
            g.graph["title"] = texts[name]["title"]
            g.graph["description"] = texts[name]["description"].strip()
            files[f"{FIGURE_DIR}/{name}.svg"] = render(g, theme="auto", id_prefix=f"fig-{name}")
        except Exception as exc:
            raise ReportError(f"figure {name!r} failed: {exc}") from exc

    def replace(match: re.Match) -> str:
        kind, name, special = match.groups()
        if special == "toc":
            return "{{toc}}"
        if special == "reading_time":
            return "{{reading_time}}"
        if name not in numbers:
            raise ReportError(f"{{{{ref:{name}}}}} points at a figure that is not placed")
        if kind == "ref":
            return f"[Figure {numbers[name]}](#figure-{numbers[name]})"
        return _figure_block(numbers[name], name, texts[name])

    markdown = _PLACEHOLDER.sub(replace, markdown)
    markdown = markdown.replace("{{toc}}", _toc(markdown))
    markdown = markdown.replace("{{reading_time}}", _reading_time(markdown))
    files[REPORT_NAME] = markdown
    return Output(files)


def write(output: Output, *, out_dir: Path) -> list[str]:
    """Write every file atomically; remove figures no longer in the report.
    Returns the relative paths that changed."""
    (out_dir / FIGURE_DIR).mkdir(parents=True, exist_ok=True)
    changed = []
    for rel, text in sorted(output.files.items()):
        path = out_dir / rel
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            atomic_write(path, text)
            changed.append(rel)
    for old in sorted((out_dir / FIGURE_DIR).glob("*.svg")):
        if f"{FIGURE_DIR}/{old.name}" not in output.files:
            old.unlink()
            changed.append(f"{FIGURE_DIR}/{old.name} (removed)")
    return changed


def check(output: Output, *, out_dir: Path) -> list[str]:
    """Return the problems that make the committed report stale (empty: up to date)."""
    problems = []
    for rel, text in sorted(output.files.items()):
        path = out_dir / rel
        if not path.exists():
            problems.append(f"{path.relative_to(out_dir.parent)} is missing")
        elif path.read_text(encoding="utf-8") != text:
            problems.append(f"{path.relative_to(out_dir.parent)} is out of date")
    for old in sorted((out_dir / FIGURE_DIR).glob("*.svg")):
        if f"{FIGURE_DIR}/{old.name}" not in output.files:
            problems.append(f"{old.relative_to(out_dir.parent)} is no longer in the report")
    return problems
