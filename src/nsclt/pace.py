"""One target judged on one date: the goal, the actual, the pace and the verdict.

Pure: no I/O, no clock. Pace is judged as in national SDG reporting, but linear by
default so that a zero baseline works: progress share p = (actual - baseline) /
(target - baseline) against elapsed share e = (t - t0) / (T - t0), R = p / e. Per
indicator or target, ``method: cagr`` uses R = actual compound growth / required
compound growth instead. R >= 0.95 is on track, >= 0.6 needs acceleration, >= 0
limited progress, below 0 deteriorating. Both formulas follow the direction of the
indicator by themselves: towards a lower target both numerator and denominator are
negative.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise
from typing import Final, Literal

from nsclt.model import Band, Indicator, Method, Phase, Qualifier, Result
from nsclt.model import Target as TargetSpec
from nsclt.report import Figure, Pace, Status, TargetRow, YearlyGrowth

ON_TRACK_AT: Final = 0.95
ACCELERATE_AT: Final = 0.6


# --- one target -----------------------------------------------------------------------


def evaluate_target(
    plan_id: str,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    visible: list[Result],
    as_of: date,
) -> TargetRow:
    recorded = next((b for b in phase.baselines if b.indicator == spec.indicator), None)
    baseline = Figure(recorded.value, recorded.year, recorded.qualifier) if recorded else None
    own = sorted((r for r in visible if r.indicator == spec.indicator), key=lambda r: r.year)
    if spec.growth_per_year is not None:
        return _growth_row(plan_id, phase, spec, indicator, own, baseline, as_of)

    increase = indicator.direction == "increase"
    kind, goal, band = _goal(spec, baseline, increase)
    assumed = baseline is None or indicator.kind == "flow"
    start = Figure(0.0, phase.start - 1) if assumed else baseline
    assert start is not None
    actual = _actual(indicator, own, phase, start.year)
    row = TargetRow(
        plan=plan_id,
        phase=phase.id,
        indicator=indicator,
        spec=spec,
        kind=kind,
        goal=goal,
        band=band,
        target_year=phase.end,
        baseline=baseline,
        baseline_assumed=baseline is None and indicator.kind == "level",
        start=start,
        actual=actual,
        progress=None,
        remaining=None,
        pace=None,
        status="not_started",
    )
    if as_of.year < phase.start:
        return row
    if actual is None:
        return _with(row, status="no_data")
    progress = _share(start.value, actual.value, goal)
    remaining = max(0.0, goal - actual.value) if increase else max(0.0, actual.value - goal)
    outside = band is not None and (
        actual.value > band.max if increase else actual.value < band.min
    )
    row = _with(row, progress=progress, remaining=remaining, outside_band=outside)
    if _meets(kind, goal, band, actual, increase):
        return _with(row, status="achieved", remaining=0.0)
    if as_of.year > phase.end:
        return _with(row, status="missed")
    if indicator.kind == "flow" and not increase:
        # A ceiling on a total: nothing to pace, it holds until it is exceeded.
        return _with(row, status="deteriorating" if actual.value > goal else "on_track")
    method = spec.method or indicator.method
    pace = _pace(method, start, actual, goal, phase.end)
    if pace is None:
        return _with(row, status="no_data")
    return _with(row, pace=pace, status=_status_for(pace.ratio))


def _with(row: TargetRow, **changes: object) -> TargetRow:
    return row._replace(**changes)  # type: ignore[arg-type]


def _goal(
    spec: TargetSpec, baseline: Figure | None, increase: bool
) -> tuple[str, float, Band | None]:
    """The kind of target and the single value progress is measured towards."""
    if spec.range is not None:
        return "range", spec.range.min if increase else spec.range.max, spec.range
    if spec.increase_by is not None:
        base = baseline.value if baseline is not None else 0.0
        return "increase_by", base + spec.increase_by, None
    for kind in ("at_least", "more_than", "at_most", "less_than"):
        value = getattr(spec, kind)
        if value is not None:
            return kind, float(value), None
    raise ValueError("a validated target has exactly one kind")


def _actual(indicator: Indicator, own: list[Result], phase: Phase, after: int) -> Figure | None:
    """Latest value of a level; sum over the phase's years of a flow."""
    if indicator.kind == "level":
        later = [r for r in own if r.year > after]
        if not later:
            return None
        last = later[-1]
        return Figure(last.value, last.year, last.qualifier)
    in_phase = [r for r in own if phase.start <= r.year <= phase.end]
    if not in_phase:
        return None
    qualifiers = {r.qualifier for r in in_phase}
    qualifier: Qualifier | None = None
    if "approx" in qualifiers:
        qualifier = "approx"
    elif qualifiers == {"at_least"}:
        qualifier = "at_least"
    return Figure(sum(r.value for r in in_phase), in_phase[-1].year, qualifier)


def _share(start: float, actual: float, goal: float) -> float:
    if goal == start:
        return 1.0 if actual == goal else -1.0
    return (actual - start) / (goal - start)


def _meets(kind: str, goal: float, band: Band | None, actual: Figure, increase: bool) -> bool:
    value = actual.value
    if not increase and actual.qualifier == "at_least":
        return False  # "more than 20" can never prove a ceiling was kept
    if kind == "more_than":
        # "hơn 20" means above 20, so a lower bound equal to the goal already passes it.
        return value > goal or (actual.qualifier == "at_least" and value >= goal)
    if kind == "less_than":
        return value < goal
    if band is not None:
        return value >= band.min if increase else value <= band.max
    return value >= goal if increase else value <= goal


def _pace(
    method: Method, start: Figure, actual: Figure, goal: float, target_year: int
) -> Pace | None:
    span = target_year - start.year
    passed = actual.year - start.year
    if span <= 0 or passed <= 0:
        return None
    elapsed = passed / span
    if method == "cagr":
        actual_rate = _compound(start, actual)
        required_rate = _compound(start, Figure(goal, target_year))
        # required_rate is 0 when the goal is the start value, and None when undefined.
        if min(actual.value, goal) > 0 and actual_rate is not None and required_rate:
            return Pace("cagr", elapsed, actual_rate / required_rate, actual_rate, required_rate)
        linear = _pace("linear", start, actual, goal, target_year)
        return Pace("linear", linear.elapsed, linear.ratio, fallback=True) if linear else None
    return Pace("linear", elapsed, _share(start.value, actual.value, goal) / elapsed)


def _status_for(ratio: float) -> Status:
    if ratio >= ON_TRACK_AT:
        return "on_track"
    if ratio >= ACCELERATE_AT:
        return "needs_acceleration"
    if ratio >= 0:
        return "limited_progress"
    return "deteriorating"


# --- annual growth bands ---------------------------------------------------------------


def _growth_row(
    plan_id: str,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    own: list[Result],
    baseline: Figure | None,
    as_of: date,
) -> TargetRow:
    band = spec.growth_per_year
    assert band is not None
    increase = indicator.direction == "increase"
    points = [
        Figure(r.value, r.year, r.qualifier) for r in own if phase.start <= r.year <= phase.end
    ]
    if baseline is not None and baseline.year < phase.start:
        points.insert(0, baseline)
    yearly = (_yearly(before, after, band) for before, after in pairwise(points))
    growth = tuple(g for g in yearly if g is not None)
    row = TargetRow(
        plan=plan_id,
        phase=phase.id,
        indicator=indicator,
        spec=spec,
        kind="growth_per_year",
        goal=None,
        band=band,
        target_year=phase.end,
        baseline=baseline,
        baseline_assumed=False,
        start=points[0] if points else None,
        actual=points[-1] if points else None,
        progress=None,
        remaining=None,
        pace=None,
        status="not_started",
        growth=growth,
        compound_rate=_compound(points[0], points[-1]) if len(points) > 1 else None,
    )
    if as_of.year < phase.start:
        return row
    if not growth or row.compound_rate is None:
        return _with(row, status="no_data")
    floor = band.min if increase else band.max
    every_year_met = all((g.rate >= floor) if increase else (g.rate <= floor) for g in growth)
    if as_of.year > phase.end:
        return _with(row, status="achieved" if every_year_met else "missed")
    if every_year_met:
        return _with(row, status="on_track")
    ratio = row.compound_rate / floor if floor else (1.0 if row.compound_rate >= 0 else -1.0)
    status = _status_for(ratio)
    # A year below the floor can no longer be made good: never "on track" after one.
    return _with(row, status="needs_acceleration" if status == "on_track" else status)


def _yearly(before: Figure, after: Figure, band: Band) -> YearlyGrowth | None:
    rate = _compound(before, after)
    if rate is None:
        return None
    verdict: Literal["below", "within", "above"] = (
        "below" if rate < band.min else "above" if rate > band.max else "within"
    )
    return YearlyGrowth(after.year, rate, verdict)


def _compound(first: Figure, last: Figure) -> float | None:
    """Compound yearly growth in percent between two figures, None when undefined."""
    years = last.year - first.year
    if years <= 0 or first.value <= 0 or last.value < 0:
        return None
    rate = float((last.value / first.value) ** (1 / years) - 1) * 100
    # A start value near zero makes the growth overflow to infinity: no usable rate.
    return rate if math.isfinite(rate) else None
