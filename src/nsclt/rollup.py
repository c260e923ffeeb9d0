"""The national roll-up: summable standard indicators added up over the provinces.

Pure. Only indicators the catalogue marks summable are added (``catalogue.SUMMABLE``:
counts, never shares, rates or growth). A level counts each province's latest result on the
as-of date, carried forward with its year; a flow counts each province's total over the years
of the national target's phase (none without one). A former unit counts only before it
merged: on a later date its new unit reports for it, and adding both would count it twice.
"""

from __future__ import annotations

from datetime import date

from nsclt.catalogue import SUMMABLE
from nsclt.evaluate import known_on
from nsclt.map2025 import MERGED_ON
from nsclt.model import Indicator, PlanFile
from nsclt.pace import flow_total
from nsclt.report import Figure, ProvinceReport, TargetRow, figure_of
from nsclt.views import Contribution, RollupRow


def summable_figures(plan_file: PlanFile, as_of: date) -> dict[str, list[Figure]]:
    """The file's results of summable indicators known on the as-of date: all a roll-up
    needs of it, kept while the other files are read."""
    found: dict[str, list[Figure]] = {}
    for plan in plan_file.plans:
        for r in plan.results:
            if r.indicator in SUMMABLE and known_on(r, as_of):
                found.setdefault(r.indicator, []).append(figure_of(r))
    return found


def contribution(
    report: ProvinceReport,
    indicator: Indicator,
    results: list[Figure],
    years: tuple[int, int] | None,
) -> Contribution:
    """The file's figure for ``indicator``; ``years`` bound a flow's total."""
    figure: Figure | None
    if indicator.kind == "flow":
        # Without a national target there are no years to add up over: nothing is summed.
        first, last = years if years is not None else (1, 0)
        inside = tuple(
            sorted((f for f in results if first <= f.year <= last), key=lambda f: f.year)
        )
        figure = flow_total(inside) if inside else None
    else:
        figure = max(results, key=lambda f: f.year) if results else None
    counted = not (report.merged and report.as_of >= MERGED_ON)
    return Contribution(report.slug, report.name, report.name_en, figure, counted, report.current)


def rollup_row(
    indicator: Indicator,
    national: TargetRow | None,
    contributions: list[Contribution],
    years: tuple[int, int] | None,
) -> RollupRow:
    counted = tuple(
        sorted((c.figure for c in contributions if c.counted and c.figure), key=lambda f: f.year)
    )
    total = flow_total(counted) if counted else None
    first, last = years if years is not None and indicator.kind == "flow" else (None, None)
    return RollupRow(indicator, national, total, tuple(contributions), first, last)


def national_years(national: TargetRow | None) -> tuple[int, int] | None:
    """The years a flow is summed over: the national target's phase."""
    if national is None:
        return None
    return national.phase_start, national.target_year
