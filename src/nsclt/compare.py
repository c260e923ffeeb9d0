"""One indicator across provinces: each file's latest result, current target and verdict.

Pure: a validated plan file, an indicator and an as-of date in, ``report.ComparedRow``s
out. The phases are those ``status`` shows on the date; the latest result is the one of the
latest year known on the date, from any of the file's plans.
"""

from __future__ import annotations

from datetime import date

from nsclt.evaluate import known_on
from nsclt.model import PlanFile
from nsclt.report import ProvinceReport, figure_of
from nsclt.views import ComparedRow


def compared_rows(
    plan_file: PlanFile, report: ProvinceReport, indicator: str, as_of: date
) -> tuple[ComparedRow, ...]:
    """The file's rows for ``indicator``: one per current target, else one without."""
    results = [
        r
        for plan in plan_file.plans
        for r in plan.results
        if r.indicator == indicator and known_on(r, as_of)
    ]
    latest = figure_of(max(results, key=lambda r: r.year)) if results else None
    tracking = (
        bool(results)
        or any(
            target.indicator == indicator
            for plan in plan_file.plans
            for phase in plan.phases
            for target in phase.targets
        )
        or any(
            change.set.indicator == indicator
            for plan in plan_file.plans
            for amendment in plan.amendments
            for change in amendment.targets
            if change.set is not None
        )
    )
    row = ComparedRow(
        slug=report.slug,
        name=report.name,
        name_en=report.name_en,
        current=report.current,
        merged=report.merged,
        tracking=tracking,
        latest=latest,
    )
    targets = [
        target._replace(recorded=())
        for phase in report.phases
        for target in phase.targets
        if target.indicator.id == indicator
    ]
    return tuple(row._replace(target=target) for target in targets) or (row,)
