"""Replace a set of files in a folder all at once: a killed build leaves the old set or the new.

The report owns two entries of ``docs/``: the markdown ``gpt-4.5-pretraining.md`` and
the folder ``figures/``. Everything else there (guide.md, the gallery...) is never
touched. Replacing the files one by one, a build killed half-way left new figures next
to the old markdown. :func:`publish` goes in three steps instead:

1. **Stage.** Every file of the new set is written into ``docs/.report-staging/``, laid
   out as in ``docs/``. Nothing visible has changed yet: a build killed now leaves the
   old set, and the next build deletes the unfinished staging folder.
2. **Commit.** The file ``COMPLETE`` (the list of the new files) is written into the
   staging folder. From then on the new set is the one to publish.
3. **Swap.** Each owned folder is renamed aside (into the staging folder) and its staged
   copy renamed into its place; then each file, the markdown last, is renamed over the
   old one; then the staging folder, holding the old folders, is deleted.

A build killed during the swap leaves a staging folder with ``COMPLETE`` in it, and
docs/ perhaps half swapped. Every build first calls :func:`recover`, which finishes
that swap (each step is a rename that can be done again from where it stopped), so
docs/ ends as the whole new set. ``python -m report --check`` only reads, and reports
the leftover staging folder as a problem.

One build publishes at a time: the output folder is locked (``flock``) meanwhile.

>>> import pathlib, tempfile
>>> docs = pathlib.Path(tempfile.mkdtemp())
>>> publish({"r.md": "![](figures/a.svg)\\n", "figures/a.svg": "<svg/>"}, out_dir=docs,
...         folders=["figures"])
>>> sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*"))
['figures', 'figures/a.svg', 'r.md']
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import diagrams_lib as dl

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["COMPLETE", "STAGING", "publish", "recover"]

STAGING = ".report-staging"
COMPLETE = "COMPLETE"
_OLD = ".old"  # inside the staging folder: the folders swapped out


def publish(
    files: Mapping[str, str | bytes], *, out_dir: Path, folders: Iterable[str] = ()
) -> None:
    """Make ``files`` (relative path -> content) the set in ``out_dir``, all at once.

    ``folders`` names the top-level folders the set owns whole: their old contents
    go, even files not in ``files``. Any other top-level entry of ``files`` is one
    file. Entries of ``out_dir`` the set does not name are left alone.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir):
        _recover(out_dir)
        staging = out_dir / STAGING
        staging.mkdir()
        for folder in folders:
            (staging / folder).mkdir()
        for rel, data in sorted(files.items()):
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            dl.write_atomic(path, data)
        dl.write_atomic(staging / COMPLETE, "".join(f"{rel}\n" for rel in sorted(files)))
        _swap(out_dir)


def recover(out_dir: Path) -> None:
    """Finish the swap of a build killed after its commit, or drop an unfinished staging."""
    if (out_dir / STAGING).exists():
        with _locked(out_dir):
            _recover(out_dir)


def _recover(out_dir: Path) -> None:
    staging = out_dir / STAGING
    if (staging / COMPLETE).is_file():
        _swap(out_dir)
    elif staging.exists():
        shutil.rmtree(staging)


def _swap(out_dir: Path) -> None:
    """Move the committed staging set into ``out_dir``: folders first, files after."""
    staging = out_dir / STAGING
    old = staging / _OLD
    old.mkdir(exist_ok=True)
    staged = [p for p in staging.iterdir() if p.name not in (COMPLETE, _OLD)]
    for new in sorted(staged, key=lambda p: (not p.is_dir(), p.name)):
        current = out_dir / new.name
        if new.is_dir() and current.exists():
            if (old / new.name).exists():
                shutil.rmtree(old / new.name)
            os.replace(current, old / new.name)
        os.replace(new, current)
    shutil.rmtree(staging)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (where ``fcntl`` exists), waiting for it."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # a file system without locks: go on unlocked
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
