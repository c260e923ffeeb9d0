"""Where a plan stands on a given date, target by target.

Pure: a validated plan file and an as-of date in, plain rows out. No I/O, no
printing, no clock: the caller passes the date, so every verdict can be
reproduced later. Rows are NamedTuples: immutable, and several times cheaper
to define at start-up than dataclasses.

Pace is judged as in national SDG reporting, but linear by default so that a
zero baseline works: progress share p = (actual - baseline) / (target - baseline)
against elapsed share e = (t - t0) / (T - t0), R = p / e. Per indicator or
target, ``method: cagr`` uses R = actual compound growth / required compound
growth instead. R >= 0.95 is on track, >= 0.6 needs acceleration, >= 0 limited
progress, below 0 deteriorating. Both formulas follow the direction of the
indicator by themselves: towards a lower target both numerator and denominator
are negative.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise
from typing import Final, Literal, NamedTuple, get_args

from nsclt.catalogue import indicators_of
from nsclt.model import Band, Indicator, Method, Milestone, Phase, Plan, PlanFile, Qualifier, Result
from nsclt.model import Target as TargetSpec

Status = Literal[
    "achieved",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deteriorating",
    "missed",
    "not_started",
    "no_data",
]
MilestoneStatus = Literal["done", "due", "overdue"]
STATUSES: Final[tuple[str, ...]] = get_args(Status) + get_args(MilestoneStatus)

ON_TRACK_AT: Final = 0.95
ACCELERATE_AT: Final = 0.6


class Figure(NamedTuple):
    value: float
    year: int
    qualifier: Qualifier | None = None


class Pace(NamedTuple):
    method: Method
    elapsed: float
    """e: share of the time from baseline year to target year that has passed."""
    ratio: float
    """R: the method's measure of actual against required pace."""
    actual_rate: float | None = None
    """With cagr: compound yearly growth so far, in percent."""
    required_rate: float | None = None
    """With cagr: compound yearly growth needed to reach the target on time, in percent."""
    fallback: bool = False
    """cagr was asked for but cannot work (a value <= 0); linear was used."""


class YearlyGrowth(NamedTuple):
    year: int
    rate: float
    verdict: Literal["below", "within", "above"]


class TargetRow(NamedTuple):
    plan: str
    phase: str
    indicator: Indicator
    spec: TargetSpec
    kind: str
    goal: float | None
    """The value to reach; an ``increase_by`` target resolved to baseline + N."""
    band: Band | None
    target_year: int
    baseline: Figure | None
    baseline_assumed: bool
    """No baseline was recorded; zero at the year before the phase is used."""
    start: Figure | None
    """Where progress is measured from: the baseline of a level, else 0 before the phase."""
    actual: Figure | None
    progress: float | None
    """p: share of the way from baseline to goal."""
    remaining: float | None
    pace: Pace | None
    status: Status
    outside_band: bool = False
    """A range target passed on its better side (above it, for an increase)."""
    growth: tuple[YearlyGrowth, ...] = ()
    compound_rate: float | None = None


class MilestoneRow(NamedTuple):
    plan: str
    phase: str
    milestone: Milestone
    status: MilestoneStatus


class Notice(NamedTuple):
    """A warning about the data rather than a verdict: something missing or late."""

    key: str
    params: tuple[tuple[str, str], ...]


class PhaseReport(NamedTuple):
    plan: Plan
    phase: Phase
    as_of: date
    elapsed: float
    targets: tuple[TargetRow, ...]
    milestones: tuple[MilestoneRow, ...]
    untargeted: tuple[Result, ...]
    """Results recorded in the phase's years for indicators it sets no target for."""
    notices: tuple[Notice, ...]


class SelectionError(LookupError):
    def __init__(self, what: Literal["plan", "phase"], wanted: str, choices: list[str]) -> None:
        super().__init__(wanted)
        self.what = what
        self.wanted = wanted
        self.choices = choices


# --- choosing what to show ---------------------------------------------------------


def select_phases(
    plan_file: PlanFile,
    as_of: date,
    plan_id: str | None = None,
    phase_id: str | None = None,
    every_phase: bool = False,
) -> list[tuple[Plan, Phase]]:
    """The phases to report: those running on the as-of date, else the latest ended.

    With nothing running or ended yet, the first phase to come. ``every_phase``
    returns them all; ``plan_id`` and ``phase_id`` narrow the choice.
    """
    plans = plan_file.plans
    if plan_id is not None:
        plans = [plan for plan in plans if plan.id == plan_id]
        if not plans:
            raise SelectionError("plan", plan_id, [plan.id for plan in plan_file.plans])
    candidates = [(plan, phase) for plan in plans for phase in plan.phases]
    if phase_id is not None:
        chosen = [(plan, phase) for plan, phase in candidates if phase.id == phase_id]
        if not chosen:
            raise SelectionError("phase", phase_id, sorted({ph.id for _, ph in candidates}))
        return chosen
    if every_phase:
        return candidates
    year = as_of.year
    running = [(pl, ph) for pl, ph in candidates if ph.start <= year <= ph.end]
    if running:
        return running
    ended = [(pl, ph) for pl, ph in candidates if ph.end < year]
    if ended:
        last = max(ph.end for _, ph in ended)
        return [(pl, ph) for pl, ph in ended if ph.end == last]
    first = min(ph.start for _, ph in candidates)
    return [(pl, ph) for pl, ph in candidates if ph.start == first]


def evaluate(
    plan_file: PlanFile, as_of: date, phases: list[tuple[Plan, Phase]]
) -> list[PhaseReport]:
    indicators = indicators_of(plan_file)
    return [evaluate_phase(plan, phase, indicators, as_of) for plan, phase in phases]


# --- one phase ----------------------------------------------------------------------


def evaluate_phase(
    plan: Plan, phase: Phase, indicators: dict[str, Indicator], as_of: date
) -> PhaseReport:
    visible = [r for r in plan.results if _known_on(r, as_of)]
    rows = tuple(
        _evaluate_target(plan, phase, spec, indicators[spec.indicator], visible, as_of)
        for spec in phase.targets
    )
    milestones = tuple(
        MilestoneRow(plan.id, phase.id, m, _milestone_status(m, as_of)) for m in phase.milestones
    )
    targeted = {spec.indicator for spec in phase.targets}
    untargeted = tuple(
        r for r in visible if r.indicator not in targeted and phase.start <= r.year <= phase.end
    )
    notices = (*_stale_results(phase, visible, as_of), *_late_milestones(milestones))
    return PhaseReport(
        plan=plan,
        phase=phase,
        as_of=as_of,
        elapsed=_elapsed_share(phase, as_of),
        targets=rows,
        milestones=milestones,
        untargeted=untargeted,
        notices=tuple(notices),
    )


def _known_on(result: Result, as_of: date) -> bool:
    """Whether a result existed on the as-of date, so past reports stay reproducible."""
    return result.date <= as_of if result.date is not None else result.year <= as_of.year


def _elapsed_share(phase: Phase, as_of: date) -> float:
    start, end = date(phase.start, 1, 1), date(phase.end + 1, 1, 1)
    share = (as_of - start).days / (end - start).days
    return min(1.0, max(0.0, share))


def _milestone_status(milestone: Milestone, as_of: date) -> MilestoneStatus:
    if milestone.done is not None and milestone.done <= as_of:
        return "done"
    return "overdue" if milestone.due < as_of else "due"


def _stale_results(phase: Phase, visible: list[Result], as_of: date) -> list[Notice]:
    """A running phase should have each targeted indicator's figure for last year."""
    last_year = as_of.year - 1
    if not phase.start <= as_of.year <= phase.end or last_year < phase.start:
        return []
    reported = {r.indicator for r in visible if r.year == last_year}
    wanted = dict.fromkeys(spec.indicator for spec in phase.targets)
    return [
        _notice("notice.stale", indicator=indicator, year=last_year)
        for indicator in wanted
        if indicator not in reported
    ]


def _late_milestones(rows: tuple[MilestoneRow, ...]) -> list[Notice]:
    return [
        _notice("notice.overdue", milestone=row.milestone.id, due=row.milestone.due.isoformat())
        for row in rows
        if row.status == "overdue"
    ]


def _notice(key: str, **params: object) -> Notice:
    return Notice(key, tuple((name, str(value)) for name, value in params.items()))


# --- one target -----------------------------------------------------------------------


def _evaluate_target(
    plan: Plan,
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
        return _growth_row(plan, phase, spec, indicator, own, baseline, as_of)

    increase = indicator.direction == "increase"
    kind, goal, band = _goal(spec, baseline, increase)
    assumed = baseline is None or indicator.kind == "flow"
    start = Figure(0.0, phase.start - 1) if assumed else baseline
    assert start is not None
    actual = _actual(indicator, own, phase, start.year)
    row = TargetRow(
        plan=plan.id,
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
    plan: Plan,
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
        plan=plan.id,
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
