"""The one error hierarchy of diagrams_lib.

Every exception the library raises on purpose derives from :class:`DiagramError`.
Where a builtin fits, the error also subclasses it, so callers may catch broadly:

>>> from diagrams_lib.errors import ValidationError
>>> issubclass(ValidationError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "DiagramError",
    "DiagramTypeError",
    "DiagramWarning",
    "DotParseError",
    "EngineError",
    "EngineNotFoundError",
    "ExportError",
    "LayoutCrashError",
    "LayoutMemoryError",
    "LayoutTimeoutError",
    "MissingDependencyError",
    "OutputError",
    "UnknownOptionError",
    "UnknownRoleError",
    "ValidationError",
]


class DiagramError(Exception):
    """Base class of every error raised by diagrams_lib."""


class DiagramTypeError(DiagramError, TypeError):
    """An argument or attribute has the wrong type (e.g. a label that is a list)."""


class ValidationError(DiagramError, ValueError):
    """An argument or attribute has the right type but a bad value."""


class UnknownRoleError(ValidationError):
    """A node or edge names a role the theme does not define."""


class UnknownOptionError(ValidationError):
    """An option names an engine, theme, format or kind that does not exist."""


class EngineError(DiagramError, RuntimeError):
    """Graphviz failed to lay out the graph."""


class EngineNotFoundError(EngineError, FileNotFoundError):
    """The requested Graphviz backend is not installed."""


class LayoutTimeoutError(EngineError, TimeoutError):
    """The layout did not finish within the ``timeout`` given."""


class MissingDependencyError(DiagramError, ImportError):
    """An optional package the call needs is not installed; the message says what to
    ``pip install`` (for PDF, the ``diagrams_lib[pdf]`` extra)."""


class ExportError(DiagramError, RuntimeError):
    """The SVG could not be turned into PNG or PDF; the message names the format and why."""


class LayoutMemoryError(EngineError):
    """The isolated layout needed more memory than its ``memory_limit``."""


class LayoutCrashError(EngineError):
    """Graphviz crashed (a signal such as SIGSEGV) or ended the isolated layout process
    with ``exit()``; the caller's process is unaffected."""


class DotParseError(ValidationError):
    """DOT text could not be parsed."""


class DiagramWarning(UserWarning):
    """Something in the input was not drawn as given (an attribute the library does not
    draw, a value it had to change); the message names it and where it appeared."""


class OutputError(DiagramError, OSError):
    """A file could not be written: a read-only folder, a folder in the way, a full disk...

    The message names the file asked for (and, for a symbolic link, the file it points
    at) and the reason; ``errno`` is the operating system's code, as on any ``OSError``.
    """
