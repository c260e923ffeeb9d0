"""Each target has one kind, a kind that fits its indicator, and what that kind needs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from nsclt.checks.rules import Context, each_target, each_target_in_phase, rule
from nsclt.model import TARGET_KINDS
from nsclt.problems import Level, Problem


@rule("NSC213")
def _one_kind_per_target(c: Context) -> Iterator[Problem]:
    for path, target in each_target(c):
        kinds = [kind for kind in TARGET_KINDS if getattr(target, kind) is not None]
        if len(kinds) != 1:
            yield c.at(
                path, "NSC213", found=", ".join(kinds) or "-", allowed=", ".join(TARGET_KINDS)
            )


_BETTER_WHEN_HIGHER: Final = {"at_least", "more_than", "increase_by", "increase_by_percent"}
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
    baselines = {
        (phase.id, baseline.indicator)
        for plan in c.plan_file.plans
        for phase in plan.phases
        for baseline in phase.baselines
    }
    for path, target, phase in each_target_in_phase(c):
        for kind in ("increase_by", "increase_by_percent"):
            if getattr(target, kind) is not None and (phase, target.indicator) not in baselines:
                yield c.at(
                    (*path, kind),
                    "NSC220",
                    Level.WARNING,
                    indicator=target.indicator,
                    phase=phase,
                    kind=kind,
                )
