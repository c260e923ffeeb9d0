"""Years and dates in order: phases inside their plans, figures inside their years."""

from __future__ import annotations

from collections.abc import Iterator

from nsclt.checks.rules import Context, rule
from nsclt.problems import Problem


@rule("NSC206", "NSC207")
def _periods(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        if plan.end < plan.start:
            yield c.at(("plans", p, "end"), "NSC206", start=plan.start, end=plan.end)
        for f, phase in enumerate(plan.phases):
            path = ("plans", p, "phases", f)
            if phase.end < phase.start:
                yield c.at((*path, "end"), "NSC206", start=phase.start, end=phase.end)
            elif phase.start < plan.start or phase.end > plan.end:
                yield c.at(
                    path,
                    "NSC207",
                    phase=phase.id,
                    start=phase.start,
                    end=phase.end,
                    plan_start=plan.start,
                    plan_end=plan.end,
                )


@rule("NSC211", "NSC219")
def _result_years(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        # An amendment that moves the end year makes the years up to it the plan's too.
        end = max([plan.end, *(a.end for a in plan.amendments if a.end is not None)])
        for r, result in enumerate(plan.results):
            path = ("plans", p, "results", r)
            if not plan.start <= result.year <= end:
                yield c.at(
                    (*path, "year"),
                    "NSC211",
                    year=result.year,
                    plan=plan.id,
                    start=plan.start,
                    end=end,
                )
            if result.date is not None and result.date.year < result.year:
                yield c.at((*path, "date"), "NSC219", date=result.date, year=result.year)


@rule("NSC229")
def _counted_from_before_the_end(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            for t, target in enumerate(phase.targets):
                if target.counts_from is not None and target.counts_from >= phase.end:
                    path = ("plans", p, "phases", f, "targets", t, "counts_from")
                    yield c.at(
                        path, "NSC229", year=target.counts_from, phase=phase.id, end=phase.end
                    )


@rule("NSC212")
def _baseline_years(c: Context) -> Iterator[Problem]:
    for p, plan in enumerate(c.plan_file.plans):
        for f, phase in enumerate(plan.phases):
            for b, baseline in enumerate(phase.baselines):
                if baseline.year > phase.start:
                    path = ("plans", p, "phases", f, "baselines", b, "year")
                    yield c.at(
                        path, "NSC212", year=baseline.year, phase=phase.id, start=phase.start
                    )
