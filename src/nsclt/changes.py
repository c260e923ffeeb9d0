"""What changed between two as-of dates (``--since``), from the plan file alone.

No history of the file is needed: a result carries the date it was reported (else it is
known from its year, as ``evaluate.known_on`` says), and an amendment the date it takes
effect. So the file judged on the earlier date, for the same phases, tells what was known
then: the results added since, the targets an amendment changed, the verdicts and
milestones that moved.
"""

from __future__ import annotations

from datetime import date

from nsclt.amend import plan_file_in_force
from nsclt.catalogue import indicators_of
from nsclt.evaluate import evaluate, known_on
from nsclt.model import PlanFile
from nsclt.report import Change, ProvinceReport, figure_of


def with_changes(plan_file: PlanFile, now: ProvinceReport, since: date) -> ProvinceReport:
    """``now`` with what differs from the same phases judged on ``since`` (an earlier day)."""
    then_file, states = plan_file_in_force(plan_file, since)
    shown = {(phase.plan.id, phase.phase.id) for phase in now.phases}
    chosen = [
        (plan, phase)
        for plan in then_file.plans
        for phase in plan.phases
        if (plan.id, phase.id) in shown
    ]
    then = evaluate(then_file, now.slug, since, chosen, states)
    changes = [*_results_added(plan_file, now, since)]
    targets = {(r.plan, r.phase, r.indicator.id): r for p in then.phases for r in p.targets}
    milestones = {(m.plan, m.phase, m.milestone.id): m for p in then.phases for m in p.milestones}
    for phase in now.phases:
        for row in phase.targets:
            old = targets.get((row.plan, row.phase, row.indicator.id))
            if old is None or old.spec != row.spec:
                changes.append(
                    Change(
                        "target_changed",
                        row.plan,
                        row.phase,
                        row.indicator,
                        target_before=old._replace(recorded=()) if old else None,
                        target_after=row._replace(recorded=()),
                    )
                )
            if old is not None and old.status != row.status:
                changes.append(
                    Change(
                        "verdict_moved",
                        row.plan,
                        row.phase,
                        row.indicator,
                        before=old.status,
                        after=row.status,
                    )
                )
        for milestone in phase.milestones:
            was = milestones.get((milestone.plan, milestone.phase, milestone.milestone.id))
            if was is not None and was.status != milestone.status:
                changes.append(
                    Change(
                        "milestone_moved",
                        milestone.plan,
                        milestone.phase,
                        milestone=milestone.milestone,
                        before=was.status,
                        after=milestone.status,
                    )
                )
    sources = {s.id for s in now.sources} | {c.figure.source for c in changes if c.figure}
    return now._replace(
        since=since,
        changes=tuple(changes),
        sources=tuple(s for s in plan_file.sources if s.id in sources),
    )


def _results_added(plan_file: PlanFile, now: ProvinceReport, since: date) -> list[Change]:
    """Results of the plans shown that were known on the as-of date but not on ``since``."""
    plans = {phase.plan.id for phase in now.phases}
    indicators = indicators_of(plan_file)
    return [
        Change(
            "result_added",
            plan.id,
            None,
            indicators[r.indicator],
            figure=figure_of(r),
            reported=r.date,
        )
        for plan in plan_file.plans
        if plan.id in plans
        for r in plan.results
        if known_on(r, now.as_of) and not known_on(r, since)
    ]
