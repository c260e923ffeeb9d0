"""Every indicator and source a record names exists."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from nsclt.checks.rules import Context, rule
from nsclt.loader import DataPath
from nsclt.model import Baseline, Milestone, Target
from nsclt.problems import Problem
from nsclt.text import closest


def _indicator_uses(c: Context) -> Iterator[tuple[DataPath, str]]:
    for p, plan in enumerate(c.plan_file.plans):
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r), result.indicator
        for f, phase in enumerate(plan.phases):
            here = ("plans", p, "phases", f)
            for t, target in enumerate(phase.targets):
                yield (*here, "targets", t), target.indicator
            for b, baseline in enumerate(phase.baselines):
                yield (*here, "baselines", b), baseline.indicator
        for a, amendment in enumerate(plan.amendments):
            for k, change in enumerate(amendment.targets):
                changed: DataPath = ("plans", p, "amendments", a, "targets", k)
                if change.set is not None:
                    yield (*changed, "set"), change.set.indicator
                if change.remove is not None:
                    yield changed, change.remove


@rule("NSC203")
def _unknown_indicator(c: Context) -> Iterator[Problem]:
    known = sorted(c.indicators)
    for path, indicator in _indicator_uses(c):
        if indicator not in c.indicators:
            yield c.at(
                (*path, "indicator"), "NSC203", id=indicator, hint=closest(indicator, known) or ""
            )


def _source_uses(c: Context) -> Iterator[tuple[DataPath, str | None]]:
    for p, plan in enumerate(c.plan_file.plans):
        for d, document in enumerate(plan.legal_basis):
            yield ("plans", p, "legal_basis", d, "source"), document.source
        for r, result in enumerate(plan.results):
            yield ("plans", p, "results", r, "source"), result.source
        for f, phase in enumerate(plan.phases):
            here = ("plans", p, "phases", f)
            groups: tuple[tuple[str, Sequence[Target | Baseline | Milestone]], ...] = (
                ("targets", phase.targets),
                ("baselines", phase.baselines),
                ("milestones", phase.milestones),
            )
            for group, items in groups:
                for n, item in enumerate(items):
                    yield (*here, group, n, "source"), item.source
            for m, milestone in enumerate(phase.milestones):
                if milestone.completed is not None:
                    path = (*here, "milestones", m, "completed", "source")
                    yield path, milestone.completed.source
        for a, amendment in enumerate(plan.amendments):
            here = ("plans", p, "amendments", a)
            yield (*here, "source"), amendment.source
            for k, change in enumerate(amendment.targets):
                if change.set is not None:
                    yield (*here, "targets", k, "set", "source"), change.set.source
            for k, moved in enumerate(amendment.milestones):
                yield (*here, "milestones", k, "set", "source"), moved.set.source


@rule("NSC204")
def _unknown_source(c: Context) -> Iterator[Problem]:
    known = [source.id for source in c.plan_file.sources]
    for path, source in _source_uses(c):
        if source is not None and source not in known:
            yield c.at(path, "NSC204", id=source, hint=closest(source, known) or "")
