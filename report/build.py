"""Assemble the report: sections + figures -> ``docs/gpt-4.5-pretraining.md`` and SVGs.

Everything is built in memory first; files are written only when every figure
rendered, so a failing figure leaves the previous report untouched and the error
names the figure. The files are then swapped in as one set (:mod:`report.publish`):
a build killed while writing leaves the old report, or the new one once the next
build has finished the swap; never a mix.

Figures come from a cache (:mod:`report.cache`, in ``build/cache/``) when nothing they
depend on changed; the others are laid out in parallel, one process per core, when
there is more than one.
"""

from __future__ import annotations

import math
import os
import pickle
import re
import tomllib
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import diagrams_lib as dl
from report.cache import FigureCache
from report.publish import STAGING, publish, recover

__all__ = ["ROOT", "Output", "ReportError", "build", "check", "prose_words", "write"]

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / "build" / "cache"
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
    """Every file of the report, as relative path -> text.

    ``rendered`` names the figures laid out by this build (the others came from the cache).
    """

    files: dict[str, str]
    rendered: tuple[str, ...] = ()


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


def prose_words(markdown: str) -> int:
    """Words a reader reads through: not the figure descriptions, tables (the glossary,
    the sources), image alt texts, link targets or the contents list."""
    prose = re.sub(r"<details>.*?</details>", "", markdown, flags=re.S)
    prose = re.sub(r"^(\||!\[|- \[.*\]\(#).*$", "", prose, flags=re.M)
    prose = re.sub(r"\]\([^)]*\)", "]", prose)
    return len(re.findall(r"[A-Za-z0-9'’-]+", prose))


def _reading_time(markdown: str) -> str:
    words = prose_words(markdown)
    return f"about {math.ceil(words / WORDS_PER_MINUTE)} minutes ({words:,} words of prose)"


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


def _render_chunk(payload: bytes) -> list[tuple[bool, Any]]:
    """Worker side of a parallel build: render each pickled ``(render, graph, options)``.

    Returns ``(True, svg)`` or ``(False, error)`` per figure, so the parent can name the
    figure that failed."""
    out: list[tuple[bool, Any]] = []
    for render, g, options in pickle.loads(payload):
        try:
            out.append((True, str(render(g, **options))))
        except Exception as exc:
            try:
                pickle.dumps(exc)
            except Exception:
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            out.append((False, exc))
    return out


def _render_all(
    graphs: dict[str, Any],
    *,
    render: Callable[..., str],
    cache: FigureCache | None,
    jobs: int | None,
    progress: Callable[..., None] | None,
) -> tuple[dict[str, str], list[str]]:
    """SVG of every figure, from the cache or rendered; and the names rendered."""
    options = {name: {"theme": "auto", "id_prefix": f"fig-{name}"} for name in graphs}
    svgs: dict[str, str] = {}
    keys: dict[str, str] = {}
    todo = []
    for name, g in graphs.items():
        if cache is not None:
            try:
                keys[name] = cache.key(g, options[name], render=render)
            except Exception:  # an attribute whose repr fails: lay it out, do not cache it
                todo.append(name)
                continue
            hit = cache.get(keys[name])
            if hit is not None:
                svgs[name] = hit
                continue
        todo.append(name)
    workers = min(jobs or _cores(), len(todo))
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    pending: dict[str, tuple[Future, int]] = {}
    try:
        if pool is not None:
            _submit(pool, workers, todo, graphs, options, render, pending)
        # in report order, so that an error names the first failing figure
        for index, name in enumerate(graphs, 1):
            if name not in svgs:
                try:
                    if name in pending:
                        future, slot = pending[name]
                        ok, result = future.result()[slot]
                        if not ok:
                            raise result
                        svgs[name] = result
                    else:
                        svgs[name] = render(graphs[name], **options[name])
                except Exception as exc:
                    raise ReportError(f"figure {name!r} failed: {exc}") from exc
                if cache is not None and name in keys:
                    cache.put(keys[name], svgs[name])
            if progress is not None:
                progress(index, len(graphs), name)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return svgs, todo


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _submit(
    pool: ProcessPoolExecutor,
    workers: int,
    todo: list[str],
    graphs: dict[str, Any],
    options: dict[str, dict],
    render: Callable[..., str],
    pending: dict[str, tuple[Future, int]],
) -> None:
    """Send the figures to the workers in a few chunks each (one message per chunk, not
    per figure); a figure that cannot be pickled stays out, to be rendered here."""
    size = max(1, math.ceil(len(todo) / (workers * 4)))
    for start in range(0, len(todo), size):
        names, items = [], []
        for name in todo[start : start + size]:
            item = (render, graphs[name], options[name])
            try:
                pickle.dumps(item)
            except Exception:
                continue
            names.append(name)
            items.append(item)
        if items:
            future = pool.submit(_render_chunk, pickle.dumps(items))
            pending.update((name, (future, slot)) for slot, name in enumerate(names))


def build(
    *,
    figures: dict[str, Callable] | None = None,
    sections: Path = SECTIONS,
    texts_path: Path = FIGURE_TEXTS,
    render: Callable[..., str] = dl.render,
    use_cache: bool = True,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Callable[..., None] | None = None,
) -> Output:
    """Build the whole report in memory and return its files.

    Figures whose graph, options, library and Graphviz are unchanged come from the
    cache in ``cache_dir`` (default ``build/cache/``; ``use_cache=False`` skips it).
    The rest are laid out in ``jobs`` processes (default: one per core) when there
    is more than one; ``jobs=1`` lays out in this process. The files are the same
    whichever way. ``progress(index, total, name)`` is called as each figure is done.
    """
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
            raise ReportError(f"figure {name!r} has no function in report.figures")
        numbers[name] = len(numbers) + 1
    graphs = {}
    for name in order:
        try:
            g = figures[name]()
            g.graph["title"] = texts[name]["title"]
            g.graph["description"] = texts[name]["description"].strip()
        except Exception as exc:
            raise ReportError(f"figure {name!r} failed: {exc}") from exc
        graphs[name] = g
    cache = FigureCache(cache_dir or CACHE_DIR) if use_cache else None
    svgs, rendered = _render_all(graphs, render=render, cache=cache, jobs=jobs, progress=progress)
    files = {f"{FIGURE_DIR}/{name}.svg": svgs[name] for name in order}

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
    return Output(files, rendered=tuple(rendered))


def _compare(output: Output, out_dir: Path) -> list[tuple[str, str]]:
    """``(relative path, how it differs)`` for each file of ``out_dir`` that is not, byte
    for byte, what ``output`` holds: ``missing``, ``crlf`` (the same but for CRLF line
    ends), ``changed``, or ``extra`` (in the figures folder but not in the report)."""
    differences = []
    for rel, text in sorted(output.files.items()):
        path = out_dir / rel
        expected = text.encode("utf-8")
        if not path.is_file():
            differences.append((rel, "missing"))
        elif (data := path.read_bytes()) != expected:
            crlf = b"\r\n" in data and data.replace(b"\r\n", b"\n") == expected
            differences.append((rel, "crlf" if crlf else "changed"))
    folder = out_dir / FIGURE_DIR
    for old in sorted(folder.rglob("*")) if folder.is_dir() else ():
        rel = old.relative_to(out_dir).as_posix()
        if old.is_file() and rel not in output.files:
            differences.append((rel, "extra"))
    return differences


def write(output: Output, *, out_dir: Path) -> list[str]:
    """Make ``out_dir`` hold the report's files, replaced all at once or not at all.

    The markdown and the figures folder are swapped in through a staging folder (see
    :mod:`report.publish`), which first finishes or drops what a killed build left;
    other files of ``out_dir`` are never touched. Nothing is written when nothing
    changed. Returns the relative paths that changed.
    """
    recover(out_dir)
    changed = [
        rel + (" (removed)" if how == "extra" else "") for rel, how in _compare(output, out_dir)
    ]
    if changed:
        publish(output.files, out_dir=out_dir, folders=[FIGURE_DIR])
    return changed


def check(output: Output, *, out_dir: Path) -> list[str]:
    """Return the problems that make the committed report stale (empty: up to date).

    Files are compared byte for byte, so CRLF line ends are stale too. ``output`` should
    come from ``build(use_cache=False)``: the cache must not vouch for the files it is
    checked against.
    """
    problems = []
    if (out_dir / STAGING).exists():
        problems.append(f"{_shown(out_dir / STAGING, out_dir)} is left by an interrupted build")
    messages = {
        "missing": "is missing",
        "changed": "is out of date",
        "crlf": "has CRLF line ends (the report is written with LF)",
        "extra": "is no longer in the report",
    }
    for rel, how in _compare(output, out_dir):
        problems.append(f"{_shown(out_dir / rel, out_dir)} {messages[how]}")
    return problems


def _shown(path: Path, out_dir: Path) -> str:
    return path.relative_to(out_dir.parent).as_posix()
