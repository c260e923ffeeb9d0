"""Where a plan file stands on a given date: selection of phases and the evaluated report.

Pure: a validated plan file and an as-of date in, a ``report.ProvinceReport`` out. No
I/O, no printing, no clock: the caller passes the date, so every verdict can be
reproduced later. Each target is judged by ``pace``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from nsclt.catalogue import indicators_of
from nsclt.model import Indicator, Milestone, Phase, Plan, PlanFile, Result
from nsclt.pace import evaluate_target
from nsclt.report import (
    Figure,
    MilestoneRow,
    MilestoneStatus,
    Notice,
    PhaseInfo,
    PhaseReport,
    PlanInfo,
    ProvinceReport,
    ResultRow,
    TargetRow,
)


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
    plan_file: PlanFile, slug: str, as_of: date, phases: list[tuple[Plan, Phase]]
) -> ProvinceReport:
    """The report of the chosen phases of a plan file on the as-of date."""
    indicators = indicators_of(plan_file)
    reports = tuple(evaluate_phase(plan, phase, indicators, as_of) for plan, phase in phases)
    cited = {row.source for report in reports for row in report.untargeted}
    cited.update(row.spec.source for report in reports for row in report.targets)
    cited.update(row.milestone.source for report in reports for row in report.milestones)
    for plan, _ in phases:
        cited.update(doc.source for doc in plan.legal_basis if doc.source)
    return ProvinceReport(
        slug=slug,
        name=plan_file.name,
        name_en=plan_file.name_en,
        as_of=as_of,
        phases=reports,
        sources=tuple(source for source in plan_file.sources if source.id in cited),
        note=plan_file.note,
    )


# --- one phase ----------------------------------------------------------------------


def evaluate_phase(
    plan: Plan, phase: Phase, indicators: dict[str, Indicator], as_of: date
) -> PhaseReport:
    visible = [r for r in plan.results if _known_on(r, as_of)]
    rows = tuple(
        evaluate_target(plan.id, phase, spec, indicators[spec.indicator], visible, as_of)._replace(
            recorded=tuple(r for r in plan.results if r.indicator == spec.indicator)
        )
        for spec in phase.targets
    )
    milestones = tuple(
        MilestoneRow(plan.id, phase.id, m, _milestone_status(m, as_of)) for m in phase.milestones
    )
    targeted = {spec.indicator for spec in phase.targets}
    untargeted = tuple(
        ResultRow(indicators[r.indicator], Figure(r.value, r.year, r.qualifier), r.source)
        for r in visible
        if r.indicator not in targeted and phase.start <= r.year <= phase.end
    )
    notices = (
        *_stale_results(phase, visible, as_of),
        *_late_milestones(milestones),
        *_baselines_already_met(rows),
    )
    return PhaseReport(
        plan=_plan_info(plan),
        phase=PhaseInfo(phase.id, phase.start, phase.end, phase.note),
        elapsed=_elapsed_share(phase, as_of),
        targets=rows,
        milestones=milestones,
        untargeted=untargeted,
        notices=tuple(notices),
    )


def _plan_info(plan: Plan) -> PlanInfo:
    return PlanInfo(
        id=plan.id,
        title=plan.title,
        title_en=plan.title_en,
        agency=plan.agency,
        agency_en=plan.agency_en,
        start=plan.start,
        end=plan.end,
        legal_basis=tuple(plan.legal_basis),
        note=plan.note,
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


def _baselines_already_met(rows: tuple[TargetRow, ...]) -> list[Notice]:
    return [
        _notice("notice.baseline_meets", indicator=row.indicator.id)
        for row in rows
        if row.baseline_meets and row.status == "no_data"
    ]


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
