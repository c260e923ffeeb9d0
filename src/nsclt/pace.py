"""One target judged on one date: the goal, the actual, the pace and the verdict.

Pure: no I/O, no clock. Every rule here is written out, with worked examples, in
docs/format.md ("How progress is judged"); each verdict carries the ``Decision`` that
settled it, so ``--explain`` can show the comparison in words and anyone can redo it.

Pace is linear by default so that a zero start works: progress share
p = (actual - start) / (goal - start) against elapsed share e = (t - t0) / (T - t0),
R = p / e. Per indicator or target, ``method: cagr`` uses R = actual compound growth /
required compound growth instead. R >= 0.95 is on track, >= 0.6 needs acceleration,
>= 0 limited progress, below 0 deteriorating. Both formulas follow the direction of the
indicator by themselves: towards a lower goal numerator and denominator are negative.
All arithmetic uses the values as recorded; only displays round.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from typing import Final

from nsclt.model import Band, Indicator, Method, Phase, Plan, Qualifier, Result
from nsclt.model import Target as TargetSpec
from nsclt.ratios import compound, status_for
from nsclt.report import Decision, Figure, Pace, Status, TargetRow, figure_of
from nsclt.yearly import each_year_row, growth_row

_LOWER_BOUNDS: Final = frozenset({"at_least", "more_than"})
_UPPER_BOUNDS: Final = frozenset({"at_most", "less_than"})


def evaluate_target(
    plan: Plan,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    visible: list[Result],
    as_of: date,
) -> TargetRow:
    if spec.counts_from is not None:
        # Counted from an earlier year: its baseline may stand in any phase of the plan.
        recorded = next(
            (
                b
                for each in plan.phases
                for b in each.baselines
                if b.indicator == spec.indicator and b.year == spec.counts_from
            ),
            None,
        )
    else:
        recorded = next((b for b in phase.baselines if b.indicator == spec.indicator), None)
    baseline = figure_of(recorded) if recorded else None
    # A result after the phase's end year says nothing about the phase.
    own = sorted(
        (r for r in visible if r.indicator == spec.indicator and r.year <= phase.end),
        key=lambda r: r.year,
    )
    if spec.growth_per_year is not None:
        return growth_row(plan.id, phase, spec, indicator, own, baseline, as_of)
    if spec.each_year is not None:
        return each_year_row(plan.id, phase, spec, indicator, own, as_of)
    return _threshold_row(plan.id, phase, spec, indicator, own, baseline, as_of)


def _threshold_row(
    plan_id: str,
    phase: Phase,
    spec: TargetSpec,
    indicator: Indicator,
    own: list[Result],
    baseline: Figure | None,
    as_of: date,
) -> TargetRow:
    increase = indicator.direction == "increase"
    whole = indicator.value_type == "count"
    flow = indicator.kind == "flow"
    kind, goal, band = _goal(spec, baseline, increase)
    if kind in ("increase_by", "increase_by_percent") and baseline is None:
        return _unresolved_row(plan_id, phase, spec, indicator, kind, as_of)
    # A flow's baseline is the previous period's total: it resolves increase_by, but a
    # flow always counts from 0, the year before the phase (or the year it counts from).
    t0 = spec.counts_from if spec.counts_from is not None else phase.start - 1
    start = baseline if baseline is not None and not flow else Figure(0.0, t0)
    inputs = _inputs(own, start.year, flow)
    actual = _actual(inputs, flow)
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
        baseline_assumed=baseline is None and not flow,
        start=start,
        actual=actual,
        progress=None,
        remaining=None,
        pace=None,
        status="not_started",
        inputs=inputs,
        decision=Decision("not_started", (float(phase.start),)),
        baseline_meets=(
            baseline is not None
            and not flow
            and _meets(kind, goal, band, baseline, increase, whole)
        ),
    )
    if as_of.year < phase.start:
        return row
    if actual is None:
        return _with(row, status="no_data", decision=Decision("no_data", ()))
    remaining, strict = _remaining(kind, goal, actual, increase, whole)
    row = _with(
        row,
        progress=None
        if goal == start.value
        else (actual.value - start.value) / (goal - start.value),
        remaining=remaining,
        remaining_strict=strict,
        outside_band=band is not None and _beyond_band(band, actual, increase, whole),
        approximate=actual.qualifier == "approx",
    )
    bound = _bound(actual, increase, whole)
    compared = (bound.value if bound else actual.value, goal)
    met = _meets(kind, goal, band, actual, increase, whole)
    if flow and not increase and as_of.year <= phase.end:
        # A ceiling on a total: nothing to pace. It holds until the total passes it, and is
        # only settled when the phase ends, since more can still be added.
        if met:
            return _with(row, status="on_track", decision=Decision("ceiling_kept", compared))
        return _with(row, status="deteriorating", decision=Decision("ceiling_passed", compared))
    if met:
        return _with(
            row,
            status="achieved",
            remaining=0.0,
            remaining_strict=False,
            decision=Decision("met", compared),
        )
    if as_of.year > phase.end:
        return _with(row, status="missed", decision=Decision("missed", compared))
    if goal == start.value:
        moved_away = actual.value < goal if increase else actual.value > goal
        status: Status = "deteriorating" if moved_away else "needs_acceleration"
        return _with(row, status=status, decision=Decision("same_as_start", (actual.value, goal)))
    method = spec.method or indicator.method
    pace = _pace(method, start, actual, goal, phase.end)
    return _with(
        row, pace=pace, status=status_for(pace.ratio), decision=Decision("pace", (pace.ratio,))
    )


def _unresolved_row(
    plan_id: str, phase: Phase, spec: TargetSpec, indicator: Indicator, kind: str, as_of: date
) -> TargetRow:
    """A target counted from a baseline that is not recorded: it cannot be judged."""
    started = as_of.year >= phase.start
    return TargetRow(
        plan=plan_id,
        phase=phase.id,
        indicator=indicator,
        spec=spec,
        kind=kind,
        goal=None,
        band=None,
        target_year=phase.end,
        baseline=None,
        baseline_assumed=False,
        start=None,
        actual=None,
        progress=None,
        remaining=None,
        pace=None,
        status="no_data" if started else "not_started",
        decision=Decision("no_baseline", ())
        if started
        else Decision("not_started", (float(phase.start),)),
    )


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
    if spec.increase_by_percent is not None:
        base = baseline.value if baseline is not None else 0.0
        return "increase_by_percent", base * (1 + spec.increase_by_percent / 100), None
    for kind in ("at_least", "more_than", "at_most", "less_than"):
        value = getattr(spec, kind)
        if value is not None:
            return kind, float(value), None
    raise ValueError("a validated target has exactly one kind")


def _inputs(own: list[Result], after: int, flow: bool) -> tuple[Figure, ...]:
    """The results the actual is made of: every one of a flow's since the start year, a
    level's latest."""
    later = [r for r in own if r.year > after]
    used = later if flow else later[-1:]
    return tuple(figure_of(r) for r in used)


def _actual(inputs: tuple[Figure, ...], flow: bool) -> Figure | None:
    if not inputs:
        return None
    if not flow:
        return inputs[0]
    return flow_total(inputs)


def flow_total(figures: tuple[Figure, ...]) -> Figure:
    """A flow's total over the years of ``figures`` (at least one), with their qualifiers."""
    total = math.fsum(figure.value for figure in figures)
    return Figure(total, figures[-1].year, _combined(f.qualifier for f in figures))


def _combined(qualifiers: Iterable[Qualifier | None]) -> Qualifier | None:
    """The qualifier of a sum: bounds on one side add up; anything else is approximate."""
    found = {q for q in qualifiers if q is not None}
    if not found:
        return None
    if found <= _LOWER_BOUNDS:
        return "more_than" if "more_than" in found else "at_least"
    if found <= _UPPER_BOUNDS:
        return "less_than" if "less_than" in found else "at_most"
    return "approx"


class _Bound:
    """The least (or, when lower is better, the greatest) value a figure allows."""

    __slots__ = ("open", "value")

    def __init__(self, value: float, open: bool) -> None:
        self.value = value
        self.open = open
        """The bound itself is excluded ("more than 20" of a quantity that need not be whole)."""


def _bound(figure: Figure, increase: bool, whole: bool) -> _Bound | None:
    """None when the figure allows values without limit on the side that matters."""
    q = figure.qualifier
    if q in (None, "approx") or (increase and q == "at_least") or (not increase and q == "at_most"):
        return _Bound(figure.value, open=False)
    if increase and q == "more_than":
        return _Bound(math.floor(figure.value) + 1, False) if whole else _Bound(figure.value, True)
    if not increase and q == "less_than":
        return _Bound(math.ceil(figure.value) - 1, False) if whole else _Bound(figure.value, True)
    return None  # "at most 20" can never prove a floor was reached, nor "at least" a ceiling


def _meets(
    kind: str, goal: float, band: Band | None, figure: Figure, increase: bool, whole: bool
) -> bool:
    """Whether every value the figure allows meets the target."""
    bound = _bound(figure, increase, whole)
    if bound is None:
        return False
    if kind == "more_than":
        return bound.value >= goal if bound.open else bound.value > goal
    if kind == "less_than":
        return bound.value <= goal if bound.open else bound.value < goal
    return bound.value >= goal if increase else bound.value <= goal


def _beyond_band(band: Band, figure: Figure, increase: bool, whole: bool) -> bool:
    """A range passed on its better side: every value the figure allows lies beyond it."""
    bound = _bound(figure, increase, whole)
    if bound is None:
        return False
    if increase:
        return bound.value >= band.max if bound.open else bound.value > band.max
    return bound.value <= band.min if bound.open else bound.value < band.min


def _remaining(
    kind: str, goal: float, actual: Figure, increase: bool, whole: bool
) -> tuple[float, bool]:
    """What is left to reach the goal, and whether it is strict ("more than" that amount).

    A strict target of counts needs the least whole amount that meets it: "> 1000" at
    1000 leaves 1. Of other quantities, the gap itself is left, and more than it is needed.
    """
    value = actual.value
    if kind == "more_than":
        if whole:
            return max(0.0, math.floor(goal) + 1 - value), False
        return max(0.0, goal - value), True
    if kind == "less_than":
        if whole:
            return max(0.0, value - (math.ceil(goal) - 1)), False
        return max(0.0, value - goal), True
    return (max(0.0, goal - value) if increase else max(0.0, value - goal)), False


def _pace(method: Method, start: Figure, actual: Figure, goal: float, target_year: int) -> Pace:
    elapsed = (actual.year - start.year) / (target_year - start.year)
    if method == "cagr":
        actual_rate = compound(start, actual)
        required_rate = compound(start, Figure(goal, target_year))
        # A required rate of 0 (goal equal to start) never reaches here; None is undefined.
        if min(actual.value, goal) > 0 and actual_rate is not None and required_rate:
            return Pace("cagr", elapsed, actual_rate / required_rate, actual_rate, required_rate)
        return _pace("linear", start, actual, goal, target_year)._replace(fallback=True)
    progress = (actual.value - start.value) / (goal - start.value)
    return Pace("linear", elapsed, progress / elapsed)


def required_value(
    method: Method, start: Figure, goal: float, target_year: int, year: int
) -> float:
    """Where a target's path stands in ``year``: the value whose pace ratio R is exactly 1.

    Linear: start + (goal - start) × (year - t0) / (T - t0), so that R = (actual - start) /
    (required - start) in the actual's year. cagr: start × (goal / start) ^ ((year - t0) /
    (T - t0)), where start and goal are above 0; otherwise linear, as ``_pace`` falls back.
    """
    share = (year - start.year) / (target_year - start.year)
    if method == "cagr" and min(start.value, goal) > 0:
        return float(start.value * (goal / start.value) ** share)
    return start.value + (goal - start.value) * share
