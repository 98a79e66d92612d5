"""Child-process layout: ``python -m diagrams_lib._worker PROG BACKEND MEMORY LIFELINE``.

With ``PROG`` ``serve`` it lays out one request after another instead (see
:func:`serve`), for :mod:`diagrams_lib.recycled`.

Reads DOT on stdin, writes the geometry as JSON on stdout. Run by
:mod:`diagrams_lib.child` for ``render(timeout=..., isolate=True)`` and the command line:
a layout that hangs can be killed, and a Graphviz crash ends this process, not the
caller's. It runs the same :func:`~diagrams_lib.engine.layout_here` as an in-process
render, with two limits of its own:

- ``MEMORY``: bytes of address space it may use (``RLIMIT_AS``; 0 for no limit), so a
  layout that allocates without end fails here instead of swapping the machine;
- ``LIFELINE``: a pipe whose other end only the caller holds. A small watchdog process
  waits on it and ends this one when the caller is gone, even killed with SIGKILL:
  Graphviz holds the interpreter lock while it runs, so a thread could not.

Exit status 3 with the message on stderr means Graphviz reported an error, 4 that the
layout ran out of memory.

``python -m diagrams_lib._worker parse NAME TITLE MEMORY LIFELINE`` < DOT > graph JSON reads
a user's DOT the same way, within the same limits, for ``from_dot``/``render`` with
``timeout=`` or ``isolate=True`` (see :mod:`diagrams_lib.dot_in.read`).
"""

from __future__ import annotations

import json
import os
import signal
import sys

from diagrams_lib.child import ERROR, OUT_OF_MEMORY
from diagrams_lib.errors import DiagramError


def _watch(lifeline: int) -> None:
    """Fork a watchdog that kills this process once the caller's end of ``lifeline`` closes."""
    worker = os.getpid()
    if os.fork() == 0:  # the watchdog: closes the standard streams, so the caller sees EOF
        for fd in (0, 1, 2):  # on them when the worker ends, then waits on the lifeline
            os.close(fd)
        try:
            while os.read(lifeline, 512):
                pass
        except OSError:
            pass
        if os.getppid() == worker:  # still running: the caller is gone (or gave up)
            os.kill(worker, signal.SIGKILL)
        os._exit(0)
    os.close(lifeline)


def _limit_memory(limit: int) -> None:
    if limit > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def serve() -> int:
    """Answer layout requests until stdin ends. A request is 8 bytes of length and JSON
    ``{"dot", "prog", "backend"}``; an answer is a status byte (0, :data:`ERROR`,
    :data:`OUT_OF_MEMORY`), 8 bytes of length and the geometry JSON or the message."""
    from diagrams_lib.engine import layout_here

    read, write = sys.stdin.buffer.read, sys.stdout.buffer
    while len(head := read(8)) == 8:
        request = json.loads(read(int.from_bytes(head, "big")))
        try:
            geometry = layout_here(request["dot"], prog=request["prog"], backend=request["backend"])
            status, body = 0, geometry.to_json()
        except MemoryError:
            status, body = OUT_OF_MEMORY, "out of memory"
        except DiagramError as exc:
            status, body = ERROR, str(exc)
        data = body.encode("utf-8")
        write.write(bytes([status]) + len(data).to_bytes(8, "big") + data)
        write.flush()
    return 0


def main() -> int:
    *job, limit, lifeline = sys.argv[1:]
    if int(lifeline) >= 0 and hasattr(os, "fork"):
        _watch(int(lifeline))
    if job[0] == "serve":
        return serve()
    if job[0] == "parse":
        from diagrams_lib.dot_in.read import worker_main

        _limit_memory(int(limit))
        return worker_main(job[1:])
    prog, backend = job
    limit = int(limit)
    try:
        _limit_memory(limit)
        dot_text = sys.stdin.buffer.read().decode("utf-8")
        from diagrams_lib.engine import layout_here

        geometry = layout_here(dot_text, prog=prog, backend=backend)
        sys.stdout.write(geometry.to_json())
    except MemoryError:
        sys.stderr.write("out of memory")
        return OUT_OF_MEMORY
    except DiagramError as exc:
        sys.stderr.write(str(exc))
        return ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
