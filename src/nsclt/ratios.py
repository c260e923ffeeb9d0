"""The cut points of a pace ratio, and compound growth between two figures.

Shared by every kind of target: what R means (``status_for``) is decided here only.
"""

from __future__ import annotations

import math
from typing import Final

from nsclt.report import Figure, Status

ON_TRACK_AT: Final = 0.95
ACCELERATE_AT: Final = 0.6


def status_for(ratio: float) -> Status:
    """R >= 0.95 on track, >= 0.6 needs acceleration, >= 0 limited progress, else deteriorating."""
    if ratio >= ON_TRACK_AT:
        return "on_track"
    if ratio >= ACCELERATE_AT:
        return "needs_acceleration"
    if ratio >= 0:
        return "limited_progress"
    return "deteriorating"


def capped(ratio: float) -> Status:
    """The status of R where a year below its floor can no longer be made good: never better
    than needs acceleration."""
    status = status_for(ratio)
    return "needs_acceleration" if status == "on_track" else status


def compound(first: Figure, last: Figure) -> float | None:
    """Compound yearly growth in percent between two figures, None when undefined."""
    years = last.year - first.year
    if years <= 0 or first.value <= 0 or last.value < 0:
        return None
    rate = float((last.value / first.value) ** (1 / years) - 1) * 100
    # A start value near zero makes the growth overflow to infinity: no usable rate.
    return rate if math.isfinite(rate) else None
