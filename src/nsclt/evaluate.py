"""Where a plan file stands on a given date: selection of phases and the evaluated report.

Pure: a validated plan file and an as-of date in, a ``report.ProvinceReport`` out. No
I/O, no printing, no clock: the caller passes the date, so every verdict can be
reproduced later. Each target is judged by ``pace``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from nsclt.amend import InForce, plan_file_in_force, takes_effect
from nsclt.catalogue import indicators_of
from nsclt.model import Amendment, Indicator, Milestone, Phase, Plan, PlanFile, Result
from nsclt.pace import evaluate_target
from nsclt.provinces import placed
from nsclt.report import (
    AmendmentInfo,
    Figure,
    MilestoneRow,
    MilestoneStatus,
    Notice,
    PhaseInfo,
    PhaseReport,
    PlanInfo,
    ProvinceReport,
    ResultRow,
    SupportItem,
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


def report_of(
    plan_file: PlanFile,
    slug: str,
    as_of: date,
    plan_id: str | None = None,
    phase_id: str | None = None,
    every_phase: bool = False,
) -> ProvinceReport:
    """The report of a plan file on the as-of date: its plans as in force on that date
    (amendments applied), the phases chosen as ``select_phases`` says, each evaluated; and
    where its province stands on today's map (``provinces.placed``)."""
    current, states = plan_file_in_force(plan_file, as_of)
    chosen = select_phases(current, as_of, plan_id, phase_id, every_phase)
    return placed(evaluate(current, slug, as_of, chosen, states), plan_file.scope)


def evaluate(
    plan_file: PlanFile,
    slug: str,
    as_of: date,
    phases: list[tuple[Plan, Phase]],
    states: Mapping[str, InForce] | None = None,
) -> ProvinceReport:
    """The report of the chosen phases of a plan file (as in force on the date)."""
    indicators = indicators_of(plan_file)
    source_dates = {source.id: source.date for source in plan_file.sources}
    reports = tuple(
        evaluate_phase(plan, phase, indicators, as_of, (states or {}).get(plan.id), source_dates)
        for plan, phase in phases
    )
    cited = {row.source for report in reports for row in report.untargeted}
    cited.update(row.spec.source for report in reports for row in report.targets)
    cited.update(row.milestone.source for report in reports for row in report.milestones)
    cited.update(
        row.milestone.completed.source
        for report in reports
        for row in report.milestones
        if row.milestone.completed
    )
    for report in reports:
        cited.update(a.source for a in (*report.plan.amendments, *report.plan.pending))
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
    plan: Plan,
    phase: Phase,
    indicators: dict[str, Indicator],
    as_of: date,
    state: InForce | None = None,
    source_dates: Mapping[str, date | None] | None = None,
) -> PhaseReport:
    source_dates = source_dates or {}
    visible = [r for r in plan.results if known_on(r, as_of)]
    set_by = state.target_set_by if state else {}
    rows = tuple(
        evaluate_target(plan, phase, spec, indicators[spec.indicator], visible, as_of)._replace(
            recorded=tuple(r for r in plan.results if r.indicator == spec.indicator),
            set_by=set_by.get((phase.id, spec.indicator)),
            phase_start=phase.start,
        )
        for spec in phase.targets
    )
    milestones = tuple(
        MilestoneRow(plan.id, phase.id, m, _milestone_status(m, as_of, source_dates))
        for m in phase.milestones
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
        plan=_plan_info(plan, state),
        phase=PhaseInfo(phase.id, phase.start, phase.end, phase.note),
        elapsed=_elapsed_share(phase, as_of),
        targets=rows,
        milestones=milestones,
        untargeted=untargeted,
        notices=tuple(notices),
    )


def _amendment_info(amendment: Amendment) -> AmendmentInfo:
    return AmendmentInfo(
        id=amendment.id,
        number=amendment.number,
        date=amendment.date,
        year=amendment.year,
        issuer=amendment.issuer,
        takes_effect=takes_effect(amendment),
        source=amendment.source,
    )


def _plan_info(plan: Plan, state: InForce | None) -> PlanInfo:
    added_by = state.support_added_by if state else {}
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
        amendments=tuple(_amendment_info(a) for a in state.applied) if state else (),
        pending=tuple(_amendment_info(a) for a in state.pending) if state else (),
        support=tuple(SupportItem(item, added_by.get(item)) for item in plan.support),
    )


def known_on(result: Result, as_of: date) -> bool:
    """Whether a result existed on the as-of date, so past reports stay reproducible."""
    return result.date <= as_of if result.date is not None else result.year <= as_of.year


def _elapsed_share(phase: Phase, as_of: date) -> float:
    start, end = date(phase.start, 1, 1), date(phase.end + 1, 1, 1)
    share = (as_of - start).days / (end - start).days
    return min(1.0, max(0.0, share))


def _milestone_status(
    milestone: Milestone, as_of: date, source_dates: Mapping[str, date | None]
) -> MilestoneStatus:
    completed = milestone.completed
    done = milestone.done or (completed.date if completed else None)
    if done is not None and done <= as_of:
        return "done"
    if completed is not None and completed.date is None:
        # Done on evidence that gives no date: known from the day its source appeared.
        known = source_dates.get(completed.source)
        if known is None or known <= as_of:
            return "done_undated"
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
