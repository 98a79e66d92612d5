"""Reading a timeline's phases and milestones, each error naming its culprit.

>>> read_phases([{"label": "Build", "start": -12, "end": 0}])[0].role
'process'
>>> read_milestones([{"label": "Ship", "at": 0}])
[('Ship', 0.0)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import DiagramTypeError, ValidationError
from ..quoting import check_text
from . import axis as ax
from ._timeline_dates import is_date, to_days

__all__ = [
    "MILESTONE_KEYS",
    "PHASE_KEYS",
    "Phase",
    "read_milestones",
    "read_phases",
    "read_time",
]

PHASE_KEYS = ("label", "start", "end", "note", "role")
MILESTONE_KEYS = ("label", "at")


@dataclass(frozen=True, slots=True, kw_only=True)
class Phase:
    """One phase, as given: its place in the input, label, span, note and role."""

    index: int
    label: str
    start: float
    end: float
    note: str | None
    role: str


def _mapping(item: Any, *, where: str, keys: tuple[str, ...]) -> Mapping:
    if not isinstance(item, Mapping):
        raise DiagramTypeError(f"{where} must be a dict with keys {', '.join(keys)}")
    unknown = [k for k in item if k not in keys]
    if unknown:
        raise ValidationError(
            f"{where} has unknown key {unknown[0]!r}; known keys: {', '.join(keys)}"
        )
    return item


def _label(item: Mapping, *, where: str) -> str:
    raw = item.get("label")
    label = "" if raw is None else check_text(raw, where=f"{where} label")
    if not label.strip():
        raise ValidationError(f"{where} has no label")
    return label


def read_time(value: Any, *, where: str, dated: bool) -> float:
    """A time: a number, or (when ``dated``) a date or datetime as its day number."""
    if is_date(value) != dated:
        raise ValidationError(
            f"{where} is {value!r}, but the first phase starts at a "
            f"{'date' if dated else 'number'}: use dates for every time, or numbers"
        )
    return to_days(value) if dated else ax.number(value, where=where)


def read_phases(phases: Any, *, dated: bool = False) -> list[Phase]:
    """Validate ``phases``: each a dict of :data:`PHASE_KEYS` with a label and a span;
    times are dates when ``dated``, numbers otherwise."""
    if isinstance(phases, (str, bytes, Mapping)) or not isinstance(phases, Sequence):
        raise DiagramTypeError('phases must be a list of {"label", "start", "end"} dicts')
    if not phases:
        raise ValidationError("timeline needs at least one phase")
    out = []
    for i, item in enumerate(phases):
        item = _mapping(item, where=f"phase {i}", keys=PHASE_KEYS)
        label = _label(item, where=f"phase {i}")
        where = f"phase {label!r}"
        for key in ("start", "end"):
            if key not in item:
                raise ValidationError(f"{where} has no {key!r}")
        start = read_time(item["start"], where=f"{where} start", dated=dated)
        end = read_time(item["end"], where=f"{where} end", dated=dated)
        if end < start:
            raise ValidationError(
                f"{where} ends ({item['end']}) before it starts ({item['start']})"
            )
        note = item.get("note")
        note = None if note is None else check_text(note, where=f"{where} note") or None
        role = check_text(item.get("role") or "process", where=f"{where} role")
        out.append(Phase(index=i, label=label, start=start, end=end, note=note, role=role))
    return out


def read_milestones(milestones: Any, *, dated: bool = False) -> list[tuple[str, float]]:
    """Validate ``milestones``; return each as (label, time)."""
    if isinstance(milestones, (str, bytes, Mapping)) or not isinstance(milestones, Sequence):
        raise DiagramTypeError('milestones must be a list of {"label", "at"} dicts')
    out = []
    for i, item in enumerate(milestones):
        item = _mapping(item, where=f"milestone {i}", keys=MILESTONE_KEYS)
        label = _label(item, where=f"milestone {i}")
        if "at" not in item:
            raise ValidationError(f"milestone {label!r} has no 'at'")
        out.append((label, read_time(item["at"], where=f"milestone {label!r} at", dated=dated)))
    return out
