"""Atomic file writes: a file is replaced whole or not at all.

Every file diagrams_lib writes (``save``, the command line, goldens, the gallery, the
report) goes through :func:`write_atomic`, so all of them behave alike:

* The data goes to a temporary file beside the target (``.<name>.<8 chars>.tmp``), is
  flushed to disk, then renamed over the target: a reader sees the old file or the
  new one, never half of one, and a failed write leaves the old file as it was.
* A writer holds an exclusive lock (``flock``) on its temporary file until the rename.
  The kernel drops that lock when the writer dies, even by SIGKILL, so each write
  first removes the unlocked temporaries of earlier writes to the same path: a killed
  writer strands nothing past the next write. (Without ``fcntl``, on Windows, they are
  not removed.)
* The new file gets the permissions any new file gets, ``0o666`` less the umask:
  ``0644`` under the usual ``022``, ``0600`` under ``077``. The old file's mode is not
  kept.
* Writing to a symbolic link writes to the file it points at; the link stays a link.
* Any ``OSError`` becomes an :class:`~diagrams_lib.errors.OutputError` whose message
  names the target and the reason.

>>> import pathlib, tempfile
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> write_atomic(p, "hello")
>>> p.read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path

from .errors import DiagramTypeError, OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["write_atomic"]

# mkstemp's alphabet, so that temporaries stranded by earlier versions go too
_TEMP_TAIL = re.compile(r"[a-z0-9_]{8}\.tmp")


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` (text, as UTF-8, or bytes) to ``path``, whole or not at all.

    The data goes to a temporary file beside ``path`` that is renamed over it once on
    disk. Text is written exactly as given (no newline translation). A symbolic link is
    written through and stays a link; the file's mode follows the umask; temporary files
    of killed writers go at the next write to the same path. Any failure raises
    :class:`~diagrams_lib.errors.OutputError` naming ``path`` and leaves the old file.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.bin"
    >>> write_atomic(p, b"\\x89PNG")
    >>> p.read_bytes()
    b'\\x89PNG'
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise DiagramTypeError(
            f"can only write str or bytes to {str(path)!r}, not {type(data).__name__}"
        )
    given = Path(path)
    target = _resolve(given)
    try:
        _remove_leftovers(target)
        fd, tmp = _create_temp(target)
    except OSError as exc:
        raise _error(given, target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:  # closing it releases the lock, so rename first
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _error(given, target, exc) from exc
        raise


def _resolve(path: Path) -> Path:
    """The file a write to ``path`` lands in: ``path``, or the end of its chain of links."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop and returns a link
        raise _error(path, path, OSError(errno.ELOOP, os.strerror(errno.ELOOP)))
    return target


def _create_temp(target: Path) -> tuple[int, Path]:
    """Create and lock a new temporary file beside ``target``."""
    while True:
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # umask applies
        except FileExistsError:
            continue
        if fcntl is None:
            return fd, tmp
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # a file system without locks: cleaners cannot lock it either
            return fd, tmp
        if os.fstat(fd).st_nlink:
            return fd, tmp
        os.close(fd)  # a cleaner removed it between open and lock: take another name


def _remove_leftovers(target: Path) -> None:
    """Remove the temporaries of earlier writes to ``target`` whose writer is gone."""
    if fcntl is None:
        return
    prefix = f".{target.name}."
    with os.scandir(target.parent) as entries:
        names = [
            e.name
            for e in entries
            if e.name.startswith(prefix) and _TEMP_TAIL.fullmatch(e.name.removeprefix(prefix))
        ]
    for name in names:
        leftover = target.parent / name
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # locked: its writer is still at work (or this one may not remove it)
        finally:
            os.close(fd)


def _error(given: Path, target: Path, exc: OSError) -> OutputError:
    """``exc`` as an OutputError naming the file asked for (and where its link leads)."""
    where = repr(str(given))
    if target != given:
        where += f" (a link to {str(target)!r})"
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        folder = str(target.parent) or "."
        reason += (
            f": the folder {folder!r} must be writable, as the new file is written "
            "beside the old one and renamed over it"
        )
    elif exc.errno == errno.EISDIR:
        reason = "it is a folder"
    error = OutputError(f"cannot write {where}: {reason}")
    error.errno = exc.errno
    return error
