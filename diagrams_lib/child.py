"""Running one layout in a child process: its limits, its lifeline, and its end as an error.

The child (:mod:`diagrams_lib._worker`) runs Graphviz on the DOT text and sends the
geometry back. Whatever happens to it, the caller gets the geometry or one
:class:`~diagrams_lib.errors.EngineError`:

========================================  ==========================================
the child...                              the caller gets
========================================  ==========================================
runs past ``timeout`` seconds             :class:`LayoutTimeoutError` (child killed)
needs more than ``memory_limit`` MiB      :class:`LayoutMemoryError`
crashes (SIGSEGV, SIGABRT, SIGFPE...)     :class:`LayoutCrashError`, naming the signal
is ended by Graphviz's own ``exit()``     :class:`LayoutCrashError`, with its message
reports a Graphviz error                  :class:`EngineError`, with its message
========================================  ==========================================

The child is started with a fixed environment, from the folder that holds this package,
so its layout does not depend on the caller's environment; and it dies with the caller
(see :mod:`diagrams_lib._worker`).

>>> check_limits(timeout=float("inf"), memory_limit=None)
(None, 2048)
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import subprocess
import sys
from numbers import Real
from pathlib import Path
from typing import Any

from .errors import (
    EngineError,
    LayoutCrashError,
    LayoutMemoryError,
    LayoutTimeoutError,
    ValidationError,
)

__all__ = [
    "DEFAULT_MEMORY_LIMIT",
    "MIN_MEMORY_LIMIT",
    "ROOT",
    "check_limits",
    "environment",
    "error",
    "run",
]

ERROR, OUT_OF_MEMORY = 3, 4  # the child's exit status for a Graphviz error, for MemoryError
DEFAULT_MEMORY_LIMIT = 2048  # MiB of address space for a child's layout
MIN_MEMORY_LIMIT = 256  # MiB: Python with Graphviz loaded needs about 200 to start
ROOT = Path(__file__).resolve().parent.parent  # the folder that holds diagrams_lib
_ENV = ("PATH", "PYTHONPATH", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "SYSTEMROOT")


def check_limits(*, timeout: Any, memory_limit: Any) -> tuple[float | None, float]:
    """``timeout`` (seconds; ``inf`` means none) and ``memory_limit`` (MiB; None means
    the default) checked: the limits a child layout runs with."""
    if timeout is not None and (
        not isinstance(timeout, Real) or isinstance(timeout, bool) or not timeout > 0
    ):
        raise ValidationError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if memory_limit is not None and (
        not isinstance(memory_limit, Real)
        or isinstance(memory_limit, bool)
        or not MIN_MEMORY_LIMIT <= memory_limit < math.inf
    ):
        raise ValidationError(
            f"memory_limit must be a number of MiB of at least {MIN_MEMORY_LIMIT}, "
            f"not {memory_limit!r}"
        )
    seconds = None if timeout is None or math.isinf(timeout) else float(timeout)
    return seconds, DEFAULT_MEMORY_LIMIT if memory_limit is None else memory_limit


def environment() -> dict[str, str]:
    """The child's environment: what it needs to start, nothing that varies by caller."""
    env = {name: os.environ[name] for name in _ENV if name in os.environ}
    env["PYTHONHASHSEED"] = "0"
    return env


def run(
    data: str | bytes,
    *,
    job: tuple[str, ...],
    what: str,
    timeout: float | None,
    memory_limit: float,
) -> str:
    """Run ``_worker`` on ``data`` in a child process with the limits; return what it
    wrote. ``job`` is the worker's first arguments (a layout's ``PROG BACKEND``, or
    ``parse NAME TITLE``), ``what`` names the work in messages ("Graphviz (dot)")."""
    posix = os.name == "posix"
    lifeline, keep = os.pipe() if posix else (-1, -1)
    argv = [sys.executable, "-m", "diagrams_lib._worker", *job]
    argv += [str(int(memory_limit * 2**20)), str(lifeline)]
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(lifeline,) if posix else (),
            cwd=ROOT,
            env=environment(),
        )
    except BaseException:
        if posix:
            os.close(keep)
        raise
    finally:
        if posix:
            os.close(lifeline)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        try:
            out, err = proc.communicate(payload, timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(proc)
            raise LayoutTimeoutError(
                f"{what} did not finish within {timeout:g} s and was stopped. "
                "Simplify the graph, try engine='neato' or 'fdp', or raise timeout="
            ) from None
        except BaseException:  # e.g. KeyboardInterrupt: do not leave the child running
            _stop(proc)
            raise
    finally:
        if posix:
            os.close(keep)  # the watchdog sees EOF and exits
    if proc.returncode == 0:
        return out.decode("utf-8")
    said = err.decode("utf-8", "replace").splitlines()
    message = "\n".join(line for line in said if not line.startswith("Fontconfig warning"))
    raise error(proc.returncode, message.strip(), what, memory_limit)


def _stop(proc: subprocess.Popen) -> None:
    """Kill the child and close its pipes (DOT may still be waiting in the stdin one)."""
    proc.kill()
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        with contextlib.suppress(OSError):
            stream.close()
    proc.wait()


def error(status: int, message: str, what: str, memory_limit: float) -> EngineError:
    """The error for a child that ended with ``status`` (or answered it) and wrote
    ``message``; ``what`` names its work, ``memory_limit`` is the MiB it had (0: none)."""
    tail = message[-400:]
    if status == ERROR:
        return EngineError(message)
    if status == OUT_OF_MEMORY or "out of memory" in message.lower():
        limit = f"may use {memory_limit:g} MiB (memory_limit=)" if memory_limit else "had"
        return LayoutMemoryError(
            f"{what} ran out of memory: it {limit}, and needed more. "
            f"Simplify the graph or raise the limit. {tail}".strip()
        )
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return LayoutCrashError(
            f"{what} crashed with {name} in the isolated process; "
            f"your process is unaffected. {tail}".strip()
        )
    return LayoutCrashError(
        f"{what} ended the isolated process (exit {status}); your "
        f"process is unaffected. {tail}".strip()
    )
