"""An amendment says when it was decided and changes only what the plan has."""

from __future__ import annotations

from collections.abc import Iterator

from nsclt.checks.rules import Context, rule
from nsclt.problems import Problem


@rule("NSC224", "NSC225")
def _changes_exist(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        phases = {phase.id: phase for phase in plan.phases}
        for a, amendment in enumerate(plan.amendments):
            here = ("plans", p, "amendments", a)
            changes = [("targets", k, change.phase) for k, change in enumerate(amendment.targets)]
            changes += [("milestones", k, m.phase) for k, m in enumerate(amendment.milestones)]
            for group, k, phase_id in changes:
                if phase_id not in phases:
                    yield c.at(
                        (*here, group, k, "phase"),
                        "NSC224",
                        phase=phase_id,
                        plan=plan.id,
                        choices=", ".join(phases),
                    )
            for k, change in enumerate(amendment.targets):
                phase = phases.get(change.phase)
                if phase is None or change.remove is None:
                    continue
                if change.remove not in {target.indicator for target in phase.targets}:
                    yield c.at(
                        (*here, "targets", k, "remove"),
                        "NSC225",
                        indicator=change.remove,
                        phase=phase.id,
                    )


@rule("NSC226")
def _decided_when(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for a, amendment in enumerate(plan.amendments):
            given = amendment.date, amendment.year
            disagree = amendment.date and amendment.year and amendment.date.year != amendment.year
            if given == (None, None) or disagree:
                yield c.at(("plans", p, "amendments", a), "NSC226", id=amendment.id)
