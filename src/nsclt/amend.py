"""A plan as in force on a date: as first approved, with the amendments that had taken effect.

An amendment takes effect on its ``takes_effect`` date, else on the date of its decision;
one known only by its year takes effect on 1 January of the next year, since nothing says
when in the year it came: an as-of date within that year shows the plan as first approved,
with a note that it was amended that year. Nothing is invented in between.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import NamedTuple

from nsclt.model import Amendment, Milestone, Phase, Plan, PlanFile, Target


class InForce(NamedTuple):
    plan: Plan
    """The plan with every amendment in effect on the date applied."""
    applied: tuple[Amendment, ...]
    pending: tuple[Amendment, ...]
    """Amendments of the as-of date's own year, known only by that year: not yet applied."""
    target_set_by: dict[tuple[str, str], str]
    """(phase id, indicator) -> id of the amendment that set that target."""
    support_added_by: dict[str, str]
    """An item of ``support`` -> id of the amendment that added it."""


def takes_effect(amendment: Amendment) -> date:
    if amendment.takes_effect is not None:
        return amendment.takes_effect
    if amendment.date is not None:
        return amendment.date
    assert amendment.year is not None  # checks require a date or a year
    return date(amendment.year + 1, 1, 1)


def in_force(plan: Plan, as_of: date) -> InForce:
    ordered = sorted(plan.amendments, key=takes_effect)
    applied = tuple(a for a in ordered if takes_effect(a) <= as_of)
    pending = tuple(
        a for a in ordered if a.date is None and a.takes_effect is None and a.year == as_of.year
    )
    set_by: dict[tuple[str, str], str] = {}
    added_by: dict[str, str] = {}
    current = plan
    for amendment in applied:
        current = _amended(current, amendment, set_by, added_by)
    return InForce(current, applied, pending, set_by, added_by)


def plan_file_in_force(plan_file: PlanFile, as_of: date) -> tuple[PlanFile, dict[str, InForce]]:
    """The file with each plan as in force on the date, and how each came to be."""
    states = {plan.id: in_force(plan, as_of) for plan in plan_file.plans}
    plans = [states[plan.id].plan for plan in plan_file.plans]
    return dataclasses.replace(plan_file, plans=plans), states


def _amended(
    plan: Plan,
    amendment: Amendment,
    set_by: dict[tuple[str, str], str],
    added_by: dict[str, str],
) -> Plan:
    phases = [_phase_amended(phase, amendment, set_by) for phase in plan.phases]
    for item in amendment.add_support:
        added_by[item] = amendment.id
    return dataclasses.replace(
        plan,
        end=amendment.end if amendment.end is not None else plan.end,
        objectives=[*plan.objectives, *amendment.add_objectives],
        tasks=[*plan.tasks, *amendment.add_tasks],
        support=[*plan.support, *amendment.add_support],
        phases=phases,
    )


def _phase_amended(phase: Phase, amendment: Amendment, set_by: dict[tuple[str, str], str]) -> Phase:
    targets: list[Target] = list(phase.targets)
    milestones: list[Milestone] = list(phase.milestones)
    for change in amendment.targets:
        if change.phase != phase.id:
            continue
        if change.remove is not None:
            targets = [t for t in targets if t.indicator != change.remove]
            set_by.pop((phase.id, change.remove), None)
        if change.set is not None:
            new = change.set
            at = next((i for i, t in enumerate(targets) if t.indicator == new.indicator), None)
            if at is None:
                targets.append(new)
            else:
                targets[at] = new  # replaced where it stood
            set_by[(phase.id, new.indicator)] = amendment.id
    for moved in amendment.milestones:
        if moved.phase == phase.id:
            milestones = [m for m in milestones if m.id != moved.set.id] + [moved.set]
    return dataclasses.replace(phase, targets=targets, milestones=milestones)
