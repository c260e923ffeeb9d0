"""Each target has one kind, a kind that fits its indicator, and what that kind needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from nsclt.checks.rules import Context, each_target, rule
from nsclt.model import TARGET_KINDS
from nsclt.problems import Problem


@rule("NSC213")
def _one_kind_per_target(c: Context) -> Iterator[Problem]:
    for path, target in each_target(c):
        kinds = [kind for kind in TARGET_KINDS if getattr(target, kind) is not None]
        if len(kinds) != 1:
            yield c.at(
                path, "NSC213", found=", ".join(kinds) or "-", allowed=", ".join(TARGET_KINDS)
            )


_BETTER_WHEN_HIGHER: Final = {"at_least", "more_than", "increase_by"}
_BETTER_WHEN_LOWER: Final = {"at_most", "less_than"}


@rule("NSC218")
def _kind_matches_direction(c: Context) -> Iterator[Problem]:
    for path, target in each_target(c):
        indicator = c.indicators.get(target.indicator)
        if indicator is None:
            continue
        contrary = _BETTER_WHEN_LOWER if indicator.direction == "increase" else _BETTER_WHEN_HIGHER
        for kind in contrary:
            if getattr(target, kind) is not None:
                yield c.at(
                    (*path, kind),
                    "NSC218",
                    kind=kind,
                    indicator=indicator.id,
                    direction=indicator.direction,
                )


@rule("NSC220")
def _increase_needs_baseline(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            with_baseline = {baseline.indicator for baseline in phase.baselines}
            for t, target in enumerate(phase.targets):
                if target.increase_by is not None and target.indicator not in with_baseline:
                    path = ("plans", p, "phases", f, "targets", t, "increase_by")
                    yield c.at(path, "NSC220", indicator=target.indicator, phase=phase.id)
