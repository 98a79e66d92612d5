"""A long-lived layout process, replaced after :data:`RECYCLE` layouts.

Where in-process layouts go once Graphviz's leaks have used up this process's budget
(see :mod:`diagrams_lib.engine`): the leaked memory then piles up in a process that is
thrown away every :data:`RECYCLE` layouts, not in the caller. Starting a process per
layout would cost ~0.1 s each; this one answers in about the time of the layout.

Requests and answers are length-prefixed frames on the child's stdin and stdout (see
:func:`diagrams_lib._worker.serve`). Like any child, it dies with its caller.

>>> import json
>>> json.loads(layout("digraph { a -> b [id=e0] }", prog="dot", backend="wheel"))["bb"]
'0,0,54,108'
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading

from . import child

__all__ = ["RECYCLE", "layout"]

RECYCLE = 2000  # layouts a process does before it is replaced (~3 MiB of leaks at most)
_LOCK = threading.Lock()
_server: _Server | None = None


class _Server:
    """One layout process and the caller's ends of its pipes."""

    def __init__(self) -> None:
        self.pid = os.getpid()  # a forked copy of the caller must start its own
        self.done = 0
        posix = os.name == "posix"
        lifeline, self.keep = os.pipe() if posix else (-1, -1)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "diagrams_lib._worker", "serve", "-", "0", str(lifeline)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # Graphviz's warnings, which no one would read
                pass_fds=(lifeline,) if posix else (),
                cwd=child.ROOT,
                env=child.environment(),
            )
        finally:
            if posix:
                os.close(lifeline)

    def layout(self, dot_text: str, prog: str, backend: str) -> str:
        request = json.dumps({"dot": dot_text, "prog": prog, "backend": backend}).encode()
        try:
            self.proc.stdin.write(len(request).to_bytes(8, "big") + request)
            self.proc.stdin.flush()
            head = self.proc.stdout.read(9)
            if len(head) != 9:
                raise OSError("the layout process ended")
            status, size = head[0], int.from_bytes(head[1:], "big")
            body = self.proc.stdout.read(size).decode("utf-8")
        except (OSError, ValueError):  # it died: a crash, or killed
            self.close()
            raise child.error(self.proc.wait(), "", f"Graphviz ({prog})", 0) from None
        self.done += 1
        if status:
            raise child.error(status, body, f"Graphviz ({prog})", 0)
        return body

    def close(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        if self.keep >= 0:
            os.close(self.keep)
            self.keep = -1
        self.proc.wait()


@atexit.register
def _shutdown() -> None:
    """At exit, end the layout process (its stdin closes, so it stops) and wait for it."""
    global _server
    with _LOCK:
        if _server is not None and _server.pid == os.getpid():
            _server.close()
        _server = None


def layout(dot_text: str, *, prog: str, backend: str) -> str:
    """Lay out ``dot_text`` in the long-lived layout process; return the geometry JSON."""
    global _server
    with _LOCK:
        if _server is not None and (_server.done >= RECYCLE or _server.pid != os.getpid()):
            if _server.pid == os.getpid():
                _server.close()
            _server = None
        if _server is None:
            _server = _Server()
        server = _server
        try:
            return server.layout(dot_text, prog, backend)
        finally:
            if server.proc.poll() is not None:
                _server = None
